"""The live curves, driven as the training panel drives them (begin, prepare,
set_epochs, epoch_begin, add_batch, add_epoch), checked on pyqtgraph's own
state: view ranges, the tick values and labels the axes draw, where the
legends are."""

from __future__ import annotations

import math

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from kbuilder.ui.training.plots import CurvesView

STEPS = 20


@pytest.fixture
def view(qtbot):
    v = CurvesView()
    qtbot.addWidget(v)
    v.resize(900, 330)
    v.show()
    qtbot.waitExposed(v)
    return v


def run(view, qapp, epochs=10, outputs=("out",), loss=(2.3, 0.8), acc=(0.1, 0.9), previous=None):
    """One run as the panel shows it: the model is ready, the run begins, then
    per epoch its batch updates and its end (loss and accuracy go from the
    first to the second value of ``loss`` / ``acc``)."""
    view.begin(list(outputs))
    view.prepare(["loss", "accuracy"])  # the panel's _on_model_ready
    if previous is not None:
        view.set_previous(previous)
        view.show_previous(True)
    view.set_epochs(epochs)  # the panel's _on_run_begin
    for e in range(epochs):
        view.epoch_begin()
        done = 0.0
        for step in range(1, STEPS + 1):
            t = (e + step / STEPS) / epochs
            done += t
            mean = done / step
            logs = {"loss": loss[0] + (loss[1] - loss[0]) * mean, "accuracy": acc[0] + (acc[1] - acc[0]) * mean}
            if step % 4 == 0:
                view.add_batch(e, step, STEPS, logs)
        end = (e + 1) / epochs
        logs = {"loss": loss[0] + (loss[1] - loss[0]) * end, "accuracy": acc[0] + (acc[1] - acc[0]) * end}
        logs.update({"val_loss": logs["loss"] * 1.05, "val_accuracy": logs["accuracy"] * 0.97})
        view.add_epoch(e, logs)
    view.point_counts()  # the points are on the curves now
    qapp.processEvents()  # and the layout is settled


def y_range(view, group):
    return view.plots[group].getViewBox().viewRange()[1]


def x_range(view, group):
    return view.plots[group].getViewBox().viewRange()[0]


def major_ticks(plot, side):
    """The major tick values the axis computes for its current range."""
    vb = plot.getViewBox()
    lo, hi = vb.viewRange()[1 if side == "left" else 0]
    size = vb.height() if side == "left" else vb.width()
    return plot.getAxis(side).tickValues(lo, hi, size)[0][1]


def drawn_labels(plot, side):
    """The tick label texts the axis draws (pyqtgraph leaves out those that do not fit)."""
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = plot.getAxis(side).generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in specs[2]]


def plotted(view, group):
    """Every y value drawn in a plot (batch, epoch and validation curves)."""
    ys = []
    for s in view.series.values():
        if view.plots.get(group) is not None and s.epoch in view.plots[group].listDataItems():
            for item in (s.batch, s.epoch, s.val):
                ys += [float(y) for y in item.yData]
    return ys


def test_accuracy_axis_is_0_to_1_with_1_a_tick_and_room_above(view, qapp):
    run(view, qapp, acc=(0.1, 0.9))
    lo, hi = y_range(view, "accuracy")
    assert lo <= 0 and 1.0 < hi <= 1.1
    assert hi - 1.0 >= 0.03 * (hi - lo)  # a line at 1.0 does not touch the top edge
    ticks = major_ticks(view.plots["accuracy"], "left")
    assert any(math.isclose(t, 1.0) for t in ticks) and any(math.isclose(t, 0.0, abs_tol=1e-9) for t in ticks)
    labels = drawn_labels(view.plots["accuracy"], "left")
    assert "1.0" in labels or "1" in labels
    assert "0" in labels or "0.0" in labels


