"""The Experiments mode, driven as a user would: a parameter marked "try
several" through its dialog (shown in the space list and on the layer's box,
taken back with Ctrl+Z), a real search on the bundled digits (two trials of
one epoch), Apply best as one undo step, Stop keeping the finished trials
and a reopened project offering Resume; two training runs compared; File >
Export notebook writing a valid notebook."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPushButton, QToolBar
from test_window_geometry import SIZES, problems, visit_tabs
from ui_window_helpers import WAIT, click, click_mode, select_layer, train_digits, training_panel, type_into

from kbuilder.ui.experiments.dialog import TrySeveralDialog


@pytest.fixture
def win(window, real_catalog):
    """The window, its Inspector showing the real layer parameters."""
    window._on_catalog(real_catalog)
    return window


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


def closed(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()  # deleted once closed


def answer(qtbot, text: str) -> None:
    """Type ``text`` into the open "Try several values" dialog and press Enter."""
    dialog = the_dialog(qtbot)
    type_into(qtbot, dialog.field, text)
    qtbot.waitUntil(lambda: closed(dialog) or dialog.error.isVisible(), timeout=WAIT)


def mark_in_inspector(qtbot, window, layer: str, param: str, text: str) -> None:
    """Build mode, click the layer, right-click its parameter's name in the
    Inspector, choose "Try several values…" and answer ``text``."""
    click_mode(qtbot, window, "Build")
    select_layer(qtbot, window, layer)
    inspector = window.panels["inspector"]
    label = next(w for w in inspector.findChildren(QLabel) if w.text().rstrip(" *") == param and w.isVisible())
    assert label.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    # A right click, and the context-menu event the window system sends with it (QTest sends only the click).
    pos = label.rect().center()
    qtbot.mouseClick(label, Qt.MouseButton.RightButton, pos=pos)
    QApplication.sendEvent(label, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, label.mapToGlobal(pos)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5000)
    menu = QApplication.activePopupWidget()
    action = next(a for a in menu.actions() if a.text() == "Try several values…")
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    answer(qtbot, text)


def set_spin(qtbot, spin, value: int) -> None:
    type_into(qtbot, spin, str(value))
    assert spin.value() == value


def undo(qtbot, window) -> None:
    """Ctrl+Z in the Experiments mode (the focus in its list of marks)."""
    target = window.panels["experiments"].search.space.marks
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the dialog had the focus
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


# ---------------------------------------------------------------- geometry
@pytest.mark.parametrize("width,height,_curves", SIZES)
def test_the_experiments_mode_fits_the_window(win, qtbot, width, height, _curves):
    window = win
    window.resize(width, height)
    mark_in_inspector(qtbot, window, "dense", "units", "8, 16, 32")
    panel = experiments(qtbot, window)
    qtbot.wait(20)
    found = [f"[Experiments] {p}" for p in problems(window)]
    visit_tabs(qtbot, panel, found)
    assert not found, "\n".join(found)
    assert panel.search.plot.plot.height() >= 150 and panel.runs.plot.plot.height() >= 150


# ------------------------------------------------------------------ marks
def test_a_mark_shows_in_the_list_and_on_the_layer_and_undo_takes_it_back(win, qtbot):
    window = win
    before = window.stack.index()
    mark_in_inspector(qtbot, window, "dense", "units", "8, 16")
    item = window.scene.nodes[window.graph.find("dense").id]
    assert "⟳ The search tries units: 8, 16" in item.toolTip()
    assert window.stack.index() == before + 1 and window.isWindowModified()
    panel = experiments(qtbot, window)
    assert ("dense.units", "8, 16") in panel.search.space.mark_texts()

    # A bad answer keeps the dialog open and says why in one sentence.
    click(qtbot, button(panel, "Learning rates…"))
    answer(qtbot, "0..1:log")
    dialog = the_dialog(qtbot)
    assert dialog.error.text() == "Learning rate: 0 is not a learning rate (a number above 0, such as 0.001)"
    type_into(qtbot, dialog.field, "0.0001..0.01:log")
    qtbot.waitUntil(lambda: closed(dialog), timeout=WAIT)
    assert ("learning rate", "0.0001 .. 0.01 (log)") in panel.search.space.mark_texts()

    # The list: a row's values changed (the dialog shows them as typed), then the row removed.
    marks = panel.search.space.marks
    row = marks.topLevelItem(1)
    qtbot.mouseClick(marks.viewport(), Qt.MouseButton.LeftButton, pos=marks.visualItemRect(row).center())
    click(qtbot, button(panel, "Change…"))
    assert the_dialog(qtbot).field.text() == "0.0001..0.01:log"
    answer(qtbot, "0.001, 0.01")
    assert ("learning rate", "0.001, 0.01") in panel.search.space.mark_texts()
    click(qtbot, button(panel, "Remove"))
    assert panel.search.space.mark_texts() == [("dense.units", "8, 16")]

    for _ in range(4):
        undo(qtbot, window)
    assert panel.search.space.mark_texts() == [("Nothing marked yet", "")]
    assert "tries units" not in item.toolTip()
    assert window.stack.index() == before


def test_a_search_needs_a_saved_project(win, qtbot):
    window = win
    mark_in_inspector(qtbot, window, "dense", "units", "8, 16")
    qtbot.waitUntil(lambda: "experiments" in window.panels, timeout=60_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # Alt+4: the Experiments mode
    assert window.mode() == "experiments"
    panel = window.panels["experiments"]
    asked = []
    panel.search.ask_save_first = lambda: asked.append(1) or False
    click(qtbot, button(panel, "Start search"))
    assert asked and not panel.search.busy
    assert "needs the project saved" in panel.search.status.text()


# ------------------------------------------------------------------ search
def start_search(qtbot, window, tmp_path, values: str, trials: int):
    window.files.save_to(tmp_path / "digits.kbproj")
    mark_in_inspector(qtbot, window, "dense", "units", values)
    panel = experiments(qtbot, window)
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
def test_search_two_trials_then_apply_best_in_one_undo_step(win, qtbot, tmp_path):
    window = win
    view = start_search(qtbot, window, tmp_path, "8, 16", 2)
    panel = window.panels["experiments"]
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
def test_stop_keeps_finished_trials_and_a_reopened_project_resumes(win, qtbot, tmp_path):
    window = win
    view = start_search(qtbot, window, tmp_path, "8, 16, 32", 3)
    panel = window.panels["experiments"]
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


@pytest.mark.slow  # starts a search
def test_another_model_stops_the_search_and_drops_its_events(win, qtbot, tmp_path):
    from kbuilder.app import example_project

    window = win
    view = start_search(qtbot, window, tmp_path, "8, 16, 32", 3)
    qtbot.waitUntil(lambda: view.table.rowCount() >= 1, timeout=WAIT)  # trial 1 runs
    window.files.set_project(example_project(), None, "another")
    assert view.table.rowCount() == 0 and "previous model" in view.status.text()
    qtbot.waitUntil(lambda: not view.busy, timeout=WAIT)
    assert view.table.rowCount() == 0 and button(window.panels["experiments"], "Start search").isEnabled()


@pytest.mark.slow  # starts a search
def test_train_waits_while_a_search_runs(win, qtbot, tmp_path):
    window = win
    view = start_search(qtbot, window, tmp_path, "8, 16, 32", 3)
    train = training_panel(qtbot, window)
    click(qtbot, train.train_button)
    assert not train.busy and train.session is None
    assert "A search is running in Experiments" in train.messages.toPlainText()
    click_mode(qtbot, window, "Experiments")
    click(qtbot, button(window.panels["experiments"], "Stop"))
    qtbot.waitUntil(lambda: not view.busy, timeout=WAIT)


# -------------------------------------------------------------------- runs
@pytest.mark.slow  # trains twice
def test_two_runs_compared_side_by_side(window, qtbot):
    train = training_panel(qtbot, window)
    train_digits(qtbot, train, 1)
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
