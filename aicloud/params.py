"""Read a chapter's `parameters` cell: names, types, defaults, help, assumption ranges and data resources.

The cell is the chapter's documented interface (one `name: type = value  # help` per line), so the command
line, the pipeline and the page's assumptions table all read it from here rather than repeating it.
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass
from pathlib import Path

from aicloud._lazy import pd
from aicloud.data import CONTROL, ordered_columns
from aicloud.layout import NOTEBOOKS, InputError

LINE = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>\w+)\s*=\s*(?P<value>.+?)\s*(#\s*(?P<help>.*))?$")
RANGE = re.compile(r"\(range\s+(?P<low>[-+\d_.eE]+)\s+to\s+(?P<high>[-+\d_.eE]+)\)")
TYPES = {"str": str, "int": int, "float": float, "bool": bool}
INT64 = 2**63 - 1
MAX_TEXT = 1_000  # characters in a text parameter (a path, a name, a list of claim ids)


def plain(number: object) -> str:
    """A number as a person writes it in a range: 100000, 0.25, 1e-06 (no thousands separators)."""
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e16:
        return str(int(number))
    return f"{number:g}" if isinstance(number, float) else str(number)


class ParameterError(InputError, ValueError):
    """A parameter value that cannot be used (wrong type, not finite, off its domain, out of order): exit 2."""


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: object
    help: str
    low: float | None = None
    high: float | None = None

    @property
    def domain(self) -> str:
        """The documented range as written for people: "21000 to 30000", "0.2 to 0.6" ("" for text)."""
        return f"{plain(self.low)} to {plain(self.high)}" if self.low is not None and self.high is not None else ""

    @property
    def is_assumption(self) -> bool:
        return self.help.lower().startswith("assumption")

    @property
    def resource(self) -> str | None:
        """The data resource a `<resource>_csv` parameter names, else None."""
        return self.name[: -len("_csv")] if self.name.endswith("_csv") else None

    def coerce(self, raw: object) -> object:
        """`raw` converted to this parameter's type; a clear ParameterError when it cannot be, is not a finite
        number, or lies outside the parameter's documented domain."""
        kind = TYPES[self.type]
        if isinstance(raw, str) and kind is not str:
            text = raw.strip()
            if kind is bool:
                if text.lower() not in ("true", "false"):
                    raise ParameterError(f"parameter {self.name} is {self.type}: expected true or false, got {raw!r}")
                return text.lower() == "true"
            try:
                value = kind(text.replace("_", ""))
            except ValueError:
                raise ParameterError(f"parameter {self.name} is {self.type}: cannot read {raw[:60]!r} as "
                                     f"{self.type}") from None
        elif kind is float and isinstance(raw, int) and not isinstance(raw, bool):
            value = float(raw) if abs(raw) <= INT64 else math.inf  # (a larger int may not fit a float)
        elif not isinstance(raw, kind) or (kind is int and isinstance(raw, bool)):
            raise ParameterError(f"parameter {self.name} is {self.type}: got {type(raw).__name__} {str(raw)[:60]!r}")
        else:
            value = raw
        if kind is str:
            if len(value) > MAX_TEXT or CONTROL.search(value):
                raise ParameterError(f"parameter {self.name}: text of at most {MAX_TEXT:,} characters without "
                                     "control characters expected")
            return value
        if kind is float and not math.isfinite(value):
            raise ParameterError(f"parameter {self.name} = {value}: must be a finite number "
                                 f"(its domain is {self.domain})")
        if self.low is not None and self.high is not None and not (self.low <= value <= self.high):
            raise ParameterError(f"parameter {self.name} = {plain(value)[:40]} is outside its documented range "
                                 f"{self.domain}")
        return value


