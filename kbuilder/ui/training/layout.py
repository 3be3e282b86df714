"""The training panel's widgets: the settings column on the left; on the
right the buttons, the weights and compare boxes, progress, status, the
out-of-date banner and the Curves / Results / Try it / Messages tabs.

Laid out to fit a 1024x700 window without a horizontal scroll bar: the
buttons in one row, the check boxes in the next, the curves taking the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kbuilder.ui.training.coach_view import CoachView
from kbuilder.ui.training.plots import CurvesView
from kbuilder.ui.training.results import ResultsView
from kbuilder.ui.training.settings import TrainingSettings
from kbuilder.ui.training.try_it import TryItView


def build_panel_ui(panel) -> None:
    """Make ``panel``'s widgets and connect them to its slots."""
    outer = QHBoxLayout(panel)
    outer.setContentsMargins(4, 4, 4, 4)
    split = QSplitter(Qt.Orientation.Horizontal)
    outer.addWidget(split)
    panel.settings = TrainingSettings()
    panel.settings.setMinimumWidth(330)
    split.addWidget(panel.settings)
    right = QWidget()
    v = QVBoxLayout(right)
    v.setContentsMargins(4, 0, 0, 0)
    bar = QHBoxLayout()

    def button(text: str, name: str, slot, tip: str) -> QToolButton:
        # Tool buttons are as wide as their text (push buttons are at least
        # 80 px): the row fits beside the settings in a 1024 px window.
        b = QToolButton()
        b.setText(text)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        b.setMinimumHeight(26)
        b.setStyleSheet("QToolButton { padding: 3px 9px; }")
        b.setObjectName(name)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        bar.addWidget(b)
        return b

    translate = QCoreApplication.translate  # the panel's strings, in the TrainingPanel context
    panel.check_button = button(translate("TrainingPanel", "Check"), "check_button", panel.check,
                                translate("TrainingPanel", "Load the data and compare it with the model"))
    panel.train_button = button(translate("TrainingPanel", "Train"), "train_button", panel.train,
                                translate("TrainingPanel", "Build the model with fresh weights and train it"))
    panel.pause_button = button(translate("TrainingPanel", "Pause"), "pause_button", panel.toggle_pause,
                                translate("TrainingPanel", "Pause after the current batch"))
    panel.stop_button = button(translate("TrainingPanel", "Stop"), "stop_button", panel.stop,
                               translate("TrainingPanel", "End after the current batch; the weights trained so far are kept"))
    bar.addSpacing(12)
    panel.evaluate_button = button(translate("TrainingPanel", "Evaluate"), "evaluate_button", panel.evaluate,
                                   translate("TrainingPanel", "Evaluate on the test split"))
    panel.save_button = button(translate("TrainingPanel", "Save model…"), "save_button", panel._ask_save,
                               translate("TrainingPanel", "Save the trained model (.keras or .h5)"))
    panel.script_button = button(translate("TrainingPanel", "Export script…"), "script_button", panel._ask_script,
                                 translate("TrainingPanel", "A Python script that reproduces this run on its own"))
    bar.addStretch(1)
    v.addLayout(bar)
    row = QHBoxLayout()
    panel.from_weights = QCheckBox(translate("TrainingPanel", "Start from the file's weights"))
    panel.from_weights.setProperty("weights_source", "file")  # whose weights the label names
    panel.from_weights.setObjectName("from_weights_check")
    panel.from_weights.setChecked(True)
    panel.from_weights.setVisible(False)  # shown when the model has weights (from its file or a run)
    panel.from_weights.toggled.connect(lambda _on: panel._update_buttons())
    row.addWidget(panel.from_weights)
    panel.compare = QCheckBox(translate("TrainingPanel", "Compare with previous run"))
    panel.compare.setObjectName("compare_check")
    panel.compare.setToolTip(translate("TrainingPanel", "Draw the previous run's epoch curves beside this one's"))
    panel.compare.toggled.connect(panel._compare_toggled)
    row.addWidget(panel.compare)
    row.addStretch(1)
    v.addLayout(row)
    prog = QHBoxLayout()
    panel.progress = QProgressBar()
    panel.progress.setObjectName("progress_bar")
    panel.progress.setRange(0, 1000)
    panel.progress.setTextVisible(True)
    panel.progress.setFormat("%p%")
    prog.addWidget(panel.progress, 1)
    panel.eta = QLabel("")
    panel.eta.setObjectName("eta_label")
    panel.eta.setFixedWidth(300)  # fixed: a changing text must not re-lay out the plots
    prog.addWidget(panel.eta)
    v.addLayout(prog)
    panel.status = QLabel(translate("TrainingPanel", "Choose a data set and press Train."))
    panel.status.setObjectName("status_label")
    panel.status.setWordWrap(True)
    panel.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    v.addWidget(panel.status)
    panel.stale = QLabel("")
    panel.stale.setObjectName("stale_label")
    panel.stale.setWordWrap(True)
    panel.stale.setStyleSheet("background: #fff3cd; color: #6b4e00; padding: 4px; border-radius: 3px;")
    panel.stale.hide()
    v.addWidget(panel.stale)
    panel.coach = CoachView(panel.push)  # advice from the curves; hidden until a run has epochs
    v.addWidget(panel.coach)
    panel.tabs = QTabWidget()
    panel.curves = CurvesView()
    panel.coach.epoch_marked.connect(panel.curves.mark_epoch)
    panel.results = ResultsView()
    panel.messages = QPlainTextEdit()
    panel.messages.setObjectName("messages")
    panel.messages.setReadOnly(True)
    panel.try_it = TryItView()
    panel.tabs.addTab(panel.curves, translate("TrainingPanel", "Curves"))
    panel.tabs.addTab(panel.results, translate("TrainingPanel", "Results"))
    index = panel.tabs.addTab(panel.try_it, translate("TrainingPanel", "Try it"))
    panel.tabs.setTabToolTip(index, translate("TrainingPanel", "Try the trained model on your own drawing, picture, numbers or text"))
    panel.tabs.addTab(panel.messages, translate("TrainingPanel", "Messages"))
    panel.try_it.predict_requested.connect(panel._try_request)
    panel.try_it.picture_chosen.connect(lambda path: panel._try_request({"kind": "file", "path": path}))
    panel.tabs.currentChanged.connect(lambda _i: panel._refresh_try_it())
    v.addWidget(panel.tabs, 1)
    split.addWidget(right)
    split.setStretchFactor(0, 0)
    split.setStretchFactor(1, 1)
    split.setSizes([340, 900])
    panel.settings.changed.connect(panel._emit_settings)

