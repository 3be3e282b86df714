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
        self.toggle.setText(self.tr("Show notes"))
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(self.tr("Show or hide what the import translated or left out"))
        self.toggle.toggled.connect(self._toggled)
        top.addWidget(self.toggle)
        close = QToolButton()
        close.setObjectName("notes_close")
        close.setText(self.tr("Close"))
        close.setToolTip(self.tr("Put the notes away"))
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
        if saved:
            title = (self.tr("{name} was saved with 1 note: what it could not keep.") if n == 1 else
                     self.tr("{name} was saved with {n} notes: what it could not keep."))
        else:
            title = (self.tr("{name} was imported with 1 note: what kbuilder translated or could not keep.") if n == 1
                     else self.tr("{name} was imported with {n} notes: what kbuilder translated or could not keep."))
        self.title.setText(title.format(name=name, n=n))
        shown = [f"• {note}" for note in notes[:MAX_SHOWN]]
        if n > MAX_SHOWN:
            shown.append(self.tr("… and {n} more.").format(n=n - MAX_SHOWN))
        self.body.setText("\n".join(shown))
        self.toggle.setChecked(n <= 3)
        self._toggled(self.toggle.isChecked())
        self.show()

    def notes_text(self) -> str:
        return self.body.text()

    def _toggled(self, on: bool) -> None:
        self.body.setVisible(on)
        self.toggle.setText(self.tr("Hide notes") if on else self.tr("Show notes"))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
