"""The Experiments mode, driven as a user would: a parameter marked "try
several" through its dialog (shown in the space list and on the layer's box,
taken back with Ctrl+Z), a real search on the bundled digits (two trials of
one epoch), Apply best as one undo step, Stop keeping the finished trials
and a reopened project offering Resume; two training runs compared; File >
Export notebook writing a valid notebook."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QToolBar
from ui_window_helpers import WAIT, click, train_digits, training_panel, type_into

from kbuilder.ui.experiments.dialog import TrySeveralDialog


def experiments(qtbot, window):
    """The Experiments mode, shown by clicking its button on the Modes toolbar."""
    qtbot.waitUntil(lambda: "experiments" in window.panels, timeout=60_000)
    bar = window.findChild(QToolBar, "toolbar_modes")
    action = next(a for a in bar.actions() if a.text().replace("&", "") == "Experiments")
    click(qtbot, bar.widgetForAction(action))
    assert window.mode() == "experiments"
    return window.panels["experiments"]


def button(root, text: str) -> QPushButton:
    """The visible button that reads ``text``."""
    found = [b for b in root.findChildren(QPushButton) if b.text().replace("&", "") == text and b.isVisible()]
    assert len(found) == 1, [b.text() for b in root.findChildren(QPushButton) if b.isVisible()]
    return found[0]


def the_dialog(qtbot) -> TrySeveralDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), TrySeveralDialog), timeout=5000)
    return QApplication.activeModalWidget()


def answer(qtbot, text: str) -> None:
    """Type ``text`` into the open "Try several values" dialog and press Enter."""
    dialog = the_dialog(qtbot)
    type_into(qtbot, dialog.field, text)
    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.error.isVisible(), timeout=WAIT)


def mark_units(qtbot, window, panel, text: str) -> None:
    """Open "Try several values…" for dense.units and answer ``text``."""
    dense = window.graph.find("dense")
    panel.edit_mark(dense.id, "units")
    answer(qtbot, text)


def set_spin(qtbot, spin, value: int) -> None:
    type_into(qtbot, spin, str(value))
    assert spin.value() == value


def undo(qtbot, window) -> None:
    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


# ------------------------------------------------------------------ marks
def test_a_mark_shows_in_the_list_and_on_the_layer_and_undo_takes_it_back(window, qtbot):
    panel = experiments(qtbot, window)
    before = window.stack.index()
    mark_units(qtbot, window, panel, "8, 16")
    assert ("dense.units", "8, 16") in panel.search.space.mark_texts()
    item = window.scene.nodes[window.graph.find("dense").id]
    assert "⟳ The search tries units: 8, 16" in item.toolTip()
    assert window.stack.index() == before + 1 and window.isWindowModified()

    # A bad answer keeps the dialog open and says why in one sentence.
    panel.edit_mark(None, "learning_rate")
    answer(qtbot, "0..1:log")
    dialog = the_dialog(qtbot)
    assert dialog.error.text() == "Learning rate: 0 is not a learning rate (a number above 0, such as 0.001)"
    type_into(qtbot, dialog.field, "0.0001..0.01:log")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert ("learning rate", "0.0001 .. 0.01 (log)") in panel.search.space.mark_texts()

    undo(qtbot, window)
    undo(qtbot, window)
    assert panel.search.space.mark_texts() == [("Nothing marked yet", "")]
    assert "tries units" not in item.toolTip()
    assert window.stack.index() == before


def test_a_search_needs_a_saved_project(window, qtbot):
    panel = experiments(qtbot, window)
    mark_units(qtbot, window, panel, "8, 16")
    asked = []
    panel.search.ask_save_first = lambda: asked.append(1) or False
    click(qtbot, button(panel, "Start search"))
    assert asked and not panel.search.busy
    assert "needs the project saved" in panel.search.status.text()


# ------------------------------------------------------------------ search
def start_search(qtbot, window, panel, tmp_path, values: str, trials: int):
    window.files.save_to(tmp_path / "digits.kbproj")
    mark_units(qtbot, window, panel, values)
    view = panel.search
    set_spin(qtbot, view.space.trials, trials)
    set_spin(qtbot, view.space.epochs, 1)
    click(qtbot, button(panel, "Start search"))
    assert view.busy
    return view


def states(view) -> list[str]:
    column = view.table.columnCount() - 3
    return [row[column] for row in view.table.texts()]


@pytest.mark.slow  # trains two small models
def test_search_two_trials_then_apply_best_in_one_undo_step(window, qtbot, tmp_path):
    panel = experiments(qtbot, window)
    view = start_search(qtbot, window, panel, tmp_path, "8, 16", 2)
    qtbot.waitUntil(lambda: not view.busy, timeout=WAIT)
    assert states(view) == ["finished", "finished"], view.status.text()
    rows = view.table.texts()
    assert sorted(r[1] for r in rows) == ["16", "8"]  # the dense.units column
    assert sum("★" in r[0] for r in rows) == 1
    assert set(view.plot.labels()) == {"Trial 1", "Trial 2"}
    assert (tmp_path / "digits.search").is_dir()

    best = view.results.best()
    before = window.stack.index()
    click(qtbot, button(panel, "Apply best"))
    assert window.graph.find("dense").params["units"] == best.values["dense.units"]
    assert window.stack.index() == before + 1
    undo(qtbot, window)
    assert window.graph.find("dense").params["units"] == 64


@pytest.mark.slow  # trains small models
def test_stop_keeps_finished_trials_and_a_reopened_project_resumes(window, qtbot, tmp_path):
    panel = experiments(qtbot, window)
    view = start_search(qtbot, window, panel, tmp_path, "8, 16, 32", 3)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=WAIT)  # trial 2 started
    click(qtbot, button(panel, "Stop"))
    qtbot.waitUntil(lambda: not view.busy, timeout=WAIT)
    assert states(view)[0] == "finished" and "stopped" in states(view)[1:]
    assert "kept" in view.status.text()

    # After a restart: the project opened again shows the kept trials and offers Resume.
    assert window.files.save()
    window.files.set_project(window.files.project(), None, "other")
    assert view.table.rowCount() == 0
    assert window.files.open_path(tmp_path / "digits.kbproj", ask=False)
    qtbot.waitUntil(lambda: view.table.rowCount() >= 1)
    assert states(view)[0] == "finished"
    resume = button(panel, "Resume")
    assert resume.isEnabled()
    click(qtbot, resume)
    qtbot.waitUntil(lambda: not view.busy, timeout=WAIT)
    assert states(view) == ["finished"] * 3, view.status.text()


# -------------------------------------------------------------------- runs
@pytest.mark.slow  # trains twice
def test_two_runs_compared_side_by_side(window, qtbot):
    train = training_panel(qtbot, window)
    train_digits(qtbot, train, 1)
    train.settings.batch_size.setValue(64) if hasattr(train.settings, "batch_size") else None
    train_digits(qtbot, train, 1)
    assert len(window.document.runs) == 2
    panel = experiments(qtbot, window)
    qtbot.mouseClick(panel.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=panel.tabs.tabBar().tabRect(panel.tabs.indexOf(panel.runs)).center())
    runs = panel.runs
    assert runs.header_texts() == ["Run 1", "Run 2"]
    assert set(runs.plot.labels()) == {"Run 1", "Run 2"}
    # A click takes a run out of the comparison, another puts it back.
    first = runs.list.item(0)
    qtbot.mouseClick(runs.list.viewport(), Qt.MouseButton.LeftButton, pos=runs.list.visualItemRect(first).center())
    assert runs.header_texts() == ["Run 2"]
    qtbot.mouseClick(runs.list.viewport(), Qt.MouseButton.LeftButton, pos=runs.list.visualItemRect(first).center())
    assert runs.header_texts() == ["Run 1", "Run 2"]


# ---------------------------------------------------------------- notebook
@pytest.mark.slow  # loads the data and builds the model
def test_export_notebook_writes_a_valid_notebook(window, qtbot, tmp_path):
    import nbformat

    path = tmp_path / "digits.ipynb"
    window.exporter._ask = lambda *a: str(path)
    window.actions_["export_notebook"].trigger()
    qtbot.waitUntil(path.exists, timeout=WAIT)
    nb = nbformat.read(str(path), as_version=4)
    nbformat.validate(nb)
    assert any("model.fit(" in c.source for c in nb.cells if c.cell_type == "code")
