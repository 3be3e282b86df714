"""Data-flow order of a layer graph: the one topological sort kbuilder has.

:func:`data_flow_order` is Kahn's algorithm with ties broken by the graph's
own order (the order layers were added or read from a file), so the same
graph always gives the same order: the build, the shape inference, the
summary, the exported code and the checks walk layers in it.  A layer that
calls another layer's weights again (``shared_with``) comes after that
layer whenever the wiring allows it (the layer object is made there).
:class:`kbuilder.core.graph.Graph` caches the result until the wiring
changes; nothing else sorts.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence


def kahn(ids: Sequence[str], deps: Mapping[str, Sequence[str]]) -> list[str]:
    """``ids`` in an order where each comes after everything in its
    ``deps`` (ids outside ``ids`` are ignored), ties in ``ids`` order.
    Ids on or after a loop are left out."""
    pos = {nid: i for i, nid in enumerate(ids)}
    indeg = dict.fromkeys(ids, 0)
    outs: dict[str, list[str]] = {nid: [] for nid in ids}
    for nid in ids:
        for src in deps.get(nid, ()):
            if src in pos:
                indeg[nid] += 1
                outs[src].append(nid)
    ready = [(pos[nid], nid) for nid, d in indeg.items() if d == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, nid = heapq.heappop(ready)
        order.append(nid)
        for m in outs[nid]:
            indeg[m] -= 1
            if indeg[m] == 0:
                heapq.heappush(ready, (pos[m], m))
    return order


def data_flow_order(
    ids: Sequence[str], sources: Mapping[str, Sequence[str]], owners: Mapping[str, str]
) -> tuple[list[str], bool]:
    """``(order, owners_first)``: the ids in data-flow order (``sources``:
    the ids feeding each id), each sharing id after its owner
    (``owners``: sharing id -> owner id) when that leaves no id out;
    ``owners_first`` says whether it did.  Ids on or after a loop are left out."""
    order = kahn(ids, sources)
    if not owners:
        return order, True
    deps = {nid: [*sources.get(nid, ()), *([owners[nid]] if nid in owners else [])] for nid in ids}
    with_owners = kahn(ids, deps)
    if len(with_owners) == len(order):
        return with_owners, True
    return order, False
