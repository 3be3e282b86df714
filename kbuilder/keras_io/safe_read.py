"""Read a model file's architecture and weights in a child process.

libhdf5 parses untrusted bytes and still receives memory-safety fixes, so
an ``.h5`` (or the ``model.weights.h5`` inside a ``.keras`` zip) is never
opened in the application's own process: :func:`read_model_file` starts
``python -c`` running :func:`child_main`, with a time limit and a memory
cap.  A crash or a hang there costs the child, not the app.

The child imports only ``h5py``, ``numpy``, ``json`` and ``zipfile``; it
executes nothing from the file.  It writes plain data into a temporary
folder: ``result.json`` (the config text, file metadata, the weight
manifest) and ``weights.npz`` (numeric arrays only), which the parent loads
with ``allow_pickle=False``.

Raw weight layouts handed back (mapped to layer names by
:mod:`kbuilder.keras_io.weights`):

* ``"h5"``: ``{"groups": [{"name": top_level_group, "weights": [[weight_name, key], ...]}]}``
  in ``layer_names`` order (Keras 2 and Keras 3 ``model.save("x.h5")``).
* ``"keras"``: ``{"groups": [{"path": "layers/dense", "name": attr_or_None, "vars": [key, ...]}]}``
  (``model.weights.h5`` inside a ``.keras`` zip, any Keras version).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Limits on what the child accepts from a file.
MAX_CONFIG_BYTES = 64 * 1024 * 1024
MAX_WEIGHT_BYTES = 8 * 1024 * 1024 * 1024
MAX_ARRAYS = 200_000
HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
ZIP_SIGNATURE = b"PK\x03\x04"
WEIGHTS_FORMAT = "kbuilder-weights"


class ReadError(Exception):
    """The file cannot be read; the message is one sentence for the user."""


@dataclass
class RawModelFile:
    kind: str  # "h5" | "keras"
    config_text: str | None
    keras_version: str | None = None
    backend: str | None = None
    weights_layout: dict[str, Any] | None = None
    arrays: dict[str, Any] = field(default_factory=dict)
    weights_only: bool = False
    info: dict[str, Any] = field(default_factory=dict)


# ------------------------------------------------------------------ parent side
def sniff(path: Path) -> str:
    """``"hdf5"``, ``"zip"``, ``"json"``, ``"directory"`` or ``"unknown"`` from the first bytes."""
    if Path(path).is_dir():
        return "directory"
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if head.startswith(HDF5_SIGNATURE):
        return "hdf5"
    if head.startswith(ZIP_SIGNATURE):
        return "zip"
    if head.lstrip()[:1] in (b"{", b"["):
        return "json"
    return "unknown"


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])


def read_model_file(path: str | os.PathLike[str], timeout: float = 30.0, with_weights: bool = True) -> RawModelFile:
    """Parse ``path`` (an HDF5 file or a ``.keras`` zip) in a child process.

    Raises :class:`ReadError` with a one-sentence message when the file is
    damaged, hostile, too slow to read, or crashes the reader."""
    path = Path(path)
    name = path.name
    with tempfile.TemporaryDirectory(prefix="kbuilder-read-") as out:
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "from kbuilder.keras_io.safe_read import child_main; "
            "sys.exit(child_main(sys.argv[2], sys.argv[3], sys.argv[4] == '1'))"
        )
        env = dict(os.environ)
        # The child needs no threads, GPU or TensorFlow.
        env.update({"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                    "CUDA_VISIBLE_DEVICES": "", "PYTHONHASHSEED": "0"})
        env.pop("PYTHONSTARTUP", None)
        argv = [sys.executable, "-c", code, _package_root(), str(path), out, "1" if with_weights else "0"]
        try:
            proc = subprocess.run(
                argv, stdin=subprocess.DEVNULL, capture_output=True,
                timeout=timeout, env=env, check=False,
            )
        except subprocess.TimeoutExpired:
            raise ReadError(
                f"Reading {name} took longer than {timeout:g} seconds, so it was stopped: the file may be damaged."
            ) from None
        except OSError as exc:
            raise ReadError(f"Could not start the file reader for {name}: {exc.strerror or exc}.") from None
        result_path = Path(out) / "result.json"
        if proc.returncode != 0 or not result_path.exists():
            if proc.returncode < 0:
                raise ReadError(
                    f"The file reader crashed on {name} (signal {-proc.returncode}): the file is damaged "
                    "or was made to attack the HDF5 library, and nothing from it was loaded."
                )
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            if "MemoryError" in tail[0]:
                raise ReadError(f"{name} asks for more memory than kbuilder allows, so it was not opened.")
            raise ReadError(f"The file reader failed on {name}; the file may be damaged.")
        try:
            result = json.loads(result_path.read_text("utf-8"))
        except (OSError, ValueError, RecursionError):
            raise ReadError(f"The file reader returned nothing usable for {name}.") from None
        if result.get("error"):
            raise ReadError(str(result["error"]))
        arrays: dict[str, Any] = {}
        npz = Path(out) / "weights.npz"
        if npz.exists():
            import numpy as np

            with np.load(npz, allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
        return RawModelFile(
            kind=result["kind"],
            config_text=result.get("config"),
            keras_version=result.get("keras_version"),
            backend=result.get("backend"),
            weights_layout=result.get("weights"),
            arrays=arrays,
            weights_only=bool(result.get("weights_only")),
            info=result.get("info") or {},
        )


# ------------------------------------------------------------------- child side
def _limit_resources() -> None:
    try:
        import resource

        # No core dumps of a crashed parser; a cap on memory for hostile sizes.
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        cap = int(os.environ.get("KBUILDER_READER_MEMORY", str(16 * 1024**3)))
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard if hard != resource.RLIM_INFINITY else cap))
    except (ImportError, ValueError, OSError):
        pass


def _attr_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if hasattr(value, "tolist"):
        value = value.tolist()
        if isinstance(value, bytes):
            return value.decode("utf-8", "replace")
    return value if isinstance(value, str) else str(value)


def _attr_list(value: Any) -> list[str]:
    if value is None:
        return []
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (str, bytes)):
        value = [value]
    out = []
    for v in value:
        out.append(v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v))
    return out


class _Arrays:
    def __init__(self) -> None:
        self.arrays: dict[str, Any] = {}
        self.total = 0

    def add(self, dataset: Any) -> str:
        import h5py
        import numpy as np

        if not isinstance(dataset, h5py.Dataset):
            raise ReadError("A weight in the file is not an array, so the file is damaged.")
        # Data kept in other files (external storage, virtual datasets) could
        # pull any file on this computer into the model: refuse it.
        if dataset.external or dataset.is_virtual:
            raise ReadError("A weight in the file points to data outside it, which kbuilder refuses to read.")
        dt = dataset.dtype
        if dt.kind not in "biuf" or dt.itemsize > 16:
            raise ReadError("A weight in the file is not numeric, so the file is damaged or not a Keras model.")
        size = int(np.prod(dataset.shape, dtype=np.int64)) * dt.itemsize if dataset.shape else dt.itemsize
        self.total += size
        if self.total > MAX_WEIGHT_BYTES or len(self.arrays) >= MAX_ARRAYS:
            raise ReadError("The file's weights are larger than kbuilder accepts.")
        key = f"a{len(self.arrays)}"
        self.arrays[key] = np.asarray(dataset[()])
        return key


def _read_h5(path: str, with_weights: bool) -> dict[str, Any]:
    import h5py

    with h5py.File(path, "r") as f:
        attrs = f.attrs
        result: dict[str, Any] = {"kind": "h5"}
        result["keras_version"] = _attr_text(attrs.get("keras_version"))
        result["backend"] = _attr_text(attrs.get("backend"))
        config = attrs.get("model_config")
        if config is None:
            # Weights only: model.save_weights("x.h5") (Keras 2), x.weights.h5
            # (Keras 3) or the weights kbuilder keeps beside a project.
            if _attr_text(attrs.get("format")) == WEIGHTS_FORMAT:
                result["weights_only"] = True
                if with_weights:
                    arrays = _Arrays()
                    groups = []
                    for key in sorted(f["layers"].keys(), key=lambda k: int(k) if k.isdigit() else -1):
                        g = f["layers"][key]
                        n = len([k for k in g.keys() if k.isdigit()])
                        groups.append({"name": _attr_text(g.attrs.get("name")),
                                       "weights": [[str(i), arrays.add(g[str(i)])] for i in range(n)]})
                    result["weights"] = {"layout": "h5", "groups": groups}
                    result["_arrays"] = arrays.arrays
                return result
            if "layer_names" in attrs or "layers" in f or "vars" in f or "model_weights" in f:
                result["weights_only"] = True
                if with_weights and "layer_names" in attrs:
                    arrays = _Arrays()
                    result["weights"] = {"layout": "h5", "groups": _h5_groups(f, arrays)}
                    result["_arrays"] = arrays.arrays
                elif with_weights and "layers" in f:
                    arrays = _Arrays()
                    result["weights"] = {"layout": "keras", "groups": _keras_weight_groups(f, arrays)}
                    result["_arrays"] = arrays.arrays
                return result
            result["error"] = f"{Path(path).name} is an HDF5 file but holds no Keras model."
            return result
        text = _attr_text(config)
        if text is None or len(text) > MAX_CONFIG_BYTES:
            result["error"] = f"The model description in {Path(path).name} is too large or unreadable."
            return result
        json.loads(text)  # raises if damaged
        result["config"] = text
        if not with_weights:
            return result
        arrays = _Arrays()
        group = f["model_weights"] if "model_weights" in f else f
        if "keras_version" in group.attrs and result["keras_version"] is None:
            result["keras_version"] = _attr_text(group.attrs.get("keras_version"))
        result["weights"] = {"layout": "h5", "groups": _h5_groups(group, arrays)}
        result["_arrays"] = arrays.arrays
        return result


def _check_link(group: Any, path: str) -> None:
    """Refuse links to other files along ``path`` (HDF5 external links)."""
    import h5py

    parts = [p for p in path.split("/") if p]
    for i in range(1, len(parts) + 1):
        sub = "/".join(parts[:i])
        link = group.get(sub, getlink=True)
        if link is None:
            return
        if isinstance(link, h5py.ExternalLink):
            raise ReadError("A weight in the file points to another file, which kbuilder refuses to read.")


def _h5_groups(group: Any, arrays: _Arrays) -> list[dict[str, Any]]:
    """Keras's legacy HDF5 weights: ``layer_names``, then per layer ``weight_names``."""
    groups = []
    for lname in _attr_list(group.attrs.get("layer_names")):
        _check_link(group, lname)
        if lname not in group:
            continue
        g = group[lname]
        entries = []
        for wname in _attr_list(g.attrs.get("weight_names")):
            _check_link(g, wname)
            if wname not in g:
                raise ReadError(f"The weights of layer {lname!r} are incomplete, so the file is damaged.")
            entries.append([wname, arrays.add(g[wname])])
        groups.append({"name": lname, "weights": entries})
    return groups


