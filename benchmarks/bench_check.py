"""How long checking DenseNet121 takes, through the app's path and alone.

Imports ``keras.applications.DenseNet121(weights=None)`` as a graph, then

* **the app's edit path**: the window's ``AnalysisController`` (a snapshot
  per edit, sent to the analysis thread, loaded into its graph, shapes,
  checks and summary there) follows the graph while an undoable command
  edits the first Conv2D; it times the edit until the first result (shapes,
  issues, summary) and until the final one (after the test run on zeros),
  less the 50 ms the controller waits for more typing;
* then ``check_graph`` alone, on a fresh ``ShapeInference`` and after
  single edits that the incremental cache should absorb.

Prints figures in milliseconds; asserts nothing about time.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_check.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def densenet_graph():
    from kbuilder.layers.backend import keras

    k = keras()
    config = k.applications.DenseNet121(weights=None).get_config()
    try:
        from kbuilder.keras_io.from_config import graph_from_config
    except ImportError:
        return _tiny_converter(config), "private converter"
    # As read from a file: JSON lists, not the tuples get_config() returns.
    g = graph_from_config(json.loads(json.dumps(config))).graph
    if len(g.edges) < len(g) - 1:  # the importer lost the wiring: do not time a broken graph
        return _tiny_converter(config), f"private converter (from_config gave {len(g.edges)} edges)"
    return g, "from_config.graph_from_config"


def _tiny_converter(config):
    """Keras 3 functional config -> Graph, for when from_config is missing."""
    from kbuilder.core.graph import Graph

    g = Graph(name=config.get("name", "model"))
    ids = {}
    for layer in config["layers"]:
        cfg = dict(layer["config"])
        name = cfg.pop("name")
        if layer["class_name"] == "InputLayer":
            shape = cfg.get("batch_shape") or cfg.get("batch_input_shape")
            ids[name] = g.add_input(shape[1:], name=name, dtype=cfg.get("dtype", "float32")).id
            continue
        node = g.add(layer["class_name"], name=name, **cfg)
        ids[name] = node.id
        for call in layer["inbound_nodes"]:
            args = call["args"][0]
            args = args if isinstance(args, list) else [args]
            for port, t in enumerate(args):
                g.connect(ids[t["config"]["keras_history"][0]], node.id, port)
    return g


def ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--app-only", action="store_true", help="time only the app's edit path")
    args = ap.parse_args()

    from kbuilder.keras_io.check import check_graph
    from kbuilder.keras_io.shapes import ShapeInference
    from kbuilder.keras_io.summary import summarize

    t0 = time.perf_counter()
    g, how = densenet_graph()
    print(f"DenseNet121 imported with {how}: {len(g)} nodes, {len(g.edges)} edges in {ms(t0):.0f} ms")
    app_path(g, args.repeat)
    if args.app_only:
        return

    from kbuilder.core.validate import check_structure
    from kbuilder.keras_io.build import catalog_arity

    check_structure(g, catalog_arity)  # warm the catalog
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        check_structure(g, catalog_arity)
        times.append(ms(t0))
    print(f"structure only:                         {statistics.median(times):8.1f} ms (median of {args.repeat})")

    si = ShapeInference(g)
    t0 = time.perf_counter()
    issues = check_graph(g, si)
    full = ms(t0)
    errors = [i for i in issues if i.severity == "error"]
    print(
        f"full check + shape inference (cold):    {full:8.1f} ms, {si.recomputed} nodes computed, {len(errors)} errors"
    )
    total = summarize(g, si)["total_params"]
    print(f"summary total params: {total:,} (Keras: 8,062,504)")

    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        check_graph(g, si)
        times.append(ms(t0))
    print(
        f"re-check, nothing changed:              {statistics.median(times):8.1f} ms median, "
        f"{min(times):.1f} min, {len(si.last_recomputed)} recomputed"
    )

    from kbuilder.keras_io.build import build_model

    t0 = time.perf_counter()
    model = build_model(g)
    print(f"for comparison, build_model (Keras):    {ms(t0):8.1f} ms, count_params {model.count_params():,}")
    del model

    def edit(label, node_name, key, values):
        node = g.by_name(node_name)
        times, counts = [], []
        for i in range(args.repeat):
            g.set_param(node.id, key, values[i % len(values)])
            t0 = time.perf_counter()
            issues = check_graph(g, si)
            times.append(ms(t0))
            counts.append(len(si.last_recomputed))
            assert not [x for x in issues if x.severity == "error"], issues[:3]
        print(
            f"{label:<40}{statistics.median(times):8.1f} ms median, {min(times):.1f} min, "
            f"{max(counts)} node(s) recomputed"
        )

    convs = [n.name for n in g.nodes if n.class_name == "Conv2D"]
    edit("edit: last Conv2D kernel_initializer", convs[-1], "kernel_initializer", ["he_normal", "glorot_uniform"])
    edit("edit: Dense 'predictions' units", "predictions", "units", [10, 1000])
    middle = convs[len(convs) // 2]
    edit(f"edit: middle Conv2D ({middle}) init", middle, "kernel_initializer", ["he_normal", "glorot_uniform"])
    # A change whose shape does propagate: filters of a middle conv feeding a concat chain.
    t0 = time.perf_counter()
    node = g.by_name(middle)
    g.set_param(node.id, "filters", node.params.get("filters", 32) + 8)
    check_graph(g, si)
    print(f"edit: middle Conv2D filters (+8):       {ms(t0):8.1f} ms, {len(si.last_recomputed)} node(s) recomputed")


def app_path(g, repeat: int) -> None:
    """The edit path of the window: command -> graph event -> controller ->
    analysis thread -> results back on the UI thread."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from kbuilder.core import commands
    from kbuilder.core.history import History
    from kbuilder.ui.analysis import DEBOUNCE_MS, AnalysisController

    app = QCoreApplication.instance() or QCoreApplication([])
    history = History(g)
    controller = AnalysisController(g)

    def wait(done, timeout_s=600.0) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if done() else None)
        timer.start(1)
        deadline = time.perf_counter() + timeout_s
        while not done() and time.perf_counter() < deadline:
            loop.exec()
        timer.stop()

    wait(controller.is_idle)  # catalog, first shapes, first test run
    first_conv = next(n for n in g.nodes if n.class_name == "Conv2D")
    firsts, finals, recomputed = [], [], []
    seen: list = []
    controller.results_ready.connect(lambda r: seen.append((time.perf_counter(), r)))
    for i in range(repeat):
        seen.clear()
        value = ["he_normal", "glorot_uniform"][i % 2]
        t0 = time.perf_counter()
        history.push(commands.set_param(g, first_conv.id, "kernel_initializer", value))
        wait(lambda: controller.is_idle() and bool(seen))
        mine = [(t, r) for t, r in seen if r.generation == controller.generation]
        firsts.append((mine[0][0] - t0) * 1000 - DEBOUNCE_MS)
        finals.append((mine[-1][0] - t0) * 1000 - DEBOUNCE_MS)
        recomputed.append(len(mine[-1][1].recomputed))
    controller.shutdown()
    print(
        f"app path, edit first Conv2D -> results:  {statistics.median(firsts):8.1f} ms median "
        f"(first result), {statistics.median(finals):.1f} ms with the test run, "
        f"{max(recomputed)} node(s) recomputed, {DEBOUNCE_MS} ms debounce not counted"
    )
    del app


if __name__ == "__main__":
    main()
