"""One editor widget per parameter kind, as NodeGraphQt's
``node_property_factory``: the inspector is generated from the catalog's
``ParamSpec`` list, never hand-built per layer.

Every editor is a :class:`ParamEditor` with the same small API:

* ``set_value(value)`` shows a value (``None``: the parameter is not set and
  the spec's default is shown) without emitting anything;
* ``edited(value, final)`` is emitted when the user makes a valid value
  (already passed through ``spec.coerce``); ``final`` is False while typing
  (the inspector merges those into one undo step) and True when the edit is
  done (Enter, focus out, a click);
* ``rejected(message)`` is emitted when what the user typed is refused; the
  editor shows a red border and the value is not applied;
* ``finished()`` ends an editing session (Enter or focus out).

Kinds: int, float, bool, str, choice, int_tuple, shape, optional_int,
optional_float, json, and layer (a wrapper's inner layer:
:mod:`kbuilder.ui.inspector.layer_editor`).  An unknown kind falls back to
the json editor.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from kbuilder.core.commands import as_json
from kbuilder.core.i18n import translating
from kbuilder.layers.basics import catalog_text
from kbuilder.ui.inspector.value_text import (
    coerce,
    parse_int_tuple,
    parse_json_text,
    parse_shape,
    show_text,
)
from kbuilder.ui.inspector.widgets import FloatSpinBox, _IntBox

INVALID_STYLE = "border: 2px solid #d32f2f; border-radius: 3px;"


def tooltip_for(spec: Any) -> str:
    """The parameter's help and its default, for tooltips."""
    parts = []
    raw = (spec.help or "").strip()
    help_text = catalog_text(raw).strip()
    if help_text and help_text == raw and translating():  # Keras's own words, in English
        help_text = QCoreApplication.translate("editors", "Keras documentation: {text}").format(text=help_text)
    if help_text:
        parts.append(help_text)
    default = spec.default
    if spec.required:  # no default counts: the layer needs a value
        parts.append(QCoreApplication.translate("editors", "Required."))
    else:
        parts.append(QCoreApplication.translate("editors", "Default: {value}").format(
            value=show_text(default) if default is not None else "None"))
    return "\n".join(parts)


# --------------------------------------------------------------------- base
class ParamEditor(QWidget):
    edited = Signal(object, bool)  # value, final
    rejected = Signal(str)
    finished = Signal()

    def __init__(self, spec: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.name = spec.name
        self._setting = False
        self._error: str | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)

    # subclasses: _show(value) and value(); main widget in self.main
    main: QWidget

    def set_value(self, value: Any) -> None:
        """Show ``value`` (None: the default), without emitting; clears an error."""
        shown = self.spec.default if value is None else value
        self._setting = True
        try:
            self._show(shown)
        finally:
            self._setting = False
        self.set_error(None)

    def shown_value(self) -> Any:
        """The value currently displayed (normalized), or raises ValueError."""
        return as_json(self.value())

    def _show(self, value: Any) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def value(self) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def error(self) -> str | None:
        return self._error

    def set_error(self, message: str | None) -> None:
        self._error = message
        self.main.setStyleSheet(INVALID_STYLE if message else "")

    def _commit(self, final: bool) -> None:
        """Read, check and emit the current value."""
        if self._setting:
            return
        try:
            value = coerce(self.spec, self.value())
        except ValueError as exc:
            message = str(exc) or self.tr("this value is not accepted")
            self.set_error(message)
            self.rejected.emit(message)
            return
        self.set_error(None)
        self.edited.emit(value, final)

    @Slot()
    def _on_finished(self) -> None:
        if self._setting:
            return
        self.finished.emit()

    def apply_tooltip(self, text: str) -> None:
        self.setToolTip(text)
        for w in self.findChildren(QWidget):
            w.setToolTip(text)


class IntEditor(ParamEditor):
    def __init__(self, spec, parent=None) -> None:
        super().__init__(spec, parent)
        self.main = _IntBox(self)
        self.layout().addWidget(self.main)
        self.main.valueChanged.connect(self._on_changed)
        self.main.editingFinished.connect(self._on_finished)

    @Slot(int)
    def _on_changed(self, _v: int) -> None:
        self._commit(final=not self.main.hasFocus())

    def _show(self, value) -> None:
        try:
            self.main.setValue(int(value) if value is not None else 0)
        except (TypeError, ValueError):
            self.main.setValue(0)

    def value(self) -> int:
        return int(self.main.value())


