"""Vega, Vega-Lite and Vega-Embed for pages that draw charts with no network: bundled once per environment from
the installed vl-convert, written into the site's `_static/vega` and inlined into the standalone page of `run`."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from aicloud.layout import CACHE, write_if_changed

_VEGA = """import json, altair as alt, vl_convert
print(json.dumps({"bundle": vl_convert.javascript_bundle(), "preset": {"vega_version": alt.VEGA_VERSION,
      "vegalite_version": alt.VEGALITE_VERSION, "vegaembed_version": alt.VEGAEMBED_VERSION}}))"""


def vega_assets() -> dict[str, object]:
    """Vega, Vega-Lite and Vega-Embed bundled by the installed vl-convert, and the versions Altair expects.

    Made once per environment and kept beside it (`<venv>/share/aicloud/`, or `.cache/` if that is read-only):
    the bundle depends only on the installed packages, and vl-convert takes over a second to make it. The
    Makefile makes it when it installs the environment; a build makes it if it is missing.
    """
    from importlib.metadata import version

    versions = f"vl-convert-python {version('vl-convert-python')}; altair {version('altair')}"
    name = f"vega-{hashlib.sha256(versions.encode()).hexdigest()[:16]}.json"
    places = [Path(sys.prefix) / "share" / "aicloud" / name, CACHE / "vega" / name]
    for place in places:
        try:
            found = json.loads(place.read_text(encoding="utf-8"))
            if found.get("versions") == versions:
                return found
        except (OSError, ValueError):
            pass
    # vl-convert bundles in Rust and holds Python's lock while it does: in a separate process, so a build's
    # threads that talk to the chapters' kernels are never stalled.
    found = json.loads(subprocess.run([sys.executable, "-c", _VEGA], capture_output=True, text=True,
                                      check=True).stdout)
    found["versions"] = versions
    for place in places:
        try:
            place.parent.mkdir(parents=True, exist_ok=True)
            write_if_changed(place, json.dumps(found))
            break
        except OSError:
            continue
    return found


def vendor_vega(static_dir: Path) -> list[str]:
    """Write Vega, Vega-Lite and Vega-Embed (see `vega_assets`) into `static_dir/vega` for the site.

    The bundle is wrapped in a function so its top-level names cannot clash with Sphinx's scripts; the
    preset `VEGA_DEBUG` tells Altair's loader the libraries are already there, so it never asks a CDN.
    Files already holding the same text are not rewritten.
    """
    found = vega_assets()
    target = static_dir / "vega"
    target.mkdir(parents=True, exist_ok=True)
    write_if_changed(target / "vega-bundle.js", "(function(){\n" + str(found["bundle"]) + "\n})();\n")
    write_if_changed(target / "altair-offline.js", f"var VEGA_DEBUG = {json.dumps(found['preset'])};\n")
    return ["vega/vega-bundle.js", "vega/altair-offline.js"]
