"""Data labels are text: escaped for the Markdown or HTML they are written into, so that no label becomes a
link, an image, markup or a line break that ends an HTML block of a generated page."""

from __future__ import annotations

import html
import re

_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def one_line(text: object) -> str:
    """`text` with every run of whitespace (line breaks too) as one space."""
    return " ".join(str(text).split())


def html_text(text: object) -> str:
    """Text for HTML (an element's content or an attribute's value), on one line so it cannot end a raw HTML block
    of a Markdown page."""
    return html.escape(one_line(text), quote=True)


def markdown_text(text: object) -> str:
    """Text for Markdown (CommonMark or MyST), shown exactly as written: every ASCII punctuation character is
    backslash-escaped (which also keeps `<`, `&` and `|` from being read as HTML or a table cell's end)."""
    return _PUNCTUATION.sub(r"\\\1", one_line(text))
