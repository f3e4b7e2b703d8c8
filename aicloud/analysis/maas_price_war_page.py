"""The MaaS price-war chapter's page, section by section: each function returns the figures, sentences, chart
frames and titles of one section, from the prepared `Evidence` and the parameters (pandas is fine here: called
once per page). Called by `aicloud.analysis.maas_price_war.analyse`; sentences come from `maas_price_war_text`."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np

from aicloud import robustness
from aicloud._lazy import pd
from aicloud.analysis import ChapterResult
from aicloud.analysis import maas_price_war_text as txt
from aicloud.analysis.maas_price_war import (
    Evidence,
    _annual_factors,
    _ref,
    _same_vendor,
    cut_depths,
    period_key,
    within_model_fit,
)
from aicloud.models import paid_share as ps
from aicloud.models import price_competition as pc
from aicloud.models import price_trend as pt
from aicloud.verdicts import Verdict, after_article, finite


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
    # 'Became free': a price above zero before and zero after, or an announced move to free (already free, or new
    # and free from launch, is not a change).
    n_free = int(((paired["input_rmb_before"] > 0) & (paired["input_rmb_after"] == 0)).sum()
                 + ((announced["input_rmb"] == 0) & (announced["announced_cut"] == 1.0)).sum())
    values = {"n_paired": len(paired), "n_cut": n_cut, "n_judged": len(depths), "n_uncut": len(uncut),
              "median_cut": median, "n_free_after": n_free, "n_new": len(new), "n_unknown": len(unknown),
              "n_before_only": len(before_only)}
    if len(depths):
        how = (txt.prose("cuts_how", n_paired_cut=len(cut_paired), n_announced=len(announced),
                     announced=txt.names_list([f"{n} ({c:.0%})" for n, c in
                                           zip(label(announced), announced["announced_cut"])]))
               if len(announced) else "")
        values["cuts_text"] = txt.prose(
            "cuts", n_cut=n_cut, judged=txt.plural(len(depths), "model"), were="was" if n_cut == 1 else "were",
            how=how, median=txt.prose("cuts_median", median=txt.pct(median)) if n_cut else "",
            free=txt.prose("cuts_free", n=n_free) if n_free else "",
            uncut=txt.prose("cuts_uncut", n=len(uncut), were="was" if len(uncut) == 1 else "were",
                            names=txt.names_list(label(uncut))) if len(uncut) else "")
    else:
        values["cuts_text"] = txt.prose("cuts_none")
    dates = pd.concat([paired["date_before"], paired["date_after"], after_only["date"]]).dropna()
    values["cuts_period"] = f"{dates.min():%b %Y} to {dates.max():%b %Y}" if len(dates) else "no dates"
    linked = bool(set(ev.tables["maas_price_moves"]["vendor"]) & set(ev.tables["maas_list_prices"]["vendor"]))
    if not linked:
        values["after_only_text"] = txt.prose(
            "after_only_unlinked", n=len(after_only), models_were="model was" if len(after_only) == 1 else
            "models were", names=txt.names_list(label(after_only)), n_before_only=len(before_only),
            before_only_names=txt.names_list(label(before_only)))
        return values, {"cut_table": _cut_table(paired), "cuts": _cuts_long(paired, after_only, floor)}, titles_of(
            n_cut, depths, median)
    parts = [txt.prose(key, n=len(f), names=txt.names_list(label(f)), models_were="model was" if len(f) == 1
                   else "models were")
             for key, f in (("after_only_new", new), ("after_only_unknown", unknown),
                            ("after_only_before", before_only)) if len(f)]
    values["after_only_text"] = ("; ".join(parts) + ".") if parts else txt.prose("after_only_nothing")
    return values, {"cut_table": _cut_table(paired), "cuts": _cuts_long(paired, after_only, floor)}, titles_of(
        n_cut, depths, median)


def titles_of(n_cut: int, depths: np.ndarray, median: float) -> dict[str, str]:
    if not len(depths):
        return {"cuts": txt.prose("cuts_title_none")}
    if not n_cut:
        return {"cuts": txt.prose("cuts_title_uncut", judged=txt.plural(len(depths), "model"))}
    return {"cuts": txt.prose("cuts_title", n_cut=n_cut, judged=txt.plural(len(depths), "model"),
                              were="was" if n_cut == 1 else "were", median=txt.pct(median))}


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
    values["moves_span"] = ((txt.prose("moves_span", n=len(moves), days=txt.plural(values["war_days"], "day"))
                             if values["war_days"] else txt.prose("moves_span_day", n=len(moves)))
                            if len(moves) > 1 else txt.prose("moves_span_one") if len(moves) else "")
    n_approx = values["n_approx"]
    values["approx_text"] = (txt.prose("approx", n=n_approx, verb="carries" if n_approx == 1 else "carry",
                                       drawn="is" if n_approx == 1 else "are") if n_approx
                             else txt.prose("approx_none") if len(moves) else "")
    own = [m for m in price_moves if _same_vendor(m.vendor, claimed)]
    actions = {"launch": "the launch of a model at a low price", "cut": "a price cut", "free": "a move to free"}
    first = min(price_moves, key=lambda m: m.day) if price_moves else None
    if own and first is not None:
        start = min(m.day for m in own)
        earlier = [m for m in price_moves if not _same_vendor(m.vendor, claimed) and m.day < start]
        same = sorted({m.vendor for m in price_moves if not _same_vendor(m.vendor, claimed) and m.day == start},
                      key=str.casefold)
        fields = dict(claimed=claimed, claimed_date=txt.day(date.fromordinal(start)),
                      n_earlier=txt.plural(len(earlier), "price move"))
        if earlier:
            values["moves_text"] = txt.prose(
                "moves", **fields, earlier_list="; ".join(f"{m.vendor} ({m.model}, {date.fromordinal(m.day):%d %b})"
                                                          for m in earlier),
                first_vendor=first.vendor, first_model=first.model,
                first_date=txt.day(date.fromordinal(first.day)),
                lead_days=txt.plural(start - first.day, "day"), first_action=actions[first.action],
                first_what=first.what)
            title = txt.prose("moves_title_earlier", first=first.vendor, days=txt.plural(start - first.day, "day"),
                              claimed=claimed)
        elif same:
            values["moves_text"] = txt.prose("moves_first", **fields) + txt.prose(
                "moves_same_day", same=txt.names_list(same))
            title = txt.prose("moves_title_tie", claimed=claimed, same=txt.names_list(same))
        else:
            values["moves_text"] = txt.prose("moves_first", **fields)
            title = txt.prose("moves_title_first", first=claimed)
    else:
        values["moves_text"] = txt.prose("moves_none", claimed=claimed)
        title = (txt.prose("moves_title_first", first=first.vendor) if first is not None
                 else txt.prose("moves_title_none"))
    launch = moves[moves["claimed_cut"].notna() & (moves["action"] == "launch") & (moves["input_after_rmb"] > 0)]
    industry = _ref(ev, "industry_reference_rmb_per_mtok")
    if len(launch) and industry is not None and industry[0] > 0:   # no 'industry' price: no cut to compare
        price, claim = float(launch["input_after_rmb"].iloc[0]), float(launch["claimed_cut"].iloc[0])
        implied = float(pt.cut_depth(industry[0], price))
        values["launch_text"] = txt.prose("launch", vendor=launch["vendor"].iloc[0], price=price, industry=industry[0],
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
        values["moves_text"] += txt.prose("moves_unlinked", moves_period=values["war_period"],
                                      prices_period=f"{prices['date'].min():%b %Y} to {prices['date'].max():%b %Y}")
    return values, {"moves": shown}, {"moves": title}


def _trend(ev: Evidence, p: Mapping[str, Any]) -> tuple[dict, dict, dict]:
    """The within-model trend after the war: the same fit, rows and minimum span as the C21 rule
    (`within_model_fit` on the evidence), so the page and the verdict quote one rate and one interval."""
    prices = rmb_prices(ev.tables["maas_list_prices"], p["usd_per_rmb"], p["input_weight"])
    series = prices.assign(group=prices["vendor"] + " " + prices["model"])
    post = series[series["stage"] != "before"]
    positive = post[post["blended_rmb"] > 0]
    fit_rows = ev.tables["_fit"]
    multi = series[series["group"].isin(set(fit_rows["group"])) & (series["stage"] != "before")
                   & (series["blended_rmb"] > 0)]
    values: dict[str, Any] = {"fit_free": int((post["blended_rmb"] == 0).sum()),
                              "fit_single": int(positive.groupby("group")["date"].nunique().eq(1).sum()),
                              "confidence": p["confidence"]}
    fit = within_model_fit(ev, p["usd_per_rmb"], p["input_weight"], p["confidence"], p["min_trend_years"])
    n_groups = int(fit_rows["group"].nunique()) if len(fit_rows) else 0
    if fit is not None:
        # The interval and factor are quoted by the text and the exercise answers (aicloud.solutions), not glued.
        values.update(fit_decline=fit["decline"], fit_n=int(fit["n"]), fit_groups=int(fit["groups"]))
        values["ex_decline"] = txt.prose("ex_decline_fell" if fit["slope"] < 0 else "ex_decline_rose",
                                         change=txt.trend_change(fit))
        values["trend_text"] = txt.prose(
            "trend", groups=int(fit["groups"]), n=int(fit["n"]), start=f"{multi['date'].min():%b %Y}",
            end=f"{multi['date'].max():%b %Y}", change=txt.trend_change(fit), factor=txt.trend_factor(fit),
            level=txt.pct(p["confidence"]), interval=txt.trend_interval(fit))
        title = txt.trend_title(fit)
    else:
        values.update(fit_n=0, fit_groups=n_groups)
        values["ex_decline"] = txt.prose("ex_decline_none")
        if len(ev.fit_years) and ev.fit_span < p["min_trend_years"]:
            values["trend_text"] = txt.prose("trend_short", span=txt.years(ev.fit_span), groups=n_groups,
                                         min_span=txt.years(p["min_trend_years"]))
        else:
            values["trend_text"] = txt.prose("trend_none", groups=n_groups)
        title = txt.prose("trend_title_none")
    rises = multi.sort_values("date").groupby("group")["blended_rmb"].apply(lambda s: bool((s.diff() > 0).any()))
    values["n_rises"] = int(rises.sum())
    values["rise_names"] = txt.names_list(list(rises[rises].index))
    values["fit_left_out"] = txt.prose("fit_left_out", free=values["fit_free"],
                                       single=txt.plural(values["fit_single"], "model"))
    values["rises_text"] = (txt.prose("rises", n=txt.plural(values["n_rises"], "series", "series"),
                                      names=values["rise_names"]) if values["n_rises"] else txt.prose("rises_none"))
    plot = series.assign(plotted=series["blended_rmb"].clip(lower=p["free_floor_rmb"]),
                         shown_as=np.where(series["blended_rmb"] == 0, "free (drawn at the floor)", "list price"),
                         price_text=[fmt_price(x) for x in series["blended_rmb"]])
    values["trend_period"] = (f"{series['date'].min():%b %Y} to {series['date'].max():%b %Y}" if len(series)
                              else "no dates")
    frames = {"trend": plot, "prices": prices}
    titles = {"trend": title}
    # Published estimates beside this chapter's rate.
    est = ev.tables["maas_trend_estimates"]
    if len(est):
        # A total over a period of a day or so has no finite yearly rate: such an estimate is not compared.
        low, high = _annual_factors(est)
        finite_rate = np.isfinite(low) & np.isfinite(high)
        est, low, high = est[finite_rate], low[finite_rate], high[finite_rate]
    if len(est) and fit is not None:
        per_year = est.assign(low=low, high=high, label=est["publisher"] + ": " + est["measure"])
        per_year["point"] = np.sqrt(per_year["low"] * per_year["high"])
        ours = pd.DataFrame([{"label": txt.prose("compare_ours", change=txt.trend_change(fit)),
                              "low": 1 / (1 - fit["decline_low"]) if fit["decline_low"] < 1 else math.nan,
                              "high": 1 / (1 - fit["decline_high"]) if fit["decline_high"] < 1 else math.nan,
                              "point": fit["factor"], "source_id": "derived", "publisher": "This chapter"}])
        compare = pd.concat([per_year[["label", "low", "high", "point", "source_id", "publisher"]], ours],
                            ignore_index=True)
        where = ("below" if fit["factor"] < low.min() else "within" if fit["factor"] <= high.max() else "above")
        values.update(n_estimates=len(est), fit_vs_published=where)
        values["published_text"] = txt.prose("published", n=len(est), low=float(low.min()), high=float(high.max()),
                                         where=where)
        frames["compare"] = compare
        titles["compare"] = txt.prose("compare_title", factor=txt.trend_factor(fit), where=where)
    else:
        values.update(n_estimates=len(est), fit_vs_published="not comparable")
        values["published_text"] = ""
    return values, frames, titles


def _volumes(ev: Evidence, p: Mapping[str, Any]) -> tuple[dict, dict, dict]:
    """Each series' change from its first to its last positive figure, compounded to a year where the two lie at
    least `min_growth_years` apart; wording follows the direction (a falling volume is not growth)."""
    volumes = ev.tables["maas_token_volumes"]
    vol = volumes.assign(per_day=np.where(volumes["metric"] == "tokens_per_month", volumes["tokens"] / (365.25 / 12),
                                          volumes["tokens"]))
    rows = []
    for name, g in vol.sort_values(["date", "tokens"]).groupby("series", sort=True):
        g = g[g["tokens"] > 0]
        if g["date"].nunique() < 2:
            continue
        span = (g["date"].iloc[-1] - g["date"].iloc[0]).days / 365.25
        multiple = g["tokens"].iloc[-1] / g["tokens"].iloc[0]
        rows.append({"series": name, "vendor": g["vendor"].iloc[0], "product": g["product"].iloc[0],
                     "from": g["date"].iloc[0], "to": g["date"].iloc[-1], "years": span, "multiple": multiple,
                     "per_year": float(pt.annual_factor(multiple, span)) if span >= p["min_growth_years"] else np.nan,
                     "last_per_day": g["per_day"].iloc[-1]})
    growth = pd.DataFrame(rows, columns=["series", "vendor", "product", "from", "to", "years", "multiple",
                                         "per_year", "last_per_day"])
    growth = growth.assign(_key=-growth["per_year"].fillna(-np.inf)).sort_values(["_key", "series"]).drop(
        columns="_key").reset_index(drop=True)
    growth[["from", "to"]] = growth[["from", "to"]].astype("datetime64[ns]")
    annualised = growth.dropna(subset=["per_year"])
    n_short = len(growth) - len(annualised)
    min_span = txt.years(p["min_growth_years"])
    values: dict[str, Any] = {"n_series": len(annualised), "n_short_series": n_short}
    short = txt.prose("volumes_short", n_short=n_short, series_are="series is" if n_short == 1 else "series are") \
        if n_short else ""
    name = lambda r: f"{r['vendor']} ({r['product']})"  # noqa: E731
    late = lambda r: txt.prose("after_article") if after_article(r["to"]) else ""  # noqa: E731
    period = lambda r: f"{r['from']:%b %Y} to {r['to']:%b %Y}{late(r)}"  # noqa: E731
    if len(annualised) >= 2:
        fast, slow = annualised.iloc[0], annualised.iloc[-1]
        values["volumes_text"] = txt.prose(
            "volumes", n=len(annualised), min_span=min_span, fastest=name(fast),
            fast_change=txt.change_words(fast["multiple"]), period=period(fast),
            fast_rate=txt.rate_words(fast["per_year"]), slowest=name(slow) + late(slow),
            slow_rate=txt.rate_words(slow["per_year"], verb=True), short=short)
    elif len(annualised):
        one = annualised.iloc[0]
        values["volumes_text"] = txt.prose("volumes_one", min_span=min_span, name=name(one),
                                       change=txt.change_words(one["multiple"]), period=period(one),
                                       rate=txt.rate_words(one["per_year"]), short=short)
    else:
        values["volumes_text"] = txt.prose("volumes_none", min_span=min_span)
    if len(annualised):
        top = float(annualised["per_year"].iloc[0])
        values["vol_fastest_per_year"] = top
        title = (txt.prose("volumes_title_grew", rate=txt.times(top)) if top > 1 else
                 txt.prose("volumes_title_flat") if top == 1 else
                 txt.prose("volumes_title_fell", share=txt.pct(1 - top)))
        if top != 1:   # the headline series ends after the article: say so in the finding
            title += late(annualised.iloc[0] if top > 1 else annualised.iloc[-1])
    else:
        values["vol_fastest_per_year"] = 0.0
        title = txt.prose("volumes_title_none")
    values["vol_period"] = f"{vol['date'].min():%b %Y} to {vol['date'].max():%b %Y}" if len(vol) else "no dates"
    plot = vol.assign(shown=np.where(vol["direct"], vol["qualifier"], "indirect: " + vol["qualifier"]))
    table = pd.DataFrame({
        "vendor": growth["vendor"], "product": growth["product"],
        "from": [f"{d:%b %Y}" for d in growth["from"]], "to": [f"{d:%b %Y}" for d in growth["to"]],
        "change, times": [txt.times(m) for m in growth["multiple"]],
        "change a year, times": [txt.times(x) if finite(x) else txt.prose("span_under", min_span=min_span)
                                 for x in growth["per_year"]]})
    return values, {"volumes": plot, "growth": growth, "growth_table": table}, {"volumes": title}


def _shares(ev: Evidence) -> tuple[dict, dict, dict, Any]:
    shares = ev.tables["maas_market_shares"]
    if not len(shares):
        return {"idc_text": txt.prose("idc_none")}, {"shares": shares}, {"shares": "No IDC shares in the data"}, None
    period = max(shares["period"], key=period_key)
    latest = shares[shares["period"] == period].sort_values("share", ascending=False)
    total = latest["market_tokens"].dropna()
    top = latest.iloc[0]
    values = {"idc_period": period, "idc_leader": top["vendor"], "idc_leader_share": float(top["share"]),
              "idc_text": txt.prose("idc", leader=top["vendor"], share=txt.pct(top["share"]), period=period,
                                basis=top["basis"], n=len(latest), listed=txt.pct(latest["share"].sum()),
                                total=txt.prose("idc_total", total=float(total.iloc[0]) / 1e12) if len(total) else "")}
    title = f"{top['vendor']} held {top['share']:.0%} of public-cloud LLM calls in {period}"
    return values, {"shares": shares}, {"shares": title}, latest


def paid_share_estimates(ev: Evidence) -> tuple[list[ps.Estimate], list[str]]:
    """Triangulate the external (upper bound of the paid) share of announced tokens: for each company with an
    all-channel volume series and an IDC share, IDC's external tokens in each period against the series. Returns
    the estimates and, for each, its own cloud and parent ("Volcano Engine (ByteDance)")."""
    shares, volumes = ev.tables["maas_market_shares"], ev.tables["maas_token_volumes"]
    totals = {r.period: float(r.market_tokens) for r in shares.itertuples() if pd.notna(r.market_tokens)}
    for metric, (value, _, _) in ev.reference.items():
        if metric.startswith("idc_market_tokens_"):
            totals.setdefault(metric[len("idc_market_tokens_"):].replace("_", "-").upper(), value)
    found, cloud_of = [], []
    for company, g in shares.groupby("company", sort=True):
        series = volumes[(volumes["vendor"] == company) & (volumes["metric"] == "tokens_per_day")]
        if series.empty:
            continue
        external = {r.period: totals[r.period] * float(r.share) for r in g.itertuples() if r.period in totals}
        points = [(d.date(), float(v)) for d, v in zip(series["date"], series["tokens"])]
        for e in ps.triangulate(external, points):
            found.append(e)
            cloud_of.append(f"{g['vendor'].iloc[0]} ({company})")
    return found, cloud_of


def _revenue(ev: Evidence, p: Mapping[str, Any], latest: Any, fit_factor: float | None, vol_growth: Any) -> dict:
    values: dict[str, Any] = {"paid_token_share": p["paid_token_share"]}
    estimates, cloud_of = paid_share_estimates(ev)
    # External calls cannot exceed all the tokens a company announces: a share above 100% says the two counts do
    # not measure the same thing (scope, dates), so it is shown, marked, and left out of the range.
    possible = [e for e in estimates if 0 <= e.share <= 1]
    n_impossible = len(estimates) - len(possible)
    summary = ps.summarise(possible)
    rows = []
    for e, cloud in zip(estimates, cloud_of):
        rows.append({"IDC period": e.period, "cloud (parent)": cloud,
                     "external tokens, trillion": e.external_tokens / 1e12, "all-channel days": f"{e.start:%d %b %Y} "
                     f"to {e.end:%d %b %Y}", "interpolation": e.method,
                     "all-channel tokens, trillion": e.all_channel_tokens / 1e12, "external share": e.share,
                     "used": txt.TEXT["yes"] if 0 <= e.share <= 1 else txt.TEXT["no_above_all"]})
    values["paid_frame"] = pd.DataFrame(rows, columns=[
        "IDC period", "cloud (parent)", "external tokens, trillion", "all-channel days", "interpolation",
        "all-channel tokens, trillion", "external share", "used"])
    used = p["paid_token_share"]
    impossible = txt.prose("paid_impossible", n=txt.plural(n_impossible, "estimate"),
                           are="is" if n_impossible == 1 else "are") if n_impossible else ""
    if summary is not None:
        where = "below" if used <= summary.low else "above" if used > summary.high else "inside"
        key = "paid_summary" if round(summary.low, 2) != round(summary.high, 2) else "paid_summary_one"
        values["paid_text"] = txt.prose(
            key, n=txt.plural(summary.n, "estimate"), low=summary.low, high=summary.high, central=summary.central,
            used=used, where=txt.prose(f"paid_{where}")) + impossible
        values.update(paid_low=summary.low, paid_high=summary.high, paid_central=summary.central)
    else:
        values["paid_text"] = txt.prose("paid_none", used=used) + impossible
    # the exercise's clause follows the value: at or below the lowest external share, or above it (review3 B6)
    values["paid_basis"] = (txt.prose("paid_basis_assumed") if summary is None else
                            txt.prose("paid_basis_triangulated") if used <= summary.low else
                            txt.prose("paid_basis_above", low=summary.low))
    if latest is None:
        values["revenue_text"] = txt.prose("revenue_none", company=txt.TEXT["none"],
                                           why=txt.prose("revenue_why_leader"))
        return values
    company = latest["company"].iloc[0]
    prices = rmb_prices(ev.tables["maas_list_prices"], p["usd_per_rmb"], p["input_weight"])
    vol = ev.tables["maas_token_volumes"]
    series = vol[vol["vendor"] == company].sort_values("date")
    own = prices[(prices["vendor"] == company) & (prices["blended_rmb"] > 0)]
    if not len(own) or not len(series):
        why = txt.prose("revenue_why_prices" if not len(own) else "revenue_why_volumes", company=company)
        values["revenue_text"] = txt.prose("revenue_none", company=company, why=why)
        return values
    last = own[own["date"] == own["date"].max()]
    low, high = float(last["blended_rmb"].min()), float(last["blended_rmb"].max())
    row = series.iloc[-1]
    per_day = float(row["tokens"]) / (365.25 / 12) if row["metric"] == "tokens_per_month" else float(row["tokens"])
    share = p["paid_token_share"]
    values.update(rev_company=company, rev_low_bn=per_day * 365 * share * low / 1e6 / 1e9,
                  rev_high_bn=per_day * 365 * share * high / 1e6 / 1e9, rev_tokens_t=per_day / 1e12,
                  rev_price_low=low, rev_price_high=high)
    one = f"{low:,.2f}" == f"{high:,.2f}" and f"{values['rev_low_bn']:,.1f}" == f"{values['rev_high_bn']:,.1f}"
    text = txt.prose("revenue_one" if one else "revenue", company=company, tokens=per_day / 1e12,
                     date=f"{row['date']:%b %Y}", low=low, high=high, price_date=f"{own['date'].max():%b %Y}",
                     rev_low=values["rev_low_bn"], rev_high=values["rev_high_bn"])
    apart = abs((own["date"].max() - row["date"]).days) / 365.25
    if apart >= 1:   # a volume and prices years apart: the product belongs to no one moment
        text += txt.prose("revenue_apart", years=txt.years(round(apart, 1)))
    growth = vol_growth[vol_growth["vendor"] == company]["per_year"].dropna() if len(vol_growth) else []
    if len(growth) and fit_factor is not None and finite(fit_factor) and fit_factor > 0:
        g = float(growth.max())
        text += txt.prose("revenue_growth", volume=txt.rate_words(g, verb=True),
                          prices=txt.rate_words(1 / fit_factor, verb=True),
                          revenue=txt.rate_words(g / fit_factor))
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
        return {**values, "model_text": txt.prose("model_none")}, {}
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
    v = values
    unstable_text = (txt.prose("model_unstable", upto=v["m_unstable_upto"]) if len(unstable)
                     else txt.prose("model_stable"))
    values["model_text"] = txt.prose(
        "model", publisher=v["cost_publisher"], cost=cost, quality=p["quality_rmb"], n=n,
        price_alike=v["m_price_alike"], alike=alike, margin_alike=v["m_margin_alike"], price_one=v["m_price_one"],
        mid=middle, margin_one=v["m_margin_one"], price_distinct=v["m_price_distinct"], k=k,
        switch_price_one=v["m_switch_price_one"], unstable=unstable_text)
    return values, {"model_grid": grid}


def _stack(ev: Evidence) -> tuple[dict, dict, dict]:
    s = ev.stack_paper
    stack = ev.tables["maas_cloud_stack"]
    values = {"stack_n_unretrieved": int((~stack["retrieved"]).sum()), "stack_n_rows": len(stack)}
    fmt = lambda x: txt.pct(x) if finite(x) else "not measurable"  # noqa: E731
    if len(s.get("clouds", [])) >= 2:
        values["stack_text"] = txt.prose("stack", home=", ".join(s["clouds"]), overlap=fmt(s["overlap"]),
                                     common=s["common"], union=s["union"], names=fmt(s["names"]),
                                     cross=fmt(s["cross_overlap"]), cross_names=fmt(s["cross_names"]))
        title = f"The {s['region']} clouds share {s['overlap']:.0%} of their AI layers"
    else:
        values["stack_text"] = txt.prose("stack_none")
        title = "Layers the clouds' AI stacks share"
    return values, {"stack_pairs": s.get("pairs", pd.DataFrame()), "stack": stack}, {"stack": title}


def build(ev: Evidence, params: Mapping[str, Any], verdicts: dict[str, Verdict]) -> ChapterResult:
    """The page's figures, frames and titles, section by section, beside the rules' `verdicts`."""
    prices = ev.tables["maas_list_prices"]
    result = ChapterResult(verdicts=verdicts)
    result.values.update(usd_per_rmb=params["usd_per_rmb"], input_weight=params["input_weight"],
                         free_floor_rmb=params["free_floor_rmb"], n_usd_rows=int((prices["currency"] == "USD").sum()),
                         n_tracker_rows=int((prices["date_basis"] == "snapshot").sum()), n_price_rows=len(prices),
                         robust_points=robustness.POINTS, robust_draws=robustness.DRAWS)
    for values, frames, titles in (_cuts(ev, params), _moves(ev, params, verdicts["C15"]), _trend(ev, params),
                                   _volumes(ev, params), _stack(ev)):
        result.values.update(values)
        result.frames.update(frames)
        result.titles.update(titles)
    values, frames, titles, latest = _shares(ev)
    result.values.update(values)
    result.frames.update(frames)
    result.titles.update(titles)
    fit = within_model_fit(ev, params["usd_per_rmb"], params["input_weight"], params["confidence"],
                           params["min_trend_years"])
    revenue = _revenue(ev, params, latest, fit["factor"] if fit else None, result.frames["growth"])
    result.frames["paid_share"] = revenue.pop("paid_frame")
    result.values.update(revenue)
    values, frames = _model(ev, params)
    result.values.update(values)
    result.frames.update(frames)
    return result
