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
only (and :mod:`kbuilder.core.i18n`), so the reader child and the
application share it; its sentences are :class:`Text`, translated where
they are shown.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

from kbuilder.core.i18n import translate

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


_FIELD = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


class Text:
    """A sentence for the user whose translation waits until it is shown.

    The reader child has no translator, so a :class:`ReadError` it raises
    travels to the application as ``(context, source, fields)`` (see
    :meth:`to_json`) and is translated there.  Written as
    ``Text.translate("keras_io.file_guard", "Source with {name}.").format(name=...)``
    so that pyside6-lupdate finds the literals, as it finds ``translate(...)``;
    ``str()`` gives the sentence in the user's language.  A field may be a
    :class:`Text` itself (a phrase inside a sentence)."""

    __slots__ = ("context", "source", "fields")

    def __init__(self, context: str, source: str, fields: dict[str, Any] | None = None) -> None:
        self.context = context
        self.source = source
        self.fields = dict(fields or {})

    @classmethod
    def translate(cls, context: str, source: str) -> Text:
        return cls(context, source)

    def format(self, **fields: Any) -> Text:
        return Text(self.context, self.source, {**self.fields, **fields})

    def __str__(self) -> str:
        values = {k: str(v) for k, v in self.fields.items()}

        def fill(template: str) -> str:
            # Only {name} fields and doubled braces: a field's text (a file's own) is never read again.
            return _FIELD.sub(lambda m: "{" if m[0] == "{{" else "}" if m[0] == "}}" else values.get(m[1], m[0]), template)

        return fill(translate(self.context, self.source))

    def __repr__(self) -> str:
        return f"Text({self.context!r}, {self.source!r}, {self.fields!r})"

    def to_json(self) -> list[Any]:
        return [self.context, self.source,
                {k: {"text": v.to_json()} if isinstance(v, Text)
                 else v if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)
                 for k, v in self.fields.items()}]

    @classmethod
    def from_json(cls, data: Any, depth: int = 0) -> Text | None:
        """A :class:`Text` sent by the reader child, or None for anything
        that is not what :meth:`to_json` writes.  Filling it in never runs
        ``str.format`` on it: only plain ``{name}`` fields are replaced."""
        if not (isinstance(data, list) and len(data) == 3 and depth < 4):
            return None
        context, source, fields = data
        if not (isinstance(context, str) and context.startswith("keras_io.") and len(context) < 64
                and isinstance(source, str) and len(source) < 2000
                and isinstance(fields, dict) and len(fields) < 16):
            return None
        out: dict[str, Any] = {}
        for key, value in fields.items():
            if isinstance(value, dict):
                value = cls.from_json(value.get("text"), depth + 1)
                if value is None:
                    return None
            elif isinstance(value, bool) or not isinstance(value, (str, int, float)):
                return None
            out[key] = value
        return cls(context, source, out)


class ReadError(Exception):
    """The file cannot be read; the message is one sentence for the user
    (a :class:`Text`, translated when it is shown, or plain text)."""

    def __init__(self, message: str | Text) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)

    def to_json(self) -> list[Any] | None:
        """The untranslated sentence, for the reader child's result (None for plain text)."""
        return self.message.to_json() if isinstance(self.message, Text) else None


def human_size(n: int | float) -> str:
    """``1536`` -> ``"1.5 KiB"``: for messages."""
    size = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            if unit == "bytes":
                return translate("keras_io.file_guard", "{n} bytes").format(n=int(size))
            return f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TiB"  # pragma: no cover - the loop returns


# ---------------------------------------------------------------- paths
def _not_regular(path: Path, mode: int) -> ReadError:
    if path.is_symlink():
        try:
            target = os.path.realpath(path)
        except OSError:  # pragma: no cover - realpath rarely fails
            target = "?"
        if stat.S_ISFIFO(mode):
            text = Text.translate("keras_io.file_guard", "{name} links to {target}, which is a named pipe, not a file, "
                                  "so kbuilder does not read it.")
        elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            text = Text.translate("keras_io.file_guard", "{name} links to {target}, which is a device, not a file, "
                                  "so kbuilder does not read it.")
        elif stat.S_ISSOCK(mode):
            text = Text.translate("keras_io.file_guard", "{name} links to {target}, which is a socket, not a file, "
                                  "so kbuilder does not read it.")
        else:
            text = Text.translate("keras_io.file_guard", "{name} links to {target}, which is not a regular file, "
                                  "not a file, so kbuilder does not read it.")
        return ReadError(text.format(name=path.name, target=target))
    if stat.S_ISFIFO(mode):
        text = Text.translate("keras_io.file_guard", "{name} is a named pipe, not a file, so kbuilder does not read it.")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        text = Text.translate("keras_io.file_guard", "{name} is a device, not a file, so kbuilder does not read it.")
    elif stat.S_ISSOCK(mode):
        text = Text.translate("keras_io.file_guard", "{name} is a socket, not a file, so kbuilder does not read it.")
    else:
        text = Text.translate("keras_io.file_guard", "{name} is not a regular file, not a file, "
                              "so kbuilder does not read it.")
    return ReadError(text.format(name=path.name))


