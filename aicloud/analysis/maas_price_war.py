"""The MaaS price-war chapter's analysis (claims C11 to C23): the cuts, who moved first, the trend after the war,
volumes and what price times volume implies, the price-competition model and the clouds' AI product stacks.

`prepare(tables)` computes, once and without any parameter, everything the verdict rules read (`Evidence`);
`analyse(tables, params)` returns every figure the prose quotes, the rows each chart draws, the titles that
state a finding and one `Verdict` per claim. Each claim has one rule below (`@rule("C15", reads=...)`), a pure
function of the evidence and the parameters it names; the robustness sweep calls them thousands of times.

Data that cannot decide a question (one vendor, no price before or after the war, renamed vendors, files that
share no name) gives a stated verdict `not testable with this data` and a sentence that says what is missing,
never a crash or a missing number. Reader-facing sentences sit in `TEXT` (one place, for a later translation).
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
from aicloud.models import paid_share as ps
from aicloud.models import price_competition as pc
from aicloud.models import price_trend as pt
from aicloud.verdicts import ANECDOTE, CONTRADICTED, DIRECT, PARTLY, PROXY, SUPPORTED, Verdict, finite, majority

CLAIMS = tuple(f"C{i}" for i in range(11, 24))

# ---------------------------------------------------------------------------------------------------------------
# Reader-facing sentences (one place; a Chinese edition needs a counterpart for each). Fields in braces.
# ---------------------------------------------------------------------------------------------------------------
TEXT = {
    # C11
    "c11_none": "No game-server offer by the clouds the article names ({named}) is in the data.",
    "c11_figure": "{found} of {named_n} named clouds' offers documented",
    "c11_reason": ("Offers by {vendors} for {game} servers are documented by {last_offer}; {contest}; {order}. "
                   "{missing}Whether it was the year's 'first battle' beyond the price war is a judgement."),
    "c11_contest_yes": "that is a contest between {n} of the clouds the article names",
    "c11_contest_no": "only one named cloud's offer is documented, so there is no contest to show",
    "c11_before": "{pronoun} {days} days before the first price-war move ({first})",
    "c11_after": "the first price-war move ({first}) came {days} days before the last of them, so they were not first",
    "c11_no_moves": "the data hold no price-war move to date them against",
    "c11_missing": "Offers by {missing} were not found. ",
    # C12, C13
    "c12_figure": "business judgement",
    "c12_reason": ("That compute must be sold as a service to pay is a strategy argument: testing it needs the margin "
                   "of raw compute against model services, by vendor, which no vendor publishes. The data hold "
                   "{n_series} announced volume series, which show use, not profit."),
    "c13_figure": "internal meeting",
    "c13_reason": "The order of reports at a company's internal year-end meeting is an anecdote with no public record.",
    # C14
    "c14_none": "No IDC period in the data names which clouds sell their own models.",
    "c14_figure": "leader sells its own models in {held} of {n} periods; {own_share} of named calls on such clouds",
    "c14_reason": ("In IDC's counts of calls by external customers, {periods}. Own models and a leading position go "
                   "together in {held} of {n} periods; that is consistent with own models leading customers to "
                   "the cloud, but it does not show which way the effect runs."),
    "c14_own": "which sells its own model family, {model}",
    "c14_no_own": "which sells no model family of its own",
    "c14_period": ("{period}: {leader} leads ({own}), and clouds with their own model family hold {share} of the "
                   "calls attributed to named clouds"),
    # C15
    "c15_no_claimed": "The data hold no price move by {claimed}, so whether it moved first cannot be decided.",
    "c15_figure_earlier": "{n} price moves before {claimed}'s",
    "c15_figure_first": "{claimed} made the first price move",
    "c15_figure_tie": "{claimed} moved together with {n} other(s)",
    "c15_earlier": ("{claimed} moved on {date} ({what}), but {earlier} came earlier, the first {lead} days before; "
                    "the claim that it started the price war is contradicted. "),
    "c15_first": "{claimed} moved on {date} ({what}), before every other price move in the data. ",
    "c15_tie": ("{claimed} moved on {date} ({what}), on the same day as {same} (or within an approximate date of it); "
                "the data cannot say who started. "),
    "c15_unchanged": "Not counted as moves: {names} (the list price did not change). ",
    "c15_approx": "{n} of the earlier moves {verb} only an approximate date. ",
    "c15_products": "Its models and model platform appear in the product data ({products}).",
    "c15_no_products": "Its models and model platform are not in the product data.",
    # C16
    "c16_figure": "model count not found",
    "c16_reason": ("The product data lists {vendor}'s model platform and models ({products}; {checked}), but no dated "
                   "source gives how many open models the platform offers."),
    # C17
    "c17_missing": "The reference data hold no customer count for the vendor, so the claim cannot be checked.",
    "c17_figure": "{found} customers ({dated})",
    "c17_reason": ("The closest public figure is {found} customers in {source}, {relation} the article's {claimed}; "
                   "{partner}"),
    "c17_partner_none": "no source for the partner-revenue growth figure was found.",
    "c17_partner": "partner revenue grew {found} against the article's {claimed}, which {relation}.",
    # C18
    "c18_figure_none": "no cost source; list-price claim {claimed_cut}",
    "c18_reason_none": ("No source in the data gives the vendor's inference-cost cut of over {article}; its public "
                        "figure is a list price {claimed_cut} below an 'industry' price, which says nothing "
                        "about cost."),
    "c18_reason_none_plain": "No source in the data gives the vendor's inference-cost cut of over {article}.",
    "c18_figure": "cost cut {found} against {article}",
    "c18_reason": "A source gives an inference-cost cut of {found}, {relation} the article's {article}.",
    # C19
    "c19_missing": "The reference data hold no layer count for the industry model, so the claim cannot be checked.",
    "c19_figure": "{found} layers (L0 to L{top}) against the article's {claimed}",
    "c19_reason": ("The launch coverage describes {found} layers, L0 to L{top} ({description}); the article says "
                   "{claimed}{end}"),
    # C20
    "c20_no_leader": "The market-share data name no leader in calls, so reserves cannot be compared.",
    "c20_none": ("The GPU buyers data cannot rank {leader} among Chinese buyers in any year: {why}. Compute "
                 "reserves and the MaaS lead cannot be compared."),
    "c20_figure": "MaaS leader first among Chinese GPU buyers in {first} of {n} years",
    "c20_reason": ("{leader} led {period} public-cloud LLM calls. Among Chinese GPU buyers it ranked {years}. "
                   "{reading}{other}"),
    "c20_year": "{rank} of {n} in {year}{tie}",
    "c20_all_below": ("In no year did the largest Chinese compute reserve go with the MaaS lead, consistent with "
                      "the claim; that model capability and industry fit decided is plausible but not measured."),
    "c20_all_first": ("In every year the largest Chinese compute reserve and the MaaS lead went together, against "
                      "the claim."),
    "c20_mixed": ("The answer depends on the year: the MaaS leader had the largest Chinese compute reserve in "
                  "{first_years} but not in {below_years}."),
    "c20_other": " Years the data cannot rank: {skipped}.",
    # C21
    "c21_none": ("The data hold neither a price before and after the war nor a trend to fit, so the claim cannot be "
                 "checked."),
    "c21_figure": "{parts_held} of {parts} tests hold; {cut_text}",
    "c21_reason": ("Lock-in itself (switching costs) is not measured in public data, so the test uses what weak "
                   "lock-in predicts. {cuts} {trend} {published} In the model below, with no switching cost "
                   "prices fall to cost as models become alike, and with a small one no stable price exists."),
    "c21_cuts": "{n_cut} of {n} models with a price before and after the war were cut ({word}; median cut {median}).",
    "c21_cuts_none": "No model has a price both before and after the war.",
    "c21_trend": ("Within a model, list prices then fell {decline} a year ({level} interval {low} to {high}), "
                  "{verdict}."),
    "c21_trend_none": "Too few prices on two dates to fit a trend within a model.",
    "c21_trend_yes": "a fall the interval confirms",
    "c21_trend_no": "which the interval does not confirm",
    "c21_published": ("Published estimates for other markets find prices falling {low} to {high} times a year, so it "
                      "is not unique to China."),
    "c21_published_none": "No published estimate for other markets is in the data.",
    # C22, C23
    "c22_missing": "The product table holds fewer than two clouds of the region the paper studies ({region}).",
    "c22_figure": "{overlap} layer overlap, {names} name overlap",
    "c22_reason": ("The project's own table finds the clouds of the paper ({clouds}) listing products in {overlap} of "
                   "each other's layers on average ({layers_word} the {layers_bar} taken as highly similar), and their "
                   "names share {names} of generic words ({names_word} the {names_bar} taken as similar names); the "
                   "paper's figure method (products linked by references) could not be verified."),
    "c23_figure": "{common} of {union} layers offered by all",
    "c23_reason": ("All of {clouds} list products in {common} of the {union} layers any of them lists ({share}, "
                   "{word} the {bar} taken as a large overlap); between clouds of different regions the layer "
                   "overlap is {cross}. That integration needs a common stack is the article's interpretation "
                   "and cannot be tested from product lists."),
    "c23_cross_none": "not measurable (one region only)",
    # Prose pieces
    "none": "none",
    "at_least": "at or above",
    "below": "below",
    "matching": "matching",
    "under": "below",
    "not_computable": "not computable with this data",
}


def say(key: str, **fields: Any) -> str:
    """A reader-facing sentence from `TEXT` with its fields filled in."""
    return TEXT[key].format(**fields)


def pct(x: float) -> str:
    return f"{x:.0%}"


def day(d: Any) -> str:
    return f"{pd.Timestamp(d):%d %b %Y}"


def names_list(items: list[str]) -> str:
    return ", ".join(items) if items else TEXT["none"]


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
    price_move: bool         # False when the list price of every model named did not change
    source_id: str


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
    t_levels: np.ndarray = field(default_factory=lambda: np.zeros(0))
    t_values: np.ndarray = field(default_factory=lambda: np.zeros(0))
    published: tuple[float, float] | None = None
    # Moves (C11, C15).
    moves: tuple[Move, ...] = ()
    # Game servers (C11): (vendor, game, offered_by ordinal).
    offers: tuple[tuple[str, str, int], ...] = ()
    # IDC periods (C14, C20): (period, leader vendor, leader company, its own model family or "", share of the
    # calls attributed to named clouds that clouds with their own models hold).
    periods: tuple[tuple[str, str, str, str, float], ...] = ()
    # GPU buyers (C20): per year, the Chinese buyers and units.
    cn_buyers: dict[int, dict[str, int]] = field(default_factory=dict)
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


def _convert_rmb(values: np.ndarray, usd: np.ndarray, usd_per_rmb: float) -> np.ndarray:
    return np.where(usd, values / usd_per_rmb, values)


def _price_moves(moves: Any, prices: Any) -> tuple[Move, ...]:
    """The moves, each marked as a price move unless every model it names kept its list price (a launch at an
    unchanged price, as DeepSeek-V2's, is not a cut). Only RMB list prices before the war can tell."""
    before = prices[(prices["stage"] == "before") & (prices["currency"] == "RMB")]
    known = {(v, m): p for v, m, p in zip(before["vendor"], before["model"], before["input_per_mtok"])}
    out = []
    for r in moves.sort_values(["date", "vendor"]).itertuples():
        models = split_models(r.model)
        after = r.input_after_rmb
        unchanged = (pd.notna(after) and bool(models)
                     and all(known.get((r.vendor, m)) == float(after) for m in models))
        out.append(Move(r.date.toordinal(), r.date_precision != "day", r.vendor, r.model, r.action, r.what,
                        not unchanged, r.source_id))
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
    """Rows of models priced above zero on two or more dates: what the trend fit uses (free tiers left out)."""
    series = prices.assign(group=prices["vendor"] + " " + prices["model"],
                           output=prices["output_per_mtok"].fillna(prices["input_per_mtok"]))
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
                                          "maas_reference", "maas_cloud_stack", "gpu_buyers", "sources")}
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
        origin = prices["date"].min()
        ev.fit_years = ((fit["date"] - origin).dt.days / 365.25).to_numpy(float)
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
        g = g.sort_values("share", ascending=False)
        own = g["own_model"].notna()
        named = float(g["share"].sum())
        periods.append((period, g["vendor"].iloc[0], g["company"].iloc[0],
                        str(g["own_model"].iloc[0]) if own.iloc[0] else "",
                        float(g.loc[own, "share"].sum()) / named if named > 0 else math.nan))
    ev.periods = tuple(periods)
    buyers = t["gpu_buyers"]
    cn = buyers[buyers["region"] == "China"]
    ev.cn_buyers = {int(y): dict(zip(g["buyer"], g["units"].astype(int))) for y, g in cn.groupby("year")}
    for y in sorted(set(buyers["year"].astype(int)) - set(ev.cn_buyers)):
        ev.cn_buyers[y] = {}
    ev.cn_buyers = dict(sorted(ev.cn_buyers.items()))
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
    return ev


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
    return [v.strip() for v in str(text).split(";") if v.strip()]


