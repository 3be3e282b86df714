"""Keras 2 -> Keras 3 model configs, as a config -> config pass.

Runs before :func:`kbuilder.keras_io.from_config.graph_from_config`, on
plain JSON; nothing is deserialised.  It

* rewrites layer settings Keras 3 renamed or dropped (``time_major`` on
  recurrent layers, ``groups`` on ``DepthwiseConv2D`` / ``Conv2DTranspose``,
  ``input_length``, ``alpha`` of ``LeakyReLU``, a one-item ``axis`` list of
  ``BatchNormalization``, ``ThresholdedReLU``, ...), inside wrappers
  (``Bidirectional``, ``TimeDistributed``, ``RNN`` cells) too, and drops any
  other argument the Keras 3 class does not take;
* renames legacy initializer / regularizer / constraint identifiers and the
  old module paths (``tf_keras.*``, ``tensorflow.python.keras.*``,
  ``keras.src.engine.*``);
* flattens nested models (a Sequential or functional model used as a layer,
  called once or several times) into the outer graph; a model called twice
  gives shared layers;
* records where each layer's weights sit in the file
  (:class:`LayerPlace`), which :mod:`kbuilder.keras_io.weights` needs.

The result speaks both inbound-node dialects that ``from_config`` reads:
untouched nodes keep their dialect, rewritten or new ones use Keras 2's
``[["layer", node_index, tensor_index, {}]]``.
"""

from __future__ import annotations

import copy
import inspect
import re
from dataclasses import dataclass, field
from typing import Any

MODEL_CLASSES = {"Functional", "Model", "Sequential"}
INPUT_CLASS = "InputLayer"
RECURRENT = {
    "LSTM", "GRU", "SimpleRNN", "RNN", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D",
    "LSTMCell", "GRUCell", "SimpleRNNCell", "StackedRNNCells",
}
NO_GROUPS = {
    "DepthwiseConv1D", "DepthwiseConv2D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
    "SeparableConv1D", "SeparableConv2D", "Convolution2DTranspose", "Convolution3DTranspose",
}
# Identifier strings Keras 2 accepted and Keras 3 does not.
INITIALIZER_ALIASES = {"one": "ones", "zero": "zeros", "normal": "random_normal", "uniform": "random_uniform"}
CONSTRAINT_ALIASES = {"maxnorm": "max_norm", "nonneg": "non_neg", "unitnorm": "unit_norm", "minmaxnorm": "min_max_norm"}
REGULARIZER_ALIASES = {"l1_l2": {"class_name": "L1L2", "config": {"l1": 0.01, "l2": 0.01}}}
MODULE_PREFIXES = ("tf_keras.", "tensorflow.python.keras.", "tensorflow.keras.", "tensorflow.python.tf_keras.")


class LegacyError(ValueError):
    """The config cannot be read; the message is one sentence for the user."""


@dataclass
class LayerPlace:
    """Where one layer of the flattened graph came from."""

    flat_name: str            # its name in the graph
    name: str                 # its name inside its own model
    scope: tuple[str, ...]    # names of the enclosing nested models, outermost first
    class_name: str
    keras_path: str | None = None   # e.g. "layers/sequential/layers/dense" in model.weights.h5


@dataclass
class Translation:
    config: dict
    notes: list[str] = field(default_factory=list)
    places: list[LayerPlace] = field(default_factory=list)
    models: set[tuple[str, ...]] = field(default_factory=set)   # scopes of nested models
    keras_major: int = 3


