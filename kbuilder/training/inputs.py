"""Reading the user's own input for prediction: pictures, CSV rows, arrays, text.

Every read goes through :mod:`kbuilder.keras_io.file_guard` (regular files
only, never a pipe or a device, a byte budget), pictures are decoded by
Pillow only after their pixel count is checked, arrays are loaded with
``allow_pickle=False`` after a zip's declared sizes are checked, and
nothing in a file is ever executed.  Failures are :class:`InputError`, one
sentence for the user.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kbuilder.core.i18n import translate
from kbuilder.keras_io.file_guard import (
    MiB,
    ReadError,
    check_archive,
    check_member,
    human_size,
    open_regular,
    read_limited,
    read_regular,
)

MAX_IMAGE_BYTES = 64 * MiB
MAX_PIXELS = 40_000_000  # a 40-megapixel photo; decoding one takes ~160 MB
MAX_TABLE_BYTES = 64 * MiB
MAX_ARRAY_BYTES = 256 * MiB  # an .npy, or all of an .npz's arrays together
MAX_TEXT_BYTES = 1 * MiB

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")
TABLE_SUFFIXES = (".csv",)
ARRAY_SUFFIXES = (".npy", ".npz")
TEXT_SUFFIXES = (".txt",)
GREY = np.array([0.299, 0.587, 0.114], dtype="float32")  # ITU-R 601 luma, as Pillow's "L"


class InputError(Exception):
    """An input file that cannot be read; one sentence for the user."""


def _guarded(fn, *args):
    try:
        return fn(*args)
    except ReadError as exc:
        raise InputError(str(exc)) from None
    except OSError as exc:
        raise InputError(
            translate("training.inputs", "Cannot read {file}: {error}.").format(
                file=Path(args[0]).name, error=exc.strerror or exc
            )
        ) from None


# ------------------------------------------------------------------ pictures
def read_image(path: str | Path) -> np.ndarray:
    """A PNG/JPG/BMP picture as (height, width, channels) float32 in 0-255,
    with 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA) channels."""
    path = Path(path)
    data = _guarded(read_regular, path, MAX_IMAGE_BYTES)
    return decode_image(data, path.name)


def decode_image(data: bytes, name: str | None = None) -> np.ndarray:
    from PIL import Image, ImageOps, UnidentifiedImageError

    if name is None:
        name = translate("training.inputs", "the picture")

    try:
        with Image.open(io.BytesIO(data)) as im:
            w, h = im.size
            if w * h > MAX_PIXELS:
                raise InputError(
                    translate(
                        "training.inputs", "{file} has {width}×{height} pixels, more than kbuilder's limit of {limit}."
                    ).format(file=name, width=w, height=h, limit=f"{MAX_PIXELS:,}")
                )
            im = ImageOps.exif_transpose(im)  # a phone photo the right way up
            if im.mode in ("I;16", "I;16B", "I;16L", "I"):
                a = np.asarray(im, dtype="float32")
                return (a / 257.0 if a.max(initial=0) > 255 else a)[..., None]
            if im.mode == "F":
                return np.asarray(im, dtype="float32")[..., None]
            if im.mode not in ("L", "LA", "RGB", "RGBA"):
                im = im.convert(
                    "RGBA" if im.mode in ("P", "PA") or "transparency" in im.info else "L" if im.mode == "1" else "RGB"
                )
            a = np.asarray(im, dtype="float32")
    except UnidentifiedImageError:
        raise InputError(
            translate("training.inputs", "{file} is not a picture kbuilder can read (PNG, JPG or BMP).").format(
                file=name
            )
        ) from None
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InputError(
            translate("training.inputs", "{file} is a damaged picture ({error}).").format(file=name, error=exc)
        ) from None
    return a[..., None] if a.ndim == 2 else a


def fit_image(image, shape: tuple[int, int, int]) -> np.ndarray:
    """``image`` ((h, w) or (h, w, c), values 0-255, any size) as ``shape``
    (height, width, channels): channels converted (colour to grey by luma,
    grey repeated, alpha dropped or added), then resized (bilinear, with
    anti-aliasing when shrinking).  Values stay in 0-255."""
    a = np.asarray(image, dtype="float32")
    if a.ndim == 2:
        a = a[..., None]
    if a.ndim != 3 or a.shape[-1] not in (1, 2, 3, 4) or 0 in a.shape:
        raise ValueError(
            translate(
                "training.inputs", "a picture has the shape (height, width) or (height, width, channels), not {shape}"
            ).format(shape=a.shape)
        )
    h, w, c = (int(d) for d in shape)
    have = a.shape[-1]
    if have == 2:  # grey + alpha
        a, have = a[..., :1], 1
    if c in (1, 2) and have >= 3:
        a = (a[..., :3] @ GREY)[..., None]
    elif c in (3, 4) and have == 1:
        a = np.repeat(a, 3, axis=-1)
    elif c == 3 and have == 4:
        a = a[..., :3]
    if c == 4 and a.shape[-1] == 3:
        a = np.concatenate([a, np.full(a.shape[:2] + (1,), 255.0, "float32")], axis=-1)
    if c == 2:
        a = np.concatenate([a, np.full(a.shape[:2] + (1,), 255.0, "float32")], axis=-1)
    if a.shape[:2] != (h, w):
        from PIL import Image

        # A float32 plane is Pillow's mode "F": resized without rounding to bytes.
        a = np.stack(
            [
                np.asarray(
                    Image.fromarray(np.ascontiguousarray(a[..., i])).resize((w, h), Image.Resampling.BILINEAR),
                    dtype="float32",
                )
                for i in range(a.shape[-1])
            ],
            axis=-1,
        )
    return np.clip(a, 0.0, 255.0)


# --------------------------------------------------------------------- rows
@dataclass
class Table:
    """A CSV as read: the header's column names (or None) and the cells."""

    name: str
    header: list[str] | None
    rows: list[list[str]]

    @property
    def width(self) -> int:
        return len(self.rows[0])

    def numbers(self, columns: list[int] | None = None) -> np.ndarray:
        """The cells of ``columns`` (all by default) as float32 (rows, columns)."""
        columns = list(range(self.width)) if columns is None else columns
        values = np.empty((len(self.rows), len(columns)), dtype="float32")
        skip = self.header is not None
        for i, row in enumerate(self.rows):
            for k, j in enumerate(columns):
                try:
                    values[i, k] = float(row[j])
                except ValueError:
                    raise InputError(
                        translate(
                            "training.inputs", "Row {row}, column {column} of {file} is {cell}, not a number."
                        ).format(row=i + 1 + skip, column=j + 1, file=self.name, cell=repr(row[j].strip()[:40]))
                    ) from None
        return values


