"""The infrastructure-economics chapter (claims C24-C35, C37): what a token costs to serve and who lasts a
price war.

`prepare(tables)` computes everything the rules read, once and without parameters: the published throughput
runs with their service level (time per output token), precision and date against the article's; the pairs of
runs that are comparable like with like; the domestic accelerators' matched NVIDIA references; the specs,
supernodes, agent multiples and dated moves. `analyse(tables, params)` adds the assumptions and returns every
figure, sentence, chart frame and verdict the page shows. One rule per claim (`@rule`) does cheap arithmetic on
the prepared evidence, so the robustness sweep can call it thousands of times.

Like with like, as this module applies it: two throughput figures are compared only when they concern the same
hardware generation (`hardware_class`), a number format of the same width (FP8 and INT8 are both 8-bit), the
same kind of measurement (a production average is not a benchmark; vendor "up to" claims are left out), a
time per output token within `tpot_tolerance` of each other, and evidence published by the article's year.
Later and undated figures are shown and flagged, never used to decide a verdict.

Reader-facing sentences (verdict reasons, paragraphs, chart titles) are made in the section marked TEXT below,
from the same numbers as the figures.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from aicloud._lazy import pd
from aicloud.analysis import ChapterResult, rule, rules_of
from aicloud.models import agents
from aicloud.models import attrition as att
from aicloud.models import unit_cost as uc
from aicloud.verdicts import ANECDOTE, CONTRADICTED, DIRECT, PARTLY, PROXY, SUPPORTED, Verdict

CHAPTER = "infra_economics"
CLAIMS = ("C24", "C25", "C26", "C27", "C28", "C29", "C30", "C31", "C32", "C33", "C34", "C35", "C37")
RESOURCES = ("sources", "infra_deepseek_disclosure", "infra_serving_throughput", "infra_accelerators",
             "infra_supernodes", "infra_rental_prices", "infra_agent_multiples", "infra_org_events")
BITS = {"BF16": 16, "FP16": 16, "FP8": 8, "INT8": 8, "FP4": 4}
BENCHMARK = ("profile", "throughput", "latency-bound")      # kinds of measurement other than production
CLASS_LABEL = {"hopper": "NVIDIA Hopper class", "blackwell": "NVIDIA Blackwell class", "ascend": "Huawei Ascend",
               "other": "other"}
CLAIMED_CLUSTER = 10_000   # C32: the article's "ten-thousand-card clusters"
NODES_TOLERANCE = 0.05     # implied and reported fleet sizes within 5% of each other are called consistent
BY, AFTER, UNDATED = "by the article", "after the article", "undated"


# ============================================================================================================
# TEXT: every reader-facing sentence this module produces (a Chinese edition needs a counterpart for each)
# ============================================================================================================

def _n(count: int, one: str, many: str | None = None) -> str:
    """'1 source', '3 sources': a count with the noun that fits it."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def _list(names: list[str]) -> str:
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else "none"


def _times(x: float) -> str:
    """A ratio as 'N times', with enough digits to tell 1.3 from 1."""
    return f"{x:,.0f}" if x >= 10 else f"{x:,.1f}" if x >= 2 else f"{x:,.2f}"


