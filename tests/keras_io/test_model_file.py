"""Saved models (Keras 2 and Keras 3, .h5 and .keras) open as graphs whose
summary matches Keras and whose converted .keras predicts what the original
predicts."""

from __future__ import annotations

import json
import re
import zipfile

import numpy as np
import pytest

from kbuilder.keras_io import model_file
from kbuilder.keras_io.summary import summarize
from kbuilder.layers.backend import keras
from kbuilder.project import saving

SEEDS = ["mlp", "qa", "posts", "siamese", "sepconv", "widedeep", "nested", "rnn_zoo", "deferred", "transfer"]
CASES = (
    [pytest.param("k2", f"k2_{m}", fmt, id=f"k2-{m}-{fmt}") for m in SEEDS for fmt in ("h5", "keras")]
    + [pytest.param("k2", f"tf213_{m}", "keras", id=f"tf213-{m}") for m in ("qa", "rnn_zoo", "nested")]
    + [pytest.param("k3", f"k3_{m}", fmt, id=f"k3-{m}-{fmt}") for m in SEEDS for fmt in ("h5", "keras")]
    + [
        pytest.param(lib, f"{lib}_mobilenet", fmt, id=f"{lib}-mobilenet-{fmt}", marks=pytest.mark.slow)
        for lib, fmt in (("k2", "h5"), ("k3", "keras"))
    ]
    + [pytest.param("k2", "k2_efficientnet", "h5", id="k2-efficientnet-h5", marks=pytest.mark.slow)]
    + [pytest.param(lib, f"{lib}_deep", fmt, id=f"{lib}-deep-{fmt}")
       for lib, fmt in (("k2", "keras"), ("k3", "h5"), ("k3", "keras"))]
)


def _predict(model, xs):
    out = model.predict(xs if len(xs) > 1 else xs[0], verbose=0)
    return list(out) if isinstance(out, (list, tuple)) else [out]


