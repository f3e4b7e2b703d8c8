"""The shared verdict helpers: `after_article` dates evidence against the article."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from aicloud.verdicts import ARTICLE_DATE, after_article


@pytest.mark.parametrize(("when", "after"), [
    ("2025-12-17", False), ("2025-12-18", True), ("2026-02-04", True), ("2025-06-30", False),
    (date(2026, 1, 1), True), (pd.Timestamp("2025-12-31"), True), (pd.Timestamp("2025-12-01"), False),
    ("2026", True), ("2025", True), ("2024", False), ("", False), (None, False), (float("nan"), False),
])
def test_after_article_dates(when: object, after: bool) -> None:
    assert after_article(when) is after


def test_after_article_rows() -> None:
    rows = pd.DataFrame({"period_end": ["2024-12-31", "2025-09-30"], "note": ["", "fine"]})
    assert not after_article(rows)
    assert after_article(rows.assign(period_end=["2024-12-31", "2025-12-31"]))   # a full year 2025 figure
    assert after_article(rows.assign(note=["", "Published after the article's window"]))
    assert after_article([{"date": "2026-05-20"}]) and not after_article([{"date": "2025-05-20"}])
    assert ARTICLE_DATE == date(2025, 12, 17)
