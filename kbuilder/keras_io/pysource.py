"""Python source a beginner can read, formatted as ``ruff format`` writes it.

The pieces the code exporters (:mod:`~kbuilder.keras_io.codegen`,
:mod:`~kbuilder.keras_io.codegen_custom`, the search script) write with:
:func:`literal` / :func:`string_literal` for values, a small expression tree
(:class:`Group`: calls, lists, tuples, dicts) that :func:`render` puts on one
line when it fits in ``LINE`` columns and otherwise explodes one item per
line with a trailing comma, and :func:`identifier` for names that must be
valid, unreserved Python identifiers.

Safety: a value from the user (a name, a string or dict parameter, a
parameter key) is always written as a literal or a sanitised identifier,
never pasted as code.
"""

from __future__ import annotations

import builtins
import keyword
import math
import re
import unicodedata
from typing import Any

LINE = 88
#: Parameters written first, in this order; the rest follow alphabetically.
_FIRST = (
    "units filters kernel_size pool_size size strides padding rate target_shape dims axis "
    "input_dim output_dim activation return_sequences"
).split()
#: Names a keras.Model already uses: a layer attribute must not replace them.
MODEL_ATTRS = frozenset(
    """add_loss add_metric add_variable add_weight build build_from_config call compile compile_from_config
    compiled_loss compiled_metrics compute_dtype compute_loss compute_mask compute_metrics compute_output_shape
    compute_output_spec count_params distribute_reduction_method distribute_strategy dtype dtype_policy evaluate
    export fit from_config get_build_config get_compile_config get_config get_layer get_metrics_result
    get_quantization_layer_structure get_state_tree get_weights input input_dtype input_spec jit_compile layers
    load_own_variables load_weights loss losses make_predict_function make_test_function make_train_function
    metrics metrics_names metrics_variables non_trainable_variables non_trainable_weights output path predict
    predict_on_batch predict_step quantization_mode quantize quantized_build quantized_call rematerialized_call
    reset_metrics run_eagerly save save_own_variables save_weights set_state_tree set_weights stateless_call
    stateless_compute_loss summary supports_masking symbolic_call test_on_batch test_step to_json
    train_on_batch train_step trainable trainable_variables trainable_weights variable_dtype variables weights
    name built optimizer inputs outputs stop_training history autocast seed_generator steps_per_execution
    compiled trainable_weights loss_tracker""".split()
)
#: Names an identifier never takes: Python's own, and the exported module's.
RESERVED = frozenset(
    set(keyword.kwlist)
    | set(keyword.softkwlist)
    | set(dir(builtins))
    | {"keras", "layers", "build_model", "model", "inputs", "outputs", "self", "kwargs", "x"}
)


# ------------------------------------------------------------------ literals
def literal(value: Any) -> str:
    """Python source for a JSON-like value, formatted as ruff would."""
    return render(expr(value), 0)


def string_literal(text: str) -> str:
    """A string literal with ruff's quote preference (double quotes unless
    that needs more escapes).  ``ast.literal_eval`` gives ``text`` back."""
    quote = '"' if text.count('"') <= text.count("'") else "'"
    out = []
    for ch in text:
        if ch == quote:
            out.append("\\" + ch)
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "'\"":
            out.append(ch)
        else:
            out.append(repr(ch)[1:-1])
    return quote + "".join(out) + quote


# ------------------------------------------------------------------ expressions
# An expression tree small enough to format like ruff: atoms, and bracketed
# groups (calls, lists, tuples, dicts) whose items may be split one per line.
class Group:
    def __init__(self, opening: str, items: list, closing: str, one_tuple: bool = False) -> None:
        self.opening = opening  # "layers.Dense(", "[", "{", "("
        self.items = items  # each: str | Group | (prefix str, Group | str)
        self.closing = closing
        self.one_tuple = one_tuple