def _keras_weight_groups(h5file: Any, arrays: _Arrays) -> list[dict[str, Any]]:
    import h5py

    groups: list[dict[str, Any]] = []

    def visit(name: str, obj: Any) -> None:
        if isinstance(obj, h5py.Group) and name.split("/")[-1] == "vars":
            keys = sorted(obj.keys(), key=lambda k: (0, int(k)) if k.isdigit() else (1, k))
            if not keys and "name" not in obj.attrs:
                return
            parent = name[: -len("vars")].rstrip("/")
            groups.append({
                "path": parent,
                "name": _attr_text(obj.attrs.get("name")),
                "vars": [arrays.add(obj[k]) for k in keys],
            })

    h5file.visititems(visit)
    return groups


def _read_keras(path: str, out: str, with_weights: bool) -> dict[str, Any]:
    name = Path(path).name
    result: dict[str, Any] = {"kind": "keras"}
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        result["error"] = f"{name} is not a complete .keras file (the zip archive is damaged or cut short)."
        return result
    with zf:
        names = set(zf.namelist())
        if "config.json" not in names:
            if any(n.endswith(".weights.h5") or n.endswith("variables/variables.index") for n in names):
                result["weights_only"] = True
                return result
            result["error"] = f"{name} is a zip archive but not a Keras model (it has no config.json)."
            return result
        info = zf.getinfo("config.json")
        if info.file_size > MAX_CONFIG_BYTES:
            result["error"] = f"The model description in {name} is larger than kbuilder accepts."
            return result
        text = zf.read("config.json").decode("utf-8")
        json.loads(text)
        result["config"] = text
        if "metadata.json" in names and zf.getinfo("metadata.json").file_size < 1024 * 1024:
            try:
                meta = json.loads(zf.read("metadata.json").decode("utf-8"))
                if isinstance(meta, dict):
                    result["keras_version"] = _attr_text(meta.get("keras_version"))
            except ValueError:
                pass
        if not with_weights or "model.weights.h5" not in names:
            if with_weights and any(n.startswith("model.weights") for n in names):
                result["info"] = {"weights_note": "sharded or unusual weights store"}
            return result
        winfo = zf.getinfo("model.weights.h5")
        if winfo.file_size > MAX_WEIGHT_BYTES:
            result["error"] = f"The weights in {name} are larger than kbuilder accepts."
            return result
        target = Path(out) / "model.weights.h5"
        with zf.open(winfo) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
    import h5py

    arrays = _Arrays()
    with open(target, "rb") as fh:
        if fh.read(8) != HDF5_SIGNATURE:
            result["error"] = f"The weights inside {name} are damaged."
            return result
    with h5py.File(target, "r") as f:
        result["weights"] = {"layout": "keras", "groups": _keras_weight_groups(f, arrays)}
    os.unlink(target)
    result["_arrays"] = arrays.arrays
    return result


