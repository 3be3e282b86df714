"""Keras config / JSON -> graph: both inbound_nodes dialects, sharing, placeholders, round trips."""

from __future__ import annotations

import importlib.util
import json

import pytest

from kbuilder.keras_io.codegen import export_code
from kbuilder.keras_io.config_structure import ConfigError
from kbuilder.keras_io.from_config import graph_from_config
from kbuilder.keras_io.importing import graph_from_json
from tests.keras_io.test_codegen import ruff_format

# A hand-written Keras 2 functional config: nested-list inbound nodes, batch_input_shape,
# a layer called twice (shared), a merge whose inputs come in a non-alphabetical order.
KERAS2_FUNCTIONAL = {
    "class_name": "Model",
    "config": {
        "name": "k2",
        "layers": [
            {
                "class_name": "InputLayer",
                "name": "in_b",
                "config": {"batch_input_shape": [None, 5, 2], "dtype": "float32", "sparse": False, "name": "in_b"},
                "inbound_nodes": [],
            },
            {
                "class_name": "InputLayer",
                "name": "in_a",
                "config": {"batch_input_shape": [None, 5, 2], "dtype": "float32", "sparse": False, "name": "in_a"},
                "inbound_nodes": [],
            },
            {
                "class_name": "LSTM",
                "name": "lstm",
                "config": {
                    "name": "lstm",
                    "trainable": True,
                    "dtype": "float32",
                    "units": 4,
                    "activation": "tanh",
                    "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
                    "implementation": 2,
                    "time_major": False,
                },
                "inbound_nodes": [[["in_a", 0, 0, {}]], [["in_b", 0, 0, {}]]],
            },
            {
                "class_name": "Concatenate",
                "name": "merge",
                "config": {"name": "merge", "trainable": True, "axis": -1},
                "inbound_nodes": [[["lstm", 1, 0, {}], ["lstm", 0, 0, {}]]],
            },
            {
                "class_name": "Dense",
                "name": "out",
                "config": {"name": "out", "units": 1, "activation": "sigmoid", "use_bias": True},
                "inbound_nodes": [[["merge", 0, 0, {}]]],
            },
        ],
        "input_layers": [["in_a", 0, 0], ["in_b", 0, 0]],
        "output_layers": [["out", 0, 0]],
    },
}

KERAS2_SEQUENTIAL = {
    "class_name": "Sequential",
    "config": {
        "name": "seq",
        "layers": [
            {
                "class_name": "Dense",
                "config": {
                    "name": "dense_1",
                    "batch_input_shape": [None, 784],
                    "dtype": "float32",
                    "units": 64,
                    "activation": "relu",
                },
            },
            {"class_name": "Dropout", "config": {"name": "dropout_1", "rate": 0.5}},
            {"class_name": "Dense", "config": {"name": "dense_2", "units": 10, "activation": "softmax"}},
        ],
    },
}


def edges_by_name(graph):
    return sorted((graph.node(e.src).name, graph.node(e.dst).name, e.dst_port, e.src_port) for e in graph.edges)


def test_keras2_functional_with_shared_layer():
    result = graph_from_config(KERAS2_FUNCTIONAL)
    g = result.graph
    assert g.name == "k2"
    assert [n.name for n in g.inputs()] == ["in_a", "in_b"]  # the model's input order
    assert g.by_name("in_a").params == {"shape": [5, 2], "dtype": "float32"}
    lstm = g.by_name("lstm")
    shared = g.by_name("lstm_shared")
    assert shared.shared_with == lstm.id and shared.class_name == "LSTM" and shared.params == {}
    # Defaults and Keras 2 noise are gone; Keras 3 has no implementation/time_major.
    assert lstm.params == {"units": 4}
    assert any("time_major" in n for n in result.notes)
    assert edges_by_name(g) == [
        ("in_a", "lstm", 0, 0),
        ("in_b", "lstm_shared", 0, 0),
        ("lstm", "merge", 1, 0),
        ("lstm_shared", "merge", 0, 0),
        ("merge", "out", 0, 0),
    ]
    assert [n.name for n in g.outputs()] == ["out"]
    assert not any(n.is_output for n in g.nodes)  # the sink is the output anyway


