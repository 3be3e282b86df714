"""Shape inference, checks and the summary, computed off the UI thread.

:class:`AnalysisController` lives on the UI thread.  It follows the graph's
events and, ~50 ms after the last one, sends a snapshot (``graph.to_dict()``)
through a queued signal to an :class:`AnalysisWorker` living on its own
``QThread``.  The worker keeps a *mirror* graph and applies only the
difference to it (:func:`sync_graph`, through Graph methods), so
``ShapeInference``'s incremental cache recomputes only what changed.  Results
come back through queued signals to ``@Slot`` methods of the controller,
which re-emits them on the UI thread for the panels.

Keras is imported only by the worker (``get_catalog()`` on its first run);
the UI thread never waits for TensorFlow.  The worker's check also builds
the model and runs it on zeros (``check.run_issues``, remembered by the
model's content): when that run has to happen, a first result (shapes,
summary, the other issues; ``test_running`` True) goes out before it, so
shapes never wait for it, and the run is skipped when a newer snapshot is
already waiting.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from kbuilder.core.graph import Edge, Graph, GraphError, GraphEvent, Node

log = logging.getLogger(__name__)

DEBOUNCE_MS = 50


# --------------------------------------------------------------------- diff
def sync_graph(mirror: Graph, snapshot: dict[str, Any]) -> int:
    """Make ``mirror`` equal to ``snapshot`` (a ``Graph.to_dict()``) through
    Graph methods, touching only what differs, so that listeners of
    ``mirror`` see one event per real change.  Returns the number of edits
    made; a snapshot the edits cannot reach (should not happen) is loaded
    whole, with one ``reset`` event (counted as -1)."""
    try:
        count = _apply_diff(mirror, snapshot)
    except (GraphError, KeyError, TypeError, ValueError) as exc:  # pragma: no cover - safety net
        log.warning("sync_graph fell back to a full reload: %s", exc)
        count = -1
        mirror.load_from(Graph.from_dict(snapshot))
    if count >= 0 and mirror.to_dict() != _normal(snapshot):
        # Same content, different order (an undo that re-inserted an item
        # where the diff could not): reload so the mirror is exact.
        mirror.load_from(Graph.from_dict(snapshot))
        count = -1
    return count


def _normal(snapshot: dict[str, Any]) -> dict[str, Any]:
    return Graph.from_dict(snapshot).to_dict()


def _apply_diff(g: Graph, snap: dict[str, Any]) -> int:
    count = 0
    g.name = str(snap.get("name") or "model")
    want_nodes = {str(nd["id"]): Node.from_dict(nd) for nd in snap.get("nodes", [])}
    want_edges = {str(ed["id"]): Edge.from_dict(ed) for ed in snap.get("edges", [])}
    node_order = list(want_nodes)
    edge_order = list(want_edges)

    # Nodes whose class or free data changed are replaced (no Graph method
    # edits those); everything else is edited in place.
    replaced: set[str] = set()
    for nid, want in want_nodes.items():
        if nid in g:
            have = g.node(nid)
            if have.extra != want.extra or (have.class_name != want.class_name and not want.shared_with):
                replaced.add(nid)

    # 1. edges that went away or changed
    for e in g.edges:
        w = want_edges.get(e.id)
        if w is None or _edge_key(w) != _edge_key(e) or e.src in replaced or e.dst in replaced:
            g.remove_edge(e.id)
            count += 1
    # 2. nodes that went away (or are replaced)
    for n in g.nodes:
        if n.id not in want_nodes or n.id in replaced:
            g.remove_node(n.id)
            count += 1
    # 3. renames (two passes so that swapped names never collide); exact
    # copies of the snapshot's names, a name the check refuses included
    parked: list[tuple[str, str]] = []
    for n in g.nodes:
        want = want_nodes[n.id]
        if n.name != want.name:
            other = g.find(want.name)
            if other is not None and other.id != n.id:
                g.rename(n.id, f"__kbuilder_sync_{n.id}", check=False)
                parked.append((n.id, want.name))
            else:
                g.rename(n.id, want.name, check=False)
            count += 1
    for nid, name in parked:
        g.rename(nid, name, check=False)
    # 4. new nodes, at their place in the snapshot's order
    for index, nid in enumerate(node_order):
        if nid not in g:
            g.add_node(copy.deepcopy(want_nodes[nid]), index)
            count += 1
    # 5. attributes of kept nodes
    for nid in node_order:
        have, want = g.node(nid), want_nodes[nid]
        if have.params != want.params:
            g.set_params(nid, want.params)
            count += 1
        if have.shared_with != want.shared_with:
            if want.shared_with and want.shared_with in g:
                g.set_shared_with(nid, want.shared_with)
            else:
                g.set_shared_with(nid, None)
            count += 1
        if have.class_name != want.class_name:
            # The sharing rule set a class the snapshot does not have (a
            # dangling share): take the snapshot's, as the UI graph has it.
            have.class_name = want.class_name
            g._emit(GraphEvent("node_changed", node_id=nid, key="class_name"))
            count += 1
        if have.is_output != want.is_output:
            g.set_output(nid, want.is_output)
            count += 1
        if tuple(have.position) != tuple(want.position):
            g.move(nid, want.position)
            count += 1
    # 6. new edges
    for index, eid in enumerate(edge_order):
        if not g.has_edge(eid):
            g.add_edge(want_edges[eid], index)
            count += 1
    return count


def _edge_key(e: Edge) -> tuple[str, str, int, int]:
    return (e.src, e.dst, e.dst_port, e.src_port)


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
    synced_edits: int = 0
    # Ids of the nodes shape inference recomputed in this run.
    recomputed: list[str] = field(default_factory=list)
    # True on the early result sent while the model's test run on zeros goes
    # on; the result with its findings (same generation) follows.
    test_running: bool = False


def _default_catalog():
    from kbuilder.layers.catalog import get_catalog

    return get_catalog()


def _default_inference(graph: Graph):
    from kbuilder.keras_io.shapes import ShapeInference

    return ShapeInference(graph)


def _default_check(graph: Graph, inference, stop: Callable[[], bool] | None = None, run: bool = True):
    from kbuilder.keras_io.check import check_graph

    return check_graph(graph, inference, run=run, stop=stop)


def _run_needed(graph: Graph, issues: list) -> bool:
    """Whether the default check would start a test run now (no error yet, not remembered)."""
    from kbuilder.keras_io.check import run_is_cached

    return not any(getattr(i, "severity", "") == "error" for i in issues) and not run_is_cached(graph)


def _default_summary(graph: Graph, inference):
    from kbuilder.keras_io.summary import summarize

    try:
        takes_inference = len(inspect.signature(summarize).parameters) >= 2
    except (TypeError, ValueError):  # pragma: no cover
        takes_inference = False
    return summarize(graph, inference) if takes_inference else summarize(graph)


@dataclass
class Analyzers:
    """The functions the worker calls; tests pass fakes."""

    catalog: Callable[[], Any] = _default_catalog
    inference: Callable[[Graph], Any] = _default_inference
    check: Callable[..., list] = _default_check  # (graph, inference[, stop=])
    summary: Callable[[Graph, Any], dict] = _default_summary


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
    def analyze(self, request: tuple[int, dict]) -> None:
        generation, snapshot = request
        if generation < self.latest_generation:
            return  # a newer snapshot is already queued
        self.busy_changed.emit(True)
        started = time.perf_counter()
        result = AnalysisResult(generation=generation)
        try:
            self._ensure_started()
            result.synced_edits = sync_graph(self.mirror, snapshot)
            infos = self.inference.refresh() if self.inference is not None else {}
            result.infos = dict(infos or {})
            result.recomputed = list(getattr(self.inference, "last_recomputed", None) or [])
            staged = self._takes_stop()
            result.issues = list(self._check(generation, run=not staged) or [])
            try:
                result.summary = self.analyzers.summary(self.mirror, self.inference)
            except Exception as exc:  # noqa: BLE001 - shown to the user
                result.summary_error = _plain(exc)
            if staged:
                if _run_needed(self.mirror, result.issues):
                    early = dataclasses.replace(result, test_running=True, seconds=time.perf_counter() - started)
                    self.results_ready.emit(early)
                result.issues = list(self._check(generation) or [])
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged in full
            log.error("analysis failed:\n%s", traceback.format_exc())
            result.error = _plain(exc)
        result.seconds = time.perf_counter() - started
        self.results_ready.emit(result)
        self.busy_changed.emit(False)

    def _takes_stop(self) -> bool:
        """Whether the check is the real one (it test-runs the model; fakes do not)."""
        try:
            params = inspect.signature(self.analyzers.check).parameters
            return "stop" in params and "run" in params
        except (TypeError, ValueError):  # pragma: no cover
            return False

    def _check(self, generation: int, run: bool = True) -> list:
        if not self._takes_stop():
            return self.analyzers.check(self.mirror, self.inference)
        # The test run is skipped when a newer snapshot is queued: its result would be replaced at once.
        stop = lambda: self.latest_generation > generation  # noqa: E731
        return self.analyzers.check(self.mirror, self.inference, stop=stop, run=run)

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
    application's ``aboutToQuit`` does it too) to stop the thread."""

    results_ready = Signal(object)  # AnalysisResult
    catalog_ready = Signal(object)
    catalog_failed = Signal(str)
    busy_changed = Signal(bool)

    _request = Signal(object)  # to the worker: (generation, snapshot)

    def __init__(
        self,
        graph: Graph,
        parent: QObject | None = None,
        analyzers: Analyzers | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.graph = graph
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
        self._request.emit((self._generation, self.graph.to_dict()))

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
            not self._timer.isActive()
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
