"""Keras 2 configs -> Keras 3 graphs, config by config (no files)."""

from __future__ import annotations

import pytest

from kbuilder.keras_io.build import build_model
from kbuilder.keras_io.from_config import graph_from_config
from kbuilder.keras_io.legacy import LegacyError, translate


def _layer(cls, name, inbound=None, **cfg):
    entry = {"class_name": cls, "config": {"name": name, **cfg}, "name": name}
    entry["inbound_nodes"] = [] if inbound is None else [[[src, 0, 0, {}] for src in inbound]]
    return entry


def _functional(layers, inputs, outputs):
    return {"class_name": "Functional", "config": {
        "name": "m", "layers": layers,
        "input_layers": [[n, 0, 0] for n in inputs], "output_layers": [[n, 0, 0] for n in outputs]}}


def _input(name, shape):
    return {"class_name": "InputLayer", "name": name, "inbound_nodes": [],
            "config": {"batch_input_shape": [None, *shape], "dtype": "float32", "sparse": False,
                       "ragged": False, "name": name}}


def _graph(config, version="2.15.0"):
    tr = translate(config, version)
    return tr, graph_from_config(tr.config)


def test_keras2_lstm_time_major_and_implementation():
    config = _functional(
        [_input("x", [5, 3]),
         _layer("LSTM", "lstm", ["x"], units=4, time_major=False, implementation=2, return_sequences=False),
         _layer("Dense", "out", ["lstm"], units=1)],
        ["x"], ["out"])
    tr, result = _graph(config)
    lstm = result.graph.by_name("lstm")
    assert "time_major" not in lstm.params and "implementation" not in lstm.params
    assert any("time_major" in n for n in tr.notes)
    model = build_model(result.graph)
    assert model.count_params() == 4 * (4 * (3 + 4 + 1)) + 5


def test_time_major_true_is_flagged():
    config = _functional([_input("x", [5, 3]), _layer("GRU", "gru", ["x"], units=2, time_major=True)], ["x"], ["gru"])
    tr, _ = _graph(config)
    assert any("time_major=True" in n and "transpose" in n for n in tr.notes)


def test_groups_dropped_where_keras3_has_none():
    config = _functional(
        [_input("x", [8, 8, 3]),
         _layer("DepthwiseConv2D", "dw", ["x"], kernel_size=[3, 3], groups=1),
         _layer("Conv2DTranspose", "tr", ["dw"], filters=2, kernel_size=[3, 3], groups=1),
         _layer("SeparableConv2D", "sep", ["tr"], filters=2, kernel_size=[3, 3], groups=1,
                kernel_initializer="glorot_uniform"),
         _layer("Conv2D", "conv", ["sep"], filters=4, kernel_size=[1, 1], groups=2)],
        ["x"], ["conv"])
    tr, result = _graph(config)
    g = result.graph
    for name in ("dw", "tr", "sep"):
        assert "groups" not in g.by_name(name).params
    assert g.by_name("conv").params["groups"] == 2  # Conv2D keeps its groups
    assert not any("kernel_initializer" in n for n in tr.notes)  # never used by Keras 2 either
    build_model(g)


def test_legacy_identifiers_and_renamed_arguments():
    config = _functional(
        [_input("x", [6]),
         _layer("Dense", "a", ["x"], units=4, kernel_initializer="normal", bias_initializer="zero",
                kernel_constraint="maxnorm", kernel_regularizer="l1_l2",
                bias_constraint={"class_name": "NonNeg", "config": {}}),
         _layer("Dense", "b", ["a"], units=4,
                kernel_initializer={"class_name": "VarianceScaling",
                                    "config": {"scale": 2.0, "mode": "fan_in", "distribution": "normal", "seed": None}}),
         _layer("LeakyReLU", "leaky", ["b"], alpha=0.2),
         _layer("ThresholdedReLU", "thr", ["leaky"], theta=0.5),
         _layer("BatchNormalization", "bn", ["thr"], axis=[1], fused=None, momentum=0.9)],
        ["x"], ["bn"])
    tr, result = _graph(config)
    g = result.graph
    a = g.by_name("a").params
    assert a["kernel_initializer"] == "random_normal" and a["kernel_constraint"] == "max_norm"
    assert a["kernel_regularizer"]["class_name"] == "L1L2"
    assert g.by_name("leaky").params.get("negative_slope") == 0.2
    assert g.by_name("thr").class_name == "ReLU" and g.by_name("thr").params["threshold"] == 0.5
    assert g.by_name("bn").params.get("axis") == 1
    build_model(g)


