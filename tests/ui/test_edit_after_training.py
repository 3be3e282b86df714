"""Editing a layer after (and while) training, with the real analysis that
test-runs the model: the process must not crash.

Found by a new user under Xvfb: train, go back to Build, change units, and
the window vanished (a segfault: eager TensorFlow ops run from a QThread's
queued slot, whose Python thread state PySide renews at every call).  Run in
a subprocess, so that a crash fails this test instead of the suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r'''
import os, sys, tempfile, time
home = tempfile.mkdtemp()
os.environ["XDG_CONFIG_HOME"] = home
os.environ["XDG_DATA_HOME"] = home
from kbuilder.app import create_application, open_start_project
from kbuilder.ui.window.main_window import MainWindow

app = create_application("kbuilder-crash-test")
w = MainWindow()
w.files.ask_save_changes = lambda: "discard"
open_start_project(w)
w.show()

def wait(cond, limit=300):
    end = time.monotonic() + limit
    while not cond():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.01)

wait(lambda: w.analysis is not None and w.analysis.is_idle() and "training" in w.panels)
panel = w.panels["training"]
w.set_mode("training")
panel.settings.epochs.setValue(2)
panel.train()
wait(lambda: panel.result is not None and not panel.busy)
w.set_mode("build")
dense = w.graph.find("dense").id
for units in (100, 50, 30):
    w.graph.set_param(dense, "units", units)
    time.sleep(0.06)
    wait(lambda: w.analysis.is_idle())
    assert w._status.text() == "Model OK", w._status.text()
panel.settings.epochs.setValue(40)
panel.train()  # and while it trains
for units in (64, 16):
    time.sleep(0.3)
    w.graph.set_param(dense, "units", units)
    wait(lambda: w.analysis.is_idle())
panel.stop()
wait(lambda: not panel.busy)
w.stack.setClean()
w.close()
w.shutdown()
print("survived")
'''


@pytest.mark.slow
def test_editing_after_training_does_not_crash(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="2")
    out = subprocess.run([sys.executable, "-X", "faulthandler", "-c", SCRIPT], capture_output=True, text=True,
                         timeout=600, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "survived" in out.stdout
