"""Custom layer classes and Keras 2 ``to_json()`` text.

A class Keras does not know is a placeholder that keeps (and shows) its
saved settings; the exported code declares a stub class of that name; the
user's own module is loaded only by an explicit call, and then the layer is
built with the file's weights.  ``to_json()`` text with a nested model is
wired as the same model's ``.h5`` is."""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest

from kbuilder.core.graph import PLACEHOLDER, Graph, Node
from kbuilder.keras_io import custom_code, model_file
from kbuilder.keras_io.build import build_model
from kbuilder.keras_io.codegen import export_code
from kbuilder.keras_io.importing import graph_from_json
from kbuilder.layers.allowed import custom_layer_class
from kbuilder.project import saving

MY_LAYERS = """
import keras


class MyScale(keras.layers.Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def build(self, input_shape):
        self.scale = self.add_weight(name="scale", shape=(input_shape[-1],), initializer="ones")

    def call(self, x):
        return x * self.scale * self.factor

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}
"""


def wiring(graph: Graph) -> list[tuple[str, str, int, int]]:
    return sorted((graph.node(e.src).name, graph.node(e.dst).name, e.dst_port, e.src_port) for e in graph.edges)


@pytest.mark.slow
def test_a_custom_layer_keeps_its_settings_and_exports_a_stub_class(issue15_files, tmp_path):
    result = model_file.open_model_file(issue15_files.path("custom"))
    node = result.graph.by_name("my_scale")
    assert node.is_placeholder and custom_layer_class(node) == "MyScale"
    assert node.extra["config"]["factor"] == 3.0
    assert any("'my_scale' (MyScale)" in n and "Its saved settings are kept: factor=3.0." in n for n in result.notes)
    assert "my_scale" in result.weights  # kept for when the class is there
    for style in ("functional", "subclass"):
        code = export_code(result.graph, style)
        compile(code, "exported.py", "exec")
        assert "class MyScale(keras.layers.Layer):" in code and "def get_config(self):" in code
        assert 'MyScale(factor=3.0, name="my_scale")' in code
    space: dict = {}
    exec(compile(export_code(result.graph), "exported.py", "exec"), space)  # noqa: S102 - our own export
    layer = space["MyScale"](factor=3.0, name="s")
    assert layer.get_config()["factor"] == 3.0
    with pytest.raises(NotImplementedError, match="MyScale.call"):
        space["build_model"]()
    # Saving as a Keras file still needs the user's code.
    with pytest.raises(model_file.ModelFileError, match="your own code"):
        saving.convert(issue15_files.path("custom"), tmp_path / "c.keras")


@pytest.mark.slow
def test_the_users_module_loads_only_when_asked_and_then_builds_with_the_weights(issue15_files, tmp_path):
    module = tmp_path / "my_layers.py"
    module.write_text(MY_LAYERS)
    result = model_file.open_model_file(issue15_files.path("custom"))
    assert not [m for m in sys.modules if m.startswith("kbuilder_user_my_layers")]  # opening loads nothing
    assert "runs the Python code in it" in custom_code.warning_for(module)
    classes = custom_code.load_user_module(module)
    assert list(classes) == ["MyScale"]
    notes = custom_code.use_custom_classes(result.graph, classes)
    assert notes == ["'my_scale' now uses your class MyScale with the settings the file saved."]
    node = result.graph.by_name("my_scale")
    assert node.class_name == "MyScale" and node.params == {"factor": 3.0}
    model, wnotes = model_file.build_with_weights(result.graph, result.weights)
    assert not wnotes
    xs, expected = issue15_files.io("custom")
    np.testing.assert_allclose(model.predict(xs[0], verbose=0), expected[0], atol=1e-5)
    code = export_code(result.graph)
    assert "from my_layers import MyScale" in code and "layers.MyScale" not in code
    sys.path.insert(0, str(tmp_path))
    try:
        space: dict = {}
        exec(compile(code, "exported.py", "exec"), space)  # noqa: S102 - our own export
        assert space["build_model"]().count_params() == model.count_params()
    finally:
        sys.path.remove(str(tmp_path))


