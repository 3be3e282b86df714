import threading

import pytest

from kbuilder.core.graph import Graph
from kbuilder.keras_io.build import build_model
from kbuilder.keras_io.shapes import ShapeInference
from kbuilder.layers.backend import keras


@pytest.fixture(scope="module")
def k():
    return keras()


def mlp():
    g = Graph()
    x = g.add_input((28, 28), name="image")
    f = g.add("Flatten", inputs=[x])
    d1 = g.add("Dense", inputs=[f], units=300, activation="relu")
    d2 = g.add("Dense", inputs=[d1], units=300, activation="relu")
    g.add("Dense", inputs=[d2], units=10, activation="softmax")
    return g


def text_question():
    g = Graph()
    infos = []
    for name in ("text", "question"):
        x = g.add_input((None,), name=name, dtype="int32")
        e = g.add("Embedding", name=f"{name}_embedding", inputs=[x], input_dim=10000, output_dim=64)
        infos.append(g.add("LSTM", name=f"{name}_lstm", inputs=[e], units=32))
    cat = g.add("Concatenate", inputs=infos)
    g.add("Dense", name="answer", inputs=[cat], units=500, activation="softmax")
    return g


def conv_bn():
    g = Graph()
    x = g.add_input((32, 32, 3), name="img")
    c = g.add("Conv2D", inputs=[x], filters=8, kernel_size=3, padding="same")
    b = g.add("BatchNormalization", inputs=[c])
    p = g.add("MaxPooling2D", inputs=[b])
    gap = g.add("GlobalAveragePooling2D", inputs=[p])
    g.add("Dense", inputs=[gap], units=4)
    return g


def assert_matches_keras(g):
    infos = ShapeInference(g).refresh()
    model = build_model(g)
    for node in g.nodes:
        layer = model.get_layer(node.name)
        info = infos[node.id]
        assert info.error is None and not info.blocked, (node.name, info)
        out = layer.output if node.is_input else layer.output
        assert info.output_shape == tuple(out.shape), node.name
        assert info.params == layer.count_params(), node.name
    assert sum(i.params for i in infos.values()) == model.count_params()
    return infos, model


def test_mlp_matches_keras(k):
    infos, model = assert_matches_keras(mlp())
    assert model.count_params() == 328_810


def test_text_question_matches_keras(k):
    g = text_question()
    infos, model = assert_matches_keras(g)
    assert model.count_params() == 1_337_332
    assert infos[g.by_name("text").id].dtype == "int32"
    assert infos[g.by_name("answer").id].output_shape == (None, 500)


def test_batchnorm_non_trainable(k):
    g = conv_bn()
    infos, model = assert_matches_keras(g)
    bn = infos[g.by_name("batch_normalization").id]
    assert (bn.trainable_params, bn.non_trainable_params) == (16, 16)


def test_incremental_units_change_recomputes_only_what_changed(k):
    g = mlp()
    si = ShapeInference(g)
    si.refresh()
    assert si.recomputed == 5
    d1, d2, d3 = g.by_name("dense"), g.by_name("dense_1"), g.by_name("dense_2")
    g.set_param(d1.id, "units", 128)
    infos = si.refresh()
    # dense changes, dense_1 sees a new input shape, dense_2 sees the same (None, 300)
    assert si.last_recomputed == [d1.id, d2.id]
    assert si.recomputed == 7
    assert infos[d2.id].params == 128 * 300 + 300
    # an initializer does not change the output shape: only that node
    g.set_param(d2.id, "kernel_initializer", "zeros")
    si.refresh()
    assert si.last_recomputed == [d2.id]
    # nothing changed, nothing recomputed; a move or rename is no change either
    g.move(d3.id, (10, 10))
    g.rename(d3.id, "probs")
    si.refresh()
    assert si.last_recomputed == []
    # a reset to the same content (a mirrored graph reloaded) recomputes nothing
    g.load_from(g.copy())
    si.refresh()
    assert si.last_recomputed == []


def test_edges_and_removal(k):
    g = mlp()
    si = ShapeInference(g)
    si.refresh()
    f, d1 = g.by_name("flatten"), g.by_name("dense")
    e = g.in_edges(d1.id)[0]
    g.remove_edge(e.id)
    infos = si.refresh()
    assert infos[d1.id].blocked and infos[d1.id].error is None
    assert all(infos[n.id].blocked for n in g.successors(d1.id))
    g.connect(f.id, d1.id)
    infos = si.refresh()
    assert infos[g.by_name("dense_2").id].output_shape == (None, 10)
    g.remove_node(f.id)
    infos = si.refresh()
    assert f.id not in infos and infos[d1.id].blocked


