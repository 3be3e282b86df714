"""Regenerate the screenshots in docs/screens/ (and look at every one).

Opens the real window offscreen with the real analysis (TensorFlow), on the
default template, at 1360x860 and 1024x700, and saves:

* ``build_<size>.png``: the Build mode, nothing selected;
* ``inspector_<size>.png``: a Dense layer selected, its Inspector filled;
* ``card_<size>.png``: the convolutional autoencoder, a Conv2D selected: its layer card;
* ``code_<size>.png``: the Code mode;
* ``train_<size>.png``: the Train mode after a short run (curves);
* ``results_<size>.png``: its Results tab;
* ``coach_<size>.png``: the coach's advice on an overfitting history (made up,
  fed through the panel's epoch slot as the training worker does): its
  actions as buttons, its epoch marked on the curves;
* ``fixes_<size>.png``: a Conv2D fed (28, 28) pictures: the Issues panel
  offers its one-click fixes;
* ``wrapper_<size>.png``: a Bidirectional layer selected: the Inspector's
  editor of its inner LSTM and that layer's settings;
* ``experiments_<size>.png``: the Experiments mode after a 3-trial search
  (dense.units and the learning rate marked "try several", the project saved
  in the temporary folder); ``build_marked_<size>.png`` the marks on the canvas;
* ``compare_<size>.png``: its Compare runs tab with two training runs.

    QT_QPA_PLATFORM=offscreen python tools/screens.py [--out docs/screens] [--lang en|ko] [--font FILE.ttf] [--no-training]

With ``--lang ko`` the window speaks Korean and the pictures are named
``<shot>_ko_<size>.png``; ``--font`` adds a font file (a Korean one where the
machine has none installed).

The settings and autosave go to a temporary folder, so the pictures do not
depend on the user's saved layout.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
_HOME = tempfile.mkdtemp(prefix="kbuilder-screens-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")

SIZES = ((1360, 860), (1024, 700))


def wait(app, condition, seconds: float = 180.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def settle(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


LANG_SUFFIX = ""


def shoot(app, window, out: Path, name: str) -> Path:
    settle(app)
    path = out / f"{name}{LANG_SUFFIX}_{window.width()}x{window.height()}.png"
    window.grab().save(str(path))
    print(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screens"))
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--no-training", action="store_true", help="leave out the Train and Results shots")
    parser.add_argument("--lang", choices=("en", "ko"), default="en", help="the window's language")
    parser.add_argument("--font", help="a font file to add (e.g. a Korean one)")
    args = parser.parse_args(argv)
    global LANG_SUFFIX
    os.environ["KBUILDER_LANG"] = args.lang
    LANG_SUFFIX = "" if args.lang == "en" else f"_{args.lang}"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings

    from kbuilder.app import create_application, open_start_project
    from kbuilder.project.templates import template_path
    from kbuilder.ui.window.main_window import MainWindow

    app = create_application("kbuilder-screens")
    if args.font:
        from PySide6.QtGui import QFontDatabase

        if QFontDatabase.addApplicationFont(args.font) < 0:
            print(f"could not load the font {args.font}", file=sys.stderr)
    for width, height in SIZES:
        QSettings().remove("window")  # each size starts with the first-run layout
        window = MainWindow()
        window.files.ask_save_changes = lambda: "discard"
        open_start_project(window)
        window.resize(width, height)
        window.show()
        wait(app, lambda w=window: w.analysis is not None and w.analysis.is_idle() and "training" in w.panels)
        settle(app, 0.5)
        window.view.fit()
        shoot(app, window, out, "build")

        dense = next(n for n in window.graph.nodes if n.class_name == "Dense")
        window.select_node(dense.id)
        shoot(app, window, out, "inspector")
        window.scene.clearSelection()

        window.set_mode("code")
        shoot(app, window, out, "code")

        if not args.no_training:
            train_shots(app, window, out, args.epochs)
        coach_shot(app, window, out)
        if not args.no_training:
            experiments_shots(app, window, out)

        window.set_mode("build")
        window.files.open_template(template_path("conv_autoencoder"), ask=False)
        wait(app, lambda w=window: w.analysis.is_idle())
        window.view.fit()
        conv = next(n for n in window.graph.nodes if n.class_name == "Conv2D")
        window.select_node(conv.id)
        shoot(app, window, out, "card")
        window.scene.clearSelection()
        fixes_shot(app, window, out)
        wrapper_shot(app, window, out)

        window.stack.setClean()
        window.close()
        window.shutdown()
        window.deleteLater()
        settle(app, 0.2)
    return 0


def train_shots(app, window, out: Path, epochs: int) -> None:
    """The Train mode after a short run (curves), then its Results tab."""
    window.set_mode("training")
    panel = window.panels["training"]
    panel.settings.epochs.setValue(epochs)
    panel.train()
    wait(app, lambda p=panel: p.result is not None and not p.busy, 600)
    panel.tabs.setCurrentWidget(panel.curves)
    shoot(app, window, out, "train")
    panel.tabs.setCurrentWidget(panel.results)
    shoot(app, window, out, "results")
    try_it_shot(app, window, out)


def try_it_shot(app, window, out: Path) -> None:
    """The Try it tab: a digit drawn with the mouse on the pad, and the answer."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    panel = window.panels["training"]
    view = panel.try_it
    panel.tabs.setCurrentWidget(view)
    wait(app, lambda: view.info is not None and view.available, 300)
    settle(app)
    pad = view.image.pad
    answers = []
    view.answered.connect(lambda: answers.append(1))
    points = [(0.3, 0.2), (0.55, 0.15), (0.7, 0.3), (0.55, 0.5), (0.72, 0.7), (0.55, 0.85), (0.3, 0.8)]
    r = pad.drawing_rect()
    at = [QPoint(int(r.x() + x * r.width()), int(r.y() + y * r.height())) for x, y in points]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at[0])
    for p in at[1:]:
        QTest.mouseMove(pad, p)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at[-1])
    wait(app, lambda: bool(answers), 120)
    shoot(app, window, out, "try_it")


