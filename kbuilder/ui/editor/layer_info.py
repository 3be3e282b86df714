"""What the canvas needs to know about a layer class, with or without the
catalog: how many inputs it takes, which parameters to show on the node,
the parameters a fresh layer starts with, and its colour.

The catalog (``kbuilder.layers.catalog``) arrives from a worker thread a few
seconds after start-up; until then the small tables here keep the canvas
honest for the common layers.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QColor

from kbuilder.core.graph import INPUT, PLACEHOLDER

MERGE_LAYERS = {"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot"}
TWO_INPUT_LAYERS = {"Subtract": 2, "Dot": 2}
FALLBACK_PARAMS: dict[str, dict[str, Any]] = {
    INPUT: {"shape": [28, 28], "dtype": "float32"},
    "Dense": {"units": 32},
    "Conv1D": {"filters": 32, "kernel_size": 3},
    "Conv2D": {"filters": 32, "kernel_size": [3, 3]},
    "Dropout": {"rate": 0.5},
    "LSTM": {"units": 32},
    "GRU": {"units": 32},
    "SimpleRNN": {"units": 32},
    "Embedding": {"input_dim": 1000, "output_dim": 32},
    "Activation": {"activation": "relu"},
    "Reshape": {"target_shape": [-1]},
}
FALLBACK_KEYS: dict[str, list[str]] = {
    INPUT: ["shape"],
    "Dense": ["units", "activation"],
    "Conv2D": ["filters", "kernel_size", "activation"],
    "Conv1D": ["filters", "kernel_size", "activation"],
    "Dropout": ["rate"],
    "LSTM": ["units"],
    "GRU": ["units"],
    "Embedding": ["input_dim", "output_dim"],
    "Activation": ["activation"],
    "MaxPooling2D": ["pool_size"],
    "Concatenate": ["axis"],
}

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
        if class_name == INPUT:
            return 0, 0
        spec = self.spec(class_name)
        if spec is not None:
            return int(getattr(spec, "min_inputs", 1) or 0), getattr(spec, "max_inputs", 1)
        if class_name in MERGE_LAYERS:
            n = TWO_INPUT_LAYERS.get(class_name)
            return (2, n) if n else (2, None)
        if class_name == PLACEHOLDER:
            return 0, None
        return 1, 1

    def default_params(self, class_name: str) -> dict[str, Any]:
        spec = self.spec(class_name)
        if spec is not None:
            try:
                return dict(spec.build_params())
            except Exception:  # noqa: BLE001
                pass
        return dict(FALLBACK_PARAMS.get(class_name, {}))

    def key_params(self, class_name: str) -> list[str]:
        spec = self.spec(class_name)
        if spec is not None and getattr(spec, "key_params", None):
            return list(spec.key_params)
        return FALLBACK_KEYS.get(class_name, [])

    def category(self, class_name: str) -> str:
        spec = self.spec(class_name)
        if spec is not None and getattr(spec, "category", None):
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
        spec = self.spec(class_name)
        return str(getattr(spec, "summary", "") or "") if spec is not None else ""


def format_value(value: Any) -> str:
    if isinstance(value, list):
        return "(" + ", ".join("None" if v is None else format_value(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        return str(value.get("class_name", "{…}"))
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def format_shape(shape: Any) -> str:
    if shape is None:
        return ""
    if isinstance(shape, list) and shape and isinstance(shape[0], (list, tuple)):
        return " ".join(format_shape(s) for s in shape)
    items = ["None" if s is None else str(s) for s in shape]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def format_count(n: int | None) -> str:
    if n is None:
        return ""
    return f"{n:,} param" + ("" if n == 1 else "s")
