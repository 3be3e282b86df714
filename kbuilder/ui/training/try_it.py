"""The Try-it view: the trained model on the user's own input.

Beside the run's results in the Train mode.  On the left, the input as the
model's first Input takes it (:mod:`kbuilder.ui.training.try_it_inputs`):
a drawing pad and "Open a picture…" for pictures, a form of the training
data's columns (filled with a real row) for rows of numbers, a text box for
a text data set with a vocabulary.  On the right, the model's answer
(:class:`~kbuilder.ui.training.prediction_view.PredictionView`).

The view is only widgets: it emits ``predict_requested(request)`` and
``picture_chosen(path)``, and the training panel
(:mod:`kbuilder.ui.training.try_it_control`) runs them on the training
thread and calls back ``show_outcome`` / ``show_error``.  While the model
has no current weights every control is disabled, and its tooltip and the
banner say why.  Ctrl+Enter predicts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kbuilder.ui.training.prediction_view import PredictionView
from kbuilder.ui.training.try_it_inputs import ImageInput, NoInput, TableInput, TextInput, button

PAGES = ("image", "tabular", "text", "other")


class TryItView(QWidget):
    predict_requested = Signal(dict)  # a request for predict_jobs.run_request
    picture_chosen = Signal(str)  # a file to predict on
    answered = Signal()  # an answer or an error is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("try_it_view")
        self.kind = "other"
        self.info = None  # the Predictor's PredictInfo, once it is ready
        self.available = False
        self._tips: dict[QWidget, str] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.banner = QLabel("")
        self.banner.setObjectName("try_it_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #6b4e00; padding: 4px; border-radius: 3px;")
        outer.addWidget(self.banner)
        self.intro = QLabel("")
        self.intro.setObjectName("try_it_intro")
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        body.addLayout(left, 0)
        self.pages = QStackedWidget()
        self.pages.setMinimumWidth(250)
        self.pages.setMaximumWidth(340)
        self.image = ImageInput()
        self.image.drawn.connect(self.predict)
        self.image.open_clicked.connect(self.choose_picture)
        self.table = TableInput()
        self.text = TextInput()
        self.other = QLabel("")
        self.other.setObjectName("try_it_other")
        self.other.setWordWrap(True)
        self.other.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for page in (self.image, self.table, self.text, self.other):
            self.pages.addWidget(page)
        left.addWidget(self.pages, 1)
        self.predict_button = button(self.tr("Predict"), "predict_button",
                                     self.tr("Run the model on this input (Ctrl+Enter)"))
        self.predict_button.clicked.connect(self.predict)
        right = QVBoxLayout()
        body.addLayout(right, 1)
        self.error = QLabel("")
        self.error.setObjectName("try_it_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        right.addWidget(self.error)
        self.remark = QLabel("")
        self.remark.setObjectName("try_it_remark")
        self.remark.setWordWrap(True)
        self.remark.setStyleSheet("color: #555;")
        self.remark.hide()
        right.addWidget(self.remark)
        self.prediction = PredictionView()
        area = QScrollArea()
        area.setObjectName("prediction_area")
        area.setWidget(self.prediction)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(260)
        right.addWidget(area, 1)
        self.notes = QLabel("")
        self.notes.setObjectName("try_it_notes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #555;")
        self.notes.hide()
        right.addWidget(self.notes)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.predict)
        self._controls = [self.image.pad, self.image.clear_button, self.image.open_button, self.table.form_box,
                          self.table.example_button, self.text.edit, self.predict_button]
        self._tips = {w: w.toolTip() for w in self._controls}
        self.set_kind("other")
        self.set_available(False, self.tr("Train the model first: Try it needs trained weights."))

    # ------------------------------------------------------------ state
    def set_kind(self, kind: str) -> None:
        """Lay the view out for an input kind (image, tabular, text, other),
        known from the graph and the settings before the model is ready."""
        self.kind = kind if kind in PAGES else "other"
        self.pages.setCurrentIndex(PAGES.index(self.kind))
        page = {"image": self.image, "tabular": self.table, "text": self.text}.get(self.kind)
        if page is not None and page.buttons.indexOf(self.predict_button) < 0:
            page.buttons.insertWidget(page.buttons.count() - 1, self.predict_button)  # in the page's row of buttons
        self.predict_button.setVisible(page is not None)
        texts = {
            "image": self.tr("Draw on the pad with the mouse, or open a picture: the model says what it sees."),
            "tabular": self.tr("Change the numbers, then press Predict: the model answers for this row."),
            "text": self.tr("Write a text, then press Predict: the model says what it makes of it."),
            "other": self.tr("Try it shows models with one input of pictures, numbers or text."),
        }
        self.intro.setText(texts[self.kind])
        self.other.setText(self.tr("This model's input is not a picture, a row of numbers or a text, so there is "
                                   "nothing to draw or fill in here. Use 'kbuilder predict MODEL --input FILE.npz' "
                                   "with an array for each input."))

    def set_info(self, info) -> None:
        """The model is ready: its input's size, columns and example row, and notes."""
        self.info = info
        inp = info.inputs[0] if len(info.inputs) == 1 else None
        kind = info.input_kind
        if kind == "text" and (inp is None or not inp.vocabulary):
            kind = "other"
        self.set_kind(kind)
        if kind == "image" and inp.image_shape is not None:
            self.image.set_shape(inp.image_shape)
            h, w, c = inp.image_shape
            if c in (1, 2):
                intro = self.tr("Draw on the pad with the mouse, or open a picture: the model sees grey pictures "
                                "of {h}×{w} pixels.")
            else:
                intro = self.tr("Draw on the pad with the mouse, or open a picture: the model sees colour pictures "
                                "of {h}×{w} pixels.")
            self.intro.setText(intro.format(h=h, w=w))
        elif kind == "tabular" and inp is not None:
            columns = inp.columns or [self.tr("number {n}").format(n=i + 1) for i in range(inp.size or 0)]
            self.table.set_columns(columns, inp.example)
            if inp.example is not None:
                self.intro.setText(self.tr("The fields hold a real row of the training data. Change the numbers, "
                                           "then press Predict."))
        if info.dataset:
            self.intro.setText(self.intro.text() + " " + self.tr("Trained on: {name}.").format(
                name=QCoreApplication.translate("training.dataset_table", info.dataset)))
        self.set_notes(list(info.notes))

    def set_notes(self, notes: list[str]) -> None:
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def set_available(self, available: bool, reason: str = "") -> None:
        """Enable the controls, or disable them with ``reason`` in the banner and their tooltips."""
        self.available = available and self.kind != "other"
        for w in self._controls:
            w.setEnabled(self.available)
            w.setToolTip(self._tips[w] if self.available else reason or self._tips[w])
        for field, tip in self.table.tips.items():
            field.setToolTip(tip if self.available else reason or tip)
        self.banner.setText(reason)
        self.banner.setVisible(bool(reason) and not available)

    # ------------------------------------------------------------ actions
    def predict(self) -> None:
        """Ask for a prediction on the input shown (Predict, Ctrl+Enter, the end of a stroke)."""
        if not self.available:
            return
        page = {"image": self.image, "tabular": self.table, "text": self.text}.get(self.kind)
        if page is None:
            return
        try:
            request = page.request()
        except NoInput as exc:
            self.show_error(str(exc))
            return
        self.predict_requested.emit(request)

    def choose_picture(self, path: str = "") -> None:
        """Open a picture (or a CSV / NumPy file of inputs) and predict on it."""
        from kbuilder.ui.window.files import last_folder, remember_folder

        if not self.available:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open a picture to try the model on"), last_folder(),
                self.tr("Pictures (*.png *.jpg *.jpeg *.bmp);;Rows of numbers or arrays (*.csv *.npy *.npz);;"
                        "All files (*)"))
        if not path:
            return
        remember_folder(path)
        self.picture_chosen.emit(path)

    # ------------------------------------------------------------ answers
    def forget_model(self, message: str = "") -> None:
        """Another model (or other weights): forget what the last one said."""
        self.info = None
        self.error.hide()
        self.remark.hide()
        self.set_notes([])
        self.prediction.clear(message)

    def show_working(self, text: str) -> None:
        self.error.hide()
        self.remark.hide()
        if not self.prediction.blocks:
            self.prediction.clear(text)

    def show_error(self, text: str) -> None:
        """One sentence, in place of the answer."""
        self.error.setText(" ".join(str(text).split()))
        self.error.show()
        self.remark.hide()
        self.prediction.clear(" ")
        self.answered.emit()

    def show_outcome(self, outcome) -> None:
        info = self.info
        kinds = [o.kind for o in info.outputs] if info is not None else []
        counts = [len(o.class_names) for o in info.outputs] if info is not None else None
        self.error.hide()
        self.prediction.show_outputs(outcome.outputs, kinds, outcome.seen, outcome.reconstructions, counts)
        if outcome.seen is not None and outcome.from_file:
            self.image.show_picture(outcome.seen)
        several = self.tr("The file holds {n} inputs: this is the answer for the first.").format(n=outcome.samples)
        self.remark.setText(several if outcome.samples > 1 else "")
        self.remark.setVisible(outcome.samples > 1)
        self.answered.emit()