# ------------------------------------------------------------------- notes
class _Notes:
    """Collects translation notes, grouping the same change across layers."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.grouped: dict[tuple[str, str], list[str]] = {}
        self.why: dict[tuple[str, str], str] = {}

    def add(self, text: str) -> None:
        if text not in self.plain:
            self.plain.append(text)

    def group(self, key: tuple[str, str], layer: str, why: str) -> None:
        names = self.grouped.setdefault(key, [])
        if layer not in names:
            names.append(layer)
        self.why.setdefault(key, why)

    def render(self) -> list[str]:
        out = list(self.plain)
        for key, names in self.grouped.items():
            shown = ", ".join(repr(n) for n in names[:3])
            if len(names) > 3:
                shown += f" and {len(names) - 3} more"
            out.append(self.why[key].format(names=shown, n=len(names), s="" if len(names) == 1 else "s"))
        return out


# -------------------------------------------------------------- entry point
def keras_major(keras_version: str | None, config: Any) -> int:
    """2 or 3, from the file's ``keras_version`` or the config's dialect."""
    if isinstance(keras_version, str):
        m = re.match(r"\s*(\d+)", keras_version)
        if m:
            return int(m.group(1))
    text = repr(config)[:200000]
    if "__keras_tensor__" in text or "'batch_shape'" in text:
        return 3
    return 2


def translate(config: Any, keras_version: str | None = None) -> Translation:
    """Translate a model config (any supported Keras version) into the form
    ``graph_from_config`` reads, and say where each layer's weights are."""
    if not isinstance(config, dict):
        raise LegacyError("The file's model description is not a Keras model config.")
    major = keras_major(keras_version, config)
    if major < 2:
        raise LegacyError(
            f"This model was saved by Keras {keras_version}, which is too old for kbuilder: "
            "open it with Keras 2 and save it again."
        )
    if major > 3:
        raise LegacyError(
            f"This model was saved by Keras {keras_version}, newer than kbuilder understands; "
            "save it in the Keras 3 format or update kbuilder."
        )
    config = copy.deepcopy(config)
    notes = _Notes()
    _fix_modules(config)
    kind, body = _unwrap(config)
    tr = Translation(config={}, keras_major=major)
    # Weight paths follow the classes as saved (before ThresholdedReLU -> ReLU, say).
    _record_places(kind, body, (), "layers", major, tr)
    if kind == "Sequential":
        _embedding_input_shape(body)
    _translate_model_layers(kind, body, notes, ())
    if _has_nested(body):
        functional = _to_functional(kind, body, notes, major) if kind == "Sequential" else body
        flat, renames = _Flattener(notes, major).flatten(functional, ())
        for place in tr.places:
            place.flat_name = renames.get((*place.scope, place.name), place.name)
        tr.config = {"class_name": "Functional", "config": flat}
    else:
        for place in tr.places:
            place.flat_name = place.name
        tr.config = {"class_name": kind, "config": body}
    renames = _fix_names(tr.config["config"], notes)
    for place in tr.places:
        place.flat_name = renames.get(place.flat_name, place.flat_name)
    tr.notes = notes.render()
    return tr


def _embedding_input_shape(body: Any) -> None:
    """A Sequential that starts with an Embedding and states no input shape
    (Keras 2.0-2.2): the sequence length is its ``input_length`` (Keras 3
    has no such argument), and ``input_dim`` is the vocabulary, not a shape."""
    layers = _layers(body)
    if not layers or _class(layers[0]) != "Embedding" or not isinstance(layers[0].get("config"), dict):
        return
    cfg = layers[0]["config"]
    if any(isinstance(cfg.get(k), list) for k in ("batch_input_shape", "batch_shape", "input_shape")):
        return
    length = cfg.get("input_length")
    if isinstance(length, list):
        length = length[0] if len(length) == 1 else None
    cfg["batch_input_shape"] = [None, length if isinstance(length, int) and length > 0 else None]


def _unwrap(config: dict) -> tuple[str, Any]:
    cls = config.get("class_name")
    if isinstance(cls, str) and "config" in config:
        body = config["config"]
        if cls in ("Functional", "Model"):
            return "Functional", body
        if cls == "Sequential":
            if isinstance(body, list):  # Keras 2.0-2.2 wrote the layer list itself
                body = {"name": "sequential", "layers": body}
            return "Sequential", body
        raise LegacyError(
            f"The file holds a {cls!r} model, a subclass whose architecture is Python code rather than "
            "a layer list, so kbuilder cannot draw it; rebuild it as a functional or Sequential model."
        )
    if isinstance(config.get("layers"), list):
        return ("Functional" if "input_layers" in config else "Sequential"), config
    raise LegacyError("The file's model description has no list of layers.")


def _class(entry: Any) -> str:
    cls = entry.get("class_name") if isinstance(entry, dict) else None
    return cls if isinstance(cls, str) else ""


def _name(entry: dict) -> str:
    name = entry.get("name")
    if not isinstance(name, str):
        cfg = entry.get("config")
        name = cfg.get("name") if isinstance(cfg, dict) else None
    return name if isinstance(name, str) else ""


