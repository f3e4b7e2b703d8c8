"""The house palettes stay distinguishable for readers with deuteranopia or protanopia (aicloud.palette)."""

import itertools

import pytest

from aicloud import charts, palette


@pytest.mark.parametrize(("one", "two", "expected"), [
    # Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 17 and 25.
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
])
def test_ciede2000_matches_the_published_test_data(one, two, expected):
    assert palette.ciede2000(one, two) == pytest.approx(expected, abs=1e-4)


def test_the_simulation_merges_red_and_green_for_deuteranopia_only():
    red, green = "#e45756", "#54a24b"  # the old "contradicted" and "supported"
    assert palette.distance(red, green) > 30
    assert palette.distance(red, green, "deuteranopia") < 3


def test_a_palette_that_confuses_readers_is_reported():
    found = palette.problems(["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b"])  # Vega's tableau10, cut
    assert any("deuteranopia" in p for p in found) and any("protanopia" in p for p in found)


@pytest.mark.parametrize("name", ["PALETTE", "VERDICT_COLORS", "REGION_COLORS"])
def test_every_house_palette_is_distinguishable_with_colour_vision_deficiencies(name):
    colors = getattr(charts, name)
    colors = list(colors.values()) if isinstance(colors, dict) else colors
    assert len(set(colors)) == len(colors), f"{name} repeats a colour"
    assert palette.problems(colors) == []


def test_the_verdicts_that_matter_most_are_far_apart_for_every_reader():
    c = charts.VERDICT_COLORS
    for vision in palette.VISIONS:
        assert palette.distance(c["supported"], c["contradicted"], vision) >= 2 * palette.MIN_DISTANCE


def test_organisations_shown_together_get_distinguishable_colours():
    orgs = [n for n in charts.VENDOR_COLORS if n not in charts.ORGANISATION]  # not the same firms' other names
    assert set(charts.VENDOR_COLORS.values()) <= set(charts.PALETTE)
    for group in itertools.combinations(orgs, len(charts.PALETTE)):
        colors = charts.vendor_colors(group)
        assert len(set(colors)) == len(group) and set(colors) <= set(charts.PALETTE), group


def test_an_organisations_other_names_keep_its_colour_in_one_chart():
    colors = charts.vendor_colors(["Alibaba", "Alibaba Cloud", "Qwen", "ByteDance", "Volcano Engine", "Doubao"])
    assert colors[:3] == [charts.VENDOR_COLORS["Alibaba"]] * 3 and colors[3:] == [colors[3]] * 3


def test_an_unknown_organisation_never_takes_a_colour_already_in_its_chart():
    names = ["Microsoft", "Meta", "Zhipu", "Moonshot", "MiniMax", "StepFun", "01.AI"]
    colors = charts.vendor_colors(names)
    assert len(set(colors)) == len(names)
    assert charts.vendor_colors(["Google", "Alphabet"]) == [charts.VENDOR_COLORS["Google"]] * 2


def test_a_chart_naming_an_unsafe_scheme_gets_the_house_palette():
    spec = {"encoding": {"color": {"field": "case", "scale": {"scheme": "tableau10"}}}}
    fixed = charts.safe_colors(spec)["encoding"]["color"]["scale"]
    assert fixed == {"range": charts.PALETTE}
    assert charts.safe_colors({"scale": {"scheme": "blues"}}) == {"scale": {"scheme": "blues"}}  # sequential: kept
