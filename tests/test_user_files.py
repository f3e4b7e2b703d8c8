"""Each chapter runs with each file in `tests/data/user/` alone replacing its resource, and reads correctly.

The files are valid but unlike the default data (one later year, two years, three buyers, no Chinese buyer,
list prices shifted a year with renamed vendors; see that folder's README). A file replaces the resource its
name starts with, in every chapter that reads that resource; every other file stays the default. The rendered
text gets the same checks as the generated-data tests (`tests/harness.py`).

Chapters not yet ported are expected failures where they fail today (`xfail(strict=True)`, `tests/porting.py`).
"""

from pathlib import Path

import harness as H
import porting
import pytest

from aicloud import data

USER = Path(__file__).parent / "data" / "user"


def resource_of(path: Path) -> str:
    """The resource a user file replaces: the longest resource name its file name starts with."""
    names = [n for n in data.resource_names() if path.stem.startswith(n)]
    if not names:
        raise ValueError(f"{path.name}: the name does not start with a resource name")
    return max(names, key=len)


def cases() -> list:
    out = []
    for path in sorted(USER.glob("*.csv")):
        resource = resource_of(path)
        for chapter in porting.chapters_under_test():
            if resource in H.interface(chapter).resources:
                out.append(pytest.param(chapter, path, id=f"{chapter}-{path.stem}",
                                        marks=porting.marks(chapter, (chapter, path.stem) in PASSING_BEFORE_PORT,
                                                            test="user")))
    return out


# Pairs that already read correctly on the notebooks as they are (no mark: they must keep passing).
PASSING_BEFORE_PORT: set[tuple[str, str]] = {
    ("maas_price_war", "gpu_buyers_no_china"), ("maas_price_war", "gpu_buyers_one_later_year"),
    ("maas_price_war", "gpu_buyers_three_buyers"), ("maas_price_war", "gpu_buyers_two_years"),
}


def test_every_user_file_is_valid_and_replaces_a_resource_some_chapter_reads():
    files = sorted(USER.glob("*.csv"))
    assert files
    read = {r for c in porting.chapters_under_test() for r in H.interface(c).resources}
    for path in files:
        resource = resource_of(path)
        assert resource in read, f"{path.name}: no chapter reads {resource}"
        assert data.check(path, resource) == [], path.name


@pytest.fixture(scope="module")
def server():
    from aicloud import kernels

    with kernels.ForkServer() as s:
        yield s


@pytest.mark.parametrize("chapter,path", cases())
def test_chapter_reads_correctly_with_a_users_file(chapter, path, server, tmp_path):
    overrides = {f"{resource_of(path)}_csv": str(path)}
    notebook, error = H.run_notebook(chapter, overrides, tmp_path / f"{chapter}.ipynb", server)
    assert notebook is not None, error
    problems = H.rendered_problems(notebook, chapter)
    assert not problems, f"{chapter} with {path.name}:\n  " + "\n  ".join(problems)
