"""The mouse wheel never changes a field the user is not editing.

Scrolling a form with the wheel used to change whichever combo or spin box
passed under the pointer ("Shares weights with" switched silently).  One
application-wide event filter makes every combo box, spin box and slider
take the wheel only once it has the keyboard focus (a click or Tab gives
it); until then the wheel scrolls the panel around it, as it would over a
label.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def _guarded(obj: QObject) -> bool:
    """A field whose value the wheel would change (a scroll bar is no field)."""
    if not isinstance(obj, GUARDED):
        return False
    parent = obj.parent()
    return not (isinstance(obj, QAbstractSlider) and isinstance(parent, QWidget)
                and parent.objectName() in ("qt_scrollarea_vcontainer", "qt_scrollarea_hcontainer"))


class WheelGuard(QObject):
    """Installed on the QApplication by :func:`install`."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Polish and _guarded(obj):
            # Wheel focus would give the field the focus on the first turn of the wheel.
            if obj.focusPolicy() & Qt.FocusPolicy.WheelFocus == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and _guarded(obj) and not obj.hasFocus():
            self._scroll_around(obj, event)
            return True
        return False

    @staticmethod
    def _scroll_around(widget: QWidget, event: QWheelEvent) -> None:
        """Give the turn to the scroll area that holds ``widget``, if any."""
        area = widget.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            return
        viewport = area.viewport()
        pos = viewport.mapFromGlobal(event.globalPosition().toPoint())
        forwarded = QWheelEvent(pos.toPointF(), event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                                event.buttons(), event.modifiers(), event.phase(), event.inverted())
        QApplication.sendEvent(viewport, forwarded)


_GUARD: WheelGuard | None = None


def install(app: QApplication) -> WheelGuard:
    """Install the guard once on ``app`` (idempotent)."""
    global _GUARD
    if _GUARD is None:
        _GUARD = WheelGuard()
        app.installEventFilter(_GUARD)
    return _GUARD
