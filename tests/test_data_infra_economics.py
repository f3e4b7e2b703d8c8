"""The infra economics data, default and alternative, are valid against the schema and internally consistent."""

from pathlib import Path

import pytest

from aicloud import data

RESOURCES = ["infra_deepseek_disclosure", "infra_serving_throughput", "infra_accelerators", "infra_supernodes",
             "infra_rental_prices", "infra_agent_multiples", "infra_org_events"]
ALT = Path(data.ROOT) / "tests" / "data" / "infra_economics"


@pytest.mark.parametrize("name", RESOURCES)
def test_every_default_resource_loads_and_cites_known_sources(name):
    assert len(data.load(name)) > 0


@pytest.mark.parametrize("name", RESOURCES)
def test_every_alternative_resource_is_valid_against_the_schema(name):
    assert data.check(ALT / f"{name}.csv", name, overrides={"sources": ALT / "sources.csv"}) == []


def test_the_published_daily_cost_follows_from_the_published_inputs():
    d = data.load("infra_deepseek_disclosure").set_index("metric")["value"]
    assert d["average_nodes"] * d["gpus_per_node"] * d["hours"] * d["usd_per_gpu_hour"] == d["daily_cost"]


def test_cache_hits_do_not_exceed_input_tokens():
    d = data.load("infra_deepseek_disclosure").set_index("metric")["value"]
    assert d["cache_hit_tokens"] <= d["input_tokens"]


def test_the_tencent_ai_infra_department_is_dated_17_december_2025():
    events = data.load("infra_org_events").set_index("event_id")
    assert f"{events.loc['tencent-ai-infra-dept', 'date']:%Y-%m-%d}" == "2025-12-17"
