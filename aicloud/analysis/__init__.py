"""Each chapter's analysis as pure functions: validated tables and parameters in, a result out.

One module per analytical chapter (`aicloud/analysis/<chapter>.py`). A module provides

- `prepare(tables) -> evidence`: everything the rules read, computed once from the tables (no parameter);
- `analyse(tables, params) -> ChapterResult`: every figure the prose quotes (`values`, glued by the notebook),
  the rows each chart draws (`frames`), the titles that state a finding (`titles`) and one `Verdict` per claim;
- one rule per claim, registered with `@rule(claim, reads=(...))`: `rule_fn(evidence, params) -> Verdict`, where
  `evidence` is whatever the module computes once from the tables (no parameter involved) and `reads` names
  every parameter the rule reads. The robustness sweep (`aicloud.robustness`) calls rules thousands of times,
  so a rule does arithmetic on the prepared evidence, never pandas work.

`tables` is any mapping from resource name to a validated DataFrame (`aicloud.data.Tables` or a dict). `params`
is a mapping from parameter name to value; tests pass a `RecordingParams` to check that every parameter a
chapter declares is read, and that a rule reads only what it declares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from aicloud.verdicts import Verdict

RuleFunction = Callable[[Any, Mapping[str, Any]], Verdict]


@dataclass(frozen=True)
class Rule:
    """A claim's verdict rule and the parameters it reads."""

    claim: str
    reads: tuple[str, ...]
    evaluate: RuleFunction

    def __call__(self, evidence: Any, params: Mapping[str, Any]) -> Verdict:
        return self.evaluate(evidence, params)


def rule(claim: str, reads: tuple[str, ...] = ()) -> Callable[[RuleFunction], Rule]:
    """Decorator: make `fn(evidence, params) -> Verdict` the rule for `claim`, reading the parameters `reads`.

    Collect a module's rules with `rules_of(module)`."""

    def wrap(fn: RuleFunction) -> Rule:
        made = Rule(claim, tuple(reads), fn)
        return made

    return wrap


def rules_of(module: Any) -> dict[str, Rule]:
    """The rules a module defines, by claim id, in claim order."""
    found = {value.claim: value for value in vars(module).values() if isinstance(value, Rule)}
    return dict(sorted(found.items()))


@dataclass
class ChapterResult:
    """What a chapter's analysis returns. `values` holds every figure and word the prose quotes (numbers as
    numbers, words as text); `frames` the rows each chart draws; `titles` chart titles that state a finding,
    made from the same numbers as the text; `verdicts` one Verdict per claim the chapter tests."""

    values: dict[str, Any] = field(default_factory=dict)
    frames: dict[str, Any] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    verdicts: dict[str, Verdict] = field(default_factory=dict)

    def glue(self, robustness: Mapping[str, Any] | None = None) -> None:
        """Glue every value and title for the prose (`{glue:text}` key) and record every verdict, with its
        robustness (`aicloud.robustness.sweep_rules(...)`, by claim) where given."""
        from myst_nb import glue

        from aicloud import claims

        for key, value in {**self.values, **{f"title_{k}": v for k, v in self.titles.items()}}.items():
            glue(key, value, display=False)
        for claim_id, verdict in self.verdicts.items():
            claims.record_verdict(claim_id, verdict, (robustness or {}).get(claim_id))


class RecordingParams(Mapping[str, Any]):
    """A read-only parameter mapping that remembers which names were read (for tests and the sweep)."""

    def __init__(self, values: Mapping[str, Any]):
        self._values = dict(values)
        self.read: set[str] = set()

    def __getitem__(self, name: str) -> Any:
        value = self._values[name]
        self.read.add(name)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)