def test_keras2_sequential_without_input_layer():
    g = graph_from_config(KERAS2_SEQUENTIAL).graph
    names = [n.name for n in g.nodes]
    assert names == ["input", "dense_1", "dropout_1", "dense_2"]
    assert g.nodes[0].params == {"shape": [784], "dtype": "float32"}
    assert g.by_name("dense_1").params == {"units": 64, "activation": "relu"}
    assert edges_by_name(g) == [
        ("dense_1", "dropout_1", 0, 0),
        ("dropout_1", "dense_2", 0, 0),
        ("input", "dense_1", 0, 0),
    ]


def test_bare_layer_list_and_unknown_shape():
    result = graph_from_config({"layers": [{"class_name": "Dense", "config": {"name": "d", "units": 3}}]})
    assert result.graph.nodes[0].is_input
    assert any("input shape" in n for n in result.notes)


def test_lambda_and_unknown_classes_become_placeholders_and_nothing_runs(tmp_path):
    marker = tmp_path / "ran"
    config = {
        "class_name": "Sequential",
        "config": {
            "name": "s",
            "layers": [
                {"class_name": "InputLayer", "config": {"batch_shape": [None, 3], "dtype": "float32", "name": "x"}},
                {
                    "module": "keras.layers",
                    "class_name": "Lambda",
                    "config": {
                        "name": "lam",
                        "function": {"class_name": "__lambda__", "config": {"code": "AAAA", "defaults": None}},
                    },
                },
                {"module": "os", "class_name": "system", "config": {"name": "evil", "command": f"touch {marker}"}},
                {"class_name": "NoSuchLayer", "config": {"name": "odd"}},
                {
                    "class_name": "Dense",
                    "config": {
                        "name": "d",
                        "units": 2,
                        "kernel_initializer": {"module": "os", "class_name": "system", "config": {}},
                    },
                },
            ],
        },
    }
    result = graph_from_config(config)
    g = result.graph
    lam = g.by_name("lam")
    assert lam.class_name == "Placeholder"
    assert lam.extra["original_class"] == "Lambda"
    assert lam.extra["config"]["function"]["config"]["code"] == "AAAA"
    assert g.by_name("evil").class_name == "Placeholder"
    assert g.by_name("odd").class_name == "Placeholder"
    assert g.by_name("d").params == {"units": 2}  # the custom initializer is dropped
    assert len([n for n in result.notes if "placeholder" in n]) == 3
    assert any("kernel_initializer" in n for n in result.notes)
    assert not marker.exists()


def test_bad_input_is_refused_in_words():
    with pytest.raises(ConfigError):
        graph_from_json("{not json")
    with pytest.raises(ConfigError):
        graph_from_json('{"class_name": "Dense", "config": {}}')
    with pytest.raises(ConfigError):
        graph_from_json("[1, 2]")


def test_dangling_reference_is_noted_not_fatal():
    cfg = json.loads(json.dumps(KERAS2_FUNCTIONAL))
    cfg["config"]["layers"][3]["inbound_nodes"] = [[["lstm", 1, 0, {}], ["ghost", 0, 0, {}]]]
    result = graph_from_config(cfg)
    assert any("ghost" in n for n in result.notes)


