"""Issue: the window always shows the model the user has.

Each test drives the real window (clicks, keys, wheel) and checks what the
user sees: the training panel never shows, evaluates or saves a model that
is not the one on the canvas; the status bar agrees with the Issues panel;
toolbar buttons stay put; and an unchanged project stays unchanged.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QToolBar
from ui_window_helpers import (
    WAIT,
    click,
    click_mode,
    select_layer,
    train_digits,
    training_panel,
    type_into,
)

from kbuilder.core.graph import Graph
from kbuilder.project import kbproj
from kbuilder.project.templates import template_path


def _panel_is_fresh(panel) -> None:
    assert panel.result is None and panel.session is None
    assert panel.progress.text() == ""  # blank, as at the first start
    assert panel.status.text() == "Choose a data set and press Train."
    assert panel.messages.toPlainText() == ""
    assert panel.curves.point_counts() == {} or all(
        not any(v for v in c.values()) for c in panel.curves.point_counts().values())
    for button in (panel.evaluate_button, panel.save_button, panel.script_button):
        assert not button.isEnabled()
    assert panel.results.metrics.text() == ""


def _open_gallery(window):
    return window.files.open_template(template_path("mnist_mlp"))


def _open_file(window, tmp_path):
    path = tmp_path / "other.kbproj"
    kbproj.save(kbproj.Project(graph=kbproj.load(template_path("mnist_mlp")).graph), path)
    return window.files.open_path(path)


def _new(window):
    window.actions_["new"].trigger()
    return True


@pytest.mark.slow
@pytest.mark.parametrize("how", ["gallery", "open", "new"])
def test_a_new_model_clears_the_old_run(window, qtbot, tmp_path, how):
    """Item 1: after another model replaces the trained one, nothing of the
    old run stays and nothing can evaluate or save the old model."""
    panel = training_panel(qtbot, window)
    train_digits(qtbot, panel)
    assert panel.save_button.isEnabled() and panel.evaluate_button.isEnabled()
    assert window.document.runs and window.document.weights is not None

    opened = {"gallery": _open_gallery, "open": lambda w: _open_file(w, tmp_path), "new": _new}[how](window)
    assert opened
    _panel_is_fresh(panel)
    assert window.document.runs == [] and window.document.weights is None
    panel.save_model(tmp_path / "stale.keras")  # a script calling the slot is refused too
    assert not (tmp_path / "stale.keras").exists() and not panel.busy


@pytest.mark.slow
def test_replacing_the_model_while_training_stops_the_run(window, qtbot):
    panel = training_panel(qtbot, window)
    asked = []
    window.files.ask_stop_training = lambda: asked.append(1) or True
    combo = panel.settings.dataset
    combo.setCurrentIndex(combo.findData("sklearn:digits"))
    panel.settings.epochs.setValue(300)
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: panel.curves.point_counts().get("loss", {}).get("batch", 0) >= 1, timeout=WAIT)
    assert _open_gallery(window)
    assert asked == [1]
    qtbot.waitUntil(lambda: not panel.busy, timeout=WAIT)
    qtbot.wait(200)  # late signals of the old run, if any, arrive now
    _panel_is_fresh(panel)
    assert window.document.runs == []


@pytest.mark.slow
def test_editing_after_training_marks_the_run_out_of_date(window, qtbot):
    """Item 2: change units after training: Evaluate and Save say why they
    are off; undoing the change makes the run current again."""
    panel = training_panel(qtbot, window)
    train_digits(qtbot, panel)
    assert panel.stale.isHidden()

    click_mode(qtbot, window, "Build")
    select_layer(qtbot, window, "dense")
    spin = window.panels["inspector"].editor("units").main
    type_into(qtbot, spin, "100")
    assert window.graph.find("dense").params["units"] == 100

    click_mode(qtbot, window, "Train")
    qtbot.waitUntil(lambda: not panel.evaluate_button.isEnabled(), timeout=5_000)
    assert not panel.save_button.isEnabled() and not panel.script_button.isEnabled()
    assert "changed since it was trained" in panel.evaluate_button.toolTip()
    assert panel.stale.isVisible() and "Out of date" in panel.stale.text()
    assert panel.from_weights.isVisible() and panel.from_weights.text() == "Go on from the trained weights"

    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.graph.find("dense").params["units"] == 64
    qtbot.waitUntil(lambda: panel.evaluate_button.isEnabled(), timeout=5_000)
    assert panel.save_button.isEnabled() and panel.stale.isHidden()


@pytest.mark.slow
def test_go_on_from_the_trained_weights_keeps_the_unchanged_layers(window, qtbot):
    panel = training_panel(qtbot, window)
    train_digits(qtbot, panel)
    accuracy = window.document.runs[0].test_metrics["accuracy"]
    window.graph.set_param(window.graph.find("dropout").id, "rate", 0.3)  # no weights change shape
    qtbot.waitUntil(lambda: panel.stale.isVisible(), timeout=5_000)
    click(qtbot, panel.from_weights)
    assert panel.from_weights.isChecked()
    train_digits(qtbot, panel)
    assert "Started from the saved weights (2 of 2 layers with weights)." in panel.messages.toPlainText()
    assert panel.stale.isHidden() and len(window.document.runs) == 2
    assert window.document.runs[1].test_metrics["accuracy"] > accuracy  # it went on learning


@pytest.mark.slow
def test_an_error_goes_when_the_model_changes(window, qtbot):
    """Item 5: data that does not fit is a plain sentence, Evaluate is not
    offered for a run that failed, and the message goes once the user
    changes the model."""
    panel = training_panel(qtbot, window)
    combo = panel.settings.dataset
    combo.setCurrentIndex(combo.findData("sklearn:iris"))  # 4 numbers into an (8, 8) input
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: not panel.busy and "does not fit" in panel.status.text(), timeout=WAIT)
    assert "Input 0" not in panel.status.text()
    assert not panel.evaluate_button.isEnabled() and not panel.save_button.isEnabled()

    click_mode(qtbot, window, "Build")
    select_layer(qtbot, window, "digit_image")
    type_into(qtbot, window.panels["inspector"].editor("shape").main, "4")
    assert list(window.graph.find("digit_image").params["shape"]) == [4]
    click_mode(qtbot, window, "Train")
    qtbot.waitUntil(lambda: "does not fit" not in panel.status.text(), timeout=5_000)
    assert "changed since that message" in panel.status.text()


def test_status_bar_counts_as_the_issues_panel(window, qtbot):
    """Item 6: one wording for the problem count."""
    g = kbproj.load(template_path("digits_classifier")).graph
    g.add_input((3,), name="spare_input")  # a warning: connected to nothing
    g.add("Dense", name="loose", units=2)  # an error: no input
    window.files.set_project(kbproj.Project(graph=g), None, "two problems")
    qtbot.waitUntil(lambda: window.analysis.is_idle() and window.panels["issues"].row_count() == 2, timeout=10_000)
    assert window.panels["issues"].header.text() == "1 error, 1 warning"
    assert window._status.text() == "1 error, 1 warning"


def test_status_message_says_what_the_last_edit_did(window, qtbot):
    """Item 6: "Added ..." does not stay after a delete."""
    window.add_layer("Dense")
    assert "dense" in window.statusBar().currentMessage().lower()
    select_layer(qtbot, window, "digit")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert window.graph.find("digit") is None
    assert window.statusBar().currentMessage().startswith("Delete")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage().startswith("Undone: Delete")


def test_toolbar_buttons_stay_put_as_undo_texts_grow(window, qtbot):
    """Item 7."""
    bar = window.findChild(QToolBar, "toolbar_main")

    def positions():
        return {a.objectName(): bar.widgetForAction(a).geometry().x() for a in bar.actions()
                if bar.widgetForAction(a) is not None and a.objectName()}

    before = positions()
    select_layer(qtbot, window, "dense")
    type_into(qtbot, window.panels["inspector"].editor("units").main, "100")
    assert "units" in window.stack.undoText().lower()
    qtbot.wait(10)
    assert positions() == before
    undo = window.actions_["undo"]
    assert undo.text() == "&Undo"
    assert window.stack.undoText().lower() in undo.toolTip().lower()


@pytest.mark.slow
def test_pressing_train_on_an_unchanged_project_leaves_it_unchanged(window, qtbot):
    """Item 8."""
    from kbuilder.app import open_start_project

    open_start_project(window)
    assert window.windowTitle().startswith("digits_classifier")
    assert not window.isWindowModified()
    panel = training_panel(qtbot, window)
    click(qtbot, panel.train_button)  # the template's own settings: digits, 10 epochs
    assert not window.isWindowModified()
    qtbot.waitUntil(lambda: panel.result is not None and not panel.busy, timeout=WAIT)
    assert not window.isWindowModified()
    panel.settings.epochs.setValue(3)  # a real change marks it
    assert window.isWindowModified()


def test_start_up_and_gallery_give_the_same_title(window, qtbot):
    from kbuilder.app import open_start_project

    open_start_project(window)
    title = window.windowTitle()
    window.files.open_template(template_path("digits_classifier"), ask=False)
    assert window.windowTitle() == title


def test_new_uses_the_palettes_input_shape(window, qtbot, real_catalog):
    """Item 12: one Input default for New and for the palette."""
    window.palette.set_catalog(real_catalog)
    window.actions_["new"].trigger()
    (node,) = window.graph.nodes
    window.add_layer("Input")  # as a double-click in the palette does
    added = next(n for n in window.graph.nodes if n.id != node.id)
    default = real_catalog.get("Input").param("shape").default
    assert list(node.params.get("shape", default)) == list(added.params.get("shape", default)) == [784]


def test_file_dialogs_start_in_the_last_folder(window, qtbot, tmp_path):
    """Item 12: the folder of the last file chosen, not the current directory."""
    folder = tmp_path / "models"
    folder.mkdir()
    path = folder / "one.kbproj"
    kbproj.save(kbproj.Project(graph=Graph(name="one")), path)
    window.files.ask_open_path = lambda: str(path)
    window.files.open_dialog()
    window.actions_["new"].trigger()
    assert window.files._folder() == str(folder)


def test_import_notes_show_in_a_bar_not_a_box(window, qtbot, tmp_path):
    """Item 11: notes from an import do not cover the window."""
    import json

    boxes = []
    window.files.info = lambda title, text: boxes.append(text)
    config = {"class_name": "Sequential", "config": {"name": "seq", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, 4], "name": "x"}},
        {"class_name": "Lambda", "config": {"name": "mystery", "function": "lambda x: x"}},
        {"class_name": "Dense", "config": {"name": "out", "units": 2}},
    ]}}
    path = tmp_path / "with_lambda.json"
    path.write_text(json.dumps(config))
    assert window.files.open_path(path, ask=False)
    bar = window.notes_bar
    qtbot.waitUntil(lambda: bar.isVisible(), timeout=60_000)
    assert boxes == []
    assert "mystery" in bar.notes_text()
    click(qtbot, bar.findChild(type(bar.toggle), "notes_close"))
    assert bar.isHidden()


def test_the_wheel_never_changes_an_unfocused_field(window, qtbot):
    """Item 3: the wheel over a combo box the user is not editing scrolls
    the inspector instead of changing the layer."""
    select_layer(qtbot, window, "dense")
    inspector = window.panels["inspector"]
    combo = inspector.share_combo
    before = window.graph.to_dict()
    index = combo.currentIndex()
    window.view.setFocus()
    for delta in (-120, 120, -120):
        wheel(combo, delta)
    assert combo.currentIndex() == index
    assert window.graph.to_dict() == before
    # A spin box of the training settings: the same.
    panel = training_panel(qtbot, window)
    spin = panel.settings.epochs
    value = spin.value()
    panel.train_button.setFocus()
    wheel(spin, 120)
    assert spin.value() == value
    # Once the user clicks into it, the wheel edits it as usual.
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    assert spin.hasFocus()
    wheel(spin, 120)
    assert spin.value() == value + 1


def wheel(widget, delta: int) -> None:
    """One notch of the mouse wheel over the middle of ``widget``."""
    centre = widget.rect().center()
    event = QWheelEvent(QPointF(centre), QPointF(widget.mapToGlobal(centre)), QPoint(), QPoint(0, delta),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.mark.slow
def test_check_keeps_the_trained_model_and_the_out_of_date_banner(window, qtbot):
    """Found by the window state machine: Check replaced the trained session,
    so the old run's figures lost their out-of-date banner (and Save model
    its model)."""
    panel = training_panel(qtbot, window)
    train_digits(qtbot, panel)
    click(qtbot, panel.check_button)
    qtbot.waitUntil(lambda: not panel.busy and "fits the model" in panel.status.text(), timeout=WAIT)
    assert panel.save_button.isEnabled() and panel.evaluate_button.isEnabled()

    window.graph.set_param(window.graph.find("dropout").id, "rate", 0.4)
    qtbot.waitUntil(lambda: panel.stale.isVisible(), timeout=5_000)
    click(qtbot, panel.check_button)
    qtbot.waitUntil(lambda: not panel.busy and "fits the model" in panel.status.text(), timeout=WAIT)
    assert panel.stale.isVisible()  # the figures on screen are still run 1's
    assert not panel.save_button.isEnabled()
