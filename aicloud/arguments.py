"""Which of the article's 25 arguments the report reproduces, computed from the project itself.

An argument is *reproduced fully* when the report shows it with evidence (a section of a chapter that computes
from data and names one of the argument's claims), a chart in such a section, a model where the link is a
quantity (one of the argument's model modules exists and that chapter's notebook or analysis module imports it)
and a rerun path (the chapter is in the table of contents and has a second parameter set in tests/params).
*Partly* when some but not all of these exist; *not* when no section names any of its claims. Nothing here is
typed per argument: the table is recomputed from the notebooks, the package and `data/arguments.csv`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from aicloud._lazy import pd
from aicloud.data import ROOT

FULLY, PARTLY, NOT = "fully", "partly", "not"
CHART = re.compile(r"charts\.finish\(|\bcch\.\w+\(|alt\.Chart\(|_chart\b|charts\.\w+\(")
HEADING = re.compile(r"^#{2,3} ", re.M)
CELL = re.compile(r"```\{code-cell\}[^\n]*\n(?P<body>.*?)```", re.S)

# --- TEXT ------------------------------------------------------------------------------------------------------
TEXT = {
    "why_fully": "evidence, chart{model} and rerun path in {where}",
    "model_yes": ", model ({models})",
    "model_na": "",
    "why_missing": "missing: {missing}",
    "why_not": "no chapter section names {claims}",
    "missing_evidence": "a section computing from data",
    "missing_chart": "a chart",
    "missing_model": "a model ({models})",
    "missing_rerun": "a rerun path",
}
# -------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    chapter: str
    heading: str
    text: str
    code: str


def sections(chapter: str, root: Path = ROOT) -> list[Section]:
    """The `##` and `###` sections of a chapter notebook, each with its text and its code."""
    path = root / "notebooks" / f"{chapter}.md"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    starts = [m.start() for m in HEADING.finditer(text)] + [len(text)]
    out = []
    for a, b in zip(starts, starts[1:]):
        chunk = text[a:b]
        heading = chunk.splitlines()[0].lstrip("# ").strip()
        code = "\n".join(m.group("body") for m in CELL.finditer(chunk))
        out.append(Section(chapter, heading, chunk, code))
    return out


def _imports(chapter: str, module: str, root: Path) -> bool:
    pattern = re.compile(rf"models(\.| import ([\w, ]*\b)){module}\b|import {module}\b")
    files = [root / "notebooks" / f"{chapter}.md", root / "aicloud" / "analysis" / f"{chapter}.py"]
    return any(f.exists() and pattern.search(f.read_text(encoding="utf-8")) for f in files)


def coverage(arguments: pd.DataFrame, chapters: list[str], root: Path = ROOT) -> pd.DataFrame:
    """One row per argument: what the report has for it and whether it is reproduced fully, partly or not."""
    all_sections = [s for ch in chapters for s in sections(ch, root)]
    rows = []
    for _, arg in arguments.sort_values("argument").iterrows():
        claims = [c.strip() for c in arg["claims"].split(";")]
        models = [m for m in str(arg["models"] or "").split(";") if m]
        hits = [s for s in all_sections if any(re.search(rf"\b{c}\b", s.text) for c in claims)]
        evidence = [s for s in hits if s.code.strip()]
        charted = [s for s in hits if CHART.search(s.code)]
        where = sorted({s.chapter for s in charted or evidence})
        found_models = sorted({m for m in models for ch in where
                               if (root / "aicloud" / "models" / f"{m}.py").exists() and _imports(ch, m, root)})
        model_ok = not bool(arg["quantitative"]) or bool(found_models)
        rerun = any((root / "tests" / "params" / f"{ch}.yaml").exists() for ch in where)
        parts = {"evidence": bool(evidence), "chart": bool(charted), "model": model_ok, "rerun": rerun}
        if not hits:
            status, why = NOT, TEXT["why_not"].format(claims=", ".join(claims))
        elif all(parts.values()):
            model_text = TEXT["model_yes"].format(models=", ".join(found_models)) if found_models else TEXT["model_na"]
            status, why = FULLY, TEXT["why_fully"].format(model=model_text, where=", ".join(where))
        else:
            missing = [TEXT[f"missing_{k}"].format(models=", ".join(models)) for k, ok in parts.items() if not ok]
            status, why = PARTLY, TEXT["why_missing"].format(missing="; ".join(missing))
        rows.append({"argument": int(arg["argument"]), "paraphrase": arg["paraphrase"], "claims": ", ".join(claims),
                     "evidence": parts["evidence"], "chart": parts["chart"],
                     "model": ("not needed" if not arg["quantitative"] else ", ".join(found_models) or "none"),
                     "rerun": rerun, "chapters": ", ".join(where) or "none", "reproduced": status, "why": why})
    return pd.DataFrame(rows)


def counts(table: pd.DataFrame) -> dict[str, int]:
    """How many arguments are reproduced fully, partly and not at all."""
    return {k: int((table["reproduced"] == k).sum()) for k in (FULLY, PARTLY, NOT)}
