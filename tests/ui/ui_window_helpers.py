"""Helpers for tests that drive the main window as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt


def click_mode(qtbot, window, title: str) -> None:
    """Click the mode button with ``title`` (Build, Code, Train) on the Modes
    toolbar, as a user would."""
    from PySide6.QtWidgets import QToolBar

    bar = window.findChild(QToolBar, "toolbar_modes")
    name = {"Build": "build", "Code": "code", "Train": "training", "Experiments": "experiments"}[title]
    action = next(a for a in bar.actions() if a.objectName() == f"action_mode_{name}")  # any language
    if not any("\uac00" <= ch <= "\ud7a3" for ch in action.text()):  # in English, the title the user sees
        assert action.text().replace("&", "") == title
    qtbot.mouseClick(bar.widgetForAction(action), Qt.MouseButton.LeftButton)
    assert action.isChecked()
    assert window.mode() == {"Build": "build", "Code": "code", "Train": "training", "Experiments": "experiments"}[title]


WAIT = 120_000


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text: str) -> None:
    """Click into a field, select what is there, type, press Enter."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def training_panel(qtbot, window):
    """The Train mode, shown by clicking its tab, once its panel is built."""
    qtbot.waitUntil(lambda: "training" in window.panels, timeout=60_000)
    click_mode(qtbot, window, "Train")
    return window.panels["training"]


def train_digits(qtbot, panel, epochs: int = 1) -> None:
    """Choose the bundled digits, set the epochs, press Train and wait for the end."""
    combo = panel.settings.dataset
    combo.setCurrentIndex(combo.findData("sklearn:digits"))
    panel.settings.epochs.setValue(epochs)
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: panel.result is not None and not panel.busy, timeout=WAIT)


def select_layer(qtbot, window, name: str) -> None:
    """Click the layer's box on the canvas."""
    node = window.graph.find(name)
    item = window.scene.nodes[node.id]
    window.view.ensureVisible(item)
    pos = window.view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.scene.selected_node_ids() == [node.id]
