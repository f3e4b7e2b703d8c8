"""Reader-facing sentences of the MaaS price-war chapter, in one place (a Chinese edition needs a counterpart for
each): `TEXT` for the verdict rules' figures and reasons, `PROSE` for the page's sentences, both with named fields
in braces, and the small wording helpers they share. Every function takes numbers and names already computed by
`aicloud.analysis.maas_price_war` (rules) or `maas_price_war_page` (the page) and returns text whose wording
follows them; none computes a finding of its own.
"""

from __future__ import annotations

from typing import Any

from aicloud._lazy import pd
from aicloud.verdicts import majority

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
    "c12_reason": ("That compute must be sold as a service to pay is a strategy argument: testing it directly needs "
                   "the margin of raw compute against model services, by vendor, which no vendor publishes. The data "
                   "hold {n_series} announced volume series, which show use, not profit."),
    "c13_figure": "internal meeting",
    "c13_reason": ("The order of reports at a company's internal year-end meeting is an anecdote with no public "
                   "record; the growth it credits has one."),
    # C14
    "c14_none": "No IDC period in the data names which clouds sell their own models.",
    "c14_figure": "leader sells its own models in {held} of {n} periods; {own_share} of named calls on such clouds",
    "c14_reason": ("In IDC's counts of calls by external customers, {periods}. A leader that sells its own model "
                   "family and a majority of calls on such clouds go together in {held} of {n} periods; that is "
                   "consistent with own models leading customers to the cloud, but it does not show which way the "
                   "effect runs."),
    "c14_no_comparison": ("In each of IDC's counts in the data ({n}), every named cloud sells its own model family, "
                          "so the data hold no comparison group: whoever led, the leader would sell its own models, "
                          "and the test could not fail."),
    "c14_figure_no_comparison": "every named cloud sells its own models: no comparison group",
    "c14_own": "which sells its own model family, {model}",
    "c14_no_own": "which sells no model family of its own",
    "c14_lead": "{leader} leads ({own})",
    "c14_tie": "the lead is tied between {leaders}",
    "c14_period": ("{period}: {lead}, and clouds with their own model family hold {share} of the calls attributed "
                   "to named clouds"),
    # C15
    "c15_no_claimed": "The data hold no price move by {claimed}, so whether it moved first cannot be decided.",
    "c15_figure_earlier": "{n} before {claimed}'s",
    "c15_figure_first": "{claimed} made the first price move",
    "c15_figure_tie": "{claimed} moved on the same day as {n} other vendor(s)",
    "c15_earlier": ("{claimed} moved on {date} ({what}), but {earlier} came earlier, {lead}; the claim that it "
                    "started the price war is contradicted. "),
    "c15_lead_one": "{days} before",
    "c15_lead_many": "the first {days} before",
    "c15_first": "{claimed} moved on {date} ({what}), before every other price move in the data. ",
    "c15_tie": ("{claimed} moved on {date} ({what}), on the same day as {same} (or within an approximate date of it); "
                "the data cannot say who started. "),
    "c15_launches": ("Launches before it, not counted as price moves since a launch sets a new model's first price "
                     "and changes no list price: {names}. "),
    "c15_unchanged": "Not counted as moves: {names} (the list price did not change). ",
    "c15_approx": "{n} of the earlier moves {verb} only an approximate date. ",
    "c15_all_approx": ("The contradiction rests on approximately dated moves only (all {n}): sources with the exact "
                       "dates could reverse it. "),
    "c15_all_approx_one": ("The contradiction rests on one approximately dated move: a source with the exact date "
                           "could reverse it. "),
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
    "c17_undated": (" The source is undated, so it cannot show that the count held when the article says it did: "
                    "the claim is at most partly supported."),
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
    "c19_end_match": ", which matches.",
    "c19_end_layered": (": the central part, industry models built in layers on a foundation model, holds, but the "
                        "layer count is wrong."),
    "c19_end_flat": ": one layer is no layered architecture, so the claim is contradicted.",
    # C20
    "c20_no_leader": "The market-share data name no leader in calls, so reserves cannot be compared.",
    "c20_tied": ("In {period}, the latest IDC period, {leaders} tie for the lead in calls, so there is no one leader "
                 "to rank among GPU buyers."),
    "c20_none": ("The GPU buyers data cannot rank {leader} among Chinese buyers in any year: {why}. Compute "
                 "reserves and the MaaS lead cannot be compared."),
    "c20_figure": "MaaS leader first among Chinese GPU buyers by compute reserve in {first} of {n} years",
    "c20_reason": ("{leader} led {period} public-cloud LLM calls. Counting each Chinese buyer's listed purchases up "
                   "to a year as its reserve, in H100-equivalents (the GPU chapter's conversion; a GPU family's "
                   "units taken as {share} export version), it ranked {years}. {reading} The lists name a year's "
                   "largest buyers only, so a buyer's smaller purchases are missing.{other}"),
    "c20_year": "{rank} of {n} by the end of {year}{tie} ({mine} against the largest {top})",
    "c20_skip_unknown": "{year} (units of no known compute)",
    "c20_skip_one": "{year} (only one Chinese buyer so far)",
    "c20_skip_none": "{year} (no Chinese buyer so far)",
    "c20_skip_leader": "{year} ({leader} not listed so far)",
    "c20_all_below": ("In no year did the largest Chinese compute reserve go with the MaaS lead, consistent with "
                      "the claim; that model capability and industry fit decided is plausible but not measured."),
    "c20_all_first": ("In every year the largest Chinese compute reserve and the MaaS lead went together, against "
                      "the claim."),
    "c20_mixed": ("The answer depends on the year: the MaaS leader had the largest Chinese compute reserve in "
                  "{first_years} but not in {below_years}."),
    "c20_other": " Years the data cannot rank: {skipped}.",
    # C21
    "c21_none": "{cuts} {trend} So the data test neither thing weak lock-in predicts.",
    "c21_figure": "{parts_held} of {parts} tests hold; {cut_text}",
    "c21_cut_text": "{n_cut} of {n} models cut",
    "c21_cut_text_none": "no cut measurable",
    "c21_reason": ("Lock-in itself (switching costs) is not measured in public data, so the test uses what weak "
                   "lock-in predicts: prices cut and still falling. {cuts} {trend} Falling prices fit weak lock-in "
                   "but also falling costs, which list prices cannot tell apart. Whether this is unique to China is "
                   "not tested: the published estimates for other markets follow the cheapest price at a given "
                   "quality, not one model's list price, so they do not compare. In the model below, with no "
                   "switching cost prices fall to cost as models become alike, and with a small one no stable "
                   "price exists."),
    "c21_how_paired": "{paired} by list prices before and after the war",
    "c21_how_announced": ", {announced} by an announced cut whose earlier list price was not found",
    "c21_cuts": "Of {n} whose cut can be measured ({how}), {n_cut} {were} cut ({word}{median}).",
    "c21_median": "; median cut {median}",
    "c21_cuts_none": "No model has a measurable cut (a price both before and after the war, or an announced cut).",
    "c21_trend": "Within a model, list prices after the war {change} ({level} interval {interval}), {verdict}.",
    "c21_trend_none": "Too few prices on two dates after the war to fit a trend within a model.",
    "c21_trend_short": ("No model's prices after the war span more than {span}, under the {min_span} this chapter "
                        "needs before it compounds a change to a yearly rate."),
    "c21_trend_yes": "a fall the interval confirms",
    "c21_trend_no": "which the interval does not confirm",
    "c21_trend_rise": "not a fall",
    # C22, C23
    "c22_missing": "The product table holds fewer than two clouds of the region the paper studies ({region}).",
    "c22_figure": "{overlap} layer overlap, {names} name overlap",
    "c22_reason": ("The project's own table finds the clouds of the paper ({clouds}) listing products in {layers}, "
                   "and their names share {names} of generic words ({names_word} the {names_bar} taken as similar "
                   "names); the paper's figure method (products linked by references) could not be verified."),
    "c22_layers_held": ("at least {overlap} of each other's layers on average (at or above the {bar} taken as highly "
                        "similar; a layer without a source is unknown, so this is a lower bound)"),
    "c22_layers_open": ("at least {overlap} of each other's layers on average, below the {bar} taken as highly "
                        "similar; but a layer without a source is unknown, not absent, and could lift it to 100%, so "
                        "the layer part is not decided"),
    "c23_figure": "{common} of {union} layers offered by all",
    "c23_reason": ("All of {clouds} list products in {common} of the {union} layers any of them lists ({share}, at "
                   "or above the {bar} taken as a large overlap); for the other {open} a source is missing for "
                   "some cloud, which is unknown rather than absent, so the overlap lies between {share} and 100%. "
                   "Between clouds of different regions the layer overlap is {cross}. That integration needs a "
                   "common stack is the article's interpretation and cannot be tested from product lists."),
    "c23_open": ("All of {clouds} list products in {common} of the {union} layers any of them lists ({share}, below "
                 "the {bar} taken as a large overlap); for the other {open} a source is missing for some cloud, which "
                 "is unknown rather than absent, so the overlap lies between {share} and 100% and the unsourced "
                 "layers decide. Between clouds of different regions the layer overlap is {cross}."),
    "c23_cross_none": "not measurable (one region only)",
    # Prose pieces
    "none": "none",
    "at_least": "at or above",
    "below": "below",
    "matching": "matching",
    "under": "below",
    "not_computable": "not computable with this data",
    "yes": "yes",
    "no_above_all": "no: above 100%",
}


