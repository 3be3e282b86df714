"""Build the layer specs from Keras itself: ``inspect.signature`` of each
layer's ``__init__`` gives the parameters and defaults, the docstring's
``Args:`` section gives each parameter's help, and :mod:`.overrides` adds
what a beginner needs on top.  Imports Keras (call from a worker thread)."""

from __future__ import annotations

import inspect
import re

from kbuilder.core.i18n import QT_TRANSLATE_NOOP
from kbuilder.layers import overrides as ov
from kbuilder.layers.spec import LayerSpec, ParamSpec, to_json_value

_SECTION = re.compile(r"^(Args|Arguments|Parameters):\s*$")
_ENTRY = re.compile(r"^(\*{0,2}\w+)\s*(\([^)]*\))?:\s*(.*)$")
_QUOTED = re.compile(r'"([A-Za-z0-9_\-]+)`?"')
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z`(])")
_OR_NONE = re.compile(r"\bor `?None`?(\W|$)")
_ABBREVIATIONS = ("a.k.a.", "e.g.", "i.e.", "etc.", "vs.")
_DIMS = re.compile(r"([123])D")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def parse_args(doc: str | None) -> dict[str, str]:
    """The ``Args:`` section of a Google-style docstring as ``{name: raw text}``
    (lines joined; a line starting with ``-`` keeps its own line)."""
    if not doc:
        return {}
    lines = inspect.cleandoc(doc).splitlines()
    out: dict[str, list[str]] = {}
    start = next((i for i, ln in enumerate(lines) if _SECTION.match(ln.strip()) and _indent(ln) <= 4), None)
    if start is None:
        return {}
    base = _indent(lines[start])
    entry_indent = None
    current = None
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        ind = _indent(line)
        if ind <= base:
            break
        if entry_indent is None:
            entry_indent = ind
        m = _ENTRY.match(line.strip()) if ind == entry_indent else None
        if m:
            current = m.group(1).lstrip("*")
            out[current] = [m.group(3)]
        elif current is not None:
            out[current].append(line.strip())
    return {name: _join(parts) for name, parts in out.items()}


def _join(parts: list[str]) -> str:
    text = ""
    for p in parts:
        if not p:
            continue
        if not text:
            text = p
        elif p.startswith("- "):
            text += "\n" + p
        else:
            text += " " + p
    return text.strip()


def plain(text: str) -> str:
    """Help for a tooltip: no Markdown backticks."""
    return text.replace("`", "").strip()


def summary_of(doc: str) -> str:
    """The docstring's first sentence."""
    first = " ".join(doc.strip().split("\n\n", 1)[0].split())
    pieces = _SENTENCE.split(first)
    sentence = pieces[0]
    for piece in pieces[1:]:
        if not sentence.lower().endswith(_ABBREVIATIONS):
            break
        sentence += " " + piece
    sentence = re.sub(r"\.{2,}$", ".", sentence)
    return plain(sentence)


def _help_for(param: str, docs: list[dict[str, str]], shared: dict[str, str]) -> str:
    """From the class's docstrings (its own first, then its bases'), else
    from another layer's docstring, else from the generic table."""
    for d in docs:
        if d.get(param):
            return d[param]
    return shared.get(param) or ov.GENERIC_HELP.get(param, "")


def _doc_choices(raw_help: str) -> list[str]:
    seen: list[str] = []
    for m in _QUOTED.finditer(raw_help):
        if m.group(1) not in seen:
            seen.append(m.group(1))
    return seen


def _tuple_len(class_name: str) -> int | None:
    m = _DIMS.search(class_name)
    return int(m.group(1)) if m else None


class KerasChoices:
    """Choice lists checked against the installed Keras."""

    def __init__(self, k) -> None:
        def valid(getter, names):
            out = []
            for n in names:
                if n is None:
                    continue
                try:
                    if getter(n) is not None:
                        out.append(n)
                except Exception:  # noqa: BLE001 - Keras raises ValueError or TypeError
                    pass
            return out

        extra = sorted(
            n for n in dir(k.activations)
            if not n.startswith("_") and n not in ("get", "serialize", "deserialize") and n not in ov.ACTIVATIONS
        )
        self.activations = valid(k.activations.get, ov.ACTIVATIONS + extra)
        self.initializers = valid(k.initializers.get, ov.INITIALIZERS)
        self.regularizers = valid(k.regularizers.get, ov.REGULARIZERS)
        self.constraints = valid(k.constraints.get, ov.CONSTRAINTS)


