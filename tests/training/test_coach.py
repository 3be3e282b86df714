"""The coach: synthetic histories for every rule (and healthy runs that get
none), its one-click actions as undoable edits, and real runs made to
overfit and to diverge through ``kbuilder train --json``."""

from __future__ import annotations

import argparse
import copy
import json
import math

import numpy as np
import pytest

from kbuilder.core.graph import Graph
from kbuilder.core.history import History
from kbuilder.project.document import Document
from kbuilder.project.kbproj import Project, save
from kbuilder.training import cli as tcli
from kbuilder.training.coach import advise, num
from kbuilder.training.config import TrainConfig
from kbuilder.training.settings_edit import SettingsBox

HEALTHY = {
    "loss": [2.0, 1.2, 0.8, 0.6, 0.5, 0.45, 0.42],
    "val_loss": [1.9, 1.2, 0.85, 0.7, 0.62, 0.58, 0.56],
    "accuracy": [0.5, 0.7, 0.8, 0.85, 0.87, 0.88, 0.89],
}


def prefixes(history: dict, start: int = 1):
    """The history as the live coach sees it, epoch after epoch."""
    n = len(history["loss"])
    for k in range(start, n + 1):
        yield {key: values[:k] for key, values in history.items()}


def codes(history, **kw) -> list[str]:
    return [a.code for a in advise(history, **kw)]


def mlp() -> Graph:
    g = Graph("mlp")
    x = g.add_input((64,), name="pixels")
    h = g.add("Dense", name="wide", inputs=[x], units=256, activation="relu")
    h2 = g.add("Dense", name="narrow", inputs=[h], units=32, activation="relu")
    g.add("Dense", name="digit", inputs=[h2], units=10, activation="softmax")
    return g


# ------------------------------------------------------------------ rules
@pytest.mark.parametrize(
    "history",
    [
        HEALTHY,
        {"loss": HEALTHY["loss"]},  # no validation
        {k: v for k, v in HEALTHY.items() if k != "accuracy"},
        {
            "loss": [1.0, 0.6, 0.45, 0.37, 0.31, 0.27, 0.24, 0.22],
            "val_loss": [0.9, 0.6, 0.5, 0.44, 0.4, 0.37, 0.35, 0.34],
        },
    ],
)
def test_healthy_runs_get_no_advice_at_any_epoch(history):
    for seen in prefixes(history):
        assert advise(seen) == [], seen


def test_too_short_histories_get_no_advice_except_nan():
    assert advise({"loss": [2.3, 5.0], "val_loss": [2.3, 9.0]}) == []
    assert advise({}) == []
    (a,) = advise({"loss": [2.3, float("nan")]})
    assert (a.code, a.epoch) == ("diverging", 2)
    assert "NaN" in a.message and "epoch 2" in a.message


def test_nan_validation_loss_names_its_epoch():
    (a,) = advise(
        {"loss": [2.0, 1.5, 1.2, 1.0], "val_loss": [2.0, 1.6, 1.3, math.inf]}, training={"learning_rate": 0.5}
    )
    assert (a.code, a.epoch) == ("diverging", 4)
    assert "validation loss became infinite at epoch 4" in a.message and "(0.5)" in a.message
    assert [x.title for x in a.actions] == ["Divide the learning rate by 10 (0.5 → 0.05)"]


def test_rising_training_loss_is_diverging():
    history = {"loss": [1.0, 0.6, 0.5, 0.7, 0.9]}
    (a,) = advise(history)
    assert (a.code, a.epoch) == ("diverging", 3)
    assert "lowest at epoch 3 (0.5) and has risen for 2 epochs to 0.9" in a.message
    assert advise({"loss": history["loss"][:4]}) == []  # one epoch up is not yet a trend


def test_oscillating_loss_is_diverging():
    (a,) = advise({"loss": [1.0, 0.6, 0.9, 0.6, 0.85, 0.6, 0.72]})
    assert (a.code, a.epoch) == ("diverging", 2)
    assert "jumps up and down from epoch 2 to 7" in a.message


def test_exploded_first_epoch_then_stuck_is_diverging():
    history = {
        "loss": [941.7, 18.8, 17.8, 18.9],
        "accuracy": [0.1, 0.09, 0.08, 0.1],
        "val_loss": [13.9, 18.2, 28.6, 20.9],
    }
    (a,) = advise(history, training={"optimizer": "sgd", "learning_rate": 50})
    assert (a.code, a.epoch) == ("diverging", 1)
    assert "exploded in epoch 1 (942)" in a.message and "(50)" in a.message


