"""What watching training costs.

Seconds per epoch of plain ``model.fit(verbose=0)`` against ``model.fit``
with kbuilder's live callback connected to the real training panel
(offscreen), in one run, printed as a ratio (aim: <= 1.03); and the longest
stall of the Qt event loop while training (aim: <= 50 ms).

Both kinds of fit run on a background thread while the UI thread runs the
Qt event loop, as in the app; they alternate (plain, live, plain, live, ...)
so that load from other processes hits both alike.  The first epoch of each
fit (tracing) is left out.  Prints figures; asserts nothing about time.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_training.py [--rounds 3] [--epochs 4]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kbuilder.core.graph import Graph  # noqa: E402
from kbuilder.keras_io.backend import keras  # noqa: E402
from kbuilder.training.live_callback import TrainingControl, make_live_callback  # noqa: E402
from kbuilder.ui.training_panel import TrainingPanel, TrainingWorker  # noqa: E402


def data(repeat: int):
    from sklearn.datasets import load_digits

    d = load_digits()
    x = np.tile((d.data / 16.0).astype("float32"), (repeat, 1))
    y = np.tile(d.target.astype("int64"), repeat)
    return x, y


def model(k, seed: int):
    k.utils.set_random_seed(seed)
    inp = k.Input((64,), name="img")
    h = k.layers.Dense(128, activation="relu")(inp)
    h = k.layers.Dense(64, activation="relu")(h)
    out = k.layers.Dense(10, activation="softmax", name="out")(h)
    m = k.Model(inp, out)
    m.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
    return m


def make_epoch_timer(k):
    class EpochTimer(k.callbacks.Callback):
        """Only epoch hooks: Keras keeps its async batch dispatch."""

        def __init__(self):
            super().__init__()
            self.times: list[float] = []

        def on_epoch_begin(self, epoch, logs=None):
            self._t = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.times.append(time.perf_counter() - self._t)

    return EpochTimer()


class StallMeter:
    """Longest gap between ticks of a 5 ms QTimer on the UI thread."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []

    def start(self) -> None:
        self.gaps = []
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.gaps.append(self.clock.restart() / 1000.0)

    def stop(self) -> None:
        self.timer.stop()


def fit_in_background(app, m, x, y, epochs, batch, callbacks, meter):
    done = threading.Event()
    err: list[BaseException] = []

    def run():
        try:
            m.fit(x, y, epochs=epochs, batch_size=batch, verbose=0, callbacks=callbacks, validation_split=0.1)
        except BaseException as exc:  # noqa: BLE001
            err.append(exc)
        finally:
            done.set()

    t = threading.Thread(target=run)
    meter.start()
    t.start()
    while not done.is_set():
        app.processEvents()
        time.sleep(0.001)
    t.join()
    app.processEvents()
    meter.stop()
    if err:
        raise err[0]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=4, help="copies of the digits data (1,797 samples each)")
    args = ap.parse_args()

    app = QApplication.instance() or QApplication([])
    k = keras()
    k.config.disable_interactive_logging()
    x, y = data(args.repeat)
    g = Graph("bench")
    i = g.add_input((64,), name="img")
    g.add("Dense", name="out", inputs=[i], units=10, activation="softmax")
    panel = TrainingPanel(g)
    panel.resize(1250, 560)
    panel.show()
    worker = TrainingWorker()
    # The same queued connections the panel makes for a run.
    panel.worker = worker
    from kbuilder.ui.training_panel import Q

    worker.batch.connect(panel._on_batch, Q)
    worker.epoch.connect(panel._on_epoch, Q)
    worker.epoch_begin.connect(panel._on_epoch_begin, Q)
    worker.run_begin.connect(panel._on_run_begin, Q)
    app.processEvents()

    meter = StallMeter()
    plain, live, stall_plain, stall_live, updates = [], [], [], [], 0
    steps = int(np.ceil(len(x) * 0.9 / args.batch_size))
    print(f"{len(x)} samples, {steps} steps per epoch, batch {args.batch_size}, {args.epochs} epochs per fit, "
          f"{args.rounds} rounds")
    for r in range(args.rounds):
        for kind in ("plain", "live"):
            m = model(k, seed=r)
            timer = make_epoch_timer(k)
            callbacks = [timer]
            if kind == "live":
                panel.curves.begin(["out"])
                panel.curves.prepare(["loss", "accuracy"])  # as the panel does when the model is built
                panel.curves.set_epochs(args.epochs)
                app.processEvents()
                batch_points = []
                worker.batch.connect(lambda p, bp=batch_points: bp.append(1))
                callbacks.insert(0, make_live_callback(worker._emit, TrainingControl()))
            fit_in_background(app, m, x, y, args.epochs, args.batch_size, callbacks, meter)
            epoch_s = statistics.median(timer.times[1:]) if len(timer.times) > 1 else timer.times[0]
            stall = max(meter.gaps) if meter.gaps else 0.0
            p99 = float(np.percentile(meter.gaps, 99)) if meter.gaps else 0.0
            if kind == "plain":
                plain.append(epoch_s)
                stall_plain.append(stall)
            else:
                live.append(epoch_s)
                stall_live.append(stall)
                updates = panel.curves.point_counts().get("loss", {}).get("batch", 0)
                worker.batch.disconnect()
                worker.batch.connect(panel._on_batch, Q)
            print(f"round {r + 1} {kind:5s}: {epoch_s:.3f} s/epoch, longest UI stall {1000 * stall:.1f} ms, "
                  f"99th percentile {1000 * p99:.1f} ms")
    p, lv = statistics.median(plain), statistics.median(live)
    secs = args.epochs * lv
    print()
    print(f"plain fit:        {p:.3f} s/epoch (median)")
    print(f"fit + live panel: {lv:.3f} s/epoch (median)")
    print(f"ratio live/plain: {lv / p:.3f}  (aim <= 1.03)")
    print(f"longest Qt event-loop stall while training with the panel: {1000 * max(stall_live):.1f} ms "
          f"(plain fit: {1000 * max(stall_plain):.1f} ms; aim <= 50 ms)")
    print(f"batch points plotted in the last live fit: {updates} over ~{secs:.1f} s "
          f"(~{updates / secs:.1f} updates/s; throttle 10/s)")
    panel.detach()
    return 0


if __name__ == "__main__":
    sys.exit(main())
