"""Fit to window on a model too big to show whole at a readable size, and a
layer dropped onto a connection making room for itself (issue 9, 11a and
12c), with real key presses and a real palette drop on the window."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import Qt
from ui_canvas_helpers import double_click, drop_from_palette, load, three_layers

from kbuilder.core.graph import Graph

CTRL = Qt.KeyboardModifier.ControlModifier
NAME_PT = 8.5  # a layer's name on the canvas


def _chain(n: int) -> Graph:
    g = Graph()
    prev = g.add_input((16,), name="x", position=(0, 0))
    for i in range(n):
        prev = g.add("Dense", name=f"dense_{i}", position=(0, 130 * (i + 1)), units=8, inputs=[prev])
    return g


def _overlaps(w) -> list[tuple[str, str]]:
    items = list(w.scene.nodes.values())
    return [(w.graph.node(a.node_id).name, w.graph.node(b.node_id).name) for a, b in combinations(items, 2)
            if a.sceneBoundingRect().intersects(b.sceneBoundingRect())]


def test_fit_keeps_a_429_layer_model_readable_and_shows_its_inputs(window, qtbot):
    w = window
    load(w, _chain(428))
    w.view.zoom_by(0.3)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_0, CTRL)
    view = w.view
    assert NAME_PT * view.logicalDpiY() / 72 * view.zoom() >= 8 - 1e-6  # a name's pixels
    first = w.scene.nodes[w.graph.by_name("x").id]
    shown = view.mapFromScene(first.sceneBoundingRect()).boundingRect()
    assert view.viewport().rect().contains(shown)
    assert shown.top() < view.viewport().height() / 3  # the top of the model, not its middle
    assert w.statusBar().currentMessage().startswith("Showing the top of the model at a readable size")
    fitted = view.zoom()
    for _ in range(12):  # the wheel still goes further, for an overview
        view.zoom_out()
    assert view.zoom() < fitted / 3


def test_fit_shows_a_small_model_whole_and_says_nothing(window, qtbot):
    w = window
    load(w, three_layers())
    w.statusBar().clearMessage()
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_0, CTRL)
    for item in w.scene.nodes.values():
        assert w.view.viewport().rect().contains(w.view.mapFromScene(item.sceneBoundingRect()).boundingRect())
    assert not w.statusBar().currentMessage()


def test_a_layer_dropped_on_a_connection_pushes_the_layers_below_down(window, qtbot):
    w = window
    g = three_layers()
    g.add("Dense", name="side", position=(260, 320), units=2)  # beside b: moves with it
    x, a, b = g.by_name("x"), g.by_name("a"), g.by_name("b")
    g.connect(x.id, a.id)
    g.connect(a.id, b.id)
    load(w, g)
    before = {n.name: n.position for n in w.graph.nodes}
    edge = next(item for item in w.scene.edges.values() if w.graph.edge(item.edge_id).src == a.id)
    drop_from_palette(w, "Dropout", edge.path().pointAtPercent(0.5))
    new = w.graph.nodes[-1]
    assert new.class_name == "Dropout"
    assert _overlaps(w) == []
    after = {n.name: n.position for n in w.graph.nodes}
    assert after["x"] == before["x"] and after["a"] == before["a"]  # above: stays
    assert after["b"][1] > before["b"][1] and after["side"][1] - before["side"][1] == after["b"][1] - before["b"][1]
    assert new.position[1] > before["a"][1] and after["b"][1] > new.position[1]
    assert w.stack.count() == 1 and w.stack.undoText() == "Insert Dropout"
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Z, CTRL)
    assert {n.name: n.position for n in w.graph.nodes} == before
    assert [(w.graph.node(e.src).name, w.graph.node(e.dst).name) for e in w.graph.edges] == [("x", "a"), ("a", "b")]
    assert w.stack.index() == 0


def test_a_layer_dropped_on_a_long_connection_moves_nothing(window, qtbot):
    w = window
    g = Graph()
    a = g.add_input((8,), name="a", position=(0, 0))
    g.add("Dense", name="b", position=(0, 400), units=2, inputs=[a])
    load(w, g)
    (edge,) = w.scene.edges.values()
    drop_from_palette(w, "Dropout", edge.path().pointAtPercent(0.5))
    assert _overlaps(w) == []
    assert [n.position for n in w.graph.nodes][:2] == [(0, 0), (0, 400)]


def test_a_double_clicked_layer_never_lands_on_another(window, qtbot):
    """Found by the window state machine: adding a layer from the palette
    with nothing selected put it over the layer at the view's centre."""
    from kbuilder.project.templates import template_path

    w = window
    w.files.open_template(template_path("digits_classifier"), ask=False)
    w.view.fit()
    for name in ("Dense", "Dropout", "Dense"):
        w.scene.clearSelection()
        w.add_layer(name)
    w.scene.select_nodes([w.graph.find("dense").id])
    w.add_layer("Dense")  # below the selected one, where "dropout" already is
    rects = [w.scene.nodes[n.id].sceneBoundingRect() for n in w.graph.nodes]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b)


def test_a_layer_double_clicked_in_the_palette_is_scrolled_into_view(window, qtbot):
    """What a new user found at 1024x700: a Dense added by double-clicking the
    palette landed half outside the canvas, and the view did not follow it."""
    from kbuilder.project.templates import template_path

    w = window
    w.resize(1024, 700)
    w.files.open_template(template_path("digits_classifier"), ask=False)
    w.view.fit()
    w.scene.select_nodes([w.graph.find("digit").id])  # the last layer: the new ones go below it
    tree = w.palette.tree
    item = w.palette.find_item("Dense")
    tree.scrollToItem(item)
    for _ in range(4):
        before = {n.id for n in w.graph.nodes}
        double_click(qtbot, tree.viewport(), tree.visualItemRect(item).center())
        (added,) = {n.id for n in w.graph.nodes} - before
        visible = w.view.mapToScene(w.view.viewport().rect()).boundingRect()
        assert visible.contains(w.scene.nodes[added].sceneBoundingRect()), "the new layer is off screen"
        w.scene.select_nodes([added])

