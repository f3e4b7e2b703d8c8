"""Reader-facing sentences of the capex and fibre chapter, in one place (a Chinese edition needs a counterpart
for each). Every function takes numbers and names already computed by `aicloud.analysis.capex_and_fibre` and
returns text whose wording follows them; none computes a finding of its own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def ordinal(i: int) -> str:
    """'first', 'second', ... for 0, 1, ...; '11th' and so on beyond ten."""
    return ORDINALS[i] if i < len(ORDINALS) else f"{i + 1}th"


def lower_first(text: str) -> str:
    """'Change of the H100 rate' -> 'change of the H100 rate' (only the first letter)."""
    return text[:1].lower() + text[1:]


def period_span(years: float) -> str:
    """'3 years', '0.5 years', or a plain statement when the period's end is not after its start."""
    if years <= 0:
        return "a period whose end the data do not place after its start"
    return f"{years:.0f} years" if years >= 1 else f"{years:.1f} years"


def names(items: Sequence[str]) -> str:
    return ", ".join(items)


def count(n: int, one: str, many: str | None = None) -> str:
    """'1 essay', '2 essays'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def years_text(years: float) -> str:
    """Payback years as text: '6.5' or 'never' (a payback that never comes is a word, not inf)."""
    return "never" if not math.isfinite(years) else f"{years:,.1f}"


def range_text(low: float, high: float) -> str:
    """'6.5 to 9.0', or one figure when both ends print alike (review3 B9/B11: no '2.00 to 2.00')."""
    a, b = years_text(low), years_text(high)
    return a if a == b else f"{a} to {b}"


def big_usd(bn: float) -> str:
    """'USD 2 trillion' from 2,000 bn; 'USD 400 bn' below a trillion."""
    return f"USD {bn / 1000:,.0f} trillion" if bn >= 950 else f"USD {bn:,.0f} bn"


def times_that(ratio: float) -> str:
    """'2.1 times that' or '40% of that'."""
    return f"{ratio:.1f} times that" if ratio >= 1 else f"{ratio:.0%} of that"


CONFIDENCE = {"estimate": "estimates", "reported": "reported figures", "unverified": "unverified"}


def times(multiple: float) -> str:
    """A ratio as words that follow it: '2.6 times as much', '20% less', 'about the same'."""
    if multiple >= 1.05:
        return f"{multiple:.1f} times as much"
    if multiple <= 0.95:
        return f"{1 - multiple:.0%} less"
    return "about the same"


# What the cloud companies spend --------------------------------------------------------------------------------

def spending_paragraph(*, n_us: int, us_names: Sequence[str], latest_year: int | None, us_total: float,
                       us_total_low: float, mixed: Sequence[str], growth_names: Sequence[str], first_year: int,
                       growth_multiple: float | None, nv_label: str | None, nv_usd: float | None,
                       missing: Sequence[str], late: bool = False) -> str:
    if latest_year is None or n_us == 0:
        return ("The data hold no full year of capital spending by a US company, so no US total can be given; "
                "the chart shows what the data hold.")
    who = "company" if n_us == 1 else "companies"
    out = [f"On their headline measures, the {n_us} US {who} ({names(us_names)}) spent about USD "
           f"{us_total:,.0f} bn in {latest_year} ("
           + ("published after the article; " if late else "")
           + (f"mixed bases: {'; '.join(mixed)}" if mixed else "all on calendar years") + ")."]
    if abs(us_total_low - us_total) > 0.005:
        out.append(f"Taking each company's lowest reported measure instead gives USD {us_total_low:,.0f} bn; both "
                   "figures stand, because they count different things.")
    else:
        out.append("No company reports a lower measure for that year.")
    if growth_multiple is not None and growth_names:
        subject = "companies" if len(growth_names) > 1 else "company"
        out.append(f"The {subject} with a figure for {first_year} as well ({names(growth_names)}) spent "
                   f"{times(growth_multiple)} in {latest_year}.")
    if nv_label is not None and nv_usd is not None:
        out.append(f"NVIDIA's data-center revenue for {nv_label} was USD {nv_usd:,.1f} bn.")
    out.append("Company-years without a verified figure are left empty, not estimated: "
               + (names(missing) if missing else "none") + ".")
    return " ".join(out)


def spend_chart_title(n_us: int, us_total: float, latest_year: int | None, late: bool = False) -> str:
    if latest_year is None or n_us == 0:
        return "Capital spending per company, as reported"
    who = "company's" if n_us == 1 else "companies'"
    return (f"The {n_us} US {who} capex reached USD {us_total:,.0f} bn in {latest_year}"
            + (" (published after the article)" if late else ""))


# C36 ------------------------------------------------------------------------------------------------------------

def pledge_paragraph(*, company: str | None, amount: float, currency: str, years: float, date: str,
                     usd: float, claim_amount: float | None, pace: float | None, pace_usd: float | None,
                     actual: tuple[str, str, float, float] | None, later: Sequence[str],
                     peer: tuple[str, str, str, float, float | None] | None, dept: tuple[str, str] | None,
                     department_actor: str) -> str:
    """`actual` = (measure, period, amount, share of pace); `peer` = (actor, period, currency, amount, share of
    pace); `dept` = (event, date)."""
    if company is None:
        return ("The spending data hold no pledge, so the first half of the claim cannot be checked with this "
                "data." + _dept_sentence(dept, department_actor))
    span = period_span(years)
    if claim_amount is None:
        versus = "the article gives no figure to compare"
    elif math.isclose(amount, claim_amount, rel_tol=1e-9):
        versus = f"the figure the article gives ({claim_amount:,.0f} bn)"
    else:
        versus = (f"{'more' if amount > claim_amount else 'less'} than the figure the article gives "
                  f"({claim_amount:,.0f} bn)")
    out = [f"{company} pledged more than {currency} {amount:,.0f} bn over {span} on {date} (about USD "
           f"{usd:,.0f} bn at the assumed rate), {versus}."]
    if pace is not None and pace_usd is not None:
        out.append(f"Spread evenly that is {pace:,.1f} bn a year (USD {pace_usd:,.1f} bn).")
    if actual is not None and pace is not None:
        measure, period, value, ratio = actual
        out.append(f"The company's reported {measure} over {period} was about {value:,.0f} bn, {ratio:.0%} of "
                   "that pace.")
    out.append("Later statements in the data: " + ("; ".join(later) if later else "none") + ".")
    if peer is not None:
        actor, period, cur, value, ratio = peer
        share = f", {ratio:.0%} of the pledge's yearly pace" if ratio is not None else ""
        out.append(f"For scale, {actor}'s capex in {period} was {cur} {value:,.1f} bn{share}.")
    return " ".join(out) + _dept_sentence(dept, department_actor)


def _dept_sentence(dept: tuple[str, str] | None, actor: str) -> str:
    if dept is None:
        return (f" The timeline data hold no organisational move by {actor}, so the second half of the claim is "
                "not tested here.")
    return f" The second half of the claim is an event in the timeline data: {dept[0]} ({dept[1]})."


C36_NO_PLEDGE_FIGURE = "no pledge to compare in the data"


def dept_suffix(actor: str, date: str) -> str:
    return f"; {actor}'s new department is dated {date}"


def c36_figure(currency: str, amount: float, years: float) -> str:
    return f"{currency} {amount:,.0f} bn over {period_span(years)}"


C36_NO_PLEDGE = ("The spending data hold no pledge, or no figure of the article's to compare it with, so the "
                 "pledge cannot be checked with this data{dept}.")


def c36_reason(*, company: str, currency: str, amount: float, years: float, date: str, claim_amount: float,
               amount_ok: bool, actor: str, dept_date: str | None) -> str:
    span = period_span(years)
    pledge = (f"{company} pledged more than {currency} {amount:,.0f} bn over {span} on {date}"
              + ("" if amount_ok else f", less than the {claim_amount:,.0f} bn the article says"))
    dept = (f"{actor}'s new department is dated {dept_date}" if dept_date
            else f"the data hold no organisational move by {actor}, so that half is not tested here")
    return f"{pledge}; {dept}."


# Sequoia ----------------------------------------------------------------------------------------------------------

def rejected_reason(essay_id: str, *, missing: Sequence[str], share: float | None, margin: float | None) -> str:
    """Why Sequoia's method cannot use an essay's inputs (the real cause, not 'no essay')."""
    if missing:
        return f"essay {essay_id} lacks {names(missing)}"
    if margin is not None and margin == 1:
        return (f"essay {essay_id} gives an end-user margin of 100%, and the method divides by one minus the "
                "margin, which is then zero")
    if margin is not None and not 0 <= margin < 1:
        return f"essay {essay_id} gives an end-user margin of {margin:.0%}, outside 0% to below 100%"
    return f"essay {essay_id} gives a GPU share of cost of {share or 0:.0%}, outside above 0% to 100%"


def sequoia_intro(n: int, author: str, gpu_share: float | None, margin: float | None,
                  rejected: Sequence[str] = ()) -> str:
    if rejected and (n == 0 or gpu_share is None or margin is None):
        return ("Sequoia's method (NVIDIA's data-center run-rate, divided by the GPUs' share of a data centre's cost "
                "and by one minus the end user's gross margin) cannot be rebuilt from these data: "
                + "; ".join(rejected) + ".")
    if n == 0 or gpu_share is None or margin is None:
        return ("The data hold no essay with all the inputs of Sequoia's method (NVIDIA's data-center run-rate, "
                "the GPUs' share of a data centre's cost, the end user's gross margin), so it is not rebuilt here.")
    essays = "one essay" if n == 1 else f"{n} essays"
    return (f"In {essays}, {author} asked how much revenue AI must earn to pay for the GPUs being bought. The "
            "method: take NVIDIA's data-center run-rate, divide it by the GPUs' share of a data centre's cost "
            f"({gpu_share:.0%}; energy, buildings and the rest are the remainder), and divide again by one minus "
            f"the end user's gross margin ({margin:.0%}), so that the end user keeps that margin.")


def sequoia_paragraph(essays: Sequence[dict], update: dict | None, ai_revenue: float,
                      has_quarter: bool = True) -> str:
    """`essays`: dicts with run_rate, needed, date, revenue (or None), revenue_is, gap (or None), matches (bool or
    None); `update`: q_label, q_revenue, run_rate, needed, vs_last, gap, coverage."""
    out = []
    if essays:
        checked = [e["matches"] for e in essays if e["matches"] is not None]
        if len(essays) == 1:
            agree = ("matches" if checked and checked[0] else "does not match" if checked
                     else "cannot be checked against (no stated figure)")
        else:
            agree = ("all match" if checked and all(checked) else "do not all match" if checked
                     else "cannot be checked against (no stated figure)")
        parts = []
        for i, e in enumerate(essays):
            lead = f"a run-rate of USD {e['run_rate']:,.0f} bn" if i == 0 else f"a run-rate of {e['run_rate']:,.0f} bn"
            parts.append(f"{lead} needs {e['needed']:,.0f} bn of revenue ({e['date']})" if i == 0
                         else f"{lead} needs {e['needed']:,.0f} bn ({e['date']})")
        n = len(essays)
        subject = "the essay's headline figure" if n == 1 else f"the {n} essays' headline figures"
        out.append(f"Rebuilt from their inputs, {subject} {agree} the stated {'one' if n == 1 else 'ones'}: "
                   + ", ".join(parts) + ".")
        revenue = []
        for i, e in enumerate(essays):
            who = ("The essay's" if n == 1 else "The first essay's") if i == 0 else f"the {ordinal(i)}'s"
            if e["revenue"] is None:
                revenue.append(f"{who} revenue is not given")
                continue
            text = (f"{who} revenue of about USD {e['revenue']:,.0f} bn is {e['revenue_is']}" if i == 0
                    else f"{who} {e['revenue']:,.0f} bn is {e['revenue_is']}")
            if i == n - 1 and e["gap"] is not None:
                text += f", leaving a {'gap' if e['gap'] >= 0 else 'surplus'} of {abs(e['gap']):,.0f} bn"
            revenue.append(text)
        out.append("; ".join(revenue) + ".")
    if update is not None:
        text = (f"NVIDIA's data-center revenue in {update['q_label']} was USD {update['q_revenue']:,.1f} bn, a "
                f"run-rate of {update['run_rate']:,.1f} bn; the same method then needs {update['needed']:,.0f} bn "
                "of yearly AI revenue")
        if update["vs_last"] is not None:
            last = "the essay's" if len(essays) == 1 else f"the {ordinal(len(essays) - 1)} essay's"
            text += f", {update['vs_last']:.1f} times {last} figure"
        out.append(text + ".")
        if update["coverage"] is not None:
            gap = update["gap"]
            out.append(f"Against an assumed AI revenue of USD {ai_revenue:,.0f} bn the "
                       + (f"gap is {gap:,.0f} bn" if gap >= 0 else f"surplus is {-gap:,.0f} bn")
                       + f", and revenue covers {update['coverage']:.0%} of the need.")
    elif has_quarter:
        out.append("The update needs the ratios of an essay whose inputs the method can use, and these data hold "
                   "none, so NVIDIA's latest quarter is not turned into a revenue need.")
    else:
        out.append("The data hold no NVIDIA quarter to update the method with.")
    return " ".join(out)


def sequoia_title(update: dict | None, last_needed: float | None) -> str:
    if update is None:
        return "Sequoia's revenue question, as the essays stated it"
    text = f"At NVIDIA's {update['q_label']} run-rate, AI needs about USD {update['needed']:,.0f} bn a year of revenue"
    if update["vs_last"] is not None and last_needed:
        text += f", {update['vs_last']:.1f} times Sequoia's last figure"
    return text


def exercise_sequoia(author: str, update: dict | None, ai_revenue: float) -> str:
    if update is None:
        return ("Rebuild Sequoia's arithmetic for the latest quarter of NVIDIA's data-center revenue you can find "
                "(the data given to this run hold no quarter or no essay inputs): (a) Turn it into a yearly "
                "run-rate. (b) Divide by the GPU share of total data-centre cost, then by one minus the end user's "
                "margin. (c) Compare your answer with the assumed AI revenue of USD "
                f"{ai_revenue:,.0f} bn.")
    return (f"Rebuild {author}'s arithmetic for the latest quarter, {update['q_label']}: NVIDIA's data-center "
            f"revenue of USD {update['q_revenue']:,.1f} bn a quarter. (a) Turn it into a yearly run-rate. (b) "
            f"Divide by the GPU share of total data-centre cost ({update['gpu_share']:.0%}), then by one minus the "
            f"end user's margin ({update['margin']:.0%}). (c) Compare your answer with the chapter's and with the "
            f"assumed AI revenue of USD {ai_revenue:,.0f} bn.")


# Payback and steady state -----------------------------------------------------------------------------------------

def payback_paragraph(*, ai_revenue: float, margin: dict, growth: dict, central: Sequence[float],
                      high: Sequence[float], low: Sequence[float], n_bases: int, gpu_life: float) -> str:
    if n_bases == 0:
        return ("The data hold no capital base (no NVIDIA quarter with Sequoia's inputs, no US capex, no estimate of "
                "AI capex), so no payback is computed.")
    finite_low = [v for v in low if math.isfinite(v)]
    low_text = (f"the low case up to {years_text(max(low))}" if len(finite_low) == len(low)
                else "the low case never repays " + ("it" if not finite_low else "some of them"))
    finite_central = [v for v in central if math.isfinite(v)]
    span = (f"in {range_text(min(central), max(central))} years across the {n_bases} capital bases"
            if n_bases > 1 and len(finite_central) == len(central) else f"in {years_text(central[0])} years")
    if not finite_central:
        span = "never, on any base"
    elif len(finite_central) < len(central):   # (review3 B11: no "never years")
        span = f"in at least {years_text(min(finite_central))} years on some capital bases and never on the others"
    high_text = (f"needs at least {years_text(min(high))} years" if any(math.isfinite(v) for v in high)
                 else "never repays it")
    return (f"With AI revenue starting at USD {ai_revenue:,.0f} bn a year, the central case (margin "
            f"{margin['central']:.0%}, growth {growth['central']:.0%} a year) repays one year of spending {span}; "
            f"the high case (margin {margin['high']:.0%}, growth {growth['high']:.0%}) {high_text}, {low_text}. "
            f"The assumed life of GPU servers is {gpu_life:.0f} years: "
            "spending repaid after that has to be spent again before it is repaid.")


def steady_paragraph(*, base_label: str | None, yearly: float, life: float, installed: float, gross: float,
                     margin: float, covers: float, revenue_needed: float, ai_revenue: float) -> str:
    if base_label is None:
        return "With no capital base in the data, the steady state cannot be computed."
    short = "falls short of" if gross < yearly else "covers"
    return ("Spreading the cost over the servers' life does not shrink the yearly bill once the build-out levels "
            f"off. Hold spending at the pace of the {base_label} (USD {yearly:,.0f} bn a year) for a whole asset "
            f"life of {life:.0f} years and the installed base holds USD {installed:,.0f} bn of purchases, of which "
            f"one year's worth, USD {yearly:,.0f} bn, is written off each year. AI's yearly gross profit at the "
            f"central margin ({margin:.0%}) of USD {ai_revenue:,.0f} bn of revenue is USD {gross:,.0f} bn, which "
            f"{short} that depreciation ({covers:.0%} of it); to cover it, AI revenue would have to be about USD "
            f"{revenue_needed:,.0f} bn a year. The base is capital only: running costs, energy among them, are "
            "not in it, because the margin already takes them out of revenue.")


def payback_title(central_first: float | None) -> str:
    if central_first is None:
        return "How fast AI revenue repays capital: the model"
    if not math.isfinite(central_first):
        return "In the central case one year of spending is never repaid"
    return f"In the central case one year of spending takes {central_first:.1f} years to repay"


# C38's comparisons ------------------------------------------------------------------------------------------------

def gdp_paragraph(*, n_pairs: int, n_ai_higher: int, ai: tuple[float, float] | None,
                  tel: tuple[float, float] | None, rail_max: float | None, it: tuple | None,
                  own_share: float | None, gdp: float) -> str:
    out = []
    if n_pairs and ai and tel:
        who = "commentator who gives" if n_pairs == 1 else "commentators who give"
        rail = (f", all far below the railroads' peak (up to {rail_max:.1f}%)" if rail_max is not None
                and rail_max > max(ai[1], tel[1]) else "")
        out.append(f"Of the {n_pairs} {who} both figures, {n_ai_higher} put AI spending at or above the telecom "
                   f"peak; their AI figures run from {ai[0]:.1f}% to {ai[1]:.1f}% of US GDP, their telecom figures "
                   f"from {tel[0]:.1f}% to {tel[1]:.1f}%{rail}.")
    else:
        out.append("No commentator in the data gives both an AI and a telecom share of GDP, so the two cannot be "
                   "compared on their measures.")
    if it is not None:
        it_ai, it_ai_period, it_tel, it_tel_period = it
        out.append(f"The broader measure of private investment in IT equipment and software is {it_ai:.1f}% of GDP "
                   f"in {it_ai_period}, against {it_tel:.1f}% in {it_tel_period}.")
    if own_share is not None:
        out.append("The chapter's own cross-check divides the US companies' capex by an assumed US GDP of USD "
                   f"{gdp:,.0f} bn (GDP is not in the facts, hence a parameter): {own_share:.1%}, an upper bound "
                   "for AI because that capex is worldwide and not all of it is for AI.")
    return " ".join(out)


def gdp_title(n_pairs: int, n_ai_higher: int) -> str:
    if n_pairs == 0:
        return "No commentator gives both an AI and a telecom share of GDP"
    return (f"{n_ai_higher} of {n_pairs} commentators put AI spending at or above the telecom peak as a share "
            "of GDP")


def revenue_paragraph(*, ratio: dict | None, est: tuple[int, float, float] | None,
                      update_coverage: float | None, share_rev: tuple[str, float, str] | None) -> str:
    """`ratio`: telecom, tel_period, ai, ai_period, confidence, publisher."""
    out = []
    if ratio is not None:
        r = ratio
        out.append("On capital spending against revenue, the only like-for-like figures come from one source "
                   f"({r['publisher']}) and are {CONFIDENCE.get(r['confidence'], r['confidence'])}: about "
                   f"{r['telecom']:.0f} times revenue for telecom ({r['tel_period']}) and {r['ai']:.0f} for AI "
                   f"({r['ai_period']}).")
    else:
        out.append("The data hold no like-for-like ratio of capital spending to revenue for both build-outs.")
    if est is not None:
        year, capex_bn, revenue_bn = est
        lead = "A commentator's own pair" if ratio is not None else "A commentator's pair"
        out.append(f"{lead} for {year} gives "
                   + ("a similar picture" if ratio is not None else "one picture")
                   + f": AI capex of about USD {capex_bn:,.0f} bn against {revenue_bn:,.0f} bn of generative-AI "
                   f"revenue, {capex_bn / revenue_bn:.1f} times"
                   + (f", and the Sequoia update above finds revenue covering {update_coverage:.0%} of the need."
                      if update_coverage is not None else "."))
    if share_rev is not None:
        subject, value, period = share_rev
        out.append(f"For a single company the denominator is in the data: {subject} was {value:.0f}% of its "
                   f"revenue in {period}. The other companies' revenues are not in the facts, so their "
                   "capex-to-revenue ratios are left out rather than guessed.")
    return " ".join(out)


def share_of(what: str) -> str:
    """What a quoted share of fibre is a share of; 'unclear' says so instead of printing the code."""
    return "does not say what it is a share of" if what == "unclear" else f"is a share of {what}"


def china_use_sentence(china: dict | None) -> str:
    """China's reported unused share of new computing capacity, with its caveat; or what is missing."""
    if china is None:
        return ("For AI the data hold no figure of unused capacity, and no provider publishes its fleet-level "
                "utilisation, so this comparison is left out rather than filled with a guess.")
    projects = ""
    if china.get("announced") is not None and china.get("completed") is not None:
        projects = (f" (of {china['announced']:,.0f} or more projects announced in {china['announced_period']}, "
                    f"{china['completed']:,.0f} or more were completed by {china['completed_period']})")
    return (f"For AI the only figure in the data is China's: {china['qualifier']} {china['share']:.0%} of newly "
            f"built computing resources reported unused in {china['period']}{projects}, per {china['publisher']}. "
            "It is a single reported estimate, not a utilisation statistic, and no provider publishes its "
            "fleet-level utilisation, so it shows a glut in China's new capacity, not how much of the world's AI "
            "capacity is used.")


