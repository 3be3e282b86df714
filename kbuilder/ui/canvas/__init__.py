"""The model canvas: a QGraphicsScene that follows the graph, its items and view."""

from .scene import LAYER_MIME, CanvasScene
from .view import CanvasView

__all__ = ["LAYER_MIME", "CanvasScene", "CanvasView"]
