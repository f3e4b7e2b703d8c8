"""Chinese counterpart of `aicloud.analysis.infra_economics`: the rules' sentences come from the chapter's text
module; the few words they choose inline ("at or above", "none recorded") are translated by display.po."""

from __future__ import annotations

# Keys the rules and the charts compare (whether a figure was published by the article's year): shown in Chinese
# through the display catalogue.
KEYS = ("BY", "AFTER", "UNDATED")
BY_CATALOGUE = {"_disclosure": "'none recorded' and missing figures' names: display.po",
                "domestic_chips_catch_up": "'at or above', 'below', 'at least', 'fewer than': display.po"}
