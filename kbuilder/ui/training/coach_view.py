"""The coach in the Train mode: advice from the curves, with one-click actions.

:func:`kbuilder.training.coach.advise` reads a training history (pure Python,
cheap): the view asks it after every epoch of a live run (:meth:`add_epoch`,
fed by the panel's epoch slot) and again from ``RunRecord.history`` when a
run is shown (:meth:`show_run`; the document's ``runs`` event shows the last
one), so the advice stays with the run's results.  It also asks again when
the training settings change (an action already in effect is left out) and
when the model changes.

Each advice shows its message and the epoch it points at (``epoch_marked``
tells the curves where to draw a line) and one button per action; a click is
one undo step through ``push`` (a graph edit, or a training-settings edit of
the document).  When the run is out of date (``document.is_current(key)`` is
False: the model changed since) the advice stays, but the graph actions are
disabled: they were meant for the model as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kbuilder.training.coach import Advice, advise
from kbuilder.ui.action_buttons import ActionButton, apply_action

STYLE = "QFrame#coach_view { background: #eef4fb; border: 1px solid #b9cfe8; border-radius: 4px; }"


def code_title(code: str) -> str:
    titles = {
        "overfitting": QCoreApplication.translate("CoachView", "Overfitting"),
        "underfitting": QCoreApplication.translate("CoachView", "Underfitting"),
        "diverging": QCoreApplication.translate("CoachView", "The learning rate is too high"),
        "learning_rate_too_low": QCoreApplication.translate("CoachView", "The learning rate is too low"),
        "plateau": QCoreApplication.translate("CoachView", "Progress has stopped"),
    }
    return titles.get(code, code.replace("_", " ").capitalize())


class CoachView(QFrame):
    """API: ``CoachView(push=None)``; ``set_document(document)``; per live run
    ``begin(key)`` then ``add_epoch(epoch, logs, key)``; ``show_run(record)``;
    ``clear()``; ``set_results(analysis_result)`` (layer sizes: which Dense is
    the largest).  ``history()``, ``advice()`` and ``action_buttons()`` say what is shown;
    ``epoch_marked(object)`` gives the advised epoch (1-based) or None."""

    epoch_marked = Signal(object)

    def __init__(self, push: Callable | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coach_view")
        self.setStyleSheet(STYLE)
        self.push = push
        self.document: Any = None
        self._history: dict[str, list[float]] = {}
        self._key: str | None = None  # the model key of the run the history is from
        self._run_settings: dict | None = None  # the run's training settings (its data's classes)
        self._layer_params: dict[str, int | None] = {}
        self._advice: list[Advice] = []
        self._buttons: list[ActionButton] = []

        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(4)
        self.message = QLabel("")
        self.message.setObjectName("coach_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.message)
        self.row = QHBoxLayout()
        self.row.setSpacing(6)
        lay.addLayout(self.row)
        self.note = QLabel("")
        self.note.setObjectName("coach_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6b4e00;")
        self.note.hide()
        lay.addWidget(self.note)
        self._graph_timer = QTimer(self)
        self._graph_timer.setSingleShot(True)
        self._graph_timer.setInterval(150)
        self._graph_timer.timeout.connect(self._refresh)
        self.hide()  # until a run has epochs

    # ------------------------------------------------------------ wiring
    def set_document(self, document: Any) -> None:
        if self.document is not None:
            self.detach()
        self.document = document
        document.subscribe(self._on_document_event)
        document.graph.subscribe(self._on_graph_event)
        run = document.last_run()
        if run is not None:
            self.show_run(run)

    def detach(self) -> None:
        self._graph_timer.stop()
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
            self.document.graph.unsubscribe(self._on_graph_event)

    def set_results(self, result: Any) -> None:
        """An analysis result: the layers' parameter counts pick the largest Dense."""
        infos = getattr(result, "infos", None) or {}
        params = {nid: getattr(info, "params", None) for nid, info in infos.items()}
        if params != self._layer_params:
            self._layer_params = params
            if self._history:
                self._refresh()

    def _on_document_event(self, event: Any) -> None:
        if event.kind == "replaced":
            self.clear()
        elif event.kind == "runs" and self.document.last_run() is not None:
            self.show_run(self.document.last_run())
        elif event.kind == "settings" and event.key == "training" and self._history:
            self._refresh()  # an action now in effect (early stopping on) goes away

    def _on_graph_event(self, event: Any) -> None:
        if event.kind != "node_moved" and self._history:
            self._graph_timer.start()

    # ------------------------------------------------------------ the runs
    def clear(self) -> None:
        self._history, self._key, self._run_settings = {}, None, None
        self._show([])

    def begin(self, key: str | None, settings: dict | None = None) -> None:
        """A live run starts (``key``: the model key of the graph it trains)."""
        self.clear()
        self._key = key
        self._run_settings = settings

    def add_epoch(self, epoch: int, logs: Mapping[str, float], key: str | None = None) -> None:
        """An epoch ended (0-based ``epoch``, Keras's logs): advise on the history so far."""
        if epoch == 0 or (key is not None and key != self._key):
            self.begin(key or self._key or self._current_key(), self._run_settings)
        for name, value in logs.items():
            series = self._history.setdefault(name, [])
            if len(series) <= epoch:
                series.append(float(value))
        self._refresh()

    def show_run(self, record: Any) -> None:
        """A run of the document's history (``RunRecord``): its advice, from its curves."""
        self._history = {k: list(v) for k, v in (record.history or {}).items()}
        self._key = record.key
        self._run_settings = record.settings or None
        self._refresh()

    def is_current(self) -> bool:
        return self.document is not None and self.document.is_current(self._key)

    def history(self) -> dict[str, list[float]]:
        """The history the advice is about (the live run's so far, or the run shown)."""
        return {k: list(v) for k, v in self._history.items()}

    def advice(self) -> list[Advice]:
        return list(self._advice)

    def action_buttons(self) -> list[ActionButton]:
        return list(self._buttons)

    # ------------------------------------------------------------ drawing
    def _current_key(self) -> str | None:
        return self.document.model_key() if self.document is not None else None

    def _refresh(self) -> None:
        if not self._history:
            self._show([])
            return
        from kbuilder.training.repair import dataset_facts

        doc = self.document
        classes = dataset_facts(self._run_settings)[0]
        # The advice is about the run: its own settings (a learning rate changed since is not the one it ran with).
        now = doc.settings.get("training") if doc is not None else None
        training = self._run_settings if self._run_settings is not None else now
        self._show(advise(self._history, graph=doc.graph if doc is not None else None, training=training,
                          layer_params=self._layer_params, classes=classes))

    def _show(self, advice: list[Advice]) -> None:
        self._advice = advice
        for b in self._buttons:
            self.row.removeWidget(b)
            b.hide()
            b.deleteLater()
        self._buttons = []
        while self.row.count():
            self.row.takeAt(0)
        self.note.hide()
        epochs = max((len(v) for v in self._history.values()), default=0)
        if not epochs:
            self.hide()
            self.epoch_marked.emit(None)
            return
        if not advice:
            self.message.setText(self.tr("<b>Coach:</b> nothing to point out in the curves so far."))
            self.setToolTip(self.tr("The coach reads the curves after every epoch and says when something looks wrong"))
        else:
            a = advice[0]
            head = self.tr("{title}, from epoch {epoch}.").format(title=code_title(a.code), epoch=a.epoch)
            self.message.setText(f"<b>{_escape(head)}</b> {_escape(a.message)}")
            self.setToolTip(self.tr("The coach's advice; the line on the curves marks epoch {epoch}").format(epoch=a.epoch))
            current = self.is_current()
            for action in a.actions:
                b = ActionButton(action, self)
                b.clicked.connect(lambda _checked=False, act=action: self._apply(act))
                if action.kind == "graph" and not current:
                    b.setEnabled(False)
                    b.setToolTip(self.tr("The model has changed since this run: this edit was advised for the "
                                         "model as it was then. Train again to get advice for this one."))
                elif action.kind != "graph" and self._settings_changed():
                    b.setEnabled(False)
                    b.setToolTip(self.tr("The training settings have changed since this run (this advice may "
                                         "already be applied). Train again to see what they do."))
                self.row.addWidget(b)
                b.show()  # now, not at the next turn of the event loop
                self._buttons.append(b)
            self.row.addStretch(1)
        self.show()
        self.epoch_marked.emit(advice[0].epoch if advice else None)

    def _settings_changed(self) -> bool:
        """Whether the document's training settings differ from the run's."""
        if self.document is None or self._run_settings is None:
            return False
        from kbuilder.training.config import TrainConfig

        now = self.document.settings.get("training")
        return TrainConfig.from_dict(now).to_dict() != TrainConfig.from_dict(self._run_settings).to_dict()

    def _apply(self, action: Any) -> None:
        if self.document is None:
            return
        reason = apply_action(action, self.document.graph, self.document, self.push)
        if reason:
            self.note.setText(self.tr("Could not apply it: {reason}").format(reason=reason))
            self.note.show()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
