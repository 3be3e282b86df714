import pytest

from kbuilder.core import clipboard
from kbuilder.core import commands as C
from kbuilder.core.graph import Graph, GraphError, Node
from kbuilder.core.history import History


def small_graph():
    g = Graph()
    x = g.add_input((28, 28), name="image")
    f = g.add("Flatten", inputs=[x])
    d = g.add("Dense", inputs=[f], units=10, activation="softmax")
    return g, x, f, d


def test_add_and_names_follow_keras_naming():
    g, x, f, d = small_graph()
    assert [n.name for n in g.nodes] == ["image", "flatten", "dense"]
    assert g.add("Dense").name == "dense_1"
    assert g.add("GlobalAveragePooling2D").name == "global_average_pooling2d"
    assert g.add("Conv2D").name == "conv2d"


def test_outputs_are_sinks_unless_marked():
    g, x, f, d = small_graph()
    assert g.outputs() == [d]
    g.set_output(f.id, True)
    assert g.outputs() == [f]


def test_edges_keep_order_for_merges():
    g = Graph()
    a = g.add_input((3,), name="a")
    b = g.add_input((4,), name="b")
    c = g.add("Concatenate", inputs=[b, a])
    assert [p.name for p in g.predecessors(c.id)] == ["b", "a"]


def test_refusals():
    g, x, f, d = small_graph()
    with pytest.raises(GraphError):
        g.connect(d.id, x.id)  # into an Input
    with pytest.raises(GraphError):
        g.connect(x.id, f.id, 0)  # port taken
    with pytest.raises(GraphError):
        g.rename(d.id, "flatten")
    with pytest.raises(GraphError):
        g.add_node(Node("Dense", "image"))


def test_events_are_emitted_in_order():
    g, x, f, d = small_graph()
    seen = []
    g.subscribe(lambda e: seen.append((e.kind, e.node_id)))
    g.remove_node(f.id)
    assert [k for k, _ in seen] == ["edge_removed", "edge_removed", "node_removed"]


def test_round_trip_dict_keeps_ids():
    g, *_ = small_graph()
    assert Graph.from_dict(g.to_dict()).to_dict() == g.to_dict()


def test_history_undo_redo_delete_restores_edges_in_order():
    g = Graph()
    a = g.add_input((3,), name="a")
    b = g.add_input((3,), name="b")
    c = g.add("Add", inputs=[a, b])
    out = g.add("Dense", inputs=[c], units=1)
    before = g.to_dict()
    h = History(g)
    h.push(C.remove_items(g, [c.id]))
    assert c.id not in g and len(g.edges) == 0
    h.undo()
    assert g.to_dict() == before
    h.redo()
    assert c.id not in g
    h.undo()
    assert [p.name for p in g.predecessors(c.id)] == ["a", "b"]
    assert g.to_dict() == before
    assert g.predecessors(out.id)[0].id == c.id


def test_moves_of_one_drag_merge():
    g, x, *_ = small_graph()
    h = History(g)
    for i in range(5):
        h.push(C.Move({x.id: g.node(x.id).position}, {x.id: (i * 10.0, 0.0)}, drag_id=1))
    assert len(h) == 1
    h.undo()
    assert g.node(x.id).position == (0.0, 0.0)


def test_shared_layer_and_delete_owner():
    g = Graph()
    l_in = g.add_input((None, 128), name="left")
    r_in = g.add_input((None, 128), name="right")
    lstm = g.add("LSTM", inputs=[l_in], units=32)
    twin = g.share(lstm, inputs=[r_in])
    assert g.owner(twin) is lstm and twin.class_name == "LSTM"
    h = History(g)
    before = g.to_dict()
    h.push(C.remove_items(g, [lstm.id]))
    assert g.node(twin.id).shared_with is None
    h.undo()
    assert g.to_dict() == before


def test_paste_gives_fresh_ids_and_names():
    g, x, f, d = small_graph()
    h = History(g)
    h.push(clipboard.paste(g, clipboard.fragment(g, [f.id, d.id])))
    assert len(g) == 5
    names = sorted(n.name for n in g.nodes)
    assert names == ["dense", "dense_1", "flatten", "flatten_1", "image"]
    copied = g.by_name("dense_1")
    assert g.predecessors(copied.id)[0].name == "flatten_1"


def test_reorder_inputs():
    g = Graph()
    a = g.add_input((3,), name="a")
    b = g.add_input((4,), name="b")
    c = g.add("Concatenate", inputs=[a, b])
    h = History(g)
    before = g.to_dict()
    order = [e.id for e in g.in_edges(c.id)]
    h.push(C.ReorderInputs(c.id, order, list(reversed(order))))
    assert [p.name for p in g.predecessors(c.id)] == ["b", "a"]
    h.undo()
    assert [p.name for p in g.predecessors(c.id)] == ["a", "b"]
    assert g.to_dict() == before
