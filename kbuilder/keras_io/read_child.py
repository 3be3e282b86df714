"""The reader child: sniffs and reads a model file, writes plain data.

Runs only in the process that :func:`kbuilder.keras_io.safe_read.read_model_file`
starts (``python -c ... child_main``), under a memory cap and a time limit.
It imports ``h5py``, ``numpy``, ``json`` and ``zipfile`` (and, for a
SavedModel folder, ``google.protobuf`` with TensorFlow's generated message
classes, never TensorFlow itself: :mod:`~kbuilder.keras_io.saved_model`);
it executes nothing from the file.  Every path, zip member and HDF5 object
goes through :mod:`~kbuilder.keras_io.file_guard` and
:mod:`~kbuilder.keras_io.h5_guard` before it is read.  The result is ``result.json`` in the output folder
(``{"error": sentence}`` or the kind, config text, weight layout) and
``weights.npz`` (numeric arrays only).
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

from .file_guard import (
    MiB,
    ReadError,
    Text,
    check_archive,
    check_path,
    extract_member,
    open_regular,
    read_limited,
    read_member,
)
from .h5_guard import ArrayReader, H5Guard
from .saved_model import read_saved_model, saved_model_folder

MAX_CONFIG_BYTES = 64 * MiB  # config.json, model_config, a .json model
MAX_METADATA_BYTES = 1 * MiB
HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
ZIP_SIGNATURE = b"PK\x03\x04"
WEIGHTS_FORMAT = "kbuilder-weights"
SNIFF_BYTES = 1024


def sniff_bytes(head: bytes) -> str:
    """``"hdf5"``, ``"zip"``, ``"json"`` or ``"unknown"`` from a file's first bytes."""
    if head.startswith(HDF5_SIGNATURE):
        return "hdf5"
    if head.startswith(ZIP_SIGNATURE):
        return "zip"
    if head.lstrip()[:1] in (b"{", b"["):
        return "json"
    return "unknown"


def _error(text: Text) -> dict[str, Any]:
    """The result for a file that cannot be read: the sentence in English,
    and untranslated (``error_text``) for the application to translate."""
    return {"error": str(text), "error_text": text.to_json()}


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
    if not isinstance(value, list):
        return [str(value)]
    out = []
    for v in value:
        out.append(v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v))
    return out


def _same_file(fh: Any, path: str | Path) -> str:
    """A name for libhdf5 that opens the very file ``fh`` holds (checked to
    be a regular file), so that the path cannot be swapped for a pipe in
    between; the path itself where ``/proc`` is missing."""
    proc = f"/proc/self/fd/{fh.fileno()}"
    return proc if os.path.exists(proc) else str(path)


def _open_h5(fh: Any, path: str | Path, label: str) -> tuple[Any, H5Guard]:
    import h5py

    f = h5py.File(_same_file(fh, path), "r")
    guard = H5Guard(f, label)
    try:
        guard.scan()  # every link and dataset of the file, before anything is read
    except BaseException:
        f.close()
        raise
    return f, guard


