"""Fixtures for the UI tests: a real MainWindow, shown offscreen, whose
analysis runs the structural checks only (no TensorFlow in UI tests), with
the settings and the recovery folder in a temporary place."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field

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


@dataclass
class FakeSpec:
    class_name: str
    category: str
    min_inputs: int = 1
    max_inputs: int | None = 1
    summary: str = ""
    doc: str = ""
    beginner: bool = False
    key_params: list = field(default_factory=list)
    params: list = field(default_factory=list)

    def build_params(self):
        return {"units": 8} if self.class_name == "Dense" else {}

    def param(self, name):
        return None


class FakeCatalog:
    """Used only when the real catalog has no cache yet (it would need Keras)."""

    def __init__(self):
        specs = [
            FakeSpec("Input", "Core", 0, 0, beginner=True, key_params=["shape"]),
            FakeSpec("Dense", "Core", beginner=True, key_params=["units", "activation"]),
            FakeSpec("Flatten", "Reshaping", beginner=True),
            FakeSpec("Dropout", "Regularization", beginner=True, key_params=["rate"]),
            FakeSpec("Add", "Merging", 2, None),
            FakeSpec("Concatenate", "Merging", 2, None, key_params=["axis"]),
            FakeSpec("Conv2D", "Convolution", key_params=["filters", "kernel_size"]),
        ]
        self.specs = {s.class_name: s for s in specs}

    def get(self, name):
        return self.specs.get(name)

    def by_category(self):
        out: dict[str, list] = {}
        for s in self.specs.values():
            out.setdefault(s.category, []).append(s)
        return list(out.items())


@pytest.fixture(scope="session")
def catalog():
    from kbuilder.layers.catalog import load_catalog_fast

    return load_catalog_fast() or FakeCatalog()


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


class _NoInference:
    def refresh(self):
        return {}


@pytest.fixture
def analyzers(catalog):
    from kbuilder.core.validate import check_structure
    from kbuilder.ui.analysis import Analyzers

    def arity(name):
        spec = catalog.get(name)
        return (spec.min_inputs, spec.max_inputs) if spec is not None else None

    return Analyzers(
        catalog=lambda: catalog,
        inference=lambda graph: _NoInference(),
        check=lambda graph, inference: check_structure(graph, arity),
        summary=lambda graph, inference: None,
    )


@pytest.fixture
def window(qtbot, analyzers, tmp_path, monkeypatch):
    from kbuilder.app import example_project
    from kbuilder.ui.window import files
    from kbuilder.ui.window.main_window import MainWindow

    monkeypatch.setattr(files, "recovery_dir", lambda: tmp_path / "recovery")
    w = MainWindow(analyzers=analyzers)
    w.files.ask_save_changes = lambda: files.DISCARD  # no modal box at teardown; tests that check it replace it
    w.files.info = lambda title, text: None
    qtbot.addWidget(w)
    w.files.set_project(example_project(), None, "untitled")
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.analysis is not None and w.analysis.is_idle(), timeout=10000)
    yield w
    w.stack.setClean()
    w.close()
    w.deleteLater()
    qtbot.wait(1)

