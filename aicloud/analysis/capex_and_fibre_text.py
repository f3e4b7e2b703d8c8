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
    t = SPENDING
    if latest_year is None or n_us == 0:
        return t["none"]
    basis = (t["mixed"].format(bases=t["mixed_sep"].join(shown(m) for m in mixed)) if mixed else t["calendar"])
    basis = (t["late"] if late else "") + basis   # full-year figures published after the article (review3 A2)
    out = [t["headline"].format(n_us=n_us, who=t["who_one" if n_us == 1 else "who_many"], names=names(us_names),
                                total=usd(us_total), latest_year=latest_year, basis=basis)]
    if abs(us_total_low - us_total) > 0.005:
        out.append(t["low"].format(low=usd(us_total_low)))
    else:
        out.append(t["no_low"])
    if growth_multiple is not None and growth_names:
        out.append(t["growth"].format(subject=t["subject_many" if len(growth_names) > 1 else "subject_one"],
                                      first_year=first_year, names=names(growth_names), times=times(growth_multiple),
                                      latest_year=latest_year))
    if nv_label is not None and nv_usd is not None:
        out.append(t["nvidia"].format(nv_label=nv_label, nv=usd(nv_usd, 1)))
    out.append(t["missing"].format(missing=names(missing) if missing else t["nothing"]))
    return t["join"].join(out)


def spend_chart_title(n_us: int, us_total: float, latest_year: int | None, late: bool = False) -> str:
    t = SPENDING
    if latest_year is None or n_us == 0:
        return t["title_none"]
    return t["title"].format(n_us=n_us, who=t["title_who_one" if n_us == 1 else "title_who_many"],
                             total=usd(us_total), latest_year=latest_year) + (t["title_late"] if late else "")


# What the cloud companies spend: the words (the Chinese counterpart gives its own; put together above).
SPENDING = {
    "none": ("The data hold no full year of capital spending by a US company, so no US total can be given; the "
             "chart shows what the data hold."),
    "who_one": "company",
    "who_many": "companies",
    "headline": ("On their headline measures, the {n_us} US {who} ({names}) spent about {total} in {latest_year} "
                 "({basis})."),
    "mixed": "mixed bases: {bases}",
    "mixed_sep": "; ",
    "calendar": "all on calendar years",
    "late": "published after the article; ",
    "title_late": " (published after the article)",
    "low": ("Taking each company's lowest reported measure instead gives {low}; both figures stand, because they "
            "count different things."),
    "no_low": "No company reports a lower measure for that year.",
    "subject_one": "company",
    "subject_many": "companies",
    "growth": "The {subject} with a figure for {first_year} as well ({names}) spent {times} in {latest_year}.",
    "nvidia": "NVIDIA's data-center revenue for {nv_label} was {nv}.",
    "missing": "Company-years without a verified figure are left empty, not estimated: {missing}.",
    "nothing": "none",
    "join": " ",
    "title_none": "Capital spending per company, as reported",
    "title_who_one": "company's",
    "title_who_many": "companies'",
    "title": "The {n_us} US {who} capex reached {total} in {latest_year}",
}


# C36 ------------------------------------------------------------------------------------------------------------

def pledge_paragraph(*, company: str | None, amount: float, currency: str, years: float, date: str,
                     usd: float, claim_amount: float | None, pace: float | None, pace_usd: float | None,
                     actual: tuple[str, str, float, float] | None, later: Sequence[str],
                     peer: tuple[str, str, str, float, float | None] | None, dept: tuple[str, str] | None,
                     department_actor: str) -> str:
    """`actual` = (measure, period, amount, share of pace); `peer` = (actor, period, currency, amount, share of
    pace); `dept` = (event, date)."""
    t = C36
    if company is None:
        return t["no_pledge"] + _dept_sentence(dept, department_actor)
    if claim_amount is None:
        versus = t["no_claim"]
    elif math.isclose(amount, claim_amount, rel_tol=1e-9):
        versus = t["same"].format(claim=amount_in(currency, claim_amount))
    else:
        versus = t["more" if amount > claim_amount else "less"].format(claim=amount_in(currency, claim_amount))
    out = [t["pledge"].format(company=shown_name(company), amount=money(currency, amount), span=period_span(years),
                              date=shown_text(date), usd=money("USD", usd), versus=versus)]
    if pace is not None and pace_usd is not None:
        out.append(t["pace"].format(pace=amount_in(currency, pace, 1), pace_usd=money("USD", pace_usd, 1)))
    if actual is not None and pace is not None:
        measure, period, value, ratio = actual
        out.append(t["actual"].format(measure=shown(measure), period=shown_text(period),
                                      value=amount_in(currency, value), ratio=ratio))
    out.append(t["later"].format(later=t["later_sep"].join(shown(x) for x in later) if later else t["nothing"]))
    if peer is not None:
        actor, period, cur, value, ratio = peer
        share = t["peer_share"].format(ratio=ratio) if ratio is not None else ""
        out.append(t["peer"].format(actor=shown_name(actor), period=shown_text(period), value=money(cur, value, 1),
                                    share=share))
    return t["join"].join(out) + _dept_sentence(dept, department_actor)


def _dept_sentence(dept: tuple[str, str] | None, actor: str) -> str:
    if dept is None:
        return C36["dept_none"].format(actor=shown_name(actor))
    return C36["dept"].format(event=shown(dept[0]), date=shown_text(dept[1]))


def money(currency: str, bn: float, digits: int = 0) -> str:
    """An amount in billions of a currency: 'RMB 380 bn'."""
    return f"{currency} {bn:,.{digits}f} bn"


def amount_in(currency: str, bn: float, digits: int = 0) -> str:
    """An amount in billions of a currency named nearby: '380 bn'."""
    return f"{bn:,.{digits}f} bn"


C36_NO_PLEDGE_FIGURE = "no pledge to compare in the data"


def dept_suffix(actor: str, date: str) -> str:
    return C36["suffix"].format(actor=shown_name(actor), date=shown_text(date))


def c36_figure(currency: str, amount: float, years: float) -> str:
    return C36["figure"].format(amount=money(currency, amount), span=period_span(years))


