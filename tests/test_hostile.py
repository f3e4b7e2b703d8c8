"""Hostile input: every command (`check`, `params`, `template`, `run`, `build`, `pack`, `serve`) against inputs a
careless or hostile user might give: the files in tests/hostile/ and, made here, a FIFO, /dev/zero, files past
each limit, a symlink loop. Each runs in a process of its own, bounded in time and memory, and must end with the
documented exit code and one message naming the problem (never a traceback), writing nothing: not into the
project's data, notebooks, book or site, and not into the folder it was started in."""

from __future__ import annotations

import errno
import http.client
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from aicloud import build, cli, layout

ROOT = layout.ROOT
H = Path(__file__).parent / "hostile"
SECONDS = 120  # a bound, not a speed target: a hang fails the test instead of stalling the suite
MEMORY = 3 * 1024**3  # address space of each command's process
WATCHED = [ROOT / "data", ROOT / "notebooks", ROOT / "book", ROOT / "_build", ROOT / "_static", ROOT / "aicloud"]
PWNED = Path(tempfile.gettempdir()) / "aicloud-hostile-pwned"
BUYERS = "year,buyer,region,buyer_type,product,units,approximate,in_article,source_id\n"
ROW = "2023,Meta,US,platform,H100,10,false,true,gpu-omdia-2023-toms\n"


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def aicloud(argv: list[str], cwd: Path, *, user: int | None = None, timeout: float = SECONDS,
            root: Path = ROOT) -> tuple[int, str]:
    def limits() -> None:
        _bounded()
        if user is not None:
            os.setgid(user)
            os.setuid(user)

    proc = subprocess.run([sys.executable, "-m", "aicloud", *argv], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=limits, env={**os.environ, "PYTHONPATH": str(root)})
    return proc.returncode, proc.stdout + proc.stderr


