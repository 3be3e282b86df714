"""The template gallery: the ready-made models in ``resources/templates``, a
list of their titles with a line of description each, and a preview of the
chosen one's diagram, centred in its pane and drawn afresh at its size.

The preview is a small scene of its own (:class:`PreviewScene`): each layer
shows its type, name and main settings, and its output shape when that is
known.  Shapes come from the main window's own shape inference, run on a
pool thread, and only once the window's analysis has loaded TensorFlow: the
gallery never starts that import nor waits for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
)

from kbuilder.core.graph import Graph, Node
from kbuilder.project import kbproj
from kbuilder.ui.background import run_in_background
from kbuilder.ui.editor.layer_info import LayerInfo, format_shape, format_value
from kbuilder.ui.editor.node_item import HEIGHT, WIDTH, header_path

ROLE_PATH = Qt.ItemDataRole.UserRole
ROLE_LINE = Qt.ItemDataRole.UserRole + 1  # the line of description under the title
READABLE_PX = 9.0  # the preview's smallest text, in pixels on the screen
MAX_SCALE = 1.25  # a small model is not blown up past this
SHAPE_COLOR, DETAIL_COLOR, NAME_COLOR = QColor("#1f5fa8"), QColor("#4a4f57"), QColor("#1f2328")

Infer = Callable[[Graph], dict[str, Any]]


def _templates() -> list:
    from kbuilder.project.templates import list_templates

    try:
        return list_templates()
    except OSError:
        return []


def window_parts(window) -> tuple[LayerInfo, Infer | None]:
    """The main window's layer info (its catalog's key parameters and
    colours) and its shape inference: the latter only once the window's
    analysis has loaded the layer catalog, and with it TensorFlow."""
    from kbuilder.ui.window.main_window import MainWindow

    if not isinstance(window, MainWindow):
        return LayerInfo(), None
    analysis = window.analysis
    if analysis is None or analysis.catalog is None:
        return window.scene.layer_info, None
    make = analysis.worker.analyzers.inference
    return window.scene.layer_info, lambda graph: dict(make(graph).refresh() or {})


def detail_text(graph: Graph, node: Node, info: LayerInfo) -> str:
    """A layer's main settings, as its canvas node shows them."""
    if node.shared_with and node.shared_with in graph:
        return QCoreApplication.translate("gallery", "reuses {name}").format(name=graph.owner(node).name)
    keys = info.key_params(node.class_name)
    if keys:
        parts = [f"{key}={format_value(node.params[key])}" for key in keys if key in node.params]
    else:
        parts = [f"{key}={format_value(value)}" for key, value in list(node.params.items())[:3]]
    return ", ".join(parts) or info.summary(node.class_name)


