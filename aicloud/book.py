"""The book model: the chapters in the table of contents, each with its title, its parameters, the data
resources it reads and the chapters' dependencies, parsed once from the notebook.

A chapter is `notebooks/<name>.md` listed in `_toc.yml` as `book/chapters/<name>`. Its parameters cell is its
interface (`aicloud.params`); a parameter `<resource>_csv` names the file of a data resource (the one place that
convention is read is `Parameter.resource`). A chapter that weighs the other chapters' verdicts declares it in its
front matter, naming the parameter that receives the claims ledger table they produce:

```yaml
aicloud:
  reads_ledger: ledger_path
```
The build runs such a chapter after the others (`Chapter.reads_ledger`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from aicloud import params as params_mod
from aicloud.layout import NOTEBOOKS, TOC, InputError, resolve, shown, suggest
from aicloud.params import Parameter

FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.S)
CHAPTER_ENTRY = "book/chapters/"


class BookError(InputError):
    """A request the book cannot satisfy (unknown chapter or parameter, a value off its domain): exit code 2."""


@dataclass(frozen=True)
class Chapter:
    """One chapter: `Chapter(name, title, source)` reads the rest from the notebook (once)."""

    name: str
    title: str
    source: Path
    parameters: tuple[Parameter, ...] = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    reads_ledger: str | None = field(default=None, compare=False)  # the parameter given the claims ledger

    def __post_init__(self) -> None:
        if self.parameters is None:
            parsed = _parse(Path(self.source))
            object.__setattr__(self, "parameters", parsed.parameters)
            object.__setattr__(self, "reads_ledger", parsed.reads_ledger)

    @property
    def declared(self) -> dict[str, Parameter]:
        return {p.name: p for p in self.parameters}

    @property
    def resources(self) -> dict[str, str]:
        """The data resources the chapter reads, each with the parameter that names its file."""
        return {p.resource: p.name for p in self.parameters if p.resource}

    def input_files(self, resolved: dict[str, object]) -> list[Path]:
        """The files whose bytes the chapter's output depends on: its data files and, if it reads it, the ledger."""
        names = [*self.resources.values(), *([self.reads_ledger] if self.reads_ledger else [])]
        return sorted({resolve(str(resolved[n])) for n in names if n in resolved})

    def resolve(self, overrides: dict[str, object]) -> dict[str, object]:
        """Defaults overlaid with `overrides`, each type- and domain-checked, families in order, data paths
        shown relative to the project; BookError naming the chapter and parameter otherwise."""
        declared = self.declared
        resolved = {name: p.default for name, p in declared.items()}
        for name, raw in overrides.items():
            if name not in declared:
                raise BookError(f"chapter {self.name!r} has no parameter {name!r}.{suggest(name, declared)}")
            try:
                resolved[name] = declared[name].coerce(raw)
            except ValueError as err:
                raise BookError(f"chapter {self.name}: {err}") from None
        try:
            params_mod.check_order(list(declared.values()), resolved)
        except ValueError as err:
            raise BookError(f"chapter {self.name}: {err}") from None
        from aicloud import data

        for resource, name in self.resources.items():
            if resource not in data.resource_names():
                raise BookError(f"chapter {self.name}: parameter {name} names unknown resource {resource!r}")
            resolved[name] = shown(resolve(str(resolved[name])))
        return resolved


@dataclass(frozen=True)
class _Parsed:
    title: str
    parameters: tuple[Parameter, ...]
    reads_ledger: str | None


def _parse(source: Path) -> _Parsed:
    """Title, parameters and declared dependencies of a chapter notebook, read once per version of the file."""
    info = source.stat()
    return _parse_cached(source, info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=128)
def _parse_cached(source: Path, _mtime: int, _size: int) -> _Parsed:
    text = source.read_text(encoding="utf-8")
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), source.stem)
    parameters = tuple(params_mod.read(source))
    front = FRONT_MATTER.match(text)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # (the C loader when PyYAML has it: faster)
    meta = (yaml.load(front.group("yaml"), Loader=loader) or {}) if front else {}
    declared = (meta.get("aicloud") or {}) if isinstance(meta, dict) else {}
    ledger = declared.get("reads_ledger")
    if ledger is not None and not any(p.name == ledger and p.type == "str" for p in parameters):
        raise BookError(f"{shown(source)}: front matter says reads_ledger: {ledger}, but the parameters cell has "
                        f"no text parameter {ledger!r}")
    return _Parsed(title, parameters, ledger)


def chapters(toc: Path = TOC) -> list[Chapter]:
    """The chapters in the table of contents, in order: entries `book/chapters/<name>` (the root page too)."""
    entries: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in ("root", "file"):
                if isinstance(node.get(key), str):
                    entries.append(node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.load(Path(toc).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    found = []
    for entry in entries:
        if entry.startswith(CHAPTER_ENTRY):
            source = NOTEBOOKS / f"{Path(entry).stem}.md"
            parsed = _parse(source)
            found.append(Chapter(source.stem, parsed.title, source, parsed.parameters, parsed.reads_ledger))
    return found


def chapter(name: str) -> Chapter:
    """One chapter by name; BookError with a suggestion for an unknown name."""
    known = chapters()
    for ch in known:
        if ch.name == name:
            return ch
    raise BookError(f"unknown chapter {name[:100]!r}.{suggest(name, [c.name for c in known])}")


def describe(ch: Chapter) -> str:
    """A chapter's interface for people (`python -m aicloud params`): its parameters with types, defaults, domains
    and help, and the data resources it reads with their columns and units."""
    from aicloud import data

    lines = [f"{ch.name}: {ch.title}", "", "Parameters (pass with -p NAME VALUE):"]
    for p in ch.parameters:
        domain = f"  range {p.domain}" if p.domain else ""
        lines += [f"  {p.name} ({p.type}) = {p.default!r}{domain}", f"      {p.help}"]
    lines += ["", "Data resources (replace with --data RESOURCE=PATH; see `template RESOURCE`):"]
    for resource in ch.resources:
        res = data.resource(resource)
        lines.append(f"  {resource}: {res.get('title', '')} (default {res['path']})")
        for f in res["schema"]["fields"]:
            unit = f"  [{f['unit']}]" if f.get("unit") else ""
            lines.append(f"      {f['name']:<22} {f.get('type', 'string'):<8}{unit}  {f.get('description', '')}")
    return "\n".join(lines)


def analytical(toc: Path = TOC) -> list[str]:
    """Names of the chapters in the table of contents' 'Chapters' part (the ones that test claims with data)."""
    spec = yaml.safe_load(Path(toc).read_text(encoding="utf-8"))
    for part in spec.get("parts", []):
        if part.get("caption") == "Chapters":
            return [Path(c["file"]).stem for c in part.get("chapters", [])]
    return []
