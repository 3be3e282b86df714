"""The Experiments mode (Alt+4): a hyperparameter search over the settings
marked "try several" (the Search tab) and the training runs side by side
(the Compare runs tab).

Mounting (the main window does this, as for its other panels)::

    panel = ExperimentsPanel(graph, push, parent=window)
    panel.set_document(window.document)
    panel.set_host(window)          # files.save, training_running(), show_message
    panel.settings_changed.connect(...)   # the search's own settings (tuner, trials...): a project setting
    ...
    panel.detach()                  # on close: stops the search, ends its thread

Every mark (a layer parameter's, the learning rate's...) is an undoable
command pushed through ``push``; the space lives in the document
(``settings["search"]``), and this page redraws from it on every
``settings`` event, so an undo shows at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from kbuilder.training.search_space import SETTING, SearchSettings, space_of
from kbuilder.ui.experiments.dialog import try_several
from kbuilder.ui.experiments.runs_view import RunsView
from kbuilder.ui.experiments.search_view import SearchView
from kbuilder.ui.panels.base import PanelHooks


class _FillLayout(QVBoxLayout):
    """The page's layout, without height-for-width: the window's scroll area
    would otherwise give the page the preferred height of every wrapped label,
    list and plot (and a scroll bar at 1024x700) instead of the room there is."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False


class ExperimentsPanel(PanelHooks, QWidget):
    settings_changed = Signal(dict)  # the whole space, with new search settings (a project setting)

    def __init__(self, graph: Any = None, push: Callable | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("experiments_panel")
        self.push = push
        self.document: Any = None
        self.host: Any = None
        self.catalog: Any = None
        lay = _FillLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("experiments_tabs")
        self.search = SearchView()
        self.search.push = push
        self.runs = RunsView()
        self.tabs.addTab(self.search, self.tr("Search"))
        self.tabs.setTabToolTip(0, self.tr("Try several values of the marked settings and keep the best"))
        self.tabs.addTab(self.runs, self.tr("Compare runs"))
        self.tabs.setTabToolTip(1, self.tr("Overlay the curves of training runs and compare their figures"))
        lay.addWidget(self.tabs)
        self.search.space.edit_requested.connect(self.edit_mark)
        self.search.space.remove_requested.connect(self.remove_mark)
        self.search.space.settings_changed.connect(self._on_search_settings)
        self._graph_timer = QTimer(self, singleShot=True, interval=200, timeout=self._graph_settled)

    @property
    def busy(self) -> bool:
        """A search is running (the window asks before replacing the model)."""
        return self.search.busy

    # ------------------------------------------------------------ mounting
    def set_document(self, document: Any) -> None:
        if self.document is not None:
            self.document.unsubscribe(self._on_document)
            self.document.graph.unsubscribe(self._on_graph)
        self.document = document
        self.search.document = document
        document.subscribe(self._on_document)
        document.graph.subscribe(self._on_graph)
        self.runs.set_document(document)
        self._show_space()
        self.search.load_folder()

    def set_host(self, host: Any) -> None:
        """The main window: saving the project, whether training runs, the status bar."""
        self.host = host
        self.search.host = host
        host.files.path_changed.connect(self.search.load_folder)

    def set_catalog(self, catalog: Any) -> None:
        self.catalog = catalog  # the parameters' kinds: the dialog's examples

    def detach(self) -> None:
        self._graph_timer.stop()
        if self.document is not None:
            self.document.unsubscribe(self._on_document)
            self.document.graph.unsubscribe(self._on_graph)
        self.search.shutdown()

    # ---------------------------------------------------------- the space
    def _show_space(self) -> None:
        if self.document is not None:
            self.search.space.show_space(space_of(self.document), self.document.graph)
            self.search._update_buttons()

    def edit_mark(self, node_id: str | None, param: str) -> None:
        """Open "Try several values…" for a mark (or a compile setting's button)."""
        if self.document is None or self.push is None:
            return
        spec = None
        node = self.document.graph.node(node_id) if node_id is not None and node_id in self.document.graph else None
        if node is not None and self.catalog:
            layer = self.catalog.get(node.class_name)
            spec = layer.param(param) if layer is not None else None
        try_several(self.window(), self.document, self.push, node_id, param, spec)

    def remove_mark(self, node_id: str | None, param: str) -> None:
        from kbuilder.ui.experiments.commands import mark_command

        if self.document is not None and self.push is not None:
            self.push(mark_command(self.document, self.document.graph, node_id, param, None))

    def _on_search_settings(self, settings: dict) -> None:
        if self.document is None:
            return
        space = space_of(self.document)
        space.settings = SearchSettings.from_dict(settings)
        self.settings_changed.emit(space.to_dict())
        self.search._update_buttons()

    # -------------------------------------------------------------- events
    def _on_document(self, event: Any) -> None:
        if event.kind == "replaced":
            self._show_space()
            self.runs.set_document(self.document)
            self.search.model_replaced()
        elif event.kind == "settings" and event.key == SETTING:
            self._show_space()
        elif event.kind == "runs":
            self.runs.refresh()

    def _on_graph(self, event: Any) -> None:
        if event.kind != "node_moved":
            self._graph_timer.start()

    def _graph_settled(self) -> None:
        """After an edit: a rename changes a mark's name, a deleted layer's
        marks leave the list, and a run may now be of an earlier model."""
        self._show_space()
        self.runs.refresh()
