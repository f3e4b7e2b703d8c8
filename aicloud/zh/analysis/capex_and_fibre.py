"""Chinese counterpart of `aicloud.analysis.capex_and_fibre`: its sentences live in `capex_and_fibre_text`
(see `aicloud.zh.analysis.capex_and_fibre_text`); the short figures its rules and tests write inline are
translated by display.po patterns."""

from __future__ import annotations

BY_CATALOGUE = {f: "figures and categories: display.po" for f in (
    "FULL_YEAR", "annual_spending", "nvidia_fiscal_years", "sequoia_essays", "pledge_and_department",
    "analogy_tests", "fibre_analogy")}
# Their sentences are made by the text module's counterparts (rejected_reason; revenue_figures reads the case label).
BY_CATALOGUE.update({f: "sentences from the text module" for f in ("sequoia_rejected", "revenue_cases")})
