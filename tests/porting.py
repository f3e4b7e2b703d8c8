"""Which chapters' analysis has moved into `aicloud/analysis/<chapter>.py` (issue 12), for the tests that need it.

The chapters under test are every chapter that tests a claim (the `chapter` column of `data/claims.csv`) plus any
module in `aicloud/analysis/` that exposes `analyse`, so a chapter is covered as soon as its module lands.

`UNPORTED` lists the chapters whose module is not merged yet, each with the reason. A test of such a chapter is
marked `xfail(strict=True)` with that reason: it is reported as an expected failure ("no analysis module yet"),
never as a pass. When the chapter's module is merged the test passes, a strict xfail that passes fails the suite,
and the lead removes the chapter from `UNPORTED` (one line per chapter). A chapter missing from `UNPORTED` whose
module does not exist fails with "no analysis module yet".
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

from aicloud import analysis, data, pipeline

UNPORTED: dict[str, str] = {}   # every chapter that tests a claim has its module (main, 2026-12-01)


def analysis_modules() -> dict[str, ModuleType]:
    """Every module in `aicloud/analysis/` that exposes `analyse`, by chapter name."""
    found = {}
    for info in pkgutil.iter_modules(analysis.__path__):
        module = importlib.import_module(f"aicloud.analysis.{info.name}")
        if callable(getattr(module, "analyse", None)):
            found[info.name] = module
    return found


def chapters_under_test() -> list[str]:
    """The chapters that test a claim, in the book's order, then any other chapter with an analysis module."""
    claimed = set(data.load("claims")["chapter"])
    order = [ch.name for ch in pipeline.chapters()]
    names = [n for n in order if n in claimed]
    return names + sorted(set(analysis_modules()) - set(names))


def module_of(chapter: str) -> ModuleType:
    """The chapter's analysis module, or a test failure saying there is none yet."""
    module = analysis_modules().get(chapter)
    if module is None:
        pytest.fail(f"{chapter}: no analysis module yet (aicloud/analysis/{chapter}.py with analyse)")
    return module


# Defects these tests found in chapters already ported, each an expected failure (strict) with what was found, so
# that the suite stays green while the chapter's owner fixes it; the lead removes the entry with the fix. Keyed by
# (test, chapter); the test names are the `test` arguments the test files pass to `params`.
KNOWN_DEFECTS: dict[tuple[str, str], str] = {
}


def marks(chapter: str, passes_before_port: bool = False, test: str = "") -> list[pytest.MarkDecorator]:
    """`xfail(strict=True)` with the reason while `chapter` is in UNPORTED (unless the test already passes on the
    notebook as it is, `passes_before_port`), or while `(test, chapter)` is a known defect."""
    if chapter in UNPORTED and not passes_before_port:
        return [pytest.mark.xfail(strict=True, reason=UNPORTED[chapter])]
    if (test, chapter) in KNOWN_DEFECTS:
        return [pytest.mark.xfail(strict=True, reason=f"known defect: {KNOWN_DEFECTS[test, chapter]}")]
    return []


def params(chapters: list[str] | None = None, passing: set[str] | frozenset[str] = frozenset(),
           test: str = "") -> list:
    """`pytest.param(chapter, marks=...)` for each chapter under test (or `chapters`)."""
    return [pytest.param(c, id=c, marks=marks(c, c in passing, test)) for c in (chapters or chapters_under_test())]
