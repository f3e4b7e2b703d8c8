"""The classroom edition: solutions removed for students, the course pack runs on its own, notebooks download."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from aicloud import book, build, classroom, cli, data

STUDENT = data.ROOT / "_build" / "student" / "html"

EXERCISE = """## Exercises

```{exercise-start}
:label: ex-a
```
Compute the share.
```{exercise-end}
```

```{solution-start} ex-a
:class: dropdown
```
The share is SECRET-ONE.
"""
TAIL = """Still the solution: SECRET-THREE.
```{solution-end}
```

Text after the solution stays.
"""


def notebook() -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_markdown_cell(EXERCISE),
        nbformat.v4.new_code_cell("print('SECRET-TWO')"),
        nbformat.v4.new_markdown_cell(TAIL),
        nbformat.v4.new_code_cell("y = 2"),
    ])


def test_a_gated_solution_is_removed_with_the_code_cells_inside_it():
    nb = notebook()
    assert classroom.strip_solutions_notebook(nb) == 1
    text = nbformat.writes(nb)
    assert "SECRET" not in text and "solution-start" not in text and "solution-end" not in text


def test_the_exercise_and_the_cells_around_a_solution_are_kept():
    nb = notebook()
    classroom.strip_solutions_notebook(nb)
    sources = [c.source for c in nb.cells]
    assert sources[0] == "x = 1" and sources[-1] == "y = 2"
    assert "{exercise-start}" in sources[1] and "Compute the share." in sources[1]
    assert "Text after the solution stays." in sources[2]


def test_an_ungated_solution_directive_is_removed_whole():
    text = "Before.\n\n````{solution} ex-a\n:class: dropdown\n\nSECRET\n````\n\nAfter.\n"
    out, count = classroom.strip_solutions_text(text)
    assert count == 1 and "SECRET" not in out and "Before." in out and "After." in out


def test_a_solution_start_without_its_end_is_refused():
    with pytest.raises(ValueError, match="solution-end"):
        classroom.strip_solutions_text("```{solution-start} ex-a\n```\nno end\n")


def test_the_student_edition_is_never_made_in_the_project_itself():
    with pytest.raises(ValueError, match="staged copy"):
        classroom.make_student(data.ROOT)


def test_the_student_edition_hides_solutions_in_the_staged_config(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "_config.yml").write_text("title: t\nsphinx:\n  config:\n    x: 1\n")
    nbformat.write(notebook(), str(tmp_path / "book" / "ch.ipynb"))
    assert classroom.make_student(tmp_path) == 1
    import yaml
    config = yaml.safe_load((tmp_path / "_config.yml").read_text())
    assert config["sphinx"]["config"] == {"x": 1, "hide_solutions": True}
    assert "SECRET" not in (tmp_path / "book" / "ch.ipynb").read_text()


# --- the course pack ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "pack.zip"
    assert cli.main(["pack", "--out", str(out)]) == 0
    return out


def test_the_pack_holds_every_chapter_notebook_unexecuted_with_data_package_requirements_and_readme(pack):
    names = set(zipfile.ZipFile(pack).namelist())
    top = classroom.PACK_TOP
    for ch in book.chapters():
        assert f"{top}/{ch.name}.ipynb" in names
        nb = nbformat.reads(zipfile.ZipFile(pack).read(f"{top}/{ch.name}.ipynb").decode(), as_version=4)
        nbformat.validate(nb)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "notebooks ship unexecuted"
    for required in ("README.md", "requirements.txt", "data/datapackage.yaml", "data/sources.csv",
                     "aicloud/__init__.py", "aicloud/data.py"):
        assert f"{top}/{required}" in names


def test_the_student_pack_has_the_exercises_but_no_solutions(tmp_path):
    out = tmp_path / "student.zip"
    assert cli.main(["pack", "--edition", "student", "--out", str(out)]) == 0
    z = zipfile.ZipFile(out)
    texts = [z.read(n).decode() for n in z.namelist() if n.endswith((".ipynb", ".md"))]
    assert not any("solution-start" in t for t in texts)
    with_exercises = [ch for ch in book.chapters() if "{exercise-start}" in ch.source.read_text()]
    for ch in with_exercises:
        assert "{exercise-start}" in z.read(f"{classroom.PACK_TOP}/{ch.name}.ipynb").decode()


def test_a_pack_outside_a_zip_name_is_refused(tmp_path, capsys):
    assert cli.main(["pack", "--out", str(tmp_path / "pack.tar")]) == 2
    assert "zip" in capsys.readouterr().err


def test_a_chapter_runs_from_the_unzipped_pack_in_an_empty_folder(pack, tmp_path):
    zipfile.ZipFile(pack).extractall(tmp_path)
    root = tmp_path / classroom.PACK_TOP
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONPATH"] = str(root)
    where = subprocess.run([sys.executable, "-c", "import aicloud.data as d; print(d.ROOT)"], cwd=root, env=env,
                           capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()) == root, "the pack must use its own package and data, not the project's"
    chapter = book.chapters()[0].name
    proc = subprocess.run([sys.executable, "-m", "papermill", f"{chapter}.ipynb", "out.ipynb", "--cwd", str(root),
                           "-k", "python3", "--log-level", "ERROR"], cwd=root, env=env, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = nbformat.read(str(root / "out.ipynb"), as_version=4)
    assert not any(o.get("output_type") == "error" for c in out.cells for o in c.get("outputs", []))
    glued = [o for c in out.cells for o in c.get("outputs", []) if o.get("metadata", {}).get("scrapbook")]
    assert glued, "the chapter glued its figures"


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


CHAPTERS = [ch.name for ch in book.chapters()]


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