def use_paragraph(*, n: int, low: float, high: float, n_measures: int, low_who: str, low_what: str,
                  china: dict | None = None) -> str:
    if n == 0:
        return "The data hold no quoted share of fibre in use. " + china_use_sentence(china)
    span = (f"run from {low:.1f}% to {high:.0f}% in use and measure {count(n_measures, 'different thing')}"
            if n > 1 else f"puts {low:.1f}% in use")
    subject = f"The {n} quoted figures" if n > 1 else "The one quoted figure"
    lowest = f"; the lowest ({low_who}) {share_of(low_what)}" if n > 1 else f" ({low_who}) and {share_of(low_what)}"
    return f"{subject} {span}{lowest}. " + china_use_sentence(china)


def use_title(n: int, low: float, high: float) -> str:
    if n == 0:
        return "No quoted share of fibre in use"
    if n == 1:
        return f"The one quoted share of fibre in use is {low:.1f}%"
    return (f"Quoted shares of fibre in use range from {low:.1f}% to {high:.0f}%, because they measure different "
            "things")


def prices_paragraph(p: dict) -> str:
    """`p` holds what the data allow; a missing item is None and its sentence is left out or says so."""
    out = []
    if p["bw"] is not None:
        fall, years, period, total = p["bw"]
        out.append(f"The glut showed in prices: bandwidth prices fell {fall:.0%} in each of the {years:g} years of "
                   f"{period}, {total:.0%} in all")
        if p["lh"] is not None:
            lh_fall, lh_years, lh_yearly = p["lh"]
            out[-1] += (f", and long-haul prices fell more than {lh_fall:.0%} over {lh_years:g} years (at least "
                        f"{lh_yearly:.0%} a year)")
        out[-1] += "."
    if p["gpu"] is not None:
        gpu_fall, what, period = p["gpu"]
        if gpu_fall > 0:
            pace = ("more slowly" if p["bw"] is not None and gpu_fall < p["bw"][0] else
                    "as fast or faster" if p["bw"] is not None else None)
            lead = f"GPU rental prices are falling too, but {pace}" if pace == "more slowly" else (
                f"GPU rental prices are falling too, {pace}" if pace else "GPU rental prices are falling")
            out.append(f"{lead} ({lower_first(what)}): {gpu_fall:.0%} in {period}.")
        else:
            out.append(f"GPU rental prices are not falling ({lower_first(what)}): {-gpu_fall:+.0%} in {period}.")
    if p["bust"] is not None:
        value_lost, n_bankrupt, jobs, debt = p["bust"]
        out.append(f"The telecom bust cost about {big_usd(value_lost)} of market value, {n_bankrupt} "
                   f"bankruptcies and some {jobs:,.0f} jobs, on industry debt of about {big_usd(debt)}"
                   + (";" if p["biggest"] else "."))
    if p["biggest"] is not None:
        company, date, assets = p["biggest"]
        lead = "the largest filing listed" if p["bust"] is not None else "The largest telecom filing listed"
        out.append(f"{lead}, {company} ({date}), held USD {assets:,.0f} bn of assets.")
    if p["peak"] is not None:
        out.append(peak_sentence(**p["peak"]))
    out.append("The data holds no bankruptcies or debt figures for the AI build-out, so that comparison cannot be "
               "made yet.")
    return " ".join(out)


