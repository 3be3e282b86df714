"""The training panel driven through its widgets (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kbuilder.core.graph import Graph
from kbuilder.project.templates import load_template
from kbuilder.ui.training.panel import TrainingPanel

WAIT = 120_000


def digits_template() -> Graph:
    """The gallery's default template: 8x8 digit images, Flatten, Dense, Dropout, softmax."""
    return load_template("digits_classifier").graph


@pytest.fixture
def panel(qtbot, tmp_path):
    p = TrainingPanel(digits_template())
    p.set_workdir(tmp_path)
    qtbot.addWidget(p)
    p.resize(1250, 560)
    p.show()
    yield p
    p.detach()  # stops a run and joins the training thread
    assert p._thread is None


def choose(combo, data):
    i = combo.findData(data)
    assert i >= 0
    combo.setCurrentIndex(i)


def test_train_stop_evaluate_save(panel, qtbot, tmp_path):
    s = panel.settings
    choose(s.dataset, "sklearn:digits")
    s.epochs.setValue(2)
    s.batch_size.setValue(16)
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    assert not panel.train_button.isEnabled()
    qtbot.waitUntil(lambda: panel.curves.point_counts().get("loss", {}).get("epoch", 0) >= 1, timeout=WAIT)
    first = panel.curves.point_counts()["loss"]
    qtbot.waitUntil(lambda: panel.result is not None and not panel.busy, timeout=WAIT)  # Train is off while busy
    counts = panel.curves.point_counts()
    assert counts["loss"]["epoch"] == 2 and counts["loss"]["val"] == 2
    assert counts["accuracy"]["epoch"] == 2
    assert counts["loss"]["batch"] > first["batch"] >= 1  # the curves grew while training
    assert panel.result.test_metrics["accuracy"] > 0
    assert panel.results.confusion.rowCount() == 10
    assert panel.progress.value() == 1000
    panel.grab().save(str(tmp_path / "panel.png"))

    # A long run, stopped part-way: the weights are kept.
    s.epochs.setValue(200)
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.curves.point_counts().get("loss", {}).get("epoch", 0) >= 1, timeout=WAIT)
    assert panel.stop_button.isEnabled()
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result is not None and not panel.busy, timeout=WAIT)
    assert panel.result.stop_reason == "stopped"
    assert 1 <= panel.result.epochs_done < 200
    assert "kept" in panel.status.text()

    with qtbot.waitSignal(panel.worker.evaluated, timeout=WAIT):
        qtbot.mouseClick(panel.evaluate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=WAIT)
    assert "accuracy" in panel.results.metrics.text()

    path = tmp_path / "trained.keras"
    with qtbot.waitSignal(panel.worker.saved, timeout=WAIT):
        panel.save_model(path)
    qtbot.waitUntil(lambda: not panel.busy, timeout=WAIT)
    from kbuilder.layers.backend import keras

    model = keras().models.load_model(path)
    assert model.output_shape == (None, 10)

    # Compare with the previous run.
    qtbot.mouseClick(panel.compare, Qt.MouseButton.LeftButton)
    assert panel.compare.isChecked()
    assert panel.curves.point_counts()["loss"]["previous"] == 2

    script = panel.export_script(tmp_path / "train.py")
    assert script is not None and "def build_model" in script.read_text()


def test_pause_and_resume(panel, qtbot):
    panel.settings.epochs.setValue(100)
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.running and panel.curves.point_counts().get("loss", {}).get("epoch", 0) >= 1,
                    timeout=WAIT)
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    # panel.paused turns True when the training thread reports that it waits
    # (its earlier batch signals were delivered before that one).
    qtbot.waitUntil(lambda: panel.paused, timeout=WAIT)
    assert panel.pause_button.text() == "Resume"
    n = panel.curves.point_counts()["loss"]["batch"]
    assert panel.session.control.paused  # the thread is blocked in wait_if_paused
    QApplication.processEvents()
    assert panel.curves.point_counts()["loss"]["batch"] <= n + 1  # nothing moves while paused
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.paused, timeout=WAIT)
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=WAIT)
    assert panel.result.stop_reason == "stopped"


def test_data_that_does_not_fit_is_a_message(panel, qtbot):
    choose(panel.settings.dataset, "sklearn:iris")  # 4 features into a 64-wide input
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy and "does not fit" in panel.status.text(), timeout=WAIT)
    assert "expects samples of shape (8, 8)" in panel.status.text()
    assert panel.train_button.isEnabled()


def test_settings_round_trip(panel):
    from kbuilder.training.config import TrainConfig

    cfg = TrainConfig.from_dict({"dataset": "wine", "epochs": 7, "batch_size": 8, "validation_split": 0.25})
    cfg.optimizer, cfg.learning_rate = "sgd", 0.01
    cfg.callbacks.early_stopping["enabled"] = True
    panel.load_training_settings(cfg.to_dict())
    got = panel.config()
    assert (got.data.source, got.data.name, got.epochs, got.batch_size) == ("sklearn", "wine", 7, 8)
    assert got.data.val_fraction == 0.25 and got.optimizer == "sgd" and got.learning_rate == 0.01
    assert got.callbacks.early_stopping["enabled"] and got.callbacks.terminate_on_nan["enabled"]


def test_validation_file_row(panel, qtbot, tmp_path):
    s = panel.settings
    assert s._data_form.isRowVisible(s.val_row) is False  # digits: no file to pair it with
    choose(s.dataset, "csv:")
    assert s._data_form.isRowVisible(s.val_row)
    assert s.val_fraction.isEnabled()
    s.val_path.setFocus()
    qtbot.keyClicks(s.val_path, str(tmp_path / "val.csv"))
    assert not s.val_fraction.isEnabled()  # the file replaces the validation part
    assert panel.config().data.val_path == str(tmp_path / "val.csv")
    s.val_path.clear()
    assert s.val_fraction.isEnabled() and panel.config().data.val_path == ""
