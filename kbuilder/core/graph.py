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
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

INPUT = "Input"
PLACEHOLDER = "Placeholder"


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class Node:
    class_name: str
    name: str
    params: dict[str, Any] = field(default_factory=dict)
    position: tuple[float, float] = (0.0, 0.0)
    id: str = field(default_factory=new_id)
    shared_with: str | None = None
    is_output: bool = False
    # Free-form data that import keeps for round trips (the original config
    # of a placeholder layer, say).  Never executed.
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_input(self) -> bool:
        return self.class_name == INPUT

    @property
    def is_placeholder(self) -> bool:
        return self.class_name == PLACEHOLDER

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "class_name": self.class_name,
            "name": self.name,
            "params": copy.deepcopy(self.params),
            "position": [float(self.position[0]), float(self.position[1])],
        }
        if self.shared_with:
            d["shared_with"] = self.shared_with
        if self.is_output:
            d["is_output"] = True
        if self.extra:
            d["extra"] = copy.deepcopy(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Node:
        pos = d.get("position") or (0.0, 0.0)
        return cls(
            id=str(d["id"]),
            class_name=str(d["class_name"]),
            name=str(d["name"]),
            params=copy.deepcopy(d.get("params") or {}),
            position=(float(pos[0]), float(pos[1])),
            shared_with=d.get("shared_with"),
            is_output=bool(d.get("is_output", False)),
            extra=copy.deepcopy(d.get("extra") or {}),
        )


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    dst_port: int = 0
    src_port: int = 0
    id: str = field(default_factory=new_id, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "src": self.src,
            "src_port": self.src_port,
            "dst": self.dst,
            "dst_port": self.dst_port,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Edge:
        return cls(
            id=str(d["id"]),
            src=str(d["src"]),
            dst=str(d["dst"]),
            dst_port=int(d.get("dst_port", 0)),
            src_port=int(d.get("src_port", 0)),
        )


def unique_name(base: str, taken: set[str]) -> str:
    """``base`` if it is not in ``taken``, else ``base_1``, ``base_2``, ..."""
    if base not in taken:
        return base
    i = 1
    while f"{base}_{i}" in taken:
        i += 1
    return f"{base}_{i}"


@dataclass(frozen=True)
class GraphEvent:
    """What changed.  ``kind`` is one of ``node_added``, ``node_removed``,
    ``node_changed`` (``key`` names the attribute: ``params``, ``name``,
    ``shared_with``, ``is_output``, ``class_name``), ``node_moved``,
    ``edge_added``, ``edge_removed``, ``reset`` (everything changed)."""

    kind: str
    node_id: str | None = None
    edge_id: str | None = None
    key: str | None = None


class GraphError(ValueError):
    """An edit the graph refuses (unknown id, duplicate name, ...)."""


Listener = Callable[[GraphEvent], None]


class Graph:
    def __init__(self, name: str = "model") -> None:
        self.name = name
        self._nodes: dict[str, Node] = {}
        self._edges: dict[str, Edge] = {}
        self._listeners: list[Listener] = []
        self._batch_depth = 0
        self._pending: list[GraphEvent] = []

    # ----------------------------------------------------------------- events
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: GraphEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # ---------------------------------------------------------------- queries
    @property
    def nodes(self) -> list[Node]:
        return list(self._nodes.values())

    @property
    def edges(self) -> list[Edge]:
        return list(self._edges.values())

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes

    def __iter__(self) -> Iterator[Node]:
        return iter(list(self._nodes.values()))

    def node(self, node_id: str) -> Node:
        try:
            return self._nodes[node_id]
        except KeyError:
            raise GraphError(f"no node with id {node_id!r}") from None

    def edge(self, edge_id: str) -> Edge:
        try:
            return self._edges[edge_id]
        except KeyError:
            raise GraphError(f"no edge with id {edge_id!r}") from None

    def has_edge(self, edge_id: str) -> bool:
        return edge_id in self._edges

    def find(self, name: str) -> Node | None:
        for n in self._nodes.values():
            if n.name == name:
                return n
        return None

    def by_name(self, name: str) -> Node:
        n = self.find(name)
        if n is None:
            raise GraphError(f"no layer named {name!r}")
        return n

    def in_edges(self, node_id: str) -> list[Edge]:
        """Edges into ``node_id``, ordered by input port."""
        es = [e for e in self._edges.values() if e.dst == node_id]
        es.sort(key=lambda e: e.dst_port)
        return es

    def out_edges(self, node_id: str) -> list[Edge]:
        return [e for e in self._edges.values() if e.src == node_id]

    def predecessors(self, node_id: str) -> list[Node]:
        return [self._nodes[e.src] for e in self.in_edges(node_id)]

    def successors(self, node_id: str) -> list[Node]:
        return [self._nodes[e.dst] for e in self.out_edges(node_id)]

    def inputs(self) -> list[Node]:
        return [n for n in self._nodes.values() if n.is_input]

    def outputs(self) -> list[Node]:
        marked = [n for n in self._nodes.values() if n.is_output]
        if marked:
            return marked
        used = {e.src for e in self._edges.values()}
        return [n for n in self._nodes.values() if n.id not in used and not n.is_input]

    def owner(self, node: Node) -> Node:
        """The node whose layer ``node`` calls (itself unless shared)."""
        seen = set()
        while node.shared_with and node.shared_with in self._nodes and node.id not in seen:
            seen.add(node.id)
            node = self._nodes[node.shared_with]
        return node

    def sharers(self, node_id: str) -> list[Node]:
        return [n for n in self._nodes.values() if n.shared_with == node_id]

    def unique_name(self, base: str) -> str:
        """``base`` if no node has it, else ``base_1``, ``base_2``, ..."""
        return unique_name(base, {n.name for n in self._nodes.values()})

    def to_networkx(self):
        """A ``networkx.MultiDiGraph`` with node ids as nodes."""
        import networkx as nx

        g = nx.MultiDiGraph()
        for n in self._nodes.values():
            g.add_node(n.id)
        for e in self._edges.values():
            g.add_edge(e.src, e.dst, key=e.id, port=e.dst_port)
        return g

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
            raise GraphError("a layer needs a name")
        if self.find(node.name) is not None:
            raise GraphError(f"the name {node.name!r} is already used by another layer")
        self._nodes = self._insert(self._nodes, node.id, node, index)
        self._emit(GraphEvent("node_added", node_id=node.id))
        return node

    def remove_node(self, node_id: str) -> Node:
        """Remove a node and every edge touching it (listeners see the edge
        removals first).  Nodes that shared its layer stop sharing."""
        node = self.node(node_id)
        for e in [e for e in self._edges.values() if e.src == node_id or e.dst == node_id]:
            self.remove_edge(e.id)
        del self._nodes[node_id]
        self._emit(GraphEvent("node_removed", node_id=node_id))
        return node

    def add_edge(self, edge: Edge, index: int | None = None) -> Edge:
        if edge.id in self._edges:
            raise GraphError(f"an edge with id {edge.id!r} already exists")
        if edge.src not in self._nodes or edge.dst not in self._nodes:
            raise GraphError("an edge must join two layers of this graph")
        if edge.src == edge.dst:
            raise GraphError("a layer cannot feed itself")
        if self._nodes[edge.dst].is_input:
            raise GraphError("an Input layer takes no incoming connection")
        for e in self._edges.values():
            if e.dst == edge.dst and e.dst_port == edge.dst_port:
                raise GraphError("that input port is already connected")
        self._edges = self._insert(self._edges, edge.id, edge, index)
        self._emit(GraphEvent("edge_added", edge_id=edge.id, node_id=edge.dst))
        return edge

    def connect(self, src: str, dst: str, dst_port: int | None = None, src_port: int = 0) -> Edge:
        """Join ``src`` to ``dst``; without a port, the next free input."""
        if dst_port is None:
            dst_port = self.next_free_port(dst)
        return self.add_edge(Edge(src=src, dst=dst, dst_port=dst_port, src_port=src_port))

    def next_free_port(self, node_id: str) -> int:
        used = {e.dst_port for e in self._edges.values() if e.dst == node_id}
        port = 0
        while port in used:
            port += 1
        return port

    def remove_edge(self, edge_id: str) -> Edge:
        edge = self.edge(edge_id)
        del self._edges[edge_id]
        self._emit(GraphEvent("edge_removed", edge_id=edge_id, node_id=edge.dst))
        return edge

    def set_params(self, node_id: str, params: dict[str, Any]) -> None:
        node = self.node(node_id)
        node.params = copy.deepcopy(params)
        self._emit(GraphEvent("node_changed", node_id=node_id, key="params"))

    def set_param(self, node_id: str, key: str, value: Any) -> None:
        """Set one constructor argument; ``value`` None removes it."""
        params = dict(self.node(node_id).params)
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
        self.set_params(node_id, params)

    def rename(self, node_id: str, name: str) -> None:
        node = self.node(node_id)
        name = name.strip()
        if not name:
            raise GraphError("a layer needs a name")
        other = self.find(name)
        if other is not None and other.id != node_id:
            raise GraphError(f"the name {name!r} is already used by another layer")
        node.name = name
        self._emit(GraphEvent("node_changed", node_id=node_id, key="name"))

    def set_shared_with(self, node_id: str, owner_id: str | None) -> None:
        node = self.node(node_id)
        if owner_id is not None:
            owner = self.owner(self.node(owner_id))
            if owner.id == node_id:
                raise GraphError("a layer cannot share weights with itself")
            if owner.is_input or node.is_input:
                raise GraphError("Input layers have no weights to share")
            node.class_name = owner.class_name
            owner_id = owner.id
        node.shared_with = owner_id
        self._emit(GraphEvent("node_changed", node_id=node_id, key="shared_with"))

    def set_output(self, node_id: str, flag: bool) -> None:
        self.node(node_id).is_output = bool(flag)
        self._emit(GraphEvent("node_changed", node_id=node_id, key="is_output"))

    def move(self, node_id: str, position: tuple[float, float]) -> None:
        self.node(node_id).position = (float(position[0]), float(position[1]))
        self._emit(GraphEvent("node_moved", node_id=node_id))

    def clear(self) -> None:
        self._nodes.clear()
        self._edges.clear()
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
    def from_dict(cls, d: dict[str, Any]) -> Graph:
        g = cls(name=str(d.get("name") or "model"))
        for nd in d.get("nodes", []):
            g.add_node(Node.from_dict(nd))
        for ed in d.get("edges", []):
            g.add_edge(Edge.from_dict(ed))
        return g

    def copy(self) -> Graph:
        return Graph.from_dict(self.to_dict())

    def load_from(self, other: Graph) -> None:
        """Replace this graph's content with ``other``'s (one ``reset``)."""
        self.name = other.name
        self._nodes = {n.id: copy.deepcopy(n) for n in other.nodes}
        self._edges = {e.id: e for e in other.edges}
        self._emit(GraphEvent("reset"))


def _snake(class_name: str) -> str:
    """Keras's own naming rule: ``Conv2D`` -> ``conv2d``, ``GlobalAveragePooling2D``
    -> ``global_average_pooling2d``."""
    name = re.sub(r"\W+", "", class_name)
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()
