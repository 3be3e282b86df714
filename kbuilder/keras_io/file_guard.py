"""What the reader may take from a path or a zip archive, checked before it reads.

A path must be a regular file (or a folder, for an unzipped ``.keras``)
once symlinks are resolved: a named pipe would block the reader forever and
a device such as ``/dev/zero`` never ends, whatever ``st_size`` says.  A
file is opened with ``O_NONBLOCK``, checked again on the open descriptor
(the path may change between the two looks), and read with a byte limit.

A zip member is extracted only when its declared size, the archive's
declared total and its compression ratio are within the limits below, and
then streamed with a byte counter that stops at the declared size: the
headers of a hostile archive may lie.  Everything here is standard library
only, so the reader child and the application share it.
"""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from pathlib import Path
from typing import BinaryIO

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB

# Zip archives (.keras): how many entries, how much in all, how much one member may expand.
MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_TOTAL_BYTES = 16 * GiB
MAX_EXTRACT_BYTES = 8 * GiB + 64 * MiB  # one member written to disk: the weight limit plus HDF5's own bookkeeping
# Weights are random-looking numbers that barely compress; a member larger
# than ZIP_RATIO_FLOOR that expands more than MAX_ZIP_RATIO times is a bomb.
MAX_ZIP_RATIO = 100
ZIP_RATIO_FLOOR = 64 * MiB
# Room left on the temporary folder's disk after an extraction: as much as
# the member takes, up to this.
DISK_MARGIN_BYTES = 256 * MiB
COPY_BLOCK = 1 * MiB


class ReadError(Exception):
    """The file cannot be read; the message is one sentence for the user."""


def human_size(n: int | float) -> str:
    """``1536`` -> ``"1.5 KiB"``: for messages."""
    size = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            return f"{int(size)} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TiB"  # pragma: no cover - the loop returns


# ---------------------------------------------------------------- paths
def _what(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _not_regular(path: Path, mode: int) -> ReadError:
    what = _what(mode)
    if path.is_symlink():
        try:
            target = os.path.realpath(path)
        except OSError:  # pragma: no cover - realpath rarely fails
            target = "?"
        return ReadError(f"{path.name} links to {target}, which is {what}, not a file, so kbuilder does not read it.")
    return ReadError(f"{path.name} is {what}, not a file, so kbuilder does not read it.")


def check_path(path: str | os.PathLike[str]) -> tuple[str, int]:
    """``("file", size)`` or ``("directory", 0)`` for ``path`` with symlinks
    resolved; anything else (pipe, device, socket, missing) raises
    :class:`ReadError`.  Looks at the inode only: reads nothing."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError(f"No such file: {path}") from None
    except OSError as exc:
        raise ReadError(f"Cannot read {path.name}: {exc.strerror or exc}.") from None
    if stat.S_ISDIR(st.st_mode):
        return "directory", 0
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(path, st.st_mode)
    return "file", st.st_size


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """``path`` opened for reading, never blocking on a pipe, refused unless
    the opened descriptor is a regular file."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ReadError(f"No such file: {path}") from None
    except OSError as exc:
        raise ReadError(f"Cannot read {path.name}: {exc.strerror or exc}.") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(path, mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file: reads are ordinary from here on
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_limited(fh: BinaryIO, limit: int, what: str) -> bytes:
    """At most ``limit`` bytes of ``fh``; more raises :class:`ReadError`
    naming ``what`` and the limit."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise ReadError(f"{what} is larger than kbuilder's limit of {human_size(limit)}.")
    return data


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The whole of the regular file ``path``, up to ``limit`` bytes."""
    with open_regular(path) as fh:
        return read_limited(fh, limit, Path(path).name)


# ------------------------------------------------------------------ zip
def check_archive(zf: zipfile.ZipFile, label: str) -> None:
    """Refuse an archive whose entry count or declared total is past the limits."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ReadError(f"{label} holds {len(infos)} entries, more than kbuilder's limit of {MAX_ZIP_MEMBERS}.")
    total = sum(max(info.file_size, 0) for info in infos)
    if total > MAX_ZIP_TOTAL_BYTES:
        raise ReadError(
            f"{label} would expand to {human_size(total)}, more than kbuilder's limit of "
            f"{human_size(MAX_ZIP_TOTAL_BYTES)}, so nothing was extracted."
        )


def check_member(info: zipfile.ZipInfo, label: str, limit: int) -> None:
    """Refuse a member larger than ``limit`` or expanding like a zip bomb."""
    if info.flag_bits & 0x1:
        raise ReadError(f"{info.filename} in {label} is encrypted, which a Keras file never is.")
    if info.file_size > limit:
        raise ReadError(
            f"{info.filename} in {label} declares {human_size(info.file_size)}, more than kbuilder's limit of "
            f"{human_size(limit)}, so nothing was extracted."
        )
    if info.file_size > ZIP_RATIO_FLOOR and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
        raise ReadError(
            f"{info.filename} in {label} would expand from {human_size(info.compress_size)} to "
            f"{human_size(info.file_size)}, more than the {MAX_ZIP_RATIO}:1 kbuilder accepts, so nothing was extracted."
        )


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, limit: int) -> bytes:
    """A small member's bytes, checked before and counted while reading."""
    check_member(info, label, limit)
    with zf.open(info) as src:
        data = src.read(min(limit, info.file_size) + 1)
    if len(data) > info.file_size:
        raise ReadError(f"{info.filename} in {label} holds more than its header declares, so the file is damaged.")
    return data


def extract_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, label: str,
                   limit: int = MAX_EXTRACT_BYTES) -> int:
    """Copy one member to ``target`` once it passes :func:`check_member`,
    stopping at its declared size; returns the bytes written."""
    check_member(info, label, limit)
    free = shutil.disk_usage(target.parent).free
    if info.file_size + min(info.file_size, DISK_MARGIN_BYTES) > free:
        raise ReadError(
            f"{info.filename} in {label} needs {human_size(info.file_size)} of temporary space and only "
            f"{human_size(free)} is free, so nothing was extracted."
        )
    written = 0
    with zf.open(info) as src, open(target, "wb") as dst:
        while True:
            block = src.read(COPY_BLOCK)
            if not block:
                break
            written += len(block)
            if written > info.file_size:
                raise ReadError(
                    f"{info.filename} in {label} holds more than its header declares, so the file is damaged."
                )
            dst.write(block)
    return written