def extended_note(extended: tuple[int, int, float] | None) -> str:
    """`extended` = (the index's last year, years beyond it, assumed inflation): the restatement is then partly
    an assumption, and the page says so."""
    if extended is None:
        return ""
    last, n, rate = extended
    after = "the year after it is" if n == 1 else f"the {n} years after it are"
    return f" (the index ends in {last}; {after} an assumption, prices rising {rate:.1%} a year)"


def peak_sentence(*, amount: float, year: int, scope: str, real: float | None, base_year: int | None,
                  index_name: str, ours: float | None, ours_year: int | None, basis_note: str,
                  extended: tuple[int, int, float] | None = None) -> str:
    text = f"Peak carrier capex was USD {amount:,.0f} bn in {year} ({scope})"
    if real is None or base_year is None:
        text += "; the price index does not reach that year, so it is not restated in today's dollars"
        if ours is not None and amount > 0:
            text += (f". The US companies' capex in {ours_year} is {times_that(ours / amount)} in nominal "
                     "dollars, which overstates it by however much prices have risen since")
        return text + "."
    text += f", or USD {real:,.0f} bn in {base_year} dollars by the {index_name}{extended_note(extended)}"
    if ours is not None and ours_year is not None and real > 0:
        text += (f"; the US companies' capex in {ours_year} on the nearest common basis ({basis_note}) is "
                 f"{times_that(ours / real)} in dollars of the same year, though the companies' spending is "
                 f"worldwide and the carriers' series covers {scope}")
    return text + "."