def test_shared_owner_change_reaches_sharer(k):
    g = Graph()
    a = g.add_input((None, 16), name="a")
    b = g.add_input((None, 16), name="b")
    lstm = g.add("LSTM", name="lstm", inputs=[a], units=8)
    again = g.share(lstm, inputs=[b])
    si = ShapeInference(g)
    infos = si.refresh()
    assert infos[again.id].output_shape == (None, 8) and infos[again.id].params == 0
    assert infos[lstm.id].params == 4 * (8 * (16 + 8) + 8)
    g.set_param(lstm.id, "units", 4)
    infos = si.refresh()
    assert set(si.last_recomputed) == {lstm.id, again.id}
    assert infos[again.id].output_shape == (None, 4)
    # a sharer given another width cannot reuse the weights
    c = g.add_input((None, 5), name="c")
    g.remove_edge(g.in_edges(again.id)[0].id)
    g.connect(c.id, again.id)
    infos = si.refresh()
    assert infos[again.id].error and "weights do not fit" in infos[again.id].error


def shape_error(k, build):
    g = Graph()
    node = build(g)
    return ShapeInference(g).refresh()[node.id].error


def test_conv_on_flat_vector_suggests_reshape(k):
    def build(g):
        return g.add("Conv2D", inputs=[g.add_input((784,))], filters=4, kernel_size=3)

    assert shape_error(k, build) == (
        "Conv2D expects images shaped (height, width, channels) but receives (None, 784). "
        "Insert a Reshape before it, e.g. to (28, 28, 1) for 28x28 grey images."
    )


def test_lstm_on_flat_vector(k):
    def build(g):
        return g.add("LSTM", inputs=[g.add_input((784,))], units=4)

    assert "LSTM expects a sequence" in shape_error(k, build)


def test_concatenate_and_add_mismatch_name_both_shapes(k):
    def cat(g):
        return g.add("Concatenate", inputs=[g.add_input((3,), name="a"), g.add_input((4, 5), name="b")])

    def add(g):
        return g.add("Add", inputs=[g.add_input((3,), name="a"), g.add_input((4,), name="b")])

    msg = shape_error(k, cat)
    assert "(None, 3) and (None, 4, 5)" in msg and msg.startswith("Concatenate")
    assert shape_error(k, add) == (
        "Add needs inputs of the same shape but receives (None, 3) and (None, 4). "
        "Make the layers before it produce matching shapes."
    )


def test_invalid_parameter_and_too_small_input(k):
    def units(g):
        return g.add("Dense", inputs=[g.add_input((3,))], units=-2)

    def pool(g):
        return g.add("Conv2D", inputs=[g.add_input((2, 2, 3))], filters=3, kernel_size=5)

    assert shape_error(k, units) == "units must be a positive whole number (got -2)."
    assert "kernel or pool size is larger than the input" in shape_error(k, pool)


def test_bad_input_shape(k):
    g = Graph()
    x = g.add_input((0,), name="x")
    d = g.add("Dense", inputs=[x], units=2)
    infos = ShapeInference(g).refresh()
    assert "whole numbers greater than zero" in infos[x.id].error
    assert infos[d.id].blocked


def test_refresh_on_a_worker_thread(k):
    g = mlp()
    si = ShapeInference(g)
    out = {}
    t = threading.Thread(target=lambda: out.update(si.refresh()))
    t.start()
    t.join()
    assert out[g.by_name("dense_2").id].output_shape == (None, 10)


def test_shared_conv_accepts_other_image_sizes(k):
    g = Graph()
    a = g.add_input((28, 28, 3), name="a")
    b = g.add_input((32, 32, 3), name="b")
    conv = g.add("Conv2D", name="conv", inputs=[a], filters=4, kernel_size=3)
    again = g.share(conv, inputs=[b])
    infos = ShapeInference(g).refresh()
    assert infos[again.id].error is None and infos[again.id].output_shape == (None, 30, 30, 4)


def test_inference_leaves_no_weights_to_initialise(k):
    from keras.src.backend.common import global_state

    before = list(global_state.get_global_attribute("uninitialized_variables") or [])
    g = mlp()
    infos = ShapeInference(g).refresh()
    assert infos[g.by_name("dense").id].params == 235_500
    assert list(global_state.get_global_attribute("uninitialized_variables") or []) == before


