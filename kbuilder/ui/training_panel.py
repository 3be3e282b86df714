"""The training panel: settings, Train / Pause / Stop, live curves, results.

Mounting (the main window does this)::

    panel = TrainingPanel(graph, push, parent=window)   # push is unused
    panel.set_graph_provider(lambda: window.graph)      # optional; default: the graph given
    panel.load_training_settings(project.settings.get("training"))
    panel.settings_changed.connect(lambda d: files.settings.__setitem__("training", d))
    ...
    panel.detach()   # on close: stops a run, joins the worker thread

Threads: ``model.fit`` runs on a :class:`TrainingThread` (one long
``run()``, see its docstring).  The :class:`TrainingWorker`'s signals are
connected, queued, to ``@Slot`` methods of the panel (on the UI thread);
the live callback emits at most
15 batch updates a second.  Each run trains a snapshot of the graph, so
editing while training is safe, and the panel keeps the last session: after
a stop or a failure its weights can still be evaluated and saved.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kbuilder.core.graph import Graph
from kbuilder.training.config import TrainConfig
from kbuilder.ui.training_plots import CurvesView
from kbuilder.ui.training_results import ResultsView
from kbuilder.ui.training_settings import TrainingSettings
from kbuilder.ui.training_worker import TrainingThread, TrainingWorker

log = logging.getLogger(__name__)
Q = Qt.ConnectionType.QueuedConnection


def _fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "…"
    seconds = int(round(seconds))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TrainingPanel(QWidget):
    settings_changed = Signal(dict)

    def __init__(self, graph: Graph | None = None, push: Callable | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_panel")
        self.graph = graph
        self._provider: Callable[[], Graph | None] = lambda: self.graph
        self._weights_provider: Callable[[], dict | None] = lambda: None
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
        self._build_ui()
        self._thread: QThread | None = None
        self.worker: TrainingWorker | None = None
        self._graph_timer = QTimer(self)
        self._graph_timer.setSingleShot(True)
        self._graph_timer.setInterval(300)
        self._graph_timer.timeout.connect(self._refresh_graph)
        if graph is not None:
            graph.subscribe(self._on_graph_event)
            self._refresh_graph()
        self._update_buttons()

    # ------------------------------------------------------------------ UI
    def _build_ui(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        split = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(split)
        self.settings = TrainingSettings()
        self.settings.setMinimumWidth(330)
        split.addWidget(self.settings)
        right = QWidget()
        v = QVBoxLayout(right)
        v.setContentsMargins(4, 0, 0, 0)
        bar = QHBoxLayout()

        def button(text: str, name: str, slot, tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            bar.addWidget(b)
            return b

        self.check_button = button("Check", "check_button", self.check, "Load the data and compare it with the model")
        self.train_button = button("Train", "train_button", self.train, "Build the model with fresh weights and train it")
        self.pause_button = button("Pause", "pause_button", self.toggle_pause, "Pause after the current batch")
        self.stop_button = button("Stop", "stop_button", self.stop,
                                  "End after the current batch; the weights trained so far are kept")
        bar.addSpacing(12)
        self.evaluate_button = button("Evaluate", "evaluate_button", self.evaluate, "Evaluate on the test split")
        self.save_button = button("Save model…", "save_button", self._ask_save, "Save the trained model (.keras or .h5)")
        self.script_button = button("Export script…", "script_button", self._ask_script,
                                    "A Python script that reproduces this run on its own")
        bar.addSpacing(12)
        self.from_weights = QCheckBox("Start from the file's weights")
        self.from_weights.setObjectName("from_weights_check")
        self.from_weights.setToolTip("Train and evaluate from the weights saved in the opened model file, not fresh "
                                     "ones.\nA layer you changed since so that its weights no longer fit starts fresh.")
        self.from_weights.setChecked(True)
        self.from_weights.setVisible(False)  # shown when the open file carries weights
        self.from_weights.toggled.connect(lambda _on: self._update_buttons())
        bar.addWidget(self.from_weights)
        self.compare = QCheckBox("Compare with previous run")
        self.compare.setObjectName("compare_check")
        self.compare.toggled.connect(self._compare_toggled)
        bar.addWidget(self.compare)
        bar.addStretch(1)
        v.addLayout(bar)
        prog = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("progress_bar")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setFormat("%p%")
        prog.addWidget(self.progress, 1)
        self.eta = QLabel("")
        self.eta.setObjectName("eta_label")
        self.eta.setFixedWidth(330)  # fixed: a changing text must not re-lay out the plots
        prog.addWidget(self.eta)
        v.addLayout(prog)
        self.status = QLabel("Choose a data set and press Train.")
        self.status.setObjectName("status_label")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.status)
        self.tabs = QTabWidget()
        self.curves = CurvesView()
        self.results = ResultsView()
        self.messages = QPlainTextEdit()
        self.messages.setObjectName("messages")
        self.messages.setReadOnly(True)
        self.tabs.addTab(self.curves, "Curves")
        self.tabs.addTab(self.results, "Results")
        self.tabs.addTab(self.messages, "Messages")
        v.addWidget(self.tabs, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 900])
        self.settings.changed.connect(self._emit_settings)

    def _update_buttons(self) -> None:
        busy, has_model = self.busy, self.session is not None and self.session.model is not None
        self.train_button.setEnabled(not busy)
        self.check_button.setEnabled(not busy)
        self.pause_button.setEnabled(self.running)
        self.pause_button.setText("Resume" if self.paused else "Pause")
        self.stop_button.setEnabled(self.running)
        prepared = has_model and self.session.prepared is not None
        from_file = self._file_weights() is not None
        self.evaluate_button.setEnabled(not busy and (prepared or from_file))
        self.train_button.setToolTip("Build the model from the file's weights and train it" if from_file else
                                     "Build the model with fresh weights and train it")
        self.save_button.setEnabled(not busy and has_model)
        self.script_button.setEnabled(not busy and prepared)
        self.settings.setEnabled(not busy)

    # ------------------------------------------------------------ wiring
    def set_graph_provider(self, provider: Callable[[], Graph | None]) -> None:
        """Where Train takes the model from (called at each run; the graph is copied)."""
        self._provider = provider
        self._refresh_graph()

    def set_weights_provider(self, provider: Callable[[], dict | None]) -> None:
        """Where the opened file's weights come from (layer name -> arrays, or
        None); while there are some, "Start from the file's weights" shows."""
        self._weights_provider = provider
        self._refresh_graph()

    def _file_weights(self) -> dict | None:
        """The weights a new run starts from: the file's, when it has some
        and the box is ticked; else None (fresh weights)."""
        if self.from_weights.isHidden() or not self.from_weights.isChecked():
            return None
        try:
            return self._weights_provider() or None
        except Exception:  # noqa: BLE001 - a stale provider means fresh weights
            return None

    def set_workdir(self, path: str | Path) -> None:
        """Folder for relative callback files (checkpoints, CSV log, TensorBoard logs)."""
        self.workdir = Path(path)

    def load_training_settings(self, settings: dict | None) -> None:
        """Show the settings a project saved (``Project.settings["training"]``)."""
        self.settings.set_config(TrainConfig.from_dict(settings or {}))
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
        self.settings_changed.emit(self.training_settings())

    def _on_graph_event(self, event) -> None:
        if event.kind != "node_moved" and not self._closed:
            self._graph_timer.start()

    @Slot()
    def _refresh_graph(self) -> None:
        try:
            graph = self._provider()
        except Exception:  # noqa: BLE001
            graph = None
        self.settings.set_graph(graph)
        try:
            has_weights = bool(self._weights_provider())
        except Exception:  # noqa: BLE001
            has_weights = False
        if has_weights != (not self.from_weights.isHidden()):
            self.from_weights.setVisible(has_weights)
            self._update_buttons()

    def _ensure_thread(self) -> None:
        if self._thread is not None:
            return
        self.worker = TrainingWorker()
        self._thread = TrainingThread(self.worker)
        w = self.worker
        w.status.connect(self._on_status, Q)
        w.model_ready.connect(self._on_model_ready, Q)
        w.run_begin.connect(self._on_run_begin, Q)
        w.epoch_begin.connect(self._on_epoch_begin, Q)
        w.batch.connect(self._on_batch, Q)
        w.epoch.connect(self._on_epoch, Q)
        w.paused.connect(self._on_paused, Q)
        w.run_finished.connect(self._on_finished, Q)
        w.evaluated.connect(self._on_evaluated, Q)
        w.checked.connect(self._on_checked, Q)
        w.saved.connect(self._on_saved, Q)
        w.failed.connect(self._on_failed, Q)
        w.busy_changed.connect(self._on_busy, Q)
        self._thread.start()

    def _new_session(self):
        from kbuilder.training.session import TrainingSession

        graph = self._provider()
        if graph is None or len(graph) == 0:
            self._show_error("There is no model to train: draw one or open a template first.")
            return None
        return TrainingSession(graph.copy(), self.settings.config(), workdir=self.workdir,
                               initial_weights=self._file_weights())

    def _start(self, kind: str, session, **extra) -> None:
        self._ensure_thread()
        self.busy = True
        self._update_buttons()
        # The job holds the only reference to the previous session, so that
        # the worker (not this thread) frees it.
        job = {"session": session, "retire": self.session if self.session is not session else None, **extra}
        self.session = session
        self._thread.submit(kind, job)
        del job

    # ------------------------------------------------------------ actions
    @Slot()
    def train(self) -> None:
        if self.busy:
            return
        session = self._new_session()
        if session is None:
            return
        if self.result is not None and self.result.history:
            self.previous_history = self.result.history
        elif self.session is not None and self.session.result is not None:
            self.previous_history = self.session.result.history
        self.result = None
        self.running, self.paused = True, False
        self._steps = None
        self.progress.setValue(0)
        self.eta.setText("starting…")
        self._set_status("Starting…")
        self.messages.appendPlainText(f"--- run started {time.strftime('%H:%M:%S')}")
        self.curves.begin([])
        self.curves.set_previous(self.previous_history)
        self.tabs.setCurrentWidget(self.curves)
        self._emit_settings()
        self._start("fit", session)

    @Slot()
    def check(self) -> None:
        if self.busy:
            return
        session = self._new_session()
        if session is None:
            return
        self._start("check", session)

    @Slot()
    def stop(self) -> None:
        if self.session is not None and self.running:
            self.session.stop()
            self._set_status("Stopping after the current batch…")

    @Slot()
    def toggle_pause(self) -> None:
        if self.session is None or not self.running:
            return
        if self.paused:
            self.session.resume()
        else:
            self.session.pause()
            self._set_status("Pausing after the current batch…")

    @Slot()
    def evaluate(self) -> None:
        """Evaluate the trained model; before any training, the model with
        the opened file's weights (built and checked against the data first)."""
        if self.busy:
            return
        if self.session is not None and self.session.prepared is not None:
            self._start("evaluate", self.session)
        elif self._file_weights() is not None:
            session = self._new_session()
            if session is not None:
                self.result = None
                self._set_status("Evaluating the file's weights…")
                self._start("evaluate", session)

    def save_model(self, path: str | Path) -> None:
        """Save the session's model on the worker thread (``saved`` or ``failed`` follows)."""
        if self.session is not None and self.session.model is not None and not self.busy:
            self._start("save", self.session, path=str(path))

    def export_script(self, path: str | Path) -> Path | None:
        from kbuilder.project.kbproj import ProjectError, atomic_write_text
        from kbuilder.training.script import export_script
        from kbuilder.training.session import TrainingError

        try:
            text = export_script(self.session)
            atomic_write_text(Path(path), text)
        except (TrainingError, ProjectError) as exc:
            self._show_error(str(exc))
            return None
        self._set_status(f"Wrote the training script {path}.")
        self.messages.appendPlainText(f"wrote {path}")
        return Path(path)

    @Slot()
    def _ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the trained model", str(self.workdir / "model.keras"),
                                              "Keras model (*.keras);;HDF5 (*.h5)")
        if path:
            self.save_model(path)

    @Slot()
    def _ask_script(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the training script", str(self.workdir / "train.py"),
                                              "Python (*.py)")
        if path:
            self.export_script(path)

    @Slot(bool)
    def _compare_toggled(self, on: bool) -> None:
        self.curves.set_previous(self.previous_history)
        self.curves.show_previous(on)

    # ------------------------------------------------------------ worker slots
    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self.busy = busy
        if not busy:
            self.running = False
            self.paused = False
        self._update_buttons()

    @Slot(str)
    def _on_status(self, text: str) -> None:
        self._set_status(text)

    @Slot(object)
    def _on_model_ready(self, info: dict) -> None:
        self.curves.begin(info.get("outputs", []))
        self.curves.prepare(info.get("keys", []))  # lay the plots out now, not during the first batches
        self.curves.set_previous(self.previous_history)
        self.curves.show_previous(self.compare.isChecked())

    @Slot(object)
    def _on_run_begin(self, info: dict) -> None:
        self._epochs = int(info.get("epochs") or 1)
        self._steps = info.get("steps")
        self.curves.set_epochs(self._epochs)
        if self.session is not None and self.session.prepared is not None:
            for note in self.session.prepared.notes:
                self.messages.appendPlainText("data: " + note)
            for issue in self.session.issues:
                self.messages.appendPlainText(f"{issue.severity}: {issue.message}")
        for note in self.session.build_notes if self.session is not None else []:
            self.messages.appendPlainText("weights: " + note)
        self._set_status("Training…")

    @Slot(int)
    def _on_epoch_begin(self, epoch: int) -> None:
        self.curves.epoch_begin()

    @Slot(object)
    def _on_batch(self, p: dict) -> None:
        self.curves.add_batch(p["epoch"], p["step"], p.get("steps"), p["logs"])
        self._progress(p.get("progress", 0.0), p.get("eta"),
                       f"epoch {p['epoch'] + 1}/{self._epochs} · batch {p['step']}/{p.get('steps') or '?'}")

    @Slot(object)
    def _on_epoch(self, p: dict) -> None:
        logs = p["logs"]
        if self._steps:  # close the batch curve at the epoch's end (the throttle may have skipped it)
            self.curves.add_batch(p["epoch"], self._steps, self._steps,
                                  {k: v for k, v in logs.items() if not k.startswith("val_")})
        self.curves.add_epoch(p["epoch"], logs)
        self._progress(p.get("progress", 0.0), p.get("eta"), f"epoch {p['epoch'] + 1}/{p.get('epochs', self._epochs)} done")
        parts = "  ".join(f"{k} {v:.4f}" for k, v in logs.items() if k != "learning_rate")
        self.messages.appendPlainText(f"epoch {p['epoch'] + 1}: {parts}")

    @Slot(bool)
    def _on_paused(self, paused: bool) -> None:
        self.paused = paused
        self._set_status("Paused: press Resume to go on." if paused else "Training…")
        self._update_buttons()

    @Slot(object)
    def _on_finished(self, result) -> None:
        self.result = result
        self.running = False
        if result.stop_reason in ("", "early_stopping"):
            self.progress.setValue(1000)
        self.eta.setText(f"{result.epochs_done} epoch(s) in {_fmt_time(result.seconds)}")
        self._set_status(result.message, error=result.stop_reason == "nan")
        self.messages.appendPlainText(result.message)
        for note in result.notes[-1:]:
            self.messages.appendPlainText(note)
        self.results.show_result(result)
        self._update_buttons()

    @Slot(object)
    def _on_evaluated(self, result) -> None:
        if self.result is not None:
            result.message = self.result.message
        self.results.show_result(result)
        for note in result.notes:
            self.messages.appendPlainText(note)
        self.tabs.setCurrentWidget(self.results)
        self._set_status("Evaluated: " + ", ".join(f"{k} {v:.4f}" for k, v in result.test_metrics.items()))

    @Slot(object)
    def _on_checked(self, issues) -> None:
        if self.session is not None and self.session.prepared is not None:
            prep = self.session.prepared
            sizes = ", ".join(f"{part} {prep.n(part)}" for part in ("train", "val", "test"))
            text = f"The data fits the model ({sizes} samples)."
        else:
            text = "The data fits the model."
        warnings = [i.message for i in issues if i.severity == "warning"]
        if warnings:
            text += " Warnings: " + " ".join(warnings)
        self._set_status(text)
        for note in self.session.prepared.notes if self.session and self.session.prepared else []:
            self.messages.appendPlainText("data: " + note)

    @Slot(str)
    def _on_saved(self, path: str) -> None:
        self._set_status(f"Saved the model to {path}.")
        self.messages.appendPlainText(f"saved {path}")

    @Slot(object)
    def _on_failed(self, exc) -> None:
        self.running = False
        self.eta.setText("")
        self._show_error(str(exc))
        for issue in getattr(exc, "issues", []) or []:
            if issue.severity == "warning":
                self.messages.appendPlainText("warning: " + issue.message)
        self._update_buttons()

    # ------------------------------------------------------------ helpers
    def _progress(self, frac: float, eta: float | None, where: str) -> None:
        self.progress.setValue(int(round(1000 * max(0.0, min(1.0, frac or 0.0)))))
        self.eta.setText(f"{where} · {_fmt_time(eta)} left")

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828;" if error else "")
        self.status.setText(text)

    def _show_error(self, text: str) -> None:
        self._set_status(text, error=True)
        self.messages.appendPlainText("error: " + text)

    def is_idle(self) -> bool:
        return not self.busy

    # ------------------------------------------------------------ shutdown
    def detach(self) -> None:
        """Stop a run, stop following the graph, join the worker thread."""
        if self._closed:
            return
        self._closed = True
        self._graph_timer.stop()
        if self.graph is not None:
            self.graph.unsubscribe(self._on_graph_event)
        if self.session is not None:
            self.session.stop()
        if self._thread is not None:
            self._thread.finish()
            self._thread.wait()
            self._thread = None

    shutdown = detach
