"""A layer's shapes in words, for the layer cards (:mod:`kbuilder.layers.cards`).

``shape_lines("Conv2D", [(None, 28, 28, 1)], (None, 26, 26, 32))`` gives::

    Takes (None, 28, 28, 1): batches of 28×28 pictures with 1 channel.
    Gives (None, 26, 26, 32): batches of 32 feature maps of 26×26.

The numbers are the analysis's (``NodeInfo.input_shapes`` and
``output_shape`` of :mod:`kbuilder.keras_io.shapes`).  How the axes read
depends on the rank and, for a few classes, on what the layer works on: a
Conv1D or an LSTM reads a 3-D tensor as a sequence of steps, an Embedding
takes token ids, a Conv2D gives feature maps.  Every sentence is a whole
literal passed to :func:`kbuilder.core.i18n.tr` with named fields.  No Qt,
no Keras.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kbuilder.core.i18n import translate
from kbuilder.layers.basics import format_shape

# Classes whose 3-D inputs and outputs are sequences: (batch, steps, features).
SEQUENCE_LAYERS = frozenset({
    "Conv1D", "Conv1DTranspose", "SeparableConv1D", "DepthwiseConv1D",
    "MaxPooling1D", "AveragePooling1D", "GlobalMaxPooling1D", "GlobalAveragePooling1D",
    "SpatialDropout1D", "UpSampling1D", "ZeroPadding1D", "Cropping1D",
    "LSTM", "GRU", "SimpleRNN", "Bidirectional", "TimeDistributed",
    "MultiHeadAttention", "Attention", "AdditiveAttention",
})
# Classes whose 4-D output is feature maps, however few channels it has.
MAP_MAKERS = frozenset({"Conv2D", "Conv2DTranspose", "SeparableConv2D", "DepthwiseConv2D"})
# At most this many channels, a 4-D tensor reads as pictures (grey, colour, colour and alpha).
PICTURE_CHANNELS = 4


def _hints(class_name: str, params: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """How the layer's input and output read: "sequence", "tokens",
    "integers", "text", "maps", or None for the rank's usual reading."""
    if class_name == "Input":
        dtype = str(params.get("dtype") or "float32")
        return None, ("text" if dtype == "string" else "integers" if dtype.startswith(("int", "uint")) else None)
    if class_name == "Embedding":
        return "tokens", "sequence"
    if class_name == "TextVectorization":
        return "text", ("tokens" if params.get("output_mode", "int") == "int" else None)
    if class_name == "RepeatVector":
        return None, "sequence"
    if class_name in MAP_MAKERS:
        return None, "maps"
    if class_name in SEQUENCE_LAYERS:
        return "sequence", "sequence"
    return None, None


def _is_many(shape: Any) -> bool:
    """Whether ``shape`` is a list of shapes (a layer with several outputs)."""
    return isinstance(shape, list | tuple) and bool(shape) and all(isinstance(s, list | tuple) for s in shape)


def _size(dims: Sequence[Any]) -> str:
    return "×".join("?" if d is None else str(d) for d in dims)


def describe_shape(shape: Any, hint: str | None = None, channels_first: bool = False) -> str:
    """What a tensor of ``shape`` (batch axis first) holds, as a phrase:
    ``(None, 28, 28, 1)`` -> "batches of 28×28 pictures with 1 channel"."""
    if shape is None:
        return translate("cards", "a shape that is not known yet")
    dims = list(shape)[1:]
    rank = len(dims)
    if rank == 0:
        return translate("cards", "batches of single values, one per sample") if hint != "text" else (
            translate("cards", "batches of texts, one string per sample"))
    if rank == 1:
        return _vector(dims[0], hint)
    if rank == 2 and (hint == "sequence" or (dims[0] is None and dims[1] is not None)):
        steps, features = dims
        if steps is None and features is not None:
            return translate("cards", "batches of sequences of any length with {features} numbers per step").format(
                features=features)
        if features is not None:
            return translate("cards", "batches of sequences of {steps} steps with {features} numbers per step").format(
                steps=steps, features=features)
    if rank == 2 and None not in dims:
        return translate("cards", "batches of {rows}×{columns} grids of numbers").format(rows=dims[0], columns=dims[1])
    if rank == 3:
        h, w, c = (dims[1], dims[2], dims[0]) if channels_first else dims
        if c is not None:
            return _pictures(h, w, c, maps=hint == "maps" or c > PICTURE_CHANNELS)
    if rank == 4 and hint == "sequence" and None not in dims[1:] and not channels_first:
        steps, h, w, c = dims
        if c > PICTURE_CHANNELS:
            return translate("cards", "batches of sequences of {steps} steps, each {channels} feature maps of "
                               "{height}×{width}").format(steps=_size([steps]), channels=c, height=h, width=w)
        if steps is None:
            return translate("cards", "batches of sequences of any length of {height}×{width} pictures with {channels} "
                               "channels").format(height=h, width=w, channels=c)
        return translate("cards", "batches of sequences of {steps} pictures of {height}×{width} with {channels} "
                           "channels").format(steps=steps, height=h, width=w, channels=c)
    if None in dims:
        return translate("cards", "batches of arrays of {size} numbers, where ? is a size that can change from one batch "
                           "to the next").format(size=_size(dims))
    return translate("cards", "batches of arrays of {size} numbers").format(size=_size(dims))


