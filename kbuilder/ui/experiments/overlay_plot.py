"""Curves of several runs (or trials) on one plot, one colour each.

One figure at a time (val_accuracy, loss, ...), chosen in a combo box above
the plot; each run is a line in its own colour, the same colour as its
swatch in the table beside it (:func:`color_of`), so the plot needs no
legend over the curves.  An emphasised run (the best trial) is drawn
thicker.  Only whole epochs are drawn: an update per epoch is cheap.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kbuilder.ui.training.plot_series import FRACTION_RANGE, epoch_step, is_fraction, padded_range

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf")


def color_of(index: int) -> QColor:
    """The colour of the run or trial with this number (1-based; stable as rows come)."""
    return QColor(PALETTE[(max(index, 1) - 1) % len(PALETTE)])


def swatch(color: QColor) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(color)
    return QIcon(pix)


class OverlayPlot(QWidget):
    """``set_curves({figure: {label: values per epoch}}, colors, emphasis)``."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Curve of:")))
        self.figure = QComboBox()
        self.figure.setObjectName("overlay_figure")
        self.figure.setToolTip(self.tr("Which figure to draw for every run, one line per run"))
        self.figure.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.figure.currentTextChanged.connect(lambda _t: self._draw())
        row.addWidget(self.figure)
        row.addStretch(1)
        lay.addLayout(row)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("overlay_plot")
        self.plot.setMinimumHeight(140)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setLabel("bottom", self.tr("epoch"))
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        lay.addWidget(self.plot, 1)
        self._empty = pg.TextItem(empty_text, color="#666", anchor=(0.5, 0.5))
        self._curves: dict[str, dict[str, list[float]]] = {}
        self._colors: dict[str, QColor] = {}
        self._emphasis: str | None = None
        self._preferred: str | None = None
        self._items: dict[str, pg.PlotDataItem] = {}
        self._draw()

    # ------------------------------------------------------------------ API
    def set_curves(self, curves: dict[str, dict[str, list[float]]], colors: dict[str, QColor],
                   emphasis: str | None = None, preferred: str | None = None) -> None:
        """The figures to choose from and their lines; ``preferred`` is the
        figure shown first (until the user chooses another)."""
        self._curves = {k: v for k, v in curves.items() if v}
        self._colors, self._emphasis = dict(colors), emphasis
        if preferred and preferred != self._preferred:
            self._preferred = preferred
            wanted = preferred
        else:
            wanted = self.figure.currentText() or preferred
        names = sorted(self._curves, key=_order)
        self.figure.blockSignals(True)
        if [self.figure.itemText(i) for i in range(self.figure.count())] != names:
            self.figure.clear()
            self.figure.addItems(names)
        if wanted in names:
            self.figure.setCurrentText(wanted)
        self.figure.blockSignals(False)
        self._draw()

    def labels(self) -> list[str]:
        """The runs drawn now (what tests read)."""
        return [label for label, item in self._items.items() if item.isVisible()]

    # -------------------------------------------------------------- drawing
    def _draw(self) -> None:
        name = self.figure.currentText()
        lines = self._curves.get(name, {})
        plot = self.plot.getPlotItem()
        for axis in ("left", "bottom"):  # no numbers on an empty plot
            plot.getAxis(axis).setStyle(showValues=bool(lines))
        for label in list(self._items):
            if label not in lines:
                plot.removeItem(self._items.pop(label))
        if not lines:
            if self._empty.scene() is None:
                plot.addItem(self._empty)
            self._empty.setPos(0.5, 0.5)
            plot.setXRange(0, 1, padding=0)
            plot.setYRange(0, 1, padding=0)
            plot.getAxis("left").setLabel("")
            return
        if self._empty.scene() is not None:
            plot.removeItem(self._empty)
        longest, lo, hi = 1, None, None
        for label, values in lines.items():
            item = self._items.get(label)
            if item is None:
                item = self._items[label] = plot.plot([], [])
            width = 3.2 if label == self._emphasis else 1.8
            item.setPen(pg.mkPen(self._colors.get(label, QColor("#555")), width=width))
            item.setSymbol("o" if len(values) == 1 else None)
            item.setSymbolSize(6)
            item.setSymbolBrush(self._colors.get(label, QColor("#555")))
            xs = list(range(1, len(values) + 1))
            item.setData(xs, values)
            item.setZValue(2 if label == self._emphasis else 1)
            finite = [v for v in values if v == v and abs(v) != float("inf")]
            if finite:
                lo = min(finite + ([lo] if lo is not None else []))
                hi = max(finite + ([hi] if hi is not None else []))
            longest = max(longest, len(values))
        plot.getAxis("left").setLabel(name)
        step = epoch_step(longest)
        plot.getAxis("bottom").setTickSpacing(major=step, minor=step)
        plot.setXRange(0.8 if longest == 1 else 1, longest + (0.2 if longest == 1 else 0), padding=0.02)
        if is_fraction(name):
            plot.setYRange(*FRACTION_RANGE, padding=0)
        elif lo is not None:
            plot.setYRange(*padded_range(lo, hi), padding=0)


def _order(name: str) -> tuple[int, str]:
    """val_ figures first (what a search is judged on), then the training ones."""
    return (0 if name.startswith("val_") else 1, name)

