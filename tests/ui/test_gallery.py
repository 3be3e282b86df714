"""The template gallery (issue 9): a list that reads, a preview centred in
its pane that grows with it, and layers that show their settings, or their
output shapes once the window's shape inference can give them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics

from kbuilder.core.graph import Graph
from kbuilder.keras_io.shapes import NodeInfo
from kbuilder.project.templates import list_templates
from kbuilder.ui.window.gallery import TemplatesDialog

LEFT = Qt.MouseButton.LeftButton
LINE_ROLE = Qt.ItemDataRole.UserRole + 1


class _ChainShapes:
    """Output shapes worked out by hand for Input and Dense layers (UI tests
    import no TensorFlow); what a real ShapeInference gives for those."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def refresh(self) -> dict:
        shapes: dict = {}
        for node in self.graph.nodes:  # the templates list a node after its inputs
            ins = [shapes.get(e.src) for e in self.graph.in_edges(node.id)]
            if node.is_input:
                shapes[node.id] = (None, *node.params["shape"])
            elif node.class_name == "Dense" and ins and ins[0]:
                shapes[node.id] = (*ins[0][:-1], node.params["units"])
            else:
                shapes[node.id] = ins[0] if ins else None
        return {nid: NodeInfo(output_shape=shape) for nid, shape in shapes.items()}


@pytest.fixture
def analyzers(analyzers):
    analyzers.inference = _ChainShapes
    return analyzers


def _open(qtbot, parent=None) -> TemplatesDialog:
    dialog = TemplatesDialog(parent)
    qtbot.addWidget(dialog)
    dialog.resize(960, 680)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click(qtbot, dialog: TemplatesDialog, title: str) -> None:
    item = next(dialog.list.item(i) for i in range(dialog.list.count()) if dialog.list.item(i).text() == title)
    dialog.list.scrollToItem(item)
    qtbot.mouseClick(dialog.list.viewport(), LEFT, pos=dialog.list.visualItemRect(item).center())
    assert dialog.list.currentItem() is item


def _drawing(label) -> QRect:
    """Where the diagram is on the label as it shows on screen: the box
    around every pixel that is not the white background (nor the border)."""
    image = label.grab().toImage()
    white = QColor("#ffffff").rgb()
    xs, ys = [], []
    for y in range(2, image.height() - 2, 2):
        for x in range(2, image.width() - 2, 2):
            if image.pixel(x, y) != white:
                xs.append(x)
                ys.append(y)
    return QRect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _texts(dialog: TemplatesDialog) -> dict[str, list[str]]:
    """What each layer of the preview wrote, by layer name."""
    return {item.name: item.drawn for item in dialog.preview.scene.nodes.values()}


def test_the_list_shows_each_title_over_a_line_of_description(qtbot):
    dialog = _open(qtbot)
    templates = list_templates()
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [t.title for t in templates]
    line = QFontMetrics(dialog.list.font()).height()
    for i, t in enumerate(templates):
        item = dialog.list.item(i)
        assert item.icon().isNull()  # no thumbnails too small to read
        assert item.data(LINE_ROLE) == t.description.splitlines()[0]
        assert dialog.list.visualItemRect(item).height() >= 2 * line + 8  # two lines of text, with room


def test_the_preview_is_centred_grows_with_its_pane_and_shows_settings(qtbot):
    dialog = _open(qtbot)
    _click(qtbot, dialog, "Functional API MLP")
    label = dialog.preview
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    box = _drawing(label)
    assert abs(box.left() - (label.width() - box.right())) <= 6  # centred across
    assert abs(box.top() - (label.height() - box.bottom())) <= 6  # and down
    assert box.height() >= 0.8 * label.height()  # as large as the pane allows
    texts = _texts(dialog)
    assert "units=32, activation=relu" in texts["dense"] and "units=10, activation=softmax" in texts["dense_2"]
    assert "shape=(64,)" in texts["features"]
    assert not any("shape …" in t or "shape ..." in t for lines in texts.values() for t in lines)
    _click(qtbot, dialog, "Age, income and gender (three outputs)")  # a tall one
    tall = _drawing(label)
    dialog.resize(1300, 900)
    qtbot.waitUntil(lambda: _drawing(label).height() > tall.height() * 1.2)
    bigger = _drawing(label)
    assert abs(bigger.left() - (label.width() - bigger.right())) <= 6


def test_the_preview_shows_output_shapes_from_the_windows_inference(window, qtbot):
    dialog = _open(qtbot, window)
    _click(qtbot, dialog, "Functional API MLP")
    qtbot.waitUntil(lambda: "→ (None, 10)" in _texts(dialog)["dense_2"])
    texts = _texts(dialog)
    assert "→ (None, 64)" in texts["features"] and "→ (None, 32)" in texts["dense_1"]
    assert "units=10, activation=softmax" in texts["dense_2"]  # the settings stay
    assert "output shape" in dialog.text.text()

