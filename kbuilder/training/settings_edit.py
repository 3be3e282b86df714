"""Undoable changes of the training settings (``settings["training"]``).

The coach and the fixes change a setting as one undo step, beside the graph
edits: :class:`SetTrainingSettings` is a :class:`kbuilder.core.commands.Command`
whose ``redo(graph)``/``undo(graph)`` ignore the graph and edit the object that
holds the settings -- the window's ``Document`` (whose ``set_setting`` emits the
``settings`` event the training panel follows) or, headless, a
:class:`SettingsBox` around a project's settings dict.  The change is a function
of a :class:`~kbuilder.training.config.TrainConfig`, applied to the settings as
they are when the command runs and written back into their dict (:func:`patched`:
only the keys it changed); undo puts back the dict it found.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kbuilder.core.history import Command
from kbuilder.core.i18n import translate
from kbuilder.keras_io.actions import Action
from kbuilder.training.config import TrainConfig

KEY = "training"


class SettingsBox:
    """A settings dict with ``Document.set_setting``'s contract (for the CLI and tests)."""

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        self.settings: dict[str, Any] = settings if settings is not None else {}

    def set_setting(self, key: str, value: Any) -> bool:
        if self.settings.get(key) == value:
            return False
        self.settings[key] = value
        return True


def training_config(holder: Any) -> TrainConfig:
    """The training settings ``holder`` keeps, as a TrainConfig."""
    return TrainConfig.from_dict(holder.settings.get(KEY))


@dataclass
class SetTrainingSettings(Command):
    """``change(config)`` edits a TrainConfig in place; redo stores the result
    as ``holder.settings["training"]``.  When the project had no training
    settings, undo stores the defaults (which read the same as none)."""

    holder: Any
    change: Callable[[TrainConfig], None]
    text: str = ""  # "" = "Change training settings" in the user's language
    _before: tuple[bool, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = translate("training.settings_edit", "Change training settings")

    def redo(self, graph: Any = None) -> None:
        settings = self.holder.settings
        before = (KEY in settings, copy.deepcopy(settings.get(KEY)))
        cfg = TrainConfig.from_dict(before[1])
        was = cfg.to_dict()
        self.change(cfg)
        self.holder.set_setting(KEY, patched(before[1] or {}, was, cfg.to_dict()))
        self._before = before

    def undo(self, graph: Any = None) -> None:
        if self._before is None:
            return
        had, old = self._before
        self.holder.set_setting(KEY, old if had else TrainConfig().to_dict())
        self._before = None


def patched(old: dict, was: dict, now: dict) -> dict:
    """``old`` with what differs between ``was`` and ``now`` written into it:
    a settings dict keeps its own form (short keys, keys it leaves at their
    defaults, such as the data set) and gains only what the change touched."""
    out = copy.deepcopy(old)
    for key, value in now.items():
        if was.get(key) == value:
            continue
        if isinstance(value, dict) and isinstance(was.get(key), dict) and isinstance(out.get(key), dict):
            out[key] = patched(out[key], was[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def settings_action(title: str, change: Callable[[TrainConfig], None], detail: str = "") -> Action:
    """An :class:`Action` that changes the training settings."""
    return Action(title, lambda _graph, holder: SetTrainingSettings(holder, change, title), "settings", detail)
