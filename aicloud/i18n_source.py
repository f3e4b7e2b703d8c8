"""The Chinese edition's sources: messages of the MyST pages, their catalogues, the translated notebooks and
pages, and the fingerprints of the package's Chinese counterparts.

A *message* is one block of a MyST page as written (a paragraph, a heading, a list, a table, a glossary entry):
its English is the msgid of the page's catalogue `locale/zh_CN/LC_MESSAGES/<page>.po`, the Chinese its msgstr,
with the same `{glue:text}` keys, cross-references and citations (`{zhnum}` may paste a glued number in 万 or
亿). Code cells, code blocks, directive options, labels and comments are not messages and are copied as they
are. Lookup ignores how the English is wrapped.

`python -m aicloud.i18n update` re-extracts every page's messages into its catalogue (new English gets an empty
or, when close to an old message, a fuzzy Chinese); `status` says what is untranslated, fuzzy or stale;
`accept MODULE` records that a module's Chinese counterparts match its English again.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib
import inspect
import json
import re
import textwrap
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from aicloud import i18n

ROOT = i18n.ROOT
TEMPLATES = i18n.LOCALE.parent / "templates.json"
PENDING = i18n.LOCALE.parent / "pending.txt"
# Pages whose prose is translated: the chapters' notebooks and the book's own pages (generated pages are made
# in Chinese by `aicloud.zh.pages`).
BOOK_PAGES = ("book/glossary.md", "book/rerun.md", "book/teaching_guide.md", "book/references.md",
              "book/changelog.md", "book/licence.md")
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,}|:{3,})\s*(?P<info>\S*)")
VERBATIM_DIRECTIVES = {"{code-cell}", "{code-block}", "{code}", "{math}", "{raw}", "{eval-rst}", "{bibliography}",
                       "{tableofcontents}", "{literalinclude}"}
OPTION = re.compile(r"^\s*:[\w-]+:")
NOT_PROSE = re.compile(r"^\s*(%|\(.+\)=\s*$|\+\+\+|<!--)")
HEADING = re.compile(r"^\s*#{1,6}\s")
ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<body>[^`]*)`")
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")
# A line break inside Chinese text: a browser would show it as a space between two characters, so the translated
# page joins the lines (a break next to Latin text, a role or Markdown syntax stays: it reads as the space it gives).
_CJK_CHAR = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
CJK_BREAK = re.compile(rf"(?<=[{_CJK_CHAR}])\n(?=[{_CJK_CHAR}])")
LANGUAGE_CELL = ('```{code-cell} ipython3\n:tags: [remove-cell]\n# The Chinese edition: text made in Chinese '
                 '(aicloud.i18n)\nfrom aicloud import i18n\n\ni18n.use("zh")\n```\n')
REPORT_CELL = '```{code-cell} ipython3\n:tags: [remove-cell]\ni18n.report()\n```\n'


@dataclass(frozen=True)
class Block:
    """Lines `start` to `end` (exclusive) of a page: one message."""

    start: int
    end: int
    text: str


def blocks(text: str) -> list[Block]:
    """The messages of a MyST page or Jupytext notebook, in order."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":       # front matter
        ends = [i for i in range(1, len(lines)) if lines[i].strip() == "---"]
        start = ends[0] + 1 if ends else 0
    return [b for b in _scan(lines, start, len(lines)) if is_message(b.text)]


def _closing(lines: list[str], i: int, fence: str, end: int) -> int:
    for j in range(i + 1, end):
        stripped = lines[j].strip()
        if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
            return j
    return end


