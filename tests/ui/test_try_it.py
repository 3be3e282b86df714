"""Try it: the trained model on the user's own drawing, picture or row of
numbers, in the real window, with real mouse and keyboard events."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QLabel
from ui_window_helpers import WAIT, click, click_mode, train_digits, training_panel

from kbuilder.core.commands import set_param
from kbuilder.core.graph import Graph
from kbuilder.project import kbproj


def open_try_it(qtbot, panel):
    """Click the "Try it" tab beside the results."""
    bar = panel.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Try it")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert panel.tabs.currentWidget() is panel.try_it
    return panel.try_it


def wait_ready(qtbot, view) -> None:
    """Until the model is ready to predict (or say why not)."""
    qtbot.waitUntil(lambda: (view.info is not None and view.available) or view.error.isVisible(), timeout=WAIT)
    assert view.error.isHidden(), view.error.text()


def shown_bars(view) -> dict[str, float]:
    return {bar.class_name: bar.probability for bar in view.prediction.bars()}


def draw(qtbot, pad, points: list[tuple[float, float]]) -> None:
    """One stroke through ``points`` (fractions of the drawing's size), with the mouse."""
    r = pad.drawing_rect()

    def at(p):
        return QPoint(int(r.x() + p[0] * r.width()), int(r.y() + p[1] * r.height()))

    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=at(points[0]))
    for p in points[1:]:
        qtbot.mouseMove(pad, pos=at(p))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=at(points[-1]))


def in_thread(fn):
    """Run ``fn`` on a plain thread (Keras never on the test's UI thread, as in the app)."""
    box: list = []
    t = threading.Thread(target=lambda: box.append(fn()))
    t.start()
    t.join()
    return box[0]


def choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_try_it_waits_for_weights(window, qtbot):
    panel = training_panel(qtbot, window)
    view = open_try_it(qtbot, panel)
    assert view.kind == "image"  # known from the graph before any training
    for control in (view.image.pad, view.image.open_button, view.predict_button):
        assert not control.isEnabled()
        assert control.toolTip() == "Train the model first: Try it needs trained weights (or a model file that has them)."
    assert view.banner.isVisible() and "Train the model first" in view.banner.text()