@rule("C11", reads=("claimed_game_vendors",))
def game_server_contest(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C11, 'the first cloud battle of 2024 was over game servers, not AI'. Two parts: a contest (offers by two
    or more of the named clouds for one game) and its order (the offers came before the first price-war
    move). Both hold: supported; one: partly; neither: contradicted. Named clouds without an offer are not
    evidence against (absence from the data), and the reason lists them."""
    named = _claimed_list(params["claimed_game_vendors"])
    found = [o for o in ev.offers if o[0] in named]
    if not found:
        return Verdict.not_testable_here(say("c11_none", named=names_list(named)))
    vendors = sorted({o[0] for o in found})
    last = max(o[2] for o in found)
    price_moves = [m.day for m in ev.moves if m.price_move]
    contest = len(vendors) >= 2
    parts = [contest]
    if price_moves:
        first = min(price_moves)
        before = last < first
        parts.append(before)
        order = (say("c11_before", days=first - last, first=day(date.fromordinal(first)),
                     pronoun="they came" if len(found) > 1 else "it came") if before else
                 say("c11_after", days=last - first, first=day(date.fromordinal(first))))
    else:
        order = say("c11_no_moves")
    label = SUPPORTED if all(parts) else PARTLY if any(parts) else CONTRADICTED
    missing = [v for v in named if v not in vendors]
    contest_text = say("c11_contest_yes", n=len(vendors)) if contest else say("c11_contest_no")
    games = sorted({o[1] for o in found})
    reason = say("c11_reason", vendors=", ".join(vendors), game=" and ".join(games),
                 last_offer=day(date.fromordinal(last)), contest=contest_text, order=order,
                 missing=say("c11_missing", missing=", ".join(missing)) if missing else "")
    srcs = sorted({i for v in vendors for i in ev.sources["servers"].get(v, [])})
    return Verdict(label, say("c11_figure", found=len(vendors), named_n=len(named)), reason, ANECDOTE, srcs)


@rule("C12")
def compute_as_service(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C12, 'compute must become a service to make money': a strategy argument that needs margins by business
    line, which no vendor publishes: not testable with public data."""
    return Verdict.not_testable(say("c12_reason", n_series=ev.n_volume_series), figure=say("c12_figure"),
                                sources=ev.sources["volumes"])


@rule("C13")
def year_end_meeting(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C13, the order of reports at an internal meeting: no public record, not testable with public data."""
    return Verdict.not_testable(say("c13_reason"), figure=say("c13_figure"))


@rule("C14")
def own_model_spearhead(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C14, 'the vendor's own model is the spearhead': in each IDC period, does the cloud leading external
    calls sell its own model family, and do clouds with own models hold most of the calls attributed to named
    clouds? Every period: supported; some: partly; none: contradicted. Causation is not tested."""
    periods = [p for p in ev.periods if finite(p[4])]
    if not periods:
        return Verdict.not_testable_here(say("c14_none"))
    held = [p for p in periods if p[3] and p[4] > 0.5]
    label = SUPPORTED if len(held) == len(periods) else PARTLY if held else CONTRADICTED
    texts = [say("c14_period", period=p[0], leader=p[1],
                 own=say("c14_own", model=p[3]) if p[3] else say("c14_no_own"),
                 share=pct(p[4])) for p in periods]
    latest = periods[-1]
    figure = say("c14_figure", held=len(held), n=len(periods), own_share=pct(latest[4]))
    reason = say("c14_reason", periods="; ".join(texts), held=len(held), n=len(periods))
    return Verdict(label, figure, reason, PROXY, ev.sources["shares"])


@rule("C15", reads=("claimed_first_mover",))
def started_price_war(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C15, 'Alibaba started the price war'. The claimed vendor's first price move against every other
    vendor's: a move counts when it changed a list price (a launch at an unchanged price does not), and
    approximately dated moves count at their stated date (the reason says how many). Another vendor earlier:
    contradicted; the same day: partly (the data cannot say who started); the claimed vendor first: supported."""
    claimed = params["claimed_first_mover"]
    moves = [m for m in ev.moves if m.price_move]
    own = [m for m in moves if m.vendor == claimed]
    if not own:
        return Verdict.not_testable_here(say("c15_no_claimed", claimed=claimed))
    start = min(own, key=lambda m: m.day)
    others = [m for m in moves if m.vendor != claimed]
    earlier = [m for m in others if m.day < start.day]
    same = [m for m in others if m.day == start.day]
    when = day(date.fromordinal(start.day))
    unchanged = [m for m in ev.moves if not m.price_move and m.day < start.day]
    tail = say("c15_unchanged", names=", ".join(f"{m.vendor} ({m.model}, {day(date.fromordinal(m.day))})"
                                                for m in unchanged)) if unchanged else ""
    if earlier:
        label, figure = CONTRADICTED, say("c15_figure_earlier", n=len(earlier), claimed=claimed)
        listed = "; ".join(f"{m.vendor} ({m.model}, {day(date.fromordinal(m.day))})" for m in earlier)
        text = say("c15_earlier", claimed=claimed, date=when, what=start.model, earlier=listed,
                   lead=start.day - min(m.day for m in earlier))
        approx = sum(m.approximate for m in earlier)
        tail += say("c15_approx", n=approx, verb="carries" if approx == 1 else "carry") if approx else ""
    elif same:
        label, figure = PARTLY, say("c15_figure_tie", claimed=claimed, n=len(same))
        text = say("c15_tie", claimed=claimed, date=when, what=start.model,
                   same=", ".join(sorted({m.vendor for m in same})))
    else:
        label, figure = SUPPORTED, say("c15_figure_first", claimed=claimed)
        text = say("c15_first", claimed=claimed, date=when, what=start.model)
    products = ev.stack_products.get(claimed)
    tail += say("c15_products", products=products[0]) if products else say("c15_no_products")
    grade = DIRECT if not start.approximate else ANECDOTE
    return Verdict(label, figure, text + tail, grade, sorted({m.source_id for m in moves}))


@rule("C16", reads=("claimed_marketplace_vendor",))
def model_marketplace(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C16, 'the marketplace offers dozens of open models': the count is not published anywhere found, so not
    testable with public data; the reason says whether the platform's products are in the data."""
    vendor = params["claimed_marketplace_vendor"]
    products, retrieved, srcs = ev.stack_products.get(vendor, (TEXT["none"], False, ("maas-vendor-names",)))
    checked = "verified on vendor pages" if retrieved else "not verified on vendor pages"
    return Verdict.not_testable(say("c16_reason", vendor=vendor, products=products, checked=checked),
                                figure=say("c16_figure"), sources=srcs)


def _ref(ev: Evidence, metric: str) -> tuple[float, str, str] | None:
    return ev.reference.get(metric)


@rule("C17")
def customers_and_partners(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C17, the customer count and partner-revenue growth. Each figure the reference data hold is checked
    against the article's: all found figures match: supported; some: partly; none: contradicted. A figure with
    no source is not evidence either way (the reason says so)."""
    found, claimed = _ref(ev, "enterprise_customers_found"), _ref(ev, "enterprise_customers_article")
    if found is None or claimed is None:
        return Verdict.not_testable_here(say("c17_missing"))
    dated = ev.reference_dates.get("enterprise_customers_found", "")
    holds = [found[0] >= claimed[0]]
    pf, pc_ = _ref(ev, "partner_revenue_growth_found"), _ref(ev, "partner_revenue_growth_article")
    if pf is not None and pc_ is not None:
        holds.append(pf[0] >= pc_[0])
        partner = say("c17_partner", found=pct(pf[0]), claimed=pct(pc_[0]),
                      relation="matches" if holds[-1] else "falls short")
    else:
        partner = say("c17_partner_none")
    label = SUPPORTED if all(holds) else PARTLY if any(holds) else CONTRADICTED
    figure = say("c17_figure", found=f"{found[0]:,.0f}", dated=f"dated {dated}" if dated else "undated")
    reason = say("c17_reason", found=f"{found[0]:,.0f}",
                 source=f"a source dated {dated}" if dated else "an undated source",
                 relation=TEXT["matching"] if holds[0] else TEXT["under"], claimed=f"{claimed[0]:,.0f}",
                 partner=partner)
    srcs = [found[2]] + ([pf[2]] if pf is not None else [])
    return Verdict(label, figure, reason, ANECDOTE, srcs)


@rule("C18")
def inference_cost_cut(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C18, 'cut inference cost by more than 90%': checked only against a sourced cost cut for the vendor
    (`inference_cost_cut_found`); a list-price comparison is not a cost, so without one: not testable."""
    article, found = _ref(ev, "inference_cost_cut_article"), _ref(ev, "inference_cost_cut_found")
    listed = _ref(ev, "industry_claimed_cut")
    share = pct(article[0]) if article else "90%"
    if found is not None and article is not None:
        ok = found[0] >= article[0]
        return Verdict(SUPPORTED if ok else CONTRADICTED, say("c18_figure", found=pct(found[0]), article=share),
                       say("c18_reason", found=pct(found[0]), relation="meeting" if ok else "below",
                           article=share), ANECDOTE, [found[2]])
    if listed is not None:
        return Verdict.not_testable(say("c18_reason_none", article=share, claimed_cut=f"{listed[0]:.1%}"),
                                    figure=say("c18_figure_none", claimed_cut=f"{listed[0]:.1%}"),
                                    sources=[listed[2]])
    return Verdict.not_testable(say("c18_reason_none_plain", article=share), figure="no cost source")


@rule("C19")
def layered_industry_model(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C19, 'a four-level L0-L3 architecture': the layer count at launch against the article's. Equal:
    supported; different: contradicted; no count in the data: not testable here."""
    found, claimed = _ref(ev, "industry_model_layers_found"), _ref(ev, "industry_model_layers_article")
    if found is None or claimed is None or found[0] < 1:
        return Verdict.not_testable_here(say("c19_missing"))
    n, c = int(found[0]), int(claimed[0])
    end = ", which matches." if n == c else ", so its layer count is wrong."
    return Verdict(SUPPORTED if n == c else CONTRADICTED, say("c19_figure", found=n, top=n - 1, claimed=c),
                   say("c19_reason", found=n, top=n - 1, description=found[1], claimed=c, end=end),
                   ANECDOTE, [found[2]])


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@rule("C20")
def capability_over_compute(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C20, 'model capability and industry fit, not compute reserves, decided phase 2': in every year of the
    buyers data, where does the leader in public-cloud LLM calls (latest IDC period) rank among Chinese GPU
    buyers? First (or tied first) is the largest reserve going with the lead, against the claim. Below first in
    every rankable year: supported; first in every one: contradicted; it depends on the year: partly. A year
    with fewer than two Chinese buyers, or without the leader, cannot rank it."""
    if not ev.periods:
        return Verdict.not_testable_here(say("c20_no_leader"))
    period, _, leader = ev.periods[-1][:3]
    ranked, skipped = [], []
    for year, units in ev.cn_buyers.items():
        if not units:
            skipped.append(f"{year} (no Chinese buyer)")
        elif len(units) < 2:
            skipped.append(f"{year} (only one Chinese buyer)")
        elif leader not in units:
            skipped.append(f"{year} ({leader} not listed)")
        else:
            mine = units[leader]
            rank = 1 + sum(u > mine for u in units.values())
            tie = sum(u == mine for u in units.values()) > 1
            ranked.append((year, rank, len(units), tie))
    if not ranked:
        return Verdict.not_testable_here(say("c20_none", leader=leader, why="; ".join(skipped) or "no year"))
    first = [r for r in ranked if r[1] == 1]
    below = [r for r in ranked if r[1] > 1]
    label = SUPPORTED if not first else CONTRADICTED if not below else PARTLY
    years = "; ".join(say("c20_year", rank=_ordinal(r[1]), n=r[2], year=r[0], tie=" (tied)" if r[3] else "")
                      for r in ranked)
    reading = (say("c20_all_below") if not first else say("c20_all_first") if not below else
               say("c20_mixed", first_years=", ".join(str(r[0]) for r in first),
                   below_years=", ".join(str(r[0]) for r in below)))
    other = say("c20_other", skipped="; ".join(skipped)) if skipped else ""
    srcs = ev.sources["shares_by_period"].get(period, []) + [
        i for r in ranked for i in ev.sources["cn_buyers_by_year"].get(r[0], [])]
    return Verdict(label, say("c20_figure", first=len(first), n=len(ranked)),
                   say("c20_reason", leader=leader, period=period, years=years, reading=reading, other=other),
                   PROXY, srcs)


def within_model_fit(ev: Evidence, usd_per_rmb: float, input_weight: float,
                     confidence: float) -> dict[str, float] | None:
    """The within-model log-linear fit of blended prices (one level per model, one slope), as arithmetic on the
    evidence: decline a year and its interval. None when too few observations. Same model as
    `price_trend.fit_decline`, which the page's figures use."""
    if not len(ev.fit_years):
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
    return {"decline": 1 - math.exp(slope), "decline_low": 1 - math.exp(slope + half),
            "decline_high": 1 - math.exp(slope - half), "factor": math.exp(-slope)}


def cut_depths(ev: Evidence, usd_per_rmb: float) -> np.ndarray:
    """Input cut of every model priced before and after the war, then the announced cuts of models whose
    earlier price was not found."""
    b = _convert_rmb(ev.pair_before, ev.pair_before_usd, usd_per_rmb)
    a = _convert_rmb(ev.pair_after, ev.pair_after_usd, usd_per_rmb)
    paired = np.where(b > 0, 1 - a / np.where(b > 0, b, 1), np.where(a > 0, -1.0, 0.0))
    return np.concatenate([paired, ev.announced_cuts])


@rule("C21", reads=("usd_per_rmb", "input_weight", "confidence"))
def weak_lock_in(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C21, 'models are hard to tell apart, so MaaS locks customers in only weakly; not unique to China'.
    Lock-in is not measured; the rule tests three things weak lock-in predicts: most models priced before and
    after the war were cut; list prices kept falling within a model afterwards (the fitted decline's interval
    above zero); published estimates for other markets show falling prices too. All testable parts hold:
    supported; some: partly; none: contradicted; none testable: not testable here."""
    cuts = cut_depths(ev, params["usd_per_rmb"])
    parts, texts = [], []
    if len(cuts):
        n_cut = int((cuts > 0).sum())
        share = n_cut / len(cuts)
        parts.append(share > 0.5)
        med = float(np.median(cuts[cuts > 0])) if n_cut else 0.0
        texts.append(say("c21_cuts", n_cut=n_cut, n=len(cuts), word=majority(share), median=pct(med)))
        cut_text = f"{n_cut} of {len(cuts)} models cut"
    else:
        texts.append(say("c21_cuts_none"))
        cut_text = "no model priced before and after"
    fit = within_model_fit(ev, params["usd_per_rmb"], params["input_weight"], params["confidence"])
    if fit is not None:
        confirmed = fit["decline_low"] > 0
        parts.append(confirmed)
        texts.append(say("c21_trend", decline=pct(fit["decline"]), level=pct(params["confidence"]),
                         low=pct(fit["decline_low"]), high=pct(fit["decline_high"]),
                         verdict=say("c21_trend_yes") if confirmed else say("c21_trend_no")))
    else:
        texts.append(say("c21_trend_none"))
    if ev.published is not None:
        parts.append(ev.published[1] > 1)
        texts.append(say("c21_published", low=f"{ev.published[0]:,.0f}", high=f"{ev.published[1]:,.0f}"))
    else:
        texts.append(say("c21_published_none"))
    if not parts or (not len(cuts) and fit is None):
        return Verdict.not_testable_here(say("c21_none"))
    label = SUPPORTED if all(parts) else PARTLY if any(parts) else CONTRADICTED
    reason = say("c21_reason", cuts=texts[0], trend=texts[1], published=texts[2])
    srcs = ev.sources["war_prices"] + ["maas-deepseek-day6"]
    figure = say("c21_figure", parts_held=sum(parts), parts=len(parts), cut_text=cut_text)
    return Verdict(label, figure, reason, PROXY, srcs)


def _bar(value: float, bar: float) -> str:
    return TEXT["at_least"] if value >= bar else TEXT["below"]


@rule("C22", reads=("similar_layers", "similar_names"))
def similar_core_services(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C22, 'the paper finds AWS, Azure and Google offering highly similar core AI services with similar names':
    two parts on the project's own product table, for the US clouds: the layers two clouds share (of those either
    lists) on average at least `similar_layers`, and the generic words their names share at least
    `similar_names`. Both: supported; one: partly; neither: contradicted."""
    s = ev.stack_paper
    if len(s.get("clouds", [])) < 2 or not finite(s.get("overlap", math.nan), s.get("names", math.nan)):
        return Verdict.not_testable_here(say("c22_missing", region=s.get("region", "US")))
    layers_ok = s["overlap"] >= params["similar_layers"]
    names_ok = s["names"] >= params["similar_names"]
    label = SUPPORTED if layers_ok and names_ok else PARTLY if layers_ok or names_ok else CONTRADICTED
    reason = say("c22_reason", clouds=", ".join(s["clouds"]), overlap=pct(s["overlap"]),
                 layers_word=_bar(s["overlap"], params["similar_layers"]), layers_bar=pct(params["similar_layers"]),
                 names=pct(s["names"]), names_word=_bar(s["names"], params["similar_names"]),
                 names_bar=pct(params["similar_names"]))
    return Verdict(label, say("c22_figure", overlap=pct(s["overlap"]), names=pct(s["names"])), reason, PROXY,
                   ["maas-big-ai-paper", "maas-helmond-blog"]
                   + [i for c in s["clouds"] for i in ev.sources["stack_by_cloud"].get(c, [])])


@rule("C23", reads=("similar_layers",))
def common_stack(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C23, 'integrating AI with cloud needs a complete stack whose core largely overlaps across vendors': the
    share of layers that every US cloud lists (of those any lists) against `similar_layers`. At or above:
    supported (the 'needs' is interpretation, not tested); below: contradicted."""
    s = ev.stack_paper
    if len(s.get("clouds", [])) < 2 or not s.get("union"):
        return Verdict.not_testable_here(say("c22_missing", region=s.get("region", "US")))
    share = s["common"] / s["union"]
    ok = share >= params["similar_layers"]
    cross = pct(s["cross_overlap"]) if finite(s["cross_overlap"]) else say("c23_cross_none")
    return Verdict(SUPPORTED if ok else CONTRADICTED, say("c23_figure", common=s["common"], union=s["union"]),
                   say("c23_reason", clouds=", ".join(s["clouds"]), common=s["common"], union=s["union"],
                       share=pct(share), word=_bar(share, params["similar_layers"]),
                       bar=pct(params["similar_layers"]), cross=cross),
                   PROXY, [i for ids in ev.sources["stack_by_cloud"].values() for i in ids])


# ---------------------------------------------------------------------------------------------------------------
# Prose sentences whose wording depends on the data (same place rule as TEXT).
# ---------------------------------------------------------------------------------------------------------------
PROSE = {
    "cuts": ("{n_cut} of {n_judged} models were cut{how}, with a median input cut of {median} ({n_free} became "
             "free); {n_uncut} were not cut at all ({uncut_names})."),
    "cuts_how": (" ({n_paired_cut} by their paired list prices, {n_announced} by an announced cut whose earlier "
                 "list price was not found: {announced})"),
    "cuts_none": "No model has a list price both before and after the war in this data, so no cut can be measured.",
    "after_only_new": "{n} {models_were} launched during the war (new launches priced low from day one: {names})",
    "after_only_unknown": "{n} existed before it but no earlier list price was found ({names})",
    "after_only_before": "{n} appear only before it ({names}: no later price was found)",
    "after_only_nothing": "Every model priced before or after the war is priced on both sides.",
    "after_only_unlinked": ("{n} {models_were} priced only after the war ({names}) and {n_before_only} only before it "
                            "({before_only_names}); the dated moves name none of the list prices' vendors, so "
                            "whether a model was a new launch, or cut by an announcement, cannot be told here."),
    "moves_unlinked": (" The dated moves ({moves_period}) name none of the vendors in the list prices "
                       "({prices_period}), so no launch can be checked for an unchanged price."),
    "moves": ("The article credits {claimed} with starting the price war. The dated record puts {n_earlier} price "
              "moves before {claimed}'s of {claimed_date}: {earlier_list}. The first, {first_vendor}'s "
              "{first_model} on {first_date}, came {lead_days} days earlier; it was {first_action} ({first_what})."),
    "moves_first": ("The article credits {claimed} with starting the price war. The dated record puts no price move "
                    "before {claimed}'s of {claimed_date}."),
    "moves_none": ("The article credits {claimed} with starting the price war; the dated record holds no price move "
                   "by {claimed}, so the order cannot be checked here."),
    "launch": ("{vendor}'s launch at {price:g} RMB per million input tokens against the “industry” price of "
               "{industry:,.0f} RMB is a cut of {implied:.1%} (a factor of {ratio:,.0f}), {match} the claimed "
               "{claim:.1%}; it compares list prices, not costs."),
    "trend": ("A log-linear fit with one level per model and one common slope, over the {groups} models with prices "
              "on at least two dates ({n} observations, {start} to {end}), puts the {direction} at {decline} a year "
              "(a factor of {factor:.1f}), with a {level} confidence interval of {low} to {high}."),
    "trend_none": ("Too few models have prices on two or more dates ({groups}) to fit a trend within a model; the "
                   "data cannot show how fast prices fell after the war."),
    "published": ("The {n} published estimates range from a factor of {low:,.0f} to {high:,.0f} a year, measured "
                  "differently: they follow the cheapest price of a given quality (a benchmark score), so they "
                  "capture new, cheaper models replacing old ones. This chapter's rate holds the model fixed, so "
                  "it counts only cuts to existing list prices, and it lies {where} their range."),
    "volumes": ("Across the {n} series with figures at least a year apart, the fastest, {fastest}, grew "
                "{multiple:,.0f} times from {period}, about {per_year:,.0f} times a year; the slowest, {slowest}, "
                "about {slow_per_year:,.0f} times a year ({n_short} shorter series {are} not annualised, since "
                "compounding a few months' growth overstates it)."),
    "volumes_none": ("No series has figures at least a year apart, so no yearly growth is computed (compounding a few "
                     "months' growth overstates it)."),
    "idc": ("By IDC's count, as reported, {leader} served {share} of the tokens counted in {period} ({basis}), and "
            "the {n} clouds listed together {listed}{total}."),
    "idc_total": ", of a total of {total:,.1f} trillion tokens",
    "idc_none": "The data hold no IDC market shares.",
    "revenue": ("For the leading cloud's parent, {company}, the last announced volume is {tokens:,.0f} trillion "
                "tokens a day ({date}). At its blended list prices of {low:,.2f} to {high:,.2f} RMB per million "
                "tokens ({price_date}) and the assumed paid share, that is RMB {rev_low:,.1f} bn to "
                "{rev_high:,.1f} bn a year."),
    "revenue_growth": (" Volume grew about {volume:,.0f} times a year while prices within a model fell by a factor "
                       "of {factor:.1f}, so revenue at list prices could grow about {growth:,.0f} times a year if "
                       "the paid share held."),
    "revenue_none": ("Revenue cannot be estimated for the leading cloud's parent, {company}, with this data: {why}."),
    "revenue_why_prices": "the list prices hold no positive price for {company}",
    "revenue_why_volumes": "no announced token volume for {company} is in the data",
    "revenue_why_leader": "the market-share data name no leader",
    "paid_summary": ("Over {n} estimates (each period with IDC's count, two ways of interpolating between "
                     "announcements) the share of announced tokens that external customers call runs from "
                     "{low:.0%} to {high:.0%}, {central:.0%} on average. The chapter uses a paid share of "
                     "{used:.0%} ({inside} that span); the paid share can only be lower than the external share, "
                     "since external customers also use free quotas."),
    "paid_none": ("The data hold no IDC period that an all-channel volume series of the same company covers, so the "
                  "paid share cannot be triangulated here; the chapter uses its assumed {used:.0%}."),
    "stack": ("Among {home}, the layer overlap averages {overlap} (all list {common} of the {union} layers any of "
              "them lists) and name overlap {names}; between clouds of different regions, layer overlap is "
              "{cross} and name overlap {cross_names}."),
    "stack_none": ("The product table holds fewer than two clouds of the region the paper studies, so no overlap "
                   "is computed for them."),
}


def prose(key: str, **fields: Any) -> str:
    return PROSE[key].format(**fields)


# ---------------------------------------------------------------------------------------------------------------
# The page's figures, frames and titles, section by section (pandas is fine here: called once per page).
# ---------------------------------------------------------------------------------------------------------------
def fmt_price(value: float) -> str:
    return "free" if value == 0 else f"{value:,.3g}"


def rmb_prices(prices: Any, usd_per_rmb: float, input_weight: float) -> Any:
    """Prices in RMB (USD rows converted at the assumed rate) with the blended price per million tokens."""
    to_rmb = np.where(prices["currency"] == "USD", 1 / usd_per_rmb, 1.0)
    out = prices.assign(input_rmb=prices["input_per_mtok"] * to_rmb,
                        output_rmb=prices["output_per_mtok"].fillna(prices["input_per_mtok"]) * to_rmb)
    out["blended_rmb"] = pt.blended_price(out["input_rmb"], out["output_rmb"], input_weight)
    return out


def _cuts(ev: Evidence, p: Mapping[str, Any]) -> tuple[dict, dict, dict]:
    rate, floor = p["usd_per_rmb"], p["free_floor_rmb"]
    t = ev.tables
    paired, after_only, before_only = t["_paired"].copy(), t["_after_only"].copy(), t["_before_only"]
    for when in ("before", "after"):
        conv = np.where(paired[f"currency_{when}"] == "USD", 1 / rate, 1.0)
        paired[f"input_rmb_{when}"] = paired[f"input_per_mtok_{when}"] * conv
        out = paired[f"output_per_mtok_{when}"].fillna(paired[f"input_per_mtok_{when}"])
        paired[f"output_rmb_{when}"] = out * conv
    paired["input_cut"] = cut_depths(ev, rate)[:len(paired)]
    before_out = paired["output_rmb_before"].where(paired["output_rmb_before"] > 0)
    paired["output_cut"] = np.where(paired["single_rate_before"], np.nan, 1 - paired["output_rmb_after"] / before_out)
    after_only["input_rmb"] = after_only["input_per_mtok"] * np.where(after_only["currency"] == "USD", 1 / rate, 1.0)
    announced = after_only[after_only["kind"] == "announced"]
    new = after_only[after_only["kind"] == "new"]
    unknown = after_only[after_only["kind"] == "unknown"]
    depths = np.concatenate([paired["input_cut"].to_numpy(float), announced["announced_cut"].to_numpy(float)])
    cut_paired = paired[paired["input_cut"] > 0]
    uncut = paired[paired["input_cut"] <= 0]
    n_cut = int((depths > 0).sum())
    median = float(np.median(depths[depths > 0])) if n_cut else 0.0
    label = lambda f: [f"{v} {m}" for v, m in zip(f["vendor"], f["model"])]  # noqa: E731
    n_free = int((paired["input_rmb_after"] == 0).sum() + (after_only["input_rmb"] == 0).sum())
    values = {"n_paired": len(paired), "n_cut": n_cut, "n_judged": len(depths), "n_uncut": len(uncut),
              "median_cut": median, "n_free_after": n_free, "n_new": len(new), "n_unknown": len(unknown),
              "n_before_only": len(before_only)}
    if len(depths):
        how = (prose("cuts_how", n_paired_cut=len(cut_paired), n_announced=len(announced),
                     announced=names_list([f"{n} ({c:.0%})" for n, c in
                                           zip(label(announced), announced["announced_cut"])]))
               if len(announced) else "")
        values["cuts_text"] = prose("cuts", n_cut=n_cut, n_judged=len(depths), how=how, median=pct(median),
                                    n_free=n_free, n_uncut=len(uncut), uncut_names=names_list(label(uncut)))
    else:
        values["cuts_text"] = prose("cuts_none")
    dates = pd.concat([paired["date_before"], paired["date_after"], after_only["date"]]).dropna()
    values["cuts_period"] = f"{dates.min():%b %Y} to {dates.max():%b %Y}" if len(dates) else "no dates"
    linked = bool(set(ev.tables["maas_price_moves"]["vendor"]) & set(ev.tables["maas_list_prices"]["vendor"]))
    if not linked:
        values["after_only_text"] = prose(
            "after_only_unlinked", n=len(after_only), models_were="model was" if len(after_only) == 1 else
            "models were", names=names_list(label(after_only)), n_before_only=len(before_only),
            before_only_names=names_list(label(before_only)))
        return values, {"cut_table": _cut_table(paired), "cuts": _cuts_long(paired, after_only, floor)}, titles_of(
            n_cut, depths, median)
    parts = [prose(key, n=len(f), names=names_list(label(f)), models_were="model was" if len(f) == 1
                   else "models were")
             for key, f in (("after_only_new", new), ("after_only_unknown", unknown),
                            ("after_only_before", before_only)) if len(f)]
    values["after_only_text"] = ("; ".join(parts) + ".") if parts else prose("after_only_nothing")
    return values, {"cut_table": _cut_table(paired), "cuts": _cuts_long(paired, after_only, floor)}, titles_of(
        n_cut, depths, median)


def titles_of(n_cut: int, depths: np.ndarray, median: float) -> dict[str, str]:
    return {"cuts": (f"{n_cut} of {len(depths)} models were cut, by a median {median:.0%}" if len(depths)
                     else "No model has a price both before and after the war")}


def _cut_table(paired: Any) -> Any:
    """The table of paired prices before and after the war, in RMB, with the cuts."""
    return pd.DataFrame({
        "vendor": paired["vendor"], "model": paired["model"],
        "before (date)": paired["date_before"].dt.strftime("%Y-%m-%d"),
        "before, in / out": [f"{fmt_price(i)} / {'same' if s else fmt_price(o)}" for i, o, s in
                             zip(paired["input_rmb_before"], paired["output_rmb_before"],
                                 paired["single_rate_before"])],
        "after (date)": paired["date_after"].dt.strftime("%Y-%m-%d"),
        "after, in / out": [f"{fmt_price(i)} / {fmt_price(o)}" for i, o in
                            zip(paired["input_rmb_after"], paired["output_rmb_after"])],
        "input cut": paired["input_cut"], "output cut": paired["output_cut"],
        "sources": paired["source_id_before"] + "; " + paired["source_id_after"],
    }).sort_values(["vendor", "model"])


def _cuts_long(paired: Any, after_only: Any, floor: float) -> Any:
    """One row per price the cuts chart draws: before, after, and prices seen after the war only."""
    shown = {"new": "launched in the war", "announced": "cut announced, earlier price not found",
             "unknown": "earlier price not found"}
    long = pd.concat([
        paired.assign(when="before", price=paired["input_rmb_before"], date=paired["date_before"],
                      source_id=paired["source_id_before"]),
        paired.assign(when="after", price=paired["input_rmb_after"], date=paired["date_after"],
                      source_id=paired["source_id_after"]),
        after_only.assign(when=after_only["kind"].map(shown), price=after_only["input_rmb"],
                          input_cut=after_only["announced_cut"]),
    ])[["vendor", "model", "when", "price", "date", "source_id", "input_cut"]]
    long["label"] = long["vendor"] + " " + long["model"]
    long["plotted"] = long["price"].clip(lower=floor)
    long["shown_as"] = np.where(long["price"] == 0, "free (drawn at the floor)", long["when"])
    long["price_text"] = [fmt_price(x) for x in long["price"]]
    return long


def _moves(ev: Evidence, p: Mapping[str, Any], verdict: Verdict) -> tuple[dict, dict, dict]:
    moves = ev.tables["maas_price_moves"].sort_values(["date", "vendor"]).reset_index(drop=True)
    claimed = p["claimed_first_mover"]
    price_moves = [m for m in ev.moves if m.price_move]
    values: dict[str, Any] = {"claimed_first_mover": claimed, "n_moves": len(moves),
                              "n_approx": int((moves["date_precision"] != "day").sum())}
    values["war_days"] = int((moves["date"].max() - moves["date"].min()).days) if len(moves) else 0
    own = [m for m in price_moves if m.vendor == claimed]
    actions = {"launch": "the launch of a model at a low price", "cut": "a price cut", "free": "a move to free"}
    first = min(price_moves, key=lambda m: m.day) if price_moves else None
    if first is not None:
        values.update(first_vendor=first.vendor, first_model=first.model, first_date=day(date.fromordinal(first.day)))
    else:
        values.update(first_vendor=TEXT["none"], first_model=TEXT["none"], first_date=TEXT["none"])
    if own and first is not None:
        start = min(m.day for m in own)
        earlier = [m for m in price_moves if m.vendor != claimed and m.day < start]
        fields = dict(claimed=claimed, claimed_date=day(date.fromordinal(start)), n_earlier=len(earlier))
        if earlier:
            values["moves_text"] = prose(
                "moves", **fields, earlier_list="; ".join(f"{m.vendor} ({m.model}, {date.fromordinal(m.day):%d %b})"
                                                          for m in earlier),
                first_vendor=first.vendor, first_model=first.model, first_date=values["first_date"],
                lead_days=start - first.day, first_action=actions[first.action], first_what=first.what)
        else:
            values["moves_text"] = prose("moves_first", **fields)
        title = (f"{first.vendor} moved {start - first.day} days before {claimed}" if earlier
                 else f"{claimed} moved first")
    else:
        values["moves_text"] = prose("moves_none", claimed=claimed)
        title = f"{first.vendor} moved first" if first is not None else "No price move in the data"
    launch = moves[moves["claimed_cut"].notna() & (moves["action"] == "launch") & (moves["input_after_rmb"] > 0)]
    industry = _ref(ev, "industry_reference_rmb_per_mtok")
    if len(launch) and industry is not None:
        price, claim = float(launch["input_after_rmb"].iloc[0]), float(launch["claimed_cut"].iloc[0])
        implied = float(pt.cut_depth(industry[0], price)) if industry[0] > 0 else math.nan
        values["launch_text"] = prose("launch", vendor=launch["vendor"].iloc[0], price=price, industry=industry[0],
                                      implied=implied, ratio=industry[0] / price, claim=claim,
                                      match="matching" if abs(implied - claim) < 0.0005 else "against")
    else:
        values["launch_text"] = ""
    shown = moves.assign(
        dating=np.where(moves["date_precision"] == "day", "dated source", "approximate date"),
        price_text=[("free" if x == 0 else f"{x:g}") if pd.notna(x) else "not found" for x in moves["input_after_rmb"]],
        claim_text=[f"{c:.1%}" if pd.notna(c) else "" for c in moves["claimed_cut"]],
        counted=["price move" if m.price_move else "price unchanged" for m in ev.moves])
    values["war_period"] = (f"{moves['date'].min():%d %b} to {moves['date'].max():%d %b %Y}" if len(moves)
                            else "no dates")
    prices = ev.tables["maas_list_prices"]
    if len(moves) and not set(moves["vendor"]) & set(prices["vendor"]):
        values["moves_text"] += prose("moves_unlinked", moves_period=values["war_period"],
                                      prices_period=f"{prices['date'].min():%b %Y} to {prices['date'].max():%b %Y}")
    return values, {"moves": shown}, {"moves": title}


def _trend(ev: Evidence, p: Mapping[str, Any]) -> tuple[dict, dict, dict]:
    prices = rmb_prices(ev.tables["maas_list_prices"], p["usd_per_rmb"], p["input_weight"])
    series = prices.assign(group=prices["vendor"] + " " + prices["model"])
    positive = series[series["blended_rmb"] > 0]
    multi = positive.groupby("group").filter(lambda g: g["date"].nunique() >= 2)
    origin = series["date"].min()
    values: dict[str, Any] = {"fit_free": int((series["blended_rmb"] == 0).sum()),
                              "fit_single": int(positive.groupby("group")["date"].nunique().eq(1).sum()),
                              "confidence": p["confidence"]}
    try:
        fit = pt.fit_decline((multi["date"] - origin).dt.days / 365.25, multi["blended_rmb"], group=multi["group"],
                             level=p["confidence"])
    except ValueError:
        fit = None
    if fit is not None:
        values.update({f"fit_{k}": fit[k] for k in ("decline", "decline_low", "decline_high", "factor")})
        values.update(fit_n=int(fit["n"]), fit_groups=int(fit["groups"]))
        values["trend_text"] = prose(
            "trend", groups=int(fit["groups"]), n=int(fit["n"]), start=f"{multi['date'].min():%b %Y}",
            end=f"{multi['date'].max():%b %Y}", direction="fall" if fit["decline"] >= 0 else "rise",
            decline=pct(abs(fit["decline"])), factor=fit["factor"], level=pct(p["confidence"]),
            low=pct(fit["decline_low"]), high=pct(fit["decline_high"]))
        title = (f"Within a model, list prices fell about {fit['decline']:.0%} a year" if fit["decline"] >= 0 else
                 f"Within a model, list prices rose about {-fit['decline']:.0%} a year")
    else:
        values.update(fit_decline=0.0, fit_decline_low=0.0, fit_decline_high=0.0, fit_factor=1.0, fit_n=0,
                      fit_groups=int(multi["group"].nunique()))
        values["trend_text"] = prose("trend_none", groups=int(multi["group"].nunique()))
        title = "Too few prices on two dates to fit a trend"
    rises = multi.sort_values("date").groupby("group")["blended_rmb"].apply(lambda s: bool((s.diff() > 0).any()))
    values["n_rises"] = int(rises.sum())
    values["rise_names"] = names_list(list(rises[rises].index))
    plot = series.assign(plotted=series["blended_rmb"].clip(lower=p["free_floor_rmb"]),
                         shown_as=np.where(series["blended_rmb"] == 0, "free (drawn at the floor)", "list price"),
                         price_text=[fmt_price(x) for x in series["blended_rmb"]])
    values["trend_period"] = (f"{series['date'].min():%b %Y} to {series['date'].max():%b %Y}" if len(series)
                              else "no dates")
    frames = {"trend": plot, "prices": prices}
    titles = {"trend": title}
    # Published estimates beside this chapter's rate.
    est = ev.tables["maas_trend_estimates"]
    if len(est) and fit is not None:
        low, high = _annual_factors(est)
        per_year = est.assign(low=low, high=high, label=est["publisher"] + ": " + est["measure"])
        per_year["point"] = np.sqrt(per_year["low"] * per_year["high"])
        ours = pd.DataFrame([{"label": f"This chapter: list prices within a model ({fit['decline']:.0%} a year)",
                              "low": 1 / (1 - fit["decline_low"]) if fit["decline_low"] < 1 else math.nan,
                              "high": 1 / (1 - fit["decline_high"]) if fit["decline_high"] < 1 else math.nan,
                              "point": fit["factor"], "source_id": "derived", "publisher": "This chapter"}])
        compare = pd.concat([per_year[["label", "low", "high", "point", "source_id", "publisher"]], ours],
                            ignore_index=True)
        where = ("below" if fit["factor"] < low.min() else "within" if fit["factor"] <= high.max() else "above")
        values.update(pub_low=float(low.min()), pub_high=float(high.max()), n_estimates=len(est),
                      fit_vs_published=where)
        values["published_text"] = prose("published", n=len(est), low=float(low.min()), high=float(high.max()),
                                         where=where)
        frames["compare"] = compare
        titles["compare"] = f"The fitted rate, {fit['factor']:.1f}x a year, is {where} the published estimates"
    else:
        values.update(pub_low=0.0, pub_high=0.0, n_estimates=len(est), fit_vs_published="not comparable")
        values["published_text"] = ""
    return values, frames, titles


def _volumes(ev: Evidence, p: Mapping[str, Any]) -> tuple[dict, dict, dict]:
    volumes = ev.tables["maas_token_volumes"]
    vol = volumes.assign(per_day=np.where(volumes["metric"] == "tokens_per_month", volumes["tokens"] / (365.25 / 12),
                                          volumes["tokens"]))
    rows = []
    for name, g in vol.sort_values("date").groupby("series"):
        g = g[g["tokens"] > 0]
        if len(g) < 2:
            continue
        span = (g["date"].iloc[-1] - g["date"].iloc[0]).days / 365.25
        multiple = g["tokens"].iloc[-1] / g["tokens"].iloc[0]
        rows.append({"series": name, "vendor": g["vendor"].iloc[0], "product": g["product"].iloc[0],
                     "from": g["date"].iloc[0], "to": g["date"].iloc[-1], "years": span, "multiple": multiple,
                     "per_year": float(pt.annual_factor(multiple, span)) if span >= p["min_growth_years"] else np.nan,
                     "last_per_day": g["per_day"].iloc[-1]})
    growth = pd.DataFrame(rows, columns=["series", "vendor", "product", "from", "to", "years", "multiple",
                                         "per_year", "last_per_day"]).sort_values("per_year", ascending=False)
    growth[["from", "to"]] = growth[["from", "to"]].apply(pd.to_datetime)
    annualised = growth.dropna(subset=["per_year"])
    values: dict[str, Any] = {"n_series": len(annualised), "n_short_series": len(growth) - len(annualised)}
    if len(annualised):
        fast, slow = annualised.iloc[0], annualised.iloc[-1]
        values["volumes_text"] = prose(
            "volumes", n=len(annualised), fastest=f"{fast['vendor']} ({fast['product']})", multiple=fast["multiple"],
            period=f"{fast['from']:%b %Y} to {fast['to']:%b %Y}", per_year=fast["per_year"],
            slowest=f"{slow['vendor']} ({slow['product']})", slow_per_year=slow["per_year"],
            n_short=len(growth) - len(annualised), are="is" if len(growth) - len(annualised) == 1 else "are")
        values["vol_fastest_per_year"] = float(fast["per_year"])
        title = f"Announced volumes grew up to {fast['per_year']:,.0f}x a year"
    else:
        values["volumes_text"] = prose("volumes_none")
        values["vol_fastest_per_year"] = 0.0
        title = "Announced token volumes"
    values["vol_period"] = f"{vol['date'].min():%b %Y} to {vol['date'].max():%b %Y}" if len(vol) else "no dates"
    plot = vol.assign(shown=np.where(vol["direct"], vol["qualifier"], "indirect: " + vol["qualifier"]))
    return values, {"volumes": plot, "growth": growth}, {"volumes": title}


def _shares(ev: Evidence) -> tuple[dict, dict, dict, Any]:
    shares = ev.tables["maas_market_shares"]
    if not len(shares):
        return {"idc_text": prose("idc_none")}, {"shares": shares}, {"shares": "No IDC shares in the data"}, None
    period = max(shares["period"], key=period_key)
    latest = shares[shares["period"] == period].sort_values("share", ascending=False)
    total = latest["market_tokens"].dropna()
    top = latest.iloc[0]
    values = {"idc_period": period, "idc_leader": top["vendor"], "idc_leader_share": float(top["share"]),
              "idc_text": prose("idc", leader=top["vendor"], share=pct(top["share"]), period=period,
                                basis=top["basis"], n=len(latest), listed=pct(latest["share"].sum()),
                                total=prose("idc_total", total=float(total.iloc[0]) / 1e12) if len(total) else "")}
    title = f"{top['vendor']} held {top['share']:.0%} of public-cloud LLM calls in {period}"
    return values, {"shares": shares}, {"shares": title}, latest


def paid_share_estimates(ev: Evidence) -> tuple[list[ps.Estimate], dict[str, str]]:
    """Triangulate the external (upper bound of the paid) share of announced tokens: for each company with an
    all-channel volume series and an IDC share, IDC's external tokens in each period against the series."""
    shares, volumes = ev.tables["maas_market_shares"], ev.tables["maas_token_volumes"]
    totals = {r.period: float(r.market_tokens) for r in shares.itertuples() if pd.notna(r.market_tokens)}
    for metric, (value, _, _) in ev.reference.items():
        if metric.startswith("idc_market_tokens_"):
            totals.setdefault(metric[len("idc_market_tokens_"):].replace("_", "-").upper(), value)
    found, cloud_of = [], {}
    for company, g in shares.groupby("company"):
        series = volumes[(volumes["vendor"] == company) & (volumes["metric"] == "tokens_per_day")]
        if series.empty:
            continue
        external = {r.period: totals[r.period] * float(r.share) for r in g.itertuples() if r.period in totals}
        points = [(d.date(), float(v)) for d, v in zip(series["date"], series["tokens"])]
        for e in ps.triangulate(external, points):
            found.append(e)
            cloud_of[f"{e.period}/{e.method}"] = f"{g['vendor'].iloc[0]}|{company}"
    return found, cloud_of


def _revenue(ev: Evidence, p: Mapping[str, Any], latest: Any, fit_factor: float, vol_growth: Any) -> dict:
    values: dict[str, Any] = {"paid_token_share": p["paid_token_share"]}
    estimates, cloud_of = paid_share_estimates(ev)
    summary = ps.summarise(estimates)
    rows = []
    for e in estimates:
        cloud, company = cloud_of[f"{e.period}/{e.method}"].split("|")
        rows.append({"IDC period": e.period, "cloud (parent)": f"{cloud} ({company})",
                     "external tokens, trillion": e.external_tokens / 1e12, "all-channel days": f"{e.start:%d %b %Y} "
                     f"to {e.end:%d %b %Y}", "interpolation": e.method,
                     "all-channel tokens, trillion": e.all_channel_tokens / 1e12, "external share": e.share})
    values["paid_frame"] = pd.DataFrame(rows)
    if summary is not None:
        inside = "inside" if summary.low <= p["paid_token_share"] <= summary.high else "outside"
        values["paid_text"] = prose("paid_summary", n=summary.n, low=summary.low,
                                                             high=summary.high, central=summary.central,
                                                             used=p["paid_token_share"], inside=inside)
        values.update(paid_low=summary.low, paid_high=summary.high, paid_central=summary.central)
    else:
        values["paid_text"] = prose("paid_none", used=p["paid_token_share"])
        values.update(paid_low=0.0, paid_high=0.0, paid_central=0.0)
    if latest is None:
        values["revenue_text"] = prose("revenue_none", company=TEXT["none"], why=prose("revenue_why_leader"))
        return values
    company = latest["company"].iloc[0]
    prices = rmb_prices(ev.tables["maas_list_prices"], p["usd_per_rmb"], p["input_weight"])
    vol = ev.tables["maas_token_volumes"]
    series = vol[vol["vendor"] == company].sort_values("date")
    own = prices[(prices["vendor"] == company) & (prices["blended_rmb"] > 0)]
    if not len(own) or not len(series):
        why = prose("revenue_why_prices" if not len(own) else "revenue_why_volumes", company=company)
        values["revenue_text"] = prose("revenue_none", company=company, why=why)
        return values
    last = own[own["date"] == own["date"].max()]
    low, high = float(last["blended_rmb"].min()), float(last["blended_rmb"].max())
    row = series.iloc[-1]
    per_day = float(row["tokens"]) / (365.25 / 12) if row["metric"] == "tokens_per_month" else float(row["tokens"])
    share = p["paid_token_share"]
    values.update(rev_company=company, rev_low_bn=per_day * 365 * share * low / 1e6 / 1e9,
                  rev_high_bn=per_day * 365 * share * high / 1e6 / 1e9, rev_tokens_t=per_day / 1e12,
                  rev_price_low=low, rev_price_high=high)
    text = prose("revenue", company=company, tokens=per_day / 1e12, date=f"{row['date']:%b %Y}", low=low, high=high,
                 price_date=f"{own['date'].max():%b %Y}", rev_low=values["rev_low_bn"], rev_high=values["rev_high_bn"])
    growth = vol_growth.set_index("vendor")["per_year"].dropna() if len(vol_growth) else pd.Series(dtype=float)
    if company in growth.index and finite(float(growth[company]), fit_factor) and fit_factor > 0:
        g = float(growth[company]) if np.ndim(growth[company]) == 0 else float(growth[company].max())
        text += prose("revenue_growth", volume=g, factor=fit_factor, growth=g / fit_factor)
    values["revenue_text"] = text
    return values


MU_GRID = np.round(np.geomspace(0.02, 10, 28), 4)     # differentiation drawn in the model's chart
K_GRID = np.round(np.arange(0, 4.0001, 0.5), 2)       # switching costs on the slider
N_GRID = np.arange(2, 7)                              # providers on the slider


def unit_cost_rmb(ev: Evidence, usd_per_rmb: float) -> float | None:
    """Serving cost per million tokens from the provider's disclosure: GPU rental a day over tokens that day."""
    cost = _ref(ev, "serving_cost_usd_per_day")
    tokens = [_ref(ev, m) for m in ("served_input_tokens_per_day", "served_output_tokens_per_day")]
    if cost is None or any(x is None for x in tokens) or sum(x[0] for x in tokens) <= 0:
        return None
    return cost[0] / sum(x[0] for x in tokens) * 1e6 / usd_per_rmb


def _model(ev: Evidence, p: Mapping[str, Any]) -> tuple[dict, dict]:
    cost = unit_cost_rmb(ev, p["usd_per_rmb"])
    values: dict[str, Any] = {"quality_rmb": p["quality_rmb"]}
    if cost is None:
        return {**values, "model_text": "The data hold no serving cost, so the model has no cost line."}, {}
    grid = pd.DataFrame(pc.grid(N_GRID, MU_GRID, K_GRID, cost=cost, quality=p["quality_rmb"]))
    grid = grid[["n_firms", "differentiation", "switching_cost", "price", "margin", "switch_rate",
                 "is_equilibrium"]].round({"price": 3, "margin": 3, "switch_rate": 4})
    grid["n_firms"] = grid["n_firms"].astype(int)
    grid["is_equilibrium"] = grid["is_equilibrium"].astype(bool)
    k = float(K_GRID[np.argmin(np.abs(K_GRID - p["switching_cost_rmb"]))])
    n = int(min(max(p["n_firms"], N_GRID.min()), N_GRID.max()))
    alike, middle, distinct = float(MU_GRID.min()), 1.0, float(MU_GRID.max())
    mus = np.array([alike, middle, distinct])
    free = pc.equilibrium(n, mus, 0.0, cost, p["quality_rmb"])
    locked = pc.equilibrium(n, mus, k, cost, p["quality_rmb"])
    stable = grid[(grid["n_firms"] == n) & (grid["switching_cost"] == k)]
    unstable = stable[~stable["is_equilibrium"]]
    src = _ref(ev, "serving_cost_usd_per_day")[2]
    sources = ev.tables["sources"].set_index("id")
    values.update(unit_cost=cost, cost_publisher=sources.at[src, "publisher"] if src in sources.index else src,
                  m_n=n, m_k=k, m_alike=alike, m_mid=middle, m_distinct=distinct,
                  m_price_alike=float(free["price"][0]), m_margin_alike=float(free["margin"][0]),
                  m_price_one=float(free["price"][1]), m_margin_one=float(free["margin"][1]),
                  m_price_distinct=float(free["price"][2]), m_switch_price_one=float(locked["price"][1]),
                  m_unstable_upto=float(unstable["differentiation"].max()) if len(unstable) else 0.0)
    return values, {"model_grid": grid}


def _stack(ev: Evidence) -> tuple[dict, dict, dict]:
    s = ev.stack_paper
    stack = ev.tables["maas_cloud_stack"]
    values = {"stack_n_unretrieved": int((~stack["retrieved"]).sum()), "stack_n_rows": len(stack)}
    fmt = lambda x: pct(x) if finite(x) else "not measurable"  # noqa: E731
    if len(s.get("clouds", [])) >= 2:
        values["stack_text"] = prose("stack", home=", ".join(s["clouds"]), overlap=fmt(s["overlap"]),
                                     common=s["common"], union=s["union"], names=fmt(s["names"]),
                                     cross=fmt(s["cross_overlap"]), cross_names=fmt(s["cross_names"]))
        title = f"The {s['region']} clouds share {s['overlap']:.0%} of their AI layers"
    else:
        values["stack_text"] = prose("stack_none")
        title = "Layers the clouds' AI stacks share"
    return values, {"stack_pairs": s.get("pairs", pd.DataFrame()), "stack": stack}, {"stack": title}


def analyse(tables: Mapping[str, Any], params: Mapping[str, Any], evidence: Evidence | None = None) -> ChapterResult:
    """Every figure, chart frame, title and verdict of the chapter. `evidence` (from `prepare`) may be passed to
    avoid computing it twice when the page also sweeps the rules."""
    ev = evidence if evidence is not None else prepare(tables)
    import sys

    from aicloud.analysis import rules_of

    verdicts = {cid: r(ev, params) for cid, r in rules_of(sys.modules[__name__]).items()}
    prices = ev.tables["maas_list_prices"]
    result = ChapterResult(verdicts=verdicts)
    result.values.update(usd_per_rmb=params["usd_per_rmb"], input_weight=params["input_weight"],
                         free_floor_rmb=params["free_floor_rmb"], n_usd_rows=int((prices["currency"] == "USD").sum()),
                         n_tracker_rows=int((prices["date_basis"] == "snapshot").sum()), n_price_rows=len(prices))
    for values, frames, titles in (_cuts(ev, params), _moves(ev, params, verdicts["C15"]), _trend(ev, params),
                                   _volumes(ev, params), _stack(ev)):
        result.values.update(values)
        result.frames.update(frames)
        result.titles.update(titles)
    values, frames, titles, latest = _shares(ev)
    result.values.update(values)
    result.frames.update(frames)
    result.titles.update(titles)
    revenue = _revenue(ev, params, latest, result.values.get("fit_factor", 1.0), result.frames["growth"])
    result.frames["paid_share"] = revenue.pop("paid_frame")
    result.values.update(revenue)
    values, frames = _model(ev, params)
    result.values.update(values)
    result.frames.update(frames)
    return result
