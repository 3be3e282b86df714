"""A frame around the layers that came from one nested model (an imported
``.h5``/``.keras`` whose encoder was a Model inside the Model): the import
marks them with ``node.extra["group"]`` ("encoder", "outer/inner").  The
frame is only a picture: it is not selectable and follows its members."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

PAD, LABEL = 14.0, 18.0


class GroupFrameItem(QGraphicsItem):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.members: set = set()  # NodeItems
        self._rect = QRectF()
        self.setZValue(-2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(QCoreApplication.translate("GroupFrameItem", "Layers of the nested model “{name}”").format(
            name=name))

    def update_rect(self) -> None:
        rect = QRectF()
        for item in self.members:
            rect = rect.united(item.sceneBoundingRect())
        rect = rect.adjusted(-PAD, -PAD - LABEL, PAD, PAD)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#8a9bb5"), 1.4, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(120, 140, 180, 28))
        painter.drawRoundedRect(self._rect, 10, 10)
        font = QFont(painter.font())
        font.setPointSizeF(9)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#4d5b75"))
        painter.drawText(self._rect.adjusted(12, 4, -12, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         self.name)
