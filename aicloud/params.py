"""Read a chapter's `parameters` cell: names, types, defaults, help, assumption ranges and data resources.

The cell is the chapter's documented interface (one `name: type = value  # help` per line), so the command
line, the pipeline and the page's assumptions table all read it from here rather than repeating it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from aicloud._lazy import pd
from aicloud.data import ROOT

NOTEBOOKS = ROOT / "notebooks"
LINE = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>\w+)\s*=\s*(?P<value>.+?)\s*(#\s*(?P<help>.*))?$")
RANGE = re.compile(r"\(range\s+(?P<low>[-+\d_.eE]+)\s+to\s+(?P<high>[-+\d_.eE]+)\)")
TYPES = {"str": str, "int": int, "float": float, "bool": bool}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: object
    help: str
    low: float | None = None
    high: float | None = None

    @property
    def is_assumption(self) -> bool:
        return self.help.lower().startswith("assumption")

    @property
    def resource(self) -> str | None:
        """The data resource a `<resource>_csv` parameter names, else None."""
        return self.name[: -len("_csv")] if self.name.endswith("_csv") else None

    def coerce(self, raw: object) -> object:
        """`raw` converted to this parameter's type; a clear ValueError when it cannot be, or is off range."""
        kind = TYPES[self.type]
        if isinstance(raw, str) and kind is not str:
            text = raw.strip()
            if kind is bool:
                if text.lower() not in ("true", "false"):
                    raise ValueError(f"parameter {self.name} is {self.type}: expected true or false, got {raw!r}")
                return text.lower() == "true"
            try:
                value = kind(text.replace("_", ""))
            except ValueError:
                raise ValueError(f"parameter {self.name} is {self.type}: cannot read {raw!r} as {self.type}") from None
        elif kind is float and isinstance(raw, int) and not isinstance(raw, bool):
            value = float(raw)
        elif not isinstance(raw, kind) or (kind is int and isinstance(raw, bool)):
            raise ValueError(f"parameter {self.name} is {self.type}: got {type(raw).__name__} {raw!r}")
        else:
            value = raw
        if self.low is not None and self.high is not None and not (self.low <= value <= self.high):
            raise ValueError(f"parameter {self.name} = {value} is outside its documented range "
                             f"{self.low:g} to {self.high:g}")
        return value


def parameters_source(notebook: Path) -> str:
    """The source of the cell tagged `parameters` in a Jupytext MyST notebook."""
    text = notebook.read_text(encoding="utf-8")
    for match in re.finditer(r"```\{code-cell\}[^\n]*\n(?P<body>.*?)```", text, flags=re.S):
        body = match.group("body")
        tags = re.search(r"^:tags:\s*\[(?P<tags>[^\]]*)\]", body, flags=re.M)
        if tags and "parameters" in [t.strip() for t in tags.group("tags").split(",")]:
            return "\n".join(line for line in body.splitlines() if not line.startswith(":"))
    raise ValueError(f"{notebook}: no code cell tagged 'parameters'")


def read(notebook: str | Path) -> list[Parameter]:
    """The parameters of a chapter notebook, in order."""
    notebook = Path(notebook)
    if not notebook.suffix:
        notebook = NOTEBOOKS / f"{notebook}.md"
    found = []
    for number, line in enumerate(parameters_source(notebook).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = LINE.match(line.strip())
        if not m or m.group("type") not in TYPES:
            raise ValueError(f"{notebook}: parameters cell line {number} is not 'name: type = value  # help': {line}")
        default = ast.literal_eval(m.group("value"))
        help_text = m.group("help") or ""
        r = RANGE.search(help_text)
        low, high = (float(r.group("low")), float(r.group("high"))) if r else (None, None)
        found.append(Parameter(m.group("name"), m.group("type"), default, help_text, low, high))
    return found


def assumptions(notebook: str | Path, values: dict) -> pd.DataFrame:
    """A table of the chapter's assumptions: the value used in this run beside its documented range."""
    rows = []
    for p in read(notebook):
        if p.is_assumption:
            text = RANGE.sub("", p.help).split(":", 1)[-1].strip()
            rows.append({"assumption": text, "parameter": p.name, "value used": values.get(p.name, p.default),
                         "low": p.low, "high": p.high})
    return pd.DataFrame(rows)
