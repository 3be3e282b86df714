"""Fixtures for the UI tests: a real MainWindow, shown offscreen, whose
analysis runs the structural checks only (no TensorFlow in UI tests), with
the settings and the recovery folder in a temporary place."""

from __future__ import annotations

import os
import tempfile

import pytest

_HOME = tempfile.mkdtemp(prefix="kbuilder-ui-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")


@pytest.fixture(scope="session")
def qapp_args():
    return ["kbuilder-tests"]


@pytest.fixture(scope="session", autouse=True)
def _app_names(qapp):
    qapp.setOrganizationName("kbuilder-tests")
    qapp.setApplicationName("kbuilder-tests")
    return qapp


@pytest.fixture(scope="session")
def real_catalog():
    """The real layer catalog: from the cache, or built on a thread (never
    Keras on the test's main thread, as in the app)."""
    import threading

    from kbuilder.layers.catalog import get_catalog, load_catalog_fast

    cat = load_catalog_fast()
    if cat is None:
        box: list = []
        t = threading.Thread(target=lambda: box.append(get_catalog()))
        t.start()
        t.join()
        cat = box[0]
    return cat


@pytest.fixture(scope="session")
def catalog(real_catalog):
    return real_catalog


class _NoInference:
    def refresh(self):
        return {}


@pytest.fixture
def analyzers(catalog):
    from kbuilder.core.validate import check_structure
    from kbuilder.layers import basics
    from kbuilder.ui.analysis import Analyzers, default_fixes

    return Analyzers(
        catalog=lambda: catalog,
        inference=lambda graph: _NoInference(),
        check=lambda graph, inference, stop, run: check_structure(graph, basics.arity(catalog)),
        summary=lambda graph, inference: None,
        needs_run=lambda graph, issues: False,
        # The real fixes: the structural ones need no Keras (no shapes here: no settings issues).
        fixes=default_fixes,
    )


@pytest.fixture
def lang():
    """The language the window fixtures speak; a test parametrizes ``lang`` for another."""
    return "en"


@pytest.fixture
def window(qtbot, analyzers, tmp_path, monkeypatch, lang):
    yield from _window(qtbot, analyzers, tmp_path, monkeypatch, timeout=10_000, lang=lang)


@pytest.fixture
def keras_window(qtbot, catalog, tmp_path, monkeypatch, lang):
    """The window with the real analysis: Keras shapes, checks and fixes (slow: TensorFlow starts)."""
    from kbuilder.ui.analysis import Analyzers

    yield from _window(qtbot, Analyzers(catalog=lambda: catalog), tmp_path, monkeypatch, timeout=180_000, lang=lang)


def _window(qtbot, analyzers, tmp_path, monkeypatch, timeout, lang="en"):
    from PySide6.QtWidgets import QApplication

    from kbuilder import language
    from kbuilder.app import example_project
    from kbuilder.ui.window import files
    from kbuilder.ui.window.main_window import MainWindow

    assert language.install(QApplication.instance(), lang) == lang
    monkeypatch.setattr(files, "recovery_dir", lambda: tmp_path / "recovery")
    w = MainWindow(analyzers=analyzers)
    w.files.ask_save_changes = lambda: files.DISCARD  # no modal box at teardown; tests that check it replace it
    w.files.ask_stop_training = lambda: True  # nor for a run or a search still going when a test fails
    w.files.info = lambda title, text: None
    qtbot.addWidget(w)
    w.files.set_project(example_project(), None, "untitled")
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.analysis is not None and w.analysis.is_idle(), timeout=timeout)
    yield w
    w.stack.setClean()
    w.close()
    w.deleteLater()
    qtbot.wait(1)
    language.install(QApplication.instance(), "en")

