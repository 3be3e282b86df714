"""Reading a saved graph: untrusted JSON in, checked nodes and edges out.

Every type, range and count is checked, in time linear in the size of the
graph; anything wrong raises :class:`GraphError` with one phrase that says
where.  :class:`kbuilder.core.graph.Graph` builds itself from the result."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .i18n import translate
from .limits import MAX_EDGES, MAX_LAYERS, MAX_PORTS, kind_of, limit_text, shown
from .node import Edge, GraphError, Node, _put


def read_graph_dict(d: Any, copy: bool = True) -> tuple[str, list[Node], list[Edge]]:
    """The name, nodes and edges of a saved graph (``Graph.to_dict``)."""
    if not isinstance(d, dict):
        raise GraphError(translate("core.reading", "it is {kind}, not an object").format(kind=kind_of(d)))
    name = d.get("name")
    if name is not None and not isinstance(name, str):
        raise GraphError(translate("core.reading", "the model's name is {kind}, not text").format(kind=kind_of(name)))
    nodes = _items(d, "nodes", MAX_LAYERS)
    edges = _items(d, "edges", MAX_EDGES)
    parsed_nodes = [_read(lambda nd: Node.from_dict(nd, copy), nd, "layer", i) for i, nd in enumerate(nodes)]
    parsed_edges = [_read(Edge.from_dict, ed, "connection", i) for i, ed in enumerate(edges)]
    return name or "model", parsed_nodes, parsed_edges


def checked_parts(nodes: Iterable[Node], edges: Iterable[Edge]) -> tuple[dict[str, Node], dict[str, Edge]]:
    """``nodes`` and ``edges`` by id, checked as ``Graph.add_node`` and
    ``Graph.add_edge`` would check them.  A ``shared_with`` naming a missing
    node is dropped; a cycle of sharing, a clash or a dangling edge raises
    :class:`GraphError`."""
    g_nodes: dict[str, Node] = {}
    g_edges: dict[str, Edge] = {}
    names: set[str] = set()
    for node in nodes:
        if node.id in g_nodes:
            raise GraphError(translate("core.reading", "two layers have the id {id}").format(id=shown(node.id)))
        if not node.name.strip():
            raise GraphError(translate("core.reading", "layer {id} has no name").format(id=shown(node.id)))
        if node.name in names:
            raise GraphError(translate("core.reading", "two layers are named {name}").format(name=shown(node.name)))
        names.add(node.name)
        g_nodes[node.id] = node
    if len(g_nodes) > MAX_LAYERS:
        raise GraphError(
            translate("core.reading", "it has more than {limit} layers, kbuilder's limit").format(limit=limit_text(MAX_LAYERS))
        )
    for node in g_nodes.values():
        if node.shared_with is not None and (node.shared_with not in g_nodes or node.shared_with == node.id):
            _put(node, "shared_with", None)
    _refuse_sharing_cycles(g_nodes)
    taken: set[tuple[str, int]] = set()
    for edge in edges:
        if edge.id in g_edges:
            raise GraphError(translate("core.reading", "two connections have the id {id}").format(id=shown(edge.id)))
        if edge.src not in g_nodes or edge.dst not in g_nodes:
            raise GraphError(
                translate("core.reading", "connection {id} joins a layer that is not in the model").format(id=shown(edge.id))
            )
        if edge.src == edge.dst:
            raise GraphError(translate("core.reading", "layer {name} feeds itself").format(name=shown(g_nodes[edge.src].name)))
        if g_nodes[edge.dst].is_input:
            raise GraphError(
                translate("core.reading", "a connection goes into the Input {name}").format(name=shown(g_nodes[edge.dst].name))
            )
        if not (0 <= edge.dst_port < MAX_PORTS and 0 <= edge.src_port < MAX_PORTS):
            raise GraphError(
                translate("core.reading", "connection {id} uses a port outside 0-{last}").format(
                    id=shown(edge.id), last=MAX_PORTS - 1
                )
            )
        if (edge.dst, edge.dst_port) in taken:
            raise GraphError(
                translate("core.reading", "two connections go into input {port} of {name}").format(
                    port=edge.dst_port, name=shown(g_nodes[edge.dst].name)
                )
            )
        taken.add((edge.dst, edge.dst_port))
        g_edges[edge.id] = edge
    if len(g_edges) > MAX_EDGES:
        raise GraphError(
            translate("core.reading", "it has more than {limit} connections, kbuilder's limit").format(
                limit=limit_text(MAX_EDGES)
            )
        )
    return g_nodes, g_edges


def _items(d: dict, key: str, limit: int) -> list:
    """The list under ``key`` ("nodes": layers, "edges": connections)."""
    value = d.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise GraphError(translate("core.reading", "its {key} is {kind}, not a list").format(key=repr(key), kind=kind_of(value)))
    if len(value) > limit:
        text = (
            translate("core.reading", "it has {count} layers, more than kbuilder's limit of {limit}")
            if key == "nodes"
            else translate("core.reading", "it has {count} connections, more than kbuilder's limit of {limit}")
        )
        raise GraphError(text.format(count=limit_text(len(value)), limit=limit_text(limit)))
    return value


def _read(parse: Callable[[Any], Any], d: Any, what: str, index: int) -> Any:
    """``parse(d)``; a refusal names the ``what`` ("layer" or "connection") and its number."""
    try:
        return parse(d)
    except GraphError as exc:
        text = (
            translate("core.reading", "layer {number}: {problem}")
            if what == "layer"
            else translate("core.reading", "connection {number}: {problem}")
        )
        raise GraphError(text.format(number=index + 1, problem=exc)) from None


def _refuse_sharing_cycles(nodes: dict[str, Node]) -> None:
    """Sharing chains end at a layer that shares nothing; a loop is damage."""
    done: set[str] = set()
    for start in nodes.values():
        path: set[str] = set()
        node = start
        while node.shared_with is not None and node.id not in done:
            if node.id in path:
                raise GraphError(translate("core.reading", "layer {name} shares its weights in a loop").format(name=shown(node.name)))
            path.add(node.id)
            node = nodes[node.shared_with]
        done |= path
