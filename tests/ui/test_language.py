"""The window in Korean and in English (issue: 한국어).

The test opens the window in one language, clicks every mode, every tab and
sub-tab, opens every menu and selects a Dense layer for its Inspector, and
reads every text a person can see there.  In Korean no English word may be
left (Keras names, the user's layer names and product names excepted); in
English no Korean.  View > Language is chosen with the mouse, remembered, and
its message is in the language just chosen.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)
from ui_window_helpers import select_layer

from kbuilder import language

HANGUL = re.compile("[\uac00-\ud7a3]")
TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.'’/+-]*")
ENGLISH = re.compile(r"[A-Za-z][a-z]+(?:['’][a-z]+)?|[a-z]{2,}")
#: Names that stay as they are in every language: products, formats, libraries.
NAMES = {
    "keras", "kbuilder", "tensorflow", "tf", "python", "jupyter", "notebook", "kerastuner", "keras-tuner", "numpy",
    "randomsearch", "hyperband", "bayesianoptimization", "mnist", "fashion-mnist", "cifar-10", "imdb", "iris",
    "digits", "sklearn", "scikit-learn", "json", "hdf5", "savedmodel", "csv", "png", "true", "false", "none", "linux",
    "fonts-noto-cjk", "english", "model.fit", "model.compile", "model.evaluate", "model.predict", "model.summary",
    "sequential", "functional", "fit", "compile", "evaluate", "predict", "summary", "loss", "accuracy", "val_loss",
    "val_accuracy", "mae", "mse", "adam", "sgd", "rmsprop", "x", "y", "h5", "kbproj",
    # the optimizers' own arguments, as the Compile tab names them
    "amsgrad", "beta", "epsilon", "momentum", "nesterov", "rho", "centered", "clipnorm", "clipvalue",
}


def keras_words(catalog, window) -> set[str]:
    """Every name that Keras (or the user) spells: classes, parameters, their
    choices, the layers' own names, losses, metrics, optimizers, callbacks."""
    words = set(NAMES)
    for spec in catalog:
        words.add(spec.class_name.lower())
        words.update(a.lower() for a in spec.aliases)
        for p in spec.params:
            words.add(p.name.lower())
            for c in p.choices or []:
                words.add(str(c).lower())
    for node in window.graph.nodes:
        words.add(node.name.lower())
    from kbuilder.training import config

    for table in ("LOSSES", "METRICS", "OPTIMIZERS", "CALLBACKS"):
        for item in getattr(config, table, ()) or ():
            words.add(str(item).lower())
    return words


def english_left(text: str, allowed: set[str]) -> str | None:
    """The English in ``text`` that is not a name: two words in a row, or a
    text that is one English word by itself; None when there is none."""
    plain = text.replace("&", "")
    run: list[str] = []
    tokens = TOKEN.findall(plain)
    for token in tokens:
        word = token.strip(".'’/+-")
        if word.lower() in allowed or not ENGLISH.fullmatch(word) or word.isupper():
            run = []
            continue
        run.append(word)
        if len(run) >= 2:
            return " ".join(run)
    if len(tokens) == 1 and run and not HANGUL.search(plain):
        return run[0]
    return None


def _plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text


