"""An imported model's weights survive saving the project in the app:
they go beside the .kbproj and come back when it is reopened."""

from __future__ import annotations

import json

import numpy as np
import pytest
from ui_window_helpers import click_mode

from kbuilder.core.graph import Graph
from kbuilder.project import kbproj


def test_save_keeps_imported_weights(window, tmp_path):
    w = window
    g = Graph(name="net")
    x = g.add_input((3,), name="x")
    g.add("Dense", name="a", inputs=[x], units=2)
    weights = {"a": [np.arange(6, dtype=np.float32).reshape(3, 2), np.ones(2, np.float32)]}
    w.files.set_project(kbproj.Project(graph=g), None, "net", weights=weights)

    path = tmp_path / "net.kbproj"
    assert w.files.save_to(path)
    named = json.loads(path.read_text())["weights_file"]  # a generation saved as one unit with the project
    assert named.startswith("net.weights-") and (tmp_path / named).exists()

    w.files.set_project(kbproj.Project(graph=Graph()), None, "empty")
    assert w.files.open_path(path)
    np.testing.assert_array_equal(w.files.weights["a"][0], weights["a"][0])


def test_export_model_carries_imported_weights(window, qtbot, tmp_path):
    w = window
    g = Graph(name="net")
    x = g.add_input((3,), name="x")
    g.add("Dense", name="a", inputs=[x], units=2)
    weights = {"a": [np.arange(6, dtype=np.float32).reshape(3, 2), np.ones(2, np.float32)]}
    w.files.set_project(kbproj.Project(graph=g), None, "net", weights=weights)
    path = tmp_path / "net.keras"
    assert w.exporter.export_model(str(path))
    qtbot.waitUntil(path.exists, timeout=60000)

    from kbuilder.layers.backend import keras

    model = keras().models.load_model(path)
    np.testing.assert_array_equal(model.get_layer("a").get_weights()[0], weights["a"][0])


def test_weights_follow_a_renamed_layer(window, tmp_path):
    w = window
    g = Graph(name="net")
    x = g.add_input((3,), name="x")
    g.add("Dense", name="a", inputs=[x], units=2)
    weights = {"a": [np.zeros((3, 2), np.float32), np.ones(2, np.float32)]}
    w.files.set_project(kbproj.Project(graph=g), None, "net", weights=weights)
    w.graph.rename(w.graph.by_name("a").id, "renamed")
    assert list(w.files.weights) == ["renamed"]


@pytest.mark.slow
def test_opened_h5_evaluates_and_trains_from_its_weights(window, qtbot, tmp_path):
    """Open a trained .h5: the training panel offers its weights, Evaluate
    measures them before any training (the same figures as when it was
    trained), and a model without weights hides the choice again."""
    from PySide6.QtCore import Qt

    from kbuilder.training.config import DataConfig, TrainConfig
    from kbuilder.training.session import TrainingSession

    g = Graph(name="digits")
    x = g.add_input((64,), name="pixels")
    h = g.add("Dense", inputs=[x], units=16, activation="relu")
    g.add("Dense", name="digit", inputs=[h], units=10, activation="softmax")
    cfg = TrainConfig(epochs=3, batch_size=32)
    cfg.data = DataConfig(source="sklearn", name="digits")
    trained = TrainingSession(g, cfg)
    trained.fit()
    h5 = trained.save(tmp_path / "digits.h5")
    accuracy = trained.result.test_metrics["accuracy"]

    w = window
    assert w.files.open_path(h5, ask=False)
    qtbot.waitUntil(lambda: w.files.weights is not None and "training" in w.panels, timeout=60_000)
    click_mode(qtbot, w, "Train")
    panel = w.panels["training"]
    qtbot.waitUntil(lambda: not panel.from_weights.isHidden(), timeout=5_000)
    assert panel.from_weights.isChecked()
    assert panel.evaluate_button.isEnabled()  # nothing trained yet, but the file's weights can be measured

    qtbot.mouseClick(panel.evaluate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.worker is not None, timeout=5_000)
    qtbot.waitUntil(lambda: not panel.busy and "Test:" in panel.results.metrics.text(), timeout=120_000)
    assert f"accuracy <b>{accuracy:.4f}</b>" in panel.results.metrics.text()
    assert "Started from the saved weights (2 of 2 layers with weights)." in panel.messages.toPlainText()

    # Unticked, Train starts from fresh weights and says nothing of the file.
    qtbot.mouseClick(panel.from_weights, Qt.MouseButton.LeftButton)
    assert not panel.from_weights.isChecked()
    assert panel._new_session().initial_weights is None

    # A model without weights: the choice goes away.
    w.files.set_project(kbproj.Project(graph=Graph(name="empty")), None, "empty")
    qtbot.waitUntil(lambda: panel.from_weights.isHidden(), timeout=5_000)


def test_weights_made_for_another_model_are_not_saved_with_it(window, tmp_path):
    """Saving after an edit that changed the layers must not pair the model
    with weights made for the old one (reopened, they would not fit)."""
    w = window
    g = Graph(name="net")
    x = g.add_input((3,), name="x")
    g.add("Dense", name="a", inputs=[x], units=2)
    weights = {"a": [np.zeros((3, 2), np.float32), np.ones(2, np.float32)]}
    w.files.set_project(kbproj.Project(graph=g), None, "net", weights=weights)
    messages: list[str] = []
    w.files.message.connect(messages.append)

    w.graph.rename(w.graph.by_name("a").id, "renamed")  # a rename keeps them
    path = tmp_path / "net.kbproj"
    assert w.files.save_to(path)
    assert json.loads(path.read_text())["weights_file"] and messages[-1] == "Saved net.kbproj"

    w.graph.set_param(w.graph.by_name("renamed").id, "units", 16)  # new shapes: they no longer fit
    assert w.files.save_to(path)
    assert json.loads(path.read_text()).get("weights_file") is None
    assert "without the trained weights" in messages[-1]
    assert w.files.open_path(path) and w.files.weights is None
