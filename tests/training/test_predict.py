"""The prediction engine: preprocessing inside the saved model, readers,
class names, every output, text with a vocabulary, reconstructions."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from kbuilder.core.graph import Graph
from kbuilder.keras_io.build import build_model
from kbuilder.layers.backend import keras
from kbuilder.training import datasets, recipes
from kbuilder.training.config import DataConfig, TrainConfig
from kbuilder.training.inputs import InputError, fit_image, read_table
from kbuilder.training.predict import InputMismatch, PredictError, Predictor
from kbuilder.training.predict_info import input_kind
from kbuilder.training.session import TrainingSession
from kbuilder.training.vocabulary import encode_text, load_word_index


def _config(name: str, source: str = "sklearn", epochs: int = 2, learning_rate: float = 0.01, **data) -> TrainConfig:
    cfg = TrainConfig(epochs=epochs, batch_size=16, learning_rate=learning_rate)
    cfg.data = DataConfig(source=source, name=name, **data)
    return cfg


def _mlp(shape, units: int, activation: str, name: str = "features") -> Graph:
    g = Graph("mlp")
    x = g.add_input(shape, name=name)
    if len(shape) > 1:
        x = g.add("Flatten", inputs=[x])
    h = g.add("Dense", inputs=[x], units=16, activation="relu")
    g.add("Dense", name="out", inputs=[h], units=units, activation=activation)
    return g


def _weights(model) -> dict:
    return {layer.name: [np.array(w) for w in layer.get_weights()] for layer in model.layers if layer.weights}


def _probs(result: list[dict]) -> dict[str, float]:
    return {t["class"]: t["probability"] for t in result[0]["top"]}


@pytest.fixture(scope="module")
def trained():
    """Small models trained through the real path: digits as 64 numbers per
    picture (divide + reshape), iris (min-max), wine (standardize)."""
    out = {}
    for key, graph, cfg in [
        ("digits", _mlp((64,), 10, "softmax", "img"), _config("digits")),
        ("iris", _mlp((4,), 3, "softmax"), _config("iris", epochs=15, learning_rate=0.05)),
        ("wine", _mlp((13,), 3, "softmax"), _config("wine", scale="standardize")),
    ]:
        session = TrainingSession(graph, cfg)
        session.fit()
        out[key] = session
    return out


@pytest.mark.slow
@pytest.mark.parametrize("key", ["digits", "iris", "wine"])
def test_raw_input_model_matches_training_preprocessing(trained, key):
    """The model that takes raw inputs gives what the trained model gives on
    the data as training prepared it, to float precision."""
    session = trained[key]
    predictor = Predictor.from_session(session)
    prep = session.prepared
    raw_first = prep.first["x"]
    prepared = prep.splits["train"]["x"][:1]
    want = session.model.predict(prepared, verbose=0)[0]
    if key == "digits":
        assert predictor.input_kind == "image" and predictor.info.inputs[0].shape == (8, 8)
        got = predictor.predict_image(raw_first * 255.0 / 16.0)  # a picture in 0-255
        names = [layer.name for layer in predictor.model.layers]
        assert names[:3] == ["img", "kbuilder_preprocess_img", "kbuilder_reshape_img"]
    else:
        got = predictor.predict_rows([raw_first])[0]
    names = predictor.info.outputs[0].class_names
    top = got[0]["top"]
    assert [t["class"] for t in top] == [names[i] for i in np.argsort(-want, kind="stable")[: len(top)]]
    np.testing.assert_allclose([t["probability"] for t in top], [want[names.index(t["class"])] for t in top], atol=1e-5)
    assert "kbuilder_preprocess" not in " ".join(n.name for n in session.graph.nodes)  # the canvas's graph is untouched


@pytest.mark.slow
def test_tabular_info_columns_example_and_class_names(trained, tmp_path):
    predictor = Predictor.from_session(trained["iris"])
    inp = predictor.info.inputs[0]
    assert predictor.input_kind == "tabular"
    assert inp.columns == ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]
    iris_rows = recipes.load_sklearn("iris")[0]["x"]
    assert any(np.allclose(row, inp.example) for row in iris_rows)  # a real row of the data
    assert predictor.info.outputs[0].class_names == ["setosa", "versicolor", "virginica"]
    assert predictor.info.dataset == "Iris flowers"

    # A CSV with a header, the label column too: the model's columns are picked by name.
    csv = tmp_path / "flowers.csv"
    csv.write_text("species," + ",".join(inp.columns) + "\nsetosa,5.1,3.5,1.4,0.2\nvirginica,6.7,3.0,5.2,2.3\n")
    results = predictor.predict_file(csv)
    assert len(results) == 2 and all(len(r[0]["top"]) == 3 for r in results)
    assert results[0][0]["top"][0]["class"] == "setosa"
    table = read_table(csv)
    assert table.header[0] == "species" and table.width == 5
    np.testing.assert_allclose(table.numbers([1, 2]), [[5.1, 3.5], [6.7, 3.0]])
    with pytest.raises(InputError, match=r"^Row 2, column 1 of flowers.csv is 'setosa', not a number\.$"):
        table.numbers()

    # Saved, then opened with plain Keras: the same numbers on the raw rows.
    saved = predictor.save(tmp_path / "iris.keras")
    plain = keras().models.load_model(saved).predict(np.array([[5.1, 3.5, 1.4, 0.2]], "float32"), verbose=0)[0]
    np.testing.assert_allclose(sorted(_probs(results[0]).values(), reverse=True), np.sort(plain)[::-1], atol=1e-5)
    with zipfile.ZipFile(saved) as zf:
        meta = json.loads(zf.read("kbuilder.json"))
    assert meta["outputs"][0]["class_names"] == ["setosa", "versicolor", "virginica"]
    again = Predictor.from_file(saved)  # no data at hand: kbuilder.json gives names, columns and the row
    assert again.info.inputs[0].columns == inp.columns and again.info.inputs[0].example == inp.example
    assert again.info.notes == []
    assert again.predict_file(csv) == results


@pytest.mark.slow
def test_saved_tabular_model_trains_and_evaluates_without_scaling_twice(trained, tmp_path):
    """A saved model with its Normalization layer, opened again: training's
    data is not scaled a second time and the layer's statistics are used."""
    from kbuilder.training.cli import load_model_file

    session = trained["wine"]
    before = session.evaluate().test_metrics
    saved = session.save(tmp_path / "wine.keras")
    graph, _, weights = load_model_file(str(saved))
    again = TrainingSession(graph, _config("wine", scale="standardize"), initial_weights=weights)
    assert again.evaluate().test_metrics == pytest.approx(before, rel=1e-4)
    assert any("not scaled here" in note for note in again.prepared.notes)