def visible_texts(window) -> list[tuple[str, str]]:
    """(what, text) for every text on screen in ``window`` now."""
    out: list[tuple[str, str]] = [("title", window.windowTitle())]
    if window.statusBar().currentMessage():
        out.append(("status bar", window.statusBar().currentMessage()))
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        name = f"{w.metaObject().className()} {w.objectName()!r}"
        if isinstance(w, QLabel):
            out.append((name, _plain(w.text())))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QTabBar):
            out.extend((name, w.tabText(i)) for i in range(w.count()) if w.isTabVisible(i))
        elif isinstance(w, QLineEdit) and not w.text():
            out.append((name, w.placeholderText()))
        elif isinstance(w, QComboBox):
            out.append((name, w.currentText()))
        elif isinstance(w, QDockWidget):
            out.append((name, w.windowTitle()))
        elif isinstance(w, QTextEdit) and w.isReadOnly():
            out.append((name, w.toPlainText()))
        elif isinstance(w, QPlainTextEdit) and not w.font().fixedPitch() and w.isReadOnly():
            out.append((name, w.toPlainText()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column
                columns = 1
            for section in range(columns):
                out.append((name + " header", str(model.headerData(section, Qt.Orientation.Horizontal) or "")))
            for row in range(min(model.rowCount(QModelIndex()), 60)):
                for col in range(columns):
                    value = model.index(row, col).data()
                    if isinstance(value, str):
                        out.append((name, value))
    return [(what, text) for what, text in out if text]


def menu_texts(qtbot, window) -> list[tuple[str, str]]:
    """Open every menu of the menu bar with the mouse and read its items
    (and those of its submenus)."""
    out: list[tuple[str, str]] = []
    bar = window.menuBar()

    def read(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            out.append((where, action.text()))
            if action.menu() is not None:
                read(action.menu(), where + " > " + action.text())

    for action in bar.actions():
        out.append(("menu bar", action.text()))
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(action).center())
        qtbot.waitUntil(lambda a=action: a.menu().isVisible(), timeout=5000)
        read(action.menu(), action.text())
        action.menu().close()
    return out


def walk(qtbot, window) -> list[tuple[str, str]]:
    """Click every mode and, in each, every tab of every visible tab bar
    (the tabs a click reveals too); read what is on screen at each step;
    then the menus, the toolbars' buttons and a Dense layer's Inspector."""
    texts: list[tuple[str, str]] = []
    modes = window.findChild(QToolBar, "toolbar_modes")
    for action in modes.actions():
        qtbot.mouseClick(modes.widgetForAction(action), Qt.MouseButton.LeftButton)
        qtbot.wait(30)
        clicked: set[tuple[int, int]] = set()
        while True:
            todo = [(bar, i) for bar in window.findChildren(QTabBar) if bar.isVisible()
                    for i in range(bar.count()) if bar.isTabVisible(i) and (id(bar), i) not in clicked]
            if not todo:
                break
            bar, i = todo[0]
            clicked.add((id(bar), i))
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
            qtbot.wait(20)
            texts += [(f"[{action.objectName()} / {bar.tabText(i)}] {what}", text) for what, text in visible_texts(window)]
        texts += [(f"[{action.objectName()}] {what}", text) for what, text in visible_texts(window)]
    qtbot.mouseClick(modes.widgetForAction(modes.actions()[0]), Qt.MouseButton.LeftButton)
    dense = next(n for n in window.graph.nodes if n.class_name == "Dense")
    select_layer(qtbot, window, dense.name)
    qtbot.wait(50)
    texts += [(f"[Inspector of Dense] {what}", text) for what, text in visible_texts(window)]
    texts += [(f"[menu] {what}", text) for what, text in menu_texts(qtbot, window)]
    return texts


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ko"])
def test_korean_window_shows_no_english(keras_window, qtbot, catalog, lang):
    window = keras_window
    window._on_catalog(catalog)
    texts = walk(qtbot, window)
    allowed = keras_words(catalog, window)
    left = sorted({f"{where}: {text!r} ({english_left(text, allowed)!r})" for where, text in texts
                   if english_left(text, allowed)})
    assert not left, f"{len(left)} English texts in the Korean window:\n" + "\n".join(left[:80])
    assert sum(1 for _, text in texts if HANGUL.search(text)) > 200


@pytest.mark.slow
def test_english_window_shows_no_korean(keras_window, qtbot, catalog):
    window = keras_window
    window._on_catalog(catalog)
    texts = walk(qtbot, window)
    korean = sorted({f"{where}: {text!r}" for where, text in texts
                     if HANGUL.search(text) and text != language.LANGUAGES["ko"]})
    assert not korean, "\n".join(korean[:80])
    assert english_left("Train the model", set()) == "Train the"  # the detector the Korean test uses sees English


def test_view_language_menu_remembers_the_choice_and_answers_in_it(window, qtbot, monkeypatch):
    monkeypatch.delenv("KBUILDER_LANG")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    language.save_choice(None)
    restarted = []
    from kbuilder.ui.window import language_menu

    monkeypatch.setattr(language_menu, "restart", lambda w: restarted.append(w))
    bar = window.menuBar()
    view = next(a for a in bar.actions() if a.text().replace("&", "") == "View")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(view).center())
    qtbot.waitUntil(view.menu().isVisible)
    sub_action = next(a for a in view.menu().actions() if a.text().replace("&", "") == "Language")
    qtbot.mouseClick(view.menu(), Qt.MouseButton.LeftButton, pos=view.menu().actionGeometry(sub_action).center())
    sub = sub_action.menu()
    qtbot.waitUntil(sub.isVisible)
    assert [a.text() for a in sub.actions()] == ["System language", "English", "한국어"]
    assert sub.actions()[0].isChecked()  # nothing saved: follow the system
    korean = sub.actions()[2]
    qtbot.mouseClick(sub, Qt.MouseButton.LeftButton, pos=sub.actionGeometry(korean).center())
    assert language.saved_choice() == "ko" and language.current() == "ko"
    box = window.findChild(language_menu.LanguageMenu).box
    qtbot.waitUntil(box.isVisible)
    assert HANGUL.search(box.text()) and "한국어" in box.text(), box.text()
    buttons = [b for b in box.buttons() if b.isVisible()]
    assert sorted(b.text() for b in buttons) == sorted(["지금 다시 시작", "나중에"]), [b.text() for b in buttons]
    later = next(b for b in buttons if b.text() == "나중에")
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)
    assert restarted == []
    # Back to the system's language (English here), and a restart asked for.
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(view).center())
    qtbot.waitUntil(view.menu().isVisible)
    qtbot.mouseClick(view.menu(), Qt.MouseButton.LeftButton, pos=view.menu().actionGeometry(sub_action).center())
    qtbot.waitUntil(sub.isVisible)
    assert korean.isChecked()
    qtbot.mouseClick(sub, Qt.MouseButton.LeftButton, pos=sub.actionGeometry(sub.actions()[0]).center())
    assert language.saved_choice() is None and language.current() == "en"
    box = window.findChild(language_menu.LanguageMenu).box
    qtbot.waitUntil(box.isVisible)
    assert "English" in box.text() and not HANGUL.search(box.text())
    now = next(b for b in box.buttons() if b.text() == "Restart now")
    qtbot.mouseClick(now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: restarted == [window])


