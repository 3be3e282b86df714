"""What the search tries and how: the marked settings (editable, removable),
the buttons that mark the learning rate, the optimizer and the batch size,
and the search's own settings (tuner, trials, epochs per trial, objective).

The widget only shows the document's space (:meth:`SpaceEditor.show_space`)
and says what the user asked for through its signals; the page turns a
request into an undoable mark (:mod:`kbuilder.ui.experiments.dialog`) or a
project setting.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kbuilder.training.search_space import MAX_EPOCHS, SearchSettings, SearchSpace
from kbuilder.ui.experiments.dialog import setting_title

TARGET = Qt.ItemDataRole.UserRole


class SpaceEditor(QWidget):
    edit_requested = Signal(object, str)  # node id (None: a compile setting), parameter
    remove_requested = Signal(object, str)
    settings_changed = Signal(dict)  # SearchSettings.to_dict()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("space_editor")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self._build_marks())
        lay.addWidget(self._build_settings())

    # ---------------------------------------------------------------- marks
    def _build_marks(self) -> QGroupBox:
        box = QGroupBox(self.tr("What the search tries"))
        lay = QVBoxLayout(box)
        hint = QLabel(self.tr("In Build (Alt+1), right-click a layer setting in the Inspector and choose \"Try several values…\", "
                              "or try several training settings with the buttons below."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        lay.addWidget(hint)
        self.marks = QTreeWidget()
        self.marks.setObjectName("search_space_list")
        self.marks.setColumnCount(2)
        self.marks.setHeaderLabels([self.tr("Setting"), self.tr("Values to try")])
        self.marks.setRootIsDecorated(False)
        self.marks.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.marks.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.marks.setMinimumHeight(90)
        self.marks.itemDoubleClicked.connect(lambda item, _c: self.edit_requested.emit(*item.data(0, TARGET)))
        self.marks.itemSelectionChanged.connect(self._update_buttons)
        lay.addWidget(self.marks, 1)
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.setToolTip(self.tr("Change the values tried for the selected setting"))
        self.edit_button.clicked.connect(lambda: self._selected() and self.edit_requested.emit(*self._selected()))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Stop trying several values of the selected setting (undoable)"))
        self.remove_button.clicked.connect(lambda: self._selected() and self.remove_requested.emit(*self._selected()))
        row.addWidget(self.edit_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("Try several training settings too:")))
        row = QHBoxLayout()
        self.compile_buttons: dict[str, QPushButton] = {}
        for key, text, tip in (
            ("learning_rate", self.tr("Learning rates…"), self.tr("Try several learning rates")),
            ("optimizer", self.tr("Optimizers…"), self.tr("Try several optimizers")),
            ("batch_size", self.tr("Batch sizes…"), self.tr("Try several batch sizes")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"try_{key}")
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, k=key: self.edit_requested.emit(None, k))
            row.addWidget(button)
            self.compile_buttons[key] = button
        row.addStretch(1)
        lay.addLayout(row)
        self._update_buttons()
        return box

    def _selected(self) -> tuple[str | None, str] | None:
        items = self.marks.selectedItems()
        return tuple(items[0].data(0, TARGET)) if items else None

    def _update_buttons(self) -> None:
        on = self._selected() is not None
        self.edit_button.setEnabled(on)
        self.remove_button.setEnabled(on)

    # ------------------------------------------------------------- settings
    def _build_settings(self) -> QGroupBox:
        box = QGroupBox(self.tr("How to search"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.tuner = QComboBox()
        self.tuner.setObjectName("search_tuner")
        for key, text, tip in (
            ("random", self.tr("Random search"), self.tr("Each trial picks values at random: simple and robust.")),
            ("hyperband", self.tr("Hyperband"),
             self.tr("Trains many trials for a few epochs and only the promising ones for longer.")),
            ("bayesian", self.tr("Bayesian optimisation"),
             self.tr("Picks the next values from what the finished trials taught it.")),
        ):
            self.tuner.addItem(text, key)
            self.tuner.setItemData(self.tuner.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.tuner.setToolTip(self.tr("How the search chooses the values of each trial"))
        form.addRow(self.tr("Tuner:"), self.tuner)
        self.trials = QSpinBox()
        self.trials.setObjectName("search_trials")
        self.trials.setRange(1, 1000)
        self.trials.setToolTip(self.tr("At most this many trials (models trained with different values)"))
        form.addRow(self.tr("Trials:"), self.trials)
        self.epochs = QSpinBox()
        self.epochs.setObjectName("search_epochs")
        self.epochs.setRange(0, min(MAX_EPOCHS, 100_000))
        self.epochs.setSpecialValueText(self.tr("as in Train"))
        self.epochs.setToolTip(self.tr("Epochs each trial trains (Hyperband: the most); 'as in Train' uses the "
                                       "training settings' epochs"))
        form.addRow(self.tr("Epochs per trial:"), self.epochs)
        self.objective = QComboBox()
        self.objective.setObjectName("search_objective")
        for key, text in (("auto", self.tr("automatic")), ("val_accuracy", "val_accuracy"), ("val_loss", "val_loss")):
            self.objective.addItem(text, key)
        self.objective.setToolTip(self.tr("What makes a trial the best: automatic is val_accuracy for a classifier, "
                                          "else val_loss"))
        form.addRow(self.tr("Best means:"), self.objective)
        self.tuner.currentIndexChanged.connect(self._emit_settings)
        self.trials.valueChanged.connect(self._emit_settings)
        self.epochs.valueChanged.connect(self._emit_settings)
        self.objective.currentIndexChanged.connect(self._emit_settings)
        return box

    def search_settings(self) -> SearchSettings:
        return SearchSettings(self.tuner.currentData(), self.trials.value(), self.epochs.value(),
                              self.objective.currentData())

    def _emit_settings(self, *_args) -> None:
        self.settings_changed.emit(self.search_settings().to_dict())

    # ----------------------------------------------------------------- show
    def show_space(self, space: SearchSpace, graph) -> None:
        """Show ``space``'s marks on the layers of ``graph`` (a deleted
        layer's marks wait for an undo, unshown) and its settings."""
        selected = self._selected()
        self.marks.clear()
        for dim in space.active(graph):
            key = dim.key(graph)
            item = QTreeWidgetItem([setting_title(key) if dim.node_id is None else key, dim.describe()])
            item.setData(0, TARGET, [dim.node_id, dim.param])
            item.setToolTip(0, self.tr("Double-click to change the values tried"))
            self.marks.addTopLevelItem(item)
            if selected == (dim.node_id, dim.param):
                item.setSelected(True)
        if not self.marks.topLevelItemCount():
            empty = QTreeWidgetItem([self.tr("Nothing marked yet"), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.marks.addTopLevelItem(empty)
        self._update_buttons()
        s = space.settings
        for widget, setter in ((self.tuner, lambda: self.tuner.setCurrentIndex(max(0, self.tuner.findData(s.tuner)))),
                               (self.trials, lambda: self.trials.setValue(s.trials)),
                               (self.epochs, lambda: self.epochs.setValue(s.epochs)),
                               (self.objective,
                                lambda: self.objective.setCurrentIndex(max(0, self.objective.findData(s.objective))))):
            widget.blockSignals(True)
            setter()
            widget.blockSignals(False)

    def mark_texts(self) -> list[tuple[str, str]]:
        """(setting, values) of each row shown (what tests read)."""
        return [(self.marks.topLevelItem(i).text(0), self.marks.topLevelItem(i).text(1))
                for i in range(self.marks.topLevelItemCount())]
