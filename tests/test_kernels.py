"""Forked kernels: every chapter still runs in a fresh process of its own, with its own namespace, working
directory, environment and random seed; errors and dead kernels are reported as with launched kernels; and the
notebook a forked kernel produces is the one a launched kernel produces."""

import json
import os
import re
import time

import nbformat
import papermill
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from aicloud import book, kernels, layout, pipeline

PROBE = """
import os, numpy as np
from myst_nb import glue
print(json.dumps({"pid": os.getpid(), "pgid": os.getpgid(0), "cwd": os.getcwd(), "seen": "leak" in globals(),
                  "env": os.environ.get("AICLOUD_TEST_PROBE"), "draw": float(np.random.random())}))
leak = 1
glue("answer", 6 * 7)
"""


@pytest.fixture(scope="module")
def server():
    with kernels.ForkServer() as s:
        yield s


def run(nb, server, tmp_path, **kwargs):
    extra = {"kernel_manager_class": kernels.manager_class(server)} if server else {}
    return papermill.execute_notebook(nb, None, cwd=str(tmp_path), kernel_name="python3", progress_bar=False,
                                      request_save_on_cell_execute=False, **extra, **kwargs)


def probe(server, tmp_path):
    nb = run(new_notebook(cells=[new_code_cell("import json"), new_code_cell(PROBE)]), server, tmp_path)
    return json.loads(nb.cells[1].outputs[0]["text"]), nb


def test_each_forked_kernel_is_a_fresh_process_in_its_own_group(server, tmp_path, monkeypatch):
    monkeypatch.setenv("AICLOUD_TEST_PROBE", "from the build")
    first, _ = probe(server, tmp_path)
    second, _ = probe(server, tmp_path)
    assert first["pid"] != second["pid"] != os.getpid()
    assert first["pgid"] == first["pid"]  # leads its own group: an interrupt reaches the kernel only
    assert not first["seen"] and not second["seen"]  # nothing one chapter defined is visible to the next
    assert first["cwd"] == second["cwd"] == str(tmp_path)
    assert first["env"] == "from the build"  # the environment Jupyter hands the kernel, not the server's
    assert first["draw"] != second["draw"]  # a fresh global random seed, as in a new process


def test_a_forked_kernel_gives_the_notebook_a_launched_kernel_gives(server, tmp_path):
    settings = "import altair as alt, pandas as pd\n" \
        "print(alt.renderers.active, alt.renderers.options, pd.get_option('styler.format.escape'))"
    cells = [new_code_cell("import json, sys"), new_code_cell("print('hello'); 1 + 1"), new_code_cell(settings),
             new_code_cell("print(json.dumps(sys.path)); sorted(k for k in globals() if not k.startswith('_'))"),
             new_code_cell("from myst_nb import glue\nimport pandas as pd\nglue('frame', pd.DataFrame({'a': [1]}))"),
             new_code_cell("import altair as alt\nalt.Chart(pd.DataFrame({'x': [1]})).mark_point().encode(x='x')"),
             new_code_cell("from aicloud import charts\n" + settings)]

    def outputs(nb):
        # Consecutive stream outputs of one stream are one text (a busy machine may flush a print in two parts).
        cells = []
        for c in nb.cells:
            merged: list[dict] = []
            for o in c.outputs:
                o = {k: v for k, v in o.items() if k != "execution_count"}
                if merged and o.get("output_type") == "stream" and merged[-1].get("output_type") == "stream" \
                        and merged[-1]["name"] == o["name"]:
                    merged[-1] = {**merged[-1], "text": merged[-1]["text"] + o["text"]}
                else:
                    merged.append(o)
            cells.append(merged)
        return cells

    def text(nb):  # a chart's element id is random in every process
        return re.sub(r"altair-viz-[0-9a-f]+", "altair-viz-ID", json.dumps(outputs(nb), sort_keys=True))

    forked = run(new_notebook(cells=cells), server, tmp_path)
    launched = run(new_notebook(cells=cells), None, tmp_path)
    assert text(forked) == text(launched)
    assert forked.cells[1].outputs[0]["text"] == "hello\n"  # (the comparison above is not of two empty lists)
    # The house chart and table settings apply once a chapter imports them, not before (nothing preloaded sets them).
    assert forked.cells[2].outputs[0]["text"] != forked.cells[-1].outputs[0]["text"]
    assert '""' in forked.cells[3].outputs[0]["text"]  # the working directory is importable, as when launched


