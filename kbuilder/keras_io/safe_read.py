"""Read a model file's architecture and weights in a child process.

libhdf5 parses untrusted bytes and still receives memory-safety fixes, so
an ``.h5`` (or the ``model.weights.h5`` inside a ``.keras`` zip) is never
opened in the application's own process: :func:`read_model_file` starts
``python -c`` running :func:`~kbuilder.keras_io.read_child.child_main`,
with a time limit and a memory cap.  A crash or a hang there costs the
child, not the app.  The child
also does the sniffing: the application's process looks at the path's
inode (a regular file? :func:`~kbuilder.keras_io.file_guard.check_path`)
and never reads the file's content itself.

The child imports only ``h5py``, ``numpy``, ``json`` and ``zipfile``; it
executes nothing from the file.  Every path, zip member and HDF5 object
goes through :mod:`~kbuilder.keras_io.file_guard` and
:mod:`~kbuilder.keras_io.h5_guard` (regular files only, sizes checked
before reading, no link leaves the file).  It writes plain data into a
temporary folder: ``result.json`` (the config text, file metadata, the
weight manifest) and ``weights.npz`` (numeric arrays only), which the
parent loads with ``allow_pickle=False``.

Raw weight layouts handed back (mapped to layer names by
:mod:`kbuilder.keras_io.weights`):

* ``"h5"``: ``{"groups": [{"name": top_level_group, "weights": [[weight_name, key], ...]}]}``
  in ``layer_names`` order (Keras 2 and Keras 3 ``model.save("x.h5")``).
* ``"keras"``: ``{"groups": [{"path": "layers/dense", "name": attr_or_None, "vars": [key, ...]}]}``
  (``model.weights.h5`` inside a ``.keras`` zip, any Keras version).

A file whose content is JSON comes back as ``kind="json"`` with its text,
for the caller to parse.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .file_guard import ReadError, Text, check_path
from .h5_guard import MAX_ARRAYS, MAX_WEIGHT_BYTES
from .read_child import MAX_CONFIG_BYTES, SNIFF_BYTES, WEIGHTS_FORMAT, sniff_bytes

__all__ = [
    "MAX_ARRAYS", "MAX_CONFIG_BYTES", "MAX_WEIGHT_BYTES", "RawModelFile", "ReadError", "SNIFF_BYTES", "WEIGHTS_FORMAT",
    "read_model_file", "sniff_bytes",
]


@dataclass
class RawModelFile:
    kind: str  # "h5" | "keras" | "json" | "saved_model"
    config_text: str | None
    keras_version: str | None = None
    backend: str | None = None
    weights_layout: dict[str, Any] | None = None
    arrays: dict[str, Any] = field(default_factory=dict)
    weights_only: bool = False
    info: dict[str, Any] = field(default_factory=dict)


# ------------------------------------------------------------------ parent side
def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    # The child needs no threads, GPU or TensorFlow, and loads no HDF5 filter
    # plugin (a shared library) whatever a dataset asks for ("::" disables them).
    env.update({"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                "CUDA_VISIBLE_DEVICES": "", "PYTHONHASHSEED": "0", "HDF5_PLUGIN_PRELOAD": "::"})
    env.pop("PYTHONSTARTUP", None)
    return env


def read_model_file(path: str | os.PathLike[str], timeout: float = 30.0, with_weights: bool = True) -> RawModelFile:
    """Parse ``path`` (an HDF5 file, a ``.keras`` zip or folder, a ``.json``
    model, a Keras 2 SavedModel folder or its ``saved_model.pb``) in a child process.

    Raises :class:`ReadError` with a one-sentence message when the file is
    missing, not a regular file, damaged, hostile, too slow to read, or
    crashes the reader."""
    path = Path(path)
    name = path.name
    check_path(path)  # a pipe or a device is refused before anything opens it
    with tempfile.TemporaryDirectory(prefix="kbuilder-read-") as out:
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "from kbuilder.keras_io.read_child import child_main; "
            "sys.exit(child_main(sys.argv[2], sys.argv[3], sys.argv[4] == '1'))"
        )
        argv = [sys.executable, "-c", code, _package_root(), str(path), out, "1" if with_weights else "0"]
        try:
            proc = subprocess.run(
                argv, stdin=subprocess.DEVNULL, capture_output=True,
                timeout=timeout, env=_child_env(), check=False,
            )
        except subprocess.TimeoutExpired:
            raise ReadError(Text.translate(
                "keras_io.safe_read", "Reading {name} took longer than {seconds} seconds, so it was stopped: the file "
                "may be damaged.").format(name=name, seconds=f"{timeout:g}")) from None
        except OSError as exc:
            raise ReadError(Text.translate("keras_io.safe_read", "Could not start the file reader for {name}: "
                                           "{reason}.").format(name=name, reason=exc.strerror or str(exc))) from None
        result_path = Path(out) / "result.json"
        if proc.returncode != 0 or not result_path.exists():
            if proc.returncode < 0:
                raise ReadError(Text.translate(
                    "keras_io.safe_read", "The file reader crashed on {name} (signal {signal}): the file is damaged "
                    "or was made to attack the HDF5 library, and nothing from it was loaded.").format(
                        name=name, signal=-proc.returncode))
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            if "MemoryError" in tail[0]:
                raise ReadError(Text.translate("keras_io.safe_read", "{name} asks for more memory than kbuilder allows, "
                                               "so it was not opened.").format(name=name))
            raise ReadError(Text.translate("keras_io.safe_read", "The file reader failed on {name}; the file may be "
                                           "damaged.").format(name=name))
        try:
            result = json.loads(result_path.read_text("utf-8"))
            if not isinstance(result, dict):
                raise ValueError
        except (OSError, ValueError, RecursionError):
            raise ReadError(Text.translate("keras_io.safe_read", "The file reader returned nothing usable for "
                                           "{name}.").format(name=name)) from None
        if result.get("error"):
            # The child has no translator: its sentence comes untranslated and is translated here.
            raise ReadError(Text.from_json(result.get("error_text")) or str(result["error"]))
        return RawModelFile(
            kind=result["kind"],
            config_text=result.get("config"),
            keras_version=result.get("keras_version"),
            backend=result.get("backend"),
            weights_layout=result.get("weights"),
            arrays=_load_arrays(Path(out) / "weights.npz", name),
            weights_only=bool(result.get("weights_only")),
            info=result.get("info") or {},
        )


def _load_arrays(npz: Path, name: str) -> dict[str, Any]:
    if not npz.exists():
        return {}
    import numpy as np

    try:
        with np.load(npz, allow_pickle=False) as data:
            return {k: data[k] for k in data.files}
    except (OSError, ValueError, zipfile.BadZipFile, EOFError):
        raise ReadError(Text.translate("keras_io.safe_read", "The file reader returned unusable weights for "
                                       "{name}.").format(name=name)) from None
