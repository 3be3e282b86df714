"""Raw TensorFlow calls of Keras 2 models (TFOpLambda) become built-in
Keras 3 layers that predict what Keras 2 did; the others stay placeholders
that show their call and arguments."""

from __future__ import annotations

import json

import numpy as np
import pytest

from kbuilder.keras_io import model_file
from kbuilder.keras_io.codegen import export_code
from kbuilder.keras_io.importing import graph_from_json
from kbuilder.keras_io.legacy import translate
from kbuilder.keras_io.tf_ops import translate_tf_ops
from kbuilder.keras_io.unnest import _Notes
from kbuilder.layers.backend import keras
from kbuilder.project import saving

TRANSLATED = {
    "Activation",
    "Softmax",
    "LeakyReLU",
    "Add",
    "Subtract",
    "Multiply",
    "Maximum",
    "Minimum",
    "Rescaling",
    "Concatenate",
    "Reshape",
    "Permute",
}


def predict(model, xs):
    ys = model.predict(xs if len(xs) > 1 else xs[0], verbose=0)
    return ys if isinstance(ys, list) else [ys]


@pytest.mark.slow
def test_every_supported_operation_predicts_as_keras_2_did(issue15_files, tmp_path):
    path = issue15_files.path("tfops")
    xs, expected = issue15_files.io("tfops")
    result = model_file.open_model_file(path)
    graph = result.graph
    assert not [n.name for n in graph.nodes if n.is_placeholder]
    ops = [n for n in graph.nodes if n.name.startswith("tf.")]
    assert {n.class_name for n in ops} == TRANSLATED, sorted({n.class_name for n in ops})
    # Each translation says so (grouped per operation).
    for function in (
        "tf.nn.relu",
        "tf.concat",
        "tf.reshape",
        "tf.compat.v1.transpose",
        "tf.expand_dims",
        "tf.math.multiply",
        "tf.__operators__.add",
        "tf.math.negative",
        "tf.nn.leaky_relu",
    ):
        assert any(f"raw TensorFlow call {function}," in n and "became" in n for n in result.notes), function
    assert graph.by_name("tf.expand_dims").params == {"target_shape": [4, 3, 1]}
    assert graph.by_name("tf.compat.v1.transpose").params == {"dims": [2, 1]}
    model, notes = model_file.build_with_weights(graph, result.weights)
    assert not notes
    for got, want in zip(predict(model, xs), expected, strict=True):
        np.testing.assert_allclose(got, want, atol=1e-5, rtol=0)
    # And through a .keras file that Keras 3 loads by itself (Rescaling saves in .keras).
    saving.convert(path, tmp_path / "tfops.keras")
    loaded = keras().saving.load_model(tmp_path / "tfops.keras")
    for got, want in zip(predict(loaded, xs), expected, strict=True):
        np.testing.assert_allclose(got, want, atol=1e-5, rtol=0)
    assert "layers.Rescaling(" in export_code(graph)


@pytest.mark.slow
def test_operations_without_a_keras_layer_show_their_call(issue15_files):
    result = model_file.open_model_file(issue15_files.folder / "tfops_partial.h5")
    g = result.graph
    mean = g.by_name("tf.math.reduce_mean")
    assert mean.is_placeholder
    assert mean.extra["config"]["call"] == "tf.math.reduce_mean(tf.expand_dims_2, axis=1)"
    assert mean.extra["config"]["call_arguments"] == {"axis": 1}
    assert g.by_name("tf.__operators__.getitem").extra["config"]["call"] == "d[:, 1:3]"
    assert g.by_name("tf.expand_dims_2").class_name == "Reshape"  # resolved from the shape Keras infers
    note = next(n for n in result.notes if "tf.math.reduce_mean(" in n)
    assert "never runs" in note and "axis=1" in note
    code = export_code(g)
    compile(code, "exported.py", "exec")
    assert '# It was the TensorFlow call "tf.math.reduce_mean(tf.expand_dims_2, axis=1)".' in code


# ------------------------------------------------------------ hand-made calls
def _ref(name):
    return [name, 0, 0]


def _op(name, function, node, build_shape=None):
    entry = {
        "class_name": "TFOpLambda",
        "name": name,
        "inbound_nodes": [node],
        "config": {"name": name, "trainable": True, "dtype": "float32", "function": function},
    }
    if build_shape is not None:
        entry["build_config"] = {"input_shape": build_shape}
    return entry


def _translated(*entries):
    body = {"layers": [json.loads(json.dumps(e)) for e in entries]}
    notes = _Notes()
    translate_tf_ops(body, notes)
    return [(e["class_name"], e["config"]) for e in body["layers"]], notes.render()


