"""The canvas view: wheel zoom around the mouse, pan with the middle
button, Space + drag or the scroll bars; rubber band selection on empty
canvas; fit to window, which never zooms out below a readable size (a big
model then shows its inputs, and the status bar says so)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

from kbuilder.ui.editor.node_item import LOD_TEXT, NodeItem

MIN_ZOOM, MAX_ZOOM = 0.1, 3.0  # the wheel's range: far out is an overview
READABLE_PX = 8.0  # Fit to window keeps a layer's name at least this many pixels tall
NAME_PT = 8.5  # the point size NodeItem draws a layer's name in
FIT_MARGIN = 40.0
TOO_LARGE = QT_TRANSLATE_NOOP("CanvasView", "Showing the top of the model at a readable size: scroll, or zoom out "
                                            "with the wheel, to see the rest")
NUDGE = {Qt.Key.Key_Left: (-10, 0), Qt.Key.Key_Right: (10, 0), Qt.Key.Key_Up: (0, -10), Qt.Key.Key_Down: (0, 10)}


class CanvasView(QGraphicsView):
    def __init__(self, scene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.ContainsItemShape)  # no stray edges
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip("")
        self.setWhatsThis(self.tr("The model: drag layers here from the palette, drag from a layer's bottom port "
                                  "to another layer's top port to connect them. Wheel zooms, middle button pans."))
        self._pan_from: QPointF | None = None
        self._space = False
        self._fit_pending = False

    def request_fit(self) -> None:
        """Fit the model to the window now and again on resizes until the
        user zooms or pans (a file opened before the window is laid out)."""
        self._fit_pending = True
        self.fit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit_pending:
            self.fit()

    # ----------------------------------------------------------------- zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        scale = factor / self.zoom()
        self.scale(scale, scale)
        self._zoom_changed()

    def _zoom_changed(self) -> None:
        scene = self.scene()
        if hasattr(scene, "set_far"):
            scene.set_far(self.zoom() < LOD_TEXT)

    def zoom_by(self, step: float) -> None:
        self._fit_pending = False
        self.set_zoom(self.zoom() * step)

    def zoom_in(self) -> None:
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        self.zoom_by(0.8)

    def reset_zoom(self) -> None:
        self._fit_pending = False
        self.set_zoom(1.0)

    def readable_zoom(self) -> float:
        """The least zoom at which a layer's name is ``READABLE_PX`` pixels
        tall: Fit to window goes no lower (the wheel may, for an overview)."""
        return READABLE_PX / (NAME_PT * self.logicalDpiY() / 72.0)

    def fit(self) -> None:
        """Show the whole model, at 100 % at most; a model too big for that
        at a readable zoom is shown from its top (its inputs) instead."""
        items = [item for item in self.scene().items() if isinstance(item, NodeItem)]
        rect = _united(items)
        if rect.isEmpty():
            self.centerOn(0, 0)
            return
        self.fitInView(rect.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN),
                       Qt.AspectRatioMode.KeepAspectRatio)
        too_large = self.zoom() < self.readable_zoom()
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
            self.centerOn(rect.center())
        elif too_large:
            self.set_zoom(self.readable_zoom())
            self._show_top(rect, items)
            self.scene().status_message.emit(QCoreApplication.translate("CanvasView", TOO_LARGE))
        if not too_large and getattr(self, "_said_too_large", False):
            self.scene().status_message.emit("")  # it fits now: the earlier message is no longer true
        self._said_too_large = too_large
        self._zoom_changed()

    def _show_top(self, rect: QRectF, items: list[NodeItem]) -> None:
        """Scroll so the top of ``rect`` is at the top of the window, the
        whole width in view when it fits, else the model's inputs."""
        graph = self.scene().graph
        inputs = [i for i in items if i.node_id in graph and graph.node(i.node_id).is_input]
        top = _united(inputs or [i for i in items if i.sceneBoundingRect().top() <= rect.top() + 1])
        view = self.mapToScene(self.viewport().rect()).boundingRect()
        x = rect.center().x() if rect.width() + 2 * FIT_MARGIN <= view.width() else top.center().x()
        x = min(x, top.left() - FIT_MARGIN + view.width() / 2)  # the leftmost input stays in view
        self.centerOn(x, rect.top() - FIT_MARGIN + view.height() / 2)

    def visible_center(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # scroll sideways / normally
            return
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(1.0015 ** delta)
        event.accept()

    # ------------------------------------------------------------------ pan
    def _panning_button(self, event: QMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.MiddleButton:
            return True
        return self._space and event.button() == Qt.MouseButton.LeftButton

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._panning_button(event):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            self.pan(event.position() - self._pan_from)
            self._pan_from = event.position()
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan(self, delta: QPointF) -> None:
        """Move the view by ``delta`` pixels (the canvas follows the mouse)."""
        self._fit_pending = False
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() - round(delta.x()))
        v.setValue(v.value() - round(delta.y()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        scene = self.scene()
        if event.key() == Qt.Key.Key_Escape and scene.connection.active:
            scene.connection.cancel()
            if scene.mouseGrabberItem() is not None:
                scene.mouseGrabberItem().ungrabMouse()
            event.accept()
            return
        step = NUDGE.get(event.key())
        if step is not None and scene.selected_node_ids():
            big = 5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            scene.nudge(step[0] * big, step[1] * big)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        scene = self.scene()
        if getattr(scene, "nodes", None):
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor("#8a9099"))
        font = QFont(painter.font())
        font.setPointSizeF(12)
        painter.setFont(font)
        painter.drawText(QRectF(self.viewport().rect()), Qt.AlignmentFlag.AlignCenter,
                         self.tr("Drag a layer here from the Layers list\n(start with an Input), or open a template: "
                                 "Ctrl+Shift+N"))
        painter.restore()

    # --------------------------------------------------------------- drops
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        super().dragEnterEvent(event)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()


def _united(items: list[NodeItem]) -> QRectF:
    rect = QRectF()
    for item in items:
        rect = rect.united(item.sceneBoundingRect())
    return rect
