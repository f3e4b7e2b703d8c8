"""Scenario files: a user's data and parameters for one or more chapters, in YAML.

```yaml
name: gpu-2025                  # optional; the output folder name (default: the file's name)
description: Next year's data   # optional
data:                           # files for resources, used by every chapter that reads them
  gpu_buyers: my_buyers.csv     # paths are relative to this file
chapters:
  gpu_allocation:
    parameters: {unit_price_usd: 30000}
    data: {sources: my_sources.csv}
```
Unknown keys, chapters, resources or parameters are refused with a did-you-mean suggestion.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from aicloud import data
from aicloud import params as params_mod

TOP_KEYS = ["name", "description", "data", "chapters"]
CHAPTER_KEYS = ["parameters", "data"]


class ScenarioError(Exception):
    pass


def _unknown(kind: str, word: str, valid: list[str], where: str) -> ScenarioError:
    close = difflib.get_close_matches(word, valid, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return ScenarioError(f"{where}: unknown {kind} {word!r}.{hint} Valid: {', '.join(valid)}.")


@dataclass
class Scenario:
    name: str
    data: dict[str, Path] = field(default_factory=dict)
    chapters: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> Scenario:
        return cls(name="default")

    def data_paths(self) -> dict[str, Path]:
        return dict(self.data)

    def parameters_for(self, ch) -> dict[str, object]:
        """Parameter overrides for one chapter: its data files (global, then its own) and its parameters."""
        entry = self.chapters.get(ch.name, {})
        overrides: dict[str, object] = {}
        reads = {p.resource for p in params_mod.read(ch.source) if p.resource}
        for resource, path in self.data.items():
            if resource in reads:
                overrides[f"{resource}_csv"] = str(path)
        overrides.update(data_parameters(ch, entry.get("data", {})))
        overrides.update(entry.get("parameters", {}))
        return overrides


def data_parameters(ch, mapping: dict[str, Path]) -> dict[str, object]:
    """`{resource: path}` as the chapter's `<resource>_csv` parameters; a resource it does not read is refused."""
    reads = [p.resource for p in params_mod.read(ch.source) if p.resource]
    out = {}
    for resource, path in mapping.items():
        if resource not in reads:
            raise _unknown("data resource", resource, reads, f"chapter {ch.name}")
        out[f"{resource}_csv"] = str(Path(path).resolve())
    return out


def parse_data_args(items: list[str]) -> dict[str, Path]:
    """`["gpu_buyers=my.csv", ...]` from the command line as `{resource: Path}`."""
    out = {}
    for item in items:
        if "=" not in item:
            raise ScenarioError(f"--data {item!r}: expected RESOURCE=PATH, e.g. gpu_buyers=my_buyers.csv")
        resource, path = item.split("=", 1)
        if resource not in data.resource_names():
            raise _unknown("data resource", resource, data.resource_names(), "--data")
        out[resource] = Path(path).resolve()
    return out


def load(path: Path) -> Scenario:
    from aicloud import pipeline

    if not path.exists():
        raise ScenarioError(f"{path}: scenario file does not exist")
    if path.is_dir():
        raise ScenarioError(f"{path}: is a directory, expected a YAML scenario file")
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise ScenarioError(f"{path}: not readable as YAML: {err}") from None
    if not isinstance(spec, dict):
        raise ScenarioError(f"{path}: expected a mapping with keys {', '.join(TOP_KEYS)}")
    for key in spec:
        if key not in TOP_KEYS:
            raise _unknown("key", str(key), TOP_KEYS, str(path))
    base = path.parent.resolve()
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", str(spec.get("name") or path.stem)).strip("-") or "scenario"

    def paths(mapping: object, where: str) -> dict[str, Path]:
        if mapping is None:
            return {}
        if not isinstance(mapping, dict):
            raise ScenarioError(f"{path}: {where} must map resource names to file paths")
        out = {}
        for resource, file in mapping.items():
            if resource not in data.resource_names():
                raise _unknown("data resource", str(resource), data.resource_names(), f"{path}: {where}")
            out[resource] = (base / str(file)).resolve()
        return out

    chapters = {}
    known = [c.name for c in pipeline.chapters()]
    for ch_name, entry in (spec.get("chapters") or {}).items():
        if ch_name not in known:
            raise _unknown("chapter", str(ch_name), known, f"{path}: chapters")
        entry = entry or {}
        if not isinstance(entry, dict):
            raise ScenarioError(f"{path}: chapters.{ch_name} must be a mapping with keys parameters, data")
        for key in entry:
            if key not in CHAPTER_KEYS:
                raise _unknown("key", str(key), CHAPTER_KEYS, f"{path}: chapters.{ch_name}")
        chapters[ch_name] = {"parameters": dict(entry.get("parameters") or {}),
                             "data": paths(entry.get("data"), f"chapters.{ch_name}.data")}
    return Scenario(name=name, data=paths(spec.get("data"), "data"), chapters=chapters)