def test_a_module_that_fails_or_has_no_layer_is_one_sentence(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("raise RuntimeError('no')\n")
    with pytest.raises(custom_code.CustomCodeError, match="failed while loading: RuntimeError: no"):
        custom_code.load_user_module(broken)
    empty = tmp_path / "empty_mod.py"
    empty.write_text("X = 1\n")
    with pytest.raises(custom_code.CustomCodeError, match="defines no Keras layer class"):
        custom_code.load_user_module(empty)
    with pytest.raises(custom_code.CustomCodeError, match="not a Python file"):
        custom_code.load_user_module(tmp_path / "x.txt")


def test_stub_classes_are_valid_python_whatever_the_settings():
    g = Graph("odd")
    x = g.add_input((4,), name="x")
    cfg = {"name": "a", "units": 3, "class": 1, "odd key": [1, 2], "self": 0, "input": {"k": None}}
    a = g.add_node(Node(PLACEHOLDER, "a", extra={"config": cfg, "original_class": "Dense2"}))
    b = g.add_node(Node(PLACEHOLDER, "keras", extra={"config": {"name": "keras"}, "original_class": "keras"}))
    c = g.add_node(Node(PLACEHOLDER, "c", extra={"config": {"units": 5}, "original_class": "Dense2"}))
    g.connect(x.id, a.id)
    g.connect(a.id, b.id)
    g.connect(b.id, c.id)
    for style in ("functional", "sequential", "subclass"):
        code = export_code(g, style)
        compile(code, "exported.py", "exec")
        assert code.count("class Dense2(keras.layers.Layer):") == 1
        assert "class kerasLayer(keras.layers.Layer):" in code
        assert 'Left out (not a Python argument name): the setting "odd key"' in code


# --------------------------------------------------------------- to_json text
@pytest.mark.slow
def test_keras_2_json_with_a_nested_model_is_wired_as_its_h5(issue15_files):
    text = issue15_files.path("nested_json").read_text()
    from_text = graph_from_json(text)
    from_file = model_file.open_model_file(issue15_files.manifest["nested_json"]["h5"])
    assert wiring(from_text.graph) == wiring(from_file.graph)
    assert not [n for n in from_text.notes if "not in the file" in n]
    assert any("nested model 'block' was unpacked" in n for n in from_text.notes)
    model = build_model(from_text.graph)
    model_file.apply_weights(model, from_file.weights)
    xs, expected = issue15_files.io("nested_json")
    np.testing.assert_allclose(model.predict(xs, verbose=0), expected[0], atol=1e-5)
    assert {n.extra.get("group") for n in from_text.graph.nodes if n.name.startswith("dense")} == {"block"}


def test_keras_2_json_nested_model_references_count_its_construction():
    """Keras 2 counts a nested model built from an Input as called once
    already: the outer model refers to its first real call as node 1."""
    inner = {
        "class_name": "Functional",
        "name": "inner",
        "config": {
            "name": "inner",
            "layers": [
                {
                    "class_name": "InputLayer",
                    "name": "i",
                    "inbound_nodes": [],
                    "config": {"batch_input_shape": [None, 3], "dtype": "float32", "name": "i"},
                },
                {
                    "class_name": "Dense",
                    "name": "d",
                    "inbound_nodes": [[["i", 0, 0, {}]]],
                    "config": {"name": "d", "units": 2},
                },
            ],
            "input_layers": [["i", 0, 0]],
            "output_layers": [["d", 0, 0]],
        },
        "inbound_nodes": [[["x", 0, 0, {}]]],
    }
    outer = {
        "class_name": "Functional",
        "config": {
            "name": "outer",
            "layers": [
                {
                    "class_name": "InputLayer",
                    "name": "x",
                    "inbound_nodes": [],
                    "config": {"batch_input_shape": [None, 3], "dtype": "float32", "name": "x"},
                },
                inner,
                {
                    "class_name": "Dense",
                    "name": "out",
                    "inbound_nodes": [[["inner", 1, 0, {}]]],
                    "config": {"name": "out", "units": 1},
                },
            ],
            "input_layers": [["x", 0, 0]],
            "output_layers": [["out", 0, 0]],
        },
    }
    result = graph_from_json(json.dumps(outer))
    assert wiring(result.graph) == [("d", "out", 0, 0), ("x", "d", 0, 0)]