@pytest.mark.slow
def test_draw_open_a_picture_and_go_out_of_date(window, qtbot, tmp_path, monkeypatch):
    from sklearn.datasets import load_digits

    from kbuilder.training.predict import Predictor
    from kbuilder.ui.window.files import last_folder

    panel = training_panel(qtbot, window)
    train_digits(qtbot, panel, epochs=3)
    view = open_try_it(qtbot, panel)
    wait_ready(qtbot, view)
    assert view.image.pad.isEnabled() and not view.banner.isVisible()
    assert "8×8" in view.intro.text()

    # A "7" drawn with the mouse: the answer comes when the button is released.
    with qtbot.waitSignal(view.answered, timeout=WAIT):
        draw(qtbot, view.image.pad, [(0.2, 0.15), (0.5, 0.15), (0.8, 0.15), (0.65, 0.5), (0.5, 0.85)])
    bars = shown_bars(view)
    digits = {str(d) for d in range(10)}
    assert set(bars) - digits == {"the 5 other classes"} and len(set(bars) & digits) == 5
    assert sum(bars.values()) == pytest.approx(1.0, abs=1e-3)
    best = max((p, c) for c, p in bars.items() if c in digits)[1]
    head = view.prediction.blocks[0].findChild(QLabel, "most_likely_label")
    qtbot.waitUntil(head.isVisible, timeout=5_000)
    assert f"<b>{best}</b>" in head.text()
    assert not view.image.seen.pixmap().isNull()  # the drawing as the model sees it, 8×8

    # A real digit as a PNG in 0-255: the same top class as the Predictor in a script.
    sample = load_digits()
    picture = tmp_path / "digit.png"
    Image.fromarray((sample.images[5] * 255.0 / 16.0).round().astype(np.uint8), mode="L").save(picture)
    choose_file(monkeypatch, picture)
    with qtbot.waitSignal(view.answered, timeout=WAIT):
        click(qtbot, view.image.open_button)
    weights, settings = window.document.weights_by_name(), panel.training_settings()
    direct = in_thread(lambda: Predictor.from_graph(window.graph.copy(), weights, settings).predict_file(picture))
    top = direct[0][0]["top"]
    bars = shown_bars(view)
    assert max(bars, key=lambda c: bars[c] if c in digits else -1) == top[0]["class"]
    assert bars[top[0]["class"]] == pytest.approx(top[0]["probability"], abs=1e-4)
    assert last_folder() == str(tmp_path)

    # A file that does not fit the model: one sentence, no crash.
    bad = tmp_path / "rows.csv"
    bad.write_text("1,2,3\n4,5,6\n")
    choose_file(monkeypatch, bad)
    with qtbot.waitSignal(view.answered, timeout=WAIT):
        click(qtbot, view.image.open_button)
    text = view.error.text()
    assert view.error.isVisible() and view.prediction.bars() == []
    assert text == ("The model expects pictures of 8×8 with 1 channel, or rows of 64 numbers; "
                    "'rows.csv' has rows of 3 numbers.")

    # An edit (one undo step, as the Inspector makes it) puts the weights out of
    # date: every control says why; Ctrl+Z brings them back.
    click_mode(qtbot, window, "Build")
    window.push(set_param(window.graph, window.graph.find("dense").id, "units", 100))
    click_mode(qtbot, window, "Train")
    qtbot.waitUntil(lambda: not view.image.pad.isEnabled(), timeout=5_000)
    assert not view.image.open_button.isEnabled() and not view.image.clear_button.isEnabled()
    assert "changed since it was trained" in view.image.pad.toolTip()
    assert view.banner.isVisible() and "changed since it was trained" in view.banner.text()
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.image.pad.isEnabled(), timeout=5_000)


