"""Undoable edits of the Experiments mode: a "try several" mark, and "Apply best".

Both are :class:`kbuilder.core.commands.Command` objects pushed through the
window (``window.push``), so Ctrl+Z takes them back like any graph edit.
They edit the document's settings (``settings["search"]``, and for "Apply
best" also ``settings["training"]``): ``redo(graph)`` and ``undo(graph)``
ignore the graph where they only touch settings, as
:class:`kbuilder.training.settings_edit.SetTrainingSettings` does.  No Qt.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from kbuilder.core.history import Command, Compound
from kbuilder.core.i18n import translate
from kbuilder.training.config import TrainConfig
from kbuilder.training.search_space import (
    COMPILE_KEYS,
    MAX_DIMENSIONS,
    Dimension,
    SearchSpaceError,
    set_space,
    space_of,
)
from kbuilder.training.tuning import apply_best, training_settings_with


@dataclass
class MarkDimension(Command):
    """Set (``dim``) or remove (``dim`` None) the "try several" mark on one
    target: a layer parameter (``node_id``, ``param``) or a compile setting
    (``node_id`` None).  Undo puts back exactly the mark that was there, at
    its place in the list; the other marks and the search settings stay as
    they are then."""

    holder: Any  # the Document (set_setting, settings)
    node_id: str | None
    param: str
    dim: Dimension | None
    text: str = "Try several values"
    _old: tuple[int, Dimension | None] | None = field(default=None, init=False, repr=False, compare=False)

    def redo(self, graph: Any = None) -> None:
        space = space_of(self.holder)
        old = space.get(self.node_id, self.param)
        index = space.dimensions.index(old) if old is not None else len(space.dimensions)
        if self.dim is None:
            space.remove(self.node_id, self.param)
        else:
            space.set(self.dim)
        set_space(self.holder, space)
        self._old = (index, old)

    def undo(self, graph: Any = None) -> None:
        if self._old is None:
            return
        index, old = self._old
        space = space_of(self.holder)
        space.remove(self.node_id, self.param)
        if old is not None:
            space.dimensions.insert(min(index, len(space.dimensions)), old)
        set_space(self.holder, space)
        self._old = None


def mark_command(document: Any, graph: Any, node_id: str | None, param: str, dim: Dimension | None) -> MarkDimension:
    """The command that marks (or unmarks) one target, named for the undo
    history; SearchSpaceError (one sentence) when the space is full."""
    space = space_of(document)
    if dim is not None and space.get(node_id, param) is None and len(space.dimensions) >= MAX_DIMENSIONS:
        raise SearchSpaceError(translate("ui.experiments.commands", "A search varies at most {n} settings: remove a mark first.").format(
            n=MAX_DIMENSIONS))
    key = Dimension(param, node_id).key(graph)
    if dim is not None:
        text = translate("ui.experiments.commands", "Try several values of {key}").format(key=key)
    else:
        text = translate("ui.experiments.commands", "Stop trying several values of {key}").format(key=key)
    return MarkDimension(document, node_id, param, dim, text)


@dataclass
class SetSetting(Command):
    """Keep ``value`` as the project setting ``key``; undo puts back what was
    there (``default`` when the project had none: it reads the same)."""

    holder: Any
    key: str
    value: Any
    default: Any = None
    text: str = "Change a setting"
    _before: tuple[bool, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def redo(self, graph: Any = None) -> None:
        settings = self.holder.settings
        self._before = (self.key in settings, copy.deepcopy(settings.get(self.key)))
        self.holder.set_setting(self.key, copy.deepcopy(self.value))

    def undo(self, graph: Any = None) -> None:
        if self._before is None:
            return
        had, old = self._before
        self.holder.set_setting(self.key, old if had else copy.deepcopy(self.default))
        self._before = None


def apply_best_command(document: Any, values: dict[str, Any], number: int | None = None) -> Compound:
    """One undo step that writes a trial's values into the model (layer
    parameters) and the training settings (learning rate, optimizer, batch
    size).  Raises TuningError (one sentence) when a layer of the trial is
    no longer in the model."""
    if number is not None:
        text = translate("ui.experiments.commands", "Apply the values of trial {n}").format(n=number)
    else:
        text = translate("ui.experiments.commands", "Apply the best trial's values")
    children: list[Command] = []
    graph_part = apply_best(document.graph, values)
    if graph_part.children:
        children.append(graph_part)
    if any(k in COMPILE_KEYS for k in values):
        training = document.settings.get("training")
        new = training_settings_with(training, values)
        if new != TrainConfig.from_dict(training or {}).to_dict():
            children.append(SetSetting(document, "training", new, TrainConfig().to_dict(), text))
    return Compound(children, text=text)
