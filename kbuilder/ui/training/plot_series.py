"""The pieces of the live curves: one quantity's curves (:class:`Series`),
the header-row legends, and the rules for the axes.

Batch logs from Keras are running means since the start of the epoch; the
value of the batches since the last update is recovered from two running
means (``(n2*m2 - n1*m1) / (n2 - n1)``) and then smoothed, so the batch
curve shows the recent batches, not a lagging average.

Axes: a fraction (accuracy, AUC, precision, recall, ...) is drawn on 0..1
with a margin above 1.0.  Other quantities start at 0 when their values are
non-negative and not far from it, with a margin above the largest value
(:func:`padded_range`).  Whole-epoch ticks: :func:`epoch_step`.
"""

from __future__ import annotations

import math
import re

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

SKIP = {"learning_rate", "lr"}
TRAIN = (31, 119, 180)
VAL = (255, 127, 14)
PREV = (150, 150, 150)
STYLE = (90, 90, 90)  # the line-style legend's samples, with several outputs
SMOOTH = 0.3  # weight of the new value in the moving average
# Metrics whose values lie in 0..1 (Keras names, without an output's prefix).
FRACTIONS = ("accuracy", "acc", "auc", "precision", "recall", "f1_score", "fbeta_score", "iou",
             "specificity_at_sensitivity", "sensitivity_at_specificity")
FRACTION_RANGE = (-0.05, 1.06)  # 0 and 1.0 are ticks, with room around them for the lines


def is_fraction(key: str) -> bool:
    """Whether a log name is a metric between 0 and 1 (``val_``, an output's
    prefix and Keras's ``_1`` suffix for a second instance aside)."""
    name = re.sub(r"_\d+$", "", key.removeprefix("val_"))
    return any(name == f or name.endswith("_" + f) for f in FRACTIONS)


def padded_range(lo: float, hi: float) -> tuple[float, float]:
    """A y range for values in lo..hi: from 0 when they are non-negative and
    0 is near (lo <= hi / 2), so that a falling loss keeps its axis; 5% of
    the span below (room for the lowest tick's label), 8% above."""
    if 0 <= lo <= hi / 2 or 0 < lo == hi:  # one positive value so far (a first loss): from 0 too
        lo = 0.0
    span = (hi - lo) or max(abs(hi) * 0.2, 0.1)
    return lo - 0.05 * span, hi + 0.08 * span


def epoch_step(epochs: int) -> int:
    """Whole-epoch tick spacing: 1, 2, 5, 10, 20, 50, ... with at most 10 ticks."""
    step, k = 1, 0
    while epochs / step > 10:
        k += 1
        step = (1, 2, 5)[k % 3] * 10 ** (k // 3)
    return step


class HeaderLegend(pg.LegendItem):
    """A legend in a header row: entries side by side, placed by the row's
    layout and as wide as they need, not draggable."""

    def __init__(self, columns: int) -> None:
        super().__init__(colCount=columns, horSpacing=4, verSpacing=-6, frame=False, labelTextSize="8pt",
                         labelTextColor="#444")

    def updateSize(self) -> None:
        self.layout.invalidate()
        self.setMaximumWidth(self.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize).width())
        self.updateGeometry()

    def mouseDragEvent(self, ev) -> None:
        ev.ignore()


def make_curve(plot, color, style=Qt.PenStyle.SolidLine, width=2.0, symbol=None) -> pg.PlotDataItem:
    """An empty curve in ``plot`` (None: a legend sample only)."""
    item = pg.PlotDataItem([], [], pen=pg.mkPen(color, width=width, style=style), symbol=symbol, symbolSize=6,
                           symbolBrush=color, symbolPen=None)
    if plot is not None:
        plot.addItem(item)
    return item


class Series:
    """The curves and points of one quantity (``key``: a Keras log name
    without ``val_``) in the plot ``group``.  ``paired``: validation in the
    train colour (several outputs: a colour names a quantity), not orange."""

    def __init__(self, plot: pg.PlotItem, group: str, key: str, color_index: int, paired: bool) -> None:
        self.key, self.group = key, group
        shade = pg.intColor(color_index, hues=8) if color_index else pg.mkColor(TRAIN)
        vshade = shade if paired else pg.mkColor(VAL)
        light = pg.mkColor(shade.red(), shade.green(), shade.blue(), 110)
        self.batch = make_curve(plot, light, width=1)
        self.batch.setDownsampling(auto=True, method="mean")  # long runs: a few points per pixel
        self.batch.setClipToView(True)
        self.epoch = make_curve(plot, shade, symbol="o")
        self.val = make_curve(plot, vshade, Qt.PenStyle.DashLine, symbol="s")
        self.prev = make_curve(plot, PREV, Qt.PenStyle.DotLine, 1.5)
        self.prev_val = make_curve(plot, PREV, Qt.PenStyle.DashDotLine, 1.5)
        for item in (self.batch, self.epoch, self.val):
            item.setSkipFiniteCheck(True)  # only finite values are stored
        for item in (self.epoch, self.val, self.prev, self.prev_val):
            for part in (item.curve, item.scatter):  # redrawn when they change, not at every batch
                part.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        for item in (self.prev, self.prev_val):
            item.setVisible(False)  # shown with data: an empty item still costs at each repaint
        self.points: dict[str, tuple[list[float], list[float]]] = {"batch": ([], []), "epoch": ([], []),
                                                                    "val": ([], [])}
        self.dirty: set[str] = set()  # curves whose points changed since the last flush
        self.bounds: list[float] | None = None  # [lo, hi] of every value shown (the y range follows)
        self._smooth: float | None = None
        self._last_step, self._last_mean = 0, 0.0

    def new_epoch(self) -> None:
        self._last_step, self._last_mean = 0, 0.0

    def _add(self, name: str, x: float, y: float) -> None:
        self.points[name][0].append(x)
        self.points[name][1].append(y)
        self.dirty.add(name)
        self._widen((y,))

    def _widen(self, values) -> None:
        for v in values:
            self.bounds = [min(self.bounds[0], v), max(self.bounds[1], v)] if self.bounds else [v, v]

    def add_batch(self, x: float, step: int, mean: float) -> None:
        """Store one batch point (the smoothed value of the batches since the last)."""
        if not math.isfinite(mean):
            return
        n = step - self._last_step
        value = (step * mean - self._last_step * self._last_mean) / n if n > 0 else mean
        self._last_step, self._last_mean = step, mean
        self._smooth = value if self._smooth is None else SMOOTH * value + (1 - SMOOTH) * self._smooth
        self._add("batch", x, self._smooth)

    def add_epoch(self, epoch: int, value: float | None, val: float | None) -> None:
        for name, v in (("epoch", value), ("val", val)):
            if v is not None and math.isfinite(v):
                self._add(name, epoch, v)

    def flush(self) -> None:
        """Push the points of the curves that changed to pyqtgraph."""
        for name in self.dirty:
            getattr(self, name).setData(*self.points[name])
        self.dirty.clear()

    def set_previous(self, history: dict[str, list[float]] | None) -> None:
        """Show (with None, hide) the previous run's epochs."""
        for item, key in ((self.prev, self.key), (self.prev_val, "val_" + self.key)):
            ys = [v for v in (history or {}).get(key, []) if v is not None and math.isfinite(v)]
            item.setData(list(range(1, len(ys) + 1)), ys)
            item.setVisible(bool(ys))
            self._widen(ys)
