"""Chinese counterpart of `aicloud.analysis.maas_price_war`: the rules' sentences come from the chapter's text
module (`aicloud.zh.analysis.maas_price_war_text`); the few words they choose inline are translated by display.po."""

from __future__ import annotations

from aicloud.zh.analysis.maas_price_war_text import ordinal

ATTRIBUTES = {"_ordinal": ordinal}

BY_CATALOGUE = {f: "inline words and labels: display.po" for f in (
    "model_marketplace", "customers_and_partners", "inference_cost_cut", "layered_industry_model",
    "capability_over_compute", "weak_lock_in", "_base_c16")}
