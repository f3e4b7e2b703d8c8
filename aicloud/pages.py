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
from aicloud.i18n import display
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
    w = CONSTRAINT_WORDS
    parts = []
    for key, value in field.get("constraints", {}).items():
        if key in ("required", "unique") and value:
            parts.append(w[key])
        elif key == "enum":
            parts.append(w["enum"].format(values=w["enum_sep"].join(map(str, value))))
        elif key in ("minimum", "maximum", "maxLength", "pattern"):
            parts.append(w[key].format(value=value))
    return w["sep"].join(parts)


def data_and_sources(paths: dict[str, Path] | None = None) -> str:
    """The 'Data and sources' page as MyST markdown (its words from DATA_PAGE and the dicts and functions of the
    text section below)."""
    w = DATA_PAGE
    paths = paths or {}
    pkg = data.package()
    out = [w["title"], "", w["intro"], ""]
    sources = data.load("sources", paths.get("sources"), overrides=paths)
    for res in pkg["resources"]:
        if res["name"] == "sources":
            continue
        frame = data.load(res["name"], paths.get(res["name"]), overrides=paths)
        out += [f"## {data_text(res.get('title', res['name']), 'data page')}", "",
                w["resource"].format(name=res["name"], path=res["path"], rows=len(frame),
                                     description=html_text(data_text(res.get("description", ""), "data page"))), ""]
        fields = pd.DataFrame([{"column": f["name"],
                                "type": SHOWN_TYPE.get(f.get("type", "string"), f.get("type", "string")),
                                "unit": display(f.get("unit", ""), "data page"),
                                "description": data_text(f.get("description", ""), "data page"),
                                "rules": _constraints(f)}
                               for f in res["schema"]["fields"]])
        fields.columns = FIELD_COLUMNS
        out += [_table(fields), ""]
        if "source_id" in frame.columns:
            used = frame["source_id"].value_counts()
            cited = w["cited_sep"].join(w["cited_item"].format(source=markdown_text(s), n=n) for s, n in used.items())
            out += [w["cited"].format(cited=cited), ""]
    out += [w["sources_title"], "", w["sources_intro"], ""]
    shown = sources.assign(
        title_html=[w["source_link"].format(url=html_text(u), title=html_text(t))
                    if isinstance(u, str) and u.startswith(("https://", "http://"))
                    else w["source_title"].format(title=html_text(t))
                    for t, u in zip(sources["title"], sources["url"])],
        publisher_html=[w["publisher"].format(publisher=_cell(p)) for p in sources["publisher"]],
        kind_shown=[SHOWN_KIND.get(k, k) for k in sources["kind"]],
        note_html=[shown_note(n) for n in sources["note"]])
    table = shown[["id", "title_html", "publisher_html", "date", "kind_shown", "accessed", "note_html"]]
    table.columns = SOURCE_COLUMNS
    # Each source row is an anchor (#source-ID): every chart links the sources of the rows it draws here.
    out += [_table(table, row_ids=[f"source-{i}" for i in sources["id"]]), ""]
    return "\n".join(out)


def claims_ledger(executed: dict[str, Path], claims_path: Path | None = None) -> tuple[str, pd.DataFrame]:
    """The claims ledger page and its table. `executed` maps chapter names to executed notebooks. The table's
    verdict and evidence columns hold the keys; the page shows them through `shown_label` and `shown_grade`."""
    w = LEDGER_PAGE
    table = ledger_table(executed, claims_path)
    counts = table["verdict"].value_counts()
    intro = [w["title"], "", w["intro"], "",
             w["counts"] + w["count_sep"].join(w["count"].format(label=html.escape(shown_label(v)),
                                                                 n=int(counts.get(v, 0)))
                                               for v in claims_mod.VERDICTS)
             + (w["pending_count"].format(n=int(counts.get(PENDING, 0))) if counts.get(PENDING) else "")
             + w["counts_end"] + _scale_sentence(table), ""]
    options = "".join(f'<option value="{html_text(v)}">{html_text(shown_label(v))}</option>'
                      for v in [*claims_mod.VERDICTS, PENDING] if counts.get(v))
    grades = table["evidence"].value_counts()
    evidence_options = "".join(f'<option value="{html_text(g)}">{html_text(shown_grade(g))}</option>'
                               for g in [*EVIDENCE_GRADES, NOT_GRADED] if grades.get(g))
    phases = "".join(f'<option value="{html_text(p)}">{html_text(SHOWN_PHASE.get(p, p))}</option>'
                     for p in dict.fromkeys(table["phase"]))
    controls = w["controls"].format(options=options, evidence_options=evidence_options, phases=phases)
    titles = chapter_titles(executed)
    shown = table.assign(
        chapter_html=[f'<a href="../chapters/{html_text(c)}.html">{html_text(titles.get(c, c))}</a>'
                      if c in executed else html_text(titles.get(c, c.replace("_", " "))) for c in table["chapter"]],
        sources_html=[_sources_cell(s) for s in table["sources"]],
        verdict_shown=[shown_label(v) for v in table["verdict"]],
        evidence_shown=[shown_grade(e) for e in table["evidence"]],
        robustness_shown=[SHOWN_ROBUSTNESS.get(r, r) for r in table["robustness"]],
        phase_shown=[SHOWN_PHASE.get(p, p) for p in table["phase"]],
        paraphrase_shown=[data_text(p, "claims") for p in table["paraphrase"]])
    rows = [{"verdict": v, "phase": p, "evidence": e}
            for v, p, e in zip(table["verdict"], table["phase"], table["evidence"])]
    body = shown[["id", "phase_shown", "paraphrase_shown", "chapter_html", "verdict_shown", "figure", "reason",
                  "evidence_shown", "robustness_shown", "sources_html"]]
    body.columns = LEDGER_COLUMNS
    return "\n".join(intro + [controls, "", _table(body, table_id=LEDGER_TABLE_ID, row_attrs=rows), ""]
                     + _scale_section(table)), table


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
SCALE_SEP = " "   # between two such sentences
SCALE_COLUMNS = {"verdict": ("verdict", "criterion", "claims"), "evidence": ("evidence", "criterion", "claims")}


