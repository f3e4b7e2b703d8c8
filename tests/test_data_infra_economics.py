"""The infra economics data, default and alternative, are valid against the schema and internally consistent."""

import re
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


def test_every_accelerator_row_gives_a_bf16_or_an_fp16_figure():
    acc = data.load("infra_accelerators")
    assert (acc["bf16_dense_tflops"].notna() | acc["fp16_dense_tflops"].notna()).all()


def test_huaweis_own_910c_figure_is_fp16_and_stays_out_of_the_bf16_column():
    acc = data.load("infra_accelerators").set_index(["hardware", "source_id"])
    row = acc.loc[("Ascend 910C", "infra-huawei-hc2025")]
    assert row["fp16_dense_tflops"] == 800 and row["bf16_dense_tflops"] != row["bf16_dense_tflops"]   # empty (NaN)


def test_every_decode_figure_with_a_service_level_states_its_precision():
    runs = data.load("infra_serving_throughput")
    timed = runs[runs["tpot_ms"].notna()]
    assert (timed["phase"] == "decode").all() and timed["precision"].notna().all()


def test_times_per_output_token_derived_from_a_per_user_speed_are_1000_over_that_speed():
    runs = data.load("infra_serving_throughput")
    for _, row in runs.iterrows():
        speed = re.search(r"at (\d+) tokens/s per user", row["conditions"])
        if speed:
            assert row["tpot_ms"] == pytest.approx(1000 / int(speed.group(1)), abs=0.05), row["run_id"]


def test_the_ascend_decode_figure_at_under_50_ms_is_recorded_at_its_service_level():
    runs = data.load("infra_serving_throughput").set_index("run_id")
    assert runs.loc["cm384-decode", "tpot_ms"] == 49.4 and runs.loc["sglang-h100-decode", "tpot_ms"] == 100


def test_only_prefill_figures_count_cache_hits():
    runs = data.load("infra_serving_throughput")
    assert not runs.loc[runs["phase"] == "decode", "cache_hits"].fillna(False).any()