def _layers(body: Any) -> list[dict]:
    if not isinstance(body, dict) or not isinstance(body.get("layers"), list):
        return []
    return [e for e in body["layers"] if isinstance(e, dict)]


def _is_model(entry: dict) -> bool:
    return _class(entry) in MODEL_CLASSES and isinstance(entry.get("config"), (dict, list))


def _model_body(entry: dict) -> tuple[str, dict]:
    kind, body = _unwrap({"class_name": _class(entry), "config": entry.get("config")})
    if isinstance(body, dict) and not body.get("name"):
        body["name"] = _name(entry)
    entry["config"] = body
    return kind, body


def _has_nested(body: Any) -> bool:
    return any(_is_model(e) for e in _layers(body))


# ------------------------------------------------------------------ modules
def _fix_modules(value: Any, depth: int = 0) -> None:
    """``tf_keras.src.engine.functional`` -> ``keras.src.engine.functional``,
    in every nested ``{"module": ...}``; ``from_config`` only checks that a
    module is Keras's, and nothing is imported from it."""
    if depth > 200:
        raise LegacyError("The file's model description is nested too deeply to be a Keras model.")
    if isinstance(value, dict):
        module = value.get("module")
        if isinstance(module, str):
            for prefix in MODULE_PREFIXES:
                if module.startswith(prefix):
                    value["module"] = "keras." + module[len(prefix):]
                    break
            else:
                if module in ("tf_keras", "tensorflow.keras"):
                    value["module"] = "keras"
        for v in value.values():
            _fix_modules(v, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _fix_modules(v, depth + 1)


# ------------------------------------------------------------------ layers
def _translate_model_layers(kind: str, body: Any, notes: _Notes, scope: tuple[str, ...]) -> None:
    for entry in _layers(body):
        if _is_model(entry):
            inner_kind, inner = _model_body(entry)
            _translate_model_layers(inner_kind, inner, notes, (*scope, _name(entry)))
            continue
        cfg = entry.get("config")
        if isinstance(cfg, dict):
            _translate_layer(entry, cfg, notes, _name(entry))


def _translate_layer(entry: dict, cfg: dict, notes: _Notes, where: str) -> None:
    """Rewrite one layer's ``{"class_name", "config"}`` in place."""
    cls = _class(entry)
    if cls in ("Lambda", "TFOpLambda", "SlicingOpLambda", "TensorFlowOpLayer"):
        return
    if cls == INPUT_CLASS:
        if cfg.get("ragged") is False:
            cfg.pop("ragged")
        return
    if "time_major" in cfg:
        if cfg.pop("time_major"):
            notes.group(("time_major_true", cls), where,
                        "{names}: time_major=True has no Keras 3 equivalent; now they read (batch, time, "
                        "features), so transpose the input before them.")
        else:
            notes.group(("time_major", ""), where,
                        "Dropped Keras 2's time_major=False from {names}: Keras 3 is always batch-major.")
    if cls in RECURRENT:
        if "implementation" in cfg:
            cfg.pop("implementation")
            notes.group(("implementation", ""), where,
                        "Dropped Keras 2's implementation setting from {names}: Keras 3 picks the kernel itself.")
    if cls in NO_GROUPS and "groups" in cfg:
        groups = cfg.pop("groups")
        if groups not in (1, None):
            notes.add(f"Layer {where!r} ({cls}) had groups={groups}, which Keras 3 does not offer for {cls}; it was removed.")
        else:
            notes.group(("groups", ""), where,
                        "Dropped Keras 2's groups=1 from {names}: Keras 3's depthwise, separable and transposed convolutions have no groups.")
    if cls == "Embedding" and "input_length" in cfg:
        cfg.pop("input_length")
        notes.group(("input_length", ""), where,
                    "Dropped input_length from {names}: Keras 3 takes the sequence length from the Input.")
    if cls == "BatchNormalization":
        axis = cfg.get("axis")
        if isinstance(axis, list) and len(axis) == 1:
            cfg["axis"] = axis[0]
        for key in ("fused", "adjustment"):
            cfg.pop(key, None)
        if cfg.get("virtual_batch_size") is not None:
            notes.add(f"Layer {where!r} used ghost batch normalisation (virtual_batch_size), which Keras 3 lacks; it was removed.")
        cfg.pop("virtual_batch_size", None)
    if cls == "LeakyReLU" and "alpha" in cfg:
        cfg["negative_slope"] = cfg.pop("alpha")
    if cls == "ThresholdedReLU":
        entry["class_name"] = "ReLU"
        theta = cfg.pop("theta", 1.0)
        cfg["threshold"] = theta
        notes.group(("thresholded", ""), where,
                    "ThresholdedReLU {names} became ReLU with the same threshold (Keras 3 removed ThresholdedReLU).")
    if cls in ("Attention", "AdditiveAttention") and "causal" in cfg:
        if cfg.pop("causal"):
            notes.add(f"Layer {where!r} was causal; in Keras 3 causality is a call argument (use_causal_mask), which kbuilder's graph cannot set, so check the exported code.")
    if cls == "MultiHeadAttention":
        for key in ("query_shape", "key_shape", "value_shape"):
            cfg.pop(key, None)
    for key, value in list(cfg.items()):
        cfg[key] = _fix_identifier(key, value)
        if isinstance(value, dict) and _class(value) and isinstance(value.get("config"), dict) and (
            key in ("layer", "backward_layer", "cell") or _class(value) in RECURRENT
        ):
            _translate_layer(value, value["config"], notes, where)
            _layer_module(value)
        if key == "cells" and isinstance(value, list):
            for cell in value:
                if isinstance(cell, dict) and isinstance(cell.get("config"), dict):
                    _translate_layer(cell, cell["config"], notes, where)
                    _layer_module(cell)
    _drop_unknown(_class(entry), cfg, notes, where)


def _layer_module(value: dict) -> None:
    """Keras 3 finds a layer nested in a wrapper's config by its module."""
    if value.get("module") in (None, "keras", "keras.src"):
        value["module"] = "keras.layers"
        value.setdefault("registered_name", None)


def _fix_identifier(key: str, value: Any) -> Any:
    if key.endswith("_initializer"):
        kind = "initializer"
    elif key.endswith("_regularizer"):
        kind = "regularizer"
    elif key.endswith("_constraint"):
        kind = "constraint"
    else:
        return value
    if isinstance(value, str):
        low = value.lower()
        if kind == "initializer":
            return INITIALIZER_ALIASES.get(low, value)
        if kind == "constraint":
            return CONSTRAINT_ALIASES.get(low, value)
        return copy.deepcopy(REGULARIZER_ALIASES.get(low, value))
    if isinstance(value, dict) and isinstance(value.get("config"), dict):
        cls = _class(value)
        cfg = value["config"]
        if kind == "initializer" and cls == "VarianceScaling" and cfg.get("distribution") == "normal":
            cfg["distribution"] = "truncated_normal"
        snake = _snake3(cls)
        if kind == "constraint" and cls.lower() in CONSTRAINT_ALIASES:
            value["class_name"] = _camel(CONSTRAINT_ALIASES[cls.lower()])
        elif kind == "initializer" and cls.lower() in INITIALIZER_ALIASES:
            value["class_name"] = _camel(INITIALIZER_ALIASES[cls.lower()])
        elif kind == "regularizer" and snake == "l1_l2":
            value["class_name"] = "L1L2"
    return value


def _camel(snake: str) -> str:
    return "".join(part.capitalize() for part in snake.split("_"))


_SIGS: dict[str, set[str] | None] = {}


def _accepted(cls_name: str) -> set[str] | None:
    """Every keyword the Keras 3 class takes, or None if Keras has no such layer."""
    if cls_name in _SIGS:
        return _SIGS[cls_name]
    from kbuilder.keras_io.backend import keras

    k = keras()
    cls = getattr(k.layers, cls_name, None) if cls_name.isidentifier() else None
    names: set[str] | None = None
    if isinstance(cls, type) and issubclass(cls, k.layers.Layer):
        names = {"name", "dtype", "trainable", "autocast", "activity_regularizer", "input_shape", "input_dim",
                 "batch_input_shape", "batch_shape", "batch_size"}
        for klass in cls.__mro__:
            init = klass.__dict__.get("__init__")
            if init is None:
                continue
            try:
                params = inspect.signature(init).parameters.values()
            except (TypeError, ValueError):
                continue
            names.update(p.name for p in params if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD))
    _SIGS[cls_name] = names
    return names


