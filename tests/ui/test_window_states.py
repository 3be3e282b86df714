"""A stateful test of the real main window: random sequences of what a user
does (templates, a dropped project, New, edits, undo/redo, a short training
run, Evaluate, Check, Save model, reopening the saved model, the wheel
over fields), with what must hold after every step:

1. the training panel's figures belong to the model on the canvas, or a
   banner says they are out of date; a replaced document starts fresh;
2. a saved model has the parameter count of the model on the canvas when
   it was saved (and reopening it gives that model back);
3. the title and its modified mark agree with the undo stack;
4. the wheel over a field that has no focus changes nothing.

The window is built in the machine, not by the ``window`` fixture (fixtures
and RuleBasedStateMachine do not mix); the autouse fixture below hands it
the same structural-only analyzers and a temporary recovery folder.
"""

from __future__ import annotations

import itertools
import os
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QToolBar

from kbuilder.project import kbproj
from kbuilder.project.templates import template_path
from kbuilder.ui.window import files

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

TEMPLATES = ("digits_classifier", "mnist_mlp", "functional_mlp")
WAIT_S = 120.0
AFTER_TRAINING = ("nothing", "evaluate", "save")
_PARTS: dict = {}
_DROPS = itertools.count()


@pytest.fixture(autouse=True)
def _window_parts(analyzers, tmp_path, monkeypatch):
    """What the ``window`` fixture would give the window, for the machine."""
    monkeypatch.setattr(files, "recovery_dir", lambda: tmp_path / "recovery")
    _PARTS.update(analyzers=analyzers, tmp=tmp_path)
    yield
    _PARTS.clear()


# ----------------------------------------------------------------- helpers
def app() -> QApplication:
    return QApplication.instance()


def wait(condition, seconds: float = WAIT_S, what: str = "the window") -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"{what} did not get there in {seconds:.0f} s")
        app().processEvents()
        time.sleep(0.005)


def settle(seconds: float = 0.05) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app().processEvents()
        time.sleep(0.005)


LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def click(widget, pos: QPoint | None = None) -> None:
    if pos is None:
        QTest.mouseClick(widget, LEFT)
    else:
        QTest.mouseClick(widget, LEFT, NO_MOD, pos)


def type_into(widget, text: str) -> None:
    """Click into a field, select what is there, type, press Enter."""
    click(widget)
    QTest.keyClick(widget, Qt.Key.Key_A, CTRL)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def click_mode(window, title: str) -> None:
    """Click the mode's button on the Modes toolbar."""
    bar = window.findChild(QToolBar, "toolbar_modes")
    action = next(a for a in bar.actions() if a.text().replace("&", "") == title)
    click(bar.widgetForAction(action))
    assert action.isChecked()


def visible_point(window, node_id: str) -> QPoint | None:
    """A point of the layer's box that no other layer covers (a layer added
    with nothing selected can sit on top of another), None when it is hidden."""
    item = window.scene.nodes[node_id]
    window.view.ensureVisible(item)
    rect = item.sceneBoundingRect()
    boxes = set(window.scene.nodes.values())
    for fx, fy in ((0.5, 0.5), (0.2, 0.5), (0.8, 0.5), (0.5, 0.3), (0.5, 0.7), (0.15, 0.3), (0.85, 0.7)):
        pos = window.view.mapFromScene(QPointF(rect.left() + fx * rect.width(), rect.top() + fy * rect.height()))
        top = window.view.itemAt(pos)
        while top is not None and top not in boxes:
            top = top.parentItem()
        if top is item:
            return pos
    return None


def click_layer(window, node_id: str) -> bool:
    """Click the layer's box on the canvas where it shows; False when another covers it."""
    pos = visible_point(window, node_id)
    if pos is None:
        tally("click: a layer hidden under another")
        return False
    click(window.view.viewport(), pos)
    assert window.scene.selected_node_ids() == [node_id]
    return True


