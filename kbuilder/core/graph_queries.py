"""The read side of a layer graph: lookups by id and name, each node's
connections, the data-flow order, and the rules an edit must follow
(``can_connect``, ``rename_problem``).  :class:`kbuilder.core.graph.Graph`
adds the edits and their events; every query here reads its indexes, kept
up to date by those edits.  Plain Python: no Qt, no TensorFlow."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .i18n import translate
from .limits import MAX_PORTS
from .node import Edge, GraphError, Node, name_problem, unique_name
from .topology import data_flow_order

Arity = Callable[[str], "tuple[int, int | None]"]


class GraphQueries:
    """What a graph answers without changing."""

    def __init__(self) -> None:
        self._nodes: dict[str, Node] = {}
        self._edges: dict[str, Edge] = {}
        self._ins: dict[str, list[Edge]] = {}  # by port
        self._outs: dict[str, list[Edge]] = {}
        self._names: dict[str, str] = {}  # name -> id
        self._order: tuple[list[str], bool] | None = None

    def _reindex(self) -> None:
        self._ins = {nid: [] for nid in self._nodes}
        self._outs = {nid: [] for nid in self._nodes}
        for e in self._edges.values():
            self._ins[e.dst].append(e)
            self._outs[e.src].append(e)
        for es in self._ins.values():
            es.sort(key=lambda e: e.dst_port)
        self._names = {n.name: n.id for n in self._nodes.values()}
        self._order = None

    # ---------------------------------------------------------------- queries
    @property
    def nodes(self) -> list[Node]:
        """The nodes, in graph order.  They are frozen: change them through
        this graph's methods."""
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
            raise GraphError(translate("core.graph_queries", "no node with id {id}").format(id=repr(node_id))) from None

    def edge(self, edge_id: str) -> Edge:
        try:
            return self._edges[edge_id]
        except KeyError:
            raise GraphError(translate("core.graph_queries", "no edge with id {id}").format(id=repr(edge_id))) from None

    def has_edge(self, edge_id: str) -> bool:
        return edge_id in self._edges

    def find(self, name: str) -> Node | None:
        nid = self._names.get(name)
        return self._nodes.get(nid) if nid is not None else None

    def by_name(self, name: str) -> Node:
        n = self.find(name)
        if n is None:
            raise GraphError(translate("core.graph_queries", "no layer named {name}").format(name=repr(name)))
        return n

    def in_edges(self, node_id: str) -> list[Edge]:
        """Edges into ``node_id``, ordered by input port."""
        return list(self._ins.get(node_id, ()))

    def out_edges(self, node_id: str) -> list[Edge]:
        return list(self._outs.get(node_id, ()))

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
        return [n for n in self._nodes.values() if not self._outs.get(n.id) and not n.is_input]

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
        return unique_name(base, self._names.keys())

    def topological_order(self, keep: Iterable[str] | None = None) -> list[Node]:
        """Nodes in data-flow order (see :mod:`kbuilder.core.topology`),
        cached until the wiring changes; ``keep`` restricts it to those ids.
        Nodes on or after a loop are left out."""
        order, _ = self._data_flow()
        if keep is None:
            return [self._nodes[nid] for nid in order]
        keep = set(keep)
        return [self._nodes[nid] for nid in order if nid in keep]

    def owners_first(self) -> bool:
        """Whether :meth:`topological_order` puts every shared layer's owner
        before the nodes that call it again (False: a loop forbids it)."""
        return self._data_flow()[1]

    def _data_flow(self) -> tuple[list[str], bool]:
        if self._order is None:
            sources = {nid: [e.src for e in es] for nid, es in self._ins.items()}
            owners = {}
            for n in self._nodes.values():
                if n.shared_with:
                    owner = self.owner(n)
                    if owner.id != n.id:
                        owners[n.id] = owner.id
            self._order = data_flow_order(list(self._nodes), sources, owners)
        return self._order

    # ----------------------------------------------------------------- rules
    def rename_problem(self, node_id: str, name: str) -> str | None:
        """Why ``node_id`` cannot be called ``name`` (stripped), in plain
        words, or None: :func:`name_problem`, and no other layer has it."""
        name = name.strip() if isinstance(name, str) else name
        problem = name_problem(name)
        if problem:
            return problem
        other = self.find(name)
        if other is not None and other.id != node_id:
            return translate("core.graph_queries", "The name '{name}' is already used by another layer.").format(name=name)
        return None

    def can_connect(
        self,
        src_id: str,
        dst_id: str,
        port: int | None = None,
        arity: Arity | None = None,
        ignore_edge: str | None = None,
    ) -> tuple[int | None, str | None]:
        """``(port, None)`` when ``src -> dst`` can be made (``port`` None:
        the next free input), else ``(None, reason)`` in plain words.
        ``arity(class_name) -> (min, max)`` says how many inputs a layer
        takes (``kbuilder.layers.arity.input_range``); without it, one."""
        dst = self.node(dst_id)
        self.node(src_id)  # raises GraphError for an unknown source
        if src_id == dst_id:
            return None, translate("core.graph_queries", "{name} cannot be connected to itself.").format(name=dst.name)
        if dst.is_input:
            return None, translate(
                "core.graph_queries", "{name} is an Input: it has no inputs. Connect from it, not to it."
            ).format(name=dst.name)
        hi = (arity(dst.class_name) if arity is not None else (1, 1))[1]
        taken = {e.dst_port: e for e in self._ins.get(dst_id, ()) if e.id != ignore_edge}
        if port is None:
            port = 0
            while port in taken:
                port += 1
        if not 0 <= port < MAX_PORTS:
            return None, translate("core.graph_queries", "A port number must be between 0 and {last}.").format(
                last=MAX_PORTS - 1
            )
        if hi is not None and port >= hi:
            if hi == 1:
                return None, translate(
                    "core.graph_queries",
                    "{name} ({class_name}) takes one input and already has it. Drag the old connection away first.",
                ).format(name=dst.name, class_name=dst.class_name)
            return None, translate("core.graph_queries", "{name} ({class_name}) takes at most {count} inputs.").format(
                name=dst.name, class_name=dst.class_name, count=hi
            )
        if port in taken:
            other = self._nodes[taken[port].src].name
            return None, translate(
                "core.graph_queries",
                "Input {number} of {name} is already connected to {other}. Drag that connection away first.",
            ).format(number=port + 1, name=dst.name, other=other)
        return port, None
