"""The inspector: the selected layer's settings, generated from the catalog.

``InspectorPanel(graph, push, catalog=None)`` shows the node given to
:meth:`InspectorPanel.set_selection`.  Every change becomes a core command
handed to ``push`` (the main window wraps it for its QUndoStack); the panel
never edits the graph itself and redraws from the graph's events, so an
undo updates the editors.  Analysis results (output shape, parameter
count) arrive through :meth:`InspectorPanel.set_results`.

The panel's state, its public API and the graph events live here; the
widgets are built by :mod:`.building`, the edits handled by :mod:`.editing`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from kbuilder.core import commands
from kbuilder.core.graph import Graph, GraphEvent, Node
from kbuilder.ui.inspector.building import InspectorBuilding
from kbuilder.ui.inspector.editing import InspectorEditing
from kbuilder.ui.inspector.editors import ParamEditor
from kbuilder.ui.inspector.value_text import show_text
from kbuilder.ui.inspector.widgets import (
    CollapsibleSection,
    _Field,
    _set_error,
    format_count,
    format_shape,
)
from kbuilder.ui.panels.base import PanelHooks


class InspectorPanel(InspectorBuilding, InspectorEditing, PanelHooks, QWidget):
    """The selected layer's settings.  API for the main window:

    * ``InspectorPanel(graph, push, catalog=None, parent=None)``
    * ``set_selection(node_ids)``: shows the layer when exactly one is selected
    * ``set_catalog(catalog)``: slot for ``AnalysisController.catalog_ready``
    * ``set_results(result)``: slot for ``AnalysisController.results_ready``
    * ``detach()``: stop following the graph
    * ``custom_code_requested``: the user asked to load the code of a placeholder's own layer class
    """

    custom_code_requested = Signal()

    def __init__(
        self,
        graph: Graph,
        push: Callable[[commands.Command], None],
        catalog: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("InspectorPanel")
        self.graph = graph
        self.push = push
        self.catalog = catalog
        self.document: Any = None  # the window's Document: the "try several" marks
        self.node_id: str | None = None
        self._selection: list[str] = []
        self._infos: dict[str, Any] = {}
        self.editors: dict[str, ParamEditor] = {}
        self._fields: dict[str, _Field] = {}
        self._shown: dict[str, Any] = {}
        self._session = 0
        self._advanced_open = False
        self._built_for: tuple | None = None

        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self._scroll)
        self.setMinimumWidth(260)
        self._rebuild()
        graph.subscribe(self._on_graph_event)

    # ------------------------------------------------------------- public
    def set_selection(self, node_ids) -> None:
        ids = [n for n in (node_ids or []) if n in self.graph]
        self._selection = ids
        new = ids[0] if len(ids) == 1 else None
        if new != self.node_id or new is None:
            self.node_id = new
            self._rebuild()

    def set_document(self, document: Any) -> None:
        self.document = document

    @Slot(object)
    def set_catalog(self, catalog: Any) -> None:
        self.catalog = catalog
        self._rebuild()

    @Slot(object)
    def set_results(self, result: Any) -> None:
        """An ``AnalysisResult`` (or a plain ``{node_id: NodeInfo}``)."""
        infos = result if isinstance(result, dict) else getattr(result, "infos", None)
        self._infos = dict(infos or {})
        self._show_info()

    def detach(self) -> None:
        self.graph.unsubscribe(self._on_graph_event)

    def editor(self, name: str) -> ParamEditor:
        return self.editors[name]

    def field_error(self, name: str) -> str:
        """The message under a parameter's editor ("" when none)."""
        f = self._fields.get(name)
        return f.error.text() if f is not None else ""

    # ---------------------------------------------------------- building
    def _node(self) -> Node | None:
        if self.node_id is None or self.node_id not in self.graph:
            return None
        return self.graph.node(self.node_id)

    def _spec(self, node: Node):
        if self.catalog is None:
            return None
        try:
            return self.catalog.get(node.class_name)
        except Exception:  # noqa: BLE001 - an odd class name must not break the panel
            return None

    def _rebuild(self) -> None:
        old = self._scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.editors = {}
        self._fields = {}
        self._shown = {}
        body = QWidget()
        body.setObjectName("inspector_body")
        self._body_layout = QVBoxLayout(body)
        self._body_layout.setContentsMargins(8, 8, 8, 8)
        self._body_layout.setSpacing(8)
        node = self._node()
        self._built_for = (node.id, node.class_name, node.shared_with, id(self.catalog)) if node else None
        if node is None:
            self._build_empty()
        else:
            self._build_node(node)
        self._body_layout.addStretch(1)
        self._scroll.setWidget(body)

    # --------------------------------------------------------------- info
    def _show_info(self) -> None:
        """The analysis's figures for the shown node: output shape, parameters, error."""
        node = self._node()
        if node is None or not hasattr(self, "shape_label"):
            return
        try:
            self.shape_label.text()
        except RuntimeError:  # widgets of a previous build
            return
        info = self._infos.get(node.id)
        self._show_card_shapes(node, info)
        if info is None:
            self.shape_label.setText("…")
            self.params_label.setText("…")
            _set_error(self.info_error, None)
            return
        self.shape_label.setText(format_shape(info.output_shape))
        total, trainable, frozen = info.params, info.trainable_params, info.non_trainable_params
        text = format_count(total)
        if isinstance(frozen, int) and frozen:
            text += "  " + self.tr("({trainable} trainable, {fixed} fixed)").format(
                trainable=format_count(trainable), fixed=format_count(frozen))
        if node.shared_with and isinstance(total, int):
            text += "  " + self.tr("(shared)")
        self.params_label.setText(text)
        _set_error(self.info_error, info.error)

    def _show_card_shapes(self, node: Node, info: Any) -> None:
        """The card's shapes in words, from the same analysis."""
        if info is None:
            self.card.show_shape_state(self.tr("The shapes appear here once the model has been analysed…"))
        elif info.blocked:
            self.card.show_shape_state(self.tr(
                "The shapes are not known yet: nothing is connected to this layer, "
                "or a layer before it has a problem."))
        else:
            params = self.graph.owner(node).params
            self.card.show_shapes(info.input_shapes, info.output_shape, params)

    # ------------------------------------------------------ graph events
    def _on_graph_event(self, ev: GraphEvent) -> None:
        if ev.kind in ("node_moved", "edge_added", "edge_removed"):
            return
        node = self._node()
        if node is None:
            if self.node_id is not None or ev.kind == "reset":
                self._selection = [n for n in self._selection if n in self.graph]
                self.node_id = None
                self._rebuild()
            return
        key = (node.id, node.class_name, node.shared_with, id(self.catalog))
        if ev.kind == "reset" or key != self._built_for:
            self._rebuild()
            return
        if ev.node_id == node.id and ev.kind == "node_changed":
            if ev.key == "params":
                self._sync_params(node)
            elif ev.key == "name":
                if self.name_edit.text() != node.name:
                    self.name_edit.setText(node.name)
                self.name_edit.setStyleSheet("")
                _set_error(self._name_field.error, None)
            elif ev.key == "is_output":
                self.output_check.blockSignals(True)
                self.output_check.setChecked(node.is_output)
                self.output_check.blockSignals(False)
        if ev.kind in ("node_added", "node_removed") or (
            ev.kind == "node_changed" and ev.key in ("name", "shared_with", "class_name")
        ):
            self._fill_share_combo()


__all__ = ["InspectorPanel", "format_shape", "format_count", "show_text", "CollapsibleSection"]
