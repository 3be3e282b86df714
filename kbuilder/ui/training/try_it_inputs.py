"""The three ways to give the model an input in the Try-it view: draw or
open a picture, fill in a row of numbers, write a text.

Each widget makes a request for :func:`kbuilder.ui.training.predict_jobs.run_request`
(``request()``) or says in one sentence why it cannot (:class:`NoInput`).
They know nothing of Keras: the view gives them the
:class:`~kbuilder.training.predict_info.InputInfo` once the model is ready.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kbuilder.training.inputs import fit_image
from kbuilder.ui.training.drawing_pad import DrawingPad
from kbuilder.ui.training.results import array_to_pixmap


class NoInput(Exception):
    """There is nothing to predict on yet; one sentence for the user."""


def button(text: str, name: str, tip: str) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setToolTip(tip)
    b.setAutoDefault(False)
    return b


class ImageInput(QWidget):
    """A drawing pad with Clear and Open a picture, and the picture as the model sees it."""

    drawn = Signal()
    open_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shape: tuple[int, int, int] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.pad = DrawingPad()
        self.pad.setToolTip(self.tr("Draw with the mouse, white on black; the model answers when you let go."))
        self.pad.set_placeholder(self.tr("Draw here"))
        self.pad.stroke_finished.connect(self._stroke_finished)
        lay.addWidget(self.pad)
        row = self.buttons = QHBoxLayout()
        self.clear_button = button(self.tr("Clear"), "clear_button", self.tr("Wipe the pad to draw again"))
        self.clear_button.clicked.connect(self.clear)
        self.open_button = button(self.tr("Open a picture…"), "open_picture_button",
                                  self.tr("Try the model on a PNG or JPG picture (or a CSV / NumPy file of inputs)"))
        self.open_button.clicked.connect(self.open_clicked)
        row.addWidget(self.clear_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        lay.addLayout(row)
        seen = QHBoxLayout()
        self.seen = QLabel()
        self.seen.setObjectName("seen_picture")
        self.seen.setFixedSize(48, 48)
        self.seen.setFrameShape(QFrame.Shape.Box)
        self.seen.setToolTip(self.tr("Your drawing shrunk to the model's input size: this is what it sees"))
        self.seen_caption = QLabel("")
        self.seen_caption.setWordWrap(True)
        self.seen_caption.setStyleSheet("color: #555;")
        seen.addWidget(self.seen)
        seen.addWidget(self.seen_caption, 1)
        lay.addLayout(seen)
        lay.addStretch(1)

    def set_shape(self, shape: tuple[int, int, int]) -> None:
        """The input's (height, width, channels)."""
        if shape == self._shape:
            return
        self._shape = shape
        self.pad.set_input_size(shape[0], shape[1])
        self.seen_caption.setText(self.tr("What the model sees: {h}×{w} pixels.").format(h=shape[0], w=shape[1]))
        self.seen.clear()

    def clear(self) -> None:
        self.pad.clear()
        self.seen.clear()

    def _stroke_finished(self) -> None:
        self._show_seen(self.pad.picture())
        self.drawn.emit()

    def _show_seen(self, picture: np.ndarray) -> None:
        if self._shape is None:
            return
        small = fit_image(picture, self._shape)
        self.seen.setPixmap(array_to_pixmap(np.clip(small, 0, 255) / 255.0, 48))

    def show_picture(self, seen: np.ndarray) -> None:
        """An opened picture, as the model took it: on the pad and in the preview."""
        self.pad.set_picture(seen)
        self._show_seen(seen)

    def request(self) -> dict:
        if self.pad.is_blank():
            raise NoInput(self.tr("Draw something on the pad first, or open a picture."))
        return {"kind": "image", "image": self.pad.picture()}


class TableInput(QWidget):
    """One field per column of the training data, filled with a real row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: list[QLineEdit] = []
        self.tips: dict[QLineEdit, str] = {}  # each field's own tooltip
        self.columns: list[str] = []
        self._example: list[float] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        area = QScrollArea()
        area.setObjectName("columns_area")
        area.setWidget(self.form_box)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(area, 1)
        row = self.buttons = QHBoxLayout()
        self.example_button = button(self.tr("Use the example row"), "example_button",
                                     self.tr("Fill the fields with a real row of the training data again"))
        self.example_button.clicked.connect(self.fill_example)
        row.addWidget(self.example_button)
        row.addStretch(1)
        lay.addLayout(row)

    def set_columns(self, columns: list[str], example: list[float] | None) -> None:
        if columns == self.columns and example == self._example and self.fields:
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        self.columns, self._example = list(columns), example
        validator = QDoubleValidator(self)
        validator.setNotation(QDoubleValidator.Notation.ScientificNotation)
        self.fields, self.tips = [], {}
        for name in self.columns:
            field = QLineEdit()
            field.setObjectName("column_field")
            field.setAccessibleName(name)
            field.setValidator(validator)
            field.setToolTip(self.tr("The value of '{name}', in the units of the training data").format(name=name))
            self.tips[field] = field.toolTip()
            label = QLabel(name)
            label.setWordWrap(True)
            self.form.addRow(label, field)
            self.fields.append(field)
        self.fill_example()

    def fill_example(self) -> None:
        if self._example is None:
            return
        for field, v in zip(self.fields, self._example, strict=False):
            field.setText(f"{v:.6g}")

    def request(self) -> dict:
        row = []
        for name, field in zip(self.columns, self.fields, strict=True):
            text = field.text().strip().replace(",", ".")
            try:
                v = float(text)
            except ValueError:
                raise NoInput(self.tr("Write a number in the field '{name}'.").format(name=name)) from None
            if not math.isfinite(v):
                raise NoInput(self.tr("Write a number in the field '{name}'.").format(name=name))
            row.append(v)
        if not row:
            raise NoInput(self.tr("The model's columns are not known yet: wait a moment."))
        return {"kind": "rows", "rows": [row]}


class TextInput(QWidget):
    """A text box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("try_text")
        self.edit.setPlaceholderText(self.tr("Write a text in English, for example a short movie review."))
        self.edit.setToolTip(self.tr("The text the model reads; Ctrl+Enter predicts"))
        lay.addWidget(self.edit, 1)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        lay.addLayout(self.buttons)

    def request(self) -> dict:
        text = self.edit.toPlainText().strip()
        if not text:
            raise NoInput(self.tr("Write some text first."))
        return {"kind": "text", "text": text}