# --- the pages' words: a Chinese edition supplies its own of each (aicloud/zh/pages.py); the pages are put
# together once, above. A SHOWN_* dict gives a key's words on the page (none: the key itself). -------------------
DATA_PAGE = {
    "title": "# Data and sources",
    "intro": ("Every figure in this report comes from a table below, and every row of every table names its "
              "source. The tables form a [Frictionless Data Package](https://specs.frictionlessdata.io/data-package/) "
              "(`data/datapackage.yaml`): each column has a type, a unit where it is a quantity, and the rules a "
              "value must follow. The build refuses a file that breaks them, naming the file, row, column and rule. "
              "To rerun a chapter with your own file, see the README or run `python -m aicloud params CHAPTER`."),
    "resource": "Resource `{name}`, file `data/{path}`, {rows:,} rows. {description}",
    "cited": "Sources cited (rows): {cited}.",
    "cited_item": "{source} ({n})",
    "cited_sep": ", ",
    "sources_title": "## Sources",
    "sources_intro": ("Kinds: *primary* is the organisation's own document; *press* a named news outlet, often a "
                      "syndicated or translated copy; *third-party* a tracker, compilation or blog; *derived* the "
                      "project's own computation; *article* the commentary under test. Notes carry the caveats."),
    "source_link": '<a href="{url}">{title}</a>',
    "source_title": "{title}",
    "publisher": "{publisher}",
}
CONSTRAINT_WORDS = {"required": "required", "unique": "unique", "enum": "one of: {values}", "enum_sep": ", ",
                    "minimum": "minimum {value}", "maximum": "maximum {value}", "maxLength": "maxLength {value}",
                    "pattern": "pattern {value}", "sep": "; "}
FIELD_COLUMNS = ["column", "type", "unit", "description", "rules"]
SOURCE_COLUMNS = ["id", "title_html", "publisher_html", "date", "kind", "accessed", "note_html"]
SHOWN_TYPE: dict[str, str] = {}
SHOWN_KIND: dict[str, str] = {}
SHOWN_PHASE: dict[str, str] = {}
SHOWN_ROBUSTNESS: dict[str, str] = {}
LEDGER_PAGE = {
    "title": "# Claims ledger",
    "intro": ("Each of the article's claims, in the report's words, with what the evidence says. Verdicts are "
              "computed in the chapter that tests the claim and read from it when the site is built; the "
              "deciding figure is the chapter's own number. Filter by verdict, evidence or phase."),
    "counts": "Verdicts: ",
    "count": "{label}: {n}",
    "count_sep": "; ",
    "pending_count": "; no verdict yet: {n}",
    "counts_end": ". ",
    "controls": ('<div class="ledger-filters"><label>Verdict <select id="ledger-verdict"><option value="">all'
                 '</option>{options}</select></label> <label>Evidence <select id="ledger-evidence"><option '
                 'value="">all</option>{evidence_options}</select></label> <label>Phase <select id="ledger-phase">'
                 '<option value="">all</option>{phases}</select></label> '
                 '<span id="ledger-count" aria-live="polite"></span></div>'),
}
LEDGER_COLUMNS = ["id", "phase", "paraphrase", "chapter_html", "verdict", "figure", "reason", "evidence",
                  "robustness", "sources_html"]
