"""A pad the user draws on with the mouse: white strokes on black, with a
round brush, as the digits of MNIST and scikit-learn are written.

The pad keeps its own picture (at most 256 pixels a side, in the aspect of
the model's input) and shows it as large as the widget allows, with a faint
grid of the input's pixels, so the user sees how coarse 8×8 is.  The brush
is about one input pixel and a half wide.  :meth:`picture` gives the
drawing as an array in 0-255; the Predictor shrinks it to the input size.
``stroke_finished`` is emitted when the mouse button is released.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

SIDE = 256  # the drawing's longest side, in its own pixels
MIN_SIDE = 140  # the pad on screen, at least
BRUSH_INPUT_PIXELS = 1.4  # the brush's width, in the model's input pixels
MIN_BRUSH = 0.07  # ... but at least this share of the pad (a 28×28 input: a stroke like MNIST's)


class DrawingPad(QWidget):
    stroke_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawing_pad")
        self.setCursor(Qt.CursorShape.CrossCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(MIN_SIDE, MIN_SIDE)
        self._input = (28, 28)
        self._image = QImage()
        self._blank = True
        self._last: QPointF | None = None
        self._placeholder = ""
        self.set_input_size(28, 28)

    # ------------------------------------------------------------ state
    def set_input_size(self, height: int, width: int) -> None:
        """The model's picture size: the pad takes its aspect and its grid (clears it)."""
        height, width = max(int(height), 1), max(int(width), 1)
        self._input = (height, width)
        scale = SIDE / max(height, width)
        self._image = QImage(max(1, round(width * scale)), max(1, round(height * scale)),
                             QImage.Format.Format_Grayscale8)
        self.clear()

    def set_placeholder(self, text: str) -> None:
        """The words shown on an empty pad ("Draw a digit here")."""
        self._placeholder = text
        self.update()

    def brush_width(self) -> float:
        h, w = self._input
        side = max(self._image.width(), self._image.height())
        return side * max(MIN_BRUSH, BRUSH_INPUT_PIXELS / max(h, w))

    def clear(self) -> None:
        self._image.fill(QColor("black"))
        self._blank = True
        self._last = None
        self.update()

    def is_blank(self) -> bool:
        return self._blank

    def set_picture(self, picture: np.ndarray) -> None:
        """Show a picture (h, w) or (h, w, c) in 0-255 on the pad (an opened
        file, as the model took it); the user can draw over it."""
        a = np.asarray(picture, dtype="float32")
        if a.ndim == 3:
            a = a[..., :3].mean(axis=-1) if a.shape[-1] >= 3 else a[..., 0]
        grey = np.ascontiguousarray(np.clip(a, 0, 255).astype(np.uint8))
        src = QImage(grey.data, grey.shape[1], grey.shape[0], grey.strides[0], QImage.Format.Format_Grayscale8)
        scaled = src.scaled(self._image.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                            Qt.TransformationMode.FastTransformation)
        self._image = scaled.convertToFormat(QImage.Format.Format_Grayscale8)
        self._blank = False
        self.update()

    def picture(self) -> np.ndarray:
        """The drawing as an array (height, width) of 0-255 values."""
        img = self._image
        buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
        return buf.reshape(img.height(), img.bytesPerLine())[:, : img.width()].astype("float32")

    # ------------------------------------------------------------ geometry
    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(MIN_SIDE, round(width * self._image.height() / max(self._image.width(), 1)))

    def drawing_rect(self) -> QRectF:
        """Where the drawing is shown in the widget: as large as fits, centred, its aspect kept."""
        iw, ih = self._image.width(), self._image.height()
        k = min((self.width() - 2) / iw, (self.height() - 2) / ih)
        w, h = iw * k, ih * k
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _to_image(self, pos: QPointF) -> QPointF:
        t = self.drawing_rect()
        return QPointF((pos.x() - t.x()) * self._image.width() / t.width(),
                       (pos.y() - t.y()) * self._image.height() / t.height())

    # ------------------------------------------------------------ drawing
    def _draw_to(self, point: QPointF) -> None:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("white"), self.brush_width(), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawLine(self._last if self._last is not None else point, point)
        painter.end()
        self._last = point
        self._blank = False
        self.update()

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.isEnabled():
            return super().mousePressEvent(event)
        self._last = None
        self._draw_to(self._to_image(event.position()))
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._last is None:
            return super().mouseMoveEvent(event)
        self._draw_to(self._to_image(event.position()))
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        if self._last is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        self._draw_to(self._to_image(event.position()))
        self._last = None
        event.accept()
        self.stroke_finished.emit()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        t = self.drawing_rect()
        painter.drawImage(t, self._image)
        h, w = self._input
        if max(h, w) <= 64:  # the input's pixels, faintly
            painter.setPen(QPen(QColor(255, 255, 255, 28), 1))
            for i in range(1, w):
                x = t.x() + t.width() * i / w
                painter.drawLine(QPointF(x, t.top()), QPointF(x, t.bottom()))
            for j in range(1, h):
                y = t.y() + t.height() * j / h
                painter.drawLine(QPointF(t.left(), y), QPointF(t.right(), y))
        if self._blank and self._placeholder:
            painter.setPen(QColor(200, 200, 200))
            painter.drawText(t, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
        painter.setPen(QPen(QColor("#2f6fb3") if self.hasFocus() else QColor("#888"), 1))
        painter.drawRect(t.adjusted(-1, -1, 0, 0))
        painter.end()
