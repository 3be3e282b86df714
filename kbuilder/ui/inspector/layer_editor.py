"""The editor of a wrapper's inner layer (``ParamSpec`` kind ``"layer"``):
Bidirectional's LSTM, TimeDistributed's Dense, SpectralNormalization's Conv2D.

The value is ``{"class_name": "LSTM", "config": {"units": 32}}``: the class
is picked in a combo box (the spec's ``choices``; with ``allow_other``, as
TimeDistributed has, any one-input layer of the catalog, searchable by
typing), and the inner layer's settings are edited in a small group box
below it with the editors the Inspector uses for any layer
(:func:`kbuilder.ui.inspector.editors.create_editor` on the inner class's
own catalog specs).  Every change emits the whole new value, passed through
``spec.coerce``, as one ``edited`` signal: the Inspector makes it one undo
step as for any other parameter.

The config keeps only what differs from the inner class's defaults, and
keeps untouched what the editor does not show (the ``name`` or ``dtype`` an
imported file wrote).  Switching the class keeps the settings the new class
also has (LSTM -> GRU keeps ``units``) and adds what the new class needs.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kbuilder.core.commands import as_json
from kbuilder.layers.spec import ParamSpec
from kbuilder.ui.inspector.editors import ParamEditor, create_editor, tooltip_for
from kbuilder.ui.inspector.value_text import coerce
from kbuilder.ui.inspector.widgets import MUTED_STYLE, CollapsibleSection

_NONE_TEXT = "None"


def inner_classes(spec: Any, catalog: Any) -> list[str]:
    """The classes to offer: the spec's suggestions first, then (with
    ``allow_other``) every other catalog layer that takes one input."""
    offered = [c for c in (spec.choices or []) if isinstance(c, str)]
    if spec.allow_other and catalog is not None:
        others = sorted(name for name, s in catalog.specs.items()
                        if name != "Input" and s.min_inputs <= 1 and s.max_inputs == 1 and name not in offered)
        offered += others
    return offered


class LayerEditor(ParamEditor):
    """A wrapper's inner layer: its class and its settings (see the module's doc)."""

    def __init__(self, spec: Any, parent: QWidget | None = None, catalog: Any = None) -> None:
        super().__init__(spec, parent)
        self.catalog = catalog
        self.inner: dict[str, ParamEditor] = {}
        self._current: dict[str, Any] | None = None
        self._built_class: Any = ()  # the class the settings box shows; () = not built
        column = QWidget(self)
        col = QVBoxLayout(column)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(4)
        self.layout().addWidget(column)

        self.main = QComboBox(column)
        self.main.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.main.setMinimumContentsLength(8)
        if spec.nullable or spec.default is None:
            self.main.addItem(_NONE_TEXT, None)
        suggested = [c for c in (spec.choices or []) if isinstance(c, str)]
        for i, name in enumerate(inner_classes(spec, catalog)):
            if i == len(suggested) and i:
                self.main.insertSeparator(self.main.count())  # the suggestions, then every other layer
            self.main.addItem(name, name)
        self.main.activated.connect(self._on_activated)
        if spec.allow_other:
            self.main.setEditable(True)
            self.main.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = self.main.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.main.lineEdit().editingFinished.connect(self._on_text_finished)
            self.main.lineEdit().textEdited.connect(lambda _t: self.set_error(None))
            self.main.lineEdit().setPlaceholderText(self.tr("Type to search the layers"))
        col.addWidget(self.main)

        self.details = QGroupBox(column)
        self.details.setObjectName(f"param_{spec.name}_details")
        self.details.setToolTip(self.tr("The settings of the layer inside the wrapper"))
        self._details_layout = QVBoxLayout(self.details)
        self._details_layout.setContentsMargins(6, 4, 6, 4)
        self._body: QWidget | None = None
        self.details.hide()
        col.addWidget(self.details)

    # ------------------------------------------------------------ value
    def value(self) -> Any:
        return copy.deepcopy(self._current)

    def _show(self, value: Any) -> None:
        if value is not None:
            try:
                value = coerce(self.spec, value)
            except ValueError:  # shown as it is; the Issues panel says what is wrong
                raw = value if isinstance(value, dict) else {"class_name": value}
                config = raw.get("config")
                value = {"class_name": str(raw.get("class_name")), "config": config if isinstance(config, dict) else {}}
        self._current = copy.deepcopy(value)
        cls = value["class_name"] if value is not None else None
        self._select_class(cls)
        if cls != self._built_class:
            self._build_details()
        else:
            self._show_inner()

    def _index_of(self, cls: str | None) -> int:
        for i in range(self.main.count()):
            if self.main.itemText(i) and self.main.itemData(i) == cls:  # a separator has no text
                return i
        return -1

    def _select_class(self, cls: str | None) -> None:
        i = self._index_of(cls)
        if i < 0:  # a class outside the list (an imported file's): keep it
            self.main.addItem(cls or _NONE_TEXT, cls)
            i = self.main.count() - 1
        self.main.setCurrentIndex(i)
        if self.main.isEditable():
            self.main.setEditText(self.main.itemText(i))

    def apply_tooltip(self, text: str) -> None:
        """The wrapper parameter's tooltip on the combo box only: the inner
        editors keep their own."""
        self.setToolTip(text)
        self.main.setToolTip(text)

    # ------------------------------------------------------- choosing a class
    @Slot(int)
    def _on_activated(self, index: int) -> None:
        self._choose(self.main.itemData(index))

    @Slot()
    def _on_text_finished(self) -> None:
        if self._setting:
            return
        text = self.main.currentText().strip()
        cls = self._resolve(text)
        if cls is _UNKNOWN:
            message = self.tr("{text} is not a layer kbuilder knows: pick one from the list.").format(text=text)
            self.set_error(message)
            self.rejected.emit(message)
            return
        self._choose(cls)
        self.finished.emit()

    def _resolve(self, text: str) -> Any:
        if text.lower() in ("", _NONE_TEXT.lower()) and self._index_of(None) >= 0:
            return None
        for i in range(self.main.count()):
            if self.main.itemText(i).lower() == text.lower() and self.main.itemData(i) is not None:
                return self.main.itemData(i)
        spec = self._inner_spec(text)  # an alias: Convolution2D
        return spec.class_name if spec is not None and spec.class_name != "Input" else _UNKNOWN

    def _choose(self, cls: str | None) -> None:
        current = self._current["class_name"] if self._current else None
        if cls == current:
            self.set_error(None)
            return
        new = None if cls is None else {"class_name": cls, "config": self._carried_config(cls)}
        try:
            new = coerce(self.spec, new) if new is not None else None
            if new is None and not (self.spec.nullable or self.spec.default is None):
                raise ValueError(self.tr("{name} needs a layer.").format(name=self.name))
        except ValueError as exc:
            self.set_error(str(exc))
            self.rejected.emit(str(exc))
            self._select_class(current)
            return
        self._current = new
        self._select_class(cls)
        self._build_details()
        self.set_error(None)
        self.edited.emit(self.value(), True)

    def _carried_config(self, cls: str) -> dict[str, Any]:
        """The settings the new class also has, plus the values it needs to be built."""
        spec = self._inner_spec(cls)
        if spec is None:
            return {}
        names = {p.name for p in spec.params}
        old = (self._current or {}).get("config") or {}
        config = {k: copy.deepcopy(v) for k, v in old.items() if k in names}
        for key, value in spec.build_params().items():
            config.setdefault(key, value)
        return config

    def _inner_spec(self, cls: str | None) -> Any:
        if cls is None or self.catalog is None:
            return None
        try:
            return self.catalog.get(cls)
        except Exception:  # noqa: BLE001 - an odd class name must not break the Inspector
            return None

    # ------------------------------------------------------ the settings box
    def _inner_params(self, cls: str) -> list[Any]:
        """The inner class's specs; for a class the catalog does not know,
        each saved setting as JSON."""
        spec = self._inner_spec(cls)
        if spec is not None:
            return list(spec.params)
        config = (self._current or {}).get("config") or {}
        return [ParamSpec(k, "json", help=self.tr("A setting kbuilder has no editor for; edited as JSON."))
                for k in config]

    def _build_details(self) -> None:
        if self._body is not None:
            self._details_layout.removeWidget(self._body)
            self._body.hide()
            self._body.setParent(None)  # out of the box now (findChildren too), deleted once the event loop runs
            self._body.deleteLater()
            self._body = None
        self.inner = {}
        cls = self._current["class_name"] if self._current else None
        self._built_class = cls
        if cls is None:
            self.details.hide()
            return
        self.details.setTitle(self.tr("{layer} settings").format(layer=cls))
        body = QWidget(self.details)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        params = self._inner_params(cls)
        basic = [p for p in params if not p.advanced]
        advanced = [p for p in params if p.advanced]
        if basic:
            holder = QWidget(body)
            self._fill(QFormLayout(holder), basic)
            lay.addWidget(holder)
        if advanced:
            holder = QWidget(body)
            self._fill(QFormLayout(holder), advanced)
            section = CollapsibleSection(self.tr("More {layer} settings ({count})").format(
                layer=cls, count=len(advanced)), holder, False, body)
            section.setObjectName(f"param_{self.name}_advanced")
            lay.addWidget(section)
        if not params:
            lay.addWidget(self._muted(self.tr("This layer has no settings.")))
        self.kept_label = self._muted("")
        lay.addWidget(self.kept_label)
        self._body = body
        self._details_layout.addWidget(body)
        body.show()  # now, not at the next turn of the event loop (a layout shows a new child late)
        self.details.show()
        self._show_inner()

    def _fill(self, form: QFormLayout, specs: list[Any]) -> None:
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for p in specs:
            ed = create_editor(p, catalog=self.catalog)
            ed.setObjectName(f"inner_{self.name}_{p.name}")
            ed.main.setObjectName(f"inner_{self.name}_{p.name}_input")
            ed.edited.connect(self._on_inner_edited)
            ed.rejected.connect(self.rejected)
            ed.finished.connect(self.finished)
            self.inner[p.name] = ed
            label = QLabel(p.name + (" *" if p.required else ""))
            label.setToolTip(tooltip_for(p))
            form.addRow(label, ed)

    def _muted(self, text: str) -> QLabel:
        lab = QLabel(text)
        lab.setWordWrap(True)
        lab.setStyleSheet(MUTED_STYLE)
        return lab

    def _show_inner(self) -> None:
        """The inner editors show the config (a setting not in it: its default)."""
        config = (self._current or {}).get("config") or {}
        for name, ed in self.inner.items():
            if as_json(config.get(name)) != _shown(ed):
                ed.set_value(config.get(name))
            else:
                ed.set_error(None)
        if self.inner or self._current:
            kept = [k for k in config if k not in self.inner]
            self.kept_label.setText(self.tr("Also kept as the file has them: {keys}.").format(keys=", ".join(kept)))
            self.kept_label.setVisible(bool(kept))

    @Slot(object, bool)
    def _on_inner_edited(self, value: Any, final: bool) -> None:
        ed = self.sender()
        if self._current is None or not isinstance(ed, ParamEditor):
            return
        config = dict(self._current.get("config") or {})
        p = ed.spec
        if value is None or (not p.required and as_json(value) == as_json(p.default)):
            config.pop(p.name, None)
        else:
            config[p.name] = copy.deepcopy(value)
        self._current = {"class_name": self._current["class_name"], "config": config}
        self._commit(final)


_UNKNOWN = object()


def _shown(ed: ParamEditor) -> Any:
    try:
        return ed.shown_value()
    except ValueError:
        return object()
