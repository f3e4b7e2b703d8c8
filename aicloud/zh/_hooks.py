"""What `aicloud.i18n.use("zh")` installs besides the counterparts: glued strings and the HTML of tables pass
through `aicloud.i18n.display` in a Chinese kernel. `uninstall` restores the English behaviour."""

from __future__ import annotations

from typing import Any

from aicloud import i18n

_saved: dict[str, Any] = {}


def _glue(name: str, variable: Any, display: bool = True) -> None:
    # A value glued as a key (`<claim>_verdict_key`) is what the ledger compares: it stays as it is.
    shown = variable if name.endswith("_key") else i18n.display(variable, f"glue:{name}")
    return _saved["glue"](name, shown, display)


def install() -> None:
    import myst_nb
    import myst_nb.ext.glue as glue_module

    if "glue" not in _saved:
        _saved["glue"] = glue_module.glue
        myst_nb.glue = _glue
        glue_module.glue = _glue
    _install_formatters()


def uninstall() -> None:
    if "glue" in _saved:
        import myst_nb
        import myst_nb.ext.glue as glue_module

        myst_nb.glue = glue_module.glue = _saved.pop("glue")
    shell = _shell()
    if shell is not None and "formatters" in _saved:
        html_formatter = shell.display_formatter.formatters["text/html"]
        for kind in _saved.pop("formatters"):
            html_formatter.pop(kind, None)


def _shell() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _install_formatters() -> None:
    """Tables (styled or not) and HTML objects shown in a Chinese kernel get their text translated."""
    shell = _shell()
    if shell is None or "formatters" in _saved:
        return
    import pandas as pd
    from IPython.display import HTML
    from pandas.io.formats.style import Styler

    from aicloud.zh._display import html_text

    html_formatter = shell.display_formatter.formatters["text/html"]
    html_formatter.for_type(Styler, lambda s: html_text(s.to_html()))
    html_formatter.for_type(pd.DataFrame, lambda f: html_text(f.to_html()))
    html_formatter.for_type(HTML, lambda h: html_text(h.data or ""))
    _saved["formatters"] = [Styler, pd.DataFrame, HTML]