def telecom_title(amount: float | None, year: int | None, real: float | None, base_year: int | None,
                  fell_after: bool) -> str:
    if amount is None or year is None:
        return "No telecom carriers' capex in the data"
    text = f"Telecom carriers' capex peaked at USD {amount:,.0f} bn in {year}"
    if real is not None and base_year is not None and base_year != year:
        text += f" (USD {real:,.0f} bn in {base_year} dollars)"
    return text + (", then fell" if fell_after else "")


def analogy_paragraph(*, n_tests: int, holds: Sequence[str], breaks: Sequence[str]) -> str:
    return (f"Of {n_tests} tests, the analogy holds on {len(holds)} ({'; '.join(holds) or 'none'}) and breaks on "
            f"{len(breaks)} ({'; '.join(breaks) or 'none'}).")


def gpu_after_wait(gpu_life: float, wait: float) -> str:
    """What a wait of at least `wait` years leaves of GPUs lasting `gpu_life` (the wait is a lower bound)."""
    left = gpu_life - wait
    if left <= 0:
        return f"would be worn out before a wait of at least {wait:.0f} years ended"
    return f"would have at most {left:.0f} of their {gpu_life:.0f} years left, less if the wait was longer"


def outlast(life: float, wait: float) -> str:
    return "would outlast it" if life > wait else "would not outlast it"


