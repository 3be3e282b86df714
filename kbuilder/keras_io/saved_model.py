"""Keras 2 SavedModel folders: the layers and weights, with nothing run.

``model.save("my_model")`` in TensorFlow 2.x with Keras 2 writes a folder:
``saved_model.pb`` (traced TensorFlow functions), ``variables/`` (a
checkpoint) and ``keras_metadata.pb`` (one record per Keras object: its
path in the object graph, such as ``root.layer_with_weights-0``, and a JSON
description; the root's holds the model's config, as ``to_json()`` writes
it).  kbuilder reads the metadata and the checkpoint only; no function of
the SavedModel is loaded, traced or run (no ``tf.saved_model.load``).

Parent side (inode checks only): :func:`saved_model_folder` says whether a
path is such a folder or its ``saved_model.pb``.  Child side
(:func:`read_saved_model`, in the reader child with its time and memory
limits): the protobufs are parsed with TensorFlow's generated classes
(:mod:`~kbuilder.keras_io.tf_protos`), the checkpoint tensor by tensor
(:mod:`~kbuilder.keras_io.checkpoint`).  Weights come back in the reader's
``"h5"`` layout: one group per top-level layer, named as in the model, its
arrays in Keras 2's ``layer.weights`` order (the layer's ``variables`` list
in the checkpoint's object graph); a nested model's arrays are named
``<inner layer>/<variable>`` as in an ``.h5``, so
:mod:`~kbuilder.keras_io.weights` maps them the same way.

Files written before TensorFlow 2.5 keep the Keras records inside
``saved_model.pb``; they are read from there.  A SavedModel without Keras
records (a plain ``tf.Module``, an exported serving function, a TensorFlow 1
graph) is refused in one sentence that says what it is.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .file_guard import MiB, ReadError, Text, open_regular, read_limited

MAX_METADATA_BYTES = 64 * MiB  # keras_metadata.pb: every layer's config, once
MAX_SAVED_MODEL_BYTES = 512 * MiB  # saved_model.pb, read only when there is no keras_metadata.pb
MARKERS = ("saved_model.pb", "saved_model.pbtxt", "keras_metadata.pb")
MODEL_IDS = frozenset({"_tf_keras_network", "_tf_keras_sequential", "_tf_keras_model"})
LAYER_IDS = MODEL_IDS | {"_tf_keras_layer", "_tf_keras_rnn_layer"}
OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH"
# Children every Keras object has in the object graph that are not its own weights.
_NOT_OWN = frozenset(
    {
        "variables",
        "trainable_variables",
        "non_trainable_variables",
        "regularization_losses",
        "keras_api",
        "layers",
        "metrics",
        "layer_regularization_losses",
        "layer_metrics",
        "optimizer",
        "signatures",
        "_default_save_signature",
        "__call__",
        "save_spec",
        "states",
    }
)


# ------------------------------------------------------------ parent side
def saved_model_folder(path: str | os.PathLike[str]) -> Path | None:
    """The SavedModel folder ``path`` names (the folder itself, or its
    ``saved_model.pb`` / ``keras_metadata.pb``), or None.  Looks at names
    and inodes only; a folder with a ``config.json`` is a Keras 3 model."""
    path = Path(path)
    try:
        if path.is_dir():
            if (path / "config.json").exists():
                return None
            return path if any((path / m).exists() for m in MARKERS) else None
        if path.name in MARKERS and path.exists():
            return path.parent
    except OSError:
        return None
    return None


def folder_size(folder: Path) -> int:
    """Bytes in the folder and its ``variables/`` (for the reader's time limit)."""
    total = 0
    for place in (folder, folder / "variables"):
        try:
            with os.scandir(place) as it:
                for i, entry in enumerate(it):
                    if i > 10_000:
                        break
                    if entry.is_file():
                        total += entry.stat().st_size
        except OSError:
            continue
    return total


# ------------------------------------------------------------- child side
def _read(folder: Path, name: str, limit: int, label: str) -> bytes:
    from .checkpoint import inside

    path = inside(folder, folder / name, label)
    with open_regular(path) as fh:
        return read_limited(fh, limit, Text.translate("keras_io.saved_model", "{name} in {label}").format(
            name=name, label=label))


def _records(folder: Path, label: str, pb: Any) -> list[tuple[int, str, str, str]]:
    """``(node id, path, identifier, metadata JSON)`` of every Keras object."""
    if (folder / "keras_metadata.pb").exists():
        meta = pb.saved_metadata_pb2.SavedMetadata()
        _parse(meta, _read(folder, "keras_metadata.pb", MAX_METADATA_BYTES, label), label)
        return [(int(n.node_id), n.node_path, n.identifier, n.metadata) for n in meta.nodes]
    if not (folder / "saved_model.pb").exists():
        if (folder / "saved_model.pbtxt").exists():
            raise ReadError(Text.translate(
                "keras_io.saved_model", "{label} is a SavedModel written as text (saved_model.pbtxt) without Keras "
                "records, which kbuilder does not read.").format(label=label))
        raise ReadError(Text.translate("keras_io.saved_model", "{label} is not a complete SavedModel folder: it has no "
                                       "saved_model.pb.").format(label=label))
    saved = pb.saved_model_pb2.SavedModel()
    _parse(saved, _read(folder, "saved_model.pb", MAX_SAVED_MODEL_BYTES, label), label)
    if not saved.meta_graphs or not saved.meta_graphs[0].HasField("object_graph_def"):
        raise ReadError(Text.translate(
            "keras_io.saved_model", "{label} is a TensorFlow 1 SavedModel (a graph of operations, not Keras layers), "
            "so kbuilder has no layers to draw.").format(label=label))
    nodes = saved.meta_graphs[0].object_graph_def.nodes
    out = []
    for node_id, path in _paths(nodes).items():
        obj = nodes[node_id]
        if obj.WhichOneof("kind") == "user_object" and obj.user_object.identifier.startswith("_tf_keras"):
            out.append((node_id, path, obj.user_object.identifier, obj.user_object.metadata))
    return out


def _parse(message: Any, data: bytes, label: str) -> Any:
    try:
        message.ParseFromString(data)
    except Exception:  # noqa: BLE001 - protobuf's DecodeError and friends
        raise ReadError(Text.translate("keras_io.saved_model", "{label} is a damaged SavedModel folder (a protobuf "
                                       "file in it cannot be read).").format(label=label)) from None
    return message


def _paths(nodes: Any) -> dict[int, str]:
    """Each object's first path from the root, breadth first (``root.a.b``)."""
    paths = {0: "root"}
    queue = [0]
    for node_id in queue:
        for child in nodes[node_id].children:
            cid = int(child.node_id)
            if 0 <= cid < len(nodes) and cid not in paths:
                paths[cid] = f"{paths[node_id]}.{child.local_name}"
                queue.append(cid)
    return paths


def _not_keras(folder: Path, label: str) -> ReadError:
    return ReadError(Text.translate(
        "keras_io.saved_model", "{label} is a SavedModel of plain TensorFlow functions (a tf.Module or an exported "
        "serving model), not of a Keras model, so it has no layers to draw; kbuilder never runs the code inside it."
    ).format(label=label))


def read_saved_model(folder: Path, with_weights: bool = True) -> dict[str, Any]:
    """The reader child's result for a SavedModel folder: ``config`` (the
    root's ``model_config`` as JSON text, tuples still encoded), the Keras
    version, and the weights in the ``"h5"`` layout."""
    from .tf_protos import protos

    label = folder.name or str(folder)
    pb = protos()
    records = _records(folder, label, pb)
    root = next((r for r in records if r[1] == "root"), None)
    if root is None:
        raise _not_keras(folder, label)
    meta = _json(root[3], label)
    if root[2] not in MODEL_IDS:
        raise ReadError(Text.translate(
            "keras_io.saved_model", "{label} holds a single Keras layer ({cls}), not a model, so kbuilder has no "
            "layers to draw.").format(label=label, cls=str(meta.get("class_name", "unknown"))))
    model_config = meta.get("model_config")
    if not isinstance(model_config, dict):
        model_config = {"class_name": meta.get("class_name"), "config": meta.get("config")}
    result: dict[str, Any] = {
        "kind": "saved_model",
        "config": json.dumps(model_config),
        "keras_version": meta.get("keras_version") if isinstance(meta.get("keras_version"), str) else "2",
        "backend": meta.get("backend") if isinstance(meta.get("backend"), str) else None,
    }
    if not with_weights:
        return result
    prefix = folder / "variables" / "variables"
    if not Path(str(prefix) + ".index").exists():
        note = Text.translate("keras_io.saved_model", "the folder has no variables/variables.index checkpoint")
        result["info"] = {"weights_note": str(note), "weights_note_text": note.to_json()}
        return result
    groups, arrays = _weights(prefix, folder, label, records, pb)
    result["weights"] = {"layout": "h5", "groups": groups}
    result["_arrays"] = arrays
    return result


def _json(text: str, label: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise ReadError(Text.translate("keras_io.saved_model", "The Keras records of {label} are damaged (not valid "
                                       "JSON).").format(label=label)) from None
    if not isinstance(value, dict):
        raise ReadError(Text.translate("keras_io.saved_model", "The Keras records of {label} are damaged.").format(
            label=label))
    return value


def _weights(prefix: Path, folder: Path, label: str, records: list, pb: Any) -> tuple[list[dict], dict[str, Any]]:
    from .checkpoint import Bundle

    bundle = Bundle(prefix, folder, label)
    if OBJECT_GRAPH_KEY not in bundle.raw:
        raise ReadError(Text.translate("keras_io.saved_model", "The checkpoint of {label} has no object graph, so its "
                                       "weights cannot be matched to layers.").format(label=label))
    graph = pb.trackable_object_graph_pb2.TrackableObjectGraph()
    _parse(graph, bundle.string(OBJECT_GRAPH_KEY), label)
    nodes = graph.nodes
    layers = {r[1]: r for r in records if r[2] in LAYER_IDS}
    arrays: dict[str, Any] = {}

    def locate(record: tuple) -> int | None:
        node = 0
        for part in record[1].split(".")[1:]:
            if not 0 <= node < len(nodes):
                return None
            node = next((int(c.node_id) for c in nodes[node].children if c.local_name == part), -1)
        return node if 0 <= node < len(nodes) else (record[0] if 0 <= record[0] < len(nodes) else None)

    def own(node_id: int) -> list[tuple[str, str]]:
        """(variable name, checkpoint key) of a layer, in ``layer.weights`` order."""
        listed = next((int(c.node_id) for c in nodes[node_id].children if c.local_name == "variables"), None)
        if listed is not None and 0 <= listed < len(nodes):
            items = sorted(nodes[listed].children, key=lambda c: int(c.local_name) if c.local_name.isdigit() else 0)
            order = [int(c.node_id) for c in items]
        else:  # no list: the variables under the layer, depth first
            order, seen, todo = [], {node_id}, [node_id]
            while todo:
                nid = todo.pop()
                order.append(nid)
                kids = [int(c.node_id) for c in nodes[nid].children if c.local_name not in _NOT_OWN]
                todo.extend(k for k in reversed(kids) if 0 <= k < len(nodes) and k not in seen and not seen.add(k))
        out = []
        for nid in order:
            if not 0 <= nid < len(nodes):
                continue
            for attr in nodes[nid].attributes:
                if attr.name == "VARIABLE_VALUE":
                    out.append((attr.full_name.split("/")[-1].split(":")[0] or "weight", attr.checkpoint_key))
        return out

    def read(key: str) -> str:
        name = f"t{len(arrays)}"
        arrays[name] = bundle.array(key)
        return name

    def inner(path: str, prefix_names: str) -> list[list[str]]:
        """A nested model's weights, named ``<layer>/<variable>``."""
        entries: list[list[str]] = []
        depth = path.count(".") + 1
        for sub_path, record in layers.items():
            if not sub_path.startswith(path + ".") or sub_path.count(".") != depth:
                continue
            sub_name = str(_json(record[3], label).get("name") or "")
            where = f"{prefix_names}{sub_name}/"
            if record[2] in MODEL_IDS:
                entries.extend(inner(sub_path, where))
                continue
            node = locate(record)
            if node is not None:
                entries.extend([f"{where}{var}", read(key)] for var, key in own(node))
        return entries

    groups = []
    for path, record in layers.items():
        if path.count(".") != 1:
            continue
        name = _json(record[3], label).get("name")
        if not isinstance(name, str):
            continue
        if record[2] in MODEL_IDS:
            entries = inner(path, "")
        else:
            node = locate(record)
            entries = [] if node is None else [[var, read(key)] for var, key in own(node)]
        if entries:
            groups.append({"name": name, "weights": entries})
    return groups, arrays