# ------------------------------------------------------------------ round trips with Keras
def _models():
    from kbuilder.layers.backend import keras

    k = keras()
    L = k.layers
    out = {}

    out["sequential_mlp"] = k.Sequential(
        [k.Input((20,)), L.Dense(16, activation="relu"), L.Dropout(0.2), L.Dense(3, activation="softmax")],
        name="mlp",
    )

    a = k.Input((8,), name="a")
    b = k.Input((4,), name="b")
    x = L.Concatenate(name="cat")([b, a])
    out["two_input"] = k.Model([a, b], L.Dense(2, name="head")(x), name="two_input")

    i = k.Input((10,), name="features")
    h = L.Dense(8, activation="relu", name="hidden")(i)
    out["multi_output"] = k.Model(i, [L.Dense(1, name="price")(h), L.Dense(3, name="kind")(h)], name="multi")

    s1 = k.Input((5, 2), name="left")
    s2 = k.Input((5, 2), name="right")
    lstm = L.LSTM(4, name="lstm")
    m = L.Concatenate(name="join")([lstm(s2), lstm(s1)])
    out["shared_lstm"] = k.Model([s1, s2], L.Dense(1, activation="sigmoid", name="same")(m), name="siamese")

    img = k.Input((16, 16, 3), name="image")
    b1 = L.Conv2D(4, 1, padding="same", name="b1")(img)
    b2 = L.Conv2D(6, 3, padding="same", name="b2")(L.Conv2D(4, 1, padding="same", name="b2_reduce")(img))
    b3 = L.Conv2D(2, 1, padding="same", name="b3")(L.MaxPooling2D(3, strides=1, padding="same", name="pool")(img))
    out["inception"] = k.Model(img, L.Concatenate(name="mixed")([b3, b1, b2]), name="inception")

    p = k.Input((4,), name="p")
    d1 = L.Dense(3, name="d1")(p)
    d2 = L.Dense(5, name="d2")(p)
    inner = L.Concatenate(name="inner")([d2, d1])
    outer = L.Concatenate(name="outer")([d1, inner, d2])
    out["nested_concat"] = k.Model(p, outer, name="nested")

    t = k.Input((5, 2), name="t")
    seq, state_h, state_c = L.LSTM(3, return_sequences=True, return_state=True, name="rnn")(t)
    d = L.Dense(2, name="from_h")(state_h)
    states = L.Concatenate(name="states")([state_c, d])
    out["lstm_states"] = k.Model(t, [states, L.GlobalAveragePooling1D(name="gap")(seq)], name="states")

    tokens = k.Input((7,), dtype="int32", name="tokens")
    emb = L.Embedding(100, 8, name="emb")(tokens)
    bi = L.Bidirectional(L.LSTM(4, return_sequences=True, kernel_regularizer="l2"), name="bi")(emb)
    td = L.TimeDistributed(L.Dense(3), name="td")(bi)
    out["wrappers"] = k.Model(tokens, L.GlobalMaxPooling1D(name="gmp")(td), name="wrappers")

    q = k.Input((6,), name="q")
    hidden = L.Dense(4, name="hidden", kernel_initializer=k.initializers.HeNormal(seed=1))(q)
    out["intermediate_output"] = k.Model(q, [hidden, L.Dense(1, name="last")(hidden)], name="both")
    return out


def _tensor_history(value, out):
    if isinstance(value, dict):
        if value.get("class_name") == "__keras_tensor__":
            out.append(tuple(value["config"]["keras_history"][::2]))
        else:
            for v in value.values():
                _tensor_history(v, out)
    elif isinstance(value, list):
        for v in value:
            _tensor_history(v, out)
    return out


def _signature(model):
    """(layer name, class, [(source layer, tensor index) per call]) for every layer."""
    cfg = json.loads(model.to_json())["config"]
    rows = []
    for layer in cfg["layers"]:
        calls = [_tensor_history(node["args"], []) for node in layer.get("inbound_nodes", [])]
        rows.append((layer["config"]["name"], layer["class_name"], calls))
    return sorted(rows)


