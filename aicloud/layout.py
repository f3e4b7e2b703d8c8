"""The project's layout and its file plumbing, in one module that imports nothing else of the package.

Where things are; how paths are shown and hashed; how a file is read (regular files only, never more than a
limit) and written (to a temporary name beside it, moved into place when complete, with the permissions the
user's umask gives; not at all when its text is unchanged); change stamps; "did you mean" suggestions; the build
lock; the clean-up of what a killed build left; and the errors every command maps to an exit code.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
PACKAGE_PATH = DATA_DIR / "datapackage.yaml"  # the data package: resources, schemas, units
NOTEBOOKS = ROOT / "notebooks"  # one chapter per file, `<name>.md`
PACKAGE_DIR = ROOT / "aicloud"
TOC = ROOT / "_toc.yml"
CONFIG = ROOT / "_config.yml"
BOOK_FILES = ["_config.yml", "_toc.yml", "book", "_static"]  # what a staged copy of the book holds
EXECUTED = Path("book") / "chapters"  # executed chapters, relative to a book's source folder
GENERATED = Path("book") / "generated"  # generated pages and the claims ledger table, relative likewise
REQUIREMENTS = [ROOT / "requirements.txt", ROOT / "requirements-lock.txt"]
BUILD = ROOT / "_build"
HTML = BUILD / "html"
CACHE = ROOT / ".cache"
CHAPTER_CACHE = CACHE / "chapters"  # executed notebooks by input hash (pipeline)
LOCK = CACHE / "build.lock"
# Folders a command never writes into (outputs of `run`, `template` and `pack` go elsewhere).
PROTECTED = [DATA_DIR, NOTEBOOKS, ROOT / "aicloud", ROOT / "book", ROOT / "tests", ROOT / "_static",
             ROOT / ".git", CACHE, HTML, BUILD / "student", BUILD / "scenarios"]

# --- exit codes and the errors that lead to them ---------------------------------------------------------

EXIT_OK = 0
EXIT_FAILED = 1  # a chapter or the site failed to build
EXIT_INPUT = 2  # bad input: nothing was written
EXIT_ENVIRONMENT = 3  # the file system refused: read-only, permission denied, disk full
EXIT_BUSY = 4  # another build or run is working in this project
EXIT_INTERRUPTED = 130


class InputError(Exception):
    """Bad input from the user (a file, a parameter, a scenario, an option): exit code 2, nothing written."""


class FileRefused(InputError):
    """An input path that is not a readable regular file within the size limit."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


class EnvironmentProblem(Exception):
    """The file system refused a write or a read of the project's own files: exit code 3."""


class Busy(Exception):
    """Another build or run holds the project's lock: exit code 4."""


_ENVIRONMENT_ERRNOS = {
    errno.EROFS: ("the file system is read-only", "build on a writable copy of the project"),
    errno.EACCES: ("permission denied", "check the folder's owner and permissions"),
    errno.EPERM: ("operation not permitted", "check the folder's owner and permissions"),
    errno.ENOSPC: ("the disk is full", "free some space and build again"),
    errno.EDQUOT: ("the disk quota is exceeded", "free some space and build again"),
}


def environment_problem(err: OSError) -> EnvironmentProblem | None:
    """The one-line message for an OSError the environment caused (read-only, permissions, disk full), else None."""
    known = _ENVIRONMENT_ERRNOS.get(err.errno or 0)
    if known is None:
        return None
    what, todo = known
    where = f"cannot write {shown(Path(err.filename))}" if err.filename else "a file operation failed"
    return EnvironmentProblem(f"{where}: {what}; {todo}. The previous site and cache are left as they were.")


# --- paths ---------------------------------------------------------------------------------------------------

def shown(path: Path | str) -> str:
    """A path as recorded in parameters, notebooks and messages: relative to the project when inside it, so that
    pages and cache keys do not depend on where the project is checked out."""
    path = Path(os.path.abspath(path))
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def resolve(path: Path | str) -> Path:
    """A path as given in a parameter: a relative path is relative to the project folder."""
    path = Path(path)
    return path if path.is_absolute() else ROOT / path


