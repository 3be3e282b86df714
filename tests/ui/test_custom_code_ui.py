"""Load custom layer code…: the user's own layer module runs only after they
confirm the warning; then the placeholders of its classes become those
layers, as one undo step that restores the placeholders exactly."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from kbuilder.core.graph import PLACEHOLDER, Graph, Node
from kbuilder.project import kbproj

MARKER = "MODULE_RAN.txt"

MY_LAYERS = """
import pathlib
pathlib.Path(__file__).with_name("{marker}").write_text("ran")  # proof that the module ran

import keras


class MyScale(keras.layers.Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, x):
        return x * self.factor

    def get_config(self):
        return {{**super().get_config(), "factor": self.factor}}
"""


def model_with_a_custom_layer() -> Graph:
    """What opening a file with a MyScale layer gives: a placeholder keeping its saved settings."""
    g = Graph(name="custom")
    x = g.add_input((4,), name="x", position=(0, 0))
    d = g.add("Dense", name="d1", inputs=[x], position=(0, 160), units=4)
    config = {"name": "my_scale", "trainable": True, "dtype": "float32", "factor": 3.0}
    s = g.add_node(Node(PLACEHOLDER, "my_scale", position=(0, 320),
                        extra={"config": config, "original_class": "MyScale"}))
    g.connect(d.id, s.id)
    g.add("Dense", name="d2", inputs=[s], position=(0, 480), units=2)
    return g


@pytest.fixture
def custom_model(window):
    window.files.set_project(kbproj.Project(graph=model_with_a_custom_layer()), None, "custom")
    return window


@pytest.fixture
def module(tmp_path, monkeypatch):
    path = tmp_path / "my_layers.py"
    path.write_text(MY_LAYERS.format(marker=MARKER))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    return path


def menu_action(w, menu: str, text: str):
    (top,) = [a.menu() for a in w.menuBar().actions() if a.text().replace("&", "") == menu]
    (action,) = [a for a in top.actions() if a.text().replace("&", "") == text]
    return action


def answer_warning(button_text: str, seen: list[str]) -> None:
    """When the warning is up: note its text, check Cancel is the default, click ``button_text``."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: answer_warning(button_text, seen))
        return
    seen.append(box.text())
    assert box.defaultButton().text().replace("&", "") == "Cancel"
    (button,) = [b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == button_text]
    button.click()


def user_modules() -> list[str]:
    return [m for m in sys.modules if m.startswith("kbuilder_user_my_layers")]


def test_cancel_in_the_warning_loads_nothing(custom_model, module, qtbot):
    w = custom_model
    before = w.graph.to_dict()
    loaded_before = user_modules()  # other tests of this process may have loaded theirs
    w.select_node(w.graph.by_name("my_scale").id)
    (button,) = [b for b in w.panels["inspector"].findChildren(QPushButton)
                 if b.text() == "Load custom layer code…" and b.isVisible()]
    seen: list[str] = []
    QTimer.singleShot(0, lambda: answer_warning("Cancel", seen))
    button.click()
    assert len(seen) == 1 and "runs the Python code in it" in seen[0] and "my_layers.py" in seen[0]
    assert not (module.parent / MARKER).exists() and user_modules() == loaded_before
    assert w.graph.to_dict() == before and w.stack.count() == 0


def test_a_file_that_fails_is_one_sentence_and_the_model_is_untouched(custom_model, tmp_path, monkeypatch, qtbot):
    w = custom_model
    before = w.graph.to_dict()
    broken = tmp_path / "broken_layers.py"
    broken.write_text("class MyScale(:\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), "")))
    errors: list[str] = []
    w.files.error = lambda title, text: errors.append(text)
    QTimer.singleShot(0, lambda: answer_warning("Load and run it", []))
    menu_action(w, "File", "Load custom layer code…").trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
    assert errors[0].startswith("broken_layers.py failed while loading: SyntaxError") and "\n" not in errors[0]
    assert w.graph.to_dict() == before and w.stack.count() == 0


@pytest.mark.slow  # the module imports Keras (TensorFlow starts)
def test_ok_loads_the_module_and_undo_restores_the_placeholder_exactly(custom_model, module, qtbot):
    w = custom_model
    before = w.graph.to_dict()
    seen: list[str] = []
    QTimer.singleShot(0, lambda: answer_warning("Load and run it", seen))
    menu_action(w, "File", "Load custom layer code…").trigger()
    assert len(seen) == 1
    node_id = w.graph.by_name("my_scale").id
    qtbot.waitUntil(lambda: w.graph.node(node_id).class_name == "MyScale", timeout=120_000)
    assert (module.parent / MARKER).exists()
    node = w.graph.node(node_id)
    assert node.params == {"factor": 3.0} and node.extra == {}
    assert w.stack.count() == 1 and w.stack.undoText() == "Use your layer classes from my_layers.py"
    assert "now uses your class MyScale" in w.statusBar().currentMessage()
    w.stack.undo()
    assert w.graph.to_dict() == before
    w.stack.redo()
    assert w.graph.node(node_id).class_name == "MyScale"


def test_a_model_without_custom_layers_has_no_code_to_load(window, monkeypatch):
    w = window
    told: list[str] = []
    w.files.info = lambda title, text: told.append(text)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: pytest.fail("no file asked")))
    menu_action(w, "File", "Load custom layer code…").trigger()
    assert told == ["This model has no layer of a class of your own (when a model file uses one, kbuilder keeps that "
                    "layer as a placeholder), so there is no code to load. Use this after opening a model saved with "
                    "your own layer classes."]