def test_loss_axis_starts_at_zero_with_room_above_the_highest_point(view, qapp):
    run(view, qapp, loss=(2.3, 0.8))
    lo, hi = y_range(view, "loss")
    ys = plotted(view, "loss")
    span = hi - lo
    assert lo <= 0 <= lo + 0.1 * span  # 0 shown, near the bottom edge
    assert max(ys) + 0.03 * span <= hi <= 1.5 * max(ys)  # room above, not a squashed curve
    assert "0" in drawn_labels(view.plots["loss"], "left")


def test_the_previous_run_is_inside_the_y_range_when_compared(view, qapp):
    run(view, qapp, loss=(2.3, 0.8), previous={"loss": [4.0, 3.0], "val_loss": [4.5, 3.5]})
    lo, hi = y_range(view, "loss")
    assert lo <= 0 and hi > 4.5
    assert view.point_counts()["loss"]["previous"] == 2


def test_x_axis_spans_this_runs_epochs_in_whole_epochs(view, qapp):
    run(view, qapp, epochs=20)
    assert x_range(view, "loss")[1] >= 20
    # The next run's model is ready before its epoch count is known: no stale 0..20.
    view.begin(["out"])
    view.prepare(["loss", "accuracy"])
    qapp.processEvents()
    assert all(x_range(view, g)[1] < 20 for g in view.plots)
    run(view, qapp, epochs=10)
    for group, plot in view.plots.items():
        lo, hi = x_range(view, group)
        assert -0.5 <= lo <= 0 and 10 <= hi <= 10.5, group
        ticks = major_ticks(plot, "bottom")
        assert all(float(t).is_integer() for t in ticks) and 10 in ticks
        assert "10" in drawn_labels(plot, "bottom"), group  # the right-most plot's last label too
    run(view, qapp, epochs=3)
    for plot in view.plots.values():
        assert sorted(major_ticks(plot, "bottom")) == [0, 1, 2, 3]  # no "epoch 0.5"


@pytest.mark.parametrize("outputs", [("out",), ("age", "gender")])
def test_legends_are_outside_the_plot_areas(view, qapp, outputs):
    previous = {"loss": [2.0, 1.5], "val_loss": [2.1, 1.6], "accuracy": [0.3, 0.5], "val_accuracy": [0.3, 0.4]}
    run(view, qapp, outputs=outputs, previous=previous)
    legends = [item for item in view.scene().items() if isinstance(item, pg.LegendItem)]
    assert legends
    boxes = [plot.getViewBox().sceneBoundingRect() for plot in view.plots.values()]
    for legend in legends:
        rect = legend.sceneBoundingRect()
        assert rect.width() > 0 and rect.height() > 0
        assert QRectF(view.rect()).contains(rect)  # on screen, whole
        for box in boxes:
            assert not rect.intersects(box)


def test_a_burst_of_updates_draws_once(view, qapp, qtbot):
    """Queued batch signals arrive in bursts when the UI thread was busy: the
    curves take the points of a burst in one redraw, not one per signal."""
    view.begin(["out"])
    view.prepare(["loss", "accuracy"])
    view.set_epochs(2)
    qapp.processEvents()
    loss = view.series["loss"]
    changes = []
    loss.batch.sigPlotChanged.connect(lambda *_: changes.append(1))
    view.epoch_begin()
    for step in range(1, 51):
        view.add_batch(0, step, 50, {"loss": 2.0 - step / 100, "accuracy": step / 100})
    qtbot.waitUntil(lambda: len(changes) >= 1)
    qapp.processEvents()
    assert len(changes) == 1
    assert len(loss.batch.xData) == 50
    view.add_batch(0, 51, 52, {"loss": 1.0, "accuracy": 0.5})
    view.begin([])  # a new run before the next redraw: nothing of the old one comes back
    qapp.processEvents()
    assert view.point_counts() == {}


def test_fraction_metrics_are_known_by_name():
    from kbuilder.ui.training.plot_series import is_fraction

    names = ("accuracy", "val_accuracy", "out_binary_accuracy", "auc_1", "precision", "recall",
             "top_k_categorical_accuracy", "loss", "mae", "val_loss", "out_mse", "r2_score")
    assert [k for k in names if is_fraction(k)] == list(names[:7])
