"""The analysis thread: the controller's plumbing, the mirror the worker
loads, and a real run (Keras on the worker thread only)."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kbuilder.core import commands as C
from kbuilder.core.graph import Edge, Graph, Node
from kbuilder.core.history import History
from kbuilder.ui.analysis import AnalysisController, AnalysisResult, Analyzers

ROOT = Path(__file__).resolve().parents[2]


def _mnist() -> tuple[Graph, dict]:
    g = Graph()
    x = g.add_input((28, 28), name="image")
    f = g.add("Flatten", inputs=[x])
    h = g.add("Dense", inputs=[f], units=64, activation="relu")
    o = g.add("Dense", inputs=[h], units=10, activation="softmax")
    return g, {"x": x, "f": f, "h": h, "o": o}


# ------------------------------------------------------------ the controller
class _Recorder:
    """Fake analyzers: records which thread runs them and what they see."""

    def __init__(self) -> None:
        self.threads: set[str] = set()
        self.graphs: list[dict] = []
        self.catalog_calls = 0

    def analyzers(self) -> Analyzers:
        def catalog():
            self.catalog_calls += 1
            self.threads.add(threading.current_thread().name)
            return {"fake": "catalog"}

        def inference(graph):
            rec = self

            class Inf:
                def refresh(self_inner):
                    rec.threads.add(threading.current_thread().name)
                    rec.graphs.append(graph.to_dict())
                    return {n.id: n.params.get("units") for n in graph.nodes}

            return Inf()

        def check(graph, inf, stop, run):
            return []

        def summary(graph, inf):
            return {"name": graph.name, "total_params": len(graph), "layers": []}

        def needs_run(graph, issues):
            return False

        return Analyzers(catalog=catalog, inference=inference, check=check, summary=summary, needs_run=needs_run)


@pytest.fixture
def controller_factory(qtbot):
    made: list[AnalysisController] = []

    def make(graph, analyzers=None, debounce_ms=20):
        c = AnalysisController(graph, analyzers=analyzers, debounce_ms=debounce_ms)
        made.append(c)
        return c

    yield make
    for c in made:
        c.shutdown()
        assert c.thread.isFinished()


def test_controller_debounces_and_runs_off_the_ui_thread(qtbot, controller_factory):
    g, n = _mnist()
    rec = _Recorder()
    c = controller_factory(g, rec.analyzers())
    with qtbot.waitSignal(c.catalog_ready, timeout=5000) as blocker:
        pass
    assert blocker.args == [{"fake": "catalog"}]
    qtbot.waitUntil(c.is_idle, timeout=5000)
    runs = len(rec.graphs)
    for units in range(1, 30):  # a burst of edits: one or two analyses, not 29
        g.set_param(n["h"].id, "units", units)
    qtbot.waitUntil(lambda: c.is_idle() and c.result.infos.get(n["h"].id) == 29, timeout=5000)
    assert len(rec.graphs) - runs <= 3
    assert rec.graphs[-1] == g.to_dict()
    assert threading.main_thread().name not in rec.threads
    assert rec.threads == {c.thread.objectName()} or all(t != "MainThread" for t in rec.threads)
    assert rec.catalog_calls == 1
    assert isinstance(c.result, AnalysisResult)
    assert c.result.summary["total_params"] == 4


def test_moves_do_not_trigger_an_analysis(qtbot, controller_factory):
    g, n = _mnist()
    rec = _Recorder()
    c = controller_factory(g, rec.analyzers())
    qtbot.waitUntil(c.is_idle, timeout=5000)
    before = c.generation
    g.move(n["h"].id, (100, 100))
    assert not c.pending() and c.generation == before  # the event is handled at once
    g.set_param(n["h"].id, "units", 5)
    assert c.pending()  # while a real edit asks for a run


def test_analysis_errors_are_reported_not_raised(qtbot, controller_factory):
    g, _ = _mnist()

    def boom(graph, inf, stop, run):
        raise RuntimeError("checker exploded")

    rec = _Recorder()
    a = rec.analyzers()
    a.check = boom
    c = controller_factory(g, a)
    with qtbot.waitSignal(c.results_ready, timeout=5000) as blocker:
        pass
    assert "checker exploded" in blocker.args[0].error


def test_busy_changed_and_shutdown(qtbot, controller_factory):
    g, _ = _mnist()
    c = controller_factory(g, _Recorder().analyzers())
    states: list[bool] = []
    c.busy_changed.connect(states.append)
    qtbot.waitUntil(c.is_idle, timeout=5000)
    g.set_param(g.nodes[-1].id, "units", 3)
    qtbot.waitUntil(lambda: c.is_idle() and len(states) >= 2, timeout=5000)
    assert states[-2:] == [True, False]
    c.shutdown()
    assert c.thread.isFinished()
    g.set_param(g.nodes[-1].id, "units", 4)  # no longer followed: nothing breaks
    c.shutdown()  # twice is fine


def test_the_worker_sees_the_graph_after_any_edit_sequence(qtbot, controller_factory):
    rng = random.Random(7)
    g, _ = _mnist()
    rec = _Recorder()
    c = controller_factory(g, rec.analyzers(), debounce_ms=1)
    hist = History(g)
    for step in range(120):
        nodes = g.nodes
        layers = [x for x in nodes if not x.is_input]
        op = rng.random()
        if op < 0.25 or not layers:
            node = Node("Dense", g.unique_name("dense"), {"units": rng.randint(1, 9)})
            src = rng.choice(nodes)
            hist.push(C.Compound([C.AddNode(node), C.AddEdge(Edge(src=src.id, dst=node.id))]))
        elif op < 0.4:
            hist.push(C.remove_items(g, [rng.choice(layers).id]))
        elif op < 0.55:
            hist.push(C.set_param(g, rng.choice(layers).id, "units", rng.randint(1, 99)))
        elif op < 0.65:
            target = rng.choice(nodes)
            hist.push(C.Rename(target.id, target.name, g.unique_name("n")))
        elif op < 0.72 and len(layers) > 1:
            a, b = rng.sample(layers, 2)
            if a.class_name == b.class_name and not b.shared_with:
                hist.push(C.SetShared(a.id, a.shared_with, b.id))
        elif op < 0.82:
            hist.undo()
        elif op < 0.88:
            hist.redo()
        else:
            target = rng.choice(layers)
            hist.push(C.SetOutput(target.id, not target.is_output))
        if step % 10 == 0:
            qtbot.waitUntil(c.is_idle, timeout=5000)
            assert rec.graphs[-1] == g.to_dict()
    qtbot.waitUntil(c.is_idle, timeout=5000)
    assert rec.graphs[-1] == g.to_dict()


# ---------------------------------------------------------------- real Keras
def test_ui_modules_do_not_import_tensorflow():
    code = (
        "import sys\n"
        "import kbuilder.ui.analysis, kbuilder.ui.inspector.panel, kbuilder.ui.inspector.editors\n"
        "import kbuilder.ui.panels.issues, kbuilder.ui.panels.summary, kbuilder.ui.panels.code\n"
        "from kbuilder.layers.catalog import load_catalog_fast\n"
        "load_catalog_fast()\n"
        "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules, 'TF imported'\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


@pytest.mark.slow
def test_real_analysis_on_the_worker(qtbot, controller_factory):
    import kbuilder.ui.analysis as A

    threads: list[str] = []
    real = Analyzers()

    def catalog():
        threads.append(threading.current_thread().name)
        return A._default_catalog()

    c = controller_factory(_mnist()[0], Analyzers(catalog=catalog, inference=real.inference, check=real.check, summary=real.summary, needs_run=real.needs_run))
    g = c.graph
    with qtbot.waitSignal(c.catalog_ready, timeout=120_000):
        pass
    qtbot.waitUntil(c.is_idle, timeout=120_000)
    assert threads and threads[0] != threading.main_thread().name
    res = c.result
    assert res.error is None, res.error
    assert res.summary["total_params"] == 784 * 64 + 64 + 64 * 10 + 10
    out = g.find("dense_1")
    assert tuple(res.infos[out.id].output_shape) == (None, 10)
    assert res.issues == []
    # an edit recomputes only the node it touches and what follows
    g.set_param(g.find("dense").id, "units", 32)
    qtbot.waitUntil(lambda: c.is_idle() and c.result.summary["total_params"] == 784 * 32 + 32 + 32 * 10 + 10, timeout=30_000)
    assert set(c.result.recomputed) == {g.find("dense").id, out.id}
