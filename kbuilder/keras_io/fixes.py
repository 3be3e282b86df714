"""One-click repairs for what :func:`kbuilder.keras_io.check.check_graph` finds.

Each fix is a :class:`kbuilder.keras_io.actions.Action` (re-exported here):
a title, a detail sentence, and ``command(graph)`` giving one undoable core
command.  It keeps ids, never the graph, so the analysis thread may find it
on its mirror of the graph and the window apply it to the document's::

    for issue, fixes in zip(issues, fixes_for_issues(graph, issues, inference)):
        fixes[0].title                       # "Insert a Reshape to (28, 28, 1) before conv2d"
        cmd = fixes[0].command(graph)        # a kbuilder.core.commands.Command, not applied
        History(graph).push(cmd)             # or ui.undo.execute(stack, graph, cmd)

Which issue gets which fixes (the first is what ``kbuilder check --fix``
applies; a fix is offered only where the repair is mechanical):

* ``keras`` on a layer that needs more (or fewer) axes per sample -- Conv1D/2D/3D,
  their pooling, padding and upsampling kin, LSTM/GRU/SimpleRNN: a Reshape before
  it that adds a channel axis ((28, 28) -> (28, 28, 1); 784 values -> (28, 28, 1)),
  or merges the last two; when an Input feeds it alone, also "give the Input that shape".
* ``dense_not_flat``: a Flatten, or a GlobalAveragePooling1D/2D/3D, before the Dense.
* ``keras`` on a merge layer (Concatenate, Add, ...) whose input shapes disagree:
  the detail names the axes that differ; fixes (each checked by shape arithmetic):
  set the units/filters of the layer before it, pool or flatten its inputs, reshape one.
* ``no_input``: add an Input before the first layer (the data set's sample shape,
  else one the layer takes: (28, 28, 1) for Conv2D, the palette's 784 for Dense).
* ``no_input_connected``: connect the one layer (or Input) whose output is free,
  when there is exactly one; delete the layer.
* ``input_unused``: connect it to the one layer that has no input; delete it
  (not the only Input).
* ``cycle_edge``, ``extra_input``: remove the connection the message names.

Fixes that need the training settings (output units against the data's
classes, softmax with binary cross-entropy) live in
:mod:`kbuilder.training.repair`, which also runs the "fix until clean" loop.
"""

from __future__ import annotations

import math

from kbuilder.core.commands import AddEdge, AddNode, RemoveEdge, remove_items
from kbuilder.core.graph import Edge, Graph, Node
from kbuilder.core.history import Command, Compound
from kbuilder.core.i18n import translate
from kbuilder.core.validate import Issue
from kbuilder.layers.basics import format_shape

from .actions import (
    Y_STEP,
    Action,
    axis_names,
    fmt_target,
    insert_before,
    known,
    new_node,
    reshape_target,
    sample_rank,
    sample_shape,
    set_params,
    size_of,
)
from .merge_fixes import MERGES, merge_fixes

#: The palette's shape for a new Input (kbuilder.layers.introspect.input_spec).
PALETTE_INPUT_SHAPE = [784]
__all__ = ["Action", "fixes_for", "fixes_for_issues"]


def fixes_for(graph: Graph, issue: Issue, inference=None, input_shape: tuple | None = None) -> list[Action]:
    """The repairs for one issue (most likely first); [] when none is mechanical."""
    return fixes_for_issues(graph, [issue], inference, input_shape)[0]


def fixes_for_issues(
    graph: Graph, issues: list[Issue], inference=None, input_shape: tuple | None = None
) -> list[list[Action]]:
    """:func:`fixes_for` for each issue, with one shape inference for all.
    ``inference``: the ShapeInference that checked ``graph`` (else one is made
    when an issue needs shapes); ``input_shape``: the data's sample shape."""
    infos = None
    own = None
    if any(i.code in ("keras", "run", "dense_not_flat") for i in issues):
        if inference is None:
            from .shapes import ShapeInference

            inference = own = ShapeInference(graph)
        try:
            infos = inference.refresh()
        finally:
            if own is not None:
                own.close()
    return [_fixes(graph, issue, infos or {}, input_shape) for issue in issues]


