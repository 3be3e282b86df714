"""Issues that need the training settings (output units against the data's
classes, activation against the loss), their fixes, and the repair loop."""

from __future__ import annotations

import copy

import pytest

from kbuilder.core.graph import Graph
from kbuilder.core.history import History
from kbuilder.keras_io.build import build_model
from kbuilder.training.config import TrainConfig
from kbuilder.training.repair import dataset_facts, find_issues, repair
from kbuilder.training.settings_edit import SettingsBox


def classifier(units: int, activation: str, via_activation_layer: bool = False) -> Graph:
    g = Graph("clf")
    x = g.add_input((64,), name="pixels")
    h = g.add("Dense", name="hidden", inputs=[x], units=16, activation="relu")
    if via_activation_layer:
        d = g.add("Dense", name="logits", inputs=[h], units=units)
        g.add("Activation", name="out", inputs=[d], activation=activation)
    else:
        g.add("Dense", name="out", inputs=[h], units=units, activation=activation)
    return g


def found(graph, training=None, classes=None):
    return [
        (i.code, i.severity, graph.node(i.node_id).name if i.node_id else None, [f.title for f in fixes])
        for i, fixes in find_issues(graph, training, classes)
    ]


def test_the_data_set_the_settings_name():
    assert dataset_facts({"dataset": "digits"}) == (10, (8, 8))
    assert dataset_facts({"data": {"source": "sklearn", "name": "iris"}}) == (3, (4,))
    assert dataset_facts({"data": {"source": "csv", "name": "digits", "path": "x.csv"}}) == (None, None)
    assert dataset_facts({"dataset": "diabetes"}) == (None, (10,))  # regression: no classes
    assert dataset_facts(None) == dataset_facts({}) == (None, None)
    assert dataset_facts(TrainConfig().to_dict()) == (10, (8, 8))  # what the panel saves: its default set


@pytest.mark.parametrize(
    ("graph", "training", "expected"),
    [
        (
            classifier(3, "softmax"),
            {"dataset": "digits"},
            [("output_classes", "error", "out", ["Set the units of out to 10"])],
        ),
        (
            classifier(12, "softmax"),
            {"dataset": "digits"},
            [("output_classes", "warning", "out", ["Set the units of out to 10"])],
        ),
        (
            classifier(3, "softmax", via_activation_layer=True),
            {"dataset": "digits"},
            [("output_classes", "error", "logits", ["Set the units of logits to 10"])],
        ),
        (
            classifier(1, "sigmoid"),
            {"dataset": "digits"},
            [("output_classes", "error", "out", ["Set the units of out to 10 and use softmax"])],
        ),
        (
            classifier(2, "sigmoid"),
            {"dataset": "breast_cancer"},
            [("output_classes", "error", "out", ["Set the units of out to 1"])],
        ),
        (classifier(1, "sigmoid"), {"dataset": "breast_cancer"}, []),
        (classifier(2, "softmax"), {"dataset": "breast_cancer"}, []),
        (classifier(1, "linear"), {"dataset": "diabetes"}, []),
        (classifier(3, "softmax"), None, []),  # no data set named: nothing to compare
        (
            classifier(10, "softmax"),
            {"dataset": "digits", "outputs": {"out": {"loss": "binary_crossentropy"}}},
            [("loss_activation", "warning", "out", ["Use sparse categorical cross-entropy as the loss"])],
        ),
        (
            classifier(2, "softmax"),
            {"dataset": "breast_cancer", "outputs": {"out": {"loss": "binary_crossentropy"}}},
            [
                (
                    "loss_activation",
                    "warning",
                    "out",
                    ["Use sparse categorical cross-entropy as the loss", "Use activation sigmoid and units 1 in out"],
                )
            ],
        ),
        (
            classifier(1, "softmax"),
            {"outputs": {"out": {"loss": "binary_crossentropy"}}},
            [("loss_activation", "warning", "out", ["Use activation sigmoid in out"])],
        ),
        (
            classifier(10, "sigmoid"),
            {"dataset": "digits", "outputs": {"out": {"loss": "sparse_categorical_crossentropy"}}},
            [("loss_activation", "warning", "out", ["Use activation softmax in out"])],
        ),
        (
            classifier(1, "sigmoid"),
            {"dataset": "digits", "outputs": {"out": {"loss": "sparse_categorical_crossentropy"}}},
            [("loss_activation", "warning", "out", ["Use activation softmax and units 10 in out"])],
        ),
        (
            classifier(1, "sigmoid"),
            {"dataset": "breast_cancer", "outputs": {"out": {"loss": "categorical_crossentropy"}}},
            [("loss_activation", "warning", "out", ["Use binary cross-entropy as the loss"])],
        ),
    ],
)
def test_output_issues_and_their_fixes(graph, training, expected):
    assert found(graph, training) == expected


