"""Robustness sweeps shared between a build's two editions.

A sweep depends only on the rules, the evidence prepared from the data, the parameters and their ranges, never
on the language the page is written in; it is most of a chapter's run time. During a build (`AICLOUD_SWEEP_CACHE`
names a folder) the English run of a chapter stores its sweeps under a hash of all those inputs and of the
package's source, and the Chinese run of the same chapter reads them instead of sweeping again. A run that
finds another run computing the same sweeps waits for it. Outside a build nothing is cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENV = "AICLOUD_SWEEP_CACHE"
PACKAGE = Path(__file__).resolve().parent


def _package_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        if "zh" not in path.relative_to(PACKAGE).parts[:1]:   # the Chinese text changes no sweep
            h.update(path.read_bytes())
    return h.hexdigest()


def enable(folder: Path) -> None:
    """Share sweeps through `folder` in this process and the kernels it starts (the build calls this); entries
    unused for 30 days are removed."""
    import time

    os.environ[ENV] = str(folder)
    if folder.exists():
        old = time.time() - 30 * 86400
        for entry in folder.glob("*.pickle"):
            if entry.stat().st_mtime < old:
                entry.unlink(missing_ok=True)
                entry.with_suffix(".lock").unlink(missing_ok=True)


def neutral(evidence: Any) -> Any:
    """The evidence as the cache key sees it: Chinese evidence whose sentences were made again in Chinese carries
    the English evidence it was made from (`aicloud.i18n.NEUTRAL`); the rules' labels are the same for both."""
    return getattr(evidence, "_aicloud_neutral", evidence)


def _code(rule: Any) -> Any:
    """What identifies a rule's behaviour: its function's name, bytecode and constants."""
    fn = getattr(rule, "evaluate", rule)
    code = getattr(fn, "__code__", None)
    return (getattr(fn, "__module__", ""), getattr(fn, "__qualname__", ""),
            code.co_code if code else b"", _consts(code) if code else "")


def _consts(code: Any) -> str:
    """A code object's constants as text, nested code (comprehensions, lambdas) by its own bytecode and constants:
    the repr of a code object holds its address, which differs between the two editions' processes."""
    parts = []
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            parts.append(f"<code {const.co_name} {const.co_code.hex()} {_consts(const)}>")
        else:
            parts.append(repr(const))
    return "(" + ", ".join(parts) + ")"


class _KeyPickler(pickle.Pickler):
    """Pickles the sweeps' inputs for their key. China's evidence inside another chapter's evidence
    (`china_chain.ChainFigure`) is keyed by its numbers, where it points and its sources, not by its sentence,
    which is written in the page's language: the rules' labels depend on the former only."""

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if kind.__name__ == "ChainFigure" and kind.__module__ == "aicloud.analysis.china_chain":
            return tuple, ((obj.claim, obj.value, obj.points, obj.evidence, tuple(obj.sources)),)
        return NotImplemented


def key(*inputs: Any) -> str | None:
    """The hash of the sweeps' inputs, or None when they cannot be hashed (then nothing is cached)."""
    import io

    buffer = io.BytesIO()
    try:
        _KeyPickler(buffer, protocol=5).dump(inputs)
    except Exception:   # something that does not pickle: sweep as usual
        return None
    return hashlib.sha256(buffer.getvalue() + _package_digest().encode()).hexdigest()


def cached(compute: Callable[[], Any], *inputs: Any) -> Any:
    """`compute()`, or the result stored by an earlier run with the same inputs."""
    folder = os.environ.get(ENV)
    digest = key(*inputs) if folder else None
    if not folder or digest is None:
        return compute()
    place = Path(folder)
    place.mkdir(parents=True, exist_ok=True)
    entry = place / f"{digest}.pickle"
    with _locked(place / f"{digest}.lock"):
        if entry.exists():
            try:
                return pickle.loads(entry.read_bytes())
            except Exception:
                entry.unlink(missing_ok=True)
        result = compute()
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(result, protocol=5))
        os.replace(tmp, entry)
    return result


@contextlib.contextmanager
def _locked(path: Path):
    try:
        import fcntl
    except ImportError:   # no advisory locks (Windows): at worst both runs sweep
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
