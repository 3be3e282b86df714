"""Run a slow function (an import of TensorFlow, building a model, reading
an .h5 file) on a pool thread and get its result back on the UI thread."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_running: set[_Task] = set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()  # created on the UI thread: its slots run there

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - reported to the user
            log.info("background task failed:\n%s", traceback.format_exc())
            self._emit(self.signals.failed, str(exc).strip() or type(exc).__name__)
        else:
            self._emit(self.signals.done, result)

    @staticmethod
    def _emit(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application is already gone: nobody to tell
            pass


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[str], None] | None = None) -> None:
    """Call ``fn()`` on a pool thread; ``on_done(result)`` or
    ``on_failed(message)`` runs on the UI thread afterwards."""
    task = _Task(fn)

    def finish(callback, value) -> None:
        _running.discard(task)
        if callback is not None:
            callback(value)

    task.signals.done.connect(lambda r: finish(on_done, r))
    task.signals.failed.connect(lambda m: finish(on_failed, m))
    _running.add(task)
    QThreadPool.globalInstance().start(task)


def wait_all(msecs: int = 30000) -> bool:
    """Wait for every background task (tests, quitting)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
