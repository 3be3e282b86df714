"""Mounting the panels of the main window: the palette and the docked
panels in Build, the Code and Train pages, each panel made as
``Panel(graph, push, parent=window)`` and told what it needs through
:class:`kbuilder.ui.panels.base.Panel`; the analysis controller that feeds
them.  A mixin of :class:`kbuilder.ui.window.main_window.MainWindow`, which
holds the attributes used here (``graph``, ``document``, ``docks``,
``panels``, ``analysis``, ``palette``, ``files``, ``modes``)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from kbuilder.core.validate import count_text
from kbuilder.ui.analysis import AnalysisController
from kbuilder.ui.editor.palette import PalettePanel
from kbuilder.ui.inspector.panel import InspectorPanel
from kbuilder.ui.panels.code import CodePanel
from kbuilder.ui.panels.issues import IssuesPanel
from kbuilder.ui.panels.summary import SummaryPanel

log = logging.getLogger(__name__)


def _training_panel() -> type:
    # pyqtgraph takes ~0.6 s to import: the Train mode is imported on a pool
    # thread and built after the first paint.
    from kbuilder.ui.training.panel import TrainingPanel

    return TrainingPanel


def _experiments_panel() -> type:
    # pyqtgraph too (the curves of the trials and runs): deferred like Train.
    from kbuilder.ui.experiments.page import ExperimentsPanel

    return ExperimentsPanel


# The titles and tips are English here (made at import, before a translator
# is installed); they are shown as QCoreApplication.translate("PanelMounting", ...).
PANELS = [  # (attribute, class or deferred loader, title, area); area "mode" is a tab in the middle
    ("inspector", InspectorPanel, QT_TRANSLATE_NOOP("PanelMounting", "Inspector"), "right"),
    ("issues", IssuesPanel, QT_TRANSLATE_NOOP("PanelMounting", "Issues"), "bottom"),
    ("summary", SummaryPanel, QT_TRANSLATE_NOOP("PanelMounting", "Summary"), "bottom"),
    ("code", CodePanel, QT_TRANSLATE_NOOP("PanelMounting", "Code"), "mode"),
    ("training", _training_panel, QT_TRANSLATE_NOOP("PanelMounting", "Train"), "mode"),
    ("experiments", _experiments_panel, QT_TRANSLATE_NOOP("PanelMounting", "Experiments"), "mode"),
]
MODE_TIPS = {
    "build": QT_TRANSLATE_NOOP("PanelMounting", "Draw the model: the canvas, with the layers, inspector, issues and "
                                                "summary around it (Alt+1)"),
    "code": QT_TRANSLATE_NOOP("PanelMounting", "The Python code that builds the model (Alt+2)"),
    "training": QT_TRANSLATE_NOOP("PanelMounting", "Train the model, watch its curves and results (Alt+3)"),
    "experiments": QT_TRANSLATE_NOOP("PanelMounting", "Search for the best values of the settings marked "
                                                      "'try several', compare runs (Alt+4)"),
}


def _shown(text: str) -> str:
    """A title or tip of PANELS / MODE_TIPS in the user's language."""
    return QCoreApplication.translate("PanelMounting", text)


