"""The conclusion's analysis: the ledger's counts, and the rules for the thesis claims C01 and C02.

The conclusion runs after the chapters, on the ledger table they produced (`tables["ledger"]`, read from the
build's `claims_ledger.csv`: one row per claim with `id`, `phase`, `chapter`, `paraphrase`, `verdict`,
`figure`, `reason`, `sources`), with the claims and the timeline. Every count is computed from the ledger; the
claims this page judges itself are those the claims table assigns to the chapter `conclusion`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from aicloud.analysis import ChapterResult, rule
from aicloud.verdicts import (
    ANECDOTE,
    CONTRADICTED,
    LABELS,
    NOT_TESTABLE,
    NOT_TESTABLE_HERE,
    PARTLY,
    PROXY,
    SUPPORTED,
    Verdict,
)

RESOURCES = ("sources", "claims", "timeline_events")
CHAPTER = "conclusion"
NO_VERDICT = "no verdict yet"
DECIDED = (SUPPORTED, PARTLY, CONTRADICTED)
# Which competitive factor each kind of event speaks to: the report's reading of the article's three phases.
FACTOR = {"export-control": "GPU supply", "cluster": "GPU supply",
          "price-cut": "models and prices", "model-release": "models and prices", "market": "models and prices",
          "supernode": "AI infrastructure", "pledge": "AI infrastructure", "organisation": "AI infrastructure",
          "capex": "AI infrastructure"}
ARTICLE = {"2023": "GPU supply", "2024": "models and prices", "2025": "AI infrastructure"}


@dataclass
class Evidence:
    ledger: pd.DataFrame          # every claim, with its verdict ("no verdict yet" when its chapter gave none)
    own: list[str]                # the claims this page judges
    others: pd.DataFrame          # the claims the chapters judge
    events: pd.DataFrame          # timeline events with the factor each speaks to
    lead: dict[str, tuple[str, int, list[str]]]   # phase -> (most frequent factor, its count, factors tied)
    concentration: dict[str, tuple[int, int]]     # factor -> (events in its own phase, all its events)


def inputs(tables: Mapping[str, pd.DataFrame], ledger_path: Any) -> dict[str, pd.DataFrame]:
    """The page's inputs: its tables and the ledger the build wrote (read as text: an empty cell stays "")."""
    return {"ledger": pd.read_csv(ledger_path, keep_default_na=False, dtype=str),
            **{name: tables[name] for name in RESOURCES}}


def prepare(tables: Mapping[str, pd.DataFrame]) -> Evidence:
    claims = tables["claims"]
    ledger = tables["ledger"].copy()
    ledger["verdict"] = ledger["verdict"].where(ledger["verdict"].isin(LABELS), NO_VERDICT)
    own = list(claims.loc[claims["chapter"] == CHAPTER, "id"])
    events = tables["timeline_events"]
    events = events.assign(factor=events["category"].map(FACTOR).fillna("other"))
    lead = {}
    for phase in ARTICLE:
        counts = events.loc[(events["phase"] == phase) & (events["factor"] != "other"), "factor"].value_counts()
        if len(counts):
            top = int(counts.max())
            lead[phase] = (str(counts.idxmax()), top, sorted(counts[counts == top].index))
    concentration = {}
    for phase, factor in ARTICLE.items():
        mine = events[events["factor"] == factor]
        concentration[factor] = (int((mine["phase"] == phase).sum()), len(mine))
    return Evidence(ledger, own, ledger[~ledger["id"].isin(own)], events, lead, concentration)


def stack_ids(params: Mapping[str, Any]) -> list[str]:
    return [c.strip() for c in str(params["stack_claims"]).split(",") if c.strip()]


