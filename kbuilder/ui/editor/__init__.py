"""The model canvas: a QGraphicsScene that follows the graph, its items and view."""

from kbuilder.ui.editor.scene import LAYER_MIME, CanvasScene
from kbuilder.ui.editor.view import CanvasView

__all__ = ["LAYER_MIME", "CanvasScene", "CanvasView"]
