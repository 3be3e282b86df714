"""Wrappers from the palette and their inner-layer editor in the Inspector:
Bidirectional, TimeDistributed and SpectralNormalization are in the
palette, a dropped Bidirectional builds, the inner class is picked in a
combo box and its settings edited in the box under it, each change one
undo step."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget
from ui_canvas_helpers import drop_from_palette, load, wait_analysis

from kbuilder.core.graph import Graph
from kbuilder.ui.editor import LAYER_MIME

BIDI_DEFAULT = {"layer": {"class_name": "LSTM", "config": {"units": 32}}}


def sequence_model() -> Graph:
    """12 steps of 8 numbers -> a 2-number head, for a wrapper dropped in between."""
    g = Graph(name="seq")
    x = g.add_input((12, 8), name="steps", position=(0, 0))
    g.add("Dense", name="head", inputs=[x], position=(0, 360), units=2)
    return g


def palette_group(w, class_name: str) -> str:
    """The palette category (not "Common") a layer is listed under."""
    for item in w.palette.leaf_items():
        if item.text(0) == class_name and item.parent().text(0) != "Common":
            return item.parent().text(0)
    raise AssertionError(f"{class_name} is not in the palette")


def inspector(w) -> QWidget:
    return w.panels["inspector"]


def combo_showing(w, text: str) -> QComboBox:
    (combo,) = [c for c in inspector(w).findChildren(QComboBox) if c.isVisible() and c.currentText() == text]
    return combo


def group_titled(w, title: str) -> QGroupBox:
    (group,) = [g for g in inspector(w).findChildren(QGroupBox) if g.isVisible() and g.title() == title]
    return group


def field(group: QWidget, label: str) -> QWidget:
    """The field of the form row labelled ``label`` inside ``group``."""
    for form in group.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            lab = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            shown = lab is not None and isinstance(lab.widget(), QLabel) and lab.widget().isVisibleTo(group)
            if shown and lab.widget().text() == label:
                return form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
    raise AssertionError(f"no field {label!r} in {group.title()!r}")


def shape_shown(w) -> str:
    """The Inspector's "Output shape" (the panel is rebuilt when the catalog arrives: found each time)."""
    return "".join(lab.text() for lab in inspector(w).findChildren(QLabel, "inspector_shape") if lab.isVisible())


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def ctrl_z(qtbot, w) -> None:
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def insert_bidirectional(w, qtbot):
    load(w, sequence_model())
    (edge_item,) = w.scene.edges.values()
    drop_from_palette(w, "Bidirectional", edge_item.path().pointAtPercent(0.5))
    node = w.graph.nodes[-1]
    assert node.class_name == "Bidirectional" and node.params == BIDI_DEFAULT
    assert w.scene.selected_node_ids() == [node.id]  # the Inspector shows it
    qtbot.waitUntil(lambda: combo_showing(w, "LSTM") is not None, timeout=5000)
    return node


def test_wrappers_are_in_the_palette_under_their_categories(window):
    w = window
    assert palette_group(w, "Bidirectional") == "Recurrent"
    assert palette_group(w, "TimeDistributed") == "Recurrent"
    assert palette_group(w, "SpectralNormalization") == "Normalization"
    for name in ("Bidirectional", "TimeDistributed", "SpectralNormalization"):  # what a drag carries
        assert bytes(w.palette.mime_for(name).data(LAYER_MIME).data()).decode() == name


def test_pick_the_inner_layer_and_edit_its_settings_one_undo_step_each(window, qtbot):
    w = window
    node = insert_bidirectional(w, qtbot)
    steps = w.stack.count()
    lstm = group_titled(w, "LSTM settings")
    assert field(lstm, "units *").findChild(QSpinBox).value() == 32

    combo = combo_showing(w, "LSTM")
    combo.setFocus()
    qtbot.keyClicks(combo, "G")  # the keyboard search picks GRU, as a user typing in the closed list
    assert w.graph.node(node.id).params == {"layer": {"class_name": "GRU", "config": {"units": 32}}}
    assert w.stack.count() == steps + 1
    gru = group_titled(w, "GRU settings")
    units = field(gru, "units *").findChild(QSpinBox)
    assert units.value() == 32  # the setting both classes have is kept

    type_into(qtbot, units, "16")
    assert w.graph.node(node.id).params == {"layer": {"class_name": "GRU", "config": {"units": 16}}}
    assert w.stack.count() == steps + 2  # "1", "16": one step

    ctrl_z(qtbot, w)
    assert w.graph.node(node.id).params == {"layer": {"class_name": "GRU", "config": {"units": 32}}}
    assert field(group_titled(w, "GRU settings"), "units *").findChild(QSpinBox).value() == 32
    ctrl_z(qtbot, w)
    assert w.graph.node(node.id).params == BIDI_DEFAULT
    assert combo_showing(w, "LSTM") and group_titled(w, "LSTM settings")


def test_time_distributed_takes_any_layer_typed_in_its_list(window, qtbot):
    w = window
    load(w, sequence_model())
    (edge_item,) = w.scene.edges.values()
    drop_from_palette(w, "TimeDistributed", edge_item.path().pointAtPercent(0.5))
    node = w.graph.nodes[-1]
    assert node.params == {"layer": {"class_name": "Dense", "config": {"units": 32}}}
    combo = combo_showing(w, "Dense")
    assert combo.isEditable() and combo.findText("Conv2D") >= 0 and combo.findText("Flatten") >= 0
    type_into(qtbot, combo.lineEdit(), "flatten")
    assert w.graph.node(node.id).params == {"layer": {"class_name": "Flatten", "config": {}}}
    assert group_titled(w, "Flatten settings")
    combo = combo_showing(w, "Flatten")
    type_into(qtbot, combo.lineEdit(), "Nonsense")
    assert w.graph.node(node.id).params == {"layer": {"class_name": "Flatten", "config": {}}}
    assert "Nonsense is not a layer kbuilder knows" in inspector(w).field_error("layer")


@pytest.mark.slow  # TensorFlow starts in the analysis thread
def test_a_dropped_bidirectional_builds_and_the_analysis_follows_its_inner_layer(keras_window, qtbot):
    from kbuilder.keras_io.build import build_model

    w = keras_window
    node = insert_bidirectional(w, qtbot)
    qtbot.waitUntil(lambda: shape_shown(w) == "(None, 64)", timeout=120_000)  # LSTM(32) both ways, joined
    combo = combo_showing(w, "LSTM")
    combo.setFocus()
    qtbot.keyClicks(combo, "G")
    type_into(qtbot, field(group_titled(w, "GRU settings"), "units *").findChild(QSpinBox), "5")
    assert w.graph.node(node.id).params["layer"] == {"class_name": "GRU", "config": {"units": 5}}
    qtbot.waitUntil(lambda: shape_shown(w) == "(None, 10)", timeout=120_000)
    wait_analysis(qtbot, w)
    model = build_model(w.graph)
    out = model.predict(np.zeros((3, 12, 8), np.float32), verbose=0)
    assert out.shape == (3, 2)
    assert type(model.get_layer(node.name).forward_layer).__name__ == "GRU"
