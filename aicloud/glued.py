"""Read values glued by myst-nb back out of an executed notebook (for the ledger and for tests)."""

from __future__ import annotations

import json
from pathlib import Path


def glued(notebook: str | Path) -> dict[str, str]:
    """Every glued key of an executed notebook with its text/plain value (strings keep their quotes off).

    Read as plain JSON: the notebooks are the build's own, and schema validation would triple the time."""
    nb = json.loads(Path(notebook).read_bytes())
    values: dict[str, str] = {}
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}).get("scrapbook", {})
            if "name" in meta:
                prefix = meta.get("mime_prefix", "")
                text = output.get("data", {}).get(prefix + "text/plain", "")
                text = "".join(text) if isinstance(text, list) else text  # the file format splits long text
                if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
                    text = text[1:-1]
                values[meta["name"]] = text
    return values
