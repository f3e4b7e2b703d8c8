"""Checks on what a chapter says: shared by the generated-data tests (package results and rendered notebooks).

A chapter's figures and sentences must never show a missing or infinite number, a share outside its range, a
year compared with itself, or a word that contradicts its number. Each check returns the problems it finds as
readable strings (empty when all is well); `tests/test_text_checks.py` pins what each catches and lets pass.

Naming convention for values (`ChapterResult.values` keys and glue keys), so that a share can be checked:
- a key whose `_`-separated words include `share` or `shares` holds a fraction in 0-1;
- a key whose words include `pct` or `percent` holds a percentage in 0-100;
- a key whose words include `pp` holds a change in percentage points, in -100 to 100;
- any of these with a word among `change`, `delta`, `diff`, `gap`, `growth`, `ratio`, `multiple` (a change or a
  ratio of shares) is not range-checked, except `pp`.
Text values and booleans are not range-checked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from numbers import Number

BAD_WORDS = re.compile(r"(?<![\w.])(nan|NaN|NAN|inf|-inf|Infinity|None|NaT|<NA>|n/a|N/A)(?![\w/])")
NOT_A_LEVEL = {"change", "delta", "diff", "gap", "growth", "ratio", "multiple", "changes"}
YEAR = r"(?:19|20)\d{2}"
# A year compared with itself: "between 2026 and 2026", "2026 to 2026", "from X in 2026 to Y in 2026",
# "54% in 2026 and 54% in 2026", "2026 against 2026". The gap between the two mentions stays inside one clause.
_CLAUSE = r"[^.;:!?\n]{0,60}?"
SELF_COMPARISONS = [
    re.compile(rf"\bbetween ({YEAR}) and \1\b"),
    re.compile(rf"\b({YEAR})\s*(?:to|and|against|versus|vs\.?|compared with|-|–|—)\s*\1\b"),
    re.compile(rf"\bfrom{_CLAUSE}\b(?:in|of) ({YEAR})\b{_CLAUSE}\bto{_CLAUSE}\b(?:in|of) \1\b"),
    re.compile(rf"\b(?:in|of) ({YEAR}),? (?:and|against|versus|vs\.?|compared with){_CLAUSE}\b(?:in|of) \1\b"),
]
# Wording that contradicts its number: "-570,000 more", "a change of +0 percentage points", "+-3".
CONTRADICTIONS = [
    (re.compile(r"(?<![\w.])-\d[\d,]*(?:\.\d+)?\s*(?:%\s*)?(?:more|higher|larger|greater|increase|rise)\b"),
     "a negative number said to be more"),
    (re.compile(r"[+-]0(?:\.0+)?\s*(?:percentage points|pp)\b"), "a change of zero written as a signed number"),
    (re.compile(r"\+-|-\+|--\d"), "two signs before one number"),
]


def _around(text: str, match: re.Match, width: int = 60) -> str:
    """The match with some context, on one line (for readable failure messages)."""
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    return ("..." if start else "") + " ".join(text[start:end].split()) + ("..." if end < len(text) else "")


def words(key: str) -> set[str]:
    return set(key.lower().split("_"))


def kind_of(key: str) -> str | None:
    """'share' (0-1), 'pct' (0-100), 'pp' (-100 to 100) or None, by the naming convention above."""
    w = words(key)
    if "pp" in w:
        return "pp"
    if w & NOT_A_LEVEL:
        return None
    if w & {"share", "shares"}:
        return "share"
    if w & {"pct", "percent"}:
        return "pct"
    return None


RANGES = {"share": (0.0, 1.0), "pct": (0.0, 100.0), "pp": (-100.0, 100.0)}


def _is_number(value: object) -> bool:
    return isinstance(value, Number) and not isinstance(value, bool)


def missing_numbers(values: Mapping[str, object], where: str = "value") -> list[str]:
    """Every value that is None, NaN or infinite, or text that shows one ('nan', 'None', 'inf', 'NaT')."""
    problems = []

    def visit(key: str, value: object) -> None:
        if value is None:
            problems.append(f"{where} {key!r} is None")
        elif _is_number(value):
            try:
                bad = not math.isfinite(float(value))  # type: ignore[arg-type]
            except (TypeError, ValueError, OverflowError):
                bad = True
            if bad:
                problems.append(f"{where} {key!r} is {value!r}")
        elif isinstance(value, str):
            for m in BAD_WORDS.finditer(value):
                problems.append(f"{where} {key!r} shows a missing number: {_around(value, m)!r}")
        elif isinstance(value, Mapping):
            for k, v in value.items():
                visit(f"{key}.{k}", v)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for i, v in enumerate(value):
                visit(f"{key}[{i}]", v)
        elif type(value).__name__ in ("NAType", "NaTType"):
            problems.append(f"{where} {key!r} is {value!r}")

    for key, value in values.items():
        visit(key, value)
    return problems


def shares_out_of_range(values: Mapping[str, object], parse_text: bool = False) -> list[str]:
    """Values whose key names a share, percentage or percentage-point change (see the module docstring) and that
    fall outside its range. `parse_text` reads numbers shown as text (glued values read back from a notebook)."""
    problems = []
    for key, value in values.items():
        kind = kind_of(key)
        if kind is None:
            continue
        if isinstance(value, str) and parse_text:
            try:
                value = float(value.replace(",", ""))
            except ValueError:
                continue
        if not _is_number(value):
            continue
        low, high = RANGES[kind]
        if not low <= float(value) <= high:  # type: ignore[arg-type]
            problems.append(f"{key!r} = {value!r} is a {kind}, outside {low:g} to {high:g}")
    return problems


def self_comparisons(text: str) -> list[str]:
    """Sentences that compare a year with itself."""
    found = []
    for pattern in SELF_COMPARISONS:
        found += [f"compares {m.group(1)} with itself: {_around(text, m, 30)!r}" for m in pattern.finditer(text)]
    return found


def contradictions(text: str) -> list[str]:
    """Wording that contradicts its own number."""
    return [f"{why}: {_around(text, m)!r}" for pattern, why in CONTRADICTIONS for m in pattern.finditer(text)]


def text_problems(texts: Iterable[tuple[str, str]]) -> list[str]:
    """All text checks over (where, text) pairs: missing numbers, self-comparisons, contradicting wording."""
    problems = []
    for where, text in texts:
        if not isinstance(text, str):
            continue
        problems += [f"{where}: {p.split(' shows ', 1)[1]}" for p in missing_numbers({"text": text}, "text")]
        problems += [f"{where}: {p}" for p in self_comparisons(text) + contradictions(text)]
    return problems