# Arguments Keras 2 wrote but never used: dropped without a note.
_UNUSED = {
    "SeparableConv1D": {"kernel_initializer", "kernel_regularizer", "kernel_constraint"},
    "SeparableConv2D": {"kernel_initializer", "kernel_regularizer", "kernel_constraint"},
}


def _drop_unknown(cls: str, cfg: dict, notes: _Notes, where: str) -> None:
    accepted = _accepted(cls)
    if accepted is None:
        return
    for key in [k for k in cfg if k not in accepted]:
        cfg.pop(key)
        if key in _UNUSED.get(cls, ()):
            continue
        notes.group(("unknown", f"{cls}.{key}"), where,
                    f"Dropped {key!r} from {cls} layer" + "{s} {names}: Keras 3 no longer has that setting.")


# ------------------------------------------------------------ weight places
def _snake3(name: str) -> str:
    """Keras 3's ``naming.to_snake_case``."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def _snake2(name: str) -> str:
    """tf.keras's ``generic_utils.to_snake_case``."""
    inter = re.sub("(.)([A-Z][a-z0-9]+)", r"\1_\2", name)
    out = re.sub("([a-z])([A-Z])", r"\1_\2", inter).lower()
    return out if not out.startswith("_") else "private" + out


def _record_places(kind: str, body: Any, scope: tuple[str, ...], prefix: str, major: int, tr: Translation) -> None:
    """Note every layer with its key in a ``.keras`` weights file: the
    snake-case class name, numbered per class in ``model.layers`` order
    (a Sequential's InputLayer is not in ``model.layers``)."""
    snake = _snake3 if major >= 3 else _snake2
    used: dict[str, int] = {}
    entries = _layers(body)
    if kind == "Sequential" and entries and _class(entries[0]) == INPUT_CLASS:
        entries = entries[1:]
    for entry in entries:
        cls = _class(entry)
        base = snake(cls or "layer")
        if base in used:
            used[base] += 1
            key = f"{base}_{used[base]}"
        else:
            used[base] = 0
            key = base
        path = f"{prefix}/{key}"
        if _is_model(entry):
            inner_kind, inner = _model_body(entry)
            tr.models.add((*scope, _name(entry)))
            _record_places(inner_kind, inner, (*scope, _name(entry)), f"{path}/layers", major, tr)
        elif cls != INPUT_CLASS:
            tr.places.append(LayerPlace(flat_name=_name(entry), name=_name(entry), scope=scope,
                                        class_name=cls, keras_path=path))


