"""Issues, summary and code panels, and the acceptance path: the inspector,
the analysis thread and the summary together, as the main window mounts them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QWidget

from kbuilder.core import commands as C
from kbuilder.core.graph import Graph
from kbuilder.core.validate import Issue
from kbuilder.ui.analysis import AnalysisController
from kbuilder.ui.inspector.panel import InspectorPanel
from kbuilder.ui.panels.code import CodePanel
from kbuilder.ui.panels.issues import IssuesPanel
from kbuilder.ui.panels.summary import SummaryPanel
from kbuilder.ui.undo import execute

MNIST_TOTAL = 784 * 64 + 64 + 64 * 10 + 10


class Doc:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.stack = QUndoStack()

    def push(self, cmd):
        return execute(self.stack, self.graph, cmd)


def mnist() -> Graph:
    g = Graph(name="mnist")
    x = g.add_input((28, 28), name="image")
    f = g.add("Flatten", inputs=[x])
    h = g.add("Dense", inputs=[f], units=64, activation="relu")
    g.add("Dense", inputs=[h], units=10, activation="softmax", name="probs")
    return g


def branched() -> Graph:
    g = Graph(name="two_heads")
    x = g.add_input((16,), name="features")
    a = g.add("Dense", inputs=[x], units=8, name="left")
    b = g.add("Dense", inputs=[x], units=8, name="right")
    g.add("Concatenate", inputs=[a, b], name="join")
    return g


@pytest.fixture
def controller(qtbot):
    made = []

    def make(graph):
        c = AnalysisController(graph)
        made.append(c)
        return c

    yield make
    for c in made:
        c.shutdown()
        assert c.thread.isFinished()


def wait_idle(qtbot, c, timeout=120_000):
    qtbot.waitUntil(c.is_idle, timeout=timeout)


# ---------------------------------------------------------------- issues
def _issue(severity, message, node_id=None, edge_id=None, code="x"):
    return Issue(severity, message, node_id, edge_id, code)


def test_issues_list_sorted_with_icons_and_click_selects(qtbot):
    g = mnist()
    probs = g.find("probs")
    p = IssuesPanel(g)
    qtbot.addWidget(p)
    p.resize(500, 300)
    p.show()
    qtbot.waitExposed(p)
    p.set_issues([_issue("warning", "no activation", probs.id), _issue("error", "the model has no input")])
    assert p.row_count() == 2
    assert p.row_texts(0) == ("model", "the model has no input")
    assert p.row_texts(1)[0] == "probs"
    assert not p.table.item(0, 0).icon().isNull() and not p.table.item(1, 0).icon().isNull()
    assert "1 error, 1 warning" == p.header.text()
    with qtbot.waitSignal(p.node_selected, timeout=1000) as blocker:
        rect = p.table.visualItemRect(p.table.item(1, 1))
        qtbot.mouseClick(p.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [probs.id]
    # a rename shows at once, before the next analysis
    g.rename(probs.id, "classes")
    assert p.row_texts(1)[0] == "classes"
    p.set_issues([])
    assert "No problems" in p.header.text()
    p.detach()


def test_issues_from_the_real_checker_select_the_layer(qtbot, controller):
    g = mnist()
    lonely = g.add("Dense", units=3, name="lonely")  # not connected: an issue
    p = IssuesPanel(g)
    qtbot.addWidget(p)
    c = controller(g)
    c.results_ready.connect(p.set_results)
    wait_idle(qtbot, c)
    rows = [p.row_texts(r) for r in range(p.row_count())]
    mine = [r for r in range(p.row_count()) if p.row_texts(r)[0] == "lonely"]
    assert mine, rows
    with qtbot.waitSignal(p.node_selected, timeout=1000) as blocker:
        p.table.itemClicked.emit(p.table.item(mine[0], 1))
    assert blocker.args == [lonely.id]
    p.detach()


# --------------------------------------------------------------- summary
def test_summary_table_and_totals(qtbot):
    g = mnist()
    p = SummaryPanel(g)
    qtbot.addWidget(p)
    p.set_summary(
        {
            "name": "mnist",
            "total_params": 1000,
            "trainable_params": 990,
            "non_trainable_params": 10,
            "layers": [
                {"name": "image", "class_name": "Input", "output_shape": [None, 28, 28], "params": 0, "inbound": []},
                {"name": "probs", "class_name": "Dense", "output_shape": [None, 10], "params": 1000, "inbound": ["image"]},
            ],
        }
    )
    assert p.table.rowCount() == 2
    assert [p.table.horizontalHeaderItem(i).text() for i in range(4)] == ["Layer (type)", "Output Shape", "Param #", "Connected to"]
    assert p.table.item(1, 0).text() == "probs (Dense)"
    assert p.table.item(1, 1).text() == "(None, 10)"
    assert p.table.item(1, 2).text() == "1,000"
    assert p.table.item(1, 3).text() == "image"
    assert "Total params: 1,000" in p.totals.text()
    assert "Non-trainable params: 10" in p.totals.text()
    with qtbot.waitSignal(p.node_selected, timeout=1000) as blocker:
        p.table.itemClicked.emit(p.table.item(1, 0))
    assert blocker.args == [g.find("probs").id]
    p.set_summary(None, "Dense needs an input")
    assert "Dense needs an input" in p.message.text() and p.message.isVisibleTo(p)


# ------------------------------------------------------------------ code
def test_code_panel_shows_code_and_switches_style(qtbot, tmp_path):
    g = mnist()
    p = CodePanel(g)
    qtbot.addWidget(p)
    assert "keras.Model" in p.editor.toPlainText()
    assert p.editor.isReadOnly()
    # What the panel asks for (a fixed-width face), not what this machine's
    # fonts resolve it to: the suite must pass on a machine without one.
    font = p.editor.font()
    assert font.fixedPitch() and font.styleHint() == QFont.StyleHint.Monospace
    styles = []
    p.style_changed.connect(styles.append)
    p.style_combo.setCurrentIndex(p.style_combo.findData("sequential"))
    assert "keras.Sequential" in p.editor.toPlainText()
    p.style_combo.setCurrentIndex(p.style_combo.findData("subclass"))
    assert "class " in p.editor.toPlainText() and "def call" in p.editor.toPlainText()
    assert styles == ["sequential", "subclass"]
    # follows the graph (debounced)
    g.set_param(g.find("probs").id, "units", 7)
    qtbot.waitUntil(lambda: "units=7" in p.editor.toPlainText(), timeout=3000)
    # copy and save
    p.copy_button.click()
    assert QGuiApplication.clipboard().text() == p.code()
    saved = p.save_to(tmp_path / "model")
    assert saved.suffix == ".py" and saved.read_text() == p.code()
    compile(p.code(), "model.py", "exec")
    for w in (p.style_combo, p.copy_button, p.save_button, p.editor):
        assert w.toolTip()
    p.detach()


def test_code_panel_shows_the_sequential_refusal(qtbot):
    g = branched()
    p = CodePanel(g, style="sequential")
    qtbot.addWidget(p)
    assert p.code_style() == "sequential"
    assert p.error()
    assert p.stack.currentWidget() is p.message
    assert p.error() in p.message.text() or p.error()[:20] in p.message.text()
    assert not p.copy_button.isEnabled() and not p.save_button.isEnabled()
    p.set_style("functional")
    assert p.error() is None and "Concatenate" in p.code()
    assert p.stack.currentWidget() is p.editor
    p.detach()


# ------------------------------------------------------------ acceptance
def test_typing_units_changes_the_summary_total(qtbot, controller):
    """The main window's wiring: the inspector pushes commands onto the undo
    stack, the graph changes, the analysis thread recomputes, the summary
    shows the new total; undo restores both."""
    g = mnist()
    doc = Doc(g)
    c = controller(g)
    host = QWidget()
    qtbot.addWidget(host)
    inspector = InspectorPanel(g, doc.push, c.catalog, parent=host)
    summary = SummaryPanel(g, parent=host)
    c.catalog_ready.connect(inspector.set_catalog)
    c.results_ready.connect(inspector.set_results)
    c.results_ready.connect(summary.set_results)
    host.resize(400, 700)
    inspector.resize(400, 700)
    host.show()
    qtbot.waitExposed(host)
    wait_idle(qtbot, c)
    if inspector.catalog is None:
        qtbot.waitUntil(lambda: inspector.catalog is not None, timeout=60_000)
    assert summary.total_params() == MNIST_TOTAL

    dense = g.find("dense")
    inspector.set_selection([dense.id])
    assert inspector.shape_label.text() == "(None, 64)"
    spin = inspector.editor("units").main
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "32")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert dense.params["units"] == 32
    new_total = 784 * 32 + 32 + 32 * 10 + 10
    qtbot.waitUntil(lambda: summary.total_params() == new_total, timeout=30_000)
    assert f"Total params: {new_total:,}" in summary.totals.text()
    qtbot.waitUntil(lambda: inspector.shape_label.text() == "(None, 32)", timeout=30_000)

    doc.stack.undo()
    assert spin.value() == 64
    qtbot.waitUntil(lambda: summary.total_params() == MNIST_TOTAL, timeout=30_000)
    inspector.detach()


def test_refusal_is_not_pushed_and_issue_click_selects(qtbot, controller):
    g = mnist()
    doc = Doc(g)
    c = controller(g)
    issues = IssuesPanel(g)
    inspector = InspectorPanel(g, doc.push, c.catalog)
    qtbot.addWidget(issues)
    qtbot.addWidget(inspector)
    c.catalog_ready.connect(inspector.set_catalog)
    c.results_ready.connect(issues.set_results)
    wait_idle(qtbot, c)
    qtbot.waitUntil(lambda: inspector.catalog is not None, timeout=60_000)
    # a Conv2D after a flat Dense: Keras refuses the shapes -> an error issue
    conv = g.add("Conv2D", inputs=[g.find("probs")], filters=4, kernel_size=3, name="bad_conv")
    wait_idle(qtbot, c)
    bad = [r for r in range(issues.row_count()) if issues.row_texts(r)[0] == "bad_conv"]
    assert bad, [issues.row_texts(r) for r in range(issues.row_count())]
    selected = []
    issues.node_selected.connect(lambda nid: inspector.set_selection([nid]))
    issues.node_selected.connect(selected.append)
    issues.table.itemClicked.emit(issues.table.item(bad[0], 0))
    assert selected == [conv.id] and inspector.node_id == conv.id
    # an invalid kernel size is refused: nothing pushed
    before = doc.stack.count()
    ed = inspector.editor("kernel_size")
    ed.main.setText("3, -1")
    ed.main.textEdited.emit("3, -1")
    assert doc.stack.count() == before and conv.params["kernel_size"] == 3
    assert inspector.field_error("kernel_size")
    issues.detach()
    inspector.detach()


def test_pushes_go_through_the_undo_stack(qtbot):
    g = mnist()
    doc = Doc(g)
    p = InspectorPanel(g, doc.push, None)
    qtbot.addWidget(p)
    p.set_selection([g.find("probs").id])
    p.output_check.click()
    assert doc.stack.count() == 1 and g.find("probs").is_output
    doc.stack.undo()
    assert not g.find("probs").is_output and not p.output_check.isChecked()
    doc.push(C.Rename(g.find("probs").id, "probs", "out"))
    assert p.name_edit.text() == "out"
    p.detach()
