"""The classroom editions: solutions removed for students (text, code and stored answers), the course pack runs in
a fresh environment of its own requirements, reads as plain Markdown in JupyterLab, and the teachers' pages."""

import json
import os
import re
import subprocess
import sys
import venv
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import serve
from markdown_it import MarkdownIt

from aicloud import book, build, classroom, cli, coursepack, data, pack
from aicloud.myst_plain import Converter

STUDENT = data.ROOT / "_build" / "student" / "html"
CHAPTERS = [ch.name for ch in book.chapters()]

EXERCISE = """## Exercises

```{exercise-start}
:label: ex-a
```
Compute the share of {glue:text}`q_key:.0f` units.
```{exercise-end}
```

```{solution-start} ex-a
:class: dropdown
```
The share is {glue:text}`a_key:.1%`, SECRET-ONE.
"""
TAIL = """Still the solution: SECRET-THREE.
```{solution-end}
```

Text after the solution stays.
"""


def glue_output(name: str, value: object) -> nbformat.NotebookNode:
    return nbformat.v4.new_output("display_data", data={f"{coursepack.GLUE_PREFIX}text/plain": repr(value)},
                                  metadata={"scrapbook": {"name": name, "mime_prefix": coursepack.GLUE_PREFIX}})


def notebook(executed: bool = False) -> nbformat.NotebookNode:
    figures = nbformat.v4.new_code_cell("glue('q_key', 12)\nglue('a_key', 0.25)  # SECRET-CODE",
                                        metadata={"tags": ["solution", "hide-input"]})
    if executed:
        figures.outputs = [glue_output("q_key", 12), glue_output("a_key", 0.25)]
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x = 1"),
        figures,
        nbformat.v4.new_markdown_cell(EXERCISE),
        nbformat.v4.new_code_cell("print('SECRET-TWO')"),
        nbformat.v4.new_markdown_cell(TAIL),
        nbformat.v4.new_code_cell("y = 2"),
    ])


# --- the student edition: what is removed --------------------------------------------------------------------

def test_a_gated_solution_and_a_cell_tagged_solution_are_removed_with_the_code_inside():
    nb = notebook()
    assert classroom.strip_solutions_notebook(nb) == 2
    text = nbformat.writes(nb)
    assert "SECRET" not in text and "solution-start" not in text and "solution-end" not in text


def test_the_exercise_and_the_cells_around_a_solution_are_kept():
    nb = notebook()
    classroom.strip_solutions_notebook(nb)
    sources = [c.source for c in nb.cells]
    assert sources[0] == "x = 1" and sources[-1] == "y = 2"
    assert "{exercise-start}" in sources[1] and "Compute the share" in sources[1]
    assert "Text after the solution stays." in sources[2]


def test_a_figure_the_question_quotes_stays_without_its_code_and_the_answer_goes():
    nb = notebook(executed=True)
    classroom.strip_solutions_notebook(nb)
    stubs = [c for c in nb.cells if c.source == classroom.QUOTED_CELL]
    assert len(stubs) == 1 and stubs[0].metadata["tags"] == ["remove-cell"]
    assert [o.metadata["scrapbook"]["name"] for o in stubs[0].outputs] == ["q_key"]
    assert "a_key" not in nbformat.writes(nb) and "SECRET" not in nbformat.writes(nb)


def test_the_answer_keys_are_what_only_solutions_quote_or_glue():
    found = classroom.answers(notebook(executed=True))
    assert found.keys == {"a_key"} and found.values == {"a_key": "0.25"} and found.by_solution_code == {"a_key"}
    assert any("SECRET-CODE" in c for c in found.code) and any("SECRET-TWO" in c for c in found.code)


def test_an_ungated_solution_directive_is_removed_whole():
    text = "Before.\n\n````{solution} ex-a\n:class: dropdown\n\nSECRET\n````\n\nAfter.\n"
    out, count = classroom.strip_solutions_text(text)
    assert count == 1 and "SECRET" not in out and "Before." in out and "After." in out


def test_a_jupytext_code_cell_tagged_solution_is_removed_from_myst_text():
    text = ("Before.\n\n```{code-cell} ipython3\n:tags: [solution, hide-input]\nanswer = 42  # SECRET\n```\n\n"
            "```{code-cell} ipython3\n:tags: [hide-input]\nkept = 1\n```\n")
    out, count = classroom.strip_solutions_text(text)
    assert count == 1 and "SECRET" not in out and "kept = 1" in out and "Before." in out


def test_a_solution_start_without_its_end_is_refused():
    with pytest.raises(ValueError, match="solution-end"):
        classroom.strip_solutions_text("```{solution-start} ex-a\n```\nno end\n")


def test_the_student_edition_is_never_made_in_the_project_itself():
    with pytest.raises(ValueError, match="staged copy"):
        classroom.make_student(data.ROOT)