SOURCES_CELL = {"count": ("{n} source", "{n} sources"), "ids": "{ids}"}   # one source, several
# A chapter not translated yet stands for its figure and reason by these (never in the English edition).
PENDING_FIGURE = ""
PENDING_REASON = ""


def data_text(text: object, where: str) -> object:
    """A text of the data package (a title, a description, a claim's paraphrase) as the page shows it: as written."""
    return text


def shown_label(label: str) -> str:
    """A verdict label (or PENDING) as the ledger shows it: the label itself."""
    return label


def shown_grade(grade: str) -> str:
    """An evidence grade (or NOT_GRADED) as the ledger shows it: the grade itself."""
    return grade


def shown_note(note: object) -> str:
    """A source's note as the data page shows it (HTML)."""
    return _cell(note)


def chapter_titles(executed: dict[str, Path]) -> dict[str, str]:
    """Chapter names -> titles, from the book's table of contents."""
    from aicloud.book import chapters

    return {ch.name: ch.title for ch in chapters()}


def untranslated_chapters() -> set[str]:
    """Chapters whose figures and reasons the ledger does not show in this language: none in English."""
    return set()


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
    return SCALE_SEP.join(SCALE_DOMINANT.format(label=html_text(shown_label(label)), count=len(ids), total=len(table))
                          for label, ids in dominant.items())


def _scale_section(table: pd.DataFrame) -> list[str]:
    from aicloud.verdicts import CRITERIA, EVIDENCE_CRITERIA

    verdicts = scale_distribution(table)
    grades = table["evidence"].value_counts()
    label_col, criterion_col, claims_col = SCALE_COLUMNS["verdict"]
    grade_col = SCALE_COLUMNS["evidence"][0]
    labels = pd.DataFrame([{label_col: shown_label(label), criterion_col: CRITERIA[label], claims_col: verdicts[label]}
                           for label in claims_mod.VERDICTS])
    evidence = pd.DataFrame([{grade_col: shown_grade(grade), criterion_col: EVIDENCE_CRITERIA[grade],
                              claims_col: int(grades.get(grade, 0))} for grade in EVIDENCE_GRADES]
                            + ([{grade_col: shown_grade(NOT_GRADED), criterion_col: NOT_GRADED_CRITERION,
                                 claims_col: int(grades[NOT_GRADED])}] if grades.get(NOT_GRADED) else []))
    return [SCALE_TITLE, "", SCALE_INTRO, "", _table(labels, table_id="verdict-criteria"), "",
            _table(evidence, table_id="evidence-criteria"), ""]


def _sources_cell(sources: str) -> str:
    """Source ids folded under a count, so long lists do not stretch the row; ids are on the data page."""
    ids = [i.strip() for i in str(sources).split(",") if i.strip()]
    if not ids:
        return ""
    label = SOURCES_CELL["count"][len(ids) > 1].format(n=len(ids))
    return f"<details><summary>{label}</summary>{SOURCES_CELL['ids'].format(ids=html_text(', '.join(ids)))}</details>"


def ledger_table(executed: dict[str, Path], claims_path: Path | None = None) -> pd.DataFrame:
    """Claims joined with the verdicts glued by the executed chapters; `verdict` and `evidence` hold the keys (a
    Chinese chapter glues them as `<id>_verdict_key` and `<id>_evidence_key`). A chapter whose page is not
    translated yet (`untranslated_chapters`) gives its verdict, and PENDING_FIGURE and PENDING_REASON stand for its
    figure and reason."""
    claims = data.load("claims", claims_path)
    values: dict[str, str] = {}
    for path in executed.values():
        if Path(path).exists():
            values.update(glued(path))
    waiting = untranslated_chapters()
    rows = []
    for _, c in claims.iterrows():
        cid = c["id"]
        elsewhere = c["chapter"] in waiting and f"{cid}_figure" in values
        recorded = f"{cid}_verdict" in values
        rows.append({**c.to_dict(),
                     "verdict": values.get(f"{cid}_verdict_key", values.get(f"{cid}_verdict", PENDING)),
                     "figure": PENDING_FIGURE if elsewhere else values.get(f"{cid}_figure", ""),
                     "reason": PENDING_REASON if elsewhere else values.get(f"{cid}_reason", ""),
                     "sources": values.get(f"{cid}_sources", ""),
                     "evidence": values.get(f"{cid}_evidence_key", values.get(f"{cid}_evidence",
                                                                              NOT_GRADED if recorded else "")),
                     "robustness": values.get(f"{cid}_robustness", NOT_SWEPT if recorded else "")})
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
