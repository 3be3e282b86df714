"""Every HDF5 object the reader child touches, checked before it is read.

Used only inside the reader child (:mod:`~kbuilder.keras_io.read_child`).

Links: libhdf5 follows a soft link, and an external link opens another file
on this computer, wherever they sit on a path.  So kbuilder never hands
libhdf5 a path longer than one link: :meth:`H5Guard.resolve` walks a path
one link at a time, re-resolves soft links itself (chained, through groups,
absolute or relative), and refuses an external or user-defined link
anywhere on the way, a chain of soft links that goes round in a circle or
is longer than :data:`MAX_LINK_HOPS`, and an object that belongs to another
file.  :meth:`H5Guard.scan` applies the same rules to every link in the
file before anything is read, and refuses virtual datasets and external
storage wherever they are (a part libhdf5 cannot decode is passed over:
nothing can be read through it either).

Sizes: a dataset declares its shape, and libhdf5 allocates that much memory
when it is read, whether or not the file holds the data (an unwritten
chunked dataset reads as its fill value).  :class:`ArrayReader` compares
what a weight declares with what the file stores for it
(``dataset.id.get_storage_size()``) and with the file's size before it
reads, and counts the total.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from .file_guard import GiB, MiB, ReadError, Text, human_size

MAX_LINK_HOPS = 16  # soft links followed for one path (libhdf5's own default)
MAX_H5_LINKS = 500_000  # links looked at in one file
MAX_WEIGHT_BYTES = 8 * GiB  # all arrays of one file, as declared
MAX_ARRAYS = 200_000
MAX_CHUNK_BYTES = 256 * MiB  # libhdf5 holds a whole chunk in memory to read any of it
# Keras writes weights uncompressed, and trained weights are random-looking
# numbers that barely compress (under 1.2:1): an uncompressed weight must be
# stored whole, and a compressed one may expand at most this many times
# (room for sparse or pruned arrays).  More is a bomb, or a fill value
# standing for data that was never written.
MAX_COMPRESSION_RATIO = 100
SMALL_ARRAY_BYTES = 1 * MiB  # an array this small is read whatever it stores (a zero bias compresses to nothing)
SMALL_TOTAL_BYTES = 64 * MiB  # any file may declare this much in all
# HDF5 filters that only rearrange or check the bytes: a dataset with only
# these stores its whole size (shuffle, fletcher32).
_NON_COMPRESSING_FILTERS = (2, 3)


# What h5py raises when libhdf5 cannot decode part of a file.
_H5_ERRORS = (KeyError, RuntimeError, OSError, ValueError)


def _refuse_outside(label: str) -> ReadError:
    return ReadError(Text.translate("keras_io.h5_guard", "{label} has a link that points to another file, which "
                                    "kbuilder refuses to follow.").format(label=label))


def _not_numeric(label: str) -> ReadError:
    return ReadError(Text.translate("keras_io.h5_guard", "A weight in {label} is not numeric, so the file is damaged "
                                    "or not a Keras model.").format(label=label))


def _split(path: bytes) -> list[bytes]:
    return [p for p in path.split(b"/") if p and p != b"."]


class H5Guard:
    """Link-safe access to an open ``h5py.File`` named ``label`` in messages."""

    def __init__(self, h5file: Any, label: str) -> None:
        import h5py

        self._h5py = h5py
        self.root = h5file
        self.label = label
        self.fileno = h5file.id.fileno

    # ------------------------------------------------------------ links
    def _open(self, group: Any, name: bytes) -> Any:
        h5py = self._h5py
        oid = h5py.h5o.open(group.id, name)
        if oid.fileno != self.fileno:
            raise _refuse_outside(self.label)
        kind = h5py.h5i.get_type(oid)
        if kind == h5py.h5i.GROUP:
            return h5py.Group(oid)
        if kind == h5py.h5i.DATASET:
            return h5py.Dataset(oid, readonly=True)
        return None  # a named datatype: nothing kbuilder reads

    def resolve(self, base: Any, path: str | bytes) -> Any:
        """The object at ``path`` from group ``base``: a Group, a Dataset, or
        None when nothing is there.  Raises :class:`ReadError` for a link
        that leaves the file or a circle of soft links."""
        h5py = self._h5py
        raw = path.encode("utf-8", "surrogateescape") if isinstance(path, str) else bytes(path)
        parts = _split(raw)
        current = self.root if raw.startswith(b"/") else base
        hops = 0  # a circle of soft links never ends: the count stops it, as libhdf5's own does
        while parts:
            name = parts.pop(0)
            if not isinstance(current, h5py.Group):
                return None
            if not current.id.links.exists(name):  # one link name: nothing is followed
                return None
            info = current.id.links.get_info(name)
            if info.type == h5py.h5l.TYPE_HARD:
                current = self._open(current, name)
            elif info.type == h5py.h5l.TYPE_SOFT:
                hops += 1
                if hops > MAX_LINK_HOPS:
                    raise ReadError(Text.translate(
                        "keras_io.h5_guard", "{label} has links that lead round in a circle or through more than "
                        "{limit} other links, so it is damaged or hostile.").format(label=self.label, limit=MAX_LINK_HOPS))
                target = current.id.links.get_val(name)
                parts = _split(target) + parts
                if target.startswith(b"/"):
                    current = self.root
            else:
                raise _refuse_outside(self.label)
        return current

    def _addr(self, obj: Any) -> int:
        return self._h5py.h5o.get_info(obj.id).addr

    # ------------------------------------------------------------- scan
    def check_storage(self, dataset: Any) -> None:
        """Refuse a dataset whose data lives in other files."""
        if dataset.is_virtual or dataset.external:
            raise ReadError(Text.translate("keras_io.h5_guard", "{label} keeps data outside itself, which kbuilder "
                                           "refuses to read.").format(label=self.label))

    def groups(self, skip_damaged: bool = False) -> Iterator[tuple[str, Any]]:
        """``(path, group)`` for every group reachable through hard links,
        each once, in name order (as ``visititems``); every link met is
        checked as :meth:`resolve` would, and every dataset's storage.
        With ``skip_damaged``, a part libhdf5 cannot decode is passed over
        (nothing can be read from it either)."""
        seen = {self._addr(self.root)}
        stack: list[tuple[str, Any]] = [("", self.root)]
        count = 0
        while stack:
            path, group = stack.pop()
            if path:
                yield path, group
            try:
                names = list(group.id)
            except _H5_ERRORS:
                if skip_damaged:
                    continue
                raise
            children: list[tuple[str, Any]] = []
            for name in names:
                count += 1
                if count > MAX_H5_LINKS:
                    raise ReadError(Text.translate("keras_io.h5_guard", "{label} holds more than kbuilder's limit of "
                                                   "{limit} objects.").format(label=self.label, limit=MAX_H5_LINKS))
                try:
                    child = self._check_link(group, name)
                except _H5_ERRORS:
                    if skip_damaged:
                        continue
                    raise
                if child is not None:
                    addr = self._addr(child)
                    if addr not in seen:
                        seen.add(addr)
                        text = name.decode("utf-8", "surrogateescape")
                        children.append((f"{path}/{text}" if path else text, child))
            stack.extend(reversed(children))

    def _check_link(self, group: Any, name: bytes) -> Any:
        """Check one link of ``group``; the group it leads to through a hard link, else None."""
        h5py = self._h5py
        info = group.id.links.get_info(name)
        if info.type == h5py.h5l.TYPE_SOFT:
            self.resolve(group, name)  # refuses what leaves the file; a dangling link is harmless
            return None
        if info.type != h5py.h5l.TYPE_HARD:
            raise _refuse_outside(self.label)
        obj = self._open(group, name)
        if isinstance(obj, h5py.Dataset):
            self.check_storage(obj)
            return None
        return obj if isinstance(obj, h5py.Group) else None

    def scan(self) -> None:
        """Check every link and dataset of the file (see :meth:`groups`)
        before anything is read."""
        for _ in self.groups(skip_damaged=True):
            pass


class ArrayReader:
    """Weights read from datasets of one file, within the byte budgets."""

    def __init__(self, guard: H5Guard, file_size: int) -> None:
        self.guard = guard
        self.label = guard.label
        self.arrays: dict[str, Any] = {}
        self.total = 0
        # Nothing in a file of this size can stand for more than this.
        self.budget = min(MAX_WEIGHT_BYTES, max(max(file_size, 0) * MAX_COMPRESSION_RATIO, SMALL_TOTAL_BYTES))
        self.file_size = file_size

    def add(self, dataset: Any) -> str:
        """Read ``dataset`` once :meth:`check` passes; the key of its array."""
        import numpy as np

        self.total += self.check(dataset)
        if self.total > self.budget:
            if self.budget == MAX_WEIGHT_BYTES:
                text = Text.translate("keras_io.h5_guard", "The weights in {label} declare more than {limit}, "
                                      "kbuilder's limit, so they were not read.")
            else:
                text = Text.translate("keras_io.h5_guard", "The weights in {label} declare more than {limit}, what a "
                                      "{size} file can hold, so they were not read.")
            raise ReadError(text.format(label=self.label, limit=human_size(self.budget), size=human_size(self.file_size)))
        if len(self.arrays) >= MAX_ARRAYS:
            raise ReadError(Text.translate("keras_io.h5_guard", "{label} holds more than kbuilder's limit of {limit} "
                                           "weight arrays.").format(label=self.label, limit=MAX_ARRAYS))
        array = np.asarray(dataset[()])
        if array.dtype.kind not in "biuf":
            raise _not_numeric(self.label)
        key = f"a{len(self.arrays)}"
        self.arrays[key] = array
        return key

    def check(self, dataset: Any) -> int:
        """The bytes ``dataset`` declares, once its type, its storage and
        what the file holds for it say it can be read."""
        import h5py

        label = self.label
        if not isinstance(dataset, h5py.Dataset):
            raise ReadError(Text.translate("keras_io.h5_guard", "A weight in {label} is not an array, so the file is "
                                           "damaged.").format(label=label))
        self.guard.check_storage(dataset)
        dt = dataset.dtype
        if dt.kind not in "biuf" or dt.itemsize > 16:
            raise _not_numeric(label)
        if dataset.shape is None:
            raise ReadError(Text.translate("keras_io.h5_guard", "A weight in {label} is an empty placeholder, so the "
                                           "file is damaged.").format(label=label))
        declared = math.prod(int(d) for d in dataset.shape) * dt.itemsize
        chunk = math.prod(int(c) for c in dataset.chunks) * dt.itemsize if dataset.chunks else 0
        if chunk > MAX_CHUNK_BYTES:
            raise ReadError(Text.translate(
                "keras_io.h5_guard", "A weight in {label} is stored in chunks of {size}, more than kbuilder's limit "
                "of {limit}.").format(label=label, size=human_size(chunk), limit=human_size(MAX_CHUNK_BYTES)))
        stored = int(dataset.id.get_storage_size())
        if declared and not stored:
            raise ReadError(Text.translate(
                "keras_io.h5_guard", "A weight in {label} declares {size} but the file holds no data for it, "
                "so kbuilder refuses the file as damaged.").format(label=label, size=human_size(declared)))
        if stored > self.file_size + MiB:
            raise ReadError(Text.translate(
                "keras_io.h5_guard", "A weight in {label} claims {stored} of storage in a file of {size}, so the "
                "file is damaged.").format(label=label, stored=human_size(stored), size=human_size(self.file_size)))
        if declared > SMALL_ARRAY_BYTES:
            if not _compressed(dataset) and stored < declared:
                raise ReadError(Text.translate(
                    "keras_io.h5_guard", "A weight in {label} declares {size} but the file holds only {stored} of "
                    "it, so kbuilder refuses the file as damaged.").format(
                        label=label, size=human_size(declared), stored=human_size(stored)))
            if declared > stored * MAX_COMPRESSION_RATIO:
                raise ReadError(Text.translate(
                    "keras_io.h5_guard", "A weight in {label} would expand from {stored} to {size}, more than the "
                    "{ratio}:1 kbuilder accepts, so it refuses the file.").format(
                        label=label, stored=human_size(stored), size=human_size(declared), ratio=MAX_COMPRESSION_RATIO))
        return declared


def _compressed(dataset: Any) -> bool:
    """Whether a filter of ``dataset`` may store it in fewer bytes than it holds."""
    plist = dataset.id.get_create_plist()
    return any(plist.get_filter(i)[0] not in _NON_COMPRESSING_FILTERS for i in range(plist.get_nfilters()))
