"""Verdicts on the article's claims.

A chapter calls `record(...)` for each claim it tests. The verdict, the deciding figure and the reason are
glued into the executed notebook under `<id>_verdict`, `<id>_figure` and `<id>_reason`; the claims ledger
page reads them back from there (`aicloud.ledger`), so nothing is typed twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aicloud._lazy import pd
from aicloud.verdicts import CONTRADICTED, NOT_TESTABLE, NOT_TESTABLE_HERE, PARTLY, SUPPORTED  # noqa: F401
from aicloud.verdicts import LABELS as VERDICTS

if TYPE_CHECKING:
    from aicloud.robustness import Robustness
    from aicloud.verdicts import Verdict

_recorded: dict[str, dict] = {}


def _glue(name: str, value: object) -> None:
    from myst_nb import glue

    glue(name, value, display=False)


def record(claim_id: str, verdict: str, figure: str, reason: str, sources: list[str] | None = None) -> None:
    """Record and glue one claim's verdict. `figure` is the deciding number as text, formatted from data."""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict {verdict!r} for {claim_id} is not one of {VERDICTS}")
    if not figure or not reason:
        raise ValueError(f"{claim_id}: a verdict needs the deciding figure and a reason")
    row = {"claim": claim_id, "verdict": verdict, "figure": figure, "reason": reason,
           "sources": ", ".join(sources or [])}
    _recorded[claim_id] = row
    _glue(f"{claim_id}_verdict", verdict)
    _glue(f"{claim_id}_figure", figure)
    _glue(f"{claim_id}_reason", reason)
    _glue(f"{claim_id}_sources", row["sources"])


def record_verdict(claim_id: str, verdict: Verdict, robustness: Robustness | None = None) -> None:
    """Record and glue a rule's verdict, with its evidence grade and, when swept, its robustness."""
    record(claim_id, verdict.label, verdict.figure, verdict.reason, list(verdict.sources))
    _recorded[claim_id]["evidence"] = verdict.evidence
    _glue(f"{claim_id}_evidence", verdict.evidence)
    if robustness is not None:
        _recorded[claim_id]["robustness"] = robustness.summary()
        _glue(f"{claim_id}_robustness", robustness.summary())


def table(claim_ids: list[str] | None = None) -> pd.DataFrame:
    """The verdicts recorded so far in this kernel, for the chapter's summary table."""
    rows = [r for cid, r in _recorded.items() if claim_ids is None or cid in claim_ids]
    return pd.DataFrame(rows, columns=["claim", "verdict", "figure", "reason", "sources"])
