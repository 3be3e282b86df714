"""The inspector: the selected layer's settings, generated from the catalog.

``InspectorPanel(graph, push, catalog=None)`` shows the node given to
:meth:`InspectorPanel.set_selection`.  Every change becomes a core command
handed to ``push`` (the main window wraps it for its QUndoStack); the panel
never edits the graph itself and redraws from the graph's events, so an
undo updates the editors.  Analysis results (output shape, parameter
count) arrive through :meth:`InspectorPanel.set_results`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kbuilder.core import commands
from kbuilder.core.graph import Graph, GraphError, GraphEvent, Node, name_problem
from kbuilder.ui.inspector.editors import INVALID_STYLE, ParamEditor, create_editor, normalize, show_text, tooltip_for

ERROR_STYLE = "color: #c62828;"
MUTED_STYLE = "color: #666666;"
_MISSING = object()


# ---------------------------------------------------- Input's own parameters
def _coerce_shape(value: Any) -> list[int | None]:
    if not isinstance(value, list | tuple):
        raise ValueError("the shape is a list of sizes, e.g. 28, 28")
    out = []
    for v in value:
        if v is None:
            out.append(None)
        elif isinstance(v, bool) or not isinstance(v, int):
            raise ValueError("each size is a whole number, or None for any length")
        elif v < 1:
            raise ValueError("each size must be 1 or more (None for any length)")
        else:
            out.append(int(v))
    if not out:
        raise ValueError("give at least one size, e.g. 28, 28 for a 28×28 image")
    return out


@dataclass
class _Param:
    """Stand-in for ``catalog.ParamSpec`` while the catalog is loading."""

    name: str
    kind: str
    default: Any = None
    choices: list = field(default_factory=list)
    help: str = ""
    advanced: bool = False
    required: bool = False
    nullable: bool = False
    check: Callable[[Any], Any] | None = None

    def coerce(self, value: Any) -> Any:
        if self.check is not None:
            return self.check(value)
        if self.kind == "json" and isinstance(value, str):
            return value
        return value


INPUT_PARAMS = [
    _Param(
        "shape",
        "shape",
        default=None,
        required=True,
        help="The size of one sample, without the batch: 28, 28 for a grey image, "
        "28, 28, 3 for a colour one, 10 for ten numbers. None means any length.",
        check=_coerce_shape,
    ),
    _Param(
        "dtype",
        "choice",
        default="float32",
        choices=["float32", "float16", "float64", "int32", "int64", "uint8", "bool", "string"],
        help="The type of the numbers fed in. float32 for almost everything; int32 for word ids.",
    ),
]


def _generic_param(name: str) -> _Param:
    return _Param(name, "json", help="A setting kbuilder has no editor for; edited as JSON.")


# --------------------------------------------------------------- formatting
def format_shape(shape: Any) -> str:
    """``(None, 10)``; several outputs one per line."""
    if shape is None:
        return "?"
    if isinstance(shape, str):
        return shape
    if isinstance(shape, list | tuple) and shape and all(isinstance(s, list | tuple) for s in shape):
        return "\n".join(format_shape(s) for s in shape)
    if isinstance(shape, list | tuple):
        inner = ", ".join("None" if s is None else str(s) for s in shape)
        return f"({inner},)" if len(shape) == 1 else f"({inner})"
    return str(shape)


def format_count(n: Any) -> str:
    return f"{n:,}" if isinstance(n, int) else "?"


class CollapsibleSection(QWidget):
    """A header button that shows or hides its content."""

    toggled = Signal(bool)

    def __init__(self, title: str, content: QWidget, expanded: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.button = QToolButton(self)
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setAutoRaise(True)
        self.button.setStyleSheet("QToolButton { font-weight: bold; border: none; }")
        self.content = content
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.button)
        lay.addWidget(content)
        self.button.toggled.connect(self._on_toggled)
        self.button.setChecked(expanded)
        self._on_toggled(expanded)

    @Slot(bool)
    def _on_toggled(self, on: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.content.setVisible(on)
        self.toggled.emit(on)

    def is_expanded(self) -> bool:
        return self.button.isChecked()


def _error_label() -> QLabel:
    lab = QLabel()
    lab.setWordWrap(True)
    lab.setStyleSheet(ERROR_STYLE)
    lab.setVisible(False)
    return lab


def _set_error(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))


class _Field(QWidget):
    """An editor with its error line under it."""

    def __init__(self, editor: QWidget, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = _error_label()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(editor)
        lay.addWidget(self.error)


# -------------------------------------------------------------------- panel
class InspectorPanel(QWidget):
    """The selected layer's settings.  API for the main window:

    * ``InspectorPanel(graph, push, catalog=None, parent=None)``
    * ``set_selection(node_ids)``: shows the layer when exactly one is selected
    * ``set_catalog(catalog)``: slot for ``AnalysisController.catalog_ready``
    * ``set_results(result)``: slot for ``AnalysisController.results_ready``
    * ``detach()``: stop following the graph
    """

    def __init__(
        self,
        graph: Graph,
        push: Callable[[commands.Command], None],
        catalog: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("InspectorPanel")
        self.graph = graph
        self.push = push
        self.catalog = catalog
        self.node_id: str | None = None
        self._selection: list[str] = []
        self._infos: dict[str, Any] = {}
        self.editors: dict[str, ParamEditor] = {}
        self._fields: dict[str, _Field] = {}
        self._shown: dict[str, Any] = {}
        self._session = 0
        self._advanced_open = False
        self._doc_open = False
        self._built_for: tuple | None = None

        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self._scroll)
        self.setMinimumWidth(260)
        self._rebuild()
        graph.subscribe(self._on_graph_event)

    # ------------------------------------------------------------- public
    def set_selection(self, node_ids) -> None:
        ids = [n for n in (node_ids or []) if n in self.graph]
        self._selection = ids
        new = ids[0] if len(ids) == 1 else None
        if new != self.node_id or new is None:
            self.node_id = new
            self._rebuild()

    @Slot(object)
    def set_catalog(self, catalog: Any) -> None:
        self.catalog = catalog
        self._rebuild()

    @Slot(object)
    def set_results(self, result: Any) -> None:
        """An ``AnalysisResult`` (or a plain ``{node_id: NodeInfo}``)."""
        infos = result if isinstance(result, dict) else getattr(result, "infos", None)
        self._infos = dict(infos or {})
        self._show_info()

    def detach(self) -> None:
        self.graph.unsubscribe(self._on_graph_event)

    def editor(self, name: str) -> ParamEditor:
        return self.editors[name]

    def field_error(self, name: str) -> str:
        """The message under a parameter's editor ("" when none)."""
        f = self._fields.get(name)
        return f.error.text() if f is not None else ""

    # ---------------------------------------------------------- building
    def _node(self) -> Node | None:
        if self.node_id is None or self.node_id not in self.graph:
            return None
        return self.graph.node(self.node_id)

    def _spec(self, node: Node):
        if self.catalog is None:
            return None
        try:
            return self.catalog.get(node.class_name)
        except Exception:  # noqa: BLE001 - an odd class name must not break the panel
            return None

    def _param_specs(self, node: Node) -> list | None:
        """The specs to edit, or None while the catalog is loading."""
        spec = self._spec(node)
        if node.is_input:
            specs = list(spec.params) if spec is not None and spec.params else list(INPUT_PARAMS)
            return specs
        if node.is_placeholder:
            return []
        if spec is None:
            if self.catalog is None:
                return None
            return [_generic_param(k) for k in node.params]
        return list(spec.params)

    def _rebuild(self) -> None:
        old = self._scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.editors = {}
        self._fields = {}
        self._shown = {}
        body = QWidget()
        body.setObjectName("inspector_body")
        self._body_layout = QVBoxLayout(body)
        self._body_layout.setContentsMargins(8, 8, 8, 8)
        self._body_layout.setSpacing(8)
        node = self._node()
        self._built_for = (node.id, node.class_name, node.shared_with, id(self.catalog)) if node else None
        if node is None:
            self._build_empty()
        else:
            self._build_node(node)
        self._body_layout.addStretch(1)
        self._scroll.setWidget(body)

    def _build_empty(self) -> None:
        n = len(self._selection)
        text = (
            f"{n} layers are selected.\nSelect a single layer to edit its settings."
            if n > 1
            else "Select a layer on the canvas to see and edit its settings here."
        )
        lab = QLabel(text)
        lab.setWordWrap(True)
        lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lab.setStyleSheet(MUTED_STYLE)
        lab.setObjectName("inspector_empty")
        self._body_layout.addSpacing(24)
        self._body_layout.addWidget(lab)

    def _build_node(self, node: Node) -> None:
        spec = self._spec(node)
        owner = self.graph.owner(node)
        add = self._body_layout.addWidget

        # header: class, category, what it does
        title = QLabel(f"<b>{node.class_name}</b>")
        title.setObjectName("inspector_title")
        title.setStyleSheet("font-size: 13pt;")
        category = getattr(spec, "category", "") if spec is not None else ""
        if node.is_input:
            category = category or "Input"
        title.setToolTip(f"Keras class: {node.class_name}" + (f" · {category}" if category else ""))
        add(title)
        if category:
            cat = QLabel(category)
            cat.setStyleSheet(MUTED_STYLE)
            add(cat)
        summary_text = (getattr(spec, "summary", "") or "") if spec is not None else ""
        if node.is_input and not summary_text:
            summary_text = "Where data enters the model. Give the size of one sample."
        if node.is_placeholder:
            summary_text = (
                "kbuilder cannot build this layer (a Lambda or a class it does not know). "
                "It is kept as it was imported so the rest of the model can be edited and saved."
            )
        if summary_text:
            s = QLabel(summary_text)
            s.setWordWrap(True)
            s.setObjectName("inspector_summary")
            s.setToolTip(summary_text)
            add(s)
        doc = (getattr(spec, "doc", "") or "").strip() if spec is not None else ""
        if doc:
            doc_label = QLabel(doc)
            doc_label.setWordWrap(True)
            doc_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            doc_label.setStyleSheet("font-size: 9pt;")
            doc_label.setToolTip("The Keras documentation of this layer")
            sec = CollapsibleSection("Documentation", doc_label, self._doc_open)
            sec.button.setToolTip("Show or hide the Keras documentation of this layer")
            sec.toggled.connect(self._on_doc_toggled)
            add(sec)

        # the layer itself: name, output, sharing, model output
        box = QGroupBox("Layer")
        box.setToolTip("The layer's name and where it sits in the model")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow dock: label above its field
        self.name_edit = QLineEdit(node.name)
        self.name_edit.setObjectName("inspector_name")
        self.name_edit.setToolTip("The layer's name in the model (Keras's `name=`). Press Enter to rename.")
        self.name_edit.textEdited.connect(self._on_name_typed)
        self.name_edit.editingFinished.connect(self._on_name_finished)
        self._name_field = _Field(self.name_edit)
        form.addRow(self._label("Name", self.name_edit.toolTip()), self._name_field)

        self.shape_label = QLabel()
        self.shape_label.setObjectName("inspector_shape")
        self.shape_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shape_label.setToolTip("The shape of what this layer outputs; None is the batch size")
        form.addRow(self._label("Output shape", self.shape_label.toolTip()), self.shape_label)
        self.params_label = QLabel()
        self.params_label.setObjectName("inspector_params")
        self.params_label.setToolTip("How many numbers (weights) this layer learns")
        form.addRow(self._label("Parameters", self.params_label.toolTip()), self.params_label)
        self.info_error = _error_label()
        self.info_error.setObjectName("inspector_info_error")
        form.addRow(self.info_error)

        self.output_check = QCheckBox("Model output")
        self.output_check.setObjectName("inspector_output")
        self.output_check.setToolTip(
            "Make this layer one of the model's outputs. When no layer is marked, "
            "every layer that feeds nothing is an output."
        )
        self.output_check.setChecked(node.is_output)
        self.output_check.setEnabled(not node.is_input)
        self.output_check.toggled.connect(self._on_output_toggled)
        form.addRow("", self.output_check)
        form.setRowVisible(self.output_check, not node.is_input)

        self.share_combo = QComboBox()
        # As wide as the dock allows, not as its longest layer name.
        self.share_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.share_combo.setMinimumContentsLength(12)
        self.share_combo.setObjectName("inspector_share")
        self.share_combo.setToolTip(
            "Reuse the layer (and its weights) of another layer of the same type, "
            "as a siamese network calls one encoder twice."
        )
        self.share_combo.activated.connect(self._on_share_chosen)
        self.share_error = _error_label()
        self._fill_share_combo()
        self.share_combo.setEnabled(not node.is_placeholder)
        share_row = _wrap(self.share_combo, self.share_error)
        form.addRow(self._label("Shares weights with", self.share_combo.toolTip()), share_row)
        # An Input is no layer: nothing to share, never an output.
        form.setRowVisible(share_row, not node.is_input)
        add(box)

        # settings
        if node.is_placeholder:
            self._build_placeholder(node)
            self._show_info()
            return
        if node.shared_with:
            note = QLabel(
                f"This layer reuses <b>{owner.name}</b> and its weights: "
                f"its settings are those of {owner.name}. Select {owner.name} to change them."
            )
            note.setWordWrap(True)
            note.setObjectName("inspector_shared_note")
            add(note)
            self._show_info()
            return
        specs = self._param_specs(node)
        if specs is None:
            lab = QLabel("Loading the layer catalog…")
            lab.setObjectName("inspector_loading")
            lab.setStyleSheet(MUTED_STYLE)
            lab.setToolTip("The list of Keras layers and their settings is read in the background")
            add(lab)
            self._show_info()
            return
        known = {p.name for p in specs}
        extra = [k for k in node.params if k not in known]
        specs = specs + [_generic_param(k) for k in extra]
        basic = [p for p in specs if not getattr(p, "advanced", False)]
        advanced = [p for p in specs if getattr(p, "advanced", False)]
        if basic:
            g = QGroupBox("Settings")
            g.setObjectName("inspector_basic")
            g.setToolTip("The settings most models change")
            self._fill_form(QFormLayout(g), basic, node)
            add(g)
        elif not advanced:
            lab = QLabel("This layer has no settings.")
            lab.setStyleSheet(MUTED_STYLE)
            add(lab)
        if advanced:
            inner = QWidget()
            inner.setObjectName("inspector_advanced")
            self._fill_form(QFormLayout(inner), advanced, node)
            sec = CollapsibleSection(f"Advanced settings ({len(advanced)})", inner, self._advanced_open)
            sec.setObjectName("inspector_advanced_section")
            sec.button.setToolTip("Settings that rarely need changing: initializers, regularizers, constraints…")
            sec.toggled.connect(self._on_advanced_toggled)
            self.advanced_section = sec
            add(sec)
        self._show_info()

    def _build_placeholder(self, node: Node) -> None:
        config = node.extra.get("config")
        text = QPlainTextEdit(json.dumps(config, indent=2, default=str) if config is not None else "(no configuration)")
        text.setReadOnly(True)
        text.setMaximumHeight(200)
        text.setToolTip("The layer's configuration as it was imported; never executed")
        g = QGroupBox("Imported configuration")
        QVBoxLayout(g).addWidget(text)
        self._body_layout.addWidget(g)

    def _label(self, text: str, tip: str) -> QLabel:
        lab = QLabel(text)
        lab.setToolTip(tip)
        return lab

    def _fill_form(self, form: QFormLayout, specs: list, node: Node) -> None:
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for p in specs:
            ed = create_editor(p)
            value = node.params.get(p.name)
            ed.set_value(value)
            self._shown[p.name] = normalize(value)
            ed.edited.connect(self._on_param_edited)
            ed.rejected.connect(self._on_param_rejected)
            ed.finished.connect(self._on_param_finished)
            fld = _Field(ed)
            self.editors[p.name] = ed
            self._fields[p.name] = fld
            text = p.name + (" *" if getattr(p, "required", False) else "")
            form.addRow(self._label(text, tooltip_for(p)), fld)

    def _fill_share_combo(self) -> None:
        node = self._node()
        combo = self.share_combo
        combo.clear()
        combo.addItem("— its own layer —", None)
        if node is None or node.is_input or node.is_placeholder:
            return
        for other in self.graph.nodes:
            if other.id == node.id or other.shared_with or other.is_input:
                continue
            if other.class_name == node.class_name:
                combo.addItem(other.name, other.id)
        current = self.graph.owner(node).id if node.shared_with else None
        i = combo.findData(current)
        combo.setCurrentIndex(max(i, 0))

    # --------------------------------------------------------------- info
    def _show_info(self) -> None:
        node = self._node()
        if node is None or not hasattr(self, "shape_label"):
            return
        try:
            self.shape_label.text()
        except RuntimeError:  # widgets of a previous build
            return
        info = self._infos.get(node.id)
        if info is None:
            self.shape_label.setText("…")
            self.params_label.setText("…")
            _set_error(self.info_error, None)
            return
        self.shape_label.setText(format_shape(getattr(info, "output_shape", None)))
        total = getattr(info, "params", None)
        trainable = getattr(info, "trainable_params", None)
        frozen = getattr(info, "non_trainable_params", None)
        text = format_count(total)
        if isinstance(frozen, int) and frozen:
            text += f"  ({format_count(trainable)} trainable, {format_count(frozen)} fixed)"
        if node.shared_with and isinstance(total, int):
            text += "  (shared)"
        self.params_label.setText(text)
        _set_error(self.info_error, getattr(info, "error", None))

    # ----------------------------------------------------------- editing
    def _do(self, cmd: commands.Command) -> str | None:
        """Push ``cmd``; the refusal's message, or None."""
        try:
            result = self.push(cmd)
        except GraphError as exc:
            return str(exc)
        # ``ui.undo.execute`` reports a refusal as its return value.
        return result if isinstance(result, str) and result else None

    @Slot(object, bool)
    def _on_param_edited(self, value: Any, final: bool) -> None:
        ed = self.sender()
        node = self._node()
        if node is None or not isinstance(ed, ParamEditor):
            return
        spec, key = ed.spec, ed.name
        fld = self._fields.get(key)
        default = normalize(getattr(spec, "default", None))
        have = normalize(node.params.get(key, _MISSING))
        want = normalize(value)
        if want == default and not getattr(spec, "required", False):
            if have is _MISSING:
                if fld is not None:
                    _set_error(fld.error, None)
                return
            new_params = {k: v for k, v in node.params.items() if k != key}
        else:
            if have == want:
                if fld is not None:
                    _set_error(fld.error, None)
                return
            new_params = dict(copy.deepcopy(node.params))
            new_params[key] = copy.deepcopy(value)
        cmd = commands.SetParams(
            node.id,
            copy.deepcopy(node.params),
            new_params,
            text=f"Set {key} of {node.name}",
            merge_id=None if final else (key, self._session),
        )
        err = self._do(cmd)
        if fld is not None:
            _set_error(fld.error, err)
        ed.set_error(err)

    @Slot(str)
    def _on_param_rejected(self, message: str) -> None:
        ed = self.sender()
        if isinstance(ed, ParamEditor) and ed.name in self._fields:
            _set_error(self._fields[ed.name].error, f"Not applied: {message}")

    @Slot()
    def _on_param_finished(self) -> None:
        self._session += 1  # the next typing is a new undo step

    @Slot(str)
    def _on_name_typed(self, text: str) -> None:
        err = self._name_problem(text)
        self.name_edit.setStyleSheet(INVALID_STYLE if err else "")
        _set_error(self._name_field.error, err)

    def _name_problem(self, text: str) -> str | None:
        node = self._node()
        name = text.strip()
        if node is None:
            return None
        problem = name_problem(name)  # the core's one naming rule
        if problem:
            return problem
        other = self.graph.find(name)
        if other is not None and other.id != node.id:
            return f"The name '{name}' is already used by another layer."
        return None

    @Slot()
    def _on_name_finished(self) -> None:
        node = self._node()
        if node is None:
            return
        name = self.name_edit.text().strip()
        err = self._name_problem(name)
        if err is None and name != node.name:
            err = self._do(commands.Rename(node.id, node.name, name, text=f"Rename {node.name} to {name}"))
        self.name_edit.setStyleSheet(INVALID_STYLE if err else "")
        _set_error(self._name_field.error, f"Not renamed: {err}" if err else None)

    @Slot(bool)
    def _on_output_toggled(self, on: bool) -> None:
        node = self._node()
        if node is None or node.is_output == on:
            return
        self._do(commands.SetOutput(node.id, on, text=("Mark as output" if on else "Unmark output")))

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
        text = f"Share {node.name} with {self.graph.node(owner_id).name}" if owner_id else f"Unshare {node.name}"
        err = self._do(commands.Compound(children=children, text=text))
        _set_error(self.share_error, err)
        if err:
            self._fill_share_combo()

    @Slot(bool)
    def _on_advanced_toggled(self, on: bool) -> None:
        self._advanced_open = on

    @Slot(bool)
    def _on_doc_toggled(self, on: bool) -> None:
        self._doc_open = on

    # ------------------------------------------------------ graph events
    def _on_graph_event(self, ev: GraphEvent) -> None:
        if ev.kind in ("node_moved", "edge_added", "edge_removed"):
            return
        node = self._node()
        if node is None:
            if self.node_id is not None or ev.kind == "reset":
                self._selection = [n for n in self._selection if n in self.graph]
                self.node_id = None
                self._rebuild()
            return
        key = (node.id, node.class_name, node.shared_with, id(self.catalog))
        if ev.kind == "reset" or key != self._built_for:
            self._rebuild()
            return
        if ev.node_id == node.id and ev.kind == "node_changed":
            if ev.key == "params":
                self._sync_params(node)
            elif ev.key == "name":
                if self.name_edit.text() != node.name:
                    self.name_edit.setText(node.name)
                self.name_edit.setStyleSheet("")
                _set_error(self._name_field.error, None)
            elif ev.key == "is_output":
                self.output_check.blockSignals(True)
                self.output_check.setChecked(node.is_output)
                self.output_check.blockSignals(False)
        if ev.kind in ("node_added", "node_removed") or (ev.kind == "node_changed" and ev.key in ("name", "shared_with", "class_name")):
            self._fill_share_combo()

    def _sync_params(self, node: Node) -> None:
        """Show the graph's values in the editors whose value changed in the
        graph (an undo), leaving the one being typed in alone."""
        for key, ed in self.editors.items():
            model = normalize(node.params.get(key))
            if self._shown.get(key, _MISSING) == model:
                continue
            self._shown[key] = model
            try:
                shown = ed.shown_value()
            except ValueError:
                shown = _MISSING
            target = normalize(ed.spec.default) if model is None else model
            if shown != target or ed.error():
                ed.set_value(node.params.get(key))
                fld = self._fields.get(key)
                if fld is not None:
                    _set_error(fld.error, None)


def _wrap(widget: QWidget, error: QLabel) -> QWidget:
    w = QWidget()
    lay = QVBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(1)
    lay.addWidget(widget)
    lay.addWidget(error)
    w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return w


__all__ = ["InspectorPanel", "format_shape", "format_count", "show_text", "CollapsibleSection"]