def test_a_classifier_worse_than_guessing_is_diverging_when_the_classes_are_known():
    history = {"loss": [9.0, 8.9, 9.1, 9.0, 8.95], "accuracy": [0.1, 0.11, 0.09, 0.1, 0.1]}
    (a,) = advise(history, classes=10)
    assert (a.code, a.epoch) == ("diverging", 3)
    assert "no better than guessing" in a.message and "2.30" in a.message
    assert codes(history) == ["learning_rate_too_low"]  # without the classes it only sees a still loss


def test_a_classifier_stuck_at_an_even_guess_with_a_high_learning_rate_is_diverging():
    """What a new user saw: Adam at 0.5 on the digits, loss 10 then flat at ln(10), accuracy 10%;
    the coach said underfitting and offered a wider layer."""
    history = {"loss": [10.4, 2.31, 2.30, 2.31, 2.30, 2.30], "accuracy": [0.1, 0.1, 0.09, 0.11, 0.1, 0.1],
               "val_loss": [2.31, 2.30, 2.31, 2.30, 2.31, 2.30], "val_accuracy": [0.1] * 6}
    (a,) = advise(history, classes=10, training={"optimizer": "adam", "learning_rate": 0.5})
    assert a.code == "diverging"
    assert a.epoch == 2 and "between 2.30 and 2.31" in a.message and "500 times what adam" in a.message
    assert [x.title for x in a.actions] == ["Divide the learning rate by 10 (0.5 → 0.05)"]
    # A modest learning rate at the same figures is not blamed on the learning rate.
    assert codes(history, classes=10, training={"optimizer": "adam", "learning_rate": 0.001}) != ["diverging"]


def test_learning_rate_too_low():
    history = {"loss": [2.30, 2.29, 2.28, 2.27, 2.26], "accuracy": [0.1, 0.11, 0.12, 0.12, 0.13]}
    (a,) = advise(history, training={"learning_rate": 1e-6})
    assert (a.code, a.epoch) == ("learning_rate_too_low", 1)
    assert "from 2.30 to 2.26 (2%)" in a.message and "accuracy 13%" in a.message
    assert [x.title for x in a.actions] == ["Multiply the learning rate by 10 (1e-06 → 1e-05)"]
    # Good accuracy: the model is done, not slow.
    assert advise({"loss": [0.05, 0.049, 0.048], "accuracy": [0.99, 0.99, 0.99]}) == []


def test_overfitting_validation_loss_rises():
    history = {
        "loss": [1.0, 0.6, 0.4, 0.3, 0.2, 0.15, 0.1, 0.07],
        "val_loss": [1.0, 0.7, 0.55, 0.5, 0.52, 0.56, 0.6, 0.65],
    }
    (a,) = advise(history)
    assert (a.code, a.epoch) == ("overfitting", 4)
    assert a.message.startswith(
        "The validation loss was best at epoch 4 (0.5) and has risen for 4 epochs to 0.65 "
        "while the training loss kept falling (0.3 → 0.07)"
    )
    live = [codes(seen) for seen in prefixes(history)]
    assert live[:5] == [[]] * 5 and live[5:] == [["overfitting"]] * 3  # live, as soon as the gap says so


def test_overfitting_validation_stalls_far_above_training():
    val = [
        1.93,
        1.63,
        1.3,
        1.0,
        0.75,
        0.55,
        0.43,
        0.36,
        0.34,
        0.32,
        0.31,
        0.3,
        0.29,
        0.275,
        0.269,
        0.264,
        0.262,
        0.261,
        0.261,
        0.2616,
        0.262,
        0.2617,
        0.2616,
    ]
    loss = [
        2.16,
        1.53,
        1.1,
        0.71,
        0.42,
        0.24,
        0.14,
        0.08,
        0.05,
        0.03,
        0.02,
        0.015,
        0.011,
        0.009,
        0.007,
        0.006,
        0.0054,
        0.0048,
        0.0044,
        0.004,
        0.0037,
        0.0034,
        0.0032,
    ]
    (a,) = advise({"loss": loss, "val_loss": val})
    assert (a.code, a.epoch) == ("overfitting", 18)
    assert "not improved since epoch 18 (0.261)" in a.message and "times lower" in a.message


def test_overfitting_gap_keeps_growing():
    history = {"loss": [1.0, 0.8, 0.6, 0.45, 0.35, 0.27, 0.2], "val_loss": [1.05, 0.9, 0.8, 0.75, 0.74, 0.745, 0.75]}
    (a,) = advise(history)
    assert (a.code, a.epoch) == ("overfitting", 5)
    assert "gap between the training loss (0.2) and the validation loss (0.75) has grown every epoch" in a.message


