""""Try several values…": the small dialog where a user types what a search
tries for one parameter (a layer's, or the learning rate, the optimizer,
the batch size): values ("16, 32, 64") or a range ("1e-4..1e-2:log").

What is typed is checked by the search engine's own rules
(:func:`kbuilder.training.search_check.dimension_from_text`, which asks the
layer catalog) on a pool thread, so the window never waits for Keras; a
problem is shown under the field in one sentence and the dialog stays open.
Accepted, the mark becomes one undo step (:func:`try_several` pushes it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMenu, QPushButton, QVBoxLayout, QWidget

from kbuilder.core.i18n import sentence_start
from kbuilder.training.search_check import dimension_from_text
from kbuilder.training.search_space import (
    SEARCHABLE_KINDS,
    Dimension,
    SearchSpaceError,
    space_of,
)
from kbuilder.ui.background import run_in_background
from kbuilder.ui.experiments.commands import mark_command

#: What the field shows greyed while empty, per compile setting or parameter kind.
EXAMPLES = {
    "learning_rate": "0.0001..0.01:log",
    "optimizer": "adam, sgd, rmsprop",
    "batch_size": "32, 64, 128",
    "int": "16, 32, 64",
    "optional_int": "16, 32, 64",
    "int_tuple": "3, 5",
    "float": "0.1, 0.3, 0.5",
    "optional_float": "0.1, 0.3, 0.5",
    "bool": "true, false",
}
#: The compile settings a search can vary, as a sentence names them (translated by :func:`setting_title`).
TITLES = {
    "learning_rate": QT_TRANSLATE_NOOP("dialog", "learning rate"),
    "optimizer": QT_TRANSLATE_NOOP("dialog", "optimizer"),
    "batch_size": QT_TRANSLATE_NOOP("dialog", "batch size"),
}


def setting_title(key: str) -> str:
    """A compile setting's name as the user reads it ("learning rate"); any other key as it is."""
    return QCoreApplication.translate("dialog", TITLES[key]) if key in TITLES else key


def can_try_several(spec: Any) -> bool:
    """Whether a layer parameter (its catalog ParamSpec) can be searched."""
    return spec is not None and getattr(spec, "kind", None) in SEARCHABLE_KINDS


def dimension_text(dim: Dimension) -> str:
    """A dimension as the user types it ("16, 32" or "0.0001..0.01:log")."""
    if not dim.is_range:
        return ", ".join(_plain(v) for v in dim.values)
    text = f"{_plain(dim.lo)}..{_plain(dim.hi)}"
    if dim.log:
        text += ":log"
    if dim.step:
        text += f":{_plain(dim.step)}"
    return text


def example_for(param: str, spec: Any = None) -> str:
    if spec is not None and getattr(spec, "kind", None) == "choice" and spec.choices:
        return ", ".join(str(c) for c in list(spec.choices)[:3])
    return EXAMPLES.get(param) or EXAMPLES.get(getattr(spec, "kind", ""), "16, 32, 64")


