"""The training panel's side of the Try-it view: when it may be used, the
Predictor it needs, and the predictions, all run on the training thread.

A mixin of :class:`kbuilder.ui.training.panel.TrainingPanel`.

* The view is usable once the model has weights that belong to the model
  on the canvas (``document.weights`` and ``document.is_current``): from a
  run here, or from the opened file.  Otherwise (and while a job runs) its
  controls are disabled and say why, as Evaluate does.
* The Predictor is made when the view is shown (not after every run), on
  the training thread: from the trained session when it is the model on
  the canvas (its data's scaling, class names, columns), else from the
  document's graph and weights with the project's training settings.  The
  worker keeps it; the panel knows it by a token, and a source key says
  which weights it was made from.
* One prediction at a time: a request made while another runs waits, and
  only the newest waiting one is sent (a fast drawer makes many strokes).
* :meth:`save_raw_model` saves the model with its scaling inside (Export
  Keras model in the main window uses it).
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Slot

from kbuilder.training.predict import NOT_SCALED
from kbuilder.training.predict_info import input_kind
from kbuilder.ui.training.predict_jobs import PredictorSource


class TryItControl:
    _try_token = 0  # the predictor the worker has or is making
    _try_key: tuple | None = None  # the source key of that predictor (None: none)
    _try_ready = False
    _try_failed = ""  # why that predictor could not be made
    _try_busy = False  # a prediction is running
    _try_next: dict | None = None  # the newest request waiting for it

    # ------------------------------------------------------------ state
    def _try_source_key(self) -> tuple | None:
        """What a predictor would be made from now, or None when the model
        has no weights that belong to it."""
        doc = self.document
        w = doc.weights if doc is not None else None
        if w is None or not doc.is_current(w.key):
            return None
        base = (doc.generation, w.source, w.key, w.revision, len(doc.runs))
        if self._session_usable():
            return ("session", id(self.session), *base)
        settings = self.training_settings()  # the data set shown in Train: how to scale, the class names
        what = {"data": settings.get("data"), "outputs": settings.get("outputs")}
        return ("graph", json.dumps(what, sort_keys=True, default=str), *base)

    def _session_usable(self) -> bool:
        s = self.session
        w = self.document.weights if self.document is not None else None
        return (s is not None and w is not None and self._session_ok and self.session_current()
                and s.prepared is not None and s.model is not None and w.key == self._session_key)

    def _try_reason(self) -> str:
        """Why the Try-it view cannot be used now ("" when it can)."""
        doc = self.document
        if doc is None or len(doc.graph) == 0:
            return self.tr("There is no model to try: draw one or open a template first.")
        if self.busy:
            return self.tr("Wait until the job ends: Try it uses the weights it leaves.")
        if doc.weights is None:
            return self.tr("Train the model first: Try it needs trained weights (or a model file that has them).")
        if not doc.is_current(doc.weights.key):
            return self._out_of_date_reason()
        return ""

    def _refresh_try_it(self) -> None:
        """Follow the state: the view's layout and whether it is usable; make
        the predictor when the view is shown and it is missing."""
        if self._closed:
            return
        view = self.try_it
        key = self._try_source_key()
        reason = self._try_reason()
        if not self._try_ready:  # laid out from the graph until a predictor says more
            graph = self.document.graph if self.document is not None else None
            if graph is not None and len(graph):
                view.set_kind(input_kind(graph, self.training_settings()))
        view.set_available(not reason, reason)
        if self._try_key is not None and (self.document is None or self.document.weights is None):
            self._try_forget()  # (out-of-date weights keep it: an undo makes them current again)
        elif key is not None and key != self._try_key and not reason and self.tabs.currentWidget() is view:
            self._try_make(key)

    def _try_forget(self) -> None:
        """The weights went: the worker drops its predictor (on the training thread)."""
        self._try_key, self._try_ready, self._try_failed, self._try_next = None, False, "", None
        self._try_token += 1
        self.try_it.forget_model()
        if self._thread is not None:
            self._thread.submit("forget", {})

    def _try_make(self, key: tuple) -> None:
        doc = self.document
        if key[0] == "session":
            source = PredictorSource(session=self.session)
        else:
            source = PredictorSource(graph=doc.graph.copy(), weights=doc.weights_by_name(),
                                     training=self.training_settings())
        self._ensure_thread()
        self._try_token += 1
        self._try_key, self._try_ready, self._try_failed, self._try_next = key, False, "", None
        self._try_busy = False
        self.try_it.forget_model(self.tr("Getting the model ready…"))
        self._thread.submit("predictor", {"token": self._try_token, "source": source})

    # ------------------------------------------------------------ requests
    @Slot(dict)
    def _try_request(self, request: dict) -> None:
        """Predict on ``request`` (from the view) with the current weights."""
        key = self._try_source_key()
        if key is None or self._try_reason():
            self.try_it.show_error(self._try_reason() or self.tr("Train the model first."))
            return
        if key != self._try_key:
            self._try_make(key)
        elif self._try_failed:
            self.try_it.show_error(self._try_failed)
            return
        if self._try_busy:
            self._try_next = request
            return
        self._try_send(request)

    def _try_send(self, request: dict) -> None:
        self._try_busy = True
        self.try_it.show_working(self.tr("Thinking…"))
        self._thread.submit("predict", {"token": self._try_token, "request": request})

    def save_raw_model(self, path: str | Path) -> bool:
        """Save the model with weights that belong to it so that it takes raw
        inputs (its data's scaling inside); ``model_saved`` or
        ``model_save_failed`` follows.  False (nothing started) when it has
        no such weights or a job runs.  Weights from a file are scaled for
        the data set shown in Train (when it fits the model)."""
        if self.busy:
            return False
        if self._session_usable():
            self.save_model(path)
            return True
        key = self._try_source_key()
        if key is None:
            return False
        if key != self._try_key:
            self._try_make(key)
        self._thread.submit("predict", {"token": self._try_token, "request": {"kind": "save", "path": str(path)}})
        return True

    # ------------------------------------------------------------ answers
    @Slot(object)
    def _on_predictor_ready(self, payload: dict) -> None:
        if payload["token"] != self._try_token or self._closed:
            return
        if payload.get("error"):
            self._try_failed = payload["error"]
            self.try_it.show_error(self._try_failed)
            return
        self._try_ready = True
        self.try_it.set_info(payload["info"])
        if payload["unfit"]:
            unscaled = self.tr("The data set chosen in the Data tab does not fit this model ({reason}), so your "
                               "input goes in as it is (pictures in 0-255): choose the data set it was trained on "
                               "to scale it the same way.").format(reason=payload["unfit"].rstrip("."))
        else:
            unscaled = self.tr("kbuilder does not know how this model's training data was scaled, so your input goes "
                               "in as it is (pictures in 0-255): choose the data set it was trained on in the Data "
                               "tab to scale it the same way.")
        self.try_it.set_notes([unscaled if n == NOT_SCALED else n for n in payload["info"].notes])
        self.try_it.set_available(not self._try_reason(), self._try_reason())
        self.try_it.prediction.clear()

    @Slot(object)
    def _on_predicted(self, payload: dict) -> None:
        if self._closed:
            return
        request = payload["request"]
        if request["kind"] == "save":
            self._on_raw_saved(request["path"], payload)
            return
        if payload["token"] != self._try_token:
            return
        self._try_busy = False
        if payload.get("error"):
            self.try_it.show_error(payload["error"])
        else:
            self.try_it.show_outcome(payload["outcome"])
        if self._try_next is not None:
            request, self._try_next = self._try_next, None
            self._try_send(request)

    def _on_raw_saved(self, path: str, payload: dict) -> None:
        if payload.get("error"):
            self._show_error(payload["error"])
            self.model_save_failed.emit(payload["error"])
            return
        raw = payload["outcome"].raw
        self._set_status(self.tr("Saved the model to {path}. It takes raw inputs (pictures in 0-255, a CSV's own "
                                 "columns): the data's scaling is inside the model.").format(path=path) if raw
                         else self.tr("Saved the model to {path}.").format(path=path))
        self.messages.appendPlainText(self.tr("saved {path}").format(path=path))
        self.model_saved.emit(path, raw)