def _a(noun: str) -> str:
    """'a single agent', 'an assistant agent': the indefinite article a noun phrase takes (by its first letter)."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _of(ratio: float) -> str:
    """'84% of' or '7.4 times': a throughput ratio in words that fit its size."""
    return f"{ratio:.0%} of" if ratio < 1 else f"{_times(ratio)} times"


def _markup_words(markup: float) -> str:
    return f"a markup of {markup:.0%}" if markup >= 0 else f"a loss of {-markup:.0%} of the cost"


TXT_DS_INTRO = ("On {when}, {provider} published a day of its serving fleet's accounts: how many nodes it ran, what it "
                "assumed a GPU-hour costs, how many tokens it served and what those tokens would bring in at list "
                "prices.")
TXT_DS_INTRO_SHORT = "On {when}, {provider} published a day of its serving fleet's accounts."
TXT_DS_NONE = "The data hold no provider's serving disclosure."
TXT_DS_PROVIDERS = " The file holds {n} providers; this section reads the first."
TXT_NO_MARGIN = "Without a complete disclosure there is no margin to compute."
TXT_ZERO_MARGIN = "With a zero cost or revenue in the disclosure there is no margin to draw."
TXT_FIT = {"same": "are consistent with", "more": "exceed", "less": "leave room in"}
TXT_DS_CAVEATS_ONLY = "The source's own caveats, recorded with it: {caveats}."
TXT_EX_AGAINST = " and compare it with the published USD {cost:,.0f}"
TXT_EX_REVENUE = "The published revenue was USD {revenue:,.0f}: what markup over cost does that imply?"
TXT_EX_REVENUE_TOKENS = "The token counts at list prices give USD {revenue:,.0f}: what markup over cost is that?"
TXT_EX_OCCUPANCY = ("The average fleet was {occupancy:.0%} of the peak of {peak:,.0f} nodes: what does that tell you "
                    "about utilisation over a day?")
TXT_EX_NO_PEAK = "What would you need to know about the day's peak to judge utilisation?"
TXT_LEVERS_NO_CACHE = ("Utilisation, the lever the benchmarks leave out, widens the gap: a provider running the best "
                       "stack at {uh:.0%} against one running the worst at {ul:.0%} pays {gap}x less per token. No "
                       "cold prefill figure of that hardware and format is in the data, so cache hits (and the "
                       "input_per_output assumption) are not counted.")
TXT_LEVERS_NONE = "Without a like-for-like pair the levers have no gap to widen."
TXT_LIKE_TITLE = "{ratio}x compared like with like"
TXT_LIKE_TITLE_NONE = "no pair compares like with like"
TXT_COMPARE = {"busier": "busier than the NVIDIA cluster", "no busier": "no busier than the NVIDIA cluster",
               "beyond": ", beyond what any cluster can reach"}
TXT_RENTAL_NONE = ("No rental price for a domestic accelerator is in the data, so the domestic price is the reader's "
                   "to set.")
TXT_RENTAL = "Published domestic rental prices run from USD {low:,.2f} to {high:,.2f} per hour."
TXT_CHEST = {"same": "the same", "more": "more", "less": "less"}
TXT_BAR = {"none": "no reserve at all", "times": "{x:,.1f} times as much", "lowest none": "where the lowest needs none"}
TXT_NO_DISCLOSURE = ("The disclosure file lacks {missing}, so the published serving accounts cannot be recomputed "
                     "with this data.")
TXT_DS_COST = ("The daily cost comes out at USD {cost:,.0f}{against}: {provider} rented, by assumption, "
               "{nodes:,.2f} nodes on average at USD {price:,.2f} per GPU-hour.")
TXT_DS_REVENUE_ROUNDED = (" The revenue cannot be matched to the dollar, because the token counts were published "
                          "rounded to {rounding}: the rounded counts give USD {revenue:,.0f}, {gap:+,.0f} from the "
                          "published {published:,.0f}, and any unrounded counts consistent with the published ones "
                          "give between {low:,.0f} and {high:,.0f}, which {contains} the published figure.")
TXT_DS_REVENUE = " The token counts at list prices give USD {revenue:,.0f} of revenue{against}."
TXT_DS_MARKUP = (" From the published revenue and the recomputed cost the margin is {markup:.1%}, {rounds} the "
                 "published {published:.0%}; from the token counts it would be {recomputed:.1%}.")
TXT_DS_NODES = (" The throughput figures {fit} the fleet: serving the day's tokens at the published rates keeps "
                "{implied:,.1f} nodes busy, against {nodes:,.2f} on average.")
TXT_DS_CAVEATS = ("A “cost-profit margin” in this sense is profit divided by cost, a markup; as a share of "
                  "revenue it is {gm:.1%}. The source's own caveats, recorded with it: {caveats}")
TXT_DS_OCCUPANCY = " The average of {nodes:,.2f} nodes is {occupancy:.0%} of the {peak:,.0f}-node peak."
TXT_DS_PER_OUTPUT = " Put on output tokens alone, the day cost USD {per_m:,.3f} per million."
TXT_DS_PAID = (" The revenue is theoretical: it bills every token at list price. If only {paid:.0%} of the tokens "
               "were billed (the paid-share assumption, shared with the price-war chapter), the day would bring in "
               "USD {billed:,.0f}, {words}.")
TXT_MARGIN = ("The slider spans the published rental prices, from USD {low:,.2f} to {high:,.2f} per GPU-hour. At "
              "the top of that range the theoretical revenue covers the cost {full}; billing {paid:.0%} of the "
              "tokens, {part}. At {provider}'s own USD {own:,.2f}, billing {paid:.0%} of the tokens, {own_part}.")
TXT_MARGIN_TITLE = ("At USD {high:,.2f} an hour revenue covers the cost {full} if every token is billed, {part} if "
                    "{paid:.0%} are")


def _breakeven_words(util: float) -> str:
    return "at no utilisation" if util > 1 else f"only above {util:.0%} utilisation"


TXT_SERVING = ("At USD {hopper:,.2f} per Hopper GPU-hour, {blackwell:,.2f} per Blackwell GPU-hour, {ascend:,.2f} "
               "per Ascend NPU-hour and {util:.0%} utilisation, the {n_decode} published decode figures range "
               "from USD {cheap:,.3f} per million output tokens ({cheap_label}) to {dear:,.2f} ({dear_label}, "
               "measured at {dear_conditions}), a spread of {spread} times.{hopper_part} Much of that gap is a "
               "choice of service level, number format or hardware generation, not of engineering alone: the "
               "dearest figure is a {dear_setting} measurement{dear_when}. Every figure is self-reported under its "
               "own conditions, listed in the tooltips.")
TXT_SERVING_HOPPER = " On Hopper-class GPUs alone the spread is {spread}x."
TXT_SERVING_ONE = ("The data hold {n_decode}, so no spread between setups can be computed with this data.")
TXT_LIKE = ("Compared like with like (the same hardware generation, a number format of the same width, the same "
            "kind of measurement, a time per output token within {tol:.0%} of each other, and published by the "
            "article's year), the widest gap between two teams is {ratio}x: {best} against {worst}, among "
            "{pairs}.")
TXT_LIKE_NONE = ("No two figures from different teams can be compared like with like in this data (the same "
                 "hardware generation, number format width, kind of measurement, a time per output token within "
                 "{tol:.0%}, published by the article's year).")
TXT_LATER = (" {later} of the {n} figures were published after the article and {undated} are undated: they are "
             "shown, flagged in the tooltips, and decide no verdict.")
TXT_LEVERS = ("Two levers the benchmarks leave out widen the gap between providers: utilisation (how busy "
              "scheduling keeps the accelerators) and cache hits (input tokens served from a KV cache need no "
              "prefill). A provider running the best of those stacks at {uh:.0%} utilisation with {hh:.0%} cache "
              "hits, against one running the worst at {ul:.0%} with {hl:.0%}, at {ipo:.1f} input tokens per output "
              "token, pays {gap}x less per request; the two levers alone account for {levers}x.{anchor}")
TXT_LEVERS_ANCHOR = (" For scale: {provider} reported {hits:.0%} cache hits, and its average fleet was {occ:.0%} of "
                     "its peak.")
TXT_PUBLISHED = ("Where a source published its own cost per token ({n} figure{s}), the table shows the hourly price "
                 "that the formula implies, and, when the source also stated its hourly price, what the formula "
                 "gives at that price. Sources that price a GPU-hour differently cannot be compared by their "
                 "published cost figures alone, which is why the chart puts every setup on the same prices.")
PUBLISHED_COLUMNS = {"tps_acc": "tokens/s per accelerator", "published_usd_per_m": "published USD per M",
                     "published_usd_per_gpu_hour": "stated USD per hour",
                     "model_at_stated_price": "model at stated price",
                     "implied_usd_per_hour": "hourly price implied"}
TXT_STACK_TITLE = ("Serving the same model costs up to {spread}x more in one published setup than in another; "
                   "{like}")

TXT_SPEC = ("On paper, the strongest domestic chip with a published BF16 figure, the {chip}, reaches {bf16:,.0f} "
            "dense BF16 TFLOPS ({sources}), {vs_ref:.0%} of the {ref} and {vs_top:.0%} of the {top}.{fp16}")
TXT_SPEC_FP16 = (" A further source gives {fp16:,.0f} TFLOPS for it in FP16, a different measure, which is left out "
                 "of the comparison.")
TXT_ONE_SOURCE = "one source"
TXT_SOURCES = "the median of {n} sources that range from {low:,.0f} to {high:,.0f}"
TXT_SPEC_NONE = "The data hold no {missing} with a dense BF16 figure, so the chips cannot be compared on paper."
TXT_DOMESTIC = ("In serving, the best published domestic decode figure ({dom}, {dom_tps:,.0f} tokens/s per "
                "accelerator at {dom_tpot:g} ms per output token, {dom_prec}) is {ratio:.0%} of the best Hopper run "
                "at the same service level ({ref}, {ref_tps:,.0f} at {ref_tpot:g} ms, {ref_prec}){formats}.{prefill} "
                "So at the assumed prices and an NVIDIA cluster at {util:.0%}, the domestic decode cluster must run at "
                "{be:.0%} utilisation to match its cost per token ({compare}); put the other way, it matches at "
                "{util:.0%} only if an accelerator-hour costs at most USD {be_price:,.2f}.")
TXT_DOMESTIC_PREFILL = (" In prefill (input tokens computed, no cache hits on either side) the best domestic figure "
                        "is {ratio:.0%} of the best Hopper one ({dom} against {ref}).")
TXT_DOMESTIC_NONE = ("The data hold no domestic decode figure with a published service level and precision that "
                     "can be set against a Hopper figure at the same service level by the article's year, so what "
                     "a domestic cluster needs to match NVIDIA cannot be computed with this data.")
TXT_DOMESTIC_LATER = " Pairs resting on later or undated evidence, shown but not used: {pairs}."
TXT_BE_TITLE = ("At the same service level a domestic decode cluster matches NVIDIA's cost per token at equal "
                "utilisation up to USD {price:,.2f} an accelerator-hour")

TXT_SN = ("At the level of whole systems, the {dom} supernode offers {compute:.1f} times the dense compute of the "
          "{nv} by joining {more} chips, and draws {power:.1f} times the power: {per_flop:.1f} times the power "
          "per unit of compute.")
TXT_SN_ENERGY = (" Electricity is a small part of the cost of a token, though. At USD {kwh:,.2f} per kWh and a PUE "
                 "of {pue:.2f}, one such supernode burns about USD {year:,.1f} million of electricity a year; "
                 "{kw_dom:,.2f} kW per accelerator at {tps_dom:,.0f} tokens/s and {util:.0%} utilisation comes to "
                 "USD {e_dom:,.4f} per million output tokens, {share:.0%} of the assumed rental cost (against "
                 "{e_nv:,.4f} for the {nv}'s {kw_nv:,.2f} kW per GPU at {tps_nv:,.0f} tokens/s). Where power is "
                 "cheap and plentiful, the power penalty matters {matters} than how busy the chips are kept.")
TXT_SN_NONE = ("The data hold no domestic and NVIDIA supernode with size, compute and power all given, so the "
               "systems cannot be compared with this data.")

TXT_AGENTS = ("Published multiples put {single_a} at about {m_single:,.0f} times the tokens of a chat{multi_part}"
              "{top_part}. If {share:.0%} of sessions were {single} sessions{multi_share}, a provider would serve "
              "{demand:.2f} times the tokens.{gap}")
TXT_AGENTS_GAP = (" Billed per token, revenue and serving cost grow together, and so does the absolute gap between a "
                  "low-cost and a higher-cost provider: USD {gap:,.3f} per million output tokens at the assumed "
                  "prices (the like-for-like pair above) becomes {gap_agents:,.3f} per chat-equivalent million. Sold "
                  "for a flat fee, the extra tokens come straight out of the margin.")
TXT_AGENT_TITLE = "A modest share of agent sessions multiplies token demand; {top} up to {m:,.0f}x"

TXT_WAR_SETUP = ("The three providers are not real vendors: their unit costs span the like-for-like gap between "
                 "published stacks ({measured}x) widened by the "
                 "assumed levers, so the highest-cost one pays {gap}x the lowest-cost one's cost per request and the "
                 "middle one lies halfway on a log scale. The highest-cost provider starts with {chest:.2f} times the "
                 "lowest-cost one's cash ({chest_word}).")
TXT_WAR_NONE = ("The data hold no like-for-like pair of published stacks, so the providers' cost gap, and with it "
                "the price war, cannot be set up with this data.")
TXT_WAR = ("After {horizon} months of falling prices, {low:.0%} of the draws leave the lowest-cost provider "
           "solvent, against {mid:.0%} for the middle one and {high:.0%} for the highest-cost one; in the worst "
           "tenth of draws the highest-cost provider is out of cash within {high_p10:,.0f} months, the lowest-cost "
           "one within {low_p10:,.0f}.{extra} The health bar can also be read in money: to get through the whole "
           "horizon, the lowest-cost provider needs a median cash reserve worth {need_low:,.1f} months of revenue, "
           "the middle one {need_mid:,.1f} ({bar_mid}) and the highest-cost one {need_high:,.1f} ({bar_high}). "
           "{order}")
TXT_WAR_ORDER_ALL = "In every draw the lowest-cost provider lasts at least as long as the middle one."
TXT_WAR_ORDER = ("In {share:.1%} of draws the lowest-cost provider lasts at least as long as the middle one; in the "
                 "rest the random throughput noise or the war chests reverse their order.")
TXT_WAR_EXTRA = (" In the {share:.0%} of draws where the middle provider fails, the lowest-cost one lasts "
                 "{p10:,.1f} to {p90:,.1f} months longer (10th to 90th percentile; median {p50:,.1f}).")
TXT_WAR_TITLE = ("{low:.0%} of draws leave the lowest-cost provider solvent after {horizon} months, {high:.0%} the "
                 "highest-cost one")

TXT_EX_REPRODUCE = ("Take the rented fleet: {nodes:,.2f} nodes on average, {gpus:,.0f} GPUs per node, {hours:,.0f} "
                    "hours, USD {price:,.2f} per GPU-hour. (a) Compute the day's GPU cost{against}. (b) {revenue} "
                    "(c) {occupancy}")
TXT_EX_REPRODUCE_NONE = ("This run's data hold no complete serving disclosure, so there is nothing to recompute here; "
                         "rerun the chapter with the default data to try it.")
TXT_EX_DOMESTIC = ("The chapter finds that a decode cluster of {dom} must run at {be:.0%} utilisation to match the "
                   "cost per token of an {ref} cluster at {util:.0%}, both at about {tpot:g} ms per output token.")
TXT_EX_DOMESTIC_NONE = ("This run's data hold no domestic decode figure matched with an NVIDIA one at the same service "
                        "level, so the chapter computes no break-even; rerun it with the default data to try this.")
TXT_EX_SUPERNODE = ("Using the figures in *Domestic chips: what it takes to match NVIDIA*, weigh the trade-off: what "
                    "does the {dom} gain and what does it cost against the {nv}? Does the power penalty decide the "
                    "cost of a token?")
TXT_EX_SUPERNODE_NONE = ("This run's data hold no pair of domestic and NVIDIA supernodes to weigh; with the default "
                         "data, "
                         "weigh what a domestic supernode gains and what it costs against an NVIDIA one.")
TXT_EVENTS = "{when} the data record {n_events} by {n_orgs}. {restructured}"
TXT_EVENTS_TITLE = "{orgs} made dated infrastructure moves; {n_re} reorganised around them"


def _restructured_sentence(moves: int, names: list[str], n_orgs: int, n_events: int) -> str:
    if not moves:
        return ("No move is a reorganisation of departments around AI infrastructure; "
                + ("it is an investment pledge, a chip, a supernode or a published platform result." if n_events == 1
                   else "they are investment pledges, chips, supernodes or published platform results."))
    if len(names) == n_orgs:
        return f"Every organisation in the data reorganised departments around AI infrastructure ({_list(names)})."
    verb = "is a reorganisation" if moves == 1 else "are reorganisations"
    return (f"Only {moves:,} of them, by {_list(names)}, {verb} of departments around AI infrastructure; the others "
            "are investment pledges, chips, supernodes and published platform results.")


# --- verdict reasons and figures, by claim (the rules fill them in) ---------------------------------------------------
R24 = {
    "none": ("No two published decode figures from different teams are comparable like with like in this data (same "
             "hardware generation, number-format width and kind of measurement, times per output token within "
             "{tol:.0%}, published by the article's year), so no like-for-like cost gap can be computed."),
    "figure": "{measured}x like for like, {total}x with the levers",
    "pair": "{fast} against {slow} at about {tpot:g} ms per output token",
    "levers": "utilisation of {uh:.0%} against {ul:.0%}",
    "cache": " and cache hits of {hh:.0%} against {hl:.0%}",
    SUPPORTED: ("Compared like with like, two teams' published setups differ {measured}x in cost per output token "
                "({pair}), at or above the {big:.1f}x threshold."),
    PARTLY: ("Compared like with like, the published setups differ only {measured}x ({pair}), below the {big:.1f}x "
             "threshold; the gap reaches {total}x only when the levers the benchmarks leave out are added as "
             "assumed ({levers})."),
    CONTRADICTED: ("Compared like with like, the published setups differ {measured}x ({pair}), and even with the "
                   "assumed levers ({levers}) the gap is {total}x, below the {big:.1f}x threshold."),
    "untested": " That DeepSeek moved attention to inference is not tested.",
}
R25 = {
    "none": "The data hold no published agent token multiple.",
    "figure": "{low:,.0f}x to {high:,.0f}x chat tokens",
    "span": "from about {low:,.0f}x ({low_name}) to {high:,.0f}x ({high_name})",
    "span_one": "about {low:,.0f}x ({low_name})",
    SUPPORTED: ("Every published agent workload ({n}) uses at least {heavy:g}x the tokens of its chat baseline, "
                "{span}, so agents are heavy token users"),
    PARTLY: ("{k} of {n_all} published agent workloads use at least {heavy:g}x the tokens of chat; {low_name} uses "
             "about {low:,.0f}x"),
    CONTRADICTED: ("No published agent workload reaches {heavy:g}x the tokens of chat (the most is {high:,.0f}x, "
                   "{high_name})"),
    "untested": ("; that infrastructure decides what agents can do, and that the gap between large and small "
                 "providers widens, are not measured in public data (the chapter only shows the absolute cost gap "
                 "growing with tokens)."),
}
R26 = {
    "figure": "{k} of {orgs} reorganised",
    "none": "The data record {moves} by {orgs}, none of them a reorganisation of departments.",
    SUPPORTED: "Every organisation in the data reorganised departments around AI infrastructure: {names}.",
    PARTLY: ("All {orgs} made dated infrastructure moves, but only {names} reorganised departments around them "
             "({first}); for the others the public record shows investments, chips, supernodes and platform "
             "results, not reorganisations."),
}
R27 = ("How strongly AI infrastructure locks customers in would need churn or migration-cost data, which no cloud "
       "vendor publishes; partnerships alone do not measure lock-in.", "no public churn or migration-cost data")
R28 = {
    "none": ("The data hold no domestic decode figure that can be set against a Hopper figure at the same service "
             "level (times per output token within {tol:.0%}) and number-format width, published by the article's "
             "year."),
    "figure": "break-even utilisation {be:.0%} at the assumed prices",
    "reason": ("The best published domestic decode figure ({dom}, {dom_tpot:g} ms per output token) is {ratio:.0%} of "
               "the best Hopper figure at the same service level ({ref}, {ref_tpot:g} ms); at the assumed prices "
               "(USD {dom_price:,.2f} against {ref_price:,.2f} an hour) it needs {be:.0%} utilisation to match an "
               "NVIDIA cluster at {util:.0%}, {words}."),
    SUPPORTED: ("so it must be kept busier than the NVIDIA cluster, and can be: how well it is scheduled decides its "
                "cost"),
    PARTLY: "more than it can ever run, so scheduling alone cannot close the gap at this price",
    CONTRADICTED: ("no busier than the NVIDIA cluster, so at this price it needs no deeper optimisation than "
                   "NVIDIA's to match"),
    "disagree": " The {n} domestic figures disagree on this.",
    "untested": (" Whether own chips bring cost to the industry's low end cannot be checked: no rental price or unit "
                 "cost for domestic accelerators is published."),
}
R_WAR = {
    "none": ("No like-for-like pair of published stacks sets the providers' cost gap in this data, so the price war "
             "cannot be set up."),
    "c29_figure": "{low} against {high} for the highest-cost provider",
    "c29_head": ("In the attrition model at the central assumptions, the lowest-cost provider lasts {low}, the middle "
                 "one {mid} and the one paying {gap}x the lowest cost {high}, with {chest:.2f} times the lowest-cost "
                 "one's cash"),
    SUPPORTED: ": they run out of cash in order of their costs, so cost decides survival here",
    PARTLY: ": the lowest-cost one outlasts the highest-cost one, but the middle one breaks the order",
    "through": ": even the highest-cost provider gets through the whole war on its cash, so cost decides no exit",
    CONTRADICTED: ": a larger war chest outweighs the cost gap",
    "c29_tail": "; the providers are not real vendors, whose unit costs and cash for a price war are not public.",
    "c35_none": ("At the central assumptions no provider loses money over {h} months, so the price war never draws on "
                 "a cash reserve and the health bar is not tested."),
    "c35_none_figure": "no losses over the horizon",
    "c35_figure": "{ratio:,.1f}x the cash to last {h} months",
    "c35_figure_zero": "{need:,.1f} months of revenue against none to last {h} months",
    "c35_head": ("In the attrition model at the central assumptions, the provider paying {gap}x the lowest cost needs "
                 "{need_hi:,.1f} months of revenue in cash to last {h} months, the lowest-cost one {need_lo:,.1f}: a "
                 "thicker health bar. "),
    "c35_first": "With {chest:.2f} times its cash the highest-cost provider still runs out first.",
    "c35_both": "Both last the horizon with the cash assumed.",
    "c35_longer": ("But with {chest:.2f} times the cash the highest-cost provider lasts longer ({high} against "
                   "{low})."),
    "c35_tail": " The providers are not real vendors; no vendor's cost or war chest is public.",
}
R30 = {
    "markup": ("One provider's theoretical markup of {markup:.0%} shows that serving can be profitable at list "
               "prices, but no public data splits the industry's profits by layer, so whether infrastructure is the "
               "largest profit pool cannot be tested."),
    "markup_figure": "theoretical markup {markup:.0%}",
    "none": ("No public data splits the industry's profits by layer, so whether infrastructure is the largest profit "
             "pool cannot be tested."),
    "none_figure": "no profits by layer",
}
R31 = ("The formula multiplies completeness, integration and cost efficiency, none of which has a published measure; "
       "only cost efficiency is modelled in this chapter.", "no measurable terms")
R32 = {
    "serving": ("in serving the {dom} reaches {ratio:.0%} of the {ref} at the same service level ({side} the "
                "{near:.0%} that counts as near)"),
    "serving_figure": "{dom} at {ratio:.0%} of {ref} at the same service level",
    "paper": ("on paper the {dom} reaches {ratio:.0%} of the {ref} in dense BF16 ({side} the {near:.0%} that counts "
              "as near; no serving figure at a matched service level)"),
    "paper_figure": "{dom} at {ratio:.0%} of {ref} (dense BF16)",
    "no_chip_figure": "no domestic chip set against NVIDIA",
    "cluster": ("the largest cluster recorded has {n:,} accelerators ({org}, {date:%b %Y}), {side} the {claimed:,} "
                "the article names"),
    "none": "The data hold neither a domestic chip set against an NVIDIA one nor a dated cluster size.",
    "untested": (". No specification or serving figure was found for the cloud-inference chip the article names, so "
                 "that part is untested."),
}
R33 = {
    "no_size": "The data hold no supernode with its number of accelerators.",
    "size": "{name}: {n:,} accelerators",
    "composition": "{name} joins {acc:,} accelerators and {cpus:,} CPUs",
    "multiple": ("{name} is claimed to raise interconnect bandwidth {m:g}x (secondary summary; another says it "
                 "doubled)"),
    "late": "{names} only ship{s} in {year}, after the article's year",
    "none": ("The data hold no supernode composition (accelerators and CPUs) or bandwidth figure to set against the "
             "article's."),
}
R34 = {
    "figure": "{orgs} with published platform results",
    "none": "The data hold no published platform result.",
    SUPPORTED: ("Published platform results exist for {names} (for example serving throughput on own accelerators "
                "with an own software stack); for the other platforms the article names only product names are "
                "public, with no measure of how usable they make the hardware, so that part is untested."),
}
R37 = ("Testing whether the cheapest and most reliable provider gathers the most users would need each vendor's unit "
       "cost and reliability beside its user share; only the shares are published.", "no public unit costs by vendor")


# ============================================================================================================
# Helpers
# ============================================================================================================

def _source_line(sources: pd.DataFrame, *frames: pd.DataFrame) -> str:
    """'Source: publisher (date); ...' from the rows the frames cite (as `aicloud.data.Tables.source_line`)."""
    ids: list[str] = []
    for frame in frames:
        if "source_id" in frame:
            ids += [i for i in frame["source_id"].dropna().unique() if i not in ids]
    known = sources.set_index("id")
    parts: list[str] = []
    for sid in ids:
        if sid not in known.index:
            continue
        s = known.loc[sid]
        date = s["date"] if isinstance(s["date"], str) and s["date"].strip() else ""
        part = f"{s['publisher']} ({date})" if date else str(s["publisher"])
        if part not in parts:
            parts.append(part)
    return "Source: " + ("; ".join(parts) if parts else "the data files of this run") + "."


def article_year(sources: pd.DataFrame) -> int | None:
    """The year of the article under test (the sources row of kind 'article'), None if the data hold none."""
    rows = sources[sources["kind"] == "article"]
    dates = [str(d) for d in rows["date"].dropna() if str(d)[:4].isdigit()]
    return int(dates[0][:4]) if dates else None


def dated(date: object, year: int | None) -> str:
    """Whether a figure was published by the article's year, after it, or is undated."""
    text = str(date) if isinstance(date, str) else ""
    if not text[:4].isdigit():
        return UNDATED
    return AFTER if year is not None and int(text[:4]) > year else BY


