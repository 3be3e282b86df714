"""The Search tab: what to try (left), Start / Stop / Resume, the live
trials table and their curves overlaid (right), and "Apply best".

The search runs on its own thread (:class:`~kbuilder.ui.experiments.runner.SearchThread`);
this view only shows its events.  Its trials are kept in the search folder
beside the project (:func:`kbuilder.training.search_results.search_folder`), so an
unsaved project is saved first, and a project opened again shows its
finished trials and offers Resume.  The events of a search started for a
model that has since been replaced are dropped (each search has a token).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from kbuilder.training.search_results import SearchResults, TrialResult, direction_of
from kbuilder.ui.experiments.overlay_plot import OverlayPlot, color_of
from kbuilder.ui.experiments.search_control import SearchControl
from kbuilder.ui.experiments.space_editor import SpaceEditor
from kbuilder.ui.experiments.trials_table import TrialsTable


class SearchView(SearchControl, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_view")
        self.document: Any = None
        self.push = None
        self.host: Any = None  # the main window: files.save, training_running, show_message
        self.thread = None
        self.results: SearchResults | None = None  # what the table shows (the folder's, then the live ones)
        self.running: dict[int, tuple[dict, str]] = {}  # the trial running now: number -> (values, state)
        self.live: dict[int, dict[str, list[float]]] = {}  # its curves so far, per epoch
        self.epochs = 1
        self.busy = False
        self.stopping = False
        self._token = 0  # the search whose events are shown
        self._job: int | None = None  # the search the thread runs (may be an old model's, stopping)
        self._build_ui()

    def _build_ui(self) -> None:
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        left = QVBoxLayout()
        self.space = SpaceEditor()
        left.addWidget(self.space, 1)
        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start search"))
        self.start_button.setObjectName("search_start")
        self.start_button.setToolTip(self.tr("Train one model per trial with the values the tuner picks "
                                             "(a new search replaces the last one's trials)"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("search_stop")
        self.stop_button.setToolTip(self.tr("End the running trial and the search; the finished trials are kept"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setObjectName("search_resume")
        self.resume_button.setToolTip(self.tr("Go on with the last search: run its unfinished trials"))
        for b in (self.start_button, self.stop_button, self.resume_button):
            buttons.addWidget(b)
        left.addLayout(buttons)
        self.status = QLabel(self.tr("Mark what to try, then start the search."))
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.status)
        self.apply_button = QPushButton(self.tr("Apply best"))
        self.apply_button.setObjectName("search_apply_best")
        self.apply_button.setToolTip(self.tr("Write the best trial's values into the model and the training "
                                             "settings (one undo step)"))
        left.addWidget(self.apply_button)
        holder = QWidget()
        holder.setLayout(left)
        holder.setMinimumWidth(340)
        holder.setMaximumWidth(400)
        lay.addWidget(holder)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        self.table = TrialsTable()
        right.addWidget(self.table)
        self.plot = OverlayPlot(self.tr("The trials' curves appear here."))
        right.addWidget(self.plot)
        right.setSizes([200, 300])
        lay.addWidget(right, 1)

        self.start_button.clicked.connect(lambda: self.start(resume=False))
        self.resume_button.clicked.connect(lambda: self.start(resume=True))
        self.stop_button.clicked.connect(self.stop)
        self.apply_button.clicked.connect(self.apply_best)
        self._update_buttons()

    # ---------------------------------------------------------------- show
    def show_results(self) -> None:
        """The table and the curves from ``results`` and the trial running now."""
        self.table.show_trials(self.results, self.running)
        curves: dict[str, dict[str, list[float]]] = {}
        colors, emphasis = {}, None
        trials = list(self.results.trials) if self.results is not None else []
        for t in trials:
            if t.number not in self.running:
                self._add_curves(curves, t.number, t.history)
        for number in self.running:
            self._add_curves(curves, number, self.live.get(number, {}))
        for number in {t.number for t in trials} | set(self.running):
            colors[self.tr("Trial {n}").format(n=number)] = color_of(number)
        best = self.results.best() if self.results is not None else None
        if best is not None:
            emphasis = self.tr("Trial {n}").format(n=best.number)
        preferred = self.results.objective if self.results is not None else None
        self.plot.set_curves(curves, colors, emphasis, preferred)
        self._update_buttons()

    def _add_curves(self, curves: dict, number: int, history: dict[str, list[float]]) -> None:
        label = self.tr("Trial {n}").format(n=number)
        for key, values in (history or {}).items():
            if key != "learning_rate" and values:
                curves.setdefault(key, {})[label] = list(values)

    def _update_buttons(self) -> None:
        self.start_button.setEnabled(not self.busy)
        self.stop_button.setEnabled(self.busy and not self.stopping and self._job == self._token)
        self.resume_button.setEnabled(not self.busy and self.can_resume())
        self.apply_button.setEnabled(self.results is not None and self.results.best() is not None)

    def can_resume(self) -> bool:
        """A search in the folder with trials left: stopped ones, or fewer than asked for."""
        if self.results is None or self.document is None or self.document.path is None:
            return False
        trials = self.results.trials
        return any(t.state == "stopped" for t in trials) or len(self.results.finished()) < self.space.trials.value()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    # ------------------------------------------------------------- events
    def _on_event(self, token: int, kind: str, payload: dict) -> None:
        if token != self._token:
            return  # a search of a model that was replaced
        if kind == "status":
            self.set_status(payload.get("text", ""))
        elif kind == "search_begin":
            objective = payload["objective"]
            finished = [TrialResult(**t) for t in payload.get("finished", [])]
            self.results = SearchResults(objective, direction_of(objective), list(payload["keys"]), finished,
                                         payload.get("tuner", "random"))
            self.epochs = int(payload.get("epochs") or 1)
            notes = " ".join(payload.get("notes") or [])
            text = (self.tr("Resumed the search: {n} finished trials kept.").format(n=len(finished))
                    if payload.get("resumed") else self.tr("The search started."))
            self.set_status(f"{text} {notes}".strip())
            self.show_results()
        elif kind == "trial_begin":
            number = int(payload["trial"])
            self.running = {number: (dict(payload.get("values") or {}), self.tr("starting…"))}
            self.live[number] = {}
            self.set_status(self.tr("Trial {n} is training.").format(n=number))
            self.show_results()
        elif kind == "batch":
            number = int(payload.get("trial", 0))
            if number in self.running:
                epochs = self.epochs
                text = self.tr("epoch {e} of {n}").format(e=int(payload.get("epoch", 0)) + 1, n=epochs)
                self.table.set_state(number, text)
        elif kind == "epoch":
            self._on_epoch(payload)
        elif kind == "trial_end":
            trial = TrialResult(**payload)
            if self.results is not None:
                self.results.trials = [t for t in self.results.trials if t.number != trial.number] + [trial]
                self.results.trials.sort(key=lambda t: t.number)
            self.running.pop(trial.number, None)
            self.live.pop(trial.number, None)
            self.show_results()
        elif kind == "search_end":
            self.set_status(payload.get("message", ""))

    def _on_epoch(self, payload: dict) -> None:
        number = int(payload.get("trial", 0))
        if number not in self.running:
            return
        history = self.live.setdefault(number, {})
        for key, value in (payload.get("logs") or {}).items():
            history.setdefault(key, []).append(float(value))
        epochs = int(payload.get("epochs") or self.epochs)
        values, _ = self.running[number]
        self.running[number] = (values, self.tr("epoch {e} of {n}").format(e=int(payload["epoch"]) + 1, n=epochs))
        self.show_results()
