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
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .limits import MAX_EDGES, MAX_LAYERS, MAX_PORTS, kind_of, limit_text, shown

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
    def from_dict(cls, d: Any, copy: bool = True) -> Node:
        """A node from its saved form; anything a saved node never holds (a
        list for a name, a string for ``params``) raises :class:`GraphError`.
        ``copy=False`` takes ``params`` and ``extra`` as they are (a freshly
        parsed file, which nothing else holds)."""
        if not isinstance(d, dict):
            raise GraphError(f"it is {kind_of(d)}, not an object")
        own = _deepcopy if copy else _same
        return cls(
            id=_text(d, "id"),
            class_name=_text(d, "class_name"),
            name=_text(d, "name", empty=True),
            params=own(_object(d, "params")),
            position=_position(d.get("position")),
            shared_with=_text(d, "shared_with") if d.get("shared_with") is not None else None,
            is_output=_flag(d, "is_output"),
            extra=own(_object(d, "extra")),
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
    def from_dict(cls, d: Any) -> Edge:
        """An edge from its saved form; ports must be whole numbers in
        ``0 <= port < MAX_PORTS``, else :class:`GraphError`."""
        if not isinstance(d, dict):
            raise GraphError(f"it is {kind_of(d)}, not an object")
        return cls(
            id=_text(d, "id") if "id" in d else new_id(),
            src=_text(d, "src"),
            dst=_text(d, "dst"),
            dst_port=_port(d, "dst_port"),
            src_port=_port(d, "src_port"),
        )


#: The longest layer or model name kbuilder accepts (HDF5 files keep names in headers of limited size).
MAX_NAME_LENGTH = 255


def name_problem(name: object, what: str = "layer") -> str | None:
    """Why ``name`` cannot name a layer (``what="model"``: the model), in
    plain words; None when it can.  The one naming rule: :meth:`Graph.rename`,
    the validation and the inspector ask it.  Keras refuses '/' in any name,
    a NUL stops a .keras/.h5 save and a layer called '.' breaks an HDF5 group."""
    thing = "The model" if what == "model" else "A layer"
    if not isinstance(name, str) or not name.strip():
        return f"{thing} needs a name."
    if "/" in name:
        return f"{thing} name cannot contain '/' (Keras uses it between names); use '_' instead."
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return f"{thing} name cannot contain control characters such as line breaks or tabs."
    if name.strip() in (".", ".."):
        return f"{thing} cannot be called '.' or '..'."
    if len(name) > MAX_NAME_LENGTH:
        return f"{thing} name can be at most {MAX_NAME_LENGTH} characters long (this one has {len(name)})."
    return None


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
        while isinstance(node.shared_with, str) and node.shared_with in self._nodes and node.id not in seen:
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
        if not (0 <= edge.dst_port < MAX_PORTS and 0 <= edge.src_port < MAX_PORTS):
            raise GraphError(f"a port number must be between 0 and {MAX_PORTS - 1}")
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

    def rename(self, node_id: str, name: str, check: bool = True) -> None:
        """Give a node a new name (stripped); :func:`name_problem` decides what
        may be a name.  ``check=False`` (an undo putting back the exact name a
        node had, say from a file) only keeps names non-empty and unique."""
        node = self.node(node_id)
        if check:
            name = name.strip()
        if not name or not name.strip():
            raise GraphError("a layer needs a name")
        problem = name_problem(name) if check else None
        if problem:
            raise GraphError(problem)
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
    def from_dict(cls, d: Any, copy: bool = True) -> Graph:
        """A graph from its saved form (:meth:`to_dict`).  A file is
        untrusted: every type and range is checked, and anything wrong
        raises :class:`GraphError` with one phrase that says where.
        ``copy=False``: the nodes take their parameters from ``d`` itself."""
        if not isinstance(d, dict):
            raise GraphError(f"it is {kind_of(d)}, not an object")
        name = d.get("name")
        if name is not None and not isinstance(name, str):
            raise GraphError(f"the model's name is {kind_of(name)}, not text")
        nodes = _items(d, "nodes", "layers", MAX_LAYERS)
        edges = _items(d, "edges", "connections", MAX_EDGES)
        parsed_nodes = [_read(lambda nd: Node.from_dict(nd, copy), nd, "layer", i) for i, nd in enumerate(nodes)]
        parsed_edges = [_read(Edge.from_dict, ed, "connection", i) for i, ed in enumerate(edges)]
        return cls.from_parts(name or "model", parsed_nodes, parsed_edges)

    @classmethod
    def from_parts(cls, name: str, nodes: Iterable[Node], edges: Iterable[Edge]) -> Graph:
        """A new graph of ``nodes`` and ``edges``, checked as :meth:`add_node`
        and :meth:`add_edge` would check them, in time linear in their number
        (importers of big models use it; nobody listens to a new graph, so no
        events).  A ``shared_with`` naming a missing node is dropped; a cycle
        of sharing, a clash or a dangling edge raises :class:`GraphError`."""
        g = cls(name=name)
        names: set[str] = set()
        for node in nodes:
            if node.id in g._nodes:
                raise GraphError(f"two layers have the id {shown(node.id)}")
            if not node.name.strip():
                raise GraphError(f"layer {shown(node.id)} has no name")
            if node.name in names:
                raise GraphError(f"two layers are named {shown(node.name)}")
            names.add(node.name)
            g._nodes[node.id] = node
        if len(g._nodes) > MAX_LAYERS:
            raise GraphError(f"it has more than {limit_text(MAX_LAYERS)} layers, kbuilder's limit")
        for node in g._nodes.values():
            if node.shared_with is not None and (node.shared_with not in g._nodes or node.shared_with == node.id):
                node.shared_with = None
        _refuse_sharing_cycles(g._nodes)
        taken: set[tuple[str, int]] = set()
        for edge in edges:
            if edge.id in g._edges:
                raise GraphError(f"two connections have the id {shown(edge.id)}")
            if edge.src not in g._nodes or edge.dst not in g._nodes:
                raise GraphError(f"connection {shown(edge.id)} joins a layer that is not in the model")
            if edge.src == edge.dst:
                raise GraphError(f"layer {shown(g._nodes[edge.src].name)} feeds itself")
            if g._nodes[edge.dst].is_input:
                raise GraphError(f"a connection goes into the Input {shown(g._nodes[edge.dst].name)}")
            if not (0 <= edge.dst_port < MAX_PORTS and 0 <= edge.src_port < MAX_PORTS):
                raise GraphError(f"connection {shown(edge.id)} uses a port outside 0-{MAX_PORTS - 1}")
            if (edge.dst, edge.dst_port) in taken:
                raise GraphError(
                    f"two connections go into input {edge.dst_port} of {shown(g._nodes[edge.dst].name)}"
                )
            taken.add((edge.dst, edge.dst_port))
            g._edges[edge.id] = edge
        if len(g._edges) > MAX_EDGES:
            raise GraphError(f"it has more than {limit_text(MAX_EDGES)} connections, kbuilder's limit")
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


# --------------------------------------------------------- reading a file
# A saved graph is untrusted JSON: these turn each field into the type the
# graph uses, or raise GraphError with a phrase that names the field.
MAX_ID_LENGTH = 256
MAX_COORDINATE = 1e7  # positions further out are pulled back onto the canvas


def _text(d: dict, key: str, empty: bool = False) -> str:
    value = d.get(key)
    if not isinstance(value, str):
        raise GraphError(f"its {key!r} is {kind_of(value)}, not text")
    if not empty and not value:
        raise GraphError(f"its {key!r} is empty")
    if key != "name" and len(value) > MAX_ID_LENGTH:
        raise GraphError(f"its {key!r} is longer than {MAX_ID_LENGTH} characters")
    return value


_deepcopy = copy.deepcopy


def _same(value: Any) -> Any:
    return value


def _object(d: dict, key: str) -> dict:
    value = d.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise GraphError(f"its {key!r} is {kind_of(value)}, not an object")
    return value


def _flag(d: dict, key: str) -> bool:
    value = d.get(key, False)
    if not isinstance(value, bool):
        raise GraphError(f"its {key!r} is {kind_of(value)}, not true/false")
    return value


def _position(value: Any) -> tuple[float, float]:
    if value is None:
        return (0.0, 0.0)
    if not (isinstance(value, (list, tuple)) and len(value) == 2 and all(_is_number(v) for v in value)):
        raise GraphError("its 'position' is not two numbers")
    return (_coordinate(value[0]), _coordinate(value[1]))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _coordinate(value: float) -> float:
    try:
        x = float(value)
    except OverflowError:  # an int beyond any float
        x = MAX_COORDINATE if value > 0 else -MAX_COORDINATE
    if x != x:  # NaN
        return 0.0
    return max(-MAX_COORDINATE, min(MAX_COORDINATE, x))


def _port(d: dict, key: str) -> int:
    value = d.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool):
        raise GraphError(f"its {key!r} is {kind_of(value)}, not a whole number")
    if not 0 <= value < MAX_PORTS:
        raise GraphError(f"its {key!r} is outside 0-{MAX_PORTS - 1}, kbuilder's limit")
    return value


def _items(d: dict, key: str, what: str, limit: int) -> list:
    value = d.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise GraphError(f"its {key!r} is {kind_of(value)}, not a list")
    if len(value) > limit:
        raise GraphError(f"it has {limit_text(len(value))} {what}, more than kbuilder's limit of {limit_text(limit)}")
    return value


def _read(parse: Callable[[Any], Any], d: Any, what: str, index: int) -> Any:
    try:
        return parse(d)
    except GraphError as exc:
        raise GraphError(f"{what} {index + 1}: {exc}") from None


def _refuse_sharing_cycles(nodes: dict[str, Node]) -> None:
    """Sharing chains end at a layer that shares nothing; a loop is damage."""
    done: set[str] = set()
    for start in nodes.values():
        path: set[str] = set()
        node = start
        while node.shared_with is not None and node.id not in done:
            if node.id in path:
                raise GraphError(f"layer {shown(node.name)} shares its weights in a loop")
            path.add(node.id)
            node = nodes[node.shared_with]
        done |= path

