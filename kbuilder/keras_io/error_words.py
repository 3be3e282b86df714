"""Keras exceptions in plain words.

Keras and TensorFlow report a beginner's mistake (an image layer after a
Dense, a kernel larger than its input, a Reshape that changes the number of
values) in an exception text meant for Keras developers.
:func:`explain_error` turns the ones a beginner meets into one sentence about
the layer and what to do; :func:`keras_message` strips Keras's wrapper text,
colours and TensorFlow's op names, and :func:`first_line` keeps the first
line.  Used by :mod:`~kbuilder.keras_io.build`,
:mod:`~kbuilder.keras_io.shapes` and :mod:`~kbuilder.keras_io.check`.
"""

from __future__ import annotations

import ast
import re

from kbuilder.core.i18n import translate
from kbuilder.layers.basics import format_shape
from kbuilder.layers.catalog import get_catalog

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def keras_message(exc: BaseException) -> str:
    """The useful part of a Keras exception text (no wrapper, no colours)."""
    text = _ANSI.sub("", str(exc))
    if "Exception encountered: " in text:  # from_config wrapper
        text = text.split("Exception encountered: ", 1)[1]
    if text.startswith("Exception encountered when calling"):
        text = text.split("\n", 1)[1] if "\n" in text else text
    text = text.split("Arguments received by", 1)[0]
    text = _TF_NOISE.sub("", text)  # TensorFlow's "{{function_node ...}}" and "[Op:Mul] name:"
    return text.strip()


_TF_NOISE = re.compile(r"\{\{function_node [^}]*\}\}\s*|\s*\[Op:\w+\](?: name:.*)?")


def first_line(exc: BaseException) -> str:
    text = keras_message(exc)
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return type(exc).__name__


def _parse_shape(text: str):
    try:
        return ast.literal_eval(text.strip().rstrip("."))
    except Exception:
        return None


_IMAGE_LAYERS = re.compile(
    r"(Conv2D|Conv2DTranspose|SeparableConv2D|DepthwiseConv2D|Pooling2D|UpSampling2D|ZeroPadding2D|Cropping2D)"
)
_SEQ_LAYERS = re.compile(r"(LSTM|GRU|SimpleRNN|Conv1D|Pooling1D|RNN|Bidirectional)")


def _and(items: list[str]) -> str:
    """``a and b and c`` in the user's language."""
    if not items:
        return ""
    text = items[0]
    for item in items[1:]:
        text = translate("keras_io.error_words", "{first} and {second}").format(first=text, second=item)
    return text


def _ndim_sentence(cls: str, expected: int, found: int, shape: str) -> str:
    if expected == 4 and found < expected and _IMAGE_LAYERS.search(cls):
        return translate(
            "keras_io.error_words",
            "{cls} expects images shaped (height, width, channels) but receives {shape}. "
            "Insert a Reshape before it, e.g. to (28, 28, 1) for 28x28 grey images.",
        ).format(cls=cls, shape=shape)
    if expected == 4 and _IMAGE_LAYERS.search(cls):
        return translate(
            "keras_io.error_words",
            "{cls} expects images shaped (height, width, channels) but receives {shape}. Insert a Reshape before it.",
        ).format(cls=cls, shape=shape)
    if expected == 3 and (_SEQ_LAYERS.search(cls) or "1D" in cls):
        if found > 3:
            return translate(
                "keras_io.error_words",
                "{cls} expects a sequence shaped (steps, features) but receives {shape}. "
                "Insert a Reshape before it, e.g. to (28, 28) for 28x28 images.",
            ).format(cls=cls, shape=shape)
        return translate(
            "keras_io.error_words",
            "{cls} expects a sequence shaped (steps, features) but receives {shape}. "
            "Insert a Reshape (e.g. to (28, 28)) or an Embedding before it.",
        ).format(cls=cls, shape=shape)
    if found > expected:
        return translate(
            "keras_io.error_words",
            "{cls} expects inputs with {count} dimension(s) per sample but receives {shape}. "
            "Insert a Flatten or a pooling layer before it.",
        ).format(cls=cls, count=expected - 1, shape=shape)
    return translate(
        "keras_io.error_words",
        "{cls} expects inputs with {count} dimension(s) per sample but receives {shape}. Insert a Reshape before it.",
    ).format(cls=cls, count=expected - 1, shape=shape)


