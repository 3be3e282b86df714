"""The layer palette: loading state, every catalog layer reachable, the
beginner set first, search, and what a drag / double-click carries."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_canvas_helpers import double_click

from kbuilder.ui.editor.palette import COMMON, ROLE_CLASS, PalettePanel
from kbuilder.ui.editor.scene import LAYER_MIME


def visible_leaves(panel):
    return [i.data(0, ROLE_CLASS) for i in panel.leaf_items() if not i.isHidden() and not i.parent().isHidden()]


def test_loading_then_filled(qtbot, monkeypatch, catalog):
    import kbuilder.ui.editor.palette as cat_mod  # where the palette asks for the cached catalog

    monkeypatch.setattr(cat_mod, "load_catalog_fast", lambda: None)
    panel = PalettePanel()
    qtbot.addWidget(panel)
    assert panel.tree.topLevelItemCount() == 1
    assert panel.tree.topLevelItem(0).text(0) == "Loading layers…"
    panel.set_catalog(catalog)
    assert panel.tree.topLevelItem(0).text(0) != "Loading layers…"


def test_cached_catalog_fills_at_once(qtbot, monkeypatch, catalog):
    import kbuilder.ui.editor.palette as cat_mod  # where the palette asks for the cached catalog

    monkeypatch.setattr(cat_mod, "load_catalog_fast", lambda: catalog)
    panel = PalettePanel()
    qtbot.addWidget(panel)
    assert panel.catalog is catalog and panel.leaf_items()


def test_every_layer_reachable_beginners_first(qtbot, catalog):
    panel = PalettePanel()
    qtbot.addWidget(panel)
    panel.set_catalog(catalog)
    wanted = {s.class_name for _, specs in catalog.by_category() for s in specs}
    shown = {i.data(0, ROLE_CLASS) for i in panel.leaf_items()}
    assert wanted <= shown
    beginners = [s.class_name for _, specs in catalog.by_category() for s in specs if getattr(s, "beginner", False)]
    if beginners:
        first = panel.tree.topLevelItem(0)
        assert first.text(0) == COMMON and first.isExpanded()
        assert [first.child(i).data(0, ROLE_CLASS) for i in range(first.childCount())] == beginners
        assert "Dense" in beginners


def test_search_filters_and_enter_adds_first_match(qtbot, catalog):
    panel = PalettePanel()
    qtbot.addWidget(panel)
    panel.set_catalog(catalog)
    qtbot.keyClicks(panel.search, "conv2")
    shown = visible_leaves(panel)
    assert "Conv2D" in shown and "Dense" not in shown
    assert len(shown) == len(set(shown))  # the beginner group hides while searching
    with qtbot.waitSignal(panel.layer_activated) as sig:
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert sig.args[0] in shown
    panel.search.clear()
    assert "Dense" in visible_leaves(panel)


def test_drag_carries_the_class_name_and_double_click_activates(qtbot, catalog):
    panel = PalettePanel()
    qtbot.addWidget(panel)
    panel.set_catalog(catalog)
    panel.resize(260, 600)
    panel.show()
    qtbot.waitExposed(panel)
    mime = panel.mime_for("Dense")
    assert bytes(mime.data(LAYER_MIME).data()).decode() == "Dense"
    item = panel.find_item("Dense")
    panel.tree.scrollToItem(item)
    with qtbot.waitSignal(panel.layer_activated) as sig:
        double_click(qtbot, panel.tree.viewport(), panel.tree.visualItemRect(item).center())
    assert sig.args == ["Dense"]


def test_every_control_has_a_tooltip(qtbot, catalog):
    panel = PalettePanel()
    qtbot.addWidget(panel)
    panel.set_catalog(catalog)
    assert panel.search.toolTip() and panel.tree.toolTip()
    assert all(i.toolTip(0) for i in panel.leaf_items())
