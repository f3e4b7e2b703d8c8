"""The data package: every resource validates, every row is sourced, and bad files are refused clearly."""

from pathlib import Path

import pandas as pd
import pytest

from aicloud import data

BAD = Path(__file__).parent / "bad_data"


@pytest.mark.parametrize("name", data.resource_names())
def test_every_resource_of_the_package_validates(name):
    frame = data.load(name)
    assert len(frame) > 0


@pytest.mark.parametrize("name", [n for n in data.resource_names() if n != "sources"])
def test_every_resource_has_a_source_id_column_with_a_foreign_key(name):
    schema = data.resource(name)["schema"]
    assert "source_id" in [f["name"] for f in schema["fields"]]
    assert any(fk["reference"]["resource"] == "sources" for fk in schema.get("foreignKeys", []))
    assert schema.get("primaryKey"), f"{name} has no primary key"


@pytest.mark.parametrize("name", [n for n in data.resource_names() if n != "sources"])
def test_every_row_cites_a_known_source(name):
    ids = set(data.load("sources")["id"])
    assert set(data.load(name)["source_id"]) <= ids


@pytest.mark.parametrize("name", data.resource_names())
def test_every_numeric_column_declares_a_unit(name):
    # Long tables (one figure per row) carry the unit in a `unit` column instead.
    columns = [f["name"] for f in data.fields(name)]
    for field in data.fields(name):
        if field.get("type") == "number":
            assert field.get("unit") or "unit" in columns, f"{name}.{field['name']} has no unit"


def test_load_returns_typed_columns():
    buyers = data.load("gpu_buyers")
    assert buyers["units"].dtype == "int64"
    assert buyers["approximate"].dtype == bool
    events = data.load("gpu_supply_events")
    assert pd.api.types.is_datetime64_any_dtype(events["date"])


CASES = [
    # file, resource, words expected in the problem, row, column
    ("empty.csv", "gpu_buyers", "file is empty", None, None),
    ("header_only.csv", "gpu_buyers", "no data rows", None, None),
    ("wrong_delimiter.csv", "gpu_buyers", "wrong delimiter", 1, None),
    ("missing_column.csv", "gpu_buyers", "missing column", 1, "units"),
    ("extra_column.csv", "gpu_buyers", "unknown column", 1, "comment"),
    ("wrong_type.csv", "gpu_buyers", "type integer", 3, "units"),
    ("negative_value.csv", "gpu_buyers", "minimum", 3, "units"),
    ("not_in_enum.csv", "gpu_buyers", "enum", 3, "region"),
    ("out_of_range_year.csv", "gpu_buyers", "minimum", 3, "year"),
    ("duplicate_key.csv", "gpu_buyers", "primary key", 3, "year,buyer"),
    ("unknown_source.csv", "gpu_buyers", "foreign key", 3, "source_id"),
    ("formula.csv", "gpu_buyers", "spreadsheet formula", 3, "buyer"),
    ("latin1.csv", "gpu_buyers", "not UTF-8", 4, None),
    ("ragged_row.csv", "gpu_buyers", "8 cells", 2, None),
    ("date_wrong_format.csv", "gpu_supply_events", "YYYY-MM-DD", 2, "date"),
    ("date_impossible.csv", "gpu_supply_events", "YYYY-MM-DD", 2, "date"),
]


@pytest.mark.parametrize("file,resource,words,row,column", CASES, ids=[c[0] for c in CASES])
def test_a_bad_file_is_refused_naming_file_row_column_and_rule(file, resource, words, row, column):
    problems = data.check(BAD / file, resource)
    assert problems, f"{file} was accepted"
    hit = [p for p in problems if words in p.rule]
    assert hit, f"no problem mentions {words!r}: {[str(p) for p in problems]}"
    assert hit[0].file.endswith(file)
    assert hit[0].row == row
    assert hit[0].column == column


def test_load_raises_a_data_error_whose_message_names_the_rule():
    with pytest.raises(data.DataError) as err:
        data.load("gpu_buyers", BAD / "negative_value.csv")
    assert "negative_value.csv, row 3, column 'units'" in str(err.value)
    assert "minimum" in str(err.value)


def test_a_byte_order_mark_is_accepted():
    frame = data.load("gpu_buyers", BAD / "bom.csv")
    assert list(frame.columns)[0] == "year"
    assert len(frame) == 2


def test_html_in_a_label_is_accepted_as_plain_text():
    frame = data.load("gpu_buyers", BAD / "html_label.csv")
    assert "<script>alert(1)</script> Cloud" in frame["buyer"].tolist()


