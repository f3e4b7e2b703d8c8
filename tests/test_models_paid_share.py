"""The paid-share triangulation: IDC's external-call tokens against a vendor's announced all-channel volumes."""

from __future__ import annotations

from datetime import date

import pytest

from aicloud import data, params
from aicloud.analysis import maas_price_war as mpw
from aicloud.analysis import maas_price_war_page as page
from aicloud.models import paid_share as ps


def test_a_constant_rate_integrates_to_rate_times_days_either_way():
    points = [(date(2024, 1, 1), 10.0), (date(2025, 1, 1), 10.0)]
    for method in ps.METHODS:
        tokens, first = ps.integrate_rate(points, date(2024, 1, 1), date(2024, 1, 10), method)
        assert tokens == pytest.approx(100.0) and first == date(2024, 1, 1)


def test_linear_interpolation_counts_more_tokens_than_steady_growth():
    points = [(date(2024, 1, 1), 1.0), (date(2024, 12, 31), 100.0)]
    log, _ = ps.integrate_rate(points, date(2024, 1, 1), date(2024, 12, 30), "log")
    linear, _ = ps.integrate_rate(points, date(2024, 1, 1), date(2024, 12, 30), "linear")
    assert linear > log > 0
    assert linear == pytest.approx(365 * 50.5, rel=1e-9)   # mean of a straight line from 1 to 100


def test_nothing_is_extrapolated_before_the_first_announcement():
    points = [(date(2024, 5, 1), 1.0), (date(2024, 12, 31), 1.0)]
    tokens, first = ps.integrate_rate(points, date(2024, 1, 1), date(2024, 12, 31), "log")
    # up to the last announcement, not beyond it
    assert first == date(2024, 5, 1) and tokens == pytest.approx((date(2024, 12, 31) - date(2024, 5, 1)).days)


def test_a_period_the_announcements_do_not_reach_gives_no_estimate():
    points = [(date(2026, 1, 1), 1.0), (date(2026, 6, 1), 2.0)]
    assert ps.triangulate({"2024": 10.0}, points) == []
    assert ps.summarise([]) is None


def test_share_is_external_over_all_channel_tokens():
    points = [(date(2024, 1, 1), 10.0), (date(2025, 1, 1), 10.0)]
    (est, _) = ps.triangulate({"2024-H1": 182.0 * 10 * 0.25}, points)
    assert est.share == pytest.approx(0.25)


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="method"):
        ps.integrate_rate([], date(2024, 1, 1), date(2024, 2, 1), "cubic")


def test_the_documented_paid_share_sits_at_or_below_the_derived_span_and_its_range_covers_it():
    """The paid share can only be lower than the external-call share IDC counts (review 1 #11), so the default
    sits at or below the lowest estimate, and so does the documented range (review3 B6: the page calls a share
    above the lowest estimate impossible, so the range must not draw it)."""
    tables = data.Tables()   # every table the chapter reads, each from its default file
    estimates, _ = page.paid_share_estimates(mpw.prepare(tables))
    span = ps.summarise(estimates)
    assert span.n == 4   # 2024 and 2025-H1, two interpolations each
    param = next(p for p in params.read("maas_price_war") if p.name == "paid_token_share")
    assert param.help.startswith("assumption:")
    assert param.default <= span.low
    assert param.low < param.default <= param.high <= span.low