def _check_order(params: Mapping[str, Any], *names: str) -> None:
    values = [params[n] for n in names]
    if any(a > b for a, b in zip(values, values[1:])):
        raise ValueError(f"parameters {', '.join(names)} must be in increasing order; got "
                         f"{', '.join(f'{n} = {v:g}' for n, v in zip(names, values))}")


# ============================================================================================================
# Evidence (parameter-free)
# ============================================================================================================

@dataclass
class Pairs:
    """Pairs of comparable decode figures (indexes into `Evidence.runs`), the faster one first."""

    fast: np.ndarray
    slow: np.ndarray
    ratio: np.ndarray       # fast throughput / slow throughput, >= 1
    gap: np.ndarray         # relative gap between the two times per output token


@dataclass
class Evidence:
    year: int | None
    runs: pd.DataFrame                                   # every throughput row, with derived columns
    pairs: Pairs                                         # C24: like-for-like decode pairs of different teams
    prefill_decode: dict[tuple[str, int], float]         # (class, bits) -> median decode / median cold prefill tps
    domestic: list[dict]                                 # C28/C32: domestic decode rows and their candidates
    domestic_prefill: dict | None                        # best domestic vs best Hopper cold prefill, same bits
    spec: pd.DataFrame                                   # per chip: BF16 and FP16 medians
    clusters: pd.DataFrame                               # dated cluster sizes (chip and platform moves)
    supernodes: pd.DataFrame                             # pivoted, one row per supernode
    supernode_sources: tuple[str, ...]
    multiples: pd.DataFrame                              # agent workloads with a central multiple
    events: pd.DataFrame
    disclosure: dict[str, Any] = field(default_factory=dict)
    sources: pd.DataFrame | None = None
    # Plain-Python copies for the rules, which the robustness sweep calls thousands of times (no pandas there).
    rows: list[dict] = field(default_factory=list)          # `runs` as records, same order
    workloads: list[dict] = field(default_factory=list)     # `multiples` as records, by multiple
    decode_sources: tuple[str, ...] = ()                    # sources of the usable decode figures
    largest_cluster: dict | None = None
    paper: dict | None = None
    memo: dict = field(default_factory=dict, repr=False)   # see _war
    pair_list: list[tuple[float, float]] = field(default_factory=list)  # (gap, ratio) of `pairs`, for the loop


def _runs(runs: pd.DataFrame, year: int | None) -> pd.DataFrame:
    r = runs.copy()
    r["tps_acc"] = r["tokens_per_s"] / r["per_accelerators"]
    r["label"] = r["stack"] + " (" + r["hardware"] + ")"
    r["bits"] = r["precision"].map(BITS)
    r["evidence"] = [dated(d, year) for d in r["date"]]
    r["kind"] = np.where(r["setting"] == "production", "production",
                         np.where(r["setting"] == "vendor-claim", "vendor claim", "benchmark"))
    cache = r["cache_hits"].astype("boolean").fillna(False).astype(bool)
    r["cold"] = ~((r["phase"] == "prefill") & cache)
    r["priced"] = r["tps_acc"] > 0
    # Usable to decide a verdict: priced, a comparable kind, dated by the article, precision known.
    r["usable"] = r["priced"] & (r["kind"] != "vendor claim") & (r["evidence"] == BY) & r["bits"].notna()
    return r.reset_index(drop=True)


