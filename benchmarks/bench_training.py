"""What watching training costs: UI stalls and speed, live panel against a plain fit.

The live runs drive the real :class:`TrainingPanel` through its public
slots, as a user does: the digits template's graph is given to the panel,
its own settings are loaded (``load_training_settings``), ``train()`` is
called, and the Qt event loop runs until the panel is no longer busy.  The
baseline is a plain ``model.fit(verbose=0)`` of the same graph on the same
prepared data (no callbacks that touch batches), on a background thread
while the same panel sits idle on screen (at the interpreter's default
switch interval; the panel's training jobs run at 1 ms, see
``kbuilder/ui/training/worker.py``).  Plain and live runs alternate so
that load from other processes hits both alike.

The stall meter is a 5 ms QTimer on the UI thread; each gap between two of
its ticks (QElapsedTimer) is a sample, kept only while training and after
the first epoch (tracing holds the interpreter for long stretches in both
kinds of run).  Prints the longest gap and the 99th percentile per run and
their medians over the rounds; asserts nothing about time.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_training.py [--rounds 3] [--epochs 12] [--batch-size 8]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kbuilder.layers.backend import keras  # noqa: E402
from kbuilder.project import kbproj  # noqa: E402
from kbuilder.project.templates import template_path  # noqa: E402
from kbuilder.training.config import TrainConfig  # noqa: E402
from kbuilder.training.session import TrainingSession  # noqa: E402
from kbuilder.ui.training.panel import TrainingPanel  # noqa: E402

DIRECT = Qt.ConnectionType.DirectConnection


class StallMeter:
    """Gaps between the ticks of a 5 ms QTimer on the UI thread, with the
    monotonic time of each tick, so that a window can be cut out later."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.ticks: list[tuple[float, float]] = []  # (time.monotonic(), gap in s)

    def start(self) -> None:
        self.ticks = []
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.ticks.append((time.monotonic(), self.clock.nsecsElapsed() / 1e9))
        self.clock.restart()

    def stop(self) -> None:
        self.timer.stop()

    def gaps(self, t0: float, t1: float) -> list[float]:
        """The gaps that ended inside [t0, t1]."""
        return [gap for t, gap in self.ticks if t0 <= t <= t1]


def spin_until(app: QApplication, done) -> None:
    """Run the Qt event loop (as the app does) until ``done()`` is true."""
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if done() else None)
    poll.start()
    loop.exec()
    poll.stop()
    app.processEvents()


def live_run(app, panel: TrainingPanel, settings: dict, meter: StallMeter) -> dict:
    """One run through the panel: Train, then the event loop until not busy."""
    ends: list[float] = []  # monotonic time of each epoch's end, on the training thread
    fit_end: list[float] = []
    panel.load_training_settings(settings)

    def on_epoch(_p):
        ends.append(time.monotonic())

    def on_status(text):
        if text.startswith("Evaluating") and not fit_end:
            fit_end.append(time.monotonic())

    meter.start()
    panel.train()  # queues the job; the model takes a while to build, so connecting now is in time
    w = panel.worker
    w.epoch.connect(on_epoch, DIRECT)
    w.status.connect(on_status, DIRECT)
    spin_until(app, lambda: not panel.busy)
    meter.stop()
    w.epoch.disconnect(on_epoch)
    w.status.disconnect(on_status)
    if panel.result is None:
        raise SystemExit(f"the live run failed: {panel.status.text()}")
    end = fit_end[0] if fit_end else ends[-1]
    return summary(meter.gaps(ends[0], end), ends)