C36_NO_PLEDGE = ("The spending data hold no pledge, or no figure of the article's to compare it with, so the "
                 "pledge cannot be checked with this data{dept}.")


def c36_reason(*, company: str, currency: str, amount: float, years: float, date: str, claim_amount: float,
               amount_ok: bool, actor: str, dept_date: str | None) -> str:
    t = C36
    pledge = (t["reason_pledge"].format(company=shown_name(company), amount=money(currency, amount),
                                        span=period_span(years), date=shown_text(date))
              + ("" if amount_ok else t["reason_less"].format(claim=amount_in(currency, claim_amount))))
    dept = (t["reason_dept"].format(actor=shown_name(actor), date=shown_text(dept_date)) if dept_date
            else t["reason_no_dept"].format(actor=shown_name(actor)))
    return t["reason"].format(pledge=pledge, dept=dept)


# C36's words (the Chinese counterpart gives its own; the sentences are put together above).
C36 = {
    "no_pledge": ("The spending data hold no pledge, so the first half of the claim cannot be checked with this "
                  "data."),
    "no_claim": "the article gives no figure to compare",
    "same": "the figure the article gives ({claim})",
    "more": "more than the figure the article gives ({claim})",
    "less": "less than the figure the article gives ({claim})",
    "pledge": "{company} pledged more than {amount} over {span} on {date} (about {usd} at the assumed rate), {versus}.",
    "pace": "Spread evenly that is {pace} a year ({pace_usd}).",
    "actual": "The company's reported {measure} over {period} was about {value}, {ratio:.0%} of that pace.",
    "later": "Later statements in the data: {later}.",
    "later_sep": "; ",
    "nothing": "none",
    "peer_share": ", {ratio:.0%} of the pledge's yearly pace",
    "peer": "For scale, {actor}'s capex in {period} was {value}{share}.",
    "join": " ",
    "dept_none": (" The timeline data hold no organisational move by {actor}, so the second half of the claim is "
                  "not tested here."),
    "dept": " The second half of the claim is an event in the timeline data: {event} ({date}).",
    "suffix": "; {actor}'s new department is dated {date}",
    "figure": "{amount} over {span}",
    "reason_pledge": "{company} pledged more than {amount} over {span} on {date}",
    "reason_less": ", less than the {claim} the article says",
    "reason_dept": "{actor}'s new department is dated {date}",
    "reason_no_dept": "the data hold no organisational move by {actor}, so that half is not tested here",
    "reason": "{pledge}; {dept}.",
}


# Sequoia ----------------------------------------------------------------------------------------------------------

def rejected_reason(essay_id: str, *, missing: Sequence[str], share: float | None, margin: float | None) -> str:
    """Why Sequoia's method cannot use an essay's inputs (the real cause, not 'no essay')."""
    t = SEQUOIA_INPUTS
    if missing:
        return t["lacks"].format(essay_id=essay_id, missing=names(missing))
    if margin is not None and margin == 1:
        return t["margin_one"].format(essay_id=essay_id)
    if margin is not None and not 0 <= margin < 1:
        return t["margin_out"].format(essay_id=essay_id, margin=margin)
    return t["share_out"].format(essay_id=essay_id, share=share or 0)


def sequoia_intro(n: int, author: str, gpu_share: float | None, margin: float | None,
                  rejected: Sequence[str] = ()) -> str:
    t = SEQUOIA_INPUTS
    if rejected and (n == 0 or gpu_share is None or margin is None):
        return t["rejected"].format(rejected=t["rejected_sep"].join(rejected))
    if n == 0 or gpu_share is None or margin is None:
        return t["no_inputs"]
    essays = t["essays_one"] if n == 1 else t["essays_many"].format(n=n)
    return t["intro"].format(essays=essays, author=shown_name(author), gpu_share=gpu_share, margin=margin)


# Sequoia's inputs and method: the words (the Chinese counterpart gives its own; put together above).
SEQUOIA_INPUTS = {
    "lacks": "essay {essay_id} lacks {missing}",
    "margin_one": ("essay {essay_id} gives an end-user margin of 100%, and the method divides by one minus the "
                   "margin, which is then zero"),
    "margin_out": "essay {essay_id} gives an end-user margin of {margin:.0%}, outside 0% to below 100%",
    "share_out": "essay {essay_id} gives a GPU share of cost of {share:.0%}, outside above 0% to 100%",
    "rejected": ("Sequoia's method (NVIDIA's data-center run-rate, divided by the GPUs' share of a data centre's "
                 "cost and by one minus the end user's gross margin) cannot be rebuilt from these data: {rejected}."),
    "rejected_sep": "; ",
    "no_inputs": ("The data hold no essay with all the inputs of Sequoia's method (NVIDIA's data-center run-rate, "
                  "the GPUs' share of a data centre's cost, the end user's gross margin), so it is not rebuilt here."),
    "essays_one": "one essay",
    "essays_many": "{n} essays",
    "intro": ("In {essays}, {author} asked how much revenue AI must earn to pay for the GPUs being bought. The "
              "method: take NVIDIA's data-center run-rate, divide it by the GPUs' share of a data centre's cost "
              "({gpu_share:.0%}; energy, buildings and the rest are the remainder), and divide again by one minus "
              "the end user's gross margin ({margin:.0%}), so that the end user keeps that margin."),
    "title_stated": "Sequoia's revenue question, as the essays stated it",
    "title": "At NVIDIA's {q_label} run-rate, AI needs about {needed} a year of revenue",
    "title_vs_last": ", {vs_last:.1f} times Sequoia's last figure",
    "exercise_none": ("Rebuild Sequoia's arithmetic for the latest quarter of NVIDIA's data-center revenue you can "
                      "find (the data given to this run hold no quarter or no essay inputs): (a) Turn it into a "
                      "yearly run-rate. (b) Divide by the GPU share of total data-centre cost, then by one minus the "
                      "end user's margin. (c) Compare your answer with the assumed AI revenue of {ai_revenue}."),
    "exercise": ("Rebuild {author}'s arithmetic for the latest quarter, {q_label}: NVIDIA's data-center revenue of "
                 "{q_revenue} a quarter. (a) Turn it into a yearly run-rate. (b) Divide by the GPU share of total "
                 "data-centre cost ({gpu_share:.0%}), then by one minus the end user's margin ({margin:.0%}). (c) "
                 "Compare your answer with the chapter's and with the assumed AI revenue of {ai_revenue}."),
}