def test_a_missing_path_is_reported_as_missing(tmp_path):
    problems = data.check(tmp_path / "nope.csv", "gpu_buyers")
    assert problems[0].rule == "file does not exist"


def test_a_directory_is_refused(tmp_path):
    problems = data.check(tmp_path, "gpu_buyers")
    assert "directory" in problems[0].rule


def test_an_unknown_resource_suggests_the_closest_name():
    with pytest.raises(KeyError, match="Did you mean 'gpu_buyers'"):
        data.resource("gpu_buyer")


def test_a_file_at_the_row_limit_is_validated_and_a_million_rows_are_refused_unread(tmp_path):
    header = "year,buyer,region,buyer_type,product,units,approximate,in_article,source_id\n"

    def rows(n: int) -> str:
        return "".join(f"2023,Buyer {i},US,cloud,H100,{i % 1000},false,false,gpu-omdia-2023-toms\n" for i in range(n))

    path = tmp_path / "at_limit.csv"
    path.write_text(header + rows(data.MAX_ROWS), encoding="utf-8")
    assert len(data.load("gpu_buyers", path)) == data.MAX_ROWS
    path = tmp_path / "million.csv"
    path.write_text(header + rows(1_000_000), encoding="utf-8")
    problems = data.check(path, "gpu_buyers")
    assert len(problems) == 1 and f"the limit is {data.MAX_BYTES:,} bytes" in problems[0].rule


def test_a_file_past_the_row_limit_is_refused_with_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "MAX_ROWS", 10)
    path = tmp_path / "many.csv"
    path.write_text("year,buyer,region,buyer_type,product,units,approximate,in_article,source_id\n" + "".join(
        f"2023,B{i},US,cloud,H100,1,false,false,gpu-omdia-2023-toms\n" for i in range(11)), encoding="utf-8")
    problems = data.check(path, "gpu_buyers")
    assert "limit is 10" in problems[0].rule


def test_problems_of_one_kind_are_summarised_past_the_listing_limit(tmp_path):
    path = tmp_path / "bad_units.csv"
    path.write_text("year,buyer,region,buyer_type,product,units,approximate,in_article,source_id\n" + "".join(
        f"2023,B{i},US,cloud,H100,x,false,false,gpu-omdia-2023-toms\n" for i in range(100)), encoding="utf-8")
    problems = data.check(path, "gpu_buyers")
    assert len([p for p in problems if p.row is not None]) == data.MAX_LISTED_PER_RULE
    assert "80 more rows" in problems[-1].rule


def test_loading_never_writes_into_the_data_folder(tmp_path):
    before = {p: p.stat().st_mtime_ns for p in data.DATA_DIR.iterdir()}
    data.check(BAD / "wrong_type.csv", "gpu_buyers")
    data.load("gpu_buyers")
    assert {p: p.stat().st_mtime_ns for p in data.DATA_DIR.iterdir()} == before


def test_names_differing_only_by_case_or_spaces_are_one_name(tmp_path):
    """review3 B16: 'tencent' and 'Meta ' passed `check` and appeared as separate buyers. Loading gives a name
    the spelling of the known name it matches case-insensitively (or the column's most common spelling), and a
    row that then repeats a key is refused, naming file, row and column."""
    header = "year,buyer,region,buyer_type,product,units,approximate,in_article,source_id\n"
    ok = tmp_path / "ok.csv"
    ok.write_text(header + "2023,tencent,China,cloud,H100,50000,false,true,gpu-omdia-2023-toms\n"
                  "2023,Zeta Cloud ,China,cloud,H100,100,false,false,gpu-omdia-2023-toms\n"
                  "2024,zeta cloud,China,cloud,H100,100,false,false,gpu-omdia-2023-toms\n"
                  "2024, Zeta Cloud,China,cloud,H100,100,false,false,gpu-omdia-2023-toms\n".replace(
                      "2024, Zeta Cloud", "2022,Zeta Cloud"), encoding="utf-8")
    frame = data.load("gpu_buyers", ok)
    assert list(frame["buyer"]) == ["Tencent", "Zeta Cloud", "Zeta Cloud", "Zeta Cloud"]
    dup = tmp_path / "dup.csv"
    dup.write_text(header + "2023,Meta,US,platform,H100,150000,false,true,gpu-omdia-2023-toms\n"
                   "2023,meta ,US,platform,H100,10000,false,false,gpu-omdia-2023-toms\n", encoding="utf-8")
    problems = data.check(dup, "gpu_buyers")
    assert len(problems) == 1 and problems[0].row == 3 and "primary key" in problems[0].rule
    assert "ignoring case and surrounding spaces" in problems[0].rule
