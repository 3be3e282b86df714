"""Canvas: 1,000 layers on the scene; milliseconds per repaint while
panning and while dragging one node, at 100 % zoom and zoomed out so the
whole graph is visible.

    python benchmarks/bench_canvas.py [--nodes 1000] [--frames 60]

The drag goes through the real path: ``begin_move``/``drag_move`` push
merged ``Move`` commands on the QUndoStack, the graph emits ``node_moved``,
the scene moves the item and re-routes only that node's edges; each frame is
then painted synchronously (``viewport().repaint()``).  Prints figures,
asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_graph(n: int):
    """Ten parallel branches of Dense/Dropout/BatchNorm layers merged every
    few rows, laid out in a grid."""
    from kbuilder.core.graph import Graph

    g = Graph(name="big")
    cols = 10
    prev = [g.add_input((32,), name=f"in{c}", position=(c * 230.0, 0.0)) for c in range(cols)]
    kinds = ["Dense", "Dropout", "BatchNormalization"]
    row = 1
    while len(g) < n:
        cur = []
        for c in range(cols):
            if len(g) >= n:
                break
            if row % 7 == 0 and c % 2 == 1:
                node = g.add("Add", position=(c * 230.0, row * 130.0), inputs=[prev[c - 1], prev[c]])
            else:
                kind = kinds[(row + c) % 3]
                params = {"units": 32} if kind == "Dense" else ({"rate": 0.1} if kind == "Dropout" else {})
                node = g.add(kind, position=(c * 230.0, row * 130.0), inputs=[prev[c]], **params)
            cur.append(node)
        prev = cur + prev[len(cur):]
        row += 1
    return g


def ms(samples: list[float]) -> str:
    s = sorted(samples)
    return (f"median {statistics.median(s) * 1000:6.2f} ms   p90 {s[int(len(s) * 0.9)] * 1000:6.2f} ms"
            f"   max {s[-1] * 1000:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--frames", type=int, default=60)
    args = parser.parse_args()

    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from kbuilder.ui.editor import CanvasScene, CanvasView

    app = QApplication.instance() or QApplication([])
    g = make_graph(args.nodes)
    t = time.perf_counter()
    stack = QUndoStack()
    scene = CanvasScene(g, stack)
    view = CanvasView(scene)
    view.resize(1400, 900)
    view.show()
    app.processEvents()
    build = time.perf_counter() - t
    print(f"{len(g)} layers, {len(g.edges)} connections; scene built in {build * 1000:.0f} ms")

    def frame() -> float:
        t0 = time.perf_counter()
        view.viewport().repaint()
        return time.perf_counter() - t0

    node = g.nodes[len(g) // 2]
    for label, zoom in (("100 % zoom", 1.0), ("whole graph visible", None)):
        if zoom is None:
            view.fit()
            view.set_zoom(max(0.1, view.zoom()))
        else:
            view.set_zoom(zoom)
            view.centerOn(scene.nodes[node.id].sceneBoundingRect().center())
        for _ in range(3):  # warm the item caches
            frame()
        pan = []
        for i in range(args.frames):
            view.pan(QPointF(7 if (i // 20) % 2 == 0 else -7, 5 if (i // 20) % 2 == 0 else -5))
            t0 = time.perf_counter()
            app.processEvents()
            pan.append(time.perf_counter() - t0 + frame())
        scene.select_nodes([node.id])
        scene.begin_move()
        drag = []
        for i in range(1, args.frames + 1):
            t0 = time.perf_counter()
            scene.drag_move(QPointF(3.0 * i, 2.0 * i))
            drag.append(time.perf_counter() - t0 + frame())
        scene.end_move()
        print(f"[{label}, zoom {view.zoom():.2f}]")
        print(f"  pan  : {ms(pan)}")
        print(f"  drag : {ms(drag)}   (undo steps for the drag: {stack.count()})")
        stack.undo()
        stack.clear()


if __name__ == "__main__":
    main()
