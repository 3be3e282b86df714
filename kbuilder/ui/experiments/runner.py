"""The search's own thread: KerasTuner and every trial's Keras model live on
it, and only on it, for as long as the window is open.

As with the training thread (:mod:`kbuilder.ui.training.worker`), one long
``run()`` takes the jobs from a queue: a QThread's queued slot would get a
fresh Python thread state at each call, and TensorFlow keeps its graph
stack in thread-locals.  The :class:`~kbuilder.training.tuning.Search` is
made on this thread too (it imports Keras's callbacks), from a snapshot of
the graph, the space and the training settings taken on the UI thread.

The search's events come back as the ``event`` signal (queued to the
page's slots on the UI thread), each with the job's ``token``: the page
ignores a token that is not its current one (a search of a model that was
replaced).  :meth:`SearchThread.stop` is safe from any thread.
"""

from __future__ import annotations

import gc
import logging
import queue
import sys
import threading
import traceback
from typing import Any

from PySide6.QtCore import QThread, Signal

log = logging.getLogger(__name__)
SWITCH_INTERVAL_S = 0.001  # while a search runs, as while training (see kbuilder.ui.training.worker)


class SearchThread(QThread):
    """Runs the searches the page submits, one at a time."""

    event = Signal(int, str, object)  # token, kind, payload
    finished_search = Signal(int, object)  # token, SearchResults
    failed = Signal(int, str)  # token, one or two sentences

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("kbuilder-search")
        self.jobs: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._running: tuple[int, Any] | None = None  # (token, Search) while one runs
        self._stop_token: int | None = None  # a stop asked before the search object existed

    def submit(self, token: int, job: dict[str, Any]) -> None:
        """``job``: graph, space, training (dicts or copies), folder, resume."""
        if not self.isRunning():
            self.start()
        self.jobs.put((token, job))

    def stop(self, token: int) -> None:
        """End the search of ``token`` (its finished trials are kept)."""
        with self._lock:
            self._stop_token = token
            running = self._running
        if running is not None and running[0] == token:
            running[1].stop()

    def finish(self) -> None:
        """Ask the loop to end after the current search (then ``wait()``)."""
        self.jobs.put(None)

    def run(self) -> None:
        while True:
            item = self.jobs.get()
            if item is None:
                return
            token, job = item
            del item
            self._run_one(token, job)
            del job
            gc.collect()  # the trials' models go here, on this thread

    def _run_one(self, token: int, job: dict[str, Any]) -> None:
        from kbuilder.training.tuning import Search, TuningError

        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, SWITCH_INTERVAL_S))

        def emit(kind: str, payload: dict) -> None:
            self.event.emit(token, kind, payload)

        try:
            search = Search(job["graph"], job["space"], job["training"], folder=job["folder"], resume=job["resume"])
            with self._lock:
                self._running = (token, search)
                if self._stop_token == token:
                    search.stop()
            results = search.run(emit)
        except TuningError as exc:
            self.failed.emit(token, str(exc))
        except Exception as exc:  # noqa: BLE001 - the app stays up; the message says what happened
            log.warning("search failed:\n%s", traceback.format_exc())
            from kbuilder.training.fit_setup import translate_error

            self.failed.emit(token, str(translate_error(exc)))
        else:
            self.finished_search.emit(token, results)
        finally:
            with self._lock:
                self._running = None
            sys.setswitchinterval(interval)