def make_param(class_name: str, p: inspect.Parameter, raw_help: str, choices: KerasChoices) -> ParamSpec:
    name = p.name
    forced = ov.class_build_value(class_name, name)
    required = p.default is inspect.Parameter.empty or forced is not None
    if required:
        default = forced if forced is not None else ov.from_table(ov.BUILD_VALUES, class_name, name)
    else:
        default = to_json_value(p.default)
    spec = ParamSpec(name=name, kind="json", default=default, help=plain(raw_help), required=required,
                     advanced=ov.is_advanced(name) and not required)
    # "int or None", "Integer, tuple of integers, or None": None is a value too.
    type_words = raw_help.split(".", 1)[0]
    spec.nullable = (not required) and (default is None or bool(_OR_NONE.search(type_words)))
    lo_hi = ov.from_table(ov.BOUNDS, class_name, name)
    if lo_hi:
        spec.minimum, spec.maximum = lo_hi
    kind = ov.from_table(ov.KINDS, class_name, name)
    lowered = raw_help.lower()
    doc_choices = _doc_choices(raw_help)
    if kind:
        spec.kind = kind
        if kind == "layer":  # a wrapper's inner layer: the classes to offer
            spec.choices = list(ov.from_table(ov.INNER_LAYERS, class_name, name, []))
            spec.allow_other = ov.in_table(ov.INNER_ANY, class_name, name)
    elif name in ov.SHAPE:
        spec.kind = "shape"
    elif ov.in_table(ov.INT_TUPLE, class_name, name):
        spec.kind = "int_tuple"
        if name not in ("shared_axes", "cropping", "padding"):
            spec.tuple_len = _tuple_len(class_name)
    elif name.endswith(("_initializer", "_regularizer", "_constraint")):
        spec.kind, spec.allow_other = "choice", True
        spec.choices = {"_initializer": choices.initializers, "_regularizer": choices.regularizers,
                        "_constraint": choices.constraints}["_" + name.rsplit("_", 1)[1]]
    elif name in ("activation", "recurrent_activation"):
        spec.kind, spec.choices = "choice", choices.activations
    elif name in ov.CHOICES:
        spec.kind = "choice"
        spec.choices = [c for c in ov.CHOICES[name] if c is not None]
        if len(doc_choices) >= 2 and (default is None or default in doc_choices):
            spec.choices = doc_choices
        spec.nullable = spec.nullable or None in ov.CHOICES[name]
    elif isinstance(default, bool):
        spec.kind = "bool"
    elif isinstance(default, int):
        spec.kind = "int_tuple" if "tuple" in lowered else "int"
    elif isinstance(default, float):
        spec.kind = "json" if "tuple" in lowered else "float"
    elif isinstance(default, str):
        if len(doc_choices) >= 2 and default in doc_choices:
            spec.kind, spec.choices = "choice", doc_choices
            spec.nullable = spec.nullable or "`none`" in lowered
        else:
            spec.kind = "str"
    elif isinstance(default, list):
        flat = [x for v in default for x in (v if isinstance(v, list) else [v])]
        spec.kind = "int_tuple" if flat and all(isinstance(x, int) and not isinstance(x, bool) for x in flat) \
            else "json"
    elif default is None and not required:
        first = lowered.split(".", 1)[0]
        if "tuple" in lowered or "list" in lowered:
            spec.kind = "json"
        elif re.search(r"\b(int|integer)\b", first):
            spec.kind = "optional_int"
        elif re.search(r"\bfloat\b", first):
            spec.kind = "optional_float"
    if spec.kind == "choice" and default is not None and default not in spec.choices:
        if isinstance(default, str) and default.lower() in [str(c).lower() for c in spec.choices]:
            spec.default = next(c for c in spec.choices if str(c).lower() == default.lower())
        else:
            spec.choices = [default] + list(spec.choices)
    if spec.kind == "choice" and default is None:
        spec.nullable = True
    return spec


