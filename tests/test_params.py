"""The parameter reader: a chapter's `parameters` cell is its documented interface. Every number has a domain,
values are typed, finite and inside it, and low/central/high families are in order."""

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicloud import book, data, params
from aicloud.params import Parameter, ParameterError

CELL = """# A chapter

```{{code-cell}} ipython3
:tags: [parameters]
{lines}
```
"""


def notebook(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "chapter.md"
    path.write_text(CELL.format(lines="\n".join(lines)), encoding="utf-8")
    return path


def test_a_cell_is_read_with_types_defaults_help_domains_and_resources(tmp_path):
    found = params.read(notebook(
        tmp_path, 'gpu_buyers_csv: str = "data/gpu_buyers.csv"  # resource gpu_buyers',
        "price: float = 2.5  # assumption: a price, USD (range 1 to 4.5)",
        "# a comment line is skipped", "",
        "seed: int = 7  # random seed (range 0 to 4294967295)", "strict: bool = True  # a switch"))
    assert [(p.name, p.type, p.default) for p in found] == [
        ("gpu_buyers_csv", "str", "data/gpu_buyers.csv"), ("price", "float", 2.5), ("seed", "int", 7),
        ("strict", "bool", True)]
    assert found[0].resource == "gpu_buyers" and found[1].resource is None
    assert found[1].is_assumption and not found[2].is_assumption
    assert (found[1].low, found[1].high, found[1].domain) == (1.0, 4.5, "1 to 4.5")
    assert found[2].domain == "0 to 4294967295" and found[3].domain == ""


@pytest.mark.parametrize("line", ["n_draws: int = 1000  # Monte Carlo draws",
                                  "rate: float = 0.5  # assumption: a share, no range given",
                                  "rate: float = 0.5"])
def test_a_number_without_a_documented_domain_is_refused(tmp_path, line):
    with pytest.raises(ParameterError, match=r"line 1 .*needs a documented domain; end its help with '\(range LOW"):
        params.read(notebook(tmp_path, line))


@pytest.mark.parametrize("line,expected", [
    ("x: float = 1.0  # (range 5 to 2)", "the lower first"),
    ("x: float = 1.0  # (range 0 to 1e999)", "two finite numbers"),
    ("x: int = 1  # (range 0 to 1e30)", "within"),
    ("x: float = 7.0  # (range 0 to 5)", "the default does not fit"),
    ("x: int = 2.5  # (range 0 to 5)", "the default does not fit"),
    ("x: float = 1 + ...  # (range 0 to 5)", "not a literal"),
    ("x = 1  # no type", "is not 'name: type = value"),
    ("x: list = [1]  # a list", "is not 'name: type = value"),
])
def test_a_broken_domain_default_or_line_is_refused_naming_the_line(tmp_path, line, expected):
    with pytest.raises(ParameterError, match=expected) as err:
        params.read(notebook(tmp_path, "ok: str = 'a'  # fine", line))
    assert "chapter.md" in str(err.value) and "line 2" in str(err.value)


def test_a_notebook_without_a_parameters_cell_is_refused(tmp_path):
    path = tmp_path / "none.md"
    path.write_text("# Nothing\n\n```{code-cell} ipython3\nx = 1\n```\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="no code cell tagged 'parameters'"):
        params.read(path)


FLOAT = Parameter("share", "float", 0.5, "assumption: a share (range 0.2 to 0.6)", 0.2, 0.6)
INT = Parameter("n_draws", "int", 1000, "draws (range 100 to 10000)", 100.0, 10000.0)
TEXT = Parameter("actor", "str", "Tencent", "a company")


@pytest.mark.parametrize("raw,expected", [("0.3", 0.3), (" 0.25 ", 0.25), (0.2, 0.2), ("6e-1", 0.6)])
def test_a_float_in_its_domain_is_accepted_from_text_or_number(raw, expected):
    assert FLOAT.coerce(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("nan", "must be a finite number"), ("inf", "must be a finite number"), ("-inf", "must be a finite number"),
    (math.nan, "must be a finite number"), ("1e999", "must be a finite number"),
    ("0.7", "outside its documented range 0.2 to 0.6"), ("-1", "outside"), ("high", "cannot read 'high' as float"),
    (True, "got bool"), ([0.3], "got list"), (10**400, "must be a finite number"),
])
def test_a_float_that_is_not_finite_or_off_its_domain_is_refused(raw, expected):
    with pytest.raises(ParameterError, match=expected):
        FLOAT.coerce(raw)


@pytest.mark.parametrize("raw,expected", [
    ("0", "outside its documented range 100 to 10000"), ("-3", "outside"), ("99999999999999999999999", "outside"),
    ("9" * 5000, "cannot read"), ("1.5", "cannot read"), (1.5, "got float"), (False, "got bool"),
])
def test_an_integer_off_its_domain_or_not_whole_is_refused(raw, expected):
    with pytest.raises(ParameterError, match=expected):
        INT.coerce(raw)


def test_an_integer_may_be_written_with_underscores():
    assert INT.coerce("1_000") == 1000


@pytest.mark.parametrize("raw,expected", [("x" * 1001, "at most 1,000 characters"), ("a\x00b", "control"),
                                          (3, "got int")])
def test_text_is_bounded_and_free_of_control_characters(raw, expected):
    with pytest.raises(ParameterError, match=expected):
        TEXT.coerce(raw)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_float_is_accepted_exactly_when_finite_and_inside_its_domain(value):
    inside = math.isfinite(value) and 0.2 <= value <= 0.6
    if inside:
        assert FLOAT.coerce(value) == value
    else:
        with pytest.raises(ParameterError):
            FLOAT.coerce(value)


def family(*names: str) -> list[Parameter]:
    return [Parameter(n, "float", 1.0, "assumption: the central value (range 0 to 10)", 0.0, 10.0) for n in names]


@pytest.mark.parametrize("names,values", [
    (("margin_low", "margin_central", "margin_high"), (0.5, 0.4, 0.6)),
    (("margin_low", "margin_central", "margin_high"), (0.2, 0.7, 0.6)),
    (("price_low_usd", "price_usd", "price_high_usd"), (3.0, 2.0, 4.0)),
    (("cash_months_low", "cash_months", "cash_months_high"), (6.0, 24.0, 5.0)),
    (("rate_low", "rate_high"), (2.0, 1.0)),
])
def test_a_low_end_above_its_central_value_or_high_end_is_refused(names, values):
    with pytest.raises(ParameterError, match="is above"):
        params.check_order(family(*names), dict(zip(names, values)))


@pytest.mark.parametrize("values", [(0.2, 0.4, 0.6), (0.4, 0.4, 0.4)])
def test_an_ordered_family_is_accepted(values):
    names = ("margin_low", "margin_central", "margin_high")
    params.check_order(family(*names), dict(zip(names, values)))


def test_a_value_beside_a_low_high_pair_is_checked_only_if_it_is_their_central_value():
    pair = [Parameter("utilisation_low", "float", 0.5, "a poorly scheduled fleet (range 0 to 1)", 0.0, 1.0),
            Parameter("utilisation", "float", 0.6, "the common basis (range 0 to 1)", 0.0, 1.0),
            Parameter("utilisation_high", "float", 0.8, "a well scheduled fleet (range 0 to 1)", 0.0, 1.0)]
    params.check_order(pair, {"utilisation_low": 0.5, "utilisation": 0.45, "utilisation_high": 0.8})
    with pytest.raises(ParameterError, match="utilisation_low = 0.9 is above utilisation_high = 0.8"):
        params.check_order(pair, {"utilisation_low": 0.9, "utilisation": 0.45, "utilisation_high": 0.8})


def test_ordered_names_follow_the_naming_convention():
    chains = data.ordered_columns(["amount_bn", "amount_high_bn", "period_start", "period_end", "x_low", "x_high",
                                   "unrelated", "price_low_usd", "price_usd", "price_high_usd"])
    assert sorted(chains) == sorted([("amount_bn", "amount_high_bn"), ("period_start", "period_end"),
                                     ("x_low", "x_high"), ("price_low_usd", "price_usd", "price_high_usd")])


def test_resolving_refuses_an_unordered_family_before_any_kernel():
    ch = book.chapter("gpu_allocation")
    with pytest.raises(book.BookError, match="unit_price_low_usd = 29000 is above unit_price_usd = 25000"):
        ch.resolve({"unit_price_low_usd": 29000})


@pytest.mark.parametrize("ch", book.chapters(), ids=lambda c: c.name)
def test_every_chapter_documents_a_domain_for_every_number_and_its_defaults_are_ordered(ch):
    declared = params.read(ch.source)  # refuses a number without a domain
    numbers = [p for p in declared if p.type in ("int", "float")]
    assert all(p.low is not None and p.low <= p.default <= p.high for p in numbers)
    params.check_order(declared, {p.name: p.default for p in declared})


def test_an_end_pairs_only_with_its_start():
    assert data.ordered_columns(["fiscal_year", "fiscal_year_end", "period", "period_end"]) == []
