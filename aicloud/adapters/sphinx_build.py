"""The site build's use of Jupyter Book and Sphinx: one call, and a pause before the pages are read.

Public API only: `jupyter_book.sphinx.build_sphinx` (what `jupyter-book build` runs) with the options its command
line passes, `jupyter_book.config.get_final_config` (to add one extension to the configuration it makes), and
Sphinx's `builder-inited` event, emitted once Sphinx, the extensions, the configuration and the theme are loaded and
before any page is read: this module is also that extension. When the build is prepared ahead, the handler says
so on a pipe and waits for "build" on standard input; input that ends first cancels the build, writing nothing.
`check()` fails naming `PINNED` if the functions' shape changed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from aicloud.adapters import require

PINNED = "jupyter-book==1.0.4.post1 with sphinx==7.4.7"
READY_FD = "AICLOUD_SITE_READY_FD"  # environment variable: the pipe to announce "prepared" on
CANCELLED = 3  # exit code of a build that was told not to go ahead


def check() -> None:
    """Raise AdapterError naming PINNED if the Jupyter Book or Sphinx API used here changed."""
    from jupyter_book import config, sphinx
    from sphinx.application import Sphinx

    require(__name__, PINNED, sphinx, "build_sphinx", ("sourcedir", "outputdir", "use_external_toc", "confdir",
                                                        "path_config", "noconfig", "confoverrides"))
    require(__name__, PINNED, config, "get_final_config", ("user_yaml", "cli_config", "sourcedir"))
    require(__name__, PINNED, Sphinx, "connect", ("event", "callback", "priority"))
    from sphinx.events import core_events

    if "builder-inited" not in core_events:
        from aicloud.adapters import AdapterError

        raise AdapterError(f"{__name__} waits at Sphinx's 'builder-inited' event, as in {PINNED}; the installed "
                           "Sphinx has no such event; update the adapter")


def build(source: Path, output: Path, *, wait: bool) -> int:
    """`jupyter-book build SOURCE -W -n --keep-going --quiet` into `output`; with `wait`, pause before reading
    the pages (see the module's docstring). Returns Sphinx's exit status."""
    from jupyter_book.config import get_final_config
    from jupyter_book.sphinx import build_sphinx

    overrides: dict[str, object] = {"external_toc_path": (source / "_toc.yml").as_posix(),
                                    "latex_individualpages": False, "nitpicky": True}
    if wait:
        final, _ = get_final_config(user_yaml=source / "_config.yml", cli_config=dict(overrides), sourcedir=source)
        overrides["extensions"] = [*final["extensions"], __name__]
    result = build_sphinx(str(source), str(output), noconfig=True, path_config=str(source / "_config.yml"),
                          confoverrides=overrides, builder="html", warningiserror=True, keep_going=True, quiet=True)
    return 1 if isinstance(result, BaseException) else int(result or 0)


def _wait_for_the_pages(app: object) -> None:
    fd = int(os.environ.pop(READY_FD))
    os.write(fd, b"ready\n")
    os.close(fd)
    if sys.stdin.readline().strip() != "build":
        raise SystemExit(CANCELLED)


def setup(app: object) -> dict[str, bool]:
    app.connect("builder-inited", _wait_for_the_pages, priority=1000)  # type: ignore[attr-defined]
    return {"parallel_read_safe": True, "parallel_write_safe": True}
