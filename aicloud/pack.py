"""The course pack: every notebook of the report, runnable from the unzipped folder in a small environment.

What goes in (see `files`): the notebooks (.ipynb, unexecuted) with plain Markdown whose figures were filled in
from the report's own run (`aicloud.myst_plain`, `aicloud.coursepack`); the data; the `aicloud` modules the
notebooks import, found by following the imports (never listed by hand; `aicloud.solutions` only in the
instructor pack); the claims ledger the conclusion reads; myst-nb's `glue()` as a small `myst_nb/` folder;
`requirements.txt` (runtime only, pinned) with `constraints.txt`; `run.py`; printable exercise sheets; and, in
the instructor pack only, the answer key. The student pack is made from the student edition of every notebook.
"""

from __future__ import annotations

import ast
import html
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from aicloud import classroom
from aicloud.data import ROOT
from aicloud.layout import FILE_MODE

if TYPE_CHECKING:
    import nbformat

    from aicloud.pipeline import Chapter

PACK_TOP = "aicloud-course-pack"
PACK_FILES = ROOT / "pack"  # the pack's own requirements, constraints and lab requirements
STAMP = (2026, 1, 1, 0, 0, 0)  # zip entries' time: the same pack twice is the same bytes


# --- reader-facing text (one place; a Chinese edition needs a counterpart for each) ---------------------------

def notebook_note(name: str) -> str:
    return (f"*Course pack copy. The figures in this text were computed from the report's data with the default "
            f"parameters when the pack was made. Change a parameter in the first code cell and run all cells: the "
            f"charts and tables follow. To have the text follow too, run `python run.py {name}` in this folder "
            f"and open `runs/{name}.ipynb`.*")


EDITION_NOTE = {
    "student": "This is the **student** pack: the exercises are included, their solutions are not.",
    "instructor": "This is the **instructor** pack: the exercises include their solutions, and `answer_key.html` "
                  "(also `answer_key.md`) lists them all. Give students the student pack "
                  "(`python -m aicloud pack --edition student`).",
}

README = """# {title}: course pack

The report's notebooks, unexecuted, with the data they read and the small `aicloud` package they import.
Everything runs offline once installed. {edition_note}

## Install (once), then run

Python 3.11 or newer. Open a terminal in this folder (the one holding this README).

**Linux and macOS**

```bash
python3 -m venv .venv
.venv/bin/python -m pip install --no-compile -r requirements.txt
.venv/bin/python run.py                                   # run every notebook, no browser needed
.venv/bin/python run.py {first}  # or just one
.venv/bin/python -m pip install --no-compile -r requirements-lab.txt  # JupyterLab (optional), then:
.venv/bin/jupyter lab {first}.ipynb
```

**Windows** (PowerShell or Command Prompt)

```bat
py -m venv .venv
.venv\\Scripts\\python -m pip install --no-compile -r requirements.txt
.venv\\Scripts\\python run.py
.venv\\Scripts\\python run.py {first}
.venv\\Scripts\\python -m pip install --no-compile -r requirements-lab.txt
.venv\\Scripts\\jupyter lab {first}.ipynb
```

`requirements.txt` holds only what the notebooks import (pinned; `constraints.txt` pins what those need in turn).
`--no-compile` halves the set-up time: Python then compiles only the modules it imports, once, on first use.
JupyterLab is a separate, larger install; if you already have JupyterLab or VS Code, skip it and choose this
folder's `.venv` as the notebooks' Python instead.

Charts draw with no network in JupyterLab 4 or newer (`requirements-lab.txt` installs it), Jupyter Notebook 7
and VS Code with its Jupyter extension: each chart is a Vega-Lite spec that the app draws with the Vega it bundles.
The classic Notebook 6 has no such renderer and shows only each chart's title.

Start Jupyter from this folder, so that `import aicloud` finds the package here. `run.py` executes notebooks in
reading order and writes each, with its outputs and with its text refilled from that run's figures, to `runs/`.

The first code cell of each notebook holds its parameters, each with its documented range: change one there and
run all cells, or from the terminal (`.venv\\Scripts\\python` on Windows):

```bash
.venv/bin/python -m aicloud params {first}  # the parameters and their ranges
.venv/bin/python -m aicloud run {first} -p {example_param} {example_value}  # one notebook, one parameter changed
```

Data paths are parameters too, relative to this folder (for example `data/sources.csv`): point them at your own
CSV files to rerun a notebook with other data. The conclusion reads the claims ledger (`{ledger}`), the
verdicts of the report's own run of the chapters.

## Contents

| path | holds |
|---|---|
{contents}| `data/` | the CSV tables, `datapackage.yaml` (types, units, keys) and `sources.csv` |
| `{ledger}` | the claims ledger: every claim with the verdict the chapters recorded |
| `exercise_sheets/` | a printable sheet of exercises per chapter (open in a browser, print) |
{answer_key}| `aicloud/` | the package the notebooks import (data loading, models, charts, claims) |
| `myst_nb/` | the one function of myst-nb the notebooks use, `glue()` (myst-nb itself needs Sphinx) |
| `notebooks/` | each notebook's parameters cell, where the package reads their ranges |
| `_toc.yml`, `notebooks.json` | the notebooks in reading order |
| `run.py` | runs notebooks without a browser |
| `requirements.txt`, `constraints.txt`, `requirements-lab.txt` | the pinned Python packages |
"""

