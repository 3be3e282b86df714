"""A layer on the canvas: type, name, key parameters, output shape and
parameter count, with its ports.  The item only draws what the scene gives
it (``refresh`` from the graph node, ``set_info``/``set_problems`` from the
analysis); moving it goes through the scene, which pushes ``Move``
commands.  Painting is cached per item (``DeviceCoordinateCache``), so a
repaint of a big graph only blits pixmaps."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem, QWidget

from kbuilder.core.graph import Node
from kbuilder.ui.editor.layer_info import LayerInfo, format_count, format_number, format_shape, format_value
from kbuilder.ui.editor.port_item import IN, OUT, PortItem

WIDTH, HEIGHT, HEADER = 190.0, 78.0, 21.0
ERROR, WARNING = QColor("#d03030"), QColor("#d68a00")
MARK = QColor("#7a3db8")  # a parameter a search tries several values of
LOD_TEXT = 0.35  # below this scale a node is drawn as a block without text



def header_path(height: float) -> QPainterPath:
    """A layer box's coloured band: rounded at the top, square at the bottom."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    path.addRoundedRect(QRectF(0, 0, WIDTH, height), 6, 6)
    path.addRect(QRectF(0, height / 2, WIDTH, height / 2))
    return path.simplified()

class NodeItem(QGraphicsItem):
    def __init__(self, node: Node, info: LayerInfo) -> None:
        super().__init__()
        self.node_id = node.id
        self._layer_info = info
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self.in_ports: list[PortItem] = []
        self.out_ports: list[PortItem] = []
        self._n_outputs = 1  # from the analysis: a layer returning several tensors
        self._used_outputs: list[int] = []
        self._texts = ("", "", "", "", "")
        self._color = QColor("#5a6e8a")
        self._shape_text = ""
        self._count_text = ""
        self._count_number = ""  # the count without its word, when the shape needs the room
        self._severity: str | None = None
        self._problems: list[str] = []
        self._info_error: str | None = None
        self._is_output = False
        self._has_params = False
        self._press_pos: QPointF | None = None
        self._parts: list[tuple[str, str]] = []  # the key parameters shown: (name, "name=value")
        self._marks: dict[str, str] = {}  # searched parameters: name -> the values tried ("8, 16")
        self.refresh(node)
        self.setPos(QPointF(*node.position))

    # ------------------------------------------------------------ geometry
    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-3, -3, WIDTH + 6, HEIGHT + 6)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, WIDTH, HEIGHT), 6, 6)
        return path

    def in_port_pos(self, index: int) -> QPointF:
        n = max(len(self.in_ports), 1)
        spacing = WIDTH / (n + 1)
        return QPointF(spacing * (index + 1), 0.0)

    # ----------------------------------------------------------- contents
    def refresh(self, node: Node, n_inputs_connected: list[int] | None = None, shared_name: str | None = None) -> None:
        """Re-read the node (name, params, class) and rebuild the ports."""
        info = self._layer_info
        params = node.params
        keys = info.key_params(node.class_name)
        shown = [k for k in keys if k in params] if keys else list(params)[:3]
        self._parts = [(k, f"{k}={format_value(params[k])}") for k in shown]
        detail = ", ".join(p for _, p in self._parts)
        self._has_params = bool(detail)
        if node.shared_with and shared_name:
            detail = QCoreApplication.translate("NodeItem", "reuses {layer} (same weights)").format(layer=shared_name)
            self._has_params = True
        elif not detail:
            detail = info.summary(node.class_name)
        title = node.class_name
        if node.shared_with:
            title += "  " + QCoreApplication.translate("NodeItem", "(shared)")
        if node.is_output:
            title += "  " + QCoreApplication.translate("NodeItem", "⇢ output")
        self._texts = (title, node.name, detail, "", "")
        self._color = info.color(node.class_name)
        self._is_output = node.is_output
        self._rebuild_ports(node, n_inputs_connected or [])
        self._update_tooltip(node)
        self.update()

    def _rebuild_ports(self, node: Node, connected: list[int]) -> None:
        lo, hi = self._layer_info.input_range(node.class_name)
        used = sorted(set(connected))
        if node.is_input:
            count, free = 0, False
        elif hi is None:  # a merge: every connected port plus a free one
            count = max(used[-1] + 1 if used else 0, lo - 1 if lo else 0) + 1
            free = True
        else:
            count = max(hi, (used[-1] + 1) if used else 0, 1 if hi else 0)
            free = False
        numbered = count > 1
        if len(self.in_ports) != count or any(p.numbered != numbered for p in self.in_ports):
            scene = self.scene()
            if scene is not None and scene.connection.origin in self.in_ports:
                scene.connection.cancel()  # its port is about to go
            for p in self.in_ports:
                p.setParentItem(None)
                if p.scene() is not None:
                    p.scene().removeItem(p)
            self.in_ports = [PortItem(self, IN, i, numbered=numbered) for i in range(count)]
            scene = self.scene()
            if scene is not None and getattr(scene, "far", False):
                self.set_ports_visible(False)
        for i, p in enumerate(self.in_ports):
            p.free = free and i == count - 1 and i not in used
            p.connected = i in used
            p.setPos(self.in_port_pos(i))
            p.setToolTip(self._port_tip(p))
            p.update()
        self._rebuild_out_ports()

    def _rebuild_out_ports(self) -> bool:
        """One output port per tensor the layer returns (LSTM with
        ``return_state`` returns three); True when the ports changed."""
        count = max(self._n_outputs, (max(self._used_outputs) + 1) if self._used_outputs else 1)
        if len(self.out_ports) == count:
            return False
        for p in self.out_ports:
            p.setParentItem(None)
            if p.scene() is not None:
                p.scene().removeItem(p)
        numbered = count > 1
        self.out_ports = [PortItem(self, OUT, i, numbered=False) for i in range(count)]
        for i, p in enumerate(self.out_ports):
            p.setPos(WIDTH * (i + 1) / (count + 1), HEIGHT)
            p.setToolTip(QCoreApplication.translate("NodeItem", "Output {n} of {count}: drag from here to an input port to connect").format(
                n=i + 1, count=count) if numbered
                else QCoreApplication.translate("NodeItem", "Output: drag from here to an input port to connect"))
            p.out_label = str(i + 1) if numbered else ""
        scene = self.scene()
        if scene is not None and getattr(scene, "far", False):
            self.set_ports_visible(False)
        return True

    @property
    def out_port(self) -> PortItem:
        return self.out_ports[0]

    def set_used_outputs(self, used: list[int]) -> bool:
        self._used_outputs = sorted(set(used))
        return self._rebuild_out_ports()

    def set_ports_visible(self, visible: bool) -> None:
        for p in self.in_ports:
            p.setVisible(visible)
        for p in self.out_ports:
            p.setVisible(visible)

    def _port_tip(self, port: PortItem) -> str:
        if port.free:
            return QCoreApplication.translate("NodeItem", "Drop a connection here to add one more input")
        n = port.index + 1
        if port.connected:
            if port.numbered:
                return QCoreApplication.translate("NodeItem", "Input {n}: connected. Drag it onto another numbered input to change the order, "
                                                  "away to disconnect; right-click for more").format(n=n)
            return QCoreApplication.translate("NodeItem", "Input: connected. Drag it away to disconnect, or onto another layer's "
                                              "input to move it")
        if port.numbered:
            return QCoreApplication.translate("NodeItem", "Input {n}: drop a connection from another layer's output here").format(n=n)
        return QCoreApplication.translate("NodeItem", "Input: drop a connection from another layer's output here")

    def set_info(self, output_shape: Any, params: int | None, error: str | None = None) -> bool:
        """Show the analysis's figures; True when the output ports changed
        (the scene then re-routes this node's edges)."""
        several = isinstance(output_shape, list) and output_shape and isinstance(output_shape[0], (list, tuple))
        self._n_outputs = len(output_shape) if several else 1
        ports_changed = self._rebuild_out_ports()
        new = (format_shape(output_shape), format_count(params), error)
        if new == (self._shape_text, self._count_text, self._info_error):
            return ports_changed  # unchanged: keep the cached picture (an edit re-sends every node's info)
        self._shape_text, self._count_text, self._info_error = new
        self._count_number = format_number(params)
        self._refresh_problems()
        return ports_changed

    def set_marks(self, marks: dict[str, str]) -> None:
        """The parameters a search tries several values of (``{"units": "8, 16"}``,
        from :mod:`kbuilder.ui.experiments.marks`): shown in purple on the
        parameter line, "⟳ units: 8, 16", and in the tooltip."""
        if marks == self._marks:
            return
        self._marks = dict(marks)
        self._refresh_problems()  # the tooltip, and a repaint

    def set_problems(self, severity: str | None, messages: list[str]) -> None:
        if severity == self._severity and list(messages) == self._problems:
            return
        self._severity = severity
        self._problems = list(messages)
        self._refresh_problems()

    @property
    def severity(self) -> str | None:
        if self._severity == "error" or self._info_error:
            return "error"
        return self._severity

    @property
    def problems(self) -> list[str]:
        msgs = list(self._problems)
        if self._info_error and self._info_error not in msgs:
            msgs.insert(0, self._info_error)
        return msgs

    def _refresh_problems(self) -> None:
        scene = self.scene()
        node = scene.graph.node(self.node_id) if scene is not None and self.node_id in scene.graph else None
        if node is not None:
            self._update_tooltip(node)
        self.update()

    def _update_tooltip(self, node: Node) -> None:
        lines = [f"<b>{node.name}</b> — {node.class_name}"]
        summary = self._layer_info.summary(node.class_name)
        if summary:
            lines.append(summary)
        if self._shape_text:
            lines.append(QCoreApplication.translate("NodeItem", "Output shape: {shape}").format(shape=self._shape_text))
        if self._count_text:
            lines.append(self._count_text)
        for key, values in self._marks.items():
            text = QCoreApplication.translate("NodeItem", "⟳ The search tries {param}: {values}").format(
                param=_escape(key), values=_escape(values))
            lines.append(f"<span style='color:{MARK.name()}'>{text}</span>")
        for msg in self.problems:
            color = "#d03030" if self.severity == "error" else "#b07000"
            lines.append(f"<span style='color:{color}'>⚠ {_escape(msg)}</span>")
        self.setToolTip("<br>".join(lines))

    # ------------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = QRectF(0, 0, WIDTH, HEIGHT)
        severity = self.severity
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOD_TEXT:
            self._paint_far(painter, rect, severity, lod)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isSelected():
            pen = QPen(QColor("#2a7de1"), 2.6)
        elif severity == "error":
            pen = QPen(ERROR, 2.6)
        elif severity == "warning":
            pen = QPen(WARNING, 2.2)
        else:
            pen = QPen(QColor("#8a9099"), 1.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawRoundedRect(rect, 6, 6)
        painter.fillPath(header_path(HEADER), self._color)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 6, 6)
        if self.isSelected() and severity == "error":
            painter.setPen(QPen(ERROR, 1.6, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(rect.adjusted(-2.5, -2.5, 2.5, 2.5), 7, 7)

        title, name, detail, _, _ = self._texts
        base = QFont(painter.font())
        base.setPointSizeF(8.5)
        bold = QFont(base)
        bold.setBold(True)
        self._text(painter, bold, QColor("#ffffff"), QRectF(8, 2, WIDTH - 16, HEADER - 4), title)
        self._text(painter, bold, QColor("#1f2328"), QRectF(8, HEADER + 2, WIDTH - 16, 16), name)
        small = QFont(base)
        small.setPointSizeF(7.8)
        if self._marks:  # "⟳ units: 8, 16, activation=relu"
            marked = [f"{k}: {v}" for k, v in self._marks.items()]
            detail = "⟳ " + ", ".join(marked + [p for k, p in self._parts if k not in self._marks])
        self._text(painter, small, MARK if self._marks else QColor("#4a4f57") if self._has_params
                   else QColor("#8a9099"), QRectF(8, HEADER + 17, WIDTH - 16, 15), detail)
        painter.setPen(QPen(QColor("#e3e5e8"), 1))
        painter.drawLine(QPointF(6, HEIGHT - 22), QPointF(WIDTH - 6, HEIGHT - 22))
        shape_color = ERROR if severity == "error" and not self._shape_text else QColor("#1f5fa8")
        shape = self._shape_text or (QCoreApplication.translate("NodeItem", "error") if severity == "error" else QCoreApplication.translate("NodeItem", "shape …"))
        metrics = QFontMetricsF(small)
        count = self._count_text  # "1,290 params"; only the number when the shape needs the room
        room = WIDTH - 16 - 8 - metrics.horizontalAdvance(shape)
        if count and metrics.horizontalAdvance(count) > room:
            count = self._count_number
        count_w = metrics.horizontalAdvance(count) + 1 if count else 0.0
        self._text(painter, small, shape_color, QRectF(8, HEIGHT - 20, WIDTH - 24 - count_w, 16), shape)
        if count:
            self._text(painter, small, QColor("#6a7079"), QRectF(WIDTH - 8 - count_w, HEIGHT - 20, count_w, 16),
                       count, Qt.AlignmentFlag.AlignRight)
        if severity:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ERROR if severity == "error" else WARNING)
            painter.drawEllipse(QPointF(WIDTH - 11, HEADER + 11), 7, 7)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(bold)
            painter.drawText(QRectF(WIDTH - 18, HEADER + 4, 14, 14), Qt.AlignmentFlag.AlignCenter, "!")

    def _paint_far(self, painter: QPainter, rect: QRectF, severity: str | None, lod: float) -> None:
        """Zoomed far out: a coloured block with the layer's name in big
        letters, or no text at all when even those would be a blur."""
        painter.fillRect(rect, QColor("#ffffff"))
        painter.fillRect(QRectF(0, 0, WIDTH, HEADER * 1.6), self._color)
        if lod >= 0.15:
            font = QFont(painter.font())
            font.setPixelSize(round(max(7.0 / lod, 20)))
            font.setBold(True)
            self._text(painter, font, QColor("#1f2328"), QRectF(8, HEADER * 1.6, WIDTH - 16, HEIGHT - HEADER * 1.6),
                       self._texts[1])
        if self.isSelected():
            pen = QPen(QColor("#2a7de1"), 6)
        elif severity:
            pen = QPen(ERROR if severity == "error" else WARNING, 6)
        else:
            pen = QPen(QColor("#8a9099"), 2)
        pen.setCosmetic(False)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)

    @staticmethod
    def _text(painter: QPainter, font: QFont, color: QColor, rect: QRectF, text: str,
              align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        if not text:
            return
        painter.setFont(font)
        painter.setPen(color)
        elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, elided)

    # ---------------------------------------------------------- interaction
    def itemChange(self, change, value):  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.update()
        return super().itemChange(change, value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = event.scenePos()
            self.scene().begin_move()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._press_pos is not None and event.buttons() & Qt.MouseButton.LeftButton and self.scene() is not None:
            if not self.isSelected():
                self.setSelected(True)
            self.scene().drag_move(event.scenePos() - self._press_pos)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.scene() is None:  # removed while the button was down
            return
        moved = self.scene().end_move()
        self._press_pos = None
        if not moved:
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.scene().node_double_clicked.emit(self.node_id)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        if not self.isSelected():
            self.scene().clearSelection()
            self.setSelected(True)
        self.scene().node_context_menu(self, event.screenPos())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