def test_every_output_in_order_and_regression_values(tmp_path):
    g = Graph("two")
    x = g.add_input((4,), name="features")
    h = g.add("Dense", inputs=[x], units=8, activation="relu")
    g.add("Dense", name="size", inputs=[h], units=1)
    g.add("Dense", name="species", inputs=[h], units=3, activation="softmax")
    g.add("Dense", name="is_big", inputs=[h], units=1, activation="sigmoid")
    model = build_model(g)
    predictor = Predictor.from_graph(g, _weights(model))
    assert predictor.info.notes  # nothing says how the data was scaled: the sentence says so
    result = predictor.predict_rows([[5.1, 3.5, 1.4, 0.2]])[0]
    assert [o["name"] for o in result] == list(model.output_names)
    by_name = {o["name"]: o for o in result}
    want = model.predict(np.array([[5.1, 3.5, 1.4, 0.2]], "float32"), verbose=0)
    want = dict(zip(model.output_names, want, strict=True))
    assert by_name["size"]["value"] == pytest.approx([float(want["size"][0, 0])], abs=1e-6)
    assert [t["class"] for t in by_name["species"]["top"]] == [str(i) for i in np.argsort(-want["species"][0])]
    p = float(want["is_big"][0, 0])
    assert {t["class"]: t["probability"] for t in by_name["is_big"]["top"]} == pytest.approx({"0": 1 - p, "1": p})


def test_no_weights_and_changed_layers_are_one_sentence():
    g = _mlp((4,), 3, "softmax")
    with pytest.raises(PredictError, match=r"^This model has no trained weights yet: train it first\.$"):
        Predictor.from_graph(g, None)
    weights = _weights(build_model(g))
    g.set_param(g.find("out").id, "units", 4)
    with pytest.raises(PredictError, match=r"^The layers 'out' have no trained weights .* train the model again"):
        Predictor.from_graph(g, weights)
    with pytest.raises(PredictError, match="do not fit this model's layers"):
        Predictor.from_graph(g, {"other": weights["out"]})


