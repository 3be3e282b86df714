"""TensorFlow checkpoints (``variables/variables.index`` + ``.data-*``), read
tensor by tensor without TensorFlow.

Used only inside the reader child (:mod:`~kbuilder.keras_io.read_child`).
A checkpoint is a "tensor bundle": the index file is a LevelDB-style table
(sorted keys, blocks with shared key prefixes, a 48-byte footer) mapping each
variable's key to a ``BundleEntryProto`` (dtype, shape, shard, offset,
size); the data files hold the raw little-endian bytes.  This module reads
the table in plain Python and parses the entries with the protobuf classes
TensorFlow ships (:mod:`~kbuilder.keras_io.tf_protos`), so no TensorFlow
code runs and no C++ parser sees the file's bytes; tensors are read only when
asked for, after their declared size was checked against the shape, the data
file's real size and the budgets of :mod:`~kbuilder.keras_io.h5_guard`.
Checksums are not verified (as for HDF5 weights).

Refused in one sentence: a compressed or damaged table, a big-endian or
sliced (partitioned) variable, a tensor whose bytes lie outside its data
file, more than :data:`~kbuilder.keras_io.h5_guard.MAX_ARRAYS` tensors or
:data:`~kbuilder.keras_io.h5_guard.MAX_WEIGHT_BYTES` in all, and any file
of the checkpoint that is not a regular file inside the model's folder.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import Any

from .file_guard import MiB, ReadError, Text, human_size, open_regular, read_limited
from .h5_guard import MAX_ARRAYS, MAX_WEIGHT_BYTES

MAX_INDEX_BYTES = 64 * MiB
MAX_SHARDS = 10_000
MAX_STRING_BYTES = 256 * MiB  # the object graph, a string tensor
TABLE_MAGIC = 0xDB4775248B80FB57
FOOTER_BYTES = 48

# tensorflow/core/framework/types.proto -> numpy dtype names ("bfloat16" is widened to float32).
DTYPES = {
    1: "float32",
    2: "float64",
    3: "int32",
    4: "uint8",
    5: "int16",
    6: "int8",
    9: "int64",
    10: "bool",
    14: "bfloat16",
    17: "uint16",
    19: "float16",
    22: "uint32",
    23: "uint64",
}
DT_STRING = 7


def _damaged(label: str) -> ReadError:
    return ReadError(Text.translate("keras_io.checkpoint", "The checkpoint of {label} (its variables folder) is damaged "
                                    "or cut short, so it cannot be read.").format(label=label))


def _varint(data: bytes, pos: int, label: str) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise _damaged(label)
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def inside(folder: Path, path: Path, label: str) -> Path:
    """``path`` once symlinks are resolved, refused unless it stays inside
    ``folder`` (a link to ``~/.ssh/id_rsa`` must not become weights)."""
    real = path.resolve()
    try:
        real.relative_to(folder.resolve())
    except ValueError:
        raise ReadError(Text.translate(
            "keras_io.checkpoint", "{label} links to a file outside its folder ({name}), which kbuilder refuses to read."
        ).format(label=label, name=path.name)) from None
    return real


class Bundle:
    """The index of a checkpoint (``prefix`` = ``.../variables/variables``)."""

    def __init__(self, prefix: Path, folder: Path, label: str) -> None:
        from .tf_protos import protos

        self.label = label
        self.folder = folder
        self.prefix = prefix
        self._pb = protos()
        index = inside(folder, Path(str(prefix) + ".index"), label)
        if not index.is_file():
            raise ReadError(Text.translate("keras_io.checkpoint", "{label} has no checkpoint index "
                                           "(variables/variables.index), so its weights are missing.").format(label=label))
        with open_regular(index) as fh:
            data = read_limited(fh, MAX_INDEX_BYTES, Text.translate("keras_io.checkpoint", "The checkpoint index of {label}")
                                .format(label=label))
        self.raw = self._table(data)
        self.entries: dict[str, Any] = {}
        header = self.raw.pop("", None)
        self.num_shards = 1
        if header is not None:
            h = self._pb.tensor_bundle_pb2.BundleHeaderProto()
            self._parse(h, header)
            if h.endianness != h.LITTLE:
                raise ReadError(Text.translate("keras_io.checkpoint", "The checkpoint of {label} was written big-endian, "
                                               "which kbuilder does not read.").format(label=label))
            self.num_shards = max(1, int(h.num_shards))
            if self.num_shards > MAX_SHARDS:
                raise _damaged(label)
        self._sizes: dict[int, int] = {}
        self.total = 0
        self.count = 0

    def _parse(self, message: Any, data: bytes) -> Any:
        try:
            message.ParseFromString(data)
        except Exception:  # noqa: BLE001 - protobuf's DecodeError and friends: the file is damaged
            raise _damaged(self.label) from None
        return message

    # ------------------------------------------------------------ table
    def _table(self, data: bytes) -> dict[str, bytes]:
        label = self.label
        if len(data) < FOOTER_BYTES or struct.unpack("<Q", data[-8:])[0] != TABLE_MAGIC:
            raise _damaged(label)
        footer = data[-FOOTER_BYTES:]
        _, pos = _varint(footer, 0, label)  # the metaindex block: filters, never needed
        _, pos = _varint(footer, pos, label)
        index_offset, pos = _varint(footer, pos, label)
        index_size, _ = _varint(footer, pos, label)
        out: dict[str, bytes] = {}
        for _key, handle in self._block(data, index_offset, index_size):
            offset, p = _varint(handle, 0, label)
            size, _ = _varint(handle, p, label)
            for key, value in self._block(data, offset, size):
                out[key.decode("utf-8", "replace")] = value
                if len(out) > 4 * MAX_ARRAYS:
                    raise ReadError(Text.translate("keras_io.checkpoint", "The checkpoint of {label} holds more tensors "
                                                   "than kbuilder reads.").format(label=label))
        return out

    def _block(self, data: bytes, offset: int, size: int) -> list[tuple[bytes, bytes]]:
        label = self.label
        end = offset + size
        if offset < 0 or end + 5 > len(data) or size < 4:
            raise _damaged(label)
        if data[end] != 0:  # the block trailer: compression type, then a checksum
            raise ReadError(Text.translate(
                "keras_io.checkpoint", "The checkpoint index of {label} is compressed, which no TensorFlow checkpoint "
                "is, so kbuilder does not read it.").format(label=label))
        block = data[offset:end]
        restarts = struct.unpack("<I", block[-4:])[0]
        limit = len(block) - 4 * (restarts + 1)
        if limit < 0:
            raise _damaged(label)
        entries: list[tuple[bytes, bytes]] = []
        pos, key = 0, b""
        while pos < limit:
            shared, pos = _varint(block, pos, label)
            unshared, pos = _varint(block, pos, label)
            length, pos = _varint(block, pos, label)
            if shared > len(key) or pos + unshared + length > limit:
                raise _damaged(label)
            key = key[:shared] + block[pos : pos + unshared]
            pos += unshared
            entries.append((key, block[pos : pos + length]))
            pos += length
        return entries

    # ------------------------------------------------------------ tensors
    def entry(self, key: str) -> Any:
        if key not in self.entries:
            raw = self.raw.get(key)
            if raw is None:
                raise ReadError(Text.translate("keras_io.checkpoint", "The checkpoint of {label} lacks the variable "
                                               "{key}, so it is incomplete.").format(label=self.label, key=repr(key)))
            self.entries[key] = self._parse(self._pb.tensor_bundle_pb2.BundleEntryProto(), raw)
        return self.entries[key]

    def _data_path(self, shard: int) -> Path:
        if not 0 <= shard < self.num_shards:
            raise _damaged(self.label)
        return inside(self.folder, Path(f"{self.prefix}.data-{shard:05d}-of-{self.num_shards:05d}"), self.label)

    def _bytes(self, entry: Any, expected: int | None) -> bytes:
        label = self.label
        size, offset = int(entry.size), int(entry.offset)
        if expected is not None and size != expected:
            raise ReadError(Text.translate(
                "keras_io.checkpoint", "A variable in the checkpoint of {label} declares {size} bytes for its "
                "shape's {expected}, so the file is damaged.").format(label=label, size=size, expected=expected))
        path = self._data_path(int(entry.shard_id))
        with open_regular(path) as fh:
            stored = os.fstat(fh.fileno()).st_size
            if offset < 0 or offset + size > stored:
                raise ReadError(Text.translate(
                    "keras_io.checkpoint", "A variable in the checkpoint of {label} lies beyond the end of its data "
                    "file ({size}), so the file is damaged or cut short.").format(label=label, size=human_size(stored)))
            fh.seek(offset)
            data = fh.read(size)
        if len(data) != size:
            raise _damaged(label)
        return data

    def array(self, key: str) -> Any:
        """A numeric variable as a numpy array, its size checked first."""
        import numpy as np

        entry = self.entry(key)
        if len(entry.slices):
            raise ReadError(Text.translate(
                "keras_io.checkpoint", "The checkpoint of {label} holds a variable split into parts (a partitioned "
                "variable), which kbuilder does not read.").format(label=self.label))
        name = DTYPES.get(int(entry.dtype))
        if name is None:
            raise ReadError(Text.translate(
                "keras_io.checkpoint", "The checkpoint of {label} holds a variable of a kind that is not numbers "
                "(TensorFlow type {dtype}), which kbuilder does not read.").format(label=self.label, dtype=int(entry.dtype)))
        dims = [int(d.size) for d in entry.shape.dim]
        if entry.shape.unknown_rank or any(d < 0 for d in dims):
            raise _damaged(self.label)
        count = 1
        for d in dims:
            count *= d
        itemsize = 2 if name == "bfloat16" else np.dtype(name).itemsize
        nbytes = count * itemsize
        self.count += 1
        self.total += nbytes
        if self.count > MAX_ARRAYS or self.total > MAX_WEIGHT_BYTES:
            raise ReadError(Text.translate(
                "keras_io.checkpoint", "The weights of {label} declare more than {size} or {count} arrays, more than "
                "kbuilder reads.").format(label=self.label, size=human_size(MAX_WEIGHT_BYTES), count=f"{MAX_ARRAYS:,}"))
        data = self._bytes(entry, nbytes)
        if name == "bfloat16":  # the top half of a float32
            wide = np.frombuffer(data, dtype="<u2").astype("<u4") << 16
            return wide.view("<f4").reshape(dims).copy()
        return np.frombuffer(data, dtype=np.dtype(name).newbyteorder("<")).reshape(dims).copy()

    def string(self, key: str) -> bytes:
        """A scalar string variable (the object graph): a varint length, a
        four-byte checksum, the bytes."""
        entry = self.entry(key)
        if int(entry.dtype) != DT_STRING or len(entry.shape.dim) or int(entry.size) > MAX_STRING_BYTES:
            raise _damaged(self.label)
        data = self._bytes(entry, None)
        length, pos = _varint(data, 0, self.label)
        pos += 4
        if pos + length > len(data):
            raise _damaged(self.label)
        return data[pos : pos + length]
