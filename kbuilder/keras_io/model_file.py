"""Saved models (``.h5``, ``.keras``, ``.json``) <-> editable graphs.

Opening never executes anything from the file: the architecture is JSON
(``attrs["model_config"]`` of an ``.h5``, ``config.json`` of a ``.keras``
zip), read with h5py / zipfile in a child process
(:mod:`~kbuilder.keras_io.safe_read`), translated from Keras 2 where needed
(:mod:`~kbuilder.keras_io.legacy`), then turned into a graph by
:func:`~kbuilder.keras_io.from_config.graph_from_config`.  Lambda layers,
TFOpLambda and unknown classes become placeholders; their code is never
deserialised.  Weights come back as numpy arrays by layer name.

Saving builds the graph with Keras 3 (:func:`~kbuilder.keras_io.build.build_model`),
sets the weights and writes atomically (a temporary file, fsync,
``os.replace``, fsync of the folder).  A ``.kbproj`` keeps its weights beside
it in ``<name>.weights-<generation>.h5`` (a plain HDF5 file: ``layers/<i>``
groups holding the arrays, the layer name as an attribute), recorded as
``weights_file`` with its size and sha256; the pair is saved as one unit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from kbuilder.core.atomic import replace_atomically
from kbuilder.core.i18n import translate
from kbuilder.core.limits import json_problem

from .config_structure import ConfigError
from .file_guard import ReadError, Text, check_path, open_regular, read_limited
from .from_config import ImportResult
from .importing import decode_tuples, import_config
from .legacy import LegacyError
from .safe_read import MAX_CONFIG_BYTES, SNIFF_BYTES, WEIGHTS_FORMAT, read_model_file, sniff_bytes
from .saved_model import folder_size, saved_model_folder
from .weights import Weights, apply_weights, map_weights

MODEL_SUFFIXES = (".h5", ".hdf5", ".keras", ".json")
SAVE_SUFFIXES = (".kbproj", ".json", ".keras", ".h5", ".hdf5")
MAX_JSON_BYTES = MAX_CONFIG_BYTES  # a .json model

__all__ = [
    "ImportResult", "ModelFileError", "open_model_file", "save_model_file",
    "read_weights_file", "write_weights_file", "apply_weights",
]


class ModelFileError(Exception):
    """A model file that cannot be opened or written; one sentence for the user."""


# --------------------------------------------------------------------- open
def _check(path: Path) -> str:
    """``"file"`` or ``"directory"``; a missing path, a pipe or a device is
    refused here, from its inode alone, before anything opens it."""
    try:
        kind, size = check_path(path)
    except ReadError as exc:
        raise ModelFileError(str(exc)) from None
    if kind == "file" and size == 0:
        raise ModelFileError(translate("keras_io.model_file", "{name} is empty.").format(name=path.name))
    return kind


def open_model_file(path: str | os.PathLike[str], timeout: float = 30.0) -> ImportResult:
    """The graph (laid out), notes (plain sentences: what was translated,
    what became a placeholder) and weights (layer name -> arrays, or None)
    of a ``.h5`` / ``.keras`` / ``.json`` model file.

    The path must be a regular file (or a ``.keras`` folder) once symlinks
    are resolved.  A ``.json`` is read here with a byte limit; anything
    else is sniffed and read in the reader child
    (:mod:`~kbuilder.keras_io.safe_read`)."""
    path = Path(path)
    name = path.name
    kind = _check(path)
    folder = saved_model_folder(path)
    if folder is not None:
        name = folder.name or name
    elif kind == "directory" and not (path / "config.json").is_file():
        raise ModelFileError(translate("keras_io.model_file", "{name} is a folder, not a model file (nor a Keras 3 "
                                       "model folder or a SavedModel).").format(name=name))
    if kind == "file" and path.suffix.lower() == ".json":
        text = _json_text(path)
        if text is not None:
            return _open_json(name, text)
    # Big files get more time (a slow disk reads ~20 MB/s).
    if folder is not None:
        size = folder_size(folder)
    else:
        size = path.stat().st_size if kind == "file" else sum(p.stat().st_size for p in path.glob("*") if p.is_file())
    timeout = timeout + size / 20e6
    try:
        raw = read_model_file(path, timeout=timeout)
    except ReadError as exc:
        raise ModelFileError(str(exc)) from None
    if raw.kind == "json":
        return _open_json(name, raw.config_text or "")
    if raw.kind == "saved_model":
        return _open_saved_model(name, raw)
    if raw.weights_only:
        raise ModelFileError(translate(
            "keras_io.model_file", "{name} holds only weights, not the model's layers; open the file saved with "
            "model.save() (or build the model, then load these weights into it).").format(name=name))
    if not raw.config_text:
        raise ModelFileError(translate("keras_io.model_file", "{name} holds no model description.").format(name=name))
    try:
        config = json.loads(raw.config_text)
    except (ValueError, RecursionError):
        raise ModelFileError(translate("keras_io.model_file", "The model description in {name} is damaged.").format(
            name=name)) from None
    result = _graph(config, raw.keras_version, name, raw)
    return result


def _json_text(path: Path) -> str | None:
    """A ``.json`` file's text, read here: a bounded read of a descriptor
    checked to be a regular file (never a pipe or a device).  JSON is parsed
    by Python, not by libhdf5; None when the file is really HDF5 or zip."""
    try:
        with open_regular(path) as fh:
            head = fh.read(SNIFF_BYTES)
            if sniff_bytes(head) in ("hdf5", "zip"):
                return None
            data = head + read_limited(fh, MAX_JSON_BYTES - len(head), path.name)
    except ReadError as exc:
        raise ModelFileError(str(exc)) from None
    except OSError as exc:
        raise ModelFileError(translate("keras_io.model_file", "Cannot read {name}: {reason}.").format(
            name=path.name, reason=exc.strerror or str(exc))) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ModelFileError(translate("keras_io.model_file", "{name} is not a Keras model description (it is not "
                                       "text).").format(name=path.name)) from None


def _open_json(name: str, text: str) -> ImportResult:
    """A Keras architecture (``model.to_json()``): a ``.json`` file, or JSON
    text the reader child found in a file with another suffix."""
    try:
        config = json.loads(text)
    except (ValueError, RecursionError):
        raise ModelFileError(translate("keras_io.model_file", "{name} is not valid JSON, so it is not a Keras model "
                                       "description.").format(name=name)) from None
    return _graph(config, None, name, None)


def _open_saved_model(name: str, raw: Any) -> ImportResult:
    """A Keras 2 SavedModel: the root's ``model_config`` (tuples written as
    ``{"class_name": "__tuple__", ...}``) and the checkpoint's weights."""
    try:
        config = json.loads(raw.config_text or "")
    except (ValueError, RecursionError):
        raise ModelFileError(translate("keras_io.model_file", "The Keras records in {name} are damaged.").format(
            name=name)) from None
    result = _graph(decode_tuples(_json_checked(config, name)), raw.keras_version, name, raw)
    result.notes.insert(0, translate(
        "keras_io.model_file", "{name} is a TensorFlow SavedModel folder: kbuilder read its layers from the Keras "
        "records in it and its weights from its variables checkpoint; nothing in it was run.").format(name=name))
    return result


