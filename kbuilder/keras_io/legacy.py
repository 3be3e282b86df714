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
* rewrites raw TensorFlow calls (``TFOpLambda``) that have a Keras 3
  equivalent as built-in layers (:mod:`kbuilder.keras_io.tf_ops`);
* flattens nested models (a Sequential or functional model used as a layer,
  called once or several times) into the outer graph; a model called twice
  gives shared layers (:mod:`kbuilder.keras_io.unnest`);
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

from kbuilder.core import i18n  # i18n.translate: this module's own translate() reads Keras 2 configs

from .config_structure import entry_class, entry_name
from .tf_ops import translate_tf_ops
from .unnest import (  # noqa: F401 - LegacyError is part of this module's API
    INPUT_CLASS,
    MODEL_CLASSES,
    LegacyError,
    _fix_names,
    _Flattener,
    _has_nested,
    _is_model,
    _layers,
    _model_body,
    _Notes,
    _to_functional,
    _unwrap,
)

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
        raise LegacyError(i18n.translate("keras_io.legacy", "The file's model description is not a Keras model config."))
    major = keras_major(keras_version, config)
    if major < 2:
        raise LegacyError(i18n.translate(
            "keras_io.legacy", "This model was saved by Keras {version}, which is too old for kbuilder: open it with "
            "Keras 2 and save it again.").format(version=keras_version))
    if major > 3:
        raise LegacyError(i18n.translate(
            "keras_io.legacy", "This model was saved by Keras {version}, newer than kbuilder understands; save it in "
            "the Keras 3 format or update kbuilder.").format(version=keras_version))
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
    if tr.config["class_name"] == "Functional":
        translate_tf_ops(tr.config["config"], notes)  # TFOpLambda -> Activation, Add, Rescaling, Reshape, ...
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
    if not layers or entry_class(layers[0]) != "Embedding" or not isinstance(layers[0].get("config"), dict):
        return
    cfg = layers[0]["config"]
    if any(isinstance(cfg.get(k), list) for k in ("batch_input_shape", "batch_shape", "input_shape")):
        return
    length = cfg.get("input_length")
    if isinstance(length, list):
        length = length[0] if len(length) == 1 else None
    cfg["batch_input_shape"] = [None, length if isinstance(length, int) and length > 0 else None]


# ------------------------------------------------------------------ modules
def _fix_modules(value: Any, depth: int = 0) -> None:
    """``tf_keras.src.engine.functional`` -> ``keras.src.engine.functional``,
    in every nested ``{"module": ...}``; ``from_config`` only checks that a
    module is Keras's, and nothing is imported from it."""
    if depth > 200:
        raise LegacyError(i18n.translate("keras_io.legacy", "The file's model description is nested too deeply to be "
                                         "a Keras model."))
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
            _translate_model_layers(inner_kind, inner, notes, (*scope, entry_name(entry)))
            continue
        cfg = entry.get("config")
        if isinstance(cfg, dict):
            _translate_layer(entry, cfg, notes, entry_name(entry))


