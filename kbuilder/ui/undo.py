"""The Qt undo stack over the core commands.

:class:`UndoAdapter` wraps a :class:`kbuilder.core.commands.Command`: the
QUndoStack calls ``redo``/``undo`` and the core command edits the graph,
which emits the events the views follow.  Commands whose core ``merge_key``
is equal merge into one undo step (a drag, typing in a spin box): Qt only
asks ``mergeWith`` when two commands report the same ``id()``, so each
distinct merge key gets its own small integer.

:func:`execute` is the one way the UI edits the graph: it applies the
command first, so an edit the graph refuses (``GraphError``) is reported to
the caller instead of being lost inside Qt's virtual ``redo`` call.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from kbuilder.core.graph import Graph, GraphError
from kbuilder.core.history import Command

_merge_ids: dict[Any, int] = {}


def _id_for(key: Any) -> int:
    if key is None:
        return -1
    try:
        return _merge_ids.setdefault(key, len(_merge_ids) + 1)
    except TypeError:  # an unhashable key never merges
        return -1


class UndoAdapter(QUndoCommand):
    """One undo step: a core command applied to ``graph``.

    ``applied=True`` says the command has already run (see :func:`execute`),
    so the stack's first ``redo`` must not run it again."""

    def __init__(self, core_cmd: Command, graph: Graph, applied: bool = False) -> None:
        text = getattr(core_cmd, "text", None)
        super().__init__(QCoreApplication.translate("UndoAdapter", "edit") if text is None else text)
        self.cmd = core_cmd
        self.graph = graph
        self._skip_redo = applied

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.cmd.redo(self.graph)

    def undo(self) -> None:
        self.cmd.undo(self.graph)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _id_for(self.cmd.merge_key())

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, UndoAdapter):
            return False
        if other.cmd.merge_key() != self.cmd.merge_key():
            return False
        return bool(self.cmd.merge(other.cmd))


def execute(stack: QUndoStack, graph: Graph, cmd: Command) -> str | None:
    """Apply ``cmd`` and push it on ``stack``.  Returns None on success, or
    the reason the graph refused the edit (the graph is left unchanged when
    a single edit is refused; a compound is rolled back as far as it got)."""
    try:
        cmd.redo(graph)
    except GraphError as exc:
        _roll_back(cmd, graph)
        return str(exc)
    stack.push(UndoAdapter(cmd, graph, applied=True))
    return None


def _roll_back(cmd: Command, graph: Graph) -> None:
    """Undo what part of a failed compound already did."""
    children = getattr(cmd, "children", None)
    if not children:
        return
    for child in reversed(children):
        try:
            child.undo(graph)
        except (GraphError, ValueError, KeyError):
            continue
