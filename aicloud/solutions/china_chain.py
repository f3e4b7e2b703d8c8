"""Answers to the exercises of the chapter `china_chain` (left out of the student edition)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aicloud.analysis import ChapterResult

# --- TEXT ------------------------------------------------------------------------------------------------------
TEXT = {
    "ratio": "{cloud} {ratio:.2f}",
    "flip": "The verdict on C37 changes from {before} to {after} between min_share_gain_pp {below:g} and "
            "{above:g}.",
    "no_flip": "The verdict on C37 stays {label} across the whole documented range of min_share_gain_pp.",
}
# -------------------------------------------------------------------------------------------------------------


def answers(result: ChapterResult, sweeps: Mapping[str, Any]) -> dict[str, Any]:
    """The values the chapter's solutions quote, computed from the chapter's result and robustness sweeps."""
    out: dict[str, Any] = {}
    tvr = result.frames["tvr"]
    wide = tvr.pivot_table(index="vendor", columns="counts", values="share")
    if {"tokens", "revenue"} <= set(wide.columns) and len(wide.dropna()):
        ratios = (wide["tokens"] / wide["revenue"]).dropna().sort_values()
        out["ans_low_cloud"] = str(ratios.index[-1])
        out["ans_low_ratio"] = float(ratios.iloc[-1])
        out["ans_ratios"] = ", ".join(TEXT["ratio"].format(cloud=c, ratio=r) for c, r in ratios.items())
    else:
        out.update(ans_low_cloud="none", ans_low_ratio=0.0, ans_ratios="none")
    fit = result.frames.get("chain_fit")
    if fit is not None and len(fit):
        best = fit.loc[fit["distance"].idxmin()]
        leader = result.values.get("chain_observed_leader", "")
        out.update(ans_fit_cells=int((fit["leader"] == leader).sum()), fit_cells=len(fit),
                   fit_best=float(fit["distance"].min()), ans_best_depth=float(best["efficiency_per_depth"]),
                   ans_best_lock=float(best["lock_in"]), ans_best_learning=float(best["learning_rate"]))
    else:
        out.update(ans_fit_cells=0, fit_cells=0, fit_best=0.0, ans_best_depth=0.0, ans_best_lock=0.0,
                   ans_best_learning=0.0)
    sweep = sweeps.get("C37")
    flips = [f for f in (sweep.flips if sweep else []) if f.parameter == "min_share_gain_pp"]
    if flips:
        f = flips[0]
        out["ans_c37_flip"] = TEXT["flip"].format(before=f.before, after=f.after, below=f.below, above=f.above)
    else:
        out["ans_c37_flip"] = TEXT["no_flip"].format(label=sweep.label if sweep else "unchanged")
    return out
