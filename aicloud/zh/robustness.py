"""Chinese counterpart of `aicloud.robustness`: the words of the one-sentence summary of a verdict's robustness
(the English `Robustness.summary` puts them together)."""

from __future__ import annotations

from aicloud.zh import verdicts

# The report of `python -m aicloud robustness` is a developer's command-line output, printed in English and shown on
# no page of either edition.
NOT_SHOWN = {n: "the robustness command's terminal report (English, on no page)" for n in (
    "sweep_claims", "LINE_CLAIM", "LINE_NONE", "LINE_READS", "LINE_HELD", "LINE_NO_READS", "LINE_FLIP",
    "LINE_NO_FLIP", "LINE_JOINT", "LINE_TALLY")}


def shown_label(label: str) -> str:
    """A verdict label in Chinese."""
    return verdicts.label(label)


SUMMARY = {
    "list_sep": "、",
    "held": "（{names} 取其设定值）",
    "no_ranges": "不读取任何数值假设{held}：结论只取决于数据",
    "span": "{p} 从 {lo:g} 到 {hi:g}",
    "holds": "在 {spans} 的整个范围内、以及全部 {draws:,} 次联合抽样中，结论都是“{label}”",
    "flip": "{parameter} 不超过 {below:g} 时为“{before}”，从 {above:g} 起为“{after}”",
    "flip_sep": "；",
    "joint": "{draws:,} 次联合抽样中有 {joint:.0%} 得出“{label}”",
    "flips": "；{flips}",
    "no_flip": "；没有哪一个假设能单独改变结论",
}
