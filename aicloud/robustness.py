"""How robust each verdict is to the assumptions its rule reads.

For a rule and the evidence prepared once from the data, `sweep` moves every parameter the rule reads over its
documented range, one at a time (21 points by default, the others at their values) and jointly (10,000 seeded
draws, uniform within the ranges). A text or yes/no setting a rule reads (a company's name) has no range: it is
held at its value and listed in `held`. It reports the share of draws giving each verdict and the values where the
verdict flips. No kernel and no pandas work per scenario: only the rule is called.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from aicloud.analysis import Rule
from aicloud.params import Parameter

POINTS = 21
DRAWS = 10_000


@dataclass(frozen=True)
class Flip:
    """Moving `parameter` from `below` to `above` changes the verdict from `before` to `after`."""

    parameter: str
    below: float
    above: float
    before: str
    after: str


@dataclass
class Robustness:
    claim: str
    label: str                                    # the verdict at the parameters used
    reads: tuple[str, ...]
    held: tuple[str, ...] = ()                    # text or yes/no settings read, held at their values
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    one_at_a_time: dict[str, list[tuple[float, str]]] = field(default_factory=dict)
    flips: list[Flip] = field(default_factory=list)
    joint_shares: dict[str, float] = field(default_factory=dict)
    draws: int = 0

    @property
    def holds(self) -> bool:
        """True when no one-at-a-time move and no joint draw changes the verdict."""
        return not self.flips and self.joint_shares.get(self.label, 1.0) == 1.0

    def summary(self) -> str:
        """One sentence for the page and the ledger (the words from SUMMARY, the labels from `shown_label`)."""
        t = SUMMARY
        if not self.ranges:
            held = t["held"].format(names=t["list_sep"].join(self.held)) if self.held else ""
            return t["no_ranges"].format(held=held)
        joint = self.joint_shares.get(self.label, 1.0)
        label = shown_label(self.label)
        if self.holds:
            spans = t["list_sep"].join(t["span"].format(p=p, lo=lo, hi=hi) for p, (lo, hi) in self.ranges.items())
            return t["holds"].format(label=label, spans=spans, draws=self.draws)
        flips = t["flip_sep"].join(t["flip"].format(before=shown_label(f.before), parameter=f.parameter,
                                                    below=f.below, after=shown_label(f.after), above=f.above)
                                   for f in self.flips)
        return (t["joint"].format(label=label, joint=joint, draws=self.draws)
                + (t["flips"].format(flips=flips) if flips else t["no_flip"]))


# The summary's words (a Chinese edition supplies its own SUMMARY and `shown_label`; the control flow is the one
# above). Fields: `held` names, `p`/`lo`/`hi` a parameter's range, `label` the verdict as shown.
SUMMARY = {
    "list_sep": ", ",
    "held": " ({names} held at its value)",
    "no_ranges": "reads no numeric assumption{held}: the verdict depends on the data only",
    "span": "{p} {lo:g} to {hi:g}",
    "holds": "{label} over the whole range of {spans} and in all {draws:,} joint draws",
    "flip": "{before} up to {parameter} {below:g}, {after} from {above:g}",
    "flip_sep": "; ",
    "joint": "{label} in {joint:.0%} of {draws:,} joint draws",
    "flips": "; {flips}",
    "no_flip": "; no single assumption flips it alone",
}


def shown_label(label: str) -> str:
    """A verdict label as the summary shows it (the English label itself)."""
    return label


def _pairs(names: tuple[str, ...]) -> list[tuple[str, str]]:
    """Parameters that form an ordered low/high pair (`x_low_y` and `x_high_y`)."""
    return [(n, n.replace("low", "high", 1)) for n in names if "low" in n and n.replace("low", "high", 1) in names]


def sweep(rule: Rule, evidence: Any, params: Mapping[str, Any], declared: Mapping[str, Parameter],
          points: int = POINTS, draws: int = DRAWS, seed: int = 0) -> Robustness:
    """Sweep the parameters `rule` reads over their documented ranges (see the module docstring).

    `params` are the values used on the page; `declared` the chapter's parameters (for their ranges). A
    parameter the rule reads without a documented range is an error: its robustness could not be shown."""
    base = dict(params)
    label = rule(evidence, base).label
    held = tuple(n for n in rule.reads if n in declared and declared[n].type in ("str", "bool"))
    result = Robustness(rule.claim, label, rule.reads, held)
    for name in rule.reads:
        p = declared.get(name)
        if name in held:
            continue
        if p is None or p.low is None or p.high is None:
            raise ValueError(f"{rule.claim}: the rule reads parameter {name!r}, which has no documented range")
        result.ranges[name] = (p.low, p.high)
    if not result.ranges:
        return result

    def cast(name: str, value: float) -> Any:
        return int(round(value)) if declared[name].type == "int" else float(value)

    for name, (low, high) in result.ranges.items():
        grid = np.linspace(low, high, points)
        labels = [rule(evidence, {**base, name: cast(name, v)}).label for v in grid]
        result.one_at_a_time[name] = list(zip(grid.tolist(), labels))
        for (v0, l0), (v1, l1) in zip(result.one_at_a_time[name], result.one_at_a_time[name][1:]):
            if l0 != l1:
                result.flips.append(Flip(name, v0, v1, l0, l1))

    rng = np.random.default_rng(seed)
    names = list(result.ranges)
    lows = np.array([result.ranges[n][0] for n in names])
    highs = np.array([result.ranges[n][1] for n in names])
    sample = rng.uniform(lows, highs, size=(draws, len(names)))
    for low_name, high_name in _pairs(tuple(names)):
        i, j = names.index(low_name), names.index(high_name)
        sample[:, [i, j]] = np.sort(sample[:, [i, j]], axis=1)   # a low bound never above its high bound
    counts: Counter[str] = Counter()
    for row in sample:
        counts[rule(evidence, {**base, **{n: cast(n, v) for n, v in zip(names, row)}}).label] += 1
    result.draws = draws
    result.joint_shares = {k: v / draws for k, v in sorted(counts.items())}
    return result


def sweep_rules(rules: Mapping[str, Rule], evidence: Any, params: Mapping[str, Any],
                declared: Mapping[str, Parameter] | list[Parameter], **options: Any) -> dict[str, Robustness]:
    """`sweep` every rule of a chapter; `declared` may be the list `params.read(chapter)` returns."""
    if not isinstance(declared, Mapping):
        declared = {p.name: p for p in declared}
    from aicloud import sweep_cache  # a build's two editions sweep once (see aicloud.sweep_cache)

    return sweep_cache.cached(
        lambda: {claim: sweep(r, evidence, params, declared, **options) for claim, r in rules.items()},
        [(c, sweep_cache._code(r)) for c, r in sorted(rules.items())], sweep_cache.neutral(evidence), dict(params),
        declared, options)


# --- every claim, from the chapters' analysis modules (`python -m aicloud robustness`, the benchmark) ------------

@dataclass
class ClaimSweep:
    """One claim's sweep, or why there is none (`note`: no analysis module or rule yet, or the error raised)."""

    claim: str
    chapter: str
    result: Robustness | None = None
    note: str = ""
    failed: bool = False

    @property
    def scenarios(self) -> int:
        """Rule evaluations the sweep made: the page's parameters, each one-at-a-time point, each joint draw."""
        if self.result is None:
            return 0
        return 1 + sum(len(v) for v in self.result.one_at_a_time.values()) + self.result.draws


