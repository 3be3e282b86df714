"""Live training curves with pyqtgraph.

One plot per quantity (loss, accuracy, ...) for a one-output model; with
several outputs, a plot of the total loss and one per output.  Each
quantity has up to four curves: per batch (smoothed, thin), per epoch
(train), per epoch (validation, dashed), the previous run's (grey).

Legends sit in header rows, never over a curve: a row above the plots
says what each line style is; with several outputs, each plot's title row
names its quantities by colour.

Batch logs from Keras are running means since the start of the epoch; the
value of the batches since the last update is recovered from two running
means (``(n2*m2 - n1*m1) / (n2 - n1)``) and then smoothed, so the batch
curve shows the recent batches, not a lagging average.

Axes: a fraction (accuracy, AUC, precision, recall, ...) is drawn on 0..1
with a margin above 1.0.  Other quantities start at 0 when their values are
non-negative and not far from it, with a margin above the largest value;
that range only grows, so the axes (cached pixmaps) are seldom redrawn.
The x axis spans the run's epochs, ticks on whole epochs.

Cost: an update from the training thread only stores its numbers; a
single-shot timer pushes them to the curves a few times a second, one plot
per repaint, pausing so that redrawing takes a small share of the UI thread.
"""

from __future__ import annotations

import math
import re
import time

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
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
MIN_FLUSH_MS = 200  # at most 5 redraws a second
FLUSH_SHARE = 0.03  # pause so that redrawing takes at most ~3% of the UI thread (a busy machine: fewer)
MAX_FLUSH_MS = 1000


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


def _curve(plot, color, style=Qt.PenStyle.SolidLine, width=2.0, symbol=None) -> pg.PlotDataItem:
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
        self.batch = _curve(plot, light, width=1)
        self.batch.setDownsampling(auto=True, method="mean")  # long runs: a few points per pixel
        self.batch.setClipToView(True)
        self.epoch = _curve(plot, shade, symbol="o")
        self.val = _curve(plot, vshade, Qt.PenStyle.DashLine, symbol="s")
        self.prev = _curve(plot, PREV, Qt.PenStyle.DotLine, 1.5)
        self.prev_val = _curve(plot, PREV, Qt.PenStyle.DashDotLine, 1.5)
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


