"""A layer's config values as a graph keeps them: only what differs from Keras.

:func:`clean_params` turns the ``config`` of one layer entry into the node's
``params``: arguments equal to the class's own defaults are dropped (read
from the signatures of the ``__init__`` chain), so are the keys Keras 3 no
longer accepts (with a note); a built-in initializer or regularizer with its
default settings becomes its short name (``"glorot_uniform"``), and a layer
inside a layer (Bidirectional's LSTM, an RNN's cell) is cleaned the same way.
A value that names code from outside Keras is left out with a note, and the
Keras default is used.  Keras is asked only for its own classes' signatures.
"""

from __future__ import annotations

import inspect
import json
import math
import re
from typing import Any

from kbuilder.core.i18n import translate
from kbuilder.layers.backend import keras

from .config_structure import MODEL_CLASSES, dtype_name, is_keras_module

# Config keys that are never constructor arguments kbuilder keeps.
_NOISE = {"name", "batch_input_shape", "batch_shape", "input_shape", "input_dim", "batch_size", "build_config"}
_NO_DEFAULT = object()
# Keras finds these objects by class name alone; their ``module`` is noise.
_PLAIN_MODULES = {"keras", "keras.initializers", "keras.regularizers", "keras.constraints"}


def keras_layer_class(cls: str) -> Any:
    """The ``keras.layers`` class called ``cls`` (not a model), or None."""
    if not cls.isidentifier() or cls.startswith("_"):
        return None
    obj = getattr(keras().layers, cls, None)
    if isinstance(obj, type) and issubclass(obj, keras().layers.Layer) and cls not in MODEL_CLASSES:
        return obj
    return None


def clean_params(name: str, cls: str, layer_cls: Any, cfg: dict, notes: list[str]) -> dict:
    """The params of layer ``name`` (class ``cls``, Keras class ``layer_cls``)
    from its saved ``cfg``; what was dropped is said in ``notes``."""
    sig = _signature(layer_cls)
    params: dict[str, Any] = {}
    for key, value in cfg.items():
        if key in _NOISE and (key == "name" or key not in sig):  # Embedding's input_dim is real
            continue
        if key == "trainable":
            if value is False:
                params[key] = False
            continue
        if key == "dtype":
            dtype = dtype_name(value)
            if dtype and dtype != "float32":
                params[key] = dtype
            continue
        if key not in sig:
            notes.append(translate("keras_io.config_values", "Layer {name} ({cls}): Keras 3 has no argument {key}; it "
                                   "was dropped.").format(name=repr(name), cls=cls, key=repr(key)))
            continue
        value, custom = _clean_value(value)
        if custom:
            notes.append(translate(
                "keras_io.config_values", "Layer {name} ({cls}): {key} names custom code ({custom}); the Keras default "
                "is used.").format(name=repr(name), cls=cls, key=repr(key), custom=custom))
            continue
        value = clean_wrapped(name, value, notes)
        default = sig[key]
        if default is not _NO_DEFAULT and _same(value, default):
            continue
        if key == "activation" and value == "linear" and default in (None, "linear"):
            continue
        if key == "data_format" and default is None and value == _image_data_format():
            continue
        if key.endswith("_initializer") and _same_initializer(value, default):
            continue  # "random_uniform" is Embedding's default "uniform"
        params[key] = value
    return params


def clean_wrapped(name: str, value: Any, notes: list[str]) -> Any:
    """A layer inside a layer (Bidirectional's LSTM, an RNN's cell): its
    config loses its defaults too, keeps its name, and says its module."""
    if isinstance(value, list):
        return [clean_wrapped(name, v, notes) for v in value]
    if not (isinstance(value, dict) and isinstance(value.get("config"), dict)):
        return value
    cls = value.get("class_name")
    if value.get("module") not in (None, "keras.layers") or not isinstance(cls, str):
        return value
    layer_cls = keras_layer_class(cls)
    if layer_cls is None:
        return value
    inner = clean_params(name, cls, layer_cls, value["config"], notes)
    if isinstance(value["config"].get("name"), str):
        inner["name"] = value["config"]["name"]
    return {"module": "keras.layers", "class_name": cls, "config": inner, "registered_name": None}


# ----------------------------------------------------------------- defaults
_SIG_CACHE: dict[Any, dict[str, Any]] = {}


def _signature(layer_cls: Any) -> dict[str, Any]:
    """Argument name -> default over the class's ``__init__`` chain."""
    if layer_cls in _SIG_CACHE:
        return _SIG_CACHE[layer_cls]
    sig: dict[str, Any] = {}
    for klass in layer_cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        try:
            parameters = inspect.signature(init).parameters.values()
        except (TypeError, ValueError):
            continue
        for p in parameters:
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or p.name == "self" or p.name in sig:
                continue
            sig[p.name] = _NO_DEFAULT if p.default is p.empty else _jsonish(p.default)
    _SIG_CACHE[layer_cls] = sig
    return sig