CASES = [
    (
        "constant first",
        _op("m", "math.multiply", ["_CONSTANT_VALUE", -1, 3.0, {"y": _ref("x"), "name": None}]),
        "Rescaling",
        {"scale": 3.0, "offset": 0.0},
    ),
    (
        "constant minus x",
        _op("s", "math.subtract", ["_CONSTANT_VALUE", -1, 1.0, {"y": _ref("x")}]),
        "Rescaling",
        {"scale": -1.0, "offset": 1.0},
    ),
    ("x minus constant", _op("s", "math.subtract", ["x", 0, 0, {"y": 2}]), "Rescaling", {"scale": 1.0, "offset": -2.0}),
    ("x over constant", _op("d", "math.truediv", ["x", 0, 0, {"y": 4.0}]), "Rescaling", {"scale": 0.25, "offset": 0.0}),
    ("softmax axis", _op("sm", "nn.softmax", ["x", 0, 0, {"axis": 1}]), "Softmax", {"axis": 1}),
    ("leaky", _op("l", "nn.leaky_relu", ["x", 0, 0, {"alpha": 0.1}]), "LeakyReLU", {"negative_slope": 0.1}),
    ("reshape", _op("r", "reshape", ["x", 0, 0, {"shape": [None, 2, -1]}]), "Reshape", {"target_shape": [2, -1]}),
    (
        "expand with shape",
        _op("e", "expand_dims", ["x", 0, 0, {"axis": 1}], [None, 5]),
        "Reshape",
        {"target_shape": [1, 5]},
    ),
    ("concat", _op("c", "concat", [[*_ref("a"), {"axis": 2}], [*_ref("b"), {"axis": 2}]]), "Concatenate", {"axis": 2}),
]


@pytest.mark.parametrize(("entry", "cls", "config"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_translations(entry, cls, config):
    [(got_cls, got_cfg)], notes = _translated(entry)
    assert got_cls == cls and {k: v for k, v in got_cfg.items() if k not in ("name", "dtype")} == config
    assert len(notes) == 1 and "TFOpLambda" in notes[0]


UNTRANSLATED = [
    ("fixed batch", _op("r", "reshape", ["x", 0, 0, {"shape": [32, 4]}])),
    ("batch moved", _op("t", "transpose", ["x", 0, 0, {"perm": [1, 0, 2]}])),
    ("all axes reversed", _op("t", "transpose", ["x", 0, 0, {}])),
    ("concat on the batch", _op("c", "concat", [[*_ref("a"), {"axis": 0}], [*_ref("b"), {"axis": 0}]])),
    ("constant over x", _op("d", "math.truediv", ["_CONSTANT_VALUE", -1, 1.0, {"y": _ref("x")}])),
    ("approximate gelu", _op("g", "nn.gelu", ["x", 0, 0, {"approximate": True}])),
    ("tensor constant", _op("m", "math.multiply", ["x", 0, 0, {"y": "oops"}])),
    ("unknown function", _op("u", "math.reduce_max", ["x", 0, 0, {"axis": -1}])),
    ("expand without shape", _op("e", "expand_dims", ["x", 0, 0, {"axis": 2}])),
]


@pytest.mark.parametrize("entry", [c[1] for c in UNTRANSLATED], ids=[c[0] for c in UNTRANSLATED])
def test_what_has_no_keras_layer_stays_and_is_described(entry):
    [(cls, cfg)], notes = _translated(entry)
    assert cls == "TFOpLambda" and not notes
    assert cfg["call"].startswith(f"tf.{cfg['function']}(") and "x" in cfg["call"], cfg["call"]
    assert isinstance(cfg["call_arguments"], dict)


def test_keras_2_json_text_is_translated_too():
    x = {
        "class_name": "InputLayer",
        "name": "x",
        "inbound_nodes": [],
        "config": {"batch_input_shape": [None, 3], "dtype": "float32", "name": "x"},
    }
    relu = _op("tf.nn.relu", "nn.relu", ["x", 0, 0, {"name": None}])
    relu["inbound_nodes"] = [["x", 0, 0, {"name": None}]]
    config = {
        "class_name": "Functional",
        "config": {
            "name": "m",
            "layers": [x, relu],
            "input_layers": [["x", 0, 0]],
            "output_layers": [["tf.nn.relu", 0, 0]],
        },
    }
    result = graph_from_json(json.dumps(config))
    assert result.graph.by_name("tf.nn.relu").class_name == "Activation"
    assert any("became Activation('relu')" in n for n in result.notes)
    tr = translate(config, "2.15.0")
    assert tr.config["config"]["layers"][1]["class_name"] == "Activation"
