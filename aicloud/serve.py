"""`python -m aicloud serve`: the built site on 127.0.0.1, files only.

A folder is never listed (404 unless it has an index.html), a request that cannot name a file (a NUL byte, a name
too long) gets 400 or 404 instead of a traceback, and a client that hangs up is not an error."""

from __future__ import annotations

import errno
import http.server
import sys
from collections.abc import Callable
from pathlib import Path

from aicloud.layout import InputError


def serve(root: Path, port: int, say: Callable[[str], None], error: Callable[[str], None]) -> int:
    """Serve `root` on 127.0.0.1:`port` until interrupted."""
    if not (root / "index.html").is_file():
        raise InputError(f"{root}: no site to serve (no index.html); build it first: python -m aicloud build")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a: object, **kw: object) -> None:
            super().__init__(*a, directory=str(root), **kw)  # type: ignore[misc]

        def list_directory(self, path: str) -> None:  # type: ignore[override]
            self.send_error(404, "Not found")

        def send_head(self):  # type: ignore[no-untyped-def]
            try:
                return super().send_head()
            except (ValueError, OSError):  # a NUL byte or another impossible path in the request
                self.send_error(400, "Bad request")
                return None

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: tuple) -> None:
            kind, err = sys.exc_info()[:2]
            if not isinstance(err, (ConnectionError, TimeoutError)):
                error(f"request from {client_address[0]} failed: {kind.__name__ if kind else ''}: {err}")

    try:
        httpd = Server(("127.0.0.1", port), Handler)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise InputError(f"port {port} is in use; choose another with --port") from None
        raise
    with httpd:
        say(f"Serving {root} at http://127.0.0.1:{port}/ (Ctrl-C to stop)")
        httpd.serve_forever()
    return 0
