"""The user's language: which one it is, and the translators that speak it.

The choice, first that applies:

1. ``KBUILDER_LANG=ko|en`` in the environment;
2. View > Language, remembered in QSettings under ``language`` ("ko" or "en";
   absent means "follow the system");
3. the system locale: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` as
   POSIX orders them (``ko_KR.UTF-8`` gives Korean), else Qt's idea of the
   system language (Windows, macOS);
4. English.

The window (:func:`install`, called by ``kbuilder.app.create_application``)
loads ``resources/i18n/kbuilder_<lang>.qm`` and Qt's own ``qtbase_<lang>.qm``
(the buttons of standard dialogs) into the application, and routes the
Qt-free side's :func:`kbuilder.core.i18n.translate` through
``QCoreApplication.translate``.  The command line (:func:`install_cli`) asks
the same translation file directly, without an application.  Both are made
by ``tools/i18n.py`` from the sources with Qt's pyside6-lupdate and
pyside6-lrelease.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from kbuilder.core import i18n
from kbuilder.core.i18n import QT_TRANSLATE_NOOP

#: Each language the app speaks, by code, with its own name for itself.
LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT = "en"
SETTING = "language"
ENV = "KBUILDER_LANG"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

#: Qt's own words that its Korean file (qtbase_ko.qm) lacks in Qt 6.11 (the file dialog's labels gained
#: mnemonics): kbuilder's translation file has them, and Qt asks it after its own.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

#: Debian/Ubuntu's package of Korean glyphs, named by the start-up hint.
FONT_PACKAGE = "fonts-noto-cjk"
FONT_HINT = ("kbuilder is set to Korean, but no Korean font is installed here, so its text would show as boxes: "
             "sudo apt install " + FONT_PACKAGE)
FONT_HINT_OTHER = "kbuilder is set to Korean, but no Korean font is installed here, so its text would show as boxes."


def code_of(value: str | None) -> str | None:
    """``"ko_KR.UTF-8"`` → ``"ko"``; ``"C"``/``"POSIX"`` → ``"en"``; None for
    nothing.  The code may be one the app does not speak."""
    if not value:
        return None
    value = value.strip()
    if value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
        return "en"
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code or None


def locale_language(environ: Mapping[str, str] = os.environ) -> str | None:
    """The language the POSIX locale variables ask for, or None when none is
    set.  The locale is the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``
    that is set (``C`` and ``POSIX`` mean English); ``LANGUAGE`` comes
    before it, but only with a locale that is not C, as in gettext."""
    base = next((environ[name] for name in LOCALE_VARIABLES[1:] if environ.get(name)), None)
    if base is None:
        return None
    if code_of(base) == "en" and base.split(".")[0] in ("C", "POSIX"):
        return "en"
    for entry in (environ.get("LANGUAGE") or "").split(":"):
        if code_of(entry) in LANGUAGES:
            return code_of(entry)
    return code_of(base)


def choose(environ: Mapping[str, str] = os.environ, saved: str | None = None, system: str | None = None) -> str:
    """The language to speak, from the environment, the saved choice and the
    system's language (see the module's docstring); always one of
    :data:`LANGUAGES`."""
    forced = code_of(environ.get(ENV))
    if forced in LANGUAGES:
        return forced
    if saved in LANGUAGES:
        return saved
    asked = locale_language(environ) or code_of(system)
    return asked if asked in LANGUAGES else DEFAULT


def forced(environ: Mapping[str, str] = os.environ) -> str | None:
    """The language ``KBUILDER_LANG`` forces, or None."""
    code = code_of(environ.get(ENV))
    return code if code in LANGUAGES else None


# ----------------------------------------------------------------- Qt side
def _settings():
    from PySide6.QtCore import QCoreApplication, QSettings

    if QCoreApplication.instance() is not None and QCoreApplication.organizationName():
        return QSettings()
    return QSettings("kbuilder", "kbuilder")


def saved_choice() -> str | None:
    """View > Language's remembered choice ("ko", "en"), or None for "follow
    the system"."""
    value = _settings().value(SETTING)
    return value if value in LANGUAGES else None


def save_choice(code: str | None) -> None:
    """Remember View > Language's choice; None forgets it (follow the system)."""
    settings = _settings()
    if code in LANGUAGES:
        settings.setValue(SETTING, code)
    else:
        settings.remove(SETTING)
    settings.sync()


def system_language() -> str:
    from PySide6.QtCore import QLocale

    languages = QLocale.system().uiLanguages()
    return languages[0] if languages else QLocale.system().name()


def current() -> str:
    """The language the app speaks now (environment, saved choice, system)."""
    return choose(os.environ, saved_choice(), system_language())


def resources_dir() -> Path:
    """kbuilder's ``resources/`` folder (``KBUILDER_RESOURCES`` overrides it)."""
    env = os.environ.get("KBUILDER_RESOURCES")
    return Path(env) if env else Path(__file__).resolve().parents[1] / "resources"


def translation_file(code: str) -> Path:
    return resources_dir() / "i18n" / f"kbuilder_{code}.qm"


def translators(code: str) -> list:
    """Loaded QTranslators for ``code``: kbuilder's own, and Qt's for its
    standard dialogs when Qt ships one.  Empty for English (the source)."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    if code == DEFAULT:
        return []
    found = []
    own = QTranslator()
    if own.load(str(translation_file(code))):
        found.append(own)
    qt = QTranslator()
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        found.append(qt)
    return found


_installed: list = []


def install(app, code: str | None = None) -> str:
    """Speak ``code`` (default :func:`current`) in ``app``: its translators are
    installed (replacing earlier ones), the Qt-free side translates through
    ``QCoreApplication.translate`` and the default locale follows.  Returns
    the code."""
    from PySide6.QtCore import QCoreApplication, QLocale

    code = code if code in LANGUAGES else current()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    for translator in translators(code):
        app.installTranslator(translator)
        _installed.append(translator)
    i18n.set_translator(QCoreApplication.translate if _installed else None)
    QLocale.setDefault(QLocale("ko_KR" if code == "ko" else "en_US"))
    return code


def install_cli(code: str | None = None) -> str:
    """The command line's language: the same choice as the window's, asked
    of the translation file directly (no Qt application is made)."""
    try:
        code = code if code in LANGUAGES else current()
        loaded = translators(code)
    except ImportError:  # no Qt here: the command line still works, in English
        i18n.set_translator(None)
        return DEFAULT
    if loaded:
        own = loaded[0]
        i18n.set_translator(lambda context, text: own.translate(context, text) or text)
    else:
        i18n.set_translator(None)
    return code


def sentence(code: str, context: str, text: str) -> str:
    """``text`` in language ``code`` (not necessarily the one installed): for
    the one sentence that announces a change of language in the new one."""
    if code == DEFAULT:
        return text
    loaded = translators(code)
    return (loaded[0].translate(context, text) if loaded else "") or text


def korean_font_problem(code: str, families: list[str] | None = None, platform: str = sys.platform) -> str | None:
    """The one-line hint when the app speaks Korean and no installed font
    has Korean glyphs (``families``: the fonts with them, from
    ``QFontDatabase.families(WritingSystem.Korean)`` when not given)."""
    if code != "ko":
        return None
    if families is None:
        from PySide6.QtGui import QFontDatabase

        families = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    if families:
        return None
    return FONT_HINT if platform.startswith("linux") else FONT_HINT_OTHER
