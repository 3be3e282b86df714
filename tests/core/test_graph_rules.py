"""The rules live in the core: Graph answers what an edit may do, keeps its
indexes and its data-flow order, and every event names what changed."""

import dataclasses

import pytest

from kbuilder.core import commands as C
from kbuilder.core.graph import Graph, GraphError
from kbuilder.core.history import History
from kbuilder.layers import basics


def events_of(g: Graph) -> list:
    seen: list = []
    g.subscribe(lambda e: seen.append((e.kind, e.node_id, e.key)))
    return seen


def test_nodes_change_only_through_the_graph():
    g = Graph()
    d = g.add("Dense", name="d", units=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.name = "other"
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.class_name = "Conv2D"
    g.rename(d.id, "other")
    assert g.node(d.id).name == "other" and g.find("other") is d and g.find("d") is None


def test_sharing_says_that_the_class_changed_and_undo_says_it_back():
    g = Graph()
    x = g.add_input((4, 3), name="x")
    lstm = g.add("LSTM", name="lstm", inputs=[x], units=2)
    other = g.add("GRU", name="gru", inputs=[x], units=2)
    seen = events_of(g)
    history = History(g)
    history.push(C.SetShared(other.id, None, lstm.id))
    assert seen == [("node_changed", other.id, "shared_with"), ("node_changed", other.id, "class_name")]
    assert g.node(other.id).class_name == "LSTM"
    seen.clear()
    history.undo()
    assert seen == [("node_changed", other.id, "shared_with"), ("node_changed", other.id, "class_name")]
    assert g.node(other.id).class_name == "GRU" and g.node(other.id).shared_with is None


def test_can_connect_answers_with_the_reason():
    g = Graph()
    a = g.add_input((4,), name="a")
    b = g.add_input((4,), name="b")
    d = g.add("Dense", name="d", inputs=[a], units=2)
    cat = g.add("Concatenate", name="cat", inputs=[a])
    arity = basics.arity()
    assert g.can_connect(a.id, a.id, None, arity) == (None, "a cannot be connected to itself.")
    port, why = g.can_connect(d.id, a.id, None, arity)
    assert port is None and "is an Input" in why
    port, why = g.can_connect(b.id, d.id, None, arity)
    assert port is None and "takes one input and already has it" in why
    assert g.can_connect(b.id, cat.id, None, arity) == (1, None)  # the next free input of a merge
    port, why = g.can_connect(b.id, cat.id, 0, arity)
    assert port is None and "already connected to a" in why


def test_names_have_one_rule():
    g = Graph()
    g.add("Dense", name="d", units=2)
    e = g.add("Dense", name="e", units=2)
    assert "'/'" in g.rename_problem(e.id, "a/b")
    assert "already used" in g.rename_problem(e.id, " d ")
    assert g.rename_problem(e.id, "fine") is None
    with pytest.raises(GraphError, match="'/'"):
        g.rename(e.id, "a/b")


def test_set_param_leaves_out_the_default_and_says_when_nothing_changes():
    g = Graph()
    d = g.add("Dense", name="d", units=2, activation="relu")
    cmd = C.set_param(g, d.id, "activation", None)
    assert cmd.changes and cmd.new == {"units": 2}
    cmd = C.set_param(g, d.id, "use_bias", True, default=True)
    assert not cmd.changes  # Keras's default: nothing to store
    cmd = C.set_param(g, d.id, "units", (2,), default=None)
    assert cmd.changes  # a tuple is not the int it replaces
    cmd = C.set_param(g, d.id, "units", 2, default=2, required=True)
    assert not cmd.changes  # required values are always stored, and this one is already there


def test_index_and_order_follow_every_edit():
    g = Graph()
    x = g.add_input((4,), name="x")
    a = g.add("Dense", name="a", inputs=[x], units=2)
    b = g.add("Dense", name="b", units=2)
    assert [n.name for n in g.topological_order()] == ["x", "a", "b"]
    e = g.connect(b.id, a.id, 1)  # b now feeds a: b must come first
    assert [n.name for n in g.topological_order()] == ["x", "b", "a"]
    assert [ed.src for ed in g.in_edges(a.id)] == [x.id, b.id] and g.out_edges(b.id) == [e]
    g.remove_edge(e.id)
    assert [n.name for n in g.topological_order()] == ["x", "a", "b"] and g.out_edges(b.id) == []
    g.connect(a.id, b.id)
    g.connect(b.id, a.id, 1)  # a loop: both are left out of the order
    assert [n.name for n in g.topological_order()] == ["x"]
    g.remove_node(b.id)
    assert g.in_edges(a.id)[0].src == x.id and [n.name for n in g.topological_order()] == ["x", "a"]


def test_fresh_layers_start_with_the_catalogs_values_before_it_arrives():
    # The canvas's fallback used to say Dropout 0.5 and Conv2D kernel (3, 3); the catalog says 0.2 and 3.
    assert basics.build_params("Dropout") == {"rate": 0.2}
    assert basics.build_params("Conv2D") == {"filters": 32, "kernel_size": 3}
    assert basics.build_params("Input")["shape"] == [784]
    assert basics.format_shape((None, 28, 28)) == "(None, 28, 28)" and basics.format_shape((None,)) == "(None,)"
    assert basics.format_shape([(None, 4), (None, 2)], joiner="\n") == "(None, 4)\n(None, 2)"
    assert basics.format_shape(None) == "?"
