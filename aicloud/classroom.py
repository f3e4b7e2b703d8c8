"""The classroom edition: a student copy of the site without solutions, answer keys, and the exercise sheets.

Exercises use sphinx-exercise's gated directives (`exercise-start`/`exercise-end`, `solution-start`/
`solution-end`) so that a solution can hold code cells. Code that computes exercise answers lives in
`aicloud/solutions/<chapter>.py` and is called from a code cell tagged `solution`. The student edition removes
every solution block (the directives and everything between them, markdown and code cells alike), every cell
tagged `solution` and the package `aicloud.solutions`; sphinx-exercise 1.2.1's own `hide_solutions` drops only
the opening directive of a gated solution and then fails on the closing one, so it is only set as a backstop.

A solution cell can also glue a figure that an exercise's question quotes (not only its answer). The student
site keeps exactly those outputs, in a cell of their own without code ("quoted figures"), so the question still
reads right; an *answer key* is a figure only solutions quote, and the student edition ships none of them
(`answer_keys`, checked by tests against every file the student edition ships).

Nothing here writes into the project's own `book/`, `data/` or `notebooks/`. The course pack is `aicloud.pack`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from aicloud.data import ROOT
from aicloud.layout import write_if_changed

if TYPE_CHECKING:
    import nbformat

EDITIONS = ("instructor", "student")
FENCE = re.compile(r"^\s*(?P<fence>`{3,}|:{3,})\{(?P<name>solution-start|solution-end|solution|code-cell)\}")
TAGS = re.compile(r"^\s*:tags:\s*\[(?P<tags>[^\]]*)\]")
GLUE_KEY = re.compile(r"\{glue(?::[a-z]+)?\}`(?P<key>[^`:]+)|^[`:]{3,}\{glue(?::[a-z]*)?\}\s*(?P<block>\S+)", re.M)
SOLUTION_TAG = "solution"
SOLUTIONS_PACKAGE = "aicloud.solutions"
ANSWER_KEY_PAGE = "book/generated/answer_key"  # in the instructor edition's table of contents only
SHEETS_DIR = "book/generated/exercise_sheets"


# --- reader-facing words (one place; a Chinese edition needs a counterpart for each) --------------------------

QUOTED_CELL = "# Figures the exercises quote (the code that computes them is in the instructor edition)."


def sheet_title(chapter_title: str) -> str:
    return f"Exercise sheet: {chapter_title}"


SHEET_NOTE = ("Exercises only, for printing (each chapter's sheet starts on a new page). The figures are the "
              "report's, from its data and default parameters.")
ANSWER_KEY_TITLE = "Answer key"
ANSWER_KEY_NOTE = ("Every exercise of the report with its solution, for teachers: this page is in the instructor "
                   "edition only. Figures are the report's, computed from its data with the default parameters.")


# --- removing solutions --------------------------------------------------------------------------------------

class _Stripper:
    """Removes solution blocks from a sequence of markdown texts and code cells, in document order."""

    def __init__(self) -> None:
        self.inside = False  # between a solution-start and its solution-end
        self.closing: str | None = None  # the fence that closes the directive being skipped
        self.removed = 0
        self.removed_text: list[str] = []  # every line taken out (for the answer keys)

    def text(self, text: str) -> str:
        kept = []
        lines = text.splitlines(keepends=True)
        for i, line in enumerate(lines):
            if self.closing is not None:  # skipping a directive's own lines up to its closing fence
                self.removed_text.append(line)
                if line.strip() == self.closing:
                    self.closing = None
                continue
            m = FENCE.match(line)
            name = m.group("name") if m else ""
            if name == "solution-start" and not self.inside:
                self.inside, self.closing = True, m.group("fence")
                self.removed += 1
            elif name == "solution-end" and self.inside:
                self.inside, self.closing = False, m.group("fence")
            elif name == "solution" and not self.inside:
                self.closing = m.group("fence")  # an ungated solution: the whole directive is the solution
                self.removed += 1
            elif name == "code-cell" and not self.inside and _tagged_solution(lines, i + 1):
                self.closing = m.group("fence")  # a Jupytext code cell tagged `solution`
                self.removed += 1
            elif not self.inside:
                kept.append(line)
                continue
            self.removed_text.append(line)
        return "".join(kept)


def _tagged_solution(lines: list[str], start: int) -> bool:
    for line in lines[start:]:
        m = TAGS.match(line)
        if m:
            return SOLUTION_TAG in [t.strip().strip("'\"") for t in m.group("tags").split(",")]
        if not line.strip().startswith(":"):
            return False
    return False


def is_solution_cell(cell: Any) -> bool:
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def strip_solutions_text(text: str) -> tuple[str, int]:
    """`text` (MyST markdown) without its solutions, and how many were removed."""
    s = _Stripper()
    out = s.text(text)
    if s.inside or s.closing is not None:
        raise ValueError("a solution-start has no matching solution-end")
    return out, s.removed


def _strip(nb: nbformat.NotebookNode) -> tuple[_Stripper, list[Any], list[tuple[int, Any]]]:
    """The kept cells, and the removed code cells with the position of the first kept cell after them."""
    s = _Stripper()
    cells, removed_code = [], []
    for cell in nb.cells:
        if is_solution_cell(cell):
            s.removed += 1
            removed_code.append((len(cells), cell))
        elif cell.cell_type == "markdown":
            before = cell.source
            after = s.text(before + "\n")
            if after.strip() or not before.strip():
                cell.source = after.rstrip("\n") if after != before + "\n" else before
                cells.append(cell)
        elif s.inside:
            removed_code.append((len(cells), cell))
        else:
            cells.append(cell)
    if s.inside or s.closing is not None:
        raise ValueError("a solution-start has no matching solution-end")
    return s, cells, removed_code


def strip_solutions_notebook(nb: nbformat.NotebookNode) -> int:
    """Remove every solution from a notebook in place (markdown, the code cells inside, cells tagged `solution`).

    Figures glued by a removed cell that the remaining text quotes stay, without the code, in a cell of their
    own where the first such cell was. Returns the number of solutions removed."""
    import nbformat

    s, cells, removed_code = _strip(nb)
    quoted = glue_refs("\n".join(c.source for c in cells if c.cell_type == "markdown"))
    answer_only = glue_refs("".join(s.removed_text)) - quoted
    for cell in cells:  # a figure only solutions quote, glued by the chapter's own code: not stored either
        if cell.cell_type == "code" and cell.get("outputs"):
            cell.outputs = [o for o in cell.outputs if _glued_name(o) not in answer_only]
    keep, at = [], None
    for position, cell in removed_code:
        outputs = [o for o in cell.get("outputs", []) if _glued_name(o) in quoted]
        if outputs and at is None:
            at = position
        keep += outputs
    if keep:
        stub = nbformat.v4.new_code_cell(QUOTED_CELL, metadata={"tags": ["remove-cell"]})
        stub.outputs = keep
        cells.insert(at, stub)
    nb.cells = cells
    return s.removed


def _glued_name(output: Any) -> str | None:
    return output.get("metadata", {}).get("scrapbook", {}).get("name")


def glue_refs(text: str) -> set[str]:
    """The glue keys a MyST text quotes."""
    return {(m.group("key") or m.group("block")).strip() for m in GLUE_KEY.finditer(text)}


@dataclass
class Answers:
    """What an instructor notebook's solutions hold: the keys only they quote or glue, and their code."""

    keys: set[str] = field(default_factory=set)
    values: dict[str, str] = field(default_factory=dict)  # raw text/plain of each answer key, when executed
    code: list[str] = field(default_factory=list)  # the source of every code cell the student edition removes
    by_solution_code: set[str] = field(default_factory=set)  # the answer keys that only removed code glues