def sequoia_paragraph(essays: Sequence[dict], update: dict | None, ai_revenue: float,
                      has_quarter: bool = True) -> str:
    """`essays`: dicts with run_rate, needed, date, revenue (or None), revenue_is, gap (or None), matches (bool or
    None); `update`: q_label, q_revenue, run_rate, needed, vs_last, gap, coverage."""
    t = SEQUOIA
    out = []
    if essays:
        checked = [e["matches"] for e in essays if e["matches"] is not None]
        n = len(essays)
        if n == 1:
            agree = t["one_matches"] if checked and checked[0] else t["one_differs"] if checked else t["unchecked"]
        else:
            agree = t["all_match"] if checked and all(checked) else t["not_all_match"] if checked else t["unchecked"]
        parts = [t["part_first" if i == 0 else "part_next"].format(
                     run_rate_usd=usd(e["run_rate"]), run_rate=bn_amount(e["run_rate"]), needed=bn_amount(e["needed"]),
                     date=shown_text(e["date"])) for i, e in enumerate(essays)]
        out.append(t["rebuilt"].format(subject=t["subject_one"] if n == 1 else t["subject_many"].format(n=n),
                                       agree=agree, ones=t["one"] if n == 1 else t["ones"],
                                       parts=t["parts_sep"].join(parts)))
        revenue = []
        for i, e in enumerate(essays):
            who = (t["who_only"] if n == 1 else t["who_first"]) if i == 0 else t["who_nth"].format(ordinal=ordinal(i))
            if e["revenue"] is None:
                revenue.append(t["no_revenue"].format(who=who))
                continue
            text = t["revenue_first" if i == 0 else "revenue_next"].format(
                who=who, revenue_usd=usd(e["revenue"]), revenue=bn_amount(e["revenue"]),
                revenue_is=shown(e["revenue_is"]))
            if i == n - 1 and e["gap"] is not None:
                text += t["gap" if e["gap"] >= 0 else "surplus"].format(amount=bn_amount(abs(e["gap"])))
            revenue.append(text)
        out.append(t["revenue_sep"].join(revenue) + t["end"])
    if update is not None:
        text = t["update"].format(q_label=update["q_label"], q_revenue=usd(update["q_revenue"], 1),
                                  run_rate=bn_amount(update["run_rate"], 1), needed=bn_amount(update["needed"]))
        if update["vs_last"] is not None:
            last = t["last_one"] if len(essays) == 1 else t["last_nth"].format(ordinal=ordinal(len(essays) - 1))
            text += t["vs_last"].format(vs_last=update["vs_last"], last=last)
        out.append(text + t["end"])
        if update["coverage"] is not None:
            gap = update["gap"]
            balance = (t["update_gap"].format(amount=bn_amount(gap)) if gap >= 0
                       else t["update_surplus"].format(amount=bn_amount(-gap)))
            out.append(t["against"].format(ai_revenue=usd(ai_revenue), balance=balance,
                                           coverage=update["coverage"]))
    elif has_quarter:
        out.append(t["no_ratios"])
    else:
        out.append(t["no_quarter"])
    return t["join"].join(out)


# Sequoia's method rebuilt: the words (the Chinese counterpart gives its own; the paragraph is put together above).
# Amounts come as text from `usd` ('USD 600 bn') and `bn_amount` ('600 bn').
SEQUOIA = {
    "one_matches": "matches",
    "one_differs": "does not match",
    "all_match": "all match",
    "not_all_match": "do not all match",
    "unchecked": "cannot be checked against (no stated figure)",
    "part_first": "a run-rate of {run_rate_usd} needs {needed} of revenue ({date})",
    "part_next": "a run-rate of {run_rate} needs {needed} ({date})",
    "parts_sep": ", ",
    "subject_one": "the essay's headline figure",
    "subject_many": "the {n} essays' headline figures",
    "one": "one",
    "ones": "ones",
    "rebuilt": "Rebuilt from their inputs, {subject} {agree} the stated {ones}: {parts}.",
    "who_only": "The essay's",
    "who_first": "The first essay's",
    "who_nth": "the {ordinal}'s",
    "no_revenue": "{who} revenue is not given",
    "revenue_first": "{who} revenue of about {revenue_usd} is {revenue_is}",
    "revenue_next": "{who} {revenue} is {revenue_is}",
    "gap": ", leaving a gap of {amount}",
    "surplus": ", leaving a surplus of {amount}",
    "revenue_sep": "; ",
    "end": ".",
    "update": ("NVIDIA's data-center revenue in {q_label} was {q_revenue}, a run-rate of {run_rate}; the same method "
               "then needs {needed} of yearly AI revenue"),
    "last_one": "the essay's",
    "last_nth": "the {ordinal} essay's",
    "vs_last": ", {vs_last:.1f} times {last} figure",
    "against": ("Against an assumed AI revenue of {ai_revenue} the {balance}, and revenue covers {coverage:.0%} of "
                "the need."),
    "update_gap": "gap is {amount}",
    "update_surplus": "surplus is {amount}",
    "no_ratios": ("The update needs the ratios of an essay whose inputs the method can use, and these data hold "
                  "none, so NVIDIA's latest quarter is not turned into a revenue need."),
    "no_quarter": "The data hold no NVIDIA quarter to update the method with.",
    "join": " ",
}


def bn_amount(bn: float, digits: int = 0) -> str:
    """An amount in billions after a first one in dollars: '600 bn'."""
    return f"{bn:,.{digits}f} bn"


def sequoia_title(update: dict | None, last_needed: float | None) -> str:
    t = SEQUOIA_INPUTS
    if update is None:
        return t["title_stated"]
    text = t["title"].format(q_label=update["q_label"], needed=usd(update["needed"]))
    if update["vs_last"] is not None and last_needed:
        text += t["title_vs_last"].format(vs_last=update["vs_last"])
    return text