def _assert_same(got, want):
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        np.testing.assert_allclose(np.asarray(g), w, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize(("lib", "key", "fmt"), CASES)
def test_open_summary_convert_predict(files, tmp_path, lib, key, fmt):
    mf = files(lib)
    src = mf.path(key, fmt)
    result = model_file.open_model_file(src)
    assert result.weights, "the file's weights were not read"
    assert not [n for n in result.graph.nodes if n.is_placeholder], result.notes
    summary = summarize(result.graph)
    assert summary["total_params"] == mf.manifest[key]["params"]
    assert summary["trainable_params"] == mf.manifest[key]["trainable"]

    dst = tmp_path / "converted.keras"
    saving.convert(src, dst)
    loaded = keras().models.load_model(dst)
    xs, ys = mf.io(key)
    _assert_same(_predict(loaded, xs), ys)


@pytest.mark.parametrize("lib", ["k2", "k3"])
def test_convert_to_h5_loads_in_keras3(files, tmp_path, lib):
    mf = files(lib)
    dst = tmp_path / "out.h5"
    saving.convert(mf.path(f"{lib}_siamese", "h5"), dst)
    loaded = keras().models.load_model(dst, compile=False)
    xs, ys = mf.io(f"{lib}_siamese")
    _assert_same(_predict(loaded, xs), ys)


def test_kbproj_keeps_weights_beside_it(k2_files, tmp_path):
    from kbuilder.project import kbproj

    proj = tmp_path / "qa.kbproj"
    saving.convert(k2_files.path("k2_qa", "h5"), proj)
    project = kbproj.load(proj)
    # A generation of its own, saved as one unit with the project (see kbproj.save).
    assert re.fullmatch(r"qa\.weights-[0-9a-f]{16}\.h5", project.weights_file)
    assert (tmp_path / project.weights_file).exists()
    weights = model_file.read_weights_file(tmp_path / project.weights_file)
    assert set(weights) >= {"embedding", "lstm", "answer"}

    # .kbproj -> .keras carries the weights over.
    dst = tmp_path / "again.keras"
    saving.convert(proj, dst)
    loaded = keras().models.load_model(dst)
    xs, ys = k2_files.io("k2_qa")
    _assert_same(_predict(loaded, xs), ys)


def test_graph_structure_of_keras2_files(k2_files):
    siamese = model_file.open_model_file(k2_files.path("k2_siamese", "h5")).graph
    owner = siamese.by_name("shared_lstm")
    sharers = siamese.sharers(owner.id)
    assert len(sharers) == 1 and sharers[0].class_name == "LSTM"
    assert "time_major" not in owner.params

    mlp = model_file.open_model_file(k2_files.path("k2_mlp", "h5")).graph
    assert [n.params["shape"] for n in mlp.inputs()] == [[28, 28]]
    assert [n.class_name for n in mlp.nodes].count("Dense") == 3

    sep = model_file.open_model_file(k2_files.path("k2_sepconv", "h5")).graph
    for node in sep.nodes:
        if node.class_name in ("DepthwiseConv2D", "Conv2DTranspose", "SeparableConv2D"):
            assert "groups" not in node.params

    nested = model_file.open_model_file(k2_files.path("k2_nested", "h5"))
    names = {n.class_name for n in nested.graph.nodes}
    assert not names & {"Sequential", "Functional", "Placeholder"}
    assert any(n.shared_with for n in nested.graph.nodes)  # encoder called twice
    assert any("nested model 'encoder'" in note for note in nested.notes)
    groups = {n.name: n.extra.get("group") for n in nested.graph.nodes}
    assert [g for g in groups.values() if g].count("encoder") == 6  # 3 layers, each called twice
    assert "head" in groups.values() and groups["dense_out"] is None


def test_notes_say_what_was_translated(k2_files):
    result = model_file.open_model_file(k2_files.path("k2_qa", "h5"))
    text = " ".join(result.notes)
    assert "time_major" in text and "input_length" in text
    assert all(isinstance(n, str) and n.strip() for n in result.notes)


def test_weights_follow_keras3_order(k2_files):
    result = model_file.open_model_file(k2_files.path("k2_sepconv", "h5"))
    shapes = {name: [a.shape for a in arrays] for name, arrays in result.weights.items()}
    assert shapes["separable_conv2d"] == [(3, 3, 3, 1), (1, 1, 3, 8), (8,)]
    assert len(shapes["batch_normalization"]) == 4
    result = model_file.open_model_file(k2_files.path("k2_qa", "keras"))
    assert [a.shape for a in result.weights["lstm"]] == [(16, 32), (8, 32), (32,)]


def test_json_architecture_opens_without_weights(k3_files, tmp_path):
    with zipfile.ZipFile(k3_files.path("k3_widedeep", "keras")) as zf:
        config = zf.read("config.json").decode()
    path = tmp_path / "arch.json"
    path.write_text(config)
    result = model_file.open_model_file(path)
    assert result.weights is None
    assert summarize(result.graph)["total_params"] == k3_files.manifest["k3_widedeep"]["params"]

    out = tmp_path / "back.json"
    saving.convert(path, out)
    assert json.loads(out.read_text())["class_name"] == "Functional"


def test_save_model_file_is_atomic(k3_files, tmp_path):
    from kbuilder.core.graph import Graph

    dst = tmp_path / "model.keras"
    dst.write_bytes(b"previous")
    bad = Graph()
    inp = bad.add_input([4])
    bad.add("Placeholder", name="mystery", inputs=[inp])
    with pytest.raises(model_file.ModelFileError, match="your own code"):
        model_file.save_model_file(bad, dst)
    assert dst.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["model.keras"]


def test_apply_weights_reports_mismatches(k3_files):
    result = model_file.open_model_file(k3_files.path("k3_widedeep", "keras"))
    weights = dict(result.weights)
    weights["main_output"] = [np.zeros((2, 2), np.float32)]
    weights["ghost"] = [np.zeros(1, np.float32)]
    victim = next(n for n in weights if n not in ("main_output", "aux_output", "ghost"))
    del weights[victim]
    model, notes = model_file.build_with_weights(result.graph, weights)
    text = " ".join(notes)
    assert "'main_output' do not fit" in text
    assert f"'{victim}'" in text and "fresh weights" in text
    assert "'ghost'" in text


def test_cli_convert_and_summary(k2_files, tmp_path, capsys):
    from kbuilder import cli

    dst = tmp_path / "new.keras"
    assert cli.main(["convert", str(k2_files.path("k2_posts", "h5")), "-o", str(dst)]) == 0
    loaded = keras().models.load_model(dst)
    xs, ys = k2_files.io("k2_posts")
    _assert_same(_predict(loaded, xs), ys)
    capsys.readouterr()
    assert cli.main(["summary", "--json", str(k2_files.path("k2_posts", "keras"))]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total_params"] == k2_files.manifest["k2_posts"]["params"]


def test_unzipped_keras_folder(tmp_path):
    k = keras()
    inp = k.Input((3,))
    model = k.Model(inp, k.layers.Dense(2)(k.layers.Dense(4, activation="relu")(inp)))
    folder = tmp_path / "unzipped_model"
    model.save(folder, zipped=False)
    assert folder.is_dir()
    result = model_file.open_model_file(folder)
    built, notes = model_file.build_with_weights(result.graph, result.weights)
    assert not notes
    x = np.ones((2, 3), np.float32)
    _assert_same(_predict(built, [x]), _predict(model, [x]))