def expr(value: Any):
    """A JSON-like value as an expression: an atom (str) or a :class:`Group`."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(int(value))
    if isinstance(value, float):
        if math.isnan(value):
            return 'float("nan")'
        if math.isinf(value):
            return 'float("inf")' if value > 0 else 'float("-inf")'
        return repr(value).replace("e+", "e")  # ruff writes 1e16, not 1e+16
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, dict):
        layer = _layer_call(value)
        if layer is not None:
            return layer
        return Group("{", [(string_literal(str(k)) + ": ", expr(v)) for k, v in value.items()], "}")
    if isinstance(value, (list, tuple)):
        items = [expr(v) for v in value]
        if is_tuple_like(value):
            return Group("(", items, ")", one_tuple=len(items) == 1)
        return Group("[", items, "]")
    return string_literal(str(value))


def _layer_call(value: dict) -> Group | None:
    """A serialised Keras layer inside a parameter (Bidirectional's ``layer``,
    an RNN's ``cell``) as constructor code: ``layers.LSTM(units=4, ...)``."""
    cls = value.get("class_name")
    config = value.get("config")
    if value.get("module") != "keras.layers" or not isinstance(config, dict) or not isinstance(cls, str):
        return None
    if not (cls.isidentifier() and cls.isascii() and not keyword.iskeyword(cls)):
        return None
    return call_expr("layers." + cls, [], ordered_kwargs(config))


def ordered_kwargs(params: dict[str, Any]) -> list[tuple[str, Any]]:
    """Keyword arguments in a stable order: the usual first ones, the rest
    alphabetically, ``name`` last."""
    rest = {k: v for k, v in params.items() if k != "name"}
    rank = {k: i for i, k in enumerate(_FIRST)}
    keys = sorted(rest, key=lambda k: (rank.get(k, len(rank)), k))
    out = [(k, expr(rest[k])) for k in keys]
    if "name" in params:
        out.append(("name", expr(params["name"])))
    return out


def is_tuple_like(value: Any) -> bool:
    """Shapes and sizes read best as tuples: ``(3, 3)``."""
    return bool(value) and all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in value)


def flat(e) -> str:
    """An expression on one line."""
    if isinstance(e, str):
        return e
    if isinstance(e, tuple):
        return e[0] + flat(e[1])
    inner = ", ".join(flat(i) for i in e.items)
    if e.one_tuple:
        inner += ","
    return e.opening + inner + e.closing


def render(e, indent: int, prefix: str = "", suffix: str = "") -> str:
    """``prefix + e + suffix`` at ``indent`` spaces: one line if it fits,
    else ``e``'s brackets exploded (recursively) with trailing commas."""
    one_line = prefix + flat(e) + suffix
    if isinstance(e, tuple):
        return render(e[1], indent, prefix + e[0], suffix)
    if isinstance(e, str) or indent + width(one_line) <= LINE or not e.items:
        return one_line
    pad = " " * (indent + 4)
    lines = [prefix + e.opening]
    for item in e.items:
        lines.append(pad + render(item, indent + 4, "", ","))
    lines.append(" " * indent + e.closing + suffix)
    return ("\n").join(lines)


def width(text: str) -> int:
    """Columns ``text`` takes, as ruff counts them: East Asian wide and
    full-width characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def call_expr(func: str, args: list, kwargs: list[tuple[str, Any]]) -> Group:
    """``func(args..., key=value...)``; a key that is not an identifier goes in ``**{...}``."""
    items: list = list(args)
    for key, value in kwargs:
        if key.isidentifier() and key.isascii() and not keyword.iskeyword(key):
            items.append((key + "=", value))
        else:
            items.append(("**", Group("{", [(string_literal(key) + ": ", value)], "}")))
    return Group(func + "(", items, ")")


def statement(lines: list[str], indent: int, prefix: str, e, suffix: str = "") -> None:
    """Append ``prefix + e + suffix`` at ``indent`` to ``lines``, rendered."""
    lines.append(" " * indent + render(e, indent, prefix, suffix))


def comment_name(name: str) -> str:
    """A name as it may appear in a comment: an escaped literal (no line breaks)."""
    return string_literal(name)


# ------------------------------------------------------------------ names
def identifier(name: str, taken: set[str], reserved: frozenset[str] = RESERVED) -> str:
    """A valid Python identifier for ``name``, not in ``taken`` or ``reserved``; added to ``taken``."""
    base = re.sub(r"[^0-9A-Za-z_]+", "_", name).strip("_") or "layer"
    base = re.sub(r"_+", "_", base)
    if base[0].isdigit():
        base = "layer_" + base
    if base in reserved:
        base += "_"
    ident = base
    i = 2
    while ident in taken or ident in reserved or keyword.iskeyword(ident):
        ident = f"{base}_{i}"
        i += 1
    taken.add(ident)
    return ident


def class_identifier(name: str) -> str:
    """``name`` as a CapWords class name that shadows nothing."""
    parts = re.split(r"[^0-9A-Za-z]+", name)
    base = "".join(p[:1].upper() + p[1:] for p in parts if p) or "Model"
    if base[0].isdigit():
        base = "Model" + base
    if base in RESERVED or base in ("Model", "Input", "Sequential"):
        base += "Model"
    return base

