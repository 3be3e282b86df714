"""Canvas editing beyond the acceptance path: clipboard, merge inputs,
disconnecting, zoom and pan with real events, arrow keys, frames, what a
node shows, parameter edits through the window's push."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from ui_canvas_helpers import (
    LEFT,
    drag,
    drop_from_palette,
    in_port,
    load,
    out_port,
    three_layers,
    vp,
)

from kbuilder.core.graph import Graph
from kbuilder.ui.editor.node_item import NodeItem


def test_copy_paste_cut(window, qtbot):
    w = window
    g = three_layers()
    g.connect(g.by_name("a").id, g.by_name("b").id)
    load(w, g)
    w.scene.select_nodes([w.graph.by_name("a").id, w.graph.by_name("b").id])
    w.view.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(w.view, Qt.Key.Key_C, ctrl)
    qtbot.keyClick(w.view, Qt.Key.Key_V, ctrl)
    names = [n.name for n in w.graph.nodes]
    assert names == ["x", "a", "b", "a_1", "b_1"] and len(w.graph.edges) == 2
    assert sorted(w.graph.node(n).name for n in w.scene.selected_node_ids()) == ["a_1", "b_1"]
    qtbot.keyClick(w.view, Qt.Key.Key_X, ctrl)
    assert [n.name for n in w.graph.nodes] == ["x", "a", "b"]
    qtbot.keyClick(w.view, Qt.Key.Key_V, ctrl)
    assert len(w.graph) == 5


def test_pasted_text_is_checked_as_a_file_is(window, qtbot):
    """Anything can put text on the clipboard: a Lambda pasted from it becomes
    a placeholder (never code), damaged text is refused in one sentence, and
    the model is untouched either way."""
    import json

    from kbuilder.core.clipboard import FRAGMENT_FORMAT

    w = window
    load(w, three_layers())
    messages: list[str] = []
    w.scene.status_message.connect(messages.append)
    ctrl = Qt.KeyboardModifier.ControlModifier
    lam = {"id": "l1", "class_name": "Lambda", "name": "evil",
           "params": {"function": ["4wEAAAAAAAAA", None, None], "output_shape": None}}
    QApplication.clipboard().setText(json.dumps({"format": FRAGMENT_FORMAT, "nodes": [lam], "edges": []}))
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_V, ctrl)
    node = w.graph.find("evil")
    assert node is not None and node.is_placeholder and node.extra["original_class"] == "Lambda"
    assert any("evil" in m for m in messages)
    before = w.graph.to_dict()
    deep = "[" * 100000 + "]" * 100000
    QApplication.clipboard().setText('{"format": "' + FRAGMENT_FORMAT + '", "nodes": ' + deep + "}")
    qtbot.keyClick(w.view, Qt.Key.Key_V, ctrl)
    assert w.graph.to_dict() == before
    assert messages[-1].startswith("Cannot paste:") and "\n" not in messages[-1]

def test_merge_inputs_are_numbered_and_can_be_reordered(window, qtbot):
    w = window
    g = Graph()
    a = g.add_input((4,), name="a", position=(0, 0))
    b = g.add_input((4,), name="b", position=(250, 0))
    c = g.add("Concatenate", name="cat", position=(100, 200), inputs=[a, b])
    load(w, g)
    item = w.scene.nodes[c.id]
    assert [p.numbered for p in item.in_ports] == [True, True, True] and item.in_ports[2].free
    w.scene.editor.move_input(c.id, 0, +1)
    assert [w.graph.node(e.src).name for e in w.graph.in_edges(c.id)] == ["b", "a"]
    assert w.stack.undoText() == "Reorder inputs"
    w.stack.undo()
    assert [w.graph.node(e.src).name for e in w.graph.in_edges(c.id)] == ["a", "b"]

def test_dragging_a_connected_input_away_disconnects(window, qtbot):
    w = window
    g = three_layers()
    g.connect(g.by_name("x").id, g.by_name("a").id)
    load(w, g)
    drag(qtbot, w, in_port(w, "a"), in_port(w, "a") + QPointF(300, -60))
    assert not w.graph.edges
    assert w.stack.undoText() == "Disconnect"
    w.stack.undo()
    drag(qtbot, w, in_port(w, "a"), in_port(w, "b"))  # moves it to b
    assert [(w.graph.node(e.src).name, w.graph.node(e.dst).name) for e in w.graph.edges] == [("x", "b")]

def test_wheel_zoom_and_fit(window, qtbot):
    w = window
    load(w, three_layers())
    w.view.zoom_by(2.0)
    assert abs(w.view.zoom() - 2.0) < 1e-6
    w.view.fit()
    assert w.view.zoom() <= 1.0
    for item in w.scene.nodes.values():
        assert w.view.viewport().rect().contains(w.view.mapFromScene(item.sceneBoundingRect()).boundingRect())

def test_double_click_in_palette_adds_connected_below_selection(window, qtbot):
    w = window
    load(w, three_layers())
    x = w.graph.by_name("x")
    w.scene.select_nodes([x.id])
    w.palette.layer_activated.emit("Flatten")
    new = w.graph.nodes[-1]
    assert new.class_name == "Flatten"
    assert [(e.src, e.dst) for e in w.graph.edges] == [(x.id, new.id)]
    assert new.position[1] > x.position[1]
    assert w.stack.count() == 1

def test_node_item_shows_type_name_params_shape_count(window, qtbot):
    w = window
    load(w, three_layers())
    from kbuilder.keras_io.shapes import NodeInfo

    a = w.graph.by_name("a")
    w.scene.set_node_infos({a.id: NodeInfo(output_shape=(None, 4), params=36)})
    item: NodeItem = w.scene.nodes[a.id]
    title, name, detail, _, _ = item._texts
    assert (title, name) == ("Dense", "a") and "units=4" in detail
    assert item._shape_text == "(None, 4)" and item._count_text == "36 params"
    assert "Output shape: (None, 4)" in item.toolTip()

def test_real_wheel_event_zooms_and_middle_button_pans(window, qtbot):
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent

    w = window
    load(w, three_layers())
    viewport = w.view.viewport()
    before = w.view.zoom()
    centre = viewport.rect().center()
    ev = QWheelEvent(QPointF(centre), QPointF(viewport.mapToGlobal(centre)), P(0, 0), P(0, 240),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, ev)
    assert w.view.zoom() > before * 1.3
    h = w.view.horizontalScrollBar().value()
    mid = Qt.MouseButton.MiddleButton
    qtbot.mousePress(viewport, mid, pos=centre)
    qtbot.mouseMove(viewport, pos=centre + P(-80, 0))
    qtbot.mouseRelease(viewport, mid, pos=centre + P(-80, 0))
    assert w.view.horizontalScrollBar().value() == h + 80
    assert w.stack.count() == 0  # viewing is not editing

def test_click_an_edge_and_delete_it(window, qtbot):
    w = window
    g = three_layers()
    g.connect(g.by_name("x").id, g.by_name("a").id)
    load(w, g)
    edge = next(iter(w.scene.edges.values()))
    qtbot.mouseClick(w.view.viewport(), LEFT, pos=vp(w, edge.path().pointAtPercent(0.5)))
    assert w.scene.selected_edge_ids() == [edge.edge_id]
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    assert not w.graph.edges and w.stack.undoText() == "Disconnect"

def test_parameter_edits_merge_and_rename_undo(window, qtbot):
    from kbuilder.core import commands as C

    w = window
    load(w, three_layers())
    a = w.graph.by_name("a")
    for units in (5, 6, 7):  # typing in a spin box: one undo step
        assert w.push(C.set_param(w.graph, a.id, "units", units, merge=True)) is None
    assert w.stack.count() == 1 and w.graph.node(a.id).params["units"] == 7
    assert "units=7" in w.scene.nodes[a.id]._texts[2]
    assert w.push(C.Rename(a.id, "a", "hidden")) is None
    assert w.scene.nodes[a.id]._texts[1] == "hidden"
    assert w.push(C.Rename(a.id, "hidden", "x")) is not None  # taken: refused, nothing pushed
    assert w.stack.count() == 2 and "already used" in w.statusBar().currentMessage()
    w.stack.undo()
    w.stack.undo()
    assert w.graph.node(a.id).name == "a" and w.graph.node(a.id).params["units"] == 4

def test_layers_of_a_nested_model_are_framed(window, qtbot):
    from kbuilder.ui.editor.group_item import GroupFrameItem

    w = window
    g = three_layers()
    for name in ("a", "b"):
        g.by_name(name).extra["group"] = "encoder"
    load(w, g)
    frames = [i for i in w.scene.items() if isinstance(i, GroupFrameItem)]
    assert len(frames) == 1 and frames[0].name == "encoder"
    b = w.scene.nodes[w.graph.by_name("b").id]
    assert frames[0].boundingRect().contains(b.sceneBoundingRect())
    centre = b.sceneBoundingRect().center()
    drag(qtbot, w, centre, centre + QPointF(0, 200))
    assert frames[0].boundingRect().contains(b.sceneBoundingRect())

def test_arrow_keys_nudge_as_one_step_and_escape_cancels_a_connection(window, qtbot):
    w = window
    load(w, three_layers())
    a = w.graph.by_name("a")
    w.scene.select_nodes([a.id])
    w.view.setFocus()
    for _ in range(3):
        qtbot.keyClick(w.view, Qt.Key.Key_Right)
    qtbot.keyClick(w.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert w.graph.node(a.id).position == (30.0, 210.0)
    assert w.stack.count() == 1
    w.stack.undo()
    assert w.graph.node(a.id).position == (0.0, 160.0)
    viewport = w.view.viewport()
    start = vp(w, out_port(w, "x"))
    qtbot.mousePress(viewport, LEFT, pos=start)
    qtbot.mouseMove(viewport, pos=vp(w, in_port(w, "a")))
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert not w.scene.connection.active
    qtbot.mouseRelease(viewport, LEFT, pos=vp(w, in_port(w, "a")))
    assert not w.graph.edges

def test_drag_a_merge_input_onto_another_to_reorder(window, qtbot):
    w = window
    g = Graph()
    ins = [g.add_input((4,), name=n, position=(i * 230.0, 0)) for i, n in enumerate("abc")]
    cat = g.add("Concatenate", name="cat", position=(230, 200), inputs=ins)
    load(w, g)
    w.view.centerOn(w.scene.nodes[cat.id].sceneBoundingRect().center())
    drag(qtbot, w, in_port(w, "cat", 0), in_port(w, "cat", 2))
    assert [w.graph.node(e.src).name for e in w.graph.in_edges(cat.id)] == ["b", "c", "a"]
    assert w.stack.count() == 1 and w.stack.undoText() == "Reorder inputs"
    assert "input 3" in w.statusBar().currentMessage()


def test_a_layer_with_several_outputs_gets_a_port_for_each(window, qtbot):
    from kbuilder.keras_io.shapes import NodeInfo

    w = window
    g = three_layers()
    a = g.by_name("a")
    g.overwrite(a.id, class_name="LSTM", params={"units": 4, "return_state": True})
    load(w, g)
    w.scene.set_node_infos({a.id: NodeInfo(output_shape=[(None, 4), (None, 4), (None, 4)], params=144)})
    item = w.scene.nodes[a.id]
    assert [p.index for p in item.out_ports] == [0, 1, 2]
    b_port = w.scene.nodes[w.graph.by_name("b").id].in_ports[0]
    drag(qtbot, w, item.out_ports[2].scenePos(), b_port.scenePos())
    (edge,) = w.graph.edges
    assert (edge.src, edge.src_port) == (a.id, 2)
    start = w.scene.edges[edge.id].path().elementAt(0)
    assert QPointF(start.x, start.y) == item.out_ports[2].scenePos()


def test_dropping_a_layer_on_a_connection_inserts_it(window, qtbot):
    w = window
    g = three_layers()
    a, b = g.by_name("a"), g.by_name("b")
    g.connect(a.id, b.id)
    load(w, g)
    (edge_item,) = w.scene.edges.values()
    middle = edge_item.path().pointAtPercent(0.3)
    drop_from_palette(w, "Dropout", middle)
    new = w.graph.nodes[-1]
    assert new.class_name == "Dropout"
    assert sorted((w.graph.node(e.src).name, w.graph.node(e.dst).name) for e in w.graph.edges) == [
        ("a", new.name), (new.name, "b")]
    assert w.stack.count() == 1 and w.stack.undoText() == "Insert Dropout"
    w.stack.undo()
    assert [(e.src, e.dst) for e in w.graph.edges] == [(a.id, b.id)]
