"""Scenario files: a valid file gives the chapters' overrides; a file that is too big, too deep, an alias bomb,
of the wrong shape or naming unknown things is refused with one message naming the place."""

import os
from pathlib import Path

import jsonschema
import pytest

from aicloud import book, data, scenario
from aicloud.scenario import ScenarioError

HOSTILE = Path(__file__).parent / "hostile"


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_scenario_gives_each_chapter_its_data_and_parameters(tmp_path):
    path = write(tmp_path, "name: next year!\ndescription: test\ndata:\n  gpu_buyers: mine/buyers.csv\n"
                           "chapters:\n  gpu_allocation:\n    parameters: {unit_price_usd: 30000}\n"
                           "    data: {sources: src.csv}\n  maas_price_war:\n")
    spec = scenario.load(path)
    assert spec.name == "next-year"
    gpu = book.chapter("gpu_allocation")
    overrides = spec.parameters_for(gpu)
    assert overrides["unit_price_usd"] == 30000
    assert overrides["gpu_buyers_csv"] == str(tmp_path / "mine" / "buyers.csv")  # relative to the file
    assert overrides["sources_csv"] == str(tmp_path / "src.csv")
    assert "gpu_buyers_csv" not in spec.parameters_for(book.chapter("introduction"))  # it does not read it


def test_an_empty_scenario_is_the_default_named_after_its_file(tmp_path):
    spec = scenario.load(write(tmp_path, "# nothing\n", "plain.yaml"))
    assert spec.name == "plain" and spec.data == {} and spec.chapters == {}


@pytest.mark.parametrize("text,expected", [
    ("../../etc: 1\n", "unknown key '../../etc'"),
    ("name: ../../../etc/x\n", None),
])
def test_names_are_made_safe_for_a_folder(tmp_path, text, expected):
    path = write(tmp_path, text)
    if expected:
        with pytest.raises(ScenarioError, match=expected):
            scenario.load(path)
    else:
        name = scenario.load(path).name
        assert "/" not in name and ".." not in name and name == "etc-x"


def test_a_long_name_is_cut_to_the_limit(tmp_path):
    assert len(scenario.load(write(tmp_path, "name: " + "a" * 150 + "\n")).name) == scenario.MAX_NAME


@pytest.mark.parametrize("text,expected", [
    ("chapter:\n  gpu_allocation: {}\n", "unknown key 'chapter'. Did you mean 'chapters'?"),
    ("chapters:\n  gpu_alocation: {}\n", "chapters: unknown chapter 'gpu_alocation'. Did you mean 'gpu_allocation'?"),
    ("data:\n  gpu_buyer: x.csv\n", "data: unknown data resource 'gpu_buyer'. Did you mean 'gpu_buyers'?"),
    ("chapters:\n  gpu_allocation:\n    parameter: {}\n", "chapters.gpu_allocation: unknown key 'parameter'"),
    ("chapters: [gpu_allocation]\n", "chapters: expected a mapping or empty, got a list"),
    ("chapters:\n  gpu_allocation:\n    parameters:\n      unit_price_usd: [1, 2]\n",
     "chapters.gpu_allocation.parameters.unit_price_usd: expected text or a number or true or false, got a list"),
    ("data:\n  gpu_buyers: {a: b}\n", "data.gpu_buyers: expected text, got a mapping"),
    ("data: buyers.csv\n", "data: expected a mapping or empty, got text"),
    ("name: [a, b]\n", "name: expected text or a number, got a list"),
    ("- a\n- b\n", "expected a mapping with keys name, description, data, chapters"),
    ("1: x\n", "unknown key '1'"),
    ("name: !!python/object/apply:os.getcwd []\n", "not readable as YAML"),
    ("name: [unclosed\n", "not readable as YAML"),
    ('data:\n  gpu_buyers: "a\\x00b.csv"\n', "data.gpu_buyers: text must not contain control characters"),
])
def test_a_malformed_scenario_is_refused_naming_the_place(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as err:
        scenario.load(path)
    assert str(path) in str(err.value) and expected in str(err.value)


def test_an_alias_bomb_is_refused_before_it_is_expanded():
    with pytest.raises(ScenarioError, match="more than 10,000 values once YAML aliases are expanded"):
        scenario.load(HOSTILE / "billion_laughs.yaml")


def test_aliases_within_the_limit_are_read(tmp_path):
    path = write(tmp_path, "data: &d\n  gpu_buyers: b.csv\nchapters:\n  gpu_allocation:\n    data: *d\n")
    assert scenario.load(path).chapters["gpu_allocation"]["data"] == {"gpu_buyers": tmp_path / "b.csv"}


@pytest.mark.parametrize("text", ["chapters:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(20)),
                                  "name: " + "[" * 20 + "]" * 20 + "\n"])
def test_nesting_deeper_than_the_limit_is_refused(tmp_path, text):
    with pytest.raises(ScenarioError, match="nested more than 16 levels"):
        scenario.load(write(tmp_path, text))


def test_a_file_over_the_size_limit_is_refused_unparsed(tmp_path):
    path = write(tmp_path, "description: " + "x" * scenario.MAX_BYTES + "\n")
    with pytest.raises(ScenarioError, match=f"the limit is {scenario.MAX_BYTES:,} bytes"):
        scenario.load(path)


def test_only_a_readable_regular_utf8_file_is_read(tmp_path):
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    for path, expected in ((fifo, "not a regular file"), (tmp_path, "is a directory"),
                           (tmp_path / "missing.yaml", "does not exist"), (HOSTILE / "not_utf8.yaml", "not UTF-8")):
        with pytest.raises(ScenarioError, match=expected):
            scenario.load(path)


def test_the_schema_is_a_valid_json_schema_naming_the_projects_chapters_and_resources():
    schema = scenario.schema([c.name for c in book.chapters()], data.resource_names())
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["properties"]["chapters"]["propertyNames"]["enum"] == [c.name for c in book.chapters()]


def test_data_given_on_the_command_line_must_be_resource_equals_path():
    with pytest.raises(ScenarioError, match="expected RESOURCE=PATH"):
        scenario.parse_data_args(["gpu_buyers"])
    with pytest.raises(ScenarioError, match="Did you mean 'gpu_buyers'"):
        scenario.parse_data_args(["gpu_buyer=x.csv"])
