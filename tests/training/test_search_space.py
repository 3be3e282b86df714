"""The search space: editing, checking against the model, --search text,
saving in the project (with a hostile file's budgets), apply-best as one
undo step, and the runs comparison.  No training here."""

from __future__ import annotations

import json

import pytest

from kbuilder.core.graph import Graph
from kbuilder.core.history import History
from kbuilder.project import kbproj
from kbuilder.project.document import Document, DocumentEvent, RunRecord
from kbuilder.training.compare import compare_runs, compare_trials
from kbuilder.training.search_check import check_dimension, check_space, dimension_from_text, parse_search
from kbuilder.training.search_results import SearchResults, TrialResult
from kbuilder.training.search_space import (
    MAX_DIMENSIONS,
    MAX_VALUES,
    Dimension,
    SearchSettings,
    SearchSpace,
    SearchSpaceError,
    read_space,
    set_space,
    space_of,
)
from kbuilder.training.trials import config_with_values, graph_with_values
from kbuilder.training.tuning import TuningError, apply_best, training_settings_with


def mlp() -> Graph:
    g = Graph("mlp")
    x = g.add_input((64,), name="img")
    h = g.add("Dense", name="dense", inputs=[x], units=32, activation="relu")
    d = g.add("Dropout", name="drop", inputs=[h], rate=0.2)
    g.add("Dense", name="out", inputs=[d], units=10, activation="softmax")
    return g


def test_space_edits_by_node_id_and_names_follow_a_rename():
    g = mlp()
    dense = g.find("dense")
    space = SearchSpace()
    space.set(Dimension("units", dense.id, (16, 32)))
    space.set(Dimension("learning_rate", None, (), 1e-4, 1e-2, log=True))
    space.set(Dimension("units", dense.id, (8, 64)))  # replaces, does not add
    assert [d.values for d in space.for_node(dense.id)] == [(8, 64)]
    assert list(space.keys(g)) == ["dense.units", "learning_rate"]
    g.rename(dense.id, "hidden")
    assert list(space.keys(g)) == ["hidden.units", "learning_rate"]
    assert space.get(dense.id, "units").describe() == "8, 64"
    assert space.get(None, "learning_rate").describe() == "0.0001 .. 0.01 (log)"
    # a deleted layer's mark stays (an undo brings the layer back) but is not searched
    g.remove_node(dense.id)
    assert list(space.keys(g)) == ["learning_rate"]
    assert space.remove(dense.id, "units") and not space.remove(dense.id, "units")


def test_round_trip_through_json():
    g = mlp()
    space = SearchSpace(settings=SearchSettings(tuner="hyperband", trials=7, epochs=3, objective="val_loss"))
    space.set(Dimension("units", g.find("dense").id, (16, 32, 64)))
    space.set(Dimension("rate", g.find("drop").id, (), 0.0, 0.5, step=0.1))
    space.set(Dimension("optimizer", None, ("adam", "sgd")))
    text = json.dumps(space.to_dict())
    again = SearchSpace.from_dict(json.loads(text))
    assert again == space


def test_check_coerces_with_the_layer_catalog():
    g = mlp()
    dense, drop = g.find("dense"), g.find("drop")
    dim = check_dimension(Dimension("units", dense.id, ("16", 32.0)), g)
    assert dim.values == (16, 32)
    dim = check_dimension(Dimension("units", dense.id, (), 8, 128, log=True, step=2), g)
    assert dim.integer and (dim.lo, dim.hi, dim.step) == (8, 128, 2.0)
    dim = check_dimension(Dimension("rate", drop.id, (), 0.1, 0.5), g)
    assert not dim.integer
    dim = check_dimension(Dimension("rate", drop.id, (0, 0.5)), g)
    assert dim.values == (0.0, 0.5) and all(type(v) is float for v in dim.values)
    assert check_dimension(Dimension("activation", dense.id, ("RELU", "tanh")), g).values == ("relu", "tanh")
    assert check_dimension(Dimension("batch_size", None, ("16", 32.0)), g).values == (16, 32)
    with pytest.raises(SearchSpaceError, match="between 0 and 1"):
        check_dimension(Dimension("rate", drop.id, (0.1, 1.5)), g)
    with pytest.raises(SearchSpaceError, match="not a number or a choice"):
        check_dimension(Dimension("shape", g.find("img").id, (1, 2)), g)
    with pytest.raises(SearchSpaceError, match="list of values, not a range"):
        check_dimension(Dimension("activation", dense.id, (), 1, 2), g)
    with pytest.raises(SearchSpaceError, match="no parameter"):
        check_dimension(Dimension("unitz", dense.id, (1, 2)), g)
    with pytest.raises(SearchSpaceError, match="optimizer"):
        check_dimension(Dimension("optimizer", None, ("adam", "lbfgs")), g)
    with pytest.raises(SearchSpaceError, match="nothing is marked"):
        check_space(SearchSpace(), g)


