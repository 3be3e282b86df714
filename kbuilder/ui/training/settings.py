"""The training settings as forms: Data, Compile, Fit, Callbacks.

``TrainingSettings`` edits a :class:`TrainConfig` (``set_config`` /
``config``) and follows the model's outputs (``set_graph``) to offer a loss
per output, suggested from the output layer (``_fill_outputs``).  The pages are built by
:class:`~kbuilder.ui.training.settings_data.DataSection` (Data) and
:class:`~kbuilder.ui.training.settings_fit.FitSection` (Compile, Fit,
Callbacks); this class ties them together and says ``changed``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from kbuilder.training.config import LOSSES, OutputConfig, TrainConfig
from kbuilder.training.prepare import graph_outputs, suggest_output
from kbuilder.ui.training.settings_data import DataSection, choice_box, float_box, select_data
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

    def _fill_outputs(self, chosen: dict[str, OutputConfig]) -> None:
        t = self.out_table
        t.setRowCount(len(self._outputs))
        autos: list[str] = []
        for row, port in enumerate(self._outputs):
            sug = suggest_output(port)
            item = QTableWidgetItem(port.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            activation = port.activation or self.tr("unknown")
            item.setToolTip(self.tr("activation: {activation}").format(activation=activation))
            t.setItem(row, 0, item)
            loss = choice_box([(self.tr("auto"), "")] + [(x, x) for x in LOSSES], "")
            loss.setToolTip(self.tr("auto: {loss}, suggested by the output layer's {activation} activation").format(
                loss=sug.loss, activation=activation))
            autos.append(self.tr("{output}: {loss} (from its {activation} activation)").format(
                output=port.name, loss=sug.loss, activation=activation))
            loss.setMinimumContentsLength(12)
            c = chosen.get(port.name)
            select_data(loss, c.loss if c else "")
            t.setCellWidget(row, 1, loss)
            weight = float_box(0.0, 1000.0, c.loss_weight if c else 1.0, 0.1, 2, "")
            t.setCellWidget(row, 2, weight)
            metrics = c.metrics if c and c.metrics is not None else sug.metrics
            t.setItem(row, 3, QTableWidgetItem(", ".join(metrics or [])))
        self.auto_note.setText(self.tr("auto picks {choices}").format(choices="; ".join(autos)) if autos else "")

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

    # ------------------------------------------------------------ config io
    def set_config(self, cfg: TrainConfig) -> None:
        self._set_data_config(cfg.data)
        self._set_fit_config(cfg)

    def config(self) -> TrainConfig:
        cfg = TrainConfig()
        self._data_config(cfg.data)
        self._fit_config(cfg)
        return cfg
