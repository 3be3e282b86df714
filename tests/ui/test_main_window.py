"""The main window: files (save, reopen, recent, the unsaved marker and
prompt, autosave and recovery), exports, shortcuts, and start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt

from kbuilder.core.graph import Graph
from kbuilder.project import kbproj
from kbuilder.ui.window import files as F

ROOT = Path(__file__).resolve().parents[2]


def small() -> Graph:
    g = Graph(name="net")
    x = g.add_input((8,), name="x", position=(0, 0))
    a = g.add("Dense", name="a", position=(0, 150), inputs=[x], units=4)
    b = g.add("Dense", name="b", position=(240, 150), inputs=[x], units=4)
    g.add("Concatenate", name="cat", position=(100, 300), inputs=[b, a])
    return g


def load(w, graph: Graph) -> None:
    w.files.set_project(kbproj.Project(graph=graph), None, "test")


def test_save_reopen_same_graph(window, qtbot, tmp_path):
    w = window
    load(w, small())
    w.scene.editor.add_layer("Dense", QPointF(300, 500))
    assert w.isWindowModified() and "[*]" in w.windowTitle()
    path = tmp_path / "net.kbproj"
    w.files.ask_save_path = lambda: str(path)
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.exists() and not w.isWindowModified()
    assert w.windowTitle().startswith("net")
    saved = w.graph.to_dict()
    load(w, Graph())
    assert w.files.open_path(path)
    assert w.graph.to_dict() == saved
    assert len(w.scene.nodes) == len(saved["nodes"]) and len(w.scene.edges) == len(saved["edges"])
    assert w.files.recent()[0] == str(path)
    assert not w.isWindowModified() and w.stack.count() == 0


def test_undo_back_to_saved_state_clears_marker(window, qtbot, tmp_path):
    w = window
    load(w, small())
    w.files.save_to(tmp_path / "a.kbproj")
    w.scene.editor.add_layer("Dropout", QPointF(0, 500))
    assert w.isWindowModified()
    w.stack.undo()
    assert not w.isWindowModified()


def test_close_asks_to_save_changes(window, qtbot, tmp_path):
    w = window
    load(w, small())
    w.scene.editor.add_layer("Dense", QPointF(0, 500))
    asked = []
    w.files.ask_save_changes = lambda: asked.append(1) or F.CANCEL
    assert not w.close()
    assert asked and w.isVisible()
    w.files.ask_save_changes = lambda: F.SAVE
    w.files.ask_save_path = lambda: str(tmp_path / "kept.kbproj")
    assert w.close()
    assert kbproj.load(tmp_path / "kept.kbproj").graph.to_dict() == w.graph.to_dict()


def test_autosave_and_recovery_after_a_crash(window, qtbot, analyzers, tmp_path):
    from kbuilder.ui.window.main_window import MainWindow

    w = window
    load(w, small())
    assert not w.files.autosave()  # nothing unsaved
    w.scene.editor.add_layer("Dense", QPointF(0, 500))
    assert w.files.autosave()
    expected = w.graph.to_dict()
    # "crash": a second window starts while the recovery file is still there
    w2 = MainWindow(analyzers=analyzers, analysis=False, panels=False)
    qtbot.addWidget(w2)
    w2.files.ask_save_changes = lambda: F.DISCARD
    assert w2.files.recovery_available() is not None
    w2.files.ask_restore = lambda info: True
    assert w2.files.offer_recovery()
    assert w2.graph.to_dict() == expected
    assert w2.isWindowModified()  # restored work is unsaved work
    w2.files.save_to(tmp_path / "r.kbproj")
    assert w2.files.recovery_available() is None
    w2.shutdown()


def test_new_and_templates(window, qtbot, tmp_path):
    w = window
    load(w, small())
    assert w.files.new_project(ask=False)
    assert [n.class_name for n in w.graph.nodes] == ["Input"]
    template = tmp_path / "tpl.kbproj"
    kbproj.save(kbproj.Project(graph=small()), template)
    assert w.files.open_template(template, ask=False)
    assert len(w.graph) == 4 and w.files.path is None  # saving asks for a new file


def test_open_refuses_unknown_files(window, qtbot, tmp_path):
    w = window
    errors = []
    w.files.error = lambda title, text: errors.append(text)
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    assert not w.files.open_path(bad, ask=False)
    broken = tmp_path / "broken.kbproj"
    broken.write_text("{not json")
    assert not w.files.open_path(broken, ask=False)
    assert len(errors) == 2 and "JSON" in errors[1]


def test_dropping_a_project_file_on_the_canvas_opens_it(window, qtbot, tmp_path):
    from PySide6.QtCore import QEvent, QMimeData, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    w = window
    path = tmp_path / "dropped.kbproj"
    kbproj.save(kbproj.Project(graph=small()), path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = w.view.viewport().rect().center()
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(w.view.viewport(), QDragEnterEvent(pos, copy, mime, left, none))
    QApplication.sendEvent(w.view.viewport(), QDropEvent(QPointF(pos), copy, mime, left, none, QEvent.Type.Drop))
    assert w.files.path == path and len(w.graph) == 4


def test_export_diagram_png_svg_and_code(window, qtbot, tmp_path):
    w = window
    load(w, small())
    assert w.exporter.export_diagram(str(tmp_path / "d.png"))
    assert w.exporter.export_diagram(str(tmp_path / "d.svg"))
    assert (tmp_path / "d.png").stat().st_size > 1000
    assert "<svg" in (tmp_path / "d.svg").read_text()
    assert w.exporter.export_code(str(tmp_path / "m.py"))
    code = (tmp_path / "m.py").read_text()
    assert "Concatenate" in code and "keras" in code


def test_every_control_has_a_tooltip_and_standard_shortcuts(window):
    w = window
    acts = w.actions_.by_name
    for name, action in acts.items():
        assert action.toolTip(), name
    keys = {name: [s.toString() for s in a.shortcuts()] for name, a in acts.items()}
    assert "Ctrl+Z" in keys["undo"] and "Ctrl+Shift+Z" in keys["redo"]
    assert "Del" in keys["delete"] and "Ctrl+D" in keys["duplicate"]
    for name, key in (("copy", "Ctrl+C"), ("paste", "Ctrl+V"), ("cut", "Ctrl+X"), ("save", "Ctrl+S"),
                      ("open", "Ctrl+O"), ("find", "Ctrl+F")):
        assert key in keys[name], name


def test_ctrl_f_focuses_palette_search(window, qtbot):
    w = window
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.palette.search.hasFocus()


def test_analysis_results_reach_the_canvas(window, qtbot):
    w = window
    g = small()
    g.add("Dense", name="lonely", position=(400, 0), units=3)  # no input: an error
    load(w, g)
    qtbot.waitUntil(lambda: w.analysis.is_idle(), timeout=10000)
    lonely = w.scene.nodes[w.graph.by_name("lonely").id]
    assert lonely.severity == "error" and lonely.problems


def test_xcb_hint(monkeypatch):
    import ctypes.util

    from kbuilder.app import xcb_problem

    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    hint = xcb_problem({"DISPLAY": ":0"}, "linux")
    assert hint.startswith("kbuilder needs the system packages libxcb-cursor0 ") and "\n" not in hint
    assert xcb_problem({"QT_QPA_PLATFORM": "xcb"}, "linux") == hint
    assert xcb_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert xcb_problem({"DISPLAY": ":0"}, "darwin") is None
    assert xcb_problem({"WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}, "linux") is None
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so")
    assert xcb_problem({"DISPLAY": ":0"}, "linux") is None
    # Found by a new user: libxcb-cursor0 installed, libxcb-icccm4 and libxcb-keysyms1 not.
    monkeypatch.setattr(ctypes.util, "find_library",
                        lambda name: None if name in ("xcb-icccm", "xcb-keysyms") else f"lib{name}.so")
    assert xcb_problem({"DISPLAY": ":0"}, "linux") == (
        "kbuilder needs the system packages libxcb-icccm4 libxcb-keysyms1 to open a window: "
        "sudo apt install libxcb-icccm4 libxcb-keysyms1")


STARTUP = r"""
import sys, threading, importlib.abc
main_thread = threading.main_thread()
seen = []
class Spy(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "tensorflow" and threading.current_thread() is main_thread:
            seen.append(name)
        return None
sys.meta_path.insert(0, Spy())
from kbuilder.app import main
rc = main(sys.argv[1:])
print("tf-on-ui-thread", bool(seen))
sys.exit(rc)
"""


def test_startup_paints_without_tensorflow_on_the_ui_thread(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KBUILDER_EXIT_AFTER_PAINT="1",
               XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", STARTUP, "--no-restore"], capture_output=True, text=True,
                         timeout=120, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "first-paint" in out.stdout
    assert "tf-on-ui-thread False" in out.stdout


def test_main_prints_the_xcb_hint_and_exits_1(tmp_path):
    code = ("import ctypes.util, sys; ctypes.util.find_library = lambda n: None\n"
            "from kbuilder.app import main; sys.exit(main([]))")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 1
    hint = out.stderr.strip()
    assert "\n" not in hint and hint.startswith("kbuilder needs the system packages libxcb-cursor0 libxcb-icccm4 ")
    assert "sudo apt install libxcb-cursor0" in hint


def test_main_names_a_missing_dependency_and_exits_1(tmp_path):
    # pyqtgraph hidden from the import system, as on a machine where it was never installed
    code = ("import sys; from importlib import metadata; real = metadata.distribution\n"
            "def gone(name):\n"
            "    if name == 'pyqtgraph': raise metadata.PackageNotFoundError(name)\n"
            "    return real(name)\n"
            "metadata.distribution = gone\n"
            "from kbuilder.app import main; sys.exit(main([]))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 1
    line = out.stderr.strip()
    assert "\n" not in line and "'pyqtgraph'" in line and "pip install" in line


def test_every_template_opens_on_the_canvas(window, qtbot):
    from kbuilder.project.templates import list_templates

    w = window
    templates = list_templates()
    for t in templates:
        assert w.files.open_template(t.path, ask=False), t.slug
        assert len(w.scene.nodes) == len(w.graph) > 0 and len(w.scene.edges) == len(w.graph.edges)
        assert not w.isWindowModified() and w.files.path is None


def test_open_a_keras_json_model_in_the_background(window, qtbot, tmp_path):
    import json

    w = window
    config = {"class_name": "Sequential", "config": {"name": "seq", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, 4], "name": "inp"}},
        {"class_name": "Dense", "config": {"name": "hidden", "units": 3, "activation": "relu"}},
        {"class_name": "Dense", "config": {"name": "out", "units": 1}}]}}
    path = tmp_path / "seq.json"
    path.write_text(json.dumps(config))
    w.files.error = lambda title, text: pytest.fail(text)
    w.files.open_path(path, ask=False)
    qtbot.waitUntil(lambda: not w.files.loading and w.graph.find("out") is not None, timeout=60000)
    assert [n.class_name for n in w.graph.nodes][-2:] == ["Dense", "Dense"]
    assert w.files.path is None and w.windowTitle().startswith("seq")


def test_code_style_is_a_project_setting(window, qtbot, tmp_path):
    w = window
    load(w, small())
    code = w.panels["code"]
    code.set_style("subclass")
    assert w.files.settings.get("code_style") == "subclass" and w.isWindowModified()
    w.files.save_to(tmp_path / "s.kbproj")
    assert kbproj.load(tmp_path / "s.kbproj").settings["code_style"] == "subclass"
    load(w, small())
    assert w.files.open_path(tmp_path / "s.kbproj", ask=False)
    assert code.code_style() == "subclass" and not w.isWindowModified()


def test_recent_file_that_is_gone_leaves_the_list(window, tmp_path):
    w = window
    errors = []
    w.files.error = lambda title, text: errors.append(text)
    path = tmp_path / "gone.kbproj"
    kbproj.save(kbproj.Project(graph=small()), path)
    assert w.files.open_path(path, ask=False)
    assert w.files.recent()[0] == str(path)
    path.unlink()
    assert not w.files.open_path(path, ask=False)
    assert str(path) not in w.files.recent() and "not there" in errors[0]


@pytest.mark.slow
def test_every_template_shows_keras_total_in_the_app(qtbot, tmp_path, monkeypatch):
    """The real window with the real analysis thread (Keras): each template
    opens with no problems listed and the Summary panel's total is the one
    Keras counts for the built model."""
    from kbuilder.keras_io.build import build_model
    from kbuilder.project.templates import list_templates, load_template
    from kbuilder.ui.window import files
    from kbuilder.ui.window.main_window import MainWindow

    monkeypatch.setattr(files, "recovery_dir", lambda: tmp_path / "recovery")
    w = MainWindow()
    w.files.ask_save_changes = lambda: files.DISCARD
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.analysis is not None, timeout=10_000)
    summary, issues = w.panels["summary"], w.panels["issues"]
    try:
        for t in list_templates():
            expected = build_model(load_template(t.slug).graph).count_params()
            assert w.files.open_template(t.path, ask=False), t.slug
            qtbot.waitUntil(lambda e=expected: w.analysis.is_idle() and summary.total_params() == e, timeout=60_000)
            assert f"Total params: {expected:,}" in summary.totals.text(), t.slug
            assert issues.header.text() == "✔ No problems found.", (t.slug, issues.header.text())
    finally:
        w.stack.setClean()
        w.close()
        w.shutdown()


def test_help_about_names_the_versions(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from kbuilder import __version__

    bar = window.menuBar()
    help_menu = next(a for a in bar.actions() if a.text().replace("&", "") == "Help")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(help_menu).center())
    menu = help_menu.menu()
    qtbot.waitUntil(menu.isVisible)
    assert [a.text().replace("&", "") for a in menu.actions()] == ["About kbuilder", "About Qt"]
    about = menu.actions()[0]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(about).center())
    box = window.findChild(QMessageBox, "about_box")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert f"kbuilder {__version__}" in box.text() and "Keras 3." in box.text() and "TensorFlow 2." in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
