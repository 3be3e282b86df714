"""The layer graph: plain Python, no Qt, no TensorFlow.

A :class:`Graph` holds :class:`Node` objects (one per layer call) and
:class:`Edge` objects (from a node's output port to another node's input
port).  Every change goes through a method of :class:`Graph`, which emits a
:class:`GraphEvent` to its subscribers; views (the Qt canvas, the shape
inference cache) follow those events and never keep their own copy of the
truth.

Conventions
-----------
* ``Node.class_name`` is the Keras layer class name (``"Dense"``), or
  ``"Input"`` for a model input, whose ``params`` are ``{"shape": [..],
  "dtype": "float32"}`` (``None`` in a shape means "any length").
* ``Node.params`` holds the keyword arguments of the layer's constructor as
  JSON values (lists for tuples).  Only what differs from Keras's defaults
  needs to be there.
* ``Node.shared_with`` names the id of another node whose layer (and
  weights) this node reuses, as a siamese network calls one LSTM twice.  A
  sharing node has the owner's ``class_name`` and no ``params`` of its own.
* Edges are ordered per destination: ``dst_port`` is the position of the
  tensor in the layer's input list, so ``Concatenate([a, b])`` keeps a
  before b.
* The model's outputs are the nodes marked ``is_output``; when no node is
  marked, every node without consumers is an output.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

from .graph_queries import GraphQueries
from .i18n import translate
from .limits import MAX_PORTS
from .node import (
    INPUT,
    MAX_NAME_LENGTH,
    PLACEHOLDER,
    Edge,
    GraphError,
    GraphEvent,
    Node,
    _put,
    _snake,
    name_problem,
    new_id,
    unique_name,
)
from .reading import checked_parts, read_graph_dict

__all__ = [
    "INPUT",
    "MAX_NAME_LENGTH",
    "PLACEHOLDER",
    "Edge",
    "Graph",
    "GraphError",
    "GraphEvent",
    "Node",
    "name_problem",
    "new_id",
    "unique_name",
]

Listener = Callable[[GraphEvent], None]

#: Events after which the wiring (edges, nodes, sharing) may differ.
_WIRING = frozenset({"node_added", "node_removed", "edge_added", "edge_removed", "reset"})


class Graph(GraphQueries):
    """Nodes and edges, with an index of each node's connections, its names,
    and one cached data-flow order (the queries: :class:`GraphQueries`).
    Every change goes through a method here and emits one
    :class:`GraphEvent` per attribute it changes."""

    def __init__(self, name: str = "model") -> None:
        super().__init__()
        self.name = name
        self._listeners: list[Listener] = []

    # ----------------------------------------------------------------- events
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: GraphEvent) -> None:
        if event.kind in _WIRING or event.key == "shared_with":
            self._order = None
        for listener in list(self._listeners):
            listener(event)

    # ---------------------------------------------------------------- edits
    def index_of(self, node_id: str) -> int:
        return list(self._nodes).index(node_id)

    def edge_index_of(self, edge_id: str) -> int:
        return list(self._edges).index(edge_id)

    @staticmethod
    def _insert(d: dict, key: str, value: Any, index: int | None) -> dict:
        if index is None or index >= len(d):
            d[key] = value
            return d
        items = list(d.items())
        items.insert(max(index, 0), (key, value))
        return dict(items)

    def add_node(self, node: Node, index: int | None = None) -> Node:
        """Add ``node``; ``index`` puts it back where it was (undo keeps the
        saved file identical)."""
        if node.id in self._nodes:
            raise GraphError(f"a node with id {node.id!r} already exists")
        if not node.name or not node.name.strip():
            raise GraphError(translate("core.graph", "a layer needs a name"))
        if node.name in self._names:
            raise GraphError(translate("core.graph", "the name {name} is already used by another layer").format(name=repr(node.name)))
        self._nodes = self._insert(self._nodes, node.id, node, index)
        self._ins[node.id] = []
        self._outs[node.id] = []
        self._names[node.name] = node.id
        self._emit(GraphEvent("node_added", node_id=node.id))
        return node

    def remove_node(self, node_id: str) -> Node:
        """Remove a node and every edge touching it (listeners see the edge
        removals first)."""
        node = self.node(node_id)
        for e in [*self._ins[node_id], *self._outs[node_id]]:
            if e.id in self._edges:
                self.remove_edge(e.id)
        del self._nodes[node_id]
        del self._ins[node_id], self._outs[node_id]
        self._names.pop(node.name, None)
        self._emit(GraphEvent("node_removed", node_id=node_id))
        return node

    def add_edge(self, edge: Edge, index: int | None = None) -> Edge:
        if edge.id in self._edges:
            raise GraphError(f"an edge with id {edge.id!r} already exists")
        if edge.src not in self._nodes or edge.dst not in self._nodes:
            raise GraphError(translate("core.graph", "an edge must join two layers of this graph"))
        if edge.src == edge.dst:
            raise GraphError(translate("core.graph", "a layer cannot feed itself"))
        if not (0 <= edge.dst_port < MAX_PORTS and 0 <= edge.src_port < MAX_PORTS):
            raise GraphError(translate("core.graph", "a port number must be between 0 and {last}").format(last=MAX_PORTS - 1))
        if self._nodes[edge.dst].is_input:
            raise GraphError(translate("core.graph", "an Input layer takes no incoming connection"))
        if any(e.dst_port == edge.dst_port for e in self._ins[edge.dst]):
            raise GraphError(translate("core.graph", "that input port is already connected"))
        self._edges = self._insert(self._edges, edge.id, edge, index)
        ins = self._ins[edge.dst]
        ins.append(edge)
        ins.sort(key=lambda e: e.dst_port)
        self._outs[edge.src].append(edge)
        self._emit(GraphEvent("edge_added", edge_id=edge.id, node_id=edge.dst))
        return edge

    def connect(self, src: str, dst: str, dst_port: int | None = None, src_port: int = 0) -> Edge:
        """Join ``src`` to ``dst``; without a port, the next free input."""
        if dst_port is None:
            dst_port = self.next_free_port(dst)
        return self.add_edge(Edge(src=src, dst=dst, dst_port=dst_port, src_port=src_port))

    def next_free_port(self, node_id: str) -> int:
        used = {e.dst_port for e in self._ins.get(node_id, ())}
        port = 0
        while port in used:
            port += 1
        return port

    def remove_edge(self, edge_id: str) -> Edge:
        edge = self.edge(edge_id)
        del self._edges[edge_id]
        self._ins[edge.dst] = [e for e in self._ins[edge.dst] if e.id != edge_id]
        self._outs[edge.src] = [e for e in self._outs[edge.src] if e.id != edge_id]
        self._emit(GraphEvent("edge_removed", edge_id=edge_id, node_id=edge.dst))
        return edge

    def set_params(self, node_id: str, params: dict[str, Any]) -> None:
        _put(self.node(node_id), "params", copy.deepcopy(params))
        self._emit(GraphEvent("node_changed", node_id=node_id, key="params"))

    def set_param(self, node_id: str, key: str, value: Any) -> None:
        """Set one constructor argument; ``value`` None removes it."""
        params = dict(self.node(node_id).params)
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
        self.set_params(node_id, params)

    def rename(self, node_id: str, name: str, check: bool = True) -> None:
        """Give a node a new name (stripped); :meth:`rename_problem` decides
        what may be a name.  ``check=False`` (an undo putting back the exact
        name a node had, say from a file) only keeps names non-empty and unique."""
        node = self.node(node_id)
        if check:
            name = name.strip()
            problem = self.rename_problem(node_id, name)
            if problem:
                raise GraphError(problem)
        if not name or not name.strip():
            raise GraphError(translate("core.graph", "a layer needs a name"))
        other = self.find(name)
        if other is not None and other.id != node_id:
            raise GraphError(translate("core.graph", "the name {name} is already used by another layer").format(name=repr(name)))
        self._names.pop(node.name, None)
        _put(node, "name", name)
        self._names[name] = node_id
        self._emit(GraphEvent("node_changed", node_id=node_id, key="name"))

    def set_shared_with(self, node_id: str, owner_id: str | None) -> None:
        """Call ``owner_id``'s layer again (the node takes the owner's class:
        a ``class_name`` event follows the ``shared_with`` one when it
        changes), or stop sharing (None)."""
        node = self.node(node_id)
        class_name = node.class_name
        if owner_id is not None:
            owner = self.owner(self.node(owner_id))
            if owner.id == node_id:
                raise GraphError(translate("core.graph", "a layer cannot share weights with itself"))
            if owner.is_input or node.is_input:
                raise GraphError(translate("core.graph", "Input layers have no weights to share"))
            class_name = owner.class_name
            owner_id = owner.id
        self.overwrite(node_id, shared_with=owner_id, class_name=class_name)

    def set_output(self, node_id: str, flag: bool) -> None:
        _put(self.node(node_id), "is_output", bool(flag))
        self._emit(GraphEvent("node_changed", node_id=node_id, key="is_output"))

    def move(self, node_id: str, position: tuple[float, float]) -> None:
        _put(self.node(node_id), "position", (float(position[0]), float(position[1])))
        self._emit(GraphEvent("node_moved", node_id=node_id))

    def overwrite(self, node_id: str, **fields: Any) -> None:
        """Set a node's fields to exactly these values, without the rules of
        the other methods (undo putting back what was there, an importer
        turning a layer into a placeholder): one ``node_changed`` event per
        field that really changes, ``key`` naming it.  Not for ``id``."""
        node = self.node(node_id)
        for key, value in fields.items():
            if key == "id" or not hasattr(node, key):
                raise GraphError(f"a node has no field {key!r} to set")
            if getattr(node, key) == value:
                continue
            if key == "name":
                if not isinstance(value, str) or not value.strip() or self._names.get(value, node_id) != node_id:
                    raise GraphError(translate("core.graph", "the name {name} is empty or already used").format(name=repr(value)))
                self._names.pop(node.name, None)
                self._names[value] = node_id
            _put(node, key, copy.deepcopy(value))
            self._emit(
                GraphEvent("node_moved", node_id=node_id)
                if key == "position"
                else GraphEvent("node_changed", node_id=node_id, key=key)
            )

    def clear(self) -> None:
        self._nodes.clear()
        self._edges.clear()
        self._reindex()
        self._emit(GraphEvent("reset"))

    # ------------------------------------------------------------ building
    def add(
        self,
        class_name: str,
        name: str | None = None,
        inputs: Iterable[Node | str] = (),
        position: tuple[float, float] = (0.0, 0.0),
        **params: Any,
    ) -> Node:
        """Convenience for code and tests: add a layer and wire its inputs in
        order, ``g.add("Dense", inputs=[x], units=10)``."""
        base = name or _snake(class_name)
        node = self.add_node(
            Node(class_name=class_name, name=name or self.unique_name(base), params=params, position=position)
        )
        for port, src in enumerate(inputs):
            self.connect(src if isinstance(src, str) else src.id, node.id, port)
        return node

    def add_input(self, shape: Iterable[int | None], name: str | None = None, dtype: str = "float32", **kw: Any) -> Node:
        params = {"shape": [None if s is None else int(s) for s in shape], "dtype": dtype}
        return self.add(INPUT, name=name or self.unique_name("input"), **kw, **params)

    def share(self, owner: Node, inputs: Iterable[Node | str] = (), name: str | None = None) -> Node:
        """Add a node that calls ``owner``'s layer again (shared weights)."""
        node = self.add(owner.class_name, name=name or self.unique_name(owner.name + "_shared"), inputs=inputs)
        self.set_shared_with(node.id, owner.id)
        return node

    # --------------------------------------------------------- persistence
    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "nodes": [n.to_dict() for n in self._nodes.values()],
            "edges": [e.to_dict() for e in self._edges.values()],
        }

    @classmethod
    def from_dict(cls, d: Any, copy: bool = True) -> Graph:
        """A graph from its saved form (:meth:`to_dict`).  A file is
        untrusted: every type and range is checked, and anything wrong
        raises :class:`GraphError` with one phrase that says where.
        ``copy=False``: the nodes take their parameters from ``d`` itself."""
        name, nodes, edges = read_graph_dict(d, copy)
        return cls.from_parts(name, nodes, edges)

    @classmethod
    def from_parts(cls, name: str, nodes: Iterable[Node], edges: Iterable[Edge]) -> Graph:
        """A new graph of ``nodes`` and ``edges``, checked as :meth:`add_node`
        and :meth:`add_edge` would check them, in time linear in their number
        (importers of big models use it; nobody listens to a new graph, so no
        events).  A ``shared_with`` naming a missing node is dropped; a cycle
        of sharing, a clash or a dangling edge raises :class:`GraphError`."""
        g = cls(name=name)
        g._nodes, g._edges = checked_parts(nodes, edges)
        g._reindex()
        return g

    def copy(self) -> Graph:
        return Graph.from_dict(self.to_dict())

    def load_from(self, other: Graph) -> None:
        """Replace this graph's content with ``other``'s (one ``reset``)."""
        self.name = other.name
        self._nodes = {n.id: copy.deepcopy(n) for n in other.nodes}
        self._edges = {e.id: e for e in other.edges}
        self._reindex()
        self._emit(GraphEvent("reset"))

    def take_from(self, other: Graph) -> None:
        """As :meth:`load_from`, taking ``other``'s nodes themselves (a graph
        just read, which nobody else holds): no copy."""
        self.name = other.name
        self._nodes = other._nodes
        self._edges = other._edges
        self._reindex()
        self._emit(GraphEvent("reset"))