def say(key: str, **fields: Any) -> str:
    """A reader-facing sentence from `TEXT` with its fields filled in."""
    return TEXT[key].format(**fields)


def pct(x: float) -> str:
    return f"{x:,.0%}"


def day(d: Any) -> str:
    return f"{pd.Timestamp(d):%d %b %Y}"


def names_list(items: list[str]) -> str:
    return ", ".join(items) if items else TEXT["none"]


def joined(items: list[str]) -> str:
    """'A and B', 'A, B and C' (a list a sentence names together)."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else TEXT["none"]


def times(x: float) -> str:
    """A multiple as the text shows it: whole above ten, one decimal below (so 0.4 does not read as 0)."""
    return f"{x:,.0f}" if x >= 10 else f"{x:,.2g}" if x < 0.1 else f"{x:,.1f}"


def years(n: float) -> str:
    """'a year', '6 months', '3 years', '1.5 years': a span given in years."""
    if n == 1:
        return "a year"
    if n < 1:
        return f"{n * 12:.0f} months"
    return f"{n:g} years"


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 model', '2 models'."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def share_word(share: float) -> str:
    """'all', 'none', or `majority`'s 'most' / 'half' / 'a minority' for a share in 0-1."""
    return "all" if share >= 1 else "none" if share <= 0 else majority(share)


