"""Models the training tests share."""

from __future__ import annotations

from kbuilder.core.graph import Graph


def digits_graph() -> Graph:
    """A small MLP for scikit-learn's 8×8 digits as rows of 64 numbers."""
    g = Graph("digits_mlp")
    x = g.add_input((64,), name="img")
    h = g.add("Dense", name="dense", inputs=[x], units=16, activation="relu")
    g.add("Dense", name="out", inputs=[h], units=10, activation="softmax")
    return g
