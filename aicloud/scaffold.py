"""`python -m aicloud new-chapter NAME`: a new chapter that builds and passes the tests at once.

It writes the notebook (a parameters cell with a documented domain for its number, a chart with a slider, the
claims it tests with their verdicts), its entry in the table of contents, new rows in the claims table, an
analysis module following the contract of `aicloud.analysis` with one rule per claim and its unit test, an
alternative data set and parameter set (copies of the introduction's invented test data, so the adaptation test
runs), and a lesson-plan stub in the teaching guide. What is left to do is ARCHITECTURE.md's checklist, "Adding
a chapter". Nothing is written unless everything can be: existing files are never overwritten.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from aicloud import layout
from aicloud.layout import InputError

NAME = re.compile(r"^[a-z][a-z_]{2,39}$")  # the claims table's `chapter` column allows letters and underscores
TEST_DATA = Path("tests") / "data" / "introduction"  # invented events with other actors and dates

NOTEBOOK = '''---
jupytext:
  text_representation: {{extension: .md, format_name: myst}}
kernelspec: {{display_name: Python 3, language: python, name: python3}}
---
# {title}

This chapter was made by `python -m aicloud new-chapter {name}`. It counts the dated events of the report's timeline
so that it builds from the first minute; replace that with the chapter's own question, data and analysis (see
ARCHITECTURE.md, "Adding a chapter").

**Claims tested:** {claim_list} of the [claims ledger](../generated/claims_ledger.md).

```{{code-cell}} ipython3
:tags: [parameters, hide-input]
sources_csv: str = "data/sources.csv"  # the sources table every row cites
timeline_events_csv: str = "data/timeline_events.csv"  # resource timeline_events: dated events
from_year: int = 2023  # count the events from this year on (range 2000 to 2100)
```

```{{code-cell}} ipython3
:tags: [hide-input]
import altair as alt

from aicloud import charts, data
from aicloud.analysis import {name} as analysis

tables = data.Tables(sources=sources_csv, timeline_events=timeline_events_csv)
result = analysis.analyse(tables, {{"from_year": from_year}})
result.glue()
events = result.frames["events"]
first, last = int(events["year"].min()), int(events["year"].max())
since = alt.param(name="since_year", value=first,
                  bind=alt.binding_range(min=first, max=max(last, first + 1), step=1, name="Highlight from "))
bars = alt.Chart(events).mark_bar().encode(
    x=alt.X("year:O", title="Year"),
    y=alt.Y("events:Q", title="Events (count)"),
    opacity=alt.condition(alt.datum.year >= since, alt.value(1.0), alt.value(0.3)),
    tooltip=["year:O", "events:Q"],
).add_params(since)
charts.finish(
    bars,
    title=result.titles["events"],
    subtitle="Dated events per calendar year; move the slider to highlight the years from a chosen one on",
    source=tables.source_line(tables["timeline_events"]),
    description=result.titles["events"] + ", one bar per year; a slider highlights the later years.",
    height=220,
)
```

The timeline holds {{glue:text}}`n_events` dated events from {{glue:text}}`first_year` to
{{glue:text}}`last_year`; {{glue:text}}`n_since` of them fall in {{glue:text}}`from_year` or later.

## The claims and their verdicts

{claim_sections}
'''

CLAIM_SECTION = """**Claim {claim}.** {{glue:text}}`{claim}_verdict`: {{glue:text}}`{claim}_reason`
"""

ANALYSIS = '''"""{title} (claims {claim_list}): the chapter's analysis and its verdict rules.

Made by `python -m aicloud new-chapter {name}` as a working start: `prepare(tables)` computes, once and without
any parameter, what the rules read; each rule (`@rule(claim, reads=...)`) is cheap arithmetic on that evidence and
the parameters it declares; `analyse(tables, params)` returns every figure the page quotes, the rows the chart
draws, its title and one verdict per claim. Replace the counting with the chapter's own analysis.

Reader-facing sentences are made in one place, the section "Reader-facing text" below.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from aicloud.analysis import ChapterResult, rule, rules_of
from aicloud.verdicts import Verdict

CLAIMS = {claims!r}


@dataclass(frozen=True)
class Evidence:
    """What the rules read, computed once from the tables."""

    events_by_year: dict[int, int]
    sources: tuple[str, ...]


