"""The training engine headless: data, pre-flight, fit, CLI, exported script."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kbuilder.core.graph import Graph
from kbuilder.project.kbproj import Project, save
from kbuilder.training import cli as tcli
from kbuilder.training import datasets, recipes
from kbuilder.training.config import DataConfig, TrainConfig
from kbuilder.training.fit_setup import TrainingError
from kbuilder.training.session import TrainingSession

ROOT = Path(__file__).resolve().parents[2]


def digits_graph(units: int = 10) -> Graph:
    g = Graph("digits_mlp")
    x = g.add_input((64,), name="img")
    h = g.add("Dense", inputs=[x], units=32, activation="relu")
    g.add("Dense", name="out", inputs=[h], units=units, activation="softmax")
    return g


def tabular_graph(n_in: int, units: int, activation: str) -> Graph:
    g = Graph("tab")
    x = g.add_input((n_in,), name="features")
    h = g.add("Dense", inputs=[x], units=8, activation="relu")
    g.add("Dense", name="out", inputs=[h], units=units, activation=activation)
    return g


@pytest.mark.parametrize("name", ["digits", "iris", "wine", "breast_cancer", "diabetes"])
def test_bundled_sets_load_offline(name):
    raw = datasets.load(DataConfig(source="sklearn", name=name))
    info = datasets.DATASETS[name]
    assert len(raw.arrays["x"]) == len(raw.arrays["y"]) > 100
    assert raw.arrays["x"].shape[1:] == info.sample_shape
    assert raw.task == info.task


def test_split_is_seeded_and_disjoint():
    arrays = {"x": np.arange(100)[:, None], "y": np.arange(100)}
    a = recipes.split_arrays(arrays, None, 0.1, 0.2, seed=3)
    b = recipes.split_arrays(arrays, None, 0.1, 0.2, seed=3)
    assert [len(a[p]["y"]) for p in ("train", "val", "test")] == [70, 10, 20]
    assert all(np.array_equal(a[p]["y"], b[p]["y"]) for p in a)
    assert len(set(np.concatenate([a[p]["y"] for p in a]).tolist())) == 100


def test_offline_keras_set_says_where_to_put_the_file(monkeypatch, tmp_path):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))

    def offline(**kw):
        raise Exception("URL fetch failure on https://x/mnist.npz: None -- [Errno -2] Name or service not known")

    monkeypatch.setattr(recipes, "load_keras", offline)
    with pytest.raises(datasets.DatasetUnavailable) as info:
        datasets.load(DataConfig(source="keras", name="mnist"))
    text = str(info.value)
    assert "could not be downloaded" in text
    assert str(tmp_path / "datasets" / "mnist.npz") in text
    assert "digits" in text  # an offline alternative


def test_csv_with_word_labels(tmp_path):
    path = tmp_path / "flowers.csv"
    path.write_text("a,b,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n")
    raw = datasets.load(DataConfig(source="csv", path=str(path), targets=["species"]))
    assert raw.arrays["x"].shape == (3, 2)
    assert raw.arrays["species"].tolist() == [0, 1, 0]
    assert raw.task == "classification"


def test_template_short_settings():
    cfg = TrainConfig.from_dict({"dataset": "digits", "epochs": 10, "batch_size": 32, "validation_split": 0.2})
    assert (cfg.data.source, cfg.data.name, cfg.epochs, cfg.data.val_fraction) == ("sklearn", "digits", 10, 0.2)
    assert TrainConfig.from_dict(cfg.to_dict()).to_dict() == cfg.to_dict()


def test_preflight_in_plain_words():
    cfg = TrainConfig(data=DataConfig(source="sklearn", name="iris"))
    session = TrainingSession(tabular_graph(4, 2, "softmax"), cfg)
    with pytest.raises(TrainingError) as info:
        session.prepare()
    assert info.value.kind == "preflight"
    assert "has 2 units but the labels have 3 classes" in str(info.value)
    # More units than classes trains, with a warning.
    session = TrainingSession(tabular_graph(4, 10, "softmax"), cfg)
    issues = session.prepare()
    assert any("has 10 units but the labels have 3 classes" in i.message for i in issues)
    # Shapes: 30 features into a 4-feature input.
    cfg2 = TrainConfig(data=DataConfig(source="sklearn", name="breast_cancer"))
    with pytest.raises(TrainingError, match=r"expects samples of shape \(4,\) but the data 'x' has samples of shape \(30,\)"):
        TrainingSession(tabular_graph(4, 1, "sigmoid"), cfg2).prepare()


def test_suggested_losses_from_the_output_layer():
    cfg = TrainConfig(data=DataConfig(source="sklearn", name="breast_cancer"))
    s = TrainingSession(tabular_graph(30, 1, "sigmoid"), cfg)
    s.prepare()
    assert s.outputs["out"].loss == "binary_crossentropy"
    s = TrainingSession(tabular_graph(10, 1, "linear"), TrainConfig(data=DataConfig(source="sklearn", name="diabetes")))
    s.prepare()
    assert s.outputs["out"].loss == "mean_squared_error"


def test_nan_loss_stops_with_a_message_and_keeps_the_model():
    cfg = TrainConfig(data=DataConfig(source="sklearn", name="diabetes", scale="none"), epochs=3,
                      optimizer="sgd", learning_rate=10.0)
    s = TrainingSession(tabular_graph(10, 1, "linear"), cfg)
    result = s.fit()
    assert result.stop_reason == "nan"
    assert "NaN" in result.message and "learning rate" in result.message
    assert s.model is not None


def _train_args(file, **kw):
    ns = argparse.ArgumentParser()
    tcli.add_train_arguments(ns)
    argv = [str(file)] + [x for k, v in kw.items() for x in (f"--{k.replace('_', '-')}", str(v))]
    return ns.parse_args(argv)


def test_cmd_train_three_epochs_loss_falls(tmp_path, capsys):
    proj = tmp_path / "digits.kbproj"
    g = Graph("digits")
    x = g.add_input((8, 8), name="digit_image")
    f = g.add("Flatten", inputs=[x])
    h = g.add("Dense", inputs=[f], units=32, activation="relu")
    g.add("Dense", name="digit", inputs=[h], units=10, activation="softmax")
    save(Project(g, settings={"training": {"dataset": "digits", "epochs": 10}}), proj)
    out = tmp_path / "trained.keras"
    script = tmp_path / "train_digits.py"
    args = _train_args(proj, dataset="digits", epochs=3, output=out, script=script)
    args.json = True
    assert tcli.cmd_train(args) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    epochs = [e for e in lines if e["event"] == "epoch"]
    assert [e["epoch"] for e in epochs] == [1, 2, 3]
    assert epochs[-1]["loss"] < epochs[0]["loss"]
    assert lines[-1]["event"] == "end" and "accuracy" in lines[-1]["test"]
    from kbuilder.layers.backend import keras

    assert keras().models.load_model(out).output_shape == (None, 10)

    # kbuilder evaluate measures the saved weights: the same test figures, no training.
    ev = argparse.ArgumentParser()
    tcli.add_evaluate_arguments(ev)
    assert tcli.cmd_evaluate(ev.parse_args([str(out), "--dataset", "digits", "--json"])) == 0
    evaluated = json.loads(capsys.readouterr().out)
    assert evaluated["test"] == pytest.approx(lines[-1]["test"], rel=1e-5)
    assert "Started from the saved weights (2 of 2 layers with weights)." in evaluated["notes"]

    # Training the saved model again goes on from its weights (--fresh starts over).
    args = _train_args(out, dataset="digits", epochs=1)
    args.json = True
    assert tcli.cmd_train(args) == 0
    again = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert again[0]["epoch"] == 1 and again[0]["loss"] < epochs[0]["loss"]
    assert again[-1]["notes"] == ["Started from the saved weights (2 of 2 layers with weights)."]

    # The exported script trains on its own, without kbuilder on the path.
    saved = tmp_path / "from_script.keras"
    run = subprocess.run([sys.executable, str(script), "--epochs", "1", "-o", str(saved)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr[-3000:]
    assert "loss" in run.stdout and saved.exists()


def test_evaluate_without_weights_is_exit_2(tmp_path, capsys):
    proj = tmp_path / "digits.kbproj"
    save(Project(digits_graph()), proj)
    ev = argparse.ArgumentParser()
    tcli.add_evaluate_arguments(ev)
    assert tcli.cmd_evaluate(ev.parse_args([str(proj), "--dataset", "digits"])) == 2
    assert "carries no trained weights" in capsys.readouterr().err


def test_initial_weights_set_and_a_changed_layer_starts_fresh():
    cfg = TrainConfig(epochs=2, batch_size=32)
    cfg.data = DataConfig(source="sklearn", name="digits")
    trained = TrainingSession(digits_graph(), cfg)
    trained.fit()
    weights = {layer.name: [np.array(w) for w in layer.get_weights()] for layer in trained.model.layers}
    before = trained.result.test_metrics

    same = TrainingSession(digits_graph(), cfg, initial_weights=weights)
    assert same.evaluate().test_metrics == pytest.approx(before, rel=1e-5)
    assert same.build_notes == ["Started from the saved weights (2 of 2 layers with weights)."]

    changed = digits_graph()
    hidden = next(n for n in changed.nodes if n.class_name == "Dense" and n.name != "out")
    changed.set_params(hidden.id, {"units": 48})  # its kernel (64, 32) no longer fits, nor does out's (32, 10)
    session = TrainingSession(changed, cfg, initial_weights=weights)
    session.build()
    assert any(hidden.name in note and "fresh weights" in note for note in session.build_notes)
    assert any("'out'" in note and "fresh weights" in note for note in session.build_notes)
    assert session.build_notes[0].startswith("None of the saved weights fits a layer of this model")

    # Only the output layer changed: the hidden layer keeps its trained weights.
    out_changed = digits_graph(units=12)
    session = TrainingSession(out_changed, cfg, initial_weights=weights)
    session.build()
    assert session.build_notes[0] == "Started from the saved weights (1 of 2 layers with weights)."
    hidden_name = next(n.name for n in out_changed.nodes if n.class_name == "Dense" and n.name != "out")
    np.testing.assert_array_equal(session.model.get_layer(hidden_name).get_weights()[0], weights[hidden_name][0])


def test_cmd_datasets_json(capsys):
    assert tcli.cmd_datasets(argparse.Namespace(json=True)) == 0
    data = json.loads(capsys.readouterr().out)
    names = {d["name"] for d in data["datasets"]}
    assert {"digits", "iris", "mnist", "cifar10", "imdb", "california_housing"} <= names


def test_cmd_train_bad_dataset_is_exit_2(tmp_path, capsys):
    proj = tmp_path / "m.kbproj"
    save(Project(digits_graph()), proj)
    assert tcli.cmd_train(_train_args(proj, dataset="nope")) == 2
    assert "unknown data set" in capsys.readouterr().err


def test_training_imports_without_qt():
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "import kbuilder.training.session, kbuilder.training.cli, kbuilder.training.script\n"
            "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]


def test_two_outputs_from_npz_mapped_by_name(tmp_path):
    from sklearn.datasets import load_digits

    d = load_digits()
    path = tmp_path / "digits2.npz"
    np.savez(path, pixels=d.data.astype("float32"), digit=d.target, parity=(d.target % 2).astype("int64"))
    g = Graph("two_heads")
    x = g.add_input((64,), name="pixels")
    h = g.add("Dense", inputs=[x], units=16, activation="relu")
    g.add("Dense", name="digit", inputs=[h], units=10, activation="softmax")
    g.add("Dense", name="odd", inputs=[h], units=1, activation="sigmoid")
    cfg = TrainConfig(data=DataConfig(source="npz", path=str(path), targets=["digit", "parity"],
                                      output_map={"odd": "parity"}), epochs=1)
    s = TrainingSession(g, cfg)
    result = s.fit()
    assert s.prepared.mapping.outputs == {"digit": "digit", "odd": "parity"}
    assert s.outputs["odd"].loss == "binary_crossentropy"
    assert {"digit_loss", "odd_loss", "digit_accuracy", "odd_accuracy"} <= set(result.history)
    assert s.log_keys() == ["loss", "digit_loss", "digit_accuracy", "odd_loss", "odd_accuracy"]


def test_missing_tensorboard_is_explained(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "tensorboard" else real(name, *a))
    cfg = TrainConfig(epochs=1)
    cfg.callbacks.tensorboard["enabled"] = True
    with pytest.raises(TrainingError, match="pip install tensorboard") as info:
        TrainingSession(digits_graph(), cfg).fit()
    assert info.value.kind == "tensorboard"


def _image_folder(root: Path, per_class: int = 24) -> Path:
    """Two classes of 16x16 PNGs a small model can tell apart: bright and dark."""
    import tensorflow as tf

    rng = np.random.default_rng(0)
    for cls, (lo, hi) in {"bright": (170, 255), "dark": (0, 85)}.items():
        (root / cls).mkdir(parents=True)
        for i in range(per_class):
            img = rng.integers(lo, hi, size=(16, 16, 3), dtype=np.uint8)
            (root / cls / f"{i}.png").write_bytes(tf.io.encode_png(img).numpy())
    return root


@pytest.mark.slow
def test_image_folder_trains_and_names_its_classes(tmp_path, capsys):
    folder = _image_folder(tmp_path / "pictures")
    g = Graph("pictures")
    x = g.add_input((16, 16, 3), name="picture")
    c = g.add("Conv2D", inputs=[x], filters=4, kernel_size=3, activation="relu")
    p = g.add("GlobalAveragePooling2D", inputs=[c])
    g.add("Dense", name="kind", inputs=[p], units=2, activation="softmax")
    proj = tmp_path / "pictures.kbproj"
    save(Project(g), proj)
    args = _train_args(proj, dataset=folder, epochs=8, batch_size=8)
    cfg = tcli.config_from_args(args, {})
    assert (cfg.data.source, cfg.data.path) == ("images", str(folder))
    # Pictures are resized to the model's input (16x16, 3 channels) unless the user gives a size.

    session = TrainingSession(g, cfg)
    result = session.fit()
    assert session.raw.class_names == ["bright", "dark"]
    assert session.raw.arrays["x"].shape == (48, 16, 16, 3)
    assert result.history["loss"][-1] < result.history["loss"][0]
    assert result.class_names == ["bright", "dark"] and result.confusion.shape == (2, 2)
    assert result.samples and "image" in result.samples[0]

    cfg.data.image_size, cfg.data.color_mode = [20, 24], "grayscale"
    with pytest.raises(TrainingError) as err:
        TrainingSession(g, cfg).prepare()
    assert "expects samples of shape (16, 16, 3)" in str(err.value) and "(20, 24, 1)" in str(err.value)


def test_an_image_folder_without_class_folders_is_a_message(tmp_path):
    empty = tmp_path / "nothing_here"
    empty.mkdir()
    cfg = TrainConfig()
    cfg.data = DataConfig(source="images", path=str(empty), image_size=[16, 16])
    with pytest.raises(TrainingError) as err:
        TrainingSession(digits_graph(), cfg).load_data()
    assert "nothing_here" in str(err.value) and "Traceback" not in str(err.value)


def _flowers_csv(path: Path, rows: list[tuple[float, float, str]]) -> Path:
    path.write_text("length,width,species\n" + "".join(f"{a},{b},{c}\n" for a, b, c in rows))
    return path


@pytest.mark.slow
def test_validation_file_instead_of_a_split(tmp_path, capsys):
    rng = np.random.default_rng(1)
    kinds = {"setosa": 1.0, "versicolor": 3.0, "virginica": 5.0}

    def rows(n, names):
        return [(kinds[k] + rng.normal(0, 0.3), kinds[k] + rng.normal(0, 0.3), k)
                for k in (names[i % len(names)] for i in range(n))]

    train = _flowers_csv(tmp_path / "train.csv", rows(90, list(kinds)))
    # The validation file lacks "setosa": its words must still be numbered as in the training file.
    val = _flowers_csv(tmp_path / "val.csv", rows(20, ["virginica", "versicolor"]))
    g = tabular_graph(2, 3, "softmax")
    proj = tmp_path / "flowers.kbproj"
    save(Project(g), proj)
    args = _train_args(proj, dataset=train, target="species", validation_data=val, epochs=2, test_split=0.2)
    cfg = tcli.config_from_args(args, {})
    assert cfg.data.val_path == str(val)

    session = TrainingSession(g, cfg)
    session.prepare()
    prep = session.prepared
    assert (prep.n("train"), prep.n("val"), prep.n("test")) == (72, 20, 18)  # no validation part taken from train
    _, y_val = prep.xy("val")
    assert sorted(set(np.asarray(y_val).reshape(-1).tolist())) == [1, 2]  # versicolor, virginica as in train.csv

    args.json = True
    script = tmp_path / "train_flowers.py"
    args.script = str(script)
    assert tcli.cmd_train(args) == 0
    epochs = [json.loads(line) for line in capsys.readouterr().out.splitlines() if '"epoch"' in line]
    assert "val_loss" in epochs[0]
    text = script.read_text()
    assert "classes_from" in text and "val.csv" in text
    run = subprocess.run([sys.executable, str(script), "--epochs", "1", "-o", str(tmp_path / "s.keras")],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr[-3000:]
    assert "val_loss" in run.stdout


def test_validation_file_with_an_unknown_class_is_a_message(tmp_path):
    train = _flowers_csv(tmp_path / "train.csv", [(1, 1, "setosa"), (5, 5, "virginica")] * 5)
    val = _flowers_csv(tmp_path / "val.csv", [(3, 3, "versicolor")])
    cfg = TrainConfig()
    cfg.data = DataConfig(source="csv", path=str(train), targets=["species"], val_path=str(val))
    with pytest.raises(TrainingError) as err:
        TrainingSession(tabular_graph(2, 2, "softmax"), cfg).prepare()
    assert "validation file" in str(err.value) and "'versicolor'" in str(err.value)
