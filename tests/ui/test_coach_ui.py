"""The coach in the Train mode: advice from a training history fed through
the panel's epoch slot (as the training worker's signals do), its epoch
marked on the curves, its actions applied as one undo step each, kept with
the run's record, and graph actions disabled once the model has changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kbuilder.core import commands as C
from kbuilder.core.graph import Graph
from kbuilder.project.document import RunRecord
from kbuilder.project.kbproj import Project

# The validation loss is best at epoch 3, then rises while the training loss keeps falling.
LOSS = [1.0, 0.7, 0.5, 0.35, 0.25, 0.18, 0.12]
VAL_LOSS = [1.0, 0.8, 0.7, 0.72, 0.8, 0.9, 1.0]


def mlp() -> Graph:
    g = Graph(name="mlp")
    x = g.add_input((8, 8), name="digit_image", position=(0, 0))
    f = g.add("Flatten", inputs=[x], position=(0, 110))
    h = g.add("Dense", inputs=[f], units=64, activation="relu", name="hidden", position=(0, 220))
    g.add("Dense", inputs=[h], units=10, activation="softmax", name="digit", position=(0, 330))
    return g


def train_panel(qtbot, window):
    qtbot.waitUntil(lambda: "training" in window.panels, timeout=60_000)
    window.files.set_project(Project(graph=mlp(), settings={"training": {"dataset": "digits", "epochs": 7}}),
                             None, "mlp")
    window.set_mode("training")
    return window.panels["training"]


def feed(panel, loss=LOSS, val=VAL_LOSS) -> None:
    """The epochs of a run, through the slot the training worker's ``epoch`` signal reaches."""
    for i, (t, v) in enumerate(zip(loss, val, strict=True)):
        panel._on_epoch({"epoch": i, "epochs": len(loss), "progress": (i + 1) / len(loss),
                         "logs": {"loss": t, "accuracy": 0.6 + 0.05 * i, "val_loss": v, "val_accuracy": 0.6}})


def buttons(coach, starts: str = "") -> list[QPushButton]:
    return [b for b in coach.findChildren(QPushButton) if b.isVisible() and b.text().startswith(starts)]


def test_overfitting_advice_and_early_stopping_in_one_click(window, qtbot):
    panel = train_panel(qtbot, window)
    coach = panel.coach
    assert not coach.isVisible()  # no run yet
    feed(panel, LOSS[:3], VAL_LOSS[:3])
    assert coach.isVisible() and "nothing to point out" in coach.message.text()
    feed(panel)
    assert [a.code for a in coach.advice()] == ["overfitting"]
    assert coach.advice()[0].epoch == 3 and "from epoch 3" in coach.message.text()
    assert panel.curves.marked_epoch() == 3  # a line on the curves at the advised epoch
    titles = [b.text() for b in buttons(coach)]
    assert titles[0].startswith("Turn on early stopping") and titles[1].startswith("Add Dropout (rate 0.3) after hidden")

    early = panel.settings.cb["early_stopping"]["enabled"]
    assert not early.isChecked()
    before = window.stack.count()
    qtbot.mouseClick(buttons(coach, "Turn on early stopping")[0], Qt.MouseButton.LeftButton)
    assert window.stack.count() == before + 1  # one undo step
    assert early.isChecked() and panel.settings.cb["early_stopping"]["restore_best_weights"].isChecked()
    assert window.document.settings["training"]["callbacks"]["early_stopping"]["enabled"] is True
    assert window.isWindowModified()
    assert not buttons(coach, "Turn on early stopping")  # in effect now: no longer offered
    assert [a.code for a in coach.advice()] == ["overfitting"]

    window.actions_["undo"].trigger()
    assert not early.isChecked()
    assert window.stack.index() == before
    assert buttons(coach, "Turn on early stopping")