class FloatEditor(ParamEditor):
    def __init__(self, spec, parent=None) -> None:
        super().__init__(spec, parent)
        self.main = FloatSpinBox(self)
        self.layout().addWidget(self.main)
        self.main.valueChanged.connect(self._on_changed)
        self.main.editingFinished.connect(self._on_finished)

    @Slot(float)
    def _on_changed(self, _v: float) -> None:
        self._commit(final=not self.main.hasFocus())

    def _show(self, value) -> None:
        try:
            self.main.setValue(float(value) if value is not None else 0.0)
        except (TypeError, ValueError):
            self.main.setValue(0.0)

    def value(self) -> float:
        return float(self.main.value())


class OptionalNumberEditor(ParamEditor):
    """A check box ("set") and a spin box: unchecked means None."""

    def __init__(self, spec, parent=None, floating: bool = False) -> None:
        super().__init__(spec, parent)
        self.floating = floating
        self.check = QCheckBox(self)
        self.check.setToolTip(self.tr("Unchecked: None (Keras decides)"))
        self.main = FloatSpinBox(self) if floating else _IntBox(self)
        self.main.setSpecialValueText("")
        self.layout().addWidget(self.check)
        self.layout().addWidget(self.main, 1)
        self.check.toggled.connect(self._on_toggled)
        self.main.valueChanged.connect(self._on_changed)
        self.main.editingFinished.connect(self._on_finished)

    @Slot(bool)
    def _on_toggled(self, on: bool) -> None:
        self.main.setEnabled(on)
        if not self._setting:
            self._commit(final=True)

    @Slot()
    def _on_changed(self, *_a) -> None:
        self._commit(final=not self.main.hasFocus())

    def _show(self, value) -> None:
        on = value is not None
        self.check.setChecked(on)
        self.main.setEnabled(on)
        if on:
            try:
                self.main.setValue(float(value) if self.floating else int(value))
            except (TypeError, ValueError):
                pass

    def value(self):
        if not self.check.isChecked():
            return None
        return float(self.main.value()) if self.floating else int(self.main.value())


# --------------------------------------------------------------------- others
class BoolEditor(ParamEditor):
    def __init__(self, spec, parent=None) -> None:
        super().__init__(spec, parent)
        self.main = QCheckBox(self)
        self.layout().addWidget(self.main)
        self.main.toggled.connect(self._on_toggled)

    @Slot(bool)
    def _on_toggled(self, _on: bool) -> None:
        self._commit(final=True)

    def _show(self, value) -> None:
        self.main.setChecked(bool(value))

    def value(self) -> bool:
        return self.main.isChecked()


_NONE_TEXT = "None"


class ChoiceEditor(ParamEditor):
    """A combo box of the spec's choices (None first when allowed).  When the
    spec takes other values too (``allow_other``: initializers, regularizers)
    the combo box is editable: type a name or a Keras config as JSON."""

    def __init__(self, spec, parent=None) -> None:
        super().__init__(spec, parent)
        self.main = QComboBox(self)
        self.main.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.main.setMinimumContentsLength(8)
        choices = list(spec.choices or [])
        if (spec.nullable or spec.default is None) and None not in choices:
            choices.insert(0, None)
        for c in choices:
            self.main.addItem(_NONE_TEXT if c is None else show_text(c), c)
        self.layout().addWidget(self.main)
        self.main.activated.connect(self._on_activated)
        if spec.allow_other:
            self.main.setEditable(True)
            self.main.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.main.lineEdit().editingFinished.connect(self._on_text_finished)
            self.main.lineEdit().textEdited.connect(self._on_text_edited)

    @Slot(int)
    def _on_activated(self, _i: int) -> None:
        self._commit(final=True)

    @Slot(str)
    def _on_text_edited(self, _t: str) -> None:
        self.set_error(None)

    @Slot()
    def _on_text_finished(self) -> None:
        if self._setting:
            return
        self._commit(final=True)
        self.finished.emit()

    def _index_of(self, value) -> int:
        want = as_json(value)
        for i in range(self.main.count()):
            if as_json(self.main.itemData(i)) == want:
                return i
        return -1

    def _show(self, value) -> None:
        i = self._index_of(value)
        if i < 0:
            # A value outside the beginner list (set by an import): keep it.
            self.main.addItem(show_text(value), value)
            i = self.main.count() - 1
        self.main.setCurrentIndex(i)
        if self.main.isEditable():
            self.main.setEditText(self.main.itemText(i))

    def value(self):
        i = self.main.currentIndex()
        if not self.main.isEditable():
            return self.main.itemData(i) if i >= 0 else None
        text = self.main.currentText()
        if i >= 0 and self.main.itemText(i) == text:
            return self.main.itemData(i)
        j = self.main.findText(text)
        if j >= 0:
            return self.main.itemData(j)
        if text.strip().lower() in ("", "none"):
            return None
        return parse_json_text(text)


