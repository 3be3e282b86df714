"""A bar above the canvas for what an import translated or left out.

It replaces the modal box that used to cover the window after opening a
file with notes: the notes stay readable while the user looks at the model,
and Close (or Escape on the bar) puts them away.  Opening another model
replaces or hides them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout

MAX_SHOWN = 20


class NotesBar(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("notes_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#notes_bar { background: #fff8e1; border: 1px solid #f0d58c; }")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 4, 4)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("notes_title")
        top.addWidget(self.title, 1)
        self.toggle = QToolButton()
        self.toggle.setObjectName("notes_toggle")
        self.toggle.setText("Show notes")
        self.toggle.setCheckable(True)
        self.toggle.setToolTip("Show or hide what the import translated or left out")
        self.toggle.toggled.connect(self._toggled)
        top.addWidget(self.toggle)
        close = QToolButton()
        close.setObjectName("notes_close")
        close.setText("Close")
        close.setToolTip("Put the notes away")
        close.clicked.connect(self.hide)
        top.addWidget(close)
        outer.addLayout(top)
        self.body = QLabel()
        self.body.setObjectName("notes_body")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.hide()
        outer.addWidget(self.body)
        self.hide()

    def show_notes(self, name: str, notes: list[str], saved: bool = False) -> None:
        """Show ``notes`` about the file ``name`` that was opened (or ``saved``);
        hide the bar when there are none."""
        if not notes:
            self.hide()
            return
        n = len(notes)
        s = "s" if n != 1 else ""
        self.title.setText(f"{name} was saved with {n} note{s}: what it could not keep." if saved else
                           f"{name} was imported with {n} note{s}: what kbuilder translated or could not keep.")
        shown = [f"• {note}" for note in notes[:MAX_SHOWN]]
        if n > MAX_SHOWN:
            shown.append(f"… and {n - MAX_SHOWN} more.")
        self.body.setText("\n".join(shown))
        self.toggle.setChecked(n <= 3)
        self._toggled(self.toggle.isChecked())
        self.show()

    def notes_text(self) -> str:
        return self.body.text()

    def _toggled(self, on: bool) -> None:
        self.body.setVisible(on)
        self.toggle.setText("Hide notes" if on else "Show notes")

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
