"""The infrastructure-economics chapter's page, section by section: each function adds the figures, sentences,
chart frames and titles of one section to a `ChapterResult`, from the prepared `ie.Evidence` and the parameters.
Called by `aicloud.analysis.infra_economics.analyse`; sentences come from `infra_economics_text`."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from aicloud._lazy import pd
from aicloud.analysis import ChapterResult
from aicloud.analysis import infra_economics as ie
from aicloud.analysis import infra_economics_text as txt
from aicloud.models import agents
from aicloud.models import attrition as att
from aicloud.models import unit_cost as uc


def disclosure(ev: ie.Evidence, p: Mapping[str, Any], tables: Mapping[str, pd.DataFrame],
                        res: ChapterResult) -> None:
    ds, v = ev.disclosure, res.values
    rentals = tables["infra_rental_prices"]
    lo = float(rentals["usd_per_gpu_hour_low"].min())
    hi = float(max(rentals["usd_per_gpu_hour_high"].max(), ds.get("d", {}).get("usd_per_gpu_hour", 0)))
    v.update(rental_low=lo, rental_high=hi, paid_token_share=p["paid_token_share"])
    if not ds or "missing" in ds:
        v["ds_intro"] = (txt.TXT_DS_NONE if not ds else
                         txt.TXT_DS_INTRO_SHORT.format(when=ds["disclosed"], provider=ds["provider"]))
        v["ds_text"] = txt.TXT_NO_DISCLOSURE.format(missing=txt.listing(ds.get("missing", ["every figure"])))
        v["ds_caveat_text"] = v["margin_text"] = res.titles["margin"] = txt.TXT_NO_MARGIN
        v["ex_reproduce_text"] = txt.TXT_EX_REPRODUCE_NONE
        res.frames["repro"] = pd.DataFrame(columns=["figure", "published", "recomputed", "how"])
        return
    d = ds["d"]
    v["ds_intro"] = txt.TXT_DS_INTRO.format(when=ds["disclosed"], provider=ds["provider"])
    if ds["providers"] > 1:
        v["ds_intro"] += txt.TXT_DS_PROVIDERS.format(n=ds["providers"])
    against = (f" against the published {d['daily_cost']:,.0f} (a difference of {ds['cost'] - d['daily_cost']:,.0f} "
               "dollars)" if "daily_cost" in d else "")
    text = txt.TXT_DS_COST.format(cost=ds["cost"], against=against, provider=ds["provider"], nodes=d["average_nodes"],
                              price=d["usd_per_gpu_hour"])
    pub = d.get("theoretical_revenue")
    if pub is not None and "rev_low" in ds:
        rounding = d["token_rounding"]
        text += txt.TXT_DS_REVENUE_ROUNDED.format(
            rounding=f"{rounding / 1e9:,.0f} billion" if rounding >= 1e9 else f"{rounding:,.0f} tokens",
            revenue=ds["revenue"], gap=ds["revenue"] - pub, published=pub, low=ds["rev_low"], high=ds["rev_high"],
            contains="contains" if ds["rev_low"] <= pub <= ds["rev_high"] else "does not contain")
    else:
        text += txt.TXT_DS_REVENUE.format(revenue=ds["revenue"], against=f" against the published {pub:,.0f}"
                                      if pub is not None else "")
    if "markup" in ds and "cost_profit_margin" in d:
        same = round(ds["markup"], 2) == round(d["cost_profit_margin"], 2)
        text += txt.TXT_DS_MARKUP.format(markup=ds["markup"], rounds="which rounds to" if same else "against",
                                     published=d["cost_profit_margin"], recomputed=ds["markup_recomputed"])
    if "nodes_implied" in ds:
        ratio = ds["nodes_implied"] / d["average_nodes"]
        fit = txt.TXT_FIT["same" if abs(ratio - 1) <= ie.NODES_TOLERANCE else "more" if ratio > 1 else "less"]
        text += txt.TXT_DS_NODES.format(fit=fit, implied=ds["nodes_implied"], nodes=d["average_nodes"])
    v["ds_text"] = text
    caveat = txt.TXT_DS_CAVEATS.format(gm=ds.get("gross_margin", 0.0), caveats=ds["caveats"].rstrip(".") + ".") \
        if "gross_margin" in ds else txt.TXT_DS_CAVEATS_ONLY.format(caveats=ds["caveats"].rstrip("."))
    if "occupancy" in ds:
        caveat += txt.TXT_DS_OCCUPANCY.format(nodes=d["average_nodes"], occupancy=ds["occupancy"], peak=d["peak_nodes"])
    if "per_m_output" in ds:
        caveat += txt.TXT_DS_PER_OUTPUT.format(per_m=ds["per_m_output"])
    revenue = pub if pub is not None else ds["revenue"]
    paid = p["paid_token_share"]
    if ds["cost"] > 0:
        billed_markup = revenue * paid / ds["cost"] - 1
        caveat += txt.TXT_DS_PAID.format(paid=paid, billed=revenue * paid, words=txt.markup_words(billed_markup),
                                         provider=ds["provider"])
        v["ds_billed_markup"] = billed_markup
    v["ds_caveat_text"] = caveat
    v["ex_reproduce_text"] = txt.TXT_EX_REPRODUCE.format(
        nodes=d["average_nodes"], gpus=d["gpus_per_node"], hours=d["hours"], price=d["usd_per_gpu_hour"],
        against=txt.TXT_EX_AGAINST.format(cost=d["daily_cost"]) if "daily_cost" in d else "",
        revenue=(txt.TXT_EX_REVENUE.format(revenue=pub) if pub is not None else
                 txt.TXT_EX_REVENUE_TOKENS.format(revenue=ds["revenue"])),
        occupancy=(txt.TXT_EX_OCCUPANCY.format(occupancy=ds["occupancy"], peak=d["peak_nodes"]) if "occupancy" in ds
                   else txt.TXT_EX_NO_PEAK))
    v.update({f"ds_{k}": float(x) for k, x in ds.items() if isinstance(x, (int, float)) and not isinstance(x, bool)})
    v.update({f"ds_{k}": float(x) for k, x in d.items()})
    v["ds_provider"], v["ds_disclosed"] = ds["provider"], ds["disclosed"]
    rows = [("Daily cost (USD)", d.get("daily_cost"), ds["cost"],
             "average nodes x GPUs per node x hours x assumed price per GPU-hour"),
            ("Theoretical revenue (USD per day)", pub, ds["revenue"],
             "cache hits, cache misses and output tokens at list prices (token counts as published)")]
    if "markup" in ds:
        rows.append(("Cost-profit margin (%)", d.get("cost_profit_margin", np.nan) * 100, ds["markup"] * 100,
                     "(revenue - cost) / cost, from the published revenue"))
    if "nodes_implied" in ds:
        rows.append(("Average nodes busy", d["average_nodes"], ds["nodes_implied"],
                     "input tokens / prefill throughput + output tokens / decode throughput, per second of the day"))
    res.frames["repro"] = pd.DataFrame(rows, columns=["figure", "published", "recomputed", "how"])
    # The margin chart: cost scales with price / utilisation; revenue with the share of tokens billed.
    own = d["usd_per_gpu_hour"]
    if ds["cost"] > 0 and own > 0 and revenue > 0:
        be_full = ds["cost"] * hi / own / revenue
        be_part = be_full / paid
        be_own = ds["cost"] / (revenue * paid)
        v.update(ds_breakeven_util_at_max_price=be_full, ds_breakeven_paid_at_max_price=be_part,
                 ds_breakeven_paid_own=be_own)
        margin = txt.TXT_MARGIN_ONE if f"{lo:,.2f}" == f"{hi:,.2f}" else txt.TXT_MARGIN   # no "2.00 to 2.00"
        v["margin_text"] = margin.format(low=lo, high=hi, full=txt.covers(be_full), paid=paid,
                                                 part=txt.covers_it(be_part), provider=ds["provider"], own=own,
                                                 own_part=txt.covers_it(be_own))
        res.titles["margin"] = txt.TXT_MARGIN_TITLE.format(high=hi, full=txt.covers(be_full),
                                                           part=txt.covers_it(be_part), paid=paid)
        grid = pd.DataFrame({"utilisation": np.round(np.arange(0.2, 1.0001, 0.02), 2)})
        res.frames["margin"] = grid.assign(revenue=float(revenue), cost_ref=ds["cost"], source_id=ds["source_id"])
        v.update(margin_price_ref=float(own), ds_occupancy_line=float(ds.get("occupancy", 1.0)))
    else:
        v["margin_text"] = res.titles["margin"] = txt.TXT_ZERO_MARGIN


def serving(ev: ie.Evidence, p: Mapping[str, Any], res: ChapterResult) -> None:
    v, r = res.values, ev.runs.copy()
    price = {"hopper": p["hopper_usd_per_gpu_hour"], "blackwell": p["blackwell_usd_per_gpu_hour"],
             "ascend": p["ascend_usd_per_npu_hour"]}
    r["price"] = r["hardware_class"].map(price).fillna(p["hopper_usd_per_gpu_hour"])
    priced = r[r["priced"]].copy()
    priced["cost_per_m"] = uc.cost_per_million_tokens(priced["price"], priced["tps_acc"], p["utilisation"])
    res.frames["runs"] = priced[["label", "operator", "phase", "setting", "precision", "tpot_ms", "evidence",
                                 "conditions", "tps_acc", "hardware_class", "cost_per_m", "source_id"]].fillna(
        {"precision": "not stated"})
    decode = priced[(priced["phase"] == "decode") & (priced["cost_per_m"] > 0)]
    v.update(utilisation=p["utilisation"], hopper_price=p["hopper_usd_per_gpu_hour"],
             blackwell_price=p["blackwell_usd_per_gpu_hour"], ascend_price=p["ascend_usd_per_npu_hour"],
             large_spread=p["large_spread"], tpot_tolerance=p["tpot_tolerance"], n_runs=len(r),
             n_decode=len(decode), run_models=txt.listing(sorted(r["model"].unique())))
    spread_all = None
    if len(decode) >= 2:
        cheap, dear = decode.loc[decode["cost_per_m"].idxmin()], decode.loc[decode["cost_per_m"].idxmax()]
        spread_all = float(uc.spread(decode["cost_per_m"]))
        hop = decode[decode["hardware_class"] == "hopper"]
        hopper_part = (txt.TXT_SERVING_HOPPER.format(spread=txt.times(uc.spread(hop["cost_per_m"])))
                       if len(hop) >= 2 else "")
        v["serving_text"] = txt.TXT_SERVING.format(
            hopper=p["hopper_usd_per_gpu_hour"], blackwell=p["blackwell_usd_per_gpu_hour"],
            ascend=p["ascend_usd_per_npu_hour"], util=p["utilisation"], n_decode=f"{len(decode):,}",
            cheap=cheap["cost_per_m"], cheap_label=cheap["label"], dear=dear["cost_per_m"], dear_label=dear["label"],
            dear_conditions=dear["conditions"], spread=txt.times(spread_all), hopper_part=hopper_part,
            dear_setting=dear["setting"], dear_when="" if dear["evidence"] == ie.BY else f" ({dear['evidence']})")
        v.update(spread_all=spread_all, cheapest_cost=float(cheap["cost_per_m"]),
                 dearest_cost=float(dear["cost_per_m"]))
    else:
        v["serving_text"] = txt.TXT_SERVING_ONE.format(n_decode="one priced decode figure" if len(decode) == 1 else
                                                   "no priced decode figure")
    gap = ie.cost_gap(ev, p)
    tol = p["tpot_tolerance"]
    n_pairs = int((ev.pairs.gap <= tol).sum())
    if gap is not None:
        fast, slow = ev.runs.iloc[ev.pairs.fast[gap["k"]]], ev.runs.iloc[ev.pairs.slow[gap["k"]]]
        like = txt.TXT_LIKE.format(tol=tol, ratio=txt.times(gap["measured"]),
                               best=f"{fast['label']} at {fast['tps_acc']:,.0f} tokens/s per accelerator and "
                                    f"{fast['tpot_ms']:g} ms per output token",
                               worst=f"{slow['label']} at {slow['tps_acc']:,.0f} and {slow['tpot_ms']:g} ms",
                               pairs=txt.count(n_pairs, "comparable pair"))
        v.update(like_spread=gap["measured"], lever_gap=gap["total"], lever_util=gap["util"], lever_cache=gap["cache"])
        ds = ev.disclosure
        anchor = (txt.TXT_LEVERS_ANCHOR.format(provider=ds["provider"], hits=ds["hits_share"], occ=ds["occupancy"])
                  if ds.get("hits_share") is not None and "occupancy" in ds else "")
        if gap["weight"] is not None:
            v["levers_text"] = txt.TXT_LEVERS.format(uh=p["utilisation_high"], hh=p["cache_hit_high"],
                                                 ul=p["utilisation_low"], hl=p["cache_hit_low"],
                                                 ipo=p["input_per_output"], gap=txt.times(gap["total"]),
                                                 levers=txt.times(gap["util"] * gap["cache"]), anchor=anchor)
        else:
            v["levers_text"] = txt.TXT_LEVERS_NO_CACHE.format(uh=p["utilisation_high"], ul=p["utilisation_low"],
                                                          gap=txt.times(gap["total"]))
        like_title = txt.TXT_LIKE_TITLE.format(ratio=txt.times(gap["measured"]))
    else:
        like = txt.TXT_LIKE_NONE.format(tol=tol)
        v["levers_text"] = txt.TXT_LEVERS_NONE
        like_title = txt.TXT_LIKE_TITLE_NONE
    later, undated = int((r["evidence"] == ie.AFTER).sum()), int((r["evidence"] == ie.UNDATED).sum())
    v["like_text"] = like + (txt.TXT_LATER.format(later=later, undated=undated, n=len(r)) if later or undated else "")
    v.update(n_after_article=later, n_undated=undated)
    if spread_all is not None:
        res.titles["stack"] = txt.TXT_STACK_TITLE.format(spread=txt.times(spread_all), like=like_title)
    published = priced[priced["published_usd_per_m"].notna()].copy()
    published["implied_usd_per_hour"] = published["published_usd_per_m"] * published["tps_acc"] * 3600 / 1e6
    stated = published["published_usd_per_gpu_hour"]
    published["model_at_stated_price"] = np.where(
        stated.notna(), uc.cost_per_million_tokens(stated.fillna(1.0), published["tps_acc"]), np.nan)
    res.frames["published"] = published[["label", "operator", "tps_acc", "published_usd_per_m",
                                         "published_usd_per_gpu_hour", "model_at_stated_price",
                                         "implied_usd_per_hour"]].rename(columns=txt.PUBLISHED_COLUMNS)
    v["published_text"] = txt.TXT_PUBLISHED.format(n=f"{len(published):,}", s="" if len(published) == 1 else "s")


def domestic(ev: ie.Evidence, p: Mapping[str, Any], tables: Mapping[str, pd.DataFrame],
                      res: ChapterResult) -> None:
    v, r = res.values, ev.runs
    paper = ie.paper_comparison(ev)
    s = ev.spec
    if paper is not None:
        dom = s[s["hardware"] == paper["chip"]].iloc[0]
        nv = s[~s["domestic"]].dropna(subset=["bf16_median"]).sort_values("bf16_median").iloc[-1]
        srcs = (txt.TXT_ONE_SOURCE if dom["n_sources"] == 1 else
                txt.TXT_SOURCES.format(n=int(dom["n_sources"]), low=dom["bf16_min"], high=dom["bf16_max"]))
        fp16 = dom.get("fp16_only")
        fp16_note = txt.TXT_SPEC_FP16.format(fp16=fp16) if isinstance(fp16, float) and math.isfinite(fp16) else ""
        v["spec_text"] = txt.TXT_SPEC.format(chip=paper["chip"], bf16=dom["bf16_median"], sources=srcs,
                                         vs_ref=paper["ratio"], ref=paper["ref"],
                                         vs_top=dom["bf16_median"] / nv["bf16_median"], top=nv["hardware"],
                                         fp16=fp16_note)
        v.update(dom_chip=paper["chip"], dom_bf16=float(dom["bf16_median"]), dom_vs_hopper=float(paper["ratio"]),
                 hopper_chip=paper["ref"], top_chip=nv["hardware"])
    else:
        missing = ("domestic chip" if s[s["domestic"]].dropna(subset=["bf16_median"]).empty
                   else "NVIDIA Hopper chip") if "bf16_median" in s else "chip"
        v["spec_text"] = txt.TXT_SPEC_NONE.format(missing=missing)
    pairs = ie.matched_domestic(ev, p["tpot_tolerance"])
    util, dprice, rprice = p["utilisation"], p["ascend_usd_per_npu_hour"], p["hopper_usd_per_gpu_hour"]
    curves = []
    if pairs:
        best = pairs[0]
        dom, ref = r.iloc[best["row"]], r.iloc[best["ref"]]
        be = float(uc.breakeven_utilisation(dprice, dom["tps_acc"], rprice, ref["tps_acc"], util))
        be_price = rprice * best["ratio"]
        pre = ev.domestic_prefill
        prefill = (txt.TXT_DOMESTIC_PREFILL.format(ratio=pre["ratio"], dom=r.at[pre["row"], "label"],
                                                   ref=r.at[pre["ref"], "label"],
                                                   conditions=r.at[pre["row"], "conditions"]) if pre else "")
        if pre and "low_row" in pre:    # e.g. perfect against default expert load balancing
            prefill += txt.TXT_DOMESTIC_PREFILL_LOW.format(conditions=r.at[pre["low_row"], "conditions"],
                                                           ratio=pre["low_ratio"])
        formats = ("" if dom["precision"] == ref["precision"] else
                   f"; both {int(dom['bits'])}-bit formats, {dom['precision']} against {ref['precision']}")
        compare = (txt.TXT_COMPARE["busier" if be > util else "no busier"]
                   + (txt.TXT_COMPARE["beyond"] if be > 1 else ""))
        v["domestic_text"] = txt.TXT_DOMESTIC.format(
            dom=dom["label"], dom_tps=dom["tps_acc"], dom_tpot=dom["tpot_ms"], dom_prec=dom["precision"],
            ratio=best["ratio"], ref=ref["label"], ref_tps=ref["tps_acc"], ref_tpot=ref["tpot_ms"],
            ref_prec=ref["precision"], formats=formats, prefill=prefill, util=util, be=be, compare=compare,
            be_price=be_price)
        v.update(decode_ratio=float(best["ratio"]), decode_breakeven_util=be, decode_breakeven_price=float(be_price),
                 decode_ref_hardware=ref["hardware"], decode_dom_label=dom["label"], decode_ref_label=ref["label"])
        res.titles["breakeven"] = txt.TXT_BE_TITLE.format(price=be_price)
        for x in pairs:
            a, b = r.iloc[x["row"]], r.iloc[x["ref"]]
            curves.append({"phase": "decode", "domestic_tps": a["tps_acc"], "reference_tps": b["tps_acc"],
                           "label": f"decode at {a['tpot_ms']:g} ms: {a['label']} vs {b['label']}",
                           "source_id": a["source_id"]})
        if pre:
            curves.append({"phase": "prefill", "domestic_tps": r.at[pre["row"], "tps_acc"],
                           "reference_tps": r.at[pre["ref"], "tps_acc"], "source_id": r.at[pre["row"], "source_id"],
                           "label": f"prefill: {r.at[pre['row'], 'label']} vs {r.at[pre['ref'], 'label']}"})
        v["ex_domestic_text"] = txt.TXT_EX_DOMESTIC.format(dom=dom["hardware"], be=be, ref=ref["hardware"], util=util,
                                                       tpot=dom["tpot_ms"])
    else:
        v["domestic_text"] = txt.TXT_DOMESTIC_NONE
        v["ex_domestic_text"] = txt.TXT_EX_DOMESTIC_NONE
    used = {(x["row"], x["ref"]) for x in pairs}
    later = [x for x in ie.matched_domestic(ev, p["tpot_tolerance"], by_article=False)
             if (x["row"], x["ref"]) not in used]
    if later:
        v["domestic_text"] += txt.TXT_DOMESTIC_LATER.format(pairs="; ".join(
            f"{r.at[x['row'], 'label']} at {r.at[x['row'], 'tpot_ms']:g} ms reaches {txt.of(x['ratio'])} "
            f"{r.at[x['ref'], 'label']} at {r.at[x['ref'], 'tpot_ms']:g} ms ({r.at[x['ref'], 'evidence']})"
            for x in later))
    # At most 81 prices, whatever the data's highest price (a valid row may hold any large number).
    grid = np.unique(np.round(np.linspace(0.5, max(v["rental_high"], dprice, 1.0), 81), 2))
    res.frames["breakeven"] = pd.DataFrame([{**c, "price": pr} for c in curves for pr in grid])
    dom_prices = tables["infra_rental_prices"]
    dom_prices = dom_prices[dom_prices["hardware_class"] == "ascend"]
    v["domestic_rental_note"] = (txt.TXT_RENTAL_NONE if dom_prices.empty else txt.TXT_RENTAL.format(
        low=dom_prices["usd_per_gpu_hour_low"].min(), high=dom_prices["usd_per_gpu_hour_high"].max()))


def supernodes(ev: ie.Evidence, p: Mapping[str, Any], res: ChapterResult) -> None:
    v, sn, r = res.values, ev.supernodes, ev.runs
    need = ["bf16_dense_pflops", "power_kw", "accelerators"]
    res.frames["supernodes"] = pd.DataFrame(columns=["figure"])
    if all(c in sn for c in need):
        full = sn.dropna(subset=need)
        full = full[(full[need] > 0).all(axis=1)]
    else:
        full = sn.iloc[0:0].assign(vendor=[])
    dom_vendors = set(ev.spec.loc[ev.spec["domestic"], "vendor"])
    dom_sn, nv_sn = full[full["vendor"].isin(dom_vendors)], full[~full["vendor"].isin(dom_vendors)]
    if dom_sn.empty or nv_sn.empty:
        v["sn_text"] = txt.TXT_SN_NONE
        v["ex_supernode_text"] = txt.TXT_EX_SUPERNODE_NONE
        return
    a, b = dom_sn.iloc[0], nv_sn.iloc[0]
    rows = []
    for metric, label in (("accelerators", "accelerators"), ("bf16_dense_pflops", "dense BF16 PFLOPS"),
                          ("hbm_tb", "HBM capacity (TB)"), ("hbm_bandwidth_tb_s", "HBM bandwidth (TB/s)"),
                          ("power_kw", "system power (kW)")):
        if metric in sn and pd.notna(a.get(metric)) and pd.notna(b.get(metric)) and b[metric] > 0:
            rows.append({"figure": label, a["supernode"]: a[metric], b["supernode"]: b[metric],
                         "ratio": a[metric] / b[metric]})
    kw_pf = (a["power_kw"] / a["bf16_dense_pflops"], b["power_kw"] / b["bf16_dense_pflops"])
    rows.append({"figure": "kW per dense BF16 PFLOPS", a["supernode"]: kw_pf[0], b["supernode"]: kw_pf[1],
                 "ratio": kw_pf[0] / kw_pf[1]})
    res.frames["supernodes"] = pd.DataFrame(rows)
    more = a["accelerators"] / b["accelerators"]
    text = txt.TXT_SN.format(dom=a["supernode"], nv=b["supernode"],
                             compute=a["bf16_dense_pflops"] / b["bf16_dense_pflops"],
                         more="many more, weaker" if more > 1 else "fewer", power=a["power_kw"] / b["power_kw"],
                         per_flop=kw_pf[0] / kw_pf[1])
    v["ex_supernode_text"] = txt.TXT_EX_SUPERNODE.format(dom=a["supernode"], nv=b["supernode"])
    v.update(sn_dom=a["supernode"], sn_nv=b["supernode"], sn_compute_ratio=float(a["bf16_dense_pflops"]
                                                                                  / b["bf16_dense_pflops"]),
             sn_power_ratio=float(a["power_kw"] / b["power_kw"]), sn_w_per_flop_ratio=float(kw_pf[0] / kw_pf[1]),
             usd_per_kwh=p["usd_per_kwh"], pue=p["pue"])
    # Electricity per output token, from each system's best benchmark decode figure by the article.
    bench = r[r["priced"] & (r["phase"] == "decode") & (r["kind"] == "benchmark") & (r["evidence"] == ie.BY)]
    tps_a = bench.loc[bench["hardware"].str.contains(str(a["accelerator"]).split()[-1], regex=False), "tps_acc"]
    tps_b = bench.loc[bench["hardware_class"] == ("blackwell" if "blackwell" in set(ev.spec.loc[
        ev.spec["hardware"] == b["accelerator"], "hardware_class"]) else "hopper"), "tps_acc"]
    kw = (a["power_kw"] / a["accelerators"], b["power_kw"] / b["accelerators"])
    if len(tps_a) and len(tps_b):
        ta, tb = float(tps_a.max()), float(tps_b.max())
        e_a = float(uc.energy_cost_per_million_tokens(kw[0], p["pue"], p["usd_per_kwh"], ta, p["utilisation"]))
        e_b = float(uc.energy_cost_per_million_tokens(kw[1], p["pue"], p["usd_per_kwh"], tb, p["utilisation"]))
        rent = float(uc.cost_per_million_tokens(p["ascend_usd_per_npu_hour"], ta, p["utilisation"]))
        share = e_a / rent if rent > 0 else 0.0
        text += txt.TXT_SN_ENERGY.format(kwh=p["usd_per_kwh"], pue=p["pue"],
                                     year=a["power_kw"] * p["pue"] * p["usd_per_kwh"] * 8760 / 1e6, kw_dom=kw[0],
                                     tps_dom=ta, util=p["utilisation"], e_dom=e_a, share=share, e_nv=e_b,
                                     nv=b["supernode"], kw_nv=kw[1], tps_nv=tb,
                                     matters="less" if share < 0.5 else "more")
        v.update(energy_share_dom=share, energy_dom=e_a, energy_nv=e_b)
    v["sn_text"] = text


def agents_section(ev: ie.Evidence, p: Mapping[str, Any], res: ChapterResult) -> None:
    v, m = res.values, ev.multiples[ev.multiples["agent"]]      # a reasoning model's prompt is no agent session
    v.update(agent_share=p["agent_share"], multi_agent_share=p["multi_agent_share"])
    if m.empty:
        v["agents_text"] = "The data hold no published agent token multiple."
        res.frames["agents"] = pd.DataFrame()
        return
    single = m.iloc[0]
    multi = m.iloc[1] if len(m) > 1 else None
    top = m.sort_values(["multiple_high", "multiple"]).iloc[-1]
    shares = [p["agent_share"]] + ([p["multi_agent_share"]] if multi is not None else [])
    mults = [single["multiple"]] + ([multi["multiple"]] if multi is not None else [])
    if sum(shares) > 1:
        raise ValueError(f"agent_share + multi_agent_share = {sum(shares):g} exceeds 1 (all sessions)")
    demand = agents.mix_multiplier(shares, mults)
    gap_text = ""
    gap = ie.cost_gap(ev, p)
    if gap is not None:
        fast, slow = ev.runs.iloc[ev.pairs.fast[gap["k"]]], ev.runs.iloc[ev.pairs.slow[gap["k"]]]
        price = {"hopper": p["hopper_usd_per_gpu_hour"], "blackwell": p["blackwell_usd_per_gpu_hour"],
                 "ascend": p["ascend_usd_per_npu_hour"]}.get(fast["hardware_class"], p["hopper_usd_per_gpu_hour"])
        c_fast, c_slow = (float(uc.cost_per_million_tokens(price, x["tps_acc"], p["utilisation"]))
                          for x in (fast, slow))
        gap_text = txt.TXT_AGENTS_GAP.format(gap=c_slow - c_fast, gap_agents=(c_slow - c_fast) * demand)
        v.update(cost_gap=c_slow - c_fast, cost_gap_agents=(c_slow - c_fast) * demand)
    when = "" if top["evidence"] == ie.BY else txt.TXT_AGENTS_WHEN[top["evidence"]]
    v["agents_text"] = txt.TXT_AGENTS.format(
        single_a=txt.a_or_an(single["workload"]), single=single["workload"], m_single=single["multiple"],
        multi_part=(f" and {txt.a_or_an(multi['workload'])} at about {multi['multiple']:,.0f} times"
                    if multi is not None else ""),
        top_part=(txt.TXT_AGENTS_TOP.format(top=top["workload"], m=top["multiple_high"], when=when)
                  if len(m) > 2 else ""), share=p["agent_share"],
        multi_share=(f" and {p['multi_agent_share']:.0%} {multi['workload']} sessions" if multi is not None else ""),
        demand=demand, gap=gap_text)
    v.update(demand=demand, single_multiple=float(single["multiple"]), max_multiple=float(top["multiple_high"]))
    grid = np.round(np.arange(0, 1.0001, 0.05), 2)
    res.frames["agents"] = pd.DataFrame([{"share": s, "workload": w["workload"], "multiple": w["multiple"],
                                          "tokens": float(agents.demand_multiplier(s, w["multiple"])),
                                          "source_id": w["source_id"]} for _, w in ev.multiples.iterrows()
                                         for s in grid])
    res.titles["agents"] = txt.TXT_AGENT_TITLE.format(top=top["workload"], m=top["multiple_high"])


def price_war(ev: ie.Evidence, p: Mapping[str, Any], res: ChapterResult) -> None:
    """The Monte Carlo on the page: uncertain inputs drawn from triangular distributions (low, central, high)."""
    v = res.values
    h, n = int(p["horizon_months"]), int(p["n_draws"])
    v.update(horizon_months=h, n_draws=n, war_chest_ratio=p["war_chest_ratio"])
    gap = ie.cost_gap(ev, p)
    if gap is None:
        v["war_setup_text"], v["war_text"] = txt.TXT_WAR_NONE, ""
        res.titles["survival"] = txt.TXT_WAR_NONE       # the key-findings box names this line
        res.frames["war"] = pd.DataFrame()
        return
    g, chest = gap["total"], p["war_chest_ratio"]
    v["war_setup_text"] = txt.TXT_WAR_SETUP.format(measured=txt.times(gap["measured"]), gap=txt.times(g), chest=chest,
                                               chest_word=txt.TXT_CHEST["same" if chest == 1 else
                                                                    "more" if chest > 1 else "less"])
    rng = np.random.default_rng(int(p["seed"]))
    tri = {k: att.triangular(rng, p[f"{k}_low"], p[k], p[f"{k}_high"], n)
           for k in ("price_to_best_cost", "cash_months", "price_decline", "cost_decline")}
    names = ("lowest cost", "middle cost", "highest cost")
    base = np.array([1.0, math.sqrt(g), g])
    noise = np.stack([att.triangular(rng, 1 - p["throughput_noise"], 1.0, 1 + p["throughput_noise"], n)
                      for _ in names], axis=1)
    unit = base / noise                                     # draws x providers
    price0 = tri["price_to_best_cost"] * unit.min(axis=1)
    chest_of = np.array([1.0, (1 + chest) / 2, chest])
    cash = tri["cash_months"][:, None] * price0[:, None] * chest_of
    args = (unit, price0[:, None], p["fixed_cost_share"] * price0[:, None], tri["price_decline"][:, None],
            tri["cost_decline"][:, None])
    survival, needed = att.war_outcome(cash, *args, h)
    needed = needed / price0[:, None]
    central_months, central_need = ie._war(ev, p, gap)     # the central run the verdicts quote
    rows = []
    for i, name in enumerate(names):
        q10, q50, q90 = att.quantiles(survival[:, i])
        n10, n50, n90 = att.quantiles(needed[:, i])
        rows.append({"provider": name, "unit cost (lowest = 1)": float(base[i]),
                     "central run: survival (months)": float(min(central_months[i], h)),
                     "central run: cash to last (months of revenue)": float(central_need[i] / p["price_to_best_cost"]),
                     "survival, 10th pct (months)": q10,
                     "survival, median (months)": q50, "survival, 90th pct (months)": q90,
                     "solvent at horizon": att.share_surviving(survival[:, i], h),
                     "cash to last the horizon, median (months of revenue)": n50,
                     "cash to last, 10th to 90th pct": f"{n10:,.1f} to {n90:,.1f}"})
    summary = pd.DataFrame(rows)
    res.frames["war"] = summary
    solv = summary["solvent at horizon"].to_numpy()
    need_med = summary["cash to last the horizon, median (months of revenue)"].to_numpy()
    mid_fails = survival[:, 1] < h
    extra = ""
    if mid_fails.any():
        e10, e50, e90 = att.quantiles((survival[:, 0] - survival[:, 1])[mid_fails])
        extra = txt.TXT_WAR_EXTRA.format(share=mid_fails.mean(), p10=e10, p50=e50, p90=e90)
    never_shorter = float((survival[:, 0] >= survival[:, 1] - 1e-9).mean())
    bar = [(txt.TXT_BAR["none"] if need_med[i] <= 0 else
            txt.TXT_BAR["times"].format(x=need_med[i] / need_med[0]) if need_med[0] > 0 else txt.TXT_BAR["lowest none"])
           for i in (1, 2)]
    p10 = summary["survival, 10th pct (months)"].to_numpy()
    worst = (txt.TXT_WAR_WORST_ALL.format(horizon=h) if p10[2] >= h and p10[0] >= h else
             txt.TXT_WAR_WORST_HIGH.format(high_p10=p10[2], horizon=h) if p10[0] >= h else
             txt.TXT_WAR_WORST_LOW.format(low_p10=p10[0], horizon=h) if p10[2] >= h else
             txt.TXT_WAR_WORST.format(high_p10=p10[2], low_p10=p10[0]))
    v["war_text"] = txt.TXT_WAR.format(
        horizon=h, low=solv[0], mid=solv[1], high=solv[2], worst=worst, extra=extra, need_low=need_med[0],
        need_mid=need_med[1], need_high=need_med[2], bar_mid=bar[0], bar_high=bar[1],
        order=txt.TXT_WAR_ORDER_ALL if never_shorter == 1 else txt.TXT_WAR_ORDER.format(share=never_shorter))
    v.update(low_solvent=float(solv[0]), mid_solvent=float(solv[1]), high_solvent=float(solv[2]),
             need_low=float(need_med[0]), need_high=float(need_med[2]))
    step = 3
    bins = np.arange(0, h + step, step)
    hist = []
    for i, name in enumerate(names):
        counts, edges = np.histogram(np.minimum(survival[:, i], h - 1e-9), bins=bins)
        hist += [{"provider": name, "from": float(a), "to": float(b), "share": c / n}
                 for c, a, b in zip(counts, edges[:-1], edges[1:])]
    fast = ev.runs.iloc[ev.pairs.fast[gap["k"]]]
    res.frames["survival"] = pd.DataFrame(hist).assign(source_id=fast["source_id"])
    res.titles["survival"] = txt.TXT_WAR_TITLE.format(low=solv[0], high=solv[2], horizon=h)


def events(ev: ie.Evidence, res: ChapterResult) -> None:
    e, v = ev.events, res.values
    orgs = sorted(e["organisation"].unique())
    moves = e[e["category"] == "organisation"]
    re = sorted(moves["organisation"].unique())
    first, last = f"{e['date'].min():%d %b %Y}", f"{e['date'].max():%d %b %Y}"
    v["events_text"] = txt.TXT_EVENTS.format(when=f"Between {first} and {last}" if first != last else f"On {first}",
                                             n_events=txt.count(len(e), "dated move"),
                                             n_orgs=txt.count(len(orgs), "organisation"),
                                         restructured=txt.restructured_sentence(len(moves), re, len(orgs), len(e)))
    v["events_span"] = f"from {e['date'].min():%b %Y} to {e['date'].max():%b %Y}" if first != last else f"on {first}"
    res.titles["events"] = txt.TXT_EVENTS_TITLE.format(orgs=txt.count(len(orgs), "organisation"), n_re=len(re))
    res.frames["events"] = e.assign(day=e["date"].dt.strftime("%d %b %Y"))
