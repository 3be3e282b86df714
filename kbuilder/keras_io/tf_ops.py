"""Raw TensorFlow calls in Keras 2 models -> built-in Keras 3 layers.

A Keras 2 functional model records ``tf.nn.relu(x)``, ``x * 2.0`` or
``tf.concat([a, b], axis=1)`` as ``TFOpLambda`` layers: the name of a
TensorFlow function (``"nn.relu"``) and, in the call, its arguments.  Keras 3
has no such layer, so :func:`translate_tf_ops` rewrites the calls that have a
Keras 3 equivalent, in place, on a flat functional body (Keras 2 dialect),
before :func:`~kbuilder.keras_io.from_config.graph_from_config` reads it:

* ``tf.nn.relu`` / ``sigmoid`` / ``tanh`` / ``softmax`` (and ``relu6``,
  ``elu``, ``selu``, ``softplus``, ``softsign``, ``silu``, ``gelu``,
  ``exp``) -> ``Activation``; ``softmax`` on another axis -> ``Softmax``;
  ``tf.nn.leaky_relu`` -> ``LeakyReLU``;
* ``tf.math.add`` / ``subtract`` / ``multiply`` / ``maximum`` / ``minimum``
  and ``+`` (``__operators__.add``) of two tensors -> ``Add`` / ``Subtract``
  / ``Multiply`` / ``Maximum`` / ``Minimum``;
* arithmetic with a constant (``x * 2.0``, ``x + 1``, ``1 - x``, ``x / 255``,
  ``-x``) -> ``Rescaling(scale, offset)``, which computes ``x * scale +
  offset`` and saves in ``.keras``;
* ``tf.concat`` -> ``Concatenate``, ``tf.reshape`` -> ``Reshape``,
  ``tf.expand_dims`` -> ``Reshape`` (from the input shape the file
  records), ``tf.transpose`` -> ``Permute``, as long as the batch axis
  stays where it is.

Nothing is evaluated: the function is a name looked up in a table, the
arguments are JSON numbers and lists.  Each translation adds a note.  A call
that cannot be translated stays a ``TFOpLambda`` (a placeholder once
imported) and its config gains ``"call"``, the call as text
(``tf.math.reduce_mean(tf.expand_dims, axis=1)``), so the user sees what
to replace.
"""

from __future__ import annotations

import math
from typing import Any

from kbuilder.core.i18n import translate

from .unnest import _Notes

OP_CLASSES = ("TFOpLambda", "SlicingOpLambda")
CONSTANT = "_CONSTANT_VALUE"

ACTIVATIONS = {
    "nn.relu": "relu",
    "math.sigmoid": "sigmoid",
    "nn.sigmoid": "sigmoid",
    "math.tanh": "tanh",
    "nn.tanh": "tanh",
    "nn.softmax": "softmax",
    "math.softmax": "softmax",
    "nn.relu6": "relu6",
    "nn.elu": "elu",
    "nn.selu": "selu",
    "math.softplus": "softplus",
    "nn.softplus": "softplus",
    "nn.softsign": "softsign",
    "math.softsign": "softsign",
    "nn.silu": "silu",
    "nn.swish": "silu",
    "nn.gelu": "gelu",
    "math.exp": "exponential",
}
# Keyword arguments an activation may carry at these values and still be the Keras one.
_ACTIVATION_ARGS = {"axis": (None, -1), "approximate": (False,), "beta": (1, 1.0)}
MERGES = {
    "math.add": "Add",
    "__operators__.add": "Add",
    "math.subtract": "Subtract",
    "math.multiply": "Multiply",
    "math.maximum": "Maximum",
    "math.minimum": "Minimum",
}
TRANSPOSES = ("transpose", "compat.v1.transpose", "linalg.matrix_transpose")