def exercise_sequoia(author: str, update: dict | None, ai_revenue: float) -> str:
    t = SEQUOIA_INPUTS
    if update is None:
        return t["exercise_none"].format(ai_revenue=usd(ai_revenue))
    return t["exercise"].format(author=shown_name(author), q_label=update["q_label"],
                                q_revenue=usd(update["q_revenue"], 1), gpu_share=update["gpu_share"],
                                margin=update["margin"], ai_revenue=usd(ai_revenue))


# Payback and steady state -----------------------------------------------------------------------------------------

def payback_paragraph(*, ai_revenue: float, margin: dict, growth: dict, central: Sequence[float],
                      high: Sequence[float], low: Sequence[float], n_bases: int, gpu_life: float) -> str:
    t = PAYBACK
    if n_bases == 0:
        return t["no_base"]
    finite_low = [v for v in low if math.isfinite(v)]
    low_text = (t["low_up_to"].format(years=years_text(max(low))) if len(finite_low) == len(low)
                else t["low_never_all" if not finite_low else "low_never_some"])
    finite_central = [v for v in central if math.isfinite(v)]
    same = years_text(min(central)) == years_text(max(central))   # (review3 B9: no "2.0 to 2.0")
    span = (t["span_same" if same else "span_many"].format(low=years_text(min(central)),
                                                           high=years_text(max(central)), n=n_bases)
            if n_bases > 1 and len(finite_central) == len(central) else
            t["span_one"].format(years=years_text(central[0])))
    if not finite_central:
        span = t["span_never"]
    elif len(finite_central) < len(central):   # (review3 B11: no "never years")
        span = t["span_some"].format(years=years_text(min(finite_central)))
    high_text = (t["high_at_least"].format(years=years_text(min(high))) if any(math.isfinite(v) for v in high)
                 else t["high_never"])
    return t["text"].format(ai_revenue=usd(ai_revenue), margin_central=margin["central"],
                            growth_central=growth["central"], span=span, margin_high=margin["high"],
                            growth_high=growth["high"], high_text=high_text, low_text=low_text,
                            gpu_life=gpu_life)


def steady_paragraph(*, base_label: str | None, yearly: float, life: float, installed: float, gross: float,
                     margin: float, covers: float, revenue_needed: float, ai_revenue: float) -> str:
    t = PAYBACK
    if base_label is None:
        return t["steady_none"]
    return t["steady"].format(base_label=shown(base_label), yearly=usd(yearly), life=life, installed=usd(installed),
                              margin=margin, ai_revenue=usd(ai_revenue), gross=usd(gross), covers=covers,
                              short=t["falls_short" if gross < yearly else "covers"],
                              revenue_needed=usd(revenue_needed))


def payback_title(central_first: float | None) -> str:
    t = PAYBACK
    if central_first is None:
        return t["title_model"]
    if not math.isfinite(central_first):
        return t["title_never"]
    return t["title"].format(years=central_first)


# Payback and steady state: the words (the Chinese counterpart gives its own; the sentences are put together above).
PAYBACK = {
    "no_base": ("The data hold no capital base (no NVIDIA quarter with Sequoia's inputs, no US capex, no estimate of "
                "AI capex), so no payback is computed."),
    "low_up_to": "the low case up to {years}",
    "low_never_all": "the low case never repays it",
    "low_never_some": "the low case never repays some of them",
    "span_many": "in {low} to {high} years across the {n} capital bases",
    "span_one": "in {years} years",
    "span_never": "never, on any base",
    "span_same": "in {low} years across the {n} capital bases",
    "span_some": "in at least {years} years on some capital bases and never on the others",
    "high_at_least": "needs at least {years} years",
    "high_never": "never repays it",
    "text": ("With AI revenue starting at {ai_revenue} a year, the central case (margin {margin_central:.0%}, growth "
             "{growth_central:.0%} a year) repays one year of spending {span}; the high case (margin "
             "{margin_high:.0%}, growth {growth_high:.0%}) {high_text}, {low_text}. The "
             "assumed life of GPU servers is {gpu_life:.0f} years: spending repaid after that has to be spent again "
             "before it is repaid."),
    "steady_none": "With no capital base in the data, the steady state cannot be computed.",
    "falls_short": "falls short of",
    "covers": "covers",
    "steady": ("Spreading the cost over the servers' life does not shrink the yearly bill once the build-out levels "
               "off. Hold spending at the pace of the {base_label} ({yearly} a year) for a whole asset life of "
               "{life:.0f} years and the installed base holds {installed} of purchases, of which one year's worth, "
               "{yearly}, is written off each year. AI's yearly gross profit at the central margin ({margin:.0%}) of "
               "{ai_revenue} of revenue is {gross}, which {short} that depreciation ({covers:.0%} of it); to cover "
               "it, AI revenue would have to be about {revenue_needed} a year. The base is capital only: running "
               "costs, energy among them, are not in it, because the margin already takes them out of revenue."),
    "title_model": "How fast AI revenue repays capital: the model",
    "title_never": "In the central case one year of spending is never repaid",
    "title": "In the central case one year of spending takes {years:.1f} years to repay",
}


# C38's comparisons ------------------------------------------------------------------------------------------------

def gdp_paragraph(*, n_pairs: int, n_ai_higher: int, ai: tuple[float, float] | None,
                  tel: tuple[float, float] | None, rail_max: float | None, it: tuple | None,
                  own_share: float | None, gdp: float) -> str:
    t = GDP
    out = []
    if n_pairs and ai and tel:
        rail = (t["rail"].format(rail_max=rail_max) if rail_max is not None and rail_max > max(ai[1], tel[1])
                else "")
        out.append(t["pairs"].format(n_pairs=n_pairs, who=t["who_one" if n_pairs == 1 else "who_many"],
                                     n_ai_higher=n_ai_higher, ai_low=ai[0], ai_high=ai[1], tel_low=tel[0],
                                     tel_high=tel[1], rail=rail))
    else:
        out.append(t["no_pairs"])
    if it is not None:
        it_ai, it_ai_period, it_tel, it_tel_period = it
        out.append(t["it"].format(it_ai=it_ai, it_ai_period=shown_text(str(it_ai_period)), it_tel=it_tel,
                                  it_tel_period=shown_text(str(it_tel_period))))
    if own_share is not None:
        out.append(t["own"].format(gdp=usd(gdp), own_share=own_share))
    return t["join"].join(out)


