"""The main window: four modes in the middle (Build: the canvas with the
palette, inspector, issues and summary around it; Code; Train; Experiments),
switched by the Modes toolbar or Alt+1/2/3/4.

It owns the one :class:`Document` (the graph, its file, settings, weights
and runs) and the QUndoStack for its lifetime; opening a file, New and a
template replace the document's content and every panel starts again from
it.  The panels are made as ``Panel(graph, push, parent=window)`` and
implement :class:`kbuilder.ui.panels.base.Panel`; the window calls its
methods on every one of them.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kbuilder.core.graph import Graph
from kbuilder.core.history import Command
from kbuilder.core.i18n import sentence_start
from kbuilder.project.document import Document
from kbuilder.ui.background import run_in_background, wait_all
from kbuilder.ui.editor import CanvasScene, CanvasView
from kbuilder.ui.experiments.marks import CanvasMarks
from kbuilder.ui.panels.notes_bar import NotesBar
from kbuilder.ui.undo import execute
from kbuilder.ui.wheel_guard import install as install_wheel_guard
from kbuilder.ui.window.actions import build_actions
from kbuilder.ui.window.custom_layers import CustomCodeLoader
from kbuilder.ui.window.exports import Exporter
from kbuilder.ui.window.files import FileController
from kbuilder.ui.window.panel_mounting import MODE_TIPS, PANELS, PanelMounting

log = logging.getLogger(__name__)

MODES = ("build", "code", "training", "experiments")  # the tabs in the middle, in order


class MainWindow(PanelMounting, QMainWindow):
    def __init__(self, analyzers: Any = None, analysis: bool = True, panels: bool = True) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        install_wheel_guard(QApplication.instance())
        self.graph = Graph()
        self.document = Document(self.graph)
        self.stack = QUndoStack(self)
        self.scene = CanvasScene(self.graph, self.stack, self)
        self.view = CanvasView(self.scene, self)
        self.search_marks = CanvasMarks(self.scene, self.document)  # "⟳ units: 8, 16" on the layer boxes
        self._build_central()
        self.files = FileController(self)
        self.exporter = Exporter(self)
        self.custom_code = CustomCodeLoader(self)  # File > Load custom layer code…
        self.panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.analysis = None
        self._deferred: list[tuple] = []
        self._started = False
        self._shown_once = False
        self._shut = False
        self._loading_settings = False
        self._analyzers = analyzers
        self._want_analysis = analysis
        self._mode_docks: dict[str, bool] | None = None  # dock visibility kept while away from Build
        self._last_index = 0
        self._mount_palette()
        if panels:
            self._mount_panels()
        self.actions_ = build_actions(self)
        self._status = QLabel("")
        self._status.setObjectName("check_status")
        self._status.setToolTip(self.tr("Whether TensorFlow is loaded: shapes and parameter counts need it"))
        self.statusBar().addPermanentWidget(self._status)
        self.resize(1360, 860)

        self.scene.status_message.connect(self.show_message)
        self.scene.files_dropped.connect(self.open_dropped)
        self.scene.selectionChanged.connect(self._on_selection)
        self.scene.node_double_clicked.connect(self._focus_inspector)
        self.stack.cleanChanged.connect(self._update_title)
        self.stack.indexChanged.connect(self._on_stack_index)
        self.files.path_changed.connect(self._update_title)
        self.files.message.connect(self.show_message)
        self.files.notes.connect(lambda notes: self.notes_bar.show_notes(self.document.name, notes))
        self.setAcceptDrops(True)
        self._update_title()
        self.view.viewport().installEventFilter(self)
        self._restore_geometry()

    def _build_central(self) -> None:
        """The mode tabs: Build (notes bar and canvas), Code and Train."""
        self.modes = QTabWidget(self)
        self.modes.setObjectName("mode_tabs")
        self.modes.setDocumentMode(True)
        self.modes.tabBar().hide()  # switched by the Modes toolbar, which stays in one place
        build = QWidget()
        build.setObjectName("build_page")
        lay = QVBoxLayout(build)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.notes_bar = NotesBar(build)
        lay.addWidget(self.notes_bar)
        lay.addWidget(self.view, 1)
        self.modes.addTab(build, self.tr("Build"))
        self.modes.setTabToolTip(0, QCoreApplication.translate("PanelMounting", MODE_TIPS["build"]))
        self.modes.currentChanged.connect(self._on_mode_changed)
        self.setCentralWidget(self.modes)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if QSettings().value("window/state") is None:  # first run: a big canvas
                QTimer.singleShot(0, self._default_dock_sizes)

    def _default_dock_sizes(self) -> None:
        side = [self.docks[k] for k in ("palette", "inspector") if k in self.docks]
        wide = self.width() >= 1200
        self.resizeDocks(side, [220 if wide else 190, 330 if wide else 290][: len(side)], Qt.Orientation.Horizontal)
        if getattr(self, "_bottom", None) is not None:
            self.resizeDocks([self._bottom], [220 if self.height() >= 800 else 130], Qt.Orientation.Vertical)

    def restore_default_layout(self) -> None:
        """View > Restore default layout: the docks where they were on the first run."""
        self.set_mode("build")
        self._mode_docks = None
        left, right, below = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                              Qt.DockWidgetArea.BottomDockWidgetArea)
        bottom = [self.docks[key] for key, _cls, _title, area in PANELS if area == "bottom" and key in self.docks]
        for key, dock in self.docks.items():
            dock.setFloating(False)
            area = left if key == "palette" else below if dock in bottom else right
            self.removeDockWidget(dock)
            self.addDockWidget(area, dock)
            dock.show()
        for a, b in zip(bottom, bottom[1:], strict=False):
            self.tabifyDockWidget(a, b)
        if bottom:
            bottom[0].raise_()
        self._default_dock_sizes()
        self.show_message(self.tr("Restored the default layout"))

    # ---------------------------------------------------------------- modes
    def mode(self) -> str:
        page = self.modes.currentWidget()
        return next((m for m in MODES if self._mode_page(m) is page), "build")

    def _mode_page(self, mode: str) -> QWidget | None:
        if mode == "build":
            return self.modes.widget(0)
        return next((self.modes.widget(i) for i in range(self.modes.count())
                     if self.modes.widget(i).objectName() == f"mode_{mode}"), None)

    def set_mode(self, mode: str) -> None:
        page = self._mode_page(mode)
        if page is not None:
            self.modes.setCurrentWidget(page)

    def _on_mode_changed(self, _index: int) -> None:
        """Build shows the docks around the canvas; Code and Train take the
        whole window (the docks' visibility comes back with Build)."""
        mode = self.mode()
        action = getattr(self, "actions_", None) and self.actions_.by_name.get(f"mode_{mode}")
        if action:
            action.setChecked(True)
        building = mode == "build"
        if building and self._mode_docks is not None:
            for key, visible in self._mode_docks.items():
                self.docks[key].setVisible(visible)
            self._mode_docks = None
        elif not building and self._mode_docks is None:
            self._mode_docks = {key: dock.isVisible() for key, dock in self.docks.items()}
            for dock in self.docks.values():
                dock.hide()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.view.viewport() and event.type() == QEvent.Type.Paint and not self._started:
            QTimer.singleShot(0, self.start_background)
        return False

    def start_background(self) -> None:
        """After the first paint: start the analysis thread (it imports
        TensorFlow, which would compete with the UI for the GIL before the
        window is up) and build the deferred panels."""
        if self._started:
            return
        self._started = True
        self.view.viewport().removeEventFilter(self)
        if self._want_analysis:
            self._start_analysis(self._analyzers)
        for key, loader, title in self._deferred:
            # Import the module on a pool thread (pyqtgraph: ~0.6 s), then
            # build the widget here, on the UI thread.
            run_in_background(loader,
                              lambda cls, k=key, t=title: self._build_deferred(k, cls, t),
                              lambda msg, t=title: self._deferred_failed(t, msg))
        self._deferred = []

    # ------------------------------------------------------------- editing
    def push(self, cmd: Command) -> str | None:
        """Run a core command as one undo step; the reason when refused."""
        reason = execute(self.stack, self.graph, cmd)
        if reason:
            self.show_message(sentence_start(reason))
        return reason

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_stack_index(self, index: int) -> None:
        """Each edit, undo and redo says what it did, so that the status bar
        never shows an older edit's message ("Added input_1" after a delete)."""
        last, self._last_index = self._last_index, index
        if index == last or getattr(self, "_replacing", False):
            return
        if index < last:
            text = self.stack.text(index)
            self.show_message(self.tr("Undone: {change}").format(change=text) if text else self.tr("Undone"))
        else:
            text = self.stack.text(index - 1)
            if text:
                # English shows the edit's own words; Korean adds that it is done ("… 완료").
                self.show_message(self.tr("{change}", "the status bar after an edit").format(
                    change=sentence_start(text)))

    def find_layer(self) -> None:
        """Ctrl+F: the palette's search box (showing the palette if hidden)."""
        dock = self.docks["palette"]
        dock.show()
        dock.raise_()
        self.palette.focus_search()

    def add_layer(self, class_name: str) -> str | None:
        """A double-click in the palette: the layer below the selection, scrolled into view."""
        node_id = self.scene.editor.add_below_selection(class_name, self.view.visible_center())
        item = self.scene.nodes.get(node_id) if node_id else None
        if item is not None:
            self.view.ensureVisible(item, 60, 60)
        return node_id

    # ----------------------------------------------------------- selection
    def _on_selection(self) -> None:
        ids = self.scene.selected_node_ids()
        for widget in self.panels.values():
            widget.set_selection(ids)
        self.actions_.update_enabled()

    def select_node(self, node_id: str) -> None:
        item = self.scene.nodes.get(node_id)
        if item is not None:
            self.scene.select_nodes([node_id])
            self.view.ensureVisible(item, 60, 60)

    def _focus_inspector(self, node_id: str) -> None:
        dock = self.docks.get("inspector")
        if dock is not None:
            dock.show()
            dock.raise_()

    # ---------------------------------------------------------------- files
    def before_replace(self) -> None:
        """Another model is about to replace this one (the undo stack is
        cleared next: that is no undo to report)."""
        self._replacing = True
        self.notes_bar.hide()
        self.statusBar().clearMessage()

    def search_running(self) -> bool:
        """A hyperparameter search is running in the Experiments mode."""
        return bool(getattr(self.panels.get("experiments"), "busy", False))

    def training_running(self) -> bool:
        """A training run or a search is running (a new model would stop it)."""
        return any(bool(getattr(self.panels.get(key), "busy", False)) for key in ("training", "experiments"))

    def after_load(self) -> None:
        self._replacing = False
        self._last_index = self.stack.index()
        self.scene.clearSelection()
        for widget in self.panels.values():
            self._load_panel_settings(widget)
        self.view.request_fit()
        if self.analysis is not None:
            self.analysis.schedule()

    def _update_title(self) -> None:
        self.setWindowModified(not self.stack.isClean())
        self.setWindowTitle(self.tr("{name}[*] — kbuilder").format(name=self.files.display_name))

    def open_dropped(self, paths: list[str]) -> None:
        if paths:
            self.files.open_path(paths[0])

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_dropped(paths)

    # ------------------------------------------------------------- closing
    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.files.maybe_save():
            event.ignore()
            return
        self.set_mode("build")  # the docks' state is Build's
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.files.clear_recovery()
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop the threads and stop following the graph (safe to call twice)."""
        self._started = True  # a start_background still queued must not start threads now
        if self._shut:
            return
        self._shut = True
        self.files.autosave_timer.stop()
        if self.analysis is not None:
            self.analysis.shutdown()
        for widget in self.panels.values():
            try:
                widget.detach()
            except Exception:  # noqa: BLE001 - closing goes on
                log.exception("panel detach failed")
        self.scene.detach()
        self.search_marks.detach()
        wait_all(30000)  # a model export or an import still running finishes first
