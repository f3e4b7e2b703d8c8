"""Each chapter notebook, executed end to end under Papermill on a few generated datasets, reads correctly.

Slower than `tests/test_generated_analysis.py` (a kernel per dataset), so a few datasets per chapter: some or all
of the resources the chapter reads are generated (`tests/strategies.py`), written as CSV files and passed as the
chapter's `<resource>_csv` parameters, exactly as a user would. The rendered text (markdown with the glued values
filled in, and every glued value) gets the same checks as the package's results (`tests/harness.py`).

Chapters not yet ported are expected failures (`xfail(strict=True)`, see `tests/porting.py`).
"""

import tempfile
from pathlib import Path

import harness as H
import porting
import pytest
import strategies as S
from hypothesis import Phase, given
from hypothesis import strategies as st

EXAMPLES = 3


@pytest.fixture(scope="module")
def server():
    from aicloud import kernels

    with kernels.ForkServer() as s:
        yield s


@pytest.mark.parametrize("chapter", porting.params(test="notebook"))
def test_notebook_reads_correctly_on_generated_data(chapter, server):
    face = H.interface(chapter)

    # No shrinking: each example is a kernel run; the first failing dataset is reported as drawn.
    @S.profile(max_examples=EXAMPLES, phases=[Phase.generate])
    @given(data=st.data())
    def run(data):
        with tempfile.TemporaryDirectory(prefix=f"aicloud-gen-{chapter}-") as folder:
            overrides = data.draw(H.csv_inputs(face, Path(folder)))
            notebook, error = H.run_notebook(chapter, overrides, Path(folder) / f"{chapter}.ipynb", server)
            assert notebook is not None, error
            problems = H.rendered_problems(notebook, chapter)
            assert not problems, f"{chapter} on generated data:\n  " + "\n  ".join(problems)

    run()