def gdp_title(n_pairs: int, n_ai_higher: int) -> str:
    if n_pairs == 0:
        return GDP["title_none"]
    return GDP["title"].format(n_pairs=n_pairs, n_ai_higher=n_ai_higher)


def revenue_paragraph(*, ratio: dict | None, est: tuple[int, float, float] | None,
                      update_coverage: float | None, share_rev: tuple[str, float, str] | None) -> str:
    """`ratio`: telecom, tel_period, ai, ai_period, confidence, publisher."""
    t = REVENUE
    out = []
    if ratio is not None:
        r = ratio
        out.append(t["ratio"].format(publisher=shown_name(r["publisher"]),
                                     confidence=CONFIDENCE.get(r["confidence"], r["confidence"]),
                                     telecom=r["telecom"], tel_period=shown_text(r["tel_period"]), ai=r["ai"],
                                     ai_period=shown_text(r["ai_period"])))
    else:
        out.append(t["no_ratio"])
    if est is not None:
        year, capex_bn, revenue_bn = est
        out.append(t["est"].format(lead=t["est_lead_own" if ratio is not None else "est_lead"], year=year,
                                   picture=t["similar" if ratio is not None else "one_picture"],
                                   capex=usd(capex_bn), revenue=bn_amount(revenue_bn), ratio=capex_bn / revenue_bn)
                   + (t["est_update"].format(coverage=update_coverage) if update_coverage is not None
                      else t["end"]))
    if share_rev is not None:
        subject, value, period = share_rev
        out.append(t["share"].format(subject=shown(subject), value=value, period=shown_text(period)))
    return t["join"].join(out)


# C38's comparisons: the words (the Chinese counterpart gives its own; the sentences are put together above).
GDP = {
    "who_one": "commentator who gives",
    "who_many": "commentators who give",
    "rail": ", all far below the railroads' peak (up to {rail_max:.1f}%)",
    "pairs": ("Of the {n_pairs} {who} both figures, {n_ai_higher} put AI spending at or above the telecom peak; their "
              "AI figures run from {ai_low:.1f}% to {ai_high:.1f}% of US GDP, their telecom figures from "
              "{tel_low:.1f}% to {tel_high:.1f}%{rail}."),
    "no_pairs": ("No commentator in the data gives both an AI and a telecom share of GDP, so the two cannot be "
                 "compared on their measures."),
    "it": ("The broader measure of private investment in IT equipment and software is {it_ai:.1f}% of GDP in "
           "{it_ai_period}, against {it_tel:.1f}% in {it_tel_period}."),
    "own": ("The chapter's own cross-check divides the US companies' capex by an assumed US GDP of {gdp} (GDP is not "
            "in the facts, hence a parameter): {own_share:.1%}, an upper bound for AI because that capex is "
            "worldwide and not all of it is for AI."),
    "join": " ",
    "title_none": "No commentator gives both an AI and a telecom share of GDP",
    "title": "{n_ai_higher} of {n_pairs} commentators put AI spending at or above the telecom peak as a share of GDP",
}
REVENUE = {
    "ratio": ("On capital spending against revenue, the only like-for-like figures come from one source "
              "({publisher}) and are {confidence}: about {telecom:.0f} times revenue for telecom ({tel_period}) and "
              "{ai:.0f} for AI ({ai_period})."),
    "no_ratio": "The data hold no like-for-like ratio of capital spending to revenue for both build-outs.",
    "est_lead_own": "A commentator's own pair",
    "est_lead": "A commentator's pair",
    "similar": "a similar picture",
    "one_picture": "one picture",
    "est": ("{lead} for {year} gives {picture}: AI capex of about {capex} against {revenue} of generative-AI "
            "revenue, {ratio:.1f} times"),
    "est_update": ", and the Sequoia update above finds revenue covering {coverage:.0%} of the need.",
    "end": ".",
    "share": ("For a single company the denominator is in the data: {subject} was {value:.0f}% of its revenue in "
              "{period}. The other companies' revenues are not in the facts, so their capex-to-revenue ratios are "
              "left out rather than guessed."),
    "join": " ",
}


def share_of(what: str) -> str:
    """What a quoted share of fibre is a share of; 'unclear' says so instead of printing the code."""
    return USE["share_unclear"] if what == "unclear" else USE["share_of"].format(what=shown(what))


def china_use_sentence(china: dict | None) -> str:
    """China's reported unused share of new computing capacity, with its caveat; or what is missing."""
    t = USE
    if china is None:
        return t["china_none"]
    projects = ""
    if china.get("announced") is not None and china.get("completed") is not None:
        projects = t["projects"].format(announced=china["announced"],
                                        announced_period=shown_text(china["announced_period"]),
                                        completed=china["completed"],
                                        completed_period=shown_text(china["completed_period"]))
    return t["china"].format(qualifier=QUALIFIER.get(china["qualifier"], china["qualifier"]), share=china["share"],
                             period=shown_text(china["period"]), projects=projects,
                             publisher=shown_name(china["publisher"]))


def use_paragraph(*, n: int, low: float, high: float, n_measures: int, low_who: str, low_what: str,
                  china: dict | None = None) -> str:
    t = USE
    if n == 0:
        return t["none"] + china_use_sentence(china)
    span = (t["span_many"].format(low=low, high=high, n_measures=n_measures,
                                  things=t["thing" if n_measures == 1 else "things"]) if n > 1
            else t["span_one"].format(low=low))
    subject = t["subject_many"].format(n=n) if n > 1 else t["subject_one"]
    lowest = t["lowest_many" if n > 1 else "lowest_one"].format(who=shown_name(low_who), share_of=share_of(low_what))
    return t["use"].format(subject=subject, span=span, lowest=lowest) + china_use_sentence(china)


def use_title(n: int, low: float, high: float) -> str:
    t = USE
    if n == 0:
        return t["title_none"]
    if n == 1:
        return t["title_one"].format(low=low)
    return t["title_many"].format(low=low, high=high)


