"""How long checking DenseNet121 takes, from scratch and after one edit.

Imports ``keras.applications.DenseNet121(weights=None)`` as a graph, then
times ``check_graph`` (structure + Keras shape inference) on a fresh
``ShapeInference`` and after single edits that the incremental cache should
absorb.  Prints figures in milliseconds; asserts nothing about time.

    .venv/bin/python benchmarks/bench_check.py [--repeat 5]
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
    from kbuilder.keras_io.backend import keras

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
    args = ap.parse_args()

    from kbuilder.keras_io.check import check_graph
    from kbuilder.keras_io.shapes import ShapeInference
    from kbuilder.keras_io.summary import summarize

    t0 = time.perf_counter()
    g, how = densenet_graph()
    print(f"DenseNet121 imported with {how}: {len(g)} nodes, {len(g.edges)} edges in {ms(t0):.0f} ms")

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


if __name__ == "__main__":
    main()
