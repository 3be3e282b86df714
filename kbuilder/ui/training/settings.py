"""The training settings as forms: Data, Compile, Fit, Callbacks.

``TrainingSettings`` edits a :class:`TrainConfig` (``set_config`` /
``config``) and follows the model's outputs (``set_graph``) to offer a loss
per output, suggested from the output layer.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kbuilder.training.config import LOSSES, OPTIMIZER_OPTIONS, OPTIMIZERS, OutputConfig, TrainConfig
from kbuilder.training.datasets import DATASETS, is_cached
from kbuilder.training.prepare import graph_outputs, suggest_output

FILE_SOURCES = [("csv", "Your CSV file…"), ("npz", "Your NumPy file (.npz / .npy)…"), ("images", "Your image folder…")]
OPTION_RANGES = {  # name: (min, max, step, decimals)
    "beta_1": (0.0, 0.9999, 0.01, 4), "beta_2": (0.0, 0.99999, 0.001, 5), "epsilon": (1e-10, 1.0, 1e-7, 10),
    "momentum": (0.0, 0.999, 0.05, 3), "rho": (0.0, 0.999, 0.05, 3), "weight_decay": (0.0, 1.0, 0.001, 4),
    "initial_accumulator_value": (0.0, 10.0, 0.1, 3),
}
OPTION_DEFAULTS = {"beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7, "momentum": 0.0, "rho": 0.9,
                   "weight_decay": 0.004, "initial_accumulator_value": 0.1}


def _spin(lo: int, hi: int, value: int, name: str) -> QSpinBox:
    w = QSpinBox()
    w.setRange(lo, hi)
    w.setValue(value)
    w.setObjectName(name)
    return w


def _dspin(lo: float, hi: float, value: float, step: float, decimals: int, name: str) -> QDoubleSpinBox:
    w = QDoubleSpinBox()
    w.setDecimals(decimals)
    w.setRange(lo, hi)
    w.setSingleStep(step)
    w.setValue(value)
    w.setObjectName(name)
    return w


def _combo(items: list[tuple[str, object]], name: str) -> QComboBox:
    w = QComboBox()
    for text, data in items:
        w.addItem(text, data)
    w.setObjectName(name)
    return w


def _select(combo: QComboBox, data) -> None:
    i = combo.findData(data)
    if i >= 0:
        combo.setCurrentIndex(i)


def _scroll(widget: QWidget) -> QScrollArea:
    for form in widget.findChildren(QFormLayout) + ([widget.layout()] if isinstance(widget.layout(), QFormLayout)
                                                    else []):
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label goes above its field
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class TrainingSettings(QTabWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_settings")
        self._outputs = []  # graph output ports
        self._inputs: list[str] = []
        self._build_data()
        self._build_compile()
        self._build_fit()
        self._build_callbacks()
        self.set_config(TrainConfig())
        self._follow_every_field()

    def _follow_every_field(self) -> None:
        """Any field the user changes says ``changed`` (the panel keeps the
        settings in the project; an unchanged value is no change)."""
        for box in self.findChildren(QAbstractSpinBox):
            box.editingFinished.connect(self.changed.emit)
            if hasattr(box, "valueChanged"):
                box.valueChanged.connect(lambda _v: self.changed.emit())
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for check in self.findChildren(QCheckBox):
            check.toggled.connect(lambda _on: self.changed.emit())
        for edit in self.findChildren(QLineEdit):
            if not isinstance(edit.parent(), (QAbstractSpinBox, QComboBox)):
                edit.editingFinished.connect(self.changed.emit)

    # ----------------------------------------------------------------- pages
    def _build_data(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self._data_form = form
        items = []
        for info in DATASETS.values():
            state = "bundled" if info.source == "sklearn" else ("cached" if is_cached(info) else "downloads")
            items.append((f"{info.title}  ({state})", f"{info.source}:{info.name}"))
        items += [(text, f"{src}:") for src, text in FILE_SOURCES]
        self.dataset = _combo(items, "dataset_combo")
        self.dataset.setToolTip("Bundled sets need no network; Keras sets are downloaded once and cached.")
        form.addRow("Data set", self.dataset)
        self.path = QLineEdit()
        self.path.setObjectName("data_path")
        self.path.setPlaceholderText("a .csv, .npz / .npy file or a folder of class sub-folders")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.path_row = QWidget()
        self.path_row.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form.addRow("File", self.path_row)
        self.targets = QListWidget()
        self.targets.setObjectName("target_list")
        self.targets.setMaximumHeight(90)
        self.targets.setToolTip("Tick the column(s) or array(s) the model should predict; the others are inputs.")
        form.addRow("Predict", self.targets)
        size = QHBoxLayout()
        self.img_h, self.img_w = _spin(0, 1024, 0, "image_height"), _spin(0, 1024, 0, "image_width")
        for spin in (self.img_h, self.img_w):
            spin.setSpecialValueText("model's")  # 0: the model's input size
        self.img_h.setToolTip("Height the pictures are resized to; \"model's\": the model's input height")
        self.img_w.setToolTip("Width the pictures are resized to; \"model's\": the model's input width")
        self.color = _combo([("as the model", "auto"), ("colour", "rgb"), ("grey", "grayscale")], "color_mode")
        self.color.setToolTip("Colour or grey pictures; \"as the model\": from its input's channels (1 grey, 3 colour)")
        for w in (self.img_h, self.img_w, self.color):
            size.addWidget(w)
        size.setContentsMargins(0, 0, 0, 0)
        self.size_row = QWidget()
        self.size_row.setLayout(size)
        form.addRow("Image size", self.size_row)
        self.num_words = _spin(100, 100000, 10000, "num_words")
        form.addRow("Words kept", self.num_words)
        self.scale = _combo([("automatic", "auto"), ("none", "none"), ("0 to 1", "0-1"),
                             ("standardize (mean 0, std 1)", "standardize")], "scale_combo")
        form.addRow("Scale inputs", self.scale)
        self.labels = _combo([("from the loss", "auto"), ("class numbers", "integer"), ("one-hot", "one-hot")],
                             "labels_combo")
        form.addRow("Labels", self.labels)
        self.maxlen = _spin(0, 100000, 0, "maxlen")
        self.maxlen.setSpecialValueText("automatic")
        form.addRow("Pad sequences to", self.maxlen)
        self.val_fraction = _dspin(0.0, 0.9, 0.1, 0.05, 2, "val_fraction")
        self.test_fraction = _dspin(0.0, 0.9, 0.2, 0.05, 2, "test_fraction")
        self.seed = _spin(0, 2**31 - 1, 42, "seed")
        form.addRow("Validation part", self.val_fraction)
        self.val_path = QLineEdit()
        self.val_path.setObjectName("val_path")
        self.val_path.setPlaceholderText("empty: the validation part above")
        self.val_path.setToolTip("Validate on this file (same columns or arrays as the training file) "
                                 "instead of a part of the training data")
        self.val_path.textChanged.connect(self._val_path_changed)
        val_browse = QPushButton("Browse…")
        val_browse.setToolTip("Choose the validation file")
        val_browse.clicked.connect(self._browse_val)
        vrow = QHBoxLayout()
        vrow.setContentsMargins(0, 0, 0, 0)
        vrow.addWidget(self.val_path, 1)
        vrow.addWidget(val_browse)
        self.val_row = QWidget()
        self.val_row.setLayout(vrow)
        form.addRow("Validation file", self.val_row)
        for row_widget in (self.path_row, self.size_row, self.val_row):
            # One line high: a taller page must not stretch the row away from its label.
            row_widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        form.addRow("Test part", self.test_fraction)
        form.addRow("Seed", self.seed)
        self.mapping = QTableWidget(0, 3)
        self.mapping.setObjectName("mapping_table")
        self.mapping.setHorizontalHeaderLabels(["", "model", "array (empty: automatic)"])
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().hide()
        self.mapping.setMaximumHeight(120)
        form.addRow("By name", self.mapping)
        self.dataset.currentIndexChanged.connect(self._source_changed)
        self.path.editingFinished.connect(self._read_columns)
        self.addTab(_scroll(page), "Data")

    def _build_compile(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        form = QFormLayout()
        self.optimizer = _combo([(o, o) for o in OPTIMIZERS], "optimizer_combo")
        self.learning_rate = _dspin(1e-6, 10.0, 0.001, 0.0005, 6, "learning_rate")
        form.addRow("Optimizer", self.optimizer)
        form.addRow("Learning rate", self.learning_rate)
        self.options: dict[str, QDoubleSpinBox | QCheckBox] = {}
        for name in sorted({o for opts in OPTIMIZER_OPTIONS.values() for o in opts}):
            if name in ("amsgrad", "nesterov"):
                w = QCheckBox()
            else:
                lo, hi, step, dec = OPTION_RANGES[name]
                w = _dspin(lo, hi, OPTION_DEFAULTS[name], step, dec, f"opt_{name}")
            self.options[name] = w
            form.addRow(name.replace("_", " "), w)
        self._form = form
        lay.addLayout(form)
        self.out_table = QTableWidget(0, 4)
        self.out_table.setObjectName("outputs_table")
        self.out_table.setHorizontalHeaderLabels(["output", "loss", "weight", "metrics"])
        header = self.out_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.out_table.verticalHeader().hide()
        self.out_table.setMinimumHeight(70)
        lay.addWidget(self.out_table)
        self.auto_note = QLabel("")
        self.auto_note.setObjectName("auto_loss_note")
        self.auto_note.setWordWrap(True)
        self.auto_note.setStyleSheet("color: #555;")
        lay.addWidget(self.auto_note)
        suggest = QPushButton("Suggest from the output layers")
        suggest.setObjectName("suggest_button")
        suggest.clicked.connect(lambda: self._fill_outputs({}))
        lay.addWidget(suggest)
        self.optimizer.currentIndexChanged.connect(self._optimizer_changed)
        self.addTab(_scroll(page), "Compile")

    def _build_fit(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.epochs = _spin(1, 100000, 5, "epochs_spin")
        self.batch_size = _spin(1, 65536, 32, "batch_size_spin")
        self.shuffle = QCheckBox("Shuffle every epoch")
        self.shuffle.setToolTip("Shuffle the training data before every epoch (shuffle=True)")
        self.class_weight = _combo([("none", "none"), ("balanced", "balanced")], "class_weight_combo")
        self.class_weight.setToolTip("balanced: rare classes count more in the loss (class_weight)")
        self.steps_per_execution = _spin(1, 10000, 1, "steps_per_execution")
        self.distribution = _combo([("one device", "default"), ("all local GPUs", "mirrored")], "distribution_combo")
        self.distribution.setToolTip("one device: the default. all local GPUs: tf.distribute.MirroredStrategy")
        form.addRow("Epochs", self.epochs)
        form.addRow("Batch size", self.batch_size)
        form.addRow("", self.shuffle)
        form.addRow("Class weights", self.class_weight)
        form.addRow("Steps per execution", self.steps_per_execution)
        form.addRow("Distribution", self.distribution)
        self.addTab(_scroll(page), "Fit")

    def _build_callbacks(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        monitors = [("val_loss", "val_loss"), ("loss", "loss"), ("val_accuracy", "val_accuracy")]
        self.cb: dict[str, dict[str, QWidget]] = {}

        def group(key: str, title: str, tip: str, fields: list[tuple[str, str, QWidget]]) -> None:
            box = QGroupBox(title)
            box.setToolTip(tip)
            box.setObjectName(f"cb_{key}")
            box.setCheckable(True)
            form = QFormLayout(box)
            widgets: dict[str, QWidget] = {"enabled": box}
            note = QLabel(tip)
            note.setWordWrap(True)
            note.setStyleSheet("color: #666;")
            form.addRow(note)
            for name, label, w in fields:
                form.addRow(label, w)
                widgets[name] = w
            lay.addWidget(box)
            self.cb[key] = widgets

        def monitor() -> QComboBox:
            c = _combo(monitors, "")
            c.setEditable(True)
            return c

        restore = QCheckBox()
        group("early_stopping", "EarlyStopping", "stop when the watched value stops improving",
              [("monitor", "watch", monitor()), ("patience", "patience (epochs)", _spin(0, 1000, 3, "")),
               ("restore_best_weights", "restore best weights", restore)])
        best_only = QCheckBox()
        group("model_checkpoint", "ModelCheckpoint", "save the model while training",
              [("filepath", "file", QLineEdit("best.keras")), ("monitor", "watch", monitor()),
               ("save_best_only", "only the best", best_only)])
        group("reduce_lr", "ReduceLROnPlateau", "lower the learning rate on a plateau",
              [("monitor", "watch", monitor()), ("factor", "factor", _dspin(0.01, 0.99, 0.5, 0.05, 2, "")),
               ("patience", "patience (epochs)", _spin(0, 1000, 2, "")),
               ("min_lr", "lowest rate", _dspin(0.0, 1.0, 1e-6, 1e-6, 7, ""))])
        group("csv_logger", "CSVLogger", "write each epoch to a CSV file",
              [("filename", "file", QLineEdit("training_log.csv"))])
        group("tensorboard", "TensorBoard", "logs for the TensorBoard viewer (needs the tensorboard package)",
              [("log_dir", "folder", QLineEdit("logs"))])
        group("terminate_on_nan", "TerminateOnNaN", "stop when the loss becomes NaN", [])
        lay.addStretch(1)
        self.addTab(_scroll(page), "Callbacks")

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
            path = QFileDialog.getExistingDirectory(self, "Image folder (one sub-folder per class)")
        else:
            filt = "CSV files (*.csv)" if src == "csv" else "NumPy files (*.npz *.npy)"
            path, _ = QFileDialog.getOpenFileName(self, "Data file", "", filt)
        if path:
            self.path.setText(path)
            self._read_columns()

    @Slot()
    def _browse_val(self) -> None:
        src, _ = self.source()
        filt = "CSV files (*.csv)" if src == "csv" else "NumPy files (*.npz *.npy)"
        path, _ = QFileDialog.getOpenFileName(self, "Validation file", "", filt)
        if path:
            self.val_path.setText(path)

    @Slot()
    def _val_path_changed(self) -> None:
        src, _ = self.source()
        from_file = src in ("csv", "npz") and bool(self.val_path.text().strip())
        self.val_fraction.setEnabled(not from_file)
        self.val_fraction.setToolTip("Ignored: validation comes from the validation file" if from_file else
                                     "The part of the training data kept aside to validate after each epoch")
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

    @Slot()
    def _optimizer_changed(self) -> None:
        allowed = OPTIMIZER_OPTIONS.get(self.optimizer.currentData(), ())
        for name, w in self.options.items():
            self._form.setRowVisible(w, name in allowed)

    def set_graph(self, graph) -> None:
        """Follow the model's inputs and outputs (call when the graph changes)."""
        current = self._outputs_config()
        self._outputs = graph_outputs(graph) if graph is not None else []
        self._inputs = [n.name for n in graph.inputs()] if graph is not None else []
        self._fill_outputs(current)
        maps = self._maps()
        self._fill_mapping(*maps)

    def _fill_outputs(self, chosen: dict[str, OutputConfig]) -> None:
        t = self.out_table
        t.setRowCount(len(self._outputs))
        autos: list[str] = []
        for row, port in enumerate(self._outputs):
            sug = suggest_output(port)
            item = QTableWidgetItem(port.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(f"activation: {port.activation or 'unknown'}")
            t.setItem(row, 0, item)
            loss = _combo([("auto", "")] + [(x, x) for x in LOSSES], "")
            loss.setToolTip(f"auto: {sug.loss}, suggested by the output layer's {port.activation or 'unknown'} activation")
            autos.append(f"{port.name}: {sug.loss} (from its {port.activation or 'unknown'} activation)")
            loss.setMinimumContentsLength(12)
            c = chosen.get(port.name)
            _select(loss, c.loss if c else "")
            t.setCellWidget(row, 1, loss)
            weight = _dspin(0.0, 1000.0, c.loss_weight if c else 1.0, 0.1, 2, "")
            t.setCellWidget(row, 2, weight)
            metrics = c.metrics if c and c.metrics is not None else sug.metrics
            t.setItem(row, 3, QTableWidgetItem(", ".join(metrics or [])))
        self.auto_note.setText("auto picks " + "; ".join(autos) if autos else "")

    def _outputs_config(self) -> dict[str, OutputConfig]:
        out = {}
        t = self.out_table
        for row in range(t.rowCount()):
            name = t.item(row, 0).text()
            loss = t.cellWidget(row, 1).currentData()
            weight = t.cellWidget(row, 2).value()
            metrics = [m.strip() for m in (t.item(row, 3).text() if t.item(row, 3) else "").split(",") if m.strip()]
            port = self._outputs[row]
            if not loss and weight == 1.0 and metrics == (suggest_output(port).metrics or []):
                continue  # all suggested: keep following the output layer
            out[name] = OutputConfig(loss, weight, metrics)
        return out

    def _fill_mapping(self, inputs: dict[str, str], outputs: dict[str, str]) -> None:
        rows = [("input", n, inputs.get(n, "")) for n in self._inputs]
        rows += [("output", p.name, outputs.get(p.name, "")) for p in self._outputs]
        show = len(self._inputs) > 1 or len(self._outputs) > 1
        t = self.mapping
        t.setRowCount(len(rows) if show else 0)
        if show:
            for r, (kind, name, arr) in enumerate(rows):
                for c, text in enumerate((kind, name)):
                    item = QTableWidgetItem(text)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    t.setItem(r, c, item)
                t.setItem(r, 2, QTableWidgetItem(arr))
        self._data_form.setRowVisible(t, show)

    def _maps(self) -> tuple[dict[str, str], dict[str, str]]:
        ins, outs = {}, {}
        t = self.mapping
        for r in range(t.rowCount()):
            kind, name = t.item(r, 0).text(), t.item(r, 1).text()
            arr = t.item(r, 2).text().strip() if t.item(r, 2) else ""
            if arr:
                (ins if kind == "input" else outs)[name] = arr
        return ins, outs

    # ------------------------------------------------------------ config io
    def set_config(self, cfg: TrainConfig) -> None:
        d = cfg.data
        _select(self.dataset, f"{d.source}:{d.name if d.source in ('sklearn', 'keras') else ''}")
        self.path.setText(d.path)
        self._source_changed()
        if d.source in ("csv", "npz"):
            self._read_columns(list(d.targets))
        self.img_h.setValue(int(d.image_size[0]))
        self.img_w.setValue(int(d.image_size[1]))
        _select(self.color, d.color_mode)
        self.num_words.setValue(int(d.num_words))
        _select(self.scale, d.scale)
        _select(self.labels, d.labels)
        self.maxlen.setValue(int(d.maxlen))
        self.val_fraction.setValue(float(d.val_fraction))
        self.val_path.setText(d.val_path)
        self.test_fraction.setValue(float(d.test_fraction))
        self.seed.setValue(int(d.seed))
        self._fill_mapping(d.input_map, d.output_map)
        _select(self.optimizer, cfg.optimizer)
        self.learning_rate.setValue(float(cfg.learning_rate))
        for name, w in self.options.items():
            v = cfg.optimizer_options.get(name)
            if isinstance(w, QCheckBox):
                w.setChecked(bool(v))
            else:
                w.setValue(float(v) if v is not None else OPTION_DEFAULTS[name])
        self._optimizer_changed()
        self._fill_outputs(cfg.outputs)
        self.epochs.setValue(int(cfg.epochs))
        self.batch_size.setValue(int(cfg.batch_size))
        self.shuffle.setChecked(bool(cfg.shuffle))
        _select(self.class_weight, cfg.class_weight if isinstance(cfg.class_weight, str) else "none")
        self.steps_per_execution.setValue(int(cfg.steps_per_execution))
        _select(self.distribution, cfg.distribution)
        for key, widgets in self.cb.items():
            values = getattr(cfg.callbacks, key)
            for name, w in widgets.items():
                v = values.get(name)
                if v is None:
                    continue
                if isinstance(w, (QGroupBox, QCheckBox)):
                    w.setChecked(bool(v))
                elif isinstance(w, QComboBox):
                    w.setCurrentText(str(v))
                elif isinstance(w, QLineEdit):
                    w.setText(str(v))
                else:
                    w.setValue(v)

    def config(self) -> TrainConfig:
        cfg = TrainConfig()
        d = cfg.data
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
        cfg.optimizer = self.optimizer.currentData()
        cfg.learning_rate = self.learning_rate.value()
        allowed = OPTIMIZER_OPTIONS.get(cfg.optimizer, ())
        for name in allowed:
            w = self.options[name]
            value = w.isChecked() if isinstance(w, QCheckBox) else w.value()
            if value != OPTION_DEFAULTS.get(name, False):
                cfg.optimizer_options[name] = value
        cfg.outputs = self._outputs_config()
        cfg.epochs, cfg.batch_size = self.epochs.value(), self.batch_size.value()
        cfg.shuffle = self.shuffle.isChecked()
        cfg.class_weight = self.class_weight.currentData()
        cfg.steps_per_execution = self.steps_per_execution.value()
        cfg.distribution = self.distribution.currentData()
        for key, widgets in self.cb.items():
            values = getattr(cfg.callbacks, key)
            for name, w in widgets.items():
                if isinstance(w, (QGroupBox, QCheckBox)):
                    values[name] = w.isChecked()
                elif isinstance(w, QComboBox):
                    values[name] = w.currentText()
                elif isinstance(w, QLineEdit):
                    values[name] = w.text().strip()
                else:
                    values[name] = w.value()
        return cfg
