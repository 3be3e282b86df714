"""The list of problems in the model (errors first, then warnings), each with
its one-click fixes.

``IssuesPanel(graph, push)`` shows the issues given to :meth:`set_issues` (or
:meth:`set_results`, the slot for ``AnalysisController.results_ready``, whose
result carries ``fixes[i]`` for ``issues[i]``).  Clicking an issue emits
``node_selected(node_id)`` (or ``edge_selected``) so the canvas can select the
layer.  An issue with fixes shows the first one as a button in its Fix cell
(a ``▾`` menu beside it holds the others); a click applies it as one undo step
through ``push`` (a training-settings fix edits the document given to
:meth:`set_document`).  From an edit until the next analysis the buttons are
disabled: the fixes were found for the model as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kbuilder.core.graph import Graph, GraphEvent
from kbuilder.core.validate import count_text
from kbuilder.ui.action_buttons import ActionButton, apply_action
from kbuilder.ui.panels.base import PanelHooks

_ORDER = {"error": 0, "warning": 1}
ID_ROLE = Qt.ItemDataRole.UserRole
EDGE_ROLE = Qt.ItemDataRole.UserRole + 1
FIX_COLUMN = 2
FIX_SHARE = 0.42  # the Fix column takes at most this share of the width (the problem text the rest)


class FixCell(QWidget):
    """The Fix cell of one issue: the first fix as a button, the others in a menu."""

    def __init__(self, table: QTableWidget, fixes: list[Any], apply: Callable[[Any], None]) -> None:
        super().__init__()
        self.table = table
        self.fixes = fixes
        lay = QHBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(2)
        self.button = ActionButton(fixes[0], self, prominent=True)
        self.button.clicked.connect(lambda: apply(fixes[0]))
        lay.addWidget(self.button, 1)
        self.more: QToolButton | None = None
        if len(fixes) > 1:
            self.more = QToolButton(self)
            self.more.setObjectName("more_fixes")
            self.more.setText(self.tr("More"))
            self.more.setToolTip(self.tr("Other fixes for this problem"))
            self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(self.more)
            menu.setToolTipsVisible(True)
            for fix in fixes[1:]:
                act = menu.addAction(fix.title)
                act.setToolTip(fix.detail or fix.title)
                act.triggered.connect(lambda _checked=False, f=fix: apply(f))
            self.more.setMenu(menu)
            lay.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)

    def natural_width(self) -> int:
        more = self.more.sizeHint().width() + 2 if self.more is not None else 0
        return self.button.sizeHint().width() + more + 4

    def sizeHint(self) -> QSize:  # noqa: N802 - the table sizes the row from this
        width = self.table.columnWidth(FIX_COLUMN) or self.natural_width()
        more = self.more.sizeHint().width() + 2 if self.more is not None else 0
        return QSize(self.natural_width(), self.button.heightForWidth(max(width - more - 4, 60)) + 4)

    def set_usable(self, usable: bool, why: str = "") -> None:
        for widget in (self.button, self.more):
            if widget is not None:
                widget.setEnabled(usable)
        self.button.setToolTip((self.fixes[0].detail or self.fixes[0].title) if usable else why)


class IssuesPanel(PanelHooks, QWidget):
    """API: ``IssuesPanel(graph, push=None, parent=None)``; ``set_results(result)``
    or ``set_issues(issues, fixes)``; ``set_selection(node_ids)`` highlights the
    selected layer's issues; ``apply_selected_fix()`` (Ctrl+Shift+F); signals
    ``node_selected(str)``, ``edge_selected(str)``, ``fixes_changed(bool)``
    (whether a fix can be applied now)."""

    node_selected = Signal(str)
    edge_selected = Signal(str)
    fixes_changed = Signal(bool)

    def __init__(self, graph: Graph, push: Callable | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IssuesPanel")
        self.graph = graph
        self.push = push
        self.document: Any = None
        self._issues: list[Any] = []
        self._fixes: list[list[Any]] = []
        self._rows: list[tuple[Any, list[Any]]] = []  # as shown (the analysis failure first)
        self._extra_error: str | None = None
        self._selecting = False
        self._stale = False  # the model changed since these fixes were found

        self.header = QLabel(self.tr("Checking the model…"))
        self.header.setObjectName("issues_header")
        # No word wrap (a wrapping label gives the panel a height-for-width, and the dock's scroll
        # area would then size it to its preferred height); a long text never widens the panel.
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header.setToolTip(self.tr("Problems kbuilder found in the model; click one to select its layer"))
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("issues_table")
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Problem"), self.tr("Fix")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setToolTip(self.tr("Click a problem to select the layer it is about"))
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(FIX_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnHidden(FIX_COLUMN, True)
        # Rows grow to show a long message (and a long fix title) whole, wrapped at the column width.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemClicked.connect(self._on_item_clicked)
        self.table.itemActivated.connect(self._on_item_clicked)
        # A short dock (1024x700) shows the table's own scroll bar, never one around the panel.
        self.table.setMinimumHeight(48)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addWidget(self.header)
        lay.addWidget(self.table)
        graph.subscribe(self._on_graph_event)

    # ------------------------------------------------------------- public
    def set_document(self, document: Any) -> None:
        """The window's document: settings fixes edit its training settings."""
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
        self.document = document
        document.subscribe(self._on_document_event)

    @Slot(object)
    def set_results(self, result: Any) -> None:
        """Slot for ``AnalysisController.results_ready``."""
        self._extra_error = getattr(result, "error", None)
        self.set_issues(list(getattr(result, "issues", None) or []), list(getattr(result, "fixes", None) or []))

    def set_issues(self, issues: list[Any], fixes: list[list[Any]] | None = None) -> None:
        """Show ``issues``; ``fixes[i]``: the fixes of ``issues[i]`` (Action objects)."""
        fixes = list(fixes or [])
        pairs = [(issue, list(fixes[i]) if i < len(fixes) else []) for i, issue in enumerate(issues)]
        pairs.sort(key=lambda p: _ORDER.get(getattr(p[0], "severity", "error"), 2))
        self._issues = [issue for issue, _ in pairs]
        self._fixes = [f for _, f in pairs]
        self._stale = False
        self._render()

    def issues(self) -> list[Any]:
        return list(self._issues)

    def row_count(self) -> int:
        return self.table.rowCount()

    def row_texts(self, row: int) -> tuple[str, str]:
        """(layer, message) of a row, as shown."""
        return (self.table.item(row, 0).text(), self.table.item(row, 1).text())

    def row_fixes(self, row: int) -> list[str]:
        """The titles of a row's fixes, as offered (the first on the button)."""
        return [fix.title for fix in self._rows[row][1]] if 0 <= row < len(self._rows) else []

    def fix_buttons(self) -> list[ActionButton]:
        """The rows' first-fix buttons, top to bottom."""
        cells = [self.table.cellWidget(r, FIX_COLUMN) for r in range(self.table.rowCount())]
        return [c.button for c in cells if isinstance(c, FixCell)]

    def can_fix(self) -> bool:
        """Whether a fix can be applied now (Ctrl+Shift+F)."""
        return not self._stale and any(fixes for _, fixes in self._rows)

    def apply_selected_fix(self) -> bool:
        """Apply the first fix of the selected issue (of the first issue that
        has one when none is selected); False when there was none to apply."""
        if self._stale:
            return False
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        candidates = rows or range(len(self._rows))
        row = next((r for r in candidates if 0 <= r < len(self._rows) and self._rows[r][1]), None)
        if row is None:
            return False
        self._apply(self._rows[row][1][0])
        return True

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
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)

    # ---------------------------------------------------------- drawing
    def _render(self) -> None:
        kept = self._selected_key()
        self.table.setRowCount(0)  # drops the old rows' fix buttons too
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        info_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        rows = list(zip(self._issues, self._fixes, strict=True))
        if self._extra_error:
            rows.insert(0, (_Plain("error", self.tr("The analysis failed: {error}").format(error=self._extra_error)), []))
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, (issue, fixes) in enumerate(rows):
            severity = getattr(issue, "severity", "error")
            node_id = getattr(issue, "node_id", None)
            edge_id = getattr(issue, "edge_id", None)
            if node_id is None and edge_id and self.graph.has_edge(edge_id):
                node_id = self.graph.edge(edge_id).dst
            layer = self._name(node_id) if node_id else self.tr("model")
            message = str(getattr(issue, "message", issue))
            code = getattr(issue, "code", None)
            if severity == "error":
                tip = self.tr("Error: {message}").format(message=message)
            elif severity == "warning":
                tip = self.tr("Warning: {message}").format(message=message)
            else:
                tip = self.tr("Note: {message}").format(message=message)
            tip += f"\n[{code}]" if code else ""
            if node_id:
                tip += "\n" + self.tr("Click to select this layer.")
            for c, text in enumerate((layer, message)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, node_id)
                item.setData(EDGE_ROLE, edge_id)
                item.setToolTip(tip)
                if c == 0:
                    item.setIcon(icons.get(severity, info_icon))
                self.table.setItem(r, c, item)
            if fixes:
                self.table.setCellWidget(r, FIX_COLUMN, FixCell(self.table, fixes, self._apply))
        self.table.setColumnHidden(FIX_COLUMN, not any(f for _, f in rows))
        self._fit_fix_column()
        self._reselect(kept)
        self.header.setText(count_text([i for i, _ in rows]) if rows else self.tr("✔ No problems found."))
        self.header.setToolTip(self.tr("Problems kbuilder found in the model; click one to select its layer"))
        self._update_usable()

    def _selected_key(self) -> tuple | None:
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        if not rows or rows[0] >= len(self._rows):
            return None
        return _key(self._rows[rows[0]][0])

    def _reselect(self, key: tuple | None) -> None:
        """Keep the selected issue selected through a new analysis."""
        if key is None:
            return
        self._selecting = True
        try:
            for r, (issue, _) in enumerate(self._rows):
                if _key(issue) == key:
                    self.table.selectRow(r)
                    break
        finally:
            self._selecting = False

    def _fit_fix_column(self) -> None:
        """The Fix column as wide as its widest button, at most FIX_SHARE of the
        table (longer titles wrap); then the rows take the height they need."""
        cells = [self.table.cellWidget(r, FIX_COLUMN) for r in range(self.table.rowCount())]
        cells = [c for c in cells if isinstance(c, FixCell)]
        if not cells:
            return
        room = max(int(self.table.viewport().width() * FIX_SHARE), 140)
        width = min(max(c.natural_width() for c in cells), room)
        if self.table.columnWidth(FIX_COLUMN) != width:
            self.table.setColumnWidth(FIX_COLUMN, width)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_fix_column()

    def _update_usable(self) -> None:
        why = self.tr("The model changed: checking it again…")
        for r in range(self.table.rowCount()):
            cell = self.table.cellWidget(r, FIX_COLUMN)
            if isinstance(cell, FixCell):
                cell.set_usable(not self._stale, why)
        self.fixes_changed.emit(self.can_fix())

    def _name(self, node_id: str) -> str:
        return self.graph.node(node_id).name if node_id in self.graph else self.tr("(removed layer)")

    # ----------------------------------------------------------- events
    def _apply(self, action: Any) -> None:
        if self._stale:
            return
        reason = apply_action(action, self.graph, self.document, self.push)
        if reason:
            text = self.tr("The fix could not be applied: {reason}").format(reason=reason)
            self.header.setText(text)
            self.header.setToolTip(text)

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

    def _mark_stale(self) -> None:
        if not self._stale:
            self._stale = True
            self._update_usable()

    def _on_graph_event(self, ev: GraphEvent) -> None:
        if ev.kind != "node_moved":
            self._mark_stale()  # a new analysis follows every edit
        # Keep layer names current between two analyses.
        if (ev.kind == "node_changed" and ev.key == "name") or ev.kind == "reset":
            self._render()

    def _on_document_event(self, event: Any) -> None:
        if event.kind == "settings" and event.key == "training":
            self._mark_stale()  # the window asks for a new analysis with the new settings


def _key(issue: Any) -> tuple:
    return (getattr(issue, "code", None), getattr(issue, "node_id", None), getattr(issue, "message", None))


class _Plain:
    def __init__(self, severity: str, message: str) -> None:
        self.severity = severity
        self.message = message
        self.node_id = None
        self.edge_id = None
        self.code = "analysis"