def _json_checked(config: Any, name: str) -> Any:
    """``config`` when its nesting and values are within the readers' budgets
    (checked without recursion, before anything walks it), else one sentence."""
    problem = json_problem(config)
    if problem:
        raise ModelFileError(translate("keras_io.model_file", "The model description in {name} cannot be read: "
                                       "{problem}.").format(name=name, problem=problem))
    return config


def _graph(config: Any, keras_version: str | None, name: str, raw: Any) -> ImportResult:
    config = _json_checked(config, name)
    try:
        result, tr = import_config(config, keras_version)
    except LegacyError as exc:
        raise ModelFileError(str(exc)) from None
    except ConfigError as exc:
        raise ModelFileError(translate("keras_io.model_file", "{name} cannot be read as a Keras model: "
                                       "{reason}.").format(name=name, reason=exc)) from None
    except RecursionError:
        raise ModelFileError(translate("keras_io.model_file", "The model description in {name} is nested too deeply "
                                       "to be a Keras model.").format(name=name)) from None
    except Exception as exc:  # noqa: BLE001 - a malformed description must not take the app down
        raise ModelFileError(translate(
            "keras_io.model_file", "The model description in {name} is malformed, so kbuilder cannot draw it "
            "({error}).").format(name=name, error=type(exc).__name__)) from None
    notes = list(result.notes)
    weights: Weights | None = None
    if raw is not None and raw.weights_layout:
        try:
            weights, wnotes = map_weights(raw, tr)
        except Exception as exc:  # noqa: BLE001 - the graph is still worth opening
            weights, wnotes = {}, [translate(
                "keras_io.model_file", "The weights in {name} could not be matched to its layers ({error}); the "
                "layers start from fresh weights.").format(name=name, error=type(exc).__name__)]
        notes.extend(wnotes)
        weights = weights or None
    elif raw is not None and raw.info.get("weights_note"):
        why = Text.from_json(raw.info.get("weights_note_text")) or raw.info["weights_note"]
        notes.append(translate(
            "keras_io.model_file", "The weights in {name} are stored in a way kbuilder cannot read yet ({why}); the "
            "layers start from fresh weights.").format(name=name, why=why))
    result.notes = notes
    result.weights = weights
    return result