def coach_shot(app, window, out: Path) -> None:
    """The coach on a made-up run whose validation loss turns up after epoch 4."""
    loss = [1.2, 0.8, 0.55, 0.4, 0.3, 0.22, 0.16, 0.12, 0.09, 0.07]
    val = [1.1, 0.8, 0.65, 0.6, 0.62, 0.66, 0.72, 0.8, 0.86, 0.93]
    window.set_mode("training")
    panel = window.panels["training"]
    panel.tabs.setCurrentWidget(panel.curves)
    panel.curves.begin([])
    panel.coach.begin(window.document.model_key())
    panel.curves.set_epochs(len(loss))
    for i, (t, v) in enumerate(zip(loss, val, strict=True)):
        logs = {"loss": t, "accuracy": min(0.99, 0.6 + 0.045 * i), "val_loss": v, "val_accuracy": 0.8}
        panel._on_epoch({"epoch": i, "epochs": len(loss), "progress": (i + 1) / len(loss), "logs": logs})
    panel.curves.flush()
    shoot(app, window, out, "coach")
    window.set_mode("build")


def experiments_shots(app, window, out: Path) -> None:
    """A real search (3 trials of 2 epochs) over dense.units and the learning rate, then two runs compared."""
    from kbuilder.training.search_check import dimension_from_text
    from kbuilder.ui.experiments.commands import mark_command

    window.files.save_to(Path(_HOME) / f"digits_{window.width()}.kbproj")
    dense = window.graph.find("dense")
    for node_id, param, text in ((dense.id, "units", "16, 32, 64"), (None, "learning_rate", "0.0003..0.01:log")):
        dim = dimension_from_text(text, window.graph, node_id, param)
        window.push(mark_command(window.document, window.graph, node_id, param, dim))
    window.set_mode("build")
    window.view.fit()
    shoot(app, window, out, "build_marked")
    window.set_mode("experiments")
    panel = window.panels["experiments"]
    view = panel.search
    view.space.trials.setValue(3)
    view.space.epochs.setValue(2)
    view.ask_replace = lambda n: True
    view.start()
    wait(app, lambda: not view.busy, 600)
    shoot(app, window, out, "experiments")

    window.set_mode("training")
    train = window.panels["training"]
    train.settings.epochs.setValue(3)
    train.train()
    wait(app, lambda: not train.busy and len(window.document.runs) >= 2, 600)
    window.set_mode("experiments")
    panel.tabs.setCurrentWidget(panel.runs)
    shoot(app, window, out, "compare")
    panel.tabs.setCurrentWidget(view)


def fixes_shot(app, window, out: Path) -> None:
    """A Conv2D fed (28, 28) pictures: the Issues panel offers to insert a Reshape."""
    from kbuilder.core.graph import Graph
    from kbuilder.project.kbproj import Project

    g = Graph(name="conv_on_pictures")
    x = g.add_input((28, 28), name="image", position=(0, 0))
    c = g.add("Conv2D", inputs=[x], filters=8, kernel_size=3, activation="relu", name="conv", position=(0, 110))
    f = g.add("Flatten", inputs=[c], position=(0, 220))
    g.add("Dense", inputs=[f], units=10, activation="softmax", name="digit", position=(0, 330))
    window.files.set_project(Project(graph=g), None, g.name)
    wait(app, lambda: window.analysis.is_idle() and bool(window.panels["issues"].fix_buttons()))
    window.docks["issues"].raise_()
    window.view.fit()
    shoot(app, window, out, "fixes")


def wrapper_shot(app, window, out: Path) -> None:
    """A Bidirectional layer selected: the Inspector's inner-layer editor (the wrapped LSTM and its settings)."""
    from kbuilder.core.graph import Graph
    from kbuilder.project.kbproj import Project

    g = Graph(name="review_sentiment")
    x = g.add_input((40, 16), name="words", position=(0, 0))
    b = g.add("Bidirectional", inputs=[x], name="reader", position=(0, 110),
              layer={"class_name": "LSTM", "config": {"units": 32, "dropout": 0.2}})
    g.add("Dense", inputs=[b], units=1, activation="sigmoid", name="positive", position=(0, 220))
    window.files.set_project(Project(graph=g), None, g.name)
    wait(app, lambda: window.analysis.is_idle())
    window.view.fit()
    window.select_node(b.id)
    settle(app)
    inspector = window.panels["inspector"]
    inspector._scroll.ensureWidgetVisible(inspector.editor("layer"), 0, 0)  # the wrapped layer's box in view
    shoot(app, window, out, "wrapper")
    window.scene.clearSelection()


if __name__ == "__main__":
    raise SystemExit(main())
