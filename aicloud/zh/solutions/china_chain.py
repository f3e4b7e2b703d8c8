"""Chinese counterpart of `aicloud.solutions.china_chain`: the exercise answers' sentences. Verdict labels and the
parameter's name come in as fields (labels in Chinese through the display catalogue; the name as written)."""

from __future__ import annotations

from aicloud.i18n import templates

BY_CATALOGUE = {"answers": "'none' and 'unchanged' written inline: display.po"}

TEXT = templates({
    "ratio": "{cloud} {ratio:.2f}",
    "flip": "当 min_share_gain_pp 从 {below:g} 变到 {above:g} 时，C37 的结论从“{before}”变为“{after}”。",
    "no_flip": "在 min_share_gain_pp 的整个文档区间内，C37 的结论始终是“{label}”。",
})
