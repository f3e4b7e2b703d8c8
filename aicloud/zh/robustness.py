"""Chinese counterpart of `aicloud.robustness`: the one-sentence summary of a verdict's robustness."""

from __future__ import annotations

from aicloud.robustness import Robustness
from aicloud.zh.verdicts import label

# The report of `python -m aicloud robustness` is a developer's command-line output, printed in English and shown on
# no page of either edition.
NOT_SHOWN = {n: "the robustness command's terminal report (English, on no page)" for n in (
    "sweep_claims", "LINE_CLAIM", "LINE_NONE", "LINE_READS", "LINE_HELD", "LINE_NO_READS", "LINE_FLIP",
    "LINE_NO_FLIP", "LINE_JOINT", "LINE_TALLY")}


def summary(self: Robustness) -> str:
    """One sentence for the page and the ledger."""
    if not self.ranges:
        held = f"（{'、'.join(self.held)} 取其设定值）" if self.held else ""
        return f"不读取任何数值假设{held}：结论只取决于数据"
    joint = self.joint_shares.get(self.label, 1.0)
    if self.holds:
        spans = "、".join(f"{p} 从 {lo:g} 到 {hi:g}" for p, (lo, hi) in self.ranges.items())
        return f"在 {spans} 的整个范围内、以及全部 {self.draws:,} 次联合抽样中，结论都是“{label(self.label)}”"
    flips = "；".join(f"{f.parameter} 不超过 {f.below:g} 时为“{label(f.before)}”，从 {f.above:g} 起为“{label(f.after)}”"
                     for f in self.flips)
    return (f"{self.draws:,} 次联合抽样中有 {joint:.0%} 得出“{label(self.label)}”"
            + (f"；{flips}" if flips else "；没有哪一个假设能单独改变结论"))


ATTRIBUTES = {"Robustness.summary": summary}