def wheel(widget, delta: int) -> None:
    """One notch of the wheel over the middle of ``widget`` (sent to it, as
    the pointer does: no focus change)."""
    centre = widget.rect().center()
    turn = QWheelEvent(QPointF(centre), QPointF(widget.mapToGlobal(centre)), QPoint(), QPoint(0, delta),
                       Qt.MouseButton.NoButton, NO_MOD, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, turn)


def tally(what: str) -> None:
    """Count what happened, for ``--hypothesis-show-statistics`` (silent otherwise)."""
    try:
        event(what)
    except InvalidArgument:  # a step run outside Hypothesis
        pass


def keras_params(graph) -> int:
    from kbuilder.keras_io.build import build_model

    return int(build_model(graph.copy()).count_params())


PLACEHOLDER = "Train a model: its test results appear here."


def shows_figures(panel) -> bool:
    """Whether the Results tab shows a run's or an evaluation's figures."""
    return panel.results.metrics.text() not in ("", PLACEHOLDER)


def digits_fit(graph) -> bool:
    """Whether the model takes the bundled digits: one (8, 8) or (64,) input."""
    inputs = [n for n in graph.nodes if n.class_name == "Input"]
    return len(inputs) == 1 and list(inputs[0].params.get("shape") or []) in ([8, 8], [64])


