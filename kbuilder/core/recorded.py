"""An undo step for an edit that a function makes to nodes in place.

Some edits are made by code outside the commands, through
``Graph.overwrite``: turning the placeholders of a custom layer class into
layers of the class the user loaded
(:func:`kbuilder.keras_io.custom_code.use_custom_classes`) changes the class,
the settings and the imported data of several nodes at once.
:class:`RecordedEdit` makes such an edit one exact undo step: the first
``redo`` runs the function and records, for every node it changed, all of
its fields before and after; from then on ``redo`` and ``undo`` put those
recorded fields back with ``Graph.overwrite``, so that ``Graph.to_dict()``
is exactly what it was.

The function may only change the fields of existing nodes.  One that adds
or removes a node or a connection, or that raises, is rolled back (the
fields it changed are put back) and its error raised: the graph is as it
was before.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .graph import Graph, GraphError
from .history import Command
from .i18n import translate

#: The fields of a node that an edit may change (``id`` never changes).
FIELDS = ("class_name", "name", "params", "position", "shared_with", "is_output", "extra")

State = dict[str, dict[str, Any]]  # node id -> field -> value


def snapshot(graph: Graph) -> State:
    """Every node's fields, as deep copies."""
    return {n.id: {f: copy.deepcopy(getattr(n, f)) for f in FIELDS} for n in graph.nodes}


def _wiring(graph: Graph) -> list[tuple]:
    return [(e.id, e.src, e.dst, e.dst_port, e.src_port) for e in graph.edges]


def _put_back(graph: Graph, state: State) -> None:
    """Give the nodes of ``state`` (those still there) exactly these fields."""
    for node_id, fields in state.items():
        if node_id in graph:
            graph.overwrite(node_id, **copy.deepcopy(fields))


@dataclass
class RecordedEdit(Command):
    """``fn(graph)`` as one undo step; ``result`` is what it returned."""

    fn: Callable[[Graph], Any]
    text: str = field(default_factory=lambda: translate("core.recorded", "edit"))
    result: Any = None
    _before: State | None = field(default=None, init=False, repr=False, compare=False)
    _after: State | None = field(default=None, init=False, repr=False, compare=False)
    _done: bool = field(default=False, init=False, repr=False, compare=False)

    @property
    def changed_ids(self) -> list[str]:
        """The nodes the edit changed (after the first ``redo``)."""
        return list(self._before or {})

    def redo(self, graph: Graph) -> None:
        if self._after is not None:
            _put_back(graph, self._after)
            self._done = True
            return
        before, wiring, saved = snapshot(graph), _wiring(graph), graph.copy()

        def roll_back() -> None:
            if set(snapshot(graph)) != set(before) or _wiring(graph) != wiring:
                graph.load_from(saved)  # nodes or connections came or went: the whole graph back
            else:
                _put_back(graph, before)

        try:
            self.result = self.fn(graph)
        except Exception:
            roll_back()
            raise
        after = snapshot(graph)
        if set(after) != set(before) or _wiring(graph) != wiring:
            roll_back()
            raise GraphError("this edit may only change existing layers, not add or remove layers or connections")
        self._before = {nid: fields for nid, fields in before.items() if fields != after[nid]}
        self._after = {nid: after[nid] for nid in self._before}
        self._done = True

    def undo(self, graph: Graph) -> None:
        if self._done and self._before is not None:
            _put_back(graph, self._before)
            self._done = False
