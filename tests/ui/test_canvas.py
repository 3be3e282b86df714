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
from ui_canvas_helpers import (
    LEFT,
    drag,
    drop_from_palette,
    dump,
    in_port,
    load,
    out_port,
    three_layers,
    vp,
    wait_analysis,
)

from kbuilder.core.graph import Graph


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
