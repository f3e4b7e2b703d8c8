"""Chinese counterpart of `aicloud.analysis.capex_and_fibre`: its sentences live in `capex_and_fibre_text`
(see `aicloud.zh.analysis.capex_and_fibre_text`); the short figures its rules and tests write inline are
translated by display.po patterns."""

from __future__ import annotations

BY_CATALOGUE = {f: "figures and categories: display.po" for f in (
    "FULL_YEAR", "annual_spending", "nvidia_fiscal_years", "sequoia_essays", "pledge_and_department",
    "analogy_tests", "fibre_analogy")}