def translate_tf_ops(body: Any, notes: _Notes) -> None:
    """Rewrite, in place, every ``TFOpLambda`` of a functional ``body`` that
    has a Keras 3 equivalent; describe the call of the others."""
    layers = body.get("layers") if isinstance(body, dict) else None
    if not isinstance(layers, list):
        return
    for entry in layers:
        if not isinstance(entry, dict) or entry.get("class_name") not in OP_CLASSES:
            continue
        cfg = entry.get("config")
        if not isinstance(cfg, dict) or not isinstance(cfg.get("function"), str):
            continue
        calls = entry.get("inbound_nodes")
        call = _Call.read(calls[0]) if isinstance(calls, list) and len(calls) == 1 else None
        if call is None:
            continue
        name = entry.get("name") if isinstance(entry.get("name"), str) else cfg.get("name")
        found = _translate(cfg["function"], call, entry) if entry["class_name"] == "TFOpLambda" else None
        if found is None:  # kept for the placeholder: what the call was, to show and to resolve later
            cfg["call"] = call.text(cfg["function"])
            cfg["call_arguments"] = call.kwargs
            continue
        cls, config, inputs, what = found
        entry.clear()
        entry.update(
            {
                "module": "keras.layers",
                "class_name": cls,
                "name": name,
                "registered_name": None,
                "config": {
                    "name": name,
                    **config,
                    **({"dtype": cfg["dtype"]} if isinstance(cfg.get("dtype"), str) else {}),
                },
                "inbound_nodes": [[[*ref[:3], {}] for ref in inputs]],
            }
        )
        notes.group(
            ("tf_op", f"{cfg['function']}->{what}"),
            str(name),
            # {names} stays for _Notes.render, which fills in the layers.
            translate(
                "keras_io.tf_ops",
                "{names}: the raw TensorFlow call tf.{function}, which Keras 2 saved as a TFOpLambda "
                "layer, became {layer} (Keras 3 has no TFOpLambda).",
            ).format(names="{names}", function=cfg["function"], layer=what),
        )


# ------------------------------------------------------------------ calls
def _is_ref(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) in (3, 4)
        and isinstance(value[0], str)
        and value[0] != CONSTANT
        and isinstance(value[1], int)
        and isinstance(value[2], int)
        and not isinstance(value[1], bool)
    )


class _Call:
    """One call of a TFOpLambda: its first argument (a tensor, a list of
    tensors, or a constant) and its other arguments by name."""

    def __init__(self, first: Any, kwargs: dict[str, Any]) -> None:
        self.first = first
        self.kwargs = {k: v for k, v in kwargs.items() if k != "name"}

    @classmethod
    def read(cls, node: Any) -> _Call | None:
        if not isinstance(node, list) or not node:
            return None
        if _is_ref(node) or (len(node) == 4 and node[0] == CONSTANT and node[1] == -1):
            kwargs = node[3] if len(node) == 4 and isinstance(node[3], dict) else {}
            return cls(node if node[0] != CONSTANT else _Const(node[2]), kwargs)
        if all(_is_ref(v) for v in node):  # a list of tensors: tf.concat([a, b], axis=1)
            kwargs = node[0][3] if len(node[0]) == 4 and isinstance(node[0][3], dict) else {}
            return cls(list(node), kwargs)
        return None

    def tensor(self, value: Any) -> list | None:
        return value if _is_ref(value) else None

    def text(self, function: str) -> str:
        """The call as a reader would write it: tensors by layer name."""
        if function == "__operators__.getitem" and "slice_spec" in self.kwargs:
            return _cut(f"{_word(self.first)}[{_slices(self.kwargs['slice_spec'])}]", 200)
        args = [_word(self.first)] + [f"{k}={_word(v)}" for k, v in self.kwargs.items()]
        return _cut(f"tf.{function}({', '.join(args)})", 200)


