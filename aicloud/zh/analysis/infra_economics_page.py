"""Chinese counterpart of `aicloud.analysis.infra_economics_page`: its sentences come from the chapter's text
module (`aicloud.zh.analysis.infra_economics_text`); the phrases it writes inline and passes into them (a pair of
setups, a difference from a published figure, a span of dates) and its table labels are translated by display.po
patterns."""

from __future__ import annotations

BY_CATALOGUE = {f: "inline phrases, table labels and chart labels: display.po" for f in (
    "disclosure", "serving", "domestic", "supernodes", "agents_section", "price_war", "events")}
