"""View > Language: follow the system, English or 한국어.

The choice is remembered in QSettings (``kbuilder.language``).  The window
does not rebuild itself in the new language: a message in the chosen
language says that it applies when kbuilder starts again, and offers to
restart now (after the usual question about unsaved changes).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QProcess, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from kbuilder import language

CONTEXT = "LanguageMenu"
# Shown in the language just chosen (not the one on screen): marked here,
# translated by language.sentence().
RESTART_TEXT = QT_TRANSLATE_NOOP("LanguageMenu", "kbuilder will speak {name} when it starts again.")
RESTART_NOW = QT_TRANSLATE_NOOP("LanguageMenu", "Restart now")
LATER = QT_TRANSLATE_NOOP("LanguageMenu", "Later")
TITLE = QT_TRANSLATE_NOOP("LanguageMenu", "Language")
FORCED_TEXT = QT_TRANSLATE_NOOP(
    "LanguageMenu", "KBUILDER_LANG={code} is set in the environment: it chooses the language while it is set.")


def restart_command(window) -> tuple[str, list[str]]:
    """The program and arguments that start kbuilder again on the project
    that is open (when it has a file)."""
    args = [sys.argv[0]] if sys.argv and sys.argv[0].endswith((".py", "kbuilder")) else ["-m", "kbuilder.cli"]
    path = getattr(window.files, "path", None)
    if path:
        args.append(str(path))
    return sys.executable, args


def restart(window) -> bool:
    """Close the window (which asks about unsaved changes) and start kbuilder
    again; False when the user kept the window open."""
    if not window.close():
        return False
    program, args = restart_command(window)
    QProcess.startDetached(program, args)
    QCoreApplication.quit()
    return True


class LanguageMenu(QMenu):
    """The submenu; ``group`` holds one checkable action per choice, whose
    data is the code ("" for the system's language)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.setTitle(self.tr("Lan&guage"))
        self.setToolTipsVisible(True)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        saved = language.saved_choice() or ""
        choices = [("", self.tr("System language"))] + [(code, name) for code, name in language.LANGUAGES.items()]
        for code, name in choices:
            action = QAction(name, self.group)
            action.setCheckable(True)
            action.setData(code)
            action.setChecked(code == saved)
            action.setObjectName(f"language_{code or 'system'}")
            if code:
                action.setToolTip(self.tr("Show kbuilder in {name}").format(name=name))
            else:
                action.setToolTip(self.tr("Follow the language of the system (LANG, LC_ALL)"))
            self.addAction(action)
        self.group.triggered.connect(self._chosen)
        self.box: QMessageBox | None = None

    def _chosen(self, action: QAction) -> None:
        code = action.data() or None
        language.save_choice(code)
        forced = language.forced()
        if forced:
            self._tell(language.sentence(forced, CONTEXT, FORCED_TEXT).format(code=forced), forced, restart=False)
            return
        new = language.current()
        name = language.LANGUAGES[new]
        self._tell(language.sentence(new, CONTEXT, RESTART_TEXT).format(name=name), new, restart=True)

    def _tell(self, text: str, code: str, restart: bool) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, language.sentence(code, CONTEXT, TITLE), text,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("language_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if restart:
            now = box.addButton(language.sentence(code, CONTEXT, RESTART_NOW), QMessageBox.ButtonRole.AcceptRole)
            later = box.addButton(language.sentence(code, CONTEXT, LATER), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(later)
            box.buttonClicked.connect(lambda button: button is now and restart_later(self.window))
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
        self.box = box
        box.open()


def restart_later(window) -> None:
    """Restart once the message box has closed."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: restart(window))