def _no_such_file(path: Path) -> ReadError:
    return ReadError(Text.translate("keras_io.file_guard", "No such file: {path}").format(path=str(path)))


def _cannot_read(path: Path, exc: OSError) -> ReadError:
    return ReadError(Text.translate("keras_io.file_guard", "Cannot read {name}: {reason}.").format(
        name=path.name, reason=exc.strerror or str(exc)))


def check_path(path: str | os.PathLike[str]) -> tuple[str, int]:
    """``("file", size)`` or ``("directory", 0)`` for ``path`` with symlinks
    resolved; anything else (pipe, device, socket, missing) raises
    :class:`ReadError`.  Looks at the inode only: reads nothing."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise _no_such_file(path) from None
    except OSError as exc:
        raise _cannot_read(path, exc) from None
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
        raise _no_such_file(path) from None
    except OSError as exc:
        raise _cannot_read(path, exc) from None
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


def read_limited(fh: BinaryIO, limit: int, what: str | Text) -> bytes:
    """At most ``limit`` bytes of ``fh``; more raises :class:`ReadError`
    naming ``what`` (a file name, or a :class:`Text` phrase) and the limit."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise ReadError(Text.translate("keras_io.file_guard", "{what} is larger than kbuilder's limit of {limit}.")
                        .format(what=what, limit=human_size(limit)))
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
        raise ReadError(Text.translate("keras_io.file_guard", "{label} holds {count} entries, more than kbuilder's "
                                       "limit of {limit}.").format(label=label, count=len(infos), limit=MAX_ZIP_MEMBERS))
    total = sum(max(info.file_size, 0) for info in infos)
    if total > MAX_ZIP_TOTAL_BYTES:
        raise ReadError(Text.translate(
            "keras_io.file_guard", "{label} would expand to {size}, more than kbuilder's limit of {limit}, "
            "so nothing was extracted.").format(label=label, size=human_size(total), limit=human_size(MAX_ZIP_TOTAL_BYTES)))


def check_member(info: zipfile.ZipInfo, label: str, limit: int) -> None:
    """Refuse a member larger than ``limit`` or expanding like a zip bomb."""
    if info.flag_bits & 0x1:
        raise ReadError(Text.translate("keras_io.file_guard", "{member} in {label} is encrypted, which a Keras file "
                                       "never is.").format(member=info.filename, label=label))
    if info.file_size > limit:
        raise ReadError(Text.translate(
            "keras_io.file_guard", "{member} in {label} declares {size}, more than kbuilder's limit of {limit}, "
            "so nothing was extracted.").format(member=info.filename, label=label, size=human_size(info.file_size),
                                                limit=human_size(limit)))
    if info.file_size > ZIP_RATIO_FLOOR and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
        raise ReadError(Text.translate(
            "keras_io.file_guard", "{member} in {label} would expand from {stored} to {size}, more than the "
            "{ratio}:1 kbuilder accepts, so nothing was extracted.").format(
                member=info.filename, label=label, stored=human_size(info.compress_size),
                size=human_size(info.file_size), ratio=MAX_ZIP_RATIO))


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, limit: int) -> bytes:
    """A small member's bytes, checked before and counted while reading."""
    check_member(info, label, limit)
    with zf.open(info) as src:
        data = src.read(min(limit, info.file_size) + 1)
    if len(data) > info.file_size:
        raise _overfull(info, label)
    return data


def extract_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, label: str,
                   limit: int = MAX_EXTRACT_BYTES) -> int:
    """Copy one member to ``target`` once it passes :func:`check_member`,
    stopping at its declared size; returns the bytes written."""
    check_member(info, label, limit)
    free = shutil.disk_usage(target.parent).free
    if info.file_size + min(info.file_size, DISK_MARGIN_BYTES) > free:
        raise ReadError(Text.translate(
            "keras_io.file_guard", "{member} in {label} needs {size} of temporary space and only {free} is free, "
            "so nothing was extracted.").format(member=info.filename, label=label, size=human_size(info.file_size),
                                                free=human_size(free)))
    written = 0
    with zf.open(info) as src, open(target, "wb") as dst:
        while True:
            block = src.read(COPY_BLOCK)
            if not block:
                break
            written += len(block)
            if written > info.file_size:
                raise _overfull(info, label)
            dst.write(block)
    return written


def _overfull(info: zipfile.ZipInfo, label: str) -> ReadError:
    return ReadError(Text.translate("keras_io.file_guard", "{member} in {label} holds more than its header declares, "
                                    "so the file is damaged.").format(member=info.filename, label=label))