def digest(paths: Iterable[Path], extra: str = "") -> str:
    """One hash of several files' names (as `shown`) and bytes, and an extra string; a missing file counts as
    missing, so creating it changes the hash."""
    h = hashlib.sha256()
    for path in paths:
        h.update(shown(path).encode())
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
    h.update(extra.encode())
    return h.hexdigest()


def suggest(word: str, choices: Iterable[str]) -> str:
    """" Did you mean 'x'? Valid: a, b." for an unknown name (empty choices: nothing to suggest)."""
    import difflib

    choices = list(choices)
    close = difflib.get_close_matches(str(word), choices, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return f"{hint} Valid: {', '.join(choices)}." if choices else hint


def refuse_protected(path: Path, what: str, *, root_ok: bool = False) -> None:
    """Refuse an output folder that is the project folder itself (unless `root_ok`, for a single file such as a
    template) or lies in one of its source or output folders."""
    path = Path(os.path.abspath(path))
    if path == ROOT and not root_ok:
        raise InputError(f"{what} {path}: refusing to write into the project folder itself; choose another folder")
    for protected in PROTECTED:
        if path == protected or path.is_relative_to(protected):
            raise InputError(f"{what} {path}: refusing to write into {shown(protected)}; choose another folder")


def existing_parent(path: Path, what: str) -> Path:
    """`path`'s folder, which must exist: a command creates its output, never the folders above it."""
    parent = Path(os.path.abspath(path)).parent
    if not parent.is_dir():
        raise InputError(f"{what} {path}: the folder {parent} does not exist; create it first or choose another")
    return parent


def output_file(path: Path, what: str, *, force: bool, suffix: str | None = None) -> Path:
    """A file a command is asked to write (`template`, `pack`): not in the project's sources, in a folder that
    exists, not a folder or device, with the expected suffix, and not overwritten unless `force`."""
    path = Path(path)
    if suffix and path.suffix.lower() != suffix:
        raise InputError(f"{what} {path}: give a file name ending in {suffix}")
    refuse_protected(path.parent, what, root_ok=True)
    existing_parent(path, what)
    if path.is_dir() or (path.exists() and not path.is_file()):
        raise InputError(f"{what} {path}: is not a regular file; give a file name")
    if path.exists() and not force:
        raise InputError(f"{path} exists; choose another {what} or pass --force to overwrite it")
    return path


# --- reading ------------------------------------------------------------------------------------------------

def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; FileRefused naming the file and why otherwise.

    Opened without blocking and checked on the open file, so a FIFO, a device such as /dev/zero or a socket
    (even one swapped in after a check) is refused instead of hanging or filling memory."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise FileRefused(path, "file does not exist") from None
    except PermissionError:
        raise FileRefused(path, "cannot be read: permission denied; check the file's permissions") from None
    except OSError as err:
        raise FileRefused(path, f"cannot be read: {err.strerror or err}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused(path, "is a directory, expected a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(path, "is not a regular file (a device, FIFO or socket); give a file")
        if info.st_size > limit:
            raise FileRefused(path, f"file is {info.st_size:,} bytes; the limit is {limit:,} bytes")
        chunks, size = [], 0
        while size <= limit:  # bounded even if the file grows meanwhile
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        content = b"".join(chunks)
    except OSError as err:
        raise FileRefused(path, f"cannot be read: {err.strerror or err}") from None
    finally:
        os.close(fd)
    if len(content) > limit:
        raise FileRefused(path, f"file is over {limit:,} bytes, the limit")
    return content


# --- writing ------------------------------------------------------------------------------------------------

def _umask() -> int:
    try:  # Linux shows it without changing it (changing it is not thread-safe)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_umask()


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write `content` to a temporary file beside `path` and move it into place: never a half-written file.

    The file gets the permissions an ordinary write would (0644 with the usual umask), not a temporary file's
    0600."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content.encode("utf-8") if isinstance(content, str) else content)
            os.fchmod(f.fileno(), FILE_MODE)
        os.replace(tmp, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError) and err.filename is None:  # a failed write names no file: name it
            raise OSError(err.errno, err.strerror, str(path)) from err
        raise


def atomic_copy(src: Path, dest: Path) -> None:
    """Copy a file into place atomically (see `atomic_write`)."""
    atomic_write(dest, Path(src).read_bytes())


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """`atomic_write` unless the file already holds exactly `content`; True if it wrote. An unchanged file keeps
    its time stamp, so what watches it (the site build's change detection) stays quiet."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if Path(path).read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write(path, data)
    return True


def stamped(stamp: Path, key: str) -> bool:
    """Whether the change stamp `stamp` records `key` (the hash of what something was last made from)."""
    try:
        return Path(stamp).read_text(encoding="utf-8") == key
    except (OSError, ValueError):
        return False


def stamp(path: Path, key: str) -> None:
    """Record `key` in the change stamp `path` (see `stamped`)."""
    write_if_changed(path, key)


# --- the build lock and what a killed build left ---------------------------------------------------------------

@contextlib.contextmanager
def build_lock(what: str) -> Iterator[None]:
    """Hold the project's build lock for a build or run; Busy (exit 4) if another process holds it.

    An OS lock on `.cache/build.lock`: released by the OS when its holder ends, however it ends, so a killed
    build never leaves a stale lock behind."""
    try:
        import fcntl
    except ImportError:  # (no fcntl, as on Windows: no lock)
        yield
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    fd = os.open(LOCK, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another process"
            raise Busy(f"another build or run is working in this project ({holder}); wait for it to finish "
                       f"(or stop it), then try again") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{what}, pid {os.getpid()}".encode())
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


# What the caches keep: the most recently used entries (a hit refreshes an entry's time, `touch`). Executed
# chapters: enough for both languages, both editions and a few scenarios of each chapter; chart images: those
# used in the last 30 days, at most CHART_CACHE_FILES of them.
CHAPTER_CACHE_KEEP = 16
CHART_CACHE_DAYS = 30
CHART_CACHE_FILES = 2000


def touch(path: Path) -> None:
    """Mark a cache entry as just used (its modification time), so pruning keeps it; a read-only cache is fine."""
    with contextlib.suppress(OSError):
        os.utime(path)


def prune_caches(now: float | None = None) -> list[Path]:
    """Remove cache entries least recently used beyond the limits above; call it while holding the build lock.
    Returns what was removed. Without pruning, every edit of a chapter or a chart left its old entry behind."""
    import time

    now = time.time() if now is None else now
    removed: list[Path] = []

    def newest_first(paths: Iterable[Path]) -> list[tuple[float, Path]]:
        dated = []
        for path in paths:
            with contextlib.suppress(OSError):
                dated.append((path.stat().st_mtime, path))
        return sorted(dated, reverse=True)

    for folder in CHAPTER_CACHE.glob("*"):
        if folder.is_dir():
            removed += [p for _, p in newest_first(folder.glob("*.ipynb"))[CHAPTER_CACHE_KEEP:]]
    old = now - CHART_CACHE_DAYS * 86400
    removed += [p for i, (mtime, p) in enumerate(newest_first((CACHE / "charts").glob("*.svg")))
                if i >= CHART_CACHE_FILES or mtime < old]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def clean_stale(extra: list[Path] = ()) -> list[Path]:
    """Remove what a killed build or run left behind; call it while holding the build lock.

    Temporary site folders (`.jb-*`), temporary files (`.*.tmp`), staged run folders (`.aicloud-run-*`); a site
    that was being swapped when the build was killed (`.html.old` with no `html`) is put back."""
    removed: list[Path] = []
    folders = [BUILD, BUILD / "student", *BUILD.glob("scenarios/*"), *BUILD.glob("scenarios/*/student"),
               BUILD / "runs", CACHE / "chapters", *CACHE.glob("chapters/*"), CACHE / "vega",
               ROOT / "book" / "chapters", ROOT / "book" / "generated", *extra]
    for folder in folders:
        if not folder.is_dir():
            continue
        for old in folder.glob(".*.old"):
            current = old.with_name(old.name[1:-len(".old")])
            if not current.exists():
                old.rename(current)  # the previous site, as it was before the killed swap
        for pattern in (".jb-*", ".*.tmp", ".aicloud-run-*", ".*.old"):
            for path in folder.glob(pattern):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)
                removed.append(path)
    return removed
