"""Run a chapter's analysis on generated data and list everything wrong with what it says.

Used by `tests/test_generated_analysis.py` (every chapter, 200+ generated datasets each) and pinned by
`tests/test_generated_harness.py` (a stub chapter with known defects, so the harness is shown to catch them).
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import strategies as S
import text_checks as tc
from hypothesis import note
from hypothesis import strategies as st

from aicloud import params as params_mod
from aicloud import pipeline
from aicloud.analysis import ChapterResult, RecordingParams, rules_of
from aicloud.verdicts import EVIDENCE_GRADES, LABELS, Verdict

LEDGER = pipeline.LEDGER_PARAMETER
_LEDGER_DIR = Path(tempfile.mkdtemp(prefix="aicloud-ledger-"))


@dataclass(frozen=True)
class Interface:
    """What a chapter declares in its parameters cell: the parameters and the data resources it reads."""

    declared: tuple[params_mod.Parameter, ...]

    @property
    def resources(self) -> list[str]:
        return [p.resource for p in self.declared if p.resource]

    @property
    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.declared}

    @property
    def reads_ledger(self) -> bool:
        return any(p.name == LEDGER for p in self.declared)


def interface(chapter: str) -> Interface:
    return Interface(tuple(params_mod.read(chapter)))


def default_tables(face: Interface) -> Any:
    """The chapter's default tables as the robustness command reads them (`tables['ledger']` included for a page
    that weighs the ledger; a lone test run builds the site first when the ledger is not there yet)."""
    from aicloud import cli, data, robustness

    if face.reads_ledger:
        ledger = data.resolve(str(face.defaults[LEDGER]))
        if not ledger.exists():
            cli.main(["build"])
    return robustness.default_tables(list(face.declared))


@st.composite
def inputs(draw, face: Interface, max_rows: int = 6) -> tuple[S.Frames, dict[str, Any]]:
    """Typed tables for a chapter (some or all of the resources it reads generated, the others the project's
    defaults) and its default parameters. A chapter that weighs the ledger also gets a generated ledger, as
    `tables['ledger']` and as the file its `ledger_path` parameter names."""
    generated = draw(S.some_generated(face.resources))
    tables = draw(S.dataset(face.resources, generated, max_rows=max_rows))
    params = face.defaults
    frames = S.typed(tables)
    for name in generated:  # shown with a failure, so the case can be rebuilt by hand
        note(f"generated {name}.csv:\n{tables[name].to_csv(index=False)[:1500]}")
    if face.reads_ledger:
        claims = tables["claims"] if "claims" in tables else S.default_strings("claims")
        ledger = draw(S.ledger(claims))
        path = _LEDGER_DIR / "claims_ledger.csv"
        ledger.to_csv(path, index=False)
        frames["ledger"] = ledger
        params[LEDGER] = str(path)
    return frames, params


def result_problems(result: Any) -> list[str]:
    """Everything wrong with a ChapterResult by the generated-data checks (see `tests/text_checks.py`)."""
    if not isinstance(result, ChapterResult):
        return [f"analyse returned {type(result).__name__}, not a ChapterResult"]
    problems = tc.missing_numbers(result.values, "value") + tc.missing_numbers(result.titles, "title")
    problems += tc.shares_out_of_range(result.values)
    texts = [(f"value {k!r}", v) for k, v in result.values.items() if isinstance(v, str)]
    texts += [(f"title {k!r}", v) for k, v in result.titles.items()]
    for claim, verdict in result.verdicts.items():
        if not isinstance(verdict, Verdict):
            problems.append(f"verdict {claim} is {type(verdict).__name__}, not a Verdict")
            continue
        if verdict.label not in LABELS or verdict.evidence not in EVIDENCE_GRADES:
            problems.append(f"verdict {claim} has label {verdict.label!r}, evidence {verdict.evidence!r}")
        texts += [(f"{claim} figure", verdict.figure), (f"{claim} reason", verdict.reason)]
    # Missing numbers in text were listed above; here the sentences' logic.
    for where, text in texts:
        problems += [f"{where}: {p}" for p in tc.self_comparisons(text) + tc.contradictions(text)]
    return problems


def rule_problems(module: ModuleType, tables: Mapping[str, Any], params: Mapping[str, Any],
                  result: ChapterResult) -> list[str]:
    """Each rule, called on the evidence `prepare` makes: it returns a Verdict, reads only the parameters its
    `reads=` declares, and gives the verdict `analyse` put on the page."""
    rules = rules_of(module)
    problems = []
    if set(rules) != set(result.verdicts):
        problems.append(f"rules for {sorted(rules)} but verdicts for {sorted(result.verdicts)}")
    evidence = module.prepare(tables)
    for claim, r in rules.items():
        recording = RecordingParams(params)
        verdict = r(evidence, recording)
        if not isinstance(verdict, Verdict):
            problems.append(f"rule {claim} returned {type(verdict).__name__}, not a Verdict")
            continue
        undeclared = recording.read - set(r.reads)
        if undeclared:
            problems.append(f"rule {claim} reads {sorted(undeclared)} but declares reads={r.reads}")
        if claim in result.verdicts and result.verdicts[claim] != verdict:
            problems.append(f"rule {claim} gives {verdict} but analyse gives {result.verdicts[claim]}")
    return problems


def check(module: ModuleType, tables: S.Frames, params: dict[str, Any]) -> list[str]:
    """Run `module.analyse` (an exception propagates: it is the failure) and list every problem."""
    result = module.analyse(tables, RecordingParams(params))
    problems = result_problems(result)
    if isinstance(result, ChapterResult):
        problems += rule_problems(module, tables, params, result)
    return problems


# --- rendered notebooks -------------------------------------------------------------------------------------------

def run_notebook(chapter: str, overrides: dict[str, Any], output: Path, server: Any = None) -> tuple[Path | None, str]:
    """Execute a chapter under Papermill (no cache) with parameter overrides; (the notebook, '') or (None, error)."""
    ch = pipeline.chapter(chapter)
    resolved = pipeline.resolve_parameters(ch, overrides)
    result = pipeline.execute(ch, resolved, output, use_cache=False, server=server)
    if result.status != "executed":
        return None, f"{chapter} failed in cell {result.cell}: {result.error}"
    return result.output, ""


def rendered_problems(notebook: Path, chapter: str) -> list[str]:
    """Everything wrong with what an executed chapter says: its markdown with the glued values filled in, and
    every glued value (the same checks as on the package's results), and a verdict for each of its claims."""
    import nbformat

    from aicloud import data
    from aicloud.glued import glued
    from aicloud.standalone import fill_glue

    nb = nbformat.read(str(notebook), as_version=4)
    values = glued(notebook)
    texts = [(f"markdown cell {i}", fill_glue(c.source, values)) for i, c in enumerate(nb.cells)
             if c.cell_type == "markdown"]
    problems = [f"{where}: a glued value is missing" for where, t in texts if "[missing value" in t]
    problems += tc.text_problems(texts + [(f"glued {k!r}", v) for k, v in values.items()])
    problems += tc.shares_out_of_range(values, parse_text=True)
    claims = data.load("claims")
    for claim in claims.loc[claims["chapter"] == chapter, "id"]:
        if values.get(f"{claim}_verdict") not in LABELS:
            problems.append(f"{claim}: no valid verdict recorded ({values.get(f'{claim}_verdict')!r})")
    return problems


@st.composite
def csv_inputs(draw, face: Interface, folder: Path, max_rows: int = 6) -> dict[str, Any]:
    """Like `inputs`, written as CSV files into `folder`: the parameter overrides that point a chapter at them."""
    generated = draw(S.some_generated(face.resources))
    tables = draw(S.dataset(face.resources, generated, max_rows=max_rows))
    paths = S.write({name: tables[name] for name in face.resources}, folder)
    for name in generated:  # shown with a failure, so the case can be rebuilt by hand
        note(f"generated {name}.csv:\n{tables[name].to_csv(index=False)[:1500]}")
    overrides: dict[str, Any] = {f"{name}_csv": str(path) for name, path in paths.items()}
    if face.reads_ledger:
        claims = tables["claims"] if "claims" in tables else S.default_strings("claims")
        ledger_file = folder / "claims_ledger.csv"
        draw(S.ledger(claims)).to_csv(ledger_file, index=False)
        overrides[LEDGER] = str(ledger_file)
    return overrides