def _translate_layer(entry: dict, cfg: dict, notes: _Notes, where: str) -> None:
    """Rewrite one layer's ``{"class_name", "config"}`` in place."""
    cls = entry_class(entry)
    if cls in ("Lambda", "TFOpLambda", "SlicingOpLambda", "TensorFlowOpLayer"):
        return
    if cls == INPUT_CLASS:
        if cfg.get("ragged") is False:
            cfg.pop("ragged")
        return
    if "time_major" in cfg:
        if cfg.pop("time_major"):
            notes.group(("time_major_true", cls), where, i18n.translate(
                "keras_io.legacy", "{names}: time_major=True has no Keras 3 equivalent; now they read (batch, time, "
                "features), so transpose the input before them."))
        else:
            notes.group(("time_major", ""), where, i18n.translate(
                "keras_io.legacy", "Dropped Keras 2's time_major=False from {names}: Keras 3 is always batch-major."))
    if cls in RECURRENT:
        if "implementation" in cfg:
            cfg.pop("implementation")
            notes.group(("implementation", ""), where, i18n.translate(
                "keras_io.legacy", "Dropped Keras 2's implementation setting from {names}: Keras 3 picks the kernel "
                "itself."))
    if cls in NO_GROUPS and "groups" in cfg:
        groups = cfg.pop("groups")
        if groups not in (1, None):
            notes.add(i18n.translate(
                "keras_io.legacy", "Layer {name} ({cls}) had groups={groups}, which Keras 3 does not offer for {cls}; "
                "it was removed.").format(name=repr(where), cls=cls, groups=groups))
        else:
            notes.group(("groups", ""), where, i18n.translate(
                "keras_io.legacy", "Dropped Keras 2's groups=1 from {names}: Keras 3's depthwise, separable and "
                "transposed convolutions have no groups."))
    if cls == "Embedding" and "input_length" in cfg:
        cfg.pop("input_length")
        notes.group(("input_length", ""), where, i18n.translate(
            "keras_io.legacy", "Dropped input_length from {names}: Keras 3 takes the sequence length from the Input."))
    if cls == "BatchNormalization":
        axis = cfg.get("axis")
        if isinstance(axis, list) and len(axis) == 1:
            cfg["axis"] = axis[0]
        for key in ("fused", "adjustment"):
            cfg.pop(key, None)
        if cfg.get("virtual_batch_size") is not None:
            notes.add(i18n.translate(
                "keras_io.legacy", "Layer {name} used ghost batch normalisation (virtual_batch_size), which Keras 3 "
                "lacks; it was removed.").format(name=repr(where)))
        cfg.pop("virtual_batch_size", None)
    if cls == "LeakyReLU" and "alpha" in cfg:
        cfg["negative_slope"] = cfg.pop("alpha")
    if cls == "ThresholdedReLU":
        entry["class_name"] = "ReLU"
        theta = cfg.pop("theta", 1.0)
        cfg["threshold"] = theta
        notes.group(("thresholded", ""), where, i18n.translate(
            "keras_io.legacy", "ThresholdedReLU {names} became ReLU with the same threshold (Keras 3 removed "
            "ThresholdedReLU)."))
    if cls in ("Attention", "AdditiveAttention") and "causal" in cfg:
        if cfg.pop("causal"):
            notes.add(i18n.translate(
                "keras_io.legacy", "Layer {name} was causal; in Keras 3 causality is a call argument "
                "(use_causal_mask), which kbuilder's graph cannot set, so check the exported code.").format(
                    name=repr(where)))
    if cls == "MultiHeadAttention":
        for key in ("query_shape", "key_shape", "value_shape"):
            cfg.pop(key, None)
    for key, value in list(cfg.items()):
        cfg[key] = _fix_identifier(key, value)
        if isinstance(value, dict) and entry_class(value) and isinstance(value.get("config"), dict) and (
            key in ("layer", "backward_layer", "cell") or entry_class(value) in RECURRENT
        ):
            _translate_layer(value, value["config"], notes, where)
            _layer_module(value)
        if key == "cells" and isinstance(value, list):
            for cell in value:
                if isinstance(cell, dict) and isinstance(cell.get("config"), dict):
                    _translate_layer(cell, cell["config"], notes, where)
                    _layer_module(cell)
    _drop_unknown(entry_class(entry), cfg, notes, where)


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
        cls = entry_class(value)
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
    from kbuilder.layers.backend import keras

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
                    i18n.translate("keras_io.legacy", "Dropped {key} from {cls} layer {names}: Keras 3 no longer has "
                                   "that setting."),
                    i18n.translate("keras_io.legacy", "Dropped {key} from {cls} layers {names}: Keras 3 no longer has "
                                   "that setting."),
                    key=repr(key), cls=cls)


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
    if kind == "Sequential" and entries and entry_class(entries[0]) == INPUT_CLASS:
        entries = entries[1:]
    for entry in entries:
        cls = entry_class(entry)
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
            tr.models.add((*scope, entry_name(entry)))
            _record_places(inner_kind, inner, (*scope, entry_name(entry)), f"{path}/layers", major, tr)
        elif cls != INPUT_CLASS:
            tr.places.append(LayerPlace(flat_name=entry_name(entry), name=entry_name(entry), scope=scope,
                                        class_name=cls, keras_path=path))
