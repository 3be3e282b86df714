"""Writing a file so that it is either all old or all new: a temporary file
beside it, fsynced, renamed over it, and the folder fsynced.  Used for
projects, their weights and every model file kbuilder writes.  Plain Python."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

TEMP_TAIL = r"\.[a-z0-9_]{8}\.tmp"  # what open_temp (and tempfile.mkstemp before it) adds to a name


def replace_atomically(path: Path, write: Callable[[Path], None], suffix: str = "", mode: int | None = None) -> None:
    """Replace ``path`` with what ``write(tmp)`` writes at a temporary path
    beside it (``.<name>.<random>.tmp<suffix>``): the file keeps the
    permissions ``path`` had (a new one gets the umask's, as ``open`` gives;
    ``mode`` overrides both), it is fsynced, renamed over ``path``, and the
    folder is fsynced so the rename lasts too.  Any failure removes the
    temporary file and re-raises (``OSError`` for the disk).  After success,
    temporary files that crashed writes of ``path`` left are deleted."""
    path = Path(path)
    fd, tmp = open_temp(path, suffix)
    try:
        wanted = mode if mode is not None else stat.S_IMODE(os.fstat(fd).st_mode)
        os.close(fd)
        fd = -1
        write(tmp)
        os.chmod(tmp, wanted)  # a writer that made its own file would have its own mode
        fsync_file(tmp)
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        unlink(tmp)
        raise
    fsync_dir(path.parent)
    for leftover in temp_leftovers(path, suffix):
        unlink(leftover)


def open_temp(path: Path, suffix: str = "") -> tuple[int, Path]:
    """A new, empty temporary file beside ``path``, opened for writing: the
    mode ``path`` has if it exists, else 0666 less the umask (what a plain
    ``open`` would give it; ``tempfile.mkstemp`` would give 0600)."""
    folder = path.parent
    try:
        old_mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        old_mode = None
    for _ in range(100):
        tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp{suffix}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        except FileExistsError:
            continue
        if old_mode is not None:
            try:
                os.fchmod(fd, old_mode)
            except BaseException:
                os.close(fd)
                unlink(tmp)
                raise
        return fd, tmp
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a system that cannot fsync a
    folder (some network or Windows file systems) is not an error."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_leftovers(path: Path, suffix: str = "") -> list[Path]:
    """Temporary files of ``path`` that a crashed write left: this module's
    ``.<name>.<random>.tmp<suffix>`` and the ``.<stem>.<random>.tmp<suffix>``
    that model files used before."""
    names = [re.escape(path.name)] + ([re.escape(path.stem)] if suffix else [])
    pattern = re.compile(rf"\.(?:{'|'.join(names)}){TEMP_TAIL}{re.escape(suffix)}")
    return matching(path.parent, pattern)


def matching(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            return [Path(e.path) for e in entries if pattern.fullmatch(e.name) and not e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
