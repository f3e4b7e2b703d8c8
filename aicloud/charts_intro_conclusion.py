"""The introduction's and the conclusion's charts, drawn from the frames and titles of their `ChapterResult`
(`aicloud.analysis.introduction`, `aicloud.analysis.conclusion`); titles that state a finding come from the
analysis."""

from __future__ import annotations

import altair as alt

from aicloud import charts
from aicloud.analysis import ChapterResult
from aicloud.data import Tables
from aicloud.verdicts import LABELS

# The house verdict colours (distinguishable under colour-vision deficiencies; see aicloud.charts).
COLORS = {label: charts.VERDICT_COLORS[label] for label in (*LABELS, "no verdict yet")}


def verdicts(r: ChapterResult, tables: Tables) -> alt.TopLevelMixin:
    order = [*LABELS, "no verdict yet"]
    return charts.finish(
        alt.Chart(r.frames["by_phase"]).mark_bar(stroke="#999", strokeWidth=0.5).encode(
            x=alt.X("claims:Q", title="Claims (count)"), y=alt.Y("phase:N", title="Phase of the article"),
            color=alt.Color("verdict:N", title="Verdict", scale=alt.Scale(domain=order,
                                                                          range=[COLORS[v] for v in order])),
            order=alt.Order("verdict_rank:Q"), tooltip=["phase:N", "verdict:N", "claims:Q"],
        ).transform_calculate(verdict_rank=f"indexof({order!r}, datum.verdict)"),
        title=r.titles["verdicts"], height=160,
        subtitle="Verdicts recorded by the chapters, number of claims per phase of the article",
        source=tables.source_line(tables["claims"]) + " Verdicts: this report's chapters.",
        description=("Stacked horizontal bars counting the article's claims by phase and verdict: supported, partly "
                     "supported, contradicted, not testable with public data, not testable with this run's data."))


def mix(r: ChapterResult, tables: Tables) -> alt.TopLevelMixin:
    return charts.finish(
        alt.Chart(r.frames["mix"]).mark_bar().encode(
            x=alt.X("events:Q", title="Dated events (count)"), y=alt.Y("phase:N", title="Phase"),
            color=alt.Color("factor:N", title="Factor the event speaks to"),
            tooltip=["phase:N", "factor:N", "events:Q"]),
        title=r.titles["mix"], height=140,
        subtitle="Dated events per phase, grouped by the competitive factor they concern (count)",
        source=tables.source_line(tables["timeline_events"]),
        description="Stacked bars of timeline events per phase of the article, coloured by the factor they concern.")


def timeline(r: ChapterResult, tables: Tables) -> alt.TopLevelMixin:
    events, v = r.frames["events"], r.values
    until = alt.param(name="until_year", value=v.get("last_year", 0), bind=alt.binding_range(
        min=v.get("first_year", 0), max=v.get("last_year", 0), step=1, name="Show events up to the end of "))
    points = alt.Chart(events).mark_point(filled=True, size=110).encode(
        x=alt.X("date:T", title="Date"),
        y=alt.Y("category:N", title=None, sort=alt.EncodingSortField("date", op="min")),
        color=alt.Color("phase:N", title="Phase in the article"),
        shape=alt.Shape("date_precision:N", title="Date precision"),
        tooltip=[alt.Tooltip("day:N", title="date"), "date_precision:N", "actor:N", "category:N", "event:N",
                 "source_id:N"]).add_params(until).transform_filter(alt.datum.year <= until)
    return charts.finish(
        points, title=r.titles["timeline"], height=260,
        subtitle="Each point is one sourced event; colour: the article's phase; move the slider to replay the years",
        source=tables.source_line(events) if len(events) else "Source: none in the data.",
        description=v.get("timeline_description", v["timeline_text"]))