def _category(cls: type) -> str:
    if cls.__name__ in ov.CLASS_CATEGORIES:
        return ov.CLASS_CATEGORIES[cls.__name__]
    module = cls.__module__.removeprefix("keras.src.layers.")
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        cat = ov.MODULE_CATEGORIES.get(".".join(parts[:n]))
        if cat:
            return cat
    return QT_TRANSLATE_NOOP("layers.catalog", "Other")


def _key_params(class_name: str, params: list[ParamSpec]) -> list[str]:
    if class_name in ov.KEY_PARAMS:
        return list(ov.KEY_PARAMS[class_name])
    keys = [p.name for p in params if p.required]
    if any(p.name == "activation" and not p.required for p in params):
        keys.append("activation")
    if not keys:
        first = next((p for p in params if not p.advanced), None)
        if first is not None and first.kind != "bool":
            keys.append(first.name)
    return keys[:3]


def layer_classes(k) -> dict[type, list[str]]:
    """Every public ``keras.layers`` class that is a Layer, with its names
    (the canonical ``__name__`` first, then aliases)."""
    found: dict[type, list[str]] = {}
    for name in sorted(dir(k.layers)):
        obj = getattr(k.layers, name)
        if name.startswith("_") or not inspect.isclass(obj) or not issubclass(obj, k.layers.Layer):
            continue
        found.setdefault(obj, []).append(name)
    for cls, names in found.items():
        names.sort(key=lambda n: (n != cls.__name__, n))
    return found


def spec_for(
    cls: type,
    names: list[str],
    choices: KerasChoices,
    merge_base: type | None = None,
    shared_help: dict[str, dict[str, str]] | None = None,
) -> tuple[LayerSpec | None, str | None]:
    """The spec of one layer class, or (None, why it is left out).  The spec's
    ``class_name`` is the public name (``getattr(keras.layers, class_name)``
    works); a different ``__name__``, which saved configs use, is an alias."""
    class_name = cls.__name__ if cls.__name__ in names else names[0]
    if class_name in ov.EXCLUDED:
        return None, ov.EXCLUDED[class_name]
    try:
        sig = inspect.signature(cls.__init__)
    except (TypeError, ValueError):
        return None, QT_TRANSLATE_NOOP("layers.catalog", "no readable signature")
    docs = [parse_args(c.__doc__) for c in cls.__mro__ if c.__module__.startswith("keras")]
    params: list[ParamSpec] = []
    for p in list(sig.parameters.values())[1:]:
        if p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL) or p.name in ov.SKIP:
            continue
        if p.default is p.empty and not ov.in_table(ov.BUILD_VALUES, class_name, p.name):
            return None, f"needs a {p.name!r} that kbuilder cannot provide"
        try:
            params.append(make_param(class_name, p, _help_for(p.name, docs, (shared_help or {}).get(_category(cls), {})), choices))
        except ValueError:
            if p.default is p.empty:
                return None, f"{p.name!r} is not a JSON value"
            continue  # an odd default (an object): leave it to Keras
    doc = inspect.cleandoc(cls.__doc__ or "")
    arity = ov.ARITY.get(class_name) or ov.ARITY.get(cls.__name__)
    if arity is None:
        if merge_base is not None and issubclass(cls, merge_base):
            arity = (2, None, "list", [])
        else:
            arity = (1, 1, "single", [])
    spec = LayerSpec(
        class_name=class_name,
        category=_category(cls),
        summary=summary_of(doc) if doc else class_name,
        doc=doc,
        params=params,
        min_inputs=arity[0],
        max_inputs=arity[1],
        input_mode=arity[2],
        input_names=list(arity[3]),
        beginner=class_name in ov.BEGINNER,
        key_params=_key_params(class_name, params),
        aliases=[n for n in names if n != class_name] + ([cls.__name__] if cls.__name__ != class_name else []),
        build_values={p.name: p.default for p in params if p.required},
        module=cls.__module__,
    )
    return spec, None


