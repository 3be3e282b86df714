"""Building the Inspector's widgets for one node: the header (class,
category, what the layer does), the "Layer" box (name, output shape,
parameters, model output, sharing) and the settings forms generated from
the catalog's ``ParamSpec`` list.

A mixin of :class:`kbuilder.ui.inspector.panel.InspectorPanel`, which holds
the state used here (``graph``, ``catalog``, ``editors``, ``_fields``,
``_shown``, ``_body_layout``, the open/closed flags) and the slots the
widgets connect to (:mod:`kbuilder.ui.inspector.editing`).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kbuilder.core import commands
from kbuilder.core.graph import Node
from kbuilder.layers.allowed import custom_layer_class
from kbuilder.layers.basics import catalog_text
from kbuilder.layers.introspect import input_spec
from kbuilder.layers.spec import ParamSpec
from kbuilder.ui.editor.layer_info import category_title
from kbuilder.ui.experiments.dialog import offer_try_several
from kbuilder.ui.inspector.card import LayerCard
from kbuilder.ui.inspector.editors import create_editor, tooltip_for
from kbuilder.ui.inspector.widgets import (
    MUTED_STYLE,
    CollapsibleSection,
    _error_label,
    _Field,
    _wrap,
)


def _generic_param(name: str) -> ParamSpec:
    """A parameter the catalog does not describe: edited as JSON."""
    return ParamSpec(name, "json", help=QCoreApplication.translate(
        "building", "A setting kbuilder has no editor for; edited as JSON."))


class InspectorBuilding:
    """The ``_build_*`` methods of the Inspector (see the module's doc)."""

    # ------------------------------------------------------------ specs
    def _param_specs(self, node: Node) -> list | None:
        """The specs to edit, or None while the catalog is loading."""
        spec = self._spec(node)
        if node.is_input:
            return list(spec.params) if spec is not None and spec.params else list(input_spec().params)
        if node.is_placeholder:
            return []
        if spec is None:
            if self.catalog is None:
                return None
            return [_generic_param(k) for k in node.params]
        return list(spec.params)

    # ------------------------------------------------------------ empty
    def _build_empty(self) -> None:
        n = len(self._selection)
        if n > 1:
            text = self.tr("{count} layers are selected.\nSelect a single layer to edit its settings.").format(count=n)
        else:
            text = self.tr("Select a layer on the canvas to see and edit its settings here.")
        lab = QLabel(text)
        lab.setWordWrap(True)
        lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lab.setStyleSheet(MUTED_STYLE)
        lab.setObjectName("inspector_empty")
        self._body_layout.addSpacing(24)
        self._body_layout.addWidget(lab)

    # ------------------------------------------------------------- node
    def _build_node(self, node: Node) -> None:
        spec = self._spec(node)
        self._build_header(node, spec)
        # What the user edits first, the card below it: at 1024x700 the settings are in view.
        if node.is_placeholder:
            self._build_placeholder(node)
        elif node.shared_with:
            self._build_shared_note(node)
        else:
            self._build_settings(node)
        self._build_layer_box(node)
        self._body_layout.addWidget(self.card)
        self._show_info()

    def _build_header(self, node: Node, spec) -> None:
        """Class and category; the layer card (what it does, when to use it,
        its shapes in words, the Keras documentation) is made here and shown
        below the settings."""
        add = self._body_layout.addWidget
        title = QLabel(f"<b>{node.class_name}</b>")
        title.setObjectName("inspector_title")
        title.setStyleSheet("font-size: 13pt;")
        category = category_title(spec.category) if spec is not None and spec.category else ""
        if node.is_input:
            category = category or "Input"
        tip = self.tr("Keras class: {name}").format(name=node.class_name)
        title.setToolTip(tip + (f" · {category}" if category else ""))
        add(title)
        if category:
            cat = QLabel(category)
            cat.setObjectName("inspector_category")
            cat.setStyleSheet(MUTED_STYLE)
            add(cat)
        summary = catalog_text(spec.summary or "") if spec is not None else ""
        if node.is_input and not summary:
            summary = self.tr("Where data enters the model. Give the size of one sample.")
        if node.is_placeholder:
            summary = self.tr(
                "kbuilder cannot build this layer (a Lambda or a class it does not know). "
                "It is kept as it was imported so the rest of the model can be edited and saved."
            )
        doc = (spec.doc or "").strip() if spec is not None else ""
        name = spec.class_name if spec is not None else node.class_name  # aliases: the card of the class
        self.card = LayerCard(name, summary, doc, shapes=not node.is_placeholder)  # added below the settings

    def _build_layer_box(self, node: Node) -> None:
        """The layer itself: name, output shape, parameters, model output, sharing."""
        box = QGroupBox(self.tr("Layer"))
        box.setToolTip(self.tr("The layer's name and where it sits in the model"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow dock: label above its field
        self.name_edit = QLineEdit(node.name)
        self.name_edit.setObjectName("inspector_name")
        self.name_edit.setToolTip(self.tr("The layer's name in the model (Keras's `name=`). Press Enter to rename."))
        self.name_edit.textEdited.connect(self._on_name_typed)
        self.name_edit.editingFinished.connect(self._on_name_finished)
        self._name_field = _Field(self.name_edit)
        form.addRow(self._label(self.tr("Name"), self.name_edit.toolTip()), self._name_field)

        self.shape_label = QLabel()
        self.shape_label.setObjectName("inspector_shape")
        self.shape_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shape_label.setToolTip(self.tr("The shape of what this layer outputs; None is the batch size"))
        form.addRow(self._label(self.tr("Output shape"), self.shape_label.toolTip()), self.shape_label)
        self.params_label = QLabel()
        self.params_label.setObjectName("inspector_params")
        self.params_label.setToolTip(self.tr("How many numbers (weights) this layer learns"))
        form.addRow(self._label(self.tr("Parameters"), self.params_label.toolTip()), self.params_label)
        self.info_error = _error_label()
        self.info_error.setObjectName("inspector_info_error")
        form.addRow(self.info_error)

        self.output_check = QCheckBox(self.tr("Model output"))
        self.output_check.setObjectName("inspector_output")
        self.output_check.setToolTip(self.tr(
            "Make this layer one of the model's outputs. When no layer is marked, "
            "every layer that feeds nothing is an output."
        ))
        self.output_check.setChecked(node.is_output)
        self.output_check.setEnabled(not node.is_input)
        self.output_check.toggled.connect(self._on_output_toggled)
        form.addRow("", self.output_check)
        form.setRowVisible(self.output_check, not node.is_input)

        self.share_combo = QComboBox()
        # As wide as the dock allows, not as its longest layer name.
        self.share_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.share_combo.setMinimumContentsLength(10)
        self.share_combo.setObjectName("inspector_share")
        self.share_combo.setToolTip(self.tr(
            "Reuse the layer (and its weights) of another layer of the same type, "
            "as a siamese network calls one encoder twice."
        ))
        self.share_combo.activated.connect(self._on_share_chosen)
        self.share_error = _error_label()
        self._fill_share_combo()
        self.share_combo.setEnabled(not node.is_placeholder)
        share_row = _wrap(self.share_combo, self.share_error)
        form.addRow(self._label(self.tr("Shares weights with"), self.share_combo.toolTip()), share_row)
        # An Input is no layer: nothing to share, never an output.
        form.setRowVisible(share_row, not node.is_input)
        self._body_layout.addWidget(box)

    def _build_shared_note(self, node: Node) -> None:
        owner = self.graph.owner(node)
        note = QLabel(self.tr(
            "This layer reuses <b>{owner}</b> and its weights: its settings are those of {owner}. "
            "Select {owner} to change them."
        ).format(owner=owner.name))
        note.setWordWrap(True)
        note.setObjectName("inspector_shared_note")
        self._body_layout.addWidget(note)

    def _build_settings(self, node: Node) -> None:
        """The parameters: the common ones in "Settings", the rest folded."""
        add = self._body_layout.addWidget
        specs = self._param_specs(node)
        if specs is None:
            lab = QLabel(self.tr("Loading the layer catalog…"))
            lab.setObjectName("inspector_loading")
            lab.setStyleSheet(MUTED_STYLE)
            lab.setToolTip(self.tr("The list of Keras layers and their settings is read in the background"))
            add(lab)
            return
        known = {p.name for p in specs}
        specs = specs + [_generic_param(k) for k in node.params if k not in known]
        basic = [p for p in specs if not p.advanced]
        advanced = [p for p in specs if p.advanced]
        if basic:
            g = QGroupBox(self.tr("Settings"))
            g.setObjectName("inspector_basic")
            g.setToolTip(self.tr("The settings most models change"))
            self._fill_form(QFormLayout(g), basic, node)
            add(g)
        elif not advanced:
            lab = QLabel(self.tr("This layer has no settings."))
            lab.setStyleSheet(MUTED_STYLE)
            add(lab)
        if advanced:
            inner = QWidget()
            inner.setObjectName("inspector_advanced")
            self._fill_form(QFormLayout(inner), advanced, node)
            title = self.tr("Advanced settings ({count})").format(count=len(advanced))
            sec = CollapsibleSection(title, inner, self._advanced_open)
            sec.setObjectName("inspector_advanced_section")
            sec.button.setToolTip(self.tr(
                "Settings that rarely need changing: initializers, regularizers, constraints…"))
            sec.toggled.connect(self._on_advanced_toggled)
            self.advanced_section = sec
            add(sec)

    def _build_placeholder(self, node: Node) -> None:
        config = node.extra.get("config")
        shown = json.dumps(config, indent=2, default=str) if config is not None else self.tr("(no configuration)")
        text = QPlainTextEdit(shown)
        text.setReadOnly(True)
        text.setMaximumHeight(200)
        text.setToolTip(self.tr("The layer's configuration as it was imported; never executed"))
        g = QGroupBox(self.tr("Imported configuration"))
        QVBoxLayout(g).addWidget(text)
        self._body_layout.addWidget(g)
        cls = custom_layer_class(node)
        if cls is not None:  # a class of the user's own: their code may be loaded, by their choice only
            g = QGroupBox(self.tr("Your own layer class"))
            lay = QVBoxLayout(g)
            note = QLabel(self.tr(
                "{cls} is a layer class of your own, so Keras does not know it. If you have the Python file "
                "that defines it, load it to use this layer with the settings above."
            ).format(cls=cls))
            note.setWordWrap(True)
            lay.addWidget(note)
            button = QPushButton(self.tr("Load custom layer code…"))
            button.setObjectName("inspector_load_custom_code")
            button.setToolTip(self.tr("Choose the .py file that defines {cls}; kbuilder warns you first, because "
                                      "loading it runs the code in it.").format(cls=cls))
            button.clicked.connect(self.custom_code_requested)
            lay.addWidget(button)
            self._body_layout.addWidget(g)

    # ------------------------------------------------------------ parts
    def _label(self, text: str, tip: str) -> QLabel:
        lab = QLabel(text)
        lab.setToolTip(tip)
        return lab

    def _fill_form(self, form: QFormLayout, specs: list, node: Node) -> None:
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for p in specs:
            ed = create_editor(p, catalog=self.catalog)
            value = node.params.get(p.name)
            ed.set_value(value)
            self._shown[p.name] = commands.as_json(value)
            ed.edited.connect(self._on_param_edited)
            ed.rejected.connect(self._on_param_rejected)
            ed.finished.connect(self._on_param_finished)
            fld = _Field(ed)
            self.editors[p.name] = ed
            self._fields[p.name] = fld
            label = self._label(p.name + (" *" if p.required else ""), tooltip_for(p))
            if self.document is not None:  # right-click: "Try several values…" (Experiments)
                offer_try_several(label, self.document, self.push, node, p)
            if p.kind == "layer":  # a wrapper's inner layer and its settings box: the whole width, under its name
                form.addRow(label)
                form.addRow(fld)
            else:
                form.addRow(label, fld)

    def _fill_share_combo(self) -> None:
        node = self._node()
        combo = self.share_combo
        combo.clear()
        combo.addItem(self.tr("— its own layer —"), None)
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
