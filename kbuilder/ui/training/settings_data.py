"""The Data page of the training settings: the data set or file, the
columns or arrays to predict, picture size, scaling, labels, the
validation and test parts, and which array feeds which model port.

A mixin of :class:`kbuilder.ui.training.settings.TrainingSettings` (a
``QTabWidget``); also the small field makers the other pages use.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kbuilder.training.config import DataConfig
from kbuilder.training.dataset_table import DATASETS
from kbuilder.training.datasets import is_cached

FILE_SOURCES = [("csv", QT_TRANSLATE_NOOP("DataSection", "Your CSV file…")),
                ("npz", QT_TRANSLATE_NOOP("DataSection", "Your NumPy file (.npz / .npy)…")),
                ("images", QT_TRANSLATE_NOOP("DataSection", "Your image folder…"))]


def int_box(lo: int, hi: int, value: int, name: str) -> QSpinBox:
    w = QSpinBox()
    w.setRange(lo, hi)
    w.setValue(value)
    w.setObjectName(name)
    return w


def float_box(lo: float, hi: float, value: float, step: float, decimals: int, name: str) -> QDoubleSpinBox:
    w = QDoubleSpinBox()
    w.setDecimals(decimals)
    w.setRange(lo, hi)
    w.setSingleStep(step)
    w.setValue(value)
    w.setObjectName(name)
    return w


def choice_box(items: list[tuple[str, object]], name: str) -> QComboBox:
    w = QComboBox()
    for text, data in items:
        w.addItem(text, data)
    w.setObjectName(name)
    return w


def select_data(combo: QComboBox, data) -> None:
    i = combo.findData(data)
    if i >= 0:
        combo.setCurrentIndex(i)


def scroll_page(widget: QWidget) -> QScrollArea:
    for form in widget.findChildren(QFormLayout) + ([widget.layout()] if isinstance(widget.layout(), QFormLayout)
                                                    else []):
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label goes above its field
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class DataSection:
    """The Data page and its config (a mixin of ``TrainingSettings``)."""

    def _build_data(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self._data_form = form
        items = []
        for info in DATASETS.values():
            # The titles may be marked for translation where they are defined (kbuilder.training.dataset_table).
            title = QCoreApplication.translate("training.dataset_table", info.title)
            if info.source == "sklearn":
                text = self.tr("{title}  (bundled)").format(title=title)
            elif is_cached(info):
                text = self.tr("{title}  (cached)").format(title=title)
            else:
                text = self.tr("{title}  (downloads)").format(title=title)
            items.append((text, f"{info.source}:{info.name}"))
        items += [(QCoreApplication.translate("DataSection", text), f"{src}:") for src, text in FILE_SOURCES]
        self.dataset = choice_box(items, "dataset_combo")
        self.dataset.setToolTip(self.tr("Bundled sets need no network; Keras sets are downloaded once and cached."))
        form.addRow(self.tr("Data set"), self.dataset)
        self.path = QLineEdit()
        self.path.setObjectName("data_path")
        self.path.setPlaceholderText(self.tr("a .csv, .npz / .npy file or a folder of class sub-folders"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.path_row = QWidget()
        self.path_row.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("File"), self.path_row)
        self.targets = QListWidget()
        self.targets.setObjectName("target_list")
        self.targets.setMaximumHeight(90)
        self.targets.setToolTip(self.tr("Tick the column(s) or array(s) the model should predict; the others are "
                                        "inputs."))
        form.addRow(self.tr("Predict"), self.targets)
        size = QHBoxLayout()
        self.img_h, self.img_w = int_box(0, 1024, 0, "image_height"), int_box(0, 1024, 0, "image_width")
        for spin in (self.img_h, self.img_w):
            spin.setSpecialValueText(self.tr("model's"))  # 0: the model's input size
        self.img_h.setToolTip(self.tr("Height the pictures are resized to; \"model's\": the model's input height"))
        self.img_w.setToolTip(self.tr("Width the pictures are resized to; \"model's\": the model's input width"))
        self.color = choice_box([(self.tr("as the model"), "auto"), (self.tr("colour"), "rgb"),
                                 (self.tr("grey"), "grayscale")], "color_mode")
        self.color.setToolTip(self.tr("Colour or grey pictures; \"as the model\": from its input's channels "
                                      "(1 grey, 3 colour)"))
        for w in (self.img_h, self.img_w, self.color):
            size.addWidget(w)
        size.setContentsMargins(0, 0, 0, 0)
        self.size_row = QWidget()
        self.size_row.setLayout(size)
        form.addRow(self.tr("Image size"), self.size_row)
        self.num_words = int_box(100, 100000, 10000, "num_words")
        form.addRow(self.tr("Words kept"), self.num_words)
        self.scale = choice_box([(self.tr("automatic"), "auto"), (self.tr("none"), "none"), (self.tr("0 to 1"), "0-1"),
                                 (self.tr("standardize (mean 0, std 1)"), "standardize")], "scale_combo")
        form.addRow(self.tr("Scale inputs"), self.scale)
        self.labels = choice_box([(self.tr("from the loss"), "auto"), (self.tr("class numbers"), "integer"),
                                  (self.tr("one-hot"), "one-hot")], "labels_combo")
        form.addRow(self.tr("Labels"), self.labels)
        self.maxlen = int_box(0, 100000, 0, "maxlen")
        self.maxlen.setSpecialValueText(self.tr("automatic"))
        form.addRow(self.tr("Pad sequences to"), self.maxlen)
        self.val_fraction = float_box(0.0, 0.9, 0.1, 0.05, 2, "val_fraction")
        self.test_fraction = float_box(0.0, 0.9, 0.2, 0.05, 2, "test_fraction")
        self.seed = int_box(0, 2**31 - 1, 42, "seed")
        form.addRow(self.tr("Validation part"), self.val_fraction)
        self.val_path = QLineEdit()
        self.val_path.setObjectName("val_path")
        self.val_path.setPlaceholderText(self.tr("empty: the validation part above"))
        self.val_path.setToolTip(self.tr("Validate on this file (same columns or arrays as the training file) "
                                         "instead of a part of the training data"))
        self.val_path.textChanged.connect(self._val_path_changed)
        val_browse = QPushButton(self.tr("Browse…"))
        val_browse.setToolTip(self.tr("Choose the validation file"))
        val_browse.clicked.connect(self._browse_val)
        vrow = QHBoxLayout()
        vrow.setContentsMargins(0, 0, 0, 0)
        vrow.addWidget(self.val_path, 1)
        vrow.addWidget(val_browse)
        self.val_row = QWidget()
        self.val_row.setLayout(vrow)
        form.addRow(self.tr("Validation file"), self.val_row)
        for row_widget in (self.path_row, self.size_row, self.val_row):
            # One line high: a taller page must not stretch the row away from its label.
            row_widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        form.addRow(self.tr("Test part"), self.test_fraction)
        form.addRow(self.tr("Seed"), self.seed)
        self.mapping = QTableWidget(0, 3)
        self.mapping.setObjectName("mapping_table")
        self.mapping.setHorizontalHeaderLabels(["", self.tr("model"), self.tr("array (empty: automatic)")])
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().hide()
        self.mapping.setMaximumHeight(120)
        form.addRow(self.tr("By name"), self.mapping)
        self.dataset.currentIndexChanged.connect(self._source_changed)
        self.path.editingFinished.connect(self._read_columns)
        self.addTab(scroll_page(page), self.tr("Data"))

    # ------------------------------------------------------------ behaviour
    @Slot()
    def _source_changed(self) -> None:
        src, name = self.source()
        is_file = src in ("csv", "npz", "images")
        form = self._data_form
        form.setRowVisible(self.path_row, is_file)
        form.setRowVisible(self.targets, src in ("csv", "npz"))
        form.setRowVisible(self.size_row, src == "images")
        form.setRowVisible(self.val_row, src in ("csv", "npz"))
        self._val_path_changed()
        form.setRowVisible(self.num_words, name in ("imdb", "reuters"))
        form.setRowVisible(self.maxlen, name in ("imdb", "reuters") or src == "npz")
        if is_file:
            self._read_columns()
        else:
            self.targets.clear()
        self.changed.emit()

    @Slot()
    def _browse(self) -> None:
        src, _ = self.source()
        if src == "images":
            path = QFileDialog.getExistingDirectory(self, self.tr("Image folder (one sub-folder per class)"))
        else:
            filt = self.tr("CSV files (*.csv)") if src == "csv" else self.tr("NumPy files (*.npz *.npy)")
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Data file"), "", filt)
        if path:
            self.path.setText(path)
            self._read_columns()

    @Slot()
    def _browse_val(self) -> None:
        src, _ = self.source()
        filt = self.tr("CSV files (*.csv)") if src == "csv" else self.tr("NumPy files (*.npz *.npy)")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Validation file"), "", filt)
        if path:
            self.val_path.setText(path)

    @Slot()
    def _val_path_changed(self) -> None:
        src, _ = self.source()
        from_file = src in ("csv", "npz") and bool(self.val_path.text().strip())
        self.val_fraction.setEnabled(not from_file)
        self.val_fraction.setToolTip(self.tr("Ignored: validation comes from the validation file") if from_file else
                                     self.tr("The part of the training data kept aside to validate after each epoch"))
        self.changed.emit()

    @Slot()
    def _read_columns(self, checked: list[str] | None = None) -> None:
        """Offer the CSV's columns or the .npz's arrays as targets."""
        src, _ = self.source()
        path = self.path.text().strip()
        checked = checked if checked is not None else self._checked_targets()
        names: list[str] = []
        try:
            if src == "csv" and os.path.isfile(path):
                with open(path, encoding="utf-8-sig") as fh:
                    names = [h.strip() for h in fh.readline().strip().split(",") if h.strip()]
            elif src == "npz" and os.path.isfile(path) and path.endswith(".npz"):
                import numpy as np

                with np.load(path, allow_pickle=False) as data:
                    names = list(data.files)
        except (OSError, ValueError):
            names = []
        if not checked and names:
            guess = [n for n in names if n.lower() in ("y", "label", "labels", "target", "class", "species")]
            checked = guess[:1] or ([names[-1]] if src == "csv" else [])
        self.targets.clear()
        for n in names:
            item = QListWidgetItem(n)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if n in checked else Qt.CheckState.Unchecked)
            self.targets.addItem(item)

    def source(self) -> tuple[str, str]:
        """(source, data set name) chosen: ("sklearn", "digits"), ("csv", "")."""
        src, _, name = str(self.dataset.currentData()).partition(":")
        return src, name

    def _checked_targets(self) -> list[str]:
        return [self.targets.item(i).text() for i in range(self.targets.count())
                if self.targets.item(i).checkState() == Qt.CheckState.Checked]

    def _fill_mapping(self, inputs: dict[str, str], outputs: dict[str, str]) -> None:
        rows = [("input", n, inputs.get(n, "")) for n in self._inputs]
        rows += [("output", p.name, outputs.get(p.name, "")) for p in self._outputs]
        show = len(self._inputs) > 1 or len(self._outputs) > 1
        t = self.mapping
        t.setRowCount(len(rows) if show else 0)
        if show:
            for r, (kind, name, arr) in enumerate(rows):
                shown = self.tr("input") if kind == "input" else self.tr("output")
                for c, text in enumerate((shown, name)):
                    item = QTableWidgetItem(text)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.setData(Qt.ItemDataRole.UserRole, kind)  # "input" or "output", whatever the language
                    t.setItem(r, c, item)
                t.setItem(r, 2, QTableWidgetItem(arr))
        self._data_form.setRowVisible(t, show)

    def _maps(self) -> tuple[dict[str, str], dict[str, str]]:
        ins, outs = {}, {}
        t = self.mapping
        for r in range(t.rowCount()):
            kind, name = t.item(r, 0).data(Qt.ItemDataRole.UserRole), t.item(r, 1).text()
            arr = t.item(r, 2).text().strip() if t.item(r, 2) else ""
            if arr:
                (ins if kind == "input" else outs)[name] = arr
        return ins, outs

    # ------------------------------------------------------------ config io
    def _set_data_config(self, d: DataConfig) -> None:
        select_data(self.dataset, f"{d.source}:{d.name if d.source in ('sklearn', 'keras') else ''}")
        self.path.setText(d.path)
        self._source_changed()
        if d.source in ("csv", "npz"):
            self._read_columns(list(d.targets))
        self.img_h.setValue(int(d.image_size[0]))
        self.img_w.setValue(int(d.image_size[1]))
        select_data(self.color, d.color_mode)
        self.num_words.setValue(int(d.num_words))
        select_data(self.scale, d.scale)
        select_data(self.labels, d.labels)
        self.maxlen.setValue(int(d.maxlen))
        self.val_fraction.setValue(float(d.val_fraction))
        self.val_path.setText(d.val_path)
        self.test_fraction.setValue(float(d.test_fraction))
        self.seed.setValue(int(d.seed))
        self._fill_mapping(d.input_map, d.output_map)

    def _data_config(self, d: DataConfig) -> None:
        d.source, name = self.source()
        d.name = name or d.source
        d.path = self.path.text().strip()
        d.targets = self._checked_targets() if d.source in ("csv", "npz") else []
        d.image_size = [self.img_h.value(), self.img_w.value()]
        d.color_mode = self.color.currentData()
        d.num_words = self.num_words.value()
        d.scale, d.labels = self.scale.currentData(), self.labels.currentData()
        d.maxlen = self.maxlen.value()
        d.val_fraction, d.test_fraction = self.val_fraction.value(), self.test_fraction.value()
        d.val_path = self.val_path.text().strip() if d.source in ("csv", "npz") else ""
        d.seed = self.seed.value()
        d.input_map, d.output_map = self._maps()
