"""The introduction's analysis: the timeline's span and counts, with the sentences that state them. No claim is
judged here (the phases are tested in the conclusion)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from aicloud.analysis import ChapterResult

RESOURCES = ("sources", "timeline_events")


def prepare(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    events = tables["timeline_events"].sort_values("date")
    return events.assign(year=events["date"].dt.year, day=events["date"].dt.strftime("%d %b %Y"))


def analyse(tables: Mapping[str, pd.DataFrame], params: Mapping[str, Any],
            evidence: pd.DataFrame | None = None) -> ChapterResult:
    events = evidence if evidence is not None else prepare(tables)
    result = ChapterResult(frames={"events": events})
    n, kinds = len(events), int(events["category"].nunique())
    if n == 0:
        result.values["timeline_text"] = EMPTY
        result.titles["timeline"] = EMPTY_TITLE
        return result
    first, last = events["date"].min(), events["date"].max()
    result.values.update({"n_events": n, "n_categories": kinds, "first_year": int(first.year),
                          "last_year": int(last.year)})
    result.values["timeline_text"], result.titles["timeline"], result.values["timeline_description"] = \
        timeline_texts(n, kinds, first, last)
    return result


# Sentences (a Chinese edition needs a counterpart for each) -------------------------------------------------

def timeline_texts(n: int, kinds: int, first: pd.Timestamp, last: pd.Timestamp) -> tuple[str, str, str]:
    """The sentence under the timeline, the chart's title and its description (words from the templates below)."""
    one = (first.year, first.month) == (last.year, last.month)
    span_long = SPAN["one_long" if one else "long"].format(first=first, last=last)
    span_short = SPAN["one_short" if one else "short"].format(first=first, last=last)
    events = EVENTS[n != 1].format(n=n)
    text = TIMELINE.format(events=events, span=span_long, kinds=KINDS[kinds != 1].format(n=kinds),
                           slider=SLIDER if first.year != last.year else "")
    title = TITLE.format(events=events, n=n, span=span_short)
    return text, title, DESCRIPTION.format(n=n, span=span_long)


# A month span (`first`, `last`: timestamps), long in sentences and short in the title.
SPAN = {"one_long": "in {first:%B %Y}", "long": "from {first:%B %Y} to {last:%B %Y}",
        "one_short": "in {first:%b %Y}", "short": "from {first:%b %Y} to {last:%b %Y}"}
EVENTS = ("{n} dated event", "{n} dated events")   # one, several
KINDS = ("{n} kind", "{n} kinds")
TITLE = "{events} {span}, one row per kind of event"
EMPTY_TITLE = "The timeline data hold no events"
TIMELINE = ("The timeline above holds {events}, {span}, in {kinds}. Hover over a point for the event and its "
            "source{slider}.")
SLIDER = "; the slider replays the years"
EMPTY = "The timeline data given to this run hold no events, so there is no timeline to show."
DESCRIPTION = ("A timeline of {n} events {span}: export controls, price cuts, model releases, supernodes, pledges and "
               "reorganisations, coloured by phase; a slider hides events after a chosen year.")
