"""The undo model: the :class:`Command` interface, :class:`Compound`, :class:`History`.

A command changes a :class:`~kbuilder.core.graph.Graph` in :meth:`~Command.redo`
and puts it back in :meth:`~Command.undo`, any number of times; consecutive
commands with equal, non-None :meth:`~Command.merge_key` merge into one undo
step (a drag, typing in a spin box).  A :class:`Compound` is a transaction:
when a child fails, the children already applied are undone and the graph is
as it was before.  :class:`History` is the headless undo stack, with the
semantics of ``QUndoStack`` (the UI wraps commands in ``kbuilder.ui.undo``).
The concrete edits are in :mod:`kbuilder.core.commands`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .graph import Graph
from .i18n import QT_TRANSLATE_NOOP, translate


class Command:
    """One undoable edit of a graph; ``text`` names it in the Edit menu
    (subclasses give their own; this fallback is marked for translation:
    ``translate("core.history", Command.text)``)."""

    text = QT_TRANSLATE_NOOP("core.history", "edit")

    def redo(self, graph: Graph) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def undo(self, graph: Graph) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def merge_key(self) -> Any:
        """Commands with equal, non-None keys that follow each other are
        merged into one undo step (a drag, typing in a spin box)."""
        return None

    def merge(self, other: Command) -> bool:
        return False


@dataclass
class Compound(Command):
    """Several commands as one undo step, applied all or none."""

    children: list[Command] = field(default_factory=list)
    text: str = field(default_factory=lambda: translate("core.history", "edit"))

    def redo(self, graph: Graph) -> None:
        """Apply every child, or none: when one fails, undo those already
        applied (last first) and raise its error."""
        applied: list[Command] = []
        try:
            for c in self.children:
                c.redo(graph)
                applied.append(c)
        except Exception:
            for c in reversed(applied):
                c.undo(graph)
            raise

    def undo(self, graph: Graph) -> None:
        for c in reversed(self.children):
            c.undo(graph)


class History:
    """A headless undo stack with the semantics of ``QUndoStack``: push runs
    the command, merges with the previous one when both say so, and drops
    the redo tail."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def push(self, cmd: Command) -> None:
        cmd.redo(self.graph)
        self._undone.clear()
        if self._done and cmd.merge_key() is not None and self._done[-1].merge(cmd):
            return
        self._done.append(cmd)

    def undo(self) -> bool:
        if not self._done:
            return False
        cmd = self._done.pop()
        cmd.undo(self.graph)
        self._undone.append(cmd)
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        cmd = self._undone.pop()
        cmd.redo(self.graph)
        self._done.append(cmd)
        return True

    def __len__(self) -> int:
        return len(self._done)
