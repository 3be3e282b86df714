"""After training: test metrics, a confusion matrix, a few predictions
(with the pictures for image data)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kbuilder.ui.training.plots import metric_word

GOOD, BAD = "#1a7f37", "#c62828"


def array_to_pixmap(img: np.ndarray, size: int = 56) -> QPixmap:
    """A grey (H, W) / (H, W, 1) or colour (H, W, 3) array, values 0-1 or
    0-255, as a pixmap ``size`` pixels high (nearest neighbour: pixels stay sharp)."""
    a = np.asarray(img, dtype="float32")
    if a.ndim == 3 and a.shape[-1] == 1:
        a = a[..., 0]
    hi = float(a.max()) if a.size else 1.0
    a = a / (255.0 if hi > 1.0 else 1.0) if hi > 0 else a
    a = np.clip(a * 255.0, 0, 255).astype(np.uint8)
    if a.ndim == 2:
        a = np.ascontiguousarray(a)
        qimg = QImage(a.data, a.shape[1], a.shape[0], a.strides[0], QImage.Format.Format_Grayscale8)
    else:
        a = np.ascontiguousarray(a[..., :3])
        qimg = QImage(a.data, a.shape[1], a.shape[0], a.strides[0], QImage.Format.Format_RGB888)
    pix = QPixmap.fromImage(qimg.copy())
    return pix.scaledToHeight(size, Qt.TransformationMode.FastTransformation)


class ResultsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        self.metrics = QLabel(self.tr("Train a model: its test results appear here."))
        self.metrics.setObjectName("test_metrics_label")
        self.metrics.setWordWrap(True)
        self.metrics.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.metrics)
        self.confusion_caption = QLabel(self.tr("Confusion matrix: rows are the true class, columns the predicted one."))
        self.confusion_caption.setWordWrap(True)  # a long line must not widen the Train page past the window
        self.confusion_caption.hide()
        left.addWidget(self.confusion_caption)
        self.confusion = QTableWidget(0, 0)
        self.confusion.setObjectName("confusion_table")
        self.confusion.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.confusion.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.confusion.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.confusion.setToolTip(self.tr("Rows: the true class; columns: the predicted class."))
        self.confusion.hide()
        left.addWidget(self.confusion, 1)
        lay.addLayout(left, 3)
        self.samples_box = QWidget()
        self.samples = QGridLayout(self.samples_box)
        self.samples.setSpacing(6)
        area = QScrollArea()
        area.setWidget(self.samples_box)
        area.setWidgetResizable(True)
        area.setObjectName("samples_area")
        area.setMinimumWidth(300)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(area, 2)

    def clear(self) -> None:
        self.metrics.setText("")
        self.confusion.clear()
        self.confusion.setRowCount(0)
        self.confusion.setColumnCount(0)
        self.confusion.hide()
        self.confusion_caption.hide()
        while self.samples.count():
            item = self.samples.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def show_result(self, result) -> None:
        self.clear()
        lines = []
        if result.test_metrics:
            lines.append(self.tr("<b>Test:</b> {metrics}").format(
                metrics=" · ".join(f"{metric_word(k)} <b>{v:.4f}</b>" for k, v in result.test_metrics.items())))
        if result.message:
            lines.append(result.message)
        self.metrics.setText("<br>".join(lines))
        cm = result.confusion
        if cm is not None and len(cm) <= 30:
            self._show_confusion(np.asarray(cm), result.class_names)
        self._show_samples(result.samples)

    def _show_confusion(self, cm: np.ndarray, names: list[str]) -> None:
        n = len(cm)
        t = self.confusion
        t.setRowCount(n)
        t.setColumnCount(n)
        labels = [str(x)[:10] for x in (names or range(n))]
        t.setHorizontalHeaderLabels(labels)
        t.setVerticalHeaderLabels(labels)
        top = max(int(cm.max()), 1)
        for i in range(n):
            row_total = max(int(cm[i].sum()), 1)
            for j in range(n):
                v = int(cm[i, j])
                item = QTableWidgetItem(str(v))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                strength = v / top
                if i == j:
                    color = QColor.fromRgbF(1 - 0.6 * strength, 1 - 0.25 * strength, 1 - 0.6 * strength)
                else:
                    color = QColor.fromRgbF(1, 1 - 0.6 * strength, 1 - 0.6 * strength)
                item.setBackground(color)
                item.setForeground(QColor("black"))
                item.setToolTip(self.tr("true {true}, predicted {predicted}: {count} ({percent}% of {true})").format(
                    true=labels[i], predicted=labels[j], count=v, percent=f"{100 * v / row_total:.0f}"))
                t.setItem(i, j, item)
        t.show()
        self.confusion_caption.show()

    def _show_samples(self, samples: list[dict]) -> None:
        cols = 3 if samples and samples[0].get("image") is not None else 2  # 3 fit the area at 1024 px
        for k, s in enumerate(samples):
            cell = QWidget()
            v = QVBoxLayout(cell)
            v.setContentsMargins(2, 2, 2, 2)
            if s.get("image") is not None:
                pic = QLabel()
                pic.setPixmap(array_to_pixmap(s["image"]))
                pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
                v.addWidget(pic)
            true = self.tr("true {label}").format(label=s.get("true"))
            text = true + "<br>" + self.tr("pred {label}").format(label=s.get("pred"))
            if "confidence" in s:
                color = GOOD if s.get("correct") else BAD
                pred = self.tr("pred <b>{label}</b> {percent}%").format(label=s.get("pred"),
                                                                        percent=f"{100 * s['confidence']:.0f}")
                text = f"{true}<br><span style='color:{color}'>{pred}</span>"
            cap = QLabel(text)
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            v.addWidget(cap)
            self.samples.addWidget(cell, k // cols, k % cols)
        self.samples.setRowStretch((len(samples) + cols - 1) // cols, 1)