# ----------------------------------------------------------------- machine
class WindowMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        from kbuilder.app import example_project
        from kbuilder.ui.window.main_window import MainWindow

        self.tmp = Path(tempfile.mkdtemp(dir=_PARTS["tmp"]))
        self.saves = itertools.count()
        self.saved: list[tuple[Path, int]] = []  # (file, Keras parameter count at save time)
        self.figures_for: str | None = None  # the model key of the figures the Results tab shows
        self.errors: list[str] = []  # error boxes the window would have shown
        w = self.window = MainWindow(analyzers=_PARTS["analyzers"])
        w.files.ask_save_changes = lambda: files.DISCARD
        w.files.info = lambda title, text: None
        w.files.ask_stop_training = lambda: True
        w.files.error = lambda title, text: self.errors.append(f"{title}: {text}")
        w.files.set_project(example_project(), None, "untitled")
        w.resize(1200, 800)
        w.show()
        w.activateWindow()
        wait(lambda: w.analysis is not None and "training" in w.panels, what="the window's start")
        self.panel = w.panels["training"]
        self.wait_idle()

    def teardown(self) -> None:
        w = self.window
        w.stack.setClean()
        w.close()
        w.shutdown()
        w.deleteLater()
        settle(0.02)

    # ---------------------------------------------------------- waiting
    def idle(self) -> bool:
        w, p = self.window, self.panel
        return (w.analysis.is_idle() and not w.files.loading and not p.busy
                and not p._graph_timer.isActive())  # the panel follows an edit after 300 ms

    def wait_idle(self) -> None:
        wait(self.idle, what="the window (analysis, loading, training)")

    def assert_fresh(self) -> None:
        p = self.panel
        assert p.result is None and p.session is None, "a replaced document kept the old run"
        assert p.messages.toPlainText() == "", p.messages.toPlainText()
        assert not shows_figures(p)
        assert p.stale.isHidden()
        assert not p.save_button.isEnabled()

    def replaced(self) -> None:
        self.wait_idle()
        self.assert_fresh()
        self.figures_for = None

    # ----------------------------------------------------------- rules
    @initialize(slug=st.sampled_from(TEMPLATES), then=st.sampled_from(AFTER_TRAINING))
    def start(self, slug, then):
        """Start from a template and train it once: among random steps a run
        that then gets edited, saved and reopened would be rare."""
        self.open_template(slug)
        self.train(then)

    # Template, dropped file and New are one rule, so that a run is not
    # thrown away on a third of the steps.
    @rule(how=st.sampled_from(["template", "drop", "new"]), slug=st.sampled_from(TEMPLATES),
          onto=st.sampled_from(["canvas", "window"]))
    def replace_document(self, how, slug, onto):
        if how == "template":
            self.open_template(slug)
        elif how == "drop":
            self.drop_project(slug, onto)
        else:
            self.new()

    def open_template(self, slug):
        assert self.window.files.open_template(template_path(slug))
        self.replaced()
        assert self.window.document.name == slug

    def drop_project(self, slug, onto):
        """Drop a .kbproj on the canvas (when it shows) or on the window."""
        w = self.window
        path = self.tmp / f"dropped_{next(_DROPS)}.kbproj"
        kbproj.save(kbproj.load(template_path(slug)), path)
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        receiver = w.view.viewport() if onto == "canvas" and w.view.viewport().isVisible() else w
        pos = receiver.rect().center()
        copy = Qt.DropAction.CopyAction
        QApplication.sendEvent(receiver, QDragEnterEvent(pos, copy, mime, LEFT, NO_MOD))
        QApplication.sendEvent(receiver, QDropEvent(QPointF(pos), copy, mime, LEFT, NO_MOD, QEvent.Type.Drop))
        self.replaced()
        assert w.files.path == path and w.document.name == path.stem

    def new(self):
        self.window.actions_["new"].trigger()
        self.replaced()
        assert [n.class_name for n in self.window.graph.nodes] == ["Input"]

    @rule(kind=st.sampled_from(["Dense", "Dropout"]))
    def add_layer(self, kind):
        before = len(self.window.graph)
        self.window.add_layer(kind)
        assert len(self.window.graph) == before + 1

    @precondition(lambda self: any(n.class_name == "Dense" for n in self.window.graph.nodes))
    @rule(which=st.integers(0, 50), units=st.integers(1, 80))
    def change_units(self, which, units):
        w = self.window
        click_mode(w, "Build")
        dense = sorted((n for n in w.graph.nodes if n.class_name == "Dense"), key=lambda n: n.name)
        node = dense[which % len(dense)]
        if not click_layer(w, node.id):
            return
        type_into(w.panels["inspector"].editor("units").main, str(units))
        assert w.graph.node(node.id).params.get("units") == units

    @rule(redo=st.booleans())
    def undo_or_redo(self, redo):
        w = self.window
        index = w.stack.index()
        can = w.stack.canRedo() if redo else w.stack.canUndo()
        w.modes.setFocus()  # not a text field, whose own Ctrl+Z would win
        mods = (CTRL | Qt.KeyboardModifier.ShiftModifier) if redo else CTRL
        QTest.keyClick(w, Qt.Key.Key_Z, mods)
        assert w.stack.index() == index + (1 if redo else -1) * can

    @rule(then=st.sampled_from(AFTER_TRAINING))
    def train(self, then="nothing"):
        """Train one epoch; then, as users often do, maybe evaluate or save."""
        w, p = self.window, self.panel
        click_mode(w, "Train")
        combo = p.settings.dataset
        combo.setCurrentIndex(combo.findData("sklearn:digits" if digits_fit(w.graph) else "sklearn:iris"))
        type_into(p.settings.epochs, "1")
        assert p.settings.epochs.value() == 1
        key, before = w.document.model_key(), p.result
        click(p.train_button)
        self.wait_idle()
        if p.result is not None and p.result is not before:
            self.figures_for = key
        elif not shows_figures(p):  # a run that starts clears the old figures, even when it fails
            self.figures_for = None
        tally("train: " + ("trained" if p.result is not None else "refused or failed"))
        if then == "evaluate":
            self.evaluate()
        elif then == "save":
            self.save_model()

    @rule()
    def evaluate(self):
        w, p = self.window, self.panel
        click_mode(w, "Train")
        if p.evaluate_button.isEnabled():
            key = w.document.model_key()
            click(p.evaluate_button)
            self.wait_idle()
            if p.status.text().startswith("Evaluated:"):
                self.figures_for = key
        tally(f"evaluate: {'clicked' if p.session is not None and p._session_ok else 'off or failed'}")

    @rule()
    def check_data(self):
        """Press Check (it loads the data and compares it with the model; the figures stay)."""
        w, p = self.window, self.panel
        click_mode(w, "Train")
        if p.check_button.isEnabled():
            click(p.check_button)
            self.wait_idle()

    @rule()
    def save_model(self):
        w, p = self.window, self.panel
        click_mode(w, "Train")
        if not p.save_button.isEnabled():
            tally("save: off")
            return
        expected = keras_params(w.graph)
        path = self.tmp / f"saved_{next(self.saves)}.keras"
        p.save_model(path)  # what the button does once its file dialog answers
        self.wait_idle()
        assert path.exists(), p.status.text()
        from kbuilder.layers.backend import keras

        assert keras().models.load_model(path, compile=False).count_params() == expected
        self.saved.append((path, expected))
        tally("save: saved")

    @precondition(lambda self: self.saved)
    @rule(which=st.integers(0, 50))
    def reopen_saved(self, which):
        w = self.window
        path, count = self.saved[which % len(self.saved)]
        assert w.files.open_path(path, ask=False)
        wait(lambda: not w.files.loading, what="opening the saved model")
        assert not self.errors, self.errors
        self.replaced()
        assert keras_params(w.graph) == count
        assert w.document.weights is not None and w.document.weights.source == "file"
        tally("reopen: reopened")

    @rule(mode=st.sampled_from(["Build", "Train"]), which=st.integers(0, 50))
    def wheel_over_fields(self, mode, which):
        w, p = self.window, self.panel
        click_mode(w, mode)
        if mode == "Build" and len(w.graph):
            nodes = sorted(w.graph.nodes, key=lambda n: n.name)
            click_layer(w, nodes[which % len(nodes)].id)
        w.modes.setFocus()
        fields = [f for root in (w.panels["inspector"], p.settings)
                  for kind in (QComboBox, QAbstractSpinBox) for f in root.findChildren(kind) if f.isVisible()]
        graph, training, index = w.graph.to_dict(), p.training_settings(), w.stack.index()
        for field in fields:
            assert not field.hasFocus()
            for delta in (120, -120, -120):
                wheel(field, delta)
        assert w.graph.to_dict() == graph
        assert p.training_settings() == training
        assert w.stack.index() == index

    # ------------------------------------------------------- invariants
    @invariant()
    def the_window_tells_the_truth(self):
        self.wait_idle()
        w, p = self.window, self.panel
        # 1. Figures shown belong to the model on the canvas, or say they are out of date.
        warned = not p.stale.isHidden() and p.stale.text().startswith("Out of date")
        if p.result is not None or shows_figures(p):
            assert p.session_current() or warned, "the panel shows figures of another model without saying so"
        if shows_figures(p):  # the same, from what the test saw the figures come from
            assert self.figures_for == w.document.model_key() or warned, (
                "the Results tab shows figures of another model without saying so")
        # 3. The title and its modified mark follow the undo stack.
        assert w.isWindowModified() == (not w.stack.isClean())
        assert w.windowTitle().startswith(w.document.name)
        # (2 is checked by save_model and reopen_saved, 4 by wheel_over_fields.)
        assert not self.errors, self.errors


# Each step can train a model, so shrinking a failure takes minutes: it is off
# unless KBUILDER_SHRINK=1 (the failing steps, at most 10, are printed either way).
PHASES = [Phase.explicit, Phase.generate] + ([Phase.shrink, Phase.explain] if os.environ.get("KBUILDER_SHRINK") else [])
WindowMachine.TestCase.settings = settings(
    max_examples=6, stateful_step_count=10, deadline=None, database=None, phases=PHASES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
TestWindowStates = pytest.mark.slow(WindowMachine.TestCase)
