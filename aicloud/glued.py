"""Read values glued by myst-nb back out of an executed notebook (for the ledger and for tests)."""

from __future__ import annotations

from pathlib import Path

import nbformat


def glued(notebook: str | Path) -> dict[str, str]:
    """Every glued key of an executed notebook with its text/plain value (strings keep their quotes off)."""
    nb = nbformat.read(str(notebook), as_version=4)
    values: dict[str, str] = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}).get("scrapbook", {})
            if "name" in meta:
                prefix = meta.get("mime_prefix", "")
                text = output.get("data", {}).get(prefix + "text/plain", "")
                if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
                    text = text[1:-1]
                values[meta["name"]] = text
    return values