def test_pictures_are_converted_to_the_input(tmp_path):
    picture = np.zeros((40, 30, 3), "float32")
    picture[..., 0] = 255.0
    grey = fit_image(picture, (8, 8, 1))
    assert grey.shape == (8, 8, 1) and np.allclose(grey, 255.0 * 0.299, atol=0.01)
    assert fit_image(np.full((8, 8), 7.0), (8, 8, 3)).shape == (8, 8, 3)
    g = _mlp((8, 8, 1), 10, "softmax", "img")
    predictor = Predictor.from_graph(g, _weights(build_model(g)))
    assert predictor.input_kind == "image"
    with pytest.raises(
        InputMismatch,
        match=r"^The model expects pictures of 8×8 with 1 channel, or rows of 64 "
        r"numbers; the input has rows of 5 numbers\.$",
    ):
        predictor.predict_rows([[1, 2, 3, 4, 5]])
    npz = tmp_path / "batch.npz"
    np.savez(npz, x=np.zeros((3, 8, 8)), y=np.arange(3))
    assert len(predictor.predict_file(npz)) == 3
    pickled = tmp_path / "objects.npy"
    np.save(pickled, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(PredictError, match="Python objects, which kbuilder never loads"):
        predictor.predict_file(pickled)


def test_reconstructions_of_the_autoencoder_template():
    from kbuilder.project import kbproj
    from kbuilder.training.predict_info import input_kind

    project = kbproj.load(Path(__file__).resolve().parents[2] / "resources/templates/conv_autoencoder.kbproj")
    predictor = Predictor.from_graph(project.graph, _weights(build_model(project.graph)))
    assert input_kind(project.graph, project.settings.get("training")) == "image"
    assert predictor.info.outputs[0].kind == "image"
    pictures = np.random.default_rng(0).uniform(0, 255, (2, 64, 48, 3))
    out = predictor.reconstructions(pictures)
    assert out.shape == (2, 32, 32, 3) and out.min() >= 0 and out.max() <= 255
    assert np.asarray(predictor.predict_image(pictures[0])[0]["value"]).shape == (32, 32, 3)
    tabular = Predictor.from_graph(_mlp((4,), 3, "softmax"), _weights(build_model(_mlp((4,), 3, "softmax"))))
    with pytest.raises(PredictError, match="gives no pictures back"):
        tabular.reconstructions(pictures)


def test_input_kind_without_keras():
    assert input_kind(_mlp((64,), 10, "softmax"), {"dataset": "digits"}) == "image"
    assert input_kind(_mlp((4,), 3, "softmax"), {"dataset": "iris"}) == "tabular"
    assert input_kind(_mlp((20,), 1, "sigmoid"), {"dataset": "imdb"}) == "text"
    assert input_kind(_mlp((20,), 46, "softmax"), TrainConfig.from_dict({"dataset": "reuters"})) == "text"
    assert input_kind(_mlp((28, 28), 10, "softmax")) == "image"
    assert input_kind(_mlp((4,), 3, "softmax")) == "tabular"
    assert datasets.DATASETS["fashion_mnist"].class_names[0] == "T-shirt/top"
    assert len(datasets.DATASETS["cifar100"].class_names) == 100


# ------------------------------------------------------------------ text
@pytest.fixture
def tiny_imdb(monkeypatch, tmp_path):
    """A word index in a Keras cache of its own, and a tiny stand-in for the
    IMDB arrays (the real ones are a download)."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    cache = datasets.keras_cache_dir()
    cache.mkdir(parents=True)
    words = {"the": 1, "movie": 2, "good": 3, "bad": 4, "great": 5, "awful": 6, "don't": 7}
    (cache / "imdb_word_index.json").write_text(json.dumps(words))
    rng = np.random.default_rng(0)

    def load_keras(name, num_words=None):
        assert name == "imdb"
        y = rng.integers(0, 2, 40)
        x = np.empty(40, dtype=object)
        for i, label in enumerate(y):
            x[i] = [1, 4, 5] + [6 if label else 7] * int(rng.integers(1, 6))
        return {"x": x, "y": y}, {"x": x[:10], "y": y[:10]}

    monkeypatch.setattr(recipes, "load_keras", load_keras)
    return words


def test_text_is_numbered_like_the_keras_loader(tiny_imdb):
    index = load_word_index("imdb_word_index.json")
    assert index == tiny_imdb
    # start mark 1, then index + 3; unknown words and those past num_words are 2
    assert encode_text("The GOOD movie… awful, DON'T zzz", index, num_words=9) == [1, 4, 6, 5, 2, 2, 2]
    assert encode_text("the movie", index) == [1, 4, 5]


@pytest.mark.slow
def test_text_model_predicts_on_words_and_saves_its_vocabulary(tiny_imdb, tmp_path):
    g = Graph("reviews")
    x = g.add_input((12,), name="words", dtype="int32")
    e = g.add("Embedding", inputs=[x], input_dim=20, output_dim=4)
    f = g.add("Flatten", inputs=[e])
    g.add("Dense", name="sentiment", inputs=[f], units=1, activation="sigmoid")
    cfg = _config("imdb", source="keras", epochs=1, num_words=20)
    session = TrainingSession(g, cfg)
    session.fit()
    predictor = Predictor.from_session(session)
    assert predictor.input_kind == "text"
    result = predictor.predict_text("The movie: great, great!")
    ids = np.array([[1, 4, 5, 8, 8] + [0] * 7])
    want = float(session.model.predict(ids, verbose=0)[0, 0])
    assert _probs(result) == pytest.approx({"negative": 1 - want, "positive": want}, abs=1e-6)
    with pytest.raises(InputMismatch, match="no words"):
        predictor.predict_text("?!")

    saved = session.save(tmp_path / "reviews.keras")
    review = tmp_path / "review.txt"
    review.write_text("The movie: great, great!")
    again = Predictor.from_file(saved)
    assert again.input_kind == "text"
    assert _probs(again.predict_file(review)[0]) == pytest.approx(_probs(result), abs=1e-6)


def test_a_csv_names_its_columns_and_word_classes(tmp_path):
    csv = tmp_path / "flowers.csv"
    csv.write_text("length,width,kind\n1.0,2.0,rose\n3.0,4.0,daisy\n5.0,6.0,rose\n")
    raw = datasets.load(DataConfig(source="csv", path=str(csv), targets=["kind"]))
    assert raw.columns == ["length", "width"]
    assert raw.target_classes == {"kind": ["daisy", "rose"]}  # the order load_csv numbers them in
    assert raw.arrays["kind"].tolist() == [1, 0, 1]
