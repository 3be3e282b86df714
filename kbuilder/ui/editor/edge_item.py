"""A connection between two layers, drawn as a curve from the source's
output port down to the destination's input port.  ``update_path`` is
called only when one of its two nodes moves or changes its ports.  The
item paints in C++ (no ``paint`` override); the view's antialiasing hint
applies."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

NORMAL, SELECTED, ERROR = QColor("#6a7079"), QColor("#2a7de1"), QColor("#d03030")


def curve(a: QPointF, b: QPointF) -> QPainterPath:
    """A vertical S-curve from ``a`` (an output, below a node) to ``b`` (an
    input, above the next one); loops around when ``b`` is above ``a``."""
    path = QPainterPath(a)
    dy = max(abs(b.y() - a.y()) * 0.5, 40.0)
    path.cubicTo(QPointF(a.x(), a.y() + dy), QPointF(b.x(), b.y() - dy), b)
    return path


def _tip() -> str:
    return QCoreApplication.translate("EdgeItem", "Connection: click to select, Delete to remove")


class EdgeItem(QGraphicsPathItem):
    def __init__(self, edge_id: str | None = None, src_item=None, dst_item=None, dst_port: int = 0,
                 src_port: int = 0) -> None:
        super().__init__()
        self.src_port = src_port
        self.edge_id = edge_id
        self.src_item = src_item
        self.dst_item = dst_item
        self.dst_port = dst_port
        self._severity: str | None = None
        self._hit = QPainterPath()
        self._end = QPointF()
        self._hover = False
        self._messages: list[str] = []
        self.setZValue(0)
        if edge_id is not None:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            self.setAcceptHoverEvents(True)
            self.setToolTip(_tip())
        self._apply_pen()

    def _apply_pen(self) -> None:
        if self.edge_id is None:  # the live edge while dragging
            color = ERROR if self._severity == "error" else SELECTED
            self.setPen(QPen(color, 2.0, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
            return
        if self.isSelected():
            color, width = SELECTED, 3.0
        elif self._hover:
            color, width = (ERROR if self._severity == "error" else SELECTED), 2.6
        elif self._severity == "error":
            color, width = ERROR, 2.6
        elif self._severity == "warning":
            color, width = QColor("#d68a00"), 2.2
        else:
            color, width = NORMAL, 1.8
        self.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))

    def set_problems(self, severity: str | None, messages: list[str]) -> None:
        if severity == self._severity and messages == self._messages:
            return
        self._messages = list(messages)
        self._severity = severity
        tip = _tip()
        if messages:
            tip = "<br>".join(f"⚠ {m}" for m in messages) + "<br>" + tip
        self.setToolTip(tip)
        self._apply_pen()

    @property
    def severity(self) -> str | None:
        return self._severity

    def update_path(self) -> None:
        if self.src_item is None or self.dst_item is None:
            return
        outs = self.src_item.out_ports
        a = outs[self.src_port if self.src_port < len(outs) else 0].scenePos()
        ports = self.dst_item.in_ports
        if 0 <= self.dst_port < len(ports):
            b = ports[self.dst_port].scenePos()
        else:
            b = self.dst_item.mapToScene(self.dst_item.in_port_pos(self.dst_port))
        self.set_ends(a, b)

    def end_point(self) -> QPointF:
        """Where the curve meets the input port."""
        return QPointF(self._end)

    def set_ends(self, a: QPointF, b: QPointF) -> None:
        self._end = QPointF(b)
        path = curve(a, b)
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        self._hit = stroker.createStroke(path)
        if self.edge_id is not None:  # a chevron pointing into the input port
            path.moveTo(b + QPointF(-4.5, -15))
            path.lineTo(b + QPointF(0, -8))
            path.lineTo(b + QPointF(4.5, -15))
        # No Python paint(): QGraphicsPathItem draws in C++, which keeps a
        # thousand edges cheap to repaint.
        self.setPath(path)

    def shape(self) -> QPainterPath:
        return self._hit

    def itemChange(self, change, value):  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._apply_pen()
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hover = True
        self._apply_pen()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self._apply_pen()

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        if self.edge_id is not None:
            self.scene().edge_context_menu(self, event.screenPos())
