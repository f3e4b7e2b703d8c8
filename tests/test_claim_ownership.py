"""Each claim has exactly one owning chapter: the one its `chapter` column in data/claims.csv names. That chapter's
analysis has the claim's rule and its page records the verdict; no other chapter does either, so the ledger never
holds two verdicts on one claim (the later chapter's would silently win)."""

import importlib
import re

import pytest

from aicloud import data, pipeline
from aicloud.analysis import rules_of

CLAIMS = data.load("claims")
CHAPTERS = [ch.name for ch in pipeline.chapters()]
RECORDED = re.compile(r"\{glue:text\}`(C\d\d)_verdict`")


def owned(chapter: str) -> set[str]:
    return set(CLAIMS.loc[CLAIMS["chapter"] == chapter, "id"])


def analysis_module(chapter: str):
    try:
        return importlib.import_module(f"aicloud.analysis.{chapter}")
    except ModuleNotFoundError:
        return None


def test_every_claim_names_a_chapter_of_the_book():
    assert set(CLAIMS["chapter"]) <= set(CHAPTERS)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapters_rules_are_exactly_the_claims_it_owns(chapter):
    module = analysis_module(chapter)
    rules = set(rules_of(module)) if module is not None else set()
    assert rules == owned(chapter), (f"{chapter}: rules for {sorted(rules - owned(chapter))} it does not own, "
                                     f"none for {sorted(owned(chapter) - rules)}")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapters_page_shows_verdicts_only_on_claims_it_owns(chapter):
    text = (data.ROOT / "notebooks" / f"{chapter}.md").read_text(encoding="utf-8")
    shown = set(RECORDED.findall(text))
    assert shown <= owned(chapter), f"{chapter} shows verdicts on {sorted(shown - owned(chapter))}"


def test_each_claim_is_ruled_on_by_one_chapter_only():
    by_claim: dict[str, list[str]] = {}
    for chapter in CHAPTERS:
        module = analysis_module(chapter)
        for claim in rules_of(module) if module is not None else {}:
            by_claim.setdefault(claim, []).append(chapter)
    assert sorted(by_claim) == sorted(CLAIMS["id"])
    assert {c: chs for c, chs in by_claim.items() if len(chs) > 1} == {}