def trend_change(fit: dict[str, float]) -> str:
    """'fell 72% a year', 'rose 5% a year' or 'did not change' for a within-model fit (`slope`, `decline`)."""
    if fit["slope"] < 0:
        return prose("trend_fell", rate=pct(fit["decline"]))
    if fit["slope"] > 0:
        return prose("trend_rose", rate=pct(-fit["decline"]))
    return prose("trend_same")


def trend_interval(fit: dict[str, float]) -> str:
    """The fit's interval in the direction of its central value: '26% to 90%' for a fall, the same for a rise, and
    'from a rise of 5% to a fall of 40%' when it spans both."""
    fall_low, fall_high = fit["decline_low"], fit["decline_high"]      # as falls: low <= high
    if fall_low == fall_high:
        return prose("interval_none", rate=pct(abs(fall_low)))
    if fall_low >= 0:
        return prose("interval", low=pct(fall_low), high=pct(fall_high))
    if fall_high <= 0:
        return prose("interval", low=pct(-fall_high), high=pct(-fall_low))
    return prose("interval_both", rise=pct(-fall_low), fall=pct(fall_high))


def trend_factor(fit: dict[str, float]) -> str:
    """'prices divided by 3.6 a year' or 'multiplied by 2.0 a year'."""
    if fit["factor"] >= 1:
        return prose("factor_fall", factor=times(fit["factor"]))
    return prose("factor_rise", factor=times(1 / fit["factor"]))


def trend_title(fit: dict[str, float]) -> str:
    """The trend chart's title, from the fit's direction."""
    return prose("trend_title", change=trend_change(fit))