def answers(nb: nbformat.NotebookNode) -> Answers:
    """The answer keys of an (executed or unexecuted) instructor notebook: figures that solutions quote or that
    solution cells glue, and that nothing left in the student edition quotes."""
    nb = copy.deepcopy(nb)
    glued_outputs = {_glued_name(o): o for c in nb.cells for o in c.get("outputs", []) if _glued_name(o)}
    s, cells, removed_code = _strip(nb)
    inside = glue_refs("".join(s.removed_text))
    by_code: set[str] = set()
    for _pos, cell in removed_code:
        by_code |= {n for o in cell.get("outputs", []) if (n := _glued_name(o))}
        by_code |= set(re.findall(r"""\bglue\(\s*["']([^"']+)["']""", cell.source))
    outside = glue_refs("\n".join(c.source for c in cells if c.cell_type == "markdown"))
    kept_glued = {n for c in cells for o in c.get("outputs", []) if (n := _glued_name(o))}
    keys = (inside | by_code) - outside
    values = {}
    for key in keys:
        if key in glued_outputs:
            text = glued_outputs[key].get("data", {})
            text = text.get(glued_outputs[key]["metadata"]["scrapbook"].get("mime_prefix", "") + "text/plain", "")
            values[key] = "".join(text) if isinstance(text, list) else text
    return Answers(keys, values, [c.source for _p, c in removed_code], (by_code - outside) - kept_glued)


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
    answer_key = source_root / f"{ANSWER_KEY_PAGE}.md"
    if answer_key.exists():
        answer_key.unlink()
    student_config(source_root)
    return removed