def _like_pairs(r: pd.DataFrame) -> Pairs:
    d = r[(r["phase"] == "decode") & r["usable"] & r["tpot_ms"].notna()]
    fast, slow, ratio, gap = [], [], [], []
    idx = list(d.index)
    for a in range(len(idx)):
        for b in range(a + 1, len(idx)):
            i, j = d.loc[idx[a]], d.loc[idx[b]]
            if (i["hardware_class"] != j["hardware_class"] or i["bits"] != j["bits"] or i["kind"] != j["kind"]
                    or i["operator"] == j["operator"]):
                continue
            hi, lo = (idx[a], idx[b]) if i["tps_acc"] >= j["tps_acc"] else (idx[b], idx[a])
            fast.append(hi)
            slow.append(lo)
            ratio.append(r.at[hi, "tps_acc"] / r.at[lo, "tps_acc"])
            t1, t2 = sorted((i["tpot_ms"], j["tpot_ms"]))
            gap.append(t2 / t1 - 1)
    return Pairs(np.array(fast, dtype=int), np.array(slow, dtype=int), np.array(ratio, dtype=float),
                 np.array(gap, dtype=float))


def _prefill_decode(r: pd.DataFrame) -> dict[tuple[str, int], float]:
    """Per hardware class and number-format width: median decode over median cold prefill throughput, the
    weight of prefill work in a request (how much cache hits can save)."""
    out = {}
    use = r[r["usable"] & r["cold"]]
    for (cls, bits), g in use.groupby(["hardware_class", "bits"]):
        dec, pre = g.loc[g["phase"] == "decode", "tps_acc"], g.loc[g["phase"] == "prefill", "tps_acc"]
        if len(dec) and len(pre):
            out[(str(cls), int(bits))] = float(dec.median() / pre.median())
    return out


def _domestic(r: pd.DataFrame, accelerators: pd.DataFrame) -> tuple[list[dict], dict | None]:
    """Each domestic decode row with a service level and precision, and every Hopper decode row of the same
    number-format width it could be set against (best throughput first)."""
    domestic_hw = set(accelerators.loc[accelerators["domestic"], "hardware"])
    is_dom = r["hardware_class"].eq("ascend") | r["hardware"].isin(domestic_hw)
    ok = r["priced"] & (r["kind"] != "vendor claim") & r["bits"].notna()
    out = []
    dec = r[ok & (r["phase"] == "decode") & r["tpot_ms"].notna()]
    refs_all = dec[(dec["hardware_class"] == "hopper") & ~is_dom[dec.index]]
    for i, row in dec[is_dom[dec.index]].sort_values("tps_acc", ascending=False).iterrows():
        refs = refs_all[refs_all["bits"] == row["bits"]].sort_values("tps_acc", ascending=False)
        gaps = (np.maximum(refs["tpot_ms"], row["tpot_ms"]) / np.minimum(refs["tpot_ms"], row["tpot_ms"]) - 1)
        out.append({"row": int(i), "by": row["evidence"] == BY,
                    "candidates": list(zip(map(int, refs.index), refs["tps_acc"].astype(float), gaps.astype(float),
                                           (refs["evidence"] == BY).astype(bool)))})
    pre = r[ok & (r["phase"] == "prefill") & r["cold"] & (r["evidence"] == BY)]
    dom_pre, ref_pre = pre[is_dom[pre.index]], pre[(pre["hardware_class"] == "hopper") & ~is_dom[pre.index]]
    prefill = None
    for i, row in dom_pre.sort_values("tps_acc", ascending=False).iterrows():
        refs = ref_pre[ref_pre["bits"] == row["bits"]]
        if len(refs):
            j = refs["tps_acc"].idxmax()
            prefill = {"row": i, "ref": j, "ratio": float(row["tps_acc"] / r.at[j, "tps_acc"])}
            break
    return out, prefill


def _spec(accelerators: pd.DataFrame) -> pd.DataFrame:
    a = accelerators
    bf = a.dropna(subset=["bf16_dense_tflops"])
    bf = bf[bf["bf16_dense_tflops"] > 0]
    spec = bf.groupby(["hardware", "vendor", "hardware_class", "domestic"], as_index=False).agg(
        bf16_median=("bf16_dense_tflops", "median"), bf16_min=("bf16_dense_tflops", "min"),
        bf16_max=("bf16_dense_tflops", "max"), n_sources=("source_id", "nunique"))
    fp = a.dropna(subset=["fp16_dense_tflops"])
    fp16_only = fp[fp["bf16_dense_tflops"].isna() & (fp["fp16_dense_tflops"] > 0)]
    fp16 = fp16_only.groupby("hardware")["fp16_dense_tflops"].median()
    spec["fp16_only"] = spec["hardware"].map(fp16)
    extra = fp16_only[~fp16_only["hardware"].isin(spec["hardware"])]
    if len(extra):
        add = extra.groupby(["hardware", "vendor", "hardware_class", "domestic"], as_index=False).agg(
            fp16_only=("fp16_dense_tflops", "median"))
        spec = pd.concat([spec, add], ignore_index=True)
    return spec


def _disclosure(table: pd.DataFrame, sources: pd.DataFrame) -> dict[str, Any]:
    """The first provider's published inputs and results, and what can be recomputed from them."""
    if table.empty:
        return {}
    provider = table["provider"].iloc[0]
    rows = table[table["provider"] == provider]
    d = rows.groupby("metric")["value"].first().to_dict()
    note = sources.set_index("id")["note"].get(rows["source_id"].iloc[0])
    out: dict[str, Any] = {"provider": provider, "disclosed": f"{rows['disclosed'].iloc[0]:%d %B %Y}",
                           "source_id": rows["source_id"].iloc[0], "providers": table["provider"].nunique(),
                           "caveats": str(note) if isinstance(note, str) and note else "none recorded", "d": d}
    fleet = ("average_nodes", "gpus_per_node", "usd_per_gpu_hour", "hours")
    tokens = ("cache_hit_tokens", "input_tokens", "output_tokens", "price_cache_hit", "price_cache_miss",
              "price_output")
    missing = [m for m in fleet + tokens if m not in d]
    zero = [m for m in ("average_nodes", "gpus_per_node", "hours") if d.get(m, 1) <= 0]
    if missing or zero or d["cache_hit_tokens"] > d["input_tokens"]:
        out["missing"] = missing + [f"a positive {m}" for m in zero] + (
            ["cache hits no larger than input tokens"] if not missing and d["cache_hit_tokens"] > d["input_tokens"]
            else [])
        return out
    out["cost"] = float(uc.daily_cost_usd(d["average_nodes"], d["gpus_per_node"], d["usd_per_gpu_hour"], d["hours"]))
    out["revenue"] = float(uc.token_revenue_usd(*(d[m] for m in tokens)))
    out["hits_share"] = d["cache_hit_tokens"] / d["input_tokens"] if d["input_tokens"] > 0 else None
    if d.get("token_rounding", 0) > 0:
        out["rev_low"], out["rev_high"] = uc.token_revenue_bounds_usd(*(d[m] for m in tokens), d["token_rounding"])
    if out["cost"] > 0:
        out["markup_recomputed"] = out["revenue"] / out["cost"] - 1
        if "theoretical_revenue" in d:
            out["markup"] = d["theoretical_revenue"] / out["cost"] - 1
        if d["output_tokens"] > 0:
            out["per_m_output"] = out["cost"] / (d["output_tokens"] / 1e6)
    revenue = d.get("theoretical_revenue", out["revenue"])
    if revenue > 0 and out["cost"] > 0:
        out["gross_margin"] = float(uc.gross_margin(revenue, out["cost"]))
    if d.get("peak_nodes", 0) > 0:
        out["occupancy"] = d["average_nodes"] / d["peak_nodes"]
    if d.get("prefill_tokens_per_s_per_node", 0) > 0 and d.get("decode_tokens_per_s_per_node", 0) > 0:
        seconds = d["hours"] * 3600
        out["nodes_implied"] = float(uc.implied_nodes(d["input_tokens"], d["prefill_tokens_per_s_per_node"], seconds)
                                     + uc.implied_nodes(d["output_tokens"], d["decode_tokens_per_s_per_node"],
                                                        seconds))
    return out


def prepare(tables: Mapping[str, pd.DataFrame]) -> Evidence:
    """Everything the rules read, computed once from the tables (no parameter involved)."""
    sources = tables["sources"]
    year = article_year(sources)
    runs = _runs(tables["infra_serving_throughput"], year)
    accelerators = tables["infra_accelerators"]
    domestic, domestic_prefill = _domestic(runs, accelerators)
    events = tables["infra_org_events"].sort_values(["date", "event_id"]).reset_index(drop=True)
    clusters = events[events["accelerators"].notna() & events["category"].isin(["chip", "platform"])]
    sn = tables["infra_supernodes"].pivot_table(index=["supernode", "vendor", "accelerator"], columns="metric",
                                                values="value", aggfunc="first").reset_index()
    m = tables["infra_agent_multiples"]
    m = m.assign(multiple=np.sqrt(m["multiple_low"] * m["multiple_high"])).sort_values(["multiple", "workload"])
    ev = Evidence(year=year, runs=runs, pairs=_like_pairs(runs), prefill_decode=_prefill_decode(runs),
                    domestic=domestic, domestic_prefill=domestic_prefill, spec=_spec(accelerators),
                    clusters=clusters.sort_values(["accelerators", "date"], ascending=[False, True]),
                    supernodes=sn, supernode_sources=tuple(sorted(set(tables["infra_supernodes"]["source_id"]))),
                    multiples=m.reset_index(drop=True), events=events,
                    disclosure=_disclosure(tables["infra_deepseek_disclosure"], sources), sources=sources)
    ev.rows = runs.to_dict("records")
    ev.pair_list = list(zip(ev.pairs.gap.tolist(), ev.pairs.ratio.tolist()))
    ev.workloads = ev.multiples.to_dict("records")
    ev.decode_sources = tuple(sorted(set(runs.loc[runs["usable"] & (runs["phase"] == "decode"), "source_id"])))
    ev.largest_cluster = ev.clusters.iloc[0].to_dict() if len(ev.clusters) else None
    ev.paper = _paper(ev)
    return ev


# ============================================================================================================
# Shared arithmetic of the rules (cheap: no pandas)
# ============================================================================================================

def like_for_like(ev: Evidence, tolerance: float) -> int | None:
    """Index into `ev.pairs` of the widest like-for-like gap at this service-level tolerance (None: no pair).
    A plain loop: there are few pairs, and the sweep calls this thousands of times."""
    best, k = 0.0, None
    for i, (gap, ratio) in enumerate(ev.pair_list):
        if gap <= tolerance and ratio > best:
            best, k = ratio, i
    return k


def lever_factor(p: Mapping[str, Any], weight: float | None) -> tuple[float, float]:
    """How much utilisation and cache hits widen the cost gap between a well-run and a poorly-run provider
    serving the same stack: (utilisation factor, cache factor). `weight` is decode over prefill throughput (the
    prefill work in a request per output token, relative to decode); None leaves cache hits out."""
    lo, hi = sorted((p["utilisation_low"], p["utilisation_high"]))
    util = hi / lo
    if weight is None:
        return util, 1.0
    hit_lo, hit_hi = sorted((p["cache_hit_low"], p["cache_hit_high"]))
    ipo = p["input_per_output"]
    cache = (ipo * (1 - hit_lo) * weight + 1) / (ipo * (1 - hit_hi) * weight + 1)
    return util, cache