# Fibre and capacity in use: the words (the Chinese counterpart gives its own; put together above). QUALIFIER
# shows a source's qualifier ('about', 'more than'); none: as written.
QUALIFIER: dict[str, str] = {}
USE = {
    "share_unclear": "does not say what it is a share of",
    "share_of": "is a share of {what}",
    "china_none": ("For AI the data hold no figure of unused capacity, and no provider publishes its fleet-level "
                   "utilisation, so this comparison is left out rather than filled with a guess."),
    "projects": (" (of {announced:,.0f} or more projects announced in {announced_period}, {completed:,.0f} or more "
                 "were completed by {completed_period})"),
    "china": ("For AI the only figure in the data is China's: {qualifier} {share:.0%} of newly built computing "
              "resources reported unused in {period}{projects}, per {publisher}. It is a single reported estimate, "
              "not a utilisation statistic, and no provider publishes its fleet-level utilisation, so it shows a "
              "glut in China's new capacity, not how much of the world's AI capacity is used."),
    "none": "The data hold no quoted share of fibre in use. ",
    "span_many": "run from {low:.1f}% to {high:.0f}% in use and measure {n_measures} {things}",
    "thing": "different thing",
    "things": "different things",
    "span_one": "puts {low:.1f}% in use",
    "subject_many": "The {n} quoted figures",
    "subject_one": "The one quoted figure",
    "lowest_many": "; the lowest ({who}) {share_of}",
    "lowest_one": " ({who}) and {share_of}",
    "use": "{subject} {span}{lowest}. ",
    "title_none": "No quoted share of fibre in use",
    "title_one": "The one quoted share of fibre in use is {low:.1f}%",
    "title_many": ("Quoted shares of fibre in use range from {low:.1f}% to {high:.0f}%, because they measure different "
                   "things"),
}


def prices_paragraph(p: dict) -> str:
    """`p` holds what the data allow; a missing item is None and its sentence is left out or says so."""
    t = PRICES
    out = []
    if p["bw"] is not None:
        fall, years, period, total = p["bw"]
        out.append(t["bandwidth"].format(fall=fall, years=years, period=shown_text(period), total=total))
        if p["lh"] is not None:
            lh_fall, lh_years, lh_yearly = p["lh"]
            out[-1] += t["long_haul"].format(fall=lh_fall, years=lh_years, yearly=lh_yearly)
        out[-1] += t["end"]
    if p["gpu"] is not None:
        gpu_fall, what, period = p["gpu"]
        if gpu_fall > 0:
            pace = ("gpu_slower" if p["bw"] is not None and gpu_fall < p["bw"][0] else
                    "gpu_as_fast" if p["bw"] is not None else "gpu_falling")
            out.append(t["gpu_falls"].format(lead=t[pace], what=lower_first(what), fall=gpu_fall,
                                             period=shown_text(period)))
        else:
            out.append(t["gpu_flat"].format(what=lower_first(what), change=-gpu_fall, period=shown_text(period)))
    if p["bust"] is not None:
        value_lost, n_bankrupt, jobs, debt = p["bust"]
        out.append(t["bust"].format(value_lost=big_usd(value_lost), n_bankrupt=n_bankrupt, jobs=jobs,
                                    debt=big_usd(debt)) + (t["then"] if p["biggest"] else t["end"]))
    if p["biggest"] is not None:
        company, date, assets = p["biggest"]
        out.append(t["biggest"].format(lead=t["biggest_after_bust" if p["bust"] is not None else "biggest_alone"],
                                       company=shown_name(company), date=shown_text(date), assets=usd(assets)))
    if p["peak"] is not None:
        out.append(peak_sentence(**p["peak"]))
    out.append(t["no_ai_debt"])
    return t["join"].join(out)


# The prices paragraph's words (the Chinese counterpart gives its own; the paragraph is put together above).
PRICES = {
    "bandwidth": ("The glut showed in prices: bandwidth prices fell {fall:.0%} in each of the {years:g} years of "
                  "{period}, {total:.0%} in all"),
    "long_haul": ", and long-haul prices fell more than {fall:.0%} over {years:g} years (at least {yearly:.0%} a year)",
    "end": ".",
    "then": ";",
    "gpu_slower": "GPU rental prices are falling too, but more slowly",
    "gpu_as_fast": "GPU rental prices are falling too, as fast or faster",
    "gpu_falling": "GPU rental prices are falling",
    "gpu_falls": "{lead} ({what}): {fall:.0%} in {period}.",
    "gpu_flat": "GPU rental prices are not falling ({what}): {change:+.0%} in {period}.",
    "bust": ("The telecom bust cost about {value_lost} of market value, {n_bankrupt} bankruptcies and some {jobs:,.0f} "
             "jobs, on industry debt of about {debt}"),
    "biggest_after_bust": "the largest filing listed",
    "biggest_alone": "The largest telecom filing listed",
    "biggest": "{lead}, {company} ({date}), held {assets} of assets.",
    "no_ai_debt": ("The data holds no bankruptcies or debt figures for the AI build-out, so that comparison cannot be "
                   "made yet."),
    "join": " ",
}


def shown_text(text: str) -> str:
    """A period or date label from the data, as a sentence shows it (as written)."""
    return text


def extended_note(extended: tuple[int, int, float] | None) -> str:
    """`extended` = (the index's last year, years beyond it, assumed inflation): the restatement is then partly
    an assumption, and the page says so."""
    if extended is None:
        return ""
    last, n, rate = extended
    return PEAK["extended"].format(last=last, n=n, rate=rate,
                                   after=PEAK["after_one" if n == 1 else "after_many"].format(n=n))


def peak_sentence(*, amount: float, year: int, scope: str, real: float | None, base_year: int | None,
                  index_name: str, ours: float | None, ours_year: int | None, basis_note: str,
                  extended: tuple[int, int, float] | None = None) -> str:
    t = PEAK
    text = t["peak"].format(amount=usd(amount), year=year, scope=shown(scope))
    if real is None or base_year is None:
        text += t["no_index"]
        if ours is not None and amount > 0:
            text += t["nominal"].format(ours_year=ours_year, ratio=times_that(ours / amount))
        return text + t["end"]
    text += t["real"].format(real=usd(real), base_year=base_year, index_name=shown(index_name),
                             extended=extended_note(extended))
    if ours is not None and ours_year is not None and real > 0:
        text += t["ours"].format(ours_year=ours_year, basis_note=shown(basis_note), ratio=times_that(ours / real),
                                 scope=shown(scope))
    return text + t["end"]


