"""China's own evidence for the article's causal chain, and the chain as one model (chapter `china_chain`).

`prepare(tables)` computes, once and without parameters, everything the rules and the chain figures read;
`analyse(tables, params)` returns the chapter's values, frames, titles and verdicts. This chapter owns the
verdicts on C27 (lock-in), C31 (the competitiveness formula) and C37 (the strong get stronger). For the other
claims of the chain it computes a *chain figure*: China's evidence on the claim as a number, a sentence and the
way it points, for the owning chapters' rules to read (`chain_figure(claim, evidence, params)`).

Reader-facing sentences are all in the TEXT section below (one template per sentence, named fields), so a
Chinese edition can give each a counterpart.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from aicloud._lazy import pd
from aicloud.analysis import ChapterResult, rule
from aicloud.models import chain as chain_model
from aicloud.models import unit_cost as uc
from aicloud.verdicts import (
    ANECDOTE,
    CONTRADICTED,
    NOT_TESTABLE_HERE,
    PARTLY,
    PROXY,
    SUPPORTED,
    Verdict,
    after_article,
    direction,
    finite,
    majority,
)

# --- TEXT: every reader-facing sentence of this module -------------------------------------------------------
TEXT = {
    # NVIDIA's licence price and its chief executive's remark; the unused share of new capacity (the rents section)
    "nv_licence": "Licences came at a price of {h20:.0%} of the revenue",
    "nv_licence_none": "The data give no share of the revenue paid for licences",
    "nv_remark": ", and NVIDIA's chief executive put its share of China's advanced chips at {after:.0%}, from "
                 "{before:.0%} (a remark, not a filing).",
    "nv_remark_none": "; the data hold no remark by NVIDIA's chief executive on its share of China's advanced chips.",
    "unused": "media estimates put up to {v:.0%} of new capacity idle",
    "unused_none": "the data hold no estimate of the idle share of new capacity",
    # C37
    "c37_none": "No measure in the data has two periods of the same like-for-like series, so no share can be "
                "followed over time.",
    "none": "none",
    "chain_missing": "The chain model cannot start on this run's data: no two clouds appear in the AI-cloud revenue "
                     "shares, the GPU purchases and the stack table at once.",
    "only": "only {k}",
    "c37_window": "{leader} {start:.0%} to {end:.0%}, {first} to {last}",
    "c37_window_late": "{leader} {start:.0%} to {end:.0%}, {first} to {last} (published after the article)",
    "sep_windows": "; ",
    "sep": ", ",
    "c37_figure": "start leader gained at least {gain:.1f} pp in {k} of {n} like-for-like windows",
    "c37_reason": "In {k} of {n} like-for-like windows ({windows}) the vendor leading at the start gained at "
                  "least {gain:.1f} percentage points, so the strong got stronger in {most} of them; whether the "
                  "cheaper and more reliable vendor gathers the users cannot be tested, because no vendor's unit "
                  "cost or reliability is public (the chain model shows the mechanism only).",
    "c37_reason_against": "In {k_text} of {n} like-for-like windows ({windows}) did the vendor leading at the "
                          "start gain at least {gain:.1f} percentage points: the strong did not, as a rule, get "
                          "stronger.",
    # C31
    "c31_few": "Fewer than three clouds have both a documented stack and a revenue share in the same period.",
    "c31_figure": "rank correlation {rho:+.2f}; most complete stack {leader_word} the revenue leader",
    "c31_reason": "Of {n} Chinese clouds, {top} has the most complete documented stack ({layers} of {all_layers} "
                  "layers) and {leader_clause}; across all {n}, documented completeness and {period} AI-cloud "
                  "revenue share have a rank correlation of {rho:+.2f}, {rank_clause} the {threshold:.2f} taken "
                  "as agreement. Integration and cost efficiency have no published measure per vendor, and a "
                  "missing layer means no source, not a missing product.",
    "c31_leads": "it also leads revenue",
    "c31_not_leads": "{rev_leader} leads revenue instead",
    # C27
    "c27_few": "Fewer than two model makers in the data have a named primary or exclusive cloud, so whether they "
               "stayed cannot be counted.",
    "c27_figure": "{k} of {n} model makers with a primary cloud later signed with another cloud",
    "c27_reason_weak": "{k} of {n} model makers that had a primary or exclusive cloud ({moved}) later took "
                       "compute from another cloud or lost exclusivity, {share:.0%} against the {threshold:.0%} "
                       "taken to mean migration costs did not hold them; {kept_clause} So lock-in works through "
                       "contracts, equity and credits more than through the cost of moving workloads; no cloud "
                       "publishes churn or migration costs.",
    "c27_reason_strong": "Only {k} of {n} model makers that had a primary or exclusive cloud later took compute "
                         "from another cloud ({share:.0%}, below the {threshold:.0%} taken as weak lock-in), "
                         "consistent with strong lock-in; the deals are few and no cloud publishes churn or "
                         "migration costs.",
    "c27_kept": "{kept} of them went on to sign more with the first cloud ({kept_names}).",
    "c27_earmark": " Compute-for-equity deals tie {earmark:.0%} of one reported investment to the investor's cloud.",
    "c27_not_kept": "none of them signed more with the first cloud.",
    # chain figures
    "fig_c01": "In {period} the token leader ({tok}) had {tok_t:.0%} of tokens but {tok_r:.0%} of revenue, "
               "while the revenue leader ({rev}) had {rev_r:.0%} of revenue and {rev_t:.0%} of tokens.",
    "fig_c03": "NVIDIA's revenue billed to China {word} from USD {first:,.1f} bn in {fy0} to {last:,.1f} bn in "
               "{fy1} while its share of NVIDIA's revenue {share_word} from {s0:.1%} to {s1:.1%}.",
    "fig_c06": "In {fy0}, the year after the first rules, NVIDIA still billed USD {first:,.1f} bn to China "
               "({s0:.1%} of its revenue); in {h20_label} it sold USD {h20:,.1f} bn of H20 before the "
               "licence rule.",
    "fig_c10": "Revenue of China's AI-chip makers (independent firms, not the clouds' own chips the claim names) "
               "changed {changes}, while NVIDIA's last reported quarterly H20 "
               "sales to China were USD {h20_last:,.2f} bn.",
    "fig_c10_one": "{ratio:,.1f}-fold at {company} ({p0} to {p1})",
    "fig_c12": "In {period} {company}'s {line} grew {growth:+.0%} a year, {pace} its whole AI cloud "
               "({seg:+.0%}); this is revenue, not margin, so it cannot show which of the two makes money.",
    "pace_faster": "faster than",
    "pace_slower": "slower than",
    "pace_same": "as fast as",
    "fig_c13": "{company}'s cloud growth {word} from {g0:+.0%} in {p0} to {g1:+.0%} in {p1}, with {streak} "
               "consecutive quarters of triple-digit AI-product growth.",
    "fig_c14": "Clouds with an own model family grew faster than the comparison group ({others}) in {k} of {n} "
               "quarters (median gap {gap:+.1f} pp).",
    "fig_c15b": "From {p0} to {p1} the enterprise-token share of the {open_n} open-weight model families "
                "{open_word} from {open_s0:.1%} to {open_s1:.1%}, that of the {closed_n} closed ones "
                "{closed_word} from {closed_s0:.1%} to {closed_s1:.1%}.",
    "fig_c16": "{company} opened its model weights ({date}); it ranks {tok_rank} by public-cloud tokens and "
               "{rev_rank} of {n_rev} by AI-cloud revenue.",
    "fig_c16_market": " The data count {count:,.0f} open models on its model marketplace ({period}), {against} the "
                      "{dozens} that 'dozens' takes.",
    "fig_c16_no_market": " The data hold no count of the open models on its model marketplace, so nothing here can "
                         "show the marketplace part.",
    "at_least": "at least",
    "fewer_than": "fewer than",
    "no_date": "date not in the data",
    "fig_c21": "On the {bench} ({version}, {date:%d %b %Y}) the best Chinese model scores {gap:+.0f} points "
               "against the best US model (hard to tell apart means within {points:.0f}); the cheapest Chinese "
               "output price is {ratio:,.0f} times below {us_model}'s.",
    "fig_c21_open": "On the {bench} ({version}, {date:%d %b %Y}) the best Chinese open-weight model ({cn}) scores "
                    "{gap:+.0f} points against the best US open-weight model in the data ({us}; hard to tell apart "
                    "means within {points:.0f}); the index lists no closed US model on that date, so the pair "
                    "compares open-weight models only, not the frontier models the claim is about. The cheapest "
                    "Chinese output price is {ratio:,.0f} times below that of {us_model}, a closed-weight model.",
    "fig_c24": "Serving the same open model, the modelled cost per million output tokens ranges from USD "
               "{lo:,.2f} to {hi:,.2f} ({spread:,.1f}x) across {n} published stacks.",
    "fig_c29": "At the median Chinese list price of the latest year (USD {price:,.2f} per million output tokens "
               "with their inputs), {k} of {n} published stacks would serve at a loss.",
    "fig_c36": "{company}'s spending over four quarters is {pace:.0%} of its pledge's yearly average; {comp} "
               "has the largest reported plan for {year}, between {lo:,.0f} and {hi:,.0f} bn RMB depending on the "
               "report.",
    "fig_c38": "In {k} of {n} reports Chinese GPU rents fell below their peak (the reports put them at "
               "{cn_lo:.0%}-{cn_hi:.0%} of it); US market rents {us_word} {us:.0%} of theirs; up to {unused:.0%} "
               "of new Chinese capacity was reported unused.",
    "us_fell": "fell to",
    "us_rose": "rose to",
    "us_same": "stayed at",
    # titles and section sentences
    "title_tvr": "{tok} leads by tokens with {tok_t:.0%} but holds {tok_r:.0%} of AI-cloud revenue; {rev} leads "
                 "revenue with {rev_r:.0%}",
    "title_tvr_none": "Token and revenue shares as published; no period has both",
    "title_revenue": "{n_up} of {n} clouds grew faster in their latest reported quarter than in their first; "
                     "{n_breaks} series breaks are shown, not joined",
    "title_nvidia": "NVIDIA's China revenue {word} {growth:.0%} to USD {last:,.1f} bn in {fy1}; its H20 sales to "
                    "China went from USD {h20_peak:,.1f} bn in a quarter to {h20_last:,.2f} bn",
    "title_nvidia_none": "NVIDIA's revenue from China and the export rules, as published",
    "capex": "The largest Chinese figure for {year} is USD {cn:,.1f} bn, the largest US one {us:,.1f} bn.",
    "capex_none": "No year holds both a Chinese yearly figure and a US one above zero, so the two are not compared.",
    "title_capex": "The largest Chinese capex figure for {year} is {ratio:.0%} of the largest US one",
    "title_capex_none": "Chinese capital spending as reported, in US dollars",
    "title_rents": "{k} of {n} reports have Chinese GPU rents below the peak ({cn_lo:.0%}-{cn_hi:.0%} of it); US "
                   "market rents {us_word} {us:.0%}",
    "title_rents_none": "Reported GPU rents at the peak and after",
    "rents_sentence": "In {k} of {n} reports Chinese GPU rents fell below their peak; the reports put them at "
                      "{cn_lo:.0%}-{cn_hi:.0%} of it",
    "rents_sentence_none": "The data hold no Chinese report with both a peak and a later rent",
    "q_pair": "the best Chinese model ({cn}) scores {gap:+.0f} points against the best US one ({us})",
    "q_pair_open": "the best Chinese open-weight model ({cn}) scores {gap:+.0f} points against the best US "
                   "open-weight model in the data ({us}); the index scored no closed US model that day",
    "q_pair_none": "no index in the data scores Chinese and US models on the same day",
    "title_quality": "On the same index the best Chinese model scores {gap:+.0f} points against the best US one, "
                     "at output prices up to {ratio:,.0f} times lower",
    "title_quality_open": "On the same index the best Chinese open-weight model scores {gap:+.0f} points against "
                          "the best US open-weight one, at output prices up to {ratio:,.0f} times lower",
    "title_quality_none": "Sourced scores and list prices of Chinese and US models",
    "title_cost": "{k} of {n} published stacks serve below the median Chinese list price of the latest year at "
                  "the assumed rental and utilisation",
    "title_deals": "{k} of {n} model makers with a primary cloud later signed with another cloud",
    "title_stack": "{top} has the most complete documented stack; completeness and revenue share correlate "
                   "{rho:+.2f} by rank",
    "title_stack_none": "Documented stack layers of China's clouds",
    "title_shares": "The leader at the start gained share in {k} of {n} like-for-like windows",
    "title_chain": "From equal shares, the model's {model_leader} ends largest; the data have {observed_leader} "
                   "ahead",
    "title_chain_match": "From equal shares, the model ends with {observed_leader} largest, as the data do",
    "title_fit": "{k} of {n} slider settings end with {observed_leader} largest, as observed; the closest ends "
                 "{best:.2f} from the observed shares",
    "title_events": "{n} dated events of {year} on China's AI supply and models",
    "fig_model": "In the chain model {what} in {share:.0%} of {draws:,} joint draws of its assumptions.",
    "model_c02": "the final market differs from one started with equal GPU reserves",
    "model_c08": "the vendor with the most GPUs at the start ({rich}) ends as the largest",
    "model_c29": "the vendor that exits is the one with the highest cost per token served, among draws with an exit,",
    "model_c35": "the vendor with the lowest cost per token served lasts at least as long as the highest-cost one",
    "model_c37": "the vendor leading halfway gains further by the end",
    "fig_c09": "Across {n} Chinese clouds, GPUs bought in {years} and {period} AI-cloud revenue shares have a rank "
               "correlation of {rho:+.2f}: {rich} bought the most and holds {rich_share:.0%} of the revenue among "
               "them; {leader} leads with {leader_share:.0%}.",
    "missing": "The data given to this run hold no evidence for this link.",
    "model_no_exit": "In the chain model no vendor exits in any of {draws:,} joint draws of its assumptions, so it "
                     "cannot say who exits.",
    # what China's evidence adds to an owning chapter's verdict (with_china, with_model)
    "owner_china": " China's evidence: {text} This {verb} the claim.",
    "owner_none": " China's data given to this run hold no evidence on this claim.",
    "owner_moves": " With it the verdict is {new} rather than {old}.",
    "owner_side": " It does not measure the part of the claim that no data here can decide, so it is shown as "
                  "context and the claim stays undecided.",
    "owner_unlike": " It compares unlike things, so it is shown as context and does not move the verdict.",
    "late": " (published after the article)",
    "owner_side_failed": " It bears on another part of the claim, not on the one that fails.",
    "model_owner": " {text} So the model {verb} the claim.",
    "model_owner_none": " The chain model cannot start on this run's data, so it adds nothing here.",
    "short_C01": "China: the token leader's token share is {v:.1f} times its revenue share",
    "short_C03": "China: NVIDIA's China revenue {v:+.0%}",
    "short_C06": "China: {v:.1%} of NVIDIA's revenue after the first rules",
    "short_C09": "China: GPUs bought against later revenue share, rank correlation {v:+.2f}",
    "short_C10": "China: AI-chip makers' revenue at least x{v:.1f}",
    "short_C12": "China: compute rental growth {pp:+.0f} pp against the whole AI cloud's",
    "short_C13": "China: cloud growth {pp:+.0f} pp from the first to the latest quarter",
    "short_C14": "China: own-model clouds' median growth gap {v:+.1f} pp",
    "short_C15": "China: open-weight families' token share gain {v:+.1f} pp over closed ones",
    "short_C16": "China: {first}",
    "short_C21": "China: best Chinese against best US model {v:+.0f} index points",
    "short_C24": "China: modelled serving cost spread {v:.1f}x across stacks",
    "short_C29": "China: {v:.0%} of published stacks at a loss at the median list price",
    "short_C36": "China: spending at {v:.0%} of the pledge's yearly pace",
    "short_C38": "China: GPU rents down to at most {v:.0%} of the peak",
    "short_model": "chain model: {v:.0%} of joint draws",
    "verb_supports": "supports",
    "verb_contradicts": "contradicts",
    "verb_mixed": "is mixed on",
    "verb_no_evidence": "says nothing on",
    "higher": "higher",
    "lower": "lower",
}
# -------------------------------------------------------------------------------------------------------------

C16_COMPANY = "Baidu"   # the subject of claim C16 (closed ERNIE models and a marketplace)
# The china_reference metric that would count the open models on C16_COMPANY's marketplace (none was found), and
# what "dozens" takes at least: two dozen (the word's meaning, not an assumption to sweep).
MARKETPLACE_METRIC, DOZENS = "baidu_marketplace_open_models", 24
LAYERS = ("accelerators", "ml_platform", "model_service", "agents", "search", "data", "applications", "models")


@dataclass(frozen=True)
class Window:
    """One like-for-like stretch of a share measure: the start leader's share at its first and last period."""

    measure: str
    series: str
    first: str
    last: str
    leader: str
    start: float
    end: float
    late: bool = False      # a row it reads was published after the article

    @property
    def gain_pp(self) -> float:
        return (self.end - self.start) * 100