# --------------------------------------------------------------- preview
class PreviewNodeItem(QGraphicsItem):
    """One layer of the preview: its type on a coloured band, then as many of
    its output shape, main settings and name as fit at a readable size."""

    def __init__(self, node: Node, detail: str, color: QColor) -> None:
        super().__init__()
        self.node_id = node.id
        self.title, self.name, self.detail = node.class_name, node.name, detail
        self.shape_text = ""
        self.color = color
        self.drawn: list[str] = []  # what the last paint wrote, elided as shown
        self.setPos(QPointF(*node.position))
        self.setZValue(1)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(0, 0, WIDTH, HEIGHT)

    def lines(self) -> list[tuple[str, QColor]]:
        """The texts under the band, the most wanted first."""
        out = [("→ " + self.shape_text, SHAPE_COLOR)] if self.shape_text else []
        if self.detail:
            out.append((self.detail, DETAIL_COLOR))
        return out + [(self.name, NAME_COLOR)]

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform()) or 1.0
        px = max(11.0, READABLE_PX / lod)  # in scene units: READABLE_PX or more on the screen
        band, step = max(22.0, px * 1.6), px * 1.25
        rect = self.boundingRect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#8a9099"), 1.0))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(rect, 6, 6)
        painter.fillPath(header_path(band), self.color)
        font = QFont(painter.font())
        font.setPixelSize(max(1, round(px)))
        bold = QFont(font)
        bold.setBold(True)
        self.drawn = []
        self._text(painter, bold, QColor("#ffffff"), QRectF(8, 0, WIDTH - 16, band), self.title)
        wanted = self.lines()
        shown = wanted[:max(0, int((HEIGHT - band - 4) // step))]
        y = band + 2
        for text, color in sorted(shown, key=lambda line: -wanted.index(line)):  # name, settings, shape
            self._text(painter, bold if color == NAME_COLOR else font, color, QRectF(8, y, WIDTH - 16, step), text)
            y += step

    def _text(self, painter: QPainter, font: QFont, color: QColor, rect: QRectF, text: str) -> None:
        painter.setFont(font)
        painter.setPen(color)
        elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        self.drawn.append(elided)


class PreviewScene(QGraphicsScene):
    """A template's layers and connections, to be drawn, not edited."""

    def __init__(self, graph: Graph, info: LayerInfo) -> None:
        super().__init__()
        self.graph = graph
        self.setBackgroundBrush(QColor("#ffffff"))
        self.nodes = {n.id: PreviewNodeItem(n, detail_text(graph, n, info), info.color(n.class_name))
                      for n in graph.nodes}
        for item in self.nodes.values():
            self.addItem(item)
        pen = QPen(QColor("#8a9099"), 1.5)
        pen.setCosmetic(True)
        for e in graph.edges:
            ports = max([x.dst_port for x in graph.in_edges(e.dst)] + [0]) + 1
            a = self.nodes[e.src].pos() + QPointF(WIDTH / 2, HEIGHT)
            b = self.nodes[e.dst].pos() + QPointF(WIDTH * (e.dst_port + 1) / (ports + 1), 0)
            bend = max(30.0, abs(b.y() - a.y()) / 2)
            path = QPainterPath(a)
            path.cubicTo(a + QPointF(0, bend), b - QPointF(0, bend), b)
            edge = QGraphicsPathItem(path)
            edge.setPen(pen)
            self.addItem(edge)
        self.has_shapes = False

    def set_infos(self, infos: dict[str, Any]) -> None:
        """The shape inference's ``NodeInfo`` per node id."""
        for nid, item in self.nodes.items():
            info = infos.get(nid)
            item.shape_text = format_shape(info.output_shape) if info is not None else ""
            item.update()
        self.has_shapes = any(item.shape_text for item in self.nodes.values())

    def diagram_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.nodes.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect.adjusted(-16, -16, 16, 16)


class PreviewLabel(QLabel):
    """The chosen template's diagram, drawn afresh whenever the label
    changes size: as large as fits (at most ``MAX_SCALE``), centred."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.scene: PreviewScene | None = None
        self.zoom = 0.0
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)  # not the pixmap's size
        self.setMinimumSize(260, 260)
        self.setStyleSheet("background: white; border: 1px solid #d0d3d8;")
        self.setToolTip(self.tr("The template's layers"))

    def show_scene(self, scene: PreviewScene | None) -> None:
        self.scene = scene
        self.redraw()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.redraw()

    def redraw(self) -> None:
        if self.scene is None or not self.scene.nodes:
            self.zoom = 0.0
            self.setText(self.tr("No preview: the template could not be read") if self.scene is None else "")
            return
        rect = self.scene.diagram_rect()
        room = self.contentsRect().adjusted(8, 8, -8, -8)
        self.zoom = min(room.width() / rect.width(), room.height() / rect.height(), MAX_SCALE)
        size = QSize(max(1, int(rect.width() * self.zoom)), max(1, int(rect.height() * self.zoom)))
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor("#ffffff"))
        painter = QPainter(pixmap)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.scene.render(painter, QRectF(0, 0, size.width(), size.height()), rect)
        painter.end()
        self.setPixmap(pixmap)


# ------------------------------------------------------------------ list
class TemplateItemDelegate(QStyledItemDelegate):
    """A template in the list: its title in bold over one line of its
    description."""

    PAD = 8

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        height = option.fontMetrics.height()
        return QSize(240, 2 * height + 3 * self.PAD)

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        rect = opt.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        line_h = opt.fontMetrics.height()
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.save()
        for font, color, row, words in ((bold, text, 0, title),
                                        (opt.font, text if selected else QColor("#5f6670"), 1, index.data(ROLE_LINE))):
            painter.setFont(font)
            painter.setPen(color)
            box = QRect(rect.left(), rect.top() + row * (line_h + self.PAD // 2), rect.width(), line_h)
            elided = QFontMetrics(font).elidedText(str(words or ""), Qt.TextElideMode.ElideRight, box.width())
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.restore()


# ---------------------------------------------------------------- dialog
class TemplatesDialog(QDialog):
    """Pick a template: ``TemplatesDialog.choose(window)`` returns its path
    (None on Cancel).  ``window`` lends its layer catalog and, once it has
    loaded TensorFlow, its shape inference to the preview."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start from a template"))
        self.resize(960, 680)
        self._info, self._infer = window_parts(parent)
        self.list = QListWidget(self)
        self.list.setItemDelegate(TemplateItemDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setToolTip(self.tr("Pick a model to start from; double-click opens it"))
        self.preview = PreviewLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setToolTip(self.tr("What this model does"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Open).setToolTip(
            self.tr("Open the chosen template as a new project"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(self.tr("Keep the current model"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self._scenes: dict[str, PreviewScene | None] = {}
        self._asked: set[str] = set()  # shapes asked for
        self._answered: set[str] = set()  # and come back (or failed)
        side = QVBoxLayout()
        side.addWidget(self.preview, 1)
        side.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.list, 2)
        row.addLayout(side, 3)
        lay = QVBoxLayout(self)
        lay.addLayout(row, 1)
        lay.addWidget(buttons)
        for t in _templates():
            item = QListWidgetItem(t.title)
            item.setData(ROLE_PATH, str(t.path))
            item.setData(ROLE_LINE, next(iter((t.description or "").strip().splitlines()), ""))
            item.setToolTip(t.description or t.title)
            self.list.addItem(item)
        if not self.list.count():
            self.text.setText(self.tr("No templates are installed (resources/templates is empty)."))
            self.open_button.setEnabled(False)
        self.list.currentItemChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        if self.list.count():
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        path = item.data(ROLE_PATH)
        scene = self._scene(path)
        self.preview.show_scene(scene)
        if scene is not None and self._infer is not None and path not in self._asked:
            self._asked.add(path)
            infer, graph = self._infer, scene.graph.copy()
            run_in_background(lambda: infer(graph), lambda infos: self._got_shapes(path, infos),
                              lambda _message: self._got_shapes(path, {}))
        self._describe(item, scene)

    def _scene(self, path: str) -> PreviewScene | None:
        if path not in self._scenes:
            try:
                self._scenes[path] = PreviewScene(kbproj.load(Path(path)).graph, self._info)
            except kbproj.ProjectError:
                self._scenes[path] = None
        return self._scenes[path]

    def _got_shapes(self, path: str, infos: dict[str, Any]) -> None:
        scene = self._scenes.get(path)
        if scene is None or not shiboken6.isValid(self):
            return
        self._answered.add(path)
        scene.set_infos(infos)
        current = self.list.currentItem()
        if current is not None and current.data(ROLE_PATH) == path:
            self.preview.redraw()
            self._describe(current, scene)

    def _describe(self, item: QListWidgetItem, scene: PreviewScene | None) -> None:
        path = item.data(ROLE_PATH)
        n = len(scene.nodes) if scene is not None else 0
        one = n == 1
        if scene is None:
            note = ""
        elif scene.has_shapes:
            note = (self.tr("1 layer; it shows its output shape.") if one
                    else self.tr("{n} layers; each shows its output shape.").format(n=n))
        elif self._infer is None:
            note = (self.tr("1 layer, with its main settings; its output shape is shown once TensorFlow has loaded.")
                    if one else self.tr("{n} layers, each with its main settings; output shapes are shown once "
                                        "TensorFlow has loaded.").format(n=n))
        elif path not in self._answered:
            note = (self.tr("1 layer; working out its output shape…") if one
                    else self.tr("{n} layers; working out their output shapes…").format(n=n))
        else:
            note = (self.tr("1 layer, with its main settings.") if one
                    else self.tr("{n} layers, each with its main settings.").format(n=n))
        self.text.setText(f"<b>{item.text()}</b><br><br>{item.toolTip()}"
                          f"<br><br><span style='color:#5f6670'>{note}</span>")

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(ROLE_PATH)) if item is not None else None

    @classmethod
    def choose(cls, parent=None) -> Path | None:
        dialog = cls(parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.chosen()
        return None
