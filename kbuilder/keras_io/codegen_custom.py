"""Stub classes for custom layers in the exported code.

A layer whose class Keras does not know (the user's own ``MyScale``) is a
placeholder that keeps the settings the file saved
(:func:`kbuilder.layers.allowed.custom_layer_class`).  The exported code
declares a class of that name -- a ``keras.layers.Layer`` with an
``__init__`` taking those settings, a ``get_config`` returning them and a
``call`` to fill in -- and creates the layer with its saved settings, so the
module is valid Python and keeps every value; only ``call`` (and ``build``
for weights) is the user's to write.  One class per original class name,
shared by all its layers.
"""

from __future__ import annotations

import keyword
from typing import Any

from kbuilder.core.graph import Graph, Node
from kbuilder.layers.allowed import custom_layer_class, saved_settings

from .custom_code import ORIGINS
from .pysource import MODEL_ATTRS, RESERVED, Group, call_expr, ordered_kwargs, statement, string_literal

# Names a stub class must not take (the module's own, Python's, Keras's).
_TAKEN = frozenset({"keras", "layers", "build_model", "Model", "Input", "Sequential", "Layer"})


def custom_classes(graph: Graph, order: list[Node], taken: set[str]) -> dict[str, str]:
    """Owner node id -> the identifier of its class, for every custom layer
    placeholder (a stub class) and every layer of a class the user loaded
    (:mod:`~kbuilder.keras_io.custom_code`: imported from its file); adds
    the identifiers to ``taken``."""
    by_class: dict[str, str] = {}
    out: dict[str, str] = {}
    for node in order:
        owner = graph.owner(node)
        cls = custom_layer_class(owner) or (owner.class_name if _imported(owner.class_name) else None)
        if cls is None or owner.id in out:
            continue
        if cls not in by_class:
            ident = cls
            while ident in taken or ident in RESERVED or ident in _TAKEN or keyword.iskeyword(ident):
                ident += "Layer"
            taken.add(ident)
            by_class[cls] = ident
        out[owner.id] = by_class[cls]
    return out


def _imported(class_name: str) -> bool:
    """A class of the user's that the exported code can import from its file."""
    origin = ORIGINS.get(class_name)
    return origin is not None and origin.stem.isidentifier() and not keyword.iskeyword(origin.stem)


def imports(graph: Graph, custom: dict[str, str]) -> list[str]:
    """``from my_layers import MyScale`` for the user's loaded classes."""
    out = []
    for owner_id, ident in custom.items():
        cls = graph.node(owner_id).class_name
        if _imported(cls):
            line = f"from {ORIGINS[cls].stem} import {cls}" + (f" as {ident}" if ident != cls else "")
            if line not in out:
                out.append(line)
    return out


def settings(node: Node) -> dict[str, Any]:
    """The settings a custom layer is created with: a placeholder's saved
    ones named like Python arguments (the others are listed in a comment
    of its stub class), or a loaded class's parameters."""
    if not node.is_placeholder:
        return dict(node.params)
    return {k: v for k, v in saved_settings(node).items() if _argument(k)}


def _argument(key: str) -> bool:
    return key.isidentifier() and key.isascii() and not keyword.iskeyword(key) and key not in ("self", "kwargs")


def layer_call(node: Node, ident: str):
    """``MyScale(factor=3.0, name="my_scale")`` as an expression group."""
    return call_expr(ident, [], ordered_kwargs({**settings(node), "name": node.name}))


def stub_classes(graph: Graph, custom: dict[str, str]) -> list[list[str]]:
    """The lines of each stub class, in the order of first use."""
    keys: dict[str, list[str]] = {}
    left_out: dict[str, list[str]] = {}
    original: dict[str, str] = {}
    for owner_id, ident in custom.items():
        node = graph.node(owner_id)
        if not node.is_placeholder:
            continue  # the user's class, imported from its file
        original.setdefault(ident, str(custom_layer_class(node)))
        for key in saved_settings(node):
            target = keys if _argument(key) else left_out
            if key not in target.setdefault(ident, []):
                target[ident].append(key)
    out = []
    for ident in original:
        names = keys.get(ident, [])
        attrs = {k: (k if k not in MODEL_ATTRS else f"{k}_") for k in names}
        lines = [f"class {ident}(keras.layers.Layer):"]
        lines.append(
            f'    """TODO: the custom layer {original[ident]} -- kbuilder read its settings from the file, not'
        )
        lines.append("    its code.  Write build() (for weights) and call(), or import your own class instead.")
        lines.append('    """')
        lines.append("")
        for key in left_out.get(ident, []):
            lines.append(f"    # Left out (not a Python argument name): the setting {string_literal(key)}.")
        statement(lines, 4, "", Group("def __init__(", ["self", *[f"{k}=None" for k in names], "**kwargs"], "):"))
        lines.append("        super().__init__(**kwargs)")
        lines += [f"        self.{attrs[k]} = {k}" for k in names]
        lines += ["", "    def call(self, inputs):"]
        message = f"{original[ident]}.call: write the code of this custom layer."
        lines.append(f"        raise NotImplementedError({string_literal(message)})")
        lines += ["", "    def get_config(self):", "        config = super().get_config()"]
        if names:
            items = [(string_literal(k) + ": ", f"self.{attrs[k]}") for k in names]
            statement(lines, 8, "", Group("config.update(", [Group("{", items, "}")], ")"))
        lines.append("        return config")
        out.append(lines)
    return out
