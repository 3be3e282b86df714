"""The training thread and the worker whose signals carry its progress to
the training panel (queued to the panel's slots on the UI thread).

While a job runs, the interpreter's switch interval is 1 ms instead of 5:
the training thread (Keras's Python loop, its batch-callback thread) holds
the GIL between TensorFlow ops, and each time the UI thread needs it (a
slot, a pyqtgraph paint, the event loop's Python callbacks) it waits up to
one interval for it; a repaint needs it several times.  With 5 ms those
waits made the UI stall for tens of milliseconds while training.

The Try-it view's jobs (``predictor``, ``predict``, ``forget``) run on the
same thread, one after another with the others, but do not make the panel
busy: the worker keeps the one :class:`Predictor` (its Keras model lives
here) and drops it here, never on the UI thread.  So does ``retire``,
which only frees an old session.
"""

from __future__ import annotations

import gc
import logging
import queue
import sys
import traceback
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

log = logging.getLogger(__name__)
SWITCH_INTERVAL_S = 0.001  # while a job runs (see the module docstring)
QUIET_JOBS = ("retire", "predictor", "predict", "forget")  # jobs that do not make the panel busy


class TrainingWorker(QObject):
    """Runs one job at a time on the training thread; its signals are
    queued to the panel's slots (the object itself stays on the UI thread)."""

    status = Signal(str)
    model_ready = Signal(object)
    run_begin = Signal(object)
    epoch_begin = Signal(int)
    batch = Signal(object)
    epoch = Signal(object)
    paused = Signal(bool)
    run_finished = Signal(object)  # RunResult
    evaluated = Signal(object)  # RunResult
    checked = Signal(object)  # list[Issue]
    saved = Signal(str)
    failed = Signal(object)  # TrainingError (message, kind)
    busy_changed = Signal(bool)
    predictor_ready = Signal(object)  # {"token", "info", "unfit"} or {"token", "error"}
    predicted = Signal(object)  # {"token", "request", "outcome"} or {"token", "request", "error"}

    def __init__(self) -> None:
        super().__init__()
        self._predictor = None  # only touched on the training thread
        self._predictor_token = -1
        self._predictor_error = ""

    def _emit(self, kind: str, payload: dict) -> None:
        # Called from the training thread or Keras's callback thread.
        if kind == "batch":
            self.batch.emit(payload)
        elif kind == "epoch":
            self.epoch.emit(payload)
        elif kind == "epoch_begin":
            self.epoch_begin.emit(int(payload["epoch"]))
        elif kind == "begin":
            self.run_begin.emit(payload)
        elif kind == "status":
            self.status.emit(payload["text"])
        elif kind == "model":
            self.model_ready.emit(payload)
        elif kind in ("paused", "resumed"):
            self.paused.emit(kind == "paused")

    def run_job(self, kind: str, job: Any) -> None:
        from kbuilder.training.fit_setup import TrainingError, translate_error

        if kind in QUIET_JOBS:
            self._run_quiet(kind, job)
            return
        session = job["session"]
        self.busy_changed.emit(True)
        if job.get("retire") is not None:
            # Free the previous model here, on the training thread: TensorFlow
            # objects torn down on the UI thread while this thread traces a new
            # model have crashed the process (seen as a segfault in tf.data).
            job.pop("retire")
            gc.collect()
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, SWITCH_INTERVAL_S))
        try:
            if kind == "fit":
                self.run_finished.emit(session.fit(self._emit))
            elif kind == "check":
                self.status.emit(self.tr("Checking the data against the model…"))
                session.model = None  # build afresh: the graph may have changed
                self.checked.emit(session.prepare())
            elif kind == "evaluate":
                self.evaluated.emit(session.evaluate(self._emit))
            elif kind == "save":
                self.saved.emit(str(session.save(job["path"])))
        except TrainingError as exc:
            self.failed.emit(exc)
        except Exception as exc:  # noqa: BLE001 - the app stays up; the message says what happened
            log.warning("training job %s failed:\n%s", kind, traceback.format_exc())
            self.failed.emit(translate_error(exc))
        finally:
            sys.setswitchinterval(interval)
            self.busy_changed.emit(False)

    # ------------------------------------------------------------ quiet jobs
    def _run_quiet(self, kind: str, job: dict) -> None:
        if kind in ("retire", "forget", "predictor"):
            job.pop("retire", None)
            if kind != "retire":
                self._predictor = None
            gc.collect()  # the old model goes here, on the training thread
        if kind == "predictor":
            self._make_predictor(job)
        elif kind == "predict":
            self._predict(job)

    def _make_predictor(self, job: dict) -> None:
        from kbuilder.ui.training.predict_jobs import make_predictor

        self._predictor_token, self._predictor_error = job["token"], ""
        try:
            self._predictor, unfit = make_predictor(job.pop("source"))
        except Exception as exc:  # noqa: BLE001 - the view says it in one sentence
            self._predictor_error = _sentence(exc)
            self.predictor_ready.emit({"token": job["token"], "error": self._predictor_error})
            return
        self.predictor_ready.emit({"token": job["token"], "info": self._predictor.info, "unfit": unfit})

    def _predict(self, job: dict) -> None:
        from kbuilder.ui.training.predict_jobs import run_request

        answer = {"token": job["token"], "request": {k: v for k, v in job["request"].items() if k != "image"}}
        if self._predictor is None or job["token"] != self._predictor_token:
            answer["error"] = self._predictor_error or self.tr("The model is not ready yet: try again in a moment.")
        else:
            interval = sys.getswitchinterval()
            sys.setswitchinterval(min(interval, SWITCH_INTERVAL_S))
            try:
                answer["outcome"] = run_request(self._predictor, job["request"])
            except Exception as exc:  # noqa: BLE001 - the view says it in one sentence
                answer["error"] = _sentence(exc)
            finally:
                sys.setswitchinterval(interval)
        self.predicted.emit(answer)

    def release(self) -> None:
        """Drop the predictor (on the training thread, as it ends)."""
        self._predictor = None
        gc.collect()


def _sentence(exc: BaseException) -> str:
    """A PredictError's sentence; anything else as TrainingError words, logged."""
    from kbuilder.training.predict import PredictError

    if isinstance(exc, PredictError):
        return str(exc)
    from kbuilder.training.fit_setup import translate_error

    log.warning("prediction failed:\n%s", traceback.format_exc())
    return str(translate_error(exc))


class TrainingThread(QThread):
    """Runs the jobs the panel queues, one at a time, inside one long
    ``run()`` call.

    Why not a worker moved to a QThread with a queued slot: PySide gives each
    slot call on such a thread a fresh Python thread state, so Python
    thread-locals die between calls; TensorFlow keeps its graph stack in
    thread-locals, and the second ``model.fit`` on that thread crashed the
    process (segfault in tf.data tracing).  One ``run()`` keeps one thread state."""

    def __init__(self, worker: TrainingWorker) -> None:
        super().__init__()
        self.setObjectName("kbuilder-training")
        self.worker = worker
        self.jobs: queue.Queue = queue.Queue()

    def submit(self, kind: str, job: dict) -> None:
        self.jobs.put((kind, job))

    def finish(self) -> None:
        """Ask the loop to end after the current job (then ``wait()``)."""
        self.jobs.put(None)

    def run(self) -> None:
        while True:
            item = self.jobs.get()
            if item is None:
                self.worker.release()
                return
            kind, job = item
            del item
            self.worker.run_job(kind, job)
            del job