def _read_keras_dir(path: str, with_weights: bool) -> dict[str, Any]:
    """A model saved unzipped (Keras 3 ``model.save(path, zipped=False)``)."""
    folder = Path(path)
    result: dict[str, Any] = {"kind": "keras"}
    config = folder / "config.json"
    if not config.is_file() or config.stat().st_size > MAX_CONFIG_BYTES:
        result["error"] = f"The folder {folder.name} holds no Keras model (no config.json)."
        return result
    text = config.read_text("utf-8")
    json.loads(text)
    result["config"] = text
    meta = folder / "metadata.json"
    if meta.is_file() and meta.stat().st_size < 1024 * 1024:
        try:
            data = json.loads(meta.read_text("utf-8"))
            if isinstance(data, dict):
                result["keras_version"] = _attr_text(data.get("keras_version"))
        except ValueError:
            pass
    weights = folder / "model.weights.h5"
    if with_weights and weights.is_file():
        import h5py

        with open(weights, "rb") as fh:
            if fh.read(8) != HDF5_SIGNATURE:
                result["error"] = f"The weights in {folder.name} are damaged."
                return result
        arrays = _Arrays()
        with h5py.File(weights, "r") as f:
            result["weights"] = {"layout": "keras", "groups": _keras_weight_groups(f, arrays)}
        result["_arrays"] = arrays.arrays
    return result


