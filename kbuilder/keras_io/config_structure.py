"""The structure of a Keras model config, read as plain JSON.

What every reader of a model description asks of its layer list, in both
dialects (Keras 3 and Keras 2, Functional and Sequential, with or without the
``{"class_name": ..., "config": ...}`` wrapper): which kind of model it is
(:func:`unwrap`), a layer entry's class and name, how many layers it unpacks
into (:func:`count_layers`, the ``MAX_LAYERS`` budget checked before any
work), the tensors one call of a layer received (:func:`tensor_refs`), an
Input's shape and dtype, and a Sequential body as a functional one
(:func:`chain_body`).  Nothing here imports Keras or evaluates anything.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from kbuilder.core.i18n import translate
from kbuilder.core.limits import MAX_LAYERS, MAX_MODEL_NESTING, limit_text

#: Classes that are models, not single layers (a nested model is unpacked).
MODEL_CLASSES = {"Functional", "Model", "Sequential"}
INPUT_CLASSES = {"InputLayer"}


class ConfigError(ValueError):
    """The text is not a Keras model config kbuilder can read; the message
    is a phrase that follows "... cannot be read as a Keras model:"."""


def too_many_layers() -> str:
    """The :class:`ConfigError` phrase for a model past ``MAX_LAYERS``."""
    return translate("keras_io.config_structure", "it unpacks into more than {limit} layers once its nested models and "
                     "shared calls are counted, kbuilder's limit").format(limit=limit_text(MAX_LAYERS))


def unwrap(config: dict) -> tuple[str, Any]:
    """``("Functional" | "Sequential", body)`` of a model config, with or
    without its ``{"class_name", "config"}`` wrapper; ConfigError otherwise."""
    cls = config.get("class_name")
    if isinstance(cls, str) and "config" in config:
        if cls in ("Functional", "Model"):
            return "Functional", config["config"]
        if cls == "Sequential":
            return "Sequential", config["config"]
        raise ConfigError(translate("keras_io.config_structure", "this is a {cls} config, not a Keras model "
                                    "(Functional or Sequential)").format(cls=repr(cls)))
    if isinstance(config.get("layers"), list):
        return ("Functional" if "input_layers" in config else "Sequential"), config
    raise ConfigError(translate("keras_io.config_structure", "no model found: expected a Keras model config with a "
                                "list of layers"))


def count_layers(body: Any, sequential: bool, depth: int = 0) -> int:
    """How many layers (graph nodes) a model body becomes once its nested
    models are unpacked: a layer called ``n`` times is ``n`` nodes, a nested
    model called ``n`` times is ``n`` copies of its own count.  Counted
    without expanding anything, and stops once past ``MAX_LAYERS``, so nested
    models each called twice (2**depth layers) cost no more than reading."""
    layers = body.get("layers") if isinstance(body, dict) else body
    if not isinstance(layers, list):
        return 0
    total = 1 if sequential else 0  # the Input a Sequential may be given
    for entry in layers:
        if not isinstance(entry, dict):
            continue
        inbound = entry.get("inbound_nodes")
        calls = 1 if sequential else len(inbound) if isinstance(inbound, list) else 0
        inner = entry.get("config") if entry_class(entry) in MODEL_CLASSES else None
        if isinstance(inner, (dict, list)) and depth < MAX_MODEL_NESTING:
            inner_sequential = entry_class(entry) == "Sequential" or not (
                isinstance(inner, dict) and "input_layers" in inner
            )
            total += calls * count_layers(inner, inner_sequential, depth + 1)
        else:
            total += max(1, calls)
        if total > MAX_LAYERS:
            break
    return total


# ------------------------------------------------------------ live configs
def has_tuple(value: Any) -> bool:
    """Whether a config holds a tuple anywhere (one level at a time, C-level)."""
    level = [value] if isinstance(value, (dict, list, tuple)) else []
    while level:
        if any(isinstance(x, tuple) for x in level):
            return True
        items = list(chain.from_iterable(x.values() if isinstance(x, dict) else x for x in level))
        kinds = set(map(type, items))
        level = [x for x in items if isinstance(x, (dict, list, tuple))] if not kinds <= _SCALARS else []
    return False


_SCALARS = frozenset({str, int, float, bool, type(None)})


def json_like(value: Any) -> Any:
    """A live model's ``get_config()`` (tuples) as a saved file holds it (lists)."""
    if isinstance(value, dict):
        return {k: json_like(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_like(v) for v in value]
    return value


# ------------------------------------------------------------ layer entries
def entry_class(entry: Any) -> str:
    """The ``class_name`` of a layer entry in a Keras config ("" if none)."""
    cls = entry.get("class_name") if isinstance(entry, dict) else None
    return cls if isinstance(cls, str) else ""


def entry_name(entry: Any) -> str:
    """A layer entry's name: its own ``name`` (Keras 2 functional) or its config's ("" if none)."""
    if not isinstance(entry, dict):
        return ""
    name = entry.get("name")
    if not isinstance(name, str):
        cfg = entry.get("config")
        name = cfg.get("name") if isinstance(cfg, dict) else None
    return name if isinstance(name, str) else ""


def is_keras_module(module: Any) -> bool:
    """Whether a ``module`` field names Keras itself (or is absent)."""
    return module is None or (isinstance(module, str) and (module == "keras" or module.startswith("keras.")))


def free_name(layers: list[dict], base: str) -> str:
    """``base``, or ``base_1``, ``base_2``, ...: the first no entry of ``layers`` uses."""
    taken = {entry_name(e) for e in layers}
    name, i = base, 1
    while name in taken:
        name, i = f"{base}_{i}", i + 1
    return name


def chain_body(body: dict, layers: list[dict], notes: list[str] | None = None) -> dict:
    """A Sequential body (first layer an InputLayer) as a functional one."""
    out = [dict(layers[0], inbound_nodes=[])]
    prev = entry_name(layers[0])
    for entry in layers[1:]:
        if entry_class(entry) in INPUT_CLASSES:
            if notes is not None:
                notes.append(translate("keras_io.config_structure", "A second InputLayer {name} in a Sequential model "
                                       "was skipped.").format(name=repr(entry_name(entry))))
            continue
        name = entry_name(entry) or free_name(out, entry_class(entry).lower() or "layer")
        out.append(dict(entry, name=name, inbound_nodes=[[[prev, 0, 0, {}]]]))
        prev = name
    return {
        "name": body.get("name"),
        "layers": out,
        "input_layers": [[entry_name(layers[0]), 0, 0]],
        "output_layers": [[prev, 0, 0]],
    }


def nested_body(entry: dict) -> dict | None:
    """The functional body of a model used as a layer, or None."""
    if entry_class(entry) not in MODEL_CLASSES or not is_keras_module(entry.get("module")):
        return None
    body = entry.get("config")
    if isinstance(body, list):
        body = {"layers": body}
    if not isinstance(body, dict) or not isinstance(body.get("layers"), list):
        return None
    layers = [e for e in body["layers"] if isinstance(e, dict)]
    if not layers:
        return None
    if entry_class(entry) == "Sequential" or "input_layers" not in body:
        if entry_class(layers[0]) not in INPUT_CLASSES:
            layers = [{"class_name": "InputLayer", "name": free_name(layers, "input"), "config": {}}, *layers]
        return chain_body(body, layers)
    return body


# ------------------------------------------------------------ inputs
def batch_shape(cfg: dict) -> list | None:
    """The input shape without the batch dimension, from any dialect."""
    for key in ("batch_shape", "batch_input_shape"):
        value = cfg.get(key)
        if isinstance(value, list) and value:
            return value[1:]
    value = cfg.get("input_shape")
    if isinstance(value, list):
        return value
    if isinstance(cfg.get("input_dim"), int):
        return [cfg["input_dim"]]
    return None


def clean_shape(shape: list) -> list:
    """A shape with every dimension that is not a positive whole number as None (any length)."""
    return [s if isinstance(s, int) and not isinstance(s, bool) and s > 0 else None for s in shape]


def dtype_name(value: Any) -> str | None:
    """``"float32"`` from a dtype string or a (Keras 3) DTypePolicy dict."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        cfg = value.get("config")
        if isinstance(cfg, dict) and isinstance(cfg.get("name"), str):
            return cfg["name"]
    return None


# ------------------------------------------------------------ tensor references
def refs_list(value: Any) -> list[tuple[str, int, int]]:
    """``input_layers`` / ``output_layers``: ``[name, 0, 0]`` or a list of them."""
    if _is_ref(value):
        return [_as_ref(value)]
    if isinstance(value, list):
        return [_as_ref(v) for v in value if _is_ref(v)]
    if isinstance(value, dict):
        return [_as_ref(v) for v in value.values() if _is_ref(v)]
    return []


def _is_ref(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) in (3, 4)
        and isinstance(value[0], str)
        and isinstance(value[1], int)
        and isinstance(value[2], int)
        and not isinstance(value[1], bool)
    )


def _as_ref(value: list) -> tuple[str, int, int]:
    return (value[0], max(int(value[1]), 0), max(int(value[2]), 0))


def tensor_refs(node: Any) -> list[tuple[str, int, int]]:
    """Every tensor one call of a layer received, in argument order.

    Keras 3: ``{"args": [...], "kwargs": {...}}`` with ``__keras_tensor__``
    dicts; Keras 2: ``[["dense", 0, 0, {kwargs}], ...]``."""
    out: list[tuple[str, int, int]] = []

    def walk(value: Any, depth: int = 0) -> None:
        if depth > 50:
            return
        if isinstance(value, dict):
            if value.get("class_name") == "__keras_tensor__":
                cfg = value.get("config")
                hist = cfg.get("keras_history") if isinstance(cfg, dict) else None
                if _is_ref(hist):
                    out.append(_as_ref(hist))
                return
            for v in value.values():
                walk(v, depth + 1)
        elif isinstance(value, list):
            if _is_ref(value):
                out.append(_as_ref(value))
                if len(value) == 4:
                    walk(value[3], depth + 1)  # Keras 2 kwargs may hold tensors
                return
            for v in value:
                walk(v, depth + 1)

    if isinstance(node, dict) and ("args" in node or "kwargs" in node):
        walk(node.get("args"))
        walk(node.get("kwargs"))
    else:
        walk(node)
    return out
