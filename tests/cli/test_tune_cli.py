"""``kbuilder tune``: arguments, JSON lines, the best model and the search script."""

from __future__ import annotations

import ast
import json

import pytest

from kbuilder.cli import main
from kbuilder.core.graph import Graph
from kbuilder.project import kbproj
from kbuilder.training.search_space import Dimension, SearchSettings, SearchSpace


@pytest.fixture
def digits_file(tmp_path):
    g = Graph("digits_mlp")
    x = g.add_input((64,), name="img")
    h = g.add("Dense", name="dense", inputs=[x], units=32, activation="relu")
    g.add("Dense", name="out", inputs=[h], units=10, activation="softmax")
    path = tmp_path / "digits.kbproj"
    kbproj.save(
        kbproj.Project(graph=g, settings={"training": {"dataset": "digits", "epochs": 3, "batch_size": 64}}), path
    )
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "search, words",
    [
        ("dense.units", "is not NAME=V1,V2,... or NAME=LO..HI[:log]"),
        ("hidden.units=8,16", "no layer named 'hidden'"),
        ("learning_rate=1e-2..1e-4:log", "low end must be below its high end"),
        ("dense.units=8,x", "must be a whole number"),
    ],
)
def test_bad_search_text_is_exit_2_and_one_sentence(capsys, digits_file, search, words):
    code, out, err = run(capsys, "tune", digits_file, "--dataset", "digits", "--search", search)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("kbuilder: ") and words in err


def test_nothing_to_search_and_a_wrong_output(capsys, digits_file):
    code, _, err = run(capsys, "tune", digits_file, "--dataset", "digits")
    assert code == 2 and "nothing to search" in err  # no --search and no saved space
    code, _, err = run(capsys, "tune", digits_file, "--search", "dense.units=8,16", "-o", "best.keras")
    assert code == 2 and "BEST must end in .kbproj" in err


@pytest.mark.slow
def test_tune_json_lines_best_project_and_script(capsys, digits_file, tmp_path):
    best_path, script_path = tmp_path / "best.kbproj", tmp_path / "search.py"
    code, out, err = run(
        capsys,
        "tune",
        digits_file,
        "--dataset",
        "digits",
        "--search",
        "dense.units=8,16,64",
        "--search",
        "learning_rate=1e-3..1e-2:log",
        "--trials",
        "2",
        "--epochs",
        "1",
        "--json",
        "-o",
        best_path,
        "--script",
        script_path,
    )
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["event"] for line in lines] == ["trial", "trial", "end"]  # stdout holds nothing else
    for i, line in enumerate(lines[:2], start=1):
        assert line["trial"] == i and set(line["values"]) == {"dense.units", "learning_rate"}
        assert isinstance(line["score"], float) and line["state"] == "completed"
    end = lines[-1]
    best = max(lines[:2], key=lambda line: line["score"])  # val_accuracy: higher is better
    assert end["best"] == {"values": best["values"], "score": best["score"]} and end["objective"] == "val_accuracy"

    project = kbproj.load(best_path)
    assert project.graph.find("dense").params["units"] == best["values"]["dense.units"]
    assert project.settings["training"]["learning_rate"] == best["values"]["learning_rate"]
    assert project.settings["training"]["epochs"] == 3  # the project's own, not the search's
    saved = SearchSpace.from_dict(project.settings["search"])
    assert [d.param for d in saved.dimensions] == ["units", "learning_rate"]

    text = script_path.read_text()
    tree = ast.parse(text)
    imported = {n.names[0].name for n in ast.walk(tree) if isinstance(n, ast.Import)}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(name and name.startswith("kbuilder") for name in imported)
    assert 'hp.Choice("dense.units", [8, 16, 64])' in text
    assert 'hp.Float("learning_rate", 0.001, 0.01, sampling="log")' in text
    assert (tmp_path / "digits.search" / "kbuilder_search.json").is_file()


@pytest.mark.slow
def test_tune_uses_the_space_saved_in_the_project(capsys, digits_file):
    project = kbproj.load(digits_file)
    space = SearchSpace(settings=SearchSettings(trials=1, epochs=1, objective="val_loss"))
    space.set(Dimension("units", project.graph.find("dense").id, (8, 16)))
    project.settings["search"] = space.to_dict()
    kbproj.save(project, digits_file)
    code, out, err = run(capsys, "tune", digits_file)
    assert code == 0, err
    assert "at most 1 trial of 1 epoch; objective val_loss (min)" in out
    assert [line.split("  ")[0] for line in out.splitlines()[1:]] == ["trial 1", "best: trial 1"]
    assert "best: trial 1" in out