def _fixes(graph: Graph, issue: Issue, infos: dict, input_shape) -> list[Action]:
    node = graph.node(issue.node_id) if issue.node_id and issue.node_id in graph else None
    code = issue.code
    if code == "no_input":
        return _add_input_fixes(graph, input_shape)
    if code in ("cycle_edge", "extra_input") and issue.edge_id and graph.has_edge(issue.edge_id):
        return [_remove_edge_fix(graph, graph.edge(issue.edge_id))]
    if node is None:
        return []
    if code == "no_input_connected":
        return _connect_fixes(graph, node)
    if code == "input_unused":
        return _unused_input_fixes(graph, node)
    info = infos.get(node.id)
    shapes = [sample_shape(s) for s in (info.input_shapes or [])] if info is not None else []
    if not shapes or any(s is None for s in shapes):
        return []
    owner = graph.owner(node)
    if code == "dense_not_flat":
        return _flatten_fixes(node, shapes[0])
    if code in ("keras", "run") and owner.class_name in MERGES and len(shapes) >= 2:
        return merge_fixes(graph, node, shapes)
    if code in ("keras", "run") and len(shapes) == 1:
        return _rank_fixes(graph, node, owner.class_name, shapes[0])
    return []


def _remove_edge_fix(graph: Graph, edge: Edge) -> Action:
    src, dst = graph.node(edge.src).name, graph.node(edge.dst).name
    eid = edge.id
    text = translate("keras_io.fixes", "Disconnect {source} from {target}").format(source=src, target=dst)
    return Action(
        translate("keras_io.fixes", "Remove the connection from {source} to {target}").format(source=src, target=dst),
        lambda g, _s=None: Compound(children=[RemoveEdge(g.edge(eid))], text=text),
    )


def _delete_fix(node: Node) -> Action:
    nid = node.id
    return Action(
        translate("keras_io.fixes", "Delete {name}").format(name=node.name), lambda g, _s=None: remove_items(g, [nid])
    )


def _connect_fix(src: Node, dst: Node) -> Action:
    s, d = src.id, dst.id
    text = translate("keras_io.fixes", "Connect {source} to {target}").format(source=src.name, target=dst.name)

    def build(graph: Graph, _settings=None) -> Command:
        edge = Edge(src=s, dst=d, dst_port=graph.next_free_port(d))
        return Compound(children=[AddEdge(edge)], text=text)

    return Action(text, build)


def _downstream(graph: Graph, node_id: str) -> set[str]:
    seen, todo = {node_id}, [node_id]
    while todo:
        for e in graph.out_edges(todo.pop()):
            if e.dst not in seen:
                seen.add(e.dst)
                todo.append(e.dst)
    return seen


def _connect_fixes(graph: Graph, node: Node) -> list[Action]:
    """The one free output that can feed ``node`` (no loop), and deleting it."""
    below = _downstream(graph, node.id)
    free = [n for n in graph.nodes if n.id not in below and not graph.out_edges(n.id) and not n.is_placeholder]
    fixes = [_connect_fix(free[0], node)] if len(free) == 1 else []
    return fixes + [_delete_fix(node)]


def _unused_input_fixes(graph: Graph, node: Node) -> list[Action]:
    unfed = [n for n in graph.nodes if not n.is_input and not graph.in_edges(n.id)]
    fixes = [_connect_fix(node, unfed[0])] if len(unfed) == 1 else []
    if len(graph.inputs()) > 1:
        fixes.append(_delete_fix(node))
    return fixes


def _guess_input(graph: Graph, first: Node, input_shape) -> tuple[list, str]:
    """An Input shape (and dtype) that ``first`` can take."""
    owner = graph.owner(first)
    want = sample_rank(owner.class_name)
    if input_shape:
        shape = [None if d is None else int(d) for d in input_shape]
        if want is not None and len(shape) == want - 1:
            shape.append(1)  # a grey picture for a Conv2D: the channel axis
        return shape, "float32"
    for key in ("batch_input_shape", "input_shape"):
        given = owner.params.get(key)
        if isinstance(given, list) and given:
            return (list(given[1:]) if key == "batch_input_shape" else list(given)), "float32"
    if owner.class_name == "Embedding":
        return [100], "int32"
    if want is not None:
        return {2: [100, 1], 3: [28, 28, 1], 4: [16, 16, 16, 1]}[want], "float32"
    return list(PALETTE_INPUT_SHAPE), "float32"


def _add_input_fixes(graph: Graph, input_shape) -> list[Action]:
    """An Input for each layer nothing feeds (the first one first; at most three)."""
    sources = [n for n in graph.nodes if not n.is_input and not graph.in_edges(n.id)]
    fixes = []
    for first in sources[:3]:
        shape, dtype = _guess_input(graph, first, input_shape)
        fid = first.id
        text = translate("keras_io.fixes", "Add an Input")

        def build(g: Graph, _settings=None, fid=fid, shape=shape, dtype=dtype, text=text) -> Command:
            x, y = g.node(fid).position
            node = new_node(g, "Input", {"shape": shape, "dtype": dtype}, (x, y - Y_STEP), set())
            return Compound(children=[AddNode(node), AddEdge(Edge(src=node.id, dst=fid))], text=text)

        title = translate("keras_io.fixes", "Add an Input of shape {shape} before {name}").format(
            shape=format_shape(tuple(shape)), name=first.name
        )
        fixes.append(Action(title, build))
    return fixes


