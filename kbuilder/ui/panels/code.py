"""The Python code of the model, always up to date.

``CodePanel(graph)`` shows ``codegen.export_code(graph, style)`` in the style
picked in its combo box (functional, sequential, subclass) and refreshes
~150 ms after the last graph change.  Code generation needs no Keras and
runs on the UI thread.  When the graph cannot be written in the chosen
style (``ExportError``, e.g. a branch in a Sequential model) the message is
shown instead of code.
"""

from __future__ import annotations

import keyword
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRegularExpression, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kbuilder.core.graph import Graph, GraphEvent
from kbuilder.ui.panels.base import PanelHooks

log = logging.getLogger(__name__)

STYLES = [  # (key, label, tip); the label and tip are shown as QCoreApplication.translate("CodePanel", ...)
    ("functional", QT_TRANSLATE_NOOP("CodePanel", "Functional"),
     QT_TRANSLATE_NOOP("CodePanel", "keras.Model(inputs, outputs): any graph, branches and merges included")),
    ("sequential", QT_TRANSLATE_NOOP("CodePanel", "Sequential"),
     QT_TRANSLATE_NOOP("CodePanel", "keras.Sequential([...]): a single chain of layers, one input, one output")),
    ("subclass", QT_TRANSLATE_NOOP("CodePanel", "Subclass"),
     QT_TRANSLATE_NOOP("CodePanel", "class MyModel(keras.Model) with __init__ and call(): the style of research code")),
]
REFRESH_MS = 150


