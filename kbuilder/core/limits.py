"""Budgets for what a file may make kbuilder read and build.

A file from the internet may be tiny and still ask for unbounded work: a
port number of 10**10, 100,000 nested brackets, nested models that each
call the next twice.  Every reader checks these budgets *before* the work,
and refuses with one sentence that names the limit.  Standard library only:
the graph, the project file and the Keras importers share it.

The figures leave a wide margin over real models (the largest Keras
application, NASNetLarge, has about 1,050 layers and nests its config about
15 levels deep) while keeping the worst case cheap: a project at the size
limit parses in well under a second and a few hundred MB.
"""

from __future__ import annotations

import math
from itertools import chain
from typing import Any

from .i18n import translate

MiB = 1024 * 1024

# A .kbproj is read whole; weights live beside it, never inside.  A project
# of 10,000 layers is about 3 MiB; a hostile 8 MiB file of empty objects
# parses into about 300 MB.
MAX_PROJECT_BYTES = 8 * MiB
# Nesting of arrays/objects in any JSON kbuilder reads.  Recursive code
# (copy.deepcopy, json.dumps, Keras's own deserialisation) stays far from
# Python's recursion limit of 1000 below this.
MAX_JSON_DEPTH = 200
# Layers (graph nodes) in one model, counted after nested models are
# unpacked and shared calls expanded; and connections between them.
MAX_LAYERS = 10_000
MAX_EDGES = 4 * MAX_LAYERS
# Input and output port numbers: 0 <= port < MAX_PORTS.  Validation builds
# a set of ports per layer, so a port is a budget on memory too.
MAX_PORTS = 4096
# Nested models unpacked inside one another.
MAX_MODEL_NESTING = 20


def limit_text(n: int) -> str:
    """``10000`` -> ``"10,000"``: limits as people read them."""
    return f"{n:,}"


def kind_of(value: Any) -> str:
    """What a JSON value is, in words, for messages: ``"a list"``, ``"text"``..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return translate("core.limits", "true/false")
    if isinstance(value, (int, float)):
        return translate("core.limits", "a number")
    if isinstance(value, str):
        return translate("core.limits", "text")
    if isinstance(value, (list, tuple)):
        return translate("core.limits", "a list")
    if isinstance(value, dict):
        return translate("core.limits", "an object")
    return type(value).__name__


def shown(value: Any, width: int = 40) -> str:
    """``repr`` cut to ``width`` characters: a message never echoes a
    megabyte of hostile text, and control characters stay escaped."""
    if isinstance(value, str) and len(value) > 4 * width:
        value = value[: 4 * width]
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def json_problem(value: Any, max_depth: int = MAX_JSON_DEPTH, finite: bool = False) -> str | None:
    """Why a parsed JSON value cannot be taken, as a phrase ("its values are
    nested more than 200 levels deep"), or None.  Walks the value one level
    at a time, without recursion, so it is safe on anything ``json.loads``
    returned; also refuses text with lone surrogates, which can be neither
    printed nor saved as UTF-8, and with ``finite`` NaN and infinities.
    Each level is gathered with C-level iteration (``chain``, ``map``)."""
    level: list[Any] = [[value]]
    depth = -1  # the wrapper list above is not the value's
    while level:
        dicts = [x for x in level if isinstance(x, dict)]
        keys = list(chain.from_iterable(dicts))
        items = list(chain.from_iterable(map(dict.values, dicts)))
        if len(dicts) < len(level):
            items += chain.from_iterable(x for x in level if isinstance(x, (list, tuple)))
        problem = _scalar_problem(keys, items, finite)
        if problem:
            return problem
        level = [] if set(map(type, items)) <= _SCALARS else [x for x in items if isinstance(x, (dict, list, tuple))]
        if level:
            depth += 1
            if depth >= max_depth:
                return too_deep(max_depth)
    return None


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _scalar_problem(keys: list[Any], items: list[Any], finite: bool) -> str | None:
    kinds = set(map(type, items))
    texts = keys if set(map(type, keys)) <= {str} else [k for k in keys if isinstance(k, str)]
    if str in kinds:
        texts = [*texts, *(x for x in items if type(x) is str)]
    if texts and not _is_unicode("".join(texts)):
        return translate("core.limits", "it holds text that is not valid Unicode (a lone surrogate)")
    if finite and float in kinds and not all(map(math.isfinite, (x for x in items if type(x) is float))):
        return translate("core.limits", "it holds a number that is not finite (NaN or an infinity)")
    return None


def too_deep(max_depth: int = MAX_JSON_DEPTH) -> str:
    """The phrase for JSON nested past the limit (also what to say when
    ``json.loads`` itself gives up with a RecursionError)."""
    return translate("core.limits", "its values are nested more than {depth} levels deep, kbuilder's limit").format(
        depth=limit_text(max_depth)
    )


def _is_unicode(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