def _vector(n: int | None, hint: str | None) -> str:
    if hint == "tokens":
        if n is None:
            return translate("cards", "batches of token ids (whole numbers that stand for words), any number per sample")
        return translate("cards", "batches of {count} token ids each (whole numbers that stand for words)").format(count=n)
    if hint == "integers":
        if n is None:
            return translate("cards", "batches of whole numbers (such as token ids), any number per sample")
        return translate("cards", "batches of {count} whole numbers each (such as token ids)").format(count=n)
    if hint == "text" and n == 1:
        return translate("cards", "batches of texts, one string per sample")
    if n is None:
        return translate("cards", "batches of vectors of any length")
    if n == 1:
        return translate("cards", "batches of single numbers, one per sample")
    return translate("cards", "batches of vectors of {count} numbers").format(count=n)


def _pictures(h: int | None, w: int | None, c: int, maps: bool) -> str:
    if h is None or w is None:
        if maps and c == 1:
            return translate("cards", "batches of 1 feature map of any size")
        if maps:
            return translate("cards", "batches of {channels} feature maps of any size").format(channels=c)
        if c == 1:
            return translate("cards", "batches of pictures of any size with 1 channel")
        return translate("cards", "batches of pictures of any size with {channels} channels").format(channels=c)
    if maps and c == 1:
        return translate("cards", "batches of 1 feature map of {height}×{width}").format(height=h, width=w)
    if maps:
        return translate("cards", "batches of {channels} feature maps of {height}×{width}").format(
            channels=c, height=h, width=w)
    if c == 1:
        return translate("cards", "batches of {height}×{width} pictures with 1 channel").format(height=h, width=w)
    return translate("cards", "batches of {height}×{width} pictures with {channels} channels").format(
        height=h, width=w, channels=c)


def shape_lines(
    class_name: str,
    input_shapes: Sequence[Any] | None,
    output_shape: Any,
    params: Mapping[str, Any] | None = None,
) -> list[str]:
    """One sentence per input and per output of the layer, numbers first."""
    params = params or {}
    takes, gives = _hints(class_name, params)
    cf = params.get("data_format") == "channels_first"
    lines: list[str] = []
    if class_name != "Input":
        ins = list(input_shapes or [])
        if not ins:
            lines.append(translate("cards", "Takes nothing yet: connect a layer to its input."))
        for i, shape in enumerate(ins, 1):
            if shape is None:
                lines.append(translate("cards", "Takes a shape that is not known yet at input {number}.").format(number=i))
                continue
            fields = {"shape": format_shape(shape), "meaning": describe_shape(shape, takes, cf), "number": i}
            if len(ins) == 1:
                lines.append(translate("cards", "Takes {shape}: {meaning}.").format(**fields))
            else:
                lines.append(translate("cards", "Takes {shape} at input {number}: {meaning}.").format(**fields))
    outs = list(output_shape) if _is_many(output_shape) else [output_shape]
    for i, shape in enumerate(outs, 1):
        if shape is None:
            lines.append(translate("cards", "Gives a shape that is not known yet."))
            continue
        fields = {"shape": format_shape(shape), "meaning": describe_shape(shape, gives, cf), "number": i}
        if len(outs) == 1:
            lines.append(translate("cards", "Gives {shape}: {meaning}.").format(**fields))
        else:
            lines.append(translate("cards", "Gives {shape} at output {number}: {meaning}.").format(**fields))
    return lines


def batch_note() -> str:
    """What the None in front of every shape means."""
    return translate("cards", "None is the batch size: how many samples go through at once, chosen when you train.")
