"""The classroom edition: a student copy of the site without solutions, and a course pack of the notebooks.

Exercises use sphinx-exercise's gated directives (`exercise-start`/`exercise-end`, `solution-start`/
`solution-end`) so that a solution can hold code cells. sphinx-exercise 1.2.1's `hide_solutions` option drops
only the opening directive of a gated solution and then fails on the closing one, so the student edition
removes every solution from the staged sources itself (the directives and everything between them, markdown
and code cells alike) and also sets `hide_solutions: true` for any solution written in the ungated form.
Nothing here writes into the project's own `book/`, `data/` or `notebooks/`.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from aicloud.data import ROOT
from aicloud.escape import markdown_text
from aicloud.layout import FILE_MODE, write_if_changed

if TYPE_CHECKING:
    import nbformat

EDITIONS = ("instructor", "student")
FENCE = re.compile(r"^\s*(?P<fence>`{3,}|:{3,})\{(?P<name>solution-start|solution-end|solution)\}")
PACK_TOP = "aicloud-course-pack"


# --- removing solutions --------------------------------------------------------------------------------------

class _Stripper:
    """Removes solution blocks from a sequence of markdown texts and code cells, in document order."""

    def __init__(self) -> None:
        self.inside = False  # between a solution-start and its solution-end
        self.closing: str | None = None  # the fence that closes the directive being skipped
        self.removed = 0

    def text(self, text: str) -> str:
        kept = []
        for line in text.splitlines(keepends=True):
            if self.closing is not None:  # skipping a directive's own lines up to its closing fence
                if line.strip() == self.closing:
                    self.closing = None
                continue
            m = FENCE.match(line)
            if m and m.group("name") == "solution-start" and not self.inside:
                self.inside, self.closing = True, m.group("fence")
                self.removed += 1
            elif m and m.group("name") == "solution-end" and self.inside:
                self.inside, self.closing = False, m.group("fence")
            elif m and m.group("name") == "solution" and not self.inside:
                self.closing = m.group("fence")  # an ungated solution: the whole directive is the solution
                self.removed += 1
            elif not self.inside:
                kept.append(line)
        return "".join(kept)


def strip_solutions_text(text: str) -> tuple[str, int]:
    """`text` (MyST markdown) without its solutions, and how many were removed."""
    s = _Stripper()
    out = s.text(text)
    if s.inside or s.closing is not None:
        raise ValueError("a solution-start has no matching solution-end")
    return out, s.removed


def strip_solutions_notebook(nb: nbformat.NotebookNode) -> int:
    """Remove every solution from a notebook in place (markdown and the code cells inside); returns the count."""
    s = _Stripper()
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            before = cell.source
            after = s.text(before + "\n")
            if after.strip() or not before.strip():
                cell.source = after.rstrip("\n") if after != before + "\n" else before
                cells.append(cell)
        elif not s.inside:
            cells.append(cell)
    if s.inside or s.closing is not None:
        raise ValueError("a solution-start has no matching solution-end")
    nb.cells = cells
    return s.removed


def make_student(source_root: Path) -> int:
    """Turn a staged book source (never the project itself) into the student edition; returns solutions removed."""
    import nbformat  # here, not at the top: `python -m aicloud build` loads this module on every run

    source_root = Path(source_root).resolve()
    if source_root == ROOT.resolve():
        raise ValueError("the student edition is made in a staged copy, never in the project itself")
    removed = 0
    for path in sorted((source_root / "book").rglob("*")):
        if path.suffix == ".ipynb" and path.is_file():
            nb = nbformat.read(str(path), as_version=4)
            count = strip_solutions_notebook(nb)
            if count:
                _write_atomic(path, nbformat.writes(nb))
            removed += count
        elif path.suffix == ".md" and path.is_file():
            text, count = strip_solutions_text(path.read_text(encoding="utf-8"))
            if count:
                _write_atomic(path, text)
            removed += count
    student_config(source_root)
    return removed


def student_config(source_root: Path) -> None:
    """Set the staged book's configuration for the student edition (`hide_solutions`); idempotent.

    The build calls it as soon as it stages the book, so the site build it prepares ahead reads this
    configuration; `make_student` calls it again, changing nothing."""
    config_path = Path(source_root) / "_config.yml"
    if config_path.resolve() == (ROOT / "_config.yml").resolve():
        raise ValueError("the student edition is made in a staged copy, never in the project itself")
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config.setdefault("sphinx", {}).setdefault("config", {})["hide_solutions"] = True
    _write_atomic(config_path, "# Student edition: written by `python -m aicloud build --edition student`.\n"
                  + yaml.safe_dump(config, sort_keys=False, allow_unicode=True))


def _write_atomic(path: Path, text: str) -> None:
    write_if_changed(path, text)  # unchanged files keep their time stamps, so an unchanged site stays up to date


# --- the course pack -----------------------------------------------------------------------------------------

PACK_README = """# {title}: course pack

