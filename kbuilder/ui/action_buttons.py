"""Buttons for one-click edits: the Issues panel's fixes and the coach's advice.

An :class:`kbuilder.keras_io.actions.Action` is a titled edit that becomes one
undoable command.  :class:`ActionButton` shows its title on a push button that
wraps over several lines when the space is narrow (a title names layers and
figures: "Insert a Reshape to (28, 28, 1) before conv2d"), so nothing is cut
off in a small window; its tooltip is the action's ``detail``.
:func:`apply_action` turns the action into one undo step through the window's
``push`` (graph edits and training-settings edits alike: the command of a
settings action edits ``document.settings["training"]`` through
``Document.set_setting``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QStylePainter, QWidget

from kbuilder.core.graph import GraphError

PAD_X, PAD_Y = 10, 4
MIN_HEIGHT = 26
WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def apply_action(action: Any, graph: Any, holder: Any, push: Callable | None) -> str | None:
    """Apply ``action`` to ``graph`` as one undo step through ``push``;
    ``holder`` keeps the training settings (the window's ``Document``).
    None on success, else why it could not be applied."""
    if push is None:
        return QCoreApplication.translate("action_buttons", "This view cannot change the model.")
    if action.kind == "settings" and holder is None:
        return QCoreApplication.translate("action_buttons", "The training settings are not available here.")
    try:
        cmd = action.command(graph, holder)
        if action.kind == "graph":
            cmd = with_room(graph, cmd)
    except (GraphError, KeyError, ValueError) as exc:  # the layers it names are gone
        return str(exc) or QCoreApplication.translate("action_buttons",
                                                      "The model has changed: this fix no longer applies.")
    return push(cmd)


def with_room(graph: Any, cmd: Any) -> Any:
    """``cmd``, plus a step down of the layers that a layer it adds would
    cover, as one undo step (as a layer dropped on a connection makes room).
    The command is tried on a copy of the graph first to see where its new
    layers land (a command can be redone again and again)."""
    from kbuilder.core.history import Compound
    from kbuilder.ui.editor.editing import make_room

    trial = graph.copy()
    try:
        cmd.redo(trial)
    except Exception:  # noqa: BLE001 - the real push reports the problem
        return cmd
    known = {n.id for n in graph.nodes}
    positions = {n.id: n.position for n in trial.nodes}
    moves: dict = {}
    for node in trial.nodes:
        if node.id in known:
            continue
        x, y = positions[node.id]
        y, moved = make_room({nid: pos for nid, pos in positions.items() if nid != node.id}, x, y)
        moved[node.id] = (x, y)
        positions.update(moved)
        moves.update(moved)
    moves = {nid: pos for nid, pos in moves.items() if trial.node(nid).position != pos}
    if not moves:
        return cmd
    from kbuilder.core.commands import Move

    return Compound([cmd, Move(old={nid: trial.node(nid).position for nid in moves}, new=moves)], text=cmd.text)


class ActionButton(QPushButton):
    """A push button for one :class:`Action`: its title (wrapped when narrow),
    its detail as the tooltip; ``prominent`` makes the text bold (the first fix)."""

    def __init__(self, action: Any, parent: QWidget | None = None, prominent: bool = False) -> None:
        super().__init__(action.title, parent)
        self.action = action
        self.setObjectName("action_button")
        if prominent:
            font = self.font()
            font.setBold(True)
            self.setFont(font)
        self.setToolTip(action.detail or action.title)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _text_rect(self, width: int | None) -> QRect:
        fm = self.fontMetrics()
        if width is None:
            return fm.boundingRect(QRect(0, 0, 100_000, 1000), int(Qt.AlignmentFlag.AlignLeft), self.text())
        return fm.boundingRect(QRect(0, 0, max(width - 2 * PAD_X, 40), 100_000), int(WRAP), self.text())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        r = self._text_rect(None)
        return QSize(r.width() + 2 * PAD_X + 2, max(MIN_HEIGHT, r.height() + 2 * PAD_Y))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        width = min(self.sizeHint().width(), 180)
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return max(MIN_HEIGHT, self._text_rect(width).height() + 2 * PAD_Y)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""  # the bevel from the style, the (wrapped) text from here
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, QPalette.ColorRole.ButtonText))
        painter.drawText(self.rect().adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y), int(WRAP), self.text())