def child_main(path: str, out: str, with_weights: bool = True) -> int:
    """Entry point of the child process; writes ``result.json`` (and
    ``weights.npz``) into ``out``."""
    _limit_resources()
    # Lets the tests prove that a reader which crashes or hangs costs only the child.
    selftest = os.environ.get("KBUILDER_READER_SELFTEST")
    if selftest == "crash":
        os.abort()
    elif selftest == "hang":
        import time

        time.sleep(3600)
    result: dict[str, Any]
    name = Path(path).name
    try:
        kind = sniff(Path(path))
        if kind == "hdf5":
            result = _read_h5(path, with_weights)
        elif kind == "directory":
            result = _read_keras_dir(path, with_weights)
        elif kind == "zip":
            result = _read_keras(path, out, with_weights)
        else:
            result = {"error": f"{name} is neither an HDF5 (.h5) file nor a .keras archive."}
    except ReadError as exc:
        result = {"error": str(exc)}
    except MemoryError:
        result = {"error": f"{name} asks for more memory than kbuilder allows, so it was not opened."}
    except (ValueError, RecursionError) as exc:
        if "JSON" in type(exc).__name__ or isinstance(exc, (json.JSONDecodeError, RecursionError)):
            result = {"error": f"The model description in {name} is damaged (it is not valid JSON)."}
        else:
            result = {"error": f"{name} is damaged or cut short, so it cannot be read."}
    except (OSError, KeyError, TypeError, zipfile.BadZipFile, UnicodeDecodeError, EOFError):
        result = {"error": f"{name} is damaged or cut short, so it cannot be read."}
    arrays = result.pop("_arrays", None)
    if arrays:
        import numpy as np

        np.savez(os.path.join(out, "weights.npz"), **arrays)
    with open(os.path.join(out, "result.json"), "w", encoding="utf-8") as fh:
        json.dump(result, fh)
    return 0
