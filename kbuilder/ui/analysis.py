"""Shape inference, checks and the summary, computed off the UI thread.

:class:`AnalysisController` lives on the UI thread.  It follows the graph's
events and, ~50 ms after the last one, sends a snapshot (``graph.to_dict()``)
through a queued signal to an :class:`AnalysisWorker` living on its own
``QThread``.  The worker loads the snapshot whole into its *mirror* graph
(one ``reset``); ``ShapeInference`` keys its cache by content (a layer's
class, parameters and input shapes), so it recomputes only what changed.  Results
come back through queued signals to ``@Slot`` methods of the controller,
which re-emits them on the UI thread for the panels.

Keras is imported only by the worker (``get_catalog()`` on its first run);
the UI thread never waits for TensorFlow.  The worker's check also builds
the model and runs it on zeros (``check.run_issues``, remembered by the
model's content): when that run has to happen, a first result (shapes,
summary, the other issues; ``test_running`` True) goes out before it, so
shapes never wait for it, and the run is skipped when a newer snapshot is
already waiting.

Each result also carries the one-click fixes (``Analyzers.fixes``, computed
on the worker after the check): ``result.fixes[i]`` are the
:class:`kbuilder.keras_io.actions.Action` objects for ``result.issues[i]``.
They keep node ids, so fixes found on the mirror apply to the window's graph.
The training settings travel with each snapshot (``training=`` of the
controller: a function giving ``document.settings["training"]``), so the
issues only they reveal (output units against the data's classes, the loss
against the output's activation) are found too.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from kbuilder.core.graph import Graph, GraphEvent

log = logging.getLogger(__name__)

DEBOUNCE_MS = 50


# ------------------------------------------------------------------ results
@dataclass
class AnalysisResult:
    """What one analysis run found.  ``infos`` maps node id to a
    ``shapes.NodeInfo``; ``issues`` are ``Issue`` objects; ``summary`` is the
    dict of ``summary.summarize`` (None when it could not be made, with
    ``summary_error`` saying why); ``error`` is set when the analysis itself
    failed."""

    generation: int = 0
    infos: dict[str, Any] = field(default_factory=dict)
    issues: list[Any] = field(default_factory=list)
    summary: dict[str, Any] | None = None
    summary_error: str | None = None
    error: str | None = None
    seconds: float = 0.0
    # Ids of the nodes shape inference recomputed in this run.
    recomputed: list[str] = field(default_factory=list)
    # True on the early result sent while the model's test run on zeros goes
    # on; the result with its findings (same generation) follows.
    test_running: bool = False
    # The fixes of each issue (``fixes[i]`` for ``issues[i]``): Action objects, most likely first.
    fixes: list[list[Any]] = field(default_factory=list)


def _default_catalog():
    from kbuilder.layers.catalog import get_catalog

    return get_catalog()


def _default_inference(graph: Graph):
    from kbuilder.keras_io.shapes import ShapeInference

    return ShapeInference(graph)


def _default_check(graph: Graph, inference, stop: Callable[[], bool] | None = None, run: bool = True) -> list:
    from kbuilder.keras_io.check import check_graph

    return check_graph(graph, inference, run=run, stop=stop)


def _run_needed(graph: Graph, issues: list) -> bool:
    """Whether the default check would start a test run now (no error yet, not remembered)."""
    from kbuilder.keras_io.check import run_is_cached

    return not any(getattr(i, "severity", "") == "error" for i in issues) and not run_is_cached(graph)


def default_fixes(graph: Graph, issues: list, inference, training: dict | None) -> list[tuple[Any, list]]:
    """Every issue with its fixes (:func:`kbuilder.training.repair.with_fixes`)."""
    from kbuilder.training.repair import with_fixes

    return with_fixes(graph, issues, inference, training)


def _default_summary(graph: Graph, inference) -> dict:
    from kbuilder.keras_io.summary import summarize

    return summarize(graph, inference)


@dataclass
class Analyzers:
    """The functions the worker calls; tests pass fakes with the same
    signatures.  ``check(graph, inference, stop, run)``: ``run=False`` leaves
    out the model's test run on zeros, ``stop()`` True abandons it.
    ``needs_run(graph, issues)``: whether ``check`` with ``run=True`` would
    start a test run (then an early result goes out first).
    ``fixes(graph, issues, inference, training)``: every issue with its fixes,
    ``[(issue, [Action, ...]), ...]``, the check's issues first and in order,
    then those the training settings (a ``TrainConfig`` dict or None) reveal."""

    catalog: Callable[[], Any] = _default_catalog
    inference: Callable[[Graph], Any] = _default_inference
    check: Callable[[Graph, Any, Callable[[], bool] | None, bool], list] = _default_check
    summary: Callable[[Graph, Any], dict] = _default_summary
    needs_run: Callable[[Graph, list], bool] = _run_needed
    fixes: Callable[[Graph, list, Any, dict | None], list[tuple[Any, list]]] = default_fixes


# ------------------------------------------------------------------- worker
class AnalysisWorker(QObject):
    """Lives on the analysis thread.  Do not call its methods from the UI
    thread: send ``analyze`` through a queued signal."""

    results_ready = Signal(object)  # AnalysisResult
    catalog_ready = Signal(object)  # layers.catalog.Catalog
    catalog_failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, analyzers: Analyzers | None = None) -> None:
        super().__init__()
        self.analyzers = analyzers or Analyzers()
        self.mirror = Graph()
        self.inference = None
        self.catalog = None
        # Written by the controller (UI thread) before each request; an int
        # store is atomic, and a request older than it is skipped.
        self.latest_generation = 0

    @Slot(object)
    def analyze(self, request: tuple[int, dict, dict | None]) -> None:
        generation, snapshot, training = request
        if generation < self.latest_generation:
            return  # a newer snapshot is already queued
        self.busy_changed.emit(True)
        started = time.perf_counter()
        result = AnalysisResult(generation=generation)
        try:
            self._ensure_started()
            self.mirror.take_from(Graph.from_dict(snapshot, copy=False))
            infos = self.inference.refresh() if self.inference is not None else {}
            result.infos = dict(infos or {})
            result.recomputed = list(getattr(self.inference, "last_recomputed", None) or [])
            result.issues = list(self._check(generation, run=False) or [])
            self._add_fixes(result, training)
            try:
                result.summary = self.analyzers.summary(self.mirror, self.inference)
            except Exception as exc:  # noqa: BLE001 - shown to the user
                result.summary_error = _plain(exc)
            if self.analyzers.needs_run(self.mirror, result.issues):
                early = dataclasses.replace(result, test_running=True, seconds=time.perf_counter() - started)
                self.results_ready.emit(early)
                result.issues = list(self._check(generation) or [])
                self._add_fixes(result, training)
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged in full
            log.error("analysis failed:\n%s", traceback.format_exc())
            result.error = _plain(exc)
        result.seconds = time.perf_counter() - started
        self.results_ready.emit(result)
        self.busy_changed.emit(False)

    def _check(self, generation: int, run: bool = True) -> list:
        # The test run is skipped when a newer snapshot is queued: its result would be replaced at once.
        stop = lambda: self.latest_generation > generation  # noqa: E731
        return self.analyzers.check(self.mirror, self.inference, stop, run)

    def _add_fixes(self, result: AnalysisResult, training: dict | None) -> None:
        """Pair the issues with their fixes (and add the settings' issues); a
        failure here costs the fixes, never the issues."""
        try:
            pairs = list(self.analyzers.fixes(self.mirror, result.issues, self.inference, training) or [])
        except Exception:  # noqa: BLE001 - the issues stand without their fixes
            log.warning("finding fixes failed:\n%s", traceback.format_exc())
            pairs = [(issue, []) for issue in result.issues]
        result.issues = [issue for issue, _ in pairs]
        result.fixes = [list(fixes or []) for _, fixes in pairs]

    def _ensure_started(self) -> None:
        if self.catalog is None:
            try:
                self.catalog = self.analyzers.catalog()
            except Exception as exc:  # noqa: BLE001
                log.error("layer catalog failed:\n%s", traceback.format_exc())
                self.catalog = False  # do not retry on every edit
                self.catalog_failed.emit(_plain(exc))
            else:
                self.catalog_ready.emit(self.catalog)
        if self.inference is None:
            self.inference = self.analyzers.inference(self.mirror)


def _plain(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__


# --------------------------------------------------------------- controller
class AnalysisController(QObject):
    """Owns the analysis thread.  Panels connect to its signals (emitted on
    the UI thread) and read ``catalog`` / ``result`` for what came before.

    ``AnalysisController(graph)`` starts at once; call :meth:`shutdown` (the
    application's ``aboutToQuit`` does it too) to stop the thread.
    ``training``: a function giving the training settings to check the model
    against (sent with every snapshot); call :meth:`schedule` when they change."""

    results_ready = Signal(object)  # AnalysisResult
    catalog_ready = Signal(object)
    catalog_failed = Signal(str)
    busy_changed = Signal(bool)

    _request = Signal(object)  # to the worker: (generation, snapshot, training settings)

    def __init__(
        self,
        graph: Graph,
        parent: QObject | None = None,
        analyzers: Analyzers | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        training: Callable[[], dict | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.graph = graph
        self.training = training  # () -> the training settings sent with each snapshot
        self.catalog = None
        self.result: AnalysisResult | None = None
        self.busy = False
        self._generation = 0
        self._closed = False

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._send)

        self.thread = QThread()
        self.thread.setObjectName("kbuilder-analysis")
        self.worker = AnalysisWorker(analyzers)
        self.worker.moveToThread(self.thread)
        self._request.connect(self.worker.analyze)  # queued: different threads
        self.worker.results_ready.connect(self._on_results)
        self.worker.catalog_ready.connect(self._on_catalog)
        self.worker.catalog_failed.connect(self._on_catalog_failed)
        self.worker.busy_changed.connect(self._on_busy)
        self.thread.finished.connect(self.worker.deleteLater)
        self.thread.start()

        graph.subscribe(self._on_graph_event)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._send()  # first run: loads the catalog

    # ------------------------------------------------------------ requests
    def _on_graph_event(self, event: GraphEvent) -> None:
        if event.kind == "node_moved" or self._closed:
            return  # positions change no shape
        self._timer.start()

    def schedule(self) -> None:
        """Ask for a new analysis (debounced)."""
        if not self._closed:
            self._timer.start()

    @Slot()
    def _send(self) -> None:
        if self._closed:
            return
        self._generation += 1
        self.worker.latest_generation = self._generation
        training = copy.deepcopy(self.training()) if self.training is not None else None
        self._request.emit((self._generation, self.graph.to_dict(), training))

    def pending(self) -> bool:
        """Whether an edit is waiting for its analysis to be sent (debounce)."""
        return self._timer.isActive()

    @property
    def generation(self) -> int:
        """The generation of the last snapshot sent."""
        return self._generation

    # ------------------------------------------------------------ replies
    @Slot(object)
    def _on_results(self, result: AnalysisResult) -> None:
        if self._closed:
            return
        self.result = result
        self.results_ready.emit(result)

    @Slot(object)
    def _on_catalog(self, catalog: Any) -> None:
        self.catalog = catalog
        if not self._closed:
            self.catalog_ready.emit(catalog)

    @Slot(str)
    def _on_catalog_failed(self, message: str) -> None:
        if not self._closed:
            self.catalog_failed.emit(message)

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self.busy = busy
        if not self._closed:
            self.busy_changed.emit(busy)

    def is_idle(self) -> bool:
        """True when the last snapshot sent has been analysed and nothing is
        waiting to be sent (tests wait for this)."""
        return (
            not self.pending()
            and self.result is not None
            and self.result.generation == self._generation
            and not self.busy
        )

    # ------------------------------------------------------------ shutdown
    @Slot()
    def shutdown(self) -> None:
        """Stop following the graph, then quit and join the thread (waits for
        a run in progress to end).  Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self.graph.unsubscribe(self._on_graph_event)
        app = QCoreApplication.instance()
        if app is not None:
            try:
                app.aboutToQuit.disconnect(self.shutdown)
            except (RuntimeError, TypeError):  # pragma: no cover
                pass
        self.thread.quit()
        self.thread.wait()