class PanelMounting:
    def _mount_palette(self) -> None:
        self.palette = PalettePanel(self)
        self.palette.layer_activated.connect(self.add_layer)
        if self.palette.catalog is not None:
            self._on_catalog(self.palette.catalog)
        dock = self._dock("palette", self.tr("Layers"), self.palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        dock.setToolTip(self.tr("The layers you can add: drag one onto the canvas"))

    def _dock(self, key: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _mount_panels(self) -> None:
        bottom: list[QDockWidget] = []
        for key, cls, title, area in PANELS:
            if area == "mode":
                page = QWidget()
                page.setObjectName(f"mode_{key}")
                QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
                page.layout().addWidget(QLabel(self.tr("Loading…")))
                index = self.modes.addTab(page, _shown(title))
                self.modes.setTabToolTip(index, _shown(MODE_TIPS[key]))
            else:
                where = (Qt.DockWidgetArea.RightDockWidgetArea if area == "right"
                         else Qt.DockWidgetArea.BottomDockWidgetArea)
                dock = self._dock(key, _shown(title), QLabel(self.tr("Loading…")), where)
                if area == "bottom":
                    bottom.append(dock)
            if cls in (_training_panel, _experiments_panel):
                self._deferred.append((key, cls, title))
            else:
                self._build_panel(key, cls, title)
        for a, b in zip(bottom, bottom[1:], strict=False):
            self.tabifyDockWidget(a, b)
        if bottom:
            bottom[0].raise_()
        self._bottom = bottom[0] if bottom else None

    def _build_panel(self, key: str, cls: type, title: str) -> None:
        widget = cls(self.graph, self.push, parent=self)
        self.panels[key] = widget
        # A scroll area, so that a small window scrolls a panel rather than
        # squeezing the canvas or cutting fields (vertically only: every panel fits the width).
        scroll = QScrollArea()
        scroll.setObjectName(f"scroll_{key}")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(widget)
        if key in self.docks:
            self.docks[key].setWidget(scroll)
        else:
            page = self._mode_page(key)
            layout = page.layout()
            while layout.count():
                old = layout.takeAt(0).widget()
                if old is not None:
                    old.deleteLater()
            layout.addWidget(scroll)
        if key in ("issues", "summary"):
            widget.node_selected.connect(self.select_node)
        elif key == "training":
            widget.settings_changed.connect(lambda d: self._setting_changed("training", d))
        elif key == "experiments":
            widget.set_host(self)
            widget.settings_changed.connect(lambda d: self._setting_changed("search", d))
        elif key == "code":
            widget.style_changed.connect(lambda st: self._setting_changed("code_style", st))
        widget.set_document(self.document)
        self._load_panel_settings(widget)
        catalog = self.analysis.catalog if self.analysis is not None else None
        catalog = catalog or self.palette.catalog
        if catalog:
            widget.set_catalog(catalog)
        if self.analysis is not None and self.analysis.result is not None:
            widget.set_results(self.analysis.result)

    def _setting_changed(self, key: str, value: Any) -> None:
        """A panel's project setting (training choices, code style) changed:
        kept in the project, and the project is marked unsaved."""
        if self._loading_settings:
            return
        if self.document.set_setting(key, value):
            self.stack.resetClean()  # not an undo step, but the file differs now

    def _load_panel_settings(self, widget: QWidget) -> None:
        settings = self.files.settings
        self._loading_settings = True
        try:
            widget.load_settings(settings)
        except Exception:  # noqa: BLE001 - stale settings must not break opening a file
            log.exception("panel settings")
        finally:
            self._loading_settings = False

    def _start_analysis(self, analyzers: Any) -> None:
        self._status.setText(self.tr("Loading TensorFlow…"))
        # The training settings go with each snapshot: the checks of the output
        # against the data's classes and the loss need them, and their fixes too.
        self.analysis = AnalysisController(self.graph, self, analyzers=analyzers,
                                           training=lambda: self.document.settings.get("training"))
        self.document.subscribe(self._on_document_for_analysis)
        self.analysis.results_ready.connect(self._on_results)
        self.analysis.catalog_ready.connect(self._on_catalog)
        self.analysis.catalog_failed.connect(
            lambda m: self.show_message(self.tr("The layer list could not be loaded: {error}").format(error=m)))

    def _on_document_for_analysis(self, event: Any) -> None:
        if event.kind == "settings" and event.key == "training" and self.analysis is not None:
            self.analysis.schedule()

    def _on_catalog(self, catalog: Any) -> None:
        if catalog is None or catalog is False:
            return
        self.palette.set_catalog(catalog)
        self.scene.set_catalog(catalog)
        for widget in self.panels.values():
            widget.set_catalog(catalog)

    def _on_results(self, result: Any) -> None:
        self.scene.set_node_infos(result.infos)
        self.scene.set_issues(result.issues)
        for widget in self.panels.values():
            widget.set_results(result)
        if result.error:
            self._status.setText(self.tr("Check failed"))
            self._status.setToolTip(result.error)
        else:
            counts = count_text(result.issues)
            self._status.setText(counts or self.tr("Model OK"))
            self._status.setToolTip(self.tr("Live check of the model; see the Issues panel for details"))

    def _build_deferred(self, key: str, cls: type, title: str) -> None:
        if not self._shut:
            self._build_panel(key, cls, title)

    def _deferred_failed(self, title: str, message: str) -> None:
        """A panel's module does not import (a missing dependency): say so loudly."""
        log.error("the %s mode cannot start: %s", title, message)
        if not self._shut:
            QMessageBox.critical(self, "kbuilder", self.tr("The {mode} mode cannot start: {error}").format(
                mode=_shown(title), error=message))

