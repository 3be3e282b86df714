"""Undoable edits of a :class:`~kbuilder.core.graph.Graph`.

Each command touches only the graph (never a view) and can be applied and
reverted any number of times.  The Qt undo stack wraps these objects
(``kbuilder.ui.undo``); tests drive them headless through :class:`History`.
Removing a node is a compound command whose children first remove its
edges, as Orange's canvas does, so undo restores the edges in their order.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from .graph import Edge, Graph, Node


class Command:
    text = "edit"

    def redo(self, graph: Graph) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def undo(self, graph: Graph) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def merge_key(self) -> Any:
        """Commands with equal, non-None keys that follow each other are
        merged into one undo step (a drag, typing in a spin box)."""
        return None

    def merge(self, other: Command) -> bool:
        return False


@dataclass
class AddNode(Command):
    node: Node
    text: str = "Add layer"

    def redo(self, graph: Graph) -> None:
        graph.add_node(copy.deepcopy(self.node))

    def undo(self, graph: Graph) -> None:
        graph.remove_node(self.node.id)


@dataclass
class AddEdge(Command):
    edge: Edge
    text: str = "Connect"

    def redo(self, graph: Graph) -> None:
        graph.add_edge(self.edge)

    def undo(self, graph: Graph) -> None:
        graph.remove_edge(self.edge.id)


@dataclass
class RemoveEdge(Command):
    edge: Edge
    text: str = "Disconnect"
    index: int | None = None

    def redo(self, graph: Graph) -> None:
        self.index = graph.edge_index_of(self.edge.id)
        graph.remove_edge(self.edge.id)

    def undo(self, graph: Graph) -> None:
        graph.add_edge(self.edge, self.index)


@dataclass
class Compound(Command):
    children: list[Command] = field(default_factory=list)
    text: str = "edit"

    def redo(self, graph: Graph) -> None:
        for c in self.children:
            c.redo(graph)

    def undo(self, graph: Graph) -> None:
        for c in reversed(self.children):
            c.undo(graph)


@dataclass
class _DropNode(Command):
    node: Node
    index: int | None = None

    def redo(self, graph: Graph) -> None:
        self.index = graph.index_of(self.node.id)
        graph.remove_node(self.node.id)

    def undo(self, graph: Graph) -> None:
        graph.add_node(copy.deepcopy(self.node), self.index)


def remove_items(graph: Graph, node_ids: list[str], edge_ids: list[str] = ()) -> Compound:
    """One command deleting a selection of nodes and edges."""
    children: list[Command] = []
    gone_edges: set[str] = set()
    node_set = set(node_ids)
    for eid in edge_ids:
        e = graph.edge(eid)
        if e.src in node_set or e.dst in node_set:
            continue  # removed with its node
        children.append(RemoveEdge(e))
        gone_edges.add(eid)
    for nid in node_ids:
        node = graph.node(nid)
        for e in graph.in_edges(nid) + graph.out_edges(nid):
            if e.id not in gone_edges:
                children.append(RemoveEdge(e))
                gone_edges.add(e.id)
        for sharer in graph.sharers(nid):
            if sharer.id not in node_set:
                children.append(SetShared(sharer.id, nid, None))
        children.append(_DropNode(copy.deepcopy(node)))
    n = len(node_ids)
    if n == 1:
        text = f"Delete {graph.node(node_ids[0]).name}"
    else:
        text = f"Delete {n} layers" if n else "Disconnect"
    return Compound(children=children, text=text)


@dataclass
class SetParams(Command):
    node_id: str
    old: dict[str, Any]
    new: dict[str, Any]
    text: str = "Change parameter"
    merge_id: Any = None

    def redo(self, graph: Graph) -> None:
        graph.set_params(self.node_id, self.new)

    def undo(self, graph: Graph) -> None:
        graph.set_params(self.node_id, self.old)

    def merge_key(self) -> Any:
        return ("params", self.node_id, self.merge_id) if self.merge_id is not None else None

    def merge(self, other: Command) -> bool:
        if isinstance(other, SetParams) and other.merge_key() == self.merge_key():
            self.new = other.new
            return True
        return False


def set_param(graph: Graph, node_id: str, key: str, value: Any, merge: bool = False) -> SetParams:
    old = copy.deepcopy(graph.node(node_id).params)
    new = dict(old)
    if value is None:
        new.pop(key, None)
    else:
        new[key] = value
    return SetParams(node_id, old, new, text=f"Set {key}", merge_id=key if merge else None)


@dataclass
class Rename(Command):
    node_id: str
    old: str
    new: str
    text: str = "Rename"

    def redo(self, graph: Graph) -> None:
        graph.rename(self.node_id, self.new)

    def undo(self, graph: Graph) -> None:
        graph.rename(self.node_id, self.old)


@dataclass
class SetShared(Command):
    node_id: str
    old: str | None
    new: str | None
    text: str = "Share layer"
    old_class: str | None = None

    def redo(self, graph: Graph) -> None:
        node = graph.node(self.node_id)
        if self.old_class is None:
            self.old_class = node.class_name
        graph.set_shared_with(self.node_id, self.new)

    def undo(self, graph: Graph) -> None:
        graph.set_shared_with(self.node_id, self.old)
        if self.old is None and self.old_class is not None:
            graph.node(self.node_id).class_name = self.old_class


@dataclass
class SetOutput(Command):
    node_id: str
    new: bool
    text: str = "Mark as output"

    def redo(self, graph: Graph) -> None:
        graph.set_output(self.node_id, self.new)

    def undo(self, graph: Graph) -> None:
        graph.set_output(self.node_id, not self.new)


@dataclass
class Move(Command):
    """Move nodes; ``old``/``new`` map node id to position.  Moves that
    carry the same ``drag_id`` merge into one undo step."""

    old: dict[str, tuple[float, float]]
    new: dict[str, tuple[float, float]]
    text: str = "Move"
    drag_id: Any = None

    def redo(self, graph: Graph) -> None:
        for nid, pos in self.new.items():
            graph.move(nid, pos)

    def undo(self, graph: Graph) -> None:
        for nid, pos in self.old.items():
            graph.move(nid, pos)

    def merge_key(self) -> Any:
        return ("move", self.drag_id) if self.drag_id is not None else None

    def merge(self, other: Command) -> bool:
        if isinstance(other, Move) and other.merge_key() == self.merge_key():
            for nid, pos in other.old.items():
                self.old.setdefault(nid, pos)
            self.new.update(other.new)
            return True
        return False


@dataclass
class ReorderInputs(Command):
    """Give a merge layer's inputs a new order (list of edge ids)."""

    node_id: str
    old_order: list[str]
    new_order: list[str]
    text: str = "Reorder inputs"

    def _apply(self, graph: Graph, order: list[str]) -> None:
        # Each edge keeps its slot in the graph (so the saved file only
        # changes in the ports); only the port numbers follow ``order``.
        port_of = {eid: port for port, eid in enumerate(order)}
        slots = sorted((graph.edge_index_of(eid), eid) for eid in order)
        for _, eid in slots:
            graph.remove_edge(eid)
        for index, eid in slots:
            e = self._edges[eid]
            graph.add_edge(Edge(src=e.src, dst=e.dst, dst_port=port_of[eid], src_port=e.src_port, id=eid), index)

    @property
    def _edges(self) -> dict[str, Edge]:
        return self.__dict__.setdefault("_edge_cache", {})

    def _remember(self, graph: Graph) -> None:
        for eid in self.old_order:
            self._edges.setdefault(eid, graph.edge(eid))

    def redo(self, graph: Graph) -> None:
        self._remember(graph)
        self._apply(graph, self.new_order)

    def undo(self, graph: Graph) -> None:
        self._remember(graph)
        self._apply(graph, self.old_order)


