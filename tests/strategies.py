r"""Hypothesis strategies for random *valid* data: any table `data/datapackage.yaml` allows, for every resource.

Everything is read from the schema, nothing is written per resource: field types (string, integer, number, date,
year, boolean), constraints (required, minimum, maximum, enum, pattern, maxLength, unique), primary keys and
foreign keys. A generated table is a frame of strings, written as CSV exactly as a user's file would be, so it
goes through the same validation (`aicloud.data.check` / `load`) as a user's file; `tests/test_generated_data.py`
proves that every generated table passes it.

A table is one of (chosen by Hypothesis, so that it can shrink a failure to the simplest case):
- *fresh*: every row drawn from the schema alone (random labels, numbers, years and dates);
- *default subset*: some rows of the project's own table, then possibly renamed (every value of a text column
  mapped to a new label, consistently), shifted in time (every year and date moved by the same number of
  years), rescaled (a numeric column multiplied, zero included) or cut to one year;
- *mixed*: a default subset with fresh rows added.
Labels are drawn per table from a small pool (the default data's own values and fresh ones), so groups form and
lookups by name sometimes hit and sometimes miss. Years are drawn per dataset from a small pool, so the tables of
one dataset share years as real data does: one year, several years, the article's years or later ones.

Tables have 1 to a few rows: the loader refuses a file with a header and no data rows ("file has a header but
no data rows"), so no resource allows 0 rows. Foreign keys are met by construction: referenced tables are drawn
first and referencing values drawn from them (every `source_id` is an `id` of the generated sources).

Ordered columns, by the loader's naming rule (`aicloud.data.ordered_columns`): `x_low` <= `x` <= `x_high`,
`x` <= `x_high`, `x_start` <= `x_end` in every row; generated rows keep them. A text field whose pattern starts
with a year (`\d{4}...`: publication dates, periods such as 2024-H1) holds a real date between 1990 and 2035,
though the pattern also allows 0000 or month 13. Text never spells a missing number (`nan`, `None`, `inf`, `NaT`,
`null` as words): a `Verdict` refuses such text, so a label like that would be refused by design.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import string
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from aicloud import data

# --- settings ------------------------------------------------------------------------------------------------
# `ci` (the default, used by `make test`) is derandomised: the same examples every run, no example database, so
# a run is reproducible; and it does not shrink: a failing dataset is shown as drawn (its tables as CSV), since
# shrinking a chapter's failure reruns the analysis hundreds of times. `explore` draws new examples each run and
# shrinks them to the simplest (HYPOTHESIS_PROFILE=explore) to hunt for cases.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate],
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("explore", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")


def _without_local_constants() -> None:
    """Keep the project's own literals out of what Hypothesis draws, in the `ci` profile.

    Hypothesis mixes literals found in the imported project modules into its draws ("local constants"), collected
    whenever a new module is imported. The derandomised datasets would then change with any edit anywhere in the
    package, and with which tests ran first in the session, so an expected failure could flip for no reason of
    its own. The `ci` profile draws without them (its own built-in constants stay); `explore` keeps them. This
    patches a private function of Hypothesis (6.170): if it is gone, nothing is patched."""
    try:
        from hypothesis.internal.conjecture import providers
        from hypothesis.internal.constants_ast import Constants
    except ImportError:  # a later Hypothesis: draws may again depend on the package's literals
        return
    if hasattr(providers, "_get_local_constants"):
        empty = Constants()
        providers._get_local_constants = lambda: empty


if PROFILE == "ci":
    _without_local_constants()


def profile(**overrides: object) -> settings:
    """The chosen profile with per-test overrides (e.g. `max_examples`), for `@profile(...)` on a test."""
    return settings(settings.get_profile(PROFILE), **overrides)


# --- text -----------------------------------------------------------------------------------------------------
MISSING_WORDS = re.compile(r"\b(nan|none|inf|infinity|nat|null|na)\b", re.IGNORECASE)
# Two signs before a digit ("--9") in a label would read as a wrongly signed number to the text checks.
DOUBLE_SIGN = re.compile(r"\+-|-\+|--\d")
FORMULA_PREFIX = data.FORMULA_PREFIX
# Latin letters, accented letters and Chinese characters: labels a user's file may hold.
LETTERS = string.ascii_letters + "éüçñ" + "阿里云腾讯百度华为火山引擎"
INNER = LETTERS + string.digits + " .,;:()&'/%-_"


def _clean(text: str) -> bool:
    return bool(text) and text == text.strip() and not FORMULA_PREFIX.search(text) \
        and not MISSING_WORDS.search(text) and not DOUBLE_SIGN.search(text)


def free_text(max_length: int | None = None) -> st.SearchStrategy[str]:
    """A label or sentence: starts with a letter or digit, no leading/trailing space, no 'nan'-like word."""
    top = min(max_length or 40, 40)
    return st.builds(lambda first, rest: (first + rest)[:top].strip(),
                     st.sampled_from(LETTERS + string.digits),
                     st.text(alphabet=INNER, max_size=top - 1)).filter(_clean)


DATE_LIKE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def _plausible_date_text(text: str, year: int, month: int, day: int) -> str:
    """A text field's leading `YYYY[-MM[-DD]]` made a real date (the rest kept), e.g. '0000-13' -> '2024-05'."""
    m = DATE_LIKE.match(text)
    if not m:
        return text
    parts = [f"{year:04d}"] + ([f"{month:02d}"] if m.group("month") else [])
    parts += [f"{day:02d}"] if m.group("day") else []
    return "-".join(parts) + text[m.end():]