def prepare(tables: Mapping[str, pd.DataFrame]) -> Evidence:
    events = tables["timeline_events"]
    counts = events["date"].dt.year.value_counts().sort_index()
    return Evidence({{int(y): int(n) for y, n in counts.items()}}, tuple(sorted(events["source_id"].unique())))


# --- Reader-facing text ----------------------------------------------------------------------------------------


def events_title(n: int, first: int, last: int) -> str:
    return f"{{n:,}} dated events from {{first}} to {{last}}"


def since_figure(n: int, year: int) -> str:
    return f"{{n:,}} {{'event' if n == 1 else 'events'}} from {{year}} on"


def stub_reason(claim: str) -> str:
    return (f"Claim {{claim}} belongs to a chapter made by new-chapter: its rule counts events and does not test the "
            "claim yet, so this run's data cannot decide it.")


# --- Rules ---------------------------------------------------------------------------------------------------------


def _count_since(evidence: Evidence, year: int) -> int:
    return sum(n for y, n in evidence.events_by_year.items() if y >= year)


{rules}


def analyse(tables: Mapping[str, pd.DataFrame], params: Mapping[str, Any]) -> ChapterResult:
    evidence = prepare(tables)
    years = sorted(evidence.events_by_year)
    frame = pd.DataFrame({{"year": years, "events": [evidence.events_by_year[y] for y in years]}})
    values = {{"n_events": int(frame["events"].sum()), "first_year": years[0], "last_year": years[-1],
              "from_year": params["from_year"], "n_since": _count_since(evidence, params["from_year"])}}
    titles = {{"events": events_title(values["n_events"], years[0], years[-1])}}
    verdicts = {{claim: r(evidence, params) for claim, r in rules_of(sys.modules[__name__]).items()}}
    return ChapterResult(values, {{"events": frame}}, titles, verdicts)
'''

RULE = '''@rule("{claim}", reads=("from_year",))
def claim_{lower}(evidence: Evidence, params: Mapping[str, Any]) -> Verdict:
    year = params["from_year"]
    return Verdict.not_testable_here(stub_reason("{claim}"), since_figure(_count_since(evidence, year), year),
                                     evidence.sources)

'''

TEST = '''"""The analysis of chapter {name} (made by new-chapter): every claim gets a verdict, the rules read only the
parameters they declare, and the figures follow the data."""

import pandas as pd

from aicloud import book
from aicloud.analysis import RecordingParams, rules_of
from aicloud.analysis import {name} as analysis
from aicloud.verdicts import NOT_TESTABLE_HERE

EVENTS = pd.DataFrame({{"date": pd.to_datetime(["2023-01-05", "2023-06-01", "2025-02-01"]),
                       "source_id": ["a", "b", "a"]}})


def test_every_claim_has_a_verdict_and_the_figures_follow_the_data():
    result = analysis.analyse({{"timeline_events": EVENTS}}, {{"from_year": 2024}})
    assert sorted(result.verdicts) == analysis.CLAIMS
    assert result.values["n_events"] == 3 and result.values["n_since"] == 1
    assert (result.values["first_year"], result.values["last_year"]) == (2023, 2025)
    assert all(v.label == NOT_TESTABLE_HERE and v.figure == "1 event from 2024 on" for v in result.verdicts.values())


def test_rules_read_only_the_parameters_they_declare_and_the_chapter_declares():
    declared = book.chapter("{name}").declared
    for claim, rule in rules_of(analysis).items():
        params = RecordingParams({{"from_year": 2023}})
        rule(analysis.prepare({{"timeline_events": EVENTS}}), params)
        assert params.read == set(rule.reads) and set(rule.reads) <= set(declared), claim
'''

PARAMS = '''# Chapter {name} on other data: the introduction's invented events (tests/data/{name}/), another year.
sources_csv: tests/data/{name}/sources.csv
timeline_events_csv: tests/data/{name}/timeline_events.csv
from_year: 2024
'''

LESSON = '''
## {title}

{{doc}}`Chapter <chapters/{name}>` · claims {claim_list}

**Objectives.** (To write: what students can do after the lesson.)

**Open first.** The chart of events per year; move its slider.

