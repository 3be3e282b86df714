"""``model.summary()`` as a table, from the analysis results.

``SummaryPanel(graph)`` shows the summary dict of ``keras_io.summary``
(``name, total_params, trainable_params, non_trainable_params, layers[{name,
class_name, output_shape, params, inbound}]``) handed to :meth:`set_results`
(the slot for ``AnalysisController.results_ready``) or :meth:`set_summary`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kbuilder.core.graph import Graph
from kbuilder.ui.inspector.panel import format_shape
from kbuilder.ui.panels.base import PanelHooks

COLUMNS = [  # as model.summary() prints them; shown as QCoreApplication.translate("SummaryPanel", ...)
    QT_TRANSLATE_NOOP("SummaryPanel", "Layer (type)"),
    QT_TRANSLATE_NOOP("SummaryPanel", "Output Shape"),
    QT_TRANSLATE_NOOP("SummaryPanel", "Param #"),
    QT_TRANSLATE_NOOP("SummaryPanel", "Connected to"),
]
NAME_ROLE = Qt.ItemDataRole.UserRole


def format_bytes(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.2f} {unit}" if unit != "B" else f"{int(size)} B"
        size /= 1024
    return f"{size:.2f} GB"  # pragma: no cover


def _count(n: Any) -> str:
    return f"{n:,}" if isinstance(n, int) else ("?" if n is None else str(n))


def _inbound_text(inbound: Any) -> str:
    if not inbound:
        return "-"
    if isinstance(inbound, str):
        return inbound
    parts = []
    for item in inbound:
        if isinstance(item, list | tuple) and item:
            parts.append(str(item[0]) if len(item) == 1 else f"{item[0]}[{item[1] if len(item) > 1 else 0}]")
        elif isinstance(item, dict):
            parts.append(str(item.get("name") or item))
        else:
            parts.append(str(item))
    return "\n".join(parts)


class SummaryPanel(PanelHooks, QWidget):
    """API: ``SummaryPanel(graph, push=None, parent=None)``; ``set_results(result)``
    or ``set_summary(summary_dict, error=None)``; ``set_selection(node_ids)``;
    signal ``node_selected(str)`` when a row is clicked."""

    node_selected = Signal(str)

    def __init__(self, graph: Graph, push: Callable | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SummaryPanel")
        self.graph = graph
        self.push = push
        self.summary: dict[str, Any] | None = None
        self._selecting = False

        self.title = QLabel(self.tr("Model summary"))
        self.title.setObjectName("summary_title")
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setToolTip(self.tr("The table Keras prints with model.summary()"))
        self.message = QLabel(self.tr("Waiting for the first analysis…"))
        self.message.setObjectName("summary_message")
        self.message.setWordWrap(True)
        self.message.setToolTip(self.tr("Why the summary cannot be shown"))

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("summary_table")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("SummaryPanel", c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setToolTip(
            self.tr("One row per layer call, as model.summary() prints it; click a row to select the layer"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.table.setFont(mono)
        h = self.table.horizontalHeader()
        for c in range(len(COLUMNS)):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        h.setStretchLastSection(True)
        tips = [
            self.tr("The layer's name and, in brackets, its Keras class"),
            self.tr("The shape of the layer's output; None is the batch size"),
            self.tr("How many weights the layer learns"),
            self.tr("The layers feeding this one"),
        ]
        for c, tip in enumerate(tips):
            self.table.horizontalHeaderItem(c).setToolTip(tip)
        self.table.itemClicked.connect(self._on_clicked)

        self.totals = QLabel()
        self.totals.setObjectName("summary_totals")
        self.totals.setWordWrap(True)  # never wider than the dock
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals.setToolTip(self.tr(
            "Total: every weight. Trainable: those training changes. "
            "Non-trainable: fixed ones (frozen layers, BatchNormalization statistics)."
        ))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addWidget(self.title)
        lay.addWidget(self.message)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.totals)
        self._show_totals(None)

    # ------------------------------------------------------------- public
    @Slot(object)
    def set_results(self, result: Any) -> None:
        """Slot for ``AnalysisController.results_ready``."""
        error = getattr(result, "error", None) or getattr(result, "summary_error", None)
        self.set_summary(getattr(result, "summary", None), error)

    def set_summary(self, summary: dict[str, Any] | None, error: str | None = None) -> None:
        self.summary = summary
        if summary is None:
            # Keep the last table, greyed, so the learner still sees it.
            self.table.setEnabled(False)
            self.message.setText(self.tr("The model cannot be summarised yet: {error}").format(error=error) if error
                                 else self.tr("No summary yet."))
            self.message.setStyleSheet("color: #c62828;" if error else "")
            self.message.setVisible(True)
            return
        self.table.setEnabled(True)
        self.message.setVisible(False)
        name = summary.get("name") or self.graph.name
        self.title.setText(self.tr('Model: "{name}"').format(name=name))
        layers = summary.get("layers") or []
        self.table.setRowCount(len(layers))
        for r, layer in enumerate(layers):
            lname = str(layer.get("name", ""))
            cells = [
                f"{lname} ({layer.get('class_name', '')})",
                format_shape(layer.get("output_shape")),
                _count(layer.get("params")),
                _inbound_text(layer.get("inbound")),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(NAME_ROLE, lname)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self._show_totals(summary)

    def total_params(self) -> int | None:
        return None if self.summary is None else self.summary.get("total_params")

    def set_selection(self, node_ids) -> None:
        names = {self.graph.node(n).name for n in (node_ids or []) if n in self.graph}
        self._selecting = True
        try:
            self.table.clearSelection()
            for r in range(self.table.rowCount()):
                item = self.table.item(r, 0)
                if item is not None and item.data(NAME_ROLE) in names:
                    self.table.selectRow(r)
                    self.table.scrollToItem(item)
                    break
        finally:
            self._selecting = False

    # ---------------------------------------------------------- helpers
    def _show_totals(self, summary: dict[str, Any] | None) -> None:
        if summary is None:
            self.totals.setText(self.tr("Total params: –\nTrainable params: –\nNon-trainable params: –"))
            return
        total = summary.get("total_params")
        lines = []
        for line, key in (
            (self.tr("Total params: {count}"), "total_params"),
            (self.tr("Trainable params: {count}"), "trainable_params"),
            (self.tr("Non-trainable params: {count}"), "non_trainable_params"),
        ):
            n = summary.get(key)
            size = f" ({format_bytes(n * 4)})" if isinstance(n, int) else ""
            lines.append(line.format(count=_count(n) + size))
        self.totals.setText("\n".join(lines))
        self.totals.setAccessibleName(self.tr("total params {total}").format(total=total))

    @Slot(QTableWidgetItem)
    def _on_clicked(self, item: QTableWidgetItem) -> None:
        if self._selecting:
            return
        node = self.graph.find(str(item.data(NAME_ROLE)))
        if node is not None:
            self.node_selected.emit(node.id)