def _pattern_text(pattern: str, max_length: int | None) -> st.SearchStrategy[str]:
    # ASCII only: `\d` in Python's re also matches other scripts' digits, which a typed column would not parse.
    alphabet = st.characters(min_codepoint=33, max_codepoint=126)
    compiled = re.compile(pattern)
    strategy = st.from_regex(compiled, fullmatch=True, alphabet=alphabet)
    if pattern.startswith(r"\d{4}"):
        # A text field that starts with a year (a publication date, a period such as 2024-H1): the pattern allows
        # 0000 and month 13, which no chapter can place in time; keep to real dates between 1990 and 2035.
        strategy = st.builds(_plausible_date_text, strategy, st.integers(1990, 2035), st.integers(1, 12),
                             st.integers(1, 28)).filter(compiled.fullmatch)
    return strategy.filter(lambda s: _clean(s) and (max_length is None or len(s) <= max_length))


# --- the schema -----------------------------------------------------------------------------------------------

@cache
def default_strings(name: str) -> pd.DataFrame:
    """The project's own table of `name` as the strings of its CSV file."""
    return pd.read_csv(data.default_path(name), dtype=str, keep_default_na=False)


def primary_key(name: str) -> list[str]:
    pk = data.resource(name)["schema"].get("primaryKey") or []
    return [pk] if isinstance(pk, str) else list(pk)


def foreign_keys(name: str) -> list[tuple[str, str, str]]:
    """(field, referenced resource, referenced field) of every foreign key of `name`."""
    out = []
    for fk in data.resource(name)["schema"].get("foreignKeys", []):
        field = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
        ref = fk["reference"]["fields"]
        out.append((field, fk["reference"]["resource"], ref if isinstance(ref, str) else ref[0]))
    return out


def dependency_order(names: Iterable[str]) -> list[str]:
    """`names` and every resource they reference, referenced resources first."""
    order: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        for _field, target, _ref in foreign_keys(name):
            if target != name:
                visit(target)
        order.append(name)

    for name in names:
        visit(name)
    return order


def _bounds(field: dict) -> tuple[object, object]:
    c = field.get("constraints", {})
    return c.get("minimum"), c.get("maximum")


def _ordered(fields: list[str]) -> list[tuple[str, ...]]:
    """Columns that must be in order in every row (`x_low` <= `x` <= `x_high`, `x_start` <= `x_end`), by the
    loader's own rule (`aicloud.data.ordered_columns`)."""
    return data.ordered_columns(fields)


# --- values of one field ----------------------------------------------------------------------------------------

def _year_text(year: int) -> str:
    return f"{year:04d}"


def _date_text(day: dt.date) -> str:
    return day.isoformat()


def _number_text(x: float) -> str:
    text = f"{x:.6g}"
    return text if "e" not in text or abs(x) >= 1 else f"{x:.8f}".rstrip("0").rstrip(".")


def _date_bounds(field: dict) -> tuple[dt.date, dt.date]:
    low, high = _bounds(field)
    low = dt.date.fromisoformat(str(low)) if low is not None else dt.date(1990, 1, 1)
    high = dt.date.fromisoformat(str(high)) if high is not None else dt.date(2035, 12, 31)
    return low, min(high, dt.date(2035, 12, 31))


def _year_bounds(field: dict) -> tuple[int, int]:
    low, high = _bounds(field)
    return int(low) if low is not None else 1990, min(int(high) if high is not None else 2035, 2035)


