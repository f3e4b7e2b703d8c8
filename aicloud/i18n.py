"""The Chinese edition's runtime: which language the text is made in, and the Chinese for what code shows.

Three kinds of reader-facing text, three mechanisms (ARCHITECTURE.md, "The Chinese edition"):

1. Prose (MyST pages and the notebooks' markdown) is translated before execution from message catalogues,
   one per page (`locale/zh_CN/LC_MESSAGES/<page>.po`, see `aicloud.i18n_source`).
2. Sentences the package makes from numbers (verdict reasons, titles, glued sentences) come from Chinese
   counterparts of each module's text section: `aicloud/zh/<same path>.py` defines, under the same names, the
   functions, templates and dicts of the English module. `use("zh")` swaps them into the English modules (so no
   English code changes), `use("en")` puts the English back. A counterpart records a fingerprint of the
   English it translates (`locale/zh_CN/templates.json`), so a later change of the English shows as stale.
3. Short strings that chart and table code puts on screen (axis titles, legends, tooltips, table headers,
   categories, data labels) are translated where they leave the kernel: `charts.finish`, the HTML of tables
   and glued values pass through `display()`, which looks them up in `display.po`, `data.po` and `names.po`:
   exactly, or as a pattern whose `{fields}` are taken from the English and translated in turn. A string with
   an English word and no translation is recorded as missing; the build lists them and a test fails on them.

Numbers keep their values; `wan`, `yi` and friends write them the Chinese way (65 万张, 1,152 亿美元).
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.abc
import math
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale" / "zh_CN" / "LC_MESSAGES"
LANGUAGES = ("en", "zh")
HTML_LANG = {"en": "en", "zh": "zh-CN"}
SPHINX_LANGUAGE = {"en": "en", "zh": "zh_CN"}
DISPLAY_DOMAINS = ("display", "data", "names")
MISSING_KEY = "aicloud_i18n_missing"   # glued by a Chinese notebook's last cell: what had no translation
NEUTRAL = "_aicloud_neutral"   # on Chinese evidence: the English evidence it was made from (aicloud.sweep_cache)

_state: dict[str, Any] = {"lang": "en", "saved": [], "missing": {}}


# --- which language ----------------------------------------------------------------------------------------

def current() -> str:
    return _state["lang"]


def is_zh() -> bool:
    return _state["lang"] == "zh"


def use(lang: str) -> None:
    """Make the package's text in `lang`: Chinese swaps the counterparts in `aicloud.zh` into the English modules
    and installs the display hooks; English restores everything.

    Only the English modules already imported are swapped at once; the others are swapped when they are imported
    (an import hook), so a chapter run in Chinese loads the counterparts of the modules it uses, not of every
    chapter's."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: choose {' or '.join(LANGUAGES)}")
    if lang == _state["lang"]:
        return
    if lang == "zh":
        _state["lang"] = "zh"
        waiting = {english_module(z): z for z in zh_modules()}
        hook = _SwapOnImport(waiting)
        _state["hook"] = hook
        sys.meta_path.insert(0, hook)
        for english in [e for e in waiting if e in sys.modules]:
            hook.swap(english)
        from aicloud.zh import _hooks

        _hooks.install()
    else:
        from aicloud.zh import _hooks

        _hooks.uninstall()
        hook = _state.pop("hook", None)
        if hook in sys.meta_path:
            sys.meta_path.remove(hook)
        for target, name, value in reversed(_state["saved"]):
            setattr(target, name, value)
        _state["saved"].clear()
        _state["lang"] = "en"


def _swap(zh_name: str) -> None:
    """Put the Chinese counterparts of one zh module into its English module (remembering the English)."""
    zh_module = importlib.import_module(zh_name)
    english = importlib.import_module(english_module(zh_name))
    for name, value in counterparts(zh_module).items():
        target, attr = english, name
        if "." in name:   # "Class.method"
            owner, attr = name.rsplit(".", 1)
            target = functools.reduce(getattr, owner.split("."), english)
        _state["saved"].append((target, attr, getattr(target, attr)))
        setattr(target, attr, value)


