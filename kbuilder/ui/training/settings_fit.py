"""The Compile, Fit and Callbacks pages of the training settings: the
optimizer and its options, a loss, weight and metrics per model output
(suggested from the output layer), epochs and batches, the callbacks.

A mixin of :class:`kbuilder.ui.training.settings.TrainingSettings`.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kbuilder.training.config import OPTIMIZER_OPTIONS, OPTIMIZERS, TrainConfig
from kbuilder.ui.training.settings_data import choice_box, float_box, int_box, scroll_page, select_data

OPTION_RANGES = {  # name: (min, max, step, decimals)
    "beta_1": (0.0, 0.9999, 0.01, 4), "beta_2": (0.0, 0.99999, 0.001, 5), "epsilon": (1e-10, 1.0, 1e-7, 10),
    "momentum": (0.0, 0.999, 0.05, 3), "rho": (0.0, 0.999, 0.05, 3), "weight_decay": (0.0, 1.0, 0.001, 4),
    "initial_accumulator_value": (0.0, 10.0, 0.1, 3),
}
OPTION_DEFAULTS = {"beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7, "momentum": 0.0, "rho": 0.9,
                   "weight_decay": 0.004, "initial_accumulator_value": 0.1}



class FitSection:
    """The Compile, Fit and Callbacks pages and their config (a mixin of ``TrainingSettings``)."""

    def _build_compile(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        form = QFormLayout()
        self.optimizer = choice_box([(o, o) for o in OPTIMIZERS], "optimizer_combo")
        self.learning_rate = float_box(1e-6, 10.0, 0.001, 0.0005, 6, "learning_rate")
        form.addRow(self.tr("Optimizer"), self.optimizer)
        form.addRow(self.tr("Learning rate"), self.learning_rate)
        self.options: dict[str, QDoubleSpinBox | QCheckBox] = {}
        for name in sorted({o for opts in OPTIMIZER_OPTIONS.values() for o in opts}):
            if name in ("amsgrad", "nesterov"):
                w = QCheckBox()
            else:
                lo, hi, step, dec = OPTION_RANGES[name]
                w = float_box(lo, hi, OPTION_DEFAULTS[name], step, dec, f"opt_{name}")
            self.options[name] = w
            form.addRow(name.replace("_", " "), w)
        self._form = form
        lay.addLayout(form)
        self.out_table = QTableWidget(0, 4)
        self.out_table.setObjectName("outputs_table")
        self.out_table.setHorizontalHeaderLabels([self.tr("output"), self.tr("loss"), self.tr("weight"),
                                                  self.tr("metrics")])
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
        suggest = QPushButton(self.tr("Suggest from the output layers"))
        suggest.setObjectName("suggest_button")
        suggest.clicked.connect(lambda: self._fill_outputs({}))
        lay.addWidget(suggest)
        self.optimizer.currentIndexChanged.connect(self._optimizer_changed)
        self.addTab(scroll_page(page), self.tr("Compile"))

    def _build_fit(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.epochs = int_box(1, 100000, 5, "epochs_spin")
        self.batch_size = int_box(1, 65536, 32, "batch_size_spin")
        self.shuffle = QCheckBox(self.tr("Shuffle every epoch"))
        self.shuffle.setToolTip(self.tr("Shuffle the training data before every epoch (shuffle=True)"))
        self.class_weight = choice_box([(self.tr("none"), "none"), (self.tr("balanced"), "balanced")],
                                       "class_weight_combo")
        self.class_weight.setToolTip(self.tr("balanced: rare classes count more in the loss (class_weight)"))
        self.steps_per_execution = int_box(1, 10000, 1, "steps_per_execution")
        self.distribution = choice_box([(self.tr("one device"), "default"), (self.tr("all local GPUs"), "mirrored")],
                                       "distribution_combo")
        self.distribution.setToolTip(self.tr("one device: the default. all local GPUs: "
                                             "tf.distribute.MirroredStrategy"))
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow(self.tr("Batch size"), self.batch_size)
        form.addRow("", self.shuffle)
        form.addRow(self.tr("Class weights"), self.class_weight)
        form.addRow(self.tr("Steps per execution"), self.steps_per_execution)
        form.addRow(self.tr("Distribution"), self.distribution)
        self.addTab(scroll_page(page), self.tr("Fit"))

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
            c = choice_box(monitors, "")
            c.setEditable(True)
            return c

        restore = QCheckBox()
        watch, patience, file = self.tr("watch"), self.tr("patience (epochs)"), self.tr("file")
        group("early_stopping", "EarlyStopping", self.tr("stop when the watched value stops improving"),
              [("monitor", watch, monitor()), ("patience", patience, int_box(0, 1000, 3, "")),
               ("restore_best_weights", self.tr("restore best weights"), restore)])
        best_only = QCheckBox()
        group("model_checkpoint", "ModelCheckpoint", self.tr("save the model while training"),
              [("filepath", file, QLineEdit("best.keras")), ("monitor", watch, monitor()),
               ("save_best_only", self.tr("only the best"), best_only)])
        group("reduce_lr", "ReduceLROnPlateau", self.tr("lower the learning rate on a plateau"),
              [("monitor", watch, monitor()), ("factor", self.tr("factor"), float_box(0.01, 0.99, 0.5, 0.05, 2, "")),
               ("patience", patience, int_box(0, 1000, 2, "")),
               ("min_lr", self.tr("lowest rate"), float_box(0.0, 1.0, 1e-6, 1e-6, 7, ""))])
        group("csv_logger", "CSVLogger", self.tr("write each epoch to a CSV file"),
              [("filename", file, QLineEdit("training_log.csv"))])
        group("tensorboard", "TensorBoard", self.tr("logs for the TensorBoard viewer (needs the tensorboard package)"),
              [("log_dir", self.tr("folder"), QLineEdit("logs"))])
        group("terminate_on_nan", "TerminateOnNaN", self.tr("stop when the loss becomes NaN"), [])
        lay.addStretch(1)
        self.addTab(scroll_page(page), self.tr("Callbacks"))

    @Slot()
    def _optimizer_changed(self) -> None:
        allowed = OPTIMIZER_OPTIONS.get(self.optimizer.currentData(), ())
        for name, w in self.options.items():
            self._form.setRowVisible(w, name in allowed)

    # ------------------------------------------------------------ config io
    def _set_fit_config(self, cfg: TrainConfig) -> None:
        select_data(self.optimizer, cfg.optimizer)
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
        select_data(self.class_weight, cfg.class_weight if isinstance(cfg.class_weight, str) else "none")
        self.steps_per_execution.setValue(int(cfg.steps_per_execution))
        select_data(self.distribution, cfg.distribution)
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

    def _fit_config(self, cfg: TrainConfig) -> None:
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