def check_order(declared: list[Parameter], values: dict[str, object]) -> None:
    """Refuse a low end above its high end (`x_low` <= `x_high`, see `data.ordered_columns`), and a central value
    outside them when the family has one: `x_central`, or `x` whose help calls it the central value (a triangular
    distribution needs low <= central <= high). Names both parameters."""
    by_name = {p.name: p for p in declared}
    numeric = [p.name for p in declared if p.type in ("int", "float")]
    for chain in ordered_columns(numeric):
        if len(chain) == 3 and not (chain[1].endswith("_central") or "central" in by_name[chain[1]].help):
            chain = (chain[0], chain[2])  # `x` beside `x_low`/`x_high` that is not their central value
        for lower, upper in zip(chain, chain[1:]):
            if values[lower] > values[upper]:  # type: ignore[operator]
                raise ParameterError(f"parameter {lower} = {plain(values[lower])} is above {upper} = "
                                     f"{plain(values[upper])}; a low end must not exceed its central value or high end")


def parameters_source(notebook: Path) -> str:
    """The source of the cell tagged `parameters` in a Jupytext MyST notebook."""
    text = notebook.read_text(encoding="utf-8")
    for match in re.finditer(r"```\{code-cell\}[^\n]*\n(?P<body>.*?)```", text, flags=re.S):
        body = match.group("body")
        tags = re.search(r"^:tags:\s*\[(?P<tags>[^\]]*)\]", body, flags=re.M)
        if tags and "parameters" in [t.strip() for t in tags.group("tags").split(",")]:
            return "\n".join(line for line in body.splitlines() if not line.startswith(":"))
    raise ParameterError(f"{notebook}: no code cell tagged 'parameters'")


def read(notebook: str | Path) -> list[Parameter]:
    """The parameters of a chapter notebook, in order.

    Every number has a documented domain: a numeric parameter whose help does not end with `(range LOW to HIGH)`,
    whose range is not a finite, ordered pair (within int64 for an integer), or whose default lies outside it is
    refused, naming the notebook and line."""
    notebook = Path(notebook)
    if not notebook.suffix:
        notebook = NOTEBOOKS / f"{notebook}.md"
    found = []
    for number, line in enumerate(parameters_source(notebook).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = LINE.match(line.strip())
        if not m or m.group("type") not in TYPES:
            raise ParameterError(f"{notebook}: parameters cell line {number} is not 'name: type = value  # help': "
                                 f"{line}")
        where = f"{notebook}: parameters cell line {number} ({m.group('name')})"
        try:
            default = ast.literal_eval(m.group("value"))
        except (ValueError, SyntaxError):
            raise ParameterError(f"{where}: the default is not a literal: {m.group('value')}") from None
        help_text = m.group("help") or ""
        low, high = _domain(m.group("type"), help_text, where)
        parameter = Parameter(m.group("name"), m.group("type"), default, help_text, low, high)
        try:
            parameter.coerce(default)
        except ParameterError as err:
            raise ParameterError(f"{where}: the default does not fit: {err}") from None
        found.append(parameter)
    return found


def _domain(kind: str, help_text: str, where: str) -> tuple[float | None, float | None]:
    r = RANGE.search(help_text)
    if kind not in ("int", "float"):
        return None, None
    if not r:
        raise ParameterError(f"{where}: a number needs a documented domain; end its help with "
                             "'(range LOW to HIGH)'")
    try:
        low, high = float(r.group("low")), float(r.group("high"))
    except ValueError:
        raise ParameterError(f"{where}: cannot read the range {r.group(0)}") from None
    if not (math.isfinite(low) and math.isfinite(high)) or low > high:
        raise ParameterError(f"{where}: the range {r.group(0)} must be two finite numbers, the lower first")
    if kind == "int" and not (-INT64 <= low and high <= INT64):
        raise ParameterError(f"{where}: the range {r.group(0)} of an integer must lie within +-{INT64:,}")
    return low, high


def assumptions(notebook: str | Path, values: dict) -> pd.DataFrame:
    """A table of the chapter's assumptions: the value used in this run beside its documented range."""
    rows = []
    for p in read(notebook):
        if p.is_assumption:
            text = RANGE.sub("", p.help).split(":", 1)[-1].strip()
            rows.append({"assumption": text, "parameter": p.name, "value used": values.get(p.name, p.default),
                         "low": p.low, "high": p.high})
    return pd.DataFrame(rows)
