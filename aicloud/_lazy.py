"""pandas imported on first use, so commands that need no table (a no-op build, `chapters`) start fast."""

from __future__ import annotations

import importlib
from types import ModuleType


class _LazyPandas:
    _module: ModuleType | None = None

    def __getattr__(self, name: str):
        if _LazyPandas._module is None:
            module = importlib.import_module("pandas")
            # Data may hold any text (a label can contain "<script>"): styled tables escape HTML by default.
            module.set_option("styler.format.escape", "html")
            _LazyPandas._module = module
        return getattr(_LazyPandas._module, name)


pd = _LazyPandas()