# -------------------------------------------------------- nested -> flat
Ref = tuple[str, int, int]


def _is_ref(v: Any) -> bool:
    return (isinstance(v, list) and len(v) in (3, 4) and isinstance(v[0], str)
            and isinstance(v[1], int) and isinstance(v[2], int) and not isinstance(v[1], bool))


def _map_refs(node: Any, fn, depth: int = 0) -> Any:
    """A copy of one inbound node with every tensor reference passed through
    ``fn`` (both dialects)."""
    if depth > 60:
        return node
    if isinstance(node, dict):
        if node.get("class_name") == "__keras_tensor__" and isinstance(node.get("config"), dict):
            hist = node["config"].get("keras_history")
            if _is_ref(hist):
                new = copy.deepcopy(node)
                new["config"]["keras_history"] = list(fn(tuple(hist[:3])))
                return new
            return node
        return {k: _map_refs(v, fn, depth + 1) for k, v in node.items()}
    if isinstance(node, list):
        if _is_ref(node):
            out = list(fn(tuple(node[:3])))
            if len(node) == 4:
                out.append(_map_refs(node[3], fn, depth + 1))
            return out
        return [_map_refs(v, fn, depth + 1) for v in node]
    return node


def _call_refs(node: Any) -> list[Ref]:
    """The tensors one call received, in order."""
    out: list[Ref] = []

    def fn(ref: Ref) -> Ref:
        out.append(ref)
        return ref

    if isinstance(node, dict) and ("args" in node or "kwargs" in node):
        _map_refs(node.get("args"), fn)
    else:
        _map_refs(node, fn)
    return out


def _refs_list(value: Any) -> list[Ref]:
    if _is_ref(value):
        return [tuple(value[:3])]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [tuple(v[:3]) for v in value if _is_ref(v)]
    return []


