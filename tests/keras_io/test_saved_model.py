"""Keras 2 SavedModel folders open as graphs with weights, and nothing in
them ever runs: seed models compared by totals and predictions after
convert, a plain tf.Module refused in one sentence without running its
function, damaged folders refused in one sentence."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kbuilder import cli
from kbuilder.keras_io import model_file
from kbuilder.keras_io.build import build_model
from kbuilder.keras_io.saved_model import saved_model_folder
from kbuilder.layers.backend import keras
from kbuilder.project import saving
from kbuilder.project.loader import can_open, open_path

SEEDS = ["mlp", "cnn", "widedeep", "nested"]


def one_sentence(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message, message
    assert len(message) < 400 and message.count(". ") <= 1, message


def error(path, **kw) -> str:
    with pytest.raises(model_file.ModelFileError) as info:
        model_file.open_model_file(path, **kw)
    one_sentence(str(info.value))
    return str(info.value)


def predict(model, xs):
    ys = model.predict(xs if len(xs) > 1 else xs[0], verbose=0)
    return ys if isinstance(ys, list) else [ys]


@pytest.mark.slow
@pytest.mark.parametrize("key", SEEDS)
def test_seed_models_open_with_their_weights_and_convert(issue15_files, tmp_path, key):
    folder = issue15_files.path(key)
    xs, expected = issue15_files.io(key)
    result = model_file.open_model_file(folder)
    assert not [n for n in result.graph.nodes if n.is_placeholder]
    assert "SavedModel" in result.notes[0] and "nothing in it was run" in result.notes[0]
    model, notes = model_file.build_with_weights(result.graph, result.weights)
    assert not notes  # every layer got its weights
    assert model.count_params() == issue15_files.manifest[key]["params"]
    for got, want in zip(predict(model, xs), expected, strict=True):
        np.testing.assert_allclose(got, want, atol=1e-5)
    # Converted to .keras, Keras 3 itself loads it and predicts the same.
    out = tmp_path / f"{key}.keras"
    saving.convert(folder, out)
    loaded = keras().saving.load_model(out)
    assert loaded.count_params() == issue15_files.manifest[key]["params"]
    for got, want in zip(predict(loaded, xs), expected, strict=True):
        np.testing.assert_allclose(got, want, atol=1e-5)
    assert not issue15_files.marker.exists()


@pytest.mark.slow
def test_the_folder_or_its_saved_model_pb_opens_everywhere(issue15_files, tmp_path, capsys):
    folder = issue15_files.path("widedeep")
    pb = folder / "saved_model.pb"
    assert saved_model_folder(folder) == folder and saved_model_folder(pb) == folder
    assert can_open(folder) and can_open(pb) and not can_open(tmp_path)
    opened = open_path(pb)
    assert opened.graph.name == "widedeep" and opened.weights and not opened.is_project
    assert [n.name for n in opened.graph.inputs()] == ["wide_input", "deep_input"]
    # The CLI: summary of the folder, convert with OUT as an argument or as -o.
    assert cli.main(["summary", str(folder)]) == 0
    out = capsys.readouterr().out
    assert (
        f"{issue15_files.manifest['widedeep']['params']:,}" in out
        or str(issue15_files.manifest["widedeep"]["params"]) in out
    )
    assert cli.main(["convert", str(folder), str(tmp_path / "wd.keras")]) == 0
    assert cli.main(["convert", str(pb), "-o", str(tmp_path / "wd.kbproj")]) == 0
    assert (tmp_path / "wd.keras").is_file() and (tmp_path / "wd.kbproj").is_file()
    project = open_path(tmp_path / "wd.kbproj")
    assert build_model(project.graph).count_params() == issue15_files.manifest["widedeep"]["params"]
    assert project.weights and set(project.weights) == set(opened.weights)


@pytest.mark.slow
def test_a_plain_tf_module_is_refused_and_never_runs(issue15_files, tmp_path, capsys):
    assert issue15_files.manifest["_marker_written_at_build"], "the test module does not write its marker"
    folder = issue15_files.folder / "tfmodule_sm"
    for path in (folder, folder / "saved_model.pb"):
        message = error(path)
        assert "plain TensorFlow functions (a tf.Module" in message and "never runs" in message
        with pytest.raises(model_file.ModelFileError):
            saving.convert(path, tmp_path / "x.keras")
    assert cli.main(["summary", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "tf.Module" in err
    assert not (tmp_path / "x.keras").exists()
    assert not issue15_files.marker.exists()


@pytest.mark.slow
def test_a_keras_saved_model_with_a_lambda_keeps_it_a_placeholder(issue15_files, tmp_path):
    folder = issue15_files.folder / "lambda_sm"
    result = model_file.open_model_file(folder)
    evil = result.graph.by_name("evil")
    assert evil.is_placeholder and evil.extra["original_class"] == "Lambda"
    assert set(result.weights) == {"d1", "d2"}
    with pytest.raises(model_file.ModelFileError, match="your own code"):
        saving.convert(folder, tmp_path / "out.keras")
    saving.convert(folder, tmp_path / "out.kbproj")
    assert not issue15_files.marker.exists()


@pytest.mark.slow
def test_the_reader_never_loads_tensorflow(issue15_files, tmp_path):
    """The child parses the protobufs with TensorFlow's generated classes
    alone: the TensorFlow runtime (and so any SavedModel loader) is never imported."""
    code = (
        "import sys; from kbuilder.keras_io.read_child import _read_path; "
        f"r = _read_path({str(issue15_files.path('nested'))!r}, {str(tmp_path)!r}, True); "
        "assert r['kind'] == 'saved_model' and r['weights']['groups'], r; "
        "bad = [m for m in sys.modules if m.startswith(('tensorflow.python.framework', 'tensorflow.python.saved_model', "
        "'tf_keras', 'keras'))]; assert not bad, bad"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


# ------------------------------------------------------------- damaged folders
@pytest.fixture
def mlp_copy(issue15_files, tmp_path):
    folder = tmp_path / "mlp_sm"
    shutil.copytree(issue15_files.path("mlp"), folder)
    return folder


def _data(folder):
    return next((folder / "variables").glob("variables.data-*"))


@pytest.mark.slow
def test_damaged_folders_are_one_sentence(mlp_copy, tmp_path):
    index = mlp_copy / "variables" / "variables.index"
    good = index.read_bytes()

    index.write_bytes(good[: len(good) // 2])
    assert "damaged or cut short" in error(mlp_copy)
    index.write_bytes(good[:-60] + bytes(60))
    assert "damaged" in error(mlp_copy)
    index.write_bytes(good)

    data = _data(mlp_copy)
    whole = data.read_bytes()
    data.write_bytes(whole[:100])
    assert "beyond the end of its data file" in error(mlp_copy)
    data.write_bytes(whole)

    meta = mlp_copy / "keras_metadata.pb"
    keep = meta.read_bytes()
    meta.write_bytes(b"\xff" * 64)
    assert "damaged SavedModel" in error(mlp_copy)
    meta.write_bytes(keep)

    # A data file that is a link to a file outside the folder is never read.
    secret = tmp_path / "secret.bin"
    secret.write_bytes(whole)
    data.unlink()
    data.symlink_to(secret)
    assert "outside its folder" in error(mlp_copy)
    data.unlink()
    fifo = data
    os.mkfifo(fifo)
    message = error(mlp_copy, timeout=20)
    assert "pipe" in message or "not a regular file" in message or "damaged" in message
    fifo.unlink()
    data.write_bytes(whole)

    # No checkpoint at all: the layers open, with fresh weights and a note.
    shutil.rmtree(mlp_copy / "variables")
    result = model_file.open_model_file(mlp_copy)
    assert result.weights is None and any("fresh weights" in n for n in result.notes)


def test_folders_that_are_no_saved_model(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "is a folder" in error(empty)
    assert saved_model_folder(empty) is None
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "saved_model.pb").write_bytes(b"\x00")
    assert "SavedModel" in error(broken)
    text = tmp_path / "text"
    text.mkdir()
    (text / "saved_model.pbtxt").write_text("meta_graphs {}")
    assert "saved_model.pbtxt" in error(text)
