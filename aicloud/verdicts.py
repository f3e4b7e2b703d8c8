"""A verdict on one of the article's claims, as a rule returns it.

A rule (see `aicloud.analysis`) returns a `Verdict`: the label, the deciding figure and the reason are made from
the same numbers, so they cannot disagree. The written criteria below are shown on the claims ledger page and
are what every rule applies; the evidence grade says how strong the evidence behind a verdict is, separately
from what it says.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

SUPPORTED = "supported"
PARTLY = "partly supported"
CONTRADICTED = "contradicted"
NOT_TESTABLE = "not testable with public data"
NOT_TESTABLE_HERE = "not testable with this data"
LABELS = (SUPPORTED, PARTLY, CONTRADICTED, NOT_TESTABLE, NOT_TESTABLE_HERE)

CRITERIA = {
    SUPPORTED: "Every part of the claim the data can test holds in every year and row the data hold for it, by the "
               "rule's stated test; the claim's central part is among the parts tested, and no more parts are "
               "left untested than hold. Untested parts are named in the reason and do not count against the claim.",
    PARTLY: "At least one part of the claim holds while another fails or holds only in some years; or every "
            "tested part holds but the central part is untested or more parts are untested than hold.",
    CONTRADICTED: "The claim's central, testable part fails by the rule's stated test on the data (or, for a claim "
                  "whose parts weigh alike, every tested part fails).",
    NOT_TESTABLE: "No public data can decide the claim (for example an unpublished allocation or a rumour); the "
                  "reason says what would be needed.",
    NOT_TESTABLE_HERE: "The data given to this run cannot decide the claim (one year only, a missing buyer or "
                       "vendor, no overlap between files); the reason says what is missing.",
}

# Strength of the evidence behind a verdict, independent of which way it points.
DIRECT = "direct"
PROXY = "proxy"
ANECDOTE = "anecdote"
NO_EVIDENCE = "none"
EVIDENCE_GRADES = (DIRECT, PROXY, ANECDOTE, NO_EVIDENCE)
EVIDENCE_CRITERIA = {
    DIRECT: "Primary data (filings, official releases, published measurements) and a direct test of the claim.",
    PROXY: "Estimates by third parties, or a proxy that stands in for the quantity the claim is about.",
    ANECDOTE: "A single report, announcement or example; no series or comparison group.",
    NO_EVIDENCE: "No public evidence bears on the claim.",
}

_BAD_TEXT = re.compile(r"\b(nan|NaN|inf|-inf|None|NaT)\b")


@dataclass(frozen=True)
class Verdict:
    """A rule's answer: `label` (one of LABELS), the deciding `figure` as text, the `reason` in full sentences,
    the strength of the `evidence` (one of EVIDENCE_GRADES) and the source ids it rests on."""

    label: str
    figure: str
    reason: str
    evidence: str = PROXY
    sources: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(f"verdict label {self.label!r} is not one of {LABELS}")
        if self.evidence not in EVIDENCE_GRADES:
            raise ValueError(f"evidence grade {self.evidence!r} is not one of {EVIDENCE_GRADES}")
        if not self.figure or not self.reason:
            raise ValueError("a verdict needs the deciding figure and a reason")
        for text in (self.figure, self.reason):
            if _BAD_TEXT.search(text):
                raise ValueError(f"verdict text shows a missing or infinite number: {text!r}")
        object.__setattr__(self, "sources", tuple(sorted(set(self.sources))))

    @classmethod
    def not_testable_here(cls, reason: str, figure: str = "not decidable with this data",
                          sources: tuple[str, ...] | list[str] = ()) -> Verdict:
        """The data given to this run cannot decide the claim; `reason` says what is missing."""
        return cls(NOT_TESTABLE_HERE, figure, reason, NO_EVIDENCE, tuple(sources))

    @classmethod
    def not_testable(cls, reason: str, figure: str = "no public data",
                     sources: tuple[str, ...] | list[str] = ()) -> Verdict:
        """No public data can decide the claim."""
        return cls(NOT_TESTABLE, figure, reason, NO_EVIDENCE, tuple(sources))


def finite(*values: float) -> bool:
    """True when every value is a finite number (a rule checks before it divides or compares)."""
    return all(isinstance(v, (int, float)) and math.isfinite(v) for v in values)


def direction(change: float, up: str = "rose", down: str = "fell", same: str = "did not change") -> str:
    """The word a change calls for: wording follows the numbers."""
    return up if change > 0 else down if change < 0 else same


def majority(share: float) -> str:
    """'most', 'half' or 'a minority' for a share in 0-1."""
    return "most" if share > 0.5 else "half" if share == 0.5 else "a minority"


# The article under test is undated; its latest event is Tencent's AI Infra department of 17 December 2025
# (shared research README). Evidence dated after this day was published after the article.
ARTICLE_DATE = date(2025, 12, 17)
_DATE_COLUMNS = ("period_end", "date", "published", "end")
_AFTER_NOTE = re.compile(r"after the article", re.IGNORECASE)


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip() if isinstance(value, str) else ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]):
        return date.fromisoformat(text[:10])
    if re.fullmatch(r"\d{4}", text):   # a bare year: its last day
        return date(int(text), 12, 31)
    return None


def after_article(when: object) -> bool:
    """True when evidence is dated after the article (`ARTICLE_DATE`): `when` is a date, an ISO date or year
    string, an iterable of them, or table rows (a DataFrame or an iterable of mappings) whose `period_end`,
    `date`, `published` or `end` lies after it, or whose `note` says "after the article". A figure for a period
    that ends after the article's date cannot have been published by it. Undated evidence is not after."""
    columns = getattr(when, "columns", None)
    if columns is not None:   # a DataFrame: any row
        return any(after_article(dict(zip(columns, row))) for row in when.itertuples(index=False))
    if isinstance(when, dict):
        note = when.get("note")
        if isinstance(note, str) and _AFTER_NOTE.search(note):
            return True
        return any(after_article(when[c]) for c in _DATE_COLUMNS if c in when)
    if isinstance(when, Iterable) and not isinstance(when, str):
        return any(after_article(w) for w in when)
    day = _as_date(when)
    return day is not None and day > ARTICLE_DATE


# One grading rule for claims made of parts (CRITERIA): each part holds (True), fails (False), holds only in
# some years or rows (SOME), or cannot be tested (None).
SOME = "some"
Part = bool | str | None


def grade(parts: Sequence[Part], central: int | None = 0) -> str | None:
    """The label CRITERIA give a claim whose parts are `parts`; `central` is the index of the claim's central part
    (None when the parts weigh alike). None when nothing decides it (no part tested, or only failing parts
    beside an untested central one): the rule then says what is missing (NOT_TESTABLE_HERE or NOT_TESTABLE)."""
    if any(p not in (True, False, SOME, None) for p in parts):
        raise ValueError(f"a part is True, False, SOME or None, not {parts!r}")
    core = parts[central] if central is not None else True
    holds, some = sum(p is True for p in parts), sum(p == SOME for p in parts)
    fails, untested = sum(p is False for p in parts), sum(p is None for p in parts)
    if core is False:
        return CONTRADICTED
    if holds + some == 0:
        return CONTRADICTED if fails and core is not None else None
    if fails or some:
        return PARTLY
    if untested and (core is None or untested > holds):
        return PARTLY
    return SUPPORTED
