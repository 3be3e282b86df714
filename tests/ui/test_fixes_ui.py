"""One-click fixes in the Issues panel, with the real analysis (Keras checks,
shapes and fixes found on the analysis thread): clicked, undone, redone from
the keyboard; a training-settings fix shown at once in the Train mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kbuilder.core.graph import Graph
from kbuilder.core.validate import Issue
from kbuilder.keras_io.fixes import fixes_for_issues
from kbuilder.project.kbproj import Project
from kbuilder.ui.panels.issues import IssuesPanel

WAIT = 180_000


def conv_on_pictures() -> Graph:
    g = Graph(name="conv")
    x = g.add_input((28, 28), name="image", position=(0, 0))
    c = g.add("Conv2D", inputs=[x], filters=4, kernel_size=3, activation="relu", name="conv", position=(0, 120))
    f = g.add("Flatten", inputs=[c], position=(0, 240))
    g.add("Dense", inputs=[f], units=10, activation="softmax", name="probs", position=(0, 360))
    return g


def overlapping(window) -> list[tuple[str, str]]:
    boxes = {n.name: window.scene.nodes[n.id].sceneBoundingRect() for n in window.graph.nodes}
    names = sorted(boxes)
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1:] if boxes[a].intersects(boxes[b])]


def open_model(qtbot, window, graph: Graph, settings: dict | None = None) -> None:
    window.files.set_project(Project(graph=graph, settings=settings or {}), None, graph.name)
    settle(qtbot, window)


def settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.analysis.is_idle(), timeout=WAIT)


def errors(window) -> list[str]:
    issues = window.panels["issues"].issues()
    return [i.message for i in issues if i.severity == "error"]


def button(panel: IssuesPanel, starts: str):
    found = [b for b in panel.fix_buttons() if b.text().startswith(starts)]
    assert found, [b.text() for b in panel.fix_buttons()]
    return found[0]


def click(qtbot, widget) -> None:
    widget.parentWidget().window().raise_()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.mark.slow  # TensorFlow starts in the analysis thread
def test_reshape_fix_clicked_undone_and_applied_from_the_keyboard(keras_window, qtbot):
    window = keras_window
    open_model(qtbot, window, conv_on_pictures())
    panel = window.panels["issues"]
    assert any("Conv2D expects images" in m for m in errors(window)), panel.issues()
    fix = button(panel, "Insert a Reshape")
    assert fix.text() == "Insert a Reshape to (28, 28, 1) before conv"
    assert fix.isVisible() and fix.isEnabled()
    assert fix.toolTip()  # the fix's detail
    before = window.stack.count()

    positions = {n.id: n.position for n in window.graph.nodes}
    assert overlapping(window) == []
    click(qtbot, fix)
    assert window.stack.count() == before + 1  # one undo step
    assert [n.class_name for n in window.graph.predecessors(window.graph.find("conv").id)] == ["Reshape"]
    assert overlapping(window) == []  # the layers below stepped down to make room (a new user saw them piled up)
    settle(qtbot, window)
    assert errors(window) == [] and "No problems" in panel.header.text()
    assert panel.fix_buttons() == []

    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.count() == before + 1 and window.stack.index() == before
    assert {n.id: n.position for n in window.graph.nodes} == positions  # undo puts them back
    settle(qtbot, window)
    assert any("Conv2D expects images" in m for m in errors(window))

    # Edit > Apply the suggested fix (Ctrl+Shift+F): the selected issue's first fix.
    row = next(r for r in range(panel.row_count()) if panel.row_texts(r)[0] == "conv")
    panel.table.selectRow(row)
    assert window.actions_["apply_fix"].isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.stack.index() == before + 1
    assert not window.actions_["apply_fix"].isEnabled()  # until the model is checked again
    settle(qtbot, window)
    assert errors(window) == []


@pytest.mark.slow
def test_settings_fix_changes_the_loss_in_the_train_mode(keras_window, qtbot):
    window = keras_window
    g = Graph(name="probs_model")
    x = g.add_input((16,), name="x")
    g.add("Dense", inputs=[x], units=10, activation="softmax", name="probs")
    training = {"data": {"source": "sklearn", "name": "digits"}, "outputs": {"probs": {"loss": "binary_crossentropy"}}}
    qtbot.waitUntil(lambda: "training" in window.panels, timeout=WAIT)
    open_model(qtbot, window, g, {"training": training})
    train = window.panels["training"]
    loss = train.settings.out_table.cellWidget(0, 1)
    assert loss.currentData() == "binary_crossentropy"
    panel = window.panels["issues"]
    warning = [i for i in panel.issues() if i.code == "loss_activation"]
    assert warning and "binary cross-entropy" in warning[0].message
    before = window.stack.count()

    click(qtbot, button(panel, "Use sparse categorical cross-entropy"))
    assert window.stack.count() == before + 1
    assert window.document.settings["training"]["outputs"]["probs"]["loss"] == "sparse_categorical_crossentropy"
    assert train.settings.out_table.cellWidget(0, 1).currentData() == "sparse_categorical_crossentropy"
    assert window.isWindowModified()
    settle(qtbot, window)
    assert not [i for i in panel.issues() if i.code == "loss_activation"]

    window.stack.undo()
    assert train.settings.out_table.cellWidget(0, 1).currentData() == "binary_crossentropy"
    assert window.document.settings["training"] == training
    settle(qtbot, window)
    assert [i for i in panel.issues() if i.code == "loss_activation"]
    window.set_mode("training")
    QApplication.processEvents()
    assert train.settings.out_table.cellWidget(0, 1).currentData() == "binary_crossentropy"


def test_fix_buttons_wait_for_the_next_analysis(qtbot):
    """Without a window: fixes shown with their issue, the first one prominent,
    the others in the menu, all disabled from an edit until new results."""
    g = Graph(name="two")
    g.add_input((4,), name="a")
    g.add("Dense", units=3, name="lonely")  # connected to nothing
    issue = Issue("error", "lonely is connected to nothing", g.find("lonely").id, None, "no_input_connected")
    fixes = fixes_for_issues(g, [issue])
    assert len(fixes[0]) >= 2
    pushed = []
    panel = IssuesPanel(g, push=lambda cmd: pushed.append(cmd) or cmd.redo(g))
    qtbot.addWidget(panel)
    panel.resize(700, 240)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_issues([issue], fixes)
    assert panel.row_fixes(0) == [f.title for f in fixes[0]]
    first = panel.fix_buttons()[0]
    assert first.text() == fixes[0][0].title and first.font().bold()
    cell = panel.table.cellWidget(0, 2)
    assert [a.text() for a in cell.more.menu().actions()] == [f.title for f in fixes[0][1:]]
    assert first.geometry().right() <= cell.width() and cell.geometry().right() <= panel.table.viewport().width()
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert len(pushed) == 1 and g.find("lonely").id in {e.dst for e in g.edges}
    assert not first.isEnabled() and "checking it again" in first.toolTip()
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert len(pushed) == 1  # not twice
    panel.set_issues([])
    assert panel.fix_buttons() == [] and panel.table.isColumnHidden(2)
    panel.detach()
