"""Answers to the infrastructure-economics exercises, from the chapter's result and parameters.

`answers(result, params)` returns the values the solutions glue (`sol_*`), each a sentence made from the same
numbers as the chapter. Reader-facing sentences sit in the templates below (a Chinese edition needs a counterpart
for each).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aicloud import params as params_mod
from aicloud.analysis import ChapterResult
from aicloud.analysis import infra_economics_text as txt

SOL_MARGIN = ("The slider spans the published rental prices, USD {low:,.2f} to {high:,.2f} per GPU-hour. At the top, "
              "with every token billed, revenue {full}{cushion}. Billing {paid:.0%} of the tokens, "
              "break-even at {provider}'s own USD {own:,.2f} sits {own_be}. The revenue is theoretical because it "
              "prices every token at the list price: free use, discounts and off-peak rates are not deducted, so the "
              "real margin is lower and the real break-even utilisation higher.")
SOL_REPRODUCE = ("(a) {nodes:,.2f} nodes x {gpus:,.0f} GPUs x {hours:,.0f} hours x USD {price:,.2f} gives USD "
                 "{cost:,.0f}{against}. (b) Revenue / cost - 1 = {markup:.1%}{published}. (c) Demand has peaks: a "
                 "fleet sized for the busiest hour sits partly idle the rest of the day, which is why providers fill "
                 "the troughs with cheaper off-peak prices or batch work.")
SOL_DOMESTIC = ("At the same service level the best domestic decode figure reaches {ratio} the best Hopper figure, so "
                "{meaning}: the break-even rental price is USD {be_price:,.2f} per accelerator-hour at equal "
                "utilisation. At the bottom of the documented range (USD {lo:,.2f}) the domestic cluster needs "
                "{be_lo}; at the top (USD {hi:,.2f}) it needs {be_hi}. A dearer rental raises the utilisation needed "
                "and a cheaper one lowers it, so utilisation (what scheduling controls) and price are the two levers. "
                "Were a domestic price published, C28 would be supported above USD {be_price:,.2f} an hour and up "
                "to {be_max:,.2f} (the domestic cluster must then be kept busier than NVIDIA's, and can be), partly "
                "supported above that (it would need more than full utilisation) and contradicted at or below "
                "{be_price:,.2f}; no "
                "provider publishes its domestic fleet's price or utilisation, so the chapter marks C28 not "
                "testable with public data.")
SOL_NONE = ("This run's data do not hold the figures this exercise needs; with the default data the answer is "
            "computed here.")
SOL_SUPERNODE = ("The {dom} delivers {compute:.1f} times the dense compute of the {nv} but draws {power:.1f} times the "
                 "power, {per_flop:.1f} times the power per unit of compute.{energy}")
SOL_ENERGY = (" Yet electricity is only about {share:.0%} of the assumed rental cost per token, so the penalty matters "
              "{matters} than throughput per accelerator and utilisation.")


def _utilisation(u: float) -> str:
    """Where break-even sits: above 100% it is never reached (not 'at no utilisation', which reads as zero)."""
    return ("above 100% utilisation, so revenue never covers the cost, even with every GPU busy" if u > 1 else
            f"at {u:.0%} utilisation")


def _needs(u: float) -> str:
    return f"{u:.0%} utilisation, which no cluster can reach" if u > 1 else f"{u:.0%} utilisation"


def answers(result: ChapterResult, params: Mapping[str, Any]) -> dict[str, str]:
    """The glued answers of the four exercises (keys `sol_margin_text`, `sol_reproduce_text`, `sol_domestic_text`,
    `sol_supernode_text`)."""
    v = result.values
    out = {key: SOL_NONE for key in ("sol_margin_text", "sol_reproduce_text", "sol_domestic_text",
                                     "sol_supernode_text")}
    if "ds_breakeven_util_at_max_price" in v:
        full = v["ds_breakeven_util_at_max_price"]
        out["sol_margin_text"] = SOL_MARGIN.format(
            low=v["rental_low"], high=v["rental_high"], full=txt.covers(full),
            cushion=(f", because {v['ds_provider']}'s published markup ({v['ds_markup']:.0%}) leaves a wide cushion"
                     if full < 0.5 and "ds_markup" in v else ""),
            paid=params["paid_token_share"], provider=v["ds_provider"], own=v["margin_price_ref"],
            own_be=_utilisation(v["ds_breakeven_paid_own"]))
    if "ds_cost" in v and "ds_average_nodes" in v:
        out["sol_reproduce_text"] = SOL_REPRODUCE.format(
            nodes=v["ds_average_nodes"], gpus=v["ds_gpus_per_node"], hours=v["ds_hours"],
            price=v["ds_usd_per_gpu_hour"], cost=v["ds_cost"],
            against=(f", the chapter's reproduction of the published {v['ds_daily_cost']:,.0f}"
                     if "ds_daily_cost" in v else ""),
            markup=v.get("ds_markup", v.get("ds_markup_recomputed", 0.0)),
            published=(f" (published, rounded: {v['ds_cost_profit_margin']:.0%})" if "ds_cost_profit_margin" in v
                       else ""))
    if "decode_ratio" in v:
        declared = {p.name: p for p in params_mod.read("infra_economics")}
        asc = declared["ascend_usd_per_npu_hour"]
        ratio, util, ref = v["decode_ratio"], params["utilisation"], params["hopper_usd_per_gpu_hour"]
        be = {x: util * x / ref / ratio for x in (asc.low, asc.high)}
        out["sol_domestic_text"] = SOL_DOMESTIC.format(
            ratio=f"{ratio:.0%} of" if ratio < 1 else f"{ratio:,.2f} times",
            meaning=("each domestic accelerator must be kept busier, or rented cheaper, to match" if ratio < 1 else
                     "a domestic accelerator matches at the same utilisation if it costs no more an hour"),
            be_price=v["decode_breakeven_price"], be_max=v["decode_breakeven_price"] / util, lo=asc.low, hi=asc.high,
            be_lo=_needs(be[asc.low]),
            be_hi=_needs(be[asc.high]))
    if "sn_dom" in v:
        share = v.get("energy_share_dom")
        out["sol_supernode_text"] = SOL_SUPERNODE.format(
            dom=v["sn_dom"], nv=v["sn_nv"], compute=v["sn_compute_ratio"], power=v["sn_power_ratio"],
            per_flop=v["sn_w_per_flop_ratio"],
            energy=(SOL_ENERGY.format(share=share, matters="less" if share < 0.5 else "more")
                    if share is not None else ""))
    return out
