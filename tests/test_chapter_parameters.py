"""A chapter's parameters cell declares only what the chapter reads, one name means one assumption everywhere, and
each verdict rule reads only the parameters its `reads=` declares (issue 13).

A declared parameter counts as read when `analyse` reads it (recorded with `RecordingParams` on the default
data; a `<resource>_csv` parameter when `analyse` reads that resource's table) or when a code cell of the
notebook other than the parameters cell, or the chapter's own package modules (functions the notebook calls besides
`analyse`), use it: its name as a Python name, as a string subscript (`P["seed"]` after gathering the parameters
from `globals()`), or its table (`tables["arguments"]`, `tables.source_line(...)` for the sources). A parameter
only named in other text does not count.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import harness as H
import porting
import pytest

from aicloud import data, pipeline
from aicloud import params as params_mod
from aicloud.analysis import RecordingParams, rules_of

CELL = re.compile(r"```\{code-cell\}[^\n]*\n(?P<body>.*?)```", re.S)


def code_names(code: str) -> set[str]:
    """The parameters and tables a piece of Python reads: its names, string subscripts (`P["seed"]` after gathering
    the parameters from `globals()`; `tables["arguments"]` reads `arguments_csv`) and a chart's sources
    (`tables.source_line(...)` reads `sources_csv`)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:  # a cell with IPython syntax: fall back to words
        return set(re.findall(r"[A-Za-z_]\w*", code))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) \
                and isinstance(node.slice.value, str):
            names |= {node.slice.value, f"{node.slice.value}_csv"}
        elif isinstance(node, ast.Attribute) and node.attr in ("source_line", "sources_of"):
            names.add("sources_csv")
    return names


def notebook_names(source: Path) -> set[str]:
    """What a notebook's code cells other than the parameters cell read (see `code_names`)."""
    names: set[str] = set()
    for match in CELL.finditer(source.read_text(encoding="utf-8")):
        lines = match.group("body").splitlines()
        if any(line.startswith(":tags:") and "parameters" in line for line in lines):
            continue
        names |= code_names("\n".join(line for line in lines if not re.match(r"^:[\w-]+:", line)))
    return names


def package_names(chapter: str) -> set[str]:
    """What the chapter's own package modules read (`aicloud/analysis/<chapter>*.py`, `aicloud/charts_<chapter>*.py`,
    `aicloud/solutions/<chapter>.py`): functions the notebook calls besides `analyse` read parameters too."""
    root = data.ROOT / "aicloud"
    files = [*root.glob(f"analysis/{chapter}*.py"), *root.glob(f"charts_{chapter}*.py"),
             *root.glob(f"solutions/{chapter}.py")]
    return set().union(*(code_names(f.read_text(encoding="utf-8")) for f in files)) if files else set()


class RecordingTables:
    """A chapter's tables, remembering which were read (`tables[name]`, also through `source_line`)."""

    sources_of = data.Tables.sources_of
    source_line = data.Tables.source_line

    def __init__(self, inner):
        self.inner = inner
        self.read: set[str] = set()

    def __getitem__(self, name: str):
        self.read.add(name)
        return self.inner[name]

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


def analyse_reads(chapter: str) -> set[str]:
    """Parameters `analyse` reads on the default data, a data parameter (`<resource>_csv`, `ledger_path`) counting
    as read when its table is; empty when the chapter has no module yet."""
    module = porting.analysis_modules().get(chapter)
    if module is None:
        return set()
    face = H.interface(chapter)
    recording = RecordingParams(face.defaults)
    tables = RecordingTables(H.default_tables(face))
    module.analyse(tables, recording)
    return recording.read | {f"{name}_csv" for name in tables.read} | (
        {H.LEDGER} if "ledger" in tables.read else set())


# Chapters that fail today on the notebook as it is, with the reason; the others pass and must keep passing.
UNREAD_TODAY: dict[str, str] = {}   # (infra_economics' input_per_output was the one; now read)


@pytest.mark.parametrize("chapter", [
    pytest.param(c, marks=[pytest.mark.xfail(strict=True, reason=UNREAD_TODAY[c])] if c in UNREAD_TODAY else [])
    for c in porting.chapters_under_test()])
