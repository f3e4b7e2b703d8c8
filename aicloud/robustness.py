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
        """One sentence for the page and the ledger."""
        if not self.ranges:
            held = f" ({', '.join(self.held)} held at its value)" if self.held else ""
            return f"reads no numeric assumption{held}: the verdict depends on the data only"
        joint = self.joint_shares.get(self.label, 1.0)
        if self.holds:
            spans = ", ".join(f"{p} {lo:g} to {hi:g}" for p, (lo, hi) in self.ranges.items())
            return f"{self.label} over the whole range of {spans} and in all {self.draws:,} joint draws"
        flips = "; ".join(f"{f.before} up to {f.parameter} {f.below:g}, {f.after} from {f.above:g}"
                          for f in self.flips)
        return (f"{self.label} in {joint:.0%} of {self.draws:,} joint draws"
                + (f"; {flips}" if flips else "; no single assumption flips it alone"))


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