The chapter notebooks of the report, unexecuted, with the data they read and the small `aicloud` package they
import. Everything runs offline.
{edition_note}
## Install (once)

Python 3.11 or newer. From this folder:

```bash
python3 -m venv .venv
.venv/bin/pip install -r requirements.txt     # Windows: .venv\\Scripts\\pip install -r requirements.txt
.venv/bin/pip install jupyterlab              # only to open the notebooks interactively
```

## Run

Open a notebook interactively (start Jupyter from this folder, so that `import aicloud` finds the package):

```bash
.venv/bin/jupyter lab {first}.ipynb
```

Or execute a chapter without opening it, and get a standalone HTML page with working charts:

```bash
.venv/bin/python -m aicloud chapters                  # the chapters
.venv/bin/python -m aicloud params {first}     # its parameters, their ranges, the data it reads
.venv/bin/python -m aicloud run {first} -p {example_param} {example_value} --out my_run
```

The data paths in each notebook's first code cell (the parameters) are relative to this folder, for example
`data/sources.csv`; point them at your own CSV files to rerun a chapter with other data
(`python -m aicloud check my.csv --resource NAME` validates a file first).

## Contents

| path | holds |
|---|---|
{contents}| `data/` | the CSV tables, `datapackage.yaml` (types, units, keys) and `sources.csv` |
| `aicloud/` | the package the notebooks import (data loading, models, charts, claims) |
| `notebooks/` | the same chapters as Jupytext MyST markdown (the form `python -m aicloud run` reads) |
| `requirements.txt` | the pinned Python packages |
"""


def _pack_files(edition: str) -> dict[str, bytes]:
    import jupytext
    import nbformat

    from aicloud import book, params

    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}: choose {' or '.join(EDITIONS)}")
    chapters = book.chapters()
    files: dict[str, bytes] = {}
    for ch in chapters:
        nb = jupytext.read(ch.source)
        if edition == "student":
            strip_solutions_notebook(nb)
        nb.metadata.get("jupytext", {}).pop("text_representation", None)
        if not nb.metadata.get("jupytext"):
            nb.metadata.pop("jupytext", None)
        files[f"{ch.name}.ipynb"] = nbformat.writes(nb).encode("utf-8")
        text = ch.source.read_text(encoding="utf-8")
        if edition == "student":
            text = strip_solutions_text(text)[0]
        files[f"notebooks/{ch.name}.md"] = text.encode("utf-8")
    for path in sorted((ROOT / "data").rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            files[path.relative_to(ROOT).as_posix()] = path.read_bytes()
    for path in sorted((ROOT / "aicloud").rglob("*.py")):
        if "__pycache__" not in path.parts:
            files[path.relative_to(ROOT).as_posix()] = path.read_bytes()
    toc = {"format": "jb-book", "root": "README",
           "chapters": [{"file": f"book/chapters/{ch.name}"} for ch in chapters]}
    files["_toc.yml"] = ("# The chapters `python -m aicloud` knows, in order (read from notebooks/<name>.md).\n"
                         + yaml.safe_dump(toc, sort_keys=False)).encode("utf-8")
    files["requirements.txt"] = (ROOT / "requirements.txt").read_bytes()
    first = chapters[0] if chapters else None
    example = next((p for p in params.read(first.source) if p.is_assumption), None) if first else None
    contents = "".join(f"| `{ch.name}.ipynb` | {markdown_text(ch.title)} |\n" for ch in chapters)
    note = ("\nThis is the **student** pack: the exercises are included, their solutions are not.\n"
            if edition == "student" else
            "\nThis is the **instructor** pack: the exercises include their solutions (build the student pack with "
            "`python -m aicloud pack --edition student`).\n")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    files["README.md"] = PACK_README.format(
        title=markdown_text(config.get("title", "aicloud")), edition_note=note, contents=contents,
        first=first.name if first else "CHAPTER",
        example_param=example.name if example else "NAME",
        example_value=f"{example.default:g}" if example and isinstance(example.default, float) else "VALUE",
    ).encode("utf-8")
    return files


def pack(out: Path, edition: str = "instructor") -> tuple[Path, int]:
    """Write the course pack zip to `out` atomically; returns the path and the number of files in it."""
    files = _pack_files(edition)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, content in sorted(files.items()):
                info = zipfile.ZipInfo(f"{PACK_TOP}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, content)
        os.chmod(tmp, FILE_MODE)  # (mkstemp makes it 0600)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out, len(files)