@pytest.mark.slow
def test_round_trip_through_build_model_and_export(tmp_path):
    from kbuilder.keras_io.build import build_model

    for name, model in _models().items():
        result = graph_from_json(model.to_json())
        assert not [n for n in result.notes if "placeholder" in n], name
        rebuilt = build_model(result.graph)
        assert rebuilt.count_params() == model.count_params(), name
        if name == "sequential_mlp":
            assert [type(x).__name__ for x in rebuilt.layers][1:] == [type(x).__name__ for x in model.layers]
            continue
        assert _signature(rebuilt) == _signature(model), name
        # The imported graph exports to Python that builds the same model.
        path = tmp_path / f"imported_{name}.py"
        code = export_code(result.graph)
        assert ruff_format(code) == code, name
        path.write_text(code)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        exported = module.build_model()
        assert _signature(exported) == _signature(model), name
        assert exported.count_params() == model.count_params(), name
        if name == "wrappers":  # input_dim is Embedding's own argument; "random_uniform" is its default
            assert result.graph.by_name("emb").params == {"input_dim": 100, "output_dim": 8}
            assert set(result.graph.by_name("td").params["layer"]["config"]) == {"units", "name"}
        if name == "shared_lstm":
            assert sum(1 for n in result.graph.nodes if n.shared_with) == 1
        # get_config() (no wrapper) reads the same.
        again = graph_from_config(model.get_config()).graph
        assert [n.name for n in again.nodes] == [n.name for n in result.graph.nodes]


@pytest.mark.slow
def test_lambda_model_imports_as_placeholder():
    from kbuilder.layers.backend import keras

    k = keras()
    model = k.Sequential([k.Input((3,)), k.layers.Lambda(lambda t: t * 2, name="double"), k.layers.Dense(1)])
    result = graph_from_json(model.to_json())
    node = result.graph.by_name("double")
    assert node.class_name == "Placeholder" and node.extra["original_class"] == "Lambda"
    assert any("double" in n and "Python code" in n for n in result.notes)


@pytest.mark.slow
def test_nested_models_are_unpacked_and_shared_between_calls():
    from kbuilder.keras_io.build import build_model
    from kbuilder.layers.backend import keras

    k = keras()
    L = k.layers
    # A Sequential inside a Functional model inside a Sequential model, and the
    # functional "tower" called twice (siamese): its layers are shared.
    block = k.Sequential([k.Input((6,)), L.Dense(5, name="dense"), L.Dropout(0.1)], name="block")
    t_in = k.Input((6,), name="t_in")
    tower = k.Model(t_in, L.Dense(3, name="proj")(block(t_in)), name="tower")
    a = k.Input((6,), name="a")
    b = k.Input((6,), name="b")
    merged = L.Concatenate(name="cat")([tower(a), tower(b)])
    siamese = k.Model([a, b], L.Dense(1, name="dense")(merged), name="siamese")
    outer = k.Sequential([k.Input((6,)), L.Dense(6, name="pre"), block], name="outer")

    result = graph_from_json(siamese.to_json())
    g = result.graph
    assert not any(n.is_placeholder for n in g.nodes)
    assert any("unpacked" in n for n in result.notes)
    assert len([n for n in g.nodes if n.shared_with]) == 3  # dense, dropout and proj of the second call
    # Named as a file of the same model names it (issue 15: to_json() text goes the files' way).
    assert g.find("dense").params == {"units": 1} and g.find("tower_dense").params == {"units": 5}
    rebuilt = build_model(g)
    assert rebuilt.count_params() == siamese.count_params()

    g2 = graph_from_json(outer.to_json()).graph
    assert [n.class_name for n in g2.nodes] == ["Input", "Dense", "Dense", "Dropout"]
    assert build_model(g2).count_params() == outer.count_params()


def test_live_get_config_with_tuples_imports_like_its_json():
    """get_config() of a live model holds tuples (shapes, keras_history);
    it must import exactly as the same model's to_json() does."""
    from kbuilder.layers.backend import keras

    k = keras()
    inp = k.Input((8,), name="x")
    a = k.layers.Dense(4, name="a")(inp)
    b = k.layers.Dense(4, name="b")(inp)
    out = k.layers.Concatenate(name="c")([b, a])
    model = k.Model(inp, out)
    live = graph_from_config(model.get_config()).graph
    saved = graph_from_config(json.loads(model.to_json())).graph
    assert len(live.edges) == len(saved.edges) == 4
    assert live.by_name("x").params["shape"] == [8]
    assert [p.name for p in live.predecessors(live.by_name("c").id)] == ["b", "a"]
