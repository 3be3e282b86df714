import pytest

from kbuilder.core.graph import Graph, Node
from kbuilder.keras_io.build import BuildError, build_model, make_layer
from kbuilder.keras_io.error_words import explain_error
from kbuilder.layers.backend import keras


@pytest.fixture(scope="module")
def k():
    return keras()


def mlp():
    g = Graph(name="mnist_mlp")
    x = g.add_input((28, 28), name="image")
    f = g.add("Flatten", inputs=[x])
    d1 = g.add("Dense", inputs=[f], units=300, activation="relu")
    d2 = g.add("Dense", inputs=[d1], units=300, activation="relu")
    g.add("Dense", name="probs", inputs=[d2], units=10, activation="softmax")
    return g


def test_mlp_names_and_params(k):
    m = build_model(mlp())
    assert m.name == "mnist_mlp"
    assert [layer.name for layer in m.layers] == ["image", "flatten", "dense", "dense_1", "probs"]
    assert m.count_params() == 328_810
    assert tuple(m.output.shape) == (None, 10)


def test_make_layer_takes_serialised_values(k):
    g = Graph()
    d = g.add(
        "Dense",
        name="d",
        units=4,
        kernel_initializer={"module": "keras.initializers", "class_name": "Constant", "config": {"value": 0.5}},
    )
    layer = make_layer(g, d)
    assert layer.name == "d" and layer.units == 4
    assert isinstance(layer.kernel_initializer, k.initializers.Constant)


def test_inputs_outputs_in_graph_order_and_merge_port_order(k):
    g = Graph()
    a = g.add_input((3,), name="a")
    b = g.add_input((4,), name="b")
    cat = g.add("Concatenate", name="cat", inputs=[b, a])
    o1 = g.add("Dense", name="o1", inputs=[cat], units=2)
    o2 = g.add("Dense", name="o2", inputs=[a], units=1)
    g.set_output(o2.id, True)
    g.set_output(o1.id, True)
    m = build_model(g)
    assert [t.name for t in m.inputs] == ["a", "b"]
    assert [tuple(t.shape) for t in m.outputs] == [(None, 2), (None, 1)]  # graph order: o1 then o2
    # Concatenate received b first: its kernel rows are 4 + 3
    assert m.get_layer("o1").kernel.shape == (7, 2)


def test_shared_layer_calls_the_same_object(k):
    g = Graph()
    a = g.add_input((None, 128), name="left")
    b = g.add_input((None, 128), name="right")
    lstm = g.add("LSTM", name="lstm", inputs=[a], units=32)
    again = g.share(lstm, inputs=[b])
    cat = g.add("Concatenate", inputs=[lstm, again])
    g.add("Dense", inputs=[cat], units=1, activation="sigmoid")
    m = build_model(g)
    assert m.count_params() == 20_673
    assert sum(1 for layer in m.layers if layer.name == "lstm") == 1


def test_attention_layers_get_their_calling_convention(k):
    g = Graph()
    q = g.add_input((5, 8), name="q")
    v = g.add_input((6, 8), name="v")
    mha = g.add("MultiHeadAttention", name="mha", inputs=[q, v], num_heads=2, key_dim=4)
    att = g.add("Attention", name="att", inputs=[q, v])
    g.add("Add", inputs=[mha, att])
    m = build_model(g)
    assert tuple(m.output.shape) == (None, 5, 8)
    assert m.get_layer("mha").count_params() > 0


def test_multi_output_layer_src_port(k):
    g = Graph()
    x = g.add_input((5, 3), name="x")
    lstm = g.add("LSTM", name="lstm", inputs=[x], units=4, return_state=True)
    d = g.add("Dense", name="d", units=2)
    g.connect(lstm.id, d.id, 0, src_port=2)  # the cell state
    m = build_model(g)
    assert tuple(m.output.shape) == (None, 2)


def test_placeholder_cannot_be_built(k):
    g = mlp()
    last = g.by_name("probs")
    p = g.add_node(Node("Placeholder", "lam", extra={"config": {"class_name": "Lambda"}}))
    g.connect(last.id, p.id)
    with pytest.raises(BuildError) as err:
        build_model(g)
    assert err.value.node_id == p.id
    assert "cannot build" in err.value.message


def test_bad_parameter_is_a_build_error_on_its_node(k):
    g = mlp()
    d = g.by_name("dense_1")
    g.set_param(d.id, "units", 0)
    with pytest.raises(BuildError) as err:
        build_model(g)
    assert err.value.node_id == d.id
    assert err.value.message == "dense_1: units must be a positive whole number (got 0)."


def test_shape_error_is_a_build_error(k):
    g = Graph()
    x = g.add_input((784,), name="x")
    c = g.add("Conv2D", name="conv", inputs=[x], filters=3, kernel_size=3)
    with pytest.raises(BuildError) as err:
        build_model(g)
    assert err.value.node_id == c.id
    assert "Reshape" in err.value.message and "(None, 784)" in err.value.message


def test_structural_error_is_a_build_error(k):
    g = Graph()
    a = g.add_input((3,), name="a")
    g.add("Add", inputs=[a])
    with pytest.raises(BuildError, match="Add needs at least two inputs"):
        build_model(g)


@pytest.mark.parametrize(
    "make, cls, expected",
    [
        (
            lambda k: k.layers.Dense.from_config({"name": "d"}),
            "Dense",
            "Dense needs a value for units; set it in the inspector.",
        ),
        (
            lambda k: k.layers.Dense.from_config({"units": 3, "activation": "relux"}),
            "Dense",
            "'relux' is not a known activation; pick one from the list.",
        ),
        (
            lambda k: k.layers.Dropout.from_config({"rate": 1.5}),
            "Dropout",
            "rate must be a number between 0 and 1 (got 1.5).",
        ),
        (
            lambda k: k.layers.Conv2D.from_config({"filters": 0, "kernel_size": 3}),
            "Conv2D",
            "filters must be greater than zero (got 0).",
        ),
        (
            lambda k: k.layers.Reshape((5, 5))(k.KerasTensor((None, 784))),
            "Reshape",
            "Reshape cannot turn (784,) (784 values) into (5, 5) (25 values); the number of values must stay the same.",
        ),
    ],
)
def test_error_translation_table(k, make, cls, expected):
    with pytest.raises(Exception) as err:
        make(k)
    assert explain_error(err.value, cls) == expected


def test_unknown_error_falls_back_to_first_line(k):
    assert explain_error(ValueError("Something odd.\nMore detail"), "Dense") == "Something odd."
