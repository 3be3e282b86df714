"""The training panel's jobs: Train, Check, Stop, Pause, Evaluate, Save
model, Export script, each run as a job on the panel's training thread.

A mixin of :class:`kbuilder.ui.training.panel.TrainingPanel` (it uses the
panel's widgets and state).

Threads: ``model.fit`` runs on a :class:`TrainingThread` (one long
``run()``, see its docstring).  The :class:`TrainingWorker`'s signals are
connected, queued, to ``@Slot`` methods of the panel (on the UI thread);
the live callback emits at most 10 batch updates a second.  Each run
trains a snapshot of the graph, so editing while training is safe, and the
panel keeps the last session: after a stop or a failure its weights can
still be evaluated and saved.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFileDialog

from kbuilder.project.document import model_key
from kbuilder.ui.training.worker import TrainingThread, TrainingWorker

Q = Qt.ConnectionType.QueuedConnection


class TrainingJobs:
    """Starting the jobs and the actions behind the buttons (a mixin of ``TrainingPanel``)."""

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
        w.predictor_ready.connect(self._on_predictor_ready, Q)
        w.predicted.connect(self._on_predicted, Q)
        self._thread.start()

    def _new_session(self):
        from kbuilder.training.session import TrainingSession

        graph = self.graph
        if graph is None or len(graph) == 0:
            self._show_error(self.tr("There is no model to train: draw one or open a template first."))
            return None
        copy = graph.copy()
        session = TrainingSession(copy, self.settings.config(), workdir=self.workdir,
                                  initial_weights=self._start_weights())
        session.model_key = model_key(copy)
        return session

    def _search_running(self) -> bool:
        """Whether the window's Experiments mode is running a search (two
        TensorFlow jobs at once would share the CPU and the memory)."""
        running = getattr(self.window(), "search_running", None)  # absent when the panel stands alone
        return bool(running and running())

    def _start(self, kind: str, session, swap: bool = True, **extra) -> None:
        """Run ``kind`` on the worker; ``swap``: ``session`` becomes the panel's
        (a Check keeps the trained session and runs on its own)."""
        self._ensure_thread()
        self.busy = True
        # The job holds the only reference to the previous session, so that
        # the worker (not this thread) frees it.
        swapping = swap and self.session is not session
        retire = [self.session] if swapping and self.session is not None else []
        if self._check_session is not None and self._check_session is not session:
            retire.append(self._check_session)  # an earlier Check's model goes too
            self._check_session = None
        job = {"session": session, "retire": retire or None, **extra}
        self._job = kind
        if swapping:
            self._session_ok = False
        if swap:
            self.session = session
            self._session_key = session.model_key
        self._error_key = None
        self._update_buttons()
        self._thread.submit(kind, job)
        del job

    # ------------------------------------------------------------ actions
    @Slot()
    def train(self) -> None:
        if self.busy:
            return
        if self._search_running():
            self._show_error(self.tr("A search is running in Experiments: let it finish or stop it, then train."))
            return
        session = self._new_session()
        if session is None:
            return
        last = self.document.last_run() if self.document is not None else None
        self.previous_history = last.history if last is not None and last.history else None
        self.result = None
        self.running, self.paused = True, False
        self._steps = None
        self.progress.setValue(0)
        self.eta.setText(self.tr("starting…"))
        self._set_status(self.tr("Starting…"))
        self.messages.appendPlainText(self.tr("--- run started {time}").format(time=time.strftime("%H:%M:%S")))
        self.curves.begin([])
        self.curves.set_previous(self.previous_history)
        self.coach.begin(session.model_key, self.training_settings())
        self.results.clear()
        self._shown = {"curves": session.model_key}  # what is drawn from now on is this run's
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
        self._check_session = session
        self._start("check", session, swap=False)

    @Slot()
    def stop(self) -> None:
        if self.session is not None and self.running:
            self.session.stop()
            self._set_status(self.tr("Stopping after the current batch…"))

    @Slot()
    def toggle_pause(self) -> None:
        if self.session is None or not self.running:
            return
        if self.paused:
            self.session.resume()
        else:
            self.session.pause()
            self._set_status(self.tr("Pausing after the current batch…"))

    @Slot()
    def evaluate(self) -> None:
        """Evaluate the trained model when it is the model on the canvas;
        else the model with the weights it has (the opened file's or a run's,
        when the box is ticked), built and checked against the data first."""
        if self.busy:
            return
        if self._session_ok and self.session_current() and self.session.prepared is not None:
            self._start("evaluate", self.session)
        elif self._start_weights() is not None:
            session = self._new_session()
            if session is not None:
                self.result = None
                self.results.clear()  # the figures shown next are this evaluation's
                self._shown.pop("results", None)
                self._set_status(self.tr("Evaluating the model's weights…"))
                self._start("evaluate", session)

    def _refuse_stale(self) -> bool:
        if self.session_current() and self._session_ok:
            return False
        self._show_error(self._out_of_date_reason() if self.session is not None else self.tr("Train the model first."))
        return True

    def save_model(self, path: str | Path) -> None:
        """Save the session's model on the worker thread (``saved`` or
        ``failed`` follows); refused when it is not the model on the canvas."""
        if self.busy or self.session is None or self.session.model is None or self._refuse_stale():
            return
        self._start("save", self.session, path=str(path))

    def export_script(self, path: str | Path) -> Path | None:
        from kbuilder.project.kbproj import ProjectError, atomic_write_text
        from kbuilder.training.fit_setup import TrainingError
        from kbuilder.training.script import export_script

        if self._refuse_stale():
            return None
        try:
            text = export_script(self.session)
            atomic_write_text(Path(path), text)
        except (TrainingError, ProjectError) as exc:
            self._show_error(str(exc))
            return None
        self._set_status(self.tr("Wrote the training script {path}.").format(path=path))
        self.messages.appendPlainText(self.tr("wrote {path}").format(path=path))
        return Path(path)

    def _dialog_folder(self) -> Path:
        from kbuilder.ui.window.files import last_folder

        return Path(last_folder())

    @Slot()
    def _ask_save(self) -> None:
        from kbuilder.ui.window.files import remember_folder

        name = (self.graph.name if self.graph is not None else "") or "model"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the trained model"),
                                              str(self._dialog_folder() / f"{name}.keras"),
                                              self.tr("Keras model (*.keras);;HDF5 (*.h5)"))
        if path:
            remember_folder(path)
            self.save_model(path)

    @Slot()
    def _ask_script(self) -> None:
        from kbuilder.ui.window.files import remember_folder

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the training script"),
                                              str(self._dialog_folder() / "train.py"), self.tr("Python (*.py)"))
        if path:
            remember_folder(path)
            self.export_script(path)

    @Slot(bool)
    def _compare_toggled(self, on: bool) -> None:
        self.curves.set_previous(self.previous_history)
        self.curves.show_previous(on)
