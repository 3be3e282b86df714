"""The training settings as forms: Data, Compile, Fit, Callbacks.

``TrainingSettings`` edits a :class:`TrainConfig` (``set_config`` /
``config``) and follows the model's outputs (``set_graph``) to offer a loss
per output, suggested from the output layer.  The pages are built by
:class:`~kbuilder.ui.training.settings_data.DataSection` (Data) and
:class:`~kbuilder.ui.training.settings_fit.FitSection` (Compile, Fit,
Callbacks); this class ties them together and says ``changed``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from kbuilder.training.config import TrainConfig
from kbuilder.training.prepare import graph_outputs
from kbuilder.ui.training.settings_data import DataSection
from kbuilder.ui.training.settings_fit import FitSection


class TrainingSettings(DataSection, FitSection, QTabWidget):
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

    def set_graph(self, graph) -> None:
        """Follow the model's inputs and outputs (call when the graph changes)."""
        current = self._outputs_config()
        self._outputs = graph_outputs(graph) if graph is not None else []
        self._inputs = [n.name for n in graph.inputs()] if graph is not None else []
        self._fill_outputs(current)
        maps = self._maps()
        self._fill_mapping(*maps)

    # ------------------------------------------------------------ config io
    def set_config(self, cfg: TrainConfig) -> None:
        self._set_data_config(cfg.data)
        self._set_fit_config(cfg)

    def config(self) -> TrainConfig:
        cfg = TrainConfig()
        self._data_config(cfg.data)
        self._fit_config(cfg)
        return cfg
