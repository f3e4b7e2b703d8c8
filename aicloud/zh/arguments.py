"""Chinese counterpart of `aicloud.arguments`: why each of the article's 25 arguments is reproduced fully, partly
or not. Chapter and model names stay as identifiers (they name files); the status words and the table's column
names are shown in Chinese by the display catalogue."""

from __future__ import annotations

from aicloud.i18n import templates

# Compared by `counts` and the pages: stay English, shown through display.po.
KEYS = ("FULLY", "PARTLY", "NOT")
BY_CATALOGUE = {"coverage": "column names and 'not needed'/'none': display.po"}

TEXT = templates({
    "why_fully": "在 {where} 中有证据、图表{model}和重新运行的路径",
    "model_yes": "、模型（{models}）",
    "model_na": "",
    "why_missing": "缺少：{missing}",
    "why_not": "没有任何章节的小节提到 {claims}",
    "missing_evidence": "根据数据计算的小节",
    "missing_chart": "图表",
    "missing_model": "模型（{models}）",
    "missing_rerun": "重新运行的路径",
})
