"""Fixes for a merge layer (Concatenate, Add, ...) whose inputs' shapes disagree.

:func:`merge_problem` says which axes differ; :func:`merge_fixes` offers the
repairs that make them agree, each checked by shape arithmetic before it is
offered: set the units or filters of the layer before an input, pool the
inputs to vectors, flatten them, reshape one to the other's shape.
"""

from __future__ import annotations

from collections.abc import Callable

from kbuilder.core.graph import Graph, Node
from kbuilder.core.i18n import translate
from kbuilder.layers.basics import format_shape

from .actions import Action, axis_names, compound, insert_before, known, set_params, size_of

ELEMENTWISE = frozenset({"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"})
MERGES = ELEMENTWISE | {"Concatenate"}


def _and(items: list[str]) -> str:
    """``a and b and c`` in the user's language."""
    text = items[0] if items else ""
    for item in items[1:]:
        text = translate("keras_io.merge_fixes", "{first} and {second}").format(first=text, second=item)
    return text


def merge_problem(cls: str, shapes: list[tuple], params: dict) -> str:
    """Which axes of a merge's inputs disagree, in words ("" when none do)."""
    if len({len(s) for s in shapes}) > 1:
        parts = [
            (
                translate("keras_io.merge_fixes", "input {number} has 1 axis {shape}")
                if len(s) == 1
                else translate("keras_io.merge_fixes", "input {number} has {count} axes {shape}")
            ).format(number=i + 1, count=len(s), shape=format_shape(s))
            for i, s in enumerate(shapes)
        ]
        return translate(
            "keras_io.merge_fixes", "The inputs of {cls} do not have the same number of axes: {inputs}."
        ).format(cls=cls, inputs=", ".join(parts))
    rank = len(shapes[0])
    names = axis_names(rank)
    skip = _concat_axis(params, rank) if cls == "Concatenate" else None
    bad = [a for a in range(rank) if a != skip and len({s[a] for s in shapes}) > 1]
    if not bad:
        return ""
    said = _and(
        [
            translate("keras_io.merge_fixes", "axis {number} ({name}: {sizes})").format(
                number=a + 1, name=names[a], sizes=" vs ".join(str(s[a]) for s in shapes)
            )
            for a in bad
        ]
    )
    if cls != "Concatenate":
        rule = translate(
            "keras_io.merge_fixes", "{cls} combines the inputs value by value, so their shapes must be equal."
        ).format(cls=cls)
    elif skip is None:
        rule = translate("keras_io.merge_fixes", "Concatenate's axis {axis} is not an axis of these inputs.").format(
            axis=repr(params.get("axis"))
        )
    else:
        rule = translate(
            "keras_io.merge_fixes",
            "Concatenate joins them along axis {number} ({name}), so every other axis must agree.",
        ).format(number=skip + 1, name=names[skip])
    return translate("keras_io.merge_fixes", "The inputs of {cls} differ along {axes}. {rule}").format(
        cls=cls, axes=said, rule=rule
    )


def _concat_axis(params: dict, rank: int) -> int | None:
    """The joining axis as an index into a sample shape (None: the batch axis or out of range)."""
    axis = params.get("axis", -1)
    if not isinstance(axis, int):
        return None
    a = axis + rank if axis < 0 else axis - 1
    return a if 0 <= a < rank else None


def _merge_ok(cls: str, shapes: list[tuple], params: dict) -> bool:
    if any(s is None for s in shapes) or len({len(s) for s in shapes}) > 1:
        return False
    if cls == "Concatenate":
        axis = _concat_axis(params, len(shapes[0]))
        return axis is not None and all(
            len({s[a] for s in shapes}) == 1 and shapes[0][a] is not None for a in range(len(shapes[0])) if a != axis
        )
    return len(set(shapes)) == 1


