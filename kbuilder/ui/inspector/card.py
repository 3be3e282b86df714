"""The layer card at the top of the Inspector.

Four foldable sections: what the layer does, when to use it (both from
:mod:`kbuilder.layers.cards`; a class without a card shows the catalog's
summary instead), its shapes in words with the analysis's numbers, and the
Keras documentation (folded at first).  Whether each section is open is
kept in QSettings, so an expert who folds the explanations once finds them
folded from then on, for every layer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kbuilder.layers import cards
from kbuilder.ui.inspector.widgets import MUTED_STYLE, CollapsibleSection, WrappedText

_ENTRY = re.compile(r"^\s*(?:[-*] |[\w*.]+(?: \([^)]*\))?: )")  # "units: ...", "- If ...", "ValueError: ..."
_HEADER = re.compile(r":\s*$")  # "Args:", "Input shape:"
_INLINE_CODE = re.compile(r"`([^`]+)`")
_ENTRY_NAME = re.compile(r"^([\w*.]+):")

SETTINGS_GROUP = "inspector/card"
# Section key -> open at first.
SECTIONS = {"what": True, "when": True, "shapes": True, "doc": False}


def _text_label(text: str, name: str) -> QLabel:
    lab = QLabel(text)
    lab.setObjectName(name)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lab.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return lab


def doc_lines(doc: str) -> list[tuple[int, str, bool]]:
    """Keras's docstring as ``(indent, text, is_code)`` lines, for a narrow
    dock: the hard line breaks inside a paragraph or an argument's entry are
    joined (the text wraps to the dock instead); code, doctest lines and
    their output stay as they are; ``(0, "", False)`` is a blank line."""
    out: list[tuple[int, str, bool]] = []
    fenced = doctest = False
    for raw in doc.splitlines():
        line = raw.rstrip()
        text = line.strip()
        indent = len(line) - len(line.lstrip())
        if text.startswith("```"):
            fenced = not fenced
            continue
        if not text:
            doctest = False
            out.append((0, "", False))
            continue
        doctest = doctest or text.startswith(">>>")
        if fenced or doctest:
            out.append((indent, line, True))
            continue
        prev = out[-1] if out else None
        if (prev is not None and prev[1] and not prev[2] and indent >= prev[0]
                and not _HEADER.search(prev[1]) and not _ENTRY.match(line)):
            out[-1] = (prev[0], f"{prev[1]} {text}", False)
        else:
            out.append((indent, text, False))
    return out


def doc_html(doc: str) -> str:
    """:func:`doc_lines` as rich text: paragraphs that wrap, entries indented,
    code in a fixed-width font that wraps too (nothing may widen the dock)."""
    parts = []
    gap = False
    for indent, text, code in doc_lines(doc):
        if not text:
            gap = bool(parts)
            continue
        top = 6 if gap else 0
        gap = False
        if code:
            style = f"margin: {top}px 0 0 0; font-family: monospace; white-space: pre-wrap;"
            parts.append(f'<p style="{style}">{html.escape(text)}</p>')
        else:
            body = _INLINE_CODE.sub(r"<code>\1</code>", html.escape(text, quote=False))
            if indent and _ENTRY.match(text):  # an argument: its name in bold, a little apart
                body = _ENTRY_NAME.sub(r"<b>\1</b>:", body, count=1)
                top = max(top, 3)
            parts.append(f'<p style="margin: {top}px 0 0 {min(indent, 12)}px;">{body}</p>')
    return "".join(parts)


def is_open(key: str) -> bool:
    """Whether the card's section ``key`` is open (the user's last choice)."""
    value = QSettings().value(f"{SETTINGS_GROUP}/{key}", SECTIONS[key])
    return value in (True, "true", 1, "1")


class LayerCard(QFrame):
    """``LayerCard(class_name, summary, doc, shapes=True)``.  Attributes:
    ``data`` (the :class:`kbuilder.layers.cards.Card`, or None), ``sections`` (key -> :class:`CollapsibleSection`, keys ``what``,
    ``when``, ``shapes``, ``doc``; only those shown), ``what``, ``when``,
    ``shapes``, ``doc`` (the labels; None where not shown)."""

    def __init__(self, class_name: str, summary: str, doc: str, shapes: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector_card")
        self.class_name = class_name
        self.data = cards.card(class_name)  # None: no card for this class, the catalog's summary instead
        self.sections: dict[str, CollapsibleSection] = {}
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(6, 4, 6, 6)
        self._lay.setSpacing(4)
        # A card apart from the settings under it (the selector keeps the children plain).
        self.setStyleSheet("QFrame#inspector_card { background: #f3f6fb; border: 1px solid #d9e0ea; "
                           "border-radius: 4px; }")
        what = self.data.what if self.data is not None else summary
        self.what = self._section("what", self.tr("What it does"), what,
                                  self.tr("What this layer does, in a few words")) if what else None
        self.when = None
        if self.data is not None:
            self.when = self._section("when", self.tr("When to use it"), self.data.when,
                                      self.tr("Where this layer usually goes in a model"))
        self.shapes = None
        self.note = None
        if shapes:
            self.shapes = self._section("shapes", self.tr("Shapes"), "…",
                                        self.tr("What this layer takes and gives, with the current numbers"))
            self.note = QLabel(cards.batch_note())
            self.note.setObjectName("card_batch_note")
            self.note.setWordWrap(True)
            self.note.setStyleSheet(MUTED_STYLE + " font-size: 9pt;")
            self.shapes.parentWidget().layout().addWidget(self.note)
        self.doc = None
        if doc:
            self.doc = WrappedText(doc_html(doc), rich=True)
            self.doc.setObjectName("card_doc")
            self.doc.setStyleSheet("QTextBrowser { background: transparent; font-size: 9pt; }")
            self._section("doc", self.tr("Keras documentation"), self.doc,
                          self.tr("The documentation Keras gives for this layer"))

    def _section(self, key: str, title: str, text: str | QWidget, tip: str) -> QWidget:
        label = _text_label(text, f"card_{key}") if isinstance(text, str) else text
        label.setToolTip(tip)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(14, 0, 0, 4)  # under the arrow's text
        inner.setSpacing(2)
        inner.addWidget(label)
        sec = CollapsibleSection(title, box, is_open(key))
        sec.setObjectName(f"card_section_{key}")
        sec.button.setObjectName(f"card_button_{key}")
        sec.button.setToolTip(self.tr("Show or hide this part of the card; the choice is remembered"))
        sec.toggled.connect(lambda on, k=key: self._remember(k, on))
        self.sections[key] = sec
        self._lay.addWidget(sec)
        return label

    def _remember(self, key: str, on: bool) -> None:
        QSettings().setValue(f"{SETTINGS_GROUP}/{key}", on)

    # ------------------------------------------------------------ shapes
    def show_shapes(
        self,
        input_shapes: Sequence[Any] | None,
        output_shape: Any,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        """The analysis's shapes for this layer, in words."""
        if self.shapes is not None:
            lines = cards.shape_lines(self.class_name, input_shapes, output_shape, params)
            self.shapes.setText("\n".join(lines))
            self.note.setVisible(True)

    def show_shape_state(self, text: str) -> None:
        """No shapes to word: why (not analysed yet, a problem upstream)."""
        if self.shapes is not None:
            self.shapes.setText(text)
            self.note.setVisible(False)

    def shape_text(self) -> str:
        return self.shapes.text() if self.shapes is not None else ""