def test_an_error_in_a_forked_kernel_names_its_cell(server, tmp_path):
    nb = new_notebook(cells=[new_code_cell("x = 1"), new_code_cell("raise ValueError('bad row 3')")])
    with pytest.raises(papermill.PapermillExecutionError) as err:
        run(nb, server, tmp_path)
    assert err.value.ename == "ValueError" and "bad row 3" in err.value.evalue and err.value.exec_count == 2


def test_a_kernel_that_dies_is_reported_and_the_server_still_forks(server, tmp_path):
    nb = new_notebook(cells=[new_code_cell("import os; os._exit(3)")])
    with pytest.raises(Exception) as err:
        run(nb, server, tmp_path)
    assert "died" in str(err.value).lower() or "dead" in str(err.value).lower()
    assert probe(server, tmp_path)[0]["pid"] > 0


def test_kernels_are_gone_after_their_notebook_and_the_server_after_close(tmp_path):
    with kernels.ForkServer() as s:
        pid = probe(s, tmp_path)[0]["pid"]
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.05)
        assert not _alive(pid)
    assert s._proc.poll() is not None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_only_this_pythons_ipykernel_command_is_forked():
    assert kernels.is_forkable([os.sys.executable, "-m", "ipykernel_launcher", "-f", "c.json"])
    assert not kernels.is_forkable(["/usr/bin/env", "-m", "ipykernel_launcher", "-f", "c.json"])
    assert not kernels.is_forkable([os.sys.executable, "-m", "other_kernel", "-f", "c.json"])


def test_a_chapter_executed_with_the_server_is_a_valid_cached_notebook(server, tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "CHAPTER_CACHE", tmp_path / "cache")
    source = tmp_path / "tiny.md"
    source.write_text("---\njupytext:\n  text_representation: {extension: .md, format_name: myst}\n"
                      "kernelspec: {display_name: Python 3, language: python, name: python3}\n---\n# Tiny\n\n"
                      "```{code-cell} ipython3\n:tags: [parameters]\n"
                      "factor: float = 2.0  # a multiplier (range 0 to 10)\n```\n\n"
                      "```{code-cell} ipython3\nfrom myst_nb import glue\nglue('twice', 21 * factor)\n```\n",
                      encoding="utf-8")
    ch = book.Chapter("tiny", "Tiny", source)
    result = pipeline.execute(ch, {"factor": 3.0}, tmp_path / "out.ipynb", server=server)
    assert result.status == "executed"
    nb = nbformat.read(str(tmp_path / "out.ipynb"), as_version=4)
    nbformat.validate(nb)
    glued = [o for c in nb.cells for o in c.get("outputs", []) if o.get("metadata", {}).get("scrapbook")]
    assert glued[0]["data"]["text/plain"] == "63.0"
    # The notebook names its source; it does not embed a second copy of it (which would also carry solutions
    # into the student edition).
    assert nb.metadata.papermill.input_path == str(source)
    assert pipeline.execute(ch, {"factor": 3.0}, tmp_path / "again.ipynb", server=server).status == "cached"


def test_a_kernel_stops_when_its_server_dies(tmp_path):
    """A build that is killed leaves no kernel behind: its server sees its input end, and each kernel watches
    its parent (the server), as a launched kernel watches the process that launched it."""
    import asyncio
    import signal
    import threading

    async def start(server):
        km = kernels.manager_class(server)(kernel_name="python3")
        await km.start_kernel(cwd=str(tmp_path), extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
        return km

    s = kernels.ForkServer()
    started = []  # in a thread of its own: other tests may leave an event loop running in this one
    thread = threading.Thread(target=lambda: started.append(asyncio.run(start(s))))
    thread.start()
    thread.join()
    pid = started[0].provisioner.pid
    assert _alive(pid)
    s._proc.send_signal(signal.SIGKILL)  # as if the build and its server were killed
    s._proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.1)
    assert not _alive(pid)
