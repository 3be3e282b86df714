"""The search engine for real: KerasTuner over kbuilder's training path on the
bundled digits, tiny models, one epoch per trial."""

from __future__ import annotations

import json
import threading

import pytest
from training_graphs import digits_graph

from kbuilder.core.graph import Graph
from kbuilder.training.search_results import MARKER, load_results, search_folder
from kbuilder.training.search_space import Dimension, SearchSettings, SearchSpace
from kbuilder.training.tuning import Search, TuningError

TRAINING = {"dataset": "digits", "epochs": 1, "batch_size": 64}


def space_for(g: Graph, tuner: str = "random", trials: int = 2) -> SearchSpace:
    space = SearchSpace(settings=SearchSettings(tuner=tuner, trials=trials, epochs=1))
    space.set(Dimension("units", g.find("dense").id, (8, 16, 32)))
    space.set(Dimension("learning_rate", None, (), 1e-3, 1e-2, log=True))
    return space


class Recorder:
    def __init__(self, on=None) -> None:
        self.events: list[tuple[str, dict]] = []
        self.on = on
        self.threads: set[str] = set()

    def __call__(self, kind: str, payload: dict) -> None:
        self.events.append((kind, payload))
        if self.on:
            self.on(kind, payload)

    def kinds(self, *only: str) -> list[str]:
        return [k for k, _ in self.events if not only or k in only]

    def of(self, kind: str) -> list[dict]:
        return [p for k, p in self.events if k == kind]


@pytest.mark.slow
def test_random_search_streams_trials_and_keeps_them_in_the_folder(tmp_path):
    g = digits_graph()
    folder = search_folder(tmp_path / "digits.kbproj")
    assert folder == tmp_path / "digits.search"
    rec = Recorder()
    results = Search(g, space_for(g), TRAINING, folder=folder).run(rec)

    assert rec.kinds("search_begin", "trial_begin", "trial_end", "search_end") == [
        "search_begin",
        "trial_begin",
        "trial_end",
        "trial_begin",
        "trial_end",
        "search_end",
    ]
    begin = rec.of("search_begin")[0]
    assert begin["objective"] == "val_accuracy" and begin["direction"] == "max"  # a classifier
    assert begin["keys"] == ["dense.units", "learning_rate"] and not begin["resumed"]
    assert {p["trial"] for p in rec.of("epoch")} == {1, 2}  # live curves, per trial
    assert [t.state for t in results.trials] == ["completed", "completed"]
    for trial, end in zip(results.trials, rec.of("trial_end"), strict=True):
        assert end == trial.to_dict()
        assert trial.values["dense.units"] in (8, 16, 32) and 1e-3 <= trial.values["learning_rate"] <= 1e-2
        assert set(trial.history) >= {"loss", "val_loss", "val_accuracy"} and len(trial.history["loss"]) == 1
        assert trial.score == max(trial.history["val_accuracy"]) and trial.best_epoch == 1
    best = results.best()
    assert rec.of("search_end")[0]["best"] == best.to_dict() and not rec.of("search_end")[0]["stopped"]
    assert load_results(folder) == results  # what a restart reads back, without Keras
    assert json.loads((folder / MARKER).read_text())["objective"] == "val_accuracy"


@pytest.mark.slow
def test_stop_keeps_finished_trials_and_a_resume_runs_the_rest(tmp_path):
    g = digits_graph()
    folder = tmp_path / "m.search"
    search = Search(g, space_for(g), TRAINING, folder=folder)

    def stop_in_second_trial(kind, payload):
        if kind == "batch" and payload["trial"] == 2:
            search.stop()

    first = search.run(Recorder(stop_in_second_trial))
    assert [t.state for t in first.trials] == ["completed", "stopped"]
    assert first.trials[1].score is None

    rec = Recorder()
    again = Search(g, space_for(g), TRAINING, folder=folder, resume=True).run(rec)
    begin = rec.of("search_begin")[0]
    assert begin["resumed"] and [t["number"] for t in begin["finished"]] == [1]
    assert [p["trial"] for p in rec.of("trial_begin")] == [2]  # the stopped trial again, same values
    assert [t.state for t in again.trials] == ["completed", "completed"]
    assert again.trials[0] == first.trials[0] and again.trials[1].values == first.trials[1].values

    other = space_for(g)
    other.set(Dimension("units", g.find("dense").id, (4, 8)))
    with pytest.raises(TuningError, match="cannot be resumed"):
        Search(g, other, TRAINING, folder=folder, resume=True).run()


@pytest.mark.slow
def test_a_trial_that_does_not_fit_the_data_fails_with_its_reason(tmp_path):
    g = digits_graph()
    space = SearchSpace(settings=SearchSettings(trials=3, epochs=1))
    space.set(Dimension("units", g.find("out").id, (3,)))  # 3 outputs for 10 classes
    results = Search(g, space, TRAINING, folder=tmp_path / "f.search").run()
    assert [t.state for t in results.trials] == ["failed"]  # one value: the space is exhausted after it
    assert "3 units but the labels have 10 classes" in results.trials[0].message
    assert results.best() is None


@pytest.mark.slow
@pytest.mark.parametrize("tuner", ["hyperband", "bayesian"])
def test_hyperband_and_bayesian_run_through_the_same_path(tmp_path, tuner):
    g = digits_graph()
    space = space_for(g, tuner, trials=2)
    space.settings.objective = "val_loss"
    results = Search(g, space, TRAINING, folder=tmp_path / "s.search").run()
    assert results.objective == "val_loss" and results.direction == "min"
    # Hyperband's own schedule for one epoch is one trial per bracket; the cap is 2
    assert 1 <= len(results.trials) <= 2 and all(t.state == "completed" for t in results.trials)
    assert results.best().score == min(t.score for t in results.trials)


@pytest.mark.slow
def test_stop_from_another_thread_before_the_first_trial(tmp_path):
    g = digits_graph()
    search = Search(g, space_for(g), TRAINING, folder=tmp_path / "t.search")
    started = threading.Event()

    def on(kind, payload):
        if kind == "search_begin":
            threading.Thread(target=search.stop).start()
            started.set()

    rec = Recorder(on)
    results = search.run(rec)
    assert started.is_set() and rec.of("search_end")[0]["stopped"]
    assert all(t.state != "completed" for t in results.trials)
