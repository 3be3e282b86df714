"""An imported model's weights survive saving the project in the app:
they go beside the .kbproj and come back when it is reopened."""

from __future__ import annotations

import json

import numpy as np

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
    assert (tmp_path / "net.weights.h5").exists()
    assert json.loads(path.read_text())["weights_file"] == "net.weights.h5"

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

    from kbuilder.keras_io.backend import keras

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
