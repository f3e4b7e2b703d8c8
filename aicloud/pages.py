"""Pages generated at build time from data and from executed chapters: never typed, never committed.

- `data_and_sources.md`: every resource of the data package with its fields, units and constraints, and the
  sources table (the report's bibliography of facts).
- `claims_ledger.md`: every claim with its verdict, deciding figure, reason, evidence grade and robustness, read
  back from the values the chapters glued, filterable by verdict, evidence and phase; then the written criteria
  of each verdict and evidence grade with how many claims hold each.
"""

from __future__ import annotations

import html
from pathlib import Path

from aicloud import claims as claims_mod
from aicloud import data
from aicloud._lazy import pd
from aicloud.escape import html_text, markdown_text
from aicloud.glued import glued
from aicloud.layout import digest, stamp, stamped, write_if_changed
from aicloud.verdicts import EVIDENCE_GRADES


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return html_text(value)


def _table(frame: pd.DataFrame, table_id: str = "", row_attrs: list[dict] | None = None,
           row_ids: list[str] | None = None) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for i, (_, row) in enumerate(frame.iterrows()):
        attrs = "".join(f' data-{k}="{html_text(v)}"' for k, v in (row_attrs[i] if row_attrs else {}).items())
        attrs += f' id="{html_text(row_ids[i])}"' if row_ids else ""
        cells = "".join(f"<td>{row[c] if c.endswith('_html') else _cell(row[c])}</td>" for c in frame.columns)
        rows.append(f"<tr{attrs}>{cells}</tr>")
    ident = f' id="{table_id}"' if table_id else ""
    head = head.replace("_html</th>", "</th>")
    return (f'<div class="table-wrapper"><table class="table"{ident}><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _constraints(field: dict) -> str:
    parts = []
    for key, value in field.get("constraints", {}).items():
        if key == "required" and value:
            parts.append("required")
        elif key == "unique" and value:
            parts.append("unique")
        elif key == "enum":
            parts.append("one of: " + ", ".join(map(str, value)))
        elif key in ("minimum", "maximum", "maxLength", "pattern"):
            parts.append(f"{key} {value}")
    return "; ".join(parts)


def data_and_sources(paths: dict[str, Path] | None = None) -> str:
    """The 'Data and sources' page as MyST markdown."""
    paths = paths or {}
    pkg = data.package()
    out = ["# Data and sources", "",
           "Every figure in this report comes from a table below, and every row of every table names its "
           "source. The tables form a [Frictionless Data Package](https://specs.frictionlessdata.io/data-package/) "
           "(`data/datapackage.yaml`): each column has a type, a unit where it is a quantity, and the rules a "
           "value must follow. The build refuses a file that breaks them, naming the file, row, column and rule. "
           "To rerun a chapter with your own file, see the README or run `python -m aicloud params CHAPTER`.", ""]
    sources = data.load("sources", paths.get("sources"), overrides=paths)
    for res in pkg["resources"]:
        if res["name"] == "sources":
            continue
        frame = data.load(res["name"], paths.get(res["name"]), overrides=paths)
        out += [f"## {res.get('title', res['name'])}", "",
                f"Resource `{res['name']}`, file `data/{res['path']}`, {len(frame):,} rows. "
                f"{html.escape(' '.join(str(res.get('description', '')).split()))}", ""]
        fields = pd.DataFrame([{"column": f["name"], "type": f.get("type", "string"), "unit": f.get("unit", ""),
                                "description": f.get("description", ""), "rules": _constraints(f)}
                               for f in res["schema"]["fields"]])
        out += [_table(fields), ""]
        if "source_id" in frame.columns:
            used = frame["source_id"].value_counts()
            cited = ", ".join(f"{markdown_text(s)} ({n})" for s, n in used.items())
            out += [f"Sources cited (rows): {cited}.", ""]
    out += ["## Sources", "",
            "Kinds: *primary* is the organisation's own document; *press* a named news outlet, often a "
            "syndicated or translated copy; *third-party* a tracker, compilation or blog; *derived* the "
            "project's own computation; *article* the commentary under test. Notes carry the caveats.", ""]
    shown = sources.assign(title_html=[
        f'<a href="{html_text(u)}">{html_text(t)}</a>' if isinstance(u, str) and u.startswith(("https://", "http://"))
        else html_text(t)
        for t, u in zip(sources["title"], sources["url"])])
    # Each source row is an anchor (#source-ID): every chart links the sources of the rows it draws here.
    out += [_table(shown[["id", "title_html", "publisher", "date", "kind", "accessed", "note"]],
                   row_ids=[f"source-{i}" for i in sources["id"]]), ""]
    return "\n".join(out)


def claims_ledger(executed: dict[str, Path], claims_path: Path | None = None) -> tuple[str, pd.DataFrame]:
    """The claims ledger page and its table. `executed` maps chapter names to executed notebooks."""
    table = ledger_table(executed, claims_path)
    counts = table["verdict"].value_counts()
    intro = ["# Claims ledger", "",
             "Each of the article's claims, in the report's words, with what the evidence says. Verdicts are "
             "computed in the chapter that tests the claim and read from it when the site is built; the "
             "deciding figure is the chapter's own number. Filter by verdict, evidence or phase.", "",
             "Verdicts: " + "; ".join(f"{html.escape(v)}: {int(counts.get(v, 0))}" for v in claims_mod.VERDICTS)
             + (f"; no verdict yet: {int(counts.get(PENDING, 0))}" if counts.get(PENDING) else "")
             + ". " + _scale_sentence(table), ""]
    options = "".join(f'<option value="{html_text(v)}">{html_text(v)}</option>'
                      for v in [*claims_mod.VERDICTS, PENDING] if counts.get(v))
    grades = table["evidence"].value_counts()
    evidence_options = "".join(f'<option value="{html_text(g)}">{html_text(g)}</option>'
                               for g in [*EVIDENCE_GRADES, NOT_GRADED] if grades.get(g))
    phases = "".join(f'<option value="{html_text(p)}">{html_text(p)}</option>'
                     for p in dict.fromkeys(table["phase"]))
    controls = ('<div class="ledger-filters"><label>Verdict <select id="ledger-verdict"><option value="">all'
                f'</option>{options}</select></label> <label>Evidence <select id="ledger-evidence"><option '
                f'value="">all</option>{evidence_options}</select></label> <label>Phase <select id="ledger-phase">'
                f'<option value="">all</option>{phases}</select></label> '
                '<span id="ledger-count" aria-live="polite"></span></div>')
    from aicloud.book import chapters

    titles = {ch.name: ch.title for ch in chapters()}
    shown = table.assign(chapter_html=[
        f'<a href="../chapters/{html_text(c)}.html">{html_text(titles.get(c, c))}</a>'
        if c in executed else html_text(titles.get(c, c.replace("_", " "))) for c in table["chapter"]])
    shown = shown.assign(sources_html=[_sources_cell(s) for s in table["sources"]])
    rows = [{"verdict": v, "phase": p, "evidence": e}
            for v, p, e in zip(table["verdict"], table["phase"], table["evidence"])]
    body = _table(shown[["id", "phase", "paraphrase", "chapter_html", "verdict", "figure", "reason", "evidence",
                         "robustness", "sources_html"]], table_id=LEDGER_TABLE_ID, row_attrs=rows)
    return "\n".join(intro + [controls, "", body, ""] + _scale_section(table)), table


# The ledger table's HTML id. Not "claims-ledger": Sphinx gives that id to the page's own section (from its title),
# and an id used twice made the filters (and the site test) pick the section, with every table in it.
LEDGER_TABLE_ID = "ledger-table"


# --- the verdict scale (issue 13): reader-facing text of the ledger page's grading section ---------------------
PENDING = "no verdict yet"
NOT_GRADED = "not graded"
NOT_SWEPT = "not swept"
NOT_GRADED_CRITERION = "The chapter recorded the verdict without an evidence grade (before its verdict rule existed)."
SCALE_TITLE = "## How the verdicts are graded"
SCALE_INTRO = ("Every verdict applies the written criteria below, and carries a second, separate grade for the "
               "strength of the evidence it rests on: a claim can be contradicted on direct evidence or supported "
               "on a single anecdote. The robustness column says whether the verdict holds over the documented "
               "range of every assumption its rule reads (each swept one at a time and all drawn together).")
SCALE_BALANCED = "No verdict holds more than half of the claims."
SCALE_DOMINANT = "'{label}' holds {count} of {total} claims, more than half."


def scale_distribution(table: pd.DataFrame) -> dict[str, int]:
    """How many claims hold each verdict label (every label listed, pending claims left out)."""
    counts = table["verdict"].value_counts()
    return {label: int(counts.get(label, 0)) for label in claims_mod.VERDICTS}


def dominant_labels(table: pd.DataFrame) -> dict[str, list[str]]:
    """Labels that hold more than half of all the claims in the ledger, with those claims' ids."""
    total = len(table)
    return {label: sorted(table.loc[table["verdict"] == label, "id"])
            for label, n in scale_distribution(table).items() if total and n > total / 2}


def _scale_sentence(table: pd.DataFrame) -> str:
    dominant = dominant_labels(table)
    if not dominant:
        return SCALE_BALANCED
    return " ".join(SCALE_DOMINANT.format(label=html_text(label), count=len(ids), total=len(table))
                    for label, ids in dominant.items())


def _scale_section(table: pd.DataFrame) -> list[str]:
    from aicloud.verdicts import CRITERIA, EVIDENCE_CRITERIA

    verdicts = scale_distribution(table)
    grades = table["evidence"].value_counts()
    labels = pd.DataFrame([{"verdict": label, "criterion": CRITERIA[label], "claims": verdicts[label]}
                           for label in claims_mod.VERDICTS])
    evidence = pd.DataFrame([{"evidence": grade, "criterion": EVIDENCE_CRITERIA[grade],
                              "claims": int(grades.get(grade, 0))} for grade in EVIDENCE_GRADES]
                            + ([{"evidence": NOT_GRADED, "criterion": NOT_GRADED_CRITERION,
                                 "claims": int(grades[NOT_GRADED])}] if grades.get(NOT_GRADED) else []))
    return [SCALE_TITLE, "", SCALE_INTRO, "", _table(labels, table_id="verdict-criteria"), "",
            _table(evidence, table_id="evidence-criteria"), ""]


def _sources_cell(sources: str) -> str:
    """Source ids folded under a count, so long lists do not stretch the row; ids are on the data page."""
    ids = [i.strip() for i in str(sources).split(",") if i.strip()]
    if not ids:
        return ""
    label = f"{len(ids)} source" + ("s" if len(ids) > 1 else "")
    return f"<details><summary>{label}</summary>{html_text(', '.join(ids))}</details>"


def ledger_table(executed: dict[str, Path], claims_path: Path | None = None) -> pd.DataFrame:
    """Claims joined with the verdicts glued by the executed chapters."""
    claims = data.load("claims", claims_path)
    values: dict[str, str] = {}
    for path in executed.values():
        if Path(path).exists():
            values.update(glued(path))
    rows = []
    for _, c in claims.iterrows():
        cid = c["id"]
        rows.append({**c.to_dict(),
                     "verdict": values.get(f"{cid}_verdict", PENDING),
                     "figure": values.get(f"{cid}_figure", ""),
                     "reason": values.get(f"{cid}_reason", ""),
                     "sources": values.get(f"{cid}_sources", ""),
                     "evidence": values.get(f"{cid}_evidence", NOT_GRADED if f"{cid}_verdict" in values else ""),
                     "robustness": values.get(f"{cid}_robustness", NOT_SWEPT if f"{cid}_verdict" in values else "")})
    return pd.DataFrame(rows)


def write_if_inputs_changed(path: Path, inputs: list[Path], make) -> None:
    """Regenerate a page with `make()` only when the bytes of its inputs changed since it was written."""
    key = digest([p for p in inputs if p.exists()])
    mark = path.with_name(f".{path.name}.inputs")
    if path.exists() and stamped(mark, key):
        return
    write(path, make())
    stamp(mark, key)


def write(path: Path, text: str) -> None:
    """Write a generated page only when its text changed (keeps the site build's change detection quiet)."""
    write_if_changed(path, text)
