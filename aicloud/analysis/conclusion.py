"""The conclusion's analysis: the ledger's counts, the rules for the thesis claims C01 and C02, and the table of
the article's 25 arguments.

The conclusion runs after the chapters, on the ledger table they produced (`tables["ledger"]`, read from the
build's `claims_ledger.csv`: one row per claim with `id`, `phase`, `chapter`, `paraphrase`, `verdict`,
`figure`, `reason`, `sources`), with the claims and the timeline. Every count is computed from the ledger; the
claims this page judges itself are those the claims table assigns to the chapter `conclusion`.

C02 (three phases) is tested on measured quantities per calendar year, one series per competitive factor: NVIDIA's
data-centre revenue growth (GPU supply), the share of list-price changes that were cuts (models and prices) and
the growth of reported capital spending (AI infrastructure); each factor should peak in the phase the article
gives it. The curated timeline's event counts only add where the story's own events fall, because they depend
on which events someone recorded. China's evidence (`aicloud.analysis.china_chain`) is weighed for C01 (token
against revenue shares) and the chain model's reading for C02 (does the path matter?).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from aicloud.analysis import ChapterResult, rule
from aicloud.analysis import china_chain as cc
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

CHINA_CLAIMS, CHINA_MODEL_CLAIMS = ("C01",), ("C02",)
MEASURED = ("nvidia_dc_revenue_annual", "maas_list_prices", "capex_spending")   # C02's yearly series
RESOURCES = ("sources", "claims", "timeline_events", *MEASURED, "arguments",
             *cc.resources_for(CHINA_CLAIMS, CHINA_MODEL_CLAIMS))
CHAPTER = "conclusion"
NO_VERDICT = "no verdict yet"
DECIDED = (SUPPORTED, PARTLY, CONTRADICTED)
# Which competitive factor each kind of event speaks to: the report's reading of the article's three phases.
# Import restrictions (Beijing's guidance against buying the H20) concern who can get GPUs; domestic chips (the
# 2025 listings and revenue of China's chip makers) are counted with infrastructure, as the article counts own
# chips among 2025's infrastructure (C28, C32) rather than as the 2023 supply story.
FACTOR = {"export-control": "GPU supply", "cluster": "GPU supply", "import-restriction": "GPU supply",
          "price-cut": "models and prices", "model-release": "models and prices", "market": "models and prices",
          "supernode": "AI infrastructure", "pledge": "AI infrastructure", "organisation": "AI infrastructure",
          "capex": "AI infrastructure", "domestic-chip": "AI infrastructure"}
ARTICLE = {"2023": "GPU supply", "2024": "models and prices", "2025": "AI infrastructure"}
PHASE_OF = {factor: int(year) for year, factor in ARTICLE.items()}
OUTSIDE, UNDATED = "outside the phases", "undated"     # phase keys of events outside 2023-2025 or without a date


@dataclass(frozen=True)
class Series:
    """One factor's measured intensity by calendar year, with the observations behind each year's figure."""

    factor: str
    measure: str                  # what is measured (reader-facing, from TEXT)
    values: dict[int, float]      # calendar year -> growth or share
    counts: dict[int, int]        # calendar year -> observations (comparisons, companies)
    sources: tuple[str, ...]
    members: tuple[str, ...] = () # whose figures the series pools (the companies, for capital spending)


@dataclass
class Evidence:
    ledger: pd.DataFrame          # every claim, with its verdict ("no verdict yet" when its chapter gave none)
    own: list[str]                # the claims this page judges
    others: pd.DataFrame          # the claims the chapters judge
    events: pd.DataFrame          # timeline events with the factor each speaks to
    lead: dict[str, tuple[str, int, list[str]]]   # phase -> (most frequent factor, its count, factors tied)
    concentration: dict[str, tuple[int, int]]     # factor -> (events in its own phase, all its events)
    series: tuple[Series, ...] = ()               # C02's measured quantities, one per factor
    china: cc.China | None = None                 # China's evidence on C01, the chain model's reading on C02


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
    # An event's phase is the calendar year of its date (the phases are years): a `phase` label that disagrees
    # with the date (events dated 2093 labelled "2023") would otherwise put them in a year none falls in.
    year = events["date"].dt.year.astype("Int64").astype("string")
    events = events.assign(factor=events["category"].map(FACTOR).fillna("other"),
                           phase=year.where(year.isin(list(ARTICLE)), OUTSIDE).fillna(UNDATED))
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
    series = (gpu_series(tables["nvidia_dc_revenue_annual"]), price_series(tables["maas_list_prices"]),
              capex_series(tables["capex_spending"]))
    return Evidence(ledger, own, ledger[~ledger["id"].isin(own)], events, lead, concentration, series,
                    cc.owner_evidence(tables, CHINA_CLAIMS, CHINA_MODEL_CLAIMS))


def _ids(frame: pd.DataFrame) -> tuple[str, ...]:
    return tuple(sorted(set(frame["source_id"].dropna()))) if len(frame) else ()


def gpu_series(annual: pd.DataFrame) -> Series:
    """NVIDIA's data-centre revenue growth by calendar year: NVIDIA's stated growth where given, else computed
    from the previous fiscal year; a fiscal year counts for the calendar year holding most of it (FY2024 ends in
    January 2024, so it is 2023)."""
    rows = annual.sort_values("fiscal_year_end")
    values: dict[int, float] = {}
    previous = None
    for r in rows.itertuples():
        year = int((r.fiscal_year_end - pd.Timedelta(days=182)).year)
        if pd.notna(r.reported_growth_pct):
            values[year] = float(r.reported_growth_pct) / 100
        elif previous is not None and previous > 0:
            values[year] = float(r.revenue_usd_bn) / previous - 1
        previous = float(r.revenue_usd_bn)
    return Series("GPU supply", TEXT["measure_gpu"], values, {y: 1 for y in values}, _ids(rows))


def price_series(prices: pd.DataFrame) -> Series:
    """Per calendar year, the share of list-price changes that were cuts: each model's consecutive list prices
    in the same currency, the later one's year counting (input prices; a free tier at zero counts as a price)."""
    cuts: dict[int, int] = {}
    seen: dict[int, int] = {}
    for _, g in prices.sort_values(["date", "price_id"]).groupby(["vendor", "model"], sort=True):
        for (_, a), (_, b) in zip(g.iterrows(), g.iloc[1:].iterrows()):
            if a["currency"] != b["currency"] or b["date"] <= a["date"]:
                continue
            year = int(b["date"].year)
            seen[year] = seen.get(year, 0) + 1
            cuts[year] = cuts.get(year, 0) + int(b["input_per_mtok"] < a["input_per_mtok"])
    return Series("models and prices", TEXT["measure_prices"], {y: cuts[y] / seen[y] for y in sorted(seen)},
                  dict(sorted(seen.items())), _ids(prices))


