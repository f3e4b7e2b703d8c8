"""The only places where aicloud relies on another library's internals or on the exact shape of its API.

Each adapter names the versions it was written for (`PINNED`, the same as requirements-lock.txt) and has a
`check()` that fails with a clear message when the installed library no longer offers what it relies on
(`tests/test_adapters.py` runs them).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable


class AdapterError(RuntimeError):
    """An adapted library changed: the message names the adapter, the pinned version and what is missing."""


def require(adapter: str, pinned: str, owner: object, name: str, parameters: tuple[str, ...]) -> None:
    """`owner.name` must exist and accept `parameters` (by name, in order, as the pinned version does)."""
    where = f"{getattr(owner, '__module__', '')}.{getattr(owner, '__qualname__', owner)}.{name}"
    found: Callable | None = getattr(owner, name, None)
    if found is None:
        raise AdapterError(f"{adapter} relies on {where}, which {pinned} has and the installed version does not; "
                           f"install {pinned} (requirements-lock.txt) or update {adapter}")
    actual = tuple(p for p in inspect.signature(found).parameters if p not in ("self", "args", "kwargs", "kw"))
    if actual[:len(parameters)] != parameters:
        raise AdapterError(f"{adapter} relies on {where}{parameters} as in {pinned}; the installed version has "
                           f"{actual}; install {pinned} (requirements-lock.txt) or update {adapter}")
