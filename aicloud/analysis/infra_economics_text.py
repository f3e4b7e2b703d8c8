"""Every reader-facing sentence of the infrastructure-economics chapter: verdict reasons and figures, paragraphs,
chart titles and exercise statements, as templates with named fields and small word helpers. The rules
(`aicloud.analysis.infra_economics`) and the page (`infra_economics_page`) fill them from the same numbers as the
figures, so wording follows the numbers. A Chinese edition needs a counterpart for each template here.
"""

from __future__ import annotations

from aicloud.verdicts import CONTRADICTED, NOT_TESTABLE, PARTLY, SUPPORTED


def count(count: int, one: str, many: str | None = None) -> str:
    """'1 source', '3 sources': a count with the noun that fits it."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def listing(names: list[str]) -> str:
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else "none"


def times(x: float) -> str:
    """A ratio as 'N times', with enough digits to tell 1.3 from 1."""
    return f"{x:,.0f}" if x >= 10 else f"{x:,.1f}" if x >= 2 else f"{x:,.2f}"


def a_or_an(noun: str) -> str:
    """'a single agent', 'an assistant agent': the indefinite article a noun phrase takes (by its first letter)."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def of(ratio: float) -> str:
    """'84% of' or '7.4 times': a throughput ratio in words that fit its size."""
    return f"{ratio:.0%} of" if ratio < 1 else f"{times(ratio)} times"


def markup_words(markup: float) -> str:
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
               "USD {billed:,.0f}, {words}. That share is derived in the price-war chapter from one cloud's external "
               "calls against its all-channel volume; applying it to {provider}, whose mix of paid "
               "API, free app and free web use differs and is not published, is a further assumption.")
TXT_MARGIN = ("The slider spans the published rental prices, from USD {low:,.2f} to {high:,.2f} per GPU-hour. At "
              "the top of that range the theoretical revenue {full} if every token is billed; if {paid:.0%} of the "
              "tokens are billed, {part}. At {provider}'s own USD {own:,.2f} with {paid:.0%} of the tokens billed, "
              "{own_part}.")
TXT_MARGIN_ONE = ("The published rental prices all stand at USD {low:,.2f} per GPU-hour. At that price the theoretical "
                  "revenue {full} if every token is billed; if {paid:.0%} of the tokens are billed, {part}. At "
                  "{provider}'s own USD {own:,.2f} with {paid:.0%} of the tokens billed, {own_part}.")
TXT_MARGIN_TITLE = "At USD {high:,.2f} an hour revenue {full} if every token is billed; if {paid:.0%} are, {part}"


def covers(util: float) -> str:
    """From the break-even utilisation (above 100%: never; the phrase must not read as 'even at zero
    utilisation'): 'covers the cost only above 95% utilisation' or 'never covers the cost, even at 100% utilisation'."""
    return ("never covers the cost, even at 100% utilisation" if util > 1 else
            f"covers the cost only above {util:.0%} utilisation")


def covers_it(util: float) -> str:
    """The same clause for a sentence whose subject is already 'revenue': 'it never does, even at 100%
    utilisation' or 'it covers the cost only above 60% utilisation'."""
    return ("it never does, even at 100% utilisation" if util > 1 else
            f"it covers the cost only above {util:.0%} utilisation")


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
                        "is {ratio:.0%} of the best Hopper one ({dom} against {ref}; conditions: {conditions}).")
TXT_DOMESTIC_PREFILL_LOW = (" The same setup under other conditions ({conditions}) reaches {ratio:.0%}: the best "
                            "figure holds only under its own.")
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
TXT_AGENTS_TOP = "; for {top} the published figure reaches {m:,.0f} times{when}"
TXT_AGENTS_WHEN = {"after the article": " (published after the article)", "undated": " (undated)"}
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
TXT_WAR = ("Over the Monte Carlo draws (the table's other columns), after {horizon} months of falling prices "
           "{low:.0%} of the draws leave the lowest-cost provider solvent, against {mid:.0%} for the middle one and "
           "{high:.0%} for the highest-cost one; {worst}{extra} The health bar can also be read in money: to get "
           "through the whole horizon, the lowest-cost provider needs a median cash reserve worth {need_low:,.1f} "
           "months of revenue, "
           "the middle one {need_mid:,.1f} ({bar_mid}) and the highest-cost one {need_high:,.1f} ({bar_high}). "
           "{order}")
