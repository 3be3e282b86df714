"""Layer cards in the real window (issue 10): click a Conv2D on the canvas,
read its card with the numbers of the real shape inference, change filters
in the Inspector and see the card follow, fold the Keras documentation and
find it folded the same way for the next layer.  At 1024x700 the card wraps
in the right dock: nothing is cut off, nothing scrolls sideways."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings, Qt
from ui_canvas_helpers import load
from ui_window_helpers import select_layer, type_into

from kbuilder.core.graph import Graph
from kbuilder.layers.cards import card
from kbuilder.ui.inspector.card import SETTINGS_GROUP

LEFT = Qt.MouseButton.LeftButton
WAIT = 60_000


@pytest.fixture(scope="module")
def _keras_loaded():
    """Keras imported once, off the main thread (as the app's worker does),
    so that the window's first analysis is quick."""
    from kbuilder.layers.backend import keras

    t = threading.Thread(target=keras)
    t.start()
    t.join()


@pytest.fixture
def analyzers(analyzers, _keras_loaded):
    """The real shape inference (the numbers on the card are Keras's); the
    structural checks only, as in the other window tests."""
    from kbuilder.keras_io.shapes import ShapeInference

    analyzers.inference = ShapeInference
    return analyzers


@pytest.fixture(autouse=True)
def _cards_as_at_first_start():
    QSettings().remove(SETTINGS_GROUP)
    yield
    QSettings().remove(SETTINGS_GROUP)


def _convnet() -> Graph:
    g = Graph()
    x = g.add_input((28, 28, 1), name="image", position=(0, 0))
    c = g.add("Conv2D", inputs=[x], name="conv2d", position=(0, 160), filters=32, kernel_size=3, activation="relu")
    f = g.add("Flatten", inputs=[c], name="flatten", position=(0, 320))
    g.add("Dense", inputs=[f], name="dense", position=(0, 480), units=10, activation="softmax")
    return g


def _words(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if not line.strip().startswith("```")]
    return " ".join(lines).replace("`", "").split()


def _open(qtbot, window) -> None:
    load(window, _convnet())
    qtbot.waitUntil(window.analysis.is_idle, timeout=WAIT)


def test_conv2d_card_follows_the_analysis(qtbot, window, real_catalog):
    _open(qtbot, window)
    select_layer(qtbot, window, "conv2d")
    inspector = window.panels["inspector"]
    shown = inspector.card
    assert shown.what.text() == card("Conv2D").what
    assert shown.when.text() == card("Conv2D").when
    assert shown.what.isVisible() and shown.when.isVisible() and shown.shapes.isVisible()
    assert shown.shape_text().splitlines() == [
        "Takes (None, 28, 28, 1): batches of 28×28 pictures with 1 channel.",
        "Gives (None, 26, 26, 32): batches of 32 feature maps of 26×26.",
    ]
    assert shown.note.isVisible() and "batch size" in shown.note.text()

    # filters 32 -> 16 in the Inspector: after the analysis, the card says 16
    spin = inspector.editor("filters").main
    inspector._scroll.ensureWidgetVisible(spin)
    type_into(qtbot, spin, "16")
    assert window.graph.find("conv2d").params["filters"] == 16
    qtbot.waitUntil(window.analysis.is_idle, timeout=WAIT)
    assert inspector.card is shown  # the same card, its numbers updated
    assert shown.shape_text().splitlines()[1] == "Gives (None, 26, 26, 16): batches of 16 feature maps of 26×26."
    assert inspector.shape_label.text() == "(None, 26, 26, 16)"
    # the Dense after Flatten sees it too
    select_layer(qtbot, window, "dense")
    assert window.panels["inspector"].card.shape_text().splitlines()[0] == (
        "Takes (None, 10816): batches of vectors of 10816 numbers.")


def test_keras_documentation_folds_and_the_choice_is_remembered(qtbot, window, real_catalog):
    _open(qtbot, window)
    select_layer(qtbot, window, "conv2d")
    shown = window.panels["inspector"].card
    doc = shown.sections["doc"]
    assert not doc.is_expanded() and not shown.doc.isVisible()  # folded at first
    qtbot.mouseClick(doc.button, LEFT)
    assert shown.doc.isVisible()
    # Keras's text, every word of it, its hard line breaks joined to wrap in the dock
    keras_doc = real_catalog.get("Conv2D").doc
    assert _words(shown.doc.text()) == _words(keras_doc)
    assert "Args:\nfilters: int, the dimension of the output space (the number of filters in the convolution)." in (
        shown.doc.text())
    # an expert folds "what it does": kept for the next layer, and in QSettings
    qtbot.mouseClick(shown.sections["what"].button, LEFT)
    assert not shown.what.isVisible()
    select_layer(qtbot, window, "dense")
    dense = window.panels["inspector"].card
    assert dense.sections["doc"].is_expanded() and dense.doc.isVisible()
    assert not dense.sections["what"].is_expanded() and not dense.what.isVisible()
    assert dense.when.isVisible()
    qtbot.mouseClick(dense.sections["doc"].button, LEFT)
    assert QSettings().value(f"{SETTINGS_GROUP}/doc") in (False, "false")
    assert QSettings().value(f"{SETTINGS_GROUP}/what") in (False, "false")


def test_card_is_readable_at_1024x700(qtbot, window, real_catalog):
    window.resize(1024, 700)
    _open(qtbot, window)
    select_layer(qtbot, window, "conv2d")
    inspector = window.panels["inspector"]
    shown = inspector.card
    qtbot.mouseClick(shown.sections["doc"].button, LEFT)
    labels = (shown.what, shown.when, shown.shapes, shown.note, shown.doc)
    body = inspector._scroll.widget()

    def fits(label) -> bool:
        left = label.mapTo(body, label.rect().topLeft()).x()
        tall = label.text_height() if label is shown.doc else label.heightForWidth(label.width())
        return left >= 0 and left + label.width() <= inspector._scroll.viewport().width() and label.height() >= tall

    # The long documentation brings the vertical scroll bar: the layout settles at the narrower width.
    qtbot.waitUntil(lambda: all(label.isVisible() and fits(label) for label in labels), timeout=5_000)
    outer = window.findChild(type(inspector._scroll), "scroll_inspector")
    for scroll in (inspector._scroll, outer):
        assert scroll.horizontalScrollBar().maximum() == 0, "the Inspector scrolls sideways"
    for label in labels[:-1]:
        assert label.wordWrap()
        assert label.font().pointSizeF() >= 8
    # the documentation wraps its long code lines too, and is as tall as its text
    assert shown.doc.horizontalScrollBar().maximum() == 0
    assert shown.doc.height() >= shown.doc.text_height()