def test_sharer_before_its_owner_follows_owner_changes(k):
    g = Graph()
    x = g.add_input((6,), name="x")
    first = g.add("Dense", name="first", inputs=[x], units=6)
    owner = g.add("Dense", name="owner", inputs=[first], units=6)
    g.remove_edge(g.in_edges(first.id)[0].id)
    g.connect(x.id, first.id)
    g.set_shared_with(first.id, owner.id)  # first calls owner's layer, and feeds it
    si = ShapeInference(g)
    infos = si.refresh()
    assert infos[first.id].output_shape == (None, 6) and infos[owner.id].params == 42
    g.set_param(owner.id, "units", 3)
    infos = si.refresh()
    assert first.id in si.last_recomputed
    assert infos[first.id].output_shape == (None, 3)
    assert "weights do not fit" in infos[owner.id].error


@pytest.mark.parametrize(
    "shape, chain, expected",
    [
        (
            (None, 5),
            [("Flatten", {}), ("Dense", {"units": 3})],
            "Dense needs to know the size of the last axis but receives (None, None).",
        ),
        ((2, 2, 3), [("MaxPooling2D", {"pool_size": 4})], "MaxPooling2D would shrink its input (None, 2, 2, 3)"),
        ((10,), [("Embedding", {})], "Embedding needs a value for input_dim, output_dim"),
        ((28, 28, 1), [("Conv1D", {"filters": 2, "kernel_size": 3})], "Conv1D expects a sequence"),
        ((28, 28, 1), [("LSTM", {"units": 3})], "LSTM expects a sequence shaped (steps, features)"),
        ((28, 28, 1), [("Conv2D", {"filters": 2, "kernel_size": "big"})], "kernel_size must be a whole number"),
        ((10,), [("Dense", {"units": 3, "foo": 1})], "Dense has no parameter called foo; remove it."),
        ((10,), [("Dense", {"units": 3, "kernel_initializer": "nope"})], "'nope' is not a known initializer"),
        ((10,), [("Densee", {})], "Keras has no layer called Densee"),
        ((10,), [("BatchNormalization", {"axis": 3})], "axis=3 does not exist in an input shaped (None, 10)"),
        (
            (10,),
            [("Embedding", {"input_dim": 0, "output_dim": 3})],
            "input_dim must be a positive whole number (got 0).",
        ),
    ],
)
def test_translation_table(k, shape, chain, expected):
    g = Graph()
    prev = g.add_input(shape)
    for cls, params in chain:
        prev = g.add(cls, inputs=[prev], **params)
    assert ShapeInference(g).refresh()[prev.id].error.startswith(expected)


def test_follows_undo_and_redo(k):
    from kbuilder.core import commands as C
    from kbuilder.core.history import History

    g = mlp()
    si = ShapeInference(g)
    si.refresh()
    d1, d2 = g.by_name("dense"), g.by_name("dense_1")
    history = History(g)
    history.push(C.set_param(g, d1.id, "units", 64))
    assert si.refresh()[d2.id].params == 64 * 300 + 300
    history.undo()
    infos = si.refresh()
    assert infos[d1.id].output_shape == (None, 300) and infos[d2.id].params == 90_300
    assert si.last_recomputed == [d1.id, d2.id]
    history.push(C.remove_items(g, [d1.id]))
    assert si.refresh()[d2.id].blocked
    history.undo()
    assert si.refresh()[g.by_name("dense_2").id].output_shape == (None, 10)


def test_edit_made_while_blocked_is_not_lost(k):
    g = mlp()
    si = ShapeInference(g)
    si.refresh()
    d1, d2 = g.by_name("dense"), g.by_name("dense_1")
    g.set_param(d1.id, "units", -1)
    infos = si.refresh()
    assert infos[d1.id].error and infos[d2.id].blocked
    g.set_param(d2.id, "units", 50)  # edited while its input is broken
    assert si.refresh()[d2.id].blocked
    g.set_param(d1.id, "units", 300)  # the input is back to what d2 saw before
    infos = si.refresh()
    assert infos[d2.id].output_shape == (None, 50)


def test_sharer_of_a_blocked_owner_is_blocked(k):
    g = Graph()
    a = g.add_input((4,), name="a")
    b = g.add_input((4,), name="b")
    bad = g.add("Dense", name="bad", inputs=[a], units=-1)
    owner = g.add("Dense", name="owner", inputs=[bad], units=3)
    again = g.share(owner, inputs=[b])
    si = ShapeInference(g)
    si.refresh()
    g.set_param(bad.id, "units", 4)
    si.refresh()
    g.set_param(owner.id, "units", 7)
    g.set_param(bad.id, "units", -2)
    infos = si.refresh()
    assert infos[owner.id].blocked and infos[again.id].blocked  # not the old 3-unit layer
    g.set_param(bad.id, "units", 4)
    assert si.refresh()[again.id].output_shape == (None, 7)
