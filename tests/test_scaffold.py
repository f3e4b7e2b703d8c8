"""`python -m aicloud new-chapter NAME` makes a chapter that builds and passes the tests at once, and refuses a
name it cannot use without writing anything."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aicloud import layout, scaffold
from aicloud.layout import InputError

ROOT = layout.ROOT


@pytest.fixture
def project(tmp_path) -> Path:
    """The files the scaffold reads and extends, copied."""
    for name in ("data/claims.csv", "_toc.yml", "book/teaching_guide.md", "tests/data/introduction/sources.csv",
                 "tests/data/introduction/timeline_events.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def test_the_scaffold_writes_every_file_a_chapter_needs(project):
    made = scaffold.new_chapter("cloud_margins", claims=2, root=project)
    names = {p.relative_to(project).as_posix() for p in made}
    assert names == {"notebooks/cloud_margins.md", "aicloud/analysis/cloud_margins.py",
                     "tests/test_analysis_cloud_margins.py", "tests/params/cloud_margins.yaml",
                     "tests/data/cloud_margins/sources.csv", "tests/data/cloud_margins/timeline_events.csv",
                     "_toc.yml", "data/claims.csv", "book/teaching_guide.md"}
    toc = (project / "_toc.yml").read_text(encoding="utf-8").splitlines()
    chapters_part = toc[toc.index("  - caption: Chapters"):toc.index("  - caption: Findings")]
    assert chapters_part[-1] == "      - file: book/chapters/cloud_margins"
    claims = (project / "data" / "claims.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[:3] for line in claims[-2:]] == [["C39", "thesis", "cloud_margins"],
                                                             ["C40", "thesis", "cloud_margins"]]
    notebook = (project / "notebooks" / "cloud_margins.md").read_text(encoding="utf-8")
    assert "from_year: int = 2023  # count the events from this year on (range 2000 to 2100)" in notebook
    assert "{glue:text}`C39_verdict`" in notebook and "{glue:text}`C40_reason`" in notebook
    assert "{doc}`Chapter <chapters/cloud_margins>` · claims C39 to C40" in (
        project / "book" / "teaching_guide.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name,expected", [("Cloud", "lower-case"), ("x1_y", "lower-case"), ("ab", "3 to 40"),
                                           ("../etc", "lower-case"), ("a" * 41, "3 to 40")])
def test_a_name_the_claims_table_cannot_hold_is_refused(project, name, expected):
    with pytest.raises(InputError, match=expected):
        scaffold.new_chapter(name, root=project)


def test_an_existing_chapter_is_refused_and_nothing_is_written(project):
    scaffold.new_chapter("cloud_margins", root=project)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    with pytest.raises(InputError, match="exists already: .*notebooks/cloud_margins.md"):
        scaffold.new_chapter("cloud_margins", root=project)
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_a_new_chapter_builds_and_passes_the_tests_at_once(tmp_path):
    """In a copy of the project: scaffold, build the whole book, run the chapter's tests."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    copy = tmp_path / "project"
    for name in listed:
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    env = {**os.environ, "PYTHONPATH": str(copy)}

    def run(*argv: str, timeout: float = 1200) -> str:
        proc = subprocess.run([sys.executable, *argv], cwd=copy, env=env, capture_output=True, text=True,
                              timeout=timeout)
        assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
        return proc.stdout

    assert "Made chapter cloud_margins" in run("-m", "aicloud", "new-chapter", "cloud_margins")
    run("-c", "from aicloud import build; raise SystemExit(0 if build.build().ok else 1)")
    assert (copy / "_build" / "html" / "book" / "chapters" / "cloud_margins.html").is_file()
    out = run("-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_analysis_cloud_margins.py",
              "tests/test_notebooks.py", "tests/test_params.py", "-k", "cloud_margins or ledger or analysis")
    assert " passed" in out and "failed" not in out
