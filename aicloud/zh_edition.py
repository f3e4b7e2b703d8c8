"""The Chinese edition of a build: sources staged in Chinese, chapters executed in Chinese, its own site,
mounted at `<site>/zh/` so both languages are one site.

The build calls `begin(...)` before its English chapters run and `english_done(name)` as each finishes: a
Chinese chapter executes as soon as its English run is done, so its robustness sweeps come from that run's cache
(`aicloud.sweep_cache`), while the other English chapters and then the English site build. `finish()`, after the
English site is built, waits for the Chinese site (Sphinx with `language = zh_CN` and Chinese search) and mounts
it.

Layout: `<base>/zh/src/` holds the staged Chinese book (notebooks, pages, configuration; `book/chapters/` and
`book/generated/` written by the build), `<base>/zh/html/` its site, copied by hard links into
`<base>/html/zh/`. `<base>` is `_build`, `_build/student`, `_build/scenarios/NAME[/student]`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from aicloud import i18n, i18n_source, pipeline, vega
from aicloud.book import Chapter
from aicloud.data import ROOT

if TYPE_CHECKING:
    from aicloud.kernels import ForkServer
    from aicloud.pipeline import Result
    from aicloud.scenario import Scenario

LANGS = ("en", "zh")
MOUNT = "zh"
SEARCH_WORDS = ROOT / "locale" / "zh_CN" / "search_words.txt"


def _title(source: Path) -> str:
    """The page's first level-1 heading (a comment line in a code cell is not one)."""
    fence = ""
    for line in source.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(`{3,}|~{3,})", line)
        if m and (not fence or m.group(1).startswith(fence)):
            fence = "" if fence else m.group(1)
        elif not fence and line.startswith("# "):
            return line[2:].strip()
    return source.stem


def parse_langs(text: str) -> tuple[str, ...]:
    """`--lang en`, `zh` or `en,zh` (the default: both editions in one site)."""
    langs = tuple(dict.fromkeys(x.strip() for x in text.split(",") if x.strip()))
    bad = [x for x in langs if x not in LANGS]
    if bad or not langs:
        raise ValueError(f"--lang {text!r}: choose en, zh or en,zh")
    return langs


# --- staging ---------------------------------------------------------------------------------------------------

def _write(path: Path, text: str) -> None:
    """Write only when the text changed: unchanged files keep the site and chapter caches valid."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def catalogues_digest() -> str:
    """One hash of every file under `locale/` and of the Chinese counterparts: what a Chinese chapter's output
    depends on beyond its notebook (it is written into the staged notebook, so the chapter cache sees it)."""
    files = sorted(p for p in (ROOT / "locale").rglob("*") if p.is_file())
    return pipeline.digest(files)[:16]


def stage(en_root: Path, zh_root: Path) -> list[str]:
    """Write the Chinese book sources into `zh_root`; returns the messages that have no Chinese yet."""
    missing: list[str] = []
    digest = catalogues_digest()
    for ch in pipeline.chapters(en_root / "_toc.yml" if (en_root / "_toc.yml").exists() else ROOT / "_toc.yml"):
        source = ch.source
        text, lost = i18n_source.notebook_zh(source.read_text(encoding="utf-8"),
                                             i18n_source.page_table(i18n_source.domain_of(source)))
        text = text.replace('i18n.use("zh")', f'i18n.use("zh")  # catalogues {digest}', 1)
        _write(zh_root / "notebooks" / source.name, text)
        missing += [] if ch.name in i18n_source.pending() else lost
    for page in i18n_source.BOOK_PAGES:
        src = en_root / page
        if src.exists():
            text, lost = i18n_source.translate_text(src.read_text(encoding="utf-8"),
                                                    i18n_source.page_table(i18n_source.domain_of(src)))
            _write(zh_root / page, text)
            missing += lost
    for extra in sorted((en_root / "book").glob("*.bib")):
        _write(zh_root / "book" / extra.name, _bib_zh(extra.read_text(encoding="utf-8")))
    _stage_static(en_root / "_static", zh_root / "_static")
    _write(zh_root / "_toc.yml", _toc(en_root))
    _write(zh_root / "_config.yml", _config(en_root, zh_root))
    _write(zh_root / "search_words.txt", search_words())
    return missing


BIB_ENTRY = re.compile(r"^@\w+\{([^,]+),.*?^\}", re.M | re.S)


def _bib_zh(english: str) -> str:
    """The bibliography with the entries of `locale/zh_CN/references.bib` (descriptions the report wrote, in
    Chinese) in place of the English ones of the same key."""
    own = ROOT / "locale" / "zh_CN" / "references.bib"
    chinese = {m[1]: m[0] for m in BIB_ENTRY.finditer(own.read_text(encoding="utf-8"))} if own.exists() else {}
    return BIB_ENTRY.sub(lambda m: chinese.get(m[1], m[0]), english)


def _stage_static(src: Path, dest: Path) -> None:
    for path in sorted(src.rglob("*")) if src.exists() else []:
        if path.is_file() and "vega" not in path.relative_to(src).parts:
            target = dest / path.relative_to(src)
            if not target.exists() or target.read_bytes() != path.read_bytes():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)


def site_text(english: str) -> str:
    """The Chinese of a caption or title of the site (`site.po`), or the English if it has none."""
    return i18n.translate(english, "site") or english


def _toc(en_root: Path) -> str:
    toc = yaml.safe_load((en_root / "_toc.yml").read_text(encoding="utf-8"))
    for part in toc.get("parts", []):
        if "caption" in part:
            part["caption"] = site_text(part["caption"])
    return "# The Chinese edition's table of contents: written by the build (aicloud.zh_edition).\n" + \
        yaml.safe_dump(toc, sort_keys=False, allow_unicode=True)


def _config(en_root: Path, zh_root: Path) -> str:
    config = yaml.safe_load((en_root / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = site_text(config.get("title", ""))
    config["author"] = site_text(config.get("author", ""))
    sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx_config["language"] = i18n.SPHINX_LANGUAGE["zh"]
    # Sphinx's Chinese search splits words with jieba; the report's terms are added to its dictionary so that
    # 推理成本 is one word as well as 推理 and 成本.
    sphinx_config["html_search_language"] = "zh"
    sphinx_config["nb_code_prompt_show"] = "显示代码"   # myst-nb's toggle of hidden code cells
    sphinx_config["nb_code_prompt_hide"] = "隐藏代码"
    sphinx_config["html_search_options"] = {"dict": str((zh_root / "search_words.txt").resolve())}
    sphinx_config["aicloud_pending"] = [f"book/chapters/{name}" for name in i18n_source.pending() if "." not in name]
    return "# The Chinese edition's configuration: written by the build (aicloud.zh_edition).\n" + \
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def search_words() -> str:
    """jieba's user dictionary: the report's terms, one per line with a high frequency so they stay whole."""
    words = [w.strip() for w in SEARCH_WORDS.read_text(encoding="utf-8").splitlines()
             if w.strip() and not w.startswith("#")] if SEARCH_WORDS.exists() else []
    return "".join(f"{w} 100000\n" for w in words)


# --- chapters --------------------------------------------------------------------------------------------------

def jobs(en_jobs: list[tuple[Chapter, dict]], zh_root: Path) -> list[tuple[Chapter, dict, Path]]:
    """The Chinese chapters: same parameters, the staged Chinese notebook as source."""
    out = []
    for ch, resolved in en_jobs:
        source = zh_root / "notebooks" / ch.source.name
        zh_ch = Chapter(ch.name, _title(source), source)
        resolved = dict(resolved)
        if zh_ch.reads_ledger:   # the Chinese ledger, so that an unchanged page is found in the cache
            resolved[zh_ch.reads_ledger] = pipeline.shown(zh_root / "book" / "generated" / "claims_ledger.csv")
        out.append((zh_ch, resolved, zh_root / "book" / "chapters" / f"{ch.name}.ipynb"))
    return out


def missing_strings(outputs: dict[str, Path]) -> dict[str, list[str]]:
    """What each executed Chinese chapter showed without a translation (glued by its last cell)."""
    import ast
    import json

    found = {}
    for name, path in outputs.items():
        if path.exists():
            for cell in json.loads(path.read_bytes()).get("cells", []):
                for output in cell.get("outputs", []):
                    meta = output.get("metadata", {}).get("scrapbook", {})
                    if meta.get("name") == i18n.MISSING_KEY:
                        text = output.get("data", {}).get(meta.get("mime_prefix", "") + "text/plain", "[]")
                        listed = ast.literal_eval("".join(text) if isinstance(text, list) else text)
                        if listed:
                            found[name] = list(listed)
    return found


# --- the edition -------------------------------------------------------------------------------------------

@dataclass
class Edition:
    """A Chinese edition being built beside an English one (see the module docstring)."""

    spec: Scenario
    en_root: Path
    en_html: Path
    edition: str
    force: bool
    workers: int | None
    say: Any
    zh_root: Path = field(init=False)
    zh_html: Path = field(init=False)
    results: list[Result] = field(default_factory=list)
    error: str = ""
    untranslated: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        base = self.en_html.parent
        self.zh_root, self.zh_html = base / "zh" / "src", base / "zh" / "html"
        self._english: dict[str, threading.Event] = {}
        self._english_pages = threading.Event()
        self._abandoned = False

    def start(self, en_jobs: list[tuple[Chapter, dict]], server: ForkServer | None,
              after_english: bool = False) -> None:
        """Stage the Chinese sources and execute the Chinese chapters in the background; with `after_english`,
        each only once `english_done` has been called for it."""
        self.untranslated = stage(self.en_root, self.zh_root)
        if self.edition == "student":
            from aicloud import classroom

            classroom.student_config(self.zh_root)
        self._jobs = jobs(en_jobs, self.zh_root)
        for ch, _resolved, _out in self._jobs:
            self._english[ch.name] = threading.Event()
            if not after_english:
                self._english[ch.name].set()
        if not after_english:
            self._english_pages.set()
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._future = self._pool.submit(self._run, server)

    def english_done(self, name: str) -> None:
        """The English run of chapter `name` is over (its sweeps are in the cache): its Chinese run may start."""
        if name in self._english:
            self._english[name].set()

    def english_pages_written(self) -> None:
        """The English build has written its generated pages: the Chinese ones may be made now. (They are made in
        this process with the Chinese counterparts swapped in, which must not happen while English pages are.)"""
        self._english_pages.set()

    def abandon(self) -> None:
        """The English build failed: run no more Chinese chapters, and wait for those running to end."""
        self._abandoned = True
        for event in [*self._english.values(), self._english_pages]:
            event.set()
        with contextlib.suppress(Exception):
            self._future.result()
        self._pool.shutdown()

    def _execute(self, jobs: list, server: ForkServer | None) -> list[Result]:
        """Execute Chinese chapters, each once its English run is done, at most `workers` at a time."""
        from aicloud.pipeline import Result

        slots = threading.Semaphore(max(1, self.workers or pipeline.default_workers()))

        def one(job: tuple) -> Result:
            self._english[job[0].name].wait()
            if self._abandoned:
                return Result(job[0].name, "failed", 0.0, error="the English build failed")
            with slots:
                return pipeline.execute_all([job], workers=1, force=self.force, server=server,
                                            progress=self._progress)[0]

        if not jobs:
            return []
        with ThreadPoolExecutor(max_workers=len(jobs)) as threads:
            return list(threads.map(one, jobs))

    def _run(self, server: ForkServer | None) -> str:
        from aicloud import site

        first = [j for j in self._jobs if not j[0].reads_ledger]
        later = [j for j in self._jobs if j[0].reads_ledger]
        with contextlib.ExitStack() as stack:
            stale = self.force or not all(pipeline.is_cached(ch, r) for ch, r, _o in self._jobs)
            if stale and server is None and hasattr(os, "fork"):
                from aicloud.kernels import ForkServer

                server = stack.enter_context(ForkServer())
            prepared = site.SiteBuild(self.zh_root, self.zh_html) if stale else None
            if prepared:
                stack.callback(prepared.cancel)
            self.results = self._execute(first, server)
            outputs = {ch.name: out for ch, _r, out in self._jobs}
            generated = self.zh_root / "book" / "generated"
            claims_path = self.spec.data_paths().get("claims")
            self._english_pages.wait()   # see english_pages_written
            if later and not self._failed() and not self._abandoned:
                ledger_csv = generated / "claims_ledger.csv"
                first_outputs = {ch.name: out for ch, _r, out in first}
                _write_generated(ledger_csv, lambda: _zh_ledger(first_outputs, claims_path)[1].to_csv(index=False),
                                 [*first_outputs.values(), claims_path])
                for ch, resolved, _out in later:
                    resolved[ch.reads_ledger] = pipeline.shown(ledger_csv)
                self.results += self._execute(later, server)
            if self._failed() or self._abandoned:
                return "failed"
            _write_generated(generated / "data_and_sources.md", lambda: _zh_data_page(self.spec.data_paths()),
                             [*self.spec.data_paths().values()])
            _write_generated(generated / "claims_ledger.md", lambda: _zh_ledger(outputs, claims_path)[0],
                             [*outputs.values(), claims_path])
            _teaching_pages(generated, outputs, self.edition)
            if self.edition == "student":
                from aicloud import classroom

                classroom.make_student(self.zh_root)
            self.missing = missing_strings(outputs)
            vega.vendor_vega(self.zh_root / "_static")
            return site.build_site(self.zh_root, self.zh_html, force=self.force, prepared=prepared)

    def _progress(self, result: Result) -> None:
        self.say(f"  {result.status:<8} {result.chapter} [zh] ({result.seconds:.1f} s)"
                 if result.status != "failed" else f"  FAILED  {result.chapter} [zh]: {result.error.strip()}")

    def _failed(self) -> bool:
        return any(r.status == "failed" for r in self.results)

    def finish(self, mount: bool = True) -> str:
        """Wait for the Chinese chapters and site; mount the site at `<site>/zh/`. Returns the site's status
        ("built", "up to date") or raises RuntimeError."""
        try:
            status = self._future.result()
        finally:
            self._pool.shutdown()
        if status == "failed":
            raise RuntimeError("the Chinese edition was not rebuilt: a Chinese chapter failed")
        if mount:
            mount_site(self.zh_html, self.en_html / MOUNT)
        for name, strings in sorted(getattr(self, "missing", {}).items()):
            if name not in i18n_source.pending():
                self.say(f"  untranslated [zh] {name}: {len(strings)} string(s) shown in English, "
                         f"e.g. {strings[0]!r} (python -m aicloud.i18n status)")
        if self.untranslated:
            self.say(f"  untranslated [zh] prose: {len(self.untranslated)} message(s) "
                     "(python -m aicloud.i18n status)")
        if i18n_source.pending():
            self.say(f"  pending [zh]: {', '.join(i18n_source.pending())} (shown in English, marked as such)")
        return status


ZHNUM = re.compile(r"\{zhnum\}`(?P<key>[^`:]+):(?P<unit>[^`]+)`")


def _teaching_pages(generated: Path, outputs: dict[str, Path], edition: str) -> None:
    """The exercise sheets and the answer key (`aicloud.pack.write_site_pages`), made in Chinese from the Chinese
    chapters (with each `{zhnum}` number written out first: the plain-Markdown converter knows only the roles of
    the English pages); a solution's heading ends without the English full stop."""
    from aicloud import pack
    from aicloud.coursepack import glued

    plain = generated.parents[2] / "teaching"   # <base>/zh/teaching, outside the staged book
    written = {}
    for name, path in outputs.items():
        nb = json.loads(path.read_bytes())
        values = glued(nb)

        def number(m: re.Match, values: dict[str, str] = values) -> str:
            try:
                return i18n.zh_number(float(values[m["key"].strip()].strip("'\"")), m["unit"].strip())
            except (KeyError, ValueError):
                return m[0]

        for cell in nb.get("cells", []):
            if cell.get("cell_type") == "markdown":
                source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                cell["source"] = ZHNUM.sub(number, source)
        written[name] = plain / path.name
        _write(written[name], json.dumps(nb, ensure_ascii=False))
    with i18n.language("zh"):
        pack.write_site_pages(generated, written, edition)
    key = generated / "answer_key.md"
    if key.exists():
        _write(key, _answer_key_zh(key.read_text(encoding="utf-8")))
    for page in [*sorted((generated / "exercise_sheets").glob("*.md")), generated / "answer_key.md"]:
        if page.exists():
            text = page.read_text(encoding="utf-8")
            mended = re.sub(r"(练习 \d+ 的答案)\.\*\*", r"\1**", text)
            if mended != text:
                _write(page, mended)


def _answer_key_zh(text: str) -> str:
    """The answer key with its chapters' titles in Chinese, and the sections of chapters still pending translation
    marked as English under a note (their exercises come from the English text)."""
    from aicloud import book
    from aicloud.zh.findings import heading

    waiting = set(i18n_source.pending())
    for ch in book.chapters():
        m = re.search(rf"(?m)^## {re.escape(ch.title)}\n(?P<body>.*?)(?=^## |\Z)", text, re.S)
        if not m:
            continue
        body = m["body"]
        if ch.name in waiting:
            body = f'*本章尚未译成中文，下面是英文原文。*\n\n<div lang="en">\n\n{body.strip()}\n\n</div>\n\n'
        text = text[:m.start()] + f"## {heading(ch.title)}\n{body}" + text[m.end():]
    return text


def _write_generated(path: Path, make: Any, inputs: list[Path | None]) -> None:
    from aicloud import pages

    # The pages are put together by aicloud/pages.py (both languages) from the words in aicloud/zh/.
    files = [Path(p) for p in inputs if p is not None] + [Path(__file__), Path(pages.__file__),
                                                          *sorted((ROOT / "aicloud" / "zh").rglob("*.py"))]
    files += sorted((ROOT / "locale").rglob("*.po")) + [ROOT / "data" / "datapackage.yaml"]

    def chinese() -> str:
        with i18n.language("zh"):
            return make()

    pages.write_if_inputs_changed(path, files, chinese)


def _zh_ledger(outputs: dict[str, Path], claims_path: Path | None) -> Any:
    from aicloud import pages

    return pages.claims_ledger(outputs, claims_path)


def _zh_data_page(paths: dict[str, Path]) -> str:
    from aicloud import pages

    return pages.data_and_sources(paths)


def mount_site(zh_html: Path, target: Path) -> None:
    """Copy the Chinese site into the English one (hard links where the file system allows), replacing an
    older copy; skipped when the copy is already of this build."""
    stamp = zh_html.parent / f".{zh_html.name}.site-key"
    key = stamp.read_text() if stamp.exists() else ""
    mounted = target / ".mounted"
    if not zh_html.joinpath("index.html").exists() or not target.parent.exists():
        return
    if key and mounted.exists() and mounted.read_text() == key:
        return
    tmp = target.with_name(f".{target.name}.tmp")
    if tmp.exists():
        shutil.rmtree(tmp)

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(zh_html, tmp, copy_function=link)
    (tmp / ".mounted").write_text(key)
    old = target.with_name(f".{target.name}.old")
    if target.exists():
        if old.exists():
            shutil.rmtree(old)
        target.rename(old)
    tmp.rename(target)
    if old.exists():
        shutil.rmtree(old)



def begin(langs: tuple[str, ...], spec: Scenario, en_root: Path, en_html: Path, edition: str, force: bool,
          workers: int | None, en_jobs: list[tuple[Chapter, dict]], server: ForkServer | None,
          say: Any) -> Edition | None:
    """The build's hook: start the Chinese edition when `langs` asks for it (None otherwise)."""
    if "zh" not in langs:
        return None
    zh = Edition(spec, en_root, en_html, edition, force, workers, say)
    zh.start([(ch, dict(resolved)) for ch, resolved in en_jobs], server, after_english=True)
    return zh


# --- one chapter in Chinese (python -m aicloud run CHAPTER --lang zh) -------------------------------------------

RUN_SOURCES = ROOT / ".cache" / "zh" / "notebooks"


def run_source(ch: Chapter) -> Chapter:
    """The chapter with its Chinese notebook (staged under `.cache/zh/`) as source."""
    text, _missing = i18n_source.notebook_zh(ch.source.read_text(encoding="utf-8"),
                                             i18n_source.page_table(i18n_source.domain_of(ch.source)))
    text = text.replace('i18n.use("zh")', f'i18n.use("zh")  # catalogues {catalogues_digest()}', 1)
    source = RUN_SOURCES / ch.source.name
    _write(source, text)
    return Chapter(ch.name, _title(source), source)


def mark_standalone(ch: Chapter, page: Path) -> None:
    """A standalone page of a Chinese chapter: `lang="zh-CN"`, the CJK font stack and the figures' links in
    Chinese."""
    if RUN_SOURCES not in ch.source.parents:
        return
    from aicloud.sphinx_i18n import close_gaps, furniture
    from aicloud.zh.charts import FONT

    text = page.read_text(encoding="utf-8")
    text = text.replace('<html lang="en">', '<html lang="zh-CN">', 1)
    text = text.replace("</style>", f"body{{font-family:{FONT}}}</style>", 1)
    head, sep, body = text.partition("<body>")
    _write(page, head + sep + close_gaps(furniture(body)) if sep else furniture(text))
