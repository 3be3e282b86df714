"""The layer palette: every layer of the catalog by category, the beginner
set first, with a search box.  Drag a layer onto the canvas, or
double-click it (or press Enter in the search box) to add it.

Until the catalog is ready (it is read from the cache at once when there is
one, else it comes from a worker thread) the list says "Loading layers…".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kbuilder.core.i18n import translating
from kbuilder.layers.catalog import load_catalog_fast
from kbuilder.ui.editor.layer_info import category_title, layer_summary
from kbuilder.ui.editor.scene import LAYER_MIME

ROLE_CLASS = Qt.ItemDataRole.UserRole
ROLE_GROUP = Qt.ItemDataRole.UserRole + 1  # a group's untranslated name (COMMON or a catalog category)
COMMON = QT_TRANSLATE_NOOP("PalettePanel", "Common layers")


class LayerTreeWidget(QTreeWidget):
    """The tree; its drags carry the layer class name as ``LAYER_MIME``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setIndentation(12)
        self.setAnimated(False)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [LAYER_MIME]

    def startDrag(self, supported_actions) -> None:  # noqa: N802
        """A copy-only drag (a move would delete the palette's item) with a
        small picture of the layer under the mouse."""
        item = self.currentItem()
        name = item.data(0, ROLE_CLASS) if item is not None else None
        if not name:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        chip = _chip(name)
        drag.setPixmap(chip)
        drag.setHotSpot(QPoint(chip.width() // 2, chip.height() // 2))
        drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)

    def mimeData(self, items) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        names = [i.data(0, ROLE_CLASS) for i in items if i.data(0, ROLE_CLASS)]
        if names:
            mime.setData(LAYER_MIME, names[0].encode("utf-8"))
            mime.setText(names[0])
        return mime


class PalettePanel(QWidget):
    layer_activated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.catalog: Any = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search layers  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Type part of a layer's name or purpose, e.g. 'conv', 'dropout', 'merge'. "
                                       "Enter adds the first match."))
        self.tree = LayerTreeWidget(self)
        self.tree.setToolTip(self.tr("Drag a layer onto the canvas (onto a connection to insert it there), "
                                     "or double-click it to add it below the selected layer, connected."))
        self.hint = QLabel(self.tr("Drag onto the canvas or double-click"), self)
        self.hint.setStyleSheet("color: #6a7079; font-size: 11px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self._activate_first)
        self.tree.itemActivated.connect(self._on_activated)
        self.show_loading()
        self._load_cached()

    def _load_cached(self) -> None:
        try:
            catalog = load_catalog_fast()
        except Exception:  # noqa: BLE001 - a broken cache just means "wait for the worker"
            catalog = None
        if catalog is not None:
            self.set_catalog(catalog)

    # ------------------------------------------------------------ content
    def show_loading(self, text: str | None = None) -> None:
        self.tree.clear()
        item = QTreeWidgetItem([text if text is not None else self.tr("Loading layers…")])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setToolTip(0, self.tr("The layer list comes from Keras, which takes a few seconds to load the first time."))
        self.tree.addTopLevelItem(item)

    def set_catalog(self, catalog: Any) -> None:
        if catalog is None or catalog is self.catalog:
            return
        self.catalog = catalog
        self.tree.clear()
        groups = list(catalog.by_category())
        common = [s for _, specs in groups for s in specs if s.beginner]
        if common:
            self._add_group(COMMON, common, expanded=True)
        for category, specs in groups:
            self._add_group(category, specs, expanded=not common and category == groups[0][0])
        self.filter(self.search.text())

    def _add_group(self, title: str, specs: list, expanded: bool) -> None:
        shown = QCoreApplication.translate("PalettePanel", COMMON) if title == COMMON else category_title(title)
        group = QTreeWidgetItem([shown])
        group.setData(0, ROLE_GROUP, title)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(group.font(0))
        font.setBold(True)
        group.setFont(0, font)
        group.setToolTip(0, self.tr("1 layer") if len(specs) == 1 else self.tr("{n} layers").format(n=len(specs)))
        for spec in specs:
            item = QTreeWidgetItem([spec.class_name])
            item.setData(0, ROLE_CLASS, spec.class_name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setToolTip(0, _tooltip(spec))
            item.setStatusTip(0, layer_summary(spec.class_name, spec))
            group.addChild(item)
        self.tree.addTopLevelItem(group)
        group.setExpanded(expanded)

    def leaf_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            out.extend(group.child(j) for j in range(group.childCount()))
        return out

    def find_item(self, class_name: str) -> QTreeWidgetItem | None:
        for item in self.leaf_items():
            if item.data(0, ROLE_CLASS) == class_name and not item.parent().isHidden() and not item.isHidden():
                return item
        return None

    def mime_for(self, class_name: str) -> QMimeData:
        """What dragging ``class_name`` out of the palette carries."""
        item = self.find_item(class_name)
        if item is None:
            raise KeyError(class_name)
        return self.tree.mimeData([item])

    # ------------------------------------------------------------ search
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def filter(self, text: str) -> None:
        words = text.lower().split()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if not group.childCount():
                continue
            if words and group.data(0, ROLE_GROUP) == COMMON:
                group.setHidden(True)  # no duplicates in search results
                continue
            shown = 0
            for j in range(group.childCount()):
                item = group.child(j)
                category = str(group.data(0, ROLE_GROUP) or "")  # in English and as shown: "conv" finds both
                hay = " ".join([item.text(0), category, group.text(0), item.statusTip(0)]).lower()
                ok = all(w in hay for w in words)
                item.setHidden(not ok)
                shown += ok
            group.setHidden(shown == 0)
            if words:
                group.setExpanded(True)

    def _activate_first(self) -> None:
        for item in self.leaf_items():
            if not item.isHidden() and not item.parent().isHidden():
                self.layer_activated.emit(item.data(0, ROLE_CLASS))
                return

    def _on_activated(self, item: QTreeWidgetItem, column: int) -> None:
        name = item.data(0, ROLE_CLASS)
        if name:
            self.layer_activated.emit(name)


def _chip(class_name: str) -> QPixmap:
    """The drag picture: the layer's name on its category colour."""
    from kbuilder.ui.editor.layer_info import LayerInfo

    font = QFont()
    font.setBold(True)
    width = QFontMetrics(font).horizontalAdvance(class_name) + 24
    pixmap = QPixmap(width, 26)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(LayerInfo().color(class_name))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(pixmap.rect(), 6, 6)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.white)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, class_name)
    painter.end()
    return pixmap


def _tooltip(spec: Any) -> str:
    summary = layer_summary(spec.class_name, spec)
    doc = str(spec.doc or "").strip().split("\n\n")[0]
    lines = [f"<b>{spec.class_name}</b>"]
    if summary:
        lines.append(summary)
    if doc and doc != summary:
        if translating():  # Keras's docstrings are English: say whose words they are
            doc = QCoreApplication.translate("palette", "Keras documentation: {text}").format(text=doc[:300])
        lines.append(f"<span style='color:#6a7079'>{doc[:300]}</span>")
    lines.append("<i>" + QCoreApplication.translate("palette", "Drag onto the canvas, or double-click to add.") + "</i>")
    return "<br>".join(lines)