def test_every_declared_parameter_is_read(chapter):
    declared = [p.name for p in params_mod.read(chapter)]
    used = notebook_names(data.ROOT / "notebooks" / f"{chapter}.md") | analyse_reads(chapter) | \
        package_names(chapter)
    unread = [name for name in declared if name not in used]
    assert not unread, f"{chapter} declares parameters it never reads: {unread}"


def test_a_parameter_only_named_in_a_string_or_the_parameters_cell_is_not_read(tmp_path):
    source = tmp_path / "x.md"
    source.write_text("```{code-cell} ipython3\n:tags: [parameters]\na: int = 1\nb: int = 2\nc: int = 3\n```\n"
                      "```{code-cell} ipython3\n:tags: [hide-input]\nprint('a', b)\nf(**{'c': 1})\n```\n",
                      encoding="utf-8")
    assert {"b", "print", "f"} <= notebook_names(source)
    assert not {"a", "c"} & notebook_names(source)
    source.write_text("```{code-cell} ipython3\nP = {}\nx = P['a'] + tables['c'].sum()\nt.source_line(y)\n```\n",
                      encoding="utf-8")
    assert {"a", "c_csv", "sources_csv"} <= notebook_names(source)


def shared_parameters() -> dict[str, list[tuple[str, params_mod.Parameter]]]:
    """Assumptions and data files declared by several chapters under one name. Run settings (a seed, a number of
    draws, a horizon) are not assumptions: a chapter may need more draws than another."""
    by_name: dict[str, list[tuple[str, params_mod.Parameter]]] = defaultdict(list)
    for ch in pipeline.chapters():
        for p in params_mod.read(ch.source):
            if p.is_assumption or p.resource:
                by_name[p.name].append((ch.name, p))
    return {name: found for name, found in sorted(by_name.items()) if len(found) > 1}


# Names that mean two different assumptions today, each with the reason (the chapter helpers rename one). Empty:
# gpu_allocation's `utilisation` (share of peak throughput a fleet sustains) is now `fleet_utilisation`, leaving
# `utilisation` to the share of paid hours spent serving (infra_economics, china_chain).
DIFFERENT_TODAY: dict[str, str] = {}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=[pytest.mark.xfail(strict=True, reason=DIFFERENT_TODAY[n])] if n in DIFFERENT_TODAY else [])
    for n in shared_parameters()])
def test_a_parameter_declared_by_several_chapters_has_one_default_and_range(name):
    found = shared_parameters()[name]
    shapes = {(p.type, repr(p.default), p.low, p.high) for _ch, p in found}
    assert len(shapes) == 1, f"{name} differs between chapters: " + "; ".join(
        f"{ch}: {p.type} = {p.default!r}, range {p.low} to {p.high}" for ch, p in found)


@pytest.mark.parametrize("chapter", porting.params())
def test_each_rule_reads_only_the_parameters_it_declares(chapter):
    module = porting.module_of(chapter)
    face = H.interface(chapter)
    declared = {p.name: p for p in face.declared}
    evidence = module.prepare(H.default_tables(face))
    rules = rules_of(module)
    claims = data.load("claims")
    own = set(claims.loc[claims["chapter"] == chapter, "id"])
    assert set(rules) >= own, f"{chapter}: no rule registered with @rule for {sorted(own - set(rules))}"
    for claim, r in rules.items():
        missing = [n for n in r.reads if n not in declared]
        assert not missing, f"rule {claim} reads {missing}, which {chapter} does not declare"
        # A text or yes/no setting is held at its value by the sweep; a number needs a range to be swept over.
        unranged = [n for n in r.reads if declared[n].type in ("int", "float") and declared[n].low is None]
        assert not unranged, f"rule {claim} reads {unranged}, which have no documented range to sweep"
        recording = RecordingParams(face.defaults)
        r(evidence, recording)
        assert recording.read <= set(r.reads), (
            f"rule {claim} reads {sorted(recording.read - set(r.reads))} without declaring them in reads=")
