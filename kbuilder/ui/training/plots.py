"""Live training curves with pyqtgraph.

One plot per quantity (loss, accuracy, ...) for a one-output model; with
several outputs, a plot of the total loss and one per output.  Each
quantity has up to four curves: per batch (smoothed, thin), per epoch
(train), per epoch (validation, dashed), the previous run's (grey).

Legends sit in header rows, never over a curve: a row above the plots
says what each line style is; with several outputs, each plot's title row
names its quantities by colour.

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

import time

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QGraphicsItem

from kbuilder.core.i18n import translating
from kbuilder.ui.training.plot_series import (
    FRACTION_RANGE,
    SKIP,
    STYLE,
    HeaderLegend,
    Series,
    epoch_step,
    is_fraction,
    make_curve,
    padded_range,
)

MIN_FLUSH_MS = 200  # at most 5 redraws a second
FLUSH_SHARE = 0.03  # pause so that redrawing takes at most ~3% of the UI thread (a busy machine: fewer)
MAX_FLUSH_MS = 1000


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
        self._mark: int | None = None  # the epoch the coach's advice points at (a vertical line)
        self._mark_lines: dict[str, pg.InfiniteLine] = {}
        self.show_placeholder()

    def show_placeholder(self) -> None:
        """No run yet: forget everything and say where the curves will come."""
        self.begin([])
        self.addItem(pg.LabelItem(self.tr("Curves appear here when training starts."), color="#666"))

    # ------------------------------------------------------------ run life
    def begin(self, outputs: list[str]) -> None:
        """A new run: forget the curves and the epoch count (the previous run is kept)."""
        self._timer.stop()
        self.clear()
        self.outputs = list(outputs)
        for d in (self.plots, self.series, self.legends, self._yrange, self._mark_lines):
            d.clear()
        self._mark = None
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
            for item, name in ((first.prev, self.tr("train (previous run)")),
                               (first.prev_val, self.tr("validation (previous run)"))):
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
                    return out, self.tr("output {name}").format(name=out)
            return "loss", self.tr("total loss")
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
                make_curve(None, STYLE, width=1), make_curve(None, STYLE, symbol="o"),
                make_curve(None, STYLE, Qt.PenStyle.DashLine, symbol="s"))
            names = (self.tr("train (batches)"), self.tr("train"), self.tr("validation"))
            for item, name in zip(samples, names, strict=True):
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
        plot.setLabel("bottom", self.tr("epoch"))
        plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)  # the last epoch's label too
        for side in ("left", "bottom"):  # the axis (with its grid) as a pixmap: most of a repaint's cost
            plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.enableAutoRange(y=False)
        self.plots[group] = plot
        self._draw_mark(group)
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
    def mark_epoch(self, epoch: int | None) -> None:
        """A vertical line at ``epoch`` (1-based, where that epoch's points are)
        on every plot: the epoch the coach's advice points at; None: no line."""
        self._mark = int(epoch) if epoch else None
        for group in self.plots:
            self._draw_mark(group)

    def marked_epoch(self) -> int | None:
        return self._mark

    def _draw_mark(self, group: str) -> None:
        line = self._mark_lines.get(group)
        if self._mark is None:
            if line is not None:
                line.hide()
            return
        if line is None:
            line = self._mark_lines[group] = pg.InfiniteLine(
                angle=90, movable=False, pen=pg.mkPen("#d9822b", width=1.5, style=Qt.PenStyle.DashLine))
            self.plots[group].addItem(line, ignoreBounds=True)
        line.setPos(self._mark)
        line.setToolTip(self.tr("The coach's advice points at epoch {epoch}").format(epoch=self._mark))
        line.show()

    def point_counts(self) -> dict[str, dict[str, int]]:
        """Points plotted per quantity: {"loss": {"batch": n, "epoch": n, "val": n,
        "previous": n}} (tests).  Flushes first, so it does not wait for the timer."""
        self.flush()
        return {key: {name: len(item.xData) if item.xData is not None else 0
                      for name, item in (("batch", s.batch), ("epoch", s.epoch), ("val", s.val),
                                         ("previous", s.prev))}
                for key, s in self.series.items()}


def metric_word(key: str) -> str:
    """A metric's name where a figure is given: the Keras name, in another
    language the learner's word for loss and accuracy."""
    if translating() and key in ("loss", "accuracy"):
        return (QCoreApplication.translate("CurvesView", "loss") if key == "loss"
                else QCoreApplication.translate("CurvesView", "accuracy"))
    return key


def _title(key: str) -> str:
    """A plot's title: the Keras log name, or the words of an abbreviation."""
    if key == "mae":
        return QCoreApplication.translate("CurvesView", "mean absolute error")
    if key == "mse":
        return QCoreApplication.translate("CurvesView", "mean squared error")
    word = metric_word(key)
    if word != key:  # the learner's word, with the Keras name beside it
        return f"{word} ({key})"
    return key.replace("_", " ")