# ------------------------------------------------------------------ weights
def read_weights_file(path: str | os.PathLike[str], timeout: float = 30.0) -> Weights:
    """Layer name -> arrays from a weights file: the one kbuilder writes
    beside a project, Keras 2's ``save_weights('x.h5')``, or Keras 3's
    ``x.weights.h5`` (top-level layers)."""
    path = Path(path)
    if _check(path) != "file":
        raise ModelFileError(translate("keras_io.model_file", "{name} is a folder, not a weights file.").format(
            name=path.name))
    try:
        raw = read_model_file(path, timeout=timeout)
    except ReadError as exc:
        raise ModelFileError(str(exc)) from None
    layout = raw.weights_layout or {}
    out: Weights = {}
    if layout.get("layout") == "h5":
        for g in layout.get("groups") or []:
            if g.get("name") and g.get("weights"):
                out[g["name"]] = [raw.arrays[k] for _, k in g["weights"]]
    elif layout.get("layout") == "keras":
        names = {g["path"]: g.get("name") for g in layout.get("groups") or [] if g.get("path", "").count("/") == 1}
        parts: dict[str, list] = {}
        for g in layout.get("groups") or []:
            segs = (g.get("path") or "").split("/")
            if len(segs) < 2 or segs[0] != "layers":
                continue
            owner = names.get("/".join(segs[:2]))
            if owner:
                parts.setdefault(owner, []).append(("/".join(segs[2:]), [raw.arrays[k] for k in g.get("vars") or []]))
        from .weights import _child_key

        for owner, items in parts.items():
            items.sort(key=lambda it: _child_key(it[0]))
            arrays = [a for _, vals in items for a in vals]
            if arrays:
                out[owner] = arrays
    else:
        raise ModelFileError(translate("keras_io.model_file", "{name} holds no weights kbuilder can read.").format(
            name=path.name))
    return out


def write_weights_file(weights: Weights, path: str | os.PathLike[str]) -> None:
    """Write ``weights`` to a plain HDF5 file, atomically."""
    _atomic(Path(path), lambda tmp: _write_weights(weights, tmp))


def _write_weights(weights: Weights, path: Path) -> None:
    """``layers/<i>`` groups holding the arrays, the layer name as an attribute."""
    import h5py
    import numpy as np

    with h5py.File(path, "w") as f:
        f.attrs["format"] = WEIGHTS_FORMAT
        f.attrs["version"] = 1
        layers = f.create_group("layers")
        for i, (name, arrays) in enumerate(weights.items()):
            g = layers.create_group(str(i))
            g.attrs["name"] = name
            for j, a in enumerate(arrays):
                g.create_dataset(str(j), data=np.asarray(a))


