"""What the canvas needs to know about a layer class, with or without the
catalog: how many inputs it takes, which parameters to show on the node,
the parameters a fresh layer starts with, and its colour.

The answers come from :mod:`kbuilder.layers.basics`: the catalog's when it
has arrived (from a worker thread, a few seconds after start-up), the small
tables of ``kbuilder.layers.overrides`` until then.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from kbuilder.core.graph import INPUT, PLACEHOLDER
from kbuilder.core.i18n import translating
from kbuilder.layers import basics
from kbuilder.layers.basics import catalog_text
from kbuilder.layers.cards import card

_CATEGORY_COLORS = [
    ("input", "#4c9a5b"),
    ("core", "#3d7fc4"),
    ("dense", "#3d7fc4"),
    ("conv", "#8c5cc2"),
    ("pool", "#b05ca8"),
    ("recurr", "#c27a2c"),
    ("rnn", "#c27a2c"),
    ("attention", "#c2572c"),
    ("normal", "#2c9aa0"),
    ("regular", "#7c8a2c"),
    ("dropout", "#7c8a2c"),
    ("merg", "#c23d6b"),
    ("reshap", "#5c6bc2"),
    ("activation", "#2ca06b"),
    ("embed", "#5c8ac2"),
    ("image", "#a0785c"),
    ("preprocess", "#8a7a5c"),
]
_CLASS_HINTS = [
    (r"^Input$", "input"),
    (r"Conv", "conv"),
    (r"Pool", "pool"),
    (r"LSTM|GRU|RNN", "recurr"),
    (r"Attention", "attention"),
    (r"Normalization", "normal"),
    (r"Dropout|Noise", "regular"),
    (r"^(Add|Subtract|Multiply|Average|Maximum|Minimum|Concatenate|Dot)$", "merg"),
    (r"Reshape|Flatten|Permute|Repeat|Cropping|ZeroPadding|UpSampling", "reshap"),
    (r"ReLU|Softmax|Activation|ELU", "activation"),
    (r"Embedding", "embed"),
]

def category_title(category: str) -> str:
    """A catalog category as the user reads it (kbuilder.layers.basics.catalog_text)."""
    return catalog_text(category)


class LayerInfo:
    """Answers the canvas's questions from the catalog when there is one."""

    def __init__(self, catalog: Any = None) -> None:
        self.catalog = catalog

    def spec(self, class_name: str) -> Any:
        if self.catalog is None:
            return None
        try:
            return self.catalog.get(class_name)
        except Exception:  # noqa: BLE001 - a broken spec must not break the canvas
            return None

    def input_range(self, class_name: str) -> tuple[int, int | None]:
        """(min, max) inputs; max None means any number (merge layers)."""
        return basics.input_range(class_name, self.catalog)

    def default_params(self, class_name: str) -> dict[str, Any]:
        return basics.build_params(class_name, self.catalog)

    def key_params(self, class_name: str) -> list[str]:
        return basics.key_params(class_name, self.catalog)

    def category(self, class_name: str) -> str:
        spec = self.spec(class_name)
        if spec is not None and spec.category:
            return str(spec.category)
        for pattern, cat in _CLASS_HINTS:
            if re.search(pattern, class_name):
                return cat
        return "core"

    def color(self, class_name: str) -> QColor:
        cat = self.category(class_name).lower()
        if class_name == INPUT:
            cat = "input"
        for word, color in _CATEGORY_COLORS:
            if word in cat:
                return QColor(color)
        if class_name == PLACEHOLDER:
            return QColor("#808080")
        return QColor("#5a6e8a")

    def summary(self, class_name: str) -> str:
        return layer_summary(class_name, self.spec(class_name))


def layer_summary(class_name: str, spec: Any) -> str:
    """One line on what a layer does: Keras's own first line in English; in
    another language the first sentence of the layer's card, where it has
    one (Keras's docstrings are English)."""
    if translating():
        found = card(class_name)
        if found is not None:
            return re.split(r"(?<=[.!?])\s", found.what.strip(), maxsplit=1)[0]
    return catalog_text(str(spec.summary or "")) if spec is not None else ""


def format_value(value: Any) -> str:
    if isinstance(value, list):
        return "(" + ", ".join("None" if v is None else format_value(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        return str(value.get("class_name", "{…}"))
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def format_shape(shape: Any) -> str:
    """The shape on a layer's box: several outputs side by side, nothing while unknown."""
    return basics.format_shape(shape, joiner=" ", unknown="")


def format_count(n: int | None) -> str:
    """``1,290 params`` under a layer's box (:func:`format_number` alone when room is short)."""
    if n is None:
        return ""
    if n == 1:
        return QCoreApplication.translate("layer_info", "1 param")
    return QCoreApplication.translate("layer_info", "{n} params").format(n=format_number(n))


def format_number(n: int | None) -> str:
    return "" if n is None else f"{n:,}"