def durability_paragraph(*, fibre_life: float, gpu_life: float, building_life: float, lag: dict | None) -> str:
    """Asset life against the lag between a bust and later firms using the capacity (not against payback: fibre's
    builders never paid back either). `lag`: bust_year, bust_company, dark_year, in_use, who, years."""
    lead = ("The deepest difference is what is left after a bust. The analogy needs what was built to still work "
            "when later firms come to use it, so the test sets each asset's life against that wait, not against "
            "the builders' payback (fibre's builders never paid back either). ")
    if lag is None:
        return (lead + f"The data hold no quoted share of fibre in use after the bust, so the wait cannot be "
                f"measured even for fibre. Fibre lasts about {fibre_life:.0f} years, GPU servers about "
                f"{gpu_life:.0f} and buildings and power connections about {building_life:.0f} (all assumed).")
    gpu = gpu_after_wait(gpu_life, lag["years"])
    return (lead + f"For fibre the wait was at least {lag['years']:.0f} years: {lag['bust_company']} failed in "
            f"{lag['bust_year']}, and in {lag['dark_year']} {lag['who']} still put only {lag['in_use']:.0f}% in "
            f"use. Fibre, lasting about {fibre_life:.0f} years (assumed), {outlast(fibre_life, lag['years'])}. GPU "
            f"servers, lasting about {gpu_life:.0f} years (assumed), bought at a peak {gpu}; buildings and power "
            f"connections, about {building_life:.0f} years (assumed), {outlast(building_life, lag['years'])}. "
            "How long AI's wait would "
            "be cannot be observed before a bust, so this part is not testable yet. Who pays may differ too, but "
            "the data cannot measure it: it records the telecom bust's bankruptcies and debt, and nothing of the "
            "kind for AI.")


