"""Wrappers (Bidirectional, TimeDistributed, SpectralNormalization) as the
palette places them: a ``layer`` parameter holding the inner layer's config.
Shapes and parameter counts are Keras's own, the exported code builds the
same model, and a project or a .keras file gives the graph back."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kbuilder.core.graph import Graph
from kbuilder.keras_io import model_file
from kbuilder.keras_io.build import build_model
from kbuilder.keras_io.check import check_graph
from kbuilder.keras_io.codegen import export_code
from kbuilder.keras_io.shapes import ShapeInference
from kbuilder.layers.backend import keras
from kbuilder.layers.catalog import get_catalog
from kbuilder.project import saving
from kbuilder.project.loader import open_path

WRAPPERS = ("Bidirectional", "TimeDistributed", "SpectralNormalization")
RUFF = Path(sys.executable).with_name("ruff")


def ruff_format(code: str) -> str:
    out = subprocess.run(
        [str(RUFF), "format", "--isolated", "-"], input=code, capture_output=True, text=True, check=True
    )
    return out.stdout


def placed(graph: Graph, class_name: str, inputs, layer: str | dict | None = None, **params):
    """A node as the palette adds it (the spec's build values), its inner
    layer set through the parameter's own coercion, as the Inspector does."""
    spec = get_catalog().get(class_name)
    values = spec.build_params()
    if layer is not None:
        values["layer"] = spec.param("layer").coerce(layer)
    values.update({k: spec.param(k).coerce(v) for k, v in params.items()})
    return graph.add(class_name, inputs=inputs, **values)


def wrapper_graph() -> Graph:
    g = Graph("wrapped")
    x = g.add_input((10, 8), name="seq")
    h = placed(g, "Bidirectional", [x], '{"class_name": "LSTM", "config": {"units": 6, "return_sequences": true}}')
    h = placed(g, "TimeDistributed", [h], {"class_name": "Dense", "config": {"units": 5, "activation": "relu"}})
    h = placed(g, "Bidirectional", [h], {"class_name": "GRU", "config": {"units": 3}}, merge_mode="sum")
    placed(g, "SpectralNormalization", [h], {"class_name": "Dense", "config": {"units": 2}})
    return g


def keras_twin():
    """The same model written with Keras directly."""
    L = keras().layers
    x = keras().Input((10, 8))
    h = L.Bidirectional(L.LSTM(6, return_sequences=True))(x)
    h = L.TimeDistributed(L.Dense(5, activation="relu"))(h)
    h = L.Bidirectional(L.GRU(3), merge_mode="sum")(h)
    return keras().Model(x, L.SpectralNormalization(L.Dense(2))(h))


def test_the_catalog_offers_the_wrappers_with_an_inner_layer():
    catalog = get_catalog()
    for name in WRAPPERS:
        spec = catalog.get(name)
        assert spec is not None, catalog.skipped.get(name)
        layer = spec.param("layer")
        assert layer.kind == "layer" and layer.required and layer.choices
        assert spec.build_params()["layer"]["class_name"] in layer.choices
    bi = catalog.get("Bidirectional").param("layer")
    assert bi.coerce("GRU") == {"class_name": "GRU", "config": {}}
    assert bi.coerce(
        {"module": "keras.layers", "class_name": "LSTM", "config": {"units": 4}, "registered_name": None}
    ) == {"class_name": "LSTM", "config": {"units": 4}}
    for bad in ("Dense", '{"config": {}}', "[1, 2]", {"class_name": "LSTM", "config": [1]}):
        with pytest.raises(ValueError):
            bi.coerce(bad)
    assert catalog.get("TimeDistributed").param("layer").coerce("Conv2D")["class_name"] == "Conv2D"  # any layer
    assert catalog.get("Bidirectional").param("backward_layer").nullable


def test_shapes_and_parameters_are_keras_own():
    g = wrapper_graph()
    twin = keras_twin()
    infos = ShapeInference(g).refresh()
    layers = [n for n in g.nodes if not n.is_input]
    for node, layer in zip(layers, twin.layers[1:], strict=True):
        info = infos[node.id]
        assert info.error is None, info.error
        assert info.output_shape == tuple(layer.output.shape), node.name
        assert info.params == layer.count_params(), node.name
    model = build_model(g)
    assert model.count_params() == twin.count_params()
    assert not [i for i in check_graph(g) if i.severity == "error"]


def test_exported_code_wraps_the_layer_and_builds_the_same_model(tmp_path):
    g = wrapper_graph()
    code = export_code(g)
    flat = re.sub(r"\s+", "", code)
    assert "layers.Bidirectional(layers.LSTM(units=6,return_sequences=True)," in flat
    assert 'layers.TimeDistributed(layers.Dense(units=5,activation="relu"),' in flat and "layer=" not in flat
    assert ruff_format(code) == code
    path = tmp_path / "wrapped.py"
    path.write_text(code)
    spec = importlib.util.spec_from_file_location("wrapped", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build_model().count_params() == keras_twin().count_params()


def test_project_and_keras_file_round_trip(tmp_path):
    g = wrapper_graph()
    model = build_model(g)
    weights = {layer.name: [np.asarray(w) for w in layer.get_weights()] for layer in model.layers if layer.weights}
    x = np.random.default_rng(0).normal(size=(3, 10, 8)).astype("float32")
    expected = model.predict(x, verbose=0)

    saving.save_graph(g, tmp_path / "w.kbproj", weights=weights)
    opened = open_path(tmp_path / "w.kbproj")
    assert [(n.class_name, n.params) for n in opened.graph.nodes] == [(n.class_name, n.params) for n in g.nodes]
    again, notes = model_file.build_with_weights(opened.graph, opened.weights)
    assert not notes
    np.testing.assert_allclose(again.predict(x, verbose=0), expected, atol=1e-6)

    saving.save_graph(g, tmp_path / "w.keras", weights=weights)
    result = model_file.open_model_file(tmp_path / "w.keras")
    classes = [n.class_name for n in result.graph.nodes if not n.is_input]
    assert classes == ["Bidirectional", "TimeDistributed", "Bidirectional", "SpectralNormalization"]
    bi = result.graph.nodes[1].params["layer"]
    assert bi["class_name"] == "LSTM" and bi["config"]["units"] == 6
    reopened, notes = model_file.build_with_weights(result.graph, result.weights)
    assert not notes
    np.testing.assert_allclose(reopened.predict(x, verbose=0), expected, atol=1e-6)
    assert "layers.Bidirectional(" in export_code(result.graph)


@pytest.mark.slow
def test_a_bidirectional_lstm_placed_from_the_palette_trains(tmp_path):
    from kbuilder.training.config import DataConfig, TrainConfig
    from kbuilder.training.session import TrainingSession

    rng = np.random.default_rng(1)
    x = rng.normal(size=(120, 12, 4)).astype("float32")
    y = (x[:, :, 0].sum(axis=1) > 0).astype("int64")
    path = tmp_path / "seq.npz"
    np.savez(path, steps=x, label=y)
    g = Graph("bilstm")
    inp = g.add_input((12, 4), name="steps")
    h = placed(g, "Bidirectional", [inp], {"class_name": "LSTM", "config": {"units": 8}})
    g.add("Dense", name="label", inputs=[h], units=2, activation="softmax")
    cfg = TrainConfig(data=DataConfig(source="npz", path=str(path), targets=["label"]), epochs=1, batch_size=16)
    session = TrainingSession(g, cfg, workdir=str(tmp_path))
    result = session.fit()
    assert result.epochs_done == 1 and not result.stop_reason, result.message
    assert np.isfinite(result.history["loss"][-1])
    trained = result.weights["bidirectional"] if result.weights else None
    assert trained is not None and len(trained) == 6  # forward and backward LSTM: kernel, recurrent, bias
