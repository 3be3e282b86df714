"""Opening a TensorFlow SavedModel folder in the window: File > Open
Folder…, File > Open on its saved_model.pb, a folder dropped on the window;
and the one-sentence refusal of what kbuilder cannot open.

The SavedModel is made in a subprocess with tf_keras (Keras 2), by the
same code that makes issue 15's import tests' files
(``tests/keras_io/_make_issue15.py``): its seed MLP, saved as
``model.save("mlp_sm")``."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from kbuilder.project.loader import OPEN_WORDS

ROOT = Path(__file__).resolve().parents[2]
MAKER = ROOT / "tests" / "keras_io"

MAKE_MLP = """
import sys
sys.path.insert(0, sys.argv[1])
import tf_keras as K
from _make_issue15 import seed_models
K.utils.set_random_seed(15)
seed_models(K)["mlp"].save(sys.argv[2])
"""


@pytest.fixture(scope="module")
def mlp_saved_model(tmp_path_factory) -> Path:
    """A Keras 2 SavedModel folder of a small MLP (Flatten, Dense, Dense)."""
    if importlib.util.find_spec("tf_keras") is None:
        pytest.fail("tf_keras (Keras 2) is not installed: `pip install -e '.[test]'` installs it")
    folder = tmp_path_factory.mktemp("saved_model") / "mlp_sm"
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    proc = subprocess.run([sys.executable, "-c", MAKE_MLP, str(MAKER), str(folder)], capture_output=True,
                          text=True, env=env, timeout=600, check=False)
    if proc.returncode != 0:
        pytest.fail(f"making the SavedModel failed:\n{proc.stderr[-3000:]}")
    return folder


def menu_action(w, menu: str, text: str):
    """The action of the menu bar's ``menu`` whose visible text is ``text``."""
    (top,) = [a.menu() for a in w.menuBar().actions() if a.text().replace("&", "") == menu]
    (action,) = [a for a in top.actions() if a.text().replace("&", "") == text]
    return action


def drop_on_window(w, path: Path) -> None:
    """A file manager's drop of ``path`` (a file or a folder) on the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = w.rect().center()
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, copy, mime, left, none)
    QApplication.sendEvent(w, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(w, QDropEvent(QPointF(pos), copy, mime, left, none, QEvent.Type.Drop))


def layer_classes(w) -> list[str]:
    """The classes of the layer boxes on the canvas, top to bottom."""
    items = sorted(w.scene.nodes.items(), key=lambda kv: kv[1].pos().y())
    return [w.graph.node(nid).class_name for nid, _item in items]


def wait_opened(qtbot, w, name: str) -> None:
    qtbot.waitUntil(lambda: not w.files.loading and w.files.display_name == name, timeout=120_000)


@pytest.mark.slow  # tf_keras makes the folder; the reader child reads its protobuf and checkpoint
def test_a_saved_model_folder_opens_from_the_menu_from_its_pb_and_by_dropping(window, qtbot, monkeypatch,
                                                                             mlp_saved_model):
    w = window
    asked = []

    def choose_folder(parent, caption, start):
        asked.append(start)
        return str(mlp_saved_model)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose_folder))
    menu_action(w, "File", "Open Folder…").trigger()
    wait_opened(qtbot, w, "mlp_sm")
    assert asked and Path(asked[0]).is_dir()  # the last folder used (or Documents)
    assert layer_classes(w) == ["Input", "Flatten", "Dense", "Dense"]
    assert w.files.weights and len(w.files.weights) == 2  # the two Dense layers' weights, from variables/
    assert w.files.path is None and not w.isWindowModified()  # saving makes a new .kbproj

    # The next folder dialog starts beside this SavedModel.
    menu_action(w, "File", "New").trigger()
    menu_action(w, "File", "Open Folder…").trigger()
    wait_opened(qtbot, w, "mlp_sm")
    assert asked[1] == str(mlp_saved_model.parent)

    # File > Open offers saved_model.pb; the model is named after its folder.
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(mlp_saved_model / "saved_model.pb"), "")))
    menu_action(w, "File", "New").trigger()
    menu_action(w, "File", "Open…").trigger()
    wait_opened(qtbot, w, "mlp_sm")
    assert layer_classes(w) == ["Input", "Flatten", "Dense", "Dense"]

    # Dropped on the window: the folder opens too.
    menu_action(w, "File", "New").trigger()
    assert layer_classes(w) == ["Input"]
    drop_on_window(w, mlp_saved_model)
    wait_opened(qtbot, w, "mlp_sm")
    assert layer_classes(w) == ["Input", "Flatten", "Dense", "Dense"]


def test_the_open_dialog_offers_saved_model_pb():
    from kbuilder.ui.window.files import OPEN_FILTER

    filters = OPEN_FILTER.split(";;")
    assert "saved_model.pb" in filters[0]
    assert "TensorFlow SavedModel (saved_model.pb)" in filters


def test_dropping_what_kbuilder_cannot_open_says_so_in_one_sentence(window, qtbot, tmp_path):
    w = window
    before = w.files.project()
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.close()
        else:  # not up yet
            QTimer.singleShot(20, read_and_close)

    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    photos = tmp_path / "photos"
    photos.mkdir()  # a folder, but no SavedModel
    for path in (notes, photos):
        QTimer.singleShot(0, read_and_close)
        drop_on_window(w, path)  # the message box runs its own event loop until it is closed
    assert shown == [f"kbuilder cannot open '{p.name}': it opens {OPEN_WORDS}." for p in (notes, photos)]
    assert all(text.count(". ") == 0 for text in shown)  # one sentence
    assert w.files.project().graph.to_dict() == before.graph.to_dict()