def snapshot(*folders: Path) -> dict[str, tuple]:
    state = {}
    for folder in folders:
        for path in [folder, *folder.rglob("*")] if folder.exists() else []:
            if "__pycache__" in path.parts:
                continue
            info = path.lstat()
            state[str(path)] = (info.st_mode, info.st_size if not path.is_dir() else 0, info.st_mtime_ns)
    return state


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, str]:
    """Hostile inputs that cannot be kept as files in the repository."""
    d = tmp_path_factory.mktemp("made")
    os.mkfifo(d / "fifo")
    (d / "big.csv").write_text(BUYERS + ROW * (6 * 1024 * 1024 // len(ROW)), encoding="utf-8")
    (d / "rows.csv").write_text(BUYERS + "".join(
        ROW.replace("Meta", f"M{i}") for i in range(5001)), encoding="utf-8")
    (d / "huge_cell.csv").write_text(BUYERS + "2023," + "M" * 200_000 + ",US,platform,H100,1,false,true,x\n",
                                     encoding="utf-8")
    (d / "big.yaml").write_text("description: " + "x" * 300_000 + "\n", encoding="utf-8")
    os.symlink(d / "loop_b.csv", d / "loop_a.csv")
    os.symlink(d / "loop_a.csv", d / "loop_b.csv")
    return {"fifo": str(d / "fifo"), "big": str(d / "big.csv"), "rows": str(d / "rows.csv"),
            "huge_cell": str(d / "huge_cell.csv"), "big_yaml": str(d / "big.yaml"), "loop": str(d / "loop_a.csv"),
            "dir": str(d), "long_name": str(d / ("x" * 300 + ".csv"))}


# (id, argv, exit code, part of the message). {H}: tests/hostile; {ROOT}: the project; {name}: made above.
CASES = [
    # check: data files
    ("int-beyond-int64", ["check", "{H}/int_beyond_int64.csv", "--resource", "gpu_buyers"], 2, "integer out of range"),
    ("int-below-int64", ["check", "{H}/int_below_int64.csv", "--resource", "gpu_buyers"], 2, "integer out of range"),
    ("number-1e309", ["check", "{H}/number_overflow.csv", "--resource", "nvidia_dc_revenue"], 2,
     "number out of range"),
    ("number-nan", ["check", "{H}/number_nan.csv", "--resource", "nvidia_dc_revenue"], 2, "type number"),
    ("nul-byte", ["check", "{H}/nul_byte.csv", "--resource", "gpu_buyers"], 2, "control characters"),
    ("bidi-override", ["check", "{H}/bidi_override.csv", "--resource", "gpu_buyers"], 2, "control characters"),
    ("long-cell", ["check", "{H}/long_cell.csv", "--resource", "gpu_buyers"], 2, "the limit is 2,000"),
    ("200k-cell", ["check", "{huge_cell}", "--resource", "gpu_buyers"], 2, "row 2"),
    ("binary", ["check", "{H}/binary.csv", "--resource", "gpu_buyers"], 2, "not UTF-8"),
    ("unclosed-quote", ["check", "{H}/unclosed_quote.csv", "--resource", "gpu_buyers"], 2, "row has 2 cells"),
    ("quoted-newline", ["check", "{H}/ragged_quoted_newline.csv", "--resource", "gpu_buyers"], 2, "row has 7 cells"),
    ("low-above-high", ["check", "{H}/low_above_high.csv", "--resource", "infra_rental_prices"], 2,
     "order: must not be below usd_per_gpu_hour_low"),
    ("start-after-end", ["check", "{H}/start_after_end.csv", "--resource", "capex_spending"], 2,
     "order: must not be below period_start (2023-12-31)"),
    ("high-below-amount", ["check", "{H}/amount_high_below_amount.csv", "--resource", "capex_spending"], 2,
     "must not be below amount_bn"),
    ("dev-zero", ["check", "/dev/zero", "--resource", "gpu_buyers"], 2, "not a regular file"),
    ("fifo", ["check", "{fifo}", "--resource", "gpu_buyers"], 2, "not a regular file"),
    ("directory", ["check", "{dir}", "--resource", "gpu_buyers"], 2, "is a directory"),
    ("6-mb", ["check", "{big}", "--resource", "gpu_buyers"], 2, "the limit is 5,242,880 bytes"),
    ("5001-rows", ["check", "{rows}", "--resource", "gpu_buyers"], 2, "the limit is 5,000"),
    ("symlink-loop", ["check", "{loop}", "--resource", "gpu_buyers"], 2, "cannot be read"),
    ("name-too-long", ["check", "{long_name}", "--resource", "gpu_buyers"], 2, "cannot be read"),
    ("sources-dev-zero", ["check", "{H}/markdown_label.csv", "--resource", "gpu_buyers", "--data",
                          "sources=/dev/zero"], 2, "not a regular file"),
    ("resource-typo", ["check", "{H}/binary.csv", "--resource", "gpu_buyer"], 2, "Did you mean 'gpu_buyers'"),
    # params and template
    ("params-traversal", ["params", "../../etc/passwd"], 2, "unknown chapter '../../etc/passwd'"),
    ("params-long-name", ["params", "g" * 10_000], 2, "unknown chapter"),
    ("template-traversal", ["template", "../x"], 2, "unknown data resource '../x'"),
    ("template-no-folder", ["template", "gpu_buyers", "--out", "/nonexistent/a.csv"], 2, "does not exist"),
    ("template-notebooks", ["template", "gpu_buyers", "--out", "{ROOT}/notebooks/x.csv"], 2,
     "refusing to write into notebooks"),
    ("template-dev-null", ["template", "gpu_buyers", "--out", "/dev/null"], 2, "not a regular file"),
    ("template-rows", ["template", "gpu_buyers", "--rows", "-1"], 2, "must be from 0 to 1000"),
    # run: parameters
    ("floor-nan", ["run", "maas_price_war", "-p", "free_floor_rmb", "nan"], 2, "must be a finite number"),
    ("floor-inf", ["run", "maas_price_war", "-p", "free_floor_rmb", "inf"], 2, "must be a finite number"),
    ("floor-negative", ["run", "maas_price_war", "-p", "free_floor_rmb", "-1"], 2, "outside its documented range"),
    ("draws-0", ["run", "infra_economics", "-p", "n_draws", "0"], 2, "n_draws = 0 is outside"),
    ("seed-negative", ["run", "infra_economics", "-p", "seed", "-1"], 2, "seed = -1 is outside"),
    ("horizon-negative", ["run", "capex_and_fibre", "-p", "horizon_years", "-3"], 2, "horizon_years = -3 is outside"),
    ("draws-beyond-int64", ["run", "infra_economics", "-p", "n_draws", "99999999999999999999999"], 2, "outside"),
    ("5000-digits", ["run", "gpu_allocation", "-p", "unit_price_usd", "9" * 5000], 2, "must be a finite number"),
    ("5000-digit-int", ["run", "infra_economics", "-p", "seed", "9" * 5000], 2, "cannot read"),
    ("low-above-central", ["run", "gpu_allocation", "-p", "unit_price_low_usd", "29000"], 2,
     "unit_price_low_usd = 29000 is above unit_price_usd = 25000"),
    ("text-2000", ["run", "capex_and_fibre", "-p", "department_actor", "x" * 2000], 2, "at most 1,000 characters"),
    ("hex-number", ["run", "gpu_allocation", "-p", "fleet_utilisation", "0x10"], 2, "cannot read '0x10' as float"),
    # run: data
    ("run-dev-zero", ["run", "gpu_allocation", "--data", "gpu_buyers=/dev/zero"], 2, "not a regular file"),
    ("run-fifo", ["run", "gpu_allocation", "--data", "gpu_buyers={fifo}"], 2, "not a regular file"),
    ("run-int64", ["run", "gpu_allocation", "--data", "gpu_buyers={H}/int_beyond_int64.csv"], 2,
     "integer out of range"),
    # run: scenario files
    ("billion-laughs", ["run", "gpu_allocation", "-f", "{H}/billion_laughs.yaml"], 2, "aliases are expanded"),
    ("laughs-in-parameter", ["run", "gpu_allocation", "-f", "{H}/laughs_in_parameter.yaml"], 2,
     "aliases are expanded"),
    ("deep-flow", ["run", "gpu_allocation", "-f", "{H}/deep_flow.yaml"], 2, "deep_flow.yaml: "),
    ("deep-block", ["run", "gpu_allocation", "-f", "{H}/deep_block.yaml"], 2, "nested more than 16 levels"),
    ("chapters-list", ["run", "gpu_allocation", "-f", "{H}/chapters_a_list.yaml"], 2, "chapters: expected a mapping"),
    ("parameter-list", ["run", "gpu_allocation", "-f", "{H}/parameter_a_list.yaml"], 2, "unit_price_usd: expected"),
    ("parameter-mapping", ["run", "gpu_allocation", "-f", "{H}/parameter_a_mapping.yaml"], 2, "got a mapping"),
    ("data-list", ["run", "gpu_allocation", "-f", "{H}/data_a_list.yaml"], 2, "data.gpu_buyers: expected text"),
    ("data-string", ["run", "gpu_allocation", "-f", "{H}/data_a_string.yaml"], 2, "data: expected a mapping"),
    ("integer-key", ["run", "gpu_allocation", "-f", "{H}/integer_key.yaml"], 2, "unknown key '1'"),
    ("yaml-nan", ["run", "gpu_allocation", "-f", "{H}/nan_parameter.yaml"], 2, "must be a finite number"),
    ("yaml-inf", ["run", "gpu_allocation", "-f", "{H}/inf_parameter.yaml"], 2, "must be a finite number"),
    ("yaml-order", ["run", "gpu_allocation", "-f", "{H}/low_above_central.yaml"], 2, "is above"),
    ("python-tag", ["run", "gpu_allocation", "-f", "{H}/python_tag.yaml"], 2, "not readable as YAML"),
    ("yaml-dev-zero", ["run", "gpu_allocation", "-f", "{H}/data_dev_zero.yaml"], 2, "not a regular file"),
    ("yaml-nul-path", ["run", "gpu_allocation", "-f", "{H}/data_nul_path.yaml"], 2, "control characters"),
    ("yaml-not-utf8", ["run", "gpu_allocation", "-f", "{H}/not_utf8.yaml"], 2, "not UTF-8"),
    ("yaml-syntax", ["run", "gpu_allocation", "-f", "{H}/syntax_error.yaml"], 2, "not readable as YAML"),
    ("yaml-top-list", ["run", "gpu_allocation", "-f", "{H}/top_level_list.yaml"], 2, "expected a mapping"),
    ("yaml-traversal", ["run", "gpu_allocation", "-f", "{H}/data_traversal.yaml"], 2,
     "/etc/passwd, row 1"),
    ("yaml-fifo", ["run", "gpu_allocation", "-f", "{fifo}"], 2, "not a regular file"),
    ("yaml-300kb", ["run", "gpu_allocation", "-f", "{big_yaml}"], 2, "the limit is 262,144 bytes"),
    # run: output folders
    ("out-project-root", ["run", "gpu_allocation", "--out", "{ROOT}"], 2, "the project folder itself"),
    ("out-data", ["run", "gpu_allocation", "--out", "{ROOT}/data"], 2, "refusing to write into data"),
    ("out-site", ["run", "gpu_allocation", "--out", "{ROOT}/_build/html"], 2, "refusing to write into _build/html"),
    ("out-no-parent", ["run", "gpu_allocation", "--out", "/nonexistent/x"], 2, "does not exist"),
    ("out-a-file", ["run", "gpu_allocation", "--out", "/dev/null"], 2, "is not a folder"),
    # build
    ("workers-0", ["build", "--workers", "0"], 2, "must be from 1 to 64"),
    ("workers-negative", ["build", "--workers", "-3"], 2, "must be from 1 to 64"),
    ("build-laughs", ["build", "--scenario", "{H}/billion_laughs.yaml"], 2, "aliases are expanded"),
    ("build-shape", ["build", "--scenario", "{H}/chapters_a_list.yaml"], 2, "expected a mapping"),
    ("build-edition", ["build", "--edition", "teacher"], 2, "invalid choice"),
    # pack
    ("pack-no-parent", ["pack", "--out", "/nonexistent/x.zip"], 2, "does not exist"),
    ("pack-not-zip", ["pack", "--out", "course.txt"], 2, "ending in .zip"),
    ("pack-into-data", ["pack", "--out", "{ROOT}/data/x.zip"], 2, "refusing to write into data"),
    # serve
    ("serve-no-site", ["serve", "--dir", "/nonexistent"], 2, "no site to serve"),
    ("serve-port-0", ["serve", "--port", "0"], 2, "must be from 1 to 65535"),
    ("serve-port-huge", ["serve", "--port", "70000"], 2, "must be from 1 to 65535"),
]


def test_the_corpus_has_at_least_40_inputs_and_covers_every_command():
    assert len(CASES) >= 40 and len({c[0] for c in CASES}) == len(CASES)
    assert {c[1][0] for c in CASES} >= {"check", "params", "template", "run", "build", "pack", "serve"}
    kept = {p.name for p in H.iterdir()}
    used = {Path(a).name for c in CASES for a in c[1] if a.startswith("{H}/")}
    assert kept - used <= {"markdown_label.csv"}, f"files in tests/hostile/ no case uses: {kept - used}"


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_hostile_input_ends_with_its_exit_code_and_message_and_writes_nothing(case, made, tmp_path):
    _, argv, code, message = case
    values = {"H": str(H), "ROOT": str(ROOT), **made}
    argv = [a.format(**values) if "{" in a and "}" in a else a for a in argv]
    before = snapshot(*WATCHED, tmp_path)
    got, out = aicloud(argv, cwd=tmp_path)
    assert got == code, out
    assert message in out, out
    assert "Traceback" not in out
    assert snapshot(*WATCHED, tmp_path) == before, "the command wrote something"
    assert not PWNED.exists() and not Path("/nonexistent").exists()


# --- the environment: another build, a read-only project, a full disk --------------------------------------

def test_a_second_build_while_one_runs_is_refused_with_exit_4():
    import fcntl

    layout.CACHE.mkdir(exist_ok=True)
    with open(layout.LOCK, "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.write("build, pid 4242")
        held.flush()
        try:
            before = snapshot(*WATCHED)
            code, out = aicloud(["build"], cwd=ROOT)
            assert code == layout.EXIT_BUSY, out
            assert "another build or run is working in this project" in out and "Traceback" not in out
            assert snapshot(*WATCHED) == before
            code, out = aicloud(["run", "introduction", "--out", str(Path(tempfile.mkdtemp()) / "r")], cwd=ROOT)
            assert code == layout.EXIT_BUSY, out
        finally:
            held.truncate(0)
            fcntl.flock(held, fcntl.LOCK_UN)


def _copy(target: Path, *, cache: bool = False) -> Path:
    """The project's tracked files (and, if asked, its chapter cache) in `target`."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        if (ROOT / name).is_file() and not name.startswith(("tests/", "benchmarks/")):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    if cache:
        shutil.copytree(layout.CACHE / "chapters", target / ".cache" / "chapters")
    return target


def confined(argv: list[str], copy: Path, cwd: Path, how: str, folder: Path | None = None) -> tuple[int, str]:
    """Run a command on `copy` of the project with `folder` (default: all of it) really read-only ("ro"), or with
    the copy on a file system with almost no free space ("full").

    As root, in a private mount namespace (a read-only bind mount, or a small tmpfs), since permissions do not stop
    root; otherwise the folders are made 0555 (a full disk needs root to mount a small file system)."""
    folder = folder or copy
    command = [sys.executable, "-m", "aicloud", *argv]
    if os.getuid() != 0:
        if how == "full":
            pytest.skip("a real full disk needs root (a small tmpfs); test_a_full_disk_... simulates it for all")
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        return aicloud(argv, cwd=cwd, root=copy)
    if how == "ro":
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        args, root = [str(folder), *command], copy
    else:
        size = sum(-(-p.stat().st_size // 4096) * 4096 for p in copy.rglob("*") if p.is_file()) + 256 * 1024
        mount = cwd / "small"
        mount.mkdir()
        script = 'mount -t tmpfs -o size="$2" tmpfs "$1" && cp -a "$3"/. "$1"/ && cd "$1" && shift 3 && exec "$@"'
        args, root = [str(mount), str(size), str(copy), *command], mount
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=SECONDS * 3, preexec_fn=_bounded,
                          env={**os.environ, "PYTHONPATH": str(root)})
    return proc.returncode, proc.stdout + proc.stderr


def test_a_read_only_project_is_exit_3_naming_the_folder(tmp_path):
    copy = _copy(tmp_path / "project")
    for argv in (["build"], ["run", "introduction", "--out", str(tmp_path / "out")]):
        code, out = confined(argv, copy, tmp_path, "ro")
        assert code == layout.EXIT_ENVIRONMENT, out
        assert "cannot write .cache" in out and "Traceback" not in out
        assert "read-only" in out or "permission denied" in out
    assert not (copy / ".cache").exists() and not (tmp_path / "out").exists()


def test_a_read_only_build_folder_is_exit_3_and_the_cache_stays_good(tmp_path):
    copy = _copy(tmp_path / "project", cache=True)
    (copy / "_build").mkdir()
    code, out = confined(["build"], copy, tmp_path, "ro", folder=copy / "_build")
    assert code == layout.EXIT_ENVIRONMENT, out
    assert "cannot write _build" in out and "Traceback" not in out
    assert not list((copy / "_build").iterdir())


def test_a_full_disk_is_exit_3_naming_the_file(tmp_path):
    copy = _copy(tmp_path / "project")
    code, out = confined(["build"], copy, tmp_path, "full")
    assert code == layout.EXIT_ENVIRONMENT, out
    assert "the disk is full" in out and "cannot write" in out and "Traceback" not in out


@pytest.mark.parametrize("number,expected", [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only"),
                                             (errno.EDQUOT, "quota")])
def test_a_full_disk_or_read_only_file_system_while_writing_is_exit_3(site, capsys, monkeypatch, number, expected):
    """Simulated: the first file the build writes fails as the operating system would fail it."""
    index = site / "index.html"
    before = index.stat().st_mtime_ns

    def refuse(path, content):
        raise OSError(number, os.strerror(number), str(path))

    monkeypatch.setattr("aicloud.pipeline.atomic_write", refuse)
    monkeypatch.setattr("aicloud.pipeline.atomic_copy", refuse)
    code = cli.main(["build", "--force"])
    out = capsys.readouterr()
    assert code == layout.EXIT_ENVIRONMENT, out
    assert expected in out.err and "cannot write" in out.err and "Traceback" not in out.err + out.out
    assert index.stat().st_mtime_ns == before


def test_what_a_killed_build_left_is_cleaned_at_the_next_build(site, capsys):
    left = [layout.BUILD / ".jb-killed1234", layout.ROOT / ".cache" / "chapters" / ".x.ipynb.abc.tmp",
            layout.BUILD / "runs" / ".aicloud-run-killed"]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".tmp":
            path.write_text("half", encoding="utf-8")
        else:
            (path / "inside").mkdir(parents=True, exist_ok=True)
    assert build.build().ok
    assert not any(p.exists() for p in left)


def test_a_site_caught_mid_swap_by_a_kill_is_put_back(tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "BUILD", tmp_path)
    (tmp_path / ".html.old").mkdir()
    (tmp_path / ".html.old" / "index.html").write_text("the last good site", encoding="utf-8")
    layout.clean_stale()
    assert (tmp_path / "html" / "index.html").read_text(encoding="utf-8") == "the last good site"


# --- output: modes, a closed pipe ------------------------------------------------------------------------------

def test_outputs_are_written_with_ordinary_permissions(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    layout.atomic_write(tmp_path / "a.txt", "x")
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o666 & ~layout._umask()


def test_a_reader_that_goes_away_ends_the_output_quietly(tmp_path):
    proc = subprocess.Popen(f"{sys.executable} -m aicloud params infra_economics | head -1", shell=True,
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_bounded)
    out, err = proc.communicate(timeout=SECONDS)
    assert out.startswith("infra_economics") and err == ""


# --- serve ---------------------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_bad_requests_without_a_traceback_or_a_listing(tmp_path):
    site = tmp_path / "site"
    (site / "folder").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (site / "folder" / "secret.txt").write_text("listed?", encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "aicloud", "serve", "--dir", str(site), "--port", str(port)],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_bounded)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        answers = {}
        for path in ("/", "/%00", "/folder/", "/%2e%2e/%2e%2e/etc/passwd", "/" + "a" * 5000, "/index.html%00.txt"):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", path)
            response = conn.getresponse()
            answers[path[:20]] = (response.status, response.read())
            conn.close()
        code, out = aicloud(["serve", "--dir", str(site), "--port", str(port)], cwd=tmp_path)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=SECONDS)
    assert answers["/"][0] == 200
    assert answers["/%00"][0] == 400 and answers["/index.html%00.txt"][0] == 400
    assert answers["/folder/"][0] == 404 and b"secret.txt" not in answers["/folder/"][1]
    assert answers["/%2e%2e/%2e%2e/etc/p"][0] == 404 and answers["/" + "a" * 19][0] == 404
    assert "Traceback" not in err
    assert code == 2 and f"port {port} is in use" in out  # a second server on the same port
