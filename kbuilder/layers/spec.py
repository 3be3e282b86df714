"""What the catalog knows about a layer and its parameters: plain data, no Keras.

:class:`ParamSpec` describes one constructor argument (its kind decides the
inspector's editor) and turns what a user typed into the JSON value a
``Node.params`` entry holds (:meth:`ParamSpec.coerce`).  :class:`LayerSpec`
describes one layer class.  Both round-trip through plain dicts so the
catalog can be cached as JSON and read before TensorFlow has loaded.
"""

from __future__ import annotations

import ast
import json
import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any

KINDS = (
    "int",
    "float",
    "bool",
    "str",
    "choice",
    "int_tuple",  # an int, or a tuple of ints (nested pairs for padding/cropping)
    "shape",  # a tuple of ints where None means "any length"
    "optional_int",
    "optional_float",
    "json",  # any JSON value, edited as text
    "layer",  # a wrapper's inner layer: {"class_name": "LSTM", "config": {...}}; choices = classes to offer
)


# Shapes whose entries may be None ("any length"); Reshape and Permute take -1 or axes instead.
NONE_OK_SHAPES = frozenset({"shape", "noise_shape", "output_shape"})


def to_json_value(value: Any) -> Any:
    """Tuples become lists, recursively; raises ValueError if ``value`` is not JSON."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError("not a JSON value")
        return value
    if isinstance(value, (list, tuple)):
        return [to_json_value(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: to_json_value(v) for k, v in value.items()}
    # numpy scalars and the like
    item = getattr(value, "item", None)
    if callable(item) and getattr(value, "shape", None) == ():
        return to_json_value(item())
    raise ValueError(f"{type(value).__name__} is not a JSON value")


def _parse_text(text: str) -> Any:
    """What a user typed into a text box: JSON first, then Python literals
    (``(3, 3)``, ``None``, ``True``), else the text itself."""
    s = text.strip()
    if s == "":
        return None
    try:
        return json.loads(s)
    except (ValueError, RecursionError):
        pass
    try:
        return ast.literal_eval(s)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        pass
    if "," in s:  # "3, 3" or "28, 28, None"
        try:
            return ast.literal_eval("(" + s + ",)")
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            pass
    return text


def _whole(value: Any) -> int | None:
    """``value`` as an int if it is a whole number (``3``, ``3.0``, ``"3"``), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            f = _number(value)
            return _whole(f) if f is not None else None
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        f = float(value)
    elif isinstance(value, str):
        try:
            f = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return None if math.isnan(f) or math.isinf(f) else f