# C38's tests and verdict ---------------------------------------------------------------------------------------

TEST_SCALE = "Scale: AI spending at or above the telecom peak as a share of GDP"
TEST_REVENUE = "Spending far ahead of what AI earns"
TEST_USE = "Much of the new capacity unused"
TEST_PRICES = "Capacity prices falling"
TEST_DURABLE = "Assets outlive the wait before later firms use a glut"
TEST_DEBT = "Debt-funded builders fail"


def scale_figures(n_ai_higher: int, n_pairs: int, ai: tuple[float, float] | None,
                  tel: tuple[float, float] | None) -> str:
    text = f"{n_ai_higher} of {n_pairs} commentators"
    if n_pairs and ai and tel:
        text += f"; AI {ai[0]:.1f}-{ai[1]:.1f}% vs telecom {tel[0]:.1f}-{tel[1]:.1f}%"
    return text


def revenue_figures(coverage: float | None, q_label: str, write_off: float,
                    cases: Sequence[tuple[float, str, float]]) -> str:
    """`cases`: (revenue, whose, share of the write-off that gross profit covers), one per revenue shown."""
    sequoia = (f"revenue covers {coverage:.0%} of Sequoia's need at the {q_label} run-rate; "
               if coverage is not None else "")
    shown = ", ".join(f"{covers:.0%} at USD {revenue:,.0f} bn of revenue ({whose})" for revenue, whose, covers in cases)
    return (f"{sequoia}in the steady state the yearly write-off of GPU spend at that run-rate is USD "
            f"{write_off:,.0f} bn, of which AI's gross profit covers {shown}")


