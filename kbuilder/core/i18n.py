"""The one translation function of the Qt-free side of kbuilder.

Sentences that the core, the importers, the coach or the CLI show to a
person are written as ``translate("context", "Whole sentence with {named}
holes.").format(named=...)``: the text is a literal (so the translation tools can
find it), whole (so a translator sees the sentence), with named fields (word
order differs between languages).  Codes, JSON keys and Keras names are not
translated.

With no translator installed, ``tr`` returns the English text.  The app (and
the CLI) install one with :func:`set_translator`; the Qt app's translator
asks ``QCoreApplication.translate``, so the core needs no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def set_translator(translator: Callable[[str, str], str] | None) -> None:
    """``translator(context, text) -> text``; None goes back to English."""
    global _translator
    _translator = translator


def translating() -> bool:
    """Whether a translator is installed (the user's language is not English)."""
    return _translator is not None


def sentence_start(text: str) -> str:
    """``text`` with a capital first letter where English wants one: only
    when it starts with a plain lower-case word (never a name such as
    ``dense_1``) and the user reads English (other languages' sentences
    start as their translation wrote them)."""
    if _translator is None and re.match(r"[a-z]+(?=[\s:,.]|$)", text):
        return text[:1].upper() + text[1:]
    return text


def translate(context: str, text: str) -> str:
    """``text`` in the user's language (``context`` groups it for
    translators).  Spelled as ``QCoreApplication.translate`` so that
    ``pyside6-lupdate`` finds every call."""
    if _translator is None:
        return text
    try:
        return _translator(context, text) or text
    except Exception:  # noqa: BLE001 - a broken translation must never hide the message
        return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for the translation tools without translating it: for
    module-level constants, which are made before a translator is installed.
    Translate them where they are shown: ``translate(context, CONSTANT)``."""
    return text
