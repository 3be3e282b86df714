"""The model's answer in the Try-it view: one block per model output.

* classes: a horizontal bar per likely class, its name on the left and its
  probability on the bar, the likeliest first, and one grey bar for all the
  other classes together, so the bars add up to 100%;
* a value (regression): the number, or the first numbers of a vector;
* a picture (an autoencoder's reconstruction): the input and the
  reconstruction side by side.

Plain Qt widgets, so that no label is ever cut: a class name is as wide as
its text (long ones wrap), the bar takes the rest of the row.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kbuilder.ui.training.results import array_to_pixmap

TOP = QColor("#2f6fb3")
OTHER = QColor("#4f8fd0")
REST = QColor("#b8b8b8")
TRACK = QColor("#eef1f5")
MAX_VALUES = 8  # numbers shown of a vector output
MAX_BLOCK_WIDTH = 640


class ProbabilityBar(QWidget):
    """One class's bar: filled to its probability, the percentage written at its end."""

    def __init__(self, name: str, probability: float, color: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.class_name = name
        self.probability = float(probability)
        self._color = color
        self.setObjectName("probability_bar")
        self.setMinimumWidth(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(self.tr("{name}: {percent}").format(name=name, percent=percent_text(probability)))

    def sizeHint(self) -> QSize:
        return QSize(240, self.fontMetrics().height() + 8)

    def text(self) -> str:
        return percent_text(self.probability)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        r = QRectF(self.rect()).adjusted(0, 2, -1, -2)
        p.fillRect(r, TRACK)
        fill = QRectF(r.x(), r.y(), r.width() * max(0.0, min(1.0, self.probability)), r.height())
        p.fillRect(fill, self._color)
        text = self.text()
        tw = self.fontMetrics().horizontalAdvance(text) + 8
        inside = fill.width() >= tw + 4
        p.setPen(QColor("white") if inside else QColor("#222"))
        where = QRectF(fill.right() - tw, r.y(), tw, r.height()) if inside else QRectF(fill.right() + 4, r.y(), tw,
                                                                                         r.height())
        p.drawText(where, Qt.AlignmentFlag.AlignVCenter | (Qt.AlignmentFlag.AlignRight if inside
                                                           else Qt.AlignmentFlag.AlignLeft), text)
        p.end()


def percent_text(probability: float) -> str:
    pct = 100.0 * float(probability)
    return f"{pct:.1f}%" if pct < 99.95 or pct >= 100 else ">99.9%"


def value_text(v) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(value_text(x) for x in v[:MAX_VALUES]) + (", …" if len(v) > MAX_VALUES else "") + "]"
    return f"{float(v):.4g}"


class PredictionView(QWidget):
    """Shows one prediction (``show_outputs``), a message, or nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prediction_view")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.blocks: list[QGroupBox] = []
        self.placeholder = QLabel(self.tr("The model's answer appears here."))
        self.placeholder.setObjectName("prediction_placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #666;")
        self._layout.addWidget(self.placeholder)
        self._layout.addStretch(1)

    def clear(self, message: str = "") -> None:
        for block in self.blocks:
            self._layout.removeWidget(block)
            block.deleteLater()
        self.blocks = []
        self.placeholder.setText(message or self.tr("The model's answer appears here."))
        self.placeholder.show()

    def bars(self) -> list[ProbabilityBar]:
        return [bar for block in self.blocks for bar in block.findChildren(ProbabilityBar)]

    def show_outputs(self, outputs: list[dict], kinds: list[str], seen: np.ndarray | None = None,
                     reconstructions: dict[int, np.ndarray] | None = None, class_counts: list[int] | None = None) -> None:
        """``outputs``: one dict per model output, as ``kbuilder predict``
        gives them; ``kinds``: each output's kind (classes, value, image);
        ``class_counts``: how many classes each output has (for the bar of
        the others)."""
        self.clear()
        self.placeholder.hide()
        reconstructions = reconstructions or {}
        several = len(outputs) > 1
        for i, out in enumerate(outputs):
            title = (self.tr("Output {name}").format(name=out["name"]) if several
                     else self.tr("The model's answer"))
            block = QGroupBox(title)
            block.setObjectName("prediction_block")
            block.setMaximumWidth(MAX_BLOCK_WIDTH)  # bars that span a wide window are hard to compare
            if i in reconstructions:
                self._fill_pictures(block, seen, reconstructions[i])
            elif "top" in out:
                total = class_counts[i] if class_counts and i < len(class_counts) else len(out["top"])
                self._fill_classes(block, out["top"], total)
            else:
                self._fill_value(block, out.get("value", []), kinds[i] if i < len(kinds) else "value")
            self._layout.insertWidget(len(self.blocks), block)
            self.blocks.append(block)

    def _fill_classes(self, block: QGroupBox, top: list[dict], total: int) -> None:
        grid = QGridLayout(block)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        best = top[0] if top else None
        if best is not None:
            head = QLabel(self.tr("Most likely: <b>{name}</b> ({percent})").format(
                name=_escape(best["class"]), percent=percent_text(best["probability"])))
            head.setObjectName("most_likely_label")
            head.setWordWrap(True)
            grid.addWidget(head, 0, 0, 1, 2)
        rows = [(t["class"], t["probability"], TOP if k == 0 else OTHER) for k, t in enumerate(top)]
        rest = max(0.0, 1.0 - sum(t["probability"] for t in top))
        if total > len(top):
            rows.append((self.tr("the {count} other classes").format(count=total - len(top)), rest, REST))
        for r, (name, prob, color) in enumerate(rows, start=1):
            label = QLabel(name)
            label.setObjectName("class_label")
            label.setToolTip(self.tr("Class {name}").format(name=name))
            label.setWordWrap(len(name) > 28)
            label.setMaximumWidth(220)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, r, 0)
            grid.addWidget(ProbabilityBar(name, prob, color), r, 1)
        grid.setColumnStretch(1, 1)

    def _fill_value(self, block: QGroupBox, value, kind: str) -> None:
        lay = QVBoxLayout(block)
        values = value if isinstance(value, list) else [value]
        if len(values) == 1 and not isinstance(values[0], list):
            text = self.tr("Predicted value: <b>{value}</b>").format(value=value_text(values[0]))
        else:
            text = self.tr("Predicted values: {values}").format(values=value_text(values))
        label = QLabel(text)
        label.setObjectName("value_label")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setToolTip(self.tr("The number the model gives for this output (a regression)."))
        lay.addWidget(label)

    def _fill_pictures(self, block: QGroupBox, seen: np.ndarray | None, recon: np.ndarray) -> None:
        row = QHBoxLayout(block)
        size = 128
        for caption, image, tip in (
            (self.tr("Your input"), seen, self.tr("The picture as the model took it")),
            (self.tr("Reconstruction"), recon, self.tr("What the model gives back for it")),
        ):
            cell = QVBoxLayout()
            pic = QLabel()
            pic.setObjectName("reconstruction_picture" if image is recon else "input_picture")
            pic.setToolTip(tip)
            if image is not None:
                pic.setPixmap(array_to_pixmap(np.clip(np.asarray(image, "float32"), 0, 255) / 255.0, size))
            pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.addWidget(pic)
            cap = QLabel(caption)
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.addWidget(cap)
            row.addLayout(cell)
        row.addStretch(1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