def test_classes_given_by_the_caller_win():
    assert found(classifier(10, "softmax"), {"dataset": "digits"}, classes=3) == [
        ("output_classes", "warning", "out", ["Set the units of out to 3"])
    ]


@pytest.mark.parametrize(
    ("graph", "training"),
    [
        (classifier(3, "softmax"), {"dataset": "digits"}),
        (classifier(3, "softmax", via_activation_layer=True), {"dataset": "digits"}),
        (classifier(1, "sigmoid"), {"dataset": "digits", "outputs": {"out": {"loss": "binary_crossentropy"}}}),
        (classifier(10, "softmax"), {"dataset": "digits", "outputs": {"out": {"loss": "binary_crossentropy"}}}),
        (
            classifier(10, "sigmoid"),
            {"dataset": "digits", "outputs": {"out": {"loss": "sparse_categorical_crossentropy"}}},
        ),
        (classifier(1, "softmax"), {"dataset": "breast_cancer", "outputs": {"out": {"loss": "binary_crossentropy"}}}),
        (classifier(2, "softmax"), {"dataset": "breast_cancer", "outputs": {"out": {"loss": "binary_crossentropy"}}}),
        (
            classifier(1, "sigmoid"),
            {"dataset": "digits", "outputs": {"out": {"loss": "sparse_categorical_crossentropy"}}},
        ),
        (
            classifier(1, "sigmoid"),
            {"dataset": "breast_cancer", "outputs": {"out": {"loss": "categorical_crossentropy"}}},
        ),
    ],
)
def test_every_output_fix_clears_its_issue_and_undoes_exactly(graph, training):
    settings = {"training": training}
    ((issue, fixes),) = find_issues(graph, training)
    for fix in fixes:
        g, box = graph.copy(), SettingsBox(copy.deepcopy(settings))
        before = g.to_dict()
        history = History(g)
        history.push(fix.command(g, box))
        assert not find_issues(g, box.settings["training"]), fix.title
        build_model(g)
        assert history.undo()
        assert g.to_dict() == before and box.settings == settings, fix.title


def test_repair_fixes_one_at_a_time_until_nothing_is_left():
    g = Graph("broken")
    x = g.add_input((8, 8), name="digit_image")
    c = g.add("Conv2D", name="conv", inputs=[x], filters=4, kernel_size=3)
    g.add("Dense", name="hidden", inputs=[c], units=32, activation="relu")
    g.add("Dense", name="out", units=3, activation="softmax")  # forgotten connection, 3 units
    before = g.to_dict()
    box = SettingsBox({"training": {"dataset": "digits", "outputs": {"out": {"loss": "binary_crossentropy"}}}})
    result = repair(g, box)
    assert result.applied == [
        "Connect hidden to out",
        "Insert a Reshape to (8, 8, 1) before conv",
        "Insert a Flatten before hidden",
        "Use sparse categorical cross-entropy as the loss",
        "Set the units of out to 10",
    ]
    assert result.issues == [] and result.errors == []
    build_model(g)
    assert box.settings["training"]["outputs"]["out"]["loss"] == "sparse_categorical_crossentropy"
    while result.history.undo():
        pass
    assert g.to_dict() == before
    assert box.settings["training"]["outputs"]["out"]["loss"] == "binary_crossentropy"


def test_repair_stops_when_what_is_left_has_no_fix():
    g = Graph("p")
    x = g.add_input((4,), name="x")
    g.add("Dense", name="d", inputs=[x], units=4, activation="no_such_thing")
    result = repair(g, SettingsBox())
    assert result.applied == [] and [i.code for i in result.errors] == ["keras"]
