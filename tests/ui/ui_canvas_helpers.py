"""Helpers shared by the canvas tests: load a graph, press and drag on the
canvas viewport at scene positions, deliver a palette drag's data."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from kbuilder.core.graph import Graph
from kbuilder.project import kbproj

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


def double_click(qtbot, widget, pos) -> None:
    """What a window system sends for a double-click: press, release,
    double-click, release.  (QTest.mouseDClick sends no release after its
    first press, which leaves a tree in its drag-select state and the
    double-click lost.)"""
    left = Qt.MouseButton.LeftButton
    qtbot.mouseClick(widget, left, pos=pos)
    point = QPointF(pos)
    QApplication.sendEvent(widget, QMouseEvent(QEvent.Type.MouseButtonDblClick, point, widget.mapToGlobal(point),
                                               left, left, Qt.KeyboardModifier.NoModifier))
    qtbot.mouseRelease(widget, left, pos=pos)