def test_the_student_edition_hides_solutions_and_drops_the_answer_key_in_the_staged_copy(tmp_path):
    (tmp_path / "book" / "generated").mkdir(parents=True)
    (tmp_path / "_config.yml").write_text("title: t\nsphinx:\n  config:\n    x: 1\n")
    (tmp_path / "_toc.yml").write_text(yaml.safe_dump({"format": "jb-book", "root": "a", "parts": [{"chapters": [
        {"file": "book/ch"}, {"file": classroom.ANSWER_KEY_PAGE}]}]}))
    (tmp_path / f"{classroom.ANSWER_KEY_PAGE}.md").write_text("# Answer key\nSECRET\n")
    nbformat.write(notebook(), str(tmp_path / "book" / "ch.ipynb"))
    assert classroom.make_student(tmp_path) == 2
    config = yaml.safe_load((tmp_path / "_config.yml").read_text())
    assert config["sphinx"]["config"] == {"x": 1, "hide_solutions": True}
    assert "SECRET" not in (tmp_path / "book" / "ch.ipynb").read_text()
    assert not (tmp_path / f"{classroom.ANSWER_KEY_PAGE}.md").exists()
    assert classroom.ANSWER_KEY_PAGE not in (tmp_path / "_toc.yml").read_text()
    assert "book/ch" in (tmp_path / "_toc.yml").read_text()


# --- discovering the modules the pack needs --------------------------------------------------------------------

@pytest.fixture
def tree(tmp_path) -> Path:
    pkg = tmp_path / "aicloud"
    (pkg / "solutions").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from aicloud import c\n"
                              "def f():\n    from aicloud import b\n")
    (pkg / "b.py").write_text("import yaml\n")
    (pkg / "c.py").write_text("")
    (pkg / "unused.py").write_text("")
    (pkg / "solutions" / "__init__.py").write_text("")
    (pkg / "solutions" / "ch.py").write_text("from aicloud import b\n")
    return tmp_path


def test_the_pack_takes_the_modules_the_code_imports_following_their_own_imports(tree):
    found = pack.package_modules(["%matplotlib inline\nfrom aicloud import a"], root=tree)
    assert sorted(found) == ["aicloud", "aicloud.a", "aicloud.b"]  # not c (type checking only), not unused


def test_the_student_pack_refuses_code_that_imports_the_solutions(tree):
    code = ["from aicloud.solutions import ch"]
    assert "aicloud.solutions.ch" in pack.package_modules(code, root=tree)
    with pytest.raises(ValueError, match="tagged 'solution'"):
        pack.package_modules(code, root=tree, exclude=(classroom.SOLUTIONS_PACKAGE,))


# --- plain Markdown ------------------------------------------------------------------------------------------

def test_myst_becomes_plain_markdown_with_exercises_numbered_on():
    conv = Converter(cite={"k": "Doe, 2024"}, link=lambda href: "b.ipynb" if href == "b.md" else None,
                     exercises=5)
    text = ("(target)=\n% a comment\nSee {term}`GPUs <GPU>`, {term}`HBM`, {doc}`the glossary <../glossary>` and "
            "{cite:p}`k`; [next](b.md), [ledger](../generated/claims_ledger.md), [web](https://x.org).\n\n"
            "```{exercise-start}\n:label: e1\n```\nQ {glue:text}`n:,.0f`.\n```{exercise-end}\n```\n\n"
            "```{solution-start} e1\n:class: dropdown\n```\nA.\n```{solution-end}\n```\n\n"
            "```{note}\nMind it.\n```\n\n```python\nx = '{term}`raw`'\n```")
    out = conv.convert(text)
    assert "See GPUs, HBM, the glossary and (Doe, 2024); [next](b.ipynb), ledger, [web](https://x.org)." in out
    assert "#### Exercise 6" in out and "#### Solution to exercise 6" in out and "{glue:text}`n:,.0f`" in out
    assert "> **Note**" in out and "> Mind it." in out and "x = '{term}`raw`'" in out
    assert "target" not in out and "comment" not in out and ":label:" not in out and ":class:" not in out


@pytest.mark.parametrize("text,what", [("{unknownrole}`x`", "role"), ("```{figure} a.png\n```", "directive"),
                                       ("{cite:p}`nobody`", "bibliography")])
def test_markup_without_a_plain_form_is_refused_with_its_line(text, what):
    with pytest.raises(ValueError, match=f"line 2: .*{what}"):
        Converter(where="ch").convert("ok\n" + text)


@pytest.mark.parametrize("raw,fmt", [("1234.5", ",.0f"), ("0.256", ".0%"), ("'Tencent'", ""), ("7", "d"),
                                     ("3", ".2f"), ("'x'", "s"), ("12", ""), ("-0.5", "+.1f"), ("2.0", "g")])
