"""One-click edits: :class:`Action` and the graph edits the fixes and the coach are made of.

An :class:`Action` is a titled edit that becomes *one* undoable command.  It
keeps node and edge ids, never the graph, so the analysis thread may find it
on its mirror of the graph and the window apply it to the document's graph.
``kind`` is ``"graph"`` (``command(graph)`` gives a core command, usually a
:class:`~kbuilder.core.commands.Compound`) or ``"settings"`` (the training
settings: ``command(graph, settings)`` needs what holds them, a ``Document``
or a :class:`kbuilder.training.settings_edit.SettingsBox`).  Either command
goes through ``History.push`` or ``ui.undo.execute`` like any other edit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kbuilder.core.commands import AddEdge, AddNode, RemoveEdge, SetParams
from kbuilder.core.graph import Edge, Graph, GraphError, Node, unique_name
from kbuilder.core.history import Command, Compound
from kbuilder.core.i18n import translate
from kbuilder.layers.basics import format_shape

RECURRENT = frozenset({"LSTM", "GRU", "SimpleRNN", "Bidirectional"})
Y_STEP = 110.0  # one row of kbuilder.core.layout


@dataclass(eq=False)
class Action:
    """One click: ``command(graph, settings)`` makes the one undoable edit."""

    title: str
    build: Callable[[Graph, Any], Command] = field(repr=False)
    kind: str = "graph"  # "graph" | "settings"
    detail: str = ""

    def command(self, graph: Graph, settings: Any = None) -> Command:
        """The edit, not yet applied.  ``settings``: what holds the training
        settings (``.settings`` dict, ``.set_setting(key, value)``), needed by
        settings actions.  Raises :class:`GraphError` when the layers it
        names are gone."""
        if self.kind == "settings" and settings is None:
            raise ValueError(f"'{self.title}' changes the training settings: pass the document that holds them")
        return self.build(graph, settings)

    def apply(self, target: Any, settings: Any = None) -> Command:
        """Run the edit on a Graph, or on a Document (its graph and settings);
        the command comes back applied (``undo(graph)`` reverts it)."""
        graph = target if isinstance(target, Graph) else target.graph
        holder = settings if settings is not None or isinstance(target, Graph) else target
        cmd = self.command(graph, holder)
        cmd.redo(graph)
        return cmd

    def to_dict(self) -> dict[str, str]:
        d = {"title": self.title, "kind": self.kind}
        if self.detail:
            d["detail"] = self.detail
        return d


# --------------------------------------------------------------- graph edits
def snake(class_name: str) -> str:
    """Keras's default layer name for a class (``GlobalAveragePooling2D`` -> ``global_average_pooling2d``)."""
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", class_name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


def new_node(graph: Graph, class_name: str, params: dict, position, taken: set[str]) -> Node:
    """A node with a free name (also free of ``taken``, the names a compound adds)."""
    name = unique_name(snake(class_name), taken | {n.name for n in graph.nodes})
    taken.add(name)
    return Node(
        class_name=class_name, name=name, params=dict(params), position=(float(position[0]), float(position[1]))
    )


def _between(graph: Graph, src: str, dst: str) -> tuple[float, float]:
    (x0, y0), (x1, y1) = graph.node(src).position, graph.node(dst).position
    return ((x0 + x1) / 2, (y0 + y1) / 2)


def insert_on_edge(graph: Graph, edge: Edge, class_name: str, params: dict, taken: set[str]) -> list[Command]:
    """Commands that put a new layer on ``edge`` (src -> new -> dst, same ports)."""
    node = new_node(graph, class_name, params, _between(graph, edge.src, edge.dst), taken)
    return [
        RemoveEdge(edge),
        AddNode(node),
        AddEdge(Edge(src=edge.src, dst=node.id, dst_port=0, src_port=edge.src_port)),
        AddEdge(Edge(src=node.id, dst=edge.dst, dst_port=edge.dst_port)),
    ]