def input_spec() -> LayerSpec:
    """The pseudo layer for a model input (``keras.Input``)."""
    return LayerSpec(
        class_name="Input",
        category="Core",
        summary=QT_TRANSLATE_NOOP("layers.catalog", "A model input: where the data comes in."),
        doc=QT_TRANSLATE_NOOP(
            "layers.catalog",
            "A model input, `keras.Input(shape=..., dtype=...)`.\n\nIts shape is the shape of one sample, "
            "without the batch size: 784 for flattened 28x28 images, 28, 28, 1 for images, None for "
            "sequences of any length.",
        ),
        params=[
            ParamSpec("shape", "shape", list(ov.INPUT_SHAPE), help=ov.GENERIC_HELP["shape"], required=True, minimum=1),
            ParamSpec("dtype", "choice", "float32", choices=list(ov.INPUT_DTYPES),
                      help=QT_TRANSLATE_NOOP("layers.catalog", "Type of the values: float32 for most data, "
                                             "int32/int64 for token ids, string for raw text.")),
        ],
        min_inputs=0,
        max_inputs=0,
        input_mode="single",
        beginner=True,
        key_params=list(ov.KEY_PARAMS["Input"]),
        build_values={"shape": list(ov.INPUT_SHAPE)},
        module="keras",
    )


def live_params(k, params: dict) -> dict:
    """``params`` as constructor arguments: a wrapper's inner layer config
    (``{"class_name": "LSTM", "config": {...}}``) becomes the layer."""
    out = {}
    for key, value in params.items():
        if isinstance(value, dict) and isinstance(value.get("class_name"), str) and isinstance(value.get("config"), dict):
            value = getattr(k.layers, value["class_name"])(**value["config"])
        out[key] = value
    return out


def _drop_refused_choices(k, cls: type, spec: LayerSpec) -> None:
    """Docstrings sometimes offer more than the code takes (RandomZoom's
    "mirror" fill mode): keep the choices the constructor accepts."""
    for p in spec.params:
        if p.kind != "choice" or p.allow_other or p.name in ("activation", "recurrent_activation"):
            continue
        kept = []
        for value in p.choices or []:
            if value != p.default:
                try:
                    cls(**live_params(k, {**spec.build_params(), p.name: value}))
                except Exception:  # noqa: BLE001 - Keras raises ValueError, NotImplementedError, ...
                    continue
            kept.append(value)
        p.choices = kept


def _merge_base(k) -> type | None:
    """Keras's private base class of Add, Concatenate, ...: merges take a list of inputs."""
    try:
        from keras.src.layers.merging.base_merge import Merge  # noqa: PLC0415
    except ImportError:
        return None
    return Merge


def build_specs(k) -> tuple[list[LayerSpec], dict[str, str]]:
    """All specs (Input first) and ``{class name: why left out}``."""
    choices = KerasChoices(k)
    merge_base = _merge_base(k)
    classes = layer_classes(k)
    # Help a layer's own docstring forgets is taken from a layer of the same
    # category only: "mask_value" means one thing to Masking, another to Hashing.
    shared_help: dict[str, dict[str, str]] = {}
    for cls in classes:
        for name, text in parse_args(cls.__doc__).items():
            shared_help.setdefault(_category(cls), {}).setdefault(name, text)
    specs = [input_spec()]
    skipped: dict[str, str] = {}
    for cls, names in classes.items():
        spec, why = spec_for(cls, names, choices, merge_base, shared_help)
        if spec is None:
            skipped[cls.__name__] = why or QT_TRANSLATE_NOOP("layers.catalog", "left out")
            continue
        try:
            cls(**live_params(k, spec.build_params()))
        except Exception as e:  # noqa: BLE001 - any failure means the palette cannot offer it
            skipped[cls.__name__] = f"cannot be built with its defaults: {e}"
            continue
        _drop_refused_choices(k, cls, spec)
        specs.append(spec)
    return specs, skipped

