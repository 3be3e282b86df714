"""The headless commands, run in-process (TensorFlow loads once) and, for
the entry point itself, in a child process."""

import json
import subprocess
import sys

import pytest

from kbuilder.cli import main
from kbuilder.core.graph import Graph
from kbuilder.project import kbproj, templates


@pytest.fixture
def mlp_file(tmp_path):
    path = tmp_path / "mlp.kbproj"
    kbproj.save(templates.load_template("functional_mlp"), path)
    return path


@pytest.fixture
def cyclic_file(tmp_path):
    g = Graph()
    x = g.add_input((4,), name="x")
    a = g.add("Dense", name="a", inputs=[x], units=4)
    b = g.add("Add", name="b", inputs=[a])
    g.connect(b.id, a.id, 1)  # a <- b and b <- a: a cycle
    g.add("Dense", name="out", inputs=[b], units=1)
    path = tmp_path / "cycle.kbproj"
    kbproj.save(kbproj.Project(graph=g), path)
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_valid(capsys, mlp_file):
    code, out, err = run(capsys, "check", str(mlp_file), "--json")
    assert code == 0, err
    assert json.loads(out) == {"valid": True, "issues": []}


def test_check_errors_name_the_layer(capsys, cyclic_file):
    code, out, _ = run(capsys, "check", str(cyclic_file), "--json")
    assert code == 1
    data = json.loads(out)
    assert data["valid"] is False
    assert any(i["severity"] == "error" and i["node"] in {"a", "b"} and "loop" in i["message"].lower() for i in data["issues"])
    code, out, _ = run(capsys, "check", str(cyclic_file))
    assert code == 1 and "has errors" in out


@pytest.mark.parametrize("content", [b"", b"garbage \x00\x01", b"{\"format\": \"kbuilder-project\", \"version\": 99}"])
def test_unreadable_file_is_exit_2_and_one_line(capsys, tmp_path, content):
    bad = tmp_path / "bad.kbproj"
    bad.write_bytes(content)
    code, out, err = run(capsys, "check", str(bad))
    assert code == 2
    assert out == ""
    assert 1 <= len(err.strip().splitlines()) <= 2 and "Traceback" not in err


def test_unknown_suffix(capsys, tmp_path):
    f = tmp_path / "model.txt"
    f.write_text("hi")
    code, _, err = run(capsys, "summary", str(f))
    assert code == 2 and "cannot open" in err


def test_summary_json_matches_keras(capsys, mlp_file):
    code, out, err = run(capsys, "summary", str(mlp_file), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["total_params"] == 3466
    assert data["trainable_params"] == 3466 and data["non_trainable_params"] == 0
    assert [i["name"] for i in data["inputs"]] == ["features"]
    assert data["inputs"][0]["shape"] == [None, 64]
    assert [layer["params"] for layer in data["layers"] if layer["class_name"] == "Dense"] == [2080, 1056, 330]
    dense = [layer for layer in data["layers"] if layer["class_name"] == "Dense"]
    assert dense[0]["inbound"] == ["features"]
    code, out, _ = run(capsys, "summary", str(mlp_file))
    assert code == 0 and "3,466" in out


def test_summary_of_broken_model_fails_cleanly(capsys, cyclic_file):
    code, out, err = run(capsys, "summary", str(cyclic_file))
    assert code == 1 and "error" in err and "Traceback" not in err


def test_export_styles(capsys, mlp_file, tmp_path):
    out_py = tmp_path / "model.py"
    code, out, err = run(capsys, "export", str(mlp_file), "-o", str(out_py))
    assert code == 0, err
    assert "def build_model" in out_py.read_text()
    code, out, _ = run(capsys, "export", str(mlp_file), "--style", "sequential")
    assert code == 0 and "Sequential" in out
    compile(out, "seq.py", "exec")


def test_export_sequential_refused_for_a_graph(capsys, tmp_path):
    path = tmp_path / "qa.kbproj"
    kbproj.save(templates.load_template("question_answering"), path)
    code, out, err = run(capsys, "export", str(path), "--style", "sequential")
    assert code == 1 and out == "" and "Sequential" in err


@pytest.mark.slow
def test_convert_round_trip(capsys, mlp_file, tmp_path):
    import keras

    for suffix in (".json", ".keras", ".h5", ".kbproj"):
        out = tmp_path / f"converted{suffix}"
        code, _, err = run(capsys, "convert", str(mlp_file), "-o", str(out))
        assert code == 0, err
        assert out.exists()
        code, summary, err = run(capsys, "summary", str(out), "--json")
        assert code == 0, err
        assert json.loads(summary)["total_params"] == 3466
    model = keras.models.load_model(tmp_path / "converted.keras")
    assert model.count_params() == 3466


def test_convert_refuses_unknown_target(capsys, mlp_file, tmp_path):
    code, _, err = run(capsys, "convert", str(mlp_file), "-o", str(tmp_path / "x.txt"))
    assert code == 2 and ".keras" in err


def test_entry_point_runs_as_a_program(mlp_file):
    proc = subprocess.run(
        [sys.executable, "-m", "kbuilder.cli", "check", str(mlp_file)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    assert "valid" in proc.stdout
    assert proc.stderr == "", "TensorFlow's start-up chatter must not reach the user"