@dataclass
class ParamSpec:
    name: str
    kind: str
    default: Any = None
    choices: list[Any] | None = None
    help: str = ""
    advanced: bool = False
    required: bool = False
    nullable: bool = False
    # Beyond the shared contract: bounds for numbers (per element for tuples
    # and shapes), the tuple length a 2D layer expects, and whether a choice
    # list is only a suggestion (initializers also take a Keras config dict).
    minimum: float | None = None
    maximum: float | None = None
    tuple_len: int | None = None
    allow_other: bool = False

    # -------------------------------------------------------------- coerce
    def coerce(self, value: Any) -> Any:
        """Normalise ``value`` (text from an editor, or a JSON value) to what
        ``Node.params`` stores; raise ValueError in plain words if it cannot be."""
        if isinstance(value, str) and self.kind not in ("str", "choice"):
            text = value
            value = _parse_text(text)
            if value is None and self.kind == "shape" and text.strip():
                value = [None]  # "None": one axis of any length
        elif isinstance(value, str) and value.strip().lower() in ("", "none") and self.nullable:
            value = None
        if value is None:
            if self.nullable or self.kind in ("optional_int", "optional_float", "json"):
                return None
            raise ValueError(f"{self.name} needs a value")
        method = getattr(self, "_coerce_" + self.kind, None)
        if method is None:
            raise ValueError(f"{self.name} has an unknown kind {self.kind!r}")
        try:
            return method(value)
        except RecursionError:
            raise ValueError(f"{self.name} is nested too deeply") from None

    def _range_words(self, whole: bool) -> str:
        lo, hi = self.minimum, self.maximum
        fmt = (lambda v: str(int(v))) if whole else (lambda v: f"{v:g}")
        if lo is not None and hi is not None:
            return f" between {fmt(lo)} and {fmt(hi)}"
        if lo is not None:
            return f" of at least {fmt(lo)}"
        if hi is not None:
            return f" of at most {fmt(hi)}"
        return ""

    def _in_range(self, v: float) -> bool:
        return (self.minimum is None or v >= self.minimum) and (self.maximum is None or v <= self.maximum)

    def _coerce_int(self, value: Any) -> int:
        v = _whole(value)
        if v is None or not self._in_range(v):
            raise ValueError(f"{self.name} must be a whole number{self._range_words(True)}")
        return v

    _coerce_optional_int = _coerce_int

    def _coerce_float(self, value: Any) -> float | int:
        v = _number(value)
        if v is None or not self._in_range(v):
            raise ValueError(f"{self.name} must be a number{self._range_words(False)}")
        return v

    _coerce_optional_float = _coerce_float

    def _coerce_bool(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in ("true", "yes", "on", "1", "false", "no", "off", "0"):
            return value.strip().lower() in ("true", "yes", "on", "1")
        raise ValueError(f"{self.name} must be true or false")

    def _coerce_str(self, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(f"{self.name} must be text")
        return value

    def _coerce_choice(self, value: Any) -> Any:
        choices = [c for c in (self.choices or []) if c is not None]
        if isinstance(value, str):
            s = value.strip()
            for c in choices:  # "RELU" -> "relu"; "false" -> False for use_cudnn's ["auto", True, False]
                if str(c).lower() == s.lower():
                    return c
            if self.allow_other and s:
                return s
        elif value in choices:
            return value
        elif self.allow_other and isinstance(value, dict) and "class_name" in value:
            return to_json_value(value)
        shown = ", ".join(str(c) for c in choices[:8]) + (", ..." if len(choices) > 8 else "")
        raise ValueError(f"{self.name} must be one of: {shown}")

    def _int_items(self, items: list[Any], allow_none: bool) -> list[Any]:
        out = []
        for item in items:
            if item is None and allow_none:
                out.append(None)
                continue
            v = _whole(item)
            if v is None or not self._in_range(v):
                raise ValueError("bad item")
            out.append(v)
        return out

    def _coerce_int_tuple(self, value: Any) -> int | list[Any]:
        n = self.tuple_len
        words = f"a whole number{self._range_words(True)}"
        words += f", or {n} of them" if n else ", or several of them separated by commas"
        single = _whole(value)
        if single is not None:
            if not self._in_range(single):
                raise ValueError(f"{self.name} must be {words}")
            return single
        if not isinstance(value, (list, tuple)) or not value:
            raise ValueError(f"{self.name} must be {words}")
        try:
            if all(isinstance(v, (list, tuple)) for v in value):  # ((top, bottom), (left, right))
                out: list[Any] = [self._int_items(list(v), False) for v in value]
                if any(len(v) != 2 for v in out):
                    raise ValueError("not pairs")
            else:
                out = self._int_items(list(value), False)
        except ValueError:
            raise ValueError(f"{self.name} must be {words}") from None
        if n and len(out) != n:
            raise ValueError(f"{self.name} must be {words}")
        return out

    def _coerce_shape(self, value: Any) -> list[Any]:
        if _whole(value) is not None:
            value = [value]
        words = "whole numbers separated by commas, such as 28, 28"
        if self.minimum is not None and self.minimum <= 0:
            words += f" (each at least {int(self.minimum)})"
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"{self.name} must be {words}")
        try:
            return self._int_items(list(value), allow_none=self.name in NONE_OK_SHAPES)
        except ValueError:
            raise ValueError(f"{self.name} must be {words}") from None

    def _coerce_layer(self, value: Any) -> dict[str, Any]:
        """A layer config ``{"class_name": "LSTM", "config": {"units": 32}}``
        (a class name alone means its defaults).  Only ``class_name`` and
        ``config`` are kept; the class must be one of ``choices`` unless
        ``allow_other``.  Whether Keras takes the config is the build's word."""
        if isinstance(value, str):
            value = {"class_name": value.strip(), "config": {}}
        words = f"{self.name} must be a layer such as {{\"class_name\": \"LSTM\", \"config\": {{\"units\": 32}}}}"
        if not isinstance(value, dict):
            raise ValueError(words)
        cls, config = value.get("class_name"), value.get("config", {})
        if not (isinstance(cls, str) and cls.isidentifier()) or not isinstance(config, dict):
            raise ValueError(words)
        choices = [c for c in (self.choices or []) if isinstance(c, str)]
        if choices and not self.allow_other and cls not in choices:
            raise ValueError(f"{self.name} must be one of: {', '.join(choices)}")
        try:
            return {"class_name": cls, "config": to_json_value(config)}
        except ValueError:
            raise ValueError(f"{self.name}'s settings must be plain values such as numbers, text or lists") from None

    def _coerce_json(self, value: Any) -> Any:
        try:
            return to_json_value(value)
        except ValueError:
            raise ValueError(f"{self.name} must be a plain value such as a number, text or a list") from None

    # -------------------------------------------------------------- JSON
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ParamSpec:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class LayerSpec:
    class_name: str
    category: str
    summary: str = ""
    doc: str = ""
    params: list[ParamSpec] = field(default_factory=list)
    min_inputs: int = 1
    max_inputs: int | None = 1
    beginner: bool = False
    key_params: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    # Beyond the shared contract: the names of the inputs, for port labels,
    # and how the layer takes them: "single" (one tensor), "list"
    # (``layer([a, b])``, merges and Attention) or "args" (``layer(query,
    # value, key)``, MultiHeadAttention).  ``module`` is where Keras defines it.
    input_names: list[str] = field(default_factory=list)
    input_mode: str = "single"
    build_values: dict[str, Any] = field(default_factory=dict)
    module: str = ""

    def param(self, name: str) -> ParamSpec | None:
        for p in self.params:
            if p.name == name:
                return p
        return None

    def build_params(self) -> dict[str, Any]:
        """The values a node needs so the layer can be constructed: the
        beginner override for each required parameter (``Dense`` ->
        ``{"units": 32}``)."""
        return json.loads(json.dumps(self.build_values))

    def defaults(self) -> dict[str, Any]:
        """Every parameter with a default, at that default (JSON values)."""
        return {p.name: p.default for p in self.params if not p.required}

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["params"] = [p.to_dict() for p in self.params]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LayerSpec:
        names = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in names}
        kw["params"] = [ParamSpec.from_dict(p) for p in d.get("params", [])]
        return cls(**kw)
