"""A connection point on a node: the output at the bottom, the inputs along
the top.  Dragging from a port starts a connection; the scene does the rest
(``begin_connection`` / ``update_connection`` / ``finish_connection``)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem, QWidget

RADIUS = 6.0
IN, OUT = "in", "out"


class PortItem(QGraphicsItem):
    """``kind`` is ``"in"`` or ``"out"``; ``index`` is the input position
    (the edge's ``dst_port``) or the output index.  A *free* input port of a
    merge layer is drawn hollow with a ``+``: drop a connection there to add
    one more input."""

    def __init__(self, parent: QGraphicsItem, kind: str, index: int, free: bool = False, numbered: bool = False) -> None:
        super().__init__(parent)
        self.kind = kind
        self.index = index
        self.free = free
        self.numbered = numbered
        self.connected = False
        self.out_label = ""  # "1", "2", ... under the outputs of a multi-output layer
        self.highlight: str | None = None  # "ok" | "bad" while a connection hovers
        self._hover = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setZValue(2)

    @property
    def node_item(self):
        return self.parentItem()

    @property
    def node_id(self) -> str:
        return self.parentItem().node_id

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = RADIUS + 3
        top = -r - (14 if self.numbered else 0)
        left = -21.0 if self.numbered else -r  # the number sits up and to the left of the arrow
        return QRectF(left, top, r - left, 2 * r - top - r + (14 if self.kind == OUT else 0))

    def set_highlight(self, state: str | None) -> None:
        if state != self.highlight:
            self.highlight = state
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = RADIUS + (1.5 if self._hover or self.highlight else 0)
        if self.highlight == "bad":
            edge = QColor("#d03030")
        elif self.highlight == "ok" or self._hover:
            edge = QColor("#2a7de1")
        else:
            edge = QColor("#4a4f57")
        painter.setPen(QPen(edge, 1.6, Qt.PenStyle.DashLine if self.free else Qt.PenStyle.SolidLine))
        fill = QColor("#ffffff") if self.free or not self.connected else QColor("#4a4f57")
        if self.highlight == "ok":
            fill = QColor("#cfe3fb")
        painter.setBrush(QBrush(fill))
        painter.drawEllipse(QPointF(0, 0), r, r)
        if self.free:
            painter.setPen(QPen(edge, 1.4))
            painter.drawLine(QPointF(-3, 0), QPointF(3, 0))
            painter.drawLine(QPointF(0, -3), QPointF(0, 3))
        if self.out_label:
            font = QFont(painter.font())
            font.setPointSizeF(7.5)
            painter.setFont(font)
            painter.setPen(QColor("#30343a"))
            painter.drawText(QRectF(-10, RADIUS + 1, 20, 12), Qt.AlignmentFlag.AlignCenter, self.out_label)
        if self.numbered and not self.free:
            font = QFont(painter.font())
            font.setPointSizeF(7.5)
            painter.setFont(font)
            painter.setPen(QColor("#30343a"))
            painter.drawText(QRectF(-21, -RADIUS - 14, 13, 12), Qt.AlignmentFlag.AlignCenter, str(self.index + 1))

    # ----------------------------------------------------------- interaction
    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self.update()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        self.scene().begin_connection(self, event.scenePos())

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.scene() is not None:
            self.scene().update_connection(event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.scene() is not None:
            self.scene().finish_connection(event.scenePos())

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        self.scene().port_context_menu(self, event.screenPos())