def _read_h5(fh: Any, path: str, size: int, with_weights: bool) -> dict[str, Any]:
    import h5py

    name = Path(path).name
    f, guard = _open_h5(fh, path, name)
    with f:
        attrs = f.attrs
        result: dict[str, Any] = {"kind": "h5"}
        result["keras_version"] = _attr_text(attrs.get("keras_version"))
        result["backend"] = _attr_text(attrs.get("backend"))
        config = attrs.get("model_config")
        if config is None:
            # Weights only: model.save_weights("x.h5") (Keras 2), x.weights.h5
            # (Keras 3) or the weights kbuilder keeps beside a project.
            layers = guard.resolve(f, "layers")
            if _attr_text(attrs.get("format")) == WEIGHTS_FORMAT:
                result["weights_only"] = True
                if with_weights:
                    arrays = ArrayReader(guard, size)
                    result["weights"] = {"layout": "h5", "groups": _kbuilder_groups(guard, layers, arrays)}
                    result["_arrays"] = arrays.arrays
                return result
            if "layer_names" in attrs or layers is not None or any(
                guard.resolve(f, key) is not None for key in ("vars", "model_weights")
            ):
                result["weights_only"] = True
                if with_weights and "layer_names" in attrs:
                    arrays = ArrayReader(guard, size)
                    result["weights"] = {"layout": "h5", "groups": _h5_groups(guard, f, arrays)}
                    result["_arrays"] = arrays.arrays
                elif with_weights and layers is not None:
                    arrays = ArrayReader(guard, size)
                    result["weights"] = {"layout": "keras", "groups": _keras_weight_groups(guard, arrays)}
                    result["_arrays"] = arrays.arrays
                return result
            result.update(_error(Text.translate("keras_io.read_child", "{name} is an HDF5 file but holds no Keras "
                                                "model.").format(name=name)))
            return result
        text = _attr_text(config)
        if text is None or len(text) > MAX_CONFIG_BYTES:
            result.update(_error(Text.translate("keras_io.read_child", "The model description in {name} is too "
                                                "large or unreadable.").format(name=name)))
            return result
        json.loads(text)  # raises if damaged
        result["config"] = text
        if not with_weights:
            return result
        arrays = ArrayReader(guard, size)
        group = guard.resolve(f, "model_weights") or f
        if not isinstance(group, h5py.Group):
            raise ReadError(Text.translate("keras_io.read_child", "The weights in {name} are not a group of arrays, so "
                                           "the file is damaged.").format(name=name))
        if "keras_version" in group.attrs and result["keras_version"] is None:
            result["keras_version"] = _attr_text(group.attrs.get("keras_version"))
        result["weights"] = {"layout": "h5", "groups": _h5_groups(guard, group, arrays)}
        result["_arrays"] = arrays.arrays
        return result


def _kbuilder_groups(guard: H5Guard, layers: Any, arrays: ArrayReader) -> list[dict[str, Any]]:
    """kbuilder's own weights file: ``layers/<i>/<j>`` arrays, the layer name as an attribute."""
    import h5py

    if not isinstance(layers, h5py.Group):
        raise ReadError(Text.translate("keras_io.read_child", "{label} is a kbuilder weights file without its layers, "
                                       "so it is damaged.").format(label=guard.label))
    groups = []
    keys = [k.decode("utf-8", "replace") for k in layers.id]
    for key in sorted(keys, key=lambda k: int(k) if k.isdigit() else -1):
        g = guard.resolve(layers, key)
        if not isinstance(g, h5py.Group):
            continue
        n = len([k for k in g.id if k.isdigit()])
        groups.append({"name": _attr_text(g.attrs.get("name")),
                       "weights": [[str(i), arrays.add(guard.resolve(g, str(i)))] for i in range(n)]})
    return groups


def _h5_groups(guard: H5Guard, group: Any, arrays: ArrayReader) -> list[dict[str, Any]]:
    """Keras's legacy HDF5 weights: ``layer_names``, then per layer ``weight_names``."""
    import h5py

    groups = []
    for lname in _attr_list(group.attrs.get("layer_names")):
        g = guard.resolve(group, lname)
        if g is None:
            continue
        if not isinstance(g, h5py.Group):
            raise ReadError(Text.translate("keras_io.read_child", "The weights of layer {layer} are not a group of "
                                           "arrays, so the file is damaged.").format(layer=repr(lname)))
        entries = []
        for wname in _attr_list(g.attrs.get("weight_names")):
            dataset = guard.resolve(g, wname)
            if dataset is None:
                raise ReadError(Text.translate("keras_io.read_child", "The weights of layer {layer} are incomplete, "
                                               "so the file is damaged.").format(layer=repr(lname)))
            entries.append([wname, arrays.add(dataset)])
        groups.append({"name": lname, "weights": entries})
    return groups