def _scan(lines: list[str], start: int, end: int) -> list[Block]:
    found: list[Block] = []
    i = start
    while i < end:
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            close = _closing(lines, i, fence["fence"], end)
            info = fence["info"]
            if info.startswith("{") and info not in VERBATIM_DIRECTIVES:
                j = i + 1
                while j < close and OPTION.match(lines[j]):
                    j += 1
                found += _scan(lines, j, close)
            i = close + 1
            continue
        if not line.strip() or NOT_PROSE.match(line):
            i += 1
            continue
        j = i
        while j < end and lines[j].strip() and not FENCE.match(lines[j]) and not NOT_PROSE.match(lines[j]):
            if HEADING.match(lines[j]) and j > i:
                break
            j += 1
            if HEADING.match(lines[j - 1]):
                break
        found.append(Block(i, j, "\n".join(lines[i:j])))
        i = j
    return found


def is_message(text: str) -> bool:
    """A block with words to translate (not only roles, code, numbers or names)."""
    bare = re.sub(r"`[^`]*`", " ", ROLE.sub(" ", text))
    return bool(re.search(r"[A-Za-z]{2,}", bare))


def translate_text(text: str, table: dict[str, str]) -> tuple[str, list[str]]:
    """The page with every message replaced by its Chinese; also the messages that have none (kept in English)."""
    lines = text.split("\n")
    out: list[str] = []
    missing: list[str] = []
    last = 0
    for block in blocks(text):
        out += lines[last:block.start]
        chinese = table.get(i18n.normalise(block.text))
        if chinese is None:
            missing.append(block.text)
            out += lines[block.start:block.end]
        else:
            out += CJK_BREAK.sub("", chinese).split("\n")
        last = block.end
    out += lines[last:]
    return "\n".join(out), missing


def notebook_zh(text: str, table: dict[str, str]) -> tuple[str, list[str]]:
    """A Jupytext notebook in Chinese: its prose translated, a first cell that makes the package's text Chinese
    and a last one that records what had no translation."""
    translated, missing = translate_text(text, table)
    lines = translated.split("\n")
    body = 0
    if lines and lines[0].strip() == "---":
        body = next(i for i in range(1, len(lines)) if lines[i].strip() == "---") + 1
    head, rest = "\n".join(lines[:body]), "\n".join(lines[body:])
    return f"{head}\n{LANGUAGE_CELL}{rest.rstrip()}\n\n{REPORT_CELL}", missing


def domain_of(path: str | Path) -> str:
    return Path(path).stem


def page_table(domain: str, locale_dir: Path | None = None) -> dict[str, str]:
    return i18n.catalogue(domain, locale_dir)


# --- what a message must keep ------------------------------------------------------------------------------

def references(text: str) -> dict[str, list[str]]:
    """What a translation must keep of its English: glued keys, cross-references, citations and link targets
    (`{zhnum}` counts as a glued key; a `{term}`'s shown words may change, its entry not)."""
    found: dict[str, list[str]] = {"glue": [], "ref": [], "link": []}
    for m in ROLE.finditer(text):
        role, body = m["role"], m["body"]
        if role.startswith("glue") or role == "zhnum":
            found["glue"].append(body.split(":", 1)[0].strip())
        elif role in ("term", "doc", "ref", "numref", "cite", "cite:p", "cite:t", "eq", "download"):
            target = re.search(r"<([^>]+)>\s*$", body)
            found["ref"].append(f"{role}:{(target[1] if target else body).strip()}")
    found["link"] = [m["target"] for m in LINK.finditer(text)]
    return {k: sorted(v) for k, v in found.items()}


def _literal_stars(text: str) -> int:
    """Emphasis markers CommonMark would print as they are (Chinese has no spaces to make them flank)."""
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(re.sub(r"`[^`]*`", "", text))
    return re.sub(r"<[^>]+>", "", rendered).count("*")


