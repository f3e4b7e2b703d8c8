"""Chinese counterpart of `aicloud.data`: the source line under a chart. Data problems are reported by the
command line, in English (not part of the pages)."""

from __future__ import annotations

import pandas as pd

from aicloud.data import Tables
from aicloud.i18n import name

NOT_SHOWN = {"TYPE_HINTS": "command-line messages", "DataError": "command-line messages",
             "_suggest": "command-line messages", "_decode": "command-line messages",
             "_split_rows": "command-line messages", "_column_problems": "command-line messages",
             "_read": "command-line messages", "_foreign_key_problems": "command-line messages",
             "_csv_rows": "command-line messages", "_order_problems": "command-line messages"}


def source_line(self: Tables, *frames: pd.DataFrame) -> str:
    """'来源：发布者（日期）；……。' for a chart, built from the cited rows, never typed."""
    cited = self.sources_of(*frames)
    parts = []
    for _, s in cited.iterrows():
        has_date = isinstance(s["date"], str) and s["date"].strip()
        part = f"{name(s['publisher'])}（{s['date']}）" if has_date else name(s["publisher"])
        if part not in parts:
            parts.append(part)
    return "来源：" + "；".join(parts) + "。"


ATTRIBUTES = {"Tables.source_line": source_line}
