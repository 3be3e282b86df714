"""Undoable edits of a :class:`~kbuilder.core.graph.Graph`.

Each command touches only the graph (never a view) and can be applied and
reverted any number of times.  The Qt undo stack wraps these objects
(``kbuilder.ui.undo``); tests drive them headless through
:class:`~kbuilder.core.history.History`, beside the :class:`~kbuilder.core.history.Command`
interface and :class:`~kbuilder.core.history.Compound`.
Removing a node is a compound command whose children first remove its
edges, as Orange's canvas does, so undo restores the edges in their order.

Undo is exact: a command remembers, when it runs, the state it replaces
(the params, name, flag, positions, ports, sharing it found), not what its
caller believed was there, so undoing puts ``Graph.to_dict()`` back as it
was.  Undo only reverts what redo did: undoing a command that has not run,
or twice, changes nothing.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from .graph import Edge, Graph, GraphError, Node
from .history import Command, Compound
from .i18n import translate

# Part of this module's API as a namespace (``commands.Compound(...)``, ``C.Command``)
# for the callers that import the module: the undo model is in kbuilder.core.history.
__all__ = [
    "AddEdge", "AddNode", "Command", "Compound", "Move", "RemoveEdge", "Rename", "ReorderInputs", "SetOutput",
    "SetParams", "SetShared", "as_json", "remove_items", "set_param",
]


@dataclass
class AddNode(Command):
    node: Node
    text: str = field(default_factory=lambda: translate("core.commands", "Add layer"))
    _done: bool = field(default=False, init=False, repr=False, compare=False)

    def redo(self, graph: Graph) -> None:
        graph.add_node(copy.deepcopy(self.node))
        self._done = True

    def undo(self, graph: Graph) -> None:
        if self._done:
            graph.remove_node(self.node.id)
            self._done = False


@dataclass
class AddEdge(Command):
    edge: Edge
    text: str = field(default_factory=lambda: translate("core.commands", "Connect"))
    _done: bool = field(default=False, init=False, repr=False, compare=False)

    def redo(self, graph: Graph) -> None:
        graph.add_edge(self.edge)
        self._done = True

    def undo(self, graph: Graph) -> None:
        if self._done:
            graph.remove_edge(self.edge.id)
            self._done = False


@dataclass
class RemoveEdge(Command):
    edge: Edge
    text: str = field(default_factory=lambda: translate("core.commands", "Disconnect"))
    index: int | None = None

    def redo(self, graph: Graph) -> None:
        self.edge = graph.edge(self.edge.id)  # the edge as it is (GraphError when it is gone)
        self.index = graph.edge_index_of(self.edge.id)
        graph.remove_edge(self.edge.id)

    def undo(self, graph: Graph) -> None:
        if self.index is not None:
            graph.add_edge(self.edge, self.index)
            self.index = None


@dataclass
class _DropNode(Command):
    """Remove a node as it is when this runs, with any edge still touching
    it (one a compound added after it was planned); undo puts all back."""

    node: Node
    index: int | None = None
    _edges: list[tuple[int, Edge]] = field(default_factory=list, init=False, repr=False, compare=False)

    def redo(self, graph: Graph) -> None:
        self.node = copy.deepcopy(graph.node(self.node.id))
        self.index = graph.index_of(self.node.id)
        nid = self.node.id
        self._edges = [(i, e) for i, e in enumerate(graph.edges) if nid in (e.src, e.dst)]
        graph.remove_node(nid)

    def undo(self, graph: Graph) -> None:
        if self.index is None:
            return
        graph.add_node(copy.deepcopy(self.node), self.index)
        for index, e in self._edges:
            graph.add_edge(e, index)
        self.index = None


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
        text = translate("core.commands", "Delete {name}").format(name=graph.node(node_ids[0]).name)
    elif n:
        text = translate("core.commands", "Delete {count} layers").format(count=n)
    else:
        text = translate("core.commands", "Disconnect")
    return Compound(children=children, text=text)


@dataclass
class SetParams(Command):
    """``old`` is what the caller saw; undo restores what redo found."""

    node_id: str
    old: dict[str, Any]
    new: dict[str, Any]
    text: str = field(default_factory=lambda: translate("core.commands", "Change parameter"))
    merge_id: Any = None
    _before: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def redo(self, graph: Graph) -> None:
        self._before = copy.deepcopy(graph.node(self.node_id).params)
        graph.set_params(self.node_id, self.new)

    def undo(self, graph: Graph) -> None:
        if self._before is not None:
            graph.set_params(self.node_id, self._before)
            self._before = None

    @property
    def changes(self) -> bool:
        """Whether redo changes anything (as the file would keep it)."""
        return as_json(self.old) != as_json(self.new)

    def merge_key(self) -> Any:
        return ("params", self.node_id, self.merge_id) if self.merge_id is not None else None

    def merge(self, other: Command) -> bool:
        if isinstance(other, SetParams) and other.merge_key() == self.merge_key():
            self.new = other.new
            return True
        return False


def as_json(value: Any) -> Any:
    """Tuples as lists, recursively, so that values compare as a file keeps them."""
    if isinstance(value, tuple | list):
        return [as_json(v) for v in value]
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    return value


_NO_DEFAULT = object()


def set_param(
    graph: Graph,
    node_id: str,
    key: str,
    value: Any,
    merge: Any = False,
    default: Any = _NO_DEFAULT,
    required: bool = False,
    text: str | None = None,
) -> SetParams:
    """The command that gives ``node_id``'s ``key`` the value ``value``
    (``.changes`` False when the node already has it).  ``value`` None, or equal to the
    layer's ``default`` (from its ``LayerSpec``) when the parameter is not
    ``required``, removes the key: a graph keeps only what differs from
    Keras's defaults.  ``merge``: True, or any key, merges the edits that
    carry it into one undo step (typing)."""
    old = copy.deepcopy(graph.node(node_id).params)
    new = dict(old)
    if value is None or (default is not _NO_DEFAULT and not required and as_json(value) == as_json(default)):
        new.pop(key, None)
    else:
        new[key] = copy.deepcopy(value)
    merge_id = None if merge is False or merge is None else (key if merge is True else merge)
    text = text or translate("core.commands", "Set {key}").format(key=key)
    return SetParams(node_id, old, new, text=text, merge_id=merge_id)


@dataclass
class Rename(Command):
    node_id: str
    old: str
    new: str
    text: str = field(default_factory=lambda: translate("core.commands", "Rename"))
    _before: str | None = field(default=None, init=False, repr=False, compare=False)

    def redo(self, graph: Graph) -> None:
        before = graph.node(self.node_id).name
        graph.rename(self.node_id, self.new)
        self._before = before

    def undo(self, graph: Graph) -> None:
        if self._before is not None:  # exactly the name it had, even one a checked rename would refuse
            graph.rename(self.node_id, self._before, check=False)
            self._before = None


@dataclass
class SetShared(Command):
    """Share (``new`` = an owner id) or stop sharing (``new`` = None).  Undo
    puts back the exact ``shared_with`` and ``class_name`` redo found."""

    node_id: str
    old: str | None
    new: str | None
    text: str = field(default_factory=lambda: translate("core.commands", "Share layer"))
    _before: tuple[str | None, str] | None = field(default=None, init=False, repr=False, compare=False)

    def redo(self, graph: Graph) -> None:
        node = graph.node(self.node_id)
        before = (node.shared_with, node.class_name)
        graph.set_shared_with(self.node_id, self.new)
        self._before = before

    def undo(self, graph: Graph) -> None:
        if self._before is not None:
            shared_with, class_name = self._before
            graph.overwrite(self.node_id, shared_with=shared_with, class_name=class_name)
            self._before = None


@dataclass
class SetOutput(Command):
    node_id: str
    new: bool
    text: str = field(default_factory=lambda: translate("core.commands", "Mark as output"))
    _before: bool | None = field(default=None, init=False, repr=False, compare=False)

    def redo(self, graph: Graph) -> None:
        before = graph.node(self.node_id).is_output
        graph.set_output(self.node_id, self.new)
        self._before = before

    def undo(self, graph: Graph) -> None:
        if self._before is not None:
            graph.set_output(self.node_id, self._before)
            self._before = None


@dataclass
class Move(Command):
    """Move nodes; ``old``/``new`` map node id to position.  Moves that
    carry the same ``drag_id`` merge into one undo step."""

    old: dict[str, tuple[float, float]]
    new: dict[str, tuple[float, float]]
    text: str = field(default_factory=lambda: translate("core.commands", "Move"))
    drag_id: Any = None
    _before: dict[str, tuple[float, float]] | None = field(default=None, init=False, repr=False, compare=False)

    def redo(self, graph: Graph) -> None:
        before = {nid: graph.node(nid).position for nid in self.new}
        for nid, pos in self.new.items():
            graph.move(nid, pos)
        self._before = before

    def undo(self, graph: Graph) -> None:
        for nid, pos in (self._before or {}).items():
            graph.move(nid, pos)
        self._before = None

    def merge_key(self) -> Any:
        return ("move", self.drag_id) if self.drag_id is not None else None

    def merge(self, other: Command) -> bool:
        if isinstance(other, Move) and other.merge_key() == self.merge_key():
            for nid, pos in other.old.items():
                self.old.setdefault(nid, pos)
            if self._before is not None:  # both applied: keep the first position of each node
                for nid, pos in (other._before or {}).items():
                    self._before.setdefault(nid, pos)
            self.new.update(other.new)
            return True
        return False


@dataclass
class ReorderInputs(Command):
    """Give a merge layer's inputs a new order (list of edge ids): the edges
    take the ports they hold between them (sorted) in ``new_order``.  Each
    edge keeps its slot in the graph, so the saved file only changes in the
    ports; undo puts back every edge exactly as redo found it."""

    node_id: str
    old_order: list[str]
    new_order: list[str]
    text: str = field(default_factory=lambda: translate("core.commands", "Reorder inputs"))
    _before: list[tuple[int, Edge]] | None = field(default=None, init=False, repr=False, compare=False)

    @staticmethod
    def _put(graph: Graph, slots: list[tuple[int, Edge]]) -> None:
        """Replace the edges of ``slots`` (graph index, edge) in one pass."""
        for _, e in slots:
            graph.remove_edge(e.id)
        for index, e in sorted(slots, key=lambda s: s[0]):
            graph.add_edge(e, index)

    def redo(self, graph: Graph) -> None:
        order = list(self.new_order)
        if len(set(order)) != len(order):
            raise GraphError("an input order names a connection twice")
        edges = [graph.edge(eid) for eid in order]
        before = sorted(((graph.edge_index_of(e.id), e) for e in edges), key=lambda s: s[0])
        if any(e.dst != self.node_id for _, e in before):
            raise GraphError("an input order names a connection into another layer")
        ports = sorted(e.dst_port for _, e in before)
        port_of = dict(zip(order, ports, strict=True))
        self._put(graph, [
            (index, Edge(src=e.src, dst=e.dst, dst_port=port_of[e.id], src_port=e.src_port, id=e.id))
            for index, e in before
        ])
        self._before = before

    def undo(self, graph: Graph) -> None:
        if self._before is not None:
            self._put(graph, self._before)
            self._before = None

