"""Chinese counterpart of `aicloud.analysis.maas_price_war_page`: its sentences come from the chapter's text
module (`aicloud.zh.analysis.maas_price_war_text`); its table labels, chart categories and titles written inline
are translated by display.po."""

from __future__ import annotations

BY_CATALOGUE = {f: "labels, categories and titles: display.po" for f in (
    "fmt_price", "titles_of", "_cut_table", "_cuts_long", "_moves", "_trend", "_volumes", "_shares", "_revenue",
    "_model", "_stack", "unit_cost_rmb")}
