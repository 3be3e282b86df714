"""Undo is exact: random command sequences pushed through ``History`` over
small graphs (a chain, a merge with a gap in its ports, shared layers with
a sharing chain, outputs) come back to the very same ``Graph.to_dict()``
step by step when undone, and to the same states again when redone.  An
edit the graph refuses, alone or inside a compound, changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbuilder.core import clipboard
from kbuilder.core import commands as C
from kbuilder.core.graph import Edge, Graph, GraphError, Node
from kbuilder.core.history import History


# ------------------------------------------------------------------ graphs
def chain() -> Graph:
    g = Graph(name="chain")
    x = g.add_input((28, 28), name="image")
    f = g.add("Flatten", inputs=[x])
    h = g.add("Dense", inputs=[f], units=32, activation="relu")
    g.add("Dense", name="probs", inputs=[h], units=10, activation="softmax")
    return g


def merge() -> Graph:
    """Three inputs into a Concatenate on ports 0, 1 and 3 (a gap), a marked output."""
    g = Graph(name="merge")
    a = g.add_input((3,), name="a")
    b = g.add_input((4,), name="b")
    z = g.add_input((5,), name="z")
    c = g.add("Concatenate", inputs=[a, b])
    g.connect(z.id, c.id, dst_port=3)
    out = g.add("Dense", name="out", inputs=[c], units=2)
    g.set_output(out.id, True)
    g.set_output(c.id, True)
    return g


def siamese() -> Graph:
    """A layer called twice, and a sharing chain (twin -> lstm -> base)."""
    g = Graph(name="siamese")
    left = g.add_input((8, 4), name="left")
    right = g.add_input((8, 4), name="right")
    lstm = g.add("LSTM", name="lstm", inputs=[left], units=6)
    twin = g.share(lstm, inputs=[right], name="twin")
    base = g.add("GRU", name="base", units=6)
    g.set_shared_with(lstm.id, base.id)  # lstm now shares base's layer; twin still names lstm
    assert g.node(twin.id).shared_with == lstm.id
    merged = g.add("Add", inputs=[lstm, twin])
    g.add("Dense", name="score", inputs=[merged], units=1, activation="sigmoid")
    g.set_output(g.by_name("score").id, True)
    return g


GRAPHS = [chain, merge, siamese]
NAMES = ["image", "a", "lstm", "twin", "probs", "fresh", "fresh_2", "  spaced  ", ""]
VALUES = [None, 3, 0, "relu", True, [2, 2], {"class_name": "L2", "config": {"l2": 0.01}}]


# ---------------------------------------------------------------- commands
def _nodes(data, g: Graph, least: int = 0) -> list[str]:
    ids = [n.id for n in g.nodes] + ["missing-node"]
    return data.draw(st.lists(st.sampled_from(ids), min_size=least, max_size=3, unique=True))


def _node(data, g: Graph) -> str:
    return data.draw(st.sampled_from([n.id for n in g.nodes] + ["missing-node"]))


def _position(data):
    return (data.draw(st.integers(-50, 50)), data.draw(st.floats(-100, 100, allow_nan=False, width=32)))


def draw_command(data, g: Graph, depth: int = 0) -> C.Command:
    kinds = ["add_node", "add_edge", "remove_edge", "remove", "param", "params", "rename", "share",
             "output", "move", "reorder", "paste"]
    if depth < 2:
        kinds.append("compound")
    kind = data.draw(st.sampled_from(kinds), label="kind")
    if kind == "add_node":
        node = Node("Dense", data.draw(st.sampled_from(NAMES)), params={"units": data.draw(st.integers(1, 9))},
                    position=_position(data), is_output=data.draw(st.booleans()))
        return C.AddNode(node)
    if kind == "add_edge":
        return C.AddEdge(Edge(src=_node(data, g), dst=_node(data, g), dst_port=data.draw(st.integers(0, 4))))
    if kind == "remove_edge" and g.edges:
        edge = data.draw(st.sampled_from(g.edges))
        if data.draw(st.booleans()):  # a stale copy: the command must remove (and restore) the real one
            edge = Edge(src=edge.src, dst=edge.dst, dst_port=edge.dst_port + 7, id=edge.id)
        return C.RemoveEdge(edge)
    if kind == "remove":
        nodes = [n for n in _nodes(data, g) if n in g]
        edges = data.draw(st.lists(st.sampled_from([e.id for e in g.edges] or ["x"]), max_size=2, unique=True))
        return C.remove_items(g, nodes, [e for e in edges if g.has_edge(e)])
    if kind == "param" and len(g):
        nid = data.draw(st.sampled_from([n.id for n in g.nodes]))
        key = data.draw(st.sampled_from(["units", "activation", "kernel_regularizer"]))
        return C.set_param(g, nid, key, data.draw(st.sampled_from(VALUES)), merge=data.draw(st.booleans()))
    if kind == "params":  # the caller's idea of the old params is wrong
        new = data.draw(st.dictionaries(st.sampled_from(["units", "rate", "axis"]), st.sampled_from(VALUES[1:]),
                                        max_size=2))
        return C.SetParams(_node(data, g), {"stale": 1}, new, merge_id=data.draw(st.sampled_from([None, "k"])))
    if kind == "rename":
        return C.Rename(_node(data, g), "stale", data.draw(st.sampled_from(NAMES)))
    if kind == "share":
        owner = data.draw(st.sampled_from([None, *[n.id for n in g.nodes], "missing-node"]))
        return C.SetShared(_node(data, g), data.draw(st.sampled_from([None, "stale"])), owner)
    if kind == "output":
        return C.SetOutput(_node(data, g), data.draw(st.booleans()))
    if kind == "move":
        nodes = _nodes(data, g, least=1)
        return C.Move(old={n: (0.0, 0.0) for n in nodes}, new={n: _position(data) for n in nodes},
                      drag_id=data.draw(st.sampled_from([None, "drag"])))
    if kind == "reorder":
        targets = [n.id for n in g.nodes if g.in_edges(n.id)]
        if targets:
            nid = data.draw(st.sampled_from(targets))
            order = [e.id for e in g.in_edges(nid)]
            part = data.draw(st.lists(st.sampled_from(order), min_size=1, max_size=len(order), unique=True))
            if data.draw(st.booleans()):
                part = order  # the whole list, as the canvas gives it
            return C.ReorderInputs(nid, order, data.draw(st.permutations(part)))
    if kind == "paste" and len(g):
        ids = [n for n in _nodes(data, g, least=1) if n in g]
        return clipboard.paste(g, clipboard.fragment(g, ids), offset=_position(data))
    if kind == "compound":
        children = [draw_command(data, g, depth + 1) for _ in range(data.draw(st.integers(1, 4)))]
        return C.Compound(children=children)
    return C.SetOutput(_node(data, g), data.draw(st.booleans()))


# ------------------------------------------------------------------- tests
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), build=st.sampled_from(GRAPHS), steps=st.integers(1, 30))
def test_random_commands_undo_and_redo_exactly(data, build, steps):
    g = build()
    history = History(g)
    states = [g.to_dict()]  # states[i]: the graph after i steps on the stack
    for _ in range(steps):
        cmd = draw_command(data, g)
        before, depth = g.to_dict(), len(history)
        try:
            history.push(cmd)
        except GraphError:
            assert g.to_dict() == before, "a refused edit changed the graph"
            assert len(history) == depth
            continue
        if len(history) == depth:  # merged into the last step (a drag, typing)
            states[-1] = g.to_dict()
        else:
            states.append(g.to_dict())
    assert len(states) == len(history) + 1

    for i in range(len(history), 0, -1):
        assert history.undo()
        assert g.to_dict() == states[i - 1], f"undo of step {i} is not exact"
    assert not history.undo()
    for i in range(1, len(states)):
        assert history.redo()
        assert g.to_dict() == states[i], f"redo of step {i} is not exact"
    assert Graph.from_dict(g.to_dict()).to_dict() == states[-1]


def test_failing_child_rolls_back_the_compound():
    g = merge()
    history = History(g)
    a, c = g.by_name("a"), g.by_name("concatenate")
    before = g.to_dict()
    cmd = C.Compound(children=[
        C.set_param(g, c.id, "axis", 1),
        C.Rename(a.id, "a", "renamed"),
        C.remove_items(g, [g.by_name("out").id]),
        C.AddEdge(Edge(src=a.id, dst=c.id, dst_port=0)),  # port 0 is taken: refused
        C.SetOutput(a.id, True),
    ])
    with pytest.raises(GraphError, match="already connected"):
        history.push(cmd)
    assert g.to_dict() == before
    assert len(history) == 0
    # The same compound, its refusal removed, applies and undoes cleanly.
    cmd.children.pop(3)
    history.push(cmd)
    assert g.by_name("renamed").id == a.id and g.find("out") is None
    history.undo()
    assert g.to_dict() == before


def test_nested_compound_failure_rolls_back_every_level():
    g = chain()
    before = g.to_dict()
    dense = g.by_name("dense")
    inner = C.Compound(children=[C.Rename(dense.id, "dense", "hidden"), C.Rename(dense.id, "x", "probs")])
    outer = C.Compound(children=[C.SetOutput(dense.id, True), inner])
    with pytest.raises(GraphError):
        History(g).push(outer)
    assert g.to_dict() == before


def test_reorder_undo_restores_the_ports_it_found():
    g = merge()
    c = g.by_name("concatenate")
    before = g.to_dict()
    order = [e.id for e in g.in_edges(c.id)]
    assert [e.dst_port for e in g.in_edges(c.id)] == [0, 1, 3]
    history = History(g)
    history.push(C.ReorderInputs(c.id, order, list(reversed(order))))
    assert [p.name for p in g.predecessors(c.id)] == ["z", "b", "a"]
    assert sorted(e.dst_port for e in g.in_edges(c.id)) == [0, 1, 3]
    history.undo()
    assert g.to_dict() == before


def test_marking_an_output_again_then_undoing_keeps_it_an_output():
    g = merge()
    out = g.by_name("out")
    history = History(g)
    history.push(C.SetOutput(out.id, True))
    history.undo()
    assert g.node(out.id).is_output


def test_unsharing_a_chain_link_then_undoing_restores_the_chain():
    g = siamese()
    twin, lstm = g.by_name("twin"), g.by_name("lstm")
    before = g.to_dict()
    history = History(g)
    history.push(C.SetShared(twin.id, lstm.id, None))
    history.push(C.SetShared(twin.id, None, g.by_name("base").id))
    history.undo()
    history.undo()
    assert g.node(twin.id).shared_with == lstm.id
    assert g.to_dict() == before


def _one_of_each(g: Graph) -> list[C.Command]:
    c, a, out = g.by_name("concatenate"), g.by_name("a"), g.by_name("out")
    order = [e.id for e in g.in_edges(c.id)]
    return [
        C.AddNode(Node("Dense", "extra")),
        C.AddEdge(Edge(src=a.id, dst=out.id, dst_port=1)),
        C.RemoveEdge(g.in_edges(out.id)[0]),
        C.remove_items(g, [c.id]),
        C.set_param(g, out.id, "units", 9),
        C.Rename(a.id, "a", "renamed"),
        C.SetShared(out.id, None, c.id),
        C.SetOutput(out.id, False),
        C.Move({a.id: (0.0, 0.0)}, {a.id: (5.0, 6.0)}),
        C.ReorderInputs(c.id, order, list(reversed(order))),
        clipboard.paste(g, clipboard.fragment(g, [a.id, c.id])),
    ]


def test_undo_reverts_only_what_redo_did():
    """Undo before redo, or twice, changes nothing: the Qt stack's roll-back
    of a refused compound may undo children the compound already undid."""
    g = merge()
    before = g.to_dict()
    for cmd in _one_of_each(g):
        cmd.undo(g)
        assert g.to_dict() == before, f"{type(cmd).__name__} undone before it ran"
        cmd.redo(g)
        cmd.undo(g)
        cmd.undo(g)
        assert g.to_dict() == before, f"{type(cmd).__name__} undone twice"


def test_a_refused_compound_undone_again_child_by_child_stays_unchanged():
    g = merge()
    before = g.to_dict()
    children = _one_of_each(g)[:6] + [C.AddEdge(Edge(src="nowhere", dst=g.by_name("out").id))]
    cmd = C.Compound(children=children)
    with pytest.raises(GraphError):
        cmd.redo(g)
    for child in reversed(children):  # what kbuilder.ui.undo._roll_back does
        child.undo(g)
    assert g.to_dict() == before
