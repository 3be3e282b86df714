"""Parameter values as the Inspector's text fields show and read them:
``28, 28`` for a shape, ``3`` or ``3, 3`` for a size, JSON for the rest.
Plain Python: the parsing rules live apart from the widgets that use them."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from kbuilder.core.i18n import translate


def coerce(spec: Any, value: Any) -> Any:
    """``spec.coerce(value)`` with every failure as ``ValueError`` in plain words."""
    try:
        return spec.coerce(value)
    except ValueError:
        raise
    except (TypeError, OverflowError, KeyError, IndexError) as exc:
        raise ValueError(str(exc) or translate("ui.inspector.value_text", "this value is not accepted")) from None


def show_text(value: Any) -> str:
    """How a value reads in a text field: ``3, 3`` for tuples, ``None`` for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple | list) and all(v is None or isinstance(v, int | float) for v in value):
        return ", ".join("None" if v is None else _num(v) for v in value)
    if isinstance(value, int | float):
        return _num(value)
    if isinstance(value, str):
        return value
    return json.dumps(value)


def _num(v: float | int) -> str:
    if isinstance(v, float):
        return format(v, ".10g") if math.isfinite(v) else str(v)
    return str(v)


_SPLIT = re.compile(r"[\s,]+|(?<=\d)\s*[x×*]\s*(?=\d)")


def parse_int_tuple(text: str) -> int | list[int]:
    """``"3"`` -> 3, ``"3, 3"`` / ``"(3, 3)"`` / ``"3x3"`` -> [3, 3].  Nested
    pairs (``((1, 1), (2, 2))``) are left to ``ParamSpec.coerce``."""
    if text.count("(") + text.count("[") > 1:
        return text
    body = text.strip().strip("()[]").strip()
    if not body:
        raise ValueError(translate("ui.inspector.value_text", "type a whole number, or several separated by commas (3, 3)"))
    parts = [p for p in _SPLIT.split(body) if p]
    out = []
    for p in parts:
        try:
            out.append(int(p))
        except ValueError:
            raise ValueError(translate("ui.inspector.value_text", "{text} is not a whole number; type numbers separated by commas, "
                                       "e.g. 3, 3").format(text=repr(p))) from None
    if len(out) == 1 and "," not in text:
        return out[0]
    return out


def parse_shape(text: str) -> list[int | None]:
    """``"28, 28"`` -> [28, 28]; ``None`` or ``?`` means any length."""
    body = text.strip().strip("()[]").strip()
    if not body:
        return []
    out: list[int | None] = []
    for p in [p for p in re.split(r"[\s,]+", body) if p]:
        if p.lower() in ("none", "?", "null", "-"):
            out.append(None)
            continue
        try:
            out.append(int(p))
        except ValueError:
            raise ValueError(translate("ui.inspector.value_text", "{text} is not a size; type whole numbers separated by commas, "
                                       "None for any length").format(text=repr(p))) from None
    return out


def parse_json_text(text: str) -> Any:
    """JSON if it parses (``0.5``, ``[1, 2]``, ``{"class_name": ...}``), else the text
    itself (``glorot_uniform`` needs no quotes).  Empty: None."""
    t = text.strip()
    if not t:
        return None
    try:
        return json.loads(t)
    except ValueError:
        if t[0] in "[{":
            raise ValueError(translate("ui.inspector.value_text", "this is not valid JSON (check the brackets and quotes)")) from None
        return t