class CurvesView(pg.GraphicsLayoutWidget):
    """The curves of one run (plus, optionally, the previous run's).

    The panel calls, per run: ``begin(outputs)``, ``prepare(keys)`` (the
    model is built), ``set_epochs(n)`` (training starts), then
    ``epoch_begin``, ``add_batch`` and ``add_epoch`` as the logs come.
    ``flush()`` draws what is stored at once (``point_counts()`` does)."""

    COLUMNS = 3

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setMinimumHeight(160)
        self.ci.setContentsMargins(6, 2, 14, 2)  # room on the right for the last epoch's label
        self.ci.layout.setVerticalSpacing(0)
        self.outputs: list[str] = []
        self.plots: dict[str, pg.PlotItem] = {}
        self.series: dict[str, Series] = {}
        self.legend: HeaderLegend | None = None  # the line styles, above the plots
        self.legends: dict[str, HeaderLegend] = {}  # several outputs: each plot's quantities
        self._previous: dict[str, list[float]] | None = None
        self._show_previous = False
        self._prev_in_legend = False
        self._epochs = 0
        self._yrange: dict[str, tuple[float, float]] = {}  # per plot: the y range shown
        self._timer = QTimer(self, singleShot=True, timeout=self._redraw_next)
        self._next_flush = 0.0  # time.monotonic() before which the timer does not redraw
        self._cycle_start: float | None = None  # when this round of redrawing the plots began
        self._cost_s = 0.0  # seconds spent redrawing (flushes and paints) in this round
        self.show_placeholder()

    def show_placeholder(self) -> None:
        """No run yet: forget everything and say where the curves will come."""
        self.begin([])
        self.addItem(pg.LabelItem("Curves appear here when training starts.", color="#666"))

    # ------------------------------------------------------------ run life
    def begin(self, outputs: list[str]) -> None:
        """A new run: forget the curves and the epoch count (the previous run is kept)."""
        self._timer.stop()
        self.clear()
        self.outputs = list(outputs)
        for d in (self.plots, self.series, self.legends, self._yrange):
            d.clear()
        self.legend, self._prev_in_legend, self._epochs, self._cycle_start = None, False, 0, None

    def prepare(self, keys: list[str]) -> None:
        """Create the plots and curves for these log names ahead of the data."""
        for key in keys:
            self._series(key)

    def set_epochs(self, epochs: int) -> None:
        """Fix the x axis to the run's epochs, 0..epochs (no re-ranging while training)."""
        if max(int(epochs), 0) == self._epochs:
            return  # the plots have that range already: no repaint of every axis
        self._epochs = max(int(epochs), 0)
        for plot in self.plots.values():
            self._apply_x(plot)

    def set_previous(self, history: dict[str, list[float]] | None) -> None:
        self._previous = history
        self._apply_previous()

    def show_previous(self, on: bool) -> None:
        self._show_previous = bool(on)
        self._apply_previous()

    def _apply_previous(self) -> None:
        history = self._previous if self._show_previous else None
        for s in self.series.values():
            s.set_previous(history)
        first = next(iter(self.series.values()), None)
        if first is not None and bool(history) != self._prev_in_legend:
            for item, name in ((first.prev, "train (previous run)"), (first.prev_val, "validation (previous run)")):
                if history:
                    self.legend.addItem(item, name)
                else:
                    self.legend.removeItem(item)
            self._prev_in_legend = bool(history)
        for group in self.plots:
            self._fit_y(group)

    # ------------------------------------------------------------ plots
    def _group(self, key: str) -> tuple[str, str]:
        """(plot key, plot title) for a log key without ``val_``."""
        if len(self.outputs) > 1:
            for out in sorted(self.outputs, key=len, reverse=True):
                if key.startswith(out + "_"):
                    return out, f"output {out}"
            return "loss", "total loss"
        return key, _title(key)

    def _series(self, key: str) -> Series | None:
        if key in SKIP or key.startswith("val_"):
            return None
        s = self.series.get(key)
        if s is not None:
            return s
        group, title = self._group(key)
        if group not in self.plots:
            self._add_plot(group, title)
        single = len(self.outputs) <= 1
        index = sum(1 for other in self.series.values() if other.group == group)
        s = Series(self.plots[group], group, key, index, paired=not single)
        if not self.series:  # the style legend: this series' lines, or neutral samples
            samples = (s.batch, s.epoch, s.val) if single else (
                _curve(None, STYLE, width=1), _curve(None, STYLE, symbol="o"),
                _curve(None, STYLE, Qt.PenStyle.DashLine, symbol="s"))
            for item, name in zip(samples, ("train (batches)", "train", "validation"), strict=True):
                self.legend.addItem(item, name)
        if not single:
            self.legends[group].addItem(s.epoch, key[len(group) + 1:] if key.startswith(group + "_") else key)
        self.series[key] = s
        if self._show_previous:
            self._apply_previous()
        self._fit_y(group)
        return s

    def _add_plot(self, group: str, title: str) -> None:
        """A cell: a header row (the title; with several outputs, the plot's
        quantities), then the plot.  The style legend is in a row above all."""
        if not self.plots:
            self.clear()
            self.legend = HeaderLegend(columns=5)
            self.addItem(self.legend, row=0, col=0, colspan=self.COLUMNS)
            self.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignHCenter)
        n = len(self.plots)
        cell = self.addLayout(row=1 + n // self.COLUMNS, col=n % self.COLUMNS, border=None)
        cell.setContentsMargins(0, 0, 0, 0)
        cell.addLabel(title, row=0, col=0, color="#333", size="10pt", bold=True, justify="left")
        if len(self.outputs) > 1:
            legend = self.legends[group] = HeaderLegend(columns=4)
            cell.addItem(legend, row=0, col=1)
            cell.layout.setAlignment(legend, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        plot = cell.addPlot(row=1, col=0, colspan=2, enableMenu=False)
        plot.showGrid(x=False, y=True, alpha=0.25)
        plot.setLabel("bottom", "epoch")
        plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)  # the last epoch's label too
        for side in ("left", "bottom"):  # the axis (with its grid) as a pixmap: most of a repaint's cost
            plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.enableAutoRange(y=False)
        self.plots[group] = plot
        self._apply_x(plot)

    def _apply_x(self, plot: pg.PlotItem) -> None:
        axis = plot.getAxis("bottom")
        if self._epochs:
            plot.setXRange(0, self._epochs, padding=0.02)
            axis.setTickSpacing(levels=[(epoch_step(self._epochs), 0)])
        else:  # not known yet (not the last run's): follow the data
            plot.enableAutoRange(x=True)
            axis.setTickSpacing()

    # ------------------------------------------------------------ data in
    def add_batch(self, epoch: int, step: int, steps: int | None, logs: dict[str, float]) -> None:
        x = epoch + (step / steps if steps else 0.0)
        for key, mean in logs.items():
            s = self._series(key)
            if s is not None:
                s.add_batch(x, step, mean)
        self._schedule()

    def epoch_begin(self) -> None:
        for s in self.series.values():
            s.new_epoch()

    def add_epoch(self, epoch: int, logs: dict[str, float]) -> None:
        for key in logs:
            s = self._series(key)
            if s is not None:
                s.add_epoch(epoch + 1, logs.get(key), logs.get("val_" + key))
        self._schedule()

    # ------------------------------------------------------------ drawing
    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start(max(0, int(1000 * (self._next_flush - time.monotonic()))))

    def flush(self) -> None:
        """Push every stored point to the curves now and fit the y ranges."""
        self._timer.stop()
        for group in self.plots:
            self._flush_plot(group)

    def _flush_plot(self, group: str) -> None:
        for s in self.series.values():
            if s.dirty and s.group == group:
                s.flush()
        self._fit_y(group)

    def _redraw_next(self) -> None:
        """Flush one plot (a repaint covers one plot), the next one at the next
        turn of the event loop; after the last, pause (see FLUSH_SHARE)."""
        t0 = time.monotonic()
        if self._cycle_start is None:
            self._cycle_start, self._cost_s = t0, 0.0
        dirty = list(dict.fromkeys(s.group for s in self.series.values() if s.dirty))
        if dirty:
            self._flush_plot(dirty[0])
        self._cost_s += time.monotonic() - t0
        if len(dirty) > 1:
            self._timer.start(0)
            return
        pause = min(max(MIN_FLUSH_MS / 1000, self._cost_s / FLUSH_SHARE), MAX_FLUSH_MS / 1000)
        self._next_flush, self._cycle_start = self._cycle_start + pause, None

    def paintEvent(self, ev) -> None:
        t0 = time.monotonic()
        super().paintEvent(ev)
        self._cost_s += time.monotonic() - t0  # counts in this round (or the next, for its last plot)

    def _fit_y(self, group: str) -> None:
        mine = [s for s in self.series.values() if s.group == group]
        each = [s.bounds for s in mine if s.bounds]
        b = (min(x[0] for x in each), max(x[1] for x in each)) if each else None
        shown = self._yrange.get(group)
        if all(is_fraction(s.key) for s in mine) and (b is None or (b[0] >= 0 and b[1] <= 1)):
            want = FRACTION_RANGE
        elif b is None:
            return
        else:
            want = padded_range(*b)
            if shown is not None:  # grow only, with headroom, so a rising curve seldom redraws the axis
                if shown[0] <= want[0] and want[1] <= shown[1]:
                    return
                head = 0.1 * (want[1] - want[0]) if want[1] > shown[1] else 0.0
                want = (min(shown[0], want[0]), max(shown[1], want[1] + head))
        if shown != want:
            self._yrange[group] = want
            self.plots[group].setYRange(*want, padding=0)

    # ------------------------------------------------------------ queries
    def point_counts(self) -> dict[str, dict[str, int]]:
        """Points plotted per quantity: {"loss": {"batch": n, "epoch": n, "val": n,
        "previous": n}} (tests).  Flushes first, so it does not wait for the timer."""
        self.flush()
        return {key: {name: len(item.xData) if item.xData is not None else 0
                      for name, item in (("batch", s.batch), ("epoch", s.epoch), ("val", s.val),
                                         ("previous", s.prev))}
                for key, s in self.series.items()}


def _title(key: str) -> str:
    return {"loss": "loss", "accuracy": "accuracy", "mae": "mean absolute error",
            "mse": "mean squared error"}.get(key, key.replace("_", " "))