def test_figures_are_formatted_as_myst_nb_formats_them(raw, fmt):
    from myst_nb.core.variables import format_plain_text

    assert coursepack.format_plain_text(raw, fmt) == format_plain_text(raw, fmt)


def test_filled_text_escapes_data_and_names_missing_figures():
    text, missing = coursepack.fill("A {glue:text}`who` and {glue:text}`n:,.0f` and {glue:text}`gone`.",
                                    {"who": "'*Bold* <b>x</b> [l](u)'", "n": "1234.0"})
    assert text == r"A \*Bold\* \<b\>x\</b\> \[l\](u) and 1,234 and {glue:text}`gone`." and missing == ["gone"]
    rendered = MarkdownIt("commonmark").render(text)
    assert "<b>" not in rendered and "<em>" not in rendered and "*Bold* &lt;b&gt;x&lt;/b&gt; [l](u)" in rendered


def test_the_packs_glue_stores_exactly_what_myst_nbs_glue_stores(monkeypatch):
    import IPython.display
    import myst_nb.ext.glue as real

    calls = {}
    monkeypatch.setattr(real, "ipy_display", lambda *a, **k: calls.setdefault("myst_nb", (a, k)))
    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: calls.setdefault("pack", (a, k)))
    real.glue("share", 0.25, display=False)
    coursepack.glue("share", 0.25, display=False)
    assert calls["pack"] == calls["myst_nb"]


def test_a_pasted_output_becomes_its_html_in_one_block():
    template = Converter().convert("# T\n\n```{glue:} box\n```\n\nText.")
    assert "{glue:block}`box`" in template and "```" not in template
    text, missing = coursepack.fill(template, {"box": "'<HTML>'"}, {"box": "<div>\n\n<b>Found</b>\n</div>"})
    assert not missing and "<div>\n<b>Found</b>\n</div>" in text
    assert "<b>Found</b>" in MarkdownIt("commonmark", {"html": True}).render(text)
    assert classroom.glue_refs("```{glue:} box\n```\n{glue:text}`n`") == {"box", "n"}


def test_a_run_refills_the_text_and_keeps_the_packs_figure_when_the_run_has_none():
    cell = nbformat.v4.new_markdown_cell("old", metadata={coursepack.META: {
        "template": "{glue:text}`a:.0f` and {glue:text}`b`", "values": {"a": "1.0", "b": "'kept'"}}})
    code = nbformat.v4.new_code_cell("")
    code.outputs = [glue_output("a", 2.0)]
    nb = nbformat.v4.new_notebook(cells=[code, cell])
    assert coursepack.refill(nb) == ["b"]
    assert nb.cells[1].source == "2 and kept"


def test_the_runners_kernel_is_this_environments_python():
    spec = coursepack._kernel_manager().kernel_spec
    assert spec.argv[0] == sys.executable and "ipykernel_launcher" in spec.argv


# --- the packs ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> dict[str, Path]:
    """Both packs, written by the command line and unzipped, as a teacher and a student would."""
    out = {}
    for edition in classroom.EDITIONS:
        where = tmp_path_factory.mktemp(edition)
        assert cli.main(["pack", "--edition", edition, "--out", str(where / "pack.zip")]) == 0
        zipfile.ZipFile(where / "pack.zip").extractall(where)
        out[edition] = where / pack.PACK_TOP
    return out


def all_files(root: Path) -> dict[Path, str]:
    skip = {".venv", "__pycache__"}
    return {p: p.read_bytes().decode("utf-8", "replace") for p in root.rglob("*")
            if p.is_file() and not skip & set(p.relative_to(root).parts)}


def test_each_pack_holds_every_notebook_unexecuted_with_data_package_ledger_and_readme(packs):
    for edition, root in packs.items():
        for name in CHAPTERS:
            nb = nbformat.read(str(root / f"{name}.ipynb"), as_version=4)
            nbformat.validate(nb)
            assert all(not c.outputs for c in nb.cells if c.cell_type == "code"), "notebooks ship unexecuted"
            assert (root / "notebooks" / f"{name}.md").is_file()
        for required in ("README.md", "requirements.txt", "constraints.txt", "requirements-lab.txt", "run.py",
                         "myst_nb/__init__.py", "data/datapackage.yaml", "data/sources.csv", "aicloud/data.py",
                         pack._ledger_default(book.chapters())):
            assert (root / required).is_file(), (edition, required)
        assert (root / "answer_key.html").exists() == (edition == "instructor")
        assert not (root / "aicloud" / "solutions").exists() or edition == "instructor"
        assert json.loads((root / "notebooks.json").read_text())["order"] == CHAPTERS