@rule("C01", reads=("stack_claims",))
def whole_stack(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C01: the whole-stack thesis, judged from the verdicts on the claims that make it up (`stack_claims`).
    Every decided part supported: supported; most decided parts contradicted: contradicted; otherwise
    partly. No part decided: not testable with public data when every part is so, else not testable here."""
    ids = stack_ids(params)
    stack = ev.ledger[ev.ledger["id"].isin(ids)]
    decided = stack[stack["verdict"].isin(DECIDED)]
    sources = tuple(sorted({s.strip() for row in stack["sources"] for s in str(row).split(",") if s.strip()}))
    absent = [i for i in ids if i not in set(stack["id"])]
    public = list(stack.loc[stack["verdict"] == NOT_TESTABLE, "id"])
    here = list(stack.loc[stack["verdict"].isin([NOT_TESTABLE_HERE, NO_VERDICT]), "id"]) + absent
    if decided.empty:
        if ids and not here:
            return Verdict.not_testable(C01_NONE_PUBLIC.format(ids=", ".join(public)), sources=sources)
        return Verdict.not_testable_here(c01_none_here(here), figure=c01_none_figure(len(ids)), sources=sources)
    backed = decided[decided["verdict"].isin([SUPPORTED, PARTLY])]
    against = decided[decided["verdict"] == CONTRADICTED]
    supported = decided[decided["verdict"] == SUPPORTED]
    label = (SUPPORTED if len(supported) == len(decided) else
             CONTRADICTED if len(against) > len(decided) / 2 else PARTLY)
    reason = c01_reason(ids, len(backed), len(supported), len(against), public, here, label)
    return Verdict(label, c01_figure(len(backed), len(ids)), reason, PROXY, sources)


@rule("C02", reads=())
def three_phases(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C02: in each of the article's phases the most frequent kind of dated event concerns the factor the
    article names (the central part), and each factor's events fall mostly in its own phase (succession rather
    than overlap). Both hold: supported; the lead holds in most phases but the factors overlap, or it holds in
    only some phases: partly; it holds in no more than half the phases: contradicted. A phase without events:
    not testable with this data. The events were chosen to illustrate the story, so the evidence is anecdotal."""
    sources = tuple(sorted(set(ev.events["source_id"])))
    missing = [p for p in ARTICLE if p not in ev.lead]
    if missing:
        return Verdict.not_testable_here(C02_MISSING.format(phases=", ".join(missing)),
                                         figure=c02_missing_figure(len(ARTICLE) - len(missing), len(ARTICLE)),
                                         sources=sources)
    led = {p: ev.lead[p][2] == [f] for p, f in ARTICLE.items()}   # the named factor alone in the lead
    n_led = sum(led.values())
    spread = {f: (inside, total) for f, (inside, total) in ev.concentration.items() if total}
    overlap = [(inside / total, f, p)
               for p, f in ARTICLE.items() if f in spread for inside, total in [spread[f]] if inside / total <= 0.5]
    if n_led == len(ARTICLE):
        label = PARTLY if overlap else SUPPORTED
    else:
        label = PARTLY if n_led > len(ARTICLE) / 2 else CONTRADICTED
    misses = [(p, ARTICLE[p], ev.lead[p][2]) for p in ARTICLE if not led[p]]
    reason = c02_reason(n_led, len(ARTICLE), misses, overlap)
    return Verdict(label, c02_figure(n_led, len(ARTICLE)), reason, ANECDOTE, sources)


def analyse(tables: Mapping[str, pd.DataFrame], params: Mapping[str, Any],
            evidence: Evidence | None = None) -> ChapterResult:
    ev = evidence if evidence is not None else prepare(tables)
    result = ChapterResult()
    judged = ev.others[ev.others["verdict"].isin(LABELS)]
    counts = judged["verdict"].value_counts()
    n_decided = int(judged["verdict"].isin(DECIDED).sum())
    top = counts[counts == counts.max()].index.tolist() if len(counts) else []
    result.values = {
        "n_claims": len(ev.ledger), "n_own": len(ev.own), "own_ids": ", ".join(ev.own), "n_tested": len(judged),
        "n_pending": len(ev.others) - len(judged), "n_timeline_events": len(ev.events),
        **{f"n_{label.replace(' ', '_')}": int(counts.get(label, 0)) for label in LABELS},
        "share_testable": n_decided / len(judged) if len(judged) else 0.0,
        "typical_verdict": typical(top),
        "headline_text": headline(len(ev.ledger), ev.own, len(judged), len(ev.others) - len(judged), counts,
                                  n_decided, top)}
    result.frames["by_phase"] = judged.groupby(["phase", "verdict"]).size().reset_index(name="claims")
    mix = ev.events[ev.events["phase"].isin(list(ARTICLE))]
    result.frames["mix"] = mix.groupby(["phase", "factor"]).size().reset_index(name="events")
    n_led = sum(ev.lead.get(p, ("", 0, []))[2] == [f] for p, f in ARTICLE.items())
    result.values.update({"phases_matching": n_led, "phases_with_events": len(ev.lead)})
    result.titles["verdicts"] = verdicts_title(len(judged), int(counts.get(SUPPORTED, 0)),
                                               int(counts.get(CONTRADICTED, 0)))
    result.titles["mix"] = mix_title(n_led, len(ARTICLE))
    ids = stack_ids(params)
    result.frames["stack"] = ev.ledger[ev.ledger["id"].isin(ids)]
    result.values.update({"stack_total": len(ids),
                          "stack_backed": int(result.frames["stack"]["verdict"].isin([SUPPORTED, PARTLY]).sum())})
    result.verdicts = {"C01": whole_stack(ev, params), "C02": three_phases(ev, params)}
    return result


# Sentences (a Chinese edition needs a counterpart for each) -------------------------------------------------

def headline(n_claims: int, own: list[str], n_tested: int, n_pending: int, counts: pd.Series, n_decided: int,
             top: list[str]) -> str:
    if n_tested == 0:
        return (f"The ledger holds {n_claims} claims, and no chapter's verdict is in it yet: this page cannot weigh "
                "them.")
    parts = [f"{int(counts.get(label, 0))} {WORDS[label]}" for label in LABELS
             if label != NOT_TESTABLE_HERE or counts.get(label, 0)]
    pending = (f" {n_pending} further claims have no verdict yet: their chapter is not in this build."
               if n_pending else "")
    most = (f'The most common verdict is "{top[0]}".' if len(top) == 1
            else f"The most common verdicts, tied, are {' and '.join(chr(34) + t + chr(34) for t in top)}.")
    public = 1 - int(counts.get(NOT_TESTABLE, 0)) / n_tested
    here = (f", and the data given to this run decide {n_decided / n_tested:.0%}"
            if counts.get(NOT_TESTABLE_HERE, 0) else "")
    split = (f"this page weighs {len(own)} of them ({', '.join(own)}) and the chapters test the other "
             f"{n_tested + n_pending}" if own else "the chapters test all of them")
    return (f"The ledger holds {n_claims} claims; {split}. Of the {n_tested} with a verdict, "
            + ", ".join(parts[:-1]) + f" and {parts[-1]}; public data can speak to {public:.0%} of them{here}."
            f"{pending} {most}")


def typical(top: list[str]) -> str:
    return " and ".join(top) if top else "none"


def verdicts_title(n_tested: int, supported: int, contradicted: int) -> str:
    return f"Of {n_tested} claims the chapters test, {supported} are supported and {contradicted} contradicted"


def mix_title(n_led: int, n: int) -> str:
    return f"In {n_led} of {n} phases the most frequent kind of event is the factor the article names"


def c01_figure(backed: int, n: int) -> str:
    return f"{backed} of {n} stack claims at least partly supported"


def c01_none_figure(n: int) -> str:
    return f"0 of {n} stack claims decided"


def c01_none_here(here: list[str]) -> str:
    return C01_NONE_HERE.format(ids=", ".join(here) or "none listed")


def c01_reason(ids: list[str], backed: int, supported: int, against: int, public: list[str], here: list[str],
               label: str) -> str:
    return C01_REASON.format(
        n=len(ids), ids=", ".join(ids), backed=backed, supported=supported or "none", against=against or "none",
        public=", ".join(public) or "none", here=(C01_HERE.format(ids=", ".join(here)) if here else ""),
        reading=C01_READING[label])


def c02_figure(n_led: int, n: int) -> str:
    return f"{n_led} of {n} phases led by the factor the article names"


def c02_missing_figure(with_events: int, n: int) -> str:
    return f"events in {with_events} of {n} phases"


def c02_reason(n_led: int, n: int, misses: list[tuple[str, str, list[str]]],
               overlap: list[tuple[float, str, str]]) -> str:
    """`misses`: (phase, factor named, factors leading); `overlap`: (share in its phase, factor, phase)."""
    missed = [C02_MISS.format(phase=p, named=named, lead=" and ".join(lead)) for p, named, lead in misses]
    shares = [C02_SHARE.format(share=share, factor=f, phase=p) for share, f, p in overlap]
    return C02_REASON.format(
        n_led=n_led, n=n, misses=("; " + "; ".join(missed)) if missed else "",
        overlap=(C02_OVERLAP.format(shares="; ".join(shares)) if shares else C02_SUCCEED))


WORDS = {SUPPORTED: "are supported", PARTLY: "partly supported", CONTRADICTED: "contradicted",
         NOT_TESTABLE: "cannot be tested with public data",
         NOT_TESTABLE_HERE: "cannot be tested with the data given to this run"}
C01_REASON = ("Of the {n} claims that make up the whole-stack thesis ({ids}), {backed} are at least partly supported "
              "({supported} fully) and {against} contradicted; {public} cannot be tested with public data{here}. "
              "{reading}")
C01_HERE = "; {ids} have no verdict from this run's data"
C01_READING = {SUPPORTED: "Every part the data can decide holds, so the thesis is supported as far as public numbers "
                          "reach.",
               PARTLY: "So the thesis is a reasonable reading of the evidence, not a demonstrated fact.",
               CONTRADICTED: "Most of the parts the data can decide fail, so the evidence runs against the thesis."}
C01_NONE_PUBLIC = ("No claim that makes up the thesis ({ids}) can be tested with public data, so neither "
                   "can the thesis.")
C01_NONE_HERE = "No claim that makes up the thesis has a verdict from this run's data (missing: {ids})."
C02_MISSING = "The timeline data hold no events for the phase(s) {phases}, so the sequence cannot be tested."
C02_MISS = "in {phase} the factor named, {named}, does not lead alone (the lead: {lead})"
C02_SHARE = "{share:.0%} of the {factor} events fall in {phase}"
C02_REASON = ("In {n_led} of {n} phases the most frequent kind of dated event concerns the factor the article names "
              "for that phase{misses}. {overlap} The events were chosen to illustrate the story, so this shows its "
              "shape rather than testing it.")
C02_OVERLAP = "But the factors overlap in time rather than succeed one another: only {shares}."
C02_SUCCEED = "Each factor's events fall mostly in its own phase, so the factors succeed one another."
