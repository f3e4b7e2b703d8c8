"""Chinese counterpart of `aicloud.claims`: a verdict is glued with its Chinese label (what the prose shows) and
its English key (`<id>_verdict_key`, what the ledger counts and the conclusion compares); the evidence grade
likewise (`<id>_evidence_key`, what the ledger's evidence filter compares)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aicloud import claims as english
from aicloud.verdicts import LABELS as VERDICTS
from aicloud.zh.verdicts import GRADE, label

if TYPE_CHECKING:
    from aicloud.robustness import Robustness
    from aicloud.verdicts import Verdict


def record(claim_id: str, verdict: str, figure: str, reason: str, sources: list[str] | None = None) -> None:
    """Record and glue one claim's verdict in Chinese (see the English `record`)."""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict {verdict!r} for {claim_id} is not one of {VERDICTS}")
    if not figure or not reason:
        raise ValueError(f"{claim_id}: a verdict needs the deciding figure and a reason")
    row = {"claim": claim_id, "verdict": label(verdict), "figure": figure, "reason": reason,
           "sources": ", ".join(sources or [])}
    english._recorded[claim_id] = row
    english._glue(f"{claim_id}_verdict", label(verdict))
    english._glue(f"{claim_id}_verdict_key", verdict)
    english._glue(f"{claim_id}_figure", figure)
    english._glue(f"{claim_id}_reason", reason)
    english._glue(f"{claim_id}_sources", row["sources"])


def record_verdict(claim_id: str, verdict: Verdict, robustness: Robustness | None = None) -> None:
    """Record and glue a rule's verdict, with its evidence grade and, when swept, its robustness, in Chinese."""
    english.record(claim_id, verdict.label, verdict.figure, verdict.reason, list(verdict.sources))
    english._recorded[claim_id]["evidence"] = GRADE[verdict.evidence]
    english._glue(f"{claim_id}_evidence", GRADE[verdict.evidence])
    english._glue(f"{claim_id}_evidence_key", verdict.evidence)   # the ledger's evidence filter compares the key
    if robustness is not None:
        english._recorded[claim_id]["robustness"] = robustness.summary()
        english._glue(f"{claim_id}_robustness", robustness.summary())