def merge_fixes(graph: Graph, node: Node, shapes: list[tuple]) -> list[Action]:
    """Repairs that make the merge's input shapes agree, checked by shape arithmetic."""
    owner = graph.owner(node)
    cls, params = owner.class_name, owner.params
    if _merge_ok(cls, shapes, params) or cls not in MERGES:
        return []
    detail = merge_problem(cls, shapes, params)
    edges = graph.in_edges(node.id)
    names = [graph.node(e.src).name for e in edges]
    fixes: list[Action] = []
    flattens: list[Action] = []  # offered first for a Concatenate

    def offer(title: str, after: list, build) -> Action | None:
        if _merge_ok(cls, after, params):
            fixes.append(Action(title, build, detail=detail))
            return fixes[-1]
        return None

    def layers_before(ports: list[int], cls_of: Callable[[int], tuple[str, dict]], what: str) -> Action | None:
        which = ", ".join(names[p] for p in ports)
        title = translate("keras_io.merge_fixes", "{action} ({layer} after {names})").format(
            action=what, layer=cls_of(ports[0])[0], names=which
        )
        return offer(
            title,
            [after_layer(shapes[p], cls_of(p)) if p in ports else shapes[p] for p in range(len(shapes))],
            insert_before(
                node.id,
                [edges[p].dst_port for p in ports],
                lambda port: cls_of(_index(port)),
                translate("keras_io.merge_fixes", "{action} of {name}").format(action=what, name=node.name),
            ),
        )

    def _index(port: int) -> int:
        return next(i for i, e in enumerate(edges) if e.dst_port == port)

    # Elementwise merges whose inputs differ only in the last axis: resize the layer before one of them.
    if cls in ELEMENTWISE and len({len(s) for s in shapes}) == 1 and len({s[:-1] for s in shapes}) == 1:
        target = shapes[0][-1]
        changes = []
        for e, s in zip(edges, shapes, strict=False):
            src = graph.node(e.src)
            key = next((k for k in ("units", "filters") if k in src.params), None)
            if s[-1] == target:
                continue
            if key is None or src.shared_with or graph.sharers(src.id) or len(graph.out_edges(src.id)) > 1:
                changes = []
                break
            changes.append((src, key))
        if changes:
            title = _and(
                [
                    translate("keras_io.merge_fixes", "Set the {parameter} of {name} to {value}").format(
                        parameter=key, name=src.name, value=target
                    )
                    for src, key in changes
                ]
            )
            offer(
                title,
                [s[:-1] + (target,) for s in shapes],
                compound(
                    title,
                    *[
                        set_params(
                            src.id,
                            {key: target},
                            translate("keras_io.merge_fixes", "Set {parameter}").format(parameter=key),
                        )
                        for src, key in changes
                    ],
                ),
            )
    deep = [p for p, s in enumerate(shapes) if len(s) >= 2]
    if deep and all(len(shapes[p]) <= 4 for p in deep):
        gap = {p: f"GlobalAveragePooling{len(shapes[p]) - 1}D" for p in deep}
        layers_before(
            deep,
            lambda p: (gap[p], {}),
            translate("keras_io.merge_fixes", "Pool the inputs of {name} to vectors").format(name=node.name),
        )
    if deep and all(known(shapes[p]) for p in deep):
        flat = layers_before(
            deep,
            lambda _p: ("Flatten", {}),
            translate("keras_io.merge_fixes", "Flatten the inputs of {name}").format(name=node.name),
        )
        if flat is not None:
            flattens.append(flat)
    ref = shapes[0]
    odd = [p for p, s in enumerate(shapes) if s != ref and size_of(s) is not None and size_of(s) == size_of(ref)]
    if odd and known(ref):
        layers_before(
            odd,
            lambda _p: ("Reshape", {"target_shape": list(ref)}),
            translate("keras_io.merge_fixes", "Reshape to {shape} before {name}").format(
                shape=format_shape(ref), name=node.name
            ),
        )
    if cls == "Concatenate":  # flattening keeps every value: offer it first
        fixes.sort(key=lambda f: f not in flattens)
    return fixes


def after_layer(shape: tuple, layer: tuple[str, dict]) -> tuple | None:
    """A sample shape after Flatten, GlobalAveragePoolingND or Reshape."""
    cls, params = layer
    if cls == "Flatten":
        return (size_of(shape),) if known(shape) else None
    if cls.startswith("GlobalAveragePooling"):
        return (shape[-1],)
    if cls == "Reshape":
        return tuple(params["target_shape"])
    return None