@dataclass(frozen=True)
class Lab:
    """A model maker with a primary or exclusive cloud: did it later take another cloud, and keep the first?"""

    partner: str
    first_cloud: str
    moved: bool
    kept: bool


@dataclass
class Evidence:
    """Everything the rules and chain figures read, computed once from the tables (no parameter)."""

    windows: list[Window] = field(default_factory=list)
    stack: list[tuple[str, str, int, float]] = field(default_factory=list)   # company, cloud, layers, share
    stack_period: str = ""
    stack_rho: float | None = None
    labs: list[Lab] = field(default_factory=list)
    earmark_share: float | None = None
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)       # per claim: parameter-free inputs
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)      # per claim: source ids
    late: dict[str, bool] = field(default_factory=dict)     # per claim: a row its figure reads is after the article
    model_inputs: dict[str, Any] = field(default_factory=dict)
    model_figures: dict[str, ChainFigure] = field(default_factory=dict)   # the chain model's readings, by claim


# --- helpers ---------------------------------------------------------------------------------------------------

def spearman(x: list[float] | np.ndarray, y: list[float] | np.ndarray) -> float | None:
    """Rank correlation with average ranks for ties; None when fewer than three pairs or no spread."""
    xs, ys = pd.Series(x, dtype=float), pd.Series(y, dtype=float)
    if len(xs) < 3:
        return None
    rx, ry = xs.rank(), ys.rank()
    if rx.std() == 0 or ry.std() == 0:
        return None
    return float(np.corrcoef(rx, ry)[0, 1])


def _ids(*frames: pd.DataFrame) -> tuple[str, ...]:
    found: set[str] = set()
    for f in frames:
        if f is not None and len(f) and "source_id" in f:
            found |= set(f["source_id"].dropna())
    return tuple(sorted(found))


def _latest(frame: pd.DataFrame, measure: str) -> pd.DataFrame:
    rows = frame[(frame["measure"] == measure) & frame["share"].notna()]
    if rows.empty:
        return rows
    return rows[rows["period_end"] == rows["period_end"].max()]


def to_usd(amount: float, currency: str, rmb_per_usd: float) -> float:
    return float(amount) / rmb_per_usd if currency == "RMB" else float(amount)


# --- prepare ---------------------------------------------------------------------------------------------------

def prepare(tables: Mapping[str, pd.DataFrame]) -> Evidence:
    """The parameter-free evidence of the chapter."""
    ev = Evidence()
    shares = tables["china_market_shares"]
    ev.windows = share_windows(shares)
    ev.sources["C37"] = _ids(shares)
    _prepare_stack(ev, tables["maas_cloud_stack"], shares)
    _prepare_labs(ev, tables["china_partnerships"])
    _prepare_figures(ev, tables)
    ev.model_inputs = model_inputs(tables)
    ev.model_figures = default_model_figures(ev.model_inputs)
    return ev


def share_windows(shares: pd.DataFrame) -> list[Window]:
    """For every series with two or more periods: the start leader's share at the first and last period."""
    out = []
    rows = shares[shares["share"].notna()]
    for (measure, series), group in rows.groupby(["measure", "series"], sort=True):
        periods = group.sort_values("period_end")["period"].drop_duplicates().tolist()
        if len(periods) < 2:
            continue
        first = group[group["period"] == periods[0]]
        leader = first.sort_values(["share", "vendor"], ascending=[False, True]).iloc[0]
        last = group[(group["period"] == periods[-1]) & (group["vendor"] == leader["vendor"])]
        if last.empty:
            continue
        read = group[group["period"].isin([periods[0], periods[-1]]) & (group["vendor"] == leader["vendor"])]
        out.append(Window(measure, series, periods[0], periods[-1], leader["vendor"], float(leader["share"]),
                          float(last["share"].iloc[0]), after_article(read)))
    return out


def _prepare_stack(ev: Evidence, stack: pd.DataFrame, shares: pd.DataFrame) -> None:
    revenue = _latest(shares, "omdia-ai-cloud-revenue")
    china = stack[stack["region"] == "China"]
    layers = china.groupby("company")["layer"].nunique()
    clouds = china.groupby("company")["cloud"].first()
    rows = []
    for _, r in revenue.iterrows():
        if r["company"] in layers.index:
            rows.append((r["company"], str(clouds[r["company"]]), int(layers[r["company"]]), float(r["share"])))
    ev.stack = sorted(rows, key=lambda t: (-t[3], t[0]))
    ev.stack_period = str(revenue["period"].iloc[0]) if len(revenue) else ""
    ev.stack_rho = spearman([t[2] for t in rows], [t[3] for t in rows])
    ev.sources["C31"] = _ids(china[china["company"].isin([t[0] for t in rows])], revenue)


def _prepare_labs(ev: Evidence, deals: pd.DataFrame) -> None:
    deals = deals.sort_values(["date", "deal_id"])
    labs = []
    for partner, group in deals.groupby("partner", sort=True):
        firsts = group[group["names_primary_cloud"] | (group["kind"] == "exclusivity-change")]
        if firsts.empty:
            continue
        head = firsts.iloc[0]
        first_cloud, since = head["cloud_company"], head["date"]
        compute_kinds = {"compute-deal", "cloud-commitment", "compute-for-equity", "preferred-cloud"}
        later = group[group["date"] >= since]
        moved = bool(((later["cloud_company"] != first_cloud) & later["kind"].isin(compute_kinds)).any()
                     or (later["kind"] == "exclusivity-change").any())
        kept = bool(((later["cloud_company"] == first_cloud) & (later["deal_id"] != head["deal_id"])
                     & ~later["kind"].isin({"exclusivity-change"})).any())
        labs.append(Lab(str(partner), str(first_cloud), moved, kept))
    ev.labs = labs
    earmarked = deals[deals["cloud_earmark_bn"].notna() & (deals["kind"] == "compute-for-equity")]
    sizes = deals[deals["amount_bn"].notna() & (deals["kind"] == "equity")]
    share = None
    for _, r in earmarked.iterrows():
        same = sizes[(sizes["partner"] == r["partner"]) & (sizes["cloud_company"] == r["cloud_company"])
                     & (sizes["date"] == r["date"])]
        if len(same) and float(same["amount_bn"].iloc[0]) > 0:
            share = float(r["cloud_earmark_bn"]) / float(same["amount_bn"].iloc[0])
    ev.earmark_share = share
    ev.sources["C27"] = _ids(deals)


# --- the rules --------------------------------------------------------------------------------------------------

