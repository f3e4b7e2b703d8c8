"""The MaaS price-war chapter's analysis (claims C11 to C23): the cuts, who moved first, the trend after the war,
volumes and what price times volume implies, the price-competition model and the clouds' AI product stacks.

`prepare(tables)` computes, once and without any parameter, everything the verdict rules read (`Evidence`);
`analyse(tables, params)` returns every figure the prose quotes, the rows each chart draws, the titles that
state a finding and one `Verdict` per claim. Each claim has one rule below (`@rule("C15", reads=...)`), a pure
function of the evidence and the parameters it names; the robustness sweep calls them thousands of times.

Data that cannot decide a question (one vendor, no price before or after the war, renamed vendors, files that
share no name) gives a stated verdict `not testable with this data` and a sentence that says what is missing,
never a crash or a missing number. Reader-facing sentences sit in `maas_price_war_text` (one place, for a later
translation); the page's sections in `maas_price_war_page`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from aicloud._lazy import pd
from aicloud.analysis import ChapterResult, rule
from aicloud.analysis import china_chain as cc
from aicloud.analysis import maas_price_war_text as txt
from aicloud.models import price_trend as pt
from aicloud.verdicts import (
    ANECDOTE,
    CONTRADICTED,
    DIRECT,
    PARTLY,
    PROXY,
    SOME,
    SUPPORTED,
    Verdict,
    finite,
    grade,
)

CLAIMS = tuple(f"C{i}" for i in range(11, 24))
# China's evidence the rules weigh (aicloud.analysis.china_chain): one chain figure per claim below.
CHINA_CLAIMS = ("C12", "C13", "C14", "C15", "C16", "C21")
CHINA_RESOURCES = cc.resources_for(CHINA_CLAIMS)


def split_models(text: str) -> list[str]:
    """A moves row names one model or several separated by ';'."""
    return [m.strip() for m in str(text).split(";") if m.strip()]


def period_key(period: str) -> tuple[int, int]:
    """Order IDC periods by when they end: 2024-H1 < 2024 = 2024-H2 < 2025-H1."""
    return int(period[:4]), 1 if period.endswith("-H1") else 2


# ---------------------------------------------------------------------------------------------------------------
# Evidence: computed once from the tables, no parameter involved.
# ---------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Move:
    """One dated move of the price war, as the C15 rule reads it."""

    day: int                 # date as an ordinal (days)
    approximate: bool
    vendor: str
    model: str
    action: str
    what: str
    price_move: bool         # False for a launch, and when the list price of every model named did not change
    source_id: str
    launch: bool = False     # a launch sets a new model's first price: it changes no list price


@dataclass(frozen=True)
class Period:
    """One IDC period as C14 and C20 read it: the clouds tied for the lead, each (vendor, company, own model family
    or ""), the share of the calls attributed to named clouds that clouds with their own models hold, and how many
    named clouds sell no model family of their own (the comparison group)."""

    period: str
    leaders: tuple[tuple[str, str, str], ...]
    own_share: float
    n_without: int


@dataclass
class Evidence:
    """What the rules read. Frames are for `analyse` (called once); the rules use the plain fields only."""

    tables: dict[str, Any] = field(default_factory=dict)
    sources_by_frame: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Cuts (C21): input prices in their own currency, and whether that is USD, before and after, per pair.
    pair_before: np.ndarray = field(default_factory=lambda: np.zeros(0))
    pair_before_usd: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    pair_after: np.ndarray = field(default_factory=lambda: np.zeros(0))
    pair_after_usd: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    announced_cuts: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # Trend (C21): rows of models priced on two or more dates.
    fit_years: np.ndarray = field(default_factory=lambda: np.zeros(0))
    fit_in: np.ndarray = field(default_factory=lambda: np.zeros(0))
    fit_out: np.ndarray = field(default_factory=lambda: np.zeros(0))
    fit_usd: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    fit_group: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    fit_span: float = 0.0    # the longest span of one model's prices in the fit, years
    t_levels: np.ndarray = field(default_factory=lambda: np.zeros(0))
    t_values: np.ndarray = field(default_factory=lambda: np.zeros(0))
    published: tuple[float, float] | None = None
    # Moves (C11, C15).
    moves: tuple[Move, ...] = ()
    # Game servers (C11): (vendor, game, offered_by ordinal).
    offers: tuple[tuple[str, str, int], ...] = ()
    # IDC periods (C14, C20), in order.
    periods: tuple[Period, ...] = ()
    # GPU buyers (C20): per year, the Chinese buyers and units.
    cn_buyers: dict[int, dict[str, int]] = field(default_factory=dict)
    # ... and per year, each Chinese buyer's purchases in H100-equivalents by the GPU chapter's conversion: (fixed,
    # family if all full chips, family if all export versions, units without a compute figure).
    cn_compute: dict[int, dict[str, tuple[float, float, float, int]]] = field(default_factory=dict)
    # Reference figures (C17 to C19): metric -> (value, description, source id).
    reference: dict[str, tuple[float, str, str]] = field(default_factory=dict)
    reference_dates: dict[str, str] = field(default_factory=dict)
    # Product stacks (C15, C16, C22, C23).
    stack_products: dict[str, tuple[str, bool, tuple[str, ...]]] = field(default_factory=dict)
    stack_paper: dict[str, Any] = field(default_factory=dict)
    n_volume_series: int = 0
    # Source ids, grouped as the rules cite them (so a rule never filters a frame).
    sources: dict[str, Any] = field(default_factory=lambda: {
        "servers": {}, "volumes": [], "shares": [], "shares_by_period": {}, "cn_buyers_by_year": {},
        "war_prices": [], "stack_by_cloud": {}})
    china: cc.China | None = None     # China's evidence on C12-C16 and C21 (None: not prepared)


def china_figure(ev: Evidence, claim: str, params: Mapping[str, Any]) -> cc.ChainFigure:
    """China's evidence on `claim`. C21's reads the chapter's exchange rate (as yuan per dollar) and the points
    within which two models count as hard to tell apart; C16's concerns one vendor, so it counts only when the
    claim is about that vendor."""
    if ev.china is None:
        return cc.NO_CHINA
    if claim == "C16" and params["claimed_marketplace_vendor"] != cc.C16_COMPANY:
        return cc.NO_CHINA
    if claim == "C21":
        return ev.china.figure(claim, {"indistinct_points": params["indistinct_points"],
                                       "rmb_per_usd": 1 / params["usd_per_rmb"]})
    return ev.china.figure(claim, params)


def _convert_rmb(values: np.ndarray, usd: np.ndarray, usd_per_rmb: float) -> np.ndarray:
    return np.where(usd, values / usd_per_rmb, values)


def _price_moves(moves: Any, prices: Any) -> tuple[Move, ...]:
    """The moves, each marked as a price move when it changed a list price: a cut or a move to free, unless every
    model it names kept its RMB list price from before the war. A launch sets a new model's first price and
    changes none, so no launch counts, whatever its price (DeepSeek-V2's and Doubao's alike)."""
    before = prices[(prices["stage"] == "before") & (prices["currency"] == "RMB")]
    known = {(v, m): p for v, m, p in zip(before["vendor"], before["model"], before["input_per_mtok"])}
    out = []
    for r in moves.sort_values(["date", "vendor", "move_id"]).itertuples():
        models = split_models(r.model)
        after = r.input_after_rmb
        launch = r.action == "launch"
        unchanged = (pd.notna(after) and bool(models)
                     and all(known.get((r.vendor, m)) == float(after) for m in models))
        out.append(Move(r.date.toordinal(), r.date_precision != "day", r.vendor, r.model, r.action, r.what,
                        not (launch or unchanged), r.source_id, launch))
    return tuple(out)


def _pairs(prices: Any, moves: Any) -> dict[str, Any]:
    """Before/after pairs by (vendor, model), the models seen after the war only (launched during it, cut by an
    announcement whose earlier price was not found, or simply without an earlier price) and before only."""
    stage = prices[prices["stage"] != "later"]
    before = stage[stage["stage"] == "before"].drop_duplicates(["vendor", "model"]).set_index(["vendor", "model"])
    after = stage[stage["stage"] == "after"].drop_duplicates(["vendor", "model"]).set_index(["vendor", "model"])
    paired = before.reset_index().merge(after.reset_index(), on=["vendor", "model"], suffixes=("_before", "_after"))
    after_only = after.loc[after.index.difference(before.index)].reset_index()
    before_only = before.loc[before.index.difference(after.index)].reset_index()
    launched, announced = set(), {}
    for r in moves.itertuples():
        for m in split_models(r.model):
            if r.action == "launch":
                launched.add((r.vendor, m))
            elif pd.notna(r.claimed_cut):
                announced[(r.vendor, m)] = float(r.claimed_cut)
            elif r.action == "free":
                announced[(r.vendor, m)] = 1.0
    keys = list(zip(after_only["vendor"], after_only["model"]))
    after_only["kind"] = ["new" if k in launched else "announced" if k in announced else "unknown" for k in keys]
    after_only["announced_cut"] = [announced.get(k, np.nan) for k in keys]
    # An announced move to free applies only where the list price after is indeed zero.
    free_claim = (after_only["announced_cut"] == 1.0) & (after_only["input_per_mtok"] > 0)
    after_only.loc[free_claim, "kind"] = "unknown"
    after_only.loc[after_only["kind"] != "announced", "announced_cut"] = np.nan
    return {"paired": paired, "after_only": after_only, "before_only": before_only}


def _fit_rows(prices: Any) -> Any:
    """Rows after the war (stages `after` and `later`) of models priced above zero on two or more dates: what the
    trend fit uses (free tiers left out). Prices before the war are the cuts' business, not the trend's."""
    post = prices[prices["stage"] != "before"]
    series = post.assign(group=post["vendor"] + " " + post["model"],
                         output=post["output_per_mtok"].fillna(post["input_per_mtok"]))
    positive = series[(series["input_per_mtok"] > 0) | (series["output"] > 0)]
    counts = positive.groupby("group")["date"].nunique()
    return positive[positive["group"].isin(counts[counts >= 2].index)].copy()


def _t_table(df: int) -> tuple[np.ndarray, np.ndarray]:
    """Student-t quantiles for confidence levels 0.5 to 0.995 at `df`, so a rule interpolates instead of solving."""
    if df < 1:
        return np.zeros(0), np.zeros(0)
    levels = np.linspace(0.5, 0.995, 34)
    return levels, np.array([pt.t_quantile(0.5 + lv / 2, df) for lv in levels])


def _stack_measures(stack: Any) -> dict[str, Any]:
    """Layer and name overlap between the clouds' AI stacks, for the clouds of the paper (region US) and across
    regions."""
    if stack.empty:
        return {"region": "US", "clouds": [], "pairs": pd.DataFrame()}

    def words(row: Any) -> set[str]:
        # Generic words of a layer's product names: brand terms, punctuation and short words removed.
        brands = {b.strip().lower() for b in row["brand_terms"].split(";")} | {w.lower() for w in row["cloud"].split()}
        tokens = re.findall(r"[a-z][a-z0-9-]+", row["products"].lower())
        return {t for t in tokens if t not in brands and len(t) > 2 and t not in {"and", "the", "for", "now"}}

    names_by = {(r["cloud"], r["layer"]): words(r) for _, r in stack.iterrows()}
    coverage = {c: set(g["layer"]) for c, g in stack.groupby("cloud")}
    cloud_list = list(dict.fromkeys(stack["cloud"]))
    region = dict(zip(stack["cloud"], stack["region"]))
    rows = []
    for a in cloud_list:
        for b in cloud_list:
            common, union = coverage[a] & coverage[b], coverage[a] | coverage[b]
            sims = [len(names_by[(a, lay)] & names_by[(b, lay)]) / len(names_by[(a, lay)] | names_by[(b, lay)])
                    for lay in sorted(common) if names_by[(a, lay)] | names_by[(b, lay)]]
            rows.append({"cloud_a": a, "cloud_b": b, "layer_overlap": len(common) / len(union),
                         "shared_layers": len(common), "name_similarity": float(np.mean(sims)) if sims else 0.0})
    pairs = pd.DataFrame(rows)
    distinct = pairs[pairs["cloud_a"] < pairs["cloud_b"]]
    home = [c for c in cloud_list if region[c] == "US"]
    inside = distinct[distinct["cloud_a"].isin(home) & distinct["cloud_b"].isin(home)]
    cross = distinct[distinct["cloud_a"].map(region) != distinct["cloud_b"].map(region)]
    common = set.intersection(*[coverage[c] for c in home]) if home else set()
    union = set.union(*[coverage[c] for c in home]) if home else set()
    return {"region": "US", "clouds": home, "cloud_list": cloud_list, "pairs": pairs,
            "overlap": float(inside["layer_overlap"].mean()) if len(inside) else math.nan,
            "names": float(inside["name_similarity"].mean()) if len(inside) else math.nan,
            "cross_overlap": float(cross["layer_overlap"].mean()) if len(cross) else math.nan,
            "cross_names": float(cross["name_similarity"].mean()) if len(cross) else math.nan,
            "common": len(common), "union": len(union)}


def prepare(tables: Mapping[str, Any]) -> Evidence:
    """Everything the rules read, from the validated tables, with no parameter involved."""
    t = {name: tables[name] for name in ("maas_list_prices", "maas_price_moves", "maas_token_volumes",
                                          "maas_market_shares", "maas_trend_estimates", "maas_game_servers",
                                          "maas_reference", "maas_cloud_stack", "gpu_buyers", "sources",
                                          "infra_accelerators", "gpu_reference", "gpu_supply_events")}
    prices, moves, shares = t["maas_list_prices"], t["maas_price_moves"], t["maas_market_shares"]
    ev = Evidence(tables=t)
    parts = _pairs(prices, moves)
    t.update({f"_{k}": v for k, v in parts.items()})
    paired, after_only = parts["paired"], parts["after_only"]
    ev.pair_before = paired["input_per_mtok_before"].to_numpy(float)
    ev.pair_before_usd = (paired["currency_before"] == "USD").to_numpy(bool)
    ev.pair_after = paired["input_per_mtok_after"].to_numpy(float)
    ev.pair_after_usd = (paired["currency_after"] == "USD").to_numpy(bool)
    ev.announced_cuts = after_only.loc[after_only["kind"] == "announced", "announced_cut"].to_numpy(float)
    fit = _fit_rows(prices)
    t["_fit"] = fit
    if len(fit):
        origin = fit["date"].min()
        ev.fit_years = ((fit["date"] - origin).dt.days / 365.25).to_numpy(float)
        spans = fit.groupby("group")["date"].agg(lambda d: (d.max() - d.min()).days / 365.25)
        ev.fit_span = float(spans.max())
        ev.fit_in = fit["input_per_mtok"].to_numpy(float)
        ev.fit_out = fit["output"].to_numpy(float)
        ev.fit_usd = (fit["currency"] == "USD").to_numpy(bool)
        ev.fit_group = np.unique(fit["group"].to_numpy(str), return_inverse=True)[1].ravel()
        ev.t_levels, ev.t_values = _t_table(len(fit) - int(ev.fit_group.max()) - 2)
    estimates = t["maas_trend_estimates"]
    if len(estimates):
        low, high = _annual_factors(estimates)
        ev.published = (float(low.min()), float(high.max()))
    ev.moves = _price_moves(moves, prices)
    servers = t["maas_game_servers"]
    ev.offers = tuple((r.vendor, r.game, r.offered_by.toordinal()) for r in servers.itertuples())
    periods = []
    for period, g in sorted(shares.groupby("period"), key=lambda kv: period_key(kv[0])):
        own = g["own_model"].notna()
        named = float(g["share"].sum())
        # Every cloud with the largest share leads (a tie is a tie, whatever the rows' order).
        top = g[g["share"] == g["share"].max()].sort_values(["vendor", "company"])
        leaders = tuple((r.vendor, r.company, str(r.own_model) if pd.notna(r.own_model) else "")
                        for r in top.itertuples())
        periods.append(Period(period, leaders, float(g.loc[own, "share"].sum()) / named if named > 0 else math.nan,
                              int((~own).sum())))
    ev.periods = tuple(periods)
    buyers = t["gpu_buyers"]
    cn = buyers[buyers["region"] == "China"]
    ev.cn_buyers = {int(y): dict(zip(g["buyer"], g["units"].astype(int))) for y, g in cn.groupby("year")}
    for y in sorted(set(buyers["year"].astype(int)) - set(ev.cn_buyers)):
        ev.cn_buyers[y] = {}
    ev.cn_buyers = dict(sorted(ev.cn_buyers.items()))
    ev.cn_compute = _cn_compute(tables, cn)
    ref = t["maas_reference"]
    ev.reference = {r.metric: (float(r.value), r.description, r.source_id) for r in ref.itertuples()}
    src = t["sources"].set_index("id")
    ev.reference_dates = {m: str(src.at[s, "date"]) if s in src.index and isinstance(src.at[s, "date"], str) else ""
                          for m, (_, _, s) in ev.reference.items()}
    stack = t["maas_cloud_stack"]
    for company, g in stack[stack["layer"].isin(["model_service", "models"])].groupby("company"):
        ev.stack_products[company] = ("; ".join(g["products"]), bool(g["retrieved"].all()),
                                      tuple(sorted(set(g["source_id"]))))
    ev.stack_paper = _stack_measures(stack)
    ev.n_volume_series = int(t["maas_token_volumes"]["series"].nunique())
    ev.sources = {
        "servers": {v: _ids(g) for v, g in servers.groupby("vendor")},
        "volumes": _ids(t["maas_token_volumes"]), "shares": _ids(shares),
        "shares_by_period": {k: _ids(g) for k, g in shares.groupby("period")},
        "cn_buyers_by_year": {int(y): _ids(g) for y, g in cn.groupby("year")},
        "war_prices": _ids(prices[prices["stage"] != "later"], t["maas_trend_estimates"]),
        "stack_by_cloud": {c: _ids(g) for c, g in stack.groupby("cloud")},
    }
    ev.china = cc.owner_evidence(tables, CHINA_CLAIMS)
    return ev


def _cn_compute(tables: Mapping[str, Any], cn: Any) -> dict[int, dict[str, tuple[float, float, float, int]]]:
    """Each Chinese buyer's purchases a year in H100-equivalents, converted exactly as the GPU chapter converts them
    (`gpu_allocation`: dense BF16 TFLOPS over the H100's, the export version where a licence rule applied, a GPU
    family split by the H20 share at rule time)."""
    from aicloud.analysis import gpu_allocation as ga

    if not len(cn):
        return {}
    chips = ga.ChipTable(tables["infra_accelerators"])
    ref = tables["gpu_reference"].set_index("metric")["value"]
    h100 = chips.exact("H100")
    reference = float(ref["h100_dense_bf16_tflops"]) if "h100_dense_bf16_tflops" in ref else (
        chips.by_name[h100] if h100 else None)
    if reference is not None and not reference > 0:
        reference = None
    notes = ga._export_notes(cn, ga._supply(tables["gpu_supply_events"]), chips)
    out: dict[int, dict[str, tuple[float, float, float, int]]] = {}
    rows = ga._row_equivalents(cn, chips, reference, notes)[0]
    for buyer in sorted({r["buyer"] for r in rows}):
        for y in ga._compute([r for r in rows if r["buyer"] == buyer]):
            out.setdefault(y.year, {})[buyer] = (y.china_fixed, y.china_family_full, y.china_family_export,
                                                 y.china_unconverted)
    return dict(sorted(out.items()))


def _annual_factors(estimates: Any) -> tuple[Any, Any]:
    """Published fall factors per year: totals over a period annualised by compounding."""
    years = ((estimates["period_end"] - estimates["period_start"]).dt.days / 365.25).clip(lower=1 / 365.25)
    low = np.where(estimates["per_year"], estimates["factor_low"], pt.annual_factor(estimates["factor_low"], years))
    high = np.where(estimates["per_year"], estimates["factor_high"], pt.annual_factor(estimates["factor_high"], years))
    return pd.Series(low, index=estimates.index), pd.Series(high, index=estimates.index)


def _ids(*frames: Any) -> list[str]:
    found: set[str] = set()
    for f in frames:
        if f is not None and len(f) and "source_id" in f:
            found |= set(f["source_id"].dropna())
    return sorted(found)


# ---------------------------------------------------------------------------------------------------------------
# Rules: one per claim, cheap arithmetic on the evidence.
# ---------------------------------------------------------------------------------------------------------------
def _claimed_list(text: str) -> list[str]:
    """The vendors a ';'-separated parameter names, each once ('Alibaba; alibaba' is one vendor)."""
    out: dict[str, str] = {}
    for v in str(text).split(";"):
        if v.strip():
            out.setdefault(v.strip().casefold(), v.strip())
    return list(out.values())


@rule("C11", reads=("claimed_game_vendors",))
def game_server_contest(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C11, 'the first cloud battle of 2024 was over game servers, not AI'. Two parts: a contest (offers by two
    or more of the named clouds for one game) and its order (the offers came before the first price-war
    move). Named clouds without an offer are untested parts, not evidence against (absence from the data), and
    the reason lists them. Graded by `verdicts.grade`, the parts weighing alike: both holding with no more clouds
    untested than parts holding is supported."""
    named = _claimed_list(params["claimed_game_vendors"])
    folded = {n.casefold() for n in named}
    found = [o for o in ev.offers if o[0].strip().casefold() in folded]
    if not found:
        return Verdict.not_testable_here(txt.say("c11_none", named=txt.names_list(named)))
    vendors = sorted({o[0] for o in found})
    last = max(o[2] for o in found)
    price_moves = [m.day for m in ev.moves if m.price_move]
    contest = len(vendors) >= 2
    parts = [contest]
    if price_moves:
        first = min(price_moves)
        before = last < first
        parts.append(before)
        order = (txt.say("c11_before", days=first - last, first=txt.day(date.fromordinal(first)),
                     pronoun="they came" if len(found) > 1 else "it came") if before else
                 txt.say("c11_after", days=last - first, first=txt.day(date.fromordinal(first))))
    else:
        parts.append(None)
        order = txt.say("c11_no_moves")
    missing = [v for v in named if v.casefold() not in {x.strip().casefold() for x in vendors}]
    label = grade([*parts, *[None] * len(missing)], central=None) or CONTRADICTED
    contest_text = txt.say("c11_contest_yes", n=len(vendors)) if contest else txt.say("c11_contest_no")
    games = sorted({o[1] for o in found})
    reason = txt.say("c11_reason", vendors=", ".join(vendors), game=" and ".join(games),
                 last_offer=txt.day(date.fromordinal(last)), contest=contest_text, order=order,
                 missing=txt.say("c11_missing", missing=", ".join(missing)) if missing else "")
    srcs = sorted({i for v in vendors for i in ev.sources["servers"].get(v, [])})
    return Verdict(label, txt.say("c11_figure", found=len(vendors), named_n=len(named)), reason, ANECDOTE, srcs)


