"""Copy and paste of layers: the fragment format and the paste command.

A fragment is the part of a graph a copy takes (the nodes and the edges
between them), as JSON text on the system clipboard.  That text is
untrusted (anything can put text there): :func:`read_fragment` checks its
size, depth and every field as a saved project is checked, and refuses
anything else in one sentence.  :func:`paste` makes the one undoable
command that adds a fragment with fresh ids and free names.  Which layer
classes may come in (no Lambda, nothing that runs code) is decided above
the core: the canvas passes the fragment through
``kbuilder.layers.allowed.make_placeholders`` first.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .commands import AddEdge, AddNode
from .graph import Edge, Graph, GraphError, Node, new_id, unique_name
from .history import Command, Compound
from .i18n import translate
from .limits import MAX_PROJECT_BYTES, json_problem
from .reading import checked_parts, read_graph_dict

#: The "format" key of a copied fragment.
FRAGMENT_FORMAT = "application/x-kbuilder-fragment"


def fragment(graph: Graph, node_ids: list[str]) -> dict[str, Any]:
    """The part of the graph a copy takes: the nodes and the edges between them."""
    ids = set(node_ids)
    return {
        "format": FRAGMENT_FORMAT,
        "nodes": [graph.node(n).to_dict() for n in node_ids],
        "edges": [e.to_dict() for e in graph.edges if e.src in ids and e.dst in ids],
    }


def fragment_text(graph: Graph, node_ids: list[str]) -> str:
    return json.dumps(fragment(graph, node_ids))


def read_fragment(text: str) -> Graph | None:
    """The layers in clipboard ``text`` as a small graph, or None when the
    text is not a kbuilder fragment at all.  A fragment that is damaged,
    too big or too deep raises :class:`GraphError` with one sentence."""
    if not isinstance(text, str) or not text.lstrip().startswith("{"):
        return None
    if len(text) > MAX_PROJECT_BYTES:
        raise GraphError(translate("core.clipboard", "the copied layers are too big to paste"))
    try:
        data = json.loads(text)
    except RecursionError:
        raise GraphError(translate("core.clipboard", "the copied layers are nested too deeply to paste")) from None
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("format") != FRAGMENT_FORMAT:
        return None
    problem = json_problem(data)
    if problem:
        raise GraphError(translate("core.clipboard", "the copied layers cannot be pasted: {problem}").format(problem=problem))
    try:
        name, nodes, edges = read_graph_dict(data, copy=False)
        node_map, edge_map = checked_parts(nodes, edges)
    except GraphError as exc:
        raise GraphError(
            translate("core.clipboard", "the copied layers cannot be pasted: {problem}").format(problem=exc)
        ) from None
    return Graph.from_parts(name, node_map.values(), edge_map.values())


def paste(graph: Graph, data: dict[str, Any], offset: tuple[float, float] = (30.0, 30.0)) -> Compound:
    """A command adding a copied fragment (``Graph.to_dict`` of a selection,
    or :func:`fragment`) with fresh ids and free names; edges to nodes
    outside it are dropped."""
    id_map: dict[str, str] = {}
    children: list[Command] = []
    taken = {n.name for n in graph.nodes}
    nodes = [Node.from_dict(nd) for nd in data.get("nodes", [])]
    for node in nodes:
        id_map[node.id] = new_id()
    for node in nodes:
        name = unique_name(node.name, taken)
        taken.add(name)
        shared = node.shared_with
        if shared:
            shared = id_map.get(shared, shared if shared in graph else None)
        x, y = node.position
        children.append(
            AddNode(
                dataclasses.replace(
                    node, id=id_map[node.id], name=name, position=(x + offset[0], y + offset[1]), shared_with=shared
                )
            )
        )
    for ed in data.get("edges", []):
        if ed["src"] in id_map and ed["dst"] in id_map:
            children.append(
                AddEdge(Edge(src=id_map[ed["src"]], dst=id_map[ed["dst"]], dst_port=int(ed.get("dst_port", 0)), src_port=int(ed.get("src_port", 0))))
            )
    return Compound(children=children, text=translate("core.clipboard", "Paste"))