def plain_run(app, graph, cfg, workdir: Path, meter: StallMeter) -> dict:
    """The same graph and data, ``model.fit(verbose=0)`` on a plain thread."""
    k = keras()
    session = TrainingSession(graph.copy(), cfg, workdir=workdir)
    session.build()
    session.prepare()
    prep, model = session.prepared, session.model
    x, y = prep.xy("train")
    val = prep.xy("val") if prep.n("val") else None
    ends: list[float] = []

    class EpochEnds(k.callbacks.Callback):
        """Epoch hooks only: Keras keeps its fast batch path."""

        def on_epoch_end(self, epoch, logs=None):
            ends.append(time.monotonic())

    done = threading.Event()
    errors: list[BaseException] = []

    def fit():
        try:
            model.fit(x, y, epochs=int(cfg.epochs), batch_size=int(cfg.batch_size), shuffle=bool(cfg.shuffle),
                      validation_data=val, callbacks=[EpochEnds()], verbose=0)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            done.set()

    meter.start()
    thread = threading.Thread(target=fit, name="plain-fit")
    thread.start()
    spin_until(app, done.is_set)
    thread.join()
    meter.stop()
    if errors:
        raise errors[0]
    return summary(meter.gaps(ends[0], ends[-1]), ends)


def summary(gaps: list[float], ends: list[float]) -> dict:
    epochs = np.diff(ends)  # epoch 2 onwards: the first one traces
    return {"max": max(gaps) if gaps else 0.0, "p99": float(np.percentile(gaps, 99)) if gaps else 0.0,
            "ticks": len(gaps), "epoch_s": float(np.median(epochs)) if len(epochs) else 0.0}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--batch-size", type=int, default=8)
    args = ap.parse_args()

    app = QApplication.instance() or QApplication([])
    keras().config.disable_interactive_logging()
    project = kbproj.load(template_path("digits_classifier"))
    settings = dict(project.settings.get("training") or {})
    settings.update(epochs=args.epochs, batch_size=args.batch_size)
    workdir = Path(tempfile.mkdtemp(prefix="kbuilder-bench-"))
    panel = TrainingPanel(project.graph)
    panel.set_workdir(workdir)
    panel.resize(1250, 560)
    panel.show()
    app.processEvents()
    cfg = TrainConfig.from_dict(settings)
    print(f"digits template, {args.epochs} epochs, batch {args.batch_size}, {args.rounds} rounds; "
          f"sys.getswitchinterval() = {sys.getswitchinterval() * 1000:.1f} ms at start")

    meter = StallMeter()
    runs: dict[str, list[dict]] = {"plain": [], "live": []}
    for r in range(args.rounds):
        for kind in ("plain", "live"):
            if kind == "plain":
                s = plain_run(app, project.graph, cfg, workdir, meter)
            else:
                s = live_run(app, panel, settings, meter)
            runs[kind].append(s)
            print(f"round {r + 1} {kind:5s}: {s['epoch_s']:.3f} s/epoch, longest UI stall {1000 * s['max']:.1f} ms, "
                  f"99th percentile {1000 * s['p99']:.1f} ms ({s['ticks']} ticks)")
    med = {kind: {key: statistics.median(s[key] for s in rs) for key in ("max", "p99", "epoch_s")}
           for kind, rs in runs.items()}
    p, lv = med["plain"], med["live"]
    points = panel.curves.point_counts().get("loss", {})
    print()
    print(f"median of {args.rounds}    longest stall   99th pct   s/epoch")
    for kind, label in (("plain", "plain fit"), ("live", "live panel")):
        m = med[kind]
        print(f"{label:15s} {1000 * m['max']:10.1f} ms {1000 * m['p99']:7.1f} ms {m['epoch_s']:9.3f}")
    print(f"ratio live/plain: longest stall {lv['max'] / p['max']:.2f}, 99th percentile {lv['p99'] / p['p99']:.2f}, "
          f"s/epoch {lv['epoch_s'] / p['epoch_s']:.3f}")
    print("aim: live longest stall <= 50 ms, 99th percentile <= 15 ms")
    print(f"points in the last live run's loss plot: {points}")
    panel.detach()
    return 0


if __name__ == "__main__":
    sys.exit(main())