def _keras_weight_groups(guard: H5Guard, arrays: ArrayReader) -> list[dict[str, Any]]:
    """Keras 3's weights store: every ``.../vars`` group's arrays ``0, 1, ...``."""
    groups: list[dict[str, Any]] = []
    for name, obj in guard.groups():
        if name.split("/")[-1] != "vars":
            continue
        keys = sorted((k.decode("utf-8", "replace") for k in obj.id), key=lambda k: (0, int(k)) if k.isdigit() else (1, k))
        if not keys and "name" not in obj.attrs:
            continue
        parent = name[: -len("vars")].rstrip("/")
        groups.append({
            "path": parent,
            "name": _attr_text(obj.attrs.get("name")),
            "vars": [arrays.add(guard.resolve(obj, k)) for k in keys],
        })
    return groups


def _read_weights_store(path: Path, label: str, result: dict[str, Any]) -> dict[str, Any]:
    """A ``model.weights.h5`` (extracted from a zip, or in an unzipped folder)."""
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if fh.read(8) != HDF5_SIGNATURE:
            result.update(_error(Text.translate("keras_io.read_child", "The weights inside {label} are "
                                                "damaged.").format(label=label)))
            return result
        f, guard = _open_h5(fh, path, label)
        with f:
            arrays = ArrayReader(guard, size)
            result["weights"] = {"layout": "keras", "groups": _keras_weight_groups(guard, arrays)}
    result["_arrays"] = arrays.arrays
    return result


def _read_keras(fh: Any, name: str, out: str, with_weights: bool) -> dict[str, Any]:
    result: dict[str, Any] = {"kind": "keras"}
    try:
        zf = zipfile.ZipFile(fh)
    except zipfile.BadZipFile:
        result.update(_error(Text.translate("keras_io.read_child", "{name} is not a complete .keras file (the zip "
                                            "archive is damaged or cut short).").format(name=name)))
        return result
    with zf:
        check_archive(zf, name)  # entry count and declared total, before anything is extracted
        names = set(zf.namelist())
        if "config.json" not in names:
            if any(n.endswith(".weights.h5") or n.endswith("variables/variables.index") for n in names):
                result["weights_only"] = True
                return result
            result.update(_error(Text.translate("keras_io.read_child", "{name} is a zip archive but not a Keras model "
                                                "(it has no config.json).").format(name=name)))
            return result
        text = read_member(zf, zf.getinfo("config.json"), name, MAX_CONFIG_BYTES).decode("utf-8")
        json.loads(text)
        result["config"] = text
        if "metadata.json" in names and zf.getinfo("metadata.json").file_size <= MAX_METADATA_BYTES:
            try:
                meta = json.loads(read_member(zf, zf.getinfo("metadata.json"), name, MAX_METADATA_BYTES).decode("utf-8"))
                if isinstance(meta, dict):
                    result["keras_version"] = _attr_text(meta.get("keras_version"))
            except (ValueError, RecursionError):
                pass
        if not with_weights or "model.weights.h5" not in names:
            if with_weights and any(n.startswith("model.weights") for n in names):
                note = Text.translate("keras_io.read_child", "sharded or unusual weights store")
                result["info"] = {"weights_note": str(note), "weights_note_text": note.to_json()}
            return result
        # Only the one member needed, and only once its sizes pass.
        target = Path(out) / "model.weights.h5"
        extract_member(zf, zf.getinfo("model.weights.h5"), target, name)
    try:
        return _read_weights_store(target, name, result)
    finally:
        target.unlink(missing_ok=True)