def test_environment_overrides_the_menu(window, qtbot, monkeypatch):
    monkeypatch.setenv("KBUILDER_LANG", "en")
    from kbuilder.ui.window import language_menu

    menu = window.findChild(language_menu.LanguageMenu)
    menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    korean = next(a for a in menu.actions() if a.text() == "한국어")
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(korean).center())
    assert language.saved_choice() == "ko" and language.current() == "en"
    box = window.findChild(language_menu.LanguageMenu).box
    qtbot.waitUntil(box.isVisible)
    assert "KBUILDER_LANG=en" in box.text()
    language.save_choice(None)


def test_create_application_installs_the_users_language_with_qts_own(qapp, monkeypatch):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from kbuilder.app import create_application
    from kbuilder.core.i18n import translate

    monkeypatch.setenv("KBUILDER_LANG", "ko")
    try:
        assert create_application() is qapp
        assert QCoreApplication.translate("LanguageMenu", "Later") == "나중에"
        assert HANGUL.search(translate("cards", "a shape that is not known yet"))  # the Qt-free side too
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own words: qtbase_ko.qm
        assert HANGUL.search(buttons.button(QDialogButtonBox.StandardButton.Cancel).text())
    finally:
        language.install(qapp, "en")
    assert QCoreApplication.translate("LanguageMenu", "Later") == "Later"
    assert translate("cards", "a shape that is not known yet") == "a shape that is not known yet"


def test_qts_own_file_dialog_speaks_korean_too(qapp, qtbot):
    """Qt's Korean file lacks two labels of Qt 6.11's file dialog; kbuilder's has them."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    language.install(qapp, "ko")
    try:
        dialog = QFileDialog(None, "", "", "")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert labels and all(HANGUL.search(text) for text in labels), labels
    finally:
        language.install(qapp, "en")
