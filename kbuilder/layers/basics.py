"""What kbuilder knows about a layer class, with or without the catalog.

The catalog (:mod:`kbuilder.layers.catalog`) is the source of every fact
about a layer: it is read from Keras by introspection.  It takes a few
seconds to arrive (a worker thread builds or reads it), and the Qt-free core
never imports it; until then, and for classes it does not know, the small
tables of :mod:`kbuilder.layers.overrides` answer.  Every part of the app
asks these functions, so a fact has one answer before and after the catalog:

* :func:`input_range`: how many inputs a class takes (``(min, max)``, max
  None for any number);
* :func:`is_merge`: whether it takes a list of two or more tensors;
* :func:`build_params`: the values a fresh node of the class starts with;
* :func:`key_params`: the parameters shown on its box.

Pass the catalog when you have one (``catalog.get(name)`` is asked); None
uses the tables.  No Keras is imported here.
"""

from __future__ import annotations

import copy
from typing import Any

from kbuilder.core.graph import INPUT, PLACEHOLDER
from kbuilder.core.i18n import translate

from . import overrides as ov


def _spec(class_name: str, catalog: Any) -> Any:
    if catalog is None:
        return None
    try:
        return catalog.get(class_name)
    except Exception:  # noqa: BLE001 - a broken catalog must not break the app
        return None


def input_range(class_name: str, catalog: Any = None) -> tuple[int, int | None]:
    """(min, max) inputs of ``class_name``; max None means any number."""
    if class_name == INPUT:
        return 0, 0
    if class_name == PLACEHOLDER:
        return 0, None  # whatever the original layer took: the file says
    spec = _spec(class_name, catalog)
    if spec is not None and spec.min_inputs is not None:
        lo, hi = int(spec.min_inputs), spec.max_inputs
    elif class_name in ov.ARITY:
        lo, hi = ov.ARITY[class_name][:2]
    elif class_name in ov.MERGE_LAYERS:
        lo, hi = 2, None
    else:
        lo, hi = 1, 1
    if class_name in ov.MERGE_LAYERS:
        lo = max(lo, 2)  # a merge of one tensor is never meant
    return lo, hi


def is_merge(class_name: str, catalog: Any = None) -> bool:
    """Whether the layer combines a list of tensors (Add, Concatenate, ...)."""
    if class_name in ov.MERGE_LAYERS:
        return True
    lo, hi = input_range(class_name, catalog)
    return class_name not in ov.ARITY and class_name != PLACEHOLDER and hi is None


def input_mode(class_name: str, catalog: Any = None) -> str:
    """How the layer takes several inputs: ``"list"`` (``layer([a, b])``,
    merges, Attention), ``"args"`` (``layer(query, value, key)``,
    MultiHeadAttention) or ``"single"`` (one tensor)."""
    spec = _spec(class_name, catalog)
    if spec is not None:
        return spec.input_mode
    if class_name in ov.ARITY:
        return ov.ARITY[class_name][2]
    return "list" if is_merge(class_name) else "single"


def arity(catalog: Any = None):
    """``input_range`` bound to ``catalog``: the ``arity`` argument of
    :func:`kbuilder.core.validate.check_structure` and ``Graph.can_connect``."""
    return lambda class_name: input_range(class_name, catalog)


def build_params(class_name: str, catalog: Any = None) -> dict[str, Any]:
    """The parameters a freshly placed ``class_name`` node starts with, so
    that Keras can build it (``Dense`` -> ``{"units": 32}``)."""
    spec = _spec(class_name, catalog)
    if spec is not None:
        return spec.build_params()
    if class_name == INPUT:
        return {"shape": list(ov.INPUT_SHAPE), "dtype": "float32"}
    return {
        name: copy.deepcopy(ov.from_table(ov.BUILD_VALUES, class_name, name))
        for name in ov.REQUIRED_BEFORE_CATALOG.get(class_name, [])
    }


def key_params(class_name: str, catalog: Any = None) -> list[str]:
    """The parameters worth showing on the layer's box."""
    spec = _spec(class_name, catalog)
    if spec is not None and spec.key_params:
        return list(spec.key_params)
    return list(ov.KEY_PARAMS.get(class_name) or ov.REQUIRED_BEFORE_CATALOG.get(class_name, []))


def format_shape(shape: Any, joiner: str = ", ", unknown: str = "?") -> str:
    """A shape as Keras prints it: ``(None, 28, 28)``, ``(None,)`` for one
    axis; a layer with several outputs gives each, separated by ``joiner``;
    an unknown shape (None) is ``unknown``."""
    if shape is None:
        return unknown
    if isinstance(shape, str):
        return shape
    if isinstance(shape, list | tuple) and shape and all(isinstance(s, list | tuple) for s in shape):
        return joiner.join(format_shape(s, joiner, unknown) for s in shape)
    if isinstance(shape, list | tuple):
        inner = ", ".join("None" if d is None else str(int(d)) for d in shape)
        return f"({inner},)" if len(shape) == 1 else f"({inner})"
    return str(shape)


def catalog_text(text: str) -> str:
    """A text of the catalog as the user reads it: a category name
    ("Pooling"), a parameter's help, a layer's summary or documentation, the
    reason a class is left out.  The words kbuilder wrote itself (the
    ``"layers.catalog"`` marks of :mod:`.overrides` and :mod:`.introspect`)
    come back in the user's language; what Keras's docstrings say comes back
    as it is.  The catalog (and its cache) keeps the English: categories are
    also keys."""
    if not isinstance(text, str) or not text:
        return text
    return translate("layers.catalog", text)