def telecom_title(amount: float | None, year: int | None, real: float | None, base_year: int | None,
                  fell_after: bool) -> str:
    t = TELECOM_TITLE
    if amount is None or year is None:
        return t["none"]
    text = t["peak"].format(amount=usd(amount), year=year)
    if real is not None and base_year is not None and base_year != year:
        text += t["real"].format(real=usd(real), base_year=base_year)
    return text + (t["fell"] if fell_after else "")


# The telecom peak's words (the Chinese counterpart gives its own; the sentences are put together above). Amounts
# come as text from `usd`, names and phrases of the data through `shown`.
PEAK = {
    "peak": "Peak carrier capex was {amount} in {year} ({scope})",
    "no_index": "; the price index does not reach that year, so it is not restated in today's dollars",
    "nominal": (". The US companies' capex in {ours_year} is {ratio} in nominal dollars, which overstates it by "
                "however much prices have risen since"),
    "real": ", or {real} in {base_year} dollars by the {index_name}{extended}",
    "ours": ("; the US companies' capex in {ours_year} on the nearest common basis ({basis_note}) is {ratio} in "
             "dollars of the same year, though the companies' spending is worldwide and the carriers' series covers "
             "{scope}"),
    "end": ".",
    "extended": " (the index ends in {last}; {after} an assumption, prices rising {rate:.1%} a year)",
    "after_one": "the year after it is",
    "after_many": "the {n} years after it are",
}
TELECOM_TITLE = {
    "none": "No telecom carriers' capex in the data",
    "peak": "Telecom carriers' capex peaked at {amount} in {year}",
    "real": " ({real} in {base_year} dollars)",
    "fell": ", then fell",
}


def usd(bn: float, digits: int = 0) -> str:
    """A dollar amount in billions: 'USD 120 bn'."""
    return f"USD {bn:,.{digits}f} bn"


def shown(text: str) -> str:
    """A name or phrase from the data or the chapter's code, as a sentence shows it (as written)."""
    return text


def analogy_paragraph(*, n_tests: int, holds: Sequence[str], breaks: Sequence[str]) -> str:
    t = ANALOGY
    return t["text"].format(n_tests=n_tests, n_holds=len(holds), holds=t["sep"].join(holds) or t["nothing"],
                            n_breaks=len(breaks), breaks=t["sep"].join(breaks) or t["nothing"])


ANALOGY = {"text": "Of {n_tests} tests, the analogy holds on {n_holds} ({holds}) and breaks on {n_breaks} ({breaks}).",
           "sep": "; ", "nothing": "none"}


def gpu_after_wait(gpu_life: float, wait: float) -> str:
    """What a wait of at least `wait` years leaves of GPUs lasting `gpu_life` (the wait is a lower bound)."""
    left = gpu_life - wait
    return DURABILITY["worn_out" if left <= 0 else "left"].format(wait=wait, left=left, gpu_life=gpu_life)


def outlast(life: float, wait: float) -> str:
    return DURABILITY["outlasts" if life > wait else "does_not_outlast"]


def durability_paragraph(*, fibre_life: float, gpu_life: float, building_life: float, lag: dict | None) -> str:
    """Asset life against the lag between a bust and later firms using the capacity (not against payback: fibre's
    builders never paid back either). `lag`: bust_year, bust_company, dark_year, in_use, who, years."""
    t = DURABILITY
    lives = {"fibre_life": fibre_life, "gpu_life": gpu_life, "building_life": building_life}
    if lag is None:
        return t["lead"] + t["no_lag"].format(**lives)
    return t["lead"] + t["lag"].format(
        **lives, years=lag["years"], bust_company=shown_name(lag["bust_company"]), bust_year=lag["bust_year"],
        dark_year=lag["dark_year"], who=shown_name(lag["who"]), in_use=lag["in_use"],
        fibre_outlast=outlast(fibre_life, lag["years"]), gpu=gpu_after_wait(gpu_life, lag["years"]),
        building_outlast=outlast(building_life, lag["years"]))


# Asset life against the wait: the words (the Chinese counterpart gives its own; the paragraph is put together
# above).
DURABILITY = {
    "lead": ("The deepest difference is what is left after a bust. The analogy needs what was built to still work "
             "when later firms come to use it, so the test sets each asset's life against that wait, not against "
             "the builders' payback (fibre's builders never paid back either). "),
    "no_lag": ("The data hold no quoted share of fibre in use after the bust, so the wait cannot be measured even "
               "for fibre. Fibre lasts about {fibre_life:.0f} years, GPU servers about {gpu_life:.0f} and buildings "
               "and power connections about {building_life:.0f} (all assumed)."),
    "lag": ("For fibre the wait was at least {years:.0f} years: {bust_company} failed in {bust_year}, and in "
            "{dark_year} {who} still put only {in_use:.0f}% in use. Fibre, lasting about {fibre_life:.0f} years "
            "(assumed), {fibre_outlast}. GPU servers, lasting about {gpu_life:.0f} years (assumed), bought at a peak "
            "{gpu}; buildings and power connections, about {building_life:.0f} years (assumed), {building_outlast}. "
            "How long AI's wait would be cannot be observed before a bust, so this part is not testable yet. Who "
            "pays may differ too, but the data cannot measure it: it records the telecom bust's bankruptcies and "
            "debt, and nothing of the kind for AI."),
    "worn_out": "would be worn out before a wait of at least {wait:.0f} years ended",
    "left": "would have at most {left:.0f} of their {gpu_life:.0f} years left, less if the wait was longer",
    "outlasts": "would outlast it",
    "does_not_outlast": "would not outlast it",
}


def shown_name(name: str) -> str:
    """A company's or publisher's name as a sentence shows it (as published)."""
    return name


# C38's tests and verdict ---------------------------------------------------------------------------------------

