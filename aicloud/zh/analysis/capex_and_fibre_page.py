"""Chinese counterpart of `aicloud.analysis.capex_and_fibre_page`: its sentences come from the chapter's text
module; the subtitles, table labels and case names it writes inline are translated by display.po patterns."""

from __future__ import annotations

BY_CATALOGUE = {f: "subtitles, table labels, cases: display.po" for f in (
    "spending", "capital_bases", "payback", "comparisons", "cash_basis_total", "prices", "analogy")}