def _first_shape(kind: str, body: dict) -> list | None:
    entries = _layers(body)
    if not entries:
        return None
    first = entries[0]
    cfg = first.get("config") if isinstance(first.get("config"), dict) else {}
    for key in ("batch_shape", "batch_input_shape"):
        if isinstance(cfg.get(key), list):
            return cfg[key]
    if _is_model(first):
        inner_kind, inner = _model_body(first)
        if inner_kind == "Sequential":
            return _first_shape(inner_kind, inner)
        for e in _layers(inner):
            if _class(e) == INPUT_CLASS:
                return _first_shape("Sequential", {"layers": [e]})
    if isinstance(body.get("build_input_shape"), list):
        return body["build_input_shape"]
    return None


def _call_offset(entry: dict, major: int) -> int:
    """Keras 2 counts a nested model's own construction as its call 0 when
    it was built from an Input, so the outer config's references to its
    calls start at 1 (tf.keras ``_should_skip_first_node``)."""
    if major != 2 or not _is_model(entry):
        return 0
    kind, inner = _model_body(entry)
    layers = _layers(inner)
    return 1 if kind != "Sequential" or (layers and _class(layers[0]) == INPUT_CLASS) else 0


def _to_functional(kind: str, body: dict, notes: _Notes, major: int = 3) -> dict:
    """A Sequential body as a functional one (Keras 2 dialect)."""
    entries = _layers(body)
    name = body.get("name") or "sequential"
    layers: list[dict] = []
    if entries and _class(entries[0]) == INPUT_CLASS:
        inp = copy.deepcopy(entries[0])
        entries = entries[1:]
    else:
        shape = _first_shape(kind, body)
        if shape is None:
            shape = [None, None]
            notes.add(f"The file does not say the input shape of {name!r}; set it on its Input layer.")
        inp = {"class_name": INPUT_CLASS, "config": {"batch_shape": shape, "dtype": "float32"}}
    in_name = _name(inp) or f"{name}_input"
    inp["name"] = in_name
    inp.setdefault("config", {})["name"] = in_name
    inp["inbound_nodes"] = []
    layers.append(inp)
    prev, prev_node = in_name, 0
    for entry in entries:
        entry = dict(entry)
        entry["name"] = _name(entry)
        entry["inbound_nodes"] = [[[prev, prev_node, 0, {}]]]
        layers.append(entry)
        prev, prev_node = entry["name"], _call_offset(entry, major)
    return {"name": name, "layers": layers, "input_layers": [[in_name, 0, 0]], "output_layers": [[prev, prev_node, 0]]}