def paste(graph: Graph, data: dict[str, Any], offset: tuple[float, float] = (30.0, 30.0)) -> Compound:
    """A command adding a copied fragment (``Graph.to_dict`` of a selection)
    with fresh ids and free names; edges to nodes outside it are dropped."""
    from .graph import new_id

    id_map: dict[str, str] = {}
    children: list[Command] = []
    taken = {n.name for n in graph.nodes}
    for nd in data.get("nodes", []):
        node = Node.from_dict(nd)
        id_map[node.id] = new_id()
        node.id = id_map[node.id]
        base = node.name
        name, i = base, 1
        while name in taken:
            name = f"{base}_{i}"
            i += 1
        taken.add(name)
        node.name = name
        node.position = (node.position[0] + offset[0], node.position[1] + offset[1])
        children.append(AddNode(node))
    for child in children:
        node = child.node  # type: ignore[attr-defined]
        if node.shared_with:
            node.shared_with = id_map.get(node.shared_with, node.shared_with if node.shared_with in graph else None)
    for ed in data.get("edges", []):
        if ed["src"] in id_map and ed["dst"] in id_map:
            children.append(
                AddEdge(Edge(src=id_map[ed["src"]], dst=id_map[ed["dst"]], dst_port=int(ed.get("dst_port", 0)), src_port=int(ed.get("src_port", 0))))
            )
    return Compound(children=children, text="Paste")


def fragment(graph: Graph, node_ids: list[str]) -> dict[str, Any]:
    """The part of the graph a copy takes: the nodes and the edges between them."""
    ids = set(node_ids)
    return {
        "nodes": [graph.node(n).to_dict() for n in node_ids],
        "edges": [e.to_dict() for e in graph.edges if e.src in ids and e.dst in ids],
    }


class History:
    """A headless undo stack with the semantics of ``QUndoStack``: push runs
    the command, merges with the previous one when both say so, and drops
    the redo tail."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def push(self, cmd: Command) -> None:
        cmd.redo(self.graph)
        self._undone.clear()
        if self._done and cmd.merge_key() is not None and self._done[-1].merge(cmd):
            return
        self._done.append(cmd)

    def undo(self) -> bool:
        if not self._done:
            return False
        cmd = self._done.pop()
        cmd.undo(self.graph)
        self._undone.append(cmd)
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        cmd = self._undone.pop()
        cmd.redo(self.graph)
        self._done.append(cmd)
        return True

    def __len__(self) -> int:
        return len(self._done)
