"""What the training panel shows while a job runs: the worker's signals,
queued to these methods on the UI thread, update the curves, progress,
status, messages and results, and record a finished run in the document.

A mixin of :class:`kbuilder.ui.training.panel.TrainingPanel` (it uses the
panel's widgets and state).  While a job of a replaced document finishes
(``_orphaned``), its signals are dropped; when it ends the panel resets.
"""

from __future__ import annotations

from PySide6.QtCore import Slot

from kbuilder.project.document import RunRecord
from kbuilder.training.config import epochs_label


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "…"
    seconds = int(round(seconds))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TrainingFeedback:
    # ------------------------------------------------------------ worker slots
    # While a replaced document's job finishes (``_orphaned``), its signals are dropped.
    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self.busy = busy
        if not busy:
            self.running = False
            self.paused = False
            if self._orphaned:
                self._orphaned = False
                self.reset()
        self._update_buttons()

    @Slot(str)
    def _on_status(self, text: str) -> None:
        if not self._orphaned:
            self._set_status(text)

    @Slot(object)
    def _on_model_ready(self, info: dict) -> None:
        if self._orphaned:
            return
        self.curves.begin(info.get("outputs", []))
        self.curves.prepare(info.get("keys", []))  # lay the plots out now, not during the first batches
        epochs = self.session.config.epochs if self.session is not None else self.config().epochs
        self.curves.set_epochs(int(epochs))  # the x axis right from the first repaint
        self.curves.set_previous(self.previous_history)
        self.curves.show_previous(self.compare.isChecked())

    @Slot(object)
    def _on_run_begin(self, info: dict) -> None:
        if self._orphaned:
            return
        self._epochs = int(info.get("epochs") or 1)
        self._steps = info.get("steps")
        self.curves.set_epochs(self._epochs)
        if self.session is not None and self.session.prepared is not None:
            for note in self.session.prepared.notes:
                self.messages.appendPlainText(self.tr("data: {note}").format(note=note))
            for issue in self.session.issues:
                self.messages.appendPlainText(self._issue_line(issue.severity, issue.message))
        for note in self.session.build_notes if self.session is not None else []:
            self.messages.appendPlainText(self.tr("weights: {note}").format(note=note))
        self._set_status(self.tr("Training…"))

    @Slot(int)
    def _on_epoch_begin(self, epoch: int) -> None:
        if not self._orphaned:
            self.curves.epoch_begin()

    @Slot(object)
    def _on_batch(self, p: dict) -> None:
        if self._orphaned:
            return
        self.curves.add_batch(p["epoch"], p["step"], p.get("steps"), p["logs"])
        self._progress(p.get("progress", 0.0), p.get("eta"),
                       self.tr("epoch {epoch}/{epochs} · batch {step}/{steps}").format(
                           epoch=p["epoch"] + 1, epochs=self._epochs, step=p["step"], steps=p.get("steps") or "?"))

    @Slot(object)
    def _on_epoch(self, p: dict) -> None:
        if self._orphaned:
            return
        logs = p["logs"]
        if self._steps:  # close the batch curve at the epoch's end (the throttle may have skipped it)
            self.curves.add_batch(p["epoch"], self._steps, self._steps,
                                  {k: v for k, v in logs.items() if not k.startswith("val_")})
        self.curves.add_epoch(p["epoch"], logs)
        self.coach.add_epoch(p["epoch"], logs, self._session_key)
        self._progress(p.get("progress", 0.0), p.get("eta"), self.tr("epoch {epoch}/{epochs} done").format(
            epoch=p["epoch"] + 1, epochs=p.get("epochs", self._epochs)))
        parts = "  ".join(f"{k} {v:.4f}" for k, v in logs.items() if k != "learning_rate")
        self.messages.appendPlainText(self.tr("epoch {epoch}: {logs}").format(epoch=p["epoch"] + 1, logs=parts))

    @Slot(bool)
    def _on_paused(self, paused: bool) -> None:
        if self._orphaned:
            return
        self.paused = paused
        self._set_status(self.tr("Paused: press Resume to go on.") if paused else self.tr("Training…"))
        self._update_buttons()

    @Slot(object)
    def _on_finished(self, result) -> None:
        weights, result.weights = getattr(result, "weights", None), None
        if self._orphaned:
            return
        self.result = result
        self.running = False
        self._session_ok = True
        if result.stop_reason in ("", "early_stopping"):
            self.progress.setValue(1000)
        self.eta.setText(self.tr("{epochs} in {time}").format(epochs=epochs_label(result.epochs_done),
                                                               time=fmt_time(result.seconds)))
        self._set_status(result.message, error=result.stop_reason == "nan")
        self.messages.appendPlainText(result.message)
        for note in result.notes[-1:]:
            self.messages.appendPlainText(note)
        self.results.show_result(result)
        self._shown["results"] = self._session_key or ""
        if self.document is not None:
            record = RunRecord(0, self._session_key or "", self.document.revision, self.training_settings(),
                               dict(result.history), dict(result.test_metrics), result.epochs_done,
                               result.stop_reason, result.message)
            self.document.add_run(record, None if result.stop_reason == "nan" else weights)
        self._update_buttons()

    @Slot(object)
    def _on_evaluated(self, result) -> None:
        if self._orphaned:
            return
        self._session_ok = True
        if self.result is not None:
            result.message = self.result.message
        self.results.show_result(result)
        self._shown["results"] = self._session_key or ""
        for note in result.notes:
            self.messages.appendPlainText(note)
        self.tabs.setCurrentWidget(self.results)
        self._set_status(self.tr("Evaluated: {metrics}").format(
            metrics=", ".join(f"{k} {v:.4f}" for k, v in result.test_metrics.items())))
        self._update_buttons()

    @Slot(object)
    def _on_checked(self, issues) -> None:
        if self._orphaned:
            return
        session = self._check_session or self.session
        if session is not None and session.prepared is not None:
            prep = session.prepared
            text = self.tr("The data fits the model (train {train}, val {val}, test {test} samples).").format(
                train=prep.n("train"), val=prep.n("val"), test=prep.n("test"))
        else:
            text = self.tr("The data fits the model.")
        warnings = [i.message for i in issues if i.severity == "warning"]
        if warnings:
            text += " " + self.tr("Warnings: {warnings}").format(warnings=" ".join(warnings))
        self._set_status(text)
        for note in session.prepared.notes if session and session.prepared else []:
            self.messages.appendPlainText(self.tr("data: {note}").format(note=note))

    @Slot(str)
    def _on_saved(self, path: str) -> None:
        if self._orphaned:
            return
        self._set_status(self.tr("Saved the model to {path}. It takes raw inputs (pictures in 0-255, a CSV's own "
                                 "columns): the data's scaling is inside the model.").format(path=path))
        self.messages.appendPlainText(self.tr("saved {path}").format(path=path))
        self.model_saved.emit(path, True)  # a trained session saves its data's scaling in the model

    @Slot(object)
    def _on_failed(self, exc) -> None:
        if self._orphaned:
            return
        self.running = False
        if self._job in ("fit", "evaluate") and getattr(exc, "kind", "") != "oom":
            self._session_ok = False  # a failed run's model is not a trained model (a failed Check or save changes nothing)
        self.eta.setText("")
        self._show_error(str(exc))
        if self._job == "save":
            self.model_save_failed.emit(str(exc))
        for issue in getattr(exc, "issues", []) or []:
            if issue.severity == "warning":
                self.messages.appendPlainText(self.tr("warning: {message}").format(message=issue.message))
        self._update_buttons()

    # ------------------------------------------------------------ helpers
    def _progress(self, frac: float, eta: float | None, where: str) -> None:
        self.progress.setValue(int(round(1000 * max(0.0, min(1.0, frac or 0.0)))))
        self.eta.setText(self.tr("{where} · {time} left").format(where=where, time=fmt_time(eta)))

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828;" if error else "")
        self.status.setText(text)

    def _show_error(self, text: str) -> None:
        self._set_status(text, error=True)
        self._error_key = self.document.model_key() if self.document is not None else None
        self.messages.appendPlainText(self.tr("error: {message}").format(message=text))

    def _issue_line(self, severity: str, message: str) -> str:
        """A check's issue for the Messages tab ("warning: ...")."""
        if severity == "error":
            return self.tr("error: {message}").format(message=message)
        if severity == "warning":
            return self.tr("warning: {message}").format(message=message)
        if severity == "note":
            return self.tr("note: {message}").format(message=message)
        return f"{severity}: {message}"

