"""``model.summary()`` as data, from shape inference (no model is built).

:func:`summarize` gives the dictionary ``kbuilder summary --json`` prints;
:func:`format_summary` renders it as a text table like Keras's.  A layer
shared by several nodes is counted once, on its owner, as
``model.count_params()`` does; nodes that lead to no output are left out,
as Keras leaves them out of the model.  Where Keras reported an error (or
could not be asked), shape and parameters are ``None``, the totals count
what is known and the key ``unknown`` (present only then) names the layers
left out -- never in silence.
"""

from __future__ import annotations

from typing import Any

from kbuilder.core.graph import Graph
from kbuilder.core.i18n import translate
from kbuilder.layers.basics import format_shape

from .build import model_node_ids
from .pysource import width
from .shapes import ShapeInference


def _jsonable(shape: Any) -> Any:
    if shape is None:
        return None
    if isinstance(shape, (list, tuple)) and shape and isinstance(shape[0], (list, tuple)):
        return [_jsonable(s) for s in shape]
    return [None if d is None else int(d) for d in shape]


def summarize(graph: Graph, inference: ShapeInference | None = None) -> dict:
    own = inference is None
    inf = inference or ShapeInference(graph)
    try:
        infos = inf.refresh()
    finally:
        if own:
            inf.close()
    keep = model_node_ids(graph)
    order = graph.topological_order(keep)
    # Which node of the model carries a (possibly shared) layer's weights.
    carrier: dict[str, str] = {}
    for n in order:
        owner = graph.owner(n)
        if owner.id in keep:
            carrier[owner.id] = owner.id
        else:
            carrier.setdefault(owner.id, n.id)

    layers = []
    unknown: list[str] = []
    total = trainable = non_trainable = 0
    for n in order:
        owner = graph.owner(n)
        info = infos.get(n.id)
        oinfo = infos.get(owner.id)
        params = None
        if carrier.get(owner.id) == n.id:
            if oinfo is not None and oinfo.params is not None:
                params = oinfo.params
                total += oinfo.params
                trainable += oinfo.trainable_params or 0
                non_trainable += oinfo.non_trainable_params or 0
            elif not n.is_input:
                unknown.append(n.name)
        elif info is not None and info.output_shape is not None:
            params = 0
        layers.append(
            {
                "name": n.name,
                "class_name": n.class_name,
                "output_shape": _jsonable(info.output_shape if info else None),
                "params": params,
                "inbound": [graph.node(e.src).name for e in graph.in_edges(n.id)],
            }
        )
    by_name = {d["name"]: d for d in layers}
    out = {
        "name": graph.name,
        "total_params": total,
        "trainable_params": trainable,
        "non_trainable_params": non_trainable,
        "inputs": [{"name": n.name, "shape": by_name[n.name]["output_shape"]} for n in graph.inputs()],
        "outputs": [
            {"name": n.name, "shape": by_name[n.name]["output_shape"] if n.name in by_name else None}
            for n in graph.outputs()
        ],
        "layers": layers,
    }
    if unknown:  # only then: a complete summary keeps the shape it always had
        out["unknown"] = unknown
    return out


def format_summary(d: dict) -> str:
    """A text table in the manner of ``model.summary()``."""
    head = (
        translate("keras_io.summary", "Layer (type)"),
        translate("keras_io.summary", "Output Shape"),
        translate("keras_io.summary", "Param #"),
        translate("keras_io.summary", "Connected to"),
    )
    rows = []
    for layer in d["layers"]:
        shape = layer["output_shape"]
        rows.append(
            (
                f"{layer['name']} ({layer['class_name']})",
                "?"
                if shape is None
                else format_shape(shape if not (shape and isinstance(shape[0], list)) else [tuple(s) for s in shape]),
                "?" if layer["params"] is None else f"{layer['params']:,}",
                ", ".join(layer["inbound"]) or "-",
            )
        )
    # Columns as a terminal shows them: a Korean or Chinese character takes two.
    widths = [max(width(r[i]) for r in [head, *rows]) for i in range(4)]
    line_w = sum(widths) + 3 * 3

    def fmt(r) -> str:
        return "   ".join(
            c + " " * (w - width(c)) if i != 2 else " " * (w - width(c)) + c
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()

    out = [
        translate("keras_io.summary", 'Model: "{name}"').format(name=d["name"]),
        "_" * line_w,
        fmt(head),
        "=" * line_w,
    ]
    for i, r in enumerate(rows):
        out.append(fmt(r))
        out.append("_" * line_w if i < len(rows) - 1 else "=" * line_w)
    out += [
        translate("keras_io.summary", "Total params: {count}").format(count=f"{d['total_params']:,}"),
        translate("keras_io.summary", "Trainable params: {count}").format(count=f"{d['trainable_params']:,}"),
        translate("keras_io.summary", "Non-trainable params: {count}").format(count=f"{d['non_trainable_params']:,}"),
    ]
    if d.get("unknown"):
        names = ", ".join(d["unknown"])
        out.append(
            translate("keras_io.summary", "Not counted (the model has errors there): {names}").format(names=names)
        )
    return "\n".join(out)
