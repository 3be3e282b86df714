"""Live training curves with pyqtgraph.

One plot per quantity (loss, accuracy, ...) for a one-output model; for a
model with several outputs, a plot of the total loss and one plot per
output with that output's loss and metrics.  Each quantity has up to four
curves: per batch (smoothed, thin), per epoch (train), per epoch
(validation, dashed), and the previous run's epochs (grey) when comparing.

Batch logs from Keras are running means since the start of the epoch; the
value of the batches since the last update is recovered from two running
means (``(n2*m2 - n1*m1) / (n2 - n1)``) and then smoothed, so the batch
curve shows the recent batches, not a lagging average.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

SKIP = {"learning_rate", "lr"}
TRAIN = (31, 119, 180)
VAL = (255, 127, 14)
PREV = (150, 150, 150)
SMOOTH = 0.3  # weight of the new value in the moving average


class Series:
    """The curves of one quantity (``key``: a Keras log name without ``val_``)."""

    def __init__(self, plot: pg.PlotItem, key: str, label: str, color_index: int) -> None:
        self.key = key
        shade = pg.intColor(color_index, hues=8) if color_index else pg.mkColor(TRAIN)
        vshade = pg.intColor(color_index + 4, hues=8) if color_index else pg.mkColor(VAL)
        light = pg.mkColor(shade)
        light.setAlpha(110)
        self.batch = plot.plot([], [], pen=pg.mkPen(light, width=1), name=f"{label} (batches)")
        self.epoch = plot.plot([], [], pen=pg.mkPen(shade, width=2), symbol="o", symbolSize=6,
                               symbolBrush=shade, symbolPen=None, name=label)
        vlabel = "validation" if label == "train" else f"val {label}"
        self.val = plot.plot([], [], pen=pg.mkPen(vshade, width=2, style=Qt.PenStyle.DashLine), symbol="s",
                             symbolSize=6, symbolBrush=vshade, symbolPen=None, name=vlabel)
        # Not in the legend until there is a previous run to show.
        self.prev = plot.plot([], [], pen=pg.mkPen(PREV, width=1.5, style=Qt.PenStyle.DotLine))
        self.prev_val = plot.plot([], [], pen=pg.mkPen(PREV, width=1.5, style=Qt.PenStyle.DashDotLine))
        self._plot = plot
        self._label = label
        self._vlabel = vlabel
        self._in_legend = False
        self.bx: list[float] = []
        self.by: list[float] = []
        self.ex: list[float] = []
        self.ey: list[float] = []
        self.vx: list[float] = []
        self.vy: list[float] = []
        self._smooth: float | None = None
        self._last_step = 0
        self._last_mean = 0.0

    def new_epoch(self) -> None:
        self._last_step, self._last_mean = 0, 0.0

    def add_batch(self, x: float, step: int, mean: float) -> None:
        if not math.isfinite(mean):
            return
        n = step - self._last_step
        value = (step * mean - self._last_step * self._last_mean) / n if n > 0 else mean
        self._last_step, self._last_mean = step, mean
        self._smooth = value if self._smooth is None else SMOOTH * value + (1 - SMOOTH) * self._smooth
        self.bx.append(x)
        self.by.append(self._smooth)

    def flush(self) -> None:
        self.batch.setData(self.bx, self.by)

    def add_epoch(self, epoch: int, value: float | None, val: float | None) -> None:
        if value is not None and math.isfinite(value):
            self.ex.append(epoch)
            self.ey.append(value)
            self.epoch.setData(self.ex, self.ey)
        if val is not None and math.isfinite(val):
            self.vx.append(epoch)
            self.vy.append(val)
            self.val.setData(self.vx, self.vy)

    def set_previous(self, history: dict[str, list[float]] | None) -> None:
        history = history or {}
        for item, key in ((self.prev, self.key), (self.prev_val, "val_" + self.key)):
            ys = [v for v in history.get(key, []) if v is not None]
            item.setData(list(range(1, len(ys) + 1)), ys)
        legend = self._plot.legend
        if history and not self._in_legend and legend is not None:
            legend.addItem(self.prev, f"{self._label} (previous run)")
            legend.addItem(self.prev_val, f"{self._vlabel} (previous run)")
            self._in_legend = True
        elif not history and self._in_legend and legend is not None:
            legend.removeItem(self.prev)
            legend.removeItem(self.prev_val)
            self._in_legend = False


class CurvesView(pg.GraphicsLayoutWidget):
    """The curves of one run (plus, optionally, the previous run's)."""

    COLUMNS = 3

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setMinimumHeight(160)
        self.outputs: list[str] = []
        self.plots: dict[str, pg.PlotItem] = {}
        self.series: dict[str, Series] = {}
        self._previous: dict[str, list[float]] | None = None
        self._epochs = 0
        # Per plot: the y range shown.  It only grows (with a margin), so the
        # axes are redrawn when a value leaves it, not at every update: the
        # axis redraw is most of a repaint's cost.
        self._yrange: dict[str, list[float]] = {}
        self._show_previous = False
        self._placeholder()

    def _placeholder(self) -> None:
        self.clear()
        label = pg.LabelItem("Curves appear here when training starts.", color="#666")
        self.addItem(label)

    # ------------------------------------------------------------ run life
    def begin(self, outputs: list[str]) -> None:
        """A new run: forget the curves (the previous run is kept separately)."""
        self.clear()
        self.outputs = list(outputs)
        self.plots.clear()
        self.series.clear()
        self._yrange.clear()

    def prepare(self, keys: list[str]) -> None:
        """Create the plots and curves for these log names ahead of the data."""
        for key in keys:
            self._series(key)

    def set_epochs(self, epochs: int) -> None:
        """Fix the x axis to 0..epochs (no re-ranging while training)."""
        self._epochs = int(epochs)
        for plot in self.plots.values():
            plot.setXRange(0, max(self._epochs, 1), padding=0.02)

    def set_previous(self, history: dict[str, list[float]] | None) -> None:
        self._previous = history
        self._apply_previous()

    def show_previous(self, on: bool) -> None:
        self._show_previous = bool(on)
        self._apply_previous()

    def _apply_previous(self) -> None:
        for s in self.series.values():
            s.set_previous(self._previous if self._show_previous else None)

    # ------------------------------------------------------------ grouping
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
        plot = self.plots.get(group)
        if plot is None:
            if not self.plots:
                self.clear()
            n = len(self.plots)
            plot = self.addPlot(row=n // self.COLUMNS, col=n % self.COLUMNS, title=title)
            plot.showGrid(x=True, y=True, alpha=0.25)
            plot.setLabel("bottom", "epoch")
            legend = plot.addLegend(offset=(-4, 4), labelTextSize="8pt")
            # Axes and legend as cached pixmaps: a curve update then repaints
            # the curves, not the tick labels and the legend text.
            for item in [legend] + [plot.getAxis(a) for a in ("left", "bottom")]:
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            plot.setMenuEnabled(False)
            plot.enableAutoRange(y=False)
            if self._epochs:
                plot.setXRange(0, self._epochs, padding=0.02)
            self.plots[group] = plot
        label = key if len(self.outputs) > 1 else "train"
        index = sum(1 for other in self.series.values() if self._group(other.key)[0] == group)
        s = Series(plot, key, label, index)
        self.series[key] = s
        if self._show_previous:
            s.set_previous(self._previous)
        return s

    # ------------------------------------------------------------ data in
    def add_batch(self, epoch: int, step: int, steps: int | None, logs: dict[str, float]) -> None:
        x = epoch + (step / steps if steps else 0.0)
        for key, mean in logs.items():
            s = self._series(key)
            if s is not None:
                s.add_batch(x, step, mean)
                s.flush()
                if s.by:
                    self._fit_y(key, s.by[-1])

    def epoch_begin(self) -> None:
        for s in self.series.values():
            s.new_epoch()

    def add_epoch(self, epoch: int, logs: dict[str, float]) -> None:
        for key in logs:
            s = self._series(key)
            if s is not None:
                s.add_epoch(epoch + 1, logs.get(key), logs.get("val_" + key))
                for v in (logs.get(key), logs.get("val_" + key)):
                    if v is not None:
                        self._fit_y(key, v)

    def _fit_y(self, key: str, value: float) -> None:
        if not math.isfinite(value):
            return
        group = self._group(key)[0]
        plot = self.plots.get(group)
        if plot is None:
            return
        r = self._yrange.get(group)
        if r is not None and r[0] <= value <= r[1]:
            return
        lo, hi = (value, value) if r is None else (min(r[0], value), max(r[1], value))
        pad = max((hi - lo) * 0.15, abs(hi) * 0.05, 1e-3)
        r = [lo - pad if (r is None or value < r[0]) else lo, hi + pad if (r is None or value > r[1]) else hi]
        self._yrange[group] = r
        plot.setYRange(r[0], r[1], padding=0)

    # ------------------------------------------------------------ queries
    def point_counts(self) -> dict[str, dict[str, int]]:
        """Points plotted per quantity: {"loss": {"batch": n, "epoch": n, "val": n}} (tests)."""
        out = {}
        for key, s in self.series.items():
            out[key] = {
                name: len(item.xData) if item.xData is not None else 0
                for name, item in (("batch", s.batch), ("epoch", s.epoch), ("val", s.val), ("previous", s.prev))
            }
        return out


def _title(key: str) -> str:
    return {"loss": "loss", "accuracy": "accuracy", "mae": "mean absolute error",
            "mse": "mean squared error"}.get(key, key.replace("_", " "))
