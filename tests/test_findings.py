"""The key-findings box and the home page's verdicts in brief (aicloud.findings)."""

import re

import pandas as pd
import pytest

from aicloud import charts, findings, palette
from aicloud.analysis import ChapterResult
from aicloud.verdicts import CONTRADICTED, LABELS, NOT_TESTABLE, PARTLY, SUPPORTED, Verdict


@pytest.fixture
def result():
    return ChapterResult(
        values={"spend_text": "Spending rose in 2025"},
        titles={"spend": "The 4 US companies' capex reached USD 384 bn in 2025"},
        verdicts={"C36": Verdict(SUPPORTED, "RMB 380 bn over 3 years", "The pledge is on record."),
                  "C38": Verdict(CONTRADICTED, "holds on 3 of 5 tests", "The analogy breaks on one test.")})


LINES = [findings.Line("What the cloud companies spend", text="spend"),
         findings.Line("C36: the pledge and the new department", claim="C36"),
         findings.Line("C38: the fibre analogy, on comparable bases", claim="C38")]
CLAIMS = {"C36": "Alibaba pledged a record sum", "C38": "Like fibre, AI spending lays a base"}


def test_each_line_states_its_finding_with_its_verdict_and_a_link_to_its_section(result):
    box = findings.box(result, LINES, claims=CLAIMS)
    items = re.findall(r"<li>(.*?)</li>", box)
    assert len(items) == 3
    assert "The 4 US companies&#x27; capex reached USD 384 bn in 2025." in items[0]
    assert "supported" in items[1] and "RMB 380 bn over 3 years." in items[1] and "Alibaba pledged" in items[1]
    assert "contradicted" in items[2] and "supported" not in items[2]
    assert re.findall(r'href="#([^"]+)"', box) == ["what-the-cloud-companies-spend",
                                                   "c36-the-pledge-and-the-new-department",
                                                   "c38-the-fibre-analogy-on-comparable-bases"]


def test_a_line_with_a_claim_and_no_paraphrase_gives_the_deciding_figure(result):
    box = findings.box(result, LINES, claims={})
    assert "Holds on 3 of 5 tests." in box


@pytest.mark.parametrize("n", [2, 6])
def test_a_box_has_three_to_five_lines(result, n):
    with pytest.raises(ValueError, match="3 to 5 lines"):
        findings.box(result, (LINES * 2)[:n], claims=CLAIMS)


def test_an_unknown_title_or_claim_is_named(result):
    with pytest.raises(KeyError, match="'nowhere'"):
        findings.box(result, [*LINES[:2], findings.Line("S", text="nowhere")], claims=CLAIMS)
    with pytest.raises(KeyError, match="C99"):
        findings.box(result, [*LINES[:2], findings.Line("S", claim="C99")], claims=CLAIMS)


def test_text_from_the_data_is_escaped(result):
    result.titles["spend"] = "<script>alert(1)</script> rose"
    box = findings.box(result, LINES, claims=CLAIMS)
    assert "<script>" not in box and "&lt;script&gt;" in box


@pytest.mark.parametrize("label", [*LABELS, "no verdict yet"])
def test_every_verdict_badge_is_readable(label):
    badge = findings.badge(label)
    bg, fg = re.search(r"background:(#\w+);color:(#\w+)", badge).groups()
    assert _contrast(bg, fg) >= 4.5, (label, bg, fg)
    assert bg == charts.VERDICT_COLORS[label]


def _contrast(a, b):
    def lum(c):
        return sum(w * ch for w, ch in zip((0.2126, 0.7152, 0.0722), palette.linear_rgb(c)))
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _ledger(rows):
    return pd.DataFrame(rows, columns=["id", "chapter", "paraphrase", "verdict"])


def test_the_home_box_counts_every_claim_of_the_ledger():
    ledger = _ledger([("C01", "conclusion", "The thesis", "partly supported"),
                      ("C03", "gpus", "GPUs were short", SUPPORTED), ("C04", "gpus", "Prices fell", CONTRADICTED),
                      ("C05", "prices", "A war", PARTLY), ("C06", "prices", "Secret deals", NOT_TESTABLE),
                      ("C07", "prices", "Later", "")])
    box = findings.home_box(ledger, {"gpus": "GPUs", "prices": "Prices", "conclusion": "Conclusion"})
    text = re.sub(r"<[^>]+>", "", box)
    assert "The article makes 6 claims. The chapters test 4 of them: 1 supported, 1 partly supported, " \
           "1 contradicted and 1 not testable with public data." in text
    assert "Its thesis (C01)" in text and "1 claims have no verdict in this build yet (C07)" in text
    assert "GPUs: 2 claims; 1 supported, 1 contradicted." in text
    assert "Prices: 2 claims; 1 partly supported, 1 not testable with public data." in text
    assert "The evidence contradicts 1: C04: Prices fell." in text
    assert "Public data can speak to 75% of the claims tested" in text
    assert 'href="gpus.html"' in box and 'href="conclusion.html"' in box


def test_the_home_box_with_nothing_contradicted_lists_no_claim():
    ledger = _ledger([("C03", "gpus", "GPUs were short", SUPPORTED), ("C04", "gpus", "Prices fell", SUPPORTED)])
    text = re.sub(r"<[^>]+>", "", findings.home_box(ledger, {"gpus": "GPUs"}))
    assert "contradicts" not in text and "The chapters test 2 of them: 2 supported" in text


def test_without_a_ledger_the_home_box_says_there_is_nothing_to_count(tmp_path):
    ledger = findings.read_ledger(tmp_path / "missing.csv")
    assert len(ledger) == 0 and list(ledger.columns) == findings.LEDGER_COLUMNS
    box = findings.home_box(ledger, {"gpus": "GPUs"})
    assert findings.NO_LEDGER in box and "<li>" not in box
