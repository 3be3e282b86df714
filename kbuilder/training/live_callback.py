"""A Keras callback that streams training progress to a listener, throttled.

No Qt here: the callback calls ``emit(kind, payload)``; the UI passes the
``emit`` of a Qt signal (queued to slots on the UI thread), the command line
passes a printer.  Payloads are plain dicts of Python floats.

Cost: Keras dispatches ``on_train_batch_end`` to a background thread when
every callback says it is ``async_safe``, and turns the logs into floats
there.  This callback is async-safe (it only reads the logs, sets
``model.stop_training`` and emits), so adding it keeps Keras's fast path;
it emits at most ``rate`` batch updates a second.  Pause blocks in
``on_train_batch_begin``, which Keras calls on the training thread.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Any

from kbuilder.layers.backend import keras

Emit = Callable[[str, dict], None]


class TrainingControl:
    """Stop / pause / resume, shared by the UI thread and the training thread."""

    def __init__(self) -> None:
        self._run = threading.Event()
        self._run.set()
        self.stop_requested = False
        self.model = None

    def stop(self) -> None:
        self.stop_requested = True
        model = self.model
        if model is not None:
            model.stop_training = True
            model.stop_evaluating = True
        self._run.set()

    def pause(self) -> None:
        if not self.stop_requested:
            self._run.clear()

    def resume(self) -> None:
        self._run.set()

    @property
    def paused(self) -> bool:
        return not self._run.is_set()

    def wait_if_paused(self) -> float:
        """Block while paused; return the seconds spent waiting."""
        if self._run.is_set():
            return 0.0
        t0 = time.monotonic()
        while not self._run.wait(0.1):
            pass
        return time.monotonic() - t0


def make_live_callback(emit: Emit, control: TrainingControl | None = None, rate: float = 10.0,
                       stop_on_nan: bool = True):
    """Build the callback (a keras.callbacks.Callback subclass, made lazily so
    this module imports without Keras)."""
    return _callback_class()(emit, control or TrainingControl(), rate, stop_on_nan)


_CLASS = None


def _callback_class():
    global _CLASS
    if _CLASS is not None:
        return _CLASS
    k = keras()

    class LiveCallback(k.callbacks.Callback):
        async_safe = True  # see the module docstring

        def __init__(self, emit: Emit, control: TrainingControl, rate: float, stop_on_nan: bool) -> None:
            super().__init__()
            self.emit = emit
            self.control = control
            self.interval = 1.0 / rate if rate > 0 else 0.0
            self.stop_on_nan = stop_on_nan
            self.nan_at: tuple[int, int] | None = None
            self._last = 0.0
            self._epoch = 0
            self._t0 = 0.0
            self._paused_s = 0.0
            self._epochs = 1
            self._steps = None

        # -- helpers
        def _progress(self, epoch: int, step_done: int) -> tuple[float, float | None]:
            steps = self._steps or 0
            if steps:
                frac = (epoch * steps + step_done) / (self._epochs * steps)
            else:
                frac = epoch / max(self._epochs, 1)
            frac = min(max(frac, 0.0), 1.0)
            elapsed = time.monotonic() - self._t0 - self._paused_s
            eta = elapsed * (1 - frac) / frac if frac > 0.002 else None
            return frac, eta

        # -- Keras hooks
        def on_train_begin(self, logs=None):
            self.control.model = self.model
            if self.control.stop_requested:  # Stop pressed while the data was loading
                self.model.stop_training = True
            self._epochs = int(self.params.get("epochs") or 1)
            self._steps = self.params.get("steps")
            self._t0 = time.monotonic()
            self._paused_s = 0.0
            self.emit("begin", {"epochs": self._epochs, "steps": self._steps})

        def on_epoch_begin(self, epoch, logs=None):
            self._epoch = int(epoch)
            self.emit("epoch_begin", {"epoch": self._epoch})

        def on_train_batch_begin(self, batch, logs=None):
            control = self.control
            if not control._run.is_set():
                self.emit("paused", {"epoch": self._epoch, "step": int(batch)})
                self._paused_s += control.wait_if_paused()
                self.emit("resumed", {})

        def on_train_batch_end(self, batch, logs=None):
            # Runs on Keras's callback thread; logs are Python floats already.
            logs = logs or {}
            if self.stop_on_nan:
                loss = logs.get("loss")
                if loss is not None and not math.isfinite(loss):
                    if self.nan_at is None:
                        self.nan_at = (self._epoch, int(batch))
                    self.model.stop_training = True
            now = time.monotonic()
            if now - self._last < self.interval:
                return
            self._last = now
            frac, eta = self._progress(self._epoch, int(batch) + 1)
            self.emit("batch", {"epoch": self._epoch, "step": int(batch) + 1, "steps": self._steps,
                                "logs": _floats(logs), "progress": frac, "eta": eta})

        def on_epoch_end(self, epoch, logs=None):
            logs = _floats(logs or {})
            if self.stop_on_nan and self.nan_at is None:
                loss = logs.get("loss")
                if loss is not None and not math.isfinite(loss):
                    self.nan_at = (int(epoch), -1)
            frac, eta = self._progress(int(epoch) + 1, 0)
            lr = _learning_rate(self.model)
            if lr is not None:
                logs.setdefault("learning_rate", lr)
            self.emit("epoch", {"epoch": int(epoch), "logs": logs, "progress": frac, "eta": eta,
                                "epochs": self._epochs})

        def on_train_end(self, logs=None):
            self.emit("train_end", {"nan_at": self.nan_at, "stopped": self.control.stop_requested})

    _CLASS = LiveCallback
    return _CLASS


def _floats(logs: dict[str, Any]) -> dict[str, float]:
    out = {}
    for k, v in logs.items():
        try:
            out[str(k)] = float(v)
        except (TypeError, ValueError):
            continue
    return out


def _learning_rate(model) -> float | None:
    try:
        return float(model.optimizer.learning_rate.numpy())
    except Exception:  # noqa: BLE001 - a schedule, or no optimizer yet
        return None
