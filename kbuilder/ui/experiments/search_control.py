"""Starting, stopping and resuming the search, and "Apply best": a mixin of
:class:`kbuilder.ui.experiments.search_view.SearchView`, which holds the
widgets and the state used here.

The search folder is ``search_folder(document.path)``: beside the saved
project, so a search survives a restart.  A search is a job on the
view's :class:`~kbuilder.ui.experiments.runner.SearchThread`, made from
snapshots (the graph, the space, the training settings) taken when Start
is pressed; each job has a token, and the events of any other token are
dropped.
"""

from __future__ import annotations

import copy

from PySide6.QtWidgets import QMessageBox

from kbuilder.training.search_results import load_results, search_folder
from kbuilder.training.search_space import space_of
from kbuilder.training.tuning import TuningError
from kbuilder.ui.experiments.commands import apply_best_command
from kbuilder.ui.experiments.trials_table import fmt


class SearchControl:
    # ------------------------------------------------------------ questions
    def ask_save_first(self) -> bool:
        """The project has no file yet: save it now?  Tests replace this method."""
        answer = QMessageBox.question(
            self, self.tr("Save the project first"),
            self.tr("A search keeps its trials in a folder beside the project file, so save the project first."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        return answer == QMessageBox.StandardButton.Save

    def ask_replace(self, count: int) -> bool:
        """A new search deletes the last one's trials: go on?  Tests replace this method."""
        answer = QMessageBox.question(
            self, self.tr("Start a new search"),
            self.tr("A new search deletes the {n} trials of the last search (Resume would go on with it). "
                    "Start a new search?").format(n=count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # ------------------------------------------------------------ start/stop
    def start(self, resume: bool = False) -> bool:
        """Start a search (or resume the last one); False when it did not start."""
        doc = self.document
        if self.busy or doc is None or self.host is None:
            return False
        if self.host.training_running():
            self.set_status(self.tr("Training is running: let it finish or stop it, then start the search."))
            return False
        space = space_of(doc)
        if not space.active(doc.graph):
            self.set_status(self.tr("Nothing is marked to try several values yet: right-click a layer setting in "
                                    "the Inspector, or use the buttons above."))
            return False
        if doc.path is None:
            if not self.ask_save_first() or not self.host.files.save() or doc.path is None:
                self.set_status(self.tr("The search did not start: it needs the project saved in a file."))
                return False
        if not resume and self.results is not None and self.results.trials and not self.ask_replace(
                len(self.results.trials)):
            return False
        self._token += 1
        self._job = self._token
        self.busy, self.stopping = True, False
        self.running, self.live = {}, {}
        if not resume:
            self.results = None
        self.show_results()
        self.set_status(self.tr("Preparing the data (TensorFlow may take a few seconds to load)…"))
        job = {
            "graph": doc.graph.copy(),
            "space": space,
            "training": copy.deepcopy(doc.settings.get("training")),
            "folder": search_folder(doc.path),
            "resume": resume,
        }
        self._thread().submit(self._job, job)
        self._update_buttons()
        return True

    def stop(self) -> None:
        """Stop the search: the running trial ends, the finished ones stay."""
        if not self.busy or self._job is None:
            return
        self.stopping = True
        self.thread.stop(self._job)
        self.set_status(self.tr("Stopping: the running trial ends, the finished ones are kept…"))
        self._update_buttons()

    def _thread(self):
        if self.thread is None:
            from kbuilder.ui.experiments.runner import SearchThread

            self.thread = SearchThread()
            self.thread.event.connect(self._on_event)
            self.thread.finished_search.connect(self._on_finished)
            self.thread.failed.connect(self._on_failed)
        return self.thread

    def _job_ended(self, token: int) -> bool:
        """A job ended; True when it is the shown one."""
        if token == self._job:
            self.busy, self.stopping, self._job = False, False, None
        self._update_buttons()
        if token != self._token:
            self.load_folder()  # the search of a replaced model ended: show this model's trials
            return False
        return True

    def _on_finished(self, token: int, results) -> None:
        if not self._job_ended(token):
            return
        self.results, self.running, self.live = results, {}, {}
        self.show_results()
        best = results.best()
        if best is not None:
            values = ", ".join(f"{k} {fmt(v)}" for k, v in best.values.items())
            self.set_status(self.status.text() + " " + self.tr(
                "The best is trial {n} ({values}): {figure} {score}.").format(
                n=best.number, values=values, figure=results.objective, score=fmt(best.score)))

    def _on_failed(self, token: int, message: str) -> None:
        if not self._job_ended(token):
            return
        self.running, self.live = {}, {}
        if self.document is not None and self.document.path is not None:
            self.results = load_results(search_folder(self.document.path)) or self.results
        self.show_results()
        self.set_status(message)

    # ----------------------------------------------------------- apply best
    def apply_best(self) -> bool:
        """Write the best trial's values into the model and the training settings (one undo step)."""
        best = self.results.best() if self.results is not None else None
        if best is None or self.document is None or self.push is None:
            return False
        try:
            cmd = apply_best_command(self.document, best.values, best.number)
        except TuningError as exc:
            self.set_status(str(exc))
            return False
        if not cmd.children:
            self.set_status(self.tr("The model already has the values of trial {n}.").format(n=best.number))
            return False
        if self.push(cmd):
            return False
        values = ", ".join(f"{k} {fmt(v)}" for k, v in best.values.items())
        self.set_status(self.tr("Applied the values of trial {n}: {values}. Undo takes them back.").format(
            n=best.number, values=values))
        return True

    # ------------------------------------------------------------- document
    def load_folder(self) -> None:
        """Show the trials kept beside the project (after opening it, or a save under a new name)."""
        if self.busy:
            return
        doc = self.document
        self.running, self.live = {}, {}
        self.results = load_results(search_folder(doc.path)) if doc is not None and doc.path is not None else None
        self.show_results()
        if self.results is not None and self.results.trials:
            n = len(self.results.finished())
            text = self.tr("The last search of this project kept {n} finished trials.").format(n=n)
            if self.can_resume():
                text += " " + self.tr("Resume runs the rest.")
            self.set_status(text)
        else:
            self.set_status(self.tr("Mark what to try, then start the search."))

    def model_replaced(self) -> None:
        """Another model (open, New, a template): stop this one's search and drop its late events."""
        if self.busy and self._job is not None:
            self.thread.stop(self._job)
            self.stopping = True
        self._token += 1
        self.running, self.live, self.results = {}, {}, None
        if self.busy:  # its end shows this model's trials (_job_ended)
            self.show_results()
            self.set_status(self.tr("Stopping the search of the previous model…"))
        else:
            self.load_folder()

    def shutdown(self, wait_ms: int = 60_000) -> None:
        """The window closes: stop the search and end its thread."""
        if self.thread is None:
            return
        if self._job is not None:
            self.thread.stop(self._job)
        self._token += 1
        self.thread.finish()
        self.thread.wait(wait_ms)