def capex_series(spending: pd.DataFrame) -> Series:
    """Per calendar year, the median growth of reported capital spending across companies: annual rows, or four
    reported quarters summed; one measure per company (the one it reports for most years), growth only between
    consecutive years of that measure; a year is the calendar year in which the period ends."""
    reported = spending[spending["status"] == "reported"]
    annual = reported[reported["basis"].isin(["calendar-year", "fiscal-year"])]
    rows = [(r.company, r.measure_id, int(r.period_end.year), float(r.amount_bn)) for r in annual.itertuples()]
    quarters = reported[reported["basis"] == "quarter"].assign(year=lambda f: f["period_end"].dt.year)
    for (company, measure, year), g in quarters.groupby(["company", "measure_id", "year"]):
        if len(g) == 4:
            rows.append((company, measure, int(year), float(g["amount_bn"].sum())))
    frame = pd.DataFrame(rows, columns=["company", "measure", "year", "amount"]).drop_duplicates(
        ["company", "measure", "year"])
    growth: dict[int, list[float]] = {}
    members = set()
    for company, g in frame.groupby("company", sort=True):
        years_by = g.groupby("measure")["year"].nunique()
        measure = sorted(years_by[years_by == years_by.max()].index)[0]
        mine = g[g["measure"] == measure].set_index("year")["amount"].sort_index()
        for year, amount in mine.items():
            before = mine.get(year - 1)
            if before is not None and before > 0:
                growth.setdefault(int(year), []).append(float(amount) / float(before) - 1)
                members.add(str(company))
    values = {y: float(pd.Series(v).median()) for y, v in sorted(growth.items())}
    return Series("AI infrastructure", TEXT["measure_capex"], values, {y: len(v) for y, v in sorted(growth.items())},
                  _ids(reported), tuple(sorted(members)))