def test_underfitting():
    history = {
        "loss": [2.3, 1.8, 1.66, 1.65, 1.645, 1.642],
        "val_loss": [2.2, 1.85, 1.72, 1.7, 1.69, 1.69],
        "accuracy": [0.2, 0.35, 0.4, 0.42, 0.42, 0.43],
    }
    (a,) = advise(history, graph=mlp(), training={"epochs": 6})
    assert (a.code, a.epoch) == ("underfitting", 3)
    assert "stayed near 1.64 since epoch 3 (training accuracy 43%)" in a.message
    assert [x.title for x in a.actions] == ["Make wide wider (256 → 512 units)", "Train for 12 epochs instead of 6"]


def test_plateau():
    history = {
        "loss": [1.0, 0.5, 0.35, 0.3, 0.29, 0.285, 0.283, 0.282],
        "val_loss": [1.0, 0.55, 0.4, 0.34, 0.345, 0.342, 0.341, 0.343],
        "accuracy": [0.6, 0.8, 0.88, 0.9, 0.91, 0.91, 0.91, 0.91],
    }
    (a,) = advise(history)
    assert (a.code, a.epoch) == ("plateau", 4)
    assert "not improved for 4 epochs (best 0.34 at epoch 4, now 0.343)" in a.message
    assert [x.title.split(" (")[0] for x in a.actions] == ["Turn on ReduceLROnPlateau", "Turn on early stopping"]
    on = {"callbacks": {"reduce_lr": {"enabled": True}, "early_stopping": {"enabled": True}}}
    assert advise(history, training=on)[0].actions == []  # nothing to turn on


def test_numbers_read_plainly():
    assert [num(x) for x in (941.66, 18.93, 0.312, 6.83e-05, 1234.6, 0.0)] == [
        "942",
        "18.93",
        "0.312",
        "0.000068",
        "1,235",
        "0",
    ]


# ---------------------------------------------------------------- actions
OVERFIT = {"loss": [1.0, 0.6, 0.4, 0.3, 0.2, 0.15, 0.1, 0.07], "val_loss": [1.0, 0.7, 0.55, 0.5, 0.52, 0.56, 0.6, 0.65]}


def test_overfitting_actions_are_one_undoable_edit_each():
    from kbuilder.keras_io.build import build_model

    g = mlp()
    settings = {"training": {"dataset": "digits", "epochs": 20}}
    box = SettingsBox(copy.deepcopy(settings))
    (a,) = advise(OVERFIT, graph=g, training=box.settings["training"])
    stop, dropout = a.actions
    assert (stop.kind, dropout.kind) == ("settings", "graph")
    assert dropout.title == "Add Dropout (rate 0.3) after wide, the largest Dense layer"

    history = History(g)
    before = g.to_dict()
    history.push(dropout.command(g))
    (drop,) = [n for n in g.nodes if n.class_name == "Dropout"]
    assert [n.name for n in g.predecessors(drop.id)] == ["wide"]
    assert [n.name for n in g.successors(drop.id)] == ["narrow"]
    build_model(g)
    history.push(stop.command(g, box))
    cfg = TrainConfig.from_dict(box.settings["training"])
    assert cfg.callbacks.early_stopping["enabled"] and cfg.callbacks.early_stopping["restore_best_weights"]
    assert box.settings["training"]["dataset"] == "digits"  # the settings keep their own form
    assert history.undo() and box.settings == settings
    assert history.undo() and g.to_dict() == before
    assert (
        history.redo()
        and history.redo()
        and TrainConfig.from_dict(box.settings["training"]).callbacks.early_stopping["enabled"]
    )


def test_largest_dense_follows_the_parameter_counts():
    g = mlp()
    ids = {n.name: n.id for n in g.nodes}
    (a,) = advise(OVERFIT, graph=g, layer_params={ids["wide"]: 100, ids["narrow"]: 5000})
    assert a.actions[1].title.endswith("after narrow, the largest Dense layer")


def test_settings_actions_through_the_document():
    doc = Document(mlp())
    doc.settings = {"training": {"learning_rate": 0.5, "epochs": 3}}
    events = []
    doc.subscribe(events.append)
    (a,) = advise({"loss": [1.0, float("nan")]}, training=doc.settings["training"])
    cmd = a.actions[0].apply(doc)
    assert doc.settings["training"] == {"learning_rate": 0.05, "epochs": 3}
    assert [(e.kind, e.key) for e in events] == [("settings", "training")]
    cmd.undo(doc.graph)
    assert doc.settings["training"] == {"learning_rate": 0.5, "epochs": 3}
    with pytest.raises(ValueError, match="training settings"):
        a.actions[0].command(doc.graph)


