"""Issue: a roomy window.  At 1360x860 and at 1024x700 no visible field is
narrower than it needs or cut off by what holds it, no panel needs a
horizontal scroll bar, the training curves get their height and the Code
view shows at least 25 lines.  Every mode and every sub-tab is visited by
clicking it, as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QWidget,
)
from ui_window_helpers import click_mode, select_layer, training_panel

SIZES = [(1360, 860, 300), (1024, 700, 220)]  # width, height, least curve height
FIELDS = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractButton)


def visible_fields(root: QWidget) -> list[QWidget]:
    out = []
    for w in root.findChildren(QWidget):
        if isinstance(w, FIELDS) and w.isVisible() and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
            if w.metaObject().className().startswith("Q") and "TabBar" in w.metaObject().className():
                continue
            out.append(w)
    return out


def clipped(widget: QWidget) -> str | None:
    """Why ``widget`` is cut (narrower than its minimum size hint, or
    outside what holds it), else None.  A scroll area's content may run
    below its viewport (that is what scrolling is for), not past its sides."""
    hint = widget.minimumSizeHint()
    if widget.width() < hint.width() - 1:
        return f"{widget.width()} px wide, needs {hint.width()}"
    child, parent = widget, widget.parentWidget()
    rect = QRect(widget.rect())
    while parent is not None and not parent.isWindow():
        rect = QRect(child.mapTo(parent, rect.topLeft()), rect.size())
        inner = parent.rect()
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
            if rect.left() < inner.left() - 1 or rect.right() > inner.right() + 1:
                return f"cut at the sides by the scroll area {parent.parentWidget().objectName()!r}"
            return None
        if not inner.adjusted(-1, -1, 1, 1).contains(rect):
            return f"cut by {parent.metaObject().className()} {parent.objectName()!r}: {rect} not in {inner}"
        child, parent = parent, parent.parentWidget()
    return None


def problems(window) -> list[str]:
    found = []
    for w in visible_fields(window):
        why = clipped(w)
        if why:
            label = getattr(w, "text", lambda: "")() if not isinstance(w, QComboBox) else w.currentText()
            found.append(f"{w.metaObject().className()} {w.objectName()!r} {label!r}: {why}")
    for area in window.findChildren(QScrollArea):  # every panel and form; not the canvas, tables or text
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            owner = area.objectName() or area.parentWidget().objectName()
            found.append(f"{area.metaObject().className()} {owner!r} needs a horizontal scroll bar")
    return found


def tab_widgets(root: QWidget) -> list[QTabWidget]:
    return [t for t in root.findChildren(QTabWidget) if t.isVisible()]


def visit_tabs(qtbot, root: QWidget, seen: list[str]) -> None:
    """Click every tab of every visible tab widget under ``root`` (depth
    first) and collect the problems on each page."""
    for tabs in tab_widgets(root):
        bar = tabs.tabBar()
        for i in range(tabs.count()):
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
            qtbot.wait(20)
            seen.extend(f"[{tabs.tabText(i)}] {p}" for p in problems(root.window()))


@pytest.mark.parametrize("lang", ["en", "ko"])  # Korean is often wider
@pytest.mark.parametrize("width,height,curves", SIZES)
def test_every_mode_fits_the_window(window, qtbot, real_catalog, width, height, curves, lang):
    window._on_catalog(real_catalog)  # the Inspector with the real layer parameters
    window.resize(width, height)
    window.restore_default_layout()
    qtbot.wait(50)
    found: list[str] = []

    select_layer(qtbot, window, "dense")
    qtbot.wait(20)
    found += [f"[Build] {p}" for p in problems(window)]

    click_mode(qtbot, window, "Code")
    editor = window.panels["code"].editor
    qtbot.wait(20)
    lines = editor.viewport().height() // editor.fontMetrics().lineSpacing()
    assert lines >= 25, f"the Code view shows {lines} lines"
    found += [f"[Code] {p}" for p in problems(window)]

    panel = training_panel(qtbot, window)
    qtbot.wait(20)
    panel.tabs.setCurrentWidget(panel.curves)
    assert panel.curves.height() >= curves, f"the curves get {panel.curves.height()} px"
    visit_tabs(qtbot, panel, found)
    assert not found, "\n".join(found)