RUN_PY = '''"""Run the course pack's notebooks: `python run.py` (all, in reading order) or `python run.py NAME ...`."""

from aicloud.coursepack import run_script

raise SystemExit(run_script())
'''

MAIN_PY = '''"""The course pack's command line: `python -m aicloud chapters`, `params NAME`, `run [NAME] [-p N V]`.

(The report's own project has a larger command line that builds the site; the pack needs only this.)"""

import sys

from aicloud.coursepack import main

if __name__ == "__main__":
    sys.exit(main())
'''

MYST_NB = '''"""The course pack's stand-in for myst-nb: only `glue()`, the one function the notebooks use.

It stores a value exactly as myst-nb's `glue()` does (`aicloud.coursepack.glue`). The real myst-nb renders the
report's web site and needs Sphinx, about 110 MB that a student running the notebooks does not need.
"""

from aicloud.coursepack import glue

__all__ = ["glue"]
'''

SHEET_CSS = """body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:46rem;margin:2rem auto;
padding:0 1rem;line-height:1.5;color:#111}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2rem .4rem}pre{background:#f4f4f4;padding:.5rem;
white-space:pre-wrap}.answer-space{border:1px dashed #999;height:7cm;margin:.5rem 0 1.5rem}.note{color:#444}
section{break-inside:avoid}@media screen{.answer-space{height:2rem}}@page{margin:18mm}"""


# --- which modules and packages ------------------------------------------------------------------------------