class _SwapOnImport(importlib.abc.MetaPathFinder):
    """While Chinese is in use: an English module with a counterpart gets it as soon as it is imported."""

    def __init__(self, waiting: dict[str, str]) -> None:
        self.waiting = waiting   # English module -> zh module, not yet swapped

    def swap(self, english: str) -> None:
        zh_name = self.waiting.pop(english, None)
        if zh_name:
            _swap(zh_name)

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname not in self.waiting:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _SwappingLoader(spec.loader, self, fullname)
                return spec
        return None


class _SwappingLoader(importlib.abc.Loader):
    """The module's own loader, then the swap (anything else is asked of the module's own loader)."""

    def __init__(self, loader: Any, hook: _SwapOnImport, name: str) -> None:
        self._loader, self._hook, self._name = loader, hook, name

    def create_module(self, spec: Any) -> Any:
        return self._loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        module.__loader__ = self._loader
        self._loader.exec_module(module)
        if _state.get("hook") is self._hook:
            self._hook.swap(self._name)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loader, name)


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """`with language("zh"): ...` makes text in Chinese inside the block and restores the language after."""
    before = current()
    use(lang)
    try:
        yield
    finally:
        use(before)


def zh_modules() -> list[str]:
    """The modules holding Chinese counterparts: every module under `aicloud/zh/` except the private ones."""
    import aicloud.zh

    return sorted(m.name for m in pkgutil.walk_packages(aicloud.zh.__path__, "aicloud.zh.")
                  if not m.name.rsplit(".", 1)[-1].startswith("_") and not m.ispkg)


def english_module(zh_name: str) -> str:
    return "aicloud." + zh_name.removeprefix("aicloud.zh.")


def counterparts(zh_module: Any) -> dict[str, Any]:
    """Name -> Chinese object for one counterpart module: its public names that the English module also has
    (functions, templates, dicts), plus `ATTRIBUTES` ("Class.method" -> function) for methods."""
    english = importlib.import_module(english_module(zh_module.__name__))
    found = {}
    for name, value in vars(zh_module).items():
        if name.startswith("_") or name in ("ATTRIBUTES", "KEYS", "NOT_SHOWN", "BY_CATALOGUE"):
            continue
        if name not in vars(english) or value is vars(english)[name] or isinstance(value, type(english)):
            continue     # not in the English module, or imported from it as it is
        if callable(value) and getattr(value, "__module__", None) != zh_module.__name__:
            continue     # a function or class imported from elsewhere
        found[name] = value
    found.update(getattr(zh_module, "ATTRIBUTES", {}))
    return found


# --- numbers, dates and lists the Chinese way ----------------------------------------------------------------

def _trim(x: float, digits: int) -> str:
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def wan(x: float, digits: int = 1) -> str:
    """A count in 万 (ten thousands) when it is large enough to read so: 650000 -> '65 万', 5000 -> '5,000'."""
    if not _finite(x):
        raise ValueError(f"not a finite number: {x!r}")
    return f"{_trim(x / 1e4, digits)} 万" if abs(x) >= 1e4 else _trim(x, 0)


def yi(x: float, digits: int = 1) -> str:
    """An amount in 亿 (hundred millions) when large enough, else in 万, else as it is."""
    if not _finite(x):
        raise ValueError(f"not a finite number: {x!r}")
    if abs(x) >= 1e8:
        return f"{_trim(x / 1e8, digits)} 亿"
    return wan(x, digits)


def usd_bn(x_bn: float, digits: int = 1) -> str:
    """USD billions written as 亿美元 (1 bn = 10 亿): 115.2 -> '1,152 亿美元'; a trillion and more as 万亿."""
    if abs(x_bn) >= 1000:
        return f"{_trim(x_bn / 1000, digits)} 万亿美元"
    return f"{_trim(x_bn * 10, digits)} 亿美元"


def rmb_bn(x_bn: float, digits: int = 1) -> str:
    """RMB billions written as 亿元: 380 -> '3,800 亿元'."""
    if abs(x_bn) >= 1000:
        return f"{_trim(x_bn / 1000, digits)} 万亿元"
    return f"{_trim(x_bn * 10, digits)} 亿元"