def test_old_module_paths():
    config = _functional(
        [dict(_input("x", [3]), module="tf_keras.layers"),
         dict(_layer("Dense", "d", ["x"], units=2), module="tf_keras.src.layers.core.dense")],
        ["x"], ["d"])
    config["module"] = "keras.src.engine.functional"
    _, result = _graph(config)
    assert result.graph.by_name("d").class_name == "Dense"


def test_sequential_without_input_layer():
    config = {"class_name": "Sequential", "config": [  # Keras 2.0-2.2: the layer list itself
        {"class_name": "Dense", "config": {"name": "d1", "units": 5, "batch_input_shape": [None, 7]}},
        {"class_name": "Dropout", "config": {"name": "drop", "rate": 0.5}},
        {"class_name": "Dense", "config": {"name": "d2", "units": 1}}]}
    _, result = _graph(config, "2.2.4")
    g = result.graph
    assert [n.params["shape"] for n in g.inputs()] == [[7]]
    assert build_model(g).count_params() == 7 * 5 + 5 + 5 + 1


def test_nested_sequential_without_input_is_unpacked():
    enc = {"class_name": "Sequential", "name": "enc", "inbound_nodes": [[["x", 0, 0, {}]], [["y", 0, 0, {}]]],
           "config": {"name": "enc", "layers": [
               {"class_name": "Dense", "config": {"name": "dense", "units": 3}},
               {"class_name": "Dense", "config": {"name": "inner", "units": 2}}]}}
    config = _functional(
        [_input("x", [4]), _input("y", [4]), enc,
         {**_layer("Concatenate", "cat"), "inbound_nodes": [[["enc", 0, 0, {}], ["enc", 1, 0, {}]]]},
         _layer("Dense", "dense", ["cat"], units=1)],
        ["x", "y"], ["dense"])
    tr, result = _graph(config)
    g = result.graph
    # The inner "dense" clashes with the outer one: renamed, and called twice (shared).
    assert g.by_name("enc_dense").class_name == "Dense"
    assert len(g.sharers(g.by_name("enc_dense").id)) == 1
    assert [p.flat_name for p in tr.places if p.scope == ("enc",)] == ["enc_dense", "inner"]
    cat = g.by_name("cat")
    assert [s.name for s in g.predecessors(cat.id)] == ["inner", "inner_shared"]
    assert build_model(g).count_params() == (4 * 3 + 3) + (3 * 2 + 2) + (4 + 1)


def test_wrappers_translate_their_inner_layer():
    inner = {"class_name": "LSTM", "config": {"name": "lstm", "units": 3, "time_major": False,
                                               "implementation": 1, "return_sequences": True}}
    config = _functional(
        [_input("x", [5, 2]),
         _layer("Bidirectional", "bi", ["x"], layer=inner, merge_mode="concat"),
         _layer("TimeDistributed", "td", ["bi"], layer={"class_name": "Dense", "config": {"name": "d", "units": 1}})],
        ["x"], ["td"])
    _, result = _graph(config)
    bi = result.graph.by_name("bi").params["layer"]
    assert "time_major" not in bi["config"] and bi["module"] == "keras.layers"
    build_model(result.graph)