**Timing.** (To write: 45 minutes in steps.)

**Discussion questions.**
- (To write.)

**Assign.** (To write: the exercise to give.)

**Common misconceptions.**
- (To write.)
'''


def new_chapter(name: str, *, title: str | None = None, claims: int = 1, root: Path = layout.ROOT) -> list[Path]:
    """Scaffold chapter `name` in the project at `root`; returns the files written or changed."""
    if not NAME.match(name):
        raise InputError(f"chapter name {name[:60]!r}: use 3 to 40 lower-case letters and underscores, e.g. "
                         "cloud_margins (the claims table's chapter column allows nothing else)")
    title = title or name.replace("_", " ").capitalize()
    if not title.strip() or "\n" in title or len(title) > 120:
        raise InputError("--title: one line of at most 120 characters")
    files = _files(name, title, claims, root)
    exists = [p for p in files if p.exists() and p.name not in ("_toc.yml", "claims.csv", "teaching_guide.md")]
    if exists:
        raise InputError(f"chapter {name} exists already: {', '.join(layout.shown(p) for p in exists)}")
    for path, text in files.items():
        layout.atomic_write(path, text)
    return list(files)


def _files(name: str, title: str, count: int, root: Path) -> dict[Path, str]:
    claims_path, toc_path, guide = root / "data" / "claims.csv", root / "_toc.yml", root / "book" / "teaching_guide.md"
    claims_text = claims_path.read_text(encoding="utf-8")
    taken = [int(row["id"][1:]) for row in csv.DictReader(io.StringIO(claims_text))]
    ids = [f"C{n:02d}" for n in range(max(taken, default=0) + 1, max(taken, default=0) + 1 + count)]
    if int(ids[-1][1:]) > 99:
        raise InputError("the claims table has no free ids left (C01 to C99)")
    claim_list = ids[0] if len(ids) == 1 else f"{ids[0]} to {ids[-1]}"
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    for claim in ids:
        writer.writerow([claim, "thesis", name, f"A claim tested by chapter {name} (made by new-chapter): replace "
                         "this row with the claim in the report's own words, its phase and its source.", "article"])
    fields = {"name": name, "title": title, "claim_list": claim_list, "claims": ids}
    test_data = root / "tests" / "data" / name
    return {
        root / "notebooks" / f"{name}.md": NOTEBOOK.format(
            **fields, claim_sections="\n".join(CLAIM_SECTION.format(claim=c) for c in ids)),
        root / "aicloud" / "analysis" / f"{name}.py": ANALYSIS.format(
            **fields, rules="\n\n\n".join(RULE.format(claim=c, lower=c.lower()).strip() for c in ids)),
        root / "tests" / f"test_analysis_{name}.py": TEST.format(**fields),
        root / "tests" / "params" / f"{name}.yaml": PARAMS.format(**fields),
        test_data / "sources.csv": (root / TEST_DATA / "sources.csv").read_text(encoding="utf-8"),
        test_data / "timeline_events.csv": (root / TEST_DATA / "timeline_events.csv").read_text(encoding="utf-8"),
        toc_path: _with_toc_entry(toc_path.read_text(encoding="utf-8"), name),
        claims_path: claims_text + ("" if claims_text.endswith("\n") else "\n") + rows.getvalue(),
        guide: guide.read_text(encoding="utf-8").rstrip("\n") + "\n" + LESSON.format(**fields),
    }


def _with_toc_entry(toc: str, name: str) -> str:
    """The table of contents with `book/chapters/NAME` last in the part captioned "Chapters"."""
    lines = toc.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s*- caption: Chapters\s*$", line)), None)
    if start is None:
        raise InputError("_toc.yml has no part captioned 'Chapters' to add the chapter to")
    entries = [i for i in range(start + 1, len(lines)) if re.match(r"^\s+- file: book/chapters/", lines[i])]
    last = entries[0] if entries else start
    while last + 1 < len(lines) and re.match(r"^\s+- file: book/chapters/", lines[last + 1]):
        last += 1
    indent = re.match(r"^(\s*)", lines[last]).group(1) if entries else "      "
    return "".join([*lines[:last + 1], f"{indent}- file: book/chapters/{name}\n", *lines[last + 1:]])
