"""Small widgets and formats the Inspector is made of: a foldable section,
a field with its error line, text that wraps anywhere, the spin boxes of
the number editors, shapes and counts as the user reads them."""

from __future__ import annotations

import math
import re
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QTextOption, QValidator
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kbuilder.layers import basics

ERROR_STYLE = "color: #c62828;"
MUTED_STYLE = "color: #666666;"


def format_shape(shape: Any) -> str:
    """``(None, 10)``; several outputs one per line."""
    return basics.format_shape(shape, joiner="\n")


def format_count(n: Any) -> str:
    return f"{n:,}" if isinstance(n, int) else "?"


class CollapsibleSection(QWidget):
    """A header button that shows or hides its content."""

    toggled = Signal(bool)

    def __init__(self, title: str, content: QWidget, expanded: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.button = QToolButton(self)
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setAutoRaise(True)
        self.button.setStyleSheet("QToolButton { font-weight: bold; border: none; }")
        self.content = content
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.button)
        lay.addWidget(content)
        self.button.toggled.connect(self._on_toggled)
        self.button.setChecked(expanded)
        self._on_toggled(expanded)

    @Slot(bool)
    def _on_toggled(self, on: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.content.setVisible(on)
        self.toggled.emit(on)

    def is_expanded(self) -> bool:
        return self.button.isChecked()


def _error_label() -> QLabel:
    lab = QLabel()
    lab.setWordWrap(True)
    lab.setStyleSheet(ERROR_STYLE)
    lab.setVisible(False)
    return lab


def _set_error(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))


class _Field(QWidget):
    """An editor with its error line under it."""

    def __init__(self, editor: QWidget, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = _error_label()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(editor)
        lay.addWidget(self.error)


class WrappedText(QTextBrowser):
    """Read-only plain text as tall as its text, wrapped to the width it is
    given, long words and code lines included (a QLabel cannot break
    ``keras.layers.Embedding(1000, 64)`` and would widen the dock).  No
    scroll bars of its own: the panel around it scrolls."""

    def __init__(self, text: str, rich: bool = False, parent=None) -> None:
        super().__init__(parent)
        if rich:
            self.setHtml(text)
        else:
            self.setPlainText(text)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.viewport().setAutoFillBackground(False)
        self.document().setDocumentMargin(0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(60)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def text_height(self) -> int:
        """The height the text needs at the present width."""
        return math.ceil(self.document().size().height()) + 2 * self.frameWidth()

    @Slot()
    def _fit(self, *_args) -> None:
        if self.height() != self.text_height():
            self.setFixedHeight(self.text_height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.text_height())


def _wrap(widget: QWidget, error: QLabel) -> QWidget:
    w = QWidget()
    lay = QVBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(1)
    lay.addWidget(widget)
    lay.addWidget(error)
    w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return w


# ------------------------------------------------- the number editors' spin boxes
INT_MAX = 2**31 - 1


class _IntBox(QSpinBox):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRange(-INT_MAX, INT_MAX)
        self.setKeyboardTracking(True)
        self.setAccelerated(True)


class FloatSpinBox(QDoubleSpinBox):
    """A double spin box that shows ``1e-05`` and ``0.5`` alike, without a
    fixed number of decimals."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDecimals(12)
        self.setRange(-1e12, 1e12)
        self.setSingleStep(0.1)
        self.setKeyboardTracking(True)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        text = format(value, ".8g")
        return text

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt override
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):  # noqa: D401 - Qt override
        t = text.strip()
        if not t:
            return (QValidator.State.Intermediate, text, pos)
        try:
            float(t)
            return (QValidator.State.Acceptable, text, pos)
        except ValueError:
            if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d*)?([eE][-+]?\d*)?", t):
                return (QValidator.State.Intermediate, text, pos)
            return (QValidator.State.Invalid, text, pos)

    def fixup(self, text: str) -> str:  # noqa: D401 - Qt override
        return self.textFromValue(self.value())