def cost_gap(ev: Evidence, p: Mapping[str, Any]) -> dict | None:
    """The like-for-like gap between published stacks (measured) and the gap a provider's levers make of it."""
    k = like_for_like(ev, p["tpot_tolerance"])
    if k is None:
        return None
    fast = ev.rows[ev.pairs.fast[k]]
    weight = ev.prefill_decode.get((fast["hardware_class"], int(fast["bits"])))
    util, cache = lever_factor(p, weight)
    measured = float(ev.pairs.ratio[k])
    return {"k": k, "measured": measured, "util": util, "cache": cache, "weight": weight,
            "total": measured * util * cache}


def matched_domestic(ev: Evidence, tolerance: float, by_article: bool = True) -> list[dict]:
    """For each domestic decode row, the best Hopper row at the same service level and format width."""
    out = []
    for d in ev.domestic:
        if by_article and not d["by"]:
            continue
        for ref, tps, gap, ref_by in d["candidates"]:      # best throughput first
            if gap <= tolerance and (ref_by or not by_article):
                out.append({"row": d["row"], "ref": ref, "ratio": ev.rows[d["row"]]["tps_acc"] / tps})
                break
    return out


def _war(ev: Evidence, p: Mapping[str, Any], gap: dict) -> tuple[np.ndarray, np.ndarray]:
    """The price war at the central assumptions: months each provider lasts and cash each needs. Remembered per
    set of inputs, because C29 and C35 read the same assumptions and a sweep draws the same values for both."""
    g, chest, price = gap["total"], p["war_chest_ratio"], p["price_to_best_cost"]
    key = (g, chest, price, p["cash_months"], p["fixed_cost_share"], p["price_decline"], p["cost_decline"],
           int(p["horizon_months"]))
    if key not in ev.memo:
        if len(ev.memo) > 50_000:
            ev.memo.clear()
        cash = p["cash_months"] * price * np.array([1.0, (1 + chest) / 2, chest])
        ev.memo[key] = att.survival_and_need(cash, np.array([1.0, math.sqrt(g), g]), price,
                                             p["fixed_cost_share"] * price, p["price_decline"], p["cost_decline"],
                                             int(p["horizon_months"]))
    return ev.memo[key]


# ============================================================================================================
# Rules, one per claim
# ============================================================================================================

@rule("C24", reads=("tpot_tolerance", "large_spread", "utilisation_low", "utilisation_high", "cache_hit_low",
                    "cache_hit_high", "input_per_output"))
