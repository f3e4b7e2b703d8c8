"""A Sphinx extension for a site that works with no network: drop sphinx-thebe's scripts.

Jupyter Book always loads sphinx-thebe, which writes a config script naming a CDN address (twice, which also
raises "Identifier 'THEBE_JS_URL' has already been declared" in the browser) even though live code (thebe) is off
in this book. Nothing ever loads from that address, but the pages are cleaner and error-free without it.
"""

from __future__ import annotations


def _drop_thebe(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if scripts is None:
        return
    context["script_files"] = [
        s for s in scripts
        if "THEBE_JS_URL" not in str(getattr(s, "attributes", {}).get("body", ""))
        and not str(getattr(s, "filename", s) or "").endswith("sphinx-thebe.js")
    ]


def setup(app):
    app.connect("html-page-context", _drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