def test_the_readme_gives_the_commands_for_linux_macos_and_windows(packs):
    readme = (packs["student"] / "README.md").read_text()
    assert "Linux and macOS" in readme and "**Windows**" in readme
    for command in ("python3 -m venv .venv", ".venv/bin/python -m pip install --no-compile -r requirements.txt",
                    "py -m venv .venv", r".venv\Scripts\python -m pip install --no-compile -r requirements.txt",
                    r".venv\Scripts\python run.py", ".venv/bin/python run.py"):
        assert command in readme


RAW_MYST = re.compile(r"\{[a-z][\w:-]*\}`|`{3,}\{|:{3,}\{|^\s*:(label|class|tags):|^\s*\([\w:.-]+\)=\s*$|"
                      r"solution-start|exercise-start|\[missing", re.M)
SUBSTITUTION = re.compile(r"\{\{[^}]*\}\}")  # MyST substitutions (not in the site's BibTeX box, so notebooks only)


@pytest.mark.parametrize("edition", classroom.EDITIONS)
def test_jupyterlab_shows_plain_markdown_with_no_raw_roles_directives_or_placeholders(packs, edition):
    # JupyterLab renders Markdown cells as CommonMark with tables and sanitised HTML: the same here.
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    for name in CHAPTERS:
        nb = nbformat.read(str(packs[edition] / f"{name}.ipynb"), as_version=4)
        shown = []
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                html = md.render(cell.source)
                text = BeautifulSoup(html, "html.parser").get_text("\n")
                assert not RAW_MYST.search(text), (name, RAW_MYST.search(text).group(0), text[:300])
                assert not SUBSTITUTION.search(text), (name, text[:300])
                shown.append(text)
        assert "Course pack copy" in "\n".join(shown)
    sheets = list((packs[edition] / "exercise_sheets").glob("*.html"))
    assert sheets and all(not RAW_MYST.search(BeautifulSoup(p.read_text(), "html.parser").get_text("\n"))
                          for p in sheets)


def test_the_student_pack_has_every_exercise_and_no_solution_heading(packs, site):
    for name in CHAPTERS:
        exercises = len(soup(site, name).select("div.exercise"))
        texts = {e: "\n".join(c.source for c in nbformat.read(str(packs[e] / f"{name}.ipynb"), 4).cells
                              if c.cell_type == "markdown") for e in classroom.EDITIONS}
        assert texts["student"].count("#### Exercise ") == exercises
        assert texts["instructor"].count("#### Solution to exercise ") == exercises
        assert "Solution to exercise" not in texts["student"]


def test_the_pack_requirements_are_pinned_runtime_only_and_the_versions_the_tests_use(packs):
    pins = dict(line.split("==") for line in (pack.PACK_FILES / "requirements.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    constraints = dict(line.split("==") for line in (pack.PACK_FILES / "constraints.txt").read_text().splitlines()
                       if "==" in line and not line.startswith("#"))
    lock = {}
    for line in (data.ROOT / "requirements-lock.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            lock[norm(name)] = version.split()[0].split(";")[0]
    for name, version in {**pins, **constraints}.items():
        assert lock.get(norm(name)) == version, f"{name}=={version} differs from the developers' lock"
    # What the pack's code imports (its notebooks, modules and runner), as distributions.
    root = packs["instructor"]
    code = [c.source for n in CHAPTERS for c in nbformat.read(str(root / f"{n}.ipynb"), 4).cells
            if c.cell_type == "code"]
    modules = [p.read_text() for p in root.rglob("*.py")]
    dists = packages_distributions()

    def third_party(sources: list[str], nested: bool) -> set[str]:
        names = {m.split(".")[0] for src in sources for m in pack.code_imports(src, nested=nested)}
        return {norm(d) for m in names if m not in sys.stdlib_module_names and m not in ("aicloud", "myst_nb")
                for d in dists.get(m, [m])}

    # Whatever the notebooks import, and the shipped modules import when loaded, is installed (pinned) ...
    loaded = third_party(code, nested=True) | third_party(modules, nested=False)
    installed = {norm(p) for p in {**pins, **constraints}}
    assert loaded <= installed, f"imported but not installed: {loaded - installed}"
    # ... and every direct requirement is imported somewhere (or named here with the reason it is needed).
    needed_to_run = {"ipykernel": "the kernel that runs the notebooks",
                     "jinja2": "pandas' Styler (the notebooks' styled tables) imports it"}
    used = third_party(code + modules, nested=True)
    assert {norm(p) for p in pins} - used <= set(needed_to_run), "required but never imported"
    for noisy in ("jupyter-book", "sphinx", "playwright", "pytest", "ruff", "myst-nb", "papermill"):
        assert norm(noisy) not in {norm(p) for p in {**pins, **constraints}}


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# --- every notebook runs in a fresh environment made from the pack's own requirements -----------------------

@pytest.fixture(scope="module")
def pack_python(packs, tmp_path_factory) -> Path:
    """A new virtual environment (no system packages) with the student pack's requirements installed by pip.

    Both packs' requirement files are the same bytes (checked), so one environment serves both."""
    for name in ("requirements.txt", "constraints.txt"):
        assert (packs["student"] / name).read_bytes() == (packs["instructor"] / name).read_bytes()
    env_dir = tmp_path_factory.mktemp("env") / ".venv"
    venv.create(env_dir, with_pip=True, clear=True)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    proc = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                           "--no-compile", "-r", "requirements.txt"], cwd=packs["student"], env=clean_env(),
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return python


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}