@pytest.mark.slow
def test_a_row_of_numbers_in_a_form(window, qtbot, tmp_path):
    from sklearn.datasets import load_iris

    g = Graph("flowers")
    x = g.add_input((4,), name="measurements")
    h = g.add("Dense", inputs=[x], units=16, activation="relu")
    g.add("Dense", name="species", inputs=[h], units=3, activation="softmax")
    window.files.set_project(kbproj.Project(graph=g), None, "flowers")
    panel = training_panel(qtbot, window)
    combo = panel.settings.dataset
    combo.setCurrentIndex(combo.findData("sklearn:iris"))
    panel.settings.epochs.setValue(5)
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: panel.result is not None and not panel.busy, timeout=WAIT)
    view = open_try_it(qtbot, panel)
    wait_ready(qtbot, view)
    assert view.kind == "tabular"

    iris = load_iris()
    labels = [view.table.form.labelForField(f).text() for f in view.table.fields]
    assert labels == list(iris.feature_names)
    row = [float(f.text()) for f in view.table.fields]
    assert any(np.allclose(row, real, atol=1e-4) for real in iris.data)  # a real row, in centimetres

    with qtbot.waitSignal(view.answered, timeout=WAIT):
        click(qtbot, view.predict_button)
    bars = shown_bars(view)
    assert set(bars) == {"setosa", "versicolor", "virginica"}
    assert sum(bars.values()) == pytest.approx(1.0, abs=1e-4)

    # Ctrl+Enter in a field predicts on the changed row.
    field = view.table.fields[2]
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "6.5")
    with qtbot.waitSignal(view.answered, timeout=WAIT):
        qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert set(shown_bars(view)) == {"setosa", "versicolor", "virginica"}

    # An empty field is one sentence, not a crash.
    field.clear()
    with qtbot.waitSignal(view.answered, timeout=WAIT):
        click(qtbot, view.predict_button)
    assert view.error.text() == "Write a number in the field 'petal length (cm)'."

    # Export Keras model: the saved model takes the raw row, in a plain script.
    path = tmp_path / "flowers.keras"
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    assert window.exporter.export_model(str(path))
    qtbot.waitUntil(lambda: any("raw inputs" in m for m in messages), timeout=WAIT)
    row = [float(f.text()) for f in view.table.fields[:2]] + [6.5, float(view.table.fields[3].text())]
    field.setText("6.5")
    with qtbot.waitSignal(view.answered, timeout=WAIT):
        click(qtbot, view.predict_button)
    script = ("import json, sys, numpy as np, keras\n"
              "m = keras.models.load_model(sys.argv[1])\n"
              "print(json.dumps(m.predict(np.array([json.loads(sys.argv[2])], 'float32'), verbose=0)[0].tolist()))\n")
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", KERAS_BACKEND="tensorflow")
    out = subprocess.run([sys.executable, "-c", script, str(path), json.dumps(row)], capture_output=True, text=True,
                         timeout=300, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    plain = dict(zip(["setosa", "versicolor", "virginica"], json.loads(out.stdout.strip().splitlines()[-1]),
                     strict=True))
    bars = shown_bars(view)
    assert all(bars[c] == pytest.approx(plain[c], abs=1e-4) for c in bars)


@pytest.mark.slow
def test_an_opened_autoencoder_gives_its_reconstruction(window, qtbot, tmp_path):
    """A model opened from a file (weights, no training here): the input and
    its reconstruction side by side, and a note that the scaling is not known."""
    from kbuilder.keras_io.build import build_model
    from kbuilder.project.templates import template_path

    graph = kbproj.load(template_path("conv_autoencoder")).graph
    path = tmp_path / "autoencoder.keras"
    in_thread(lambda: build_model(graph).save(path))
    assert window.files.open_path(path)  # read on a worker thread
    qtbot.waitUntil(lambda: window.document.weights is not None, timeout=WAIT)
    assert window.document.weights.source == "file"
    panel = training_panel(qtbot, window)
    view = open_try_it(qtbot, panel)
    wait_ready(qtbot, view)
    assert "32×32" in view.intro.text() and "colour" in view.intro.text()
    # Digits, shown in the Data tab, is not what it was trained on: the picture goes in unscaled, and it says so.
    assert view.notes.isVisible() and view.notes.text().startswith(
        "The data set chosen in the Data tab does not fit this model (The data does not fit the model: The input "
        "'image' expects samples of shape (32, 32, 3)")
    assert view.notes.text().endswith("choose the data set it was trained on to scale it the same way.")
    with qtbot.waitSignal(view.answered, timeout=WAIT):
        draw(qtbot, view.image.pad, [(0.3, 0.3), (0.7, 0.7)])
    block = view.prediction.blocks[0]
    for name in ("input_picture", "reconstruction_picture"):
        picture = block.findChild(QLabel, name)
        assert picture is not None and not picture.pixmap().isNull()
    assert view.prediction.bars() == []


@pytest.fixture
def tiny_imdb(monkeypatch, tmp_path):
    """A word index in a Keras cache of its own, and a tiny stand-in for the
    IMDB reviews (the real ones are a download)."""
    from kbuilder.training import datasets, recipes

    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    cache = datasets.keras_cache_dir()
    cache.mkdir(parents=True)
    words = {"the": 1, "movie": 2, "good": 3, "bad": 4, "great": 5, "awful": 6, "don't": 7}
    (cache / "imdb_word_index.json").write_text(json.dumps(words))
    rng = np.random.default_rng(0)

    def load_keras(name, num_words=None):
        y = rng.integers(0, 2, 40)
        x = np.empty(40, dtype=object)
        for i, label in enumerate(y):
            x[i] = [1, 4, 5] + [6 if label else 7] * int(rng.integers(1, 6))
        return {"x": x, "y": y}, {"x": x[:10], "y": y[:10]}

    monkeypatch.setattr(recipes, "load_keras", load_keras)


@pytest.mark.slow
def test_a_text_box_for_a_text_model(window, qtbot, tiny_imdb):
    g = Graph("reviews")
    x = g.add_input((12,), name="words", dtype="int32")
    e = g.add("Embedding", inputs=[x], input_dim=20, output_dim=4)
    f = g.add("Flatten", inputs=[e])
    g.add("Dense", name="sentiment", inputs=[f], units=1, activation="sigmoid")
    window.files.set_project(kbproj.Project(graph=g), None, "reviews")
    panel = training_panel(qtbot, window)
    combo = panel.settings.dataset
    combo.setCurrentIndex(combo.findData("keras:imdb"))
    panel.settings.epochs.setValue(1)
    view = open_try_it(qtbot, panel)
    assert view.kind == "text" and not view.text.edit.isEnabled()
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: panel.result is not None and not panel.busy, timeout=WAIT)
    assert panel.tabs.currentWidget() is panel.curves  # a run shows its curves
    view = open_try_it(qtbot, panel)
    wait_ready(qtbot, view)

    qtbot.mouseClick(view.text.edit.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.text.edit, "The movie: great, great!")
    with qtbot.waitSignal(view.answered, timeout=WAIT):
        qtbot.keyClick(view.text.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    bars = shown_bars(view)
    assert set(bars) == {"negative", "positive"} and sum(bars.values()) == pytest.approx(1.0, abs=1e-5)
    assert view.text.edit.toPlainText() == "The movie: great, great!"  # Ctrl+Enter predicted, no new line

    view.text.edit.setPlainText("?!")
    with qtbot.waitSignal(view.answered, timeout=WAIT):
        click(qtbot, view.predict_button)
    assert view.error.text() == "The model expects text, and there are no words in it."
    assert view.prediction.bars() == []


@pytest.mark.slow
def test_an_opened_model_with_its_data_set_exports_raw_inputs(window, qtbot, tmp_path):
    """A model file's weights and the data set chosen in Train: Try it scales
    the picture as training did, and Export Keras model saves that scaling
    inside, so a plain script gives the same answer on 0-255 pixels."""
    from sklearn.datasets import load_digits

    from kbuilder.keras_io.build import build_model

    g = Graph("digits")
    x = g.add_input((8, 8), name="pixels")
    f = g.add("Flatten", inputs=[x])
    g.add("Dense", name="digit", inputs=[f], units=10, activation="softmax")
    path = tmp_path / "digits.keras"
    in_thread(lambda: build_model(g).save(path))
    assert window.files.open_path(path)
    qtbot.waitUntil(lambda: window.document.weights is not None and window.document.weights.source == "file",
                    timeout=WAIT)
    panel = training_panel(qtbot, window)
    assert panel.settings.dataset.currentData() == "sklearn:digits"  # shown in Train: the data it was trained on
    view = open_try_it(qtbot, panel)
    wait_ready(qtbot, view)
    assert "Digits" in view.intro.text() and view.notes.isHidden()  # the scaling is known

    picture = tmp_path / "digit.png"
    pixels = (load_digits().images[3] * 255.0 / 16.0).round().astype(np.uint8)
    Image.fromarray(pixels, mode="L").save(picture)
    view.choose_picture(str(picture))
    qtbot.waitUntil(lambda: bool(view.prediction.bars()), timeout=WAIT)
    bars = shown_bars(view)

    saved = tmp_path / "exported.keras"
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    assert window.exporter.export_model(str(saved))
    qtbot.waitUntil(lambda: any("raw inputs" in m for m in messages), timeout=WAIT)
    script = ("import json, sys, numpy as np, keras\n"
              "from PIL import Image\n"
              "m = keras.models.load_model(sys.argv[1])\n"
              "x = np.asarray(Image.open(sys.argv[2]), 'float32')[None]\n"
              "print(json.dumps(m.predict(x, verbose=0)[0].tolist()))\n")
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", KERAS_BACKEND="tensorflow")
    out = subprocess.run([sys.executable, "-c", script, str(saved), str(picture)], capture_output=True, text=True,
                         timeout=300, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    plain = json.loads(out.stdout.strip().splitlines()[-1])
    assert all(bars[c] == pytest.approx(plain[int(c)], abs=1e-4) for c in bars if c.isdigit())