def check_message(english: str, chinese: str) -> list[str]:
    """What is wrong with one translation (empty when nothing): lost or added glued values, references or links,
    and English sentences left in it."""
    problems = []
    for m in ROLE.finditer(chinese):
        if (m["role"].startswith("glue") or m["role"] == "zhnum") and not re.fullmatch(r"[\w.]+(:[^`{}]*)?",
                                                                                       m["body"].strip()):
            problems.append(f"malformed role {m.group()}")
        if m["role"] == "zhnum" and m["body"].rpartition(":")[2] not in i18n.ZH_NUMBER_UNITS:
            problems.append(f"unknown Chinese unit in {m.group()}: use one of {', '.join(i18n.ZH_NUMBER_UNITS)}")
    if _literal_stars(chinese) > _literal_stars(english):
        problems.append("emphasis left literal: a ** or * next to Chinese punctuation needs a space on its other side")
    en, zh = references(english), references(chinese)
    for kind in ("glue", "link"):
        if en[kind] != zh[kind]:
            problems.append(f"{kind}: English has {en[kind]}, Chinese has {zh[kind]}")
    en_refs = sorted(r for r in en["ref"] if not r.startswith("term:"))
    zh_refs = sorted(r for r in zh["ref"] if not r.startswith("term:"))
    if en_refs != zh_refs:
        problems.append(f"references: English has {en_refs}, Chinese has {zh_refs}")
    # A line kept verbatim from the English that names a term (a glossary entry's English name) is not prose.
    kept = {line.strip() for line in english.split("\n") if line.strip() and not line.startswith(" ")
            and len(line.split()) <= 6 and not line.rstrip().endswith((".", ":", ";"))}
    prose = "\n".join(line for line in chinese.split("\n") if line.strip() not in kept)
    prose = ROLE.sub(" ", re.sub(r"`[^`]*`", " ", prose))
    sentences = i18n.english_sentences(prose)
    if sentences:
        problems.append(f"English left in the Chinese: {sentences}")
    return problems


# --- catalogues --------------------------------------------------------------------------------------------

def pages(root: Path = ROOT) -> list[Path]:
    """The translated pages: every chapter notebook in the table of contents and the book's own pages."""
    from aicloud import pipeline

    return [ch.source for ch in pipeline.chapters(root / "_toc.yml")] + [root / p for p in BOOK_PAGES]


def pending() -> list[str]:
    """Pages declared as not yet translated (`locale/zh_CN/pending.txt`): their Chinese page says so and links
    the English one; `status` lists them."""
    if not PENDING.exists():
        return []
    return [line.split("#", 1)[0].strip() for line in PENDING.read_text(encoding="utf-8").splitlines()
            if line.split("#", 1)[0].strip()]


def extract(path: Path) -> list[Block]:
    return blocks(path.read_text(encoding="utf-8"))


