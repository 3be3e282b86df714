"""The inspector, driven through its real widgets with qtbot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from kbuilder.core import commands as C
from kbuilder.core.graph import Graph
from kbuilder.ui.inspector.editors import (
    BoolEditor,
    ChoiceEditor,
    FloatEditor,
    IntEditor,
    OptionalNumberEditor,
    TextEditor,
    create_editor,
)
from kbuilder.ui.inspector.panel import InspectorPanel, format_shape
from kbuilder.ui.inspector.value_text import parse_int_tuple, parse_shape
from kbuilder.ui.undo import execute


@pytest.fixture(scope="session")
def catalog(real_catalog):
    """The real catalog (tests/ui/conftest.py), not the stand-in."""
    return real_catalog


class Doc:
    """A graph, a QUndoStack and the push the main window gives panels."""

    def __init__(self) -> None:
        self.graph = Graph()
        self.stack = QUndoStack()
        self.errors: list[str] = []

    def push(self, cmd):
        return execute(self.stack, self.graph, cmd)


@pytest.fixture
def doc():
    d = Doc()
    g = d.graph
    x = g.add_input((28, 28, 1), name="image")
    c = g.add("Conv2D", inputs=[x], filters=8, kernel_size=3)
    f = g.add("Flatten", inputs=[c])
    g.add("Dense", inputs=[f], units=10, activation="softmax")
    g.add("Dense", name="spare", units=4)
    return d


@pytest.fixture
def panel(qtbot, doc, catalog):
    p = InspectorPanel(doc.graph, doc.push, catalog)
    qtbot.addWidget(p)
    p.resize(360, 800)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.detach()


def select(panel, doc, name):
    panel.set_selection([doc.graph.find(name).id])


def type_into(qtbot, widget, text, enter=True):
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


# ---------------------------------------------------------------- factory
def test_factory_maps_each_kind_to_an_editor(qtbot, catalog):
    conv = catalog.get("Conv2D")
    kinds = {p.name: type(create_editor(p)) for p in conv.params}
    assert kinds["filters"] is IntEditor
    assert kinds["kernel_size"] is TextEditor
    assert kinds["padding"] is ChoiceEditor
    assert kinds["use_bias"] is BoolEditor
    drop = catalog.get("Dropout")
    assert type(create_editor(drop.param("rate"))) is FloatEditor
    assert type(create_editor(drop.param("seed"))) is OptionalNumberEditor
    for spec in list(conv.params) + list(drop.params):
        ed = create_editor(spec)
        assert ed.main.toolTip(), spec.name


def test_text_parsers():
    assert parse_int_tuple("3") == 3
    assert parse_int_tuple("3, 3") == [3, 3]
    assert parse_int_tuple("(2,2)") == [2, 2]
    assert parse_int_tuple("3x3") == [3, 3]
    with pytest.raises(ValueError):
        parse_int_tuple("3, x")
    assert parse_shape("None, 3") == [None, 3]
    assert parse_shape("28 28") == [28, 28]


# -------------------------------------------------------------- the panel
def test_empty_and_multiple_selection(panel, doc):
    from PySide6.QtWidgets import QLabel

    panel.set_selection([])
    assert "Select a layer" in panel.findChild(QLabel, "inspector_empty").text()
    panel.set_selection([n.id for n in doc.graph.nodes[:2]])
    assert "2 layers" in panel.findChild(QLabel, "inspector_empty").text()


def test_editors_are_generated_and_grouped(panel, doc):
    select(panel, doc, "conv2d")
    assert set(panel.editors) >= {"filters", "kernel_size", "padding", "activation", "kernel_initializer"}
    assert isinstance(panel.editor("filters").main, QSpinBox)
    assert panel.editor("filters").main.value() == 8
    assert panel.editor("kernel_size").main.text() == "3"
    # advanced settings start collapsed
    assert not panel.advanced_section.is_expanded()
    assert not panel.editor("kernel_initializer").isVisibleTo(panel)
    assert panel.editor("filters").isVisibleTo(panel)
    panel.advanced_section.button.click()
    assert panel.editor("kernel_initializer").isVisibleTo(panel)
    # the open state survives a change of selection
    select(panel, doc, "dense")
    assert panel.advanced_section.is_expanded()
    # every control explains itself
    for ed in panel.editors.values():
        assert ed.main.toolTip()
    for w in (panel.name_edit, panel.output_check, panel.share_combo):
        assert w.toolTip()


def test_typing_units_is_one_merged_undo_step_and_undo_restores(qtbot, panel, doc):
    select(panel, doc, "dense")
    spin = panel.editor("units").main
    type_into(qtbot, spin, "128")
    dense = doc.graph.find("dense")
    assert dense.params["units"] == 128
    assert doc.stack.count() == 1  # "1", "12", "128" merged
    doc.stack.undo()
    assert dense.params["units"] == 10
    assert spin.value() == 10
    doc.stack.redo()
    assert spin.value() == 128
    # a second edit after Enter is its own undo step
    type_into(qtbot, spin, "64")
    assert doc.stack.count() == 2


def test_invalid_value_is_refused_with_a_message(qtbot, panel, doc):
    select(panel, doc, "conv2d")
    conv = doc.graph.find("conv2d")
    ed = panel.editor("kernel_size")
    type_into(qtbot, ed.main, "3, x")
    assert conv.params["kernel_size"] == 3  # not applied
    assert "border" in ed.main.styleSheet()
    assert "Not applied" in panel.field_error("kernel_size")
    assert panel._fields["kernel_size"].error.isVisibleTo(panel)
    # fixing it clears the error and applies
    type_into(qtbot, ed.main, "5, 5")
    assert conv.params["kernel_size"] == [5, 5]
    assert ed.main.styleSheet() == ""
    assert panel.field_error("kernel_size") == ""
    # a number out of range: the catalog's words
    spin = panel.editor("filters").main
    type_into(qtbot, spin, "0")
    assert conv.params["filters"] == 8
    assert "at least 1" in panel.field_error("filters")


def test_choice_bool_and_default_values(qtbot, panel, doc):
    select(panel, doc, "conv2d")
    conv = doc.graph.find("conv2d")
    combo = panel.editor("padding").main
    combo.setCurrentIndex(combo.findText("same"))
    combo.activated.emit(combo.currentIndex())
    assert conv.params["padding"] == "same"
    check = panel.editor("use_bias").main
    check.click()
    assert conv.params["use_bias"] is False
    check.click()  # back to the default: the key goes away
    assert "use_bias" not in conv.params
    assert doc.stack.count() == 3


def test_editable_choice_takes_other_values(qtbot, panel, doc):
    select(panel, doc, "conv2d")
    conv = doc.graph.find("conv2d")
    combo = panel.editor("kernel_initializer").main
    assert combo.isEditable()
    type_into(qtbot, combo.lineEdit(), "he_normal")
    assert conv.params["kernel_initializer"] == "he_normal"
    type_into(qtbot, combo.lineEdit(), '{"class_name": "RandomNormal", "config": {"stddev": 0.1}}')
    assert conv.params["kernel_initializer"]["class_name"] == "RandomNormal"


def test_rename_and_duplicate_refused(qtbot, panel, doc):
    select(panel, doc, "dense")
    dense = doc.graph.find("dense")
    type_into(qtbot, panel.name_edit, "flatten")
    assert dense.name == "dense"
    assert "already used" in panel._name_field.error.text()
    type_into(qtbot, panel.name_edit, "classifier")
    assert dense.name == "classifier"
    assert panel._name_field.error.text() == ""
    doc.stack.undo()
    assert panel.name_edit.text() == "dense"


def test_output_and_sharing(qtbot, panel, doc):
    select(panel, doc, "spare")
    spare = doc.graph.find("spare")
    panel.output_check.click()
    assert spare.is_output
    combo: QComboBox = panel.share_combo
    assert combo.findText("dense") >= 0 and combo.findText("conv2d") < 0
    combo.setCurrentIndex(combo.findText("dense"))
    combo.activated.emit(combo.currentIndex())
    assert spare.shared_with == doc.graph.find("dense").id
    assert spare.params == {}
    # a sharing layer shows a note instead of settings
    assert panel.editors == {}
    doc.stack.undo()
    assert spare.shared_with is None and spare.params == {"units": 4}
    assert panel.editor("units").main.value() == 4
    doc.stack.undo()
    assert panel.output_check.isChecked() is False


def test_input_shape_and_dtype(qtbot, panel, doc):
    select(panel, doc, "image")
    image = doc.graph.find("image")
    ed = panel.editor("shape")
    assert ed.main.text() == "28, 28, 1"
    type_into(qtbot, ed.main, "32, 32, 3")
    assert image.params["shape"] == [32, 32, 3]
    type_into(qtbot, ed.main, "0, 3")
    assert image.params["shape"] == [32, 32, 3]
    assert panel.field_error("shape")
    assert not panel.output_check.isEnabled()
    assert isinstance(panel.editor("dtype").main, QComboBox)


def test_undo_of_an_outside_edit_updates_the_editors(panel, doc):
    select(panel, doc, "dense")
    dense = doc.graph.find("dense")
    doc.push(C.set_param(doc.graph, dense.id, "units", 77))
    assert panel.editor("units").main.value() == 77
    doc.stack.undo()
    assert panel.editor("units").main.value() == 10
    # deleting the selected layer empties the panel; undo does not crash it
    doc.push(C.remove_items(doc.graph, [dense.id]))
    assert panel.node_id is None
    doc.stack.undo()


def test_waits_for_the_catalog_then_builds(qtbot, doc, catalog):
    p = InspectorPanel(doc.graph, doc.push, None)
    qtbot.addWidget(p)
    p.set_selection([doc.graph.find("dense").id])
    from PySide6.QtWidgets import QLabel

    assert p.findChild(QLabel, "inspector_loading") is not None
    assert p.editors == {}
    p.set_catalog(catalog)
    assert p.editor("units").main.value() == 10
    # Input layers are editable even before the catalog is there
    p.set_catalog(None)
    p.set_selection([doc.graph.find("image").id])
    assert p.editor("shape").main.text() == "28, 28, 1"
    p.detach()


def test_results_show_shape_and_params(panel, doc):
    from kbuilder.keras_io.shapes import NodeInfo

    select(panel, doc, "dense")
    dense = doc.graph.find("dense")
    panel.set_results({dense.id: NodeInfo(output_shape=(None, 10), params=54090, trainable_params=54090, non_trainable_params=0)})
    assert panel.shape_label.text() == "(None, 10)"
    assert panel.params_label.text() == "54,090"
    panel.set_results({dense.id: NodeInfo(error="Dense needs a flat input")})
    assert "flat input" in panel.info_error.text()


def test_format_shape():
    assert format_shape((None, 10)) == "(None, 10)"
    assert format_shape([None, 5]) == "(None, 5)"
    assert format_shape([(None, 3), (None, 4)]) == "(None, 3)\n(None, 4)"
    assert format_shape(None) == "?"


def test_widget_types_are_standard(panel, doc):
    select(panel, doc, "conv2d")
    assert isinstance(panel.name_edit, QLineEdit)
    assert isinstance(panel.output_check, QCheckBox)


# ------------------------------------------------------------- layer card
def test_card_shows_what_when_and_shapes_in_words(panel, doc):
    from PySide6.QtCore import QSettings

    from kbuilder.keras_io.shapes import NodeInfo
    from kbuilder.layers.cards import card
    from kbuilder.ui.inspector.card import SETTINGS_GROUP

    QSettings().remove(SETTINGS_GROUP)  # the card's sections as at the first start
    select(panel, doc, "dense")
    shown = panel.card
    assert shown.what.text() == card("Dense").what and shown.when.text() == card("Dense").when
    assert "analysed" in shown.shape_text()  # no results yet
    dense = doc.graph.find("dense")
    panel.set_results({dense.id: NodeInfo(output_shape=(None, 10), input_shapes=[(None, 5408)], params=54090)})
    assert shown.shape_text().splitlines() == [
        "Takes (None, 5408): batches of vectors of 5408 numbers.",
        "Gives (None, 10): batches of vectors of 10 numbers.",
    ]
    panel.set_results({dense.id: NodeInfo(blocked=True)})
    assert "not known yet" in shown.shape_text() and not shown.note.isVisibleTo(panel)
    # the Keras documentation is there, folded
    assert shown.doc is not None and not shown.sections["doc"].is_expanded()


def test_a_layer_without_a_card_shows_the_catalog_summary(panel, doc, catalog):
    doc.graph.add("Conv3D", name="volume", filters=4, kernel_size=3)
    select(panel, doc, "volume")
    shown = panel.card
    assert shown.data is None
    assert shown.what.text() == catalog.get("Conv3D").summary
    assert shown.when is None and "when" not in shown.sections
    assert shown.shapes is not None and shown.doc is not None


def test_keras_doc_lines_are_joined_to_wrap_in_the_dock():
    from kbuilder.ui.inspector.card import doc_html, doc_lines

    doc = (
        "Adds things.\n\nA paragraph broken\nover two lines.\n\nArgs:\n    units: int, how many\n        outputs.\n"
        "    use_bias: bool.\n\nExample:\n\n>>> y = layer(x)\n>>> y.shape\n(4, 8)\n\n```python\nz = 1\n```\n"
    )
    assert [line for line in doc_lines(doc) if line[1]] == [
        (0, "Adds things.", False),
        (0, "A paragraph broken over two lines.", False),
        (0, "Args:", False),
        (4, "units: int, how many outputs.", False),
        (4, "use_bias: bool.", False),
        (0, "Example:", False),
        (0, ">>> y = layer(x)", True),
        (0, ">>> y.shape", True),
        (0, "(4, 8)", True),
        (0, "z = 1", True),
    ]
    assert "<code>x</code>" in doc_html("Takes `x` & y.") and "&amp;" in doc_html("Takes `x` & y.")