def _read_keras_dir(path: str, with_weights: bool) -> dict[str, Any]:
    """A model saved unzipped (Keras 3 ``model.save(path, zipped=False)``)."""
    folder = Path(path)
    result: dict[str, Any] = {"kind": "keras"}
    config = folder / "config.json"
    if not config.is_file():
        result.update(_error(Text.translate("keras_io.read_child", "The folder {name} holds no Keras model (no "
                                            "config.json).").format(name=folder.name)))
        return result
    with open_regular(config) as fh:
        what = Text.translate("keras_io.read_child", "The model description in {name}").format(name=folder.name)
        text = read_limited(fh, MAX_CONFIG_BYTES, what).decode("utf-8")
    json.loads(text)
    result["config"] = text
    meta = folder / "metadata.json"
    if meta.is_file():
        try:
            with open_regular(meta) as fh:
                data = json.loads(read_limited(fh, MAX_METADATA_BYTES, "metadata.json").decode("utf-8"))
            if isinstance(data, dict):
                result["keras_version"] = _attr_text(data.get("keras_version"))
        except (ValueError, RecursionError, ReadError):
            pass
    weights = folder / "model.weights.h5"
    if with_weights and weights.is_file():
        return _read_weights_store(weights, folder.name, result)
    return result


def _read_json(fh: Any, name: str) -> dict[str, Any]:
    data = read_limited(fh, MAX_CONFIG_BYTES, name)
    try:
        return {"kind": "json", "config": data.decode("utf-8")}
    except UnicodeDecodeError:
        return _error(Text.translate("keras_io.read_child", "{name} is not a Keras model description (it is not "
                                     "text).").format(name=name))


def _read_path(path: str, out: str, with_weights: bool) -> dict[str, Any]:
    """Sniff ``path`` on an open, checked descriptor and read it by kind."""
    name = Path(path).name
    kind, _ = check_path(path)
    folder = saved_model_folder(path)
    if folder is not None:  # a Keras 2 SavedModel: the folder, or its saved_model.pb
        return read_saved_model(folder, with_weights)
    if kind == "directory":
        return _read_keras_dir(path, with_weights)
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size == 0:
            return _error(Text.translate("keras_io.read_child", "{name} is empty.").format(name=name))
        kind = sniff_bytes(fh.read(SNIFF_BYTES))
        fh.seek(0)
        if kind == "zip":
            return _read_keras(fh, name, out, with_weights)
        if kind == "json" or (kind == "unknown" and Path(path).suffix.lower() == ".json"):
            return _read_json(fh, name)
        if kind == "hdf5":
            return _read_h5(fh, path, size, with_weights)
    return _error(Text.translate("keras_io.read_child", "{name} is not a Keras model file (.h5, .keras or .json), "
                                 "or it is damaged.").format(name=name))


def _damaged(name: str) -> Text:
    return Text.translate("keras_io.read_child", "{name} is damaged or cut short, so it cannot be read.").format(name=name)


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
        result = _read_path(path, out, with_weights)
    except ReadError as exc:
        result = {"error": str(exc)}
        if exc.to_json() is not None:
            result["error_text"] = exc.to_json()
    except MemoryError:
        result = _error(Text.translate("keras_io.read_child", "{name} asks for more memory than kbuilder allows, so it "
                                       "was not opened.").format(name=name))
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, (json.JSONDecodeError, RecursionError)):
            result = _error(Text.translate("keras_io.read_child", "The model description in {name} is damaged (it is "
                                           "not valid JSON).").format(name=name))
        else:
            result = _error(_damaged(name))
    except NotImplementedError:
        result = _error(Text.translate("keras_io.read_child", "{name} is compressed in a way no Keras file is, so "
                                       "kbuilder does not read it.").format(name=name))
    except Exception:  # noqa: BLE001 - whatever a damaged file raises in a parser, the answer is one sentence
        result = _error(_damaged(name))
    arrays = result.pop("_arrays", None)
    if arrays:
        import numpy as np

        np.savez(os.path.join(out, "weights.npz"), **arrays)
    with open(os.path.join(out, "result.json"), "w", encoding="utf-8") as fh:
        json.dump(result, fh)
    return 0