@rule("C37", reads=("min_share_gain_pp",))
def c37_strong_get_stronger(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """Did the vendor leading at the start of each like-for-like share series gain at least `min_share_gain_pp`
    percentage points by its end? Gains in at least half the windows: partly supported (the cost half of the
    claim has no data); in fewer: contradicted. No window: not testable with this data. The chain model's reading
    (does the vendor leading halfway gain further by the end?) is weighed as `with_model` says: it is not data
    about the market, so it never decides the claim alone."""
    gain = float(params["min_share_gain_pp"])
    n = len(ev.windows)
    model = ev.model_figures.get("C37") or ChainFigure("C37", 0.0, TEXT["chain_missing"], NONE, "none", ())
    if n == 0:
        _, added = with_model(NOT_TESTABLE_HERE, model)
        return Verdict.not_testable_here(TEXT["c37_none"] + added, sources=ev.sources.get("C37", ()))
    k = sum(w.gain_pp >= gain for w in ev.windows)
    windows = TEXT["sep_windows"].join(TEXT["c37_window_late" if w.late else "c37_window"].format(
        leader=w.leader, start=w.start, end=w.end, first=w.first, last=w.last) for w in ev.windows)
    figure = TEXT["c37_figure"].format(gain=gain, k=k, n=n)
    sources = ev.sources.get("C37", ()) + model.sources
    if 2 * k >= n:
        label, added = with_model(PARTLY, model)
        reason = TEXT["c37_reason"].format(k=k, n=n, windows=windows, gain=gain, most=majority(k / n))
        return Verdict(label, figure, reason + added, PROXY, sources)
    label, added = with_model(CONTRADICTED, model)
    k_text = TEXT["none"] if k == 0 else TEXT["only"].format(k=k)
    reason = TEXT["c37_reason_against"].format(k_text=k_text, n=n, windows=windows, gain=gain)
    return Verdict(label, figure, reason + added, PROXY, sources)


@rule("C31", reads=("completeness_rank_agreement",))
def c31_competitiveness(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """Two testable parts of 'completeness x integration x cost efficiency': (a) the cloud with the most complete
    documented stack leads AI-cloud revenue; (b) documented completeness ranks the clouds as revenue does (rank
    correlation at least `completeness_rank_agreement`). Both: supported; one: partly; neither: contradicted."""
    threshold = float(params["completeness_rank_agreement"])
    if len(ev.stack) < 3 or ev.stack_rho is None:
        return Verdict.not_testable_here(TEXT["c31_few"], sources=ev.sources.get("C31", ()))
    most = max(t[2] for t in ev.stack)
    top = sorted(t for t in ev.stack if t[2] == most)[0]
    rev_leader = ev.stack[0]
    leads = rev_leader[2] == most
    ranks = ev.stack_rho >= threshold
    label = SUPPORTED if leads and ranks else PARTLY if leads or ranks else CONTRADICTED
    rank_clause = "at or above" if ranks else "below"
    leader_clause = TEXT["c31_leads"] if leads else TEXT["c31_not_leads"].format(rev_leader=rev_leader[1])
    reason = TEXT["c31_reason"].format(n=len(ev.stack), top=top[1], layers=most, all_layers=len(LAYERS),
                                       leader_clause=leader_clause, period=ev.stack_period, rho=ev.stack_rho,
                                       rank_clause=rank_clause, threshold=threshold)
    figure = TEXT["c31_figure"].format(rho=ev.stack_rho, leader_word="is" if leads else "is not")
    return Verdict(label, figure, reason, PROXY, ev.sources.get("C31", ()))


@rule("C27", reads=("multihome_share",))
def c27_lock_in(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """Among model makers with a named primary or exclusive cloud, the share that later took compute from
    another cloud (or lost exclusivity). At or above `multihome_share`: migration costs did not hold them; partly
    supported if some still signed more with the first cloud (lock-in by contract), contradicted if none did.
    Below: supported (anecdotal). Fewer than two such model makers: not testable with this data."""
    threshold = float(params["multihome_share"])
    n = len(ev.labs)
    if n < 2:
        return Verdict.not_testable_here(TEXT["c27_few"], sources=ev.sources.get("C27", ()))
    moved = [lab for lab in ev.labs if lab.moved]
    k, share = len(moved), len(moved) / n
    figure = TEXT["c27_figure"].format(k=k, n=n)
    if share < threshold:
        reason = TEXT["c27_reason_strong"].format(k=k, n=n, share=share, threshold=threshold)
        return Verdict(SUPPORTED, figure, reason, ANECDOTE, ev.sources.get("C27", ()))
    kept = [lab for lab in moved if lab.kept]
    if kept:
        kept_clause = TEXT["c27_kept"].format(kept=len(kept), kept_names=", ".join(lab.partner for lab in kept))
        if ev.earmark_share is not None:
            kept_clause += TEXT["c27_earmark"].format(earmark=ev.earmark_share)
    else:
        kept_clause = TEXT["c27_not_kept"]
    reason = TEXT["c27_reason_weak"].format(k=k, n=n, moved=", ".join(lab.partner for lab in moved),
                                            share=share, threshold=threshold, kept_clause=kept_clause)
    return Verdict(PARTLY if kept else CONTRADICTED, figure, reason, ANECDOTE, ev.sources.get("C27", ()))


RULES = {"C27": c27_lock_in, "C31": c31_competitiveness, "C37": c37_strong_get_stronger}


# --- chain figures: China's evidence on claims other chapters own -----------------------------------------------

SUPPORTS, CONTRADICTS, MIXED, NONE = "supports", "contradicts", "mixed", "no evidence"


@dataclass(frozen=True)
class ChainFigure:
    """China's evidence on one claim: a number, the sentence that states it, which way it points (supports,
    contradicts, mixed or no evidence), the evidence grade and the sources. Owning chapters' rules read these."""

    claim: str
    value: float
    text: str
    points: str
    evidence: str = PROXY
    sources: tuple[str, ...] = ()
    # True only when the figure measures the part of the claim the owning rule calls undecidable: only then may it
    # decide a claim no other data decide (`with_china`). Otherwise it is context.
    decides: bool = False
    # False when the figure compares unlike things (for example open-weight models only, for a claim about the
    # frontier): it is then context and moves no verdict.
    comparable: bool = True

    @property
    def short(self) -> str:
        """The deciding figure in a few words (for a verdict China's evidence alone decides)."""
        key = f"short_{self.claim}" if f"short_{self.claim}" in TEXT else "short_model"
        return TEXT[key].format(v=self.value, pp=self.value * 100, first=self.text.split(";")[0].rstrip("."))


FigureFunction = Callable[[Evidence, Mapping[str, Any]], ChainFigure]
CHAIN_FIGURES: dict[str, FigureFunction] = {}
FIGURE_READS: dict[str, tuple[str, ...]] = {}


def chain_figure_rule(claim: str, reads: tuple[str, ...] = ()) -> Callable[[FigureFunction], FigureFunction]:
    """Register `fn(evidence, params) -> ChainFigure` as the chain figure for `claim`, reading `reads`."""

    def wrap(fn: FigureFunction) -> FigureFunction:
        CHAIN_FIGURES[claim] = fn
        FIGURE_READS[claim] = tuple(reads)
        return fn

    return wrap


def chain_figure(claim: str, evidence: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    """China's evidence on `claim` (see CHAIN_FIGURES for the claims covered); its sentence ends "(published
    after the article)" when a row it reads is dated after the article or noted so (`verdicts.after_article`)."""
    fig = CHAIN_FIGURES[claim](evidence, params)
    if fig.points != NONE and evidence.late.get(claim):
        end = fig.text[-1:] if fig.text[-1:] in (".", "。") else ""     # the full stop of either edition
        fig = replace(fig, text=fig.text[:len(fig.text) - len(end)] + TEXT["late"] + end)
    return fig


def _missing(claim: str, ev: Evidence) -> ChainFigure:
    return ChainFigure(claim, 0.0, TEXT["missing"], NONE, "none", ev.sources.get(claim, ()))


MODEL_RESOURCES = ("china_market_shares", "gpu_buyers", "maas_cloud_stack")
# The tables each chain figure reads, so an owning chapter declares (and loads) only those.
FIGURE_RESOURCES: dict[str, tuple[str, ...]] = {
    "C01": ("china_market_shares",), "C03": ("china_nvidia",), "C06": ("china_nvidia",), "C09": MODEL_RESOURCES,
    "C10": ("china_chipmakers", "china_nvidia"), "C12": ("china_cloud_revenue",), "C13": ("china_cloud_revenue",),
    "C14": ("china_cloud_revenue",), "C15": ("china_market_shares", "china_model_prices", "china_model_scores"),
    "C16": ("china_market_shares", "timeline_events", "china_reference"),
    "C21": ("china_model_scores", "china_model_prices"),
    "C24": ("infra_serving_throughput", "maas_list_prices", "china_model_prices"),
    "C29": ("infra_serving_throughput", "maas_list_prices", "china_model_prices"), "C36": ("china_capex",),
    "C38": ("china_gpu_rents", "infra_rental_prices", "china_reference"),
}


def resources_for(claims: tuple[str, ...] | list[str],
                  model_claims: tuple[str, ...] | list[str] = ()) -> tuple[str, ...]:
    """The resources the chain figures of `claims` and the model readings of `model_claims` read."""
    found = {r for c in claims for r in FIGURE_RESOURCES[c]} | (set(MODEL_RESOURCES) if model_claims else set())
    return tuple(sorted(found))


def _prep_c01(ev: Evidence, t: Mapping[str, pd.DataFrame]) -> None:
    shares = t["china_market_shares"]
    ev.figures["C01"] = _tokens_vs_revenue(shares)
    ev.sources["C01"] = _ids(shares[shares["measure"].isin(["idc-public-cloud-tokens", "omdia-ai-cloud-revenue"])])


def _prep_nvidia(ev: Evidence, t: Mapping[str, pd.DataFrame]) -> None:
    nv = t["china_nvidia"]
    ev.figures["C03"] = ev.figures["C06"] = _nvidia(nv)
    ev.sources["C03"] = ev.sources["C06"] = _ids(nv)


def _prep_c10(ev: Evidence, t: Mapping[str, pd.DataFrame]) -> None:
    nv, chips = t["china_nvidia"], t["china_chipmakers"]
    read = _chip_rows(chips)
    late = {str(c) for c, rows in read.groupby("company") if after_article(rows)}   # flagged company by company
    ev.figures["C10"] = {"chips": _chip_growth(chips), "h20_last": _nvidia(nv).get("h20_last"), "late": late}
    ev.sources["C10"] = _ids(chips, nv[nv["metric"] == "h20-china-sales"])
    ev.late["C10"] = after_article(nv[nv["metric"] == "h20-china-sales"].tail(1))


def _prep_revenue(ev: Evidence, t: Mapping[str, pd.DataFrame]) -> None:
    rev, f = t["china_cloud_revenue"], ev.figures
    f["C12"], f["C13"], f["C14"] = _rental(rev), _streak(rev), _own_model_growth(rev)
    for claim in ("C12", "C13"):      # the rows each figure reads, dated against the article
        ev.late[claim] = after_article(f[claim].pop("read", rev.iloc[:0]))
    ev.late["C14"] = bool(f["C14"].pop("late", False))
    ev.sources["C12"] = _ids(rev[rev["company"] == f["C12"].get("company")])
    ev.sources["C13"] = _ids(rev[rev["company"] == f["C13"].get("company")])
    ev.sources["C14"] = _ids(rev[(rev["basis"] == "quarter") & ~rev["proxy"] & (rev["measure"] == "segment-revenue")])


def _prep_c15(ev: Evidence, t: Mapping[str, pd.DataFrame]) -> None:
    shares, prices, scores = t["china_market_shares"], t["china_model_prices"], t["china_model_scores"]
    ev.figures["C15"] = _open_vs_closed(shares, prices, scores)
    ev.sources["C15"] = _ids(shares[shares["measure"] == "fs-enterprise-tokens"], scores)


def _prep_c16(ev: Evidence, t: Mapping[str, pd.DataFrame]) -> None:
    shares = t["china_market_shares"]
    ev.figures["C16"] = _company_ranks(shares, t["timeline_events"], C16_COMPANY)
    ref = t["china_reference"]
    market = ref[ref["metric"] == MARKETPLACE_METRIC]
    if len(market):
        ev.figures["C16"].update(market_count=float(market["value"].iloc[0]),
                                 market_period=str(market["period"].iloc[0]))
    ev.sources["C16"] = _ids(shares[shares["company"] == C16_COMPANY], market)


def _prep_c21(ev: Evidence, t: Mapping[str, pd.DataFrame]) -> None:
    prices, scores = t["china_model_prices"], t["china_model_scores"]
    ev.figures["C21"] = {"gaps": _score_gaps(scores), "prices": prices, **_price_arrays(prices)}
    ev.sources["C21"] = _ids(scores, prices)


def _prep_cost(ev: Evidence, t: Mapping[str, pd.DataFrame]) -> None:
    stacks = _stacks(t["infra_serving_throughput"])
    prices = _china_prices_latest(t["maas_list_prices"], t["china_model_prices"])
    ev.figures["C24"] = ev.figures["C29"] = {
        "stacks": stacks, "prices": prices,
        "cls": stacks["hardware_class"].to_numpy(str), "prefill": stacks["prefill"].to_numpy(float),
        "decode": stacks["decode"].to_numpy(float), "p_out": prices["output_per_mtok"].to_numpy(float),
        "p_in": prices["input_per_mtok"].to_numpy(float), "p_rmb": (prices["currency"] == "RMB").to_numpy(bool)}
    ev.sources["C24"] = ev.sources["C29"] = _ids(t["infra_serving_throughput"], t["china_model_prices"])


def _prep_c36(ev: Evidence, t: Mapping[str, pd.DataFrame]) -> None:
    capex = t["china_capex"]
    ev.figures["C36"] = {"capex": capex, **_capex_facts(capex)}
    ev.sources["C36"] = _ids(capex)


def _prep_c38(ev: Evidence, t: Mapping[str, pd.DataFrame]) -> None:
    ev.figures["C38"] = _rents(t["china_gpu_rents"], t["infra_rental_prices"], t["china_reference"])
    ev.sources["C38"] = _ids(t["china_gpu_rents"], t["infra_rental_prices"])


PREPARERS: dict[str, Callable[[Evidence, Mapping[str, pd.DataFrame]], None]] = {
    "C01": _prep_c01, "C03": _prep_nvidia, "C06": _prep_nvidia, "C10": _prep_c10, "C12": _prep_revenue,
    "C13": _prep_revenue, "C14": _prep_revenue, "C15": _prep_c15, "C16": _prep_c16, "C21": _prep_c21,
    "C24": _prep_cost, "C29": _prep_cost, "C36": _prep_c36, "C38": _prep_c38,
}


def _prepare_figures(ev: Evidence, tables: Mapping[str, pd.DataFrame],
                     claims: tuple[str, ...] | list[str] | None = None) -> None:
    """The parameter-free inputs of the chain figures of `claims` (all when None), each preparer run once."""
    wanted = [c for c in PREPARERS if claims is None or c in claims]
    for fn in dict.fromkeys(PREPARERS[c] for c in wanted):
        fn(ev, tables)


def _price_arrays(prices: pd.DataFrame) -> dict[str, Any]:
    """Output list prices as arrays, so a rule swept thousands of times converts them without pandas."""
    return {"out": prices["output_per_mtok"].to_numpy(float), "rmb": (prices["currency"] == "RMB").to_numpy(bool),
            "cn": (prices["country"] == "China").to_numpy(bool), "us": (prices["country"] == "US").to_numpy(bool),
            "models": prices["model"].astype(str).tolist()}


def _capex_facts(capex: pd.DataFrame) -> dict[str, Any]:
    """C36's parameter-free facts: the first pledge's company, the spending pace against its yearly average,
    and the plans for the year most reports speak to (amounts and currencies, for a cheap conversion)."""
    pledge = capex[capex["status"] == "pledge"]
    if capex.empty or pledge.empty:
        return {}
    p = pledge.iloc[0]
    years = max((p["period_end"] - p["period_start"]).days / 365.25, 1e-9)
    ttm = capex[(capex["company"] == p["company"]) & (capex["basis"] == "trailing-four-quarters")
                & (capex["status"] == "reported")].sort_values("period_end")
    plans = capex[(capex["basis"] == "year") & capex["status"].isin(["plan-reported", "estimate"])
                  & capex["measure"].str.startswith("capital spending")]
    if ttm.empty or plans.empty or not float(p["amount_bn"]) > 0:
        return {}
    counts = plans.groupby("period_end").size()
    busiest = counts[counts == counts.max()].index.max()   # the year most reports speak to, latest if tied
    top = plans[plans["period_end"] == busiest]
    return {"company": str(p["company"]), "pace": float(ttm["amount_bn"].iloc[-1]) / (float(p["amount_bn"]) / years),
            "year": str(top["period_label"].iloc[0]), "plan_amount": top["amount_bn"].to_numpy(float),
            "plan_usd": (top["currency"] == "USD").to_numpy(bool), "plan_company": top["company"].astype(str).tolist()}


def _tokens_vs_revenue(shares: pd.DataFrame) -> dict[str, Any]:
    tok = shares[(shares["measure"] == "idc-public-cloud-tokens") & shares["share"].notna()]
    rev = shares[(shares["measure"] == "omdia-ai-cloud-revenue") & shares["share"].notna()]
    common = sorted(set(tok["period"]) & set(rev["period"]))
    if not common:
        return {}
    period = max(common, key=lambda p: tok.loc[tok["period"] == p, "period_end"].max())
    t = tok[tok["period"] == period].set_index("vendor")["share"]
    r = rev[rev["period"] == period].set_index("vendor")["share"]
    both = sorted(set(t.index) & set(r.index))
    tl, rl = t.idxmax(), r.idxmax()
    return {"period": period, "tok": tl, "tok_t": float(t[tl]), "tok_r": float(r.get(tl, np.nan)),
            "rev": rl, "rev_r": float(r[rl]), "rev_t": float(t.get(rl, np.nan)), "n_common": len(both),
            "rho": spearman([t[v] for v in both], [r[v] for v in both]),
            "table": pd.DataFrame({"vendor": both, "tokens": [t[v] for v in both], "revenue": [r[v] for v in both]})}


def _nvidia(nv: pd.DataFrame) -> dict[str, Any]:
    years = nv[nv["basis"] == "year"].pivot_table(index="period_label", columns="metric", values="value")
    out: dict[str, Any] = {}
    if {"china-revenue", "total-revenue"} <= set(years.columns):
        both = years.dropna(subset=["china-revenue", "total-revenue"]).sort_index()
        if len(both):
            out["fy"] = [(str(i), float(r["china-revenue"]), float(r["china-revenue"] / r["total-revenue"]))
                         for i, r in both.iterrows()]
    h20 = nv[nv["metric"] == "h20-china-sales"].sort_values("period_end")
    if len(h20):
        out["h20_peak"] = float(h20["value"].max())
        out["h20_peak_label"] = str(h20.loc[h20["value"].idxmax(), "period_label"])
        out["h20_last"] = float(h20["value"].iloc[-1])
        out["h20_last_label"] = str(h20["period_label"].iloc[-1])
    return out


def _chip_rows(chips: pd.DataFrame) -> pd.DataFrame:
    """The fiscal-year revenue rows `_chip_growth` compares: each company's first and last."""
    rev = chips[(chips["metric"] == "revenue") & chips["period_label"].str.startswith("FY")].sort_values("period_end")
    return pd.concat([g.iloc[[0, -1]] for _, g in rev.groupby("company", sort=True) if len(g) >= 2] or [rev.iloc[:0]])


def _chip_growth(chips: pd.DataFrame) -> list[tuple[str, str, str, float]]:
    rev = chips[(chips["metric"] == "revenue") & chips["period_label"].str.startswith("FY")]
    out = []
    for company, group in rev.groupby("company", sort=True):
        group = group.sort_values("period_end")
        if len(group) >= 2 and float(group["value"].iloc[0]) > 0:
            out.append((str(company), str(group["period_label"].iloc[0]), str(group["period_label"].iloc[-1]),
                        float(group["value"].iloc[-1] / group["value"].iloc[0])))
    return out


def _rental(rev: pd.DataFrame) -> dict[str, Any]:
    gpu = rev[(rev["measure"] == "gpu-rental") & rev["yoy"].notna()].sort_values("period_end")
    if gpu.empty:
        return {}
    g = gpu.iloc[-1]
    seg = rev[(rev["company"] == g["company"]) & (rev["measure"] == "segment-revenue")
              & (rev["period_end"] == g["period_end"]) & rev["yoy"].notna()]
    if seg.empty:
        return {}
    return {"period": g["period_label"], "line": g["segment"], "growth": float(g["yoy"]),
            "seg": float(seg["yoy"].iloc[0]), "company": g["company"],
            "read": pd.concat([gpu.tail(1), seg.head(1)])}


def _streak(rev: pd.DataFrame) -> dict[str, Any]:
    streak = rev[rev["ai_streak"].notna()]
    if streak.empty:
        return {}
    company = streak.sort_values("ai_streak").iloc[-1]["company"]
    series = streak[streak["company"] == company]["series"].iloc[-1]
    q = rev[(rev["series"] == series) & (rev["basis"] == "quarter") & rev["yoy"].notna()].sort_values("period_end")
    if len(q) < 2:
        return {}
    return {"company": company, "g0": float(q["yoy"].iloc[0]), "p0": q["period_label"].iloc[0],
            "g1": float(q["yoy"].iloc[-1]), "p1": q["period_label"].iloc[-1],
            "streak": int(streak[streak["company"] == company]["ai_streak"].max()), "read": q.iloc[[0, -1]]}


def _own_model_growth(rev: pd.DataFrame) -> dict[str, Any]:
    q = rev[(rev["measure"] == "segment-revenue") & (rev["basis"] == "quarter") & ~rev["proxy"]
            & rev["yoy"].notna()].copy()
    q["own"] = q["own_model"].notna()
    rows = []
    for _, group in q.groupby("period_end", sort=True):
        own, other = group[group["own"]]["yoy"], group[~group["own"]]["yoy"]
        if len(own) and len(other):
            rows.append((group["period_label"].iloc[0], float(own.median()), float(other.median())))
    others = sorted(q[~q["own"]]["company"].unique())
    owners = sorted(q[q["own"]]["company"].unique())
    return {"rows": rows, "others": others, "owners": owners} | ({} if q.empty else {"late": after_article(q)})


def _open_companies(prices: pd.DataFrame, scores: pd.DataFrame) -> set[str]:
    both = pd.concat([prices[["vendor", "weights"]], scores[["vendor", "weights"]]])
    return set(both.loc[both["weights"] == "open", "vendor"])


def _open_vs_closed(shares: pd.DataFrame, prices: pd.DataFrame, scores: pd.DataFrame) -> dict[str, Any]:
    fs = shares[(shares["measure"] == "fs-enterprise-tokens") & shares["share"].notna()]
    periods = fs.sort_values("period_end")["period"].drop_duplicates().tolist()
    if len(periods) < 2:
        return {}
    opened = _open_companies(prices, scores)
    known = set(prices["vendor"]) | set(scores["vendor"])
    out: dict[str, Any] = {"p0": periods[0], "p1": periods[-1]}
    for name, keep in (("open", lambda c: c in opened), ("closed", lambda c: c in known and c not in opened)):
        for key, period in (("s0", periods[0]), ("s1", periods[-1])):
            rows = fs[(fs["period"] == period) & fs["company"].map(keep)]
            out[f"{name}_{key}"] = float(rows["share"].sum())
        out[f"{name}_n"] = int(fs[fs["company"].map(keep)]["vendor"].nunique())
    return out


def _company_ranks(shares: pd.DataFrame, events: pd.DataFrame, company: str) -> dict[str, Any]:
    tok = _latest(shares, "idc-public-cloud-tokens")
    rev = _latest(shares, "omdia-ai-cloud-revenue")
    out: dict[str, Any] = {"company": company}
    for key, frame in (("tok", tok), ("rev", rev)):
        ranked = frame.sort_values("share", ascending=False).reset_index(drop=True)
        hit = ranked.index[ranked["company"] == company]
        out[f"{key}_rank"] = int(hit[0]) + 1 if len(hit) else None
        out[f"n_{key}"] = len(ranked)
    opened = events[events["actor"].str.contains(company, regex=False)
                    & events["event"].str.contains("open", case=False)]
    out["open_date"] = f"{opened['date'].min():%d %B %Y}" if len(opened) else None
    return out


def _score_gaps(scores: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for (bench, version, date), g in scores.groupby(["benchmark", "version", "date"], sort=True):
        cn, us = g[g["country"] == "China"], g[g["country"] == "US"]
        if len(cn) and len(us):
            # no closed US model listed: compare the best open-weight models of each country (like with like)
            open_only = not (us["weights"] == "closed").any()
            if open_only:
                cn, us = cn[cn["weights"] == "open"], us[us["weights"] == "open"]
            has_pair = bool(len(cn) and len(us))
            if not has_pair:
                cn, us = g[g["country"] == "China"], g[g["country"] == "US"]
            best_cn, best_us = cn.loc[cn["score"].idxmax()], us.loc[us["score"].idxmax()]
            out.append({"benchmark": bench, "version": version, "date": date, "n": len(g),
                        "independent": bool((g["reported_by"] == "independent").all()),
                        "cn": best_cn["model"], "us": best_us["model"], "open_only": bool(open_only),
                        "has_open_pair": has_pair, "gap": float(best_cn["score"] - best_us["score"])})
    return sorted(out, key=lambda d: (not d["independent"], -d["n"], d["benchmark"]))


def _stacks(runs: pd.DataFrame) -> pd.DataFrame:
    """Published stacks with both a prefill and a decode figure in a batch setting (like for like)."""
    # a zero throughput is no figure to cost a token with (valid in the schema, it would divide by zero)
    batch = runs[runs["setting"].isin(["production", "profile", "throughput"]) & (runs["tokens_per_s"] > 0)].copy()
    batch["per_acc"] = batch["tokens_per_s"] / batch["per_accelerators"]
    wide = batch.pivot_table(index=["operator", "stack", "hardware", "hardware_class", "model"], columns="phase",
                             values="per_acc", aggfunc="max").reset_index()
    if not {"prefill", "decode"} <= set(wide.columns):
        return pd.DataFrame(columns=["operator", "stack", "hardware", "hardware_class", "model", "prefill",
                                     "decode"])
    return wide.dropna(subset=["prefill", "decode"]).reset_index(drop=True)


def _china_prices_latest(maas: pd.DataFrame, prices: pd.DataFrame) -> pd.DataFrame:
    """Chinese list prices seen in the latest calendar year of the data, with separate input and output rates."""
    year = max([d.year for d in (maas["date"].max(), prices["effective"].max()) if not pd.isna(d)], default=0)
    start = pd.Timestamp(year=max(year, 1900), month=1, day=1)
    m = maas[(maas["date"] >= start) & maas["output_per_mtok"].notna() & ~maas["single_rate"]]
    a = m[["vendor", "model", "currency", "input_per_mtok", "output_per_mtok", "source_id"]]
    c = prices[(prices["country"] == "China") & (prices["effective"] >= start)]
    b = c[["vendor", "model", "currency", "input_per_mtok", "output_per_mtok", "source_id"]]
    both = pd.concat([a, b], ignore_index=True)
    return both[both["output_per_mtok"] > 0].reset_index(drop=True)


def _rents(china: pd.DataFrame, us: pd.DataFrame, ref: pd.DataFrame) -> dict[str, Any]:
    mid = (china["low"] + china["high"]) / 2
    wide = china.assign(mid=mid).pivot_table(index=["report_id", "hardware"], columns="stage", values="mid")
    ratios = (wide["after"] / wide["peak"]).dropna() if {"after", "peak"} <= set(wide.columns) else pd.Series()
    market = us[us["market"].str.startswith("market rental")].sort_values("period")
    us_ratio = None
    if len(market) >= 2:
        first, last = market.iloc[0], market.iloc[-1]
        us_ratio = float(((last["usd_per_gpu_hour_low"] + last["usd_per_gpu_hour_high"]) / 2)
                         / ((first["usd_per_gpu_hour_low"] + first["usd_per_gpu_hour_high"]) / 2))
    refs = ref.set_index("metric")["value"]
    return {"ratios": ratios.reset_index().rename(columns={0: "ratio"}) if len(ratios) else pd.DataFrame(),
            "cn_lo": float(ratios.min()) if len(ratios) else None,
            "cn_hi": float(ratios.max()) if len(ratios) else None,
            "us": us_ratio, "unused": _share_of(refs, "unused_share_new_compute")}


@chain_figure_rule("C01")
def fig_c01(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    d = ev.figures.get("C01") or {}
    if not d or not finite(d["tok_r"], d["rev_t"]):
        return _missing("C01", ev)
    text = TEXT["fig_c01"].format(**d)
    return ChainFigure("C01", d["tok_t"] / d["tok_r"] if d["tok_r"] else 0.0, text,
                       SUPPORTS if d["tok"] != d["rev"] else CONTRADICTS, PROXY, ev.sources["C01"])


def _fig_nvidia(claim: str, ev: Evidence) -> ChainFigure:
    d = ev.figures.get(claim) or {}
    if len(d.get("fy", [])) < 2 or "h20_peak" not in d:
        return _missing(claim, ev)
    (fy0, first, s0), (fy1, last, s1) = d["fy"][0], d["fy"][-1]
    if claim == "C03":
        text = TEXT["fig_c03"].format(word=direction(last - first), first=first, fy0=fy0, last=last, fy1=fy1,
                                      share_word=direction(s1 - s0), s0=s0, s1=s1)
        return ChainFigure(claim, last / first - 1, text, SUPPORTS if last > first else MIXED, PROXY,
                           ev.sources[claim])
    text = TEXT["fig_c06"].format(fy0=fy0, first=first, s0=s0, h20=d["h20_peak"], h20_label=d["h20_peak_label"])
    return ChainFigure(claim, s0, text, SUPPORTS if first > 0 else CONTRADICTS, PROXY, ev.sources[claim])


@chain_figure_rule("C03")
def fig_c03(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    return _fig_nvidia("C03", ev)


@chain_figure_rule("C06")
def fig_c06(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    return _fig_nvidia("C06", ev)


@chain_figure_rule("C10")
def fig_c10(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    d = ev.figures.get("C10") or {}
    if not d.get("chips") or d.get("h20_last") is None:
        return _missing("C10", ev)
    low = min(d["chips"], key=lambda c: c[3])
    late = d.get("late", set())
    changes = TEXT["sep"].join(TEXT["fig_c10_one"].format(company=c, ratio=r, p0=p0, p1=p1)
                        + (TEXT["late"] if c in late else "") for c, p0, p1, r in d["chips"])
    text = TEXT["fig_c10"].format(changes=changes, h20_last=d["h20_last"])
    rose = all(r > 1 for *_, r in d["chips"])
    # Independent chip makers' revenue, not the clouds' own chips the claim names (Kunlun, Hanguang, Ascend):
    # context, never a part of the claim that could lift or lower its verdict.
    return ChainFigure("C10", low[3], text, SUPPORTS if rose else MIXED, PROXY, ev.sources["C10"], comparable=False)


@chain_figure_rule("C12")
def fig_c12(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    d = ev.figures.get("C12") or {}
    if not d:
        return _missing("C12", ev)
    gap = d["growth"] - d["seg"]
    pace = TEXT["pace_faster" if gap > 0 else "pace_slower" if gap < 0 else "pace_same"]
    # Revenue growth, not margin: it never measures the undecided part ("which makes money"), so it is context.
    return ChainFigure("C12", gap, TEXT["fig_c12"].format(pace=pace, **d),
                       CONTRADICTS if gap > 0 else MIXED, PROXY, ev.sources["C12"])


@chain_figure_rule("C13")
def fig_c13(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    d = ev.figures.get("C13") or {}
    if not d:
        return _missing("C13", ev)
    change = d["g1"] - d["g0"]
    return ChainFigure("C13", change, TEXT["fig_c13"].format(word=direction(change), **d),
                       SUPPORTS if change > 0 else CONTRADICTS, ANECDOTE, ev.sources["C13"])


@chain_figure_rule("C14")
def fig_c14(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    d = ev.figures.get("C14") or {}
    rows = d.get("rows", [])
    if not rows:
        return _missing("C14", ev)
    k = sum(own > other for _, own, other in rows)
    gap = float(np.median([(own - other) * 100 for _, own, other in rows]))
    points = SUPPORTS if 2 * k > len(rows) else CONTRADICTS if 2 * k < len(rows) else MIXED
    text = TEXT["fig_c14"].format(others=", ".join(d["others"]), k=k, n=len(rows), gap=gap)
    return ChainFigure("C14", gap, text, points, PROXY, ev.sources["C14"])


@chain_figure_rule("C15")
def fig_c15(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    d = ev.figures.get("C15") or {}
    if not d or not d.get("open_n") or not d.get("closed_n"):
        return _missing("C15", ev)
    gain_open, gain_closed = d["open_s1"] - d["open_s0"], d["closed_s1"] - d["closed_s0"]
    text = TEXT["fig_c15b"].format(**d, open_word=direction(gain_open), closed_word=direction(gain_closed))
    return ChainFigure("C15", (gain_open - gain_closed) * 100, text,
                       SUPPORTS if gain_open > gain_closed else CONTRADICTS, PROXY, ev.sources["C15"])


@chain_figure_rule("C16")
def fig_c16(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    d = ev.figures.get("C16") or {}
    if not d or d.get("tok_rank") is None or d.get("rev_rank") is None:
        return _missing("C16", ev)
    date = d["open_date"] or TEXT["no_date"]
    text = TEXT["fig_c16"].format(company=d["company"], date=date, tok_rank=_ordinal(d["tok_rank"]),
                                  rev_rank=_ordinal(d["rev_rank"]), n_rev=d["n_rev"])
    count = d.get("market_count")
    if count is None:
        # Ranks and an open-weights date say nothing on the marketplace, the part no public data decide: context.
        return ChainFigure("C16", float(d["rev_rank"]), text + TEXT["fig_c16_no_market"], MIXED, ANECDOTE,
                           ev.sources["C16"])
    enough = count >= DOZENS
    text += TEXT["fig_c16_market"].format(count=count, period=d["market_period"], dozens=DOZENS,
                                          against=TEXT["at_least" if enough else "fewer_than"])
    return ChainFigure("C16", float(d["rev_rank"]), text, SUPPORTS if enough else CONTRADICTS, ANECDOTE,
                       ev.sources["C16"], decides=True)


@chain_figure_rule("C21", reads=("indistinct_points", "rmb_per_usd"))
def fig_c21(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    d = ev.figures.get("C21") or {}
    gaps = d.get("gaps", [])
    if not gaps or not len(d.get("out", ())):
        return _missing("C21", ev)
    head = gaps[0]
    if head.get("open_only") and not head.get("has_open_pair"):
        return _missing("C21", ev)
    usd = d["out"] / np.where(d["rmb"], params["rmb_per_usd"], 1.0)     # plain arrays: rules sweep this
    cn, us = usd[d["cn"]], usd[d["us"]]
    if not cn.size or not us.size or cn.min() <= 0:
        return _missing("C21", ev)
    us_model = d["models"][int(np.flatnonzero(d["us"])[int(np.argmax(us))])]
    ratio = float(us.max() / cn.min())
    close = abs(head["gap"]) <= params["indistinct_points"]
    # Like with like: when the index lists no closed US model on its date, open-weight is compared with open-weight,
    # which is not the frontier the claim speaks of, so the figure is context (`comparable` False).
    key = "fig_c21_open" if head["open_only"] else "fig_c21"
    text = TEXT[key].format(bench=head["benchmark"], version=head["version"], date=head["date"],
                            gap=head["gap"], points=params["indistinct_points"], cn=head["cn"], us=head["us"],
                            ratio=ratio, us_model=us_model)
    return ChainFigure("C21", head["gap"], text, SUPPORTS if close else MIXED, PROXY, ev.sources["C21"],
                       comparable=not head["open_only"])


def _costs(ev: Evidence, params: Mapping[str, Any]) -> np.ndarray:
    """Modelled USD per million output tokens (with their prefill) of each published stack (arrays only)."""
    d = ev.figures.get("C24") or {}
    if not len(d.get("cls", ())):
        return np.zeros(0)
    prices = class_prices(params)
    price = np.array([prices[c] for c in d["cls"]], dtype=float)
    return np.asarray(uc.request_cost_per_million_output(price, d["prefill"], d["decode"], params["input_per_output"],
                                                         params["utilisation"]), dtype=float)


def _revenue(ev: Evidence, params: Mapping[str, Any]) -> np.ndarray:
    """The latest year's Chinese list prices as USD per million output tokens plus their inputs (arrays only)."""
    d = ev.figures.get("C24") or {}
    if not len(d.get("p_out", ())):
        return np.zeros(0)
    rate = np.where(d["p_rmb"], 1 / params["rmb_per_usd"], 1.0)
    return (d["p_out"] + params["input_per_output"] * d["p_in"]) * rate


def stack_costs(ev: Evidence, params: Mapping[str, Any]) -> pd.DataFrame:
    """Modelled USD per million output tokens (with their prefill) for every published batch stack."""
    stacks = (ev.figures.get("C24") or {}).get("stacks")
    if stacks is None or stacks.empty:   # every column the cost chart reads, so an empty page still draws
        return pd.DataFrame(columns=["label", "operator", "stack", "hardware", "hardware_class", "model", "prefill",
                                     "decode", "price", "cost"])
    price = stacks["hardware_class"].map(class_prices(params)).astype(float)
    return stacks.assign(label=stacks["operator"] + " / " + stacks["stack"] + " on " + stacks["hardware"],
                         price=price, cost=_costs(ev, params))


def class_prices(params: Mapping[str, Any]) -> dict[str, float]:
    return {"hopper": params["hopper_usd_per_gpu_hour"], "blackwell": params["blackwell_usd_per_gpu_hour"],
            "ascend": params["ascend_usd_per_npu_hour"], "other": params["hopper_usd_per_gpu_hour"]}


def list_revenue(ev: Evidence, params: Mapping[str, Any]) -> pd.DataFrame:
    """The latest year's Chinese list prices as USD per million output tokens plus their inputs."""
    prices = (ev.figures.get("C24") or {}).get("prices")
    if prices is None or prices.empty:
        return pd.DataFrame(columns=["vendor", "model", "currency", "input_per_mtok", "output_per_mtok", "source_id",
                                     "usd"])
    return prices.assign(usd=_revenue(ev, params))


@chain_figure_rule("C24", reads=("hopper_usd_per_gpu_hour", "blackwell_usd_per_gpu_hour", "ascend_usd_per_npu_hour",
                                 "utilisation", "input_per_output", "large_spread"))
def fig_c24(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    costs = _costs(ev, params)
    if len(costs) < 2:
        return _missing("C24", ev)
    lo, hi = float(np.nanmin(costs)), float(np.nanmax(costs))
    spread = hi / lo
    text = TEXT["fig_c24"].format(lo=lo, hi=hi, spread=spread, n=len(costs))
    return ChainFigure("C24", spread, text, SUPPORTS if spread >= params["large_spread"] else MIXED, PROXY,
                       ev.sources["C24"])


@chain_figure_rule("C29", reads=("hopper_usd_per_gpu_hour", "blackwell_usd_per_gpu_hour", "ascend_usd_per_npu_hour",
                                 "utilisation", "input_per_output", "rmb_per_usd"))
def fig_c29(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    costs, revenue = _costs(ev, params), _revenue(ev, params)
    revenue = revenue[np.isfinite(revenue)]
    if not costs.size or not revenue.size:
        return _missing("C29", ev)
    price = float(np.median(revenue))
    k = int((costs > price).sum())
    text = TEXT["fig_c29"].format(price=price, k=k, n=len(costs))
    points = SUPPORTS if 0 < k < len(costs) else MIXED
    return ChainFigure("C29", k / len(costs), text, points, PROXY, ev.sources["C29"])


@chain_figure_rule("C36", reads=("rmb_per_usd",))
def fig_c36(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    d = ev.figures.get("C36") or {}
    if "pace" not in d:
        return _missing("C36", ev)
    rmb = d["plan_amount"] * np.where(d["plan_usd"], params["rmb_per_usd"], 1.0)
    comp = d["plan_company"][int(np.argmax(rmb))]
    mine = rmb[[c == comp for c in d["plan_company"]]]
    text = TEXT["fig_c36"].format(company=d["company"], pace=d["pace"], comp=comp, year=d["year"],
                                  lo=float(mine.min()), hi=float(mine.max()))
    return ChainFigure("C36", d["pace"], text, SUPPORTS if d["pace"] >= 0.9 else MIXED, PROXY, ev.sources["C36"])


@chain_figure_rule("C38")
def fig_c38(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    d = ev.figures.get("C38") or {}
    if d.get("cn_lo") is None or d.get("us") is None or d.get("unused") is None:
        return _missing("C38", ev)
    fell = d["cn_hi"] < 1 and d["us"] < 1
    return ChainFigure("C38", d["cn_hi"], TEXT["fig_c38"].format(**_rent_words(d)), SUPPORTS if fell else MIXED,
                       PROXY, ev.sources["C38"])


def _rent_words(d: Mapping[str, Any]) -> dict[str, Any]:
    """The rents' numbers with the words that follow them: how many reports fell below the peak, and whether US
    market rents fell, rose or stayed."""
    ratios = d["ratios"]["ratio"] if len(d.get("ratios", ())) else pd.Series(dtype=float)
    us = d.get("us")
    word = "" if us is None else TEXT["us_fell" if us < 1 else "us_rose" if us > 1 else "us_same"]
    return {**d, "k": int((ratios < 1).sum()), "n": len(ratios), "us_word": word}


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# --- the chain as one model ---------------------------------------------------------------------------------------

MODEL_PARAMS = ("demand_growth", "capacity_growth", "reserve_slack", "learning_rate", "markup", "price_sensitivity",
                "churn", "lock_in", "efficiency_per_depth", "cash_quarters")
CHAIN_INPUT_COLUMNS = ["cloud", "GPUs bought", "reserves (share)", "documented layers", "observed share",
                       "model share at the end", "exits"]
GRID = {"efficiency_per_depth": (0.0, 0.25, 0.5, 0.75, 1.0), "lock_in": (0.0, 1.0, 2.0, 3.0, 4.0),
        "learning_rate": (0.0, 0.1, 0.2, 0.3, 0.4)}


def model_inputs(tables: Mapping[str, pd.DataFrame]) -> dict[str, Any]:
    """The model's vendors and starting point from China's data. The run starts in the year of the GPU data
    with every vendor at an equal share (AI-cloud shares by vendor for that year were not found): reserves are
    the GPU units bought in the years every vendor is listed, depth the documented stack layers. The observed
    end point is the latest AI-cloud revenue share, renormalised over the model's vendors."""
    revenue = _latest(tables["china_market_shares"], "omdia-ai-cloud-revenue")
    buyers = tables["gpu_buyers"]
    buyers = buyers[buyers["region"] == "China"]
    stack = tables["maas_cloud_stack"]
    stack = stack[stack["region"] == "China"]
    vendors = sorted(set(revenue["company"]) & set(buyers["buyer"]) & set(stack["company"]),
                     key=lambda c: (-float(revenue.loc[revenue["company"] == c, "share"].iloc[0]), c))
    years = sorted(buyers["year"].unique())
    common = [int(y) for y in years if set(vendors) <= set(buyers.loc[buyers["year"] == y, "buyer"])]
    if len(vendors) < 2 or not common:
        return {"vendors": []}
    units = np.array([buyers[(buyers["buyer"] == v) & buyers["year"].isin(common)]["units"].sum() for v in vendors],
                     dtype=float)
    observed = np.array([float(revenue.loc[revenue["company"] == v, "share"].iloc[0]) for v in vendors])
    layers = stack.groupby("company")["layer"].nunique()
    return {"vendors": vendors,
            "clouds": [str(revenue.loc[revenue["company"] == v, "vendor"].iloc[0]) for v in vendors],
            "start_share": np.full(len(vendors), 1 / len(vendors)), "observed": observed / observed.sum(),
            "reserve_fraction": units / units.sum(), "units": units,
            "depth": np.array([layers[v] / len(LAYERS) for v in vendors]),
            "years_used": common, "years_left_out": [int(y) for y in years if int(y) not in common],
            "period": str(revenue["period"].iloc[0]),
            "sources": _ids(revenue, buyers[buyers["buyer"].isin(vendors) & buyers["year"].isin(common)],
                            stack[stack["company"].isin(vendors)])}


def run_chain(mi: Mapping[str, Any], params: Mapping[str, Any], **scenario: Any) -> chain_model.ChainPaths:
    """Run the chain model from the data's starting point; `scenario` overrides parameters (arrays = draws)."""
    p = {**{k: params[k] for k in MODEL_PARAMS}, **scenario}
    depth = mi["depth"]
    eff_per_depth = np.atleast_1d(np.asarray(p["efficiency_per_depth"], dtype=float))[:, None]
    efficiency = np.maximum(1 + eff_per_depth * (depth - depth.mean()), 0.1)
    reserves = np.atleast_1d(np.asarray(p["reserve_slack"], dtype=float))[:, None] * mi["reserve_fraction"]
    if "reserve_fraction" in scenario:
        reserves = np.atleast_1d(np.asarray(p["reserve_slack"], dtype=float))[:, None] * scenario["reserve_fraction"]
    return chain_model.simulate(mi["start_share"], reserves, efficiency, depth, quarters=int(params["chain_quarters"]),
                                demand_growth=p["demand_growth"], capacity_growth=p["capacity_growth"],
                                learning_rate=p["learning_rate"], markup=p["markup"],
                                sensitivity=p["price_sensitivity"], churn=p["churn"], lock_in=p["lock_in"],
                                cash_quarters=p["cash_quarters"])


def model_draws(ranges: Mapping[str, tuple[float, float]], n: int, seed: int) -> dict[str, np.ndarray]:
    """Joint uniform draws of the model's assumptions over their documented ranges."""
    rng = np.random.default_rng(seed)
    return {k: rng.uniform(*ranges[k], size=n) for k in MODEL_PARAMS}


def model_readings(mi: Mapping[str, Any], params: Mapping[str, Any], draws: Mapping[str, np.ndarray]) -> dict:
    """What the chain model says, over joint draws, about the claims that depend on the chain, and how often it
    reproduces the observed end point (its leader; the distance between its shares and the observed ones)."""
    paths = run_chain(mi, params, **draws)
    n = len(next(iter(draws.values())))
    equal = run_chain(mi, params, **draws, reserve_fraction=np.full(len(mi["vendors"]), 1 / len(mi["vendors"])))
    rich = int(np.argmax(mi["reserve_fraction"]))
    end = paths.shares[:, -1, :]
    mid = paths.shares[:, paths.shares.shape[1] // 2, :]
    leader_mid = mid.argmax(axis=-1)
    rows = np.arange(n)
    served1 = np.maximum(paths.served[:, 1, :], 1e-12)
    fleet1 = (draws["reserve_slack"][:, None] * mi["reserve_fraction"]) * (1 + draws["capacity_growth"][:, None])
    avg_cost = fleet1 / served1                        # cost per token served in the first quarter
    dearest, cheapest = avg_cost.argmax(axis=-1), avg_cost.argmin(axis=-1)
    exited = ~paths.alive[:, -1, :]
    any_exit = exited.any(axis=-1)
    life = paths.alive.sum(axis=1)
    observed_leader = int(np.argmax(mi["observed"]))
    return {
        "draws": n,
        "leader_gains": float((end[rows, leader_mid] > mid[rows, leader_mid]).mean()),
        "rich_leads": float((end.argmax(axis=-1) == rich).mean()),
        "rich_exits": float(exited[:, rich].mean()),
        "path_matters": float((chain_model.divergence(end, equal.shares[:, -1]) > 0.05).mean()),
        "any_exit": float(any_exit.mean()),
        "dearest_exits": float(exited[rows, dearest][any_exit].mean()) if any_exit.any() else 0.0,
        "cheap_outlasts": float((life[rows, cheapest] >= life[rows, dearest]).mean()),
        "hhi_rises": float((chain_model.hhi(end) > chain_model.hhi(mid)).mean()),
        "fits_leader": float((end.argmax(axis=-1) == observed_leader).mean()),
        "median_distance": float(np.median(chain_model.divergence(end, mi["observed"]))),
        "rich": mi["clouds"][rich], "observed_leader": mi["clouds"][observed_leader],
        **_fit_driver(draws, end.argmax(axis=-1) == observed_leader),
    }


def _fit_driver(draws: Mapping[str, np.ndarray], fits: np.ndarray) -> dict[str, Any]:
    """The assumption whose median differs most (as a share of its drawn span) between draws that reproduce the
    observed leader and draws that do not."""
    if fits.all() or not fits.any():
        return {"fit_driver": "", "fit_shift": 0.0}
    shifts = {}
    for name, values in draws.items():
        span = float(values.max() - values.min()) or 1.0
        shifts[name] = float(np.median(values[fits]) - np.median(values[~fits])) / span
    name = max(sorted(shifts), key=lambda k: abs(shifts[k]))
    return {"fit_driver": name, "fit_shift": shifts[name]}


def grid_fit(grid: pd.DataFrame, observed: Mapping[str, float]) -> pd.DataFrame:
    """Per grid scenario: total-variation distance between the model's end shares and the observed ones, and the
    model's largest vendor at the end."""
    end = grid[grid["quarter"] == grid["quarter"].max()]
    rows = []
    for scenario, g in end.groupby(list(GRID), sort=True):
        shares = g.set_index("company")["share"]
        gap = 0.5 * float(sum(abs(shares.get(c, 0.0) - s) for c, s in observed.items()))
        rows.append(dict(zip(GRID, scenario), distance=gap, leader=str(shares.idxmax())))
    return pd.DataFrame(rows)


def model_grid(mi: Mapping[str, Any], params: Mapping[str, Any]) -> pd.DataFrame:
    """Share paths over the slider grid (depth's effect on efficiency x lock-in x learning rate), the other
    assumptions as set."""
    mesh = np.array(np.meshgrid(*GRID.values(), indexing="ij")).reshape(len(GRID), -1)
    scenario = dict(zip(GRID, mesh))
    paths = run_chain(mi, params, **scenario)
    q, v = paths.shares.shape[1], paths.shares.shape[2]
    idx = np.indices((mesh.shape[1], q, v)).reshape(3, -1)
    frame = pd.DataFrame({k: scenario[k][idx[0]] for k in GRID})
    frame["quarter"] = idx[1]
    frame["company"] = np.array(mi["clouds"])[idx[2]]
    frame["share"] = paths.shares[idx[0], idx[1], idx[2]]
    frame["alive"] = paths.alive[idx[0], idx[1], idx[2]]
    return frame.round({k: 3 for k in GRID} | {"share": 4})


@chain_figure_rule("C09")
def fig_c09(ev: Evidence, params: Mapping[str, Any]) -> ChainFigure:
    mi = ev.model_inputs
    if len(mi.get("vendors", [])) < 3:
        return _missing("C09", ev)
    rho = spearman(mi["units"], mi["observed"])
    if rho is None:
        return _missing("C09", ev)
    rich, lead = int(np.argmax(mi["units"])), int(np.argmax(mi["observed"]))
    text = TEXT["fig_c09"].format(n=len(mi["vendors"]), years=", ".join(map(str, mi["years_used"])),
                                  period=mi["period"], rho=rho, rich=mi["clouds"][rich],
                                  rich_share=mi["observed"][rich], leader=mi["clouds"][lead],
                                  leader_share=mi["observed"][lead])
    points = SUPPORTS if rho > 0.3 else CONTRADICTS if rho < -0.3 else MIXED
    return ChainFigure("C09", rho, text, points, PROXY, mi["sources"])


MODEL_FIGURES = {"C02": ("model_c02", "path_matters"), "C08": ("model_c08", "rich_leads"),
                 "C29": ("model_c29", "dearest_exits"), "C35": ("model_c35", "cheap_outlasts"),
                 "C37": ("model_c37", "leader_gains")}


def model_figure(claim: str, readings: Mapping[str, Any], sources: tuple[str, ...] = ()) -> ChainFigure:
    """The chain model's reading on `claim` (one of MODEL_FIGURES) from `model_readings(...)`."""
    key, field_name = MODEL_FIGURES[claim]
    if field_name == "dearest_exits" and not readings.get("any_exit", 1.0):
        return ChainFigure(claim, 0.0, TEXT["model_no_exit"].format(draws=readings["draws"]), NONE, "none", sources)
    share = float(readings[field_name])
    what = TEXT[key].format(rich=readings.get("rich", ""))
    text = TEXT["fig_model"].format(what=what, share=share, draws=readings["draws"])
    points = SUPPORTS if share > 0.5 else CONTRADICTS if share < 0.5 else MIXED
    return ChainFigure(claim, share, text, points, PROXY, sources)


# --- for the owning chapters: China's evidence as one more part of a claim -----------------------------------------

# The chain model as the chain chapter runs it by default: its documented ranges, draws, seed and horizon (a test
# checks these against the chapter's parameters cell). Owning chapters read the model's readings over these ranges.
MODEL_RANGES = {"demand_growth": (0.0, 1.0), "capacity_growth": (0.0, 0.4), "reserve_slack": (0.6, 3.0),
                "learning_rate": (0.0, 0.4), "markup": (0.0, 1.0), "price_sensitivity": (0.5, 4.0),
                "churn": (0.05, 0.5), "lock_in": (0.0, 4.0), "efficiency_per_depth": (0.0, 1.0),
                "cash_quarters": (0.0, 12.0)}
MODEL_SETTING = {"chain_quarters": 8, "n_draws": 4000, "seed": 2025}


def default_model_figures(mi: Mapping[str, Any]) -> dict[str, ChainFigure]:
    """The chain model's reading on each claim of MODEL_FIGURES over its documented ranges (MODEL_RANGES,
    MODEL_SETTING); no evidence when the model cannot start on the data."""
    if len(mi.get("vendors", [])) < 2:
        return {c: ChainFigure(c, 0.0, TEXT["chain_missing"], NONE, "none", ()) for c in MODEL_FIGURES}
    arrays = ("start_share", "reserve_fraction", "depth", "observed")
    key = (tuple(mi["clouds"]), tuple(mi["sources"]), *(np.asarray(mi[k], dtype=float).tobytes() for k in arrays))
    if key not in _MODEL_CACHE:          # the readings depend on the model's inputs only; chapters share them
        if len(_MODEL_CACHE) > 16:
            _MODEL_CACHE.clear()
        centre = {k: (lo + hi) / 2 for k, (lo, hi) in MODEL_RANGES.items()}   # every one is drawn: centre unused
        draws = model_draws(MODEL_RANGES, MODEL_SETTING["n_draws"], MODEL_SETTING["seed"])
        _MODEL_CACHE[key] = model_readings(mi, {**centre, "chain_quarters": MODEL_SETTING["chain_quarters"]}, draws)
    # The sentences are made on each call: the cache holds numbers only, so a run in another language gets its own.
    return {c: model_figure(c, _MODEL_CACHE[key], mi["sources"]) for c in MODEL_FIGURES}


_MODEL_CACHE: dict[tuple, dict[str, Any]] = {}


@dataclass
class China:
    """China's evidence on the claims one owning chapter judges, prepared once from its tables (no parameter):
    the chain figures that read no parameter are made here, the others per call from prepared arrays (cheap
    enough for the robustness sweep); the chain model's readings are made here over its documented ranges."""

    evidence: Evidence
    fixed: dict[str, ChainFigure]
    models: dict[str, ChainFigure]

    def figure(self, claim: str, params: Mapping[str, Any]) -> ChainFigure:
        """China's evidence on `claim`; `params` only for the figures that read parameters (FIGURE_READS)."""
        return self.fixed[claim] if claim in self.fixed else chain_figure(claim, self.evidence, params)

    def model(self, claim: str) -> ChainFigure:
        return self.models.get(claim) or ChainFigure(claim, 0.0, TEXT["chain_missing"], NONE, "none", ())


def owner_evidence(tables: Mapping[str, pd.DataFrame], claims: tuple[str, ...] | list[str],
                   model_claims: tuple[str, ...] | list[str] = ()) -> China:
    """China's evidence for an owning chapter's `prepare`: the chain figures of `claims` and the chain model's
    readings on `model_claims`, from the tables `resources_for(claims, model_claims)` names (only those are read)."""
    ev = Evidence()
    _prepare_figures(ev, tables, claims)
    if "C09" in claims or model_claims:
        ev.model_inputs = model_inputs(tables)
    models = {}
    if model_claims:
        made = default_model_figures(ev.model_inputs)
        models = {c: made[c] for c in model_claims}
    fixed = {c: chain_figure(c, ev, {}) for c in claims if not FIGURE_READS[c]}
    return China(ev, fixed, models)


def with_china(label: str, fig: ChainFigure, central: bool) -> tuple[str, str]:
    """The verdict once China's evidence is one more part of the claim, and the sentence saying what it adds.

    Applied as the written criteria (aicloud.verdicts) read: no evidence leaves the label, and a figure that
    compares unlike things (`fig.comparable` False) is context that moves nothing. A supported claim stays
    supported only if China's evidence supports it too (otherwise a part fails or holds only in part: partly). A
    partly supported claim stays so. A contradicted claim becomes partly supported when China's evidence bears
    on the claim's `central` part and supports it (the central part then holds in one body of data and fails in
    another; a mixed figure supports nothing); otherwise its central part still fails.

    A claim this run's data or public data could not decide is decided by China's evidence only when the figure
    measures the part the owning rule called undecidable (`fig.decides`: supports: supported; contradicts:
    contradicted; mixed: partly). Otherwise the label stays and the figure is shown as context: revenue growth is
    not a margin, later growth does not show who reported first at a meeting, ranks do not count a marketplace."""
    if fig.points == NONE:
        return label, TEXT["owner_none"]
    verb = TEXT[f"verb_{fig.points.replace(' ', '_')}"]
    if not fig.comparable:
        return label, TEXT["owner_china"].format(text=fig.text, verb=verb) + TEXT["owner_unlike"]
    if label == SUPPORTED:
        new = SUPPORTED if fig.points == SUPPORTS else PARTLY
    elif label == CONTRADICTED:
        new = PARTLY if central and fig.points == SUPPORTS else CONTRADICTED
    elif label == PARTLY:
        new = PARTLY
    else:
        new = {SUPPORTS: SUPPORTED, CONTRADICTS: CONTRADICTED, MIXED: PARTLY}[fig.points] if fig.decides else label
    sentence = TEXT["owner_china"].format(text=fig.text, verb=verb)
    if new != label:
        sentence += TEXT["owner_moves"].format(old=label, new=new)
    elif label not in (SUPPORTED, PARTLY, CONTRADICTED):
        sentence += TEXT["owner_side"]
    elif not central and label == CONTRADICTED and fig.points != CONTRADICTS:
        sentence += TEXT["owner_side_failed"]
    return new, sentence


def with_model(label: str, fig: ChainFigure) -> tuple[str, str]:
    """The verdict once the chain model's reading is weighed, and the sentence saying what it adds. A model
    reading shows whether the claim's mechanism follows in the chain model over its documented ranges; it is not
    data about the market, so it can lower a supported verdict to partly supported (the mechanism fails in most
    draws, or in half) but never decides a claim by itself."""
    if fig.points == NONE:
        return label, TEXT["model_owner_none"]
    new = PARTLY if label == SUPPORTED and fig.points != SUPPORTS else label
    sentence = TEXT["model_owner"].format(text=fig.text, verb=TEXT[f"verb_{fig.points.replace(' ', '_')}"])
    if new != label:
        sentence += TEXT["owner_moves"].format(old=label, new=new)
    return new, sentence


def add_china(base: Verdict, fig: ChainFigure, central: bool) -> Verdict:
    """An owning rule's verdict with China's evidence weighed (`with_china`): the label, the reason extended by
    what China's evidence adds, its sources; the figure and evidence grade become China's when its evidence
    alone decides a claim the rule could not."""
    label, added = with_china(base.label, fig, central)
    return _extended(base, label, added, fig)


def add_model(base: Verdict, fig: ChainFigure) -> Verdict:
    """An owning rule's verdict with the chain model's reading weighed (`with_model`)."""
    label, added = with_model(base.label, fig)
    return _extended(base, label, added, fig)


def _extended(base: Verdict, label: str, added: str, fig: ChainFigure) -> Verdict:
    decided = (SUPPORTED, PARTLY, CONTRADICTED)
    alone = base.label not in decided and label in decided
    return Verdict(label, fig.short if alone else base.figure, base.reason + added,
                   fig.evidence if alone else base.evidence, base.sources + fig.sources)


NO_CHINA = ChainFigure("", 0.0, TEXT["missing"], NONE, "none", ())


# --- the chapter's analysis ----------------------------------------------------------------------------------------

class WithRate(Mapping[str, Any]):
    """The chapter's parameters plus `rmb_per_usd`, derived from `usd_per_rmb`, the one exchange-rate parameter
    every chapter declares: the same sentence then gives the same dollars on every page (review 3 A8). Reads go to
    the wrapped mapping, so a RecordingParams still records them."""

    def __init__(self, params: Mapping[str, Any]):
        self._params = params

    def __getitem__(self, name: str) -> Any:
        return 1 / self._params["usd_per_rmb"] if name == "rmb_per_usd" else self._params[name]

    def __iter__(self) -> Any:
        return iter([*self._params, "rmb_per_usd"])

    def __len__(self) -> int:
        return len(self._params) + 1

    def __contains__(self, name: object) -> bool:
        return name in self._params or (name == "rmb_per_usd" and "usd_per_rmb" in self._params)


GLUED_PARAMS = ("usd_per_rmb", "utilisation", "hopper_usd_per_gpu_hour", "input_per_output", "chain_quarters",
                "n_draws", "min_share_gain_pp", "multihome_share", "completeness_rank_agreement",
                "indistinct_points", "large_spread")


def analyse(tables: Mapping[str, pd.DataFrame], params: Mapping[str, Any],
            ranges: Mapping[str, tuple[float, float]] | None = None) -> ChapterResult:
    """Every value, frame, title and verdict of the chapter. `ranges` are the documented ranges of the chain
    model's assumptions (from the parameters cell); the joint Monte Carlo draws within them."""
    params = WithRate(params)
    ev = prepare(tables)
    res = ChapterResult()
    res.frames["_evidence"] = ev
    res.values.update({f"p_{k}": params[k] for k in GLUED_PARAMS if k in params})
    _tokens_revenue(ev, tables, res)
    _nvidia_section(ev, tables, res)
    _capex_section(ev, tables, params, res)
    _quality_section(ev, tables, params, res)
    _cost_section(ev, params, res)
    _deals_section(ev, tables, res)
    _stack_section(ev, res)
    _shares_section(ev, tables, res)
    _chain_section(ev, params, ranges, res)
    _events_section(tables, res)
    for claim, fn in RULES.items():
        res.verdicts[claim] = fn(ev, params)
    figures = {c: chain_figure(c, ev, params) for c in sorted(CHAIN_FIGURES)}
    res.frames["chain_figures"] = figures
    for claim, fig in figures.items():
        res.values[f"fig_{claim}"] = fig.text
        res.values[f"fig_{claim}_points"] = TEXT[f"verb_{fig.points.replace(' ', '_')}"]
    _tension(figures, res)
    return res


def _tokens_revenue(ev: Evidence, tables: Mapping[str, pd.DataFrame], res: ChapterResult) -> None:
    shares = tables["china_market_shares"]
    d = ev.figures.get("C01") or {}
    rows = shares[shares["measure"].isin(["idc-public-cloud-tokens", "omdia-ai-cloud-revenue"])
                  & shares["share"].notna()]
    res.frames["tvr"] = rows[rows["period"] == d["period"]] if d else rows.iloc[0:0]
    res.values["tvr_period"] = d.get("period", "")
    res.values["tvr_common"] = d.get("n_common", 0)
    res.titles["tvr"] = (TEXT["title_tvr"].format(**d) if d and finite(d["tok_r"], d["rev_t"])
                         else TEXT["title_tvr_none"])
    rev = tables["china_cloud_revenue"]
    q = rev[(rev["measure"] == "segment-revenue") & rev["yoy"].notna() & (rev["basis"] == "quarter")]
    firsts = q.sort_values("period_end").groupby("company").first()["yoy"]
    lasts = q.sort_values("period_end").groupby("company").last()["yoy"]
    up = int((lasts > firsts).sum())
    breaks = rev.groupby("company")["series"].nunique()
    seg = rev[rev["measure"] == "segment-revenue"].groupby("company")["series"].nunique()
    broken = sorted(c for c, n in seg.items() if n > 1)
    res.values.update(rev_n_companies=int(rev["company"].nunique()), rev_n_up=up, rev_n_quarterly=len(lasts),
                      rev_broken=", ".join(broken) or "none", rev_n_breaks=int(sum(n - 1 for n in seg)),
                      rev_latest=str(q.sort_values("period_end")["period_label"].iloc[-1]) if len(q) else "",
                      rev_series=int(breaks.sum()))
    res.titles["revenue"] = TEXT["title_revenue"].format(n_up=up, n=len(lasts),
                                                         n_breaks=int(sum(n - 1 for n in seg)))
    res.frames["revenue"] = rev[rev["measure"].isin(["segment-revenue", "sub-segment-revenue"])]
    res.frames["growth"] = rev[rev["yoy"].notna()]
    own = ev.figures.get("C14") or {}
    res.values["c14_others"] = ", ".join(own.get("others", [])) or "none"
    res.values["c14_owners"] = ", ".join(own.get("owners", [])) or "none"


def _nvidia_section(ev: Evidence, tables: Mapping[str, pd.DataFrame], res: ChapterResult) -> None:
    nv = tables["china_nvidia"]
    d = ev.figures.get("C03") or {}
    events = tables["timeline_events"]
    res.frames["nvidia"] = nv
    res.frames["nvidia_events"] = events[events["category"].isin(["export-control", "import-restriction"])
                                         & (events["date"] >= nv["period_start"].min())]
    if len(d.get("fy", [])) >= 2 and "h20_peak" in d:
        (fy0, first, s0), (fy1, last, s1) = d["fy"][0], d["fy"][-1]
        res.values.update(nv_fy0=fy0, nv_fy1=fy1, nv_first=first, nv_last=last, nv_s0=s0, nv_s1=s1,
                          nv_growth=last / first - 1, nv_word=direction(last - first),
                          nv_share_word=direction(s1 - s0), nv_h20_peak=d["h20_peak"], nv_h20_last=d["h20_last"],
                          nv_h20_last_label=d["h20_last_label"])
        res.titles["nvidia"] = TEXT["title_nvidia"].format(word=direction(last - first), growth=abs(last / first - 1),
                                                           last=last, fy1=fy1, h20_peak=d["h20_peak"],
                                                           h20_last=d["h20_last"])
    else:
        res.titles["nvidia"] = TEXT["title_nvidia_none"]
    refs = tables["china_reference"].set_index("metric")["value"]
    h20, before, after = (_share_of(refs, k) for k in ("nvidia_h20_revenue_share_to_us",
                                                       "nvidia_china_share_claim_before",
                                                       "nvidia_china_share_claim_2025_10"))
    res.values["nv_licence_text"] = (
        (TEXT["nv_licence"].format(h20=h20) if h20 is not None else TEXT["nv_licence_none"])
        + (TEXT["nv_remark"].format(before=before, after=after) if before is not None and after is not None
           else TEXT["nv_remark_none"]))


def _share_of(refs: pd.Series, metric: str) -> float | None:
    """A reference figure that is a share, or None when the data lack it or hold a value outside 0-1 (which is
    then not a share, whatever its name, and is not quoted as one)."""
    if metric not in refs:
        return None
    value = float(refs[metric])
    return value if 0 <= value <= 1 else None


def _capex_section(ev: Evidence, tables: Mapping[str, pd.DataFrame], params: Mapping[str, Any],
                   res: ChapterResult) -> None:
    rate = params["rmb_per_usd"]
    cn = tables["china_capex"].copy()
    cn = cn[cn["amount_bn"].notna()]
    cn["usd_bn"] = np.where(cn["currency"] == "RMB", cn["amount_bn"] / rate, cn["amount_bn"])
    cn["country"] = "China"
    us = us_capex(tables["capex_spending"])
    res.frames["capex"] = pd.concat([cn, us], ignore_index=True)
    annual = cn[cn["basis"].isin(["year", "trailing-four-quarters"])]
    spent = us[us["usd_bn"] > 0]   # a year whose US figures are all zero has nothing to compare with
    years = sorted(set(annual["period_end"].dt.year) & set(spent["period_end"].dt.year))
    if years:
        year = years[-1]
        top_cn = annual[annual["period_end"].dt.year == year]["usd_bn"].max()
        top_us = spent[spent["period_end"].dt.year == year]["usd_bn"].max()
        res.values.update(capex_year=int(year), capex_top_cn=float(top_cn), capex_top_us=float(top_us),
                          capex_ratio=float(top_cn / top_us),
                          capex_text=TEXT["capex"].format(year=year, cn=top_cn, us=top_us))
        res.titles["capex"] = TEXT["title_capex"].format(year=year, ratio=top_cn / top_us)
    else:
        res.values["capex_text"] = TEXT["capex_none"]
        res.titles["capex"] = TEXT["title_capex_none"]
    d = ev.figures.get("C38") or {}
    res.frames["rents"] = d.get("ratios", pd.DataFrame())
    res.values.update(rent_cn_lo=d.get("cn_lo") or 0.0, rent_cn_hi=d.get("cn_hi") or 0.0, rent_us=d.get("us") or 0.0,
                      rent_reports=int(len(d.get("ratios", []))),
                      rents_sentence=(TEXT["rents_sentence"].format(**_rent_words(d)) if d.get("cn_lo") is not None
                                      else TEXT["rents_sentence_none"]))
    res.titles["rents"] = (TEXT["title_rents"].format(**_rent_words(d)) if d.get("cn_lo") is not None
                           and d.get("us") is not None
                           else TEXT["title_rents_none"])
    refs = tables["china_reference"].set_index("metric")["value"]
    unused = _share_of(refs, "unused_share_new_compute")
    res.values["unused_text"] = TEXT["unused"].format(v=unused) if unused is not None else TEXT["unused_none"]
    for key in ("dc_projects_announced", "dc_projects_completed", "scnet_utilisation_gain",
                "intelligent_eflops_2025_06", "intelligent_eflops_2025_06_caict", "intelligent_eflops_2025_03",
                "leasing_contracts_terminated", "shanghai_compute_vouchers", "hangzhou_vouchers_per_year"):
        res.values[key] = float(refs[key]) if key in refs else 0.0


def us_capex(spending: pd.DataFrame) -> pd.DataFrame:
    """US companies' reported yearly capex: annual rows, plus calendar years summed from four quarters; gross
    purchases of property and equipment where a company reports them, else its other measure."""
    us = spending[(spending["country"] == "US") & (spending["status"] == "reported")]
    annual = us[us["basis"].isin(["calendar-year", "fiscal-year"])]
    q = us[us["basis"] == "quarter"].assign(year=lambda f: f["period_end"].dt.year)
    summed = []
    for (company, measure, year), g in q.groupby(["company", "measure_id", "year"]):
        if len(g) == 4:
            summed.append({"company": company, "measure_id": measure, "measure": g["measure"].iloc[0],
                           "period_label": f"CY{year} (four quarters)", "period_start": g["period_start"].min(),
                           "period_end": g["period_end"].max(), "amount_bn": float(g["amount_bn"].sum()),
                           "currency": g["currency"].iloc[0], "source_id": g["source_id"].iloc[0]})
    both = pd.concat([annual, pd.DataFrame(summed)], ignore_index=True)
    if both.empty:
        return both.assign(usd_bn=[], country=[])
    both["rank"] = (both["measure_id"] != "ppe-purchases").astype(int)
    keep = both.sort_values("rank").drop_duplicates(["company", "period_end"])
    return keep.assign(usd_bn=keep["amount_bn"], country="US", status="reported",
                       reported_by="company filing").drop(columns=["rank"])


def _quality_section(ev: Evidence, tables: Mapping[str, pd.DataFrame], params: Mapping[str, Any],
                     res: ChapterResult) -> None:
    prices = tables["china_model_prices"]
    rate = np.where(prices["currency"] == "RMB", 1 / params["rmb_per_usd"], 1.0)
    res.frames["prices"] = prices.assign(output_usd=prices["output_per_mtok"] * rate,
                                         input_usd=prices["input_per_mtok"] * rate, rate=rate)
    res.frames["scores"] = tables["china_model_scores"]
    gaps = (ev.figures.get("C21") or {}).get("gaps", [])
    fig = chain_figure("C21", ev, params)
    cn = res.frames["prices"][res.frames["prices"]["country"] == "China"]["output_usd"]
    us = res.frames["prices"][res.frames["prices"]["country"] == "US"]["output_usd"]
    ratio = float(us.max() / cn.min()) if len(cn) and len(us) and cn.min() > 0 else 0.0
    res.values.update(q_n_scored=int(tables["china_model_scores"]["model"].nunique()),
                      q_n_priced=int(prices["model"].nunique()), q_ratio=ratio,
                      q_open_cn=int(prices[(prices["country"] == "China") & (prices["weights"] == "open")]["model"]
                                    .nunique()),
                      q_n_cn=int(prices[prices["country"] == "China"]["model"].nunique()),
                      q_gap=gaps[0]["gap"] if gaps else 0.0, q_bench=gaps[0]["benchmark"] if gaps else "",
                      q_cn_model=gaps[0]["cn"] if gaps else "", q_us_model=gaps[0]["us"] if gaps else "",
                      q_vendor_gaps="; ".join(f"{g['benchmark']}: {g['gap']:+.1f} ({g['cn']} against {g['us']})"
                                              for g in gaps[1:]) or "none",
                      q_points=fig.points,
                      q_pair_text=(TEXT["q_pair_open" if gaps[0]["open_only"] else "q_pair"].format(**gaps[0])
                                   if gaps else TEXT["q_pair_none"]))
    key = "title_quality_open" if gaps and gaps[0]["open_only"] else "title_quality"
    res.titles["quality"] = (TEXT[key].format(gap=gaps[0]["gap"], ratio=ratio) if gaps and ratio
                             else TEXT["title_quality_none"])


def _cost_section(ev: Evidence, params: Mapping[str, Any], res: ChapterResult) -> None:
    costs, revenue = stack_costs(ev, params), list_revenue(ev, params)
    res.frames["costs"], res.frames["list_revenue"] = costs, revenue
    median = float(revenue["usd"].median()) if len(revenue) else 0.0
    k = int((costs["cost"] < median).sum()) if len(costs) else 0
    res.values.update(cost_n=len(costs), cost_lo=float(costs["cost"].min()) if len(costs) else 0.0,
                      cost_hi=float(costs["cost"].max()) if len(costs) else 0.0, cost_median_price=median,
                      cost_n_prices=len(revenue), cost_below=k,
                      cost_price_lo=float(revenue["usd"].min()) if len(revenue) else 0.0,
                      cost_price_hi=float(revenue["usd"].max()) if len(revenue) else 0.0)
    res.titles["cost"] = TEXT["title_cost"].format(k=k, n=len(costs))


def _deals_section(ev: Evidence, tables: Mapping[str, pd.DataFrame], res: ChapterResult) -> None:
    deals = tables["china_partnerships"]
    res.frames["deals"] = deals
    moved = [lab for lab in ev.labs if lab.moved]
    res.values.update(deal_n=len(deals), deal_labs=len(ev.labs), deal_moved=len(moved),
                      deal_moved_names=", ".join(lab.partner for lab in moved) or "none",
                      deal_cn=int((deals["partner_region"] == "China").sum()),
                      deal_cn_clouds=", ".join(sorted(deals.loc[deals["partner_region"] == "China",
                                                                "cloud_company"].unique())) or "none",
                      deal_earmark=ev.earmark_share or 0.0, deal_has_earmark=ev.earmark_share is not None)
    res.titles["deals"] = TEXT["title_deals"].format(k=len(moved), n=len(ev.labs))


def _stack_section(ev: Evidence, res: ChapterResult) -> None:
    res.frames["stack"] = pd.DataFrame(ev.stack, columns=["company", "cloud", "layers", "share"])
    if len(ev.stack) >= 3 and ev.stack_rho is not None:
        most = max(t[2] for t in ev.stack)
        top = sorted(t for t in ev.stack if t[2] == most)[0]
        res.values.update(stack_top=top[1], stack_top_layers=most, stack_rho=ev.stack_rho, stack_n=len(ev.stack),
                          stack_period=ev.stack_period, stack_all_layers=len(LAYERS))
        res.titles["stack"] = TEXT["title_stack"].format(top=top[1], rho=ev.stack_rho)
    else:
        res.titles["stack"] = TEXT["title_stack_none"]


def _shares_section(ev: Evidence, tables: Mapping[str, pd.DataFrame], res: ChapterResult) -> None:
    shares = tables["china_market_shares"]
    res.frames["shares"] = shares[shares["share"].notna()]
    res.frames["windows"] = pd.DataFrame(
        [{"measure": w.measure, "series": w.series, "from": w.first, "to": w.last, "leader at the start": w.leader,
          "share at the start": w.start, "share at the end": w.end, "change (pp)": w.gain_pp} for w in ev.windows])
    k = sum(w.gain_pp > 0 for w in ev.windows)
    res.values.update(win_n=len(ev.windows), win_gained=k,
                      win_series=int(shares["series"].nunique()), win_measures=int(shares["measure"].nunique()))
    res.titles["shares"] = TEXT["title_shares"].format(k=k, n=len(ev.windows))


def _chain_section(ev: Evidence, params: Mapping[str, Any], ranges: Mapping[str, tuple[float, float]] | None,
                   res: ChapterResult) -> None:
    mi = ev.model_inputs
    if len(mi.get("vendors", [])) < 2:
        _chain_missing(res)
        return
    res.values["chain_note"] = ""
    base = run_chain(mi, params)
    end = base.shares[0, -1]
    model_leader = mi["clouds"][int(np.argmax(end))]
    observed_leader = mi["clouds"][int(np.argmax(mi["observed"]))]
    rows = [{"cloud": c, "quarter": q, "share": float(base.shares[0, q, i]), "alive": bool(base.alive[0, q, i])}
            for i, c in enumerate(mi["clouds"]) for q in range(base.shares.shape[1])]
    res.frames["chain_base"] = pd.DataFrame(rows)
    res.frames["chain_observed"] = pd.DataFrame({"cloud": mi["clouds"], "share": mi["observed"],
                                                 "quarter": base.shares.shape[1] - 1})
    res.frames["chain_grid"] = grid = model_grid(mi, params)
    res.frames["chain_fit"] = fit = grid_fit(grid, dict(zip(mi["clouds"], mi["observed"])))
    matched = int((fit["leader"] == observed_leader).sum())
    res.titles["fit"] = TEXT["title_fit"].format(k=matched, n=len(fit), observed_leader=observed_leader,
                                                 best=float(fit["distance"].min()))
    res.frames["chain_inputs"] = pd.DataFrame({  # columns as CHAIN_INPUT_COLUMNS
        "cloud": mi["clouds"], "GPUs bought": mi["units"], "reserves (share)": mi["reserve_fraction"],
        "documented layers": mi["depth"] * len(LAYERS), "observed share": mi["observed"],
        "model share at the end": end, "exits": [not a for a in base.alive[0, -1]]})
    exited = [c for c, a in zip(mi["clouds"], base.alive[0, -1]) if not a]
    res.values.update(chain_ok=True, chain_vendors=", ".join(mi["clouds"]), chain_n=len(mi["clouds"]),
                      chain_years=", ".join(map(str, mi["years_used"])),
                      chain_left_out=", ".join(map(str, mi["years_left_out"])) or "none",
                      chain_period=mi["period"], chain_model_leader=model_leader,
                      chain_observed_leader=observed_leader,
                      chain_distance=float(chain_model.divergence(end, mi["observed"])),
                      chain_exited=", ".join(exited) or "none", chain_n_exited=len(exited),
                      chain_rich=mi["clouds"][int(np.argmax(mi["units"]))])
    key = "title_chain_match" if model_leader == observed_leader else "title_chain"
    res.titles["chain"] = TEXT[key].format(model_leader=model_leader, observed_leader=observed_leader)
    if ranges:
        readings = model_readings(mi, params, model_draws(ranges, int(params["n_draws"]), int(params["seed"])))
        res.frames["model_readings"] = readings
        res.frames["model_figures"] = {c: model_figure(c, readings, mi["sources"]) for c in MODEL_FIGURES}
        ev.model_figures = dict(res.frames["model_figures"])   # C37's rule reads the readings this page shows
        for c, fig in res.frames["model_figures"].items():
            res.values[f"model_{c}"] = fig.text
        res.values.update({f"mc_{k}": v for k, v in readings.items()})
        res.values["mc_fit_direction"] = TEXT["higher" if readings["fit_shift"] > 0 else "lower"]


def _chain_missing(res: ChapterResult) -> None:
    """The chain model cannot start: say so in the values the prose quotes, with neutral placeholders."""
    none = TEXT["none"]
    res.values.update(chain_ok=False, chain_note=TEXT["chain_missing"], chain_vendors=none, chain_n=0,
                      chain_years=none, chain_left_out=none, chain_period=none, chain_model_leader=none,
                      chain_observed_leader=none, chain_distance=0.0, chain_exited=none, chain_n_exited=0,
                      chain_rich=none, mc_draws=0, mc_fits_leader=0.0,
                      mc_fit_driver=none, mc_fit_direction=none)
    for claim in MODEL_FIGURES:
        res.values[f"model_{claim}"] = TEXT["chain_missing"]
    res.titles["chain"] = res.titles["fit"] = TEXT["chain_missing"]
    for key in ("chain_grid", "chain_fit", "chain_observed"):
        res.frames[key] = pd.DataFrame()
    res.frames["chain_inputs"] = pd.DataFrame(columns=CHAIN_INPUT_COLUMNS)


def _events_section(tables: Mapping[str, pd.DataFrame], res: ChapterResult) -> None:
    events = tables["timeline_events"]
    if events.empty:
        res.frames["events"] = events
        res.titles["events"] = TEXT["title_events"].format(n=0, year="the data")
        return
    year = int(events["date"].dt.year.max())
    recent = events[events["date"].dt.year == year]
    res.frames["events"] = recent
    res.values.update(ev_year=year, ev_n=len(recent),
                      ev_open=int(recent["event"].str.contains("open", case=False).sum()))
    res.titles["events"] = TEXT["title_events"].format(n=len(recent), year=year)


# Which side of the tension each chain figure or verdict speaks for when it points the way given.
TENSION = (("C38", SUPPORTS, "commodity"), ("C12", CONTRADICTS, "commodity"), ("C21", SUPPORTS, "commodity"),
           ("C27", "verdict", "commodity"), ("C01", SUPPORTS, "moat"), ("C13", SUPPORTS, "moat"),
           ("C24", SUPPORTS, "moat"), ("C36", SUPPORTS, "moat"), ("C37", "verdict", "moat"))


def _tension(figures: Mapping[str, ChainFigure], res: ChapterResult) -> None:
    """Commodity or moat: for each signal, whether China's evidence points that way. C27 counts for a commodity
    when lock-in is not supported; C37 for a moat when the strong got stronger at least partly."""
    rows = []
    for claim, when, side in TENSION:
        if when == "verdict":
            verdict = res.verdicts.get(claim)
            holds = verdict is not None and ((verdict.label != SUPPORTED) if claim == "C27"
                                             else verdict.label in (SUPPORTED, PARTLY))
            text = verdict.figure if verdict else TEXT["missing"]
        else:
            holds = figures[claim].points == when
            text = figures[claim].text
        rows.append({"claim": claim, "side": side, "points that way": "yes" if holds else "no", "evidence": text})
    table = pd.DataFrame(rows)
    res.frames["tension"] = table
    for side in ("commodity", "moat"):
        mine = table[table["side"] == side]
        res.values[f"tension_{side}"] = int((mine["points that way"] == "yes").sum())
        res.values[f"tension_{side}_of"] = len(mine)
