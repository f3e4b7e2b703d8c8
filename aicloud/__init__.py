"""The AI-cloud competition report: data, models, charts and the build pipeline."""

import pandas as _pd

# Data may hold any text (a user's label can contain "<script>"): tables rendered with Styler escape HTML.
_pd.set_option("styler.format.escape", "html")