def test_graph_action_and_out_of_date_run(window, qtbot):
    panel = train_panel(qtbot, window)
    coach = panel.coach
    feed(panel)
    # The run ends: its record keeps the history; the advice now comes from it.
    doc = window.document
    doc.add_run(RunRecord(0, doc.model_key(), doc.revision, dict(doc.settings["training"]),
                          {"loss": LOSS, "val_loss": VAL_LOSS}))
    assert [a.code for a in coach.advice()] == ["overfitting"] and coach.advice()[0].epoch == 3

    dropout = buttons(coach, "Add Dropout")[0]
    assert dropout.isEnabled()
    before = window.stack.count()
    qtbot.mouseClick(dropout, Qt.MouseButton.LeftButton)
    assert window.stack.count() == before + 1
    hidden = window.graph.find("hidden")
    assert [n.class_name for n in window.graph.successors(hidden.id)] == ["Dropout"]
    window.stack.undo()
    assert [n.class_name for n in window.graph.successors(hidden.id)] == ["Dense"]
    qtbot.waitUntil(lambda: bool(buttons(coach, "Add Dropout")) and buttons(coach, "Add Dropout")[0].isEnabled(),
                    timeout=5000)

    # The model changes: the run is out of date, its advice stays, its graph edits are off.
    window.push(C.SetParams(hidden.id, dict(hidden.params), {**hidden.params, "units": 32}))
    qtbot.waitUntil(lambda: not buttons(coach, "Add Dropout")[0].isEnabled(), timeout=5000)
    assert "changed since this run" in buttons(coach, "Add Dropout")[0].toolTip()
    assert buttons(coach, "Turn on early stopping")[0].isEnabled()  # a settings change still applies
    assert [a.code for a in coach.advice()] == ["overfitting"]
    window.stack.undo()  # back to the trained model: current again
    qtbot.waitUntil(lambda: buttons(coach, "Add Dropout")[0].isEnabled(), timeout=5000)

    window.files.new_project()
    assert not coach.isVisible() and panel.curves.marked_epoch() is None


@pytest.mark.slow  # trains for real
def test_the_coach_follows_a_real_run(qtbot, tmp_path):
    from kbuilder.project.templates import load_template
    from kbuilder.ui.training.panel import TrainingPanel

    panel = TrainingPanel(load_template("digits_classifier").graph)
    panel.set_workdir(tmp_path)
    qtbot.addWidget(panel)
    panel.resize(1100, 560)
    panel.show()
    panel.settings.epochs.setValue(3)
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result is not None and not panel.busy, timeout=120_000)
    assert panel.coach.isVisible()
    record = panel.document.last_run()
    assert panel.coach.history()["loss"] == pytest.approx(record.history["loss"])  # the record's, after the run
    assert panel.curves.marked_epoch() == (panel.coach.advice()[0].epoch if panel.coach.advice() else None)
    panel.detach()


def test_advice_on_a_run_keeps_its_settings_after_its_action_is_applied(window, qtbot):
    """What a new user found: after "Divide the learning rate by 10 (0.5 → 0.05)" the coach re-read
    the old curves with the new 0.05 and offered to divide again."""
    panel = train_panel(qtbot, window)
    coach = panel.coach
    window.files.set_project(Project(graph=mlp(), settings={"training": {
        "dataset": "digits", "epochs": 6, "optimizer": "adam", "learning_rate": 0.5}}), None, "mlp")
    coach.begin(window.document.model_key(), panel.training_settings())  # as a run starts
    loss, acc = [6.0, 2.10, 1.99, 2.10, 2.16, 2.21], [0.28, 0.22, 0.24, 0.21, 0.19, 0.16]
    for i, (t, a) in enumerate(zip(loss, acc, strict=True)):
        panel._on_epoch({"epoch": i, "epochs": 6, "progress": (i + 1) / 6,
                         "logs": {"loss": t, "accuracy": a, "val_loss": t, "val_accuracy": a}})
    assert [a.code for a in coach.advice()] == ["diverging"]
    (button,) = buttons(coach, "Divide the learning rate by 10 (0.5")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.document.settings["training"]["learning_rate"] == pytest.approx(0.05)
    assert "learning rate of 0.5 is 500 times" in coach.message.text()  # still about the run
    (button,) = buttons(coach, "Divide the learning rate by 10 (0.5")
    assert not button.isEnabled() and "changed since this run" in button.toolTip()
    window.actions_["undo"].trigger()
    (button,) = buttons(coach, "Divide the learning rate by 10 (0.5")
    assert button.isEnabled()