def _shown(text: str) -> str:
    """A label or tip of STYLES in the user's language."""
    return QCoreApplication.translate("CodePanel", text)


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, strings, numbers and comments; enough to read the code."""

    def __init__(self, document) -> None:
        super().__init__(document)

        def fmt(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
            f = QTextCharFormat()
            f.setForeground(QColor(color))
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            f.setFontItalic(italic)
            return f

        words = "|".join(keyword.kwlist + ["self"])
        self._rules = [
            (QRegularExpression(rf"\b({words})\b"), fmt("#1a4fa0", bold=True)),
            (QRegularExpression(r"\b[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?\b"), fmt("#8a3b00")),
            (QRegularExpression(r"\bkeras\b|\blayers\b"), fmt("#6a1b9a")),
            (QRegularExpression(r"\"[^\"\\]*(\\.[^\"\\]*)*\"|'[^'\\]*(\\.[^'\\]*)*'"), fmt("#2e7d32")),
            (QRegularExpression(r"#[^\n]*"), fmt("#6d6d6d", italic=True)),
        ]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        for rx, f in self._rules:
            it = rx.globalMatch(text)
            while it.hasNext():
                m = it.next()
                self.setFormat(m.capturedStart(), m.capturedLength(), f)


class CodePanel(PanelHooks, QWidget):
    """API: ``CodePanel(graph, push=None, parent=None, style="functional")``;
    ``code_style()`` / ``set_style(name)``; signal ``style_changed(str)`` (to keep it in the
    project settings); ``refresh()`` regenerates now; ``code()`` is the
    text shown ("" when refused); ``error()`` the refusal message."""

    style_changed = Signal(str)

    def __init__(
        self,
        graph: Graph,
        push: Callable | None = None,
        parent: QWidget | None = None,
        style: str = "functional",
        exporter: Callable[[Graph, str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CodePanel")
        self.graph = graph
        self.push = push
        self._exporter = exporter
        self._code = ""
        self._error: str | None = None

        self.style_combo = QComboBox()
        self.style_combo.setObjectName("code_style")
        for key, label, tip in STYLES:
            self.style_combo.addItem(_shown(label), key)
            self.style_combo.setItemData(self.style_combo.count() - 1, _shown(tip), Qt.ItemDataRole.ToolTipRole)
        self.style_combo.setToolTip(self.tr("How the model is written: {styles}").format(
            styles="; ".join(f"{_shown(label)}: {_shown(tip)}" for _, label, tip in STYLES)))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("code_copy")
        self.copy_button.setToolTip(self.tr("Copy the code to the clipboard"))
        self.save_button = QPushButton(self.tr("Save as .py…"))
        self.save_button.setObjectName("code_save")
        self.save_button.setToolTip(self.tr("Save the code as a Python file you can run with `python file.py`"))
        style_label = QLabel(self.tr("Style:"))
        style_label.setToolTip(self.style_combo.toolTip())

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(style_label)
        bar.addWidget(self.style_combo)
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.save_button)

        self.editor = QPlainTextEdit()
        self.editor.setObjectName("code_text")
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # Ask for a fixed-width font by its traits, not only by the platform's
        # name for one ("monospace"), so that font matching picks a fixed-width
        # face on a machine whose fonts give that name no match.
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace, QFont.StyleStrategy.PreferMatch)
        mono.setFixedPitch(True)
        self.editor.setFont(mono)
        self.editor.setToolTip(self.tr("The Python code that builds this model with Keras (read-only)"))
        self._highlighter = PythonHighlighter(self.editor.document())

        self.message = QLabel()
        self.message.setObjectName("code_message")
        self.message.setWordWrap(True)
        self.message.setMargin(12)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setToolTip(self.tr("Why the code cannot be written in this style"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.message)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(bar)
        lay.addWidget(self.stack, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

        self.set_style(style)
        self.style_combo.currentIndexChanged.connect(self._on_style_changed)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button.clicked.connect(self._on_save_clicked)
        graph.subscribe(self._on_graph_event)
        self.refresh()

    # ------------------------------------------------------------- public
    def code_style(self) -> str:
        return self.style_combo.currentData() or "functional"

    def load_settings(self, settings: dict) -> None:
        if settings.get("code_style"):
            self.set_style(settings["code_style"])

    def set_style(self, style: str) -> None:
        i = self.style_combo.findData(style)
        if i >= 0 and i != self.style_combo.currentIndex():
            self.style_combo.setCurrentIndex(i)

    def code(self) -> str:
        return self._code

    def error(self) -> str | None:
        return self._error

    @Slot()
    def refresh(self) -> None:
        """Regenerate the code now."""
        self._timer.stop()
        try:
            code = self._export(self.graph, self.code_style())
        except Exception as exc:  # noqa: BLE001 - ExportError and anything unexpected
            self._show_error(exc)
            return
        self._error = None
        self._code = code
        if self.editor.toPlainText() != code:
            bar = self.editor.verticalScrollBar()
            pos = bar.value()
            self.editor.setPlainText(code)
            bar.setValue(min(pos, bar.maximum()))
        self.stack.setCurrentWidget(self.editor)
        self.copy_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def save_to(self, path: str | Path) -> Path:
        path = Path(path)
        if path.suffix != ".py":
            path = path.with_suffix(".py")
        path.write_text(self._code, encoding="utf-8")
        return path

    @Slot()
    def copy_to_clipboard(self) -> None:
        if self._code:
            QGuiApplication.clipboard().setText(self._code)

    def detach(self) -> None:
        self.graph.unsubscribe(self._on_graph_event)
        self._timer.stop()

    # ---------------------------------------------------------- helpers
    def _export(self, graph: Graph, style: str) -> str:
        if self._exporter is not None:
            return self._exporter(graph, style)
        from kbuilder.keras_io.codegen import export_code

        return export_code(graph, style)

    def _show_error(self, exc: BaseException) -> None:
        name = type(exc).__name__
        text = str(exc).strip() or name
        if name != "ExportError":
            log.exception("code export failed")
            text = self.tr("The code could not be written: {error}").format(error=text)
        label = {key: _shown(name) for key, name, _ in STYLES}.get(self.code_style(), self.code_style())
        self._error = text
        self._code = ""
        title = self.tr("No {style} code for this model.").format(style=label)
        self.message.setText(f"<b>{_html(title)}</b><br><br>{_html(text)}")
        self.stack.setCurrentWidget(self.message)
        self.copy_button.setEnabled(False)
        self.save_button.setEnabled(False)

    def _on_graph_event(self, ev: GraphEvent) -> None:
        if ev.kind != "node_moved":
            self._timer.start()

    @Slot(int)
    def _on_style_changed(self, _i: int) -> None:
        self.refresh()
        self.style_changed.emit(self.code_style())

    @Slot()
    def _on_save_clicked(self) -> None:
        name = (self.graph.name or "model") + ".py"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the model's code"), name,
                                              self.tr("Python files (*.py)"))
        if path:
            try:
                self.save_to(path)
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Save as .py"),
                                    self.tr("Could not save the code: {error}").format(error=exc))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


__all__ = ["CodePanel", "STYLES"]
