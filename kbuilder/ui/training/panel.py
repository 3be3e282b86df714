"""The training panel: settings, Train / Pause / Stop, live curves, results.

Mounting (the main window does this)::

    panel = TrainingPanel(graph, push, parent=window)   # push: the coach's one-click edits
    panel.set_document(window.document)                 # optional; default: a document of the graph given
    panel.load_training_settings(document.settings.get("training"))
    panel.settings_changed.connect(...)                 # only on a real change of the settings
    ...
    panel.detach()   # on close: stops a run, joins the worker thread

The panel shows the document's model and nothing else.  A run remembers
the model key of the graph it trained (``Document.model_key``); once the
graph differs, Evaluate, Save model and Export script are disabled with a
tooltip that says why, and a banner marks the figures as out of date.  When
the document is replaced (open, New, a template) a running job is stopped,
its late signals are ignored, and the panel starts again from the new model.

The jobs (Train, Check, Evaluate, Save...) and their thread are in
:mod:`kbuilder.ui.training.jobs`; what the worker's signals show is in
:mod:`kbuilder.ui.training.feedback`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from kbuilder.core.graph import Graph
from kbuilder.project.document import Document, DocumentEvent
from kbuilder.training.config import TrainConfig
from kbuilder.ui.panels.base import PanelHooks
from kbuilder.ui.training.feedback import TrainingFeedback
from kbuilder.ui.training.jobs import TrainingJobs
from kbuilder.ui.training.layout import build_panel_ui
from kbuilder.ui.training.try_it_control import TryItControl
from kbuilder.ui.training.worker import TrainingWorker

log = logging.getLogger(__name__)


class TrainingPanel(PanelHooks, TrainingJobs, TryItControl, TrainingFeedback, QWidget):
    settings_changed = Signal(dict)
    model_saved = Signal(str, bool)  # the path, and whether the model there takes raw inputs
    model_save_failed = Signal(str)  # one sentence

    def __init__(self, graph: Graph | None = None, push: Callable | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_panel")
        self.push = push
        self.document: Document | None = None
        self._own_document = False
        self.workdir = Path.home() / "kbuilder_runs"
        self.session = None
        self.result = None
        self.previous_history: dict | None = None
        self.busy = False
        self.running = False
        self.paused = False
        self._steps: int | None = None
        self._epochs = 1
        self._closed = False
        self._session_key: str | None = None  # the model key of the graph the session was made from
        # The model key each kind of figure on screen belongs to ("curves", "results"):
        # the banner says "out of date" as soon as one of them is not the canvas's model.
        self._shown: dict[str, str] = {}
        self._check_session = None  # a Check's own session: it never replaces the trained one
        self._job = ""  # the kind of the job running or last run
        self._session_ok = False  # the session's model trained (or evaluated) without failing
        self._orphaned = False  # a job of a replaced document is still finishing: ignore its signals
        self._error_key: str | None = None  # the model key an error message was about
        self._loaded_settings: dict | None = None
        self._build_ui()
        self._thread: QThread | None = None
        self.worker: TrainingWorker | None = None
        self._graph_timer = QTimer(self)
        self._graph_timer.setSingleShot(True)
        self._graph_timer.setInterval(300)
        self._graph_timer.timeout.connect(self._refresh_graph)
        if graph is not None:
            self._attach(Document(graph), own=True)
        self._loaded_settings = self.training_settings()
        self._update_buttons()

    @property
    def graph(self) -> Graph | None:
        return self.document.graph if self.document is not None else None

    # ------------------------------------------------------------------ UI
    def _build_ui(self) -> None:
        build_panel_ui(self)

    # ------------------------------------------------------------ state
    def session_current(self) -> bool:
        """Whether the session's model is the model on the canvas now."""
        return self.session is not None and self.document is not None and self.document.is_current(self._session_key)

    def _out_of_date_reason(self) -> str:
        if self._weights_source() == "training":
            return self.tr("The model has changed since it was trained: train it again, or tick 'Go on from the "
                           "trained weights' to keep the layers you did not change.")
        return self.tr("The model has changed since it was trained: train it again.")

    def _update_buttons(self) -> None:
        busy = self.busy
        has_model = self.session is not None and self.session.model is not None and self._session_ok
        current = self.session_current()
        prepared = has_model and self.session.prepared is not None
        start = self._start_weights() is not None
        self.train_button.setEnabled(not busy)
        self.check_button.setEnabled(not busy)
        self.pause_button.setEnabled(self.running)
        self.pause_button.setText(self.tr("Resume") if self.paused else self.tr("Pause"))
        self.stop_button.setEnabled(self.running)
        stale = has_model and not current
        why = self._out_of_date_reason() if stale else (self.tr("Train the model first.") if not has_model else "")
        shown_stale = any(not self.document.is_current(key) for key in self._shown.values()) \
            if self.document is not None else False
        self.evaluate_button.setEnabled(not busy and ((prepared and current) or start))
        self.evaluate_button.setToolTip(self.tr("Evaluate on the test split")
                                        if self.evaluate_button.isEnabled() or busy else why)
        self.save_button.setEnabled(not busy and has_model and current)
        self.save_button.setToolTip(self.tr("Save the trained model (.keras or .h5)")
                                    if self.save_button.isEnabled() or busy else why)
        self.script_button.setEnabled(not busy and prepared and current)
        self.script_button.setToolTip(self.tr("A Python script that reproduces this run on its own")
                                      if self.script_button.isEnabled() or busy else why)
        source = self._weights_source()
        self.train_button.setToolTip(
            (self.tr("Build the model from the file's weights and train it") if source == "file" else
             self.tr("Go on training from the trained weights (changed layers start fresh)")) if start else
            self.tr("Build the model with fresh weights and train it"))
        self.settings.setEnabled(not busy)
        self._show_staleness(shown_stale)
        self._refresh_try_it()

    def _show_staleness(self, stale: bool) -> None:
        if stale:
            run = self.document.last_run() if self.document is not None else None
            banner = (self.tr("Out of date: these figures are from run {number}, for the model as it was then.")
                      .format(number=run.number) if run is not None else
                      self.tr("Out of date: these figures are from the last run, for the model as it was then."))
            self.stale.setText(banner + " " + self._out_of_date_reason())
        self.stale.setVisible(stale)

    # ------------------------------------------------------------ wiring
    def set_document(self, document: Document) -> None:
        """Show ``document``'s model (the main window's); replaces the panel's own."""
        self._attach(document, own=False)

    def _attach(self, document: Document, own: bool) -> None:
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
            self.document.graph.unsubscribe(self._on_graph_event)
        self.document, self._own_document = document, own
        document.subscribe(self._on_document_event)
        document.graph.subscribe(self._on_graph_event)
        self.coach.set_document(document)
        self._refresh_graph()

    def _on_document_event(self, event: DocumentEvent) -> None:
        if self._closed:
            return
        if event.kind == "replaced":
            self.reset()
        elif event.kind == "weights":
            self._refresh_graph()
        elif event.kind == "settings":
            if event.key == "training":
                self._follow_settings()
            self._refresh_try_it()  # the data set decides how an input is scaled

    def _follow_settings(self) -> None:
        """The document's training settings changed (a fix, the coach, their
        undo): the widgets show them at once, unless they are what is shown."""
        wanted = self.document.settings.get("training")
        if TrainConfig.from_dict(wanted or {}).to_dict() != self.training_settings():
            self.load_training_settings(wanted)

    def set_results(self, result) -> None:
        self.coach.set_results(result)  # the layers' sizes: which Dense the coach means

    def reset(self) -> None:
        """A new model: stop what runs for the old one, forget its session,
        figures and messages, and start again from the document."""
        if self.busy:
            self._orphaned = True  # its late signals belong to the old model
            if self.session is not None:
                self.session.stop()
                self.session.resume()
        if self.session is not None and self._thread is not None and not self.busy:
            # Free the old model on the training thread (see TrainingWorker.run_job).
            self._thread.submit("retire", {"session": None, "retire": self.session})
        self.session = None
        self._session_key = None
        self._session_ok = False
        self._shown = {}
        self._check_session = None
        self.result = None
        self.previous_history = None
        self.running = self.paused = False
        self._error_key = None
        self.progress.reset()  # blank, as at the first start
        self.eta.setText("")
        self._set_status(self.tr("Choose a data set and press Train."))
        self.messages.clear()
        self.curves.show_placeholder()
        self.curves.set_previous(None)
        self.compare.setChecked(False)
        self.results.clear()
        self._try_forget()
        self.tabs.setCurrentWidget(self.curves)
        self.from_weights.setChecked(True)
        self._refresh_graph()

    def _weights_source(self) -> str | None:
        weights = self.document.weights if self.document is not None else None
        return weights.source if weights is not None else None

    def _start_weights(self) -> dict | None:
        """The weights a new run starts from: the model's (its file's, or a
        run's) when it has some and the box is ticked; else None (fresh)."""
        if self.from_weights.isHidden() or not self.from_weights.isChecked() or self.document is None:
            return None
        return self.document.weights_by_name()

    def set_workdir(self, path: str | Path) -> None:
        """Folder for relative callback files (checkpoints, CSV log, TensorBoard logs)."""
        self.workdir = Path(path)

    def load_settings(self, settings: dict) -> None:
        self.load_training_settings(settings.get("training"))

    def load_training_settings(self, settings: dict | None) -> None:
        """Show the settings a project saved (``Project.settings["training"]``)."""
        self._loaded_settings = None  # not a change of the user's: nothing is emitted while loading
        self.settings.set_config(TrainConfig.from_dict(settings or {}))
        self._loaded_settings = self.training_settings()
        self._refresh_graph()

    def training_settings(self) -> dict:
        return self.settings.config().to_dict()

    def config(self) -> TrainConfig:
        return self.settings.config()

    def set_config(self, cfg: TrainConfig) -> None:
        self.settings.set_config(cfg)
        self._refresh_graph()

    @Slot()
    def _emit_settings(self) -> None:
        """Tell the window about a real change only: the settings as loaded
        (defaults filled in) are not a change, so Train on an unchanged
        project leaves it unmodified."""
        if self._loaded_settings is None:
            return
        now = self.training_settings()
        if now != self._loaded_settings:
            self._loaded_settings = now
            self.settings_changed.emit(now)

    def _on_graph_event(self, event) -> None:
        if event.kind != "node_moved" and not self._closed:
            self._graph_timer.start()

    @Slot()
    def _refresh_graph(self) -> None:
        """The graph or its weights changed: the settings' output rows, the
        weights box, the buttons and the out-of-date banner follow."""
        if self._closed or self.document is None:
            return
        self.settings.set_graph(self.document.graph)
        source = self._weights_source()
        if source is not None:
            label = "file" if source == "file" else "training"  # whose weights the box's label names
            if self.from_weights.property("weights_source") != label:
                self.from_weights.setProperty("weights_source", label)
                self.from_weights.setText(self.tr("Start from the file's weights") if label == "file"
                                          else self.tr("Go on from the trained weights"))
                self.from_weights.setChecked(source == "file")
            tip = (self.tr("Train and evaluate from the weights saved in the opened model file, not fresh ones.")
                   if source == "file" else self.tr("Train on from the weights the last run left, not fresh ones."))
            self.from_weights.setToolTip(
                tip + "\n" + self.tr("A layer you changed since so that its weights no longer fit starts fresh."))
        self.from_weights.setVisible(source is not None)
        if self._error_key is not None and not self.document.is_current(self._error_key) and not self.busy:
            self._error_key = None
            self._set_status(self.tr("The model has changed since that message: press Check or Train to try it "
                                     "again."))
        self._update_buttons()

    def is_idle(self) -> bool:
        return not self.busy

    # ------------------------------------------------------------ shutdown
    def detach(self) -> None:
        """Stop a run, stop following the document, join the worker thread."""
        if self._closed:
            return
        self._closed = True
        self._graph_timer.stop()
        self.coach.detach()
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
            self.document.graph.unsubscribe(self._on_graph_event)
            if self._own_document:
                self.document.detach()
        if self.session is not None:
            self.session.stop()
            self.session.resume()
        if self._thread is not None:
            self._thread.finish()
            self._thread.wait()
            self._thread = None

    shutdown = detach