TEST_SCALE = "Scale: AI spending at or above the telecom peak as a share of GDP"
TEST_REVENUE = "Spending far ahead of what AI earns"
TEST_USE = "Much of the new capacity unused"
TEST_PRICES = "Capacity prices falling"
TEST_DURABLE = "Assets outlive the wait before later firms use a glut"
TEST_DEBT = "Debt-funded builders fail"


def scale_figures(n_ai_higher: int, n_pairs: int, ai: tuple[float, float] | None,
                  tel: tuple[float, float] | None) -> str:
    text = C38["scale"].format(n_ai_higher=n_ai_higher, n_pairs=n_pairs)
    if n_pairs and ai and tel:
        text += C38["scale_range"].format(ai_low=ai[0], ai_high=ai[1], tel_low=tel[0], tel_high=tel[1])
    return text


def revenue_figures(coverage: float | None, q_label: str, write_off: float,
                    cases: Sequence[tuple[float, str, float]]) -> str:
    """`cases`: (revenue, whose, share of the write-off that gross profit covers), one per revenue shown."""
    t = C38
    sequoia = t["sequoia"].format(coverage=coverage, q_label=q_label) if coverage is not None else ""
    shown_cases = t["case_sep"].join(t["case"].format(covers=covers, revenue=usd(revenue), whose=shown_whose(whose))
                                     for revenue, whose, covers in cases)
    return t["revenue"].format(sequoia=sequoia, write_off=usd(write_off), cases=shown_cases)


def use_figures(fibre: tuple[float, float] | None, china: dict | None) -> str:
    t = C38
    parts = []
    if fibre is not None:
        parts.append(t["fibre"].format(low=fibre[0], high=fibre[1]))
    if china is not None:
        parts.append(t["china"].format(qualifier=QUALIFIER.get(china["qualifier"], china["qualifier"]),
                                       share=china["share"], period=shown_text(china["period"])))
    return t["sep"].join(parts) or t["no_use"]


def prices_figures(gpu_fall: float, gpu_period: str, bw_fall: float | None, bw_period: str | None) -> str:
    text = C38["gpu_prices"].format(change=-gpu_fall, period=shown_text(gpu_period))
    if bw_fall is not None:
        text += C38["bw_prices"].format(change=-bw_fall, period=shown_text(str(bw_period)))
    return text


def durable_figures(fibre_life: float, gpu_life: float, building_life: float, lag_years: float | None) -> str:
    t = C38
    wait = t["wait"].format(years=lag_years) if lag_years is not None else t["no_wait"]
    return t["durable"].format(wait=wait, fibre_life=fibre_life, gpu_life=gpu_life, building_life=building_life)


def debt_figures(n_bankrupt: int | None, period: str | None) -> str:
    if n_bankrupt is None:
        return C38["no_debt"]
    return C38["debt"].format(n_bankrupt=n_bankrupt, period=shown_text(str(period)))


def c38_reason(*, holds: Sequence[str], breaks: Sequence[str], untested: Sequence[str], lag_years: float | None,
               gpu_life: float, building_life: float) -> str:
    t = C38
    if lag_years is None:
        wait = t["reason_no_wait"]
    else:
        wait = t["reason_wait"].format(lag_years=lag_years, gpu_life=gpu_life, gpu=gpu_after_wait(gpu_life, lag_years),
                                       building_life=building_life, outlast=outlast(building_life, lag_years))
    return (t["reason"].format(wait=wait, holds=t["sep"].join(holds) or t["nothing"],
                               breaks=t["sep"].join(breaks) or t["nothing"])
            + (t["untested"].format(untested=t["sep"].join(shown(u) for u in untested)) if untested else ""))


def shown_whose(whose: str) -> str:
    """Whose revenue a case uses ('assumed', 'as in the essay of ...'), as the figure shows it (as written)."""
    return whose


# C38's figures and reason: the words (the Chinese counterpart gives its own; put together above).
C38 = {
    "scale": "{n_ai_higher} of {n_pairs} commentators",
    "scale_range": "; AI {ai_low:.1f}-{ai_high:.1f}% vs telecom {tel_low:.1f}-{tel_high:.1f}%",
    "sequoia": "revenue covers {coverage:.0%} of Sequoia's need at the {q_label} run-rate; ",
    "case": "{covers:.0%} at {revenue} of revenue ({whose})",
    "case_sep": ", ",
    "revenue": ("{sequoia}in the steady state the yearly write-off of GPU spend at that run-rate is {write_off}, of "
                "which AI's gross profit covers {cases}"),
    "fibre": "fibre {low:.1f}-{high:.0f}% in use",
    "china": ("China: {qualifier} {share:.0%} of new computing capacity reported unused ({period}; a single reported "
              "estimate)"),
    "sep": "; ",
    "no_use": "no share in use in the data",
    "gpu_prices": "GPU rental {change:+.0%} ({period})",
    "bw_prices": " vs bandwidth {change:+.0%} a year ({period})",
    "wait": "fibre's wait at least {years:.0f} years; ",
    "no_wait": "fibre's wait not in the data; ",
    "durable": ("{wait}lives (assumed): fibre {fibre_life:.0f}, GPUs {gpu_life:.0f}, buildings and power "
                "{building_life:.0f} years; AI's wait not observable before a bust"),
    "no_debt": "no bankruptcy or debt data for either build-out",
    "debt": "{n_bankrupt} telecom bankruptcies ({period}); no AI bankruptcy or debt data",
    "reason_no_wait": "the data do not measure that wait even for fibre",
    "reason_wait": ("after the telecom bust fibre waited at least {lag_years:.0f} years; after a wait that long GPU "
                    "servers (about {gpu_life:.0f} years, assumed) {gpu}, and buildings and power (about "
                    "{building_life:.0f} years, assumed) {outlast}"),
    "reason": ("Not testable yet. The central part is whether what is built still works when later firms come to use "
               "a glut: {wait}. How long AI's wait would be cannot be observed before a bust, and none has happened. "
               "Other parts, shown for information: holds: {holds}. Breaks: {breaks}."),
    "nothing": "none",
    "untested": " Not tested with this data: {untested}.",
}


C38_FIGURE = "not testable yet (no AI bust to date); other parts hold on {holds} of {tests} tests, break on {breaks}"