def _flatten_fixes(node: Node, shape: tuple) -> list[Action]:
    nid = node.id
    size = size_of(shape)
    if size is not None:
        detail = translate("keras_io.fixes", "Flatten turns each {shape} sample into {count} values.").format(
            shape=format_shape(shape), count=size
        )
    else:
        detail = translate("keras_io.fixes", "Flatten turns each {shape} sample into one vector.").format(
            shape=format_shape(shape)
        )
    fixes = [
        Action(
            translate("keras_io.fixes", "Insert a Flatten before {name}").format(name=node.name),
            insert_before(
                nid,
                [0],
                lambda _p: ("Flatten", {}),
                translate("keras_io.fixes", "Insert Flatten before {name}").format(name=node.name),
            ),
            detail=detail,
        )
    ]
    if 2 <= len(shape) <= 4:
        gap = f"GlobalAveragePooling{len(shape) - 1}D"
        fixes.append(
            Action(
                translate("keras_io.fixes", "Insert a {layer} before {name}").format(layer=gap, name=node.name),
                insert_before(
                    nid,
                    [0],
                    lambda _p: (gap, {}),
                    translate("keras_io.fixes", "Insert {layer} before {name}").format(layer=gap, name=node.name),
                ),
                detail=translate(
                    "keras_io.fixes",
                    "{layer} averages each of the {count} {axis} over the other axes: fewer weights than Flatten.",
                ).format(layer=gap, count=shape[-1], axis=axis_names(len(shape))[-1]),
            )
        )
    return fixes


def _rank_fixes(graph: Graph, node: Node, cls: str, shape: tuple) -> list[Action]:
    want = sample_rank(cls)
    if want is None or len(shape) == want:
        return []
    target: list[int] | None = None
    words = {"cls": cls, "count": want, "axes": ", ".join(axis_names(want)), "shape": format_shape(shape)}
    if len(shape) == want - 1:
        target = reshape_target(shape + (1,))
        detail = translate(
            "keras_io.fixes",
            "{cls} needs {count} axes per sample ({axes}) but receives {shape}; the Reshape adds a channel axis.",
        ).format(**words)
    elif len(shape) == 1 and want == 3 and shape[0] is not None and math.isqrt(shape[0]) ** 2 == shape[0]:
        side = math.isqrt(shape[0])
        target = [side, side, 1]
        detail = translate(
            "keras_io.fixes",
            "{cls} needs {count} axes per sample ({axes}) but receives {shape}; "
            "a Reshape reads its {values} values as {side} × {side} pictures with 1 channel.",
        ).format(**words, values=shape[0], side=side)
    elif len(shape) == want + 1 and known(shape[-2:]):
        target = reshape_target(shape[:-2] + (shape[-2] * shape[-1],))
        detail = translate(
            "keras_io.fixes",
            "{cls} needs {count} axes per sample ({axes}) but receives {shape}; the Reshape joins the last two axes.",
        ).format(**words)
    if target is None:
        return []
    nid = node.id
    fixes = [
        Action(
            translate("keras_io.fixes", "Insert a Reshape to {shape} before {name}").format(
                shape=fmt_target(target), name=node.name
            ),
            insert_before(
                nid,
                [0],
                lambda _p: ("Reshape", {"target_shape": target}),
                translate("keras_io.fixes", "Insert Reshape before {name}").format(name=node.name),
            ),
            detail=detail,
        )
    ]
    src = graph.node(graph.in_edges(nid)[0].src)
    if src.is_input and len(graph.out_edges(src.id)) == 1 and -1 not in target:
        fixes.append(
            Action(
                translate("keras_io.fixes", "Give the Input {name} the shape {shape}").format(
                    name=src.name, shape=fmt_target(target)
                ),
                set_params(
                    src.id,
                    {"shape": list(target)},
                    translate("keras_io.fixes", "Set the shape of {name}").format(name=src.name),
                ),
                detail=translate(
                    "keras_io.fixes", "{cls} needs {count} axes per sample; training reshapes the data to fit."
                ).format(cls=cls, count=want),
            )
        )
    return fixes