def fresh_value(field: dict, years: list[int], defaults: list[str]) -> st.SearchStrategy[str]:
    """A valid, present value of `field` drawn from its schema; `years` are the dataset's years; `defaults` the
    default table's values of this column (numbers near them are likelier to make sense)."""
    return _fresh_value(_FieldKey(field), tuple(years), tuple(defaults))


class _FieldKey:
    """A schema field as a cache key, by content (building strategies is the slow part, so they are cached; an
    object id would be reused by another field once the package is read again)."""

    def __init__(self, field: dict):
        self.field = field
        self.text = json.dumps(field, sort_keys=True, default=str)

    def __hash__(self) -> int:
        return hash(self.text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _FieldKey) and other.text == self.text


@lru_cache(maxsize=4096)
def _fresh_value(key: _FieldKey, years: tuple[int, ...], defaults: tuple[str, ...]) -> st.SearchStrategy[str]:
    field = key.field
    kind = field.get("type", "string")
    c = field.get("constraints", {})
    low, high = _bounds(field)
    if "enum" in c:
        return st.sampled_from([str(v) for v in c["enum"]])
    if kind == "boolean":
        return st.sampled_from(["true", "false", "TRUE", "False"])
    if kind == "year":
        lo, hi = _year_bounds(field)
        inside = [y for y in years if lo <= y <= hi]
        ints = st.integers(lo, hi)
        return (st.sampled_from(inside) | ints if inside else ints).map(_year_text)
    if kind == "date":
        lo, hi = _date_bounds(field)
        inside = [y for y in years if lo.year <= y <= hi.year]
        in_years = st.builds(lambda y, m, d: dt.date(y, m, d), st.sampled_from(inside), st.integers(1, 12),
                             st.integers(1, 28)).filter(lambda d: lo <= d <= hi) if inside else st.nothing()
        return (in_years | st.dates(lo, hi)).map(_date_text)
    if kind in ("integer", "number"):
        nums = [float(v) for v in defaults if v.strip()]
        top = max(nums) * 3 if nums and max(nums) > 0 else 1000.0
        lo = float(low) if low is not None else -top
        hi = float(high) if high is not None else top
        hi = min(hi, max(top, lo + 10))
        if kind == "integer":
            return st.integers(int(lo), int(hi)).map(str)
        # Round numbers sometimes (0, 1, a bound): the cases where a division or a comparison breaks.
        edges = st.sampled_from(sorted({lo, hi, *(v for v in (0.0, 1.0) if lo <= v <= hi)}))
        floats = st.floats(lo, hi, allow_nan=False, allow_infinity=False)
        return (edges | floats).map(_number_text).filter(lambda t: lo <= float(t) <= hi)
    if "pattern" in c:
        return _pattern_text(c["pattern"], c.get("maxLength"))
    return free_text(c.get("maxLength"))


def label_pool(field: dict, years: list[int], defaults: list[str]) -> st.SearchStrategy[list[str]]:
    """The few values a column of one table takes: some of the default data's, some fresh."""
    return _label_pool(_FieldKey(field), tuple(years), tuple(defaults))