def rmb_m(x_m: float, digits: int = 1) -> str:
    """RMB millions written in 亿元 or 万元: 600 -> '6 亿元', 8 -> '800 万元'."""
    return f"{yi(x_m * 1e6, digits)}元"


def units(x: float, measure: str = "张") -> str:
    """A count of chips: '65 万张', '5,000 张'."""
    return f"{wan(x)}{measure}" if abs(x) >= 1e4 else f"{wan(x)} {measure}"


ZH_NUMBER_UNITS = {
    "万": lambda v: wan(v),
    "亿": lambda v: yi(v),
    "万张": lambda v: units(v),
    "亿美元": lambda v: usd_bn(v),     # the value is in USD billions
    "亿元": lambda v: rmb_bn(v),       # the value is in RMB billions
    "百万元": lambda v: rmb_m(v),      # the value is in RMB millions: 600 -> '6 亿元', 8 -> '800 万元'
}


def zh_number(value: float, unit: str) -> str:
    """A glued number in a Chinese unit, for the `{zhnum}` role of Chinese pages (see aicloud.sphinx_i18n)."""
    if unit not in ZH_NUMBER_UNITS:
        raise ValueError(f"unknown Chinese number unit {unit!r}: choose one of {', '.join(ZH_NUMBER_UNITS)}")
    return ZH_NUMBER_UNITS[unit](value)


def pct(x: float, digits: int = 0) -> str:
    return f"{x:.{digits}%}"


def day(d: Any) -> str:
    """2024年5月15日."""
    d = _as_date(d)
    return f"{d.year}年{d.month}月{d.day}日"


def month(d: Any) -> str:
    """2024年5月."""
    d = _as_date(d)
    return f"{d.year}年{d.month}月"


def _as_date(d: Any) -> date:
    if isinstance(d, datetime):
        return d.date()
    if isinstance(d, date):
        return d
    if hasattr(d, "to_pydatetime"):
        return d.to_pydatetime().date()
    return datetime.fromisoformat(str(d)[:10]).date()


_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_SPACE_BEFORE = re.compile(rf"([{_HAN}])([A-Za-z0-9$@#(\[])")
_SPACE_AFTER = re.compile(rf"([A-Za-z0-9%)\]])([{_HAN}])")
_CJK_GAP = re.compile(rf"(?<=[{_HAN}\u3000-\u303f\uff00-\uffef]) +(?=[{_HAN}\u3000-\u303f\uff00-\uffef])")
_GAP_PUNCT = re.compile(r" +(?=[\u3000-\u303f\uff00-\uffef])|(?<=[\u3000-\u303f\uff00-\uffef]) +")


_AFTER_ZH = rf"(?<=[{_HAN}）」”》])"
_PUNCT_SEMI = re.compile(rf"{_AFTER_ZH}\s*;\s*|\s*;\s*(?=[{_HAN}])")
_PUNCT_COMMA = re.compile(rf"{_AFTER_ZH}\s*,\s*(?=[{_HAN}])")
_PUNCT_COLON = re.compile(rf"{_AFTER_ZH}\s*:\s*(?![/\d])")
_PUNCT_STOP = re.compile(rf"{_AFTER_ZH}\.(?=\s|$)")


def spacing(text: str) -> str:
    """Chinese text as it is typeset: a space between Chinese characters and Latin letters or digits, none
    between two Chinese characters or next to Chinese punctuation (so templates need not care)."""
    if not isinstance(text, str) or not CJK.search(text):
        return text
    text = _PUNCT_SEMI.sub("；", text)
    text = _PUNCT_COMMA.sub("，", text)
    text = _PUNCT_COLON.sub("：", text)
    text = _PUNCT_STOP.sub("。", text)
    text = _SPACE_BEFORE.sub(r"\1 \2", text)
    text = _SPACE_AFTER.sub(r"\1 \2", text)
    text = _CJK_GAP.sub("", text)
    return _GAP_PUNCT.sub("", text)


