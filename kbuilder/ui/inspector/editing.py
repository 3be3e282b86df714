"""What the Inspector does when the user edits: every change becomes one
core command handed to ``push`` (an undo step); the panel never edits the
graph itself, and shows the refusal's words under the field when the graph
says no.  Also the sync the other way: a value changed in the graph (an
undo, another panel) is shown in its editor.

A mixin of :class:`kbuilder.ui.inspector.panel.InspectorPanel`.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Slot

from kbuilder.core import commands
from kbuilder.core.graph import GraphError, Node
from kbuilder.ui.inspector.editors import INVALID_STYLE, ParamEditor
from kbuilder.ui.inspector.widgets import _set_error

_MISSING = object()


class InspectorEditing:
    """The editing slots of the Inspector (see the module's doc)."""

    def _do(self, cmd: commands.Command) -> str | None:
        """Push ``cmd``; the refusal's message, or None."""
        try:
            result = self.push(cmd)
        except GraphError as exc:
            return str(exc)
        # ``ui.undo.execute`` reports a refusal as its return value.
        return result if isinstance(result, str) and result else None

    # ---------------------------------------------------------- parameters
    @Slot(object, bool)
    def _on_param_edited(self, value: Any, final: bool) -> None:
        ed = self.sender()
        node = self._node()
        if node is None or not isinstance(ed, ParamEditor):
            return
        spec, key = ed.spec, ed.name
        fld = self._fields.get(key)
        cmd = commands.set_param(
            self.graph,
            node.id,
            key,
            value,
            merge=False if final else (key, self._session),
            default=spec.default,
            required=spec.required,
            text=self.tr("Set {key} of {layer}").format(key=key, layer=node.name),
        )
        if not cmd.changes:  # the layer already has that value
            if fld is not None:
                _set_error(fld.error, None)
            return
        err = self._do(cmd)
        if fld is not None:
            _set_error(fld.error, err)
        ed.set_error(err)

    @Slot(str)
    def _on_param_rejected(self, message: str) -> None:
        ed = self.sender()
        if isinstance(ed, ParamEditor) and ed.name in self._fields:
            _set_error(self._fields[ed.name].error, self.tr("Not applied: {reason}").format(reason=message))

    @Slot()
    def _on_param_finished(self) -> None:
        self._session += 1  # the next typing is a new undo step

    def _sync_params(self, node: Node) -> None:
        """Show the graph's values in the editors whose value changed in the
        graph (an undo), leaving the one being typed in alone."""
        for key, ed in self.editors.items():
            model = commands.as_json(node.params.get(key))
            if self._shown.get(key, _MISSING) == model:
                continue
            self._shown[key] = model
            try:
                shown = ed.shown_value()
            except ValueError:
                shown = _MISSING
            target = commands.as_json(ed.spec.default) if model is None else model
            if shown != target or ed.error():
                ed.set_value(node.params.get(key))
                fld = self._fields.get(key)
                if fld is not None:
                    _set_error(fld.error, None)

    # ---------------------------------------------------------------- name
    @Slot(str)
    def _on_name_typed(self, text: str) -> None:
        err = self._name_problem(text)
        self.name_edit.setStyleSheet(INVALID_STYLE if err else "")
        _set_error(self._name_field.error, err)

    def _name_problem(self, text: str) -> str | None:
        node = self._node()
        return None if node is None else self.graph.rename_problem(node.id, text)

    @Slot()
    def _on_name_finished(self) -> None:
        node = self._node()
        if node is None:
            return
        name = self.name_edit.text().strip()
        err = self._name_problem(name)
        if err is None and name != node.name:
            err = self._do(commands.Rename(node.id, node.name, name, text=self.tr("Rename {old} to {new}").format(old=node.name, new=name)))
        self.name_edit.setStyleSheet(INVALID_STYLE if err else "")
        _set_error(self._name_field.error, self.tr("Not renamed: {reason}").format(reason=err) if err else None)

    # ------------------------------------------------------ output, sharing
    @Slot(bool)
    def _on_output_toggled(self, on: bool) -> None:
        node = self._node()
        if node is None or node.is_output == on:
            return
        self._do(commands.SetOutput(node.id, on, text=self.tr("Mark as output") if on else self.tr("Unmark output")))

    @Slot(int)
    def _on_share_chosen(self, index: int) -> None:
        node = self._node()
        if node is None:
            return
        owner_id = self.share_combo.itemData(index)
        current = self.graph.owner(node).id if node.shared_with else None
        if owner_id == current:
            return
        children: list[commands.Command] = []
        if owner_id is not None and node.params:
            children.append(commands.SetParams(node.id, copy.deepcopy(node.params), {}))
        children.append(commands.SetShared(node.id, node.shared_with, owner_id))
        if owner_id:
            text = self.tr("Share {layer} with {owner}").format(layer=node.name, owner=self.graph.node(owner_id).name)
        else:
            text = self.tr("Unshare {layer}").format(layer=node.name)
        err = self._do(commands.Compound(children=children, text=text))
        _set_error(self.share_error, err)
        if err:
            self._fill_share_combo()

    # ------------------------------------------------------------- folding
    @Slot(bool)
    def _on_advanced_toggled(self, on: bool) -> None:
        self._advanced_open = on