def change_words(multiple: float) -> str:
    """A multiple from the first figure to the last, as 'grew 12 times' or 'fell to 40% of its first figure'."""
    if multiple > 1:
        return prose("vol_grew", multiple=times(multiple))
    if multiple < 1:
        return prose("vol_fell", share=f"{multiple:.0%}" if multiple >= 0.01 else f"{multiple:.2g}")
    return prose("vol_same")


def rate_words(per_year: float, verb: bool = False) -> str:
    """A yearly factor as 'about 40 times a year' / 'about 30% less each year' (`verb`: 'grew about ...')."""
    if per_year > 1:
        return prose("grew_rate" if verb else "rate_up", rate=times(per_year))
    if per_year < 1:
        return prose("fell_rate" if verb else "rate_down", share=pct(1 - per_year))
    return prose("same_rate" if verb else "rate_same")



# ---------------------------------------------------------------------------------------------------------------
# Prose sentences whose wording depends on the data (same place rule as TEXT).
# ---------------------------------------------------------------------------------------------------------------
PROSE = {
    "cuts": "{n_cut} of {judged} {were} cut{how}{median}{free}{uncut}.",
    "cuts_median": ", with a median input cut of {median}",
    "cuts_free": " ({n} became free)",
    "cuts_uncut": "; {n} {were} not cut at all ({names})",
    "cuts_title": "{n_cut} of {judged} {were} cut, by a median {median}",
    "cuts_title_uncut": "None of {judged} was cut",
    "cuts_title_none": "No model has a price both before and after the war",
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
    "moves": ("The article credits {claimed} with starting the price war. The dated record puts {n_earlier} before "
              "{claimed}'s of {claimed_date}: {earlier_list}. The first, {first_vendor}'s "
              "{first_model} on {first_date}, came {lead_days} earlier; it was {first_action} ({first_what})."),
    "moves_span": "All {n} moves fell within {days}.",
    "moves_span_one": "The record holds one move.",
    "moves_span_day": "All {n} moves fell on one day.",
    "approx": ("Of the moves in the record, {n} {verb} only an approximate date and {drawn} drawn hollow; they count "
               "at their stated date, and the verdict below says how many of the earlier moves are approximate."),
    "approx_none": "Every move in the record carries a dated source.",
    "moves_same_day": " On the same day {same} moved too, so the data cannot say who started.",
    "moves_title_earlier": "{first} moved {days} before {claimed}",
    "moves_title_tie": "{claimed} moved on the same day as {same}",
    "moves_title_first": "{first} moved first",
    "moves_title_none": "No price move in the data",
    "moves_first": ("The article credits {claimed} with starting the price war. The dated record puts no price move "
                    "before {claimed}'s of {claimed_date}."),
    "moves_none": ("The article credits {claimed} with starting the price war; the dated record holds no price move "
                   "by {claimed}, so the order cannot be checked here."),
    "launch": ("{vendor}'s launch at {price:g} RMB per million input tokens against the “industry” price of "
               "{industry:,.0f} RMB is a cut of {implied:.1%} (a factor of {ratio:,.0f}), {match} the claimed "
               "{claim:.1%}; it compares list prices, not costs."),
    "trend": ("A log-linear fit with one level per model and one common slope, over the {groups} models priced on "
              "at least two dates after the war ({n} observations, {start} to {end}), finds that list prices "
              "{change} ({factor}), with a {level} confidence interval {interval}."),
    "trend_none": ("Too few models have prices on two or more dates after the war ({groups}) to fit a trend within a "
                   "model; the data cannot show how fast prices moved after the war."),
    "trend_short": ("No model's prices after the war span more than {span} ({groups} models priced on two or more "
                    "dates), under the {min_span} this chapter needs before it compounds a change to a yearly rate; "
                    "the data cannot show how fast prices moved after the war."),
    "trend_title": "Within a model, list prices after the war {change}",
    "trend_title_none": "Too few prices after the war to fit a trend",
    "compare_ours": "This chapter: list prices within a model ({change})",
    "compare_title": "This chapter's within-model rate ({factor}) is {where} the published estimates",
    "ex_decline_fell": "After the war, the chapter finds that list prices within the same model {change}.",
    "ex_decline_rose": ("After the war, the chapter finds that list prices within the same model {change}: a rise, "
                        "so read 'decline' below as a negative one."),
    "ex_decline_none": ("This run's data give no within-model trend after the war, so (a) and (b) have no rate to "
                        "work with; answer them for the default data, and (c)."),
    "fit_left_out": ("The fit leaves out {free} free-tier observations (a price of zero has no logarithm; their fall "
                     "to zero would only steepen the rate) and {single} seen on one date only."),
    "rises": "Prices do not only fall: {n} rose at some point ({names}), for instance when a promotion ended.",
    "rises_none": "No series priced on two or more dates rose at any point.",
    "trend_fell": "fell {rate} a year",
    "trend_rose": "rose {rate} a year",
    "trend_same": "did not change",
    "interval": "of {low} to {high}",
    "interval_both": "from a rise of {rise} to a fall of {fall}",
    "interval_none": "of zero width, every price lying on the fitted line",
    "factor_fall": "prices divided by {factor} a year",
    "factor_rise": "prices multiplied by {factor} a year",
    "published": ("The {n} published estimates range from a factor of {low:,.0f} to {high:,.0f} a year, measured "
                  "differently: they follow the cheapest price of a given quality (a benchmark score), so they "
                  "capture new, cheaper models replacing old ones. This chapter's rate holds the model fixed, so "
                  "it counts only cuts to existing list prices, and it lies {where} their range."),
    "volumes": ("Across the {n} series with figures at least {min_span} apart, the one with the highest yearly "
                "rate, {fastest}, {fast_change} from {period}, {fast_rate}; the one with the lowest, {slowest}, "
                "{slow_rate}.{short}"),
    "volumes_one": ("The one series with figures at least {min_span} apart, {name}, {change} from {period}, "
                    "{rate}.{short}"),
    "volumes_short": (" {n_short} shorter {series_are} not annualised, since compounding a few months' change "
                      "overstates it."),
    "volumes_none": ("No series has figures at least {min_span} apart, so no yearly change is computed (compounding a "
                     "few months' change overstates it)."),
    "after_article": " (published after the article)",
    "volumes_title_grew": "Announced volumes grew up to {rate}x a year",
    "volumes_title_flat": "No announced volume grew",
    "volumes_title_fell": "Every announced volume fell, the slowest fall {share} a year",
    "volumes_title_none": "Announced token volumes",
    "vol_grew": "grew {multiple} times",
    "vol_fell": "fell to {share} of its first figure",
    "vol_same": "did not change",
    "rate_up": "about {rate} times a year",
    "rate_down": "about {share} less each year",
    "rate_same": "no change a year",
    "grew_rate": "grew about {rate} times a year",
    "fell_rate": "fell about {share} a year",
    "same_rate": "did not change",
    "span_under": "span under {min_span}",
    "idc": ("By IDC's count, as reported, {leader} served {share} of the tokens counted in {period} ({basis}), and "
            "the {n} clouds listed together {listed}{total}."),
    "idc_total": ", of a total of {total:,.1f} trillion tokens",
    "idc_none": "The data hold no IDC market shares.",
    "revenue": ("For the leading cloud's parent, {company}, the last announced volume is {tokens:,.0f} trillion "
                "tokens a day ({date}). At its blended list prices of {low:,.2f} to {high:,.2f} RMB per million "
                "tokens ({price_date}) and the assumed paid share, that is RMB {rev_low:,.1f} bn to "
                "{rev_high:,.1f} bn a year."),
    "revenue_one": ("For the leading cloud's parent, {company}, the last announced volume is {tokens:,.0f} trillion "
                    "tokens a day ({date}). At its blended list price of {low:,.2f} RMB per million tokens "
                    "({price_date}) and the assumed paid share, that is RMB {rev_low:,.1f} bn a year."),
    "revenue_growth": (" Volume {volume} while list prices within a model {prices}, so revenue at list prices would "
                       "change by {revenue} if the paid share held."),
    "revenue_apart": (" The volume and the prices are dated {years} apart, so the estimate combines two moments and "
                      "describes neither."),
    "revenue_none": ("Revenue cannot be estimated for the leading cloud's parent, {company}, with this data: {why}."),
    "revenue_why_prices": "the list prices hold no positive price for {company}",
    "revenue_why_volumes": "no announced token volume for {company} is in the data",
    "revenue_why_leader": "the market-share data name no leader",
    "paid_summary": ("Over {n} (each period with IDC's count, two ways of interpolating between announcements) "
                     "the share of announced tokens that external customers call runs from {low:.0%} to "
                     "{high:.0%}, {central:.0%} on average. The paid share can only be lower than the external "
                     "share, since external customers also use free quotas; the chapter uses {used:.0%}, {where}."),
    "paid_summary_one": ("Over {n} (each period with IDC's count, two ways of interpolating between announcements) "
                         "the share of announced tokens that external customers call is {low:.0%} each time. The paid "
                         "share can only be lower than the external share, since external customers also use free "
                         "quotas; the chapter uses {used:.0%}, {where}."),
    "paid_below": "at or below the lowest of these estimates, as the derivation requires",
    "paid_inside": ("inside that span, so above the lowest external share, which the paid share should not exceed: "
                    "the estimate of revenue below leans high"),
    "paid_above": ("above every one of these estimates, which the paid share cannot be: the estimate of revenue "
                   "below is too high"),
    "paid_impossible": (" {n} above 100% (more external tokens than the company announces over all channels) "
                        "{are} shown but left out: the two counts do not measure the same tokens there."),
    "paid_none": ("The data hold no IDC period that an all-channel volume series of the same company covers, so the "
                  "paid share cannot be triangulated here; the chapter uses its assumed {used:.0%}."),
    "paid_basis_triangulated": "set at or below the external shares triangulated from IDC's counts",
    "paid_basis_above": ("set above the lowest external share triangulated from IDC's counts ({low:.0%}), which "
                         "the paid share cannot exceed"),
    "paid_basis_assumed": "an assumption, since this data cannot triangulate it",
    "model": ("The cost line is computed from a provider's own disclosure ({publisher}): GPU rental over one day "
              "divided by the tokens served that day gives {cost:,.2f} RMB per million tokens (GPU rental only, at the "
              "provider's assumed rental rate; the value a customer puts on a hosted model, {quality:g} RMB, is an "
              "assumption). With {n} providers and no switching cost, the equilibrium price is {price_alike:,.2f} RMB "
              "when models are nearly alike (differentiation {alike:g}; margin {margin_alike:.0%}), "
              "{price_one:,.2f} at a differentiation of {mid:g} (margin {margin_one:.0%}), and "
              "{price_distinct:,.2f} when they are very different: more differentiation never lowers the price in "
              "this case (a property the tests check over thousands of random cases). With a switching cost of "
              "{k:g} RMB, prices stay above cost once customers are installed (at a differentiation of {mid:g}: "
              "{switch_price_one:,.2f}), {unstable} Move the sliders to see both effects."),
    "model_unstable": ("but when models are nearly alike a provider gains more by undercutting a rival by more than "
                       "the switching cost and taking its customers: up to a differentiation of {upto:g} there is no "
                       "stable price at all, only a cycle of cuts, which is what a price war looks like. Just above "
                       "that range, more differentiation can lower the price, because taste differences loosen the "
                       "lock-in; the property that differentiation never lowers the price holds only without "
                       "switching costs."),
    "model_stable": ("and at these settings every differentiation on the chart has a stable price: no cycle of cuts "
                     "appears."),
    "model_none": ("The data hold no serving cost (a provider's GPU rental over a day and the tokens it served that "
                   "day), so the model has no cost line and this run computes no equilibrium price."),
    "stack": ("Among {home}, the layer overlap averages {overlap} (all list {common} of the {union} layers any of "
              "them lists) and name overlap {names}; between clouds of different regions, layer overlap is "
              "{cross} and name overlap {cross_names}."),
    "stack_none": ("The product table holds fewer than two clouds of the region the paper studies, so no overlap "
                   "is computed for them."),
}


def prose(key: str, **fields: Any) -> str:
    return PROSE[key].format(**fields)