def test_an_editor_gives_the_text_after_the_equals_sign():
    g = mlp()
    dense = g.find("dense")
    assert dimension_from_text(" 16, 32 ", g, dense.id, "units").values == (16, 32)
    dim = dimension_from_text("1e-4..1e-2:log", g, None, "learning_rate")
    assert (dim.lo, dim.hi, dim.log) == (1e-4, 1e-2, True)
    with pytest.raises(SearchSpaceError, match="^dense.units: give values"):
        dimension_from_text("", g, dense.id, "units")
    with pytest.raises(SearchSpaceError, match="^dense.units: .*whole number"):
        dimension_from_text("16, 3.5", g, dense.id, "units")


def test_a_shared_layer_is_searched_on_its_owner():
    g = Graph()
    a, b = g.add_input((4,), name="a"), g.add_input((4,), name="b")
    shared = g.add("Dense", name="shared", inputs=[a], units=4)
    again = g.share(shared, inputs=[b], name="again")
    with pytest.raises(SearchSpaceError, match="search shared.units instead"):
        check_dimension(Dimension("units", again.id, (2, 4)), g)


@pytest.mark.parametrize(
    "text, key, expected",
    [
        ("dense.units=16,32,64", "dense.units", {"values": (16, 32, 64)}),
        ("learning_rate=1e-4..1e-2:log", "learning_rate", {"lo": 1e-4, "hi": 1e-2, "log": True}),
        ("dense.units=16..128:16", "dense.units", {"lo": 16, "hi": 128, "step": 16, "integer": True}),
        ("drop.rate = 0.1, 0.3", "drop.rate", {"values": (0.1, 0.3)}),
        ("optimizer=adam,SGD", "optimizer", {"values": ("adam", "sgd")}),
        ("dense.activation=relu,tanh", "dense.activation", {"values": ("relu", "tanh")}),
    ],
)
def test_parse_search(text, key, expected):
    g = mlp()
    name, dim = parse_search(text, g)
    assert name == key == dim.key(g)
    for attr, value in expected.items():
        assert getattr(dim, attr) == value


@pytest.mark.parametrize(
    "text, words",
    [
        ("dense.units", "is not NAME=V1,V2"),
        ("nosuch.units=1,2", "no layer named 'nosuch'"),
        ("units=1,2", "LAYER.PARAM"),
        ("dense.units=16,,32", "empty value"),
        ("dense.units=64..16", "low end must be below"),
        ("drop.rate=0..0.5:log", "must start above 0"),
        ("learning_rate=1e-4..1e-2:cubic", "write :log, :linear"),
        ("dense.units=a..b", "two numbers"),
        ("dense.units=16.5,32", "whole number"),
        ("drop.rate=0.1,true", "must be a number"),
        ("dense.use_bias=true,0.5", "true or false"),
        ("dense.units=" + ",".join(str(i) for i in range(1, MAX_VALUES + 2)), "at most"),
    ],
)
def test_bad_search_text_is_one_sentence(text, words):
    with pytest.raises(SearchSpaceError) as info:
        parse_search(text, mlp())
    message = str(info.value)
    assert words in message and "\n" not in message


# A project file may come from anywhere: every field of the space is checked.
@pytest.mark.parametrize(
    "bad",
    [
        [],
        {"version": 99},
        {"version": "1"},
        {"dimensions": {}},
        {"dimensions": [{"param": "units", "node": "n", "values": [1]}] * (MAX_DIMENSIONS + 1)},
        {"dimensions": [{"param": "units", "node": "n", "values": list(range(MAX_VALUES + 1))}]},
        {"dimensions": [{"param": "units", "node": "n", "values": [[1, 2]]}]},
        {"dimensions": [{"param": "units", "node": "n", "values": [10**400]}]},
        {"dimensions": [{"param": "units", "node": "n", "values": ["x" * 5000]}]},
        {"dimensions": [{"param": "units", "node": "n", "values": []}]},
        {"dimensions": [{"param": "units", "node": "n", "range": {"lo": 1, "hi": float("inf")}}]},
        {"dimensions": [{"param": "units", "node": "n", "range": {"lo": 5, "hi": 1}}]},
        {"dimensions": [{"param": "units", "node": "n", "range": {"lo": 1, "hi": 5, "log": "yes"}}]},
        {"dimensions": [{"param": "os.system", "values": [1]}]},
        {"dimensions": [{"param": "units", "node": 7, "values": [1]}]},
        {
            "dimensions": [
                {"param": "units", "node": "n", "values": [1]},
                {"param": "units", "node": "n", "values": [2]},
            ]
        },
        {"settings": {"tuner": "grid"}},
        {"settings": {"trials": 10**9}},
        {"settings": {"epochs": -1}},
        {"settings": []},
    ],
)
def test_hostile_space_is_refused_in_one_sentence(bad):
    with pytest.raises(SearchSpaceError) as info:
        SearchSpace.from_dict(bad)
    assert "\n" not in str(info.value) and len(str(info.value)) < 300