@rule("C12")
def compute_as_service(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C12, 'compute must become a service to make money': a strategy argument that needs margins by business
    line, which no vendor publishes: not testable with public data.

    China's evidence (how fast compute rented out grows against the whole AI cloud, in revenue because margins are
    not published) bears on the claim's central part and is weighed with `china_chain.add_china`: it decides the
    claim as a proxy."""
    return cc.add_china(_base_c12(ev, params), china_figure(ev, "C12", params), central=True)


def _base_c12(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    return Verdict.not_testable(txt.say("c12_reason", n_series=ev.n_volume_series), figure=txt.say("c12_figure"),
                                sources=ev.sources["volumes"])


@rule("C13")
def year_end_meeting(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C13, the order of reports at an internal meeting: no public record, not testable with public data.

    China's evidence (the cloud growth and AI-product growth the meeting's order is credited to) tests the part of
    the claim that has a public record, weighed with `china_chain.add_china`: it decides the claim as an
    anecdote."""
    return cc.add_china(_base_c13(ev, params), china_figure(ev, "C13", params), central=True)


def _base_c13(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    return Verdict.not_testable(txt.say("c13_reason"), figure=txt.say("c13_figure"))


@rule("C14")
def own_model_spearhead(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C14, 'the vendor's own model is the spearhead': in each IDC period, does the cloud leading external
    calls sell its own model family (every cloud tied for the lead, so the rows' order cannot matter), and do
    clouds with own models hold most of the calls attributed to named clouds? Every period: supported; some:
    partly; none: contradicted. Only a comparison group makes this a test: when every named cloud sells its own
    models the leader must too, so the data cannot decide (not testable here). Causation is not tested.

    China's evidence (the revenue growth of clouds with an own model family against a comparison group without one)
    tests the claim with a comparison group and is weighed with `china_chain.add_china`."""
    return cc.add_china(_base_c14(ev, params), china_figure(ev, "C14", params), central=True)


def _base_c14(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    periods = [p for p in ev.periods if finite(p.own_share)]
    if not periods:
        return Verdict.not_testable_here(txt.say("c14_none"))
    if not any(p.n_without for p in periods):
        # Every named cloud sells its own models: the test could not fail, so it decides nothing.
        return Verdict.not_testable_here(txt.say("c14_no_comparison", n=txt.plural(len(periods), "period")),
                                         figure=txt.say("c14_figure_no_comparison"), sources=ev.sources["shares"])
    held = [p for p in periods if all(lead[2] for lead in p.leaders) and p.own_share > 0.5]
    label = SUPPORTED if len(held) == len(periods) else PARTLY if held else CONTRADICTED
    texts = [txt.say("c14_period", period=p.period, lead=_c14_lead(p), share=txt.pct(p.own_share))
             for p in periods]
    latest = periods[-1]
    figure = txt.say("c14_figure", held=len(held), n=len(periods), own_share=txt.pct(latest.own_share))
    reason = txt.say("c14_reason", periods="; ".join(texts), held=len(held), n=len(periods))
    return Verdict(label, figure, reason, PROXY, ev.sources["shares"])


def _c14_lead(p: Period) -> str:
    """'V leads (which sells its own model family, M)' or, for a tie, each tied cloud with its own status."""
    own = [txt.say("c14_own", model=m) if m else txt.say("c14_no_own") for _, _, m in p.leaders]
    if len(p.leaders) == 1:
        return txt.say("c14_lead", leader=p.leaders[0][0], own=own[0])
    return txt.say("c14_tie", leaders=txt.joined([f"{v} ({o})" for (v, _, _), o in zip(p.leaders, own)]))


@rule("C15", reads=("claimed_first_mover",))
def started_price_war(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C15, 'Alibaba started the price war'. The claimed vendor's first price move against every other
    vendor's: a move counts when it changed a list price (a cut or a move to free; a launch sets a new model's
    first price and counts for no one), and approximately dated moves count at their stated date (the reason says
    how many, and when the order rests on them alone; the evidence is then an anecdote). Another vendor earlier:
    contradicted; the same day: partly (the data cannot say who started); the claimed vendor first: supported.

    China's evidence (enterprise-token shares of open-weight against closed model families) bears on 'to win share',
    not on who started the price war, and is weighed with `china_chain.add_china`."""
    return cc.add_china(_base_c15(ev, params), china_figure(ev, "C15", params), central=False)


def _same_vendor(a: str, b: str) -> bool:
    """Vendor names as a user may type them: 'alibaba' is Alibaba."""
    return a.strip().casefold() == b.strip().casefold()


def _move_name(m: Move) -> str:
    return f"{m.vendor} ({m.model}, {txt.day(date.fromordinal(m.day))})"


def _base_c15(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    claimed = params["claimed_first_mover"]
    moves = [m for m in ev.moves if m.price_move]
    own = [m for m in moves if _same_vendor(m.vendor, claimed)]
    if not own:
        return Verdict.not_testable_here(txt.say("c15_no_claimed", claimed=claimed))
    start = min(own, key=lambda m: m.day)
    others = [m for m in moves if not _same_vendor(m.vendor, claimed)]
    earlier = [m for m in others if m.day < start.day]
    same = [m for m in others if m.day == start.day]
    when = txt.day(date.fromordinal(start.day))
    launches = [m for m in ev.moves if m.launch and m.day < start.day]
    unchanged = [m for m in ev.moves if not m.price_move and not m.launch and m.day < start.day]
    tail = txt.say("c15_launches", names=", ".join(_move_name(m) for m in launches)) if launches else ""
    tail += txt.say("c15_unchanged", names=", ".join(_move_name(m) for m in unchanged)) if unchanged else ""
    deciding = [start]
    if earlier:
        label, figure = CONTRADICTED, txt.say("c15_figure_earlier", n=txt.plural(len(earlier), "price move"),
                                              claimed=claimed)
        listed = "; ".join(_move_name(m) for m in earlier)
        days = txt.plural(start.day - min(m.day for m in earlier), "day")
        text = txt.say("c15_earlier", claimed=claimed, date=when, what=start.model, earlier=listed,
                       lead=txt.say("c15_lead_one" if len(earlier) == 1 else "c15_lead_many", days=days))
        approx = sum(m.approximate for m in earlier)
        if approx == len(earlier):
            tail += txt.say("c15_all_approx_one" if approx == 1 else "c15_all_approx", n=approx)
        elif approx:
            tail += txt.say("c15_approx", n=approx, verb="carries" if approx == 1 else "carry")
        deciding += earlier
    elif same:
        label, figure = PARTLY, txt.say("c15_figure_tie", claimed=claimed,
                                        n=len({m.vendor.casefold() for m in same}))
        text = txt.say("c15_tie", claimed=claimed, date=when, what=start.model,
                       same=", ".join(sorted({m.vendor for m in same}, key=str.casefold)))
        deciding += same
    else:
        label, figure = SUPPORTED, txt.say("c15_figure_first", claimed=claimed)
        text = txt.say("c15_first", claimed=claimed, date=when, what=start.model)
    products = ev.stack_products.get(claimed)
    tail += txt.say("c15_products", products=products[0]) if products else txt.say("c15_no_products")
    # Evidence as strong as its weakest deciding date: one approximate date makes the order an anecdote.
    grade = ANECDOTE if any(m.approximate for m in deciding) else DIRECT
    return Verdict(label, figure, text + tail, grade, sorted({m.source_id for m in moves}))


@rule("C16", reads=("claimed_marketplace_vendor",))
def model_marketplace(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C16, 'the marketplace offers dozens of open models': the count is not published anywhere found, so not
    testable with public data; the reason says whether the platform's products are in the data.

    China's evidence (whether and when the vendor opened its model weights, and its ranks) tests the 'closed models'
    part, weighed with `china_chain.add_china` when the vendor is the one China's evidence is about."""
    return cc.add_china(_base_c16(ev, params), china_figure(ev, "C16", params), central=True)


def _base_c16(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    vendor = params["claimed_marketplace_vendor"]
    products, retrieved, srcs = ev.stack_products.get(vendor, (txt.TEXT["none"], False, ("maas-vendor-names",)))
    checked = "verified on vendor pages" if retrieved else "not verified on vendor pages"
    return Verdict.not_testable(txt.say("c16_reason", vendor=vendor, products=products, checked=checked),
                                figure=txt.say("c16_figure"), sources=srcs)


def _ref(ev: Evidence, metric: str) -> tuple[float, str, str] | None:
    return ev.reference.get(metric)


@rule("C17")
def customers_and_partners(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C17, the customer count and partner-revenue growth. Each figure the reference data hold is checked
    against the article's: all found figures match: supported; some: partly; none: contradicted. A figure with
    no source is not evidence either way (the reason says so), and a matching figure from an undated source
    cannot show when it held, so it gives at most partly supported."""
    found, claimed = _ref(ev, "enterprise_customers_found"), _ref(ev, "enterprise_customers_article")
    if found is None or claimed is None:
        return Verdict.not_testable_here(txt.say("c17_missing"))
    dated = ev.reference_dates.get("enterprise_customers_found", "")
    holds = [found[0] >= claimed[0]]
    pf, pc_ = _ref(ev, "partner_revenue_growth_found"), _ref(ev, "partner_revenue_growth_article")
    if pf is not None and pc_ is not None:
        holds.append(pf[0] >= pc_[0])
        partner = txt.say("c17_partner", found=txt.pct(pf[0]), claimed=txt.pct(pc_[0]),
                      relation="matches" if holds[-1] else "falls short")
    else:
        partner = txt.say("c17_partner_none")
    label = SUPPORTED if all(holds) else PARTLY if any(holds) else CONTRADICTED
    if label == SUPPORTED and not dated:
        # A figure without a date cannot show the count held when the article says: at most partly supported.
        label = PARTLY
        partner += txt.say("c17_undated")
    figure = txt.say("c17_figure", found=f"{found[0]:,.0f}", dated=f"dated {dated}" if dated else "undated")
    reason = txt.say("c17_reason", found=f"{found[0]:,.0f}",
                 source=f"a source dated {dated}" if dated else "an undated source",
                 relation=txt.TEXT["matching"] if holds[0] else txt.TEXT["under"], claimed=f"{claimed[0]:,.0f}",
                 partner=partner)
    srcs = [found[2]] + ([pf[2]] if pf is not None else [])
    return Verdict(label, figure, reason, ANECDOTE, srcs)


@rule("C18")
def inference_cost_cut(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C18, 'cut inference cost by more than 90%': checked only against a sourced cost cut for the vendor
    (`inference_cost_cut_found`); a list-price comparison is not a cost, so without one: not testable."""
    article, found = _ref(ev, "inference_cost_cut_article"), _ref(ev, "inference_cost_cut_found")
    listed = _ref(ev, "industry_claimed_cut")
    share = txt.pct(article[0]) if article else "90%"
    if found is not None and article is not None:
        ok = found[0] >= article[0]
        return Verdict(SUPPORTED if ok else CONTRADICTED, txt.say("c18_figure", found=txt.pct(found[0]), article=share),
                       txt.say("c18_reason", found=txt.pct(found[0]), relation="meeting" if ok else "below",
                           article=share), ANECDOTE, [found[2]])
    if listed is not None:
        return Verdict.not_testable(txt.say("c18_reason_none", article=share, claimed_cut=f"{listed[0]:.1%}"),
                                    figure=txt.say("c18_figure_none", claimed_cut=f"{listed[0]:.1%}"),
                                    sources=[listed[2]])
    return Verdict.not_testable(txt.say("c18_reason_none_plain", article=share), figure="no cost source")


@rule("C19")
def layered_industry_model(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C19, 'layered industry models on a four-level L0-L3 architecture': two parts, the central one that the
    industry models are layered (two or more layers at launch) and the count against the article's. Both:
    supported; layered with another count: partly; one layer: contradicted; no count in the data: not testable
    here."""
    found, claimed = _ref(ev, "industry_model_layers_found"), _ref(ev, "industry_model_layers_article")
    if found is None or claimed is None or found[0] < 1:
        return Verdict.not_testable_here(txt.say("c19_missing"))
    n, c = int(found[0]), int(claimed[0])
    label = SUPPORTED if n == c else PARTLY if n >= 2 else CONTRADICTED
    end = txt.say("c19_end_match" if n == c else "c19_end_layered" if n >= 2 else "c19_end_flat")
    return Verdict(label, txt.say("c19_figure", found=n, top=n - 1, claimed=c),
                   txt.say("c19_reason", found=n, top=n - 1, description=found[1], claimed=c, end=end),
                   ANECDOTE, [found[2]])


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@rule("C20", reads=("h20_share_china",))
def capability_over_compute(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C20, 'model capability and industry fit, not compute reserves, decided phase 2': in every year of the
    buyers data, where does the leader in public-cloud LLM calls (latest IDC period) rank among Chinese GPU
    buyers by compute reserve, that is the purchases of the lists up to that year in H100-equivalents (the GPU
    chapter's conversion, with its `h20_share_china` for a family)? First (or tied first) is the largest reserve
    going with the lead, against the claim. Below first in every rankable year: supported; first in every one:
    contradicted; it depends on the year: partly. A year with fewer than two Chinese buyers listed so far, without
    the leader, or with units of no known compute cannot rank it."""
    if not ev.periods:
        return Verdict.not_testable_here(txt.say("c20_no_leader"))
    latest = ev.periods[-1]
    period = latest.period
    if len(latest.leaders) > 1:
        return Verdict.not_testable_here(txt.say("c20_tied", period=period, leaders=txt.joined(
            [v for v, _, _ in latest.leaders])))
    leader = latest.leaders[0][1]
    share = params["h20_share_china"]
    reserve: dict[str, float] = {}
    unknown = 0
    ranked, skipped = [], []
    for year in ev.cn_buyers:
        for buyer, (fixed, full, export, missing) in ev.cn_compute.get(year, {}).items():
            reserve[buyer] = reserve.get(buyer, 0.0) + fixed + (1 - share) * full + share * export
            unknown += missing
        if unknown:
            skipped.append(txt.say("c20_skip_unknown", year=year))
        elif len(reserve) < 2:
            skipped.append(txt.say("c20_skip_one", year=year) if reserve else txt.say("c20_skip_none", year=year))
        elif leader not in reserve:
            skipped.append(txt.say("c20_skip_leader", year=year, leader=leader))
        else:
            mine = reserve[leader]
            rank = 1 + sum(u > mine for u in reserve.values())
            tie = sum(u == mine for u in reserve.values()) > 1
            top = max(reserve.values())
            ranked.append((year, rank, len(reserve), tie, mine, top))
    if not ranked:
        return Verdict.not_testable_here(txt.say("c20_none", leader=leader, why="; ".join(skipped) or "no year"))
    first = [r for r in ranked if r[1] == 1]
    below = [r for r in ranked if r[1] > 1]
    # the tested part (reserves did not decide), and the untested one (capability and fit did): CRITERIA
    label = grade([True if not first else False if not below else SOME, None])
    years = "; ".join(txt.say("c20_year", rank=_ordinal(r[1]), n=r[2], year=r[0], tie=" (tied)" if r[3] else "",
                              mine=f"{r[4]:,.0f}", top=f"{r[5]:,.0f}") for r in ranked)
    reading = (txt.say("c20_all_below") if not first else txt.say("c20_all_first") if not below else
               txt.say("c20_mixed", first_years=", ".join(str(r[0]) for r in first),
                       below_years=", ".join(str(r[0]) for r in below)))
    other = txt.say("c20_other", skipped="; ".join(skipped)) if skipped else ""
    srcs = ev.sources["shares_by_period"].get(period, []) + [
        i for r in ranked for y in ev.cn_buyers if y <= r[0] for i in ev.sources["cn_buyers_by_year"].get(y, [])]
    return Verdict(label, txt.say("c20_figure", first=len(first), n=len(ranked)),
                   txt.say("c20_reason", leader=leader, period=period, years=years, reading=reading, other=other,
                           share=f"{share:.0%}"),
                   PROXY, srcs)


def within_model_fit(ev: Evidence, usd_per_rmb: float, input_weight: float, confidence: float,
                     min_years: float = 0.0) -> dict[str, float] | None:
    """The within-model log-linear fit of blended prices after the war (one level per model, one slope), as
    arithmetic on the evidence: `slope` (change of log price a year), `half` (half the interval's width on that
    scale), the decline a year and its interval, the fall `factor`, `n` rows and `groups` models. None when too
    few observations, or when no model's prices span `min_years` (compounding a few weeks to a year overstates
    the rate). The page quotes these same numbers, so the text and the verdict give one interval."""
    if not len(ev.fit_years) or ev.fit_span < min_years:
        return None
    price = (input_weight * _convert_rmb(ev.fit_in, ev.fit_usd, usd_per_rmb)
             + (1 - input_weight) * _convert_rmb(ev.fit_out, ev.fit_usd, usd_per_rmb))
    keep = price > 0
    t, y, g = ev.fit_years[keep], np.log(price[keep]), ev.fit_group[keep]
    n_groups = int(g.max()) + 1 if len(g) else 0
    counts = np.bincount(g, minlength=n_groups)
    present = counts > 0
    safe = np.where(present, counts, 1)
    t_dev = t - (np.bincount(g, weights=t, minlength=n_groups) / safe)[g]
    y_dev = y - (np.bincount(g, weights=y, minlength=n_groups) / safe)[g]
    df = len(t) - int(present.sum()) - 1
    sxx = float(np.dot(t_dev, t_dev))
    if df < 1 or sxx <= 0 or not len(ev.t_levels):
        return None
    slope = float(np.dot(t_dev, y_dev) / sxx)
    resid = y_dev - slope * t_dev
    se = math.sqrt(float(np.dot(resid, resid)) / df / sxx)
    half = float(np.interp(confidence, ev.t_levels, ev.t_values)) * se

    def fall(x: float) -> float:   # 1 - exp(x), kept finite for absurdly steep data
        return -math.expm1(min(max(x, -700.0), 700.0))

    return {"slope": slope, "half": half, "decline": fall(slope), "decline_low": fall(slope + half),
            "decline_high": fall(slope - half), "factor": math.exp(-min(max(slope, -700.0), 700.0)),
            "n": int(len(t)), "groups": int(present.sum())}


def cut_depths(ev: Evidence, usd_per_rmb: float) -> np.ndarray:
    """Input cut of every model priced before and after the war, then the announced cuts of models whose
    earlier price was not found."""
    b = _convert_rmb(ev.pair_before, ev.pair_before_usd, usd_per_rmb)
    a = _convert_rmb(ev.pair_after, ev.pair_after_usd, usd_per_rmb)
    paired = np.where(b > 0, 1 - a / np.where(b > 0, b, 1), np.where(a > 0, -1.0, 0.0))
    return np.concatenate([paired, ev.announced_cuts])


@rule("C21", reads=("usd_per_rmb", "input_weight", "confidence", "min_trend_years", "indistinct_points"))
def weak_lock_in(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C21, 'models are hard to tell apart, so MaaS locks customers in only weakly; not unique to China'.
    Lock-in is not measured; the rule tests two things weak lock-in predicts: most models whose cut can be measured
    (list prices before and after the war, or an announced cut) were cut; list prices kept falling within a model
    after the war (the fitted decline's interval above zero; the fit needs one model's prices to span
    `min_trend_years`). Graded by `verdicts.grade` (parts weighing alike); none testable: not testable here.
    'Not unique to China' is an untested part: the published estimates for other markets measure the
    cheapest price at a given quality, not a model's list price (the reason says so).

    China's evidence (the quality gap between the best Chinese and US models on one index, within
    `indistinct_points`) tests 'hard to tell apart' directly and is weighed with `china_chain.add_china`."""
    return cc.add_china(_base_c21(ev, params), china_figure(ev, "C21", params), central=True)


def _base_c21(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    cuts = cut_depths(ev, params["usd_per_rmb"])
    parts, texts = [], []
    n_paired, n_announced = len(ev.pair_before), len(ev.announced_cuts)
    if len(cuts):
        n_cut = int((cuts > 0).sum())
        share = n_cut / len(cuts)
        parts.append(share > 0.5)
        med = float(np.median(cuts[cuts > 0])) if n_cut else 0.0
        how = txt.say("c21_how_paired", paired=txt.plural(n_paired, "model"))
        if n_announced:
            how += txt.say("c21_how_announced", announced=n_announced)
        texts.append(txt.say("c21_cuts", n=txt.plural(len(cuts), "model"), how=how, n_cut=n_cut,
                         were="was" if n_cut == 1 else "were", word=txt.share_word(share),
                         median=txt.say("c21_median", median=txt.pct(med)) if n_cut else ""))
        cut_text = txt.say("c21_cut_text", n_cut=n_cut, n=len(cuts))
    else:
        texts.append(txt.say("c21_cuts_none"))
        cut_text = txt.say("c21_cut_text_none")
    fit = within_model_fit(ev, params["usd_per_rmb"], params["input_weight"], params["confidence"],
                           params["min_trend_years"])
    if fit is not None:
        confirmed = fit["decline_low"] > 0
        parts.append(confirmed)
        texts.append(txt.say("c21_trend", change=txt.trend_change(fit), level=txt.pct(params["confidence"]),
                         interval=txt.trend_interval(fit),
                         verdict=txt.say("c21_trend_yes" if confirmed else "c21_trend_rise" if fit["slope"] >= 0
                                     else "c21_trend_no")))
    elif len(ev.fit_years) and ev.fit_span < params["min_trend_years"]:
        texts.append(txt.say("c21_trend_short", span=txt.years(ev.fit_span), min_span=txt.years(
            params["min_trend_years"])))
    else:
        texts.append(txt.say("c21_trend_none"))
    if not parts:
        return Verdict.not_testable_here(txt.say("c21_none", cuts=texts[0], trend=texts[1]))
    # the two predictions (an untestable one counts as untested) and 'not unique to China', untested: CRITERIA
    label = grade([*parts, *[None] * (2 - len(parts)), None], central=None) or CONTRADICTED
    reason = txt.say("c21_reason", cuts=texts[0], trend=texts[1])
    srcs = ev.sources["war_prices"] + ["maas-deepseek-day6"]
    figure = txt.say("c21_figure", parts_held=sum(parts), parts=len(parts), cut_text=cut_text)
    return Verdict(label, figure, reason, PROXY, srcs)


def _bar(value: float, bar: float) -> str:
    return txt.TEXT["at_least"] if value >= bar else txt.TEXT["below"]


@rule("C22", reads=("similar_layers", "similar_names"))
def similar_core_services(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C22, 'the paper finds AWS, Azure and Google offering highly similar core AI services with similar names':
    two parts on the project's own product table, for the US clouds: the layers two clouds share (of those either
    lists) on average at least `similar_layers`, and the generic words their names share at least
    `similar_names`. A layer without a source for a cloud is unknown, not absent, so the layer overlap found is a
    lower bound: at or above the bar the part holds; below it the part is undecided (the unsourced layers could
    lift it to 100%), never failed. Every decided part holds: supported; one holds and one fails: partly; the
    only decided part fails: contradicted."""
    s = ev.stack_paper
    if len(s.get("clouds", [])) < 2 or not finite(s.get("overlap", math.nan), s.get("names", math.nan)):
        return Verdict.not_testable_here(txt.say("c22_missing", region=s.get("region", "US")))
    layers_ok = s["overlap"] >= params["similar_layers"]
    names_ok = s["names"] >= params["similar_names"]
    label = (SUPPORTED if names_ok else PARTLY) if layers_ok else (SUPPORTED if names_ok else CONTRADICTED)
    layers = txt.say("c22_layers_held" if layers_ok else "c22_layers_open", overlap=txt.pct(s["overlap"]),
                     bar=txt.pct(params["similar_layers"]))
    reason = txt.say("c22_reason", clouds=", ".join(s["clouds"]), layers=layers,
                     names=txt.pct(s["names"]), names_word=_bar(s["names"], params["similar_names"]),
                     names_bar=txt.pct(params["similar_names"]))
    return Verdict(label, txt.say("c22_figure", overlap=txt.pct(s["overlap"]), names=txt.pct(s["names"])), reason,
                   PROXY,
                   ["maas-big-ai-paper", "maas-helmond-blog"]
                   + [i for c in s["clouds"] for i in ev.sources["stack_by_cloud"].get(c, [])])


@rule("C23", reads=("similar_layers",))
def common_stack(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C23, 'integrating AI with cloud needs a complete stack whose core largely overlaps across vendors': the
    share of layers that every US cloud lists (of those any lists) against `similar_layers`. A layer without a
    source for some cloud is unknown, not absent, so the share found is a lower bound and 100% the upper one. The
    lower bound at or above the bar: supported (the 'needs' is interpretation, not tested); below it: not
    testable here, since the unsourced layers decide (the product table records no layer as known to be
    missing, so the claim cannot be contradicted from it)."""
    s = ev.stack_paper
    if len(s.get("clouds", [])) < 2 or not s.get("union"):
        return Verdict.not_testable_here(txt.say("c22_missing", region=s.get("region", "US")))
    share = s["common"] / s["union"]
    ok = share >= params["similar_layers"]
    cross = txt.pct(s["cross_overlap"]) if finite(s["cross_overlap"]) else txt.say("c23_cross_none")
    fields = dict(clouds=", ".join(s["clouds"]), common=s["common"], union=s["union"], share=txt.pct(share),
                  open=s["union"] - s["common"], bar=txt.pct(params["similar_layers"]), cross=cross)
    figure = txt.say("c23_figure", common=s["common"], union=s["union"])
    srcs = [i for ids in ev.sources["stack_by_cloud"].values() for i in ids]
    if not ok:
        return Verdict.not_testable_here(txt.say("c23_open", **fields), figure=figure, sources=srcs)
    label = grade([True, None])   # the overlap holds; that integration needs a common stack is untested
    return Verdict(label or SUPPORTED, figure, txt.say("c23_reason", **fields), PROXY, srcs)


def analyse(tables: Mapping[str, Any], params: Mapping[str, Any], evidence: Evidence | None = None) -> ChapterResult:
    """Every figure, chart frame, title and verdict of the chapter. `evidence` (from `prepare`) may be passed to
    avoid computing it twice when the page also sweeps the rules."""
    import sys

    from aicloud.analysis import maas_price_war_page as page
    from aicloud.analysis import rules_of

    ev = evidence if evidence is not None else prepare(tables)
    verdicts = {cid: r(ev, params) for cid, r in rules_of(sys.modules[__name__]).items()}
    return page.build(ev, params, verdicts)