def explain_error(
    exc: BaseException,
    class_name: str,
    input_shapes: list | None = None,
    params: dict | None = None,
    input_dtypes: list[str] | None = None,
) -> str:
    """One beginner sentence for a Keras exception raised by ``class_name``
    (``input_dtypes``: what a test run fed it, when known)."""
    msg = keras_message(exc)
    cls = class_name
    shapes = [s for s in (input_shapes or [])]
    both = _and([format_shape(s) for s in shapes]) if shapes else ""

    if shapes and shapes[0] is not None and len(shapes[0]) != 4 and _category(cls) == "Image preprocessing":
        return translate(
            "keras_io.error_words",
            "{cls} works on images shaped (height, width, channels) but receives {shape}. "
            "Use it right after an image Input (e.g. shape [28, 28, 1]), or remove it.",
        ).format(cls=cls, shape=format_shape(shapes[0]))
    if shapes and shapes[0] is not None and "channel" in msg and _category(cls) == "Image preprocessing":
        return translate(
            "keras_io.error_words",
            "{cls} works on grey (1 channel) or colour (3 channels) images, and some of its effects on colour "
            "images only, but receives {shape}. Remove it, or give the Input 1 or 3 channels.",
        ).format(cls=cls, shape=format_shape(shapes[0]))
    m = re.search(r"expected (?:min_|max_)?ndim=(\d+), found ndim=(\d+)\. Full shape received: (\(.*?\))", msg)
    if m:
        return _ndim_sentence(cls, int(m.group(1)), int(m.group(2)), m.group(3))
    m = (
        re.search(r"Value for attr 'T' of (\w+) is not in the list of allowed values", msg)
        or re.search(r"Cannot convert \S+ to EagerTensor of dtype (\w+)", msg)
        or re.search(r"was expected to be a \w+ tensor but is a \w+ tensor", msg)
        or re.search(r"must be a floating point tensor", msg)
    )
    if m:
        dtype = m.group(1) if m.lastindex else ", ".join(dict.fromkeys(input_dtypes or []))
        if not dtype:
            return translate(
                "keras_io.error_words",
                "{cls} cannot work on the kind of values it receives: it needs numbers with decimals (float32). "
                "Set the Input's dtype to float32, or put a layer that turns them into numbers (an Embedding, a "
                "StringLookup) before it.",
            ).format(cls=cls)
        return translate(
            "keras_io.error_words",
            "{cls} cannot work on the {dtype} values it receives: it needs numbers with decimals (float32). "
            "Set the Input's dtype to float32, or put a layer that turns them into numbers (an Embedding, a "
            "StringLookup) before it.",
        ).format(cls=cls, dtype=dtype)
    m = re.search(r"Both `(\w+)` and `(\w+)` should not be set", msg)
    if m:
        return translate(
            "keras_io.error_words", "{cls} takes {first} or {second}, not both: clear one of them in the inspector."
        ).format(cls=cls, first=m.group(1), second=m.group(2))
    if "adapt(" in msg or "Table not initialized" in msg:
        return translate(
            "keras_io.error_words",
            "{cls} must learn its values from data (Keras's adapt()), which kbuilder does not do: "
            "give them in the inspector (its vocabulary, bin_boundaries, ...).",
        ).format(cls=cls)
    m = re.search(r"Cast (\w+) to (\w+) is not supported", msg)
    if m:
        return translate(
            "keras_io.error_words",
            "{cls} works on {wanted} values but receives {given}: "
            "set the Input's dtype to {wanted}, or change the layers before it.",
        ).format(cls=cls, wanted=m.group(2), given=m.group(1))
    m = re.search(r"Kernel shape must have the same length as input.*input of shape (\(.*?\))", msg)
    rank = re.search(r"(\d)D", cls)
    if m and rank:
        found = len(_parse_shape(m.group(1)) or ())
        return _ndim_sentence(cls, int(rank.group(1)) + 2, found, m.group(1))
    if "matching shapes except for the concatenation axis" in msg:
        return translate(
            "keras_io.error_words",
            "Concatenate can only join tensors whose shapes match except along the joining axis, "
            "but receives {shapes}. Flatten or reshape them so they agree.",
        ).format(shapes=both or msg.split("Received:")[-1].strip())
    m = re.search(r"Inputs have incompatible shapes\. Received shapes (\(.*?\)) and (\(.*?\))", msg)
    if m or "Incompatible input shapes" in msg or "Operands could not be broadcast" in msg:
        got = both or (_and([m.group(1), m.group(2)]) if m else msg)
        return translate(
            "keras_io.error_words",
            "{cls} needs inputs of the same shape but receives {shapes}. "
            "Make the layers before it produce matching shapes.",
        ).format(cls=cls, shapes=got)
    m = re.search(r"invalid value for `(\w+)`, expected a positive integer\. Received: \w+=(.*)", msg) or re.search(
        r"`(\w+)` must be a positive integer\. Received: \w+=(\S+)", msg
    )
    if m:
        return translate("keras_io.error_words", "{name} must be a positive whole number (got {value}).").format(
            name=m.group(1), value=_val(m.group(2))
        )
    m = re.search(r"The `(\w+)` argument must be a tuple of (\d+) integers\. Received \w+=(.*)", msg)
    if m:
        return translate(
            "keras_io.error_words", "{name} must be a whole number or a list of {count} whole numbers (got {value})."
        ).format(name=m.group(1), count=m.group(2), value=_val(m.group(3)))
    if "index out of range" in msg and params and "axis" in params:
        if both:
            return translate(
                "keras_io.error_words",
                "axis={axis} does not exist in an input shaped {shape}; use -1 for the last axis.",
            ).format(axis=repr(params["axis"]), shape=both)
        return translate(
            "keras_io.error_words",
            "axis={axis} does not exist in an input shaped like this; use -1 for the last axis.",
        ).format(axis=repr(params["axis"]))
    m = re.search(r"Invalid value for argument `(\w+)`\. Expected a strictly positive value\. Received \w+=(.*)", msg)
    if m:
        return translate("keras_io.error_words", "{name} must be greater than zero (got {value}).").format(
            name=m.group(1), value=_val(m.group(2))
        )
    m = re.search(r"argument `(\w+)`\. Expected a float value between 0 and 1\. Received: \w+=(.*)", msg)
    if m:
        return translate("keras_io.error_words", "{name} must be a number between 0 and 1 (got {value}).").format(
            name=m.group(1), value=_val(m.group(2))
        )
    m = re.search(r"missing \d+ required positional argument[s]?: (.*)", msg)
    if m:
        names = ", ".join(re.findall(r"'(\w+)'", m.group(1))) or m.group(1)
        return translate("keras_io.error_words", "{cls} needs a value for {names}; set it in the inspector.").format(
            cls=cls, names=names
        )
    m = re.search(r"Unrecognized keyword arguments passed to \w+: \{'(\w+)'", msg) or re.search(
        r"unexpected keyword argument '(\w+)'", msg
    )
    if m:
        return translate("keras_io.error_words", "{cls} has no parameter called {name}; remove it.").format(
            cls=cls, name=m.group(1)
        )
    m = re.search(r"Could not interpret (\w+)(?: function)? identifier: (.*)", msg)
    if m:
        return translate("keras_io.error_words", "'{value}' is not a known {kind}; pick one from the list.").format(
            value=m.group(2).strip(), kind=m.group(1)
        )
    if "output size would be zero or negative" in msg or "Negative dimension size" in msg:
        if both:
            return translate(
                "keras_io.error_words",
                "{cls} would shrink its input {shapes} to nothing: its kernel or pool size is larger than the input. "
                "Use a smaller size, padding='same', or fewer pooling layers before it.",
            ).format(cls=cls, shapes=both)
        return translate(
            "keras_io.error_words",
            "{cls} would shrink its input to nothing: its kernel or pool size is larger than the input. "
            "Use a smaller size, padding='same', or fewer pooling layers before it.",
        ).format(cls=cls)
    m = re.search(
        r"total size of the tensor must be unchanged\. Received: input_shape=(\(.*?\)), target_shape=(\(.*?\))", msg
    )
    if m:
        src, dst = _parse_shape(m.group(1)), _parse_shape(m.group(2))
        try:
            n_in = _count(src)
            n_out = _count(dst)
            return translate(
                "keras_io.error_words",
                "Reshape cannot turn {source} ({source_count} values) into {target} ({target_count} values); "
                "the number of values must stay the same.",
            ).format(source=m.group(1), source_count=n_in, target=m.group(2), target_count=n_out)
        except Exception:
            pass
        return translate(
            "keras_io.error_words",
            "Reshape cannot turn {source} into {target}: the number of values must stay the same.",
        ).format(source=m.group(1), target=m.group(2))
    if "should be defined" in msg or "must be fully-defined" in msg:
        if both:
            return translate(
                "keras_io.error_words",
                "{cls} needs to know the size of the last axis but receives {shapes}. "
                "Give the Input a fixed size, or use a global pooling layer instead of Flatten.",
            ).format(cls=cls, shapes=both)
        return translate(
            "keras_io.error_words",
            "{cls} needs to know the size of the last axis but receives an unknown size. "
            "Give the Input a fixed size, or use a global pooling layer instead of Flatten.",
        ).format(cls=cls)
    return first_line(exc).replace("`", "")


def _category(class_name: str) -> str | None:
    try:
        catalog = get_catalog()
    except Exception:  # noqa: BLE001 - no catalog: no category
        return None
    spec = catalog.get(class_name) if catalog is not None else None
    return spec.category if spec is not None else None


def _val(text: str) -> str:
    return text.strip().splitlines()[0].rstrip(".") if text.strip() else text


def _count(shape) -> int:
    total = 1
    for d in shape:
        total *= int(d)
    return total
