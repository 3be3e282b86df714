"""The template gallery: the ready-made models in ``resources/templates``,
each with its description and a preview of its diagram."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

ROLE_PATH = Qt.ItemDataRole.UserRole


def _templates() -> list:
    try:
        from kbuilder.project.templates import list_templates
    except ImportError:
        return []
    try:
        return list_templates()
    except OSError:
        return []


def preview(path: Path, size: int = 220) -> QPixmap | None:
    """The template's diagram drawn small (a throwaway scene)."""
    from kbuilder.project import kbproj

    from .canvas.scene import CanvasScene
    from .exports import diagram_rect

    try:
        project = kbproj.load(path)
    except kbproj.ProjectError:
        return None
    scene = CanvasScene(project.graph, QUndoStack())
    scene.setBackgroundBrush(Qt.GlobalColor.white)
    rect = diagram_rect(scene)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.white)
    from PySide6.QtGui import QPainter

    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, pixmap.rect().toRectF(), rect, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    scene.detach()
    return pixmap


class TemplatesDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Start from a template")
        self.resize(860, 560)
        self.list = QListWidget(self)
        self.list.setIconSize(QSize(48, 48))
        self.list.setSpacing(2)
        self.list.setToolTip("Pick a model to start from; double-click opens it")
        self.preview = QLabel(self)
        self.preview.setFixedSize(340, 340)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: white; border: 1px solid #d0d3d8;")
        self.preview.setToolTip("The template's layers")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setToolTip("What this model does")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Open).setToolTip("Open the chosen template as a new project")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip("Keep the current model")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self._previews: dict[str, QPixmap | None] = {}
        side = QVBoxLayout()
        side.addWidget(self.preview)
        side.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        lay = QVBoxLayout(self)
        lay.addLayout(row, 1)
        lay.addWidget(buttons)
        for t in _templates():
            item = QListWidgetItem(t.title)
            item.setData(ROLE_PATH, str(t.path))
            item.setToolTip(t.description or t.title)
            pix = self._preview(str(t.path))
            if pix is not None:
                item.setIcon(QIcon(pix))
            self.list.addItem(item)
        if not self.list.count():
            self.text.setText("No templates are installed (resources/templates is empty).")
            self.open_button.setEnabled(False)
        self.list.currentItemChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        if self.list.count():
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        pix = self._preview(item.data(ROLE_PATH))
        if pix is not None:
            self.preview.setPixmap(pix)
        self.text.setText(f"<b>{item.text()}</b><br><br>{item.toolTip()}")

    def _preview(self, path: str) -> QPixmap | None:
        if path not in self._previews:
            self._previews[path] = preview(Path(path), 336)
        return self._previews[path]

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(ROLE_PATH)) if item is not None else None

    @classmethod
    def choose(cls, parent=None) -> Path | None:
        dialog = cls(parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.chosen()
        return None