def test_wider_and_more_epochs():
    g = mlp()
    box = SettingsBox({})
    history = {"loss": [2.3, 1.8, 1.66, 1.65, 1.645, 1.642], "accuracy": [0.2, 0.35, 0.4, 0.42, 0.42, 0.43]}
    (a,) = advise(history, graph=g)
    wider, more = a.actions
    assert more.title == "Train for twice as many epochs"
    before = g.to_dict()
    cmd = wider.apply(g)
    assert g.by_name("wide").params["units"] == 512
    cmd.undo(g)
    assert g.to_dict() == before
    more.apply(g, box)
    assert box.settings["training"]["epochs"] == 10
    assert TrainConfig.from_dict(box.settings["training"]).to_dict()["learning_rate"] == 0.001


# -------------------------------------------------------------- real runs
def _train_json(tmp_path, capsys, graph: Graph, settings: dict, *argv: str) -> list[dict]:
    proj = tmp_path / f"{graph.name}.kbproj"
    save(Project(graph, settings={"training": settings}), proj)
    parser = argparse.ArgumentParser()
    tcli.add_train_arguments(parser)
    args = parser.parse_args([str(proj), "--json", *argv])
    tcli.cmd_train(args)
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


@pytest.mark.slow
def test_real_run_overfits_100_digits(tmp_path, capsys):
    from sklearn.datasets import load_digits

    d = load_digits()
    data = tmp_path / "digits100.npz"
    np.savez(data, x=d.data[:100].astype("float32"), y=d.target[:100].astype("int64"))
    g = Graph("big_mlp")  # 331,274 parameters for 50 training samples
    x = g.add_input((64,), name="pixels")
    h = g.add("Dense", inputs=[x], units=1024, activation="relu")
    h = g.add("Dense", inputs=[h], units=256, activation="relu")
    g.add("Dense", name="digit", inputs=[h], units=10, activation="softmax")
    lines = _train_json(
        tmp_path,
        capsys,
        g,
        {"epochs": 15, "batch_size": 16, "validation_split": 0.3, "learning_rate": 0.01},
        "--dataset",
        str(data),
    )
    end = lines[-1]
    assert end["event"] == "end" and end["epochs_done"] == 15
    assert [a["code"] for a in end["advice"]] == ["overfitting"], end["advice"]
    assert "memorising" in end["advice"][0]["message"]
    assert [a["title"].split(" (")[0] for a in end["advice"][0]["actions"]] == ["Turn on early stopping", "Add Dropout"]
    assert any(line.get("advice") for line in lines[:-1])  # it showed live, on an epoch line


@pytest.mark.slow
@pytest.mark.slow
def test_real_run_with_adam_at_learning_rate_half_is_blamed_on_the_learning_rate(tmp_path, capsys):
    """The new user's run: the digits template's model, Adam at 0.5."""
    from kbuilder.project import templates

    g = templates.load_template("digits_classifier").graph
    lines = _train_json(
        tmp_path, capsys, g, {"dataset": "digits", "epochs": 8, "optimizer": "adam", "learning_rate": 0.5}
    )
    codes_seen = [a["code"] for a in lines[-1]["advice"]]
    assert codes_seen == ["diverging"], lines[-1]["advice"]
    assert "what adam usually takes (0.001)" in lines[-1]["advice"][0]["message"]


def test_real_run_diverges_with_sgd_at_learning_rate_50(tmp_path, capsys):
    g = Graph("diverge")
    x = g.add_input((64,), name="pixels")
    h = g.add("Dense", inputs=[x], units=32, activation="relu")
    g.add("Dense", name="digit", inputs=[h], units=10, activation="softmax")
    lines = _train_json(
        tmp_path, capsys, g, {"dataset": "digits", "epochs": 4, "optimizer": "sgd", "learning_rate": 50}
    )
    (advice,) = lines[-1]["advice"]
    assert advice["code"] == "diverging"
    assert advice["actions"] == [{"title": "Divide the learning rate by 10 (50 → 5)"}]
    assert all(set(a) == {"code", "message", "epoch", "actions"} for line in lines for a in line["advice"])

    # Without --json the advice ends the output, in words.
    parser = argparse.ArgumentParser()
    tcli.add_train_arguments(parser)
    tcli.cmd_train(parser.parse_args([str(tmp_path / "diverge.kbproj"), "--epochs", "3"]))
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("advice: ") and "learning rate (50)" in out[-1]
    assert out[-1].endswith("What to try: Divide the learning rate by 10 (50 → 5).")
