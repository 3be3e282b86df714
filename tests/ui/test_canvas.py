"""The canvas driven like a user: real mouse and key events on the view's
viewport (pytest-qt), checked against the graph and the saved file.

Dragging from the palette: ``QDrag.exec`` runs a modal loop that QTest
cannot feed.  Two tests cover it honestly:

* ``drop_from_palette`` takes the exact QMimeData the palette's tree puts in
  its drag (``LayerTreeWidget.mimeData``) and delivers DragEnter, DragMove
  and Drop events to the canvas viewport with ``sendEvent``;
* ``test_mouse_drag_from_the_palette_onto_the_canvas`` presses and moves the
  mouse on the palette's viewport, so Qt calls the palette's own
  ``startDrag``; only ``QDrag.exec`` is replaced (monkeypatch) by the same
  event delivery to the canvas.

The view, the scene and the drop handling are the real ones in both; only
the OS drag loop is skipped."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from kbuilder.core.graph import Graph
from kbuilder.project import kbproj
from kbuilder.ui.canvas.node_item import NodeItem

LEFT = Qt.MouseButton.LeftButton


def wait_analysis(qtbot, w) -> None:
    qtbot.waitUntil(lambda: w.analysis.is_idle(), timeout=10000)


def load(w, graph: Graph) -> None:
    w.files.set_project(kbproj.Project(graph=graph), None, "test")
    w.view.reset_zoom()
    w.view.centerOn(200, 200)


def three_layers() -> Graph:
    g = Graph()
    g.add_input((8,), name="x", position=(0, 0))
    g.add("Dense", name="a", position=(0, 160), units=4)
    g.add("Dense", name="b", position=(0, 320), units=2)
    return g


def vp(w, scene_pos: QPointF) -> QPoint:
    return w.view.mapFromScene(scene_pos)


def drag(qtbot, w, start: QPointF, end: QPointF, steps: int = 5) -> None:
    viewport = w.view.viewport()
    a, b = vp(w, start), vp(w, end)
    qtbot.mousePress(viewport, LEFT, pos=a)
    for i in range(1, steps + 1):
        qtbot.mouseMove(viewport, pos=a + (b - a) * i / steps)
    qtbot.mouseRelease(viewport, LEFT, pos=b)


def out_port(w, name: str) -> QPointF:
    return w.scene.nodes[w.graph.by_name(name).id].out_port.scenePos()


def in_port(w, name: str, index: int = 0) -> QPointF:
    return w.scene.nodes[w.graph.by_name(name).id].in_ports[index].scenePos()


def drop_from_palette(w, class_name: str, scene_pos: QPointF) -> QDropEvent:
    mime = w.palette.mime_for(class_name)
    viewport = w.view.viewport()
    pos = QPointF(vp(w, scene_pos))
    # What QTreeWidget's startDrag offers; Shift would make the proposal a move.
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    drop = QDropEvent(pos, actions, mime, LEFT, Qt.KeyboardModifier.NoModifier, QEvent.Type.Drop)
    for ev in (QDragEnterEvent(pos.toPoint(), actions, mime, LEFT, Qt.KeyboardModifier.NoModifier),
               QDragMoveEvent(pos.toPoint(), actions, mime, LEFT, Qt.KeyboardModifier.NoModifier), drop):
        QApplication.sendEvent(viewport, ev)
    return drop


def dump(w) -> str:
    return kbproj.dumps(w.files.project())


# ---------------------------------------------------------------------------
def test_drag_dense_from_palette_onto_canvas(window, qtbot):
    w = window
    load(w, Graph())
    drop = drop_from_palette(w, "Dense", QPointF(150, 100))
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.CopyAction  # the palette keeps its item
    nodes = w.graph.nodes
    assert [n.class_name for n in nodes] == ["Dense"]
    x, y = nodes[0].position
    assert abs(x + 95 - 150) <= 2 and abs(y + 39 - 100) <= 2  # centred where it was dropped
    assert nodes[0].params.get("units")  # starts buildable
    item = w.scene.nodes[nodes[0].id]
    assert item.isSelected()
    assert w.stack.undoText() == "Add Dense"
    w.stack.undo()
    assert len(w.graph) == 0 and not w.scene.nodes


def test_connect_input_dense_dense_by_dragging_ports(window, qtbot):
    w = window
    load(w, three_layers())
    drag(qtbot, w, out_port(w, "x"), in_port(w, "a"))
    drag(qtbot, w, out_port(w, "a"), in_port(w, "b") + QPointF(3, -4))  # near the port is enough
    g = w.graph
    pairs = [(g.node(e.src).name, g.node(e.dst).name, e.dst_port) for e in g.edges]
    assert pairs == [("x", "a", 0), ("a", "b", 0)]
    assert len(w.scene.edges) == 2
    assert w.stack.count() == 2
    wait_analysis(qtbot, w)
    assert all(item.severity is None for item in w.scene.nodes.values())


def test_connection_that_cannot_work_is_refused_with_reason(window, qtbot):
    w = window
    load(w, three_layers())
    drag(qtbot, w, out_port(w, "b"), in_port(w, "a"))
    assert len(w.graph.edges) == 1
    drag(qtbot, w, out_port(w, "x"), in_port(w, "a"))  # a's only input is taken
    assert len(w.graph.edges) == 1
    assert "already" in w.statusBar().currentMessage()
    drag(qtbot, w, in_port(w, "b"), out_port(w, "b"))  # itself
    assert len(w.graph.edges) == 1
    assert "itself" in w.statusBar().currentMessage()


def test_live_edge_follows_the_mouse_while_dragging(window, qtbot):
    w = window
    load(w, three_layers())
    viewport = w.view.viewport()
    start = vp(w, out_port(w, "x"))
    qtbot.mousePress(viewport, LEFT, pos=start)
    qtbot.mouseMove(viewport, pos=start + QPoint(40, 60))
    live = w.scene.connection.live
    assert live is not None and live.scene() is w.scene
    end = live.path().pointAtPercent(1.0)
    assert (end - w.view.mapToScene(start + QPoint(40, 60))).manhattanLength() < 2
    qtbot.mouseRelease(viewport, LEFT, pos=start + QPoint(40, 60))
    assert w.scene.connection.live is None and not w.graph.edges


def test_cycle_shows_error_on_the_node(window, qtbot):
    w = window
    g = Graph()
    x = g.add_input((4,), name="x", position=(0, 0))
    add = g.add("Add", name="add", position=(0, 160), inputs=[x])
    g.add("Dense", name="d", position=(0, 320), inputs=[add], units=4)
    load(w, g)
    free = w.scene.nodes[add.id].in_ports[-1]
    assert free.free  # a merge shows a free port to drop onto
    drag(qtbot, w, out_port(w, "d"), free.scenePos())
    assert [e.dst_port for e in w.graph.in_edges(add.id)] == [0, 1]
    wait_analysis(qtbot, w)
    item = w.scene.nodes[add.id]
    assert item.severity == "error"
    assert any("loop" in m.lower() or "cycle" in m.lower() for m in item.problems)
    assert "⚠" in item.toolTip()
    w.stack.undo()
    wait_analysis(qtbot, w)
    assert item.severity != "error" or not any("loop" in m.lower() for m in item.problems)


def test_delete_key_removes_selected_node_and_its_edges(window, qtbot):
    w = window
    g = three_layers()
    g.connect(g.by_name("x").id, g.by_name("a").id)
    g.connect(g.by_name("a").id, g.by_name("b").id)
    load(w, g)
    a = w.scene.nodes[w.graph.by_name("a").id]
    qtbot.mouseClick(w.view.viewport(), LEFT, pos=vp(w, a.sceneBoundingRect().center()))
    assert w.scene.selected_node_ids() == [a.node_id]
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    assert w.graph.find("a") is None and not w.graph.edges and not w.scene.edges
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.graph.find("a") is not None and len(w.graph.edges) == 2 and len(w.scene.edges) == 2


def test_moving_a_node_is_one_undo_step_and_updates_its_edges(window, qtbot):
    w = window
    g = three_layers()
    g.connect(g.by_name("x").id, g.by_name("a").id)
    load(w, g)
    a = w.scene.nodes[w.graph.by_name("a").id]
    edge = next(iter(w.scene.edges.values()))
    before_end = edge.end_point()
    centre = a.sceneBoundingRect().center()
    drag(qtbot, w, centre, centre + QPointF(100, 40), steps=8)
    assert w.graph.by_name("a").position == (100.0, 200.0)
    assert w.stack.count() == 1 and w.stack.undoText() == "Move"
    assert edge.end_point() == before_end + QPointF(100, 40)
    w.stack.undo()
    assert w.graph.by_name("a").position == (0.0, 160.0)


def test_rubber_band_selects(window, qtbot):
    w = window
    load(w, three_layers())
    drag(qtbot, w, QPointF(-60, -40), QPointF(260, 250))
    names = sorted(w.graph.node(n).name for n in w.scene.selected_node_ids())
    assert names == ["a", "x"]


def test_undo_redo_returns_exactly_to_saved_states(window, qtbot):
    w = window
    load(w, three_layers())
    start = dump(w)
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    drag(qtbot, w, out_port(w, "x"), in_port(w, "a"))                      # connect
    drag(qtbot, w, out_port(w, "a"), in_port(w, "b"))                      # connect
    drop_from_palette(w, "Dropout", QPointF(300, 250))                      # add
    centre = w.scene.nodes[w.graph.by_name("b").id].sceneBoundingRect().center()
    drag(qtbot, w, centre, centre + QPointF(50, 50))                       # move
    qtbot.mouseClick(w.view.viewport(), LEFT, pos=vp(w, w.scene.nodes[w.graph.by_name("a").id].sceneBoundingRect().center()))
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_D, ctrl)                             # duplicate
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)                              # delete the copy
    w.scene.editor.auto_layout()                                          # layout
    end = dump(w)
    steps = w.stack.count()
    assert steps == 7
    for _ in range(steps):
        qtbot.keyClick(w.view, Qt.Key.Key_Z, ctrl)
    assert dump(w) == start
    assert w.stack.isClean() and not w.isWindowModified()
    for _ in range(steps):
        qtbot.keyClick(w.view, Qt.Key.Key_Z, ctrl | shift)
    assert dump(w) == end
    assert w.isWindowModified()


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
    from kbuilder.ui.canvas.group_item import GroupFrameItem

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


def test_scene_follows_graph_events_from_any_source(window, qtbot):
    """Edits made without the canvas (a panel, a script) show up on it."""
    from kbuilder.core import commands as C

    w = window
    load(w, three_layers())
    g = w.graph
    x, a = g.by_name("x"), g.by_name("a")
    edge = g.connect(x.id, a.id)
    assert edge.id in w.scene.edges and w.scene.nodes[a.id].in_ports[0].connected
    g.move(a.id, (500.0, 500.0))
    assert w.scene.nodes[a.id].pos() == QPointF(500, 500)
    assert w.scene.edges[edge.id].end_point() == w.scene.nodes[a.id].in_ports[0].scenePos()
    g.rename(a.id, "renamed")
    assert w.scene.nodes[a.id]._texts[1] == "renamed"
    C.remove_items(g, [x.id]).redo(g)
    assert x.id not in w.scene.nodes and not w.scene.edges
    g.load_from(three_layers())
    assert sorted(n._texts[1] for n in w.scene.nodes.values()) == ["a", "b", "x"]


def test_mouse_drag_from_the_palette_onto_the_canvas(window, qtbot, monkeypatch):
    """The palette's own startDrag runs from real mouse events; only
    QDrag.exec (the OS drag loop, modal) is replaced by delivering the drag's
    QMimeData to the canvas as DragEnter / DragMove / Drop events."""
    from PySide6.QtGui import QDrag

    w = window
    load(w, Graph())
    target = QPointF(120, 80)
    seen = {}

    def fake_exec(drag, actions=Qt.DropAction.MoveAction, default=Qt.DropAction.IgnoreAction):
        seen["actions"] = actions
        pos = QPointF(vp(w, target))
        mime = drag.mimeData()
        drop = QDropEvent(pos, actions, mime, LEFT, Qt.KeyboardModifier.NoModifier, QEvent.Type.Drop)
        for ev in (QDragEnterEvent(pos.toPoint(), actions, mime, LEFT, Qt.KeyboardModifier.NoModifier),
                   QDragMoveEvent(pos.toPoint(), actions, mime, LEFT, Qt.KeyboardModifier.NoModifier), drop):
            QApplication.sendEvent(w.view.viewport(), ev)
        return drop.dropAction()

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    tree = w.palette.tree
    item = w.palette.find_item("Dense")
    tree.scrollToItem(item)
    start = tree.visualItemRect(item).center()
    qtbot.mousePress(tree.viewport(), LEFT, pos=start)
    qtbot.mouseMove(tree.viewport(), pos=start + QPoint(10, 4))
    qtbot.mouseMove(tree.viewport(), pos=start + QPoint(60, 10))
    qtbot.mouseRelease(tree.viewport(), LEFT, pos=start + QPoint(60, 10))
    assert seen["actions"] == Qt.DropAction.CopyAction
    assert [n.class_name for n in w.graph.nodes] == ["Dense"]
    assert w.palette.find_item("Dense") is not None  # still in the palette