@dataclass
class ChapterInputs:
    """A chapter's analysis module, the evidence `prepare` makes from its default data, its default parameters
    and its declared parameters (for their ranges)."""

    module: Any
    evidence: Any
    params: dict[str, Any]
    declared: list[Parameter]


def analysis_module(chapter: str) -> Any | None:
    """`aicloud.analysis.<chapter>` if it exists and exposes `analyse`, else None."""
    import importlib

    try:
        module = importlib.import_module(f"aicloud.analysis.{chapter}")
    except ModuleNotFoundError as err:
        if err.name != f"aicloud.analysis.{chapter}":
            raise  # the module exists but imports something missing: a real error
        return None
    return module if callable(getattr(module, "analyse", None)) else None


def default_tables(declared: list[Parameter]) -> Any:
    """The tables a chapter reads, from the files its `*_csv` parameters name by default. A page that weighs the
    claims ledger (a `ledger_path` parameter) also gets it, as `tables['ledger']`."""
    from aicloud import data

    paths = {p.resource: p.default for p in declared if p.resource}
    ledger = next((p.default for p in declared if p.name == "ledger_path"), None)

    class ChapterTables(data.Tables):
        def __getitem__(self, name: str) -> Any:
            if name == "ledger" and ledger is not None:
                import pandas as pd

                path = data.resolve(str(ledger))
                if not path.exists():
                    raise FileNotFoundError(f"{path} does not exist yet: the build writes the claims ledger "
                                            "(run `python -m aicloud build` first)")
                return pd.read_csv(path, dtype=str, keep_default_na=False)
            return super().__getitem__(name)

    return ChapterTables(**paths)