@pytest.fixture(scope="module")
def runs(packs, pack_python) -> dict[str, Path]:
    """Every notebook of both packs executed by the pack's own runner in that environment."""
    out = {}
    for edition, root in packs.items():
        proc = subprocess.run([str(pack_python), "run.py"], cwd=root, env=clean_env(), capture_output=True,
                              text=True, timeout=1800)
        assert proc.returncode == 0, (edition, proc.stdout[-2000:], proc.stderr[-3000:])
        out[edition] = root / coursepack.OUT_DIR
    return out


def test_the_environment_has_only_the_packs_packages(pack_python):
    listed = subprocess.run([str(pack_python), "-m", "pip", "list", "--format=json"], capture_output=True,
                            text=True, check=True, env=clean_env())
    installed = {norm(p["name"]) for p in json.loads(listed.stdout)}
    assert "pandas" in installed and not installed & {"sphinx", "jupyter-book", "myst-nb", "pytest", "playwright"}


@pytest.mark.parametrize("edition", classroom.EDITIONS)
def test_every_notebook_of_the_pack_runs_in_the_fresh_environment(runs, edition):
    for name in CHAPTERS:
        nb = nbformat.read(str(runs[edition] / f"{name}.ipynb"), as_version=4)
        assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
        assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), name
        assert coursepack.glued(nb), f"{name} glued no figure"
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        assert not RAW_MYST.search(text), (name, RAW_MYST.search(text).group(0))


def chart_outputs(nb) -> list[dict]:
    """Every output of a notebook that displays a figure of aicloud.charts."""
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if str(o.get("data", {}).get("text/plain", "")).startswith("<Figure: ")]


@pytest.mark.parametrize("edition", classroom.EDITIONS)
def test_every_chart_of_an_executed_pack_notebook_is_a_spec_a_notebook_app_draws_offline(runs, edition):
    """JupyterLab ranks text/html above Vega-Lite, and the site's HTML figure needs the Vega the site preloads:
    in the pack every figure is the Vega-Lite spec alone (drawn in JupyterLab by the test below)."""
    from aicloud import charts

    for name in CHAPTERS:
        nb = nbformat.read(str(runs[edition] / f"{name}.ipynb"), as_version=4)
        outputs = chart_outputs(nb)
        assert outputs, f"{name} shows no chart"
        for out in outputs:
            assert set(out["data"]) == {charts.NOTEBOOK_MIME, "text/plain"}, (name, sorted(out["data"]))
            spec = out["data"][charts.NOTEBOOK_MIME]
            assert spec["title"]["text"] and spec.get("datasets"), name
            assert "vega-preloaded" not in json.dumps(out), name