def code_imports(source: str, nested: bool = True) -> set[str]:
    """Modules a piece of code imports: module-level and, when `nested`, inside functions (what a call may
    import); never under `if TYPE_CHECKING`."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]  # IPython magics
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for sub in child.orelse:
                    visit(sub)
                continue
            if not nested and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.add(child.module)
                found.update(f"{child.module}.{a.name}" for a in child.names)
            visit(child)

    visit(ast.parse("\n".join(lines)))
    return found


def _module_file(name: str, root: Path) -> Path | None:
    base = root.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def package_modules(sources: list[str], root: Path = ROOT, exclude: tuple[str, ...] = ()) -> dict[str, Path]:
    """The `aicloud` modules `sources` import, followed through the modules' own imports, with their packages.

    A module under an `exclude` prefix is refused (the student pack must never need `aicloud.solutions`)."""
    todo = [m for s in sources for m in code_imports(s) if m.split(".")[0] == "aicloud"]
    found: dict[str, Path] = {}
    while todo:
        name = todo.pop()
        if name in found:
            continue
        if any(name == e or name.startswith(e + ".") for e in exclude):
            raise ValueError(f"{name} is imported by code the student edition keeps; only a cell tagged "
                             f"'{classroom.SOLUTION_TAG}' may import it")
        path = _module_file(name, root)
        if path is None:
            continue  # `from aicloud import charts` also names `aicloud.charts` twice; a name, not a module
        found[name] = path
        parts = name.split(".")
        todo += [".".join(parts[:i]) for i in range(1, len(parts))]
        todo += [m for m in code_imports(path.read_text(encoding="utf-8")) if m.split(".")[0] == "aicloud"]
    return found


# --- the notebooks -------------------------------------------------------------------------------------------

def instructor_runs(chapters: list[Chapter], workdir: Path) -> tuple[dict[str, Path], Path]:
    """Every chapter executed with its default parameters (from the build's cache when it is current), and the
    claims ledger the later pages read. Returns the executed notebooks by name and the ledger's path."""
    from aicloud import layout, pages, pipeline

    jobs = [(ch, pipeline.resolve_parameters(ch, {})) for ch in chapters]
    outputs = {ch.name: workdir / f"{ch.name}.ipynb" for ch in chapters}
    first = [(ch, r, outputs[ch.name]) for ch, r in jobs if not pipeline.reads_ledger(ch)]
    later = [(ch, r, outputs[ch.name]) for ch, r in jobs if pipeline.reads_ledger(ch)]
    results = pipeline.execute_all(first)
    ledger_text = pages.claims_ledger({ch.name: out for ch, _r, out in first})[1].to_csv(index=False)
    built = ROOT / "book" / "generated" / "claims_ledger.csv"  # the build's own copy: same text, cache hit
    if built.is_file() and built.read_text(encoding="utf-8") == ledger_text:
        ledger = built
    else:
        ledger = workdir / "claims_ledger.csv"
        ledger.write_text(ledger_text, encoding="utf-8")
    for ch, resolved, _out in later:
        resolved[ch.reads_ledger] = layout.shown(ledger)
    results += pipeline.execute_all(later)
    failed = [r for r in results if r.status == "failed"]
    if failed:
        raise RuntimeError("the pack needs every chapter's figures, and these failed: "
                           + "; ".join(f"{r.chapter} (cell {r.cell}): {r.error}" for r in failed))
    return outputs, ledger


def pack_notebook(source: nbformat.NotebookNode, name: str, executed: dict[str, Any], edition: str,
                  converter: Any) -> nbformat.NotebookNode:
    """The pack's copy of one notebook: the edition's cells, plain Markdown filled from `executed`'s figures
    (each templated cell keeping its template and figures in its metadata), code that the site hides collapsed."""
    import nbformat

    from aicloud.coursepack import META, fill, glued

    nb = copy_notebook(source)
    if edition == "student":
        classroom.strip_solutions_notebook(nb)
    values, html = glued(executed), glued(executed, "text/html")
    converter.where = name
    for cell in nb.cells:
        cell.metadata.pop("jupytext", None)
        if cell.cell_type == "markdown":
            template = converter.convert(cell.source)
            keys = classroom.glue_refs(template)
            text, missing = fill(template, values, html)
            if missing:
                raise ValueError(f"{name}: the text quotes {', '.join(sorted(set(missing)))}, which the "
                                 "chapter's run did not glue")
            cell.source = text
            if keys:
                cell.metadata[META] = {"template": template,
                                       "values": {k: values[k] for k in sorted(keys) if k in values},
                                       "html": {k: html[k] for k in sorted(keys) if k in html}}
        elif cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            tags = cell.metadata.get("tags", [])
            if "hide-input" in tags and "parameters" not in tags:
                cell.metadata.setdefault("jupyter", {})["source_hidden"] = True  # JupyterLab shows it folded
    nb.cells.insert(1 if nb.cells and nb.cells[0].cell_type == "markdown" else 0,
                    nbformat.v4.new_markdown_cell(notebook_note(name)))
    nb.metadata.pop("jupytext", None)
    nb.metadata[META] = {"notebook": name, "edition": edition}
    return nb


def copy_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    import nbformat

    return nbformat.reads(nbformat.writes(nb), as_version=4)


# --- sheets and the answer key --------------------------------------------------------------------------------

def _markdown_html(text: str) -> str:
    """Sheets and key as HTML. Raw HTML passes: the text is the project's own, its data figures arrive escaped
    (`coursepack.escape_markdown`), and the key's code outputs are the chapters' escaped tables."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{SHEET_CSS}</style>'
            f"</head><body>{body}</body></html>")


def sheet_markdown(title: str, exercises: list[classroom.Exercise], site: bool) -> str:
    """One chapter's exercise sheet as Markdown (the site's page when `site`, else for the pack's HTML)."""
    out = [f"# {classroom.sheet_title(title)}", ""]
    if site:
        out += ['<div class="exercise-sheet"></div>', ""]
    out += [f"*{classroom.SHEET_NOTE}*", ""]
    for ex in exercises:
        out += [f"## {_exercise_heading(ex)}", "", ex.question, "", '<div class="answer-space"></div>', ""]
    return "\n".join(out)


def _exercise_heading(ex: classroom.Exercise) -> str:
    from aicloud.myst_plain import exercise_heading

    return exercise_heading(ex.number)


def answer_key_markdown(chapters: list[tuple[str, list[classroom.Exercise]]]) -> str:
    from aicloud.myst_plain import solution_heading

    out = [f"# {classroom.ANSWER_KEY_TITLE}", "", f"*{classroom.ANSWER_KEY_NOTE}*", ""]
    for title, exs in chapters:
        if not exs:
            continue
        out += [f"## {title}", ""]
        for ex in exs:
            out += [f"### {_exercise_heading(ex)}", "", ex.question, "", f"**{solution_heading(ex.number)}.**", ""]
            for kind, text in ex.solution:
                if kind == "markdown":
                    out += [text, ""]
                elif kind == "code":
                    out += ["```python", text, "```", ""]
                else:
                    out += [text.strip(), ""]
    return "\n".join(out)


def teaching_material(chapters: list[Chapter], executed: dict[str, Path]) -> list[tuple[Chapter, list[Any]]]:
    """Each chapter with its exercises (questions and solutions as plain Markdown, figures filled in, the
    solutions' code with its outputs), read from the executed instructor notebooks."""
    import nbformat

    from aicloud.coursepack import glued
    from aicloud.myst_plain import Converter, citations

    converter = Converter(cite=citations())
    found = []
    for ch in chapters:
        converter.where = ch.name
        run = nbformat.read(str(executed[ch.name]), as_version=4)
        found.append((ch, classroom.exercises(run, glued(run), converter)))
    return found


def write_site_pages(generated: Path, executed: dict[str, Path], edition: str) -> None:
    """The site's exercise sheets (both editions) and answer key page (instructor edition) into `generated`."""
    from aicloud import book, layout

    chapters = book.chapters()
    inputs = [*executed.values(), *(ch.source for ch in chapters), ROOT / "book" / "references.bib",
              *(ROOT / "aicloud" / f for f in ("pack.py", "classroom.py", "myst_plain.py", "coursepack.py"))]
    stamp = generated / ".teaching.inputs"
    key = layout.digest(sorted(inputs), extra=edition)
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == key:
        return  # a no-op build stays fast: nothing these pages are made from changed
    material = [(ch, exs) for ch, exs in teaching_material(chapters, executed) if exs]
    sheets = generated / "exercise_sheets"
    sheets.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for i, (ch, exs) in enumerate(material, start=1):
        path = sheets / f"{i:02d}_{ch.name}.md"
        wanted.add(path.name)
        classroom._write_atomic(path, sheet_markdown(ch.title, exs, site=True))
    for old in sheets.glob("*.md"):
        if old.name not in wanted:
            old.unlink()
    (generated / "exercise_sheets.md").unlink(missing_ok=True)  # (an index page of earlier builds: the sheets
    # are listed in the navigation by the table of contents' glob; a page with children had an unnamed toggle)
    if edition == "instructor":
        classroom._write_atomic(generated / f"{Path(classroom.ANSWER_KEY_PAGE).name}.md",
                                answer_key_markdown([(ch.title, exs) for ch, exs in material]))
    stamp.write_text(key, encoding="utf-8")


# --- the pack ------------------------------------------------------------------------------------------------

def files(edition: str, workdir: Path) -> dict[str, bytes]:
    """Every file of the pack of `edition`, by path inside the pack."""
    import jupytext
    import nbformat

    from aicloud import book
    from aicloud.myst_plain import Converter, citations

    if edition not in classroom.EDITIONS:
        raise ValueError(f"unknown edition {edition!r}: choose {' or '.join(classroom.EDITIONS)}")
    chapters = book.chapters()
    executed, ledger = instructor_runs(chapters, workdir)
    out: dict[str, bytes] = {}
    converter = Converter(cite=citations(), link=_pack_link({ch.name for ch in chapters}))
    code: list[str] = []
    for ch in chapters:
        source = nbformat.reads(nbformat.writes(jupytext.read(ch.source)), as_version=4)
        run = json.loads(executed[ch.name].read_text(encoding="utf-8"))
        nb = pack_notebook(source, ch.name, run, edition, converter)
        code += [c.source for c in nb.cells if c.cell_type == "code"]
        out[f"{ch.name}.ipynb"] = nbformat.writes(nb).encode("utf-8")
        out[f"notebooks/{ch.name}.md"] = _parameters_only(ch).encode("utf-8")
    exclude = (classroom.SOLUTIONS_PACKAGE,) if edition == "student" else ()
    for _name, path in sorted(package_modules([*code, RUN_PY, MAIN_PY, MYST_NB], exclude=exclude).items()):
        out[path.relative_to(ROOT).as_posix()] = path.read_bytes()
    for path in sorted((ROOT / "data").rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            out[path.relative_to(ROOT).as_posix()] = path.read_bytes()
    ledger_default = _ledger_default(chapters)
    out[ledger_default] = ledger.read_bytes()
    material = teaching_material(chapters, executed)
    for i, (ch, exs) in enumerate([m for m in material if m[1]], start=1):
        text = sheet_markdown(ch.title, exs, site=False)
        out[f"exercise_sheets/{i:02d}_{ch.name}.html"] = _page(classroom.sheet_title(ch.title),
                                                              _markdown_html(text)).encode("utf-8")
    if edition == "instructor":
        key = answer_key_markdown([(ch.title, exs) for ch, exs in material])
        out["answer_key.md"] = key.encode("utf-8")
        out["answer_key.html"] = _page(classroom.ANSWER_KEY_TITLE, _markdown_html(key)).encode("utf-8")
    out["run.py"] = RUN_PY.encode("utf-8")
    out["aicloud/__main__.py"] = MAIN_PY.encode("utf-8")
    out["myst_nb/__init__.py"] = MYST_NB.encode("utf-8")
    out["notebooks.json"] = json.dumps({"order": [ch.name for ch in chapters]}, indent=1).encode("utf-8")
    toc = {"format": "jb-book", "root": f"book/chapters/{chapters[0].name}",
           "chapters": [{"file": f"book/chapters/{ch.name}"} for ch in chapters[1:]]}
    out["_toc.yml"] = ("# The notebooks in reading order, as `aicloud.pipeline.chapters()` reads them.\n"
                       + yaml.safe_dump(toc, sort_keys=False)).encode("utf-8")
    for name in ("requirements.txt", "constraints.txt", "requirements-lab.txt"):
        out[name] = (PACK_FILES / name).read_bytes()
    out["README.md"] = _readme(chapters, edition, ledger_default).encode("utf-8")
    return out


def _parameters_only(ch: Chapter) -> str:
    """The chapter's parameters cell alone, where `aicloud.params` reads a chapter's parameters and ranges."""
    from aicloud import params

    return (f"# {ch.title}\n\nThe parameters cell of `{ch.name}.ipynb`, where `aicloud.params` reads each "
            f"parameter's type, default and range.\n\n```{{code-cell}} ipython3\n:tags: [parameters]\n"
            f"{params.parameters_source(ch.source).strip()}\n```\n")


def _pack_link(names: set[str]) -> Any:
    def link(href: str) -> str | None:
        stem = Path(href.split("#")[0]).stem
        return f"{stem}.ipynb" if stem in names else None  # other pages of the site are not in the pack

    return link


def _ledger_default(chapters: list[Chapter]) -> str:
    """Where the conclusion looks for the ledger by default (its parameter's default, relative to the pack)."""
    for ch in chapters:
        for p in ch.parameters:
            if p.name == ch.reads_ledger:
                return str(p.default)
    return "book/generated/claims_ledger.csv"


def _readme(chapters: list[Chapter], edition: str, ledger: str) -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    from aicloud.escape import markdown_text

    contents = "".join(f"| `{ch.name}.ipynb` | {markdown_text(ch.title)} |\n" for ch in chapters)
    answer_key = ("| `answer_key.html`, `answer_key.md` | every exercise with its solution (instructor pack only) |\n"
                  if edition == "instructor" else "")
    from aicloud import params

    first = next((ch for ch in chapters if any(p.is_assumption for p in params.read(ch.source))), None)
    example = next(p for p in params.read(first.source) if p.is_assumption) if first else None
    return README.format(title=markdown_text(config.get("title", "aicloud")), edition_note=EDITION_NOTE[edition],
                         first=first.name if first else "NOTEBOOK", contents=contents, ledger=ledger,
                         answer_key=answer_key, example_param=example.name if example else "NAME",
                         example_value=f"{example.high:g}" if example and example.high is not None else "VALUE")


def pack(out: Path, edition: str = "instructor") -> tuple[Path, int]:
    """Write the course pack zip to `out` atomically; returns the path and the number of files in it."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".pack-", dir=out.parent) as work:
        content = files(edition, Path(work))
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        os.close(fd)
        try:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for name, data in sorted(content.items()):
                    info = zipfile.ZipInfo(f"{PACK_TOP}/{name}", date_time=STAMP)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    zf.writestr(info, data)
            os.chmod(tmp, FILE_MODE)  # (mkstemp makes it 0600)
            os.replace(tmp, out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return out, len(content)