def chapter_inputs(chapter: str) -> ChapterInputs | None:
    """Everything a sweep of `chapter`'s rules needs, at its defaults; None when it has no analysis module yet."""
    from aicloud import params as params_mod

    module = analysis_module(chapter)
    if module is None:
        return None
    declared = params_mod.read(chapter)
    evidence = module.prepare(default_tables(declared))
    return ChapterInputs(module, evidence, {p.name: p.default for p in declared}, declared)


def claim_chapters() -> dict[str, str]:
    """Each claim id with the chapter that tests it (`data/claims.csv`), in claim order."""
    from aicloud import data

    table = data.load("claims")
    return dict(zip(table["id"], table["chapter"]))


def sweep_claims(claims: list[str] | None = None, **options: Any) -> list[ClaimSweep]:
    """Sweep every claim (or `claims`) with its chapter's rule at the chapter's default data and parameters.

    A claim whose chapter has no analysis module, or whose module has no rule for it, gets a note instead; an
    error while preparing or sweeping is kept as the claim's note with `failed` set, so one chapter's error
    does not hide the others' results."""
    from aicloud.analysis import rules_of

    chapter_of = claim_chapters()
    wanted = claims if claims is not None else list(chapter_of)
    inputs: dict[str, ChapterInputs | None | Exception] = {}
    out = []
    for claim in wanted:
        chapter = chapter_of[claim]
        if chapter not in inputs:
            try:
                inputs[chapter] = chapter_inputs(chapter)
            except Exception as err:  # reported per claim; the command exits 1
                inputs[chapter] = err
        got = inputs[chapter]
        if isinstance(got, Exception):
            out.append(ClaimSweep(claim, chapter, note=f"{type(got).__name__}: {got}", failed=True))
        elif got is None:
            out.append(ClaimSweep(claim, chapter, note=f"no analysis module yet (aicloud/analysis/{chapter}.py)"))
        elif claim not in rules_of(got.module):
            out.append(ClaimSweep(claim, chapter, note=f"aicloud/analysis/{chapter}.py has no rule for {claim}"))
        else:
            try:
                result = sweep(rules_of(got.module)[claim], got.evidence, got.params,
                               {p.name: p for p in got.declared}, **options)
                out.append(ClaimSweep(claim, chapter, result))
            except Exception as err:  # reported per claim; the command exits 1
                out.append(ClaimSweep(claim, chapter, note=f"{type(err).__name__}: {err}", failed=True))
    return out


# Reader-facing lines of `python -m aicloud robustness` (one template per line kind).
LINE_CLAIM = "{claim} ({chapter}): {label} at the default parameters"
LINE_NONE = "{claim} ({chapter}): {note}"
LINE_READS = "  assumptions read: {spans}"
LINE_HELD = "  settings held at their values (text, yes/no): {names}"
LINE_NO_READS = "  reads no numeric assumption: the verdict depends on the data only"
LINE_FLIP = "  flips: {before} up to {parameter} = {below:g}, {after} from {above:g}"
LINE_NO_FLIP = "  one at a time ({points} points each): no single assumption changes the verdict"
LINE_JOINT = "  joint draws ({draws:,}, seeded): {shares}"


def describe(item: ClaimSweep) -> list[str]:
    """The lines `python -m aicloud robustness` prints for one claim."""
    r = item.result
    if r is None:
        return [LINE_NONE.format(claim=item.claim, chapter=item.chapter, note=item.note)]
    lines = [LINE_CLAIM.format(claim=item.claim, chapter=item.chapter, label=r.label)]
    if r.held:
        lines.append(LINE_HELD.format(names=", ".join(r.held)))
    if not r.ranges:
        return lines + [LINE_NO_READS]
    lines.append(LINE_READS.format(spans=", ".join(f"{p} {lo:g} to {hi:g}" for p, (lo, hi) in r.ranges.items())))
    points = max((len(v) for v in r.one_at_a_time.values()), default=0)
    lines += [LINE_FLIP.format(**vars(f)) for f in r.flips] or [LINE_NO_FLIP.format(points=points)]
    lines.append(LINE_JOINT.format(draws=r.draws, shares=", ".join(
        f"{label} {share:.1%}" for label, share in sorted(r.joint_shares.items(), key=lambda kv: -kv[1]))))
    return lines


LINE_TALLY = "{swept} of {total} claims swept ({scenarios:,} scenarios); {pending} without a rule yet; {failed} failed."


def tally(items: list[ClaimSweep]) -> str:
    """The closing line: how many claims were swept, how many scenarios that took, what is missing."""
    swept = [i for i in items if i.result is not None]
    return LINE_TALLY.format(swept=len(swept), total=len(items), scenarios=sum(i.scenarios for i in swept),
                             pending=sum(i.result is None and not i.failed for i in items),
                             failed=sum(i.failed for i in items))
