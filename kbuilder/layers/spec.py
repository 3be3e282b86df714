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

from kbuilder.core.i18n import translate

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
            raise ValueError(translate("layers.spec", "{name} needs a value").format(name=self.name))
        method = getattr(self, "_coerce_" + self.kind, None)
        if method is None:
            raise ValueError(f"{self.name} has an unknown kind {self.kind!r}")  # a catalog bug, not the user's
        try:
            return method(value)
        except RecursionError:
            raise ValueError(translate("layers.spec", "{name} is nested too deeply").format(name=self.name)) from None

    def _bounds(self, whole: bool) -> dict[str, str]:
        """The bounds as text, for the ``{low}``/``{high}`` of a message."""
        fmt = (lambda v: str(int(v))) if whole else (lambda v: f"{v:g}")
        return {
            "low": "" if self.minimum is None else fmt(self.minimum),
            "high": "" if self.maximum is None else fmt(self.maximum),
        }

    def _which_range(self) -> str:
        """"both", "low", "high" or "none": which bounds the parameter has."""
        lo, hi = self.minimum is not None, self.maximum is not None
        return "both" if lo and hi else "low" if lo else "high" if hi else "none"

    def _whole_number_words(self) -> str:
        """"{name} must be a whole number ..." with the range, as one sentence."""
        text = {
            "both": translate("layers.spec", "{name} must be a whole number between {low} and {high}"),
            "low": translate("layers.spec", "{name} must be a whole number of at least {low}"),
            "high": translate("layers.spec", "{name} must be a whole number of at most {high}"),
            "none": translate("layers.spec", "{name} must be a whole number"),
        }[self._which_range()]
        return text.format(name=self.name, **self._bounds(True))

    def _number_words(self) -> str:
        text = {
            "both": translate("layers.spec", "{name} must be a number between {low} and {high}"),
            "low": translate("layers.spec", "{name} must be a number of at least {low}"),
            "high": translate("layers.spec", "{name} must be a number of at most {high}"),
            "none": translate("layers.spec", "{name} must be a number"),
        }[self._which_range()]
        return text.format(name=self.name, **self._bounds(False))

    def _int_tuple_words(self) -> str:
        """"{name} must be a whole number ..., or {count} of them" as one sentence."""
        which = self._which_range()
        if self.tuple_len:
            text = {
                "both": translate("layers.spec", "{name} must be a whole number between {low} and {high}, or {count} of them"),
                "low": translate("layers.spec", "{name} must be a whole number of at least {low}, or {count} of them"),
                "high": translate("layers.spec", "{name} must be a whole number of at most {high}, or {count} of them"),
                "none": translate("layers.spec", "{name} must be a whole number, or {count} of them"),
            }[which]
        else:
            text = {
                "both": translate(
                    "layers.spec",
                    "{name} must be a whole number between {low} and {high}, or several of them separated by commas",
                ),
                "low": translate(
                    "layers.spec", "{name} must be a whole number of at least {low}, or several of them separated by commas"
                ),
                "high": translate(
                    "layers.spec", "{name} must be a whole number of at most {high}, or several of them separated by commas"
                ),
                "none": translate("layers.spec", "{name} must be a whole number, or several of them separated by commas"),
            }[which]
        return text.format(name=self.name, count=self.tuple_len, **self._bounds(True))

    def _in_range(self, v: float) -> bool:
        return (self.minimum is None or v >= self.minimum) and (self.maximum is None or v <= self.maximum)

    def _coerce_int(self, value: Any) -> int:
        v = _whole(value)
        if v is None or not self._in_range(v):
            raise ValueError(self._whole_number_words())
        return v

    _coerce_optional_int = _coerce_int

    def _coerce_float(self, value: Any) -> float | int:
        v = _number(value)
        if v is None or not self._in_range(v):
            raise ValueError(self._number_words())
        return v

    _coerce_optional_float = _coerce_float

    def _coerce_bool(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in ("true", "yes", "on", "1", "false", "no", "off", "0"):
            return value.strip().lower() in ("true", "yes", "on", "1")
        raise ValueError(translate("layers.spec", "{name} must be true or false").format(name=self.name))

    def _coerce_str(self, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(translate("layers.spec", "{name} must be text").format(name=self.name))
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
        raise ValueError(translate("layers.spec", "{name} must be one of: {choices}").format(name=self.name, choices=shown))

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
        single = _whole(value)
        if single is not None:
            if not self._in_range(single):
                raise ValueError(self._int_tuple_words())
            return single
        if not isinstance(value, (list, tuple)) or not value:
            raise ValueError(self._int_tuple_words())
        try:
            if all(isinstance(v, (list, tuple)) for v in value):  # ((top, bottom), (left, right))
                out: list[Any] = [self._int_items(list(v), False) for v in value]
                if any(len(v) != 2 for v in out):
                    raise ValueError("not pairs")
            else:
                out = self._int_items(list(value), False)
        except ValueError:
            raise ValueError(self._int_tuple_words()) from None
        if n and len(out) != n:
            raise ValueError(self._int_tuple_words())
        return out

    def _coerce_shape(self, value: Any) -> list[Any]:
        if _whole(value) is not None:
            value = [value]
        if self.minimum is not None and self.minimum <= 0:
            words = translate(
                "layers.spec", "{name} must be whole numbers separated by commas, such as 28, 28 (each at least {low})"
            ).format(name=self.name, low=int(self.minimum))
        else:
            words = translate("layers.spec", "{name} must be whole numbers separated by commas, such as 28, 28").format(
                name=self.name
            )
        if not isinstance(value, (list, tuple)):
            raise ValueError(words)
        try:
            return self._int_items(list(value), allow_none=self.name in NONE_OK_SHAPES)
        except ValueError:
            raise ValueError(words) from None

    def _coerce_layer(self, value: Any) -> dict[str, Any]:
        """A layer config ``{"class_name": "LSTM", "config": {"units": 32}}``
        (a class name alone means its defaults).  Only ``class_name`` and
        ``config`` are kept; the class must be one of ``choices`` unless
        ``allow_other``.  Whether Keras takes the config is the build's word."""
        if isinstance(value, str):
            value = {"class_name": value.strip(), "config": {}}
        words = translate(
            "layers.spec", "{name} must be a layer such as {example}"
        ).format(name=self.name, example='{"class_name": "LSTM", "config": {"units": 32}}')
        if not isinstance(value, dict):
            raise ValueError(words)
        cls, config = value.get("class_name"), value.get("config", {})
        if not (isinstance(cls, str) and cls.isidentifier()) or not isinstance(config, dict):
            raise ValueError(words)
        choices = [c for c in (self.choices or []) if isinstance(c, str)]
        if choices and not self.allow_other and cls not in choices:
            raise ValueError(
                translate("layers.spec", "{name} must be one of: {choices}").format(name=self.name, choices=", ".join(choices))
            )
        try:
            return {"class_name": cls, "config": to_json_value(config)}
        except ValueError:
            raise ValueError(
                translate("layers.spec", "{name}'s settings must be plain values such as numbers, text or lists").format(
                    name=self.name
                )
            ) from None

    def _coerce_json(self, value: Any) -> Any:
        try:
            return to_json_value(value)
        except ValueError:
            raise ValueError(
                translate("layers.spec", "{name} must be a plain value such as a number, text or a list").format(
                    name=self.name
                )
            ) from None

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