@lru_cache(maxsize=4096)
def _label_pool(key: _FieldKey, years: tuple[int, ...], defaults: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    field = key.field
    present = sorted({v for v in defaults if v.strip()})
    value = fresh_value(field, years, defaults)
    if present and field.get("type", "string") not in ("year", "date", "boolean"):
        value = st.sampled_from(present) | value
    return st.lists(value, min_size=1, max_size=5, unique=True)


# --- tables ------------------------------------------------------------------------------------------------------

def _valid_row_keys(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Drop rows that repeat a primary key or a unique column (keeps the first), as renaming may create them."""
    keys = primary_key(name)
    if keys:
        frame = frame[~frame.duplicated(subset=keys, keep="first")]
    for field in data.fields(name):
        if field.get("constraints", {}).get("unique"):
            col = frame[field["name"]]
            frame = frame[~(col.str.strip().ne("") & col.duplicated(keep="first"))]
    return frame.reset_index(drop=True)


def _order_ranges(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Each row's values of ordered columns (see `_ordered`) sorted into order; blank cells stay where they are."""
    kinds = {f["name"]: f.get("type", "string") for f in data.fields(name)}
    frame = frame.copy()
    for chain in _ordered(list(kinds)):
        key = float if kinds[chain[0]] in ("number", "integer", "year") else str
        for i in frame.index:
            present = [c for c in chain if frame.at[i, c].strip()]
            values = sorted((frame.at[i, c] for c in present), key=key)
            for column, value in zip(present, values):
                frame.at[i, column] = value
    return frame


def _pick(draw, values: tuple[str, ...]) -> str:
    # An index drawn from a cached integers strategy: building a new sampled_from per cell is the slow part.
    return values[draw(st.integers(0, len(values) - 1))]


@st.composite
def fresh_rows(draw, name: str, refs: dict[str, pd.DataFrame], years: list[int], max_rows: int = 6) -> pd.DataFrame:
    """Rows drawn from the schema of `name` alone; foreign keys drawn from the referenced tables in `refs`. An
    optional cell is blank one time in four. A row whose primary key or unique value clashes with an earlier row
    is dropped (so a table may have fewer rows than drawn, never fewer than one)."""
    fields = data.fields(name)
    defaults = default_strings(name)
    fk = {field: tuple(sorted(set(refs[target][ref]))) for field, target, ref in foreign_keys(name) if target in refs}
    pools: dict[str, tuple[str, ...]] = {}
    for f in fields:
        col = f["name"]
        if col in fk:
            pools[col] = fk[col]
        elif not f.get("constraints", {}).get("unique"):
            pools[col] = tuple(draw(label_pool(f, years, list(defaults[col]))))
    keys = primary_key(name)
    unique_cols = [f["name"] for f in fields if f.get("constraints", {}).get("unique")]
    wanted = draw(st.integers(1, max_rows))
    rows: list[dict[str, str]] = []
    seen_keys: set[tuple[str, ...]] = set()
    seen: dict[str, set[str]] = {c: set() for c in unique_cols}
    for _attempt in range(2 * wanted):
        row = {}
        for f in fields:
            col = f["name"]
            if not f.get("constraints", {}).get("required") and draw(st.integers(0, 3)) == 0:
                row[col] = ""
            elif col in pools:
                row[col] = _pick(draw, pools[col])
            else:  # unique: every row its own value
                row[col] = draw(fresh_value(f, years, list(defaults[col])))
        key = tuple(row[k] for k in keys)
        if (keys and key in seen_keys) or any(row[c] and row[c] in seen[c] for c in unique_cols):
            continue
        seen_keys.add(key)
        for c in unique_cols:
            seen[c].add(row[c])
        rows.append(row)
        if len(rows) == wanted:
            break
    return _order_ranges(pd.DataFrame(rows, columns=[f["name"] for f in fields]), name)


def _remap_foreign_keys(frame: pd.DataFrame, name: str, refs: dict[str, pd.DataFrame], draw) -> pd.DataFrame:
    """Point default rows' foreign keys at the generated referenced tables: a value the referenced table holds is
    kept; another is mapped, consistently, to one it holds."""
    frame = frame.copy()
    for field, target, ref in foreign_keys(name):
        if target not in refs:
            continue
        known = sorted(set(refs[target][ref]))
        mapping = {v: v if v in known else draw(st.sampled_from(known)) for v in sorted(set(frame[field])) if v}
        frame[field] = frame[field].map(lambda v, m=mapping: m.get(v, v))
    return frame


@st.composite
def default_subset(draw, name: str, refs: dict[str, pd.DataFrame], years: list[int]) -> pd.DataFrame:
    """Some rows of the default table, possibly renamed, shifted in time, rescaled or cut to one year."""
    base = default_strings(name)
    fields = {f["name"]: f for f in data.fields(name)}
    keep = draw(st.lists(st.integers(0, len(base) - 1), min_size=1, max_size=len(base), unique=True))
    frame = base.iloc[sorted(keep)].reset_index(drop=True)
    year_cols = [c for c, f in fields.items() if f.get("type") == "year"]
    date_cols = [c for c, f in fields.items() if f.get("type") == "date"]
    # One year only: the case where no change over time can be computed.
    if year_cols and draw(st.booleans()):
        present = sorted({v for v in frame[year_cols[0]] if v})
        if present:
            frame = frame[frame[year_cols[0]].isin([draw(st.sampled_from(present)), ""])]
    # Shift every year and date by the same number of years (dates outside the article's years).
    shift = draw(st.sampled_from([0, 0, -1, 1, 2, 3]))
    if shift and _shift_fits(frame, fields, shift):
        for col in year_cols:
            frame[col] = frame[col].map(lambda v: _year_text(int(v) + shift) if v else v)
        for col in date_cols:
            frame[col] = frame[col].map(lambda v: _shift_date(v, shift) if v else v)
    # Rename every value of one text column (a vendor or buyer under another name), consistently.
    renamable = [c for c, f in fields.items() if f.get("type", "string") == "string"
                 and "enum" not in f.get("constraints", {}) and c not in {fk[0] for fk in foreign_keys(name)}]
    if renamable and draw(st.booleans()):
        col = draw(st.sampled_from(renamable))
        old = sorted({v for v in frame[col] if v})
        if old:
            new = draw(st.lists(fresh_value(fields[col], years, []), min_size=len(old), max_size=len(old),
                                unique=True))
            mapping = dict(zip(old, new))
            frame[col] = frame[col].map(lambda v: mapping.get(v, v))
    # Rescale one numeric column (zero included: every unit or price zero), within its bounds.
    numeric = [c for c, f in fields.items() if f.get("type") in ("number", "integer") and c not in primary_key(name)]
    if numeric and draw(st.booleans()):
        col = draw(st.sampled_from(numeric))
        factor = draw(st.sampled_from([0.0, 0.5, 2.0, 10.0]))
        low, high = _bounds(fields[col])
        as_text = (lambda x: str(round(x))) if fields[col].get("type") == "integer" else _number_text
        scaled = frame[col].map(lambda v: as_text(float(v) * factor) if v else v)
        values = [float(v) for v in scaled if v]
        if all((low is None or v >= float(low)) and (high is None or v <= float(high)) for v in values):
            frame[col] = scaled
    frame = _remap_foreign_keys(frame.reset_index(drop=True), name, refs, draw)
    frame = _valid_row_keys(_order_ranges(frame, name), name)
    if frame.empty:  # the one-year cut and key clashes can leave nothing: fall back to the first default row
        frame = _valid_row_keys(_remap_foreign_keys(base.iloc[[0]].reset_index(drop=True), name, refs, draw), name)
    return frame


def _shift_date(text: str, years: int) -> str:
    day = dt.date.fromisoformat(text)
    return _date_text(day.replace(year=day.year + years, day=min(day.day, 28)))


def _shift_fits(frame: pd.DataFrame, fields: dict[str, dict], shift: int) -> bool:
    for col, f in fields.items():
        values = [v for v in frame[col] if v]
        if f.get("type") == "year":
            lo, hi = _bounds(f)
            if any((lo is not None and int(v) + shift < int(lo)) or (hi is not None and int(v) + shift > int(hi))
                   for v in values):
                return False
        elif f.get("type") == "date":
            lo, hi = _date_bounds(f)
            if any(not lo <= dt.date.fromisoformat(_shift_date(v, shift)) <= hi for v in values):
                return False
    return True


@st.composite
def table(draw, name: str, refs: dict[str, pd.DataFrame] | None = None, years: list[int] | None = None,
          max_rows: int = 6) -> pd.DataFrame:
    """A valid table of resource `name` (strings, as in its CSV file). `refs` holds the tables its foreign keys
    point to (drawn first); `years` the dataset's years (drawn if not given)."""
    refs = refs or {}
    years = years if years is not None else draw(dataset_years())
    kind = draw(st.sampled_from(["fresh", "default", "mixed"]))
    if kind == "fresh":
        return draw(fresh_rows(name, refs, years, max_rows))
    subset = draw(default_subset(name, refs, years))
    if kind == "default":
        return subset
    extra = draw(fresh_rows(name, refs, years, max(1, max_rows // 2)))
    return _valid_row_keys(pd.concat([subset, extra], ignore_index=True), name)


def dataset_years() -> st.SearchStrategy[list[int]]:
    """A dataset's years: one or several, the article's (2023-2025) or others, earlier or later."""
    return st.lists(st.sampled_from([2023, 2024, 2025]) | st.integers(2019, 2031), min_size=1, max_size=4,
                    unique=True).map(sorted)


@st.composite
def dataset(draw, names: Iterable[str], generated: Iterable[str] | None = None,
            max_rows: int = 6) -> dict[str, pd.DataFrame]:
    """Valid tables for `names` and every resource they reference, consistent with each other.

    `generated` limits which resources are drawn; the others are the project's defaults (with their foreign keys
    pointed at the generated tables when those are drawn). Default: all of them."""
    order = dependency_order(names)
    drawn = set(order if generated is None else generated)
    years = draw(dataset_years())
    tables: dict[str, pd.DataFrame] = {}
    for name in order:
        if name in drawn:
            tables[name] = draw(table(name, tables, years, max_rows))
        else:
            frame = _remap_foreign_keys(default_strings(name), name, tables, draw)
            tables[name] = _valid_row_keys(frame, name)
    return tables


def some_generated(names: Iterable[str]) -> st.SearchStrategy[list[str]]:
    """Which of `names` a dataset draws (at least one); the rest stay the project's defaults."""
    names = sorted(set(names))
    return st.lists(st.sampled_from(names), min_size=1, unique=True) if names else st.just([])


# --- the claims ledger (for pages that weigh all verdicts) ------------------------------------------------------

@st.composite
def ledger(draw, claims: pd.DataFrame) -> pd.DataFrame:
    """A claims ledger table as the build writes it (`pages.ledger_table`): every claim of `claims` with a
    verdict label (or none yet), a figure, a reason, sources, evidence grade and robustness."""
    from aicloud.verdicts import EVIDENCE_GRADES, LABELS

    labels = draw(st.lists(st.sampled_from([*LABELS, "no verdict yet"]), min_size=len(claims),
                           max_size=len(claims)))
    rows = []
    for (_, c), label in zip(claims.iterrows(), labels):
        pending = label == "no verdict yet"
        rows.append({**c.to_dict(), "verdict": label,
                     "figure": "" if pending else draw(free_text(40)),
                     "reason": "" if pending else draw(free_text(40)),
                     "sources": "" if pending else c["source_id"],
                     "evidence": "" if pending else draw(st.sampled_from(EVIDENCE_GRADES)),
                     "robustness": ""})
    return pd.DataFrame(rows)


# --- writing and loading ------------------------------------------------------------------------------------------

def write(tables: dict[str, pd.DataFrame], folder: Path) -> dict[str, Path]:
    """Write each table as `<folder>/<resource>.csv` (UTF-8, comma-separated, as a user's file); the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, frame in tables.items():
        path = folder / f"{name}.csv"
        frame.to_csv(path, index=False)
        paths[name] = path
    return paths


class Frames(dict):
    """Typed tables in memory, usable where a chapter takes `aicloud.data.Tables`: `frames[name]` (a copy, so one
    call cannot change what the next one reads), `sources_of(...)`, `source_line(...)`."""

    sources_of = data.Tables.sources_of
    source_line = data.Tables.source_line

    def __getitem__(self, name: str) -> pd.DataFrame:
        return dict.__getitem__(self, name).copy()

    def __repr__(self) -> str:  # short: a failing example's tables are shown as CSV by the harness's notes
        return "Frames(" + ", ".join(f"{name}: {len(frame)} rows" for name, frame in self.items()) + ")"


def typed(tables: dict[str, pd.DataFrame]) -> Frames:
    """The tables as `aicloud.data.load` returns them from their CSV files, without writing and re-reading files.

    The loader's own conversion (`data._convert`) costs tens of milliseconds a table, most of a dataset's time
    over 200 datasets, so this builds each column once from Python values; `tests/test_generated_data.py` checks
    that the result equals `load` (values and dtypes) for every resource."""
    out = Frames()
    for name, frame in tables.items():
        out[name] = _typed_table(name, frame)
    return out


def _typed_table(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    columns = {}
    for field in data.fields(name):
        cells = [v.strip() for v in frame[field["name"]].tolist()]
        kind = field.get("type", "string")
        blank = [not v for v in cells]
        if kind in ("integer", "year"):
            columns[field["name"]] = (pd.array([None if b else int(v) for v, b in zip(cells, blank)], dtype="Int64")
                                      if any(blank) else np.array([int(v) for v in cells], dtype="int64"))
        elif kind == "number":
            columns[field["name"]] = np.array([np.nan if b else float(v) for v, b in zip(cells, blank)],
                                              dtype="float64")
        elif kind == "date":
            text = pd.Series([None if b else v for v, b in zip(cells, blank)], dtype="str")
            columns[field["name"]] = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        elif kind == "boolean":
            flags = [np.nan if b else v.lower() == "true" for v, b in zip(cells, blank)]
            # as the loader's map gives: bool when all present, float NaN when all blank, object when mixed
            kind_of = bool if not any(blank) else "float64" if all(blank) else object
            columns[field["name"]] = np.array(flags, dtype=kind_of)
        else:
            if field["name"] in data.NAME_COLUMNS:   # as the loader spells names (one spelling per name)
                cells = data.canonical_spellings(cells)
            columns[field["name"]] = pd.array([None if b else v for v, b in zip(cells, blank)], dtype="str")
    return pd.DataFrame(columns).reset_index(drop=True)
