import json

import pytest

from kbuilder.core.graph import Graph
from kbuilder.keras_io.build import build_model
from kbuilder.keras_io.shapes import ShapeInference
from kbuilder.keras_io.summary import format_summary, summarize
from kbuilder.layers.backend import keras


@pytest.fixture(scope="module")
def k():
    return keras()


def mlp():
    g = Graph(name="mlp")
    x = g.add_input((28, 28), name="image")
    f = g.add("Flatten", inputs=[x])
    d1 = g.add("Dense", inputs=[f], units=300, activation="relu")
    d2 = g.add("Dense", inputs=[d1], units=300, activation="relu")
    g.add("Dense", inputs=[d2], units=10, activation="softmax")
    return g


def siamese():
    g = Graph(name="siamese")
    a = g.add_input((None, 128), name="left")
    b = g.add_input((None, 128), name="right")
    lstm = g.add("LSTM", name="lstm", inputs=[a], units=32)
    again = g.share(lstm, inputs=[b], name="lstm_right")
    cat = g.add("Concatenate", inputs=[lstm, again])
    g.add("Dense", name="same", inputs=[cat], units=1, activation="sigmoid")
    return g


def convnet():
    g = Graph(name="conv")
    x = g.add_input((16, 16, 3), name="img")
    c = g.add("Conv2D", inputs=[x], filters=8, kernel_size=3)
    b = g.add("BatchNormalization", inputs=[c])
    r = g.add("Activation", inputs=[b], activation="relu")
    p = g.add("GlobalAveragePooling2D", inputs=[r])
    o1 = g.add("Dense", name="cls", inputs=[p], units=3, activation="softmax")
    o2 = g.add("Dense", name="box", inputs=[p], units=4)
    side = g.add("Dense", name="unused", inputs=[p], units=50)  # not an output: not in the model
    g.set_output(o1.id, True)
    g.set_output(o2.id, True)
    return g, side


@pytest.mark.parametrize("make", [mlp, siamese, lambda: convnet()[0]])
def test_totals_equal_keras(k, make):
    g = make()
    d = summarize(g)
    m = build_model(g)
    assert d["total_params"] == m.count_params()
    trainable = sum(int(w.numpy().size) for w in m.trainable_weights)
    assert d["trainable_params"] == trainable
    assert d["non_trainable_params"] == m.count_params() - trainable
    # one row per node; a sharing node is a second call of a layer Keras lists once
    sharers = {n.name for n in g.nodes if n.shared_with}
    assert sorted(r["name"] for r in d["layers"] if r["name"] not in sharers) == sorted(
        layer.name for layer in m.layers
    )
    shapes = {r["name"]: r["output_shape"] for r in d["layers"]}
    for layer in m.layers:
        assert shapes[layer.name] == list(layer.output.shape)
    json.dumps(d)


def test_shared_lstm_counts_once(k):
    d = summarize(siamese())
    assert d["total_params"] == 20_673
    rows = {r["name"]: r for r in d["layers"]}
    assert rows["lstm"]["params"] == 20_608 and rows["lstm_right"]["params"] == 0
    assert rows["concatenate"]["inbound"] == ["lstm", "lstm_right"]
    assert d["inputs"] == [{"name": "left", "shape": [None, None, 128]}, {"name": "right", "shape": [None, None, 128]}]
    assert d["outputs"] == [{"name": "same", "shape": [None, 1]}]


def test_exact_shape_and_batchnorm(k):
    g, side = convnet()
    d = summarize(g, ShapeInference(g))
    assert set(d) == {
        "name",
        "total_params",
        "trainable_params",
        "non_trainable_params",
        "inputs",
        "outputs",
        "layers",
    }
    assert set(d["layers"][0]) == {"name", "class_name", "output_shape", "params", "inbound"}
    assert d["non_trainable_params"] == 16  # moving mean and variance of 8 channels
    assert "unused" not in {r["name"] for r in d["layers"]}
    assert [o["name"] for o in d["outputs"]] == ["cls", "box"]
    bn = next(r for r in d["layers"] if r["class_name"] == "BatchNormalization")
    assert bn == {
        "name": "batch_normalization",
        "class_name": "BatchNormalization",
        "output_shape": [None, 14, 14, 8],
        "params": 32,
        "inbound": ["conv2d"],
    }


def test_summary_with_an_error_still_works(k):
    g = mlp()
    g.set_param(g.by_name("dense_1").id, "units", -3)
    d = summarize(g)
    rows = {r["name"]: r for r in d["layers"]}
    assert rows["dense_1"]["params"] is None and rows["dense_2"]["output_shape"] is None
    assert d["total_params"] == 235_500


def test_format_summary_looks_like_keras(k):
    text = format_summary(summarize(mlp()))
    lines = text.splitlines()
    assert lines[0] == 'Model: "mlp"'
    assert "Layer (type)" in lines[2] and "Output Shape" in lines[2] and "Param #" in lines[2]
    assert any(line.startswith("dense (Dense)") and "(None, 300)" in line and "235,500" in line for line in lines)
    assert lines[-3:] == ["Total params: 328,810", "Trainable params: 328,810", "Non-trainable params: 0"]
