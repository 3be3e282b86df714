"""The Compare runs tab: every training run of the document's history
(``document.runs``), and for the runs picked in the list their curves
overlaid and a table side by side (:func:`kbuilder.training.compare.compare_runs`):
one column per run, one row per setting that differs (and the few a learner
always looks at), then the final and the test figures.

A click on a run adds it to the comparison or takes it out; a new run is
added by itself.  The view reads the document and keeps nothing else.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kbuilder.training.compare import compare_runs
from kbuilder.ui.experiments.dialog import setting_title
from kbuilder.ui.experiments.overlay_plot import OverlayPlot, color_of, swatch
from kbuilder.ui.experiments.trials_table import fmt

#: Row names of the comparison table for its column keys beyond the training settings that
#: :func:`setting_title` names (others are shown as they are: Keras's names).
NAMES = {
    "epochs_done": QT_TRANSLATE_NOOP("RunsView", "epochs done"),
    "stopped": QT_TRANSLATE_NOOP("RunsView", "stopped because"),
    "epochs": QT_TRANSLATE_NOOP("RunsView", "epochs"),
}


class RunsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runs_view")
        self.document: Any = None
        self._known = 0  # runs seen: a new one is added to the comparison
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.hint = QLabel(self.tr("Every training run of this model is kept here. Click runs to compare them: "
                                   "two or more are overlaid and set side by side."))
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self.list = QListWidget()
        self.list.setObjectName("runs_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.list.setMinimumWidth(220)
        self.list.setWordWrap(True)  # a long run line wraps rather than scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemSelectionChanged.connect(self._compare)
        split.addWidget(self.list)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        self.table = QTableWidget()
        self.table.setObjectName("runs_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(110)
        right.addWidget(self.table)
        self.plot = OverlayPlot(self.tr("Pick two or more runs to overlay their curves."))
        right.addWidget(self.plot)
        right.setSizes([220, 300])
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 700])
        lay.addWidget(split, 1)

    # --------------------------------------------------------------- runs
    def set_document(self, document: Any) -> None:
        self.document = document
        self._known = 0
        self.refresh()

    def refresh(self) -> None:
        """List the document's runs; the new ones join the comparison."""
        runs = list(self.document.runs) if self.document is not None else []
        picked = {item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()}
        picked |= {r.number for r in runs[self._known:]}
        self._known = len(runs)
        self.list.blockSignals(True)
        self.list.clear()
        for run in runs:
            item = QListWidgetItem(swatch(color_of(run.number)), self._run_text(run))
            item.setData(Qt.ItemDataRole.UserRole, run.number)
            current = self.document.is_current(run.key)
            item.setToolTip(self.tr("A run of the model as it is now") if current
                            else self.tr("A run of an earlier version of the model"))
            self.list.addItem(item)
            item.setSelected(run.number in picked)
        self.list.blockSignals(False)
        self._compare()

    def _run_text(self, run: Any) -> str:
        epochs = self.tr("{n} epochs").format(n=run.epochs_done) if run.epochs_done != 1 else self.tr("1 epoch")
        figures = [k for k in ("val_accuracy", "val_loss", "accuracy", "loss") if run.history.get(k)]
        text = self.tr("Run {n} · {epochs}").format(n=run.number, epochs=epochs)
        if figures:
            text += f" · {figures[0]} {fmt(run.history[figures[0]][-1])}"
        if not self.document.is_current(run.key):
            text += " · " + self.tr("earlier model")
        return text

    def picked(self) -> list[Any]:
        numbers = {item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()}
        return [r for r in (self.document.runs if self.document is not None else []) if r.number in numbers]

    # ------------------------------------------------------------ compare
    def _compare(self) -> None:
        runs = self.picked()
        self.table.setVisible(bool(runs))
        if not runs:
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.plot.set_curves({}, {})
            return
        comparison = compare_runs(runs)
        self.table.clear()
        self.table.setColumnCount(len(comparison.labels))
        self.table.setRowCount(len(comparison.columns))
        for c, (label, run) in enumerate(zip(comparison.labels, runs, strict=True)):
            head = QTableWidgetItem(swatch(color_of(run.number)), label)
            self.table.setHorizontalHeaderItem(c, head)
        for r, column in enumerate(comparison.columns):
            name = QCoreApplication.translate("RunsView", NAMES[column]) if column in NAMES else setting_title(column)
            self.table.setVerticalHeaderItem(r, QTableWidgetItem(name))
            values = [row.get(column) for row in comparison.rows]
            differs = len({repr(v) for v in values}) > 1
            for c, value in enumerate(values):
                item = QTableWidgetItem(fmt(value))
                if differs and column in comparison.settings_columns:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        colors = {label: color_of(run.number) for label, run in zip(comparison.labels, runs, strict=True)}
        preferred = next((k for k in ("val_accuracy", "val_loss", "loss") if k in comparison.curves), None)
        self.plot.set_curves(comparison.curves, colors, None, preferred)

    def header_texts(self) -> list[str]:
        """The runs in the table, left to right (what tests read)."""
        return [self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())]