# --------------------------------------------------------------------- save
def _atomic(path: Path, write) -> None:
    """Replace ``path`` with what ``write(tmp)`` writes, as
    :func:`kbuilder.core.atomic.replace_atomically` does: permissions kept,
    the file and its folder fsynced around the rename, leftovers of crashed
    writes removed.  The temporary file ends in ``path``'s suffix, which
    Keras needs to pick the format."""
    try:
        replace_atomically(path, write, suffix=path.suffix)
    except OSError as exc:
        raise ModelFileError(translate(
            "keras_io.model_file", "Could not save {name}: {reason}. The previous file was left as it was.").format(
                name=path.name, reason=exc.strerror or str(exc))) from None


def _placeholder_message(graph: Any, what: str) -> str | None:
    holes = [n for n in graph.nodes if n.is_placeholder]
    if not holes:
        return None
    names = ", ".join(
        f"{n.name!r} ({n.extra.get('original_class') or 'unknown'})" for n in holes[:4]
    )
    if len(holes) > 4:
        names = translate("keras_io.model_file", "{names} and {n} more").format(names=names, n=len(holes) - 4)
    if len(holes) == 1:
        text = translate("keras_io.model_file", "1 layer needs your own code before the model can be saved as {what}: "
                         "{names}; replace it with built-in layers, or export the Python code and write the missing "
                         "part there.")
    else:
        text = translate("keras_io.model_file", "{n} layers need your own code before the model can be saved as "
                         "{what}: {names}; replace them with built-in layers, or export the Python code and write the "
                         "missing part there.")
    return text.format(n=len(holes), what=what or translate("keras_io.model_file", "a Keras model"), names=names)


def build_with_weights(graph: Any, weights: Weights | None, what: str | None = None) -> tuple[Any, list[str]]:
    """A Keras 3 model of ``graph`` with ``weights`` set; (model, notes).
    ``what`` names the file in the message about placeholders (default:
    "a Keras model")."""
    message = _placeholder_message(graph, what)
    if message:
        raise ModelFileError(message)
    from .build import BuildError, build_model

    try:
        model = build_model(graph)
    except BuildError as exc:
        raise ModelFileError(translate("keras_io.model_file", "The model cannot be built: {reason}").format(
            reason=exc.message)) from None
    return model, apply_weights(model, weights)


def save_model_file(graph: Any, path: str | os.PathLike[str], weights: Weights | None = None) -> list[str]:
    """Write ``graph`` (and ``weights``) as a ``.keras`` or ``.h5`` file that
    Keras 3's ``load_model`` opens.  Returns notes about weights that did
    not fit."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".keras", ".h5", ".hdf5"):
        raise ModelFileError(translate("keras_io.model_file", "A model file must end in .keras or .h5 (got "
                                       "{name}).").format(name=path.name))
    model, notes = build_with_weights(graph, weights, translate("keras_io.model_file", "a {suffix} file").format(
        suffix=suffix))

    def write(tmp: Path) -> None:
        try:
            quiet_save(model, tmp)
        except (OSError, ValueError, TypeError, RuntimeError) as exc:
            raise ModelFileError(translate("keras_io.model_file", "Keras could not save {name}: {error}").format(
                name=path.name, error=exc)) from None

    _atomic(path, write)
    return notes


def quiet_save(model: Any, tmp: Path) -> None:
    """``model.save(tmp)`` without Keras's notices ("HDF5 is a legacy format")."""
    import logging
    import warnings

    absl = logging.getLogger("absl")
    level = absl.level
    absl.setLevel(logging.ERROR)  # "HDF5 is a legacy format" is not news to the user
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.save(str(tmp))
    finally:
        absl.setLevel(level)