def same_model_different_cost(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C24: serving the same open model, costs differ enormously with the infrastructure. Supported when two
    teams' published setups, compared like with like, differ by at least `large_spread`; partly when only the
    levers the benchmarks leave out (utilisation, cache hits, as assumed) make the gap that large;
    contradicted when even they do not. The shift of attention to inference is not tested."""
    big = p["large_spread"]
    gap = cost_gap(ev, p)
    if gap is None:
        return Verdict.not_testable_here(R24["none"].format(tol=p["tpot_tolerance"]), sources=ev.decode_sources)
    fast, slow = ev.rows[ev.pairs.fast[gap["k"]]], ev.rows[ev.pairs.slow[gap["k"]]]
    levers = R24["levers"].format(uh=p["utilisation_high"], ul=p["utilisation_low"]) + (
        R24["cache"].format(hh=p["cache_hit_high"], hl=p["cache_hit_low"]) if gap["weight"] is not None else "")
    label = SUPPORTED if gap["measured"] >= big else PARTLY if gap["total"] >= big else CONTRADICTED
    fields = {"measured": _times(gap["measured"]), "total": _times(gap["total"]), "big": big, "levers": levers,
              "pair": R24["pair"].format(fast=fast["label"], slow=slow["label"], tpot=fast["tpot_ms"])}
    return Verdict(label, R24["figure"].format(**fields), R24[label].format(**fields) + R24["untested"], PROXY,
                   _pair_sources(ev, gap))


@rule("C25", reads=("heavy_token_multiple",))
def agents_use_many_tokens(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C25: agents consume many tokens. Supported when every published agent workload uses at least
    `heavy_token_multiple` times the tokens of its chat baseline, partly when some do, contradicted when none
    does. That infrastructure limits agents and that the gap between providers widens are not measured."""
    m = ev.workloads
    if not m:
        return Verdict.not_testable_here(R25["none"])
    heavy = [w for w in m if w["multiple"] >= p["heavy_token_multiple"]]
    lo, hi = m[0], m[-1]
    fields = {"low": lo["multiple"], "low_name": lo["workload"], "high": hi["multiple"], "high_name": hi["workload"],
              "heavy": p["heavy_token_multiple"], "n": _n(len(m), "workload"), "n_all": len(m), "k": len(heavy)}
    fields["span"] = R25["span" if len(m) > 1 else "span_one"].format(**fields)
    label = SUPPORTED if len(heavy) == len(m) else PARTLY if heavy else CONTRADICTED
    return Verdict(label, R25["figure"].format(**fields), R25[label].format(**fields) + R25["untested"], DIRECT,
                   tuple(sorted({w["source_id"] for w in m})))


@rule("C26")
def reorganised_around_infrastructure(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C26: vendors reorganised around infrastructure. Supported when every organisation with dated moves in the
    data reorganised departments, partly when some did; not testable here when none did (a reorganisation
    missing from a curated record is not evidence that none happened)."""
    e = ev.events
    orgs = sorted(e["organisation"].unique())
    moves = e[e["category"] == "organisation"]
    names = sorted(moves["organisation"].unique())
    fields = {"k": len(names), "orgs": _n(len(orgs), "organisation"), "moves": _n(len(e), "dated move"),
              "names": _list(names)}
    figure, sources = R26["figure"].format(**fields), tuple(sorted(set(e["source_id"])))
    if not names:
        return Verdict.not_testable_here(R26["none"].format(**fields), figure, sources)
    label = SUPPORTED if len(names) == len(orgs) else PARTLY
    fields["first"] = f"{moves['date'].min():%d %b %Y}"
    return Verdict(label, figure, R26[label].format(**fields), ANECDOTE if len(names) == 1 else PROXY, sources)


@rule("C27")
def lock_in(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C27: AI infrastructure locks customers in. No public data: churn or migration costs are unpublished."""
    return Verdict.not_testable(*R27)


@rule("C28", reads=("tpot_tolerance", "ascend_usd_per_npu_hour", "hopper_usd_per_gpu_hour", "utilisation"))
def scheduling_decides_domestic_cost(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C28: domestic clusters need deeper optimisation (higher utilisation) to bring cost per token down.
    For each domestic decode figure with a Hopper figure at the same service level and format width (evidence
    by the article): supported when, at the assumed prices, the domestic cluster must run busier than the NVIDIA
    one and can (break-even utilisation above NVIDIA's and at most 100%); partly when it would need more than
    100% (scheduling alone cannot close the gap) or the figures disagree; contradicted when it already matches
    at NVIDIA's utilisation or below. That own chips push cost to the industry's low end is not testable: no
    domestic rental price is published."""
    pairs = matched_domestic(ev, p["tpot_tolerance"])
    if not pairs:
        return Verdict.not_testable_here(R28["none"].format(tol=p["tpot_tolerance"]))
    util, dom_price, ref_price = p["utilisation"], p["ascend_usd_per_npu_hour"], p["hopper_usd_per_gpu_hour"]
    outcomes = []
    for pr in pairs:
        be = util * dom_price / ref_price / pr["ratio"]
        outcomes.append(SUPPORTED if util < be <= 1 else PARTLY if be > 1 else CONTRADICTED)
    first = pairs[0]
    be = util * dom_price / ref_price / first["ratio"]
    dom, ref = ev.rows[first["row"]], ev.rows[first["ref"]]
    label = outcomes[0] if len(set(outcomes)) == 1 else PARTLY
    reason = R28["reason"].format(dom=dom["label"], dom_tpot=dom["tpot_ms"], ratio=first["ratio"], ref=ref["label"],
                                  ref_tpot=ref["tpot_ms"], dom_price=dom_price, ref_price=ref_price, be=be, util=util,
                                  words=R28[outcomes[0]])
    if len(set(outcomes)) > 1:
        reason += R28["disagree"].format(n=len(pairs))
    sources = tuple(sorted({ev.rows[x[k]]["source_id"] for x in pairs for k in ("row", "ref")}))
    return Verdict(label, R28["figure"].format(be=be), reason + R28["untested"], PROXY, sources)


def _pair_sources(ev: Evidence, gap: dict) -> tuple[str, ...]:
    return tuple(sorted({ev.rows[ev.pairs.fast[gap["k"]]]["source_id"],
                         ev.rows[ev.pairs.slow[gap["k"]]]["source_id"]}))


def _months(m: float, horizon: int) -> str:
    return f"all {horizon} months" if m >= horizon else f"{m:,.0f} months"


@rule("C29", reads=("tpot_tolerance", "utilisation_low", "utilisation_high", "cache_hit_low", "cache_hit_high",
                    "input_per_output", "price_to_best_cost", "cash_months", "war_chest_ratio", "fixed_cost_share",
                    "price_decline", "cost_decline", "horizon_months"))
def cost_decides_survival(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C29: cost decides survival. In the attrition model at the central assumptions, with the providers' cost
    gap from the like-for-like evidence widened by the levers, and their war chests as assumed: supported when
    the highest-cost provider runs out of cash and the three run out in order of their costs; partly when the
    lowest-cost one outlasts the highest-cost one but the middle one breaks the order; contradicted when the
    highest-cost provider lasts the whole horizon on its cash, or a lower-cost one runs out no later than it.
    Not testable here when no like-for-like pair sets the cost gap."""
    gap = cost_gap(ev, p)
    if gap is None:
        return Verdict.not_testable_here(R_WAR["none"])
    months, _ = _war(ev, p, gap)
    h = int(p["horizon_months"])
    lo, mid, hi = months
    if hi >= h:
        label, tail = CONTRADICTED, R_WAR["through"]
    elif lo > hi:
        label = SUPPORTED if lo >= mid >= hi else PARTLY
        tail = R_WAR[label]
    else:
        label, tail = CONTRADICTED, R_WAR[CONTRADICTED]
    fields = {"low": _months(lo, h), "mid": _months(mid, h), "high": _months(hi, h), "gap": _times(gap["total"]),
              "chest": p["war_chest_ratio"]}
    reason = R_WAR["c29_head"].format(**fields) + tail + R_WAR["c29_tail"]
    return Verdict(label, R_WAR["c29_figure"].format(**fields), reason, PROXY, _pair_sources(ev, gap))


@rule("C30")
def largest_profit_pool(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C30: infrastructure is the largest profit pool. No public data splits the industry's profits by layer."""
    ds = ev.disclosure
    if "markup" in ds:
        return Verdict.not_testable(R30["markup"].format(markup=ds["markup"]),
                                    R30["markup_figure"].format(markup=ds["markup"]), (ds["source_id"],))
    return Verdict.not_testable(R30["none"], R30["none_figure"])


@rule("C31")
def competitiveness_formula(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C31: competitiveness = completeness x integration x cost efficiency. Its terms have no published measure."""
    return Verdict.not_testable(*R31)


@rule("C32", reads=("tpot_tolerance", "near_share"))
def domestic_chips_catch_up(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C32: domestic chips catch up: near NVIDIA, ten-thousand-card clusters, a cloud-inference chip. The first
    part holds when the best domestic decode figure reaches `near_share` of the best Hopper figure at the same
    service level (by the article; on paper, BF16 against the top Hopper chip, when no serving pair exists); the
    second when a dated cluster of at least 10,000 accelerators is recorded. Supported when both hold, partly
    when one does, contradicted when neither does. The cloud-inference chip (Hanguang) has no data."""
    near = p["near_share"]
    parts, sources = [], set()
    pairs = matched_domestic(ev, p["tpot_tolerance"])
    figure = R32["no_chip_figure"]
    if pairs:
        best = max(pairs, key=lambda x: x["ratio"])
        dom, ref = ev.rows[best["row"]], ev.rows[best["ref"]]
        fields = {"dom": dom["hardware"], "ref": ref["hardware"], "ratio": best["ratio"], "near": near,
                  "side": "at or above" if best["ratio"] >= near else "below"}
        parts.append((best["ratio"] >= near, R32["serving"].format(**fields)))
        sources |= {dom["source_id"], ref["source_id"]}
        figure = R32["serving_figure"].format(**fields)
    elif ev.paper is not None:
        fields = {"dom": ev.paper["chip"], "ref": ev.paper["ref"], "ratio": ev.paper["ratio"], "near": near,
                  "side": "at or above" if ev.paper["ratio"] >= near else "below"}
        parts.append((ev.paper["ratio"] >= near, R32["paper"].format(**fields)))
        figure = R32["paper_figure"].format(**fields)
    if ev.largest_cluster is not None:
        c = ev.largest_cluster
        big = c["accelerators"] >= CLAIMED_CLUSTER
        parts.append((big, R32["cluster"].format(n=int(c["accelerators"]), org=c["organisation"], date=c["date"],
                                                 side="at least" if big else "fewer than", claimed=CLAIMED_CLUSTER)))
        sources.add(c["source_id"])
    if not parts:
        return Verdict.not_testable_here(R32["none"], figure)
    held = [h for h, _ in parts]
    label = SUPPORTED if all(held) else PARTLY if any(held) else CONTRADICTED
    text = "; ".join(t for _, t in parts)
    return Verdict(label, figure, text[0].upper() + text[1:] + R32["untested"], PROXY, tuple(sorted(sources)))


def _paper(ev: Evidence) -> dict | None:
    s = ev.spec.dropna(subset=["bf16_median"]) if "bf16_median" in ev.spec else ev.spec.iloc[0:0]
    dom, nv = s[s["domestic"]], s[~s["domestic"] & (s["hardware_class"] == "hopper")]
    if dom.empty or nv.empty:
        return None
    a, b = dom.sort_values("bf16_median").iloc[-1], nv.sort_values("bf16_median").iloc[-1]
    return {"chip": a["hardware"], "ref": b["hardware"], "ratio": a["bf16_median"] / b["bf16_median"]}


@rule("C33")
def supernodes_2025(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C33: the 2025 supernodes as the article gives them. Partly when a supernode first ships after the
    article's year or its bandwidth multiple rests on a disputed secondary summary; supported when every
    supernode in the data shipped by then with its composition recorded; not testable here when the data hold no
    composition (accelerators and CPUs) or bandwidth figure."""
    sn = ev.supernodes
    if sn.empty or "accelerators" not in sn:
        return Verdict.not_testable_here(R33["no_size"])

    def having(*cols: str) -> pd.DataFrame:
        return sn.dropna(subset=list(cols)) if all(c in sn for c in cols) else sn.iloc[0:0].reindex(columns=list(cols))

    avail, mult, comp = having("first_available_year"), having("interconnect_multiple"), having("cpus", "accelerators")
    late = avail[avail["first_available_year"] > ev.year] if ev.year else avail.iloc[0:0]
    parts = [R33["composition"].format(name=r["supernode"], acc=int(r["accelerators"]), cpus=int(r["cpus"]))
             for _, r in comp.iterrows()]
    parts += [R33["multiple"].format(name=r["supernode"], m=r["interconnect_multiple"]) for _, r in mult.iterrows()]
    if len(late):
        parts.append(R33["late"].format(names=_list(list(late["supernode"])), s="s" if len(late) == 1 else "",
                                        year=int(late["first_available_year"].min())))
    figure = "; ".join(R33["size"].format(name=r["supernode"], n=int(r["accelerators"]))
                       for _, r in sn.dropna(subset=["accelerators"]).iterrows())
    if comp.empty and mult.empty:
        return Verdict.not_testable_here(R33["none"], figure)
    label = PARTLY if len(late) or len(mult) else SUPPORTED
    return Verdict(label, figure, "; ".join(parts) + ".", PROXY, ev.supernode_sources)


@rule("C34")
def platforms_make_compute_usable(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C34: platforms make compute usable. Supported (as an anecdote) when some organisation published results
    of its own platform; the others' platforms have only product names, untestable. Not testable here without
    any platform result."""
    plat = ev.events[ev.events["category"] == "platform"]
    orgs = sorted(plat["organisation"].unique())
    figure = R34["figure"].format(orgs=_n(len(orgs), "organisation"))
    if not orgs:
        return Verdict.not_testable_here(R34["none"], figure)
    return Verdict(SUPPORTED, figure, R34[SUPPORTED].format(names=_list(orgs)), ANECDOTE,
                   tuple(sorted(set(plat["source_id"]))))


@rule("C35", reads=("tpot_tolerance", "utilisation_low", "utilisation_high", "cache_hit_low", "cache_hit_high",
                    "input_per_output", "price_to_best_cost", "cash_months", "war_chest_ratio", "fixed_cost_share",
                    "price_decline", "cost_decline", "horizon_months"))
def thicker_health_bar(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C35: efficient infrastructure is a thicker health bar. In the attrition model at the central assumptions:
    supported when the lowest-cost provider both needs less cash to last the horizon than the highest-cost one
    and, with the war chests as assumed, lasts at least as long; partly when it needs less cash but a larger war
    chest lets the other last longer; not testable here when no provider loses money over the horizon or no
    like-for-like pair sets the cost gap."""
    gap = cost_gap(ev, p)
    if gap is None:
        return Verdict.not_testable_here(R_WAR["none"])
    months, need = _war(ev, p, gap)
    h = int(p["horizon_months"])
    need_lo, need_hi = need[0] / p["price_to_best_cost"], need[2] / p["price_to_best_cost"]
    sources = _pair_sources(ev, gap)
    if need_hi <= 0:
        return Verdict.not_testable_here(R_WAR["c35_none"].format(h=h), R_WAR["c35_none_figure"], sources)
    figure = (R_WAR["c35_figure"].format(ratio=need_hi / need_lo, h=h) if need_lo > 0 else
              R_WAR["c35_figure_zero"].format(need=need_hi, h=h))
    lasts = months[0] >= months[2]
    fields = {"gap": _times(gap["total"]), "need_hi": need_hi, "need_lo": need_lo, "h": h,
              "chest": p["war_chest_ratio"], "high": _months(months[2], h), "low": _months(months[0], h)}
    middle = "c35_first" if lasts and months[2] < h else "c35_both" if lasts else "c35_longer"
    reason = R_WAR["c35_head"].format(**fields) + R_WAR[middle].format(**fields) + R_WAR["c35_tail"]
    return Verdict(SUPPORTED if lasts else PARTLY, figure, reason, PROXY, sources)


@rule("C37")
def strong_get_stronger(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C37: the cheapest and most reliable provider gathers the most users. No public data pairs unit costs
    and reliability with user shares (the attrition model's volume options can explore the mechanism)."""
    return Verdict.not_testable(*R37)


RULES = rules_of(sys.modules[__name__])


# ============================================================================================================
# The chapter's figures, sentences and chart frames
# ============================================================================================================

def analyse(tables: Mapping[str, pd.DataFrame], params: Mapping[str, Any],
            evidence: Evidence | None = None) -> ChapterResult:
    """Every figure, sentence, chart frame and verdict of the chapter, from the tables and the parameters."""
    p = params
    for names in (("price_to_best_cost_low", "price_to_best_cost", "price_to_best_cost_high"),
                  ("cash_months_low", "cash_months", "cash_months_high"),
                  ("price_decline_low", "price_decline", "price_decline_high"),
                  ("cost_decline_low", "cost_decline", "cost_decline_high"),
                  ("utilisation_low", "utilisation_high"), ("cache_hit_low", "cache_hit_high")):
        _check_order(p, *names)
    ev = evidence if evidence is not None else prepare(tables)
    res = ChapterResult()
    _disclosure_section(ev, p, tables, res)
    _serving_section(ev, p, res)
    _domestic_section(ev, p, tables, res)
    _supernode_section(ev, p, res)
    _agents_section(ev, p, res)
    _war_section(ev, p, res)
    _events_section(ev, res)
    res.frames["rentals"] = tables["infra_rental_prices"]
    res.verdicts = {claim: r(ev, p) for claim, r in RULES.items()}
    res.values = {k: (float(x) if isinstance(x, (np.floating, np.integer)) else x) for k, x in res.values.items()}
    bad = [k for k, x in res.values.items() if isinstance(x, float) and not math.isfinite(x)]
    if bad:
        raise AssertionError(f"{CHAPTER}: values {bad} are not finite")   # a bug: every value must be a number
    return res


def _disclosure_section(ev: Evidence, p: Mapping[str, Any], tables: Mapping[str, pd.DataFrame],
                        res: ChapterResult) -> None:
    ds, v = ev.disclosure, res.values
    rentals = tables["infra_rental_prices"]
    lo = float(rentals["usd_per_gpu_hour_low"].min())
    hi = float(max(rentals["usd_per_gpu_hour_high"].max(), ds.get("d", {}).get("usd_per_gpu_hour", 0)))
    v.update(rental_low=lo, rental_high=hi, paid_token_share=p["paid_token_share"])
    if not ds or "missing" in ds:
        v["ds_intro"] = (TXT_DS_NONE if not ds else
                         TXT_DS_INTRO_SHORT.format(when=ds["disclosed"], provider=ds["provider"]))
        v["ds_text"] = TXT_NO_DISCLOSURE.format(missing=_list(ds.get("missing", ["every figure"])))
        v["ds_caveat_text"] = v["margin_text"] = TXT_NO_MARGIN
        v["ex_reproduce_text"] = TXT_EX_REPRODUCE_NONE
        res.frames["repro"] = pd.DataFrame(columns=["figure", "published", "recomputed", "how"])
        return
    d = ds["d"]
    v["ds_intro"] = TXT_DS_INTRO.format(when=ds["disclosed"], provider=ds["provider"])
    if ds["providers"] > 1:
        v["ds_intro"] += TXT_DS_PROVIDERS.format(n=ds["providers"])
    against = (f" against the published {d['daily_cost']:,.0f} (a difference of {ds['cost'] - d['daily_cost']:,.0f} "
               "dollars)" if "daily_cost" in d else "")
    text = TXT_DS_COST.format(cost=ds["cost"], against=against, provider=ds["provider"], nodes=d["average_nodes"],
                              price=d["usd_per_gpu_hour"])
    pub = d.get("theoretical_revenue")
    if pub is not None and "rev_low" in ds:
        rounding = d["token_rounding"]
        text += TXT_DS_REVENUE_ROUNDED.format(
            rounding=f"{rounding / 1e9:,.0f} billion" if rounding >= 1e9 else f"{rounding:,.0f} tokens",
            revenue=ds["revenue"], gap=ds["revenue"] - pub, published=pub, low=ds["rev_low"], high=ds["rev_high"],
            contains="contains" if ds["rev_low"] <= pub <= ds["rev_high"] else "does not contain")
    else:
        text += TXT_DS_REVENUE.format(revenue=ds["revenue"], against=f" against the published {pub:,.0f}"
                                      if pub is not None else "")
    if "markup" in ds and "cost_profit_margin" in d:
        same = round(ds["markup"], 2) == round(d["cost_profit_margin"], 2)
        text += TXT_DS_MARKUP.format(markup=ds["markup"], rounds="which rounds to" if same else "against",
                                     published=d["cost_profit_margin"], recomputed=ds["markup_recomputed"])
    if "nodes_implied" in ds:
        ratio = ds["nodes_implied"] / d["average_nodes"]
        fit = TXT_FIT["same" if abs(ratio - 1) <= NODES_TOLERANCE else "more" if ratio > 1 else "less"]
        text += TXT_DS_NODES.format(fit=fit, implied=ds["nodes_implied"], nodes=d["average_nodes"])
    v["ds_text"] = text
    caveat = TXT_DS_CAVEATS.format(gm=ds.get("gross_margin", 0.0), caveats=ds["caveats"].rstrip(".") + ".") \
        if "gross_margin" in ds else TXT_DS_CAVEATS_ONLY.format(caveats=ds["caveats"].rstrip("."))
    if "occupancy" in ds:
        caveat += TXT_DS_OCCUPANCY.format(nodes=d["average_nodes"], occupancy=ds["occupancy"], peak=d["peak_nodes"])
    if "per_m_output" in ds:
        caveat += TXT_DS_PER_OUTPUT.format(per_m=ds["per_m_output"])
    revenue = pub if pub is not None else ds["revenue"]
    paid = p["paid_token_share"]
    if ds["cost"] > 0:
        billed_markup = revenue * paid / ds["cost"] - 1
        caveat += TXT_DS_PAID.format(paid=paid, billed=revenue * paid, words=_markup_words(billed_markup))
        v["ds_billed_markup"] = billed_markup
    v["ds_caveat_text"] = caveat
    v["ex_reproduce_text"] = TXT_EX_REPRODUCE.format(
        nodes=d["average_nodes"], gpus=d["gpus_per_node"], hours=d["hours"], price=d["usd_per_gpu_hour"],
        against=TXT_EX_AGAINST.format(cost=d["daily_cost"]) if "daily_cost" in d else "",
        revenue=(TXT_EX_REVENUE.format(revenue=pub) if pub is not None else
                 TXT_EX_REVENUE_TOKENS.format(revenue=ds["revenue"])),
        occupancy=(TXT_EX_OCCUPANCY.format(occupancy=ds["occupancy"], peak=d["peak_nodes"]) if "occupancy" in ds
                   else TXT_EX_NO_PEAK))
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
        v["margin_text"] = TXT_MARGIN.format(low=lo, high=hi, full=_breakeven_words(be_full), paid=paid,
                                             part=_breakeven_words(be_part),
                                             provider=ds["provider"], own=own, own_part=_breakeven_words(be_own))
        res.titles["margin"] = TXT_MARGIN_TITLE.format(high=hi, full=_breakeven_words(be_full),
                                                       part=_breakeven_words(be_part), paid=paid)
        grid = pd.DataFrame({"utilisation": np.round(np.arange(0.2, 1.0001, 0.02), 2)})
        res.frames["margin"] = grid.assign(revenue=float(revenue), cost_ref=ds["cost"], source_id=ds["source_id"])
        v.update(margin_price_ref=float(own), ds_occupancy_line=float(ds.get("occupancy", 1.0)))
    else:
        v["margin_text"] = TXT_ZERO_MARGIN


def _serving_section(ev: Evidence, p: Mapping[str, Any], res: ChapterResult) -> None:
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
             n_decode=len(decode), run_models=_list(sorted(r["model"].unique())))
    spread_all = None
    if len(decode) >= 2:
        cheap, dear = decode.loc[decode["cost_per_m"].idxmin()], decode.loc[decode["cost_per_m"].idxmax()]
        spread_all = float(uc.spread(decode["cost_per_m"]))
        hop = decode[decode["hardware_class"] == "hopper"]
        hopper_part = (TXT_SERVING_HOPPER.format(spread=_times(uc.spread(hop["cost_per_m"])))
                       if len(hop) >= 2 else "")
        v["serving_text"] = TXT_SERVING.format(
            hopper=p["hopper_usd_per_gpu_hour"], blackwell=p["blackwell_usd_per_gpu_hour"],
            ascend=p["ascend_usd_per_npu_hour"], util=p["utilisation"], n_decode=f"{len(decode):,}",
            cheap=cheap["cost_per_m"], cheap_label=cheap["label"], dear=dear["cost_per_m"], dear_label=dear["label"],
            dear_conditions=dear["conditions"], spread=_times(spread_all), hopper_part=hopper_part,
            dear_setting=dear["setting"], dear_when="" if dear["evidence"] == BY else f" ({dear['evidence']})")
        v.update(spread_all=spread_all, cheapest_cost=float(cheap["cost_per_m"]),
                 dearest_cost=float(dear["cost_per_m"]))
    else:
        v["serving_text"] = TXT_SERVING_ONE.format(n_decode="one priced decode figure" if len(decode) == 1 else
                                                   "no priced decode figure")
    gap = cost_gap(ev, p)
    tol = p["tpot_tolerance"]
    n_pairs = int((ev.pairs.gap <= tol).sum())
    if gap is not None:
        fast, slow = ev.runs.iloc[ev.pairs.fast[gap["k"]]], ev.runs.iloc[ev.pairs.slow[gap["k"]]]
        like = TXT_LIKE.format(tol=tol, ratio=_times(gap["measured"]),
                               best=f"{fast['label']} at {fast['tps_acc']:,.0f} tokens/s per accelerator and "
                                    f"{fast['tpot_ms']:g} ms per output token",
                               worst=f"{slow['label']} at {slow['tps_acc']:,.0f} and {slow['tpot_ms']:g} ms",
                               pairs=_n(n_pairs, "comparable pair"))
        v.update(like_spread=gap["measured"], lever_gap=gap["total"], lever_util=gap["util"], lever_cache=gap["cache"])
        ds = ev.disclosure
        anchor = (TXT_LEVERS_ANCHOR.format(provider=ds["provider"], hits=ds["hits_share"], occ=ds["occupancy"])
                  if ds.get("hits_share") is not None and "occupancy" in ds else "")
        if gap["weight"] is not None:
            v["levers_text"] = TXT_LEVERS.format(uh=p["utilisation_high"], hh=p["cache_hit_high"],
                                                 ul=p["utilisation_low"], hl=p["cache_hit_low"],
                                                 ipo=p["input_per_output"], gap=_times(gap["total"]),
                                                 levers=_times(gap["util"] * gap["cache"]), anchor=anchor)
        else:
            v["levers_text"] = TXT_LEVERS_NO_CACHE.format(uh=p["utilisation_high"], ul=p["utilisation_low"],
                                                          gap=_times(gap["total"]))
        like_title = TXT_LIKE_TITLE.format(ratio=_times(gap["measured"]))
    else:
        like = TXT_LIKE_NONE.format(tol=tol)
        v["levers_text"] = TXT_LEVERS_NONE
        like_title = TXT_LIKE_TITLE_NONE
    later, undated = int((r["evidence"] == AFTER).sum()), int((r["evidence"] == UNDATED).sum())
    v["like_text"] = like + (TXT_LATER.format(later=later, undated=undated, n=len(r)) if later or undated else "")
    v.update(n_after_article=later, n_undated=undated)
    if spread_all is not None:
        res.titles["stack"] = TXT_STACK_TITLE.format(spread=_times(spread_all), like=like_title)
    published = priced[priced["published_usd_per_m"].notna()].copy()
    published["implied_usd_per_hour"] = published["published_usd_per_m"] * published["tps_acc"] * 3600 / 1e6
    stated = published["published_usd_per_gpu_hour"]
    published["model_at_stated_price"] = np.where(
        stated.notna(), uc.cost_per_million_tokens(stated.fillna(1.0), published["tps_acc"]), np.nan)
    res.frames["published"] = published[["label", "operator", "tps_acc", "published_usd_per_m",
                                         "published_usd_per_gpu_hour", "model_at_stated_price",
                                         "implied_usd_per_hour"]].rename(columns=PUBLISHED_COLUMNS)
    v["published_text"] = TXT_PUBLISHED.format(n=f"{len(published):,}", s="" if len(published) == 1 else "s")


def _domestic_section(ev: Evidence, p: Mapping[str, Any], tables: Mapping[str, pd.DataFrame],
                      res: ChapterResult) -> None:
    v, r = res.values, ev.runs
    paper = _paper(ev)
    s = ev.spec
    if paper is not None:
        dom = s[s["hardware"] == paper["chip"]].iloc[0]
        nv = s[~s["domestic"]].dropna(subset=["bf16_median"]).sort_values("bf16_median").iloc[-1]
        srcs = (TXT_ONE_SOURCE if dom["n_sources"] == 1 else
                TXT_SOURCES.format(n=int(dom["n_sources"]), low=dom["bf16_min"], high=dom["bf16_max"]))
        fp16 = dom.get("fp16_only")
        fp16_note = TXT_SPEC_FP16.format(fp16=fp16) if isinstance(fp16, float) and math.isfinite(fp16) else ""
        v["spec_text"] = TXT_SPEC.format(chip=paper["chip"], bf16=dom["bf16_median"], sources=srcs,
                                         vs_ref=paper["ratio"], ref=paper["ref"],
                                         vs_top=dom["bf16_median"] / nv["bf16_median"], top=nv["hardware"],
                                         fp16=fp16_note)
        v.update(dom_chip=paper["chip"], dom_bf16=float(dom["bf16_median"]), dom_vs_hopper=float(paper["ratio"]),
                 hopper_chip=paper["ref"], top_chip=nv["hardware"])
    else:
        missing = ("domestic chip" if s[s["domestic"]].dropna(subset=["bf16_median"]).empty
                   else "NVIDIA Hopper chip") if "bf16_median" in s else "chip"
        v["spec_text"] = TXT_SPEC_NONE.format(missing=missing)
    pairs = matched_domestic(ev, p["tpot_tolerance"])
    util, dprice, rprice = p["utilisation"], p["ascend_usd_per_npu_hour"], p["hopper_usd_per_gpu_hour"]
    curves = []
    if pairs:
        best = pairs[0]
        dom, ref = r.iloc[best["row"]], r.iloc[best["ref"]]
        be = float(uc.breakeven_utilisation(dprice, dom["tps_acc"], rprice, ref["tps_acc"], util))
        be_price = rprice * best["ratio"]
        pre = ev.domestic_prefill
        prefill = (TXT_DOMESTIC_PREFILL.format(ratio=pre["ratio"], dom=r.at[pre["row"], "label"],
                                               ref=r.at[pre["ref"], "label"]) if pre else "")
        formats = ("" if dom["precision"] == ref["precision"] else
                   f"; both {int(dom['bits'])}-bit formats, {dom['precision']} against {ref['precision']}")
        compare = TXT_COMPARE["busier" if be > util else "no busier"] + (TXT_COMPARE["beyond"] if be > 1 else "")
        v["domestic_text"] = TXT_DOMESTIC.format(
            dom=dom["label"], dom_tps=dom["tps_acc"], dom_tpot=dom["tpot_ms"], dom_prec=dom["precision"],
            ratio=best["ratio"], ref=ref["label"], ref_tps=ref["tps_acc"], ref_tpot=ref["tpot_ms"],
            ref_prec=ref["precision"], formats=formats, prefill=prefill, util=util, be=be, compare=compare,
            be_price=be_price)
        v.update(decode_ratio=float(best["ratio"]), decode_breakeven_util=be, decode_breakeven_price=float(be_price),
                 decode_ref_hardware=ref["hardware"], decode_dom_label=dom["label"], decode_ref_label=ref["label"])
        res.titles["breakeven"] = TXT_BE_TITLE.format(price=be_price)
        for x in pairs:
            a, b = r.iloc[x["row"]], r.iloc[x["ref"]]
            curves.append({"phase": "decode", "domestic_tps": a["tps_acc"], "reference_tps": b["tps_acc"],
                           "label": f"decode at {a['tpot_ms']:g} ms: {a['label']} vs {b['label']}",
                           "source_id": a["source_id"]})
        if pre:
            curves.append({"phase": "prefill", "domestic_tps": r.at[pre["row"], "tps_acc"],
                           "reference_tps": r.at[pre["ref"], "tps_acc"], "source_id": r.at[pre["row"], "source_id"],
                           "label": f"prefill: {r.at[pre['row'], 'label']} vs {r.at[pre['ref'], 'label']}"})
        v["ex_domestic_text"] = TXT_EX_DOMESTIC.format(dom=dom["hardware"], be=be, ref=ref["hardware"], util=util,
                                                       tpot=dom["tpot_ms"])
    else:
        v["domestic_text"] = TXT_DOMESTIC_NONE
        v["ex_domestic_text"] = TXT_EX_DOMESTIC_NONE
    used = {(x["row"], x["ref"]) for x in pairs}
    later = [x for x in matched_domestic(ev, p["tpot_tolerance"], by_article=False) if (x["row"], x["ref"]) not in used]
    if later:
        v["domestic_text"] += TXT_DOMESTIC_LATER.format(pairs="; ".join(
            f"{r.at[x['row'], 'label']} at {r.at[x['row'], 'tpot_ms']:g} ms reaches {_of(x['ratio'])} "
            f"{r.at[x['ref'], 'label']} at {r.at[x['ref'], 'tpot_ms']:g} ms ({r.at[x['ref'], 'evidence']})"
            for x in later))
    grid = np.round(np.arange(0.5, max(v["rental_high"], dprice, 1.0) + 0.001, 0.05), 2)
    res.frames["breakeven"] = pd.DataFrame([{**c, "price": pr} for c in curves for pr in grid])
    dom_prices = tables["infra_rental_prices"]
    dom_prices = dom_prices[dom_prices["hardware_class"] == "ascend"]
    v["domestic_rental_note"] = (TXT_RENTAL_NONE if dom_prices.empty else TXT_RENTAL.format(
        low=dom_prices["usd_per_gpu_hour_low"].min(), high=dom_prices["usd_per_gpu_hour_high"].max()))


def _supernode_section(ev: Evidence, p: Mapping[str, Any], res: ChapterResult) -> None:
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
        v["sn_text"] = TXT_SN_NONE
        v["ex_supernode_text"] = TXT_EX_SUPERNODE_NONE
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
    text = TXT_SN.format(dom=a["supernode"], nv=b["supernode"], compute=a["bf16_dense_pflops"] / b["bf16_dense_pflops"],
                         more="many more, weaker" if more > 1 else "fewer", power=a["power_kw"] / b["power_kw"],
                         per_flop=kw_pf[0] / kw_pf[1])
    v["ex_supernode_text"] = TXT_EX_SUPERNODE.format(dom=a["supernode"], nv=b["supernode"])
    v.update(sn_dom=a["supernode"], sn_nv=b["supernode"], sn_compute_ratio=float(a["bf16_dense_pflops"]
                                                                                  / b["bf16_dense_pflops"]),
             sn_power_ratio=float(a["power_kw"] / b["power_kw"]), sn_w_per_flop_ratio=float(kw_pf[0] / kw_pf[1]),
             usd_per_kwh=p["usd_per_kwh"], pue=p["pue"])
    # Electricity per output token, from each system's best benchmark decode figure by the article.
    bench = r[r["priced"] & (r["phase"] == "decode") & (r["kind"] == "benchmark") & (r["evidence"] == BY)]
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
        text += TXT_SN_ENERGY.format(kwh=p["usd_per_kwh"], pue=p["pue"],
                                     year=a["power_kw"] * p["pue"] * p["usd_per_kwh"] * 8760 / 1e6, kw_dom=kw[0],
                                     tps_dom=ta, util=p["utilisation"], e_dom=e_a, share=share, e_nv=e_b,
                                     nv=b["supernode"], kw_nv=kw[1], tps_nv=tb,
                                     matters="less" if share < 0.5 else "more")
        v.update(energy_share_dom=share, energy_dom=e_a, energy_nv=e_b)
    v["sn_text"] = text


def _agents_section(ev: Evidence, p: Mapping[str, Any], res: ChapterResult) -> None:
    v, m = res.values, ev.multiples
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
    gap = cost_gap(ev, p)
    if gap is not None:
        fast, slow = ev.runs.iloc[ev.pairs.fast[gap["k"]]], ev.runs.iloc[ev.pairs.slow[gap["k"]]]
        price = {"hopper": p["hopper_usd_per_gpu_hour"], "blackwell": p["blackwell_usd_per_gpu_hour"],
                 "ascend": p["ascend_usd_per_npu_hour"]}.get(fast["hardware_class"], p["hopper_usd_per_gpu_hour"])
        c_fast, c_slow = (float(uc.cost_per_million_tokens(price, x["tps_acc"], p["utilisation"]))
                          for x in (fast, slow))
        gap_text = TXT_AGENTS_GAP.format(gap=c_slow - c_fast, gap_agents=(c_slow - c_fast) * demand)
        v.update(cost_gap=c_slow - c_fast, cost_gap_agents=(c_slow - c_fast) * demand)
    v["agents_text"] = TXT_AGENTS.format(
        single_a=_a(single["workload"]), single=single["workload"], m_single=single["multiple"],
        multi_part=(f" and {_a(multi['workload'])} at about {multi['multiple']:,.0f} times"
                    if multi is not None else ""),
        top_part=(f"; for {top['workload']} the published figure reaches {top['multiple_high']:,.0f} times"
                  if len(m) > 2 else ""), share=p["agent_share"],
        multi_share=(f" and {p['multi_agent_share']:.0%} {multi['workload']} sessions" if multi is not None else ""),
        demand=demand, gap=gap_text)
    v.update(demand=demand, single_multiple=float(single["multiple"]), max_multiple=float(top["multiple_high"]))
    grid = np.round(np.arange(0, 1.0001, 0.05), 2)
    res.frames["agents"] = pd.DataFrame([{"share": s, "workload": w["workload"], "multiple": w["multiple"],
                                          "tokens": float(agents.demand_multiplier(s, w["multiple"])),
                                          "source_id": w["source_id"]} for _, w in m.iterrows() for s in grid])
    res.titles["agents"] = TXT_AGENT_TITLE.format(top=top["workload"], m=top["multiple_high"])


def _war_section(ev: Evidence, p: Mapping[str, Any], res: ChapterResult) -> None:
    """The Monte Carlo on the page: uncertain inputs drawn from triangular distributions (low, central, high)."""
    v = res.values
    h, n = int(p["horizon_months"]), int(p["n_draws"])
    v.update(horizon_months=h, n_draws=n, war_chest_ratio=p["war_chest_ratio"])
    gap = cost_gap(ev, p)
    if gap is None:
        v["war_setup_text"], v["war_text"] = TXT_WAR_NONE, ""
        res.frames["war"] = pd.DataFrame()
        return
    g, chest = gap["total"], p["war_chest_ratio"]
    v["war_setup_text"] = TXT_WAR_SETUP.format(measured=_times(gap["measured"]), gap=_times(g), chest=chest,
                                               chest_word=TXT_CHEST["same" if chest == 1 else
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
    rows = []
    for i, name in enumerate(names):
        q10, q50, q90 = att.quantiles(survival[:, i])
        n10, n50, n90 = att.quantiles(needed[:, i])
        rows.append({"provider": name, "unit cost (lowest = 1)": float(base[i]), "survival, 10th pct (months)": q10,
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
        extra = TXT_WAR_EXTRA.format(share=mid_fails.mean(), p10=e10, p50=e50, p90=e90)
    never_shorter = float((survival[:, 0] >= survival[:, 1] - 1e-9).mean())
    bar = [(TXT_BAR["none"] if need_med[i] <= 0 else
            TXT_BAR["times"].format(x=need_med[i] / need_med[0]) if need_med[0] > 0 else TXT_BAR["lowest none"])
           for i in (1, 2)]
    v["war_text"] = TXT_WAR.format(
        horizon=h, low=solv[0], mid=solv[1], high=solv[2], high_p10=summary.iloc[2]["survival, 10th pct (months)"],
        low_p10=summary.iloc[0]["survival, 10th pct (months)"], extra=extra, need_low=need_med[0],
        need_mid=need_med[1], need_high=need_med[2], bar_mid=bar[0], bar_high=bar[1],
        order=TXT_WAR_ORDER_ALL if never_shorter == 1 else TXT_WAR_ORDER.format(share=never_shorter))
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
    res.titles["survival"] = TXT_WAR_TITLE.format(low=solv[0], high=solv[2], horizon=h)


def _events_section(ev: Evidence, res: ChapterResult) -> None:
    e, v = ev.events, res.values
    orgs = sorted(e["organisation"].unique())
    moves = e[e["category"] == "organisation"]
    re = sorted(moves["organisation"].unique())
    first, last = f"{e['date'].min():%d %b %Y}", f"{e['date'].max():%d %b %Y}"
    v["events_text"] = TXT_EVENTS.format(when=f"Between {first} and {last}" if first != last else f"On {first}",
                                         n_events=_n(len(e), "dated move"), n_orgs=_n(len(orgs), "organisation"),
                                         restructured=_restructured_sentence(len(moves), re, len(orgs), len(e)))
    v["events_span"] = f"from {e['date'].min():%b %Y} to {e['date'].max():%b %Y}" if first != last else f"on {first}"
    res.titles["events"] = TXT_EVENTS_TITLE.format(orgs=_n(len(orgs), "organisation"), n_re=len(re))
    res.frames["events"] = e.assign(day=e["date"].dt.strftime("%d %b %Y"))
