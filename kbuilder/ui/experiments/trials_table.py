"""The live trials table: one row per trial, its values, its state, its
best validation figure and the epoch it reached it.

The rows are drawn from the search's results as the engine reports them
(:func:`kbuilder.training.compare.compare_trials` of a
:class:`~kbuilder.training.search_results.SearchResults`), plus the trial running
now; the best finished trial is marked with a star.  Each row's swatch has
the colour of its curve in the plot beside it.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from kbuilder.training.compare import compare_trials
from kbuilder.ui.experiments.dialog import setting_title
from kbuilder.ui.experiments.overlay_plot import color_of, swatch


def fmt(value: Any) -> str:
    """A value or figure as a short text: 0.0031, 64, adam, —."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "—" if not math.isfinite(value) else f"{value:.4g}"
    return str(value)


class TrialsTable(QTableWidget):
    """``show(results, running)``: the finished and stopped trials of
    ``results`` and ``running`` (number -> (values, state text))."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setObjectName("trials_table")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setMinimumHeight(110)
        self.states = {
            "completed": self.tr("finished"),
            "failed": self.tr("failed"),
            "stopped": self.tr("stopped"),
        }

    def show_trials(self, results: Any, running: dict[int, tuple[dict, str]] | None = None) -> None:
        running = running or {}
        comparison = compare_trials(results) if results is not None else None
        keys = list(results.keys) if results is not None else []
        score = f"best {results.objective}" if results is not None else None  # the comparison's column key
        score_title = (self.tr("best {figure}").format(figure=results.objective) if results is not None
                       else self.tr("Best figure"))
        headers = [self.tr("Trial"), *(setting_title(key) for key in keys), self.tr("State"), score_title,
                   self.tr("Best epoch")]
        if [self.horizontalHeaderItem(i).text() if self.horizontalHeaderItem(i) else ""
                for i in range(self.columnCount())] != headers:
            self.setColumnCount(len(headers))
            self.setHorizontalHeaderLabels(headers)
            tip = self.tr("The best value of {figure} over the trial's epochs: what the search compares.")
            self.horizontalHeaderItem(len(headers) - 2).setToolTip(tip.format(figure=results.objective)
                                                                   if results is not None else "")
        rows: list[tuple[int, list[str], str]] = []
        best = results.best() if results is not None else None
        if comparison is not None:
            for trial, row in zip(results.trials, comparison.rows, strict=True):
                if trial.number in running:
                    continue
                cells = [fmt(row.get(k)) for k in keys]
                state = self.states.get(trial.state, trial.state)
                tip = trial.message or (self.tr("Not finished: a resumed search runs it again.")
                                        if trial.state == "stopped" else "")
                cells += [state, fmt(row.get(score)), fmt(row.get("best_epoch"))]
                rows.append((trial.number, cells, tip))
        for number, (values, state) in sorted(running.items()):
            rows.append((number, [fmt(values.get(k)) for k in keys] + [state, "—", "—"], ""))
        rows.sort(key=lambda r: r[0])
        self.setRowCount(len(rows))
        for r, (number, cells, tip) in enumerate(rows):
            star = best is not None and number == best.number
            label = self.tr("Trial {n}").format(n=number) + ("  ★" if star else "")
            first = QTableWidgetItem(swatch(color_of(number)), label)
            first.setData(Qt.ItemDataRole.UserRole, number)
            for c, text in enumerate([None, *cells]):
                item = first if c == 0 else QTableWidgetItem(text)
                if tip:
                    item.setToolTip(tip)
                if star:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(r, c, item)
        if best is not None:
            self.item(self.row_of(best.number), 0).setToolTip(self.tr("The best trial so far"))

    def set_state(self, number: int, text: str) -> None:
        """The running trial's progress ("epoch 2 of 5"), without redrawing the table."""
        row = self.row_of(number)
        if row >= 0:
            self.item(row, self.columnCount() - 3).setText(text)

    def row_of(self, number: int) -> int:
        for r in range(self.rowCount()):
            item = self.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == number:
                return r
        return -1

    def texts(self) -> list[list[str]]:
        """Every row's cells as shown (what tests read)."""
        return [[self.item(r, c).text() if self.item(r, c) else "" for c in range(self.columnCount())]
                for r in range(self.rowCount())]