TXT_WAR_WORST = ("in the worst tenth of draws the highest-cost provider is out of cash within {high_p10:,.0f} months, "
                 "the lowest-cost one within {low_p10:,.0f}.")
TXT_WAR_WORST_HIGH = ("in the worst tenth of draws the highest-cost provider is out of cash within {high_p10:,.0f} "
                      "months, while the lowest-cost one still lasts all {horizon}.")
TXT_WAR_WORST_LOW = ("in the worst tenth of draws the lowest-cost provider is out of cash within {low_p10:,.0f} "
                     "months, while the highest-cost one still lasts all {horizon}.")
TXT_WAR_WORST_ALL = "even in the worst tenth of draws every provider lasts all {horizon} months."
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


def restructured_sentence(moves: int, names: list[str], n_orgs: int, n_events: int) -> str:
    if not moves:
        return ("No move is a reorganisation of departments around AI infrastructure; "
                + ("it is an investment pledge, a chip, a supernode or a published platform result." if n_events == 1
                   else "they are investment pledges, chips, supernodes or published platform results."))
    if len(names) == n_orgs:
        return f"Every organisation in the data reorganised departments around AI infrastructure ({listing(names)})."
    verb = "is a reorganisation" if moves == 1 else "are reorganisations"
    return (f"Only {moves:,} of them, by {listing(names)}, {verb} of departments around AI infrastructure; the others "
            "are investment pledges, chips, supernodes and published platform results.")


# --- verdict reasons and figures, by claim (the rules fill them in) ---------------------------------------------------
LABEL = {x: x for x in (SUPPORTED, PARTLY, CONTRADICTED)}   # a verdict named inside a sentence
R24 = {
    "none": ("No two published decode figures from different teams are comparable like with like in this data (same "
             "hardware generation, number-format width and kind of measurement, times per output token within "
             "{tol:.0%}, published by the article's year), so no like-for-like cost gap can be computed."),
    "figure": "{measured}x like for like (levers, assumed: {total}x)",
    "pair": "{fast} against {slow} at about {tpot:g} ms per output token",
    "levers": "utilisation of {uh:.0%} against {ul:.0%}",
    "cache": " and cache hits of {hh:.0%} against {hl:.0%}",
    SUPPORTED: ("Compared like with like, two teams' published setups differ {measured}x in cost per output token "
                "({pair}), at or above the {big:.1f}x threshold."),
    NOT_TESTABLE: ("Compared like with like, the published setups differ only {measured}x ({pair}), below the "
                   "{big:.1f}x threshold. But like-for-like figures come only from {n_teams} that publish tuned "
                   "stacks ({teams}); the vendors whose costs would make the spread large publish none, so the "
                   "published evidence cannot measure the spread among vendors: not testable with public data."),
    "illustration": (" As an illustration only (assumed, not measured), the levers the benchmarks leave out "
                     "({levers}) would make the gap {total}x."),
    "untested": " That DeepSeek moved attention to inference is not tested.",
}
R_GRADED = " More of the claim's parts are untested than hold, so it is partly supported (see the criteria)."
R25 = {
    "none": "The data hold no published agent token multiple dated by the article.",
    "figure": "{low:,.0f}x to {high:,.0f}x chat tokens",
    "figure_one": "{low:,.0f}x chat tokens",
    "span": "from about {low:,.0f}x ({low_name}) to {high:,.0f}x ({high_name})",
    "span_one": "about {low:,.0f}x ({low_name})",
    SUPPORTED: ("Every agent workload with a multiple published by the article ({n}) uses at least {heavy:g}x the "
                "tokens of its chat baseline, {span}, so agents are heavy token users."),
    PARTLY: ("{k} of {n_all} agent workloads with a multiple published by the article use at least {heavy:g}x the "
             "tokens of chat; {low_name} uses about {low:,.0f}x."),
    CONTRADICTED: ("No agent workload with a multiple published by the article reaches {heavy:g}x the tokens of chat "
                   "(the most is {high:,.0f}x, {high_name})."),
    "bar_below": (" The {heavy:g}x bar for a heavy user is an assumption: the verdict holds for any bar up to the "
                  "lightest workload's {low:,.0f}x and becomes {above} above it."),
    "bar_part": (" The {heavy:g}x bar for a heavy user is an assumption: every workload clears it at any bar up to "
                 "the lightest workload's {low:,.0f}x."),
    "bar_above": (" The {heavy:g}x bar for a heavy user is an assumption: at a bar of {low:,.0f}x or less every "
                  "workload would count."),
    "later": " Published after the article or undated, shown but not used: {names}.",
    "later_item": "{name} ({m:,.0f}x)",
    "other": " Not agent workloads, shown for comparison only: {names}.",
    "untested": (" That infrastructure decides what agents can do, and that the gap between large and small "
                 "providers widens, are not measured in public data (the chapter only shows the absolute cost gap "
                 "growing with tokens)."),
}
R26 = {
    "figure": "{k} of the article's {n} dated moves found",
    "move": "{org}, {date}: {event}",
    "none": ("The data record {moves} by {orgs}, none of them by an organisation whose move the article names "
             "(in the form it names), so the claim cannot be checked with this data."),
    SUPPORTED: "Every move the article names is in the data, dated: {found}.",
    PARTLY: ("{k} of the {n} moves the article names are in the data, dated ({found}); none of the kind the "
             "article names is recorded for {missing}."),
    "missing_item": "{org} ({kind})",
}
R26_KIND = {"investment": "an infrastructure investment", "platform": "a platform", "architecture": "an architecture",
            "organisation": "a reorganisation"}