def use_figures(fibre: tuple[float, float] | None, china: dict | None) -> str:
    parts = []
    if fibre is not None:
        parts.append(f"fibre {fibre[0]:.1f}-{fibre[1]:.0f}% in use")
    if china is not None:
        parts.append(f"China: {china['qualifier']} {china['share']:.0%} of new computing capacity reported unused "
                     f"({china['period']}; a single reported estimate)")
    return "; ".join(parts) or "no share in use in the data"


def prices_figures(gpu_fall: float, gpu_period: str, bw_fall: float | None, bw_period: str | None) -> str:
    text = f"GPU rental {-gpu_fall:+.0%} ({gpu_period})"
    if bw_fall is not None:
        text += f" vs bandwidth {-bw_fall:+.0%} a year ({bw_period})"
    return text


def durable_figures(fibre_life: float, gpu_life: float, building_life: float, lag_years: float | None) -> str:
    wait = (f"fibre's wait at least {lag_years:.0f} years; " if lag_years is not None
            else "fibre's wait not in the data; ")
    return (f"{wait}lives (assumed): fibre {fibre_life:.0f}, GPUs {gpu_life:.0f}, buildings and power "
            f"{building_life:.0f} years; AI's wait not observable before a bust")


def debt_figures(n_bankrupt: int | None, period: str | None) -> str:
    if n_bankrupt is None:
        return "no bankruptcy or debt data for either build-out"
    return f"{n_bankrupt} telecom bankruptcies ({period}); no AI bankruptcy or debt data"


def c38_reason(*, holds: Sequence[str], breaks: Sequence[str], untested: Sequence[str], lag_years: float | None,
               gpu_life: float, building_life: float) -> str:
    if lag_years is None:
        wait = "the data do not measure that wait even for fibre"
    else:
        wait = (f"after the telecom bust fibre waited at least {lag_years:.0f} years; after a wait that long GPU "
                f"servers (about {gpu_life:.0f} years, assumed) {gpu_after_wait(gpu_life, lag_years)}, and "
                f"buildings and power (about {building_life:.0f} years, assumed) {outlast(building_life, lag_years)}")
    return ("Not testable yet. The central part is whether what is built still works when later firms come to use a "
            f"glut: {wait}. How long AI's wait would be cannot be observed before a bust, and none has happened. "
            "Other parts, shown for information: holds: " + ("; ".join(holds) or "none") + ". Breaks: "
            + ("; ".join(breaks) or "none") + "."
            + (f" Not tested with this data: {'; '.join(untested)}." if untested else ""))


C38_FIGURE = "not testable yet (no AI bust to date); other parts hold on {holds} of {tests} tests, break on {breaks}"