def student_config(source_root: Path) -> None:
    """Set the staged book's configuration for the student edition (`hide_solutions`, no answer key); idempotent.

    The build calls it as soon as it stages the book, so the site build it prepares ahead reads this
    configuration; `make_student` calls it again, changing nothing."""
    config_path = Path(source_root) / "_config.yml"
    if config_path.resolve() == (ROOT / "_config.yml").resolve():
        raise ValueError("the student edition is made in a staged copy, never in the project itself")
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config.setdefault("sphinx", {}).setdefault("config", {})["hide_solutions"] = True
    _write_atomic(config_path, "# Student edition: written by `python -m aicloud build --edition student`.\n"
                  + yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    toc_path = Path(source_root) / "_toc.yml"
    if toc_path.exists():
        toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
        if _drop_entry(toc, ANSWER_KEY_PAGE):
            _write_atomic(toc_path, "# Student edition: no answer key.\n"
                          + yaml.safe_dump(toc, sort_keys=False, allow_unicode=True))


def _drop_entry(node: object, file: str) -> bool:
    """Remove every table-of-contents entry for `file`; whether any was removed."""
    dropped = False
    if isinstance(node, dict):
        for value in node.values():
            dropped |= _drop_entry(value, file)
    elif isinstance(node, list):
        before = len(node)
        node[:] = [e for e in node if not (isinstance(e, dict) and e.get("file") == file)]
        dropped = len(node) != before
        for e in node:
            dropped |= _drop_entry(e, file)
    return dropped


def _write_atomic(path: Path, text: str) -> None:
    write_if_changed(path, text)  # unchanged files keep their time stamps, so an unchanged site stays up to date


# --- exercises, for the sheets and the answer key -------------------------------------------------------------

@dataclass
class Exercise:
    number: int
    label: str
    question: str  # plain Markdown, figures filled in
    solution: list[tuple[str, str]]  # ("markdown", text) or ("code", source) or ("html", output), in order


DIRECTIVE_LINE = re.compile(r"^\s*(`{3,}|:{3,})\{(?P<name>exercise|solution)-(?P<end>start|end)\}\s*(?P<arg>\S*)")
OPTION_LINE = re.compile(r"^\s*:(?P<key>[\w-]+):\s*(?P<value>.*?)\s*$")
FENCE_LINE = re.compile(r"^\s*(`{3,}|:{3,})\s*$")


def exercises(nb: nbformat.NotebookNode, values: dict[str, str], converter: Any) -> list[Exercise]:
    """The exercises of an instructor notebook (MyST cells) with their solutions, as plain Markdown.

    `converter` is an `aicloud.myst_plain.Converter`: it converts the text and numbers the exercises on
    across chapters, as the site does."""
    from aicloud.coursepack import fill

    found: list[Exercise] = []
    state, kind, target = "", "", ""  # state: "" | "options" | "body" | "close"
    buffer: list[str] = []
    current: Exercise | None = None

    def text() -> str:
        out = _filled(converter.convert("".join(buffer)), values, fill)
        buffer.clear()
        return out

    for cell in nb.cells:
        if cell.cell_type == "code" and state == "body" and kind == "solution" and current is not None:
            if "".join(buffer).strip():
                current.solution.append(("markdown", text()))
            current.solution.append(("code", cell.source))
            current.solution += [("html", h) for o in cell.get("outputs", []) if (h := _html_output(o))]
        if cell.cell_type != "markdown":
            continue
        for line in (cell.source + "\n").splitlines(keepends=True):
            m = DIRECTIVE_LINE.match(line)
            if state == "" and m and m.group("end") == "start":
                state, kind, target, label = "options", m.group("name"), m.group("arg"), ""
            elif state == "options" and OPTION_LINE.match(line):
                o = OPTION_LINE.match(line)
                label = o.group("value") if o.group("key") == "label" else label
            elif state == "options" and FENCE_LINE.match(line):
                state = "body"
                if kind == "exercise":
                    converter.exercises += 1
                    converter.labels[label] = converter.exercises
                    current = Exercise(converter.exercises, label, "", [])
                    found.append(current)
                else:
                    current = next((e for e in found if e.label == target), None)
                    if current is None:
                        raise ValueError(f"a solution to {target!r}, which is not an exercise of this chapter")
            elif state == "body" and m and m.group("name") == kind and m.group("end") == "end":
                if kind == "exercise" and current is not None:
                    current.question = text()
                elif "".join(buffer).strip() and current is not None:
                    current.solution.append(("markdown", text()))
                buffer.clear()
                state = "close"
            elif state == "body":
                buffer.append(line)
            elif state == "close" and FENCE_LINE.match(line):
                state = ""
            elif state in ("options", "close"):
                raise ValueError(f"the {kind} directive is not closed where expected: {line.strip()!r}")
    return found


def _filled(text: str, values: dict[str, str], fill: Any) -> str:
    out, missing = fill(text, values)
    if missing:
        raise ValueError(f"no glued value for {', '.join(sorted(set(missing)))}")
    return out


def _html_output(output: Any) -> str:
    if _glued_name(output) or output.get("output_type") not in ("display_data", "execute_result"):
        return ""
    data = output.get("data", {})
    value = data.get("text/html", "")
    return "".join(value) if isinstance(value, list) else value
