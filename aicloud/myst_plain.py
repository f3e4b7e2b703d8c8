"""MyST Markdown turned into plain Markdown, for readers without Sphinx (JupyterLab, the printable sheets).

Roles become their text (`{term}`, `{doc}`), citations become "(Author, year)" from `book/references.bib`,
exercise and solution directives become headings, admonitions become block quotes, targets and comments go.
`{glue:text}` roles are left in place: `aicloud.coursepack.fill` puts the figures in. A role or directive this
module does not know is refused with the file and line, so a new one cannot reach students as raw markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from aicloud.data import ROOT

ROLE = re.compile(r"\{(?P<name>[a-zA-Z][\w:-]*)\}`(?P<body>[^`]*)`")
DIRECTIVE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}(?P<arg>.*)$")
CODE_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})(?!\{)[\w+-]*\s*$")
OPTION = re.compile(r"^\s*:(?P<key>[\w-]+):(?P<value>.*)$")
TARGET = re.compile(r"^\s*\([\w:.-]+\)=\s*$")
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<href>[^)\s]*)\)")
TITLED = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
ADMONITIONS = {"note": "Note", "tip": "Tip", "hint": "Hint", "important": "Important", "warning": "Warning",
               "caution": "Caution", "attention": "Attention", "danger": "Danger", "error": "Error",
               "seealso": "See also", "admonition": ""}


# --- reader-facing words (one place; a Chinese edition needs a counterpart for each) --------------------------

def exercise_heading(number: int) -> str:
    return f"Exercise {number}"


def solution_heading(number: int) -> str:
    return f"Solution to exercise {number}"


# --- citations ----------------------------------------------------------------------------------------------

def citations(bib: Path = ROOT / "book" / "references.bib") -> dict[str, str]:
    """Each bibliography key with its author-year label, as the site's `author_year` style shows it."""
    from pybtex.database import parse_file

    labels = {}
    for key, entry in parse_file(str(bib)).entries.items():
        people = entry.persons.get("author", [])
        names = [" ".join(p.prelast_names + p.last_names) for p in people]
        who = (names[0] if len(names) == 1 else f"{names[0]} and {names[1]}" if len(names) == 2
               else f"{names[0]} et al." if names else entry.fields.get("title", key))
        labels[key] = _latex_text(f"{who}, {entry.fields.get('year', 'n.d.')}")
    return labels


def _latex_text(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("--", "–").replace("\\&", "&").replace("{", "").replace("}", ""))


# --- conversion ---------------------------------------------------------------------------------------------

@dataclass
class Converter:
    """Converts the Markdown cells of one document in order (exercise numbers run on across documents)."""

    cite: dict[str, str] = field(default_factory=dict)
    link: Callable[[str], str | None] = lambda href: None  # a relative link's target in the output, or None
    where: str = "notebook"  # named in errors
    exercises: int = 0  # exercises numbered so far
    labels: dict[str, int] = field(default_factory=dict)  # exercise label -> number

    def convert(self, text: str) -> str:
        out: list[str] = []
        lines = text.splitlines()
        i = 0
        while i < len(lines):
            line = lines[i]
            m = DIRECTIVE.match(line)
            if TARGET.match(line) or line.strip() == "+++" or line.lstrip().startswith("% "):
                i += 1
                continue
            if m:
                i = self._directive(m, lines, i, out)
                continue
            code = CODE_FENCE.match(line)
            if code:  # a plain code block: copied as it is, roles in it are code
                end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == code.group("fence")),
                           len(lines) - 1)
                out += lines[i:end + 1]
                i = end + 1
                continue
            out.append(self._inline(line, i))
            i += 1
        return "\n".join(out).strip("\n")

    def _directive(self, m: re.Match, lines: list[str], i: int, out: list[str]) -> int:
        name, fence, arg = m.group("name"), m.group("fence"), m.group("arg").strip()
        options: dict[str, str] = {}
        j = i + 1
        while j < len(lines) and OPTION.match(lines[j]):
            o = OPTION.match(lines[j])
            options[o.group("key")] = o.group("value").strip()
            j += 1
        body: list[str] = []
        depth = 0
        while j < len(lines):  # up to the fence that closes this directive (nested ones use longer fences)
            inner = DIRECTIVE.match(lines[j])
            if inner and inner.group("fence")[0] == fence[0] and len(inner.group("fence")) >= len(fence) \
                    and name not in ("exercise-start", "solution-start"):
                depth += 1
            elif lines[j].strip() == fence and depth:
                depth -= 1
            elif lines[j].strip() == fence:
                break
            body.append(lines[j])
            j += 1
        else:
            raise ValueError(f"{self.where}, line {i + 1}: the directive {{{name}}} has no closing {fence}")
        after = j + 1
        if name in ("exercise-start", "exercise"):
            self.exercises += 1
            if options.get("label"):
                self.labels[options["label"]] = self.exercises
            out += [f"#### {exercise_heading(self.exercises)}", ""]
            if name == "exercise":
                out.append(self.convert("\n".join(body)))
        elif name in ("solution-start", "solution"):
            number = self.labels.get(arg, self.exercises)
            out += [f"#### {solution_heading(number)}", ""]
            if name == "solution":
                out.append(self.convert("\n".join(body)))
        elif name in ("exercise-end", "solution-end"):
            pass
        elif name in ("glue", "glue:", "glue:any"):  # a pasted output: filled in later, as HTML
            out += ["", f"{{glue:block}}`{arg}`", ""]
        elif name in ADMONITIONS:
            title = arg if name == "admonition" else ADMONITIONS[name]
            inner = self.convert("\n".join(body)).splitlines()
            quoted = ([f"> **{self._inline(title, i)}**", ">"] if title else []) + \
                [f"> {q}".rstrip() for q in inner]
            out += quoted
        else:
            raise ValueError(f"{self.where}, line {i + 1}: the directive {{{name}}} has no plain-Markdown form "
                             "(add one to aicloud/myst_plain.py)")
        return after

    def _inline(self, line: str, i: int) -> str:
        def role(m: re.Match) -> str:
            name, body = m.group("name"), m.group("body")
            if name.startswith("glue"):
                return m.group(0)  # filled in later, from the run's figures
            if name in ("term", "doc", "ref", "numref", "abbr"):
                t = TITLED.match(body)
                text = t.group("text") if t else body
                return text.rsplit("/", 1)[-1] if name == "doc" and not t else text
            if name in ("cite", "cite:p", "cite:t", "cite:ps", "cite:ts"):
                keys = [k.strip() for k in body.split(",")]
                unknown = [k for k in keys if k not in self.cite]
                if unknown:
                    raise ValueError(f"{self.where}, line {i + 1}: no bibliography entry {unknown[0]!r}")
                labels = [self.cite[k] for k in keys]
                return "; ".join(labels) if name.startswith("cite:t") else f"({'; '.join(labels)})"
            raise ValueError(f"{self.where}, line {i + 1}: the role {{{name}}} has no plain-Markdown form "
                             "(add one to aicloud/myst_plain.py)")

        def link(m: re.Match) -> str:
            href = m.group("href")
            if re.match(r"^[a-z]+:", href) or href.startswith("#"):
                return m.group(0)
            target = self.link(href)
            return f"[{m.group('text')}]({target})" if target else m.group("text")

        return LINK.sub(link, ROLE.sub(role, line))
