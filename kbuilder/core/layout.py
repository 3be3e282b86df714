"""Layered ("Sugiyama-style") layout for a layer graph.

Flow is top to bottom: Inputs sit in the top row, every layer sits one row
below the deepest of its inputs (longest path from the inputs), so data
always flows downwards.  Inside a row, nodes are ordered by a few barycenter
sweeps (down, then up) to reduce edge crossings, then placed under the mean
x of their inputs, pushed apart where they would overlap.  A chain
therefore becomes a straight vertical line, and so does each branch.

Cycles (which a Keras model cannot have, but a half-drawn graph can) are
broken by ignoring the back edges of a depth-first search, so every node
still gets a row.  Pure Python plus networkx; ~500 nodes take a few ms.
"""

from __future__ import annotations

from kbuilder.core.graph import Graph

X_GAP = 220.0
Y_GAP = 110.0


def layered_layout(graph: Graph, x_gap: float = X_GAP, y_gap: float = Y_GAP, sweeps: int = 4) -> None:
    """Set every node's position (through ``graph.move``): row ``r`` at
    ``y = r * y_gap``; inside a row nodes keep their order, at least
    ``x_gap`` apart, each as close as possible to the mean x of its inputs
    (so a branch runs straight down under the layer it starts from)."""
    rows = layered_rows(graph, sweeps=sweeps)
    preds: dict[str, list[str]] = {}
    for e in graph.edges:
        preds.setdefault(e.dst, []).append(e.src)
    x: dict[str, float] = {}
    for r, row in enumerate(rows):
        offset = (len(row) - 1) / 2.0
        wanted = []
        for i, node_id in enumerate(row):
            xs = [x[p] for p in preds.get(node_id, ()) if p in x]
            wanted.append(sum(xs) / len(xs) if xs else (i - offset) * x_gap)
        for node_id, value in zip(row, _spread(wanted, x_gap), strict=True):
            x[node_id] = value
            graph.move(node_id, (value, r * y_gap))


def _spread(wanted: list[float], gap: float) -> list[float]:
    """Positions in the same order, ``gap`` apart at least, near ``wanted``:
    the mean of the tightest left-to-right and right-to-left packings (both
    keep the gap, so their mean does too)."""
    n = len(wanted)
    left = list(wanted)
    for i in range(1, n):
        left[i] = max(left[i], left[i - 1] + gap)
    right = list(wanted)
    for i in range(n - 2, -1, -1):
        right[i] = min(right[i], right[i + 1] - gap)
    return [(a + b) / 2.0 for a, b in zip(left, right, strict=True)]


def layered_rows(graph: Graph, sweeps: int = 4) -> list[list[str]]:
    """The rows of node ids, top row first, each ordered left to right."""
    import networkx as nx

    order = {n.id: i for i, n in enumerate(graph.nodes)}
    dag = nx.DiGraph()
    dag.add_nodes_from(order)
    dag.add_edges_from((e.src, e.dst) for e in graph.edges if e.src != e.dst)
    if not nx.is_directed_acyclic_graph(dag):
        dag.remove_edges_from(_back_edges(dag, order))

    rows = [sorted(gen, key=order.__getitem__) for gen in nx.topological_generations(dag)]
    preds = {n: list(dag.predecessors(n)) for n in dag}
    succs = {n: list(dag.successors(n)) for n in dag}
    for _ in range(sweeps):
        _sweep(rows, preds)
        _sweep(rows[::-1], succs)
    return rows


def _sweep(rows: list[list[str]], neighbours: dict[str, list[str]]) -> None:
    """Reorder each row (after the first) by the mean position of each node's
    neighbours in the rows already placed.  Positions are normalised to the
    row's centre so rows of different widths compare fairly."""
    pos: dict[str, float] = {}

    def place(row: list[str]) -> None:
        offset = (len(row) - 1) / 2.0
        for i, n in enumerate(row):
            pos[n] = i - offset

    if not rows:
        return
    place(rows[0])
    for row in rows[1:]:
        keyed = []
        offset = (len(row) - 1) / 2.0
        for i, n in enumerate(row):
            xs = [pos[m] for m in neighbours[n] if m in pos]
            # Nodes without placed neighbours keep their place (stable sort).
            keyed.append((sum(xs) / len(xs) if xs else i - offset, i, n))
        keyed.sort()
        row[:] = [n for _, _, n in keyed]
        place(row)


def _back_edges(dag, order: dict[str, int]) -> list[tuple[str, str]]:
    """Edges that close a cycle in an iterative depth-first search started
    from the nodes in graph order (sources first)."""
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    back: list[tuple[str, str]] = []
    starts = sorted(dag, key=lambda n: (dag.in_degree(n) > 0, order[n]))
    for start in starts:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(sorted(dag.successors(start), key=order.__getitem__)))]
        while stack:
            node, it = stack[-1]
            for nxt in it:
                s = state.get(nxt)
                if s == 1:
                    back.append((node, nxt))
                elif s is None:
                    state[nxt] = 1
                    stack.append((nxt, iter(sorted(dag.successors(nxt), key=order.__getitem__))))
                    break
            else:
                state[node] = 2
                stack.pop()
    return back