class TextEditor(ParamEditor):
    """A line edit; ``parse`` turns its text into a value (ValueError: refused).
    Valid text is applied while typing (merged), refused text turns red."""

    def __init__(self, spec, parent=None, parse=None, placeholder: str = "") -> None:
        super().__init__(spec, parent)
        self.parse = parse or (lambda t: t)
        self.main = QLineEdit(self)
        self.main.setClearButtonEnabled(False)
        if placeholder:
            self.main.setPlaceholderText(placeholder)
        self.layout().addWidget(self.main)
        self.main.textEdited.connect(self._on_text_edited)
        self.main.editingFinished.connect(self._on_finished)

    @Slot(str)
    def _on_text_edited(self, _t: str) -> None:
        self._commit(final=False)

    def _show(self, value) -> None:
        self.main.setText(show_text(value))

    def value(self):
        text = self.main.text()
        if not text.strip():
            # Empty: the default (None when there is none).
            if self.spec.required and not self.spec.nullable:
                raise ValueError(self.tr("{name} needs a value").format(name=self.name))
            return self.spec.default
        return self.parse(text)


def create_editor(spec: Any, parent: QWidget | None = None, catalog: Any = None) -> ParamEditor:
    """The editor widget for ``spec.kind`` (NodeGraphQt's property factory).
    ``catalog``: the layer catalog, which a wrapper's inner-layer editor
    (kind ``layer``) asks for the inner class's settings."""
    kind = spec.kind
    if kind == "layer":
        from kbuilder.ui.inspector.layer_editor import LayerEditor  # it builds its inner editors here

        ed: ParamEditor = LayerEditor(spec, parent, catalog)
    elif kind == "int":
        ed = IntEditor(spec, parent)
    elif kind == "float":
        ed = FloatEditor(spec, parent)
    elif kind == "optional_int":
        ed = OptionalNumberEditor(spec, parent, floating=False)
    elif kind == "optional_float":
        ed = OptionalNumberEditor(spec, parent, floating=True)
    elif kind == "bool":
        ed = BoolEditor(spec, parent)
    elif kind == "choice" and spec.choices:
        ed = ChoiceEditor(spec, parent)
    elif kind == "int_tuple":
        ed = TextEditor(spec, parent, parse_int_tuple, placeholder=QCoreApplication.translate("editors", "e.g. 3, 3"))
    elif kind == "shape":
        ed = TextEditor(spec, parent, parse_shape,
                        placeholder=QCoreApplication.translate("editors", "e.g. 28, 28  (None = any length)"))
    elif kind == "str":
        ed = TextEditor(spec, parent, None, placeholder="None" if spec.default is None else "")
    else:  # json and anything unknown
        ed = TextEditor(spec, parent, parse_json_text, placeholder="None")
    ed.setObjectName(f"param_{spec.name}")
    ed.main.setObjectName(f"param_{spec.name}_input")
    ed.apply_tooltip(tooltip_for(spec))
    return ed


EDITOR_KINDS = (
    "int",
    "float",
    "bool",
    "str",
    "choice",
    "int_tuple",
    "shape",
    "optional_int",
    "optional_float",
    "json",
    "layer",
)

__all__ = ["ParamEditor", "create_editor", "tooltip_for", "EDITOR_KINDS"]