def update(root: Path = ROOT, locale_dir: Path | None = None,
           only: list[str] | None = None) -> dict[str, tuple[int, int, int]]:
    """Merge every page's current messages into its catalogue (or only the pages named in `only`, so that a
    helper working on one chapter leaves the others' catalogues alone); returns domain -> (messages, new, fuzzy)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    locale_dir = locale_dir or i18n.LOCALE
    locale_dir.mkdir(parents=True, exist_ok=True)
    summary = {}
    known = {domain_of(p) for p in pages(root)}
    unknown = sorted(set(only or ()) - known)
    if unknown:
        raise ValueError(f"no page named {', '.join(unknown)}: choose among {', '.join(sorted(known))}")
    for path in pages(root):
        domain = domain_of(path)
        if only and domain not in only:
            continue
        rel = path.relative_to(root) if path.is_relative_to(root) else path
        template = Catalog(locale="zh_CN", project="aicloud", domain=domain)
        for block in extract(path):
            template.add(block.text, locations=[(str(rel), block.start + 1)])
        po = locale_dir / f"{domain}.po"
        if po.exists():
            with po.open("rb") as f:
                catalogue = read_po(f, locale="zh_CN")
            _carry_rewrapped(catalogue, template)
            catalogue.update(template, update_header_comment=False)
        else:
            catalogue = Catalog(locale="zh_CN", project="aicloud", domain=domain)
            catalogue.update(template)
        catalogue.obsolete.clear()   # history is in git; a stale entry would only confuse the next translator
        _header(catalogue, domain)
        with po.open("wb") as f:
            write_po(f, catalogue, width=0, omit_header=False, sort_output=False, ignore_obsolete=True)
        messages = [m for m in catalogue if m.id]
        summary[domain] = (len(messages), sum(1 for m in messages if not m.string),
                           sum(1 for m in messages if m.fuzzy))
    i18n.reset_lookup()
    return summary


def _header(catalogue: Any, domain: str) -> None:
    """A fixed header, so that re-extracting changes a catalogue only where its messages changed."""
    from datetime import datetime

    catalogue.header_comment = (f"# The Chinese (zh-CN) edition of the aicloud report: {domain}.\n# Translate msgstr "
                                "only; see ARCHITECTURE.md, 'How to translate a page'.")
    catalogue.fuzzy = False
    catalogue.project, catalogue.version = "aicloud", "1"
    catalogue.creation_date = catalogue.revision_date = datetime(2026, 1, 1, tzinfo=UTC)
    catalogue.last_translator = catalogue.language_team = "aicloud report team"
    catalogue.msgid_bugs_address = ""


def _carry_rewrapped(catalogue: Any, template: Any) -> None:
    """An English message that was only re-wrapped keeps its Chinese without a fuzzy flag."""
    by_key = {i18n.normalise(m.id): m for m in catalogue if m.id and m.string}
    for message in template:
        if message.id and message.id not in catalogue:
            old = by_key.get(i18n.normalise(message.id))
            if old is not None:
                catalogue.add(message.id, old.string, locations=message.locations, flags=old.flags)
                del catalogue[old.id]


def entries(domain: str, locale_dir: Path | None = None) -> list[Any]:
    from babel.messages.pofile import read_po

    po = (locale_dir or i18n.LOCALE) / f"{domain}.po"
    if not po.exists():
        return []
    with po.open("rb") as f:
        return [m for m in read_po(f) if m.id]


# --- the package's Chinese counterparts --------------------------------------------------------------------

# The English modules whose reader-facing text the Chinese edition needs (chapters in `pending.txt` aside).
TEXT_MODULES = (
    "aicloud.analysis.introduction", "aicloud.analysis.conclusion", "aicloud.analysis.gpu_allocation",
    "aicloud.analysis.maas_price_war", "aicloud.analysis.capex_and_fibre", "aicloud.analysis.capex_and_fibre_page",
    "aicloud.analysis.capex_and_fibre_text", "aicloud.solutions.gpu_allocation", "aicloud.solutions.maas_price_war",
    "aicloud.solutions.capex_and_fibre", "aicloud.analysis.infra_economics", "aicloud.analysis.infra_economics_page",
    "aicloud.analysis.infra_economics_text", "aicloud.solutions.infra_economics", "aicloud.analysis.china_chain",
    "aicloud.analysis.china_chain_charts", "aicloud.solutions.china_chain", "aicloud.verdicts",
    "aicloud.robustness", "aicloud.claims", "aicloud.pages", "aicloud.data", "aicloud.charts", "aicloud.findings",
    "aicloud.classroom", "aicloud.myst_plain", "aicloud.arguments",
)
_DEVELOPER = {"raise", "assert"}


def fingerprint(obj: Any) -> str:
    """A short hash of English text or code: a function by its syntax tree without docstring (so formatting and
    comments do not count, words and logic do), anything else by its value."""
    if inspect.isfunction(obj) or inspect.ismethod(obj):
        tree = ast.parse(textwrap.dedent(inspect.getsource(obj)))
        if tree.body and isinstance(tree.body[0], (ast.FunctionDef, ast.AsyncFunctionDef)):
            tree.body[0].name = "_"    # the name is matched separately
            tree.body[0].decorator_list = []
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.body and \
                    isinstance(node.body[0], ast.Expr) and isinstance(getattr(node.body[0], "value", None),
                                                                      ast.Constant):
                node.body = node.body[1:] or [ast.Pass()]
        text = ast.dump(tree, annotate_fields=False)
    else:
        text = json.dumps(obj, sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def template_entries(english_name: str) -> dict[str, str]:
    """Fingerprints of everything an English module's counterpart translates: 'name' for a function or a
    template, 'NAME[key]' for each entry of a dict of templates, 'Class.method' for a method."""
    zh_name = "aicloud.zh." + english_name.removeprefix("aicloud.")
    english = importlib.import_module(english_name)
    zh = importlib.import_module(zh_name)
    with i18n.language("en"):
        found = {}
        for name in i18n.counterparts(zh):
            target = english
            for part in name.split("."):
                target = getattr(target, part) if not isinstance(target, type) else vars(target)[part]
            if isinstance(target, (classmethod, staticmethod)):
                target = target.__func__
            if isinstance(target, dict):
                for key, value in target.items():
                    found[f"{name}[{key}]"] = fingerprint(value)
            else:
                found[name] = fingerprint(target)
    return found


def recorded() -> dict[str, dict[str, str]]:
    return json.loads(TEMPLATES.read_text(encoding="utf-8")) if TEMPLATES.exists() else {}


def accept(module: str) -> dict[str, str]:
    """Record that the counterparts of `module` (English name) translate its English as it is now."""
    entries_now = template_entries(module)
    data = recorded()
    data[module] = dict(sorted(entries_now.items()))
    TEMPLATES.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATES.write_text(json.dumps(dict(sorted(data.items())), indent=1, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    return entries_now


def stale_templates(module: str) -> list[str]:
    """Counterparts whose English changed since they were translated (or that were never recorded)."""
    now = template_entries(module)
    then = recorded().get(module, {})
    return sorted(k for k, v in now.items() if then.get(k) != v)


def dict_gaps(module: str) -> list[str]:
    """Keys of an English dict of templates that its Chinese counterpart lacks."""
    zh = importlib.import_module("aicloud.zh." + module.removeprefix("aicloud."))
    english = importlib.import_module(module)
    gaps = []
    with i18n.language("en"):
        for name, value in i18n.counterparts(zh).items():
            if "." not in name and isinstance(value, dict) and isinstance(getattr(english, name), dict):
                gaps += [f"{name}[{k}]" for k in getattr(english, name) if k not in value]
    return gaps


def uncovered(module: str) -> list[str]:
    """Top-level names of an English module with an English sentence in a string (outside docstrings and
    error messages) that have no Chinese counterpart and are not declared as keys or not shown."""
    english = importlib.import_module(module)
    tree = ast.parse(Path(english.__file__).read_text(encoding="utf-8"))
    try:
        zh = importlib.import_module("aicloud.zh." + module.removeprefix("aicloud."))
        covered = {n.split(".")[0] for n in i18n.counterparts(zh)} | {
            n.split(".")[-1] for n in getattr(zh, "ATTRIBUTES", {})}
        for declared in ("KEYS", "NOT_SHOWN", "BY_CATALOGUE"):
            covered |= set(getattr(zh, declared, ()))
    except ModuleNotFoundError:
        covered = set()
    missing = []
    for node in tree.body:
        names = _defined(node)
        if not names or names & covered:
            continue
        if isinstance(node, ast.ClassDef):
            missing += [f"{node.name}.{m}" for m in _uncovered_methods(node, covered)]
            continue
        if _has_sentence(node):
            missing.append(sorted(names)[0])
    return missing


def _defined(node: ast.AST) -> set[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, ast.Assign):
        return {t.id for t in node.targets if isinstance(t, ast.Name)}
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return {node.target.id}
    return set()


def _uncovered_methods(node: ast.ClassDef, covered: set[str]) -> list[str]:
    return [m.name for m in node.body if isinstance(m, ast.FunctionDef) and m.name not in covered
            and _has_sentence(m)]


def _has_sentence(node: ast.AST) -> bool:
    skip: set[int] = set()
    for n in ast.walk(node):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.body and \
                isinstance(n.body[0], ast.Expr) and isinstance(getattr(n.body[0], "value", None), ast.Constant):
            skip.add(id(n.body[0].value))
        if isinstance(n, (ast.Raise, ast.Assert)):
            skip |= {id(m) for m in ast.walk(n)}
    for n in ast.walk(node):
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip:
            text = re.sub(r"\{[^{}]*\}", " ", n.value)
            if len(i18n.WORD.findall(text)) >= i18n.SENTENCE_WORDS:
                return True
    return False


# --- command line ------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    import argparse

    top = argparse.ArgumentParser(prog="python -m aicloud.i18n", description=__doc__.split("\n\n")[0])
    sub = top.add_subparsers(dest="command", required=True)
    p = sub.add_parser("update", help="re-extract the pages' messages into their catalogues")
    p.add_argument("pages", nargs="*", help="only these pages (e.g. china_chain); default: every page")
    p = sub.add_parser("status", help="what the Chinese edition lacks (pages, modules, data texts, strings the last "
                                      "Chinese build or run showed in English), with where each goes")
    p.add_argument("-v", "--verbose", action="store_true", help="list every item, not the first few of each kind")
    p = sub.add_parser("accept", help="record that a module's Chinese counterparts match its English")
    p.add_argument("modules", nargs="+", help="English module names, e.g. aicloud.analysis.conclusion")
    args = top.parse_args(argv)
    if args.command == "update":
        for domain, (n, new, fuzzy) in update(only=args.pages or None).items():
            print(f"{domain:<20} {n:4d} messages, {new:3d} untranslated, {fuzzy:3d} fuzzy")
    elif args.command == "status":
        return status(verbose=args.verbose)
    else:
        for module in args.modules:
            print(f"{module}: {len(accept(module))} entries recorded")
    return 0


def status(verbose: bool = False, root: Path = ROOT) -> int:
    """Print what the Chinese edition lacks, each item with where its Chinese goes and the next step; 1 if
    anything is missing. `verbose` lists every item instead of the first few of each kind."""
    shown = None if verbose else 3
    bad = 0
    waiting = set(pending())

    def listing(items: list[str]) -> None:
        for item in items[:shown]:
            print(f"      {_one_line(item)}")
        if shown is not None and len(items) > shown:
            print(f"      ... and {len(items) - shown} more (`status -v` lists all)")

    for path in pages(root):
        domain = domain_of(path)
        table = page_table(domain)
        missing = [b for b in extract(path) if i18n.normalise(b.text) not in table]
        fuzzy = [m for m in entries(domain) if m.fuzzy]
        note = " (pending)" if domain in waiting else ""
        print(f"{domain:<20} {len(missing):3d} untranslated, {len(fuzzy):3d} fuzzy{note}")
        if (missing or fuzzy) and not note:
            po = f"locale/zh_CN/LC_MESSAGES/{domain}.po"
            print(f"    -> `python -m aicloud.i18n update {domain}`, then translate in {po} "
                  "(delete each `#, fuzzy` line once checked):")
            listing([f"{path.name}:{b.start + 1}: {b.text}" for b in missing]
                    + [f"fuzzy: {m.id}" for m in fuzzy])
        bad += 0 if note else len(missing) + len(fuzzy)
    for module in TEXT_MODULES:
        try:
            stale, gaps = stale_templates(module), dict_gaps(module)
        except ModuleNotFoundError:
            stale, gaps = ["(no Chinese counterpart module)"], []
        open_ = uncovered(module)
        if stale or gaps or open_:
            zh_path = "aicloud/zh/" + module.removeprefix("aicloud.").replace(".", "/") + ".py"
            print(f"{module}: stale {stale}; missing keys {gaps}; no counterpart {open_}")
            print(f"    -> write or update the Chinese of these names in {zh_path} (a name that is a key, or not "
                  "shown, goes in KEYS / NOT_SHOWN / BY_CATALOGUE with the reason), then "
                  f"`python -m aicloud.i18n accept {module}`")
            bad += len(stale) + len(gaps) + len(open_)
    data_gaps = data_texts_missing()
    if data_gaps:
        waiting_notes = "sources.note" in waiting
        notes = [t for kind, t in data_gaps if kind == "sources.note"]
        others = [t for kind, t in data_gaps if kind != "sources.note"]
        if others or (notes and not waiting_notes):
            print(f"data texts: {len(others)} descriptions of datapackage.yaml and {len(notes)} source notes have no "
                  "Chinese -> add them to locale/zh_CN/LC_MESSAGES/data.po (msgid = the English exactly):")
            listing(others + ([] if waiting_notes else notes))
            bad += len(others) + (0 if waiting_notes else len(notes))
    shown_english = runtime_missing(root)
    if shown_english:
        total = sum(len(v) for v in shown_english.values())
        print(f"shown in English by the last Chinese build or run: {total} string(s) -> add each to "
              "locale/zh_CN/LC_MESSAGES/display.po (labels, headers, phrases the code makes; a pattern with {a} "
              "fields matches many), data.po (text from data/*.csv) or names.po (a proper name's Chinese), or "
              "complete the module's counterpart; rerun the chapter (`python -m aicloud run CHAPTER --lang zh`) "
              "to refresh this list:")
        for chapter, strings in sorted(shown_english.items()):
            print(f"    {chapter}:")
            listing([f"[{_catalogue_for(s, root)}] {s}" for s in strings])
    return 1 if bad else 0


def _one_line(text: str, width: int = 150) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= width else flat[:width - 3] + "..."


def data_texts_missing() -> list[tuple[str, str]]:
    """(kind, English) for each text of the data page without Chinese in data.po: the titles and descriptions of
    `datapackage.yaml` and the sources' notes (`sources.note`)."""
    import csv

    from aicloud import data

    table = i18n.catalogue("data")
    found: list[tuple[str, str]] = []
    for res in data.package()["resources"]:
        texts = [res.get("title"), res.get("description")] + [f.get("description") for f in res["schema"]["fields"]]
        found += [("datapackage", str(t)) for t in texts if t and i18n.normalise(str(t)) not in table]
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8") as f:
        found += [("sources.note", r["note"]) for r in csv.DictReader(f)
                  if r["note"].strip() and i18n.normalise(r["note"]) not in table]
    return list(dict.fromkeys(found))


