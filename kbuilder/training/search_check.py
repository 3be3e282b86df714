"""A search space checked against the model, and what the user types for it.

:func:`check_dimension` coerces a :class:`~kbuilder.training.search_space.Dimension`'s
values with the parameter's own rules (the layer catalog's ``ParamSpec``,
or the compile setting's), :func:`check_space` checks every active one
before a search starts.  :func:`parse_search` reads ``kbuilder tune
--search NODE.PARAM=V1,V2,...`` (or ``NAME=LO..HI[:log][:STEP]``) and
:func:`dimension_from_text` what an editor's field holds, both as checked
dimensions.  Every problem is a
:class:`~kbuilder.training.search_space.SearchSpaceError` in one sentence.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

from kbuilder.core.i18n import translate
from kbuilder.core.limits import shown
from kbuilder.layers.catalog import get_catalog
from kbuilder.training.config import OPTIMIZERS
from kbuilder.training.search_space import (
    COMPILE_KEYS,
    MAX_VALUES,
    RANGE_KINDS,
    SEARCHABLE_KINDS,
    Dimension,
    SearchSpace,
    SearchSpaceError,
    check_range,
    value_text,
)


# ------------------------------------------------------------- the model
def check_dimension(dim: Dimension, graph) -> Dimension:
    """``dim`` with its values coerced by the parameter's own rules (the layer
    catalog's ParamSpec, or the compile setting's); SearchSpaceError naming
    what is wrong.  Imports the layer catalog (Keras) for layer parameters."""
    if dim.node_id is None:
        kind = COMPILE_KEYS.get(dim.param)
        if kind is None:
            raise SearchSpaceError(
                translate("training.search_check", "{name} is not a compile setting a search can vary ({settings})")
                .format(name=shown(dim.param), settings=", ".join(COMPILE_KEYS))
            )
        return _coerce(dim, kind, _compile_coerce(dim.param), dim.param)
    if dim.node_id not in graph:
        raise SearchSpaceError(
            translate("training.search_check", "the layer of the searched {param} is no longer in the model").format(
                param=repr(dim.param)
            )
        )
    node = graph.node(dim.node_id)
    where = f"{node.name}.{dim.param}"
    if node.shared_with:
        owner = graph.owner(node)
        raise SearchSpaceError(
            translate("training.search_check", "{layer} reuses the layer {owner}: search {owner}.{param} instead").format(
                layer=node.name, owner=owner.name, param=dim.param
            )
        )
    spec = get_catalog().get(node.class_name) if not node.is_placeholder else None
    pspec = spec.param(dim.param) if spec is not None else None
    if pspec is None:
        raise SearchSpaceError(
            translate("training.search_check", "{layer} ({class_name}) has no parameter {param}").format(
                layer=node.name, class_name=node.class_name, param=shown(dim.param)
            )
        )
    if pspec.kind not in SEARCHABLE_KINDS:
        raise SearchSpaceError(
            translate("training.search_check", "{where} is not a number or a choice, so a search cannot vary it").format(
                where=where
            )
        )
    return _coerce(dim, pspec.kind, pspec.coerce, where)


def check_space(space: SearchSpace, graph) -> list[Dimension]:
    """The active dimensions, checked (:func:`check_dimension`); raises on the
    first problem, or when nothing is searched."""
    dims = [check_dimension(d, graph) for d in space.active(graph)]
    if not dims:
        raise SearchSpaceError(
            translate(
                "training.search_check",
                "nothing is marked to try several values: mark a layer parameter, "
                "the learning rate, the optimizer or the batch size",
            )
        )
    return dims


def _coerce(dim: Dimension, kind: str, coerce, where: str) -> Dimension:
    def one(v):
        try:
            return coerce(v)
        except ValueError as exc:
            raise SearchSpaceError(f"{where}: {exc}") from None

    if dim.is_range:
        if kind not in RANGE_KINDS and kind not in ("float", "int"):
            raise SearchSpaceError(
                translate("training.search_check", "{where} takes a list of values, not a range").format(where=where)
            )
        integer = kind in ("int", "optional_int", "int_tuple")
        lo, hi = one(dim.lo), one(dim.hi)
        if integer and not (isinstance(lo, int) and isinstance(hi, int)):
            raise SearchSpaceError(
                translate("training.search_check", "{where} needs whole numbers at both ends of its range").format(
                    where=where
                )
            )
        step = dim.step
        if step is not None and integer and not dim.log and float(step) != int(step):
            raise SearchSpaceError(
                translate("training.search_check", "{where} needs a whole number step").format(where=where)
            )
        out = replace(
            dim,
            lo=lo,
            hi=hi,
            integer=integer,
            step=None if step is None else (int(step) if integer and not dim.log else float(step)),
        )
        check_range(out, where)
        return out
    values = []
    for v in dim.values:
        c = one(v)
        if c is None or isinstance(c, (list, dict)):
            raise SearchSpaceError(
                translate("training.search_check", "{where}: {value} is not a single number, word or true/false").format(
                    where=where, value=value_text(v)
                )
            )
        if c not in values:
            values.append(c)
    kinds = {_value_kind(v) for v in values}
    if len(kinds) > 1:
        raise SearchSpaceError(
            translate(
                "training.search_check", "{where}: the values must all be numbers, all words or all true/false"
            ).format(where=where)
        )
    if kinds == {"number"} and any(isinstance(v, float) for v in values):
        values = [float(v) for v in values]  # 0 and 0.5 are one kind of value for KerasTuner
    return replace(dim, values=tuple(values))


def _compile_coerce(param: str):
    def learning_rate(v):
        f = _as_float(v)
        if f is None or not (0 < f < 10):
            raise ValueError(
                translate(
                    "training.search_check", "{value} is not a learning rate (a number above 0, such as 0.001)"
                ).format(value=value_text(v))
            )
        return f

    def batch_size(v):
        f = _as_float(v)
        if f is None or f != int(f) or not (1 <= f <= 1_000_000):
            raise ValueError(
                translate("training.search_check", "{value} is not a batch size (a whole number of at least 1)").format(
                    value=value_text(v)
                )
            )
        return int(f)

    def optimizer(v):
        if isinstance(v, str) and v.strip().lower() in OPTIMIZERS:
            return v.strip().lower()
        raise ValueError(
            translate("training.search_check", "{value} is not an optimizer ({optimizers})").format(
                value=value_text(v), optimizers=", ".join(OPTIMIZERS)
            )
        )

    return {"learning_rate": learning_rate, "batch_size": batch_size, "optimizer": optimizer}[param]


# ------------------------------------------------------------ --search text
_SEARCH = re.compile(r"^\s*([^=]+?)\s*=\s*(.+?)\s*$", re.S)


def parse_search(text: str, graph) -> tuple[str, Dimension]:
    """``NODE.PARAM=V1,V2,...`` or ``NAME=LO..HI[:log][:STEP]`` -> (the name as
    given, the checked Dimension).  SearchSpaceError: one sentence."""
    m = _SEARCH.match(text or "")
    if not m:
        raise SearchSpaceError(
            translate("training.search_check", "--search {text} is not NAME=V1,V2,... or NAME=LO..HI[:log]").format(
                text=shown(text)
            )
        )
    name, spec = m.group(1), m.group(2)
    if name in COMPILE_KEYS:
        node_id, param = None, name
    else:
        layer, dot, param = name.rpartition(".")
        if not dot or not layer or not param:
            raise SearchSpaceError(
                translate(
                    "training.search_check",
                    "--search {name}: name a layer parameter as LAYER.PARAM "
                    "(e.g. dense.units) or a compile setting ({settings})",
                ).format(name=shown(name), settings=", ".join(COMPILE_KEYS))
            )
        node = graph.find(layer)
        if node is None:
            names = ", ".join(n.name for n in graph.nodes[:12])
            raise SearchSpaceError(
                translate(
                    "training.search_check", "--search {name}: the model has no layer named {layer} (its layers: {names})"
                ).format(name=shown(name), layer=shown(layer), names=names)
            )
        node_id = node.id
    return name, dimension_from_text(spec, graph, node_id, param, where=f"--search {shown(name)}")


def dimension_from_text(text: str, graph, node_id: str | None, param: str, where: str | None = None) -> Dimension:
    """What the user typed for one parameter ("16, 32, 64" or "1e-4..1e-2:log",
    the ``--search`` syntax after the ``=``) as a checked Dimension; an
    editor's way in.  SearchSpaceError names ``where`` (default: the key)."""
    spec = (text or "").strip()
    if where is None:
        where = Dimension(param, node_id).key(graph) if node_id is None or node_id in graph else param
    if not spec:
        raise SearchSpaceError(
            translate(
                "training.search_check", "{where}: give values such as 16, 32, 64 or a range such as 1e-4..1e-2:log"
            ).format(where=where)
        )
    if ".." in spec:
        lo_text, _, rest = spec.partition("..")
        hi_text, *opts = rest.split(":")
        log, step = False, None
        for opt in (o.strip().lower() for o in opts):
            if opt in ("log", "linear"):
                log = opt == "log"
            elif _as_float(opt) is not None and _as_float(opt) > 0:
                step = _as_float(opt)
            else:
                raise SearchSpaceError(
                    translate(
                        "training.search_check",
                        "{where}: after the range, write :log, :linear or a step such as :16 (not {option})",
                    ).format(where=where, option=shown(opt))
                )
        lo, hi = _as_float(lo_text), _as_float(hi_text)
        if lo is None or hi is None:
            raise SearchSpaceError(
                translate("training.search_check", "{where}: a range is two numbers, LO..HI (got {text})").format(
                    where=where, text=shown(spec)
                )
            )
        dim = Dimension(param, node_id, (), lo, hi, log, step)
    else:
        items = [v.strip() for v in spec.split(",")]
        if not all(items):
            raise SearchSpaceError(
                translate("training.search_check", "{where}: an empty value in {text}").format(
                    where=where, text=shown(spec)
                )
            )
        if len(items) > MAX_VALUES:
            raise SearchSpaceError(
                translate("training.search_check", "{where}: at most {most} values").format(where=where, most=MAX_VALUES)
            )
        dim = Dimension(param, node_id, tuple(_plain(v) for v in items))
    return check_dimension(dim, graph)



# --------------------------------------------------------------- helpers
def _plain(text: str) -> Any:
    """A --search value as JSON would read it: 16 -> int, 0.5 -> float, true -> bool, else the word."""
    low = text.lower()
    if low in ("true", "false"):
        return low == "true"
    try:
        return int(text)
    except ValueError:
        pass
    f = _as_float(text)
    return f if f is not None else text


def _as_float(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    try:
        f = float(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def _value_kind(v: Any) -> str:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    return "text"