def _cut(text: str, width: int) -> str:
    """``text`` on one line, at most ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


class _Const:
    def __init__(self, value: Any) -> None:
        self.value = value


def _word(value: Any) -> str:
    if isinstance(value, _Const):
        value = value.value
    if _is_ref(value):
        return value[0]
    if isinstance(value, list) and value and all(_is_ref(v) for v in value):
        return "[" + ", ".join(v[0] for v in value) + "]"
    return _cut(repr(value) if isinstance(value, str) else _json_text(value), 60)


def _json_text(value: Any) -> str:
    import json

    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)


def _slices(spec: Any) -> str:
    items = spec if isinstance(spec, list) else [spec]
    out = []
    for item in items:
        if isinstance(item, dict) and {"start", "stop", "step"} >= set(item):
            start, stop, step = (item.get(k) for k in ("start", "stop", "step"))
            text = f"{'' if start is None else start}:{'' if stop is None else stop}"
            out.append(text + (f":{step}" if step is not None else ""))
        elif item is None:
            out.append("None")
        else:
            out.append(_cut(_json_text(item), 20))
    return ", ".join(out)


def _number(value: Any) -> float | None:
    if isinstance(value, _Const):
        value = value.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# -------------------------------------------------------------- translations
Found = tuple[str, dict[str, Any], list, str]


def _translate(function: str, call: _Call, entry: dict) -> Found | None:
    """``(class, config, input tensors, words)`` or None."""
    x = call.tensor(call.first)
    kw = call.kwargs
    if function in ACTIVATIONS and x is not None:
        return _activation(function, x, kw)
    if function == "nn.leaky_relu" and x is not None and set(kw) <= {"alpha"}:
        alpha = _number(kw.get("alpha", 0.2))
        return None if alpha is None else ("LeakyReLU", {"negative_slope": alpha}, [x], f"LeakyReLU({alpha:g})")
    if function in MERGES or function in ("math.truediv", "math.divide"):
        return _arithmetic(function, call.first, kw)
    if function == "math.negative" and x is not None and not kw:
        return "Rescaling", {"scale": -1.0, "offset": 0.0}, [x], "Rescaling(scale=-1)"
    if function == "concat" and isinstance(call.first, list) and not _is_ref(call.first) and set(kw) == {"axis"}:
        axis = _int(kw["axis"])
        if axis is None or axis == 0 or len(call.first) < 2:
            return None
        return "Concatenate", {"axis": axis}, list(call.first), f"Concatenate(axis={axis})"
    if function == "reshape" and x is not None and set(kw) == {"shape"}:
        target = _target_shape(kw["shape"])
        return None if target is None else ("Reshape", {"target_shape": target}, [x], "Reshape")
    if function in TRANSPOSES and x is not None and set(kw) <= {"perm", "conjugate"} and not kw.get("conjugate"):
        perm = kw.get("perm")
        if not (isinstance(perm, list) and perm and perm[0] == 0 and sorted(perm) == list(range(len(perm)))):
            return None  # no perm (all axes reversed, batch included) or one that moves the batch
        if len(perm) < 2 or any(_int(p) is None for p in perm):
            return None
        return "Permute", {"dims": perm[1:]}, [x], "Permute"
    if function == "expand_dims" and x is not None and set(kw) == {"axis"}:
        build = entry.get("build_config")  # the input shape, where the file records it (tf_keras >= 2.13)
        shape = build.get("input_shape") if isinstance(build, dict) else None
        target = _expanded(shape, _int(kw["axis"]))
        return None if target is None else ("Reshape", {"target_shape": target}, [x], "Reshape")
    return None


def _activation(function: str, x: list, kw: dict) -> Found | None:
    name = ACTIVATIONS[function]
    if name == "softmax" and kw.get("axis") not in (None, -1):
        axis = _int(kw["axis"])
        if axis is None or axis == 0 or set(kw) != {"axis"}:
            return None
        return "Softmax", {"axis": axis}, [x], f"Softmax(axis={axis})"
    for key, value in kw.items():  # only the arguments whose value keeps it the Keras activation
        if not any(value is ok or (type(value) is type(ok) and value == ok) for ok in _ACTIVATION_ARGS.get(key, ())):
            return None
    return "Activation", {"activation": name}, [x], f"Activation('{name}')"


def _arithmetic(function: str, first: Any, kw: dict) -> Found | None:
    if set(kw) != {"y"}:
        return None
    a, b = first, kw["y"]
    if _is_ref(a) and _is_ref(b):
        cls = MERGES.get(function)
        return None if cls is None else (cls, {}, [a, b], cls)
    # One tensor and one number: x * scale + offset.
    x, c, tensor_first = (a, _number(b), True) if _is_ref(a) else (b, _number(a), False)
    if not _is_ref(x) or c is None:
        return None
    if function == "math.multiply":
        scale, offset = c, 0.0
    elif function in ("math.add", "__operators__.add"):
        scale, offset = 1.0, c
    elif function == "math.subtract":
        scale, offset = (1.0, -c) if tensor_first else (-1.0, c)
    elif function in ("math.truediv", "math.divide") and tensor_first and c != 0:
        scale, offset = 1.0 / c, 0.0
    else:
        return None
    return "Rescaling", {"scale": scale, "offset": offset}, [x], "Rescaling(scale, offset)"


def _target_shape(shape: Any) -> list[int] | None:
    """``tf.reshape``'s shape without the batch axis (which must be -1 or
    None), for Reshape; None when the batch size is fixed or the shape odd."""
    if not isinstance(shape, list) or len(shape) < 2 or shape[0] not in (-1, None):
        return None
    rest = shape[1:]
    if any(_int(d) is None or d == 0 or d < -1 for d in rest) or rest.count(-1) > 1:
        return None
    return list(rest)


def _expanded(shape: Any, axis: int | None) -> list[int] | None:
    """``tf.expand_dims``'s result without the batch axis, for an input of
    ``shape`` (batch axis first); None when it is not known well enough."""
    if axis is None or not isinstance(shape, (list, tuple)) or not shape:
        return None
    rank = len(shape)
    if axis < 0:
        axis += rank + 1
    if not 1 <= axis <= rank:
        return None
    dims = [*shape[1:axis], 1, *shape[axis:]]
    if any(d is not None and (_int(d) is None or d < 1) for d in dims) or dims.count(None) > 1:
        return None
    return [-1 if d is None else d for d in dims]


# ------------------------------------------------------------ after import
def resolve_with_shapes(graph: Any) -> list[str]:
    """``tf.expand_dims`` calls whose file did not record the input shape
    (``.h5`` files): once the graph exists, Keras infers the shape of what
    feeds them (:class:`~kbuilder.keras_io.shapes.ShapeInference`), and the
    placeholder becomes a Reshape (for a graph nobody follows yet: the
    inference made here is closed again).  Returns the notes."""
    pending = [n for n in graph.nodes if _expand_axis(n) is not None]
    if not pending:
        return []
    from .shapes import ShapeInference

    notes = _Notes()
    for _ in range(len(pending)):
        inference = ShapeInference(graph)
        try:
            infos = inference.refresh()
        finally:
            inference.close()
        done = []
        for node in pending:
            edges = graph.in_edges(node.id)
            info = infos.get(edges[0].src) if len(edges) == 1 and edges[0].src_port == 0 else None
            if info is None or info.error or info.blocked or not isinstance(info.output_shape, tuple):
                continue
            done.append(node)
            target = _expanded(list(info.output_shape), _expand_axis(node))
            if target is None:
                continue
            graph.overwrite(node.id, class_name="Reshape", params={"target_shape": target}, extra={})
            notes.group(
                ("tf_op", "expand_dims->Reshape"),
                node.name,
                translate(
                    "keras_io.tf_ops",
                    "{names}: the raw TensorFlow call tf.expand_dims, which Keras 2 saved as a TFOpLambda "
                    "layer, became Reshape (Keras 3 has no TFOpLambda).",
                ),
            )
        pending = [n for n in pending if n not in done]
        if not done or not pending:
            break
    return notes.render()


def _expand_axis(node: Any) -> int | None:
    extra = node.extra if isinstance(node.extra, dict) else {}
    cfg = extra.get("config") if isinstance(extra.get("config"), dict) else {}
    args = cfg.get("call_arguments")
    if not node.is_placeholder or extra.get("original_class") != "TFOpLambda" or cfg.get("function") != "expand_dims":
        return None
    return _int(args.get("axis")) if isinstance(args, dict) and set(args) == {"axis"} else None