def read_table(path: str | Path) -> Table:
    """A CSV of rows: the first row is a header when any of its cells is
    not a number; commas, semicolons or tabs separate cells; every row must
    have as many cells as the first."""
    path = Path(path)
    data = _guarded(read_regular, path, MAX_TABLE_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            translate("training.inputs", "{file} is not a text CSV file (it is not UTF-8).").format(file=path.name)
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = "," if "," in first else ";" if ";" in first else "\t" if "\t" in first else ","
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if r and any(c.strip() for c in r)]
    if not rows:
        raise InputError(translate("training.inputs", "{file} is empty.").format(file=path.name))
    header = None
    if not all(_is_number(c) for c in rows[0]):
        header, rows = [c.strip() for c in rows[0]], rows[1:]
    if not rows:
        raise InputError(
            translate("training.inputs", "{file} has a header row but no rows of numbers.").format(file=path.name)
        )
    for i, row in enumerate(rows):
        if len(row) != len(rows[0]):
            raise InputError(
                translate(
                    "training.inputs",
                    "Row {row} of {file} has {cells} cells, the first row {first}: every row needs the same number.",
                ).format(row=i + 1 + (header is not None), file=path.name, cells=len(row), first=len(rows[0]))
            )
    return Table(path.name, header, rows)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# ------------------------------------------------------------------- arrays
def read_arrays(path: str | Path) -> dict[str, np.ndarray]:
    """The arrays of an ``.npy`` (named after the file) or an ``.npz``,
    loaded with ``allow_pickle=False`` after their sizes are checked."""
    path = Path(path)
    try:
        with open_regular(path) as fh:
            if path.suffix.lower() == ".npz":
                return _read_npz(fh, path.name)
            data = read_limited(fh, MAX_ARRAY_BYTES, path.name)
        return {path.stem: _load(io.BytesIO(data), path.name)}
    except ReadError as exc:
        raise InputError(str(exc)) from None
    except OSError as exc:
        raise InputError(
            translate("training.inputs", "Cannot read {file}: {error}.").format(
                file=path.name, error=exc.strerror or exc
            )
        ) from None


def _read_npz(fh, name: str) -> dict[str, np.ndarray]:
    try:
        zf = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, OSError):
        raise InputError(
            translate("training.inputs", "{file} is not an .npz file (not a zip archive).").format(file=name)
        ) from None
    with zf:
        check_archive(zf, name)
        infos = [i for i in zf.infolist() if not i.is_dir()]
        total = sum(i.file_size for i in infos)
        if total > MAX_ARRAY_BYTES:
            raise InputError(
                translate(
                    "training.inputs", "{file} holds {size} of arrays, more than kbuilder's limit of {limit}."
                ).format(file=name, size=human_size(total), limit=human_size(MAX_ARRAY_BYTES))
            )
        out = {}
        for info in infos:
            check_member(info, name, MAX_ARRAY_BYTES)
            if not info.filename.endswith(".npy"):
                continue
            with zf.open(info) as member:
                out[info.filename[:-4]] = _load(io.BytesIO(read_limited(member, info.file_size, name)), name)
    if not out:
        raise InputError(translate("training.inputs", "{file} holds no arrays.").format(file=name))
    return out


def _load(buf: io.BytesIO, name: str) -> np.ndarray:
    try:
        a = np.load(buf, allow_pickle=False)
    except ValueError as exc:
        if "pickle" in str(exc).lower():
            raise InputError(
                translate(
                    "training.inputs", "{file} holds Python objects, which kbuilder never loads; save plain numbers."
                ).format(file=name)
            ) from None
        raise InputError(
            translate("training.inputs", "{file} is a damaged array file ({error}).").format(file=name, error=exc)
        ) from None
    except (OSError, EOFError) as exc:
        raise InputError(
            translate("training.inputs", "{file} is a damaged array file ({error}).").format(file=name, error=exc)
        ) from None
    if not isinstance(a, np.ndarray):
        raise InputError(
            translate("training.inputs", "{file} holds something other than plain numbers.").format(file=name)
        )
    if a.dtype.kind not in "biuf":
        raise InputError(
            translate("training.inputs", "{file} holds {dtype} values, not numbers.").format(file=name, dtype=a.dtype)
        )
    return a


# --------------------------------------------------------------------- text
def read_text(path: str | Path) -> str:
    path = Path(path)
    data = _guarded(read_regular, path, MAX_TEXT_BYTES)
    return data.decode("utf-8-sig", errors="replace")
