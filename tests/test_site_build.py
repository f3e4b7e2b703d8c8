"""The site build, prepared ahead in its own process: it reads the pages as they are when told to build (not
when it started), a failed or cancelled build leaves the previous site as it was, and an up-to-date site is not
rebuilt. Runs on a tiny book in a temporary folder."""

import pytest

from aicloud import site

CONFIG = """title: Tiny
execute:
  execute_notebooks: "off"
latex:
  use_jupyterbook_latex: false
"""


@pytest.fixture
def book(tmp_path):
    source = tmp_path / "src"
    (source / "book").mkdir(parents=True)
    (source / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (source / "_toc.yml").write_text("format: jb-book\nroot: book/index\nchapters:\n- file: book/later\n",
                                     encoding="utf-8")
    (source / "book" / "index.md").write_text("# Tiny\n\nThe first page.\n", encoding="utf-8")
    return source, tmp_path / "_build" / "html"


def test_a_prepared_build_reads_the_pages_written_after_it_started(book):
    source, html = book
    build = site.SiteBuild(source, html)  # Sphinx loads and sets up while "chapters execute"
    assert build.wait_until_prepared()
    (source / "book" / "later.md").write_text("# Later\n\nWritten after the build was prepared: 8172.\n",
                                              encoding="utf-8")
    assert build.finish() == "built"
    assert "8172" in (html / "book" / "later.html").read_text(encoding="utf-8")
    assert not list(html.parent.glob(".jb-*"))  # no temporary folder left behind


def test_an_up_to_date_site_is_not_rebuilt_and_a_change_is(book):
    source, html = book
    (source / "book" / "later.md").write_text("# Later\n\nFirst text.\n", encoding="utf-8")
    assert site.build_site(source, html) == "built"
    with pytest.MonkeyPatch.context() as mp:  # up to date: not even a Sphinx process is started
        mp.setattr(site, "SiteBuild", lambda *a: pytest.fail("a build process was started"))
        assert site.build_site(source, html) == "up to date"
    (source / "book" / "later.md").write_text("# Later\n\nSecond text.\n", encoding="utf-8")
    assert site.build_site(source, html) == "built"
    assert "Second text" in (html / "book" / "later.html").read_text(encoding="utf-8")


def test_a_failed_build_names_the_problem_and_keeps_the_previous_site(book):
    source, html = book
    (source / "book" / "later.md").write_text("# Later\n\nGood.\n", encoding="utf-8")
    site.build_site(source, html)
    before = (html / "book" / "later.html").read_text(encoding="utf-8")
    (source / "book" / "later.md").write_text("# Later\n\nA {ref}`missing-label-4711`.\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="missing-label-4711"):
        site.build_site(source, html)
    assert (html / "book" / "later.html").read_text(encoding="utf-8") == before
    assert not list(html.parent.glob(".jb-*"))


def test_a_cancelled_build_writes_nothing(book):
    source, html = book
    (source / "book" / "later.md").write_text("# Later\n", encoding="utf-8")
    build = site.SiteBuild(source, html)
    assert build.wait_until_prepared()
    build.cancel()
    assert build.proc.returncode == site.CANCELLED
    assert not html.exists()
    assert not list(html.parent.glob(".jb-*"))


def test_a_configuration_changed_after_preparing_is_the_one_used(book):
    source, html = book
    (source / "book" / "later.md").write_text("# Later\n", encoding="utf-8")
    build = site.SiteBuild(source, html)
    assert build.wait_until_prepared()  # Sphinx has read the configuration
    (source / "_config.yml").write_text(CONFIG.replace("title: Tiny", "title: Renamed 5521"), encoding="utf-8")
    assert build.finish() == "built"
    assert "Renamed 5521" in (html / "index.html").read_text(encoding="utf-8") + \
        (html / "book" / "index.html").read_text(encoding="utf-8")
