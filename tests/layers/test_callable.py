"""Every catalog layer, built from its build_params(), stands in a functional
model: called on symbolic inputs of a shape that suits it, it gives an output
keras.Model accepts.  The sample shapes are a test-only table."""

import re

import pytest

from kbuilder.layers.catalog import get_catalog
from kbuilder.layers.introspect import live_params

CATALOG = get_catalog()

SEQUENCE_LAYERS = {"Permute", "Masking", "LayerNormalization", "GroupNormalization", "Attention",
                   "AdditiveAttention", "MultiHeadAttention", "GroupQueryAttention"}
SPECIAL = {
    "Embedding": [((5,), "int32")],
    "ReversibleEmbedding": [((5,), "int32")],
    "CategoryEncoding": [((5,), "int32")],
    "Hashing": [((5,), "int32")],
    "IntegerLookup": [((5,), "int32")],
    "StringLookup": [((1,), "string")],
    "TextVectorization": [((1,), "string")],
    "HashedCrossing": [((1,), "int32"), ((1,), "int32")],
    "MelSpectrogram": [((1600,), "float32")],
    "STFTSpectrogram": [((1600, 1), "float32")],
    "Rescaling": [((32, 32, 3), "float32")],
}


def sample_inputs(spec):
    """[(shape, dtype)] for the layer's inputs."""
    name, cat = spec.class_name, spec.category
    if name in SPECIAL:
        return SPECIAL[name]
    m = re.search(r"([123])D", name)
    rank = int(m.group(1)) if m else None
    if name.startswith("ConvLSTM"):
        shape = (3,) + (6,) * rank + (2,)
    elif rank and cat in ("Convolution", "Pooling", "Reshaping", "Regularization"):
        shape = (8,) * rank + (3,)
    elif cat == "Image preprocessing":
        shape = (32, 32, 3)
    elif cat == "Recurrent" or name in SEQUENCE_LAYERS:
        shape = (5, 32)
    else:
        shape = (16,)
    return [(shape, "float32")] * max(spec.min_inputs, 1)


@pytest.mark.slow
@pytest.mark.parametrize("class_name", CATALOG.layer_names())
def test_layer_stands_in_a_functional_model(k, class_name):
    spec = CATALOG.specs[class_name]
    inputs = [k.Input(shape=shape, dtype=dtype) for shape, dtype in sample_inputs(spec)]
    layer = getattr(k.layers, spec.class_name)(**live_params(k, spec.build_params()))  # a wrapper's layer built
    if spec.input_mode == "args":
        out = layer(*inputs)
    elif spec.input_mode == "list":
        out = layer(inputs)
    else:
        out = layer(inputs[0])
    model = k.Model(inputs, out)
    assert model.count_params() >= 0
