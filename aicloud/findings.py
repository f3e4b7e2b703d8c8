"""Findings first: the key-findings box at the top of a chapter, and the home page's verdicts in brief.

A chapter glues its box in the cell that computes its `ChapterResult` and shows it under its title, above the
introduction, the parameters and the code (glue lets a page show a value before the cell that made it):

```python
findings.glue_box(result, [findings.Line("C36: the pledge and the new department", claim="C36"),
                           findings.Line("What the cloud companies spend", text="spend"), ...])
```
and, right under the chapter's `# Title`:
````
```{glue:} key_findings
```
````
Every line is a sentence the analysis made (a chart title that states a finding, a glued value, or a verdict's
deciding figure), with the verdict when the line is about a claim, and a link to the section that shows it. The
home page's box (`home_box`) counts the verdicts in the ledger the chapters produced.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aicloud.analysis import ChapterResult
from aicloud.charts import VERDICT_COLORS
from aicloud.verdicts import LABELS, NOT_TESTABLE, NOT_TESTABLE_HERE

MIN_LINES, MAX_LINES = 3, 5


@dataclass(frozen=True)
class Line:
    """One key finding: the `section` it links to (the heading's text, as written in the notebook), the
    `claim` whose verdict it shows and/or the `text`: the key of a title or value of the ChapterResult holding
    the sentence. With a claim and no text, the line is the verdict's deciding figure."""

    section: str
    claim: str | None = None
    text: str | None = None


def section_id(heading: str) -> str:
    """The HTML id Sphinx gives a section with this heading (the link target of a line)."""
    from docutils.nodes import make_id

    return make_id(heading)


def _contrast(color: str) -> str:
    """Black or white text, whichever reads better on the colour (WCAG relative luminance)."""
    r, g, b = (int(color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    lum = sum(w * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
              for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b)))
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#ffffff"


def badge(label: str) -> str:
    """A verdict as a labelled badge (the words carry the meaning; the colour repeats the chart's)."""
    color = VERDICT_COLORS.get(label, "#ffffff")
    return (f'<span class="verdict-badge" style="background:{color};color:{_contrast(color)}">'
            f"{html.escape(label)}</span>")


def _sentence(result: ChapterResult, line: Line, claims: Mapping[str, str]) -> str:
    if line.text is None and line.claim in claims:
        return CLAIM_LINE.format(paraphrase=_finish(claims[line.claim]),
                                 figure=_finish(result.verdicts[line.claim].figure))
    if line.text is not None:
        for source in (result.titles, result.values):
            if line.text in source:
                return str(source[line.text])
        raise KeyError(f"key finding {line.text!r}: no such title or value in the chapter's result "
                       f"(titles: {', '.join(result.titles)})")
    if line.claim is None:
        raise ValueError(f"key finding for section {line.section!r} names neither a claim nor a text")
    return result.verdicts[line.claim].figure


def _finish(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def box(result: ChapterResult, lines: Sequence[Line], heading: str = "Key findings",
        claims: Mapping[str, str] | None = None) -> str:
    """The key-findings box as HTML: three to five lines, each a sentence from the analysis, with its verdict
    when it is about a claim and a link to its section. `claims` maps claim ids to the article's claim in the
    report's words (default: the claims table), shown before a verdict's deciding figure."""
    claims = _paraphrases() if claims is None else claims
    if not MIN_LINES <= len(lines) <= MAX_LINES:
        raise ValueError(f"a key-findings box has {MIN_LINES} to {MAX_LINES} lines, not {len(lines)}")
    items = []
    for line in lines:
        if line.claim is not None and line.claim not in result.verdicts:
            raise KeyError(f"key finding: the chapter gives no verdict for {line.claim}")
        verdict = (f'<span class="claim-id">{html.escape(line.claim)}</span> '
                   f"{badge(result.verdicts[line.claim].label)} " if line.claim else "")
        items.append(f"<li>{verdict}{html.escape(_finish(_sentence(result, line, claims)))} "
                     f'<a href="#{section_id(line.section)}">{READ_MORE.format(section=html.escape(line.section))}'
                     "</a></li>")
    return (f'<section class="key-findings" aria-labelledby="key-findings-heading">'
            f'<h2 class="key-findings-title" id="key-findings-heading">{html.escape(heading)}</h2>'
            f"<ul>{''.join(items)}</ul></section>")


def _paraphrases() -> dict[str, str]:
    from aicloud import data

    table = data.load("claims")
    return dict(zip(table["id"], table["paraphrase"]))


class HTML:
    """Displayed (or glued) as HTML; also readable as text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_html_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        import re

        return html.unescape(re.sub(r"<[^>]+>", " ", self.text)).strip()


def glue_box(result: ChapterResult, lines: Sequence[Line], key: str = "key_findings") -> HTML:
    """Make the box and glue it under `key` (shown with ```{glue:} key```); returns it."""
    from myst_nb import glue

    made = HTML(box(result, lines))
    glue(key, made, display=False)
    return made


# --- the home page ------------------------------------------------------------------------------------------

def home_box(ledger: Any, chapters: Mapping[str, str], thesis_page: str = "conclusion",
             ledger_url: str = "../generated/claims_ledger.html") -> str:
    """The report's verdicts in brief, from the claims ledger the chapters produced (`ledger`: one row per claim
    with `id`, `chapter`, `paraphrase`, `verdict`): how many claims, how many each verdict, each chapter's
    count with a link, and which claims the evidence contradicts. `chapters` maps page names to titles, in
    reading order."""
    if len(ledger) == 0:
        return (f'<section class="key-findings home-findings" aria-labelledby="key-findings-heading">'
                f'<h2 class="key-findings-title" id="key-findings-heading">{HOME_HEADING}</h2>'
                f"<p>{NO_LEDGER}</p></section>")
    verdicts = ledger["verdict"].where(ledger["verdict"].isin(LABELS), NO_VERDICT)
    thesis = ledger[ledger["chapter"] == thesis_page]
    tested = ledger[(ledger["chapter"] != thesis_page) & verdicts.isin(LABELS)]
    pending = ledger[(ledger["chapter"] != thesis_page) & ~verdicts.isin(LABELS)]
    counts = tested["verdict"].value_counts()
    w = HOME_WORDS
    parts = [w["count"].format(n=int(counts.get(label, 0)), badge=badge(label)) for label in LABELS
             if counts.get(label, 0) or label != NOT_TESTABLE_HERE]
    lines = [COUNTS.format(n=len(ledger), tested=len(tested), parts=_join(parts))]
    if len(thesis):
        lines[0] += w["then"] + THESIS.format(ids=html.escape(w["ids_sep"].join(thesis["id"])),
                                              page=f"{thesis_page}.html",
                                              title=html.escape(chapters.get(thesis_page, thesis_page)))
    if len(pending):
        lines[0] += w["then"] + PENDING.format(n=len(pending), ids=html.escape(w["ids_sep"].join(pending["id"])))
    per_chapter = []
    for name, title in chapters.items():
        mine = tested[tested["chapter"] == name]
        if len(mine):
            c = mine["verdict"].value_counts()
            said = w["count_sep"].join(w["chapter_count"].format(n=int(c[label]), label=html.escape(SHORT[label]))
                                       for label in LABELS if c.get(label, 0))
            per_chapter.append(CHAPTER.format(page=f"{name}.html", title=html.escape(title), n=len(mine),
                                              counts=said))
    against = tested[tested["verdict"] == "contradicted"]
    items = [f"<li>{line}</li>" for line in lines]
    if per_chapter:
        items.append(f"<li>{BY_CHAPTER}<ul>{''.join(f'<li>{p}</li>' for p in per_chapter)}</ul></li>")
    if len(against):
        shown = w["claims_sep"].join(
            w["claim"].format(id=html.escape(i), claim=html.escape(_finish(shown_paraphrase(p)).rstrip(w["stops"])))
            for i, p in zip(against["id"], against["paraphrase"]))
        items.append(f"<li>{CONTRADICTED.format(n=len(against), claims=shown)}</li>")
    public = int(counts.get(NOT_TESTABLE, 0))
    if len(tested):
        items.append(f"<li>{PUBLIC.format(share=1 - public / len(tested), ledger=ledger_url)}</li>")
    return (f'<section class="key-findings home-findings" aria-labelledby="key-findings-heading">'
            f'<h2 class="key-findings-title" id="key-findings-heading">{HOME_HEADING}</h2>'
            f"<ul>{''.join(items)}</ul></section>")


def _join(parts: list[str]) -> str:
    w = HOME_WORDS
    return parts[0] if len(parts) == 1 else w["count_sep"].join(parts[:-1]) + w["and"] + parts[-1]


def shown_paraphrase(paraphrase: str) -> str:
    """A claim's paraphrase from the ledger as the home page shows it (as written)."""
    return paraphrase


LEDGER_COLUMNS = ["id", "phase", "chapter", "paraphrase", "verdict", "figure", "reason", "sources"]


def read_ledger(path: Any) -> Any:
    """The ledger table the build wrote (`book/generated/claims_ledger.csv`), every cell as text; an empty table
    when there is none (a page run on its own, before any build, says so instead of failing)."""
    from pathlib import Path

    import pandas as pd

    if not Path(path).is_file():
        return pd.DataFrame(columns=LEDGER_COLUMNS, dtype=str)
    return pd.read_csv(path, keep_default_na=False, dtype=str)


def chapter_titles(exclude: Sequence[str] = ()) -> dict[str, str]:
    """The book's chapters (page name -> title) in reading order."""
    from aicloud.pipeline import chapters

    return {ch.name: ch.title for ch in chapters() if ch.name not in exclude}


def glue_home(ledger: Any, chapters: Mapping[str, str], key: str = "key_findings", **kwargs: Any) -> HTML:
    """Make the home page's box and glue it under `key`; returns it."""
    from myst_nb import glue

    made = HTML(home_box(ledger, chapters, **kwargs))
    glue(key, made, display=False)
    return made


# Sentences (a Chinese edition needs a counterpart for each) -------------------------------------------------

NO_VERDICT = "no verdict yet"
READ_MORE = "Read: {section}"
CLAIM_LINE = "The article: {paraphrase} The evidence: {figure}"
HOME_HEADING = "The verdicts in brief"
NO_LEDGER = ("The chapters' verdicts are not available to this page: it was run without the ledger the build writes "
             "(python -m aicloud build), so there is nothing to count yet.")
COUNTS = "The article makes {n} claims. The chapters test {tested} of them: {parts}."
THESIS = 'Its thesis ({ids}) is weighed on these verdicts in the <a href="{page}">{title}</a>.'
PENDING = "{n} claims have no verdict in this build yet ({ids})."
BY_CHAPTER = "By chapter:"
CHAPTER = '<a href="{page}">{title}</a>: {n} claims; {counts}.'
CONTRADICTED = "The evidence contradicts {n}: {claims}."
PUBLIC = ('Public data can speak to {share:.0%} of the claims tested; the <a href="{ledger}">claims ledger</a> '
          "gives every verdict with its deciding figure and reason.")
# How the home page's pieces are put together: a verdict count (`count`, `chapter_count`), the separators of
# counts, ids and claims, the word before a list's last item, a sentence appended to the first line (`then`),
# a contradicted claim (`claim`) and the full stops taken off its end (`stops`).
HOME_WORDS = {"count": "{n} {badge}", "chapter_count": "{n} {label}", "count_sep": ", ", "and": " and ",
              "ids_sep": ", ", "then": " ", "claim": "{id}: {claim}", "claims_sep": "; ", "stops": "."}
SHORT = {"supported": "supported", "partly supported": "partly supported", "contradicted": "contradicted",
         "not testable with public data": "not testable with public data",
         "not testable with this data": "not testable with this run's data"}