def test_placeholders_for_code_layers():
    config = _functional(
        [_input("x", [3]),
         _layer("Lambda", "lam", ["x"], function=["4wEAAAAAAAAA", None, None], function_type="lambda"),
         {**_layer("TFOpLambda", "tf.math.multiply", function="math.multiply"),
          "inbound_nodes": [["lam", 0, 0, {"y": 2.0, "name": None}]]},
         {**_layer("TFOpLambda", "tf.math.reduce_mean", function="math.reduce_mean"),
          "inbound_nodes": [["tf.math.multiply", 0, 0, {"axis": 1, "name": None}]]},
         _layer("Dense", "d", ["tf.math.reduce_mean"], units=2)],
        ["x"], ["d"])
    tr, result = _graph(config)
    g = result.graph
    assert g.by_name("lam").is_placeholder and g.by_name("d").class_name == "Dense"
    # x * 2.0 has a Keras 3 layer (issue 15); a mean over an axis stays a placeholder that shows its call.
    assert g.by_name("tf.math.multiply").class_name == "Rescaling"
    assert g.by_name("tf.math.multiply").params == {"scale": 2.0}
    assert any("tf.math.multiply" in n and "Rescaling" in n for n in tr.notes)
    mean = g.by_name("tf.math.reduce_mean")
    assert mean.is_placeholder and mean.extra["config"]["call"] == "tf.math.reduce_mean(tf.math.multiply, axis=1)"


def test_unreadable_versions_and_models():
    dense = _functional([_input("x", [3]), _layer("Dense", "d", ["x"], units=2)], ["x"], ["d"])
    with pytest.raises(LegacyError, match="too old"):
        translate(dense, "1.2.2")
    with pytest.raises(LegacyError, match="newer"):
        translate(dense, "4.0.0")
    with pytest.raises(LegacyError, match="subclass"):
        translate({"class_name": "MyNet", "config": {}}, "2.15.0")


def test_weight_paths_follow_keras_saving_order():
    config = _functional(
        [_input("x", [3]), _layer("Dense", "first", ["x"], units=2), _layer("Dense", "second", ["first"], units=2),
         _layer("LSTM", "rnn", ["second"], units=2)],
        ["x"], ["rnn"])
    tr = translate(config, "3.15.1")
    assert {p.name: p.keras_path for p in tr.places} == {
        "first": "layers/dense", "second": "layers/dense_1", "rnn": "layers/lstm"}


def test_slashes_in_layer_names_are_renamed():
    """Keras 2's applications name layers ``conv1/conv``; Keras 3 refuses '/'."""
    config = _functional(
        [_input("x", [8, 8, 3]),
         _layer("Conv2D", "conv1/conv", ["x"], filters=2, kernel_size=[3, 3]),
         _layer("BatchNormalization", "conv1/bn", ["conv1/conv"], axis=[3]),
         _layer("Flatten", "conv1_bn", ["conv1/bn"])],
        ["x"], ["conv1_bn"])
    tr, result = _graph(config)
    g = result.graph
    assert {n.name for n in g.nodes} == {"x", "conv1_conv", "conv1_bn_1", "conv1_bn"}
    assert {p.name: p.flat_name for p in tr.places}["conv1/bn"] == "conv1_bn_1"
    assert any("'/'" in n for n in tr.notes)
    build_model(g)


def test_rescaling_with_default_offset_builds():
    """EfficientNet's Rescaling(scale=1/255): Keras 3's from_config needs the offset."""
    config = _functional(
        [_input("x", [4, 4, 3]), _layer("Rescaling", "rescaling", ["x"], scale=1 / 255, offset=0.0)], ["x"], ["rescaling"])
    _, result = _graph(config)
    assert "offset" not in result.graph.by_name("rescaling").params  # a default, left out
    build_model(result.graph)


def test_old_sequential_starting_with_embedding():
    """Keras 2.0: Embedding(1000, 8, input_length=10) first, no input shape:
    the length comes from input_length, not from input_dim (the vocabulary)."""
    config = {"class_name": "Sequential", "config": [
        {"class_name": "Embedding", "config": {"name": "emb", "input_dim": 1000, "output_dim": 8, "input_length": 10}},
        {"class_name": "Flatten", "config": {"name": "flat"}},
        {"class_name": "Dense", "config": {"name": "out", "units": 1}}]}
    _, result = _graph(config, "2.0.8")
    assert [n.params["shape"] for n in result.graph.inputs()] == [[10]]
    assert build_model(result.graph).count_params() == 1000 * 8 + 10 * 8 + 1