def join(items: list[str] | tuple[str, ...], last: str = "和") -> str:
    """'A', 'A和B', 'A、B和C'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + last + items[-1]


def _finite(x: Any) -> bool:
    return isinstance(x, (int, float)) and math.isfinite(x)


# --- catalogues ------------------------------------------------------------------------------------------------

def normalise(text: str) -> str:
    """The lookup key of a message: whitespace runs as one space, so re-wrapped English still finds its Chinese."""
    return " ".join(text.split())


@functools.lru_cache(maxsize=64)
def _read_catalogue(path: Path, _mtime: int) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalogue = read_po(f)
    return {normalise(m.id): m.string for m in catalogue
            if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


_CHECKED: dict[tuple[str, Path | None], tuple[float, dict[str, str]]] = {}
RECHECK_SECONDS = 2.0   # a catalogue edited while a process runs is read again, but not looked for on every call


def catalogue(domain: str, locale_dir: Path | None = None) -> dict[str, str]:
    """English -> Chinese of one catalogue (translated, non-fuzzy messages only), keyed by `normalise(msgid)`."""
    now = time.monotonic()
    seen = _CHECKED.get((domain, locale_dir))
    if seen and now - seen[0] < RECHECK_SECONDS:
        return seen[1]
    path = (locale_dir or LOCALE) / f"{domain}.po"
    table = _read_catalogue(path, path.stat().st_mtime_ns) if path.exists() else {}
    _CHECKED[(domain, locale_dir)] = (now, table)
    return table


def translate(text: str, domain: str) -> str | None:
    """The Chinese of one message of a catalogue, or None."""
    return catalogue(domain).get(normalise(text))


# --- English left in Chinese text ----------------------------------------------------------------------------

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
# An English word: two or more lowercase Latin letters (hyphenated compounds count once), not part of an
# identifier, a file name, a format or a placeholder. Names, acronyms and units are capitalised or mixed.
WORD = re.compile(r"(?<![\w%{.$/\\-])[a-z]{2,}(?:[-'’][a-z]+)*(?![\w}(/\\-])")
# A run of Latin-script text: no CJK character inside.
RUN = re.compile(r"[A-Za-z0-9][^\u3400-\u9fff\u3000-\u303f\uff00-\uffef]*")
SENTENCE_WORDS = 3   # lowercase words in one Latin run that make it an English sentence


@functools.lru_cache(maxsize=1)
def keep_list() -> tuple[str, ...]:
    """Proper names, source titles and units that stay as published (longest first): `locale/zh_CN/keep.txt`,
    the sources' titles and publishers, the bibliography's titles and the name columns of the data."""
    found: set[str] = set()
    keep = LOCALE.parent / "keep.txt"
    if keep.exists():
        found |= {line.strip() for line in keep.read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#")}
    found |= _data_names()
    return tuple(sorted((k for k in found if k), key=len, reverse=True))


def _data_names() -> set[str]:
    import csv

    names: set[str] = set()
    spec = LOCALE.parent / "name_columns.txt"
    columns = [line.split(".", 1) for line in spec.read_text(encoding="utf-8").split()
               if "." in line and not line.startswith("#")] if spec.exists() else []
    for resource, column in columns:
        path = ROOT / "data" / f"{resource}.csv"
        if path.exists():
            with path.open(encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    for part in re.split(r"[;,]", row.get(column) or ""):
                        if part.strip():
                            names.add(part.strip())
    bib = ROOT / "book" / "references.bib"
    if bib.exists():
        for title in re.findall(r"title\s*=\s*\{(.+?)\},?\s*$", bib.read_text(encoding="utf-8"), re.M):
            names.add(title.replace("{", "").replace("}", ""))
    return names


def strip_kept(text: str) -> str:
    """`text` without the proper names, titles and units of the keep list, without URLs and inline code."""
    text = re.sub(r"https?://\S+|`[^`]*`|\S+\.(?:csv|md|py|yaml|ipynb|html|zip)\b", " ", text)
    for kept in keep_list():
        if kept in text:
            text = text.replace(kept, " ")
    return text


def english_words(text: str) -> list[str]:
    """The English words left in a string once names, titles, units, code and URLs are taken out."""
    return WORD.findall(strip_kept(text))


def english_sentences(text: str) -> list[str]:
    """Latin-script runs that read as English sentences: three or more lowercase words with no Chinese between
    them, outside names, source titles, units, code and URLs (the rule of the Chinese pages' test)."""
    found = []
    for run in RUN.finditer(strip_kept(text)):
        if len(WORD.findall(run.group())) >= SENTENCE_WORDS:
            found.append(run.group().strip())
    return found


# --- strings that code puts on screen ---------------------------------------------------------------------

PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.\[\]'\"-]*)(?:![rsa])?(?::[^{}]*)?\}")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
_MON = "|".join(MONTH_NAMES + MONTHS + ["Sept"])
DATE_FORMS = [
    (re.compile(rf"^(\d{{1,2}}) ({_MON})\.? (\d{{4}})$"), lambda m: f"{m[3]}年{_month_no(m[2])}月{int(m[1])}日"),
    (re.compile(rf"^({_MON})\.? (\d{{1,2}}), (\d{{4}})$"), lambda m: f"{m[3]}年{_month_no(m[1])}月{int(m[2])}日"),
    (re.compile(rf"^({_MON})\.? (\d{{4}})$"), lambda m: f"{m[2]}年{_month_no(m[1])}月"),
    (re.compile(r"^Q([1-4]) (\d{4})$"), lambda m: f"{m[2]}年第{m[1]}季度"),
    (re.compile(r"^(\d{4})-H([12])$"), lambda m: f"{m[1]}年{'上' if m[2] == '1' else '下'}半年"),
]


def _month_no(name: str) -> int:
    name = name[:3]
    return MONTHS.index(name) + 1


@functools.lru_cache(maxsize=1)
def _lookup_tables() -> tuple[dict[str, str], list[tuple[re.Pattern, str, list[str]]]]:
    exact: dict[str, str] = {}
    patterns = []
    for domain in DISPLAY_DOMAINS:
        for english, chinese in catalogue(domain).items():
            fields = PLACEHOLDER.findall(english)
            if fields and domain == "display":
                regex, names = _pattern(english)
                patterns.append((len(PLACEHOLDER.sub("", english)), regex, chinese, names))
            else:
                exact[english] = chinese
    # The most specific patterns first: the most literal text.
    patterns.sort(key=lambda p: -p[0])
    return exact, [p[1:] for p in patterns]


def _pattern(english: str) -> tuple[re.Pattern, list[str]]:
    parts, names, last = [], [], 0
    for m in PLACEHOLDER.finditer(english):
        parts.append(re.escape(english[last:m.start()]).replace(r"\ ", r"\s+"))
        group = f"g{len(names)}"
        names.append(m.group(0))
        parts.append(f"(?P<{group}>.+?)")
        last = m.end()
    parts.append(re.escape(english[last:]).replace(r"\ ", r"\s+"))
    return re.compile("^" + "".join(parts) + "$", re.S), names


def reset_lookup() -> None:
    """Forget the loaded catalogues (after a catalogue file changed in the same process)."""
    _lookup_tables.cache_clear()
    _read_catalogue.cache_clear()
    _CHECKED.clear()
    keep_list.cache_clear()
    _display.cache_clear()


def display(text: Any, where: str = "") -> Any:
    """The Chinese of a string that code shows (a label, a header, a category, a short sentence), looked up in
    the display, data and names catalogues; in English, or for anything not a string, the value itself.
    A string with an English word that has no translation is recorded (see `missing`) and returned as it is."""
    if not is_zh() or not isinstance(text, str):
        return text
    result, ok = _display(text)
    if not ok:
        _state["missing"].setdefault(text, set()).add(where)
    return result


@functools.lru_cache(maxsize=65536)
def _display(text: str) -> tuple[str, bool]:
    stripped = text.strip()
    if not stripped or not re.search("[A-Za-z]", stripped) or stripped == "nan":
        return spacing(text), True     # "nan": pandas' text of a missing cell that a table's na_rep replaces
    exact, patterns = _lookup_tables()
    if CJK.search(stripped):   # made in Chinese already: fine unless it carries an English sentence
        if not english_sentences(stripped):
            return spacing(text), True
        return _by_pattern(text, stripped, patterns) or (text, False)
    key = normalise(stripped)
    if key in exact:
        return spacing(text.replace(stripped, exact[key])), True
    for form, make in DATE_FORMS:
        m = form.match(stripped)
        if m:
            return spacing(text.replace(stripped, make(m))), True
    if not english_words(stripped) or SLUG.match(stripped):    # a name, a unit, a number, an identifier
        return spacing(_inline_dates(text)), True
    found = _by_pattern(text, stripped, patterns)
    if found:
        return found
    dated = _inline_dates(stripped)
    if dated != stripped and not english_words(dated):   # a list of names with dates
        return spacing(text.replace(stripped, dated)), True
    return text, False


SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")   # an identifier such as a source id or a series id


def _by_pattern(text: str, stripped: str, patterns: list) -> tuple[str, bool] | None:
    key = normalise(stripped)
    for regex, chinese, names in patterns:
        m = regex.match(key)
        if m:
            values, ok = {}, True
            for i, field in enumerate(names):
                value, good = _display(m.group(f"g{i}"))
                values[field] = value
                ok = ok and good
            if not ok:      # a less specific pattern may still fit
                continue
            out = chinese
            for field, value in values.items():
                out = out.replace(field, value)
                if f"{field[:-1]}__yi}}" in out:    # billions written in 亿: "{x__yi} 亿美元" for "USD {x} bn"
                    out = out.replace(f"{field[:-1]}__yi}}", _times_ten(value))
            return spacing(text.replace(stripped, out)), ok
    return None


def _times_ten(number: str) -> str:
    """A number as shown ("1,234.5"), ten times larger with one decimal fewer ("12,345"); text left as is."""
    try:
        value = float(number.replace(",", "")) * 10
    except ValueError:
        return number
    decimals = max(len(number.partition(".")[2]) - 1, 0)
    return f"{value:,.{decimals}f}" if "," in number or value >= 10000 else f"{value:.{decimals}f}"


_INLINE_DATE = re.compile(rf"\b(?:(\d{{1,2}}) ({_MON})\.?(?: (\d{{4}}))?|({_MON})\.? (\d{{4}}))\b")


def _inline_dates(text: str) -> str:
    """English dates inside a string ('06 May', '06 May 2024', 'May 2024') written the Chinese way."""
    def one(m: re.Match) -> str:
        if m[1]:
            return (f"{m[3]}年" if m[3] else "") + f"{_month_no(m[2])}月{int(m[1])}日"
        return f"{m[5]}年{_month_no(m[4])}月"
    return _INLINE_DATE.sub(one, text)


class Template(str):
    """A Chinese template for English code that calls `.format(...)` on it: string fields pass through `display`
    (names through `name`), and every number is also given as `field__yi`, ten times the value (billions
    written in 亿), and `field__wan`, a hundred times the value (millions written in 万)."""

    def format(self, *args: Any, **fields: Any) -> str:  # type: ignore[override]
        shown = {k: (name(v) if name(v) != v else display(v, "template")) if isinstance(v, str) else v
                 for k, v in fields.items()}
        numbers = {k: v for k, v in fields.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
        more = {f"{k}__yi": v * 10 for k, v in numbers.items()} | {f"{k}__wan": v * 100 for k, v in numbers.items()}
        return str.format(self, *args, **shown, **more)


def templates(mapping: dict[str, str]) -> dict[str, Template]:
    """A dict of Chinese templates (see `Template`)."""
    return {k: Template(v) for k, v in mapping.items()}


def missing() -> list[str]:
    """The strings shown in this process that had no Chinese (sorted)."""
    return sorted(_state["missing"])


def clear_missing() -> None:
    _state["missing"].clear()


def report() -> None:
    """Glue the list of untranslated strings (the last cell of a Chinese notebook does this; the build and the
    tests read it back)."""
    from myst_nb import glue

    glue(MISSING_KEY, missing(), display=False)


def name(text: str) -> str:
    """A proper name as the Chinese edition writes it (腾讯 for Tencent), or as published."""
    return catalogue("names").get(normalise(text), text) if isinstance(text, str) else text


if __name__ == "__main__":
    import sys

    from aicloud.i18n_source import main

    sys.exit(main())
