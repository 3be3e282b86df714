"""The "try several" marks on the canvas: each layer box whose parameters
the search varies shows them ("⟳ units: 8, 16, 32") in purple.

:class:`CanvasMarks` follows the document (a mark set or removed, its undo,
a new model) and the graph (a layer added back by an undo gets a new box),
and tells each :class:`kbuilder.ui.editor.node_item.NodeItem` its marks.
The space itself stays in the document (``settings["search"]``); nothing
here keeps a copy of it.  Cheap to import: no pyqtgraph, no Keras.
"""

from __future__ import annotations

from typing import Any

from kbuilder.training.search_space import SETTING, space_of


def marks_by_node(document: Any) -> dict[str, dict[str, str]]:
    """node id -> {parameter: the values tried, as the user reads them}."""
    out: dict[str, dict[str, str]] = {}
    for dim in space_of(document).dimensions:
        if dim.node_id is not None:
            out.setdefault(dim.node_id, {})[dim.param] = dim.describe()
    return out


class CanvasMarks:
    """Keeps the canvas's layer boxes showing the document's search marks."""

    def __init__(self, scene: Any, document: Any) -> None:
        self.scene = scene
        self.document = document
        document.subscribe(self._on_document)
        document.graph.subscribe(self._on_graph)
        self.refresh()

    def refresh(self) -> None:
        marks = marks_by_node(self.document)
        for node_id, item in list(self.scene.nodes.items()):
            item.set_marks(marks.get(node_id, {}))

    def _on_document(self, event: Any) -> None:
        if event.kind == "replaced" or (event.kind == "settings" and event.key == SETTING):
            self.refresh()

    def _on_graph(self, event: Any) -> None:
        # A box made again (an undone delete, a reset) starts without marks.
        if event.kind in ("node_added", "reset"):
            self.refresh()

    def detach(self) -> None:
        self.document.unsubscribe(self._on_document)
        self.document.graph.unsubscribe(self._on_graph)