def test_the_space_is_saved_in_the_project_and_a_damaged_one_is_left_out(tmp_path):
    g = mlp()
    space = SearchSpace(settings=SearchSettings(trials=5))
    space.set(Dimension("units", g.find("dense").id, (16, 32)))
    path = tmp_path / "m.kbproj"
    kbproj.save(kbproj.Project(graph=g, settings={"search": space.to_dict()}), path)
    loaded = kbproj.load(path)
    assert read_space(loaded.settings) == (space, None)

    data = json.loads(path.read_text())
    data["settings"]["search"]["dimensions"][0]["values"] = [[1, 2]]
    path.write_text(json.dumps(data))
    loaded = kbproj.load(path)  # the model still opens
    empty, note = read_space(loaded.settings)
    assert not empty and "could not be read" in note and len(loaded.graph) == 4


def test_the_document_keeps_the_space_as_a_setting_with_an_event():
    doc = Document(mlp())
    events: list[DocumentEvent] = []
    doc.subscribe(events.append)
    space = space_of(doc)
    assert not space
    space.set(Dimension("units", doc.graph.find("dense").id, (16, 32)))
    assert set_space(doc, space) is True
    assert events == [DocumentEvent("settings", "search")]
    assert set_space(doc, space_of(doc)) is False  # unchanged: no event, not unsaved
    assert space_of(doc) == space and len(events) == 1


def test_apply_best_is_one_undo_step():
    g = mlp()
    before = g.to_dict()
    cmd = apply_best(g, {"dense.units": 64, "dense.activation": "tanh", "drop.rate": 0.3, "learning_rate": 0.01})
    history = History(g)
    history.push(cmd)
    assert g.find("dense").params == {"units": 64, "activation": "tanh"}
    assert g.find("drop").params["rate"] == 0.3
    assert len(history) == 1
    history.undo()
    assert g.to_dict() == before
    with pytest.raises(TuningError, match="no layer named 'gone'"):
        apply_best(g, {"gone.units": 3})
    settings = training_settings_with(
        {"optimizer": "adam", "learning_rate": 0.001}, {"learning_rate": 0.01, "dense.units": 64}
    )
    assert settings["learning_rate"] == 0.01 and settings["optimizer"] == "adam"


def test_values_make_a_copy_and_another_optimizer_drops_the_options():
    from kbuilder.training.config import TrainConfig

    g = mlp()
    dims = {"dense.units": Dimension("units", g.find("dense").id, (8,))}
    g2 = graph_with_values(g, dims, {"dense.units": 8})
    assert g2.find("dense").params["units"] == 8 and g.find("dense").params["units"] == 32
    cfg = TrainConfig.from_dict({"optimizer": "adam", "optimizer_options": {"beta_1": 0.8}})
    assert config_with_values(cfg, {"optimizer": "sgd", "batch_size": 8}).optimizer_options == {}
    assert config_with_values(cfg, {"batch_size": 8}).optimizer_options == {"beta_1": 0.8}


def test_compare_runs_shows_what_differs_and_the_final_figures():
    a = RunRecord(
        1,
        "k",
        1,
        {"optimizer": "adam", "learning_rate": 0.001, "epochs": 2, "data": {"name": "digits"}},
        {"loss": [1.0, 0.5], "val_loss": [1.1, 0.7]},
        {"loss": 0.8, "accuracy": 0.7},
        2,
    )
    b = RunRecord(
        2,
        "k",
        2,
        {"optimizer": "adam", "learning_rate": 0.01, "epochs": 2, "data": {"name": "digits"}},
        {"loss": [0.9, 0.4], "val_loss": [1.0, 0.6]},
        {"loss": 0.7, "accuracy": 0.8},
        2,
        "stopped",
    )
    c = compare_runs([a, b])
    assert c.labels == ["Run 1", "Run 2"]
    assert "learning_rate" in c.settings_columns and "data.name" not in c.settings_columns
    assert c.rows[1]["val_loss"] == 0.6 and c.rows[0]["test_accuracy"] == 0.7 and c.rows[1]["stopped"] == "stopped"
    assert c.curves["val_loss"] == {"Run 1": [1.1, 0.7], "Run 2": [1.0, 0.6]}
    assert c.table()[0][0] == "Run 1"


def test_compare_trials():
    results = SearchResults(
        "val_accuracy",
        "max",
        ["dense.units"],
        [
            TrialResult(1, "0", {"dense.units": 16}, "completed", 0.5, 2, {"val_accuracy": [0.4, 0.5]}),
            TrialResult(2, "1", {"dense.units": 32}, "failed", None, None, {}, "The data does not fit"),
        ],
    )
    assert results.best().number == 1
    c = compare_trials(results)
    assert c.columns[:4] == ["dense.units", "state", "best val_accuracy", "best_epoch"]
    assert c.rows[1]["state"] == "failed" and c.curves["val_accuracy"] == {"Trial 1": [0.4, 0.5]}
