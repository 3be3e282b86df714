"""Layered layout: rows by longest path, no overlaps, inputs on top, cycles tolerated, fast."""

from __future__ import annotations

import time

import pytest

from kbuilder.core.graph import Graph
from kbuilder.core.layout import X_GAP, Y_GAP, layered_layout


def assert_sane(g: Graph) -> None:
    positions = [n.position for n in g.nodes]
    assert len(set(positions)) == len(positions), "two nodes share a position"
    for y in {p[1] for p in positions}:
        xs = sorted(p[0] for p in positions if p[1] == y)
        assert all(b - a >= X_GAP - 1e-6 for a, b in zip(xs, xs[1:], strict=False))


def assert_flows_down(g: Graph) -> None:
    for e in g.edges:
        assert g.node(e.src).position[1] < g.node(e.dst).position[1]


def test_chain_is_a_vertical_line():
    g = Graph()
    x = g.add_input((3,))
    a = g.add("Dense", inputs=[x])
    b = g.add("Dense", inputs=[a])
    layered_layout(g)
    assert [n.position for n in (x, a, b)] == [(0.0, 0.0), (0.0, Y_GAP), (0.0, 2 * Y_GAP)]


def test_branches_longest_path_rows_and_no_overlap():
    g = Graph()
    x = g.add_input((3,), name="x")
    y = g.add_input((3,), name="y")
    a = g.add("Dense", inputs=[x])
    b = g.add("Dense", inputs=[a])
    c = g.add("Concatenate", inputs=[b, y, x])  # skip connections from the top row
    layered_layout(g)
    assert_sane(g)
    assert_flows_down(g)
    assert x.position[1] == y.position[1] == 0.0
    assert c.position[1] == 3 * Y_GAP


def test_crossings_are_reduced():
    g = Graph()
    a = g.add_input((3,), name="a")
    b = g.add_input((3,), name="b")
    # Added in the "wrong" order: b's consumer first.
    db = g.add("Dense", inputs=[b], name="db")
    da = g.add("Dense", inputs=[a], name="da")
    layered_layout(g)
    assert (a.position[0] < b.position[0]) == (da.position[0] < db.position[0])


def test_cycles_and_isolated_nodes_still_get_places():
    g = Graph()
    x = g.add_input((3,))
    a = g.add("Dense", inputs=[x])
    b = g.add("Dense", inputs=[a])
    g.connect(b.id, a.id)  # a loop a -> b -> a
    g.add("Dense", name="alone")
    layered_layout(g)
    assert_sane(g)
    assert x.position[1] == 0.0 and a.position[1] < b.position[1]


def test_empty_graph():
    layered_layout(Graph())


def test_five_hundred_nodes_fast():
    g = Graph()
    nodes = [g.add_input((3,))]
    for i in range(500):
        srcs = [nodes[-1], nodes[max(0, i - 7)]] if i % 3 == 0 else [nodes[-1]]
        nodes.append(g.add("Concatenate" if len(srcs) > 1 else "Dense", inputs=srcs))
    layered_layout(g)  # networkx import out of the timing
    start = time.perf_counter()
    layered_layout(g)
    assert time.perf_counter() - start < 1.0
    assert_sane(g)
    assert_flows_down(g)


@pytest.mark.slow
def test_densenet121_import_and_layout():
    from kbuilder.keras_io.importing import graph_from_json
    from kbuilder.layers.backend import keras

    model = keras().applications.DenseNet121(weights=None, input_shape=(64, 64, 3), classes=10)
    g = graph_from_json(model.to_json()).graph
    assert len(g) == len(model.layers)
    start = time.perf_counter()
    layered_layout(g)
    assert time.perf_counter() - start < 1.0
    assert_sane(g)
    assert_flows_down(g)


def test_branches_run_straight_down():
    g = Graph()
    x = g.add_input((8, 8, 3))
    tops = [g.add("Conv2D", inputs=[x]) for _ in range(3)]
    below = [g.add("Conv2D", inputs=[t]) for t in tops]
    g.add("Concatenate", inputs=below)
    layered_layout(g)
    assert_sane(g)
    for t, b in zip(tops, below, strict=True):
        assert t.position[0] == b.position[0]
    assert x.position[0] == tops[1].position[0] == 0.0
