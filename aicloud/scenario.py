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
Unknown keys, chapters, resources or parameters are refused with a did-you-mean suggestion. The file is read
within limits before it is parsed (size, nesting depth, and the number of values once YAML's aliases are
expanded, so an alias bomb is refused at once), and its shape is checked against a JSON Schema (`schema`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from aicloud import data
from aicloud.layout import FileRefused, InputError, read_regular, suggest

if TYPE_CHECKING:
    from aicloud.book import Chapter

TOP_KEYS = ["name", "description", "data", "chapters"]
CHAPTER_KEYS = ["parameters", "data"]
MAX_BYTES = 256 * 1024
MAX_DEPTH = 16  # nested mappings and lists (a scenario needs four)
MAX_VALUES = 10_000  # scalars and collections in the document once aliases are expanded
MAX_NAME = 64


class ScenarioError(InputError):
    pass


def read_yaml(path: Path) -> object:
    """Parse a YAML file of limited size, depth and expanded size; ScenarioError naming the file otherwise.

    The event stream is checked first (it costs no more than the text's length): YAML aliases are counted at the
    size of what they stand for, so a "billion laughs" document is refused before anything is built from it."""
    try:
        text = read_regular(path, MAX_BYTES).decode("utf-8-sig")
    except FileRefused as err:
        raise ScenarioError(f"{path}: {err.reason}") from None
    except UnicodeDecodeError:
        raise ScenarioError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    sizes: dict[str, int] = {}  # anchor -> values it stands for
    open_: list[list] = []  # [values so far, anchor] of each collection being read
    total = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                count = sizes.get(event.anchor, 1)
            elif isinstance(event, yaml.ScalarEvent):
                count = 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                open_.append([1, event.anchor])
                if len(open_) > MAX_DEPTH:
                    raise ScenarioError(f"{path}: nested more than {MAX_DEPTH} levels deep; a scenario needs four")
                total += 1
                continue
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                count, anchor = open_.pop()
                if anchor:
                    sizes[anchor] = count
                if open_:
                    open_[-1][0] += count
                continue
            else:
                continue
            total += count
            if open_:
                open_[-1][0] += count
            if total > MAX_VALUES:
                raise ScenarioError(f"{path}: more than {MAX_VALUES:,} values once YAML aliases are expanded; "
                                    "a scenario is a short file")
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as err:
        raise ScenarioError(f"{path}: not readable as YAML: {' '.join(str(err).split())[:300]}") from None


def schema(chapters: list[str], resources: list[str]) -> dict:
    """The JSON Schema of a scenario file, with the project's chapter and resource names."""
    text = {"type": "string", "maxLength": 4096, "pattern": "^[^\\x00-\\x1f\\x7f]*$"}
    files = {"type": ["object", "null"], "propertyNames": {"enum": resources}, "additionalProperties": text}
    value = {"type": ["string", "number", "boolean"]}
    chapter = {"type": ["object", "null"], "additionalProperties": False, "properties": {
        "parameters": {"type": ["object", "null"], "propertyNames": {"type": "string"},
                       "additionalProperties": value},
        "data": files}}
    return {"type": "object", "additionalProperties": False, "properties": {
        "name": {"type": ["string", "number"], "maxLength": 200},
        "description": {"type": ["string", "null"], "maxLength": 10_000},
        "data": files,
        "chapters": {"type": ["object", "null"], "propertyNames": {"enum": chapters},
                     "additionalProperties": chapter}}}


_KINDS = {"object": "a mapping", "array": "a list", "string": "text", "number": "a number", "integer": "a number",
          "boolean": "true or false", "null": "empty"}


def _schema_error(path: Path, spec: object, chapters: list[str]) -> ScenarioError | None:
    import jsonschema

    resources = data.resource_names()
    errors = sorted(jsonschema.Draft7Validator(schema(chapters, resources)).iter_errors(spec),
                    key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if not errors:
        return None
    err = errors[0]
    where = ".".join(map(str, err.absolute_path))
    at = f"{path}: {where}" if where else str(path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = list(err.schema.get("properties", {}))
        extra = [k for k in err.instance if k not in allowed][0]
        return _unknown("key", str(extra), allowed, at)
    if "propertyNames" in err.absolute_schema_path:  # a name that is not a chapter or a resource
        kind = "chapter" if where.endswith("chapters") else "data resource"
        valid = list(err.validator_value) if err.validator == "enum" else []
        return _unknown(kind, str(err.instance), valid, at) if valid else ScenarioError(f"{at}: names must be text")
    if err.validator == "type":
        wanted = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        got = {dict: "a mapping", list: "a list", str: "text", bool: "true or false", int: "a number",
               float: "a number", type(None): "empty"}.get(type(err.instance), type(err.instance).__name__)
        return ScenarioError(f"{at}: expected {' or '.join(dict.fromkeys(_KINDS[w] for w in wanted))}, "
                             f"got {got}")
    if err.validator == "pattern":
        return ScenarioError(f"{at}: text must not contain control characters")
    return ScenarioError(f"{at}: {err.message[:200]}")


def _unknown(kind: str, word: str, valid: list[str], where: str) -> ScenarioError:
    return ScenarioError(f"{where}: unknown {kind} {word[:100]!r}.{suggest(word, valid)}")


@dataclass
class Scenario:
    name: str
    data: dict[str, Path] = field(default_factory=dict)
    chapters: dict[str, dict] = field(default_factory=dict)
    source: Path | None = None   # the file it was read from, named in its errors

    @classmethod
    def empty(cls) -> Scenario:
        return cls(name="default")

    def data_paths(self) -> dict[str, Path]:
        return dict(self.data)

    def parameters_for(self, ch: Chapter) -> dict[str, object]:
        """Parameter overrides for one chapter: its data files (global, then its own) and its parameters."""
        entry = self.chapters.get(ch.name, {})
        overrides: dict[str, object] = {}
        for resource, path in self.data.items():
            if resource in ch.resources:
                overrides[ch.resources[resource]] = str(path)
        overrides.update(data_parameters(ch, entry.get("data", {})))
        parameters = entry.get("parameters", {})
        # An unknown name (often a renamed one, such as the GPU chapter's `utilisation`, now `fleet_utilisation`)
        # is refused here, naming the file and the chapter, with the closest valid name.
        for name in parameters:
            if name not in ch.declared:
                raise _unknown("parameter", str(name), list(ch.declared),
                               f"{self.source or 'scenario'}: chapters.{ch.name}.parameters")
        overrides.update(parameters)
        return overrides


def data_parameters(ch: Chapter, mapping: dict[str, Path]) -> dict[str, object]:
    """`{resource: path}` as the parameters that name the chapter's data files; a resource it does not read is
    refused."""
    out = {}
    for resource, path in mapping.items():
        if resource not in ch.resources:
            raise _unknown("data resource", resource, list(ch.resources), f"chapter {ch.name}")
        out[ch.resources[resource]] = str(Path(path).resolve())
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
    from aicloud import book

    spec = read_yaml(path)
    spec = {} if spec is None else spec
    if not isinstance(spec, dict):
        raise ScenarioError(f"{path}: expected a mapping with keys {', '.join(TOP_KEYS)}")
    known = [c.name for c in book.chapters()]
    problem = _schema_error(path, spec, known)
    if problem:
        raise problem
    base = path.parent.resolve()
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", str(spec.get("name") or path.stem)).strip("-")[:MAX_NAME] or "scenario"

    def paths(mapping: dict | None) -> dict[str, Path]:
        return {resource: (base / file).resolve() for resource, file in (mapping or {}).items()}

    chapters = {}
    for ch_name, entry in (spec.get("chapters") or {}).items():
        entry = entry or {}
        chapters[ch_name] = {"parameters": dict(entry.get("parameters") or {}), "data": paths(entry.get("data"))}
    return Scenario(name=name, data=paths(spec.get("data")), chapters=chapters, source=path)
