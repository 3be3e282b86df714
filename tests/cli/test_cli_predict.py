"""``kbuilder predict``: a model trained and saved by ``kbuilder train``
answers on the user's own picture as plain Keras does on the same pixels."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from kbuilder.cli import main
from kbuilder.core.graph import Graph
from kbuilder.project import kbproj, saving

PLAIN_KERAS = """
import json, sys
import numpy as np
import keras
from PIL import Image

model = keras.models.load_model(sys.argv[1])
raw = np.asarray(Image.open(sys.argv[2]), dtype="float32")[None]  # the PNG's own 0-255 pixels
print(json.dumps(model.predict(raw, verbose=0)[0].tolist()))
"""


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def digits_graph() -> Graph:
    g = Graph("digits")
    x = g.add_input((64,), name="img")  # the 8x8 pictures as 64 numbers: the saved model reshapes them
    h = g.add("Dense", inputs=[x], units=32, activation="relu")
    g.add("Dense", name="digit", inputs=[h], units=10, activation="softmax")
    return g


@pytest.fixture(scope="module")
def digits(tmp_path_factory):
    """A digits model trained and saved by ``kbuilder train``, and a PNG of a
    real digits sample scaled to 0-255."""
    from sklearn.datasets import load_digits

    root = tmp_path_factory.mktemp("digits")
    proj = root / "digits.kbproj"
    kbproj.save(kbproj.Project(digits_graph(), settings={"training": {"dataset": "digits"}}), proj)
    saved = root / "trained.keras"
    code = main(
        [
            "train",
            str(proj),
            "--dataset",
            "digits",
            "--epochs",
            "3",
            "--learning-rate",
            "0.01",
            "--json",
            "-o",
            str(saved),
        ]
    )
    assert code == 0 and saved.exists()
    bunch = load_digits()
    png = root / "three.png"
    Image.fromarray(np.round(bunch.images[3] * 255 / 16).astype("uint8")).save(png)
    return {"root": root, "project": proj, "saved": saved, "png": png, "label": str(bunch.target[3])}


@pytest.mark.slow
def test_png_gives_what_plain_keras_gives_in_a_fresh_process(digits, capsys):
    code, out, err = run(capsys, "predict", digits["saved"], "--input", digits["png"], "--json")
    assert code == 0, err
    result = json.loads(out)
    assert list(result) == ["outputs"]
    (output,) = result["outputs"]
    assert output["name"] == "digit" and len(output["top"]) == 5
    assert sorted(output["top"][0]) == ["class", "probability"]

    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(digits["root"]),
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "KERAS_BACKEND": os.environ.get("KERAS_BACKEND", "tensorflow"),
    }
    child = subprocess.run(
        [sys.executable, "-c", PLAIN_KERAS, str(digits["saved"]), str(digits["png"])],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=digits["root"],
    )
    assert child.returncode == 0, child.stderr[-3000:]
    plain = np.array(json.loads(child.stdout.strip().splitlines()[-1]))
    assert output["top"][0]["class"] == str(int(plain.argmax()))
    for t in output["top"]:
        assert t["probability"] == pytest.approx(plain[int(t["class"])], abs=1e-5)
    assert output["top"][0]["class"] == digits["label"]  # and it is the right digit

    # Human output: a short table.
    code, out, _ = run(capsys, "predict", digits["saved"], "--input", digits["png"])
    assert code == 0 and out.splitlines()[0] == "digit:" and "%" in out.splitlines()[1]


@pytest.mark.slow
def test_a_project_scales_as_its_training_did(digits, capsys, tmp_path):
    """A .kbproj keeps the canvas's graph (no preprocessing layers) and its
    training settings: predict scales the picture as training did."""
    from kbuilder.training.cli import load_model_file

    graph, _, weights = load_model_file(str(digits["saved"]))
    assert [n.name for n in graph.inputs()[0:1]] == ["img"]
    assert graph.find("kbuilder_preprocess_img") is not None and graph.find("kbuilder_reshape_img") is not None
    project = kbproj.Project(digits_graph(), settings={"training": {"dataset": "digits"}})
    proj = tmp_path / "with_weights.kbproj"
    saving.save_graph(project.graph, proj, weights=weights, project=project)
    _, from_model, _ = run(capsys, "predict", digits["saved"], "--input", digits["png"], "--json")
    code, from_project, err = run(capsys, "predict", proj, "--input", digits["png"], "--json")
    assert code == 0, err
    a, b = json.loads(from_model)["outputs"][0]["top"], json.loads(from_project)["outputs"][0]["top"]
    assert [t["class"] for t in a] == [t["class"] for t in b]
    assert [t["probability"] for t in a] == pytest.approx([t["probability"] for t in b], abs=1e-5)


@pytest.mark.slow
def test_npy_batch_gives_every_sample(digits, capsys, tmp_path):
    pixels = np.asarray(Image.open(digits["png"]), dtype="float32")
    batch = tmp_path / "batch.npy"
    np.save(batch, np.stack([pixels, pixels[::-1], np.zeros_like(pixels)]))
    code, out, err = run(capsys, "predict", digits["saved"], "--input", batch, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert len(result["samples"]) == 3 and result["samples"][0]["outputs"] == result["outputs"]
    _, single, _ = run(capsys, "predict", digits["saved"], "--input", digits["png"], "--json")
    assert json.loads(single)["outputs"][0]["top"][0] == pytest.approx(result["outputs"][0]["top"][0])


@pytest.mark.slow
def test_a_file_that_does_not_fit_is_exit_2_with_one_sentence(digits, capsys, tmp_path):
    rows = tmp_path / "x.csv"
    rows.write_text("1,2,3,4,5\n6,7,8,9,10\n")
    code, out, err = run(capsys, "predict", digits["saved"], "--input", rows)
    assert code == 2 and out == ""
    assert err == (
        "kbuilder: The model expects pictures of 8×8 with 1 channel, or rows of 64 numbers; "
        "'x.csv' has rows of 5 numbers.\n"
    )
    text = tmp_path / "review.txt"
    text.write_text("a fine film")
    code, _, err = run(capsys, "predict", digits["saved"], "--input", text)
    assert code == 2 and err.endswith("; 'review.txt' is text.\n") and err.count("\n") == 1
    wrong = tmp_path / "wrong.npy"
    np.save(wrong, np.zeros((3, 5)))
    code, _, err = run(capsys, "predict", digits["saved"], "--input", wrong)
    assert code == 2 and err.endswith("; 'wrong.npy' holds an array of shape (3, 5).\n")


@pytest.mark.slow
def test_other_failures_are_exit_1_with_one_sentence(digits, capsys, tmp_path):
    code, _, err = run(capsys, "predict", digits["project"], "--input", digits["png"])
    assert (code, err) == (1, "kbuilder: This model has no trained weights yet: train it first.\n")
    code, _, err = run(capsys, "predict", digits["saved"], "--input", tmp_path / "missing.png")
    assert code == 1 and err.startswith("kbuilder: No such file:") and err.count("\n") == 1
    code, _, err = run(capsys, "predict", tmp_path / "missing.keras", "--input", digits["png"])
    assert code == 1 and err.startswith("kbuilder: No such file") and err.count("\n") == 1
    code, _, err = run(capsys, "predict", digits["saved"], "--input", digits["png"], "--dataset", "nope")
    assert code == 1 and err.startswith("kbuilder: Unknown data set 'nope'") and err.count("\n") == 1
    odd = tmp_path / "x.gif"
    odd.write_bytes(b"GIF89a")
    code, _, err = run(capsys, "predict", digits["saved"], "--input", odd)
    assert code == 1 and "not 'x.gif'" in err