def runtime_missing(root: Path = ROOT) -> dict[str, list[str]]:
    """What the most recent Chinese chapters showed without a translation: the site build's (`_build/zh/src`) and
    each `run CHAPTER --lang zh` (`_build/runs/CHAPTER`), whichever executed last; strings translated since are
    left out. Pending chapters are left out (they are English on purpose)."""
    from aicloud.zh_edition import missing_strings

    latest: dict[str, Path] = {}
    candidates = list((root / "_build" / "zh" / "src" / "book" / "chapters").glob("*.ipynb"))
    candidates += list((root / "_build" / "runs").glob("*/*.ipynb"))
    for path in candidates:
        if path.stem in pending():
            continue
        if path.stem not in latest or path.stat().st_mtime > latest[path.stem].stat().st_mtime:
            latest[path.stem] = path
    found = {}
    with i18n.language("zh"):
        for chapter, strings in missing_strings(latest).items():
            still = [s for s in strings if i18n._display(s)[1] is False]
            if still:
                found[chapter] = still
    return found


def _catalogue_for(text: str, root: Path = ROOT) -> str:
    """Where the Chinese of a string shown in English belongs: a sentence partly in Chinese was made by package code
    whose counterpart lacks a part (aicloud/zh/); text of the data files goes in data.po; the rest in display.po."""
    if i18n.CJK.search(text):
        return "counterpart in aicloud/zh/ (part of the sentence is made in English)"
    return "data.po" if text.strip() in _data_text(root) else "display.po"


@functools.lru_cache(maxsize=2)
def _data_text(root: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((root / "data").glob("*.csv")))
