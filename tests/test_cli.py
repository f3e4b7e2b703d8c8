"""The command line: list, inspect, template, check, run and build; bad input gets exit code 2 and a clear
message, and nothing is written."""

import shutil
from pathlib import Path

import pytest
from conftest import Visit, serve

from aicloud import book, build, cli, data, pipeline, scenario

BAD = Path(__file__).parent / "bad_data"


def run_cli(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_chapters_lists_names_and_titles(capsys):
    code, out = run_cli(capsys, "chapters")
    assert code == 0
    for ch in book.chapters():
        assert ch.name in out and ch.title in out


def test_params_shows_types_defaults_ranges_resources_and_units(capsys):
    code, out = run_cli(capsys, "params", "gpu_allocation")
    assert code == 0
    assert "unit_price_usd (float) = 25000.0  range 21000 to 30000" in out
    assert "gpu_buyers:" in out and "units" in out and "[GPUs]" in out


def test_every_subcommand_has_help(capsys):
    for command in ("chapters", "params", "template", "check", "run", "build", "serve"):
        with pytest.raises(SystemExit) as exit_:
            cli.main([command, "--help"])
        assert exit_.value.code == 0
        assert "usage:" in capsys.readouterr().out


def test_template_writes_a_file_that_checks_clean(capsys, tmp_path):
    target = tmp_path / "buyers.csv"
    assert run_cli(capsys, "template", "gpu_buyers", "--out", target)[0] == 0
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == [f["name"] for f in data.fields("gpu_buyers")]
    code, out = run_cli(capsys, "check", target, "--resource", "gpu_buyers")
    assert code == 0, out


def test_template_refuses_to_overwrite_without_force(capsys, tmp_path):
    target = tmp_path / "buyers.csv"
    target.write_text("mine", encoding="utf-8")
    code, out = run_cli(capsys, "template", "gpu_buyers", "--out", target)
    assert code == 2 and "exists" in out
    assert target.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("file,resource,expected", [
    ("empty.csv", "gpu_buyers", "file is empty"),
    ("header_only.csv", "gpu_buyers", "no data rows"),
    ("wrong_delimiter.csv", "gpu_buyers", "wrong delimiter"),
    ("missing_column.csv", "gpu_buyers", "row 1, column 'units'"),
    ("extra_column.csv", "gpu_buyers", "unknown column"),
    ("wrong_type.csv", "gpu_buyers", "row 3, column 'units' (value 'fifty thousand'): type integer"),
    ("negative_value.csv", "gpu_buyers", "row 3, column 'units' (value '-50000'): minimum"),
    ("duplicate_key.csv", "gpu_buyers", "primary key"),
    ("unknown_source.csv", "gpu_buyers", "row 3, column 'source_id' (value 'no-such-source'): foreign key"),
    ("date_wrong_format.csv", "gpu_supply_events", "row 2, column 'date' (value '03/01/2023'): type date"),
    ("latin1.csv", "gpu_buyers", "not UTF-8"),
    ("formula.csv", "gpu_buyers", "spreadsheet formula"),
])
def test_check_reports_every_problem_with_file_row_column_value_and_rule(capsys, file, resource, expected):
    code, out = run_cli(capsys, "check", BAD / file, "--resource", resource)
    assert code == 2
    assert file in out and expected in out


@pytest.mark.parametrize("file", ["bom.csv", "html_label.csv"])
def test_check_accepts_a_byte_order_mark_and_html_as_text(capsys, file):
    assert run_cli(capsys, "check", BAD / file, "--resource", "gpu_buyers")[0] == 0


def test_check_of_a_missing_path_or_a_directory_fails_clearly(capsys, tmp_path):
    code, out = run_cli(capsys, "check", tmp_path / "nope.csv", "--resource", "gpu_buyers")
    assert code == 2 and "does not exist" in out
    code, out = run_cli(capsys, "check", tmp_path, "--resource", "gpu_buyers")
    assert code == 2 and "directory" in out


@pytest.mark.parametrize("argv,expected", [
    (["run", "gpu_alocation"], "Did you mean 'gpu_allocation'"),
    (["run", "gpu_allocation", "-p", "unit_price", "3"], "Did you mean 'unit_price_usd'"),
    (["run", "gpu_allocation", "-p", "fleet_utilisation", "high"], "cannot read 'high' as float"),
    (["run", "gpu_allocation", "-p", "fleet_utilisation", "3"], "outside its documented range"),
    (["run", "gpu_allocation", "--data", "gpu_buyer=x.csv"], "Did you mean 'gpu_buyers'"),
    (["run", "gpu_allocation", "--data", "claims=x.csv"], "unknown data resource 'claims'"),
    (["run", "gpu_allocation", "--data", f"gpu_buyers={BAD / 'negative_value.csv'}"], "minimum"),
    (["run", "gpu_allocation", "--data", "gpu_buyers=/no/such/file.csv"], "file does not exist"),
    (["run", "gpu_allocation", "--data", f"gpu_buyers={BAD}"], "is a directory"),
    (["run", "gpu_allocation", "-f", BAD / "scenario_typo.yaml"], "unknown key 'chapter'. Did you mean 'chapters'"),
    (["run", "gpu_allocation", "-f", BAD / "scenario_bad_param.yaml"], "Did you mean 'unit_price_usd'"),
    # The GPU chapter's `utilisation` is now `fleet_utilisation`: an old command or scenario file names the file
    # (for a scenario), the chapter and the unknown name, and suggests the new one.
    (["run", "gpu_allocation", "-p", "utilisation", "0.5"],
     "chapter 'gpu_allocation' has no parameter 'utilisation'. Did you mean 'fleet_utilisation'?"),
    (["run", "gpu_allocation", "-f", BAD / "scenario_old_utilisation.yaml"],
     "scenario_old_utilisation.yaml: chapters.gpu_allocation.parameters: unknown parameter 'utilisation'. "
     "Did you mean 'fleet_utilisation'?"),
    (["build", "--scenario", BAD / "scenario_old_utilisation.yaml"],
     "unknown parameter 'utilisation'. Did you mean 'fleet_utilisation'?"),
    (["run", "infra_economics", "-p", "fleet_utilisation", "0.5"], "Did you mean 'utilisation'?"),
    (["run", "gpu_allocation", "--out", data.ROOT / "data"], "refusing to write"),
    (["build", "--scenario", BAD / "scenario_typo.yaml"], "Did you mean 'chapters'"),
])
def test_bad_run_input_exits_2_naming_the_problem_and_writes_nothing(capsys, tmp_path, argv, expected):
    out_dir = tmp_path / "out"
    if "--out" not in argv and argv[0] == "run":
        argv = [*argv, "--out", out_dir]
    code, out = run_cli(capsys, *argv)
    assert code == 2, out
    assert expected in out
    assert not out_dir.exists()


def test_an_old_scenario_keeps_the_infra_utilisation_and_refuses_the_gpu_one():
    # `utilisation` still means the share of paid hours spent serving in infra_economics; only the GPU chapter's
    # (share of peak throughput a fleet sustains) was renamed.
    old = scenario.load(BAD / "scenario_old_utilisation.yaml")
    assert old.parameters_for(book.chapter("infra_economics")) == {"utilisation": 0.5}
    with pytest.raises(scenario.ScenarioError, match="Did you mean 'fleet_utilisation'"):
        old.parameters_for(book.chapter("gpu_allocation"))


@pytest.fixture(scope="module")
def escaped_run(tmp_path_factory):
    """The GPU chapter rerun on a file whose buyer label is HTML with a script."""
    out = tmp_path_factory.mktemp("run")
    code = cli.main(["run", "gpu_allocation", "--data", f"gpu_buyers={BAD / 'html_label.csv'}", "-p",
                     "unit_price_usd", "28000", "--out", str(out)])
    assert code == 0
    return out


def test_run_writes_the_notebook_and_a_standalone_page(escaped_run):
    assert (escaped_run / "gpu_allocation.ipynb").stat().st_size > 0
    page = (escaped_run / "gpu_allocation.html").read_text(encoding="utf-8")
    assert "[missing value" not in page
    assert "<script>alert(1)" not in page


def test_the_standalone_page_draws_offline_and_shows_html_labels_as_text(browser, escaped_run):
    with serve(escaped_run) as url:
        visit = Visit(browser, f"{url}/gpu_allocation.html")
        assert visit.wait_for_charts() >= 1
        assert visit.outside == [] and visit.real_errors() == []
        assert visit.dialogs == [], "a script from the data ran"
        assert "<script>alert(1)</script> Cloud" in visit.page.inner_text("body")
        visit.page.close()


def test_a_failed_run_leaves_the_previous_output_intact(capsys, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "gpu_allocation.html").write_text("previous", encoding="utf-8")

    def fail(ch, parameters, output, **kwargs):
        output.write_text("half", encoding="utf-8")
        return pipeline.Result(ch.name, "failed", 0.1, error="ZeroDivisionError: division by zero", cell=7)

    monkeypatch.setattr(pipeline, "execute", fail)
    code, text = run_cli(capsys, "run", "gpu_allocation", "--out", out)
    assert code == 1
    assert "cell 7" in text and "ZeroDivisionError" in text
    assert (out / "gpu_allocation.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in out.iterdir()) == ["gpu_allocation.html"]


def test_build_with_a_scenario_writes_its_own_site_and_leaves_the_default_alone(capsys, tmp_path):
    default_index = data.ROOT / "_build" / "html" / "index.html"
    before = default_index.stat().st_mtime_ns if default_index.exists() else None
    shutil.copy(BAD / "bom.csv", tmp_path / "buyers.csv")
    (tmp_path / "s.yaml").write_text(
        "name: pytest-scenario\ndata:\n  gpu_buyers: buyers.csv\n"
        "chapters:\n  gpu_allocation:\n    parameters: {unit_price_usd: 29000}\n", encoding="utf-8")
    report = build.build(scenario=scenario.load(tmp_path / "s.yaml"))
    assert report.ok, report
    site = data.ROOT / "_build" / "scenarios" / "pytest-scenario" / "html"
    page = (site / "book" / "chapters" / "gpu_allocation.html").read_text(encoding="utf-8")
    assert "29,000" in page
    after = default_index.stat().st_mtime_ns if default_index.exists() else None
    assert before == after


def test_a_no_op_build_starts_no_kernel_server_and_no_sphinx(site, capsys, monkeypatch):
    from aicloud import kernels
    from aicloud import site as site_mod

    assert build.build().ok  # brings everything up to date (normally nothing to do)

    def refuse(*args, **kwargs):
        raise AssertionError("a no-op build started a process")

    monkeypatch.setattr(kernels, "ForkServer", refuse)
    monkeypatch.setattr(site_mod, "SiteBuild", refuse)
    events = []
    capsys.readouterr()
    report = build.build(progress=events.append)
    assert capsys.readouterr().out == ""  # the library reports to its callback and prints nothing
    # both editions' sites: "up to date, Chinese edition up to date"
    assert report.ok and all(part.endswith("up to date") for part in report.site.split(", ")), report.site
    assert [e.result.status for e in events if isinstance(e, build.ChapterDone)] == ["cached"] * len(book.chapters())
    assert any(isinstance(e, build.SiteDone) for e in events)
    capsys.readouterr()
    assert cli.main(["build"]) == 0  # and the command line says so
    out = capsys.readouterr().out
    assert f"0 executed, {len(book.chapters())} up to date" in out and "site up to date" in out


def test_a_failing_chapter_is_one_line_naming_where_and_debug_adds_the_traceback(capsys, tmp_path, monkeypatch):
    def fail(ch, parameters, output, **kwargs):
        return pipeline.Result(ch.name, "failed", 0.1, error="IndexError: index -1 is out of bounds", cell=14,
                               where="line 29 `q = att.quantiles(m)`, in aicloud/models/attrition.py:123 quantiles()",
                               traceback="the kernel's traceback 4711")

    monkeypatch.setattr(pipeline, "execute", fail)
    code, out = run_cli(capsys, "run", "gpu_allocation", "--out", tmp_path / "o")
    assert code == 1 and not (tmp_path / "o").exists()
    assert ("notebooks/gpu_allocation.md, cell 14 (line 29 `q = att.quantiles(m)`, in aicloud/models/attrition.py:123 "
            "quantiles()): IndexError: index -1 is out of bounds; rerun with --debug") in out
    assert "4711" not in out
    code, out = run_cli(capsys, "--debug", "run", "gpu_allocation", "--out", tmp_path / "o")
    assert code == 1 and "the kernel's traceback 4711" in out


def test_an_unexpected_error_is_one_line_unless_debugging(capsys, monkeypatch):
    def boom(name):
        raise RuntimeError("boom 5150")

    monkeypatch.setattr(book, "chapter", boom)
    code, out = run_cli(capsys, "params", "gpu_allocation")
    assert code == 1 and "error: unexpected RuntimeError: boom 5150 (rerun with --debug" in out
    assert "Traceback" not in out
    code, out = run_cli(capsys, "--debug", "params", "gpu_allocation")
    assert code == 1 and "Traceback" in out and "boom 5150" in out
