"""Load and validate the report's data package.

`data/datapackage.yaml` follows the Frictionless Data Package / Table Schema standard: each resource names
a CSV file and a schema (field types, units, constraints, primary and foreign keys). `load(name)` returns a
typed, validated DataFrame; `check(path, name)` lists every problem in a user's file. A problem always names
the file, the row (as a spreadsheet shows it: the header is row 1), the column, the value and the rule.
Nothing here ever writes a file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from aicloud._lazy import pd

# ROOT, DATA_DIR, PACKAGE_PATH and resolve stay importable from here: chapters and tests use `data.ROOT`.
from aicloud.layout import (  # noqa: F401
    DATA_DIR,
    PACKAGE_PATH,
    ROOT,
    FileRefused,
    InputError,
    read_regular,
    resolve,
    shown,
    suggest,
)

# Limits, checked before a file is parsed or a kernel starts (documented in the README, "Limits"). Rows: Altair
# embeds at most 5,000 rows in a chart, so a larger table could not be drawn anyway.
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5_000
MAX_FIELD = 2_000  # characters in one cell (the longest in the report's data is under 500)
INT64_MAX = 2**63 - 1
# How many problems of one kind (column + rule) a report lists before summarising the rest.
MAX_LISTED_PER_RULE = 20

TYPE_PATTERNS = {
    "integer": r"[+-]?\d+",
    "number": r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?",
    "year": r"\d{4}",
    "date": r"\d{4}-\d{2}-\d{2}",
    "boolean": r"(?i:true|false)",
}
TYPE_HINTS = {
    "integer": "a whole number such as 150000 (no thousands separators)",
    "number": "a number such as 12.5 (no thousands separators or units)",
    "year": "a four-digit year such as 2024",
    "date": "a date written YYYY-MM-DD",
    "boolean": "true or false",
}
# A text cell starting like this would run as a formula when the CSV is opened in a spreadsheet.
FORMULA_PREFIX = re.compile(r"^[=@]|^[+-][^\d.\s]|^[\t\r]")
# Control characters (NUL and the like, and the bidirectional overrides that make text read in another order)
# have no place in a label; a tab or a line break inside a quoted cell is allowed.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    rule: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        value = "" if self.value is None else f" (value {self.value[:60]!r})"
        return f"{where}{value}: {self.rule}"


class DataError(InputError, ValueError):
    """A data file broke its schema. `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [str(p) for p in problems[:MAX_LISTED_PER_RULE * 3]]
        more = len(problems) - len(lines)
        if more > 0:
            lines.append(f"... and {more} more problems")
        super().__init__(f"{len(problems)} problem(s) in the data:\n  " + "\n  ".join(lines))


@lru_cache(maxsize=4)
def _read_package(path: Path) -> dict:
    # The C loader when PyYAML has it: the package file is read by every chapter, and is 7x faster so.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def package(path: Path = PACKAGE_PATH) -> dict:
    """The data package descriptor (parsed YAML)."""
    return _read_package(Path(path))


def resource_names() -> list[str]:
    return [r["name"] for r in package()["resources"]]


def resource(name: str) -> dict:
    """The descriptor of one resource; an unknown name is refused with the valid names."""
    for res in package()["resources"]:
        if res["name"] == name:
            return res
    raise KeyError(f"unknown data resource {name[:100]!r}.{suggest(name, sorted(resource_names()))}")


def ordered_columns(names: list[str]) -> list[tuple[str, ...]]:
    """Names that must be in order, found by the project's naming convention: `x_low` <= `x` (or `x_central`)
    <= `x_high`, `x` <= `x_high` when there is no `x_low`, and `x_start` <= `x_end`. Used for data columns (in
    every row) and for a chapter's parameters."""
    chains = []
    for name in names:
        tokens = name.split("_")
        for high_word, low_word in (("high", "low"), ("end", "start")):
            if high_word not in tokens:
                continue
            at = tokens.index(high_word)
            low = "_".join([*tokens[:at], low_word, *tokens[at + 1:]])
            middle = ["_".join([*tokens[:at], *tokens[at + 1:]]),
                      "_".join([*tokens[:at], "central", *tokens[at + 1:]])]
            central = [m for m in middle if m in names and m != name]
            if low in names:
                chains.append((low, *central[:1], name) if high_word == "high" else (low, name))
            elif central and high_word == "high":  # (`fiscal_year_end` is not the end of `fiscal_year`)
                chains.append((central[0], name))
    return chains


def default_path(name: str) -> Path:
    return DATA_DIR / resource(name)["path"]


def _decode(path: Path, label: str) -> tuple[str | None, list[Problem]]:
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileRefused as refused:
        return None, [Problem(label, None, None, None, refused.reason)]
    try:
        # utf-8-sig accepts (and drops) the byte-order mark that spreadsheet programs add.
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        row = raw[: err.start].count(b"\n") + 1
        return None, [Problem(label, row, None, repr(raw[err.start:err.start + 4]),
                              "file is not UTF-8 text; save it as CSV UTF-8")]


def _csv_rows(text: str, label: str) -> tuple[list[list[str]], list[Problem]]:
    """The file's rows, stopping at the row limit or at a row the csv module cannot read (a cell longer than
    its own limit, an unclosed quote), with a problem naming the row."""
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return rows, []
        except csv.Error as err:
            return rows, [Problem(label, reader.line_num, None, None,
                                  f"cannot be read as CSV ({err}); cells are limited to {MAX_FIELD:,} characters")]
        rows.append(row)
        if len(rows) > MAX_ROWS + 1:
            return rows, [Problem(label, None, None, None,
                                  f"file has over {MAX_ROWS:,} data rows; the limit is {MAX_ROWS:,}")]


def _split_rows(text: str, label: str, expected: list[str]) -> tuple[list[str], list[list[str]], list[Problem]]:
    if not text.strip():
        return [], [], [Problem(label, None, None, None,
                                f"file is empty; expected a header row: {','.join(expected)}")]
    rows, problems = _csv_rows(text, label)
    if problems:
        return [], [], problems
    header = [h.strip() for h in rows[0]]
    body = [r for r in rows[1:] if any(cell.strip() for cell in r)]
    if len(header) == 1 and len(expected) > 1:
        for sep, sep_name in ((";", "semicolons"), ("\t", "tabs"), ("|", "pipes")):
            if sep in header[0]:
                problems.append(Problem(label, 1, None, header[0],
                                        f"wrong delimiter: the header is separated by {sep_name}; "
                                        "use commas"))
                return header, [], problems
    if len(body) > MAX_ROWS:
        problems.append(Problem(label, None, None, None,
                                f"file has {len(body):,} data rows; the limit is {MAX_ROWS:,}"))
        return header, [], problems
    for number, cells in enumerate(rows):
        long = [i for i, cell in enumerate(cells) if len(cell) > MAX_FIELD]
        if long:
            column = header[long[0]] if long[0] < len(header) else None
            problems.append(Problem(label, number + 1, column, cells[long[0]][:60],
                                    f"cell has {len(cells[long[0]]):,} characters; the limit is {MAX_FIELD:,}"))
            return header, [], problems
    if not body:
        problems.append(Problem(label, None, None, None, "file has a header but no data rows"))
    return header, body, problems


def _column_problems(label: str, name: str, field: dict, values: pd.Series) -> list[Problem]:
    """Every problem of one column, vectorised. `values` are raw strings indexed by file row."""
    problems: list[Problem] = []

    def add(mask: pd.Series, rule: str) -> None:
        bad = values[mask]
        for row, value in bad.head(MAX_LISTED_PER_RULE).items():
            problems.append(Problem(label, int(row), name, value, rule))
        if len(bad) > MAX_LISTED_PER_RULE:
            problems.append(Problem(label, None, name, None,
                                    f"... {len(bad) - MAX_LISTED_PER_RULE:,} more rows break: {rule}"))

    constraints = field.get("constraints", {})
    kind = field.get("type", "string")
    stripped = values.str.strip()
    empty = stripped == ""
    if constraints.get("required"):
        add(empty, "required: the cell must not be empty")
    present = ~empty
    add(present & values.str.contains(CONTROL), "text must not contain control characters (such as NUL or a "
        "direction override)")
    present = present & ~values.str.contains(CONTROL)
    if kind in TYPE_PATTERNS:
        ok_type = stripped.str.fullmatch(TYPE_PATTERNS[kind])
        if kind == "date":
            parsed = pd.to_datetime(stripped.where(ok_type & present), format="%Y-%m-%d", errors="coerce")
            ok_type = ok_type & parsed.notna()
        bad_type = present & ~ok_type
        add(bad_type, f"type {kind}: expected {TYPE_HINTS[kind]}")
        present = present & ok_type
        if kind == "integer":
            huge = present & stripped.where(present, "0").map(lambda v: abs(int(v)) > INT64_MAX)
            add(huge, f"integer out of range: at most {INT64_MAX:,} in size")
            present = present & ~huge
        elif kind == "number":
            nums = pd.to_numeric(stripped.where(present), errors="coerce")
            infinite = present & ~nums.abs().lt(float("inf"))
            add(infinite, "number out of range: too large to be held as a number (at most about 1.8e308)")
            present = present & ~infinite
    if kind == "string":
        add(present & stripped.str.contains(FORMULA_PREFIX), "text must not start like a spreadsheet formula "
            "(=, @, + or -): it would run when the file is opened in a spreadsheet")
    if "enum" in constraints:
        allowed = [str(v) for v in constraints["enum"]]
        add(present & ~stripped.isin(allowed), f"enum: must be one of {', '.join(allowed)}")
    if "pattern" in constraints:
        add(present & ~stripped.str.fullmatch(constraints["pattern"]),
            f"pattern: must match {constraints['pattern']}")
    if "maxLength" in constraints:
        add(present & (stripped.str.len() > constraints["maxLength"]),
            f"maxLength: at most {constraints['maxLength']} characters")
    for bound, op, word in (("minimum", "lt", "at least"), ("maximum", "gt", "at most")):
        if bound not in constraints:
            continue
        limit = constraints[bound]
        if kind in ("integer", "number", "year"):
            nums = pd.to_numeric(stripped.where(present), errors="coerce")
            add(present & getattr(nums, op)(float(limit)), f"{bound}: must be {word} {limit}")
        elif kind == "date":
            dates = pd.to_datetime(stripped.where(present), format="%Y-%m-%d", errors="coerce")
            add(present & getattr(dates, op)(pd.Timestamp(str(limit))), f"{bound}: must be {word} {limit}")
    if constraints.get("unique"):
        dup = present & stripped.duplicated(keep="first")
        add(dup, "unique: this value already appears in an earlier row")
    return problems


def _convert(frame: pd.DataFrame, fields: list[dict]) -> pd.DataFrame:
    out = {}
    for field in fields:
        col = frame[field["name"]].str.strip()
        kind = field.get("type", "string")
        blank = col == ""
        if kind in ("integer", "year"):
            nums = pd.to_numeric(col.where(~blank), errors="coerce")
            out[field["name"]] = nums.astype("int64") if not blank.any() else nums.astype("Int64")
        elif kind == "number":
            out[field["name"]] = pd.to_numeric(col.where(~blank), errors="coerce").astype("float64")
        elif kind == "date":
            out[field["name"]] = pd.to_datetime(col.where(~blank), format="%Y-%m-%d", errors="coerce")
        elif kind == "boolean":
            out[field["name"]] = col.str.lower().map({"true": True, "false": False})
        else:
            out[field["name"]] = col.where(~blank, None)
    return pd.DataFrame(out).reset_index(drop=True)


def _read(path: Path, name: str, label: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Parse and check one file against its own schema (not yet its foreign keys)."""
    schema = resource(name)["schema"]
    fields = schema["fields"]
    expected = [f["name"] for f in fields]
    text, problems = _decode(path, label)
    if text is None:
        return None, problems
    header, body, problems = _split_rows(text, label, expected)
    if problems and not body:
        return None, problems
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    for col in missing:
        problems.append(Problem(label, 1, col, None, "missing column: the schema requires it"))
    for col in extra:
        problems.append(Problem(label, 1, col, None,
                                f"unknown column: not in the schema of '{name}' ({', '.join(expected)})"))
    dup_cols = {c for c in header if header.count(c) > 1}
    for col in sorted(dup_cols):
        problems.append(Problem(label, 1, col, None, "column appears more than once in the header"))
    if missing or extra or dup_cols:
        return None, problems
    # File row numbers, as a spreadsheet shows them (header = 1); blank lines were dropped above.
    rows = list(range(2, len(body) + 2))
    for row, cells in zip(rows, body):
        if len(cells) != len(header):
            problems.append(Problem(label, row, None, ",".join(cells)[:60],
                                    f"row has {len(cells)} cells; the header has {len(header)}"))
    if problems:
        return None, problems
    frame = pd.DataFrame(body, columns=header, index=rows, dtype=str)[expected]
    for field in fields:
        problems += _column_problems(label, field["name"], field, frame[field["name"]])
    if not problems:
        frame = _canonical_names(frame, fields)
    pk = schema.get("primaryKey")
    if pk:
        keys = [pk] if isinstance(pk, str) else list(pk)
        dup = frame.duplicated(subset=keys, keep="first")
        for row in frame.index[dup][:MAX_LISTED_PER_RULE]:
            value = ", ".join(str(frame.at[row, k]) for k in keys)
            problems.append(Problem(label, int(row), ",".join(keys), value,
                                    "primary key: this key already appears in an earlier row (names match "
                                    "ignoring case and surrounding spaces)"))
    if problems:
        return None, problems
    typed = _convert(frame, fields)
    typed.index = rows
    problems += _order_problems(typed, label)
    if problems:
        return None, problems
    return typed, problems


# Columns that name a company, buyer or vendor: names differing only by case or surrounding spaces are one name.
NAME_COLUMNS = frozenset({"buyer", "company", "vendor", "organisation", "operator", "cloud"})


@lru_cache(maxsize=1)
def known_names() -> dict[str, str]:
    """The proper names the report knows (the names catalogue's English), keyed by their case-folded form."""
    path = ROOT / "locale" / "zh_CN" / "LC_MESSAGES" / "names.po"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return {n.casefold(): n for n in re.findall(r'^msgid "(.+)"$', text, flags=re.MULTILINE)}


def canonical_spellings(values: list[str]) -> list[str]:
    """Each (stripped) name in the spelling of a known name it matches case-insensitively (`known_names`), else in
    the most frequent spelling the list gives it (the first on a tie); blanks stay blank."""
    known = known_names()
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    spelling: dict[str, str] = {}
    for v in values:
        fold = v.casefold()
        if not v:
            continue
        if fold in known:
            spelling[fold] = known[fold]
        elif fold not in spelling or counts[v] > counts[spelling[fold]]:
            spelling[fold] = v
    return [spelling.get(v.casefold(), v) if v else v for v in values]


def _canonical_names(frame: pd.DataFrame, fields: list[dict]) -> pd.DataFrame:
    """Review 3 B16: 'tencent' and 'Meta ' were separate buyers. In a name column (`NAME_COLUMNS`) each name takes
    its canonical spelling (`canonical_spellings`)."""
    for field in fields:
        if field["name"] in NAME_COLUMNS and field.get("type", "string") == "string":
            col = frame[field["name"]].str.strip()
            frame[field["name"]] = pd.Series(canonical_spellings(col.tolist()), index=col.index, dtype=str)
    return frame


def _text(value: object) -> str:
    return value.strftime("%Y-%m-%d") if isinstance(value, pd.Timestamp) else str(value)


def _order_problems(frame: pd.DataFrame, label: str) -> list[Problem]:
    """A low end above its high end (or a start after its end) in any row (see `ordered_columns`)."""
    problems: list[Problem] = []
    for chain in ordered_columns(list(frame.columns)):
        kinds = {"M" if frame[c].dtype.kind == "M" else "n" if frame[c].dtype.kind in "iuf" else "x" for c in chain}
        if kinds not in ({"n"}, {"M"}):
            continue  # (only numbers with numbers and dates with dates have an order here)
        for lower, upper in zip(chain, chain[1:]):
            bad = frame[lower].notna() & frame[upper].notna() & (frame[lower] > frame[upper])
            for row in frame.index[bad][:MAX_LISTED_PER_RULE]:
                low, high = (_text(frame.at[row, c]) for c in (lower, upper))
                problems.append(Problem(label, int(row), upper, high,
                                        f"order: must not be below {lower} ({low}) of the same row"))
    return problems


def _foreign_key_problems(frame: pd.DataFrame, name: str, label: str,
                          overrides: dict[str, Path]) -> list[Problem]:
    problems: list[Problem] = []
    for fk in resource(name)["schema"].get("foreignKeys", []):
        field = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
        target = fk["reference"]["resource"]
        target_field = fk["reference"]["fields"]
        target_field = target_field if isinstance(target_field, str) else target_field[0]
        known = set(load(target, path=overrides.get(target), overrides=overrides)[target_field].dropna())
        values = frame[field]
        bad = values.notna() & ~values.isin(known)
        for row, value in values[bad].head(MAX_LISTED_PER_RULE).items():
            problems.append(Problem(label, int(row), field, str(value),
                                    f"foreign key: not an '{target_field}' of resource '{target}'"))
        if bad.sum() > MAX_LISTED_PER_RULE:
            problems.append(Problem(label, None, field, None,
                                    f"... {int(bad.sum()) - MAX_LISTED_PER_RULE:,} more unknown values"))
    return problems


def check(path: str | Path, name: str, overrides: dict[str, Path] | None = None) -> list[Problem]:
    """Every problem in `path` read as resource `name`; an empty list means the file is valid."""
    resource(name)  # refuse unknown names early
    path = Path(path)
    frame, problems = _read(path, name, str(path))
    if frame is None:
        return problems
    return _foreign_key_problems(frame, name, str(path), overrides or {})


def load(name: str, path: str | Path | None = None, overrides: dict[str, Path] | None = None) -> pd.DataFrame:
    """The validated, typed table of resource `name`, read from `path` or from the data package.

    Raises DataError listing every problem (file, row, column, value, rule). `overrides` maps other resource
    names to files to use for foreign-key checks (for example a user's own sources file).
    """
    overrides = overrides or {}
    path = Path(path) if path is not None else default_path(name)
    return _load_cached(name, path.resolve(), path.stat().st_mtime_ns if path.is_file() else 0,
                        tuple(sorted((k, str(v)) for k, v in overrides.items()))).copy()


@lru_cache(maxsize=64)
def _load_cached(name: str, path: Path, _mtime: int, overrides: tuple) -> pd.DataFrame:
    over = {k: Path(v) for k, v in overrides}
    label = shown(path)
    frame, problems = _read(path, name, label)
    if frame is None:
        raise DataError(problems)
    problems = _foreign_key_problems(frame, name, label, over)
    if problems:
        raise DataError(problems)
    return frame.reset_index(drop=True)




def example_csv(name: str, rows: int) -> tuple[str, int]:
    """A CSV text with the header of resource `name` and its first `rows` rows from the report's data, written as
    `check` reads it back (dates YYYY-MM-DD, booleans true/false); and how many rows it holds."""
    frame = load(name).head(rows).copy()
    for col in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[col]):
            frame[col] = frame[col].dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_bool_dtype(frame[col]):
            frame[col] = frame[col].map({True: "true", False: "false"})
    return frame.to_csv(index=False), len(frame)


def fields(name: str) -> list[dict]:
    """The schema fields of a resource: name, type, unit, description, constraints."""
    return resource(name)["schema"]["fields"]


def unit(name: str, column: str) -> str:
    """The unit of a column as declared in the schema ('' when none)."""
    for field in fields(name):
        if field["name"] == column:
            return field.get("unit", "")
    raise KeyError(f"resource {name!r} has no column {column!r}")


class Tables:
    """The tables one chapter reads, each from the path its parameter names.

    `Tables(sources="data/sources.csv", gpu_buyers="data/gpu_buyers.csv")["gpu_buyers"]` loads and
    validates the file, checking its source ids against the sources file given here.
    """

    def __init__(self, **paths: str | Path):
        self.paths = {name: resolve(p) for name, p in paths.items()}
        for name in self.paths:
            resource(name)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return load(name, self.paths.get(name), overrides=self.paths)

    def sources_of(self, *frames: pd.DataFrame) -> pd.DataFrame:
        """The rows of the sources table cited by the given frames, in order of first use."""
        ids: list[str] = []
        for frame in frames:
            ids += [i for i in frame["source_id"].dropna().unique() if i not in ids]
        sources = self["sources"].set_index("id")
        return sources.loc[ids].reset_index()

    def source_line(self, *frames: pd.DataFrame) -> str:
        """'Source: publisher (date); ...' for a chart, built from the cited rows, never typed."""
        cited = self.sources_of(*frames)
        parts = []
        for _, s in cited.iterrows():
            has_date = isinstance(s["date"], str) and s["date"].strip()
            part = f"{s['publisher']} ({s['date']})" if has_date else s["publisher"]
            if part not in parts:
                parts.append(part)
        return "Source: " + "; ".join(parts) + "."