def stack_ids(params: Mapping[str, Any]) -> list[str]:
    """The claim ids `stack_claims` names, each once, as the ledger writes them ('c22, C22 ,C22' is C22)."""
    return list(dict.fromkeys(c.strip().upper() for c in str(params["stack_claims"]).split(",") if c.strip()))


@rule("C01", reads=("stack_claims",))
def whole_stack(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C01: the whole-stack thesis, judged from the verdicts on the claims that make it up (`stack_claims`).
    Every decided part supported: supported; most decided parts contradicted: contradicted; otherwise
    partly. No part decided: not testable with public data when every part is so, else not testable here.
    China's evidence on 'token volumes alone mislead' (does the token leader also lead revenue?) is a second
    part, weighed with `china_chain.add_china`; it does not bear on the whole-stack part that decides."""
    fig = ev.china.figure("C01", params) if ev.china is not None else cc.NO_CHINA
    return cc.add_china(_stack_verdict(ev, params), fig, central=False)


def _stack_verdict(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
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


def peaks(ev: Evidence, min_comparisons: int) -> tuple[list[tuple[Series, int, bool]], list[Series]]:
    """Each factor's peak year where its series covers its phase's year and another year (the price series
    counts a year only with at least `min_comparisons` list-price changes): (series, peak year, whether it is the
    article's phase for the factor, alone at the top); and the series that cannot be read for their phase."""
    read, unread = [], []
    for sr in ev.series:
        years = {y: v for y, v in sr.values.items()
                 if sr.factor != "models and prices" or sr.counts.get(y, 0) >= min_comparisons}
        phase = PHASE_OF[sr.factor]
        if phase not in years or len(years) < 2:
            unread.append(sr)
            continue
        top = max(years.values())
        leaders = [y for y, v in years.items() if v == top]
        read.append((sr, leaders[0], leaders == [phase]))
    return read, unread


@rule("C02", reads=("min_comparisons",))
def three_phases(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C02: the basis of competition moved from GPU supply (2023) to models and prices (2024) to AI infrastructure
    (2025). Central test, on measured quantities: each factor's yearly series (see the module docstring) peaks in
    the phase the article gives it. With two or more factors measurable for their phase: all peak there:
    supported; at most half: contradicted; otherwise partly. The curated timeline's event counts are reported (do
    the phases' most frequent kinds of event match?) but do not decide, because they depend on which events were
    recorded. With fewer than two measurable factors the claim is not testable with this data: the curated
    events were chosen to illustrate the story, so their counts are reported (led in every phase and succeeding
    one another, led in most, or not) but never decide. Either way the chain model's reading (do
    different GPU reserves at the start change the final market?) is weighed with `china_chain.add_model`."""
    model = ev.china.model("C02") if ev.china is not None else cc.NO_CHINA
    read, unread = peaks(ev, int(params["min_comparisons"]))
    events = _events_verdict(ev)
    if len(read) < 2:
        # The curated events were chosen to illustrate the story, so they are shown but never decide: with too
        # few measured factors the sequence is not testable with this data.
        too_few = C02_TOO_FEW.format(n=len(read), total=len(ev.series))
        base = Verdict(NOT_TESTABLE_HERE, C02_TOO_FEW_FIGURE.format(n=len(read), total=len(ev.series)),
                       too_few + " " + events.reason, ANECDOTE if events.label in DECIDED else events.evidence,
                       events.sources)
        return cc.add_model(base, model)
    k, n = sum(h for _, _, h in read), len(read)
    label = SUPPORTED if k == n else CONTRADICTED if 2 * k <= n else PARTLY
    n_led = sum(ev.lead.get(p, ("", 0, []))[2] == [f] for p, f in ARTICLE.items())
    misses = [(p, ARTICLE[p], ev.lead[p][2]) for p in ARTICLE if p in ev.lead and ev.lead[p][2] != [ARTICLE[p]]]
    reason = c02_measured_reason(read, unread, misses, n_led, len(ARTICLE), k, n)
    if unread and label == SUPPORTED:
        # The sequence is the claim's central part: with a phase unmeasured it is untested (CRITERIA), so the
        # factors that peak where the article says support it only in part.
        label = PARTLY
        reason += C02_UNMEASURED.format(phases=" and ".join(str(PHASE_OF[sr.factor]) for sr in unread))
    sources = tuple(sorted({s for sr, _, _ in read for s in sr.sources}))
    return cc.add_model(Verdict(label, C02_FIGURE.format(k=k, n=n), reason, PROXY, sources), model)


def year_value(sr: Series, year: int) -> str:
    count = f" of {sr.counts[year]}" if sr.factor == "models and prices" else ""
    return f"{year} {sr.values[year]:.0%}{count}"


def _events_verdict(ev: Evidence) -> Verdict:
    """The event-count test: in each phase the most frequent kind of dated event concerns the factor the article
    names (the central part), and each factor's events fall mostly in its own phase."""
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
    verdicts = {"C01": whole_stack(ev, params), "C02": three_phases(ev, params)}
    # Counted as the ledger page counts: the chapters' verdicts and this page's own (C01, C02), so that "the most
    # common verdict" here is the ledger's.
    own = [v.label for c, v in verdicts.items() if c in ev.own]
    labels = pd.Series(list(judged["verdict"]) + own, dtype="object")
    counts = labels.value_counts()
    n_tested = len(labels)
    n_decided = int(labels.isin(DECIDED).sum())
    top = sorted(counts[counts == counts.max()].index.tolist(), key=LABELS.index) if len(counts) else []
    result.values = {
        "n_claims": len(ev.ledger), "n_own": len(ev.own), "own_ids": ", ".join(ev.own), "n_tested": n_tested,
        "n_pending": len(ev.others) - len(judged), "n_timeline_events": len(ev.events), "n_phases": len(ARTICLE),
        **{f"n_{label.replace(' ', '_')}": int(counts.get(label, 0)) for label in LABELS},
        "share_testable": n_decided / n_tested if n_tested else 0.0,
        "share_public": 1 - int(counts.get(NOT_TESTABLE, 0)) / n_tested if n_tested else 0.0,
        "typical_verdict": typical(top),
        "headline_text": headline(len(ev.ledger), ev.own, n_tested, len(ev.others) - len(judged), counts,
                                  n_decided, top)}
    result.frames["by_phase"] = judged.groupby(["phase", "verdict"]).size().reset_index(name="claims")
    mix = ev.events[ev.events["phase"].isin(list(ARTICLE))]
    result.frames["mix"] = mix.groupby(["phase", "factor"]).size().reset_index(name="events")
    n_led = sum(ev.lead.get(p, ("", 0, []))[2] == [f] for p, f in ARTICLE.items())
    result.values.update({"phases_matching": n_led, "phases_with_events": len(ev.lead)})
    chapters = judged["verdict"].value_counts()   # the title counts the chapters' claims only, as it says
    result.titles["verdicts"] = verdicts_title(len(judged), int(chapters.get(SUPPORTED, 0)),
                                               int(chapters.get(CONTRADICTED, 0)))
    result.titles["mix"] = mix_title(n_led, len(ARTICLE))
    ids = stack_ids(params)
    result.frames["stack"] = ev.ledger[ev.ledger["id"].isin(ids)]
    result.values.update({"stack_total": len(ids),
                          "stack_backed": int(result.frames["stack"]["verdict"].isin([SUPPORTED, PARTLY]).sum())})
    read, _ = peaks(ev, int(params["min_comparisons"]))
    result.frames["measured"] = pd.DataFrame(
        [{"factor": sr.factor, "measure": sr.measure, "year": y, "value": v, "observations": sr.counts.get(y, 0),
          "article's phase": PHASE_OF[sr.factor]} for sr in ev.series for y, v in sorted(sr.values.items())],
        columns=["factor", "measure", "year", "value", "observations", "article's phase"])
    result.values.update({"phases_measured": len(read), "phases_peaking": sum(h for _, _, h in read)})
    result.verdicts = verdicts
    return result


def argument_table(coverage: pd.DataFrame, ledger: pd.DataFrame, own: Mapping[str, Verdict]) -> pd.DataFrame:
    """The 25 arguments as `aicloud.arguments.coverage` finds them reproduced (fully, partly, not, and why),
    with the verdicts on each argument's claims: the ledger's, and this page's own for C01 and C02."""
    verdicts = dict(zip(ledger["id"], ledger["verdict"]))
    verdicts.update({c: v.label for c, v in own.items()})
    rows = coverage.assign(verdicts=["; ".join(f"{c.strip()} {verdicts.get(c.strip(), NO_VERDICT)}"
                                               for c in str(claims).split(","))
                                     for claims in coverage["claims"]])
    return rows[["argument", "paraphrase", "claims", "verdicts", "reproduced", "why"]]


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
             f"{n_tested + n_pending - len(own)}" if own else "the chapters test all of them")
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


def c02_measured_reason(read: list[tuple[Series, int, bool]], unread: list[Series],
                        misses: list[tuple[str, str, list[str]]], n_led: int, n_phases: int, k: int, n: int) -> str:
    """C02's reason on measured series: each read series' peak, the unread ones, then the events (not deciding)."""
    parts = [C02_PEAK.format(factor=sr.factor, measure=sr.measure, peak=peak,
                             where=C02_HERE if holds else C02_NOT_HERE.format(phase=PHASE_OF[sr.factor]),
                             values=", ".join(year_value(sr, y) for y in sorted(sr.values)))
             for sr, peak, holds in read]
    parts += [C02_UNREAD.format(factor=sr.factor, phase=PHASE_OF[sr.factor]) for sr in unread]
    missed = [C02_MISS.format(phase=p, named=named, lead=" and ".join(lead)) for p, named, lead in misses]
    spans = [len(sr.values) for sr, _, _ in read]
    pooled = "; ".join(C02_POOLED.format(factor=sr.factor, members=", ".join(sr.members)) for sr, _, _ in read
                       if sr.members)
    return (C02_MEASURED.format(parts="; ".join(parts), k=k, n=n, short=min(spans), long=max(spans),
                                pooled=f"; {pooled}" if pooled else "")
            + C02_EVENTS.format(n_led=n_led, n=n_phases, misses=("; " + "; ".join(missed)) if missed else ""))


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
TEXT = {
    "measure_gpu": "NVIDIA's data-centre revenue growth",
    "measure_prices": "the share of list-price changes that were cuts",
    "measure_capex": "the median growth of reported capital spending",
}
C02_FIGURE = "{k} of {n} measured factors peak in the phase the article names"
C02_PEAK = "{factor}, {measure}, peaked in {peak}{where} ({values})"
C02_HERE = ", its phase in the article"
C02_NOT_HERE = ", not in {phase}, its phase in the article"
C02_UNREAD = "{factor} cannot be measured for {phase} and another year with this data"
C02_UNMEASURED = (" With the {phases} phase unmeasured the sequence itself is not tested, so the claim is at most "
                  "partly supported.")
C02_MEASURED = ("Measured per calendar year: {parts}. So {k} of {n} measurable factors peak in the phase the "
                "article gives them; the series are short ({short} to {long} years{pooled}).")
C02_POOLED = "{factor} pools the companies {members}"
C02_EVENTS = (" The curated timeline adds where the story's own events fall: in {n_led} of {n} phases the most "
              "frequent kind of dated event concerns the factor the article names{misses}. Those counts depend on "
              "which events were recorded, so they do not decide the verdict.")
C02_TOO_FEW = ("Only {n} of the {total} factors can be measured for their phase and another year with this data, "
               "too few to test the sequence. The curated timeline's events are no substitute: what they show is "
               "reported below, but it does not decide the verdict.")
C02_TOO_FEW_FIGURE = "{n} of {total} factors measurable for their phase"
C02_MISSING = "The timeline data hold no events for the phase(s) {phases}, so the sequence cannot be tested."
C02_MISS = "in {phase} the factor named, {named}, does not lead alone (the lead: {lead})"
C02_SHARE = "{share:.0%} of the {factor} events fall in {phase}"
C02_REASON = ("In {n_led} of {n} phases the most frequent kind of dated event concerns the factor the article names "
              "for that phase{misses}. {overlap} The events were chosen to illustrate the story, so this shows its "
              "shape rather than testing it.")
C02_OVERLAP = "But the factors overlap in time rather than succeed one another: only {shares}."
C02_SUCCEED = "Each factor's events fall mostly in its own phase, so the factors succeed one another."
