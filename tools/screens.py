"""Regenerate the screenshots in docs/screens/ (and look at every one).

Opens the real window offscreen with the real analysis (TensorFlow), on the
default template, at 1360x860 and 1024x700, and saves:

* ``build_<size>.png``: the Build mode, nothing selected;
* ``inspector_<size>.png``: a Dense layer selected, its Inspector filled;
* ``code_<size>.png``: the Code mode;
* ``train_<size>.png``: the Train mode after a short run (curves);
* ``results_<size>.png``: its Results tab.

    QT_QPA_PLATFORM=offscreen python tools/screens.py [--out docs/screens] [--lang en]

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


def shoot(app, window, out: Path, name: str) -> Path:
    settle(app)
    path = out / f"{name}_{window.width()}x{window.height()}.png"
    window.grab().save(str(path))
    print(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screens"))
    parser.add_argument("--epochs", type=int, default=8)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings

    from kbuilder.app import create_application, open_start_project
    from kbuilder.ui.window.main_window import MainWindow

    app = create_application("kbuilder-screens")
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

        window.set_mode("training")
        panel = window.panels["training"]
        panel.settings.epochs.setValue(args.epochs)
        panel.train()
        wait(app, lambda p=panel: p.result is not None and not p.busy, 600)
        panel.tabs.setCurrentWidget(panel.curves)
        shoot(app, window, out, "train")
        panel.tabs.setCurrentWidget(panel.results)
        shoot(app, window, out, "results")

        window.set_mode("build")
        window.stack.setClean()
        window.close()
        window.shutdown()
        window.deleteLater()
        settle(app, 0.2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