def _same_initializer(a: Any, b: Any) -> bool:
    """Two initializer names for the same built-in initializer and settings."""
    if not (isinstance(a, str) and isinstance(b, str)):
        return False
    try:
        x, y = keras().initializers.get(a), keras().initializers.get(b)
        return type(x) is type(y) and x.get_config() == y.get_config()
    except Exception:  # noqa: BLE001 - unknown names are simply different
        return False


def _image_data_format() -> str:
    return keras().config.image_data_format()


def _jsonish(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonish(v) for v in value]
    return value


def _same(a: Any, b: Any) -> bool:
    """JSON value ``a`` equals the signature default ``b`` (``1`` == ``1.0``,
    but ``True`` != ``1``)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if type(a) is not type(b):
        return False
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - a default we cannot compare is kept
        return False


# ----------------------------------------------------------------- nested objects
def _clean_value(value: Any) -> tuple[Any, str | None]:
    """Strip Keras 3 serialisation noise from nested objects: a built-in
    initializer/regularizer with its default config becomes its short name
    (``"glorot_uniform"``); objects from outside Keras are reported."""
    if isinstance(value, float) and not math.isfinite(value):
        return value, None
    if isinstance(value, list):
        items = []
        for v in value:
            v, custom = _clean_value(v)
            if custom:
                return value, custom
            items.append(v)
        return items, None
    if not isinstance(value, dict):
        return value, None
    if "class_name" in value and "config" in value:
        module = value.get("module")
        if not is_keras_module(module) or value.get("registered_name") not in (None, value.get("class_name")):
            return value, translate("keras_io.config_values", "{cls} from {module}").format(
                cls=repr(value.get("class_name")), module=repr(module))
        if value.get("class_name") in ("__lambda__", "function", "__function__", "__typespec__"):
            return value, translate("keras_io.config_values", "a {cls}").format(cls=repr(value.get("class_name")))
        inner, custom = _clean_value(value["config"])
        if custom:
            return value, custom
        short = _short_name(value["class_name"], inner)
        if short is not None:
            return short, None
        out = {"class_name": value["class_name"], "config": inner}
        if isinstance(module, str) and module not in _PLAIN_MODULES:
            # A wrapped layer (Bidirectional's LSTM) needs its module to be found.
            out = {"module": module, **out, "registered_name": None}
        return out, None
    out = {}
    for k, v in value.items():
        v, custom = _clean_value(v)
        if custom:
            return value, custom
        out[k] = v
    return out, None


_SHORT_CACHE: dict[str, str | None] = {}


def _short_name(class_name: Any, config: Any) -> str | None:
    try:
        key = json.dumps([class_name, config], sort_keys=True)
    except (TypeError, ValueError):
        return _short_name_uncached(class_name, config)
    if key not in _SHORT_CACHE:
        _SHORT_CACHE[key] = _short_name_uncached(class_name, config)
    return _SHORT_CACHE[key]


def _short_name_uncached(class_name: Any, config: Any) -> str | None:
    """``"glorot_uniform"`` for a built-in initializer with no seed and
    default settings (the form Keras accepts and beginners read)."""
    if not isinstance(class_name, str) or not isinstance(config, dict) or config.get("seed") is not None:
        return None
    initializers = keras().initializers
    cls = getattr(initializers, class_name, None)
    if not isinstance(cls, type) or not class_name.isidentifier():
        return None
    short = re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()
    try:
        default = cls().get_config()
        if not isinstance(initializers.get(short), cls):
            return None
    except Exception:  # noqa: BLE001 - one that needs arguments keeps its dict
        return None
    for key, value in config.items():
        if key != "seed" and not (key in default and _same(value, _jsonish(default[key]))):
            return None
    return short


def wrapped_layer_module(key: str, value: Any) -> Any:
    """``layer`` / ``backward_layer`` / ``cell`` / ``cells`` hold layers even
    when an old config left out their module."""
    if key not in ("layer", "backward_layer", "cell", "cells"):
        return value
    if isinstance(value, list):
        return [wrapped_layer_module(key, v) for v in value]
    if isinstance(value, dict) and "class_name" in value:
        out = dict(value) if value.get("module") is not None else {**value, "module": "keras.layers"}
        if isinstance(out.get("config"), dict):  # TimeDistributed(Bidirectional(LSTM(...)))
            out["config"] = {k: wrapped_layer_module(k, v) for k, v in out["config"].items()}
        return out
    return value