R28 = {
    "none": ("The data hold no domestic decode figure that can be set against a Hopper figure at the same service "
             "level (times per output token within {tol:.0%}) and number-format width, published by the article's "
             "year, and no domestic figure published under two settings."),
    "no_pair": ("No domestic decode figure can be set against a Hopper figure at the same service level (within "
                "{tol:.0%}) by the article's year, and no domestic rental price is published, so whether domestic "
                "clusters must be kept busier to match NVIDIA cannot be tested."),
    "opt_figure": "{ratio}x from optimising one domestic setup",
    "price_figure": "matches NVIDIA at equal utilisation up to USD {be_price:,.2f} an hour; no published price",
    "figure": "break-even utilisation {be_low:.0%} to {be_high:.0%} at published domestic prices",
    "reason": ("The best published domestic decode figure ({dom}, {dom_tpot:g} ms per output token) is {ratio:.0%} of "
               "the best Hopper figure at the same service level ({ref}, {ref_tpot:g} ms): at USD {ref_price:,.2f} "
               "per NVIDIA GPU-hour a domestic cluster matches NVIDIA's cost per token at equal utilisation only if "
               "an accelerator-hour costs at most USD {be_price:,.2f}, and must run busier if it costs more."),
    "untestable": (" No rental price or unit cost of a domestic accelerator is published, so whether domestic "
                   "clusters must be kept busier than NVIDIA's (the claim) turns on a price nobody has published: "
                   "not testable with public data."),
    "priced": (" At the published domestic prices (USD {low:,.2f} to {high:,.2f} an hour) and an NVIDIA cluster at "
               "{util:.0%}, it needs {be_low:.0%} to {be_high:.0%} utilisation, "),
    SUPPORTED: ("so it must be kept busier than the NVIDIA cluster, and can be: how well it is scheduled decides its "
                "cost"),
    PARTLY: ("so the published prices and figures disagree, or it would need more than it can ever run: scheduling "
             "alone does not settle its cost"),
    CONTRADICTED: "no busier than the NVIDIA cluster, so it needs no deeper optimisation than NVIDIA's to match",
    "end": ".",
    "optimised": (" What the data show on optimisation: the same domestic setup ({setup}, {phase}) serves {ratio}x "
                  "the tokens under one published setting as under another ({hi:,.0f} tokens/s per accelerator with "
                  "{best}, against {lo:,.0f} with {worst})."),
    "own": (" Every published domestic figure comes from the chip vendor's own purpose-built stack ({vendor}): the "
            "kind of deep optimisation the claim describes, not what a customer running a default stack reaches."),
}
R_WAR = {
    "none": ("No like-for-like pair of published stacks sets the providers' cost gap in this data, so the price war "
             "cannot be set up."),
    "c29_untestable": ("The cloud vendors' unit costs and the cash they hold for a price war are not published, so "
                       "public data cannot decide the claim. As an illustration only, "),
    "c29_figure": "central run: {low} against {high} for the highest-cost provider",
    "c29_head": ("the attrition model's central run (every assumption at its central value, no throughput noise; "
                 "the table's first columns) has three invented providers: the lowest-cost one lasts {low}, the "
                 "middle one {mid} and the one paying {gap}x the lowest cost {high}, with {chest:.2f} times the "
                 "lowest-cost one's cash"),
    "order": ": they run out of cash in order of their costs",
    "order_alike": ": they run out of cash in order of their costs, as they must when their cash is alike",
    "middle": ": the lowest-cost one outlasts the highest-cost one, but the middle one breaks the order",
    "through": ": even the highest-cost provider gets through the whole war on its cash",
    "chest": ": a larger war chest outweighs the cost gap",
    "end": ".",
    "c35_untestable": ("No vendor's cost or war chest is published, so public data cannot decide the claim. As an "
                       "illustration only, "),
    "c35_none": ("in the attrition model's central run no provider loses money over {h} months, so the price war "
                 "never draws on a cash reserve."),
    "c35_none_figure": "central run: no losses over the horizon",
    "c35_figure": "central run: {ratio:,.1f}x the cash to last {h} months",
    "c35_figure_zero": "central run: {need:,.1f} months of revenue against none to last {h} months",
    "c35_head": ("in the attrition model's central run (every assumption at its central value, no throughput noise; "
                 "the table's first columns) the invented provider paying {gap}x the lowest cost needs "
                 "{need_hi:,.1f} months of revenue in cash to last {h} months, the lowest-cost one {need_lo:,.1f}. "),
    "c35_first": "With {chest:.2f} times its cash the highest-cost provider still runs out first.",
    "c35_both": "Both last the horizon with the cash assumed.",
    "c35_longer": ("With {chest:.2f} times the cash the highest-cost provider lasts longer ({high} against "
                   "{low})."),
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
R32 = {
    "serving": ("in serving the {dom} reaches {ratio:.0%} of the {ref} at the same service level ({side} the "
                "{near:.0%} that counts as near)"),
    "serving_figure": "{dom} at {ratio:.0%} of {ref} at the same service level",
    "paper": ("on paper the {dom} reaches {ratio:.0%} of the {ref} in dense BF16 ({side} the {near:.0%} that counts "
              "as near; no serving figure at a matched service level)"),
    "paper_figure": "{dom} at {ratio:.0%} of {ref} (dense BF16)",
    "newer": (", and {ratio:.0%} of NVIDIA's newer {ref} at the same service level ({side} the {near:.0%} that "
              "counts as near)"),
    "newer_figure": "; {ratio:.0%} of {ref}",
    "newer_undated": (" Against NVIDIA's newer Blackwell generation, the {dom} reaches {ratio:.0%} of the {ref} at the "
                      "same service level, but that figure is {when}, so it does not decide."),
    "newer_unmatched": (" The {n} Blackwell decode figures dated by the article ({refs}) give no time per output "
                        "token or another precision, so they are not at a matched service level and do not decide; "
                        "against them the {dom} would reach {low:.0%} to {high:.0%}."),
    "no_chip_figure": "no domestic chip set against NVIDIA",
    "cluster": ("the largest cluster recorded has {n:,} accelerators ({org}, {date:%b %Y}), {side} the {claimed:,} "
                "the article names"),
    "none": "The data hold neither a domestic chip set against an NVIDIA one nor a dated cluster size.",
    "untested": (". No specification or serving figure was found for the cloud-inference chip the article names, so "
                 "that part is untested."),
}
R32_WHEN = {"by the article": "dated by the article", "after the article": "published after the article",
            "undated": "undated"}
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
def months(m: float, horizon: int) -> str:
    return f"all {horizon} months" if m >= horizon else f"{m:,.0f} months"
