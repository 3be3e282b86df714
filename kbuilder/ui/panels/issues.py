"""The list of problems in the model (errors first, then warnings).

``IssuesPanel(graph)`` shows the issues given to :meth:`set_issues` (or
:meth:`set_results`, the slot for ``AnalysisController.results_ready``).
Clicking an issue emits ``node_selected(node_id)`` (or ``edge_selected``)
so the canvas can select the layer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kbuilder.core.graph import Graph, GraphEvent
from kbuilder.core.validate import count_text

_ORDER = {"error": 0, "warning": 1}
ID_ROLE = Qt.ItemDataRole.UserRole
EDGE_ROLE = Qt.ItemDataRole.UserRole + 1


class IssuesPanel(QWidget):
    """API: ``IssuesPanel(graph, push=None, parent=None)``; ``set_results(result)``
    or ``set_issues(issues)``; ``set_selection(node_ids)`` highlights the
    selected layer's issues; signals ``node_selected(str)``, ``edge_selected(str)``."""

    node_selected = Signal(str)
    edge_selected = Signal(str)

    def __init__(self, graph: Graph, push: Callable | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IssuesPanel")
        self.graph = graph
        self.push = push
        self._issues: list[Any] = []
        self._extra_error: str | None = None
        self._selecting = False

        self.header = QLabel("Checking the model…")
        self.header.setObjectName("issues_header")
        self.header.setToolTip("Problems kbuilder found in the model; click one to select its layer")
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("issues_table")
        self.table.setHorizontalHeaderLabels(["Layer", "Problem"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setToolTip("Click a problem to select the layer it is about")
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Rows grow to show a long message whole (wrapped at the column width).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemClicked.connect(self._on_item_clicked)
        self.table.itemActivated.connect(self._on_item_clicked)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addWidget(self.header)
        lay.addWidget(self.table)
        graph.subscribe(self._on_graph_event)

    # ------------------------------------------------------------- public
    @Slot(object)
    def set_results(self, result: Any) -> None:
        """Slot for ``AnalysisController.results_ready``."""
        self._extra_error = getattr(result, "error", None)
        self.set_issues(list(getattr(result, "issues", None) or []))

    def set_issues(self, issues: list[Any]) -> None:
        self._issues = sorted(issues, key=lambda i: _ORDER.get(getattr(i, "severity", "error"), 2))
        self._render()

    def issues(self) -> list[Any]:
        return list(self._issues)

    def row_count(self) -> int:
        return self.table.rowCount()

    def row_texts(self, row: int) -> tuple[str, str]:
        """(layer, message) of a row, as shown."""
        return (self.table.item(row, 0).text(), self.table.item(row, 1).text())

    def set_selection(self, node_ids) -> None:
        """Highlight the first issue of a selected layer, without emitting."""
        ids = set(node_ids or [])
        self._selecting = True
        try:
            self.table.clearSelection()
            for r in range(self.table.rowCount()):
                item = self.table.item(r, 0)
                if item.data(ID_ROLE) in ids:
                    self.table.selectRow(r)
                    self.table.scrollToItem(item)
                    break
        finally:
            self._selecting = False

    def detach(self) -> None:
        self.graph.unsubscribe(self._on_graph_event)

    # ---------------------------------------------------------- drawing
    def _render(self) -> None:
        self.table.clearContents()
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        info_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        rows = list(self._issues)
        if self._extra_error:
            rows.insert(0, _Plain("error", f"The analysis failed: {self._extra_error}"))
        self.table.setRowCount(len(rows))
        for r, issue in enumerate(rows):
            severity = getattr(issue, "severity", "error")
            node_id = getattr(issue, "node_id", None)
            edge_id = getattr(issue, "edge_id", None)
            if node_id is None and edge_id and self.graph.has_edge(edge_id):
                node_id = self.graph.edge(edge_id).dst
            layer = self._name(node_id) if node_id else "model"
            message = str(getattr(issue, "message", issue))
            code = getattr(issue, "code", None)
            tip = f"{severity.capitalize()}: {message}" + (f"\n[{code}]" if code else "")
            if node_id:
                tip += "\nClick to select this layer."
            for c, text in enumerate((layer, message)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, node_id)
                item.setData(EDGE_ROLE, edge_id)
                item.setToolTip(tip)
                if c == 0:
                    item.setIcon(icons.get(severity, info_icon))
                self.table.setItem(r, c, item)
        self.header.setText(count_text(rows) if rows else "✔ No problems found.")

    def _name(self, node_id: str) -> str:
        return self.graph.node(node_id).name if node_id in self.graph else "(removed layer)"

    # ----------------------------------------------------------- events
    @Slot(QTableWidgetItem)
    def _on_item_clicked(self, item: QTableWidgetItem) -> None:
        if self._selecting:
            return
        node_id = item.data(ID_ROLE)
        edge_id = item.data(EDGE_ROLE)
        if edge_id:
            self.edge_selected.emit(edge_id)
        if node_id:
            self.node_selected.emit(node_id)

    def _on_graph_event(self, ev: GraphEvent) -> None:
        # Keep layer names current between two analyses.
        if (ev.kind == "node_changed" and ev.key == "name") or ev.kind == "reset":
            self._render()


class _Plain:
    def __init__(self, severity: str, message: str) -> None:
        self.severity = severity
        self.message = message
        self.node_id = None
        self.edge_id = None
        self.code = "analysis"