class _Flattener:
    def __init__(self, notes: _Notes, major: int) -> None:
        self.notes = notes
        self.major = major

    def flatten(self, body: dict, scope: tuple[str, ...]) -> tuple[dict, dict[tuple, str]]:
        """Inline every nested model of a functional ``body``.  Returns the
        new body and ``(*scope, name) -> flat name`` for renamed layers."""
        entries = _layers(body)
        taken = {_name(e) for e in entries if not _is_model(e)}
        renames: dict[tuple, str] = {}
        # Per nested model: inner flat body, its calls, and a renaming.
        nested: dict[str, dict[str, Any]] = {}
        for entry in entries:
            if not _is_model(entry):
                continue
            mname = _name(entry)
            kind, inner = _model_body(entry)
            offset = _call_offset(entry, self.major)
            if kind == "Sequential":
                inner = _to_functional(kind, inner, self.notes, self.major)
            inner, inner_renames = self.flatten(inner, (*scope, mname))
            inner_layers = _layers(inner)
            input_names = [r[0] for r in _refs_list(inner.get("input_layers"))]
            counts: dict[str, int] = {}
            flat: dict[str, str] = {}
            for e in inner_layers:
                n = _name(e)
                counts[n] = max(1, len(e.get("inbound_nodes") or []))
                if _class(e) == INPUT_CLASS:
                    continue
                new = n
                if new in taken:
                    new = _unique(f"{mname}_{n}", taken)
                taken.add(new)
                flat[n] = new
            for key, value in inner_renames.items():
                renames[key] = flat.get(value, value)
            for n, new in flat.items():
                renames[(*scope, mname, n)] = new
            calls = entry.get("inbound_nodes") or []
            nested[mname] = {"inner": inner, "inputs": input_names, "counts": counts, "flat": flat, "offset": offset,
                             "calls": [_call_refs(c) for c in calls], "outputs": _refs_list(inner.get("output_layers"))}
            if not calls:
                self.notes.add(f"The nested model {mname!r} is never called in the outer model, so it was left out.")
            else:
                self.notes.add(
                    f"The nested model {mname!r} was unpacked into its {len(flat)} layer{'' if len(flat) == 1 else 's'}"
                    + (f" (called {len(calls)} times, so they are shared)" if len(calls) > 1 else "") + "."
                )

        def resolve(ref: Ref, depth: int = 0) -> Ref:
            """An outer reference, with nested-model outputs replaced."""
            name, node_index, tensor_index = ref
            info = nested.get(name)
            if info is None or depth > 100:
                return ref
            node_index -= info["offset"]
            if node_index < 0 or node_index >= len(info["calls"]) or tensor_index >= len(info["outputs"]):
                return ref
            return inner_ref(info, node_index, info["outputs"][tensor_index], depth + 1)

        def inner_ref(info: dict, call: int, ref: Ref, depth: int) -> Ref:
            name, node_index, tensor_index = ref
            if name in info["inputs"]:
                args = info["calls"][call]
                k = info["inputs"].index(name)
                if k < len(args):
                    return resolve(args[k], depth)
                return ref
            n = info["counts"].get(name, 1)
            return (info["flat"].get(name, name), call * n + node_index, tensor_index)

        out_layers: list[dict] = []
        for entry in entries:
            if not _is_model(entry):
                new = dict(entry)
                new["inbound_nodes"] = [_map_refs(node, resolve) for node in entry.get("inbound_nodes") or []]
                out_layers.append(new)
                continue
            info = nested[_name(entry)]
            for e in _layers(info["inner"]):
                if _class(e) == INPUT_CLASS:
                    continue
                new = dict(e)
                new["name"] = info["flat"][_name(e)]
                if isinstance(new.get("config"), dict):
                    new["config"] = dict(new["config"], name=new["name"])
                own = e.get("inbound_nodes") or []
                new_nodes = []
                for call in range(len(info["calls"])):
                    for node in own:
                        new_nodes.append(
                            _map_refs(node, lambda r, call=call, info=info: inner_ref(info, call, r, 0))
                        )
                new["inbound_nodes"] = new_nodes
                if new_nodes:
                    out_layers.append(new)
        result = dict(body)
        result["layers"] = out_layers
        result["input_layers"] = [list(resolve(r)) for r in _refs_list(body.get("input_layers"))]
        result["output_layers"] = [list(resolve(r)) for r in _refs_list(body.get("output_layers"))]
        return result, renames


def _fix_names(body: dict, notes: _Notes) -> dict[str, str]:
    """Keras 3 refuses ``/`` in layer names, which Keras 2's applications
    used (``conv1/conv``): rename those layers and every reference to them."""
    entries = _layers(body)
    taken = {_name(e) for e in entries}
    renames: dict[str, str] = {}
    for entry in entries:
        old = _name(entry)
        if "/" not in old:
            continue
        new = _unique(re.sub(r"/+", "_", old).strip("_") or "layer", taken)
        taken.add(new)
        renames[old] = new
        entry["name"] = new
        if isinstance(entry.get("config"), dict):
            entry["config"]["name"] = new
    if not renames:
        return renames

    def fn(ref: Ref) -> Ref:
        return (renames.get(ref[0], ref[0]), ref[1], ref[2])

    for entry in entries:
        if entry.get("inbound_nodes"):
            entry["inbound_nodes"] = [_map_refs(node, fn) for node in entry["inbound_nodes"]]
    for key in ("input_layers", "output_layers"):
        if key in body:
            body[key] = _map_refs(body[key], fn)
    first = next(iter(renames.items()))
    notes.add(
        f"Renamed {len(renames)} layer{'s' if len(renames) > 1 else ''} whose names contain '/' "
        f"(such as {first[0]!r}, now {first[1]!r}): Keras 3 does not allow '/' in layer names."
    )
    return renames


def _unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    i = 1
    while f"{base}_{i}" in taken:
        i += 1
    return f"{base}_{i}"