def _plain(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return f"{v:g}" if isinstance(v, float) else str(v)


class TrySeveralDialog(QDialog):
    """Asks for the values of one target; ``command`` is the undoable mark
    (or unmark) once accepted, None when nothing changes."""

    def __init__(self, document: Any, node_id: str | None, param: str, spec: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("try_several_dialog")
        self.document, self.node_id, self.param = document, node_id, param
        self.command = None
        self._checking = False
        self.current = space_of(document).get(node_id, param)
        key = Dimension(param, node_id).key(document.graph) if node_id is None or node_id in document.graph else param
        what = setting_title(key) if node_id is None else key
        self.setWindowTitle(self.tr("Try several values"))
        lay = QVBoxLayout(self)
        question = QLabel(self.tr("Which values of {what} should the search try?").format(what=what))
        question.setWordWrap(True)
        lay.addWidget(question)
        self.field = QLineEdit(dimension_text(self.current) if self.current is not None else "")
        self.field.setObjectName("try_several_values")
        self.field.setPlaceholderText(example_for(param, spec))
        self.field.setMinimumWidth(320)
        self.field.textEdited.connect(lambda _t: self.error.hide())
        lay.addWidget(self.field)
        hint = QLabel(self.tr(
            "Write values separated by commas, such as 16, 32, 64. For numbers you can also write a range "
            "LO..HI: add :log for steps that multiply (0.0001..0.01:log) or a step such as :16 (16..128:16)."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        lay.addWidget(hint)
        self.error = QLabel("")
        self.error.setObjectName("try_several_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = QPushButton(self.tr("Try these values"))
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        if self.current is not None:
            remove = QPushButton(self.tr("Stop trying several"))
            remove.setToolTip(self.tr("Remove the mark: the search no longer varies this setting."))
            remove.clicked.connect(self._remove)
            self.buttons.addButton(remove, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        for b in self.buttons.buttons():
            b.setAutoDefault(False)
        self.ok.setDefault(True)  # Enter in the field; set once the box is in the dialog, or Cancel would be
        self.setMinimumWidth(440)
        self.adjustSize()  # the wrapped hint's height at this width

    # ------------------------------------------------------------- checking
    def _check(self) -> None:
        """Check what was typed on a pool thread (the layer catalog may load Keras)."""
        if self._checking:
            return
        self._checking = True
        self.ok.setEnabled(False)
        self.ok.setText(self.tr("Checking…"))
        text, graph, node_id, param = self.field.text(), self.document.graph.copy(), self.node_id, self.param
        where = setting_title(param) if node_id is None else None  # "learning rate: 0 is not ..."
        run_in_background(lambda: dimension_from_text(text, graph, node_id, param, where), self._checked,
                          self._refused)

    def _gone(self) -> bool:
        """Closed (and deleted) while the check ran: nobody to answer."""
        return not shiboken6.isValid(self) or not self.isVisible()

    def _checked(self, dim: Dimension) -> None:
        if self._gone():
            return
        self._done_checking()
        if dim == self.current:
            self.accept()
            return
        try:
            self.command = mark_command(self.document, self.document.graph, self.node_id, self.param, dim)
        except SearchSpaceError as exc:
            self._refused(str(exc))
            return
        self.accept()

    def _refused(self, message: str) -> None:
        if self._gone():
            return
        self._done_checking()
        # A layer's name keeps its case ("dense.units: ..."); a training setting's reads as a sentence.
        if self.node_id is None:
            if message.startswith(self.param + ":"):
                message = setting_title(self.param) + message[len(self.param):]
            message = sentence_start(message)
        self.error.setText(message)
        self.error.show()
        self.adjustSize()
        self.field.setFocus()

    def _done_checking(self) -> None:
        self._checking = False
        self.ok.setEnabled(True)
        self.ok.setText(self.tr("Try these values"))

    def _remove(self) -> None:
        self.command = mark_command(self.document, self.document.graph, self.node_id, self.param, None)
        self.accept()


def try_several(parent: QWidget, document: Any, push: Callable[[Any], Any], node_id: str | None, param: str,
                spec: Any = None) -> TrySeveralDialog:
    """Open the dialog for one target (window-modal, not blocking); an
    accepted change is pushed as one undo step."""
    dialog = TrySeveralDialog(document, node_id, param, spec, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted and dialog.command is not None:
            push(dialog.command)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


def offer_try_several(label: QWidget, document: Any, push: Callable[[Any], Any], node: Any, spec: Any) -> None:
    """The Inspector's way in: a right-click on a parameter's ``label`` opens
    a menu with "Try several values…" (and, when marked, "Stop trying several
    values"), for the parameters a search can vary."""
    if not can_try_several(spec) or node.shared_with or node.is_input or node.is_placeholder:
        return
    node_id, param = node.id, spec.name
    label.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    label.setToolTip(label.toolTip() + "\n\n" + QCoreApplication.translate("dialog",
        "Right-click to try several values of {param} in a search (the Experiments mode).").format(param=param))

    def menu(pos) -> None:
        popup = QMenu(label)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.setObjectName("try_several_menu")
        act = popup.addAction(QCoreApplication.translate("dialog", "Try several values…"))
        act.setToolTip(QCoreApplication.translate("dialog", "Let a search in the Experiments mode try several values of {param}").format(
            param=param))
        act.triggered.connect(lambda: try_several(label.window(), document, push, node_id, param, spec))
        if space_of(document).get(node_id, param) is not None:
            off = popup.addAction(QCoreApplication.translate("dialog", "Stop trying several values"))
            off.triggered.connect(lambda: push(mark_command(document, document.graph, node_id, param, None)))
        popup.popup(label.mapToGlobal(pos))  # not exec(): the window goes on

    label.customContextMenuRequested.connect(menu)