def insert_after(graph: Graph, node_id: str, class_name: str, params: dict, text: str) -> Compound:
    """One command putting a new layer right after ``node_id``: everything
    the node fed is fed by the new layer instead."""
    outs = graph.out_edges(node_id)
    x, y = graph.node(node_id).position
    pos = _between(graph, node_id, outs[0].dst) if outs else (x, y + Y_STEP)
    node = new_node(graph, class_name, params, pos, set())
    children: list[Command] = [AddNode(node)]
    for e in outs:
        children += [RemoveEdge(e), AddEdge(Edge(src=node.id, dst=e.dst, dst_port=e.dst_port))]
    children.append(AddEdge(Edge(src=node_id, dst=node.id)))
    return Compound(children=children, text=text)


def _in_edge(graph: Graph, node_id: str, port: int) -> Edge:
    for e in graph.in_edges(node_id):
        if e.dst_port == port:
            return e
    raise GraphError(
        translate("keras_io.actions", "{name} has no input {number} any more").format(
            name=graph.node(node_id).name, number=port + 1
        )
    )


def insert_before(node_id: str, ports: list[int], class_of: Callable[[int], tuple[str, dict]], text: str):
    """An Action builder: one new layer on each of ``ports`` of ``node_id``."""

    def build(graph: Graph, _settings=None) -> Command:
        taken: set[str] = set()
        children: list[Command] = []
        for port in ports:
            cls, params = class_of(port)
            children += insert_on_edge(graph, _in_edge(graph, node_id, port), cls, params, taken)
        return Compound(children=children, text=text)

    return build


def set_params(node_id: str, changes: dict, text: str):
    def build(graph: Graph, _settings=None) -> Command:
        old = dict(graph.node(node_id).params)
        return SetParams(node_id, old, {**old, **changes}, text=text)

    return build


def compound(text: str, *parts: Callable[[Graph, Any], Command]):
    def build(graph: Graph, settings=None) -> Command:
        return Compound(children=[p(graph, settings) for p in parts], text=text)

    return build


# -------------------------------------------------------------------- shapes
def sample_rank(class_name: str) -> int | None:
    """Axes per sample a layer needs: N + 1 for ``...ND`` convolutions,
    pooling, padding, cropping, upsampling; 2 for recurrent layers."""
    if class_name in RECURRENT:
        return 2
    m = re.search(r"(\d)D(Transpose)?$", class_name)
    if m and not class_name.startswith("ConvLSTM"):
        return int(m.group(1)) + 1
    return None


def axis_names(rank: int) -> tuple[str, ...]:
    """The axes of a sample of ``rank`` axes, in words (for messages)."""
    features = translate("keras_io.actions", "features")
    steps = translate("keras_io.actions", "steps")
    height = translate("keras_io.actions", "height")
    width = translate("keras_io.actions", "width")
    channels = translate("keras_io.actions", "channels")
    return {
        1: (features,),
        2: (steps, features),
        3: (height, width, channels),
        4: (translate("keras_io.actions", "depth"), height, width, channels),
    }.get(rank, tuple(translate("keras_io.actions", "axis {number}").format(number=i + 1) for i in range(rank)))


def sample_shape(shape) -> tuple | None:
    """A shape without its batch axis (None when unknown or several)."""
    if not isinstance(shape, tuple) or not shape:
        return None
    return tuple(shape[1:])


def known(shape: tuple) -> bool:
    return all(d is not None for d in shape)


def size_of(shape: tuple) -> int | None:
    return math.prod(shape) if known(shape) else None


def reshape_target(shape: tuple) -> list[int] | None:
    """Reshape's target_shape for ``shape`` (one unknown length becomes -1)."""
    if sum(d is None for d in shape) > 1:
        return None
    return [-1 if d is None else int(d) for d in shape]


def fmt_target(shape) -> str:
    return format_shape(tuple(None if d == -1 else d for d in shape))