def test_jupyterlab_draws_every_chart_of_the_executed_pack_notebooks_with_no_network(packs, pack_python, runs,
                                                                                    browser, tmp_path):
    """The student pack's JupyterLab (requirements-lab.txt) opens each executed notebook and draws each chart."""
    import socket
    import time
    import urllib.request

    root = packs["student"]
    proc = subprocess.run([str(pack_python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                           "--no-compile", "-r", "requirements-lab.txt"], cwd=root, env=clean_env(),
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-3000:]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = tmp_path / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # every cell in the page (JupyterLab otherwise renders only the cells near the view)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}', encoding="utf-8")
    env = {**clean_env(), "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    log = open(tmp_path / "lab.log", "w")  # noqa: SIM115 - closed below, after the server stops
    lab = subprocess.Popen([str(pack_python), "-m", "jupyterlab", "--no-browser", f"--port={port}",
                            "--ServerApp.ip=127.0.0.1", "--allow-root", "--IdentityProvider.token=",
                            "--ServerApp.password=", f"--ServerApp.root_dir={root}"],
                           cwd=root, env=env, stdout=log, stderr=log)
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status")
                break
            except OSError:
                assert lab.poll() is None, (tmp_path / "lab.log").read_text()[-3000:]
                time.sleep(0.5)
        for name in CHAPTERS:
            want = len(chart_outputs(nbformat.read(str(runs["student"] / f"{name}.ipynb"), as_version=4)))
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            outside, errors = [], []
            page.route("**/*", lambda r, outside=outside: r.continue_() if r.request.url.startswith(
                ("http://127.0.0.1", "data:", "blob:")) else (outside.append(r.request.url), r.abort()))
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(f"http://127.0.0.1:{port}/lab/tree/{coursepack.OUT_DIR}/{name}.ipynb?reset")
            # a chart is drawn when its Vega view has put its marks in the output
            page.wait_for_function(f"document.querySelectorAll('.jp-RenderedVegaCommon5 .marks').length >= {want}",
                                   timeout=180_000)
            found = page.evaluate("""() => [...document.querySelectorAll('.jp-RenderedVegaCommon5')].map(o =>
                ({marks: o.querySelectorAll('svg.marks, canvas.marks').length, error: !!o.querySelector('.error')}))""")
            assert len(found) == want and all(f["marks"] and not f["error"] for f in found), (name, found)
            assert page.locator("text=Error loading script").count() == 0, name
            assert not outside and not errors, (name, outside, errors)
            page.close()
    finally:
        # The notebooks opened started kernels: stop them first, so the server stops at once when asked.
        try:
            base = f"http://127.0.0.1:{port}/api/kernels"
            for kernel in json.loads(urllib.request.urlopen(base, timeout=30).read()):
                urllib.request.urlopen(urllib.request.Request(f"{base}/{kernel['id']}", method="DELETE"),
                                       timeout=60)
        except OSError:
            pass  # a server that is already gone has no kernels left
        lab.terminate()
        try:
            lab.wait(120)
        except subprocess.TimeoutExpired:
            lab.kill()
            lab.wait(30)
        log.close()


def test_a_parameter_given_to_the_pack_runner_changes_the_figures_and_the_text(packs, pack_python, runs, tmp_path):
    root = packs["student"]
    name = next(n for n in CHAPTERS if any(p.is_assumption and p.high is not None
                                           for p in pack_params(root, n)))
    prm = next(p for p in pack_params(root, name) if p.is_assumption and p.high is not None and p.high != p.default)
    proc = subprocess.run([str(pack_python), "-m", "aicloud", "run", name, "-p", prm.name, f"{prm.high!r}", "--out",
                           str(tmp_path)], cwd=root, env=clean_env(), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    before = nbformat.read(str(runs["student"] / f"{name}.ipynb"), as_version=4)
    after = nbformat.read(str(tmp_path / f"{name}.ipynb"), as_version=4)
    changed = {k for k, v in coursepack.glued(after).items() if coursepack.glued(before).get(k) != v}
    assert changed, f"{prm.name} = {prm.high} changed no figure of {name}"
    text = [c.source for c in after.cells if c.cell_type == "markdown"]
    assert text != [c.source for c in before.cells if c.cell_type == "markdown"], "the text was not refilled"
    bad = subprocess.run([str(pack_python), "-m", "aicloud", "run", name, "-p", prm.name, "1e9"], cwd=root,
                         env=clean_env(), capture_output=True, text=True, timeout=600)
    assert bad.returncode == 2 and "outside its documented range" in bad.stderr


def pack_params(root: Path, name: str) -> list:
    from aicloud import params

    return params.read(root / "notebooks" / f"{name}.md")


# --- nothing given away ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def instructor_answers(site) -> dict[str, classroom.Answers]:
    return {name: classroom.answers(nbformat.read(str(data.ROOT / "book" / "chapters" / f"{name}.ipynb"), 4))
            for name in CHAPTERS}


def solution_lines(found: dict[str, classroom.Answers], notebooks: list[nbformat.NotebookNode]) -> set[str]:
    """Lines of code only solutions have: from cells the student edition removes and from `aicloud/solutions/`,
    less any line that other code of the report also has (imports, comments and short lines aside)."""
    common = {line.strip() for nb in notebooks for c in nb.cells if c.cell_type == "code"
              and not classroom.is_solution_cell(c) for line in c.source.splitlines()}
    package = data.ROOT / "aicloud"
    common |= {line.strip() for p in package.rglob("*.py") if "solutions" not in p.relative_to(package).parts
               for line in p.read_text().splitlines()}
    sources = [code for a in found.values() for code in a.code]
    sources += [p.read_text() for p in (package / "solutions").glob("*.py")] if (package / "solutions").is_dir() \
        else []
    return {line.strip() for src in sources for line in src.splitlines()
            if len(line.strip()) >= 25 and not line.strip().startswith(("import ", "from ", "#", '"""'))
            and line.strip() not in common}


def leaks(files: dict[Path, str], found: dict[str, classroom.Answers], code: set[str],
          only_solution_code: bool = False) -> list[str]:
    """Every stored answer (a chapter's notebook holding a glued answer key) or line of solution code in `files`.
    With `only_solution_code`, only the answers that solution code glues count (for a student's own runs)."""
    out = set()
    for path, text in files.items():
        if path.suffix == ".ipynb" and path.stem in found:
            a = found[path.stem]
            stored = {n for c in json.loads(text).get("cells", []) for o in c.get("outputs", [])
                      if (n := o.get("metadata", {}).get("scrapbook", {}).get("name"))}
            keys = a.by_solution_code if only_solution_code else a.keys
            out |= {f"{path.stem}: stored answer {k} in {path}" for k in stored & keys}
        out |= {f"solution code {line!r} in {path}" for line in code if line in text}
    return sorted(out)


def test_the_leak_check_finds_every_kind_of_leak(tmp_path):
    found = {"ch": classroom.answers(notebook(executed=True))}
    assert found["ch"].by_solution_code == {"a_key"}
    leaked = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")])
    leaked.cells[0].outputs = [glue_output("a_key", 0.25), glue_output("q_key", 12)]
    code = solution_lines(found, [notebook()])
    assert "glue('a_key', 0.25)  # SECRET-CODE" in code and "x = 1" not in code
    files = {tmp_path / "ch.ipynb": nbformat.writes(leaked), tmp_path / "b.py": "glue('a_key', 0.25)  # SECRET-CODE"}
    assert leaks(files, found, code) == [f"ch: stored answer a_key in {tmp_path / 'ch.ipynb'}",
                                         f"solution code \"glue('a_key', 0.25)  # SECRET-CODE\" in {tmp_path / 'b.py'}"]
    clean = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")])
    clean.cells[0].outputs = [glue_output("q_key", 12)]
    assert not leaks({tmp_path / "ch.ipynb": nbformat.writes(clean)}, found, code)


def test_an_answer_glued_by_the_chapters_own_code_is_not_stored_in_the_student_edition():
    nb = notebook(executed=True)
    nb.cells[0].outputs = [glue_output("a_key", 0.25), glue_output("other", 1)]  # glued outside the solutions
    classroom.strip_solutions_notebook(nb)
    assert [o.metadata["scrapbook"]["name"] for o in nb.cells[0].outputs] == ["other"]


def test_the_student_site_its_downloads_the_student_pack_and_its_runs_hold_no_answer(
        instructor_answers, student, packs, runs):
    assert any(a.keys for a in instructor_answers.values()), "no exercise answer is glued: the check would be empty"
    notebooks = [nbformat.read(str(data.ROOT / "book" / "chapters" / f"{n}.ipynb"), 4) for n in CHAPTERS]
    code = solution_lines(instructor_answers, notebooks)
    shipped = {**all_files(student), **{p: t for p, t in all_files(packs["student"]).items()
                                        if coursepack.OUT_DIR not in p.relative_to(packs["student"]).parts}}
    assert not leaks(shipped, instructor_answers, code)
    assert not (packs["student"] / "aicloud" / "solutions").exists()
    # A student's own run of the pack computes no answer that solution code computes.
    assert not leaks(all_files(runs["student"]), instructor_answers, code, only_solution_code=True)
    # The same checks find the answers where they belong: the instructor pack and its runs.
    assert leaks(all_files(packs["instructor"]), instructor_answers, code)


def test_the_student_pack_holds_no_solution_text(instructor, packs):
    texts = "\n".join(t for p, t in all_files(packs["student"]).items() if p.suffix in (".ipynb", ".md", ".html"))
    texts = " ".join(texts.split())
    for name in CHAPTERS:
        for solution in solutions(soup(instructor, name)):
            assert solution[:60] not in texts, (name, solution[:60])


# --- the built sites ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def instructor(site) -> Path:
    return site


@pytest.fixture(scope="module")
def student() -> Path:
    assert build.build(edition="student").ok
    return STUDENT


def soup(site: Path, chapter: str) -> BeautifulSoup:
    return BeautifulSoup((site / "book" / "chapters" / f"{chapter}.html").read_text(encoding="utf-8"),
                         "html.parser")


def solutions(page: BeautifulSoup) -> list[str]:
    found = []
    for div in page.select("div.solution"):
        content = div.select_one("section") or div
        found.append(" ".join(content.get_text(" ").split()))
    return found


def test_the_instructor_site_shows_at_least_four_exercises_with_a_solution_each_in_a_dropdown(instructor):
    counts = {}
    for name in CHAPTERS:
        page = soup(instructor, name)
        exercises, sols = page.select("div.exercise"), page.select("div.solution")
        assert len(sols) == len(exercises), name
        assert all("dropdown" in div["class"] for div in sols), name
        counts[name] = len(exercises)
    assert max(counts.values()) >= 4, counts


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_student_site_has_every_exercise_and_no_solution(instructor, student, name):
    teacher, pupil = soup(instructor, name), soup(student, name)
    assert len(pupil.select("div.exercise")) == len(teacher.select("div.exercise"))
    assert pupil.select("div.solution") == []
    text = " ".join(pupil.get_text(" ").split())
    for solution in solutions(teacher):
        assert solution[:80] not in text


def test_the_student_site_offers_notebooks_without_solutions(student):
    for name in CHAPTERS:
        nb = (student / "_sources" / "book" / "chapters" / f"{name}.ipynb").read_text(encoding="utf-8")
        assert "solution-start" not in nb
        cells = json.loads(nb)["cells"]
        assert not any(classroom.SOLUTION_TAG in c.get("metadata", {}).get("tags", []) for c in cells)


def test_the_student_site_leaves_the_instructor_site_as_it_was(instructor, student):
    assert student != instructor
    assert any(soup(instructor, name).select("div.solution") for name in CHAPTERS)


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_page_links_to_its_executed_notebook_for_download(instructor, name):
    page = soup(instructor, name)
    links = [a["href"] for a in page.select("a[href$='.ipynb']")]
    assert f"../../_sources/book/chapters/{name}.ipynb" in links, links
    target = (instructor / "book" / "chapters" / links[0]).resolve()
    nb = nbformat.reads(target.read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(nb)
    assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), "the download is the executed notebook"
    assert json.loads(target.read_text(encoding="utf-8"))["metadata"]["aicloud"]["chapter"] == name


# --- for teachers: the answer key and the exercise sheets ---------------------------------------------------

def test_the_answer_key_is_a_page_of_the_instructor_site_only_with_every_solution(instructor, student, packs):
    page = instructor / "book" / "generated" / "answer_key.html"
    text = " ".join(BeautifulSoup(page.read_text(), "html.parser").get_text(" ").split())
    total = sum(len(soup(instructor, n).select("div.exercise")) for n in CHAPTERS)
    assert text.count("Solution to exercise") == total
    for name in CHAPTERS:
        for div in soup(instructor, name).select("div.solution"):
            first = next((p for p in div.select("p") if not p.find_parent(class_="admonition-title")
                          and "admonition-title" not in p.get("class", [])), None)
            words = first.get_text(" ").split()[:6] if first else []  # its first paragraph's opening words
            assert "".join(words) in "".join(text.split()), (name, words)
    tables = sum(len(div.select("table")) for n in CHAPTERS for div in soup(instructor, n).select("div.solution"))
    assert len(BeautifulSoup(page.read_text(), "html.parser").select("article table")) >= tables, "code outputs"
    assert not (student / "book" / "generated" / "answer_key.html").exists()
    assert "answer_key" not in (student / "index.html").read_text() + (student / "searchindex.js").read_text()
    key = (packs["instructor"] / "answer_key.md").read_text()
    assert key.count("Solution to exercise") == total and not RAW_MYST.search(key)


def test_each_chapter_with_exercises_has_a_printable_sheet_without_solutions(instructor, student, packs):
    sheets = sorted((student / "book" / "generated" / "exercise_sheets").glob("*.html"))
    with_exercises = [n for n in CHAPTERS if soup(instructor, n).select("div.exercise")]
    assert [re.sub(r"^\d+_", "", p.stem) for p in sheets] == with_exercises
    for path in sheets:
        name = re.sub(r"^\d+_", "", path.stem)
        page = BeautifulSoup(path.read_text(), "html.parser")
        assert page.select(".exercise-sheet") and len(page.select(".answer-space")) == \
            len(soup(instructor, name).select("div.exercise"))
        text = " ".join((page.select_one("article") or page).get_text(" ").split())
        assert "Solution" not in text and not RAW_MYST.search(text), RAW_MYST.search(text)
        assert page.select_one("link[href*='_static/exercise-sheets.css']"), "the print stylesheet"
    for path in sorted((packs["student"] / "exercise_sheets").glob("*.html")):
        name = re.sub(r"^\d+_", "", path.stem)
        page = BeautifulSoup(path.read_text(), "html.parser")
        assert len(page.select(".answer-space")) == len(soup(instructor, name).select("div.exercise")), name
        assert "<div" not in page.get_text() and "Solution" not in page.get_text()
    assert len(list((packs["student"] / "exercise_sheets").glob("*.html"))) == len(with_exercises)


def test_a_printed_exercise_sheet_shows_the_exercises_and_room_to_answer_not_the_site_around(student, browser):


    sheet = sorted((student / "book" / "generated" / "exercise_sheets").glob("*.html"))[0]
    with serve(student) as url:
        page = browser.new_page()
        page.goto(f"{url}/book/generated/exercise_sheets/{sheet.name}")
        assert page.locator(".answer-space").first.is_hidden()  # on screen: a normal page
        assert page.locator(".bd-sidebar-primary").first.is_visible()
        page.emulate_media(media="print")
        assert page.locator(".answer-space").first.is_visible()
        assert page.locator(".bd-sidebar-primary").first.is_hidden()
        assert page.locator("h2").first.is_visible()
        page.close()
