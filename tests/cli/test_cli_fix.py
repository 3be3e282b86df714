"""``kbuilder check --json`` lists each issue's fixes; ``kbuilder check FILE
--fix -o OUT`` applies them until none is left and writes the result."""

from __future__ import annotations

import json

import pytest

from kbuilder.cli import main
from kbuilder.core.graph import Graph
from kbuilder.project import kbproj


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def project(tmp_path, graph: Graph, training: dict | None = None, name: str = "model.kbproj"):
    path = tmp_path / name
    kbproj.save(kbproj.Project(graph=graph, settings={"training": training} if training else {}), path)
    return path


def broken() -> Graph:
    """Pictures without a channel axis into a Conv2D, a Dense after it, an unconnected output of 3 units."""
    g = Graph("broken")
    x = g.add_input((8, 8), name="digit_image")
    c = g.add("Conv2D", name="conv", inputs=[x], filters=4, kernel_size=3)
    g.add("Dense", name="hidden", inputs=[c], units=16, activation="relu")
    g.add("Dense", name="out", units=3, activation="softmax")
    return g


def test_check_json_lists_the_fixes_of_each_issue(capsys, tmp_path):
    path = project(tmp_path, broken())
    code, out, _ = run(capsys, "check", str(path), "--json")
    assert code == 1
    issues = json.loads(out)["issues"]
    assert [(i["node"], [f["title"] for f in i["fixes"]]) for i in issues] == [
        ("out", ["Connect hidden to out", "Delete out"]),
        ("conv", ["Insert a Reshape to (8, 8, 1) before conv", "Give the Input digit_image the shape (8, 8, 1)"]),
    ]
    g = Graph("conv")
    x = g.add_input((28, 28), name="x")
    g.add(
        "Dense",
        name="out",
        inputs=[g.add("Flatten", inputs=[g.add("Conv2D", name="conv", inputs=[x], filters=2, kernel_size=3)])],
        units=2,
    )
    g.add_input((3,), name="spare")
    code, out, _ = run(capsys, "check", str(project(tmp_path, g, name="conv.kbproj")), "--json")
    issues = {i["node"]: i for i in json.loads(out)["issues"]}
    assert [f["title"] for f in issues["conv"]["fixes"]] == [
        "Insert a Reshape to (28, 28, 1) before conv",
        "Give the Input x the shape (28, 28, 1)",
    ]
    assert issues["conv"]["fixes"][0]["detail"].startswith("Conv2D needs 3 axes per sample")
    assert issues["spare"]["fixes"] == [{"title": "Delete spare", "kind": "graph"}]
    code, out, _ = run(capsys, "check", str(project(tmp_path, g, name="conv.kbproj")))
    assert "  fix: Insert a Reshape to (28, 28, 1) before conv" in out.splitlines()


def test_check_against_a_data_set(capsys, tmp_path):
    g = Graph("clf")
    x = g.add_input((64,), name="pixels")
    g.add("Dense", name="out", inputs=[x], units=3, activation="softmax")
    path = project(tmp_path, g)
    code, out, _ = run(capsys, "check", str(path), "--json")
    assert (code, json.loads(out)["issues"]) == (0, [])  # no data set chosen: nothing to compare
    code, out, _ = run(capsys, "check", str(path), "--json", "--dataset", "digits")
    (issue,) = json.loads(out)["issues"]
    assert code == 1 and issue["severity"] == "error" and "10 classes" in issue["message"]
    assert issue["fixes"] == [{"title": "Set the units of out to 10", "kind": "graph"}]
    code, out, _ = run(capsys, "check", str(path), "--json", "--dataset", "iris")
    assert (code, json.loads(out)["issues"]) == (0, [])
    code, out, err = run(capsys, "check", str(path), "--dataset", "no_such_set")
    assert code == 2 and out == "" and "unknown data set 'no_such_set'" in err


def test_fix_writes_a_model_that_checks_clean(capsys, tmp_path):
    src = project(tmp_path, broken(), {"dataset": "digits", "outputs": {"out": {"loss": "binary_crossentropy"}}})
    out_path = tmp_path / "fixed.kbproj"
    code, out, err = run(capsys, "check", str(src), "--fix", "-o", str(out_path))
    assert code == 0, err
    assert out.splitlines() == [
        "fixed: Connect hidden to out",
        "fixed: Insert a Reshape to (8, 8, 1) before conv",
        "fixed: Insert a Flatten before hidden",
        "fixed: Use sparse categorical cross-entropy as the loss",
        "fixed: Set the units of out to 10",
        f"wrote {out_path}",
    ]
    code, out, _ = run(capsys, "check", str(out_path), "--json")
    assert (code, json.loads(out)) == (0, {"valid": True, "issues": []})
    saved = kbproj.load(out_path)
    assert saved.settings["training"]["outputs"]["out"]["loss"] == "sparse_categorical_crossentropy"
    assert saved.settings["training"]["dataset"] == "digits"
    assert kbproj.load(src).graph.to_dict() == broken_dict(src)  # FILE itself is untouched


def broken_dict(path):
    return kbproj.load(path).graph.to_dict()


def test_fix_json_and_what_cannot_be_fixed(capsys, tmp_path):
    g = broken()
    g.add("Dense", name="odd", inputs=[g.by_name("hidden")], units=4, activation="no_such_thing")
    src = project(tmp_path, g)
    out_path = tmp_path / "partly.kbproj"
    code, out, err = run(capsys, "check", str(src), "--fix", "-o", str(out_path), "--json")
    assert code == 1
    data = json.loads(out)
    assert data["valid"] is False and data["saved"] == str(out_path) and out_path.exists()
    assert "Insert a Reshape to (8, 8, 1) before conv" in data["applied"]
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("kbuilder: errors remain that kbuilder cannot fix by itself: odd: ")
    # A Keras file cannot hold a model with errors: nothing is written.
    code, _, err = run(capsys, "check", str(src), "--fix", "-o", str(tmp_path / "partly.keras"))
    assert code == 1 and not (tmp_path / "partly.keras").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--fix"], "--fix needs -o OUT.kbproj"),
        (["--fix", "-o", "out.txt"], "OUT must end in"),
    ],
)
def test_fix_arguments(capsys, tmp_path, argv, message):
    src = project(tmp_path, broken())
    code, out, err = run(capsys, "check", str(src), *argv)
    assert code == 2 and out == "" and message in err
