"""The beginner table: the few things Keras's signatures and docstrings cannot tell.

Everything else about a layer (its parameters, defaults, help) comes from Keras
itself, in :mod:`kbuilder.layers.introspect`.  Keep this file small: a rule
here should cover a name that many layers share, not one layer's whim.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

from kbuilder.core.i18n import QT_TRANSLATE_NOOP

# The words of this table that people read (category names, the reasons a
# class is left out, the help below) are marked for translation with the
# context "layers.catalog"; they stay English here and in the catalog's cache,
# and are shown through :func:`kbuilder.layers.basics.catalog_text`.

# Palette order: what a beginner reaches for first comes first.
CATEGORY_ORDER = [
    QT_TRANSLATE_NOOP("layers.catalog", "Core"),
    QT_TRANSLATE_NOOP("layers.catalog", "Convolution"),
    QT_TRANSLATE_NOOP("layers.catalog", "Pooling"),
    QT_TRANSLATE_NOOP("layers.catalog", "Recurrent"),
    QT_TRANSLATE_NOOP("layers.catalog", "Merging"),
    QT_TRANSLATE_NOOP("layers.catalog", "Normalization"),
    QT_TRANSLATE_NOOP("layers.catalog", "Regularization"),
    QT_TRANSLATE_NOOP("layers.catalog", "Reshaping"),
    QT_TRANSLATE_NOOP("layers.catalog", "Activation"),
    QT_TRANSLATE_NOOP("layers.catalog", "Embedding"),
    QT_TRANSLATE_NOOP("layers.catalog", "Attention"),
    QT_TRANSLATE_NOOP("layers.catalog", "Preprocessing"),
    QT_TRANSLATE_NOOP("layers.catalog", "Image preprocessing"),
    QT_TRANSLATE_NOOP("layers.catalog", "Other"),
]

# keras.src.layers.<package> -> category
MODULE_CATEGORIES = {
    "core": "Core",
    "convolutional": "Convolution",
    "pooling": "Pooling",
    "rnn": "Recurrent",
    "merging": "Merging",
    "normalization": "Normalization",
    "regularization": "Regularization",
    "reshaping": "Reshaping",
    "activations": "Activation",
    "attention": "Attention",
    "preprocessing": "Preprocessing",
    "preprocessing.image_preprocessing": "Image preprocessing",
}
CLASS_CATEGORIES = {"Embedding": "Embedding", "ReversibleEmbedding": "Embedding"}

# Layer classes the palette does not offer, and why.
EXCLUDED = {
    "Layer": QT_TRANSLATE_NOOP("layers.catalog", "abstract base class"),
    "InputLayer": QT_TRANSLATE_NOOP("layers.catalog", "represented by the Input pseudo layer"),
    "Wrapper": QT_TRANSLATE_NOOP("layers.catalog", "abstract base class"),
    "RNN": QT_TRANSLATE_NOOP("layers.catalog", "needs a cell object"),
    "StackedRNNCells": QT_TRANSLATE_NOOP("layers.catalog", "needs cell objects"),
    "GRUCell": QT_TRANSLATE_NOOP("layers.catalog", "a cell, used inside RNN"),
    "LSTMCell": QT_TRANSLATE_NOOP("layers.catalog", "a cell, used inside RNN"),
    "SimpleRNNCell": QT_TRANSLATE_NOOP("layers.catalog", "a cell, used inside RNN"),
    "Lambda": QT_TRANSLATE_NOOP("layers.catalog", "runs arbitrary Python code"),
    "TFSMLayer": QT_TRANSLATE_NOOP("layers.catalog", "loads a SavedModel from disk"),
    "Pipeline": QT_TRANSLATE_NOOP("layers.catalog", "needs other layers"),
    "FlaxLayer": QT_TRANSLATE_NOOP("layers.catalog", "wraps JAX code"),
    "JaxLayer": QT_TRANSLATE_NOOP("layers.catalog", "wraps JAX code"),
    "TorchModuleWrapper": QT_TRANSLATE_NOOP("layers.catalog", "wraps PyTorch code"),
    "MaxNumBoundingBoxes": QT_TRANSLATE_NOOP("layers.catalog", "works on bounding-box dictionaries, not tensors"),
    # Keras 3.15: keras.Model refuses its output ("part of a cycle").
    "Equalization": QT_TRANSLATE_NOOP("layers.catalog", "Keras cannot put it in a functional model"),
}

# Beginner layers, in the order the palette shows them within their category.
BEGINNER = [
    "Input", "Dense", "Activation", "Conv2D", "Conv1D", "Conv2DTranspose",
    "MaxPooling2D", "MaxPooling1D", "AveragePooling2D", "GlobalAveragePooling2D",
    "GlobalMaxPooling2D", "GlobalAveragePooling1D", "LSTM", "GRU", "SimpleRNN",
    "Concatenate", "Add", "Multiply", "Average", "BatchNormalization", "LayerNormalization",
    "Dropout", "SpatialDropout2D", "GaussianNoise", "Flatten", "Reshape", "UpSampling2D",
    "ZeroPadding2D", "ReLU", "LeakyReLU", "Softmax", "Embedding", "MultiHeadAttention",
    "Attention", "Rescaling", "Normalization", "TextVectorization", "Resizing", "RandomFlip",
    "RandomRotation", "RandomZoom",
]

# The parameters a node shows on the canvas, where the rule (required
# parameters, then activation) picks badly.
KEY_PARAMS = {
    "Input": ["shape"],
    # The common layers, so that their boxes read the same before the catalog arrives.
    "Dense": ["units", "activation"],
    "Conv1D": ["filters", "kernel_size", "activation"],
    "Conv2D": ["filters", "kernel_size", "activation"],
    "MaxPooling2D": ["pool_size"],
    "Concatenate": ["axis"],
    "LSTM": ["units", "return_sequences"],
    "GRU": ["units", "return_sequences"],
    "SimpleRNN": ["units", "return_sequences"],
    "ConvLSTM1D": ["filters", "kernel_size", "return_sequences"],
    "ConvLSTM2D": ["filters", "kernel_size", "return_sequences"],
    "ConvLSTM3D": ["filters", "kernel_size", "return_sequences"],
    "MultiHeadAttention": ["num_heads", "key_dim"],
    "BatchNormalization": [],
    "LayerNormalization": [],
    "EinsumDense": ["equation", "output_shape"],
    "TextVectorization": ["max_tokens", "output_mode", "output_sequence_length"],
    "Bidirectional": ["layer", "merge_mode"],
    "TimeDistributed": ["layer"],
    "SpectralNormalization": ["layer"],
}

# Values for required parameters, so that a freshly dropped node builds
# ("param@Class" entries win over plain "param" ones).
BUILD_VALUES = {
    "units": 32,
    "filters": 32,
    "kernel_size": 3,
    "pool_size": 2,
    "rate": 0.2,
    "stddev": 0.1,
    "activation": "relu",
    "n": 2,
    "target_shape": [-1],
    "dims": [2, 1],
    "axes": -1,
    "output_size": 4,
    "height": 24,
    "width": 24,
    "input_dim": 1000,
    "output_dim": 64,
    "equation": "ab,bc->ac",
    "output_shape": 64,
    "num_heads": 2,
    "key_dim": 32,
    "head_dim": 32,
    "num_query_heads": 4,
    "num_key_value_heads": 2,
    "num_bins": 16,
    "scale": 1.0 / 255,
    "factor": 0.1,
    "height_factor": 0.1,
    "width_factor": 0.1,
    # Keras declares these optional but refuses to build without them: they
    # become required, with this value.
    "factor@RandomPosterization": 4,
    "num_tokens@CategoryEncoding": 10,
    "bin_boundaries@Discretization": [0.0, 1.0],
    # A wrapper's inner layer: a layer config ({"class_name", "config"}), kind "layer".
    "layer@Bidirectional": {"class_name": "LSTM", "config": {"units": 32}},
    "layer@TimeDistributed": {"class_name": "Dense", "config": {"units": 32}},
    "layer@SpectralNormalization": {"class_name": "Dense", "config": {"units": 32}},
}

# Wrappers: the layers their "layer" parameter offers (a "layer@Class" entry
# lists the suggestions; TimeDistributed also takes any other one-input layer).
INNER_LAYERS = {
    "layer@Bidirectional": ["LSTM", "GRU", "SimpleRNN", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"],
    "backward_layer@Bidirectional": ["LSTM", "GRU", "SimpleRNN", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"],
    "layer@TimeDistributed": ["Dense", "Conv1D", "Conv2D", "MaxPooling1D", "MaxPooling2D", "AveragePooling2D",
                              "GlobalAveragePooling2D", "GlobalMaxPooling2D", "Flatten", "Dropout", "Activation",
                              "BatchNormalization", "LayerNormalization", "Embedding", "Reshape"],
    "layer@SpectralNormalization": ["Dense", "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose",
                                    "Conv3DTranspose", "Embedding"],
}
#: Inner layers that may be any catalog layer, beyond the suggestions.
INNER_ANY = {"layer@TimeDistributed"}

# Layers that combine a list of two or more tensors (the catalog also finds
# every subclass of keras's Merge base; this list answers before it arrives).
MERGE_LAYERS = frozenset({"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot"})

# The shape a new Input starts with (one flattened 28x28 picture).
INPUT_SHAPE = (784,)

# The required parameters of the common layers, for the few seconds before
# the catalog arrives (their values come from BUILD_VALUES).
REQUIRED_BEFORE_CATALOG = {
    "Dense": ["units"],
    "Conv1D": ["filters", "kernel_size"],
    "Conv2D": ["filters", "kernel_size"],
    "Dropout": ["rate"],
    "LSTM": ["units"],
    "GRU": ["units"],
    "SimpleRNN": ["units"],
    "Embedding": ["input_dim", "output_dim"],
    "Activation": ["activation"],
    "Reshape": ["target_shape"],
}

# How many inputs a layer takes, and how: (min, max or None, mode, names).
# Everything else takes one tensor.  Subclasses of keras's Merge base are
# found by introspection and take a list of two or more.
ARITY = {
    "GroupQueryAttention": (2, 3, "args", ["query", "value", "key"]),
    "GroupedQueryAttention": (2, 3, "args", ["query", "value", "key"]),  # Keras's other name for it
    "Subtract": (2, 2, "list", ["a", "b"]),
    "Dot": (2, 2, "list", ["a", "b"]),
    "Attention": (2, 3, "list", ["query", "value", "key"]),
    "AdditiveAttention": (2, 3, "list", ["query", "value", "key"]),
    "MultiHeadAttention": (2, 3, "args", ["query", "value", "key"]),
    "HashedCrossing": (2, None, "list", []),
}

# Choice lists.  Activations, initializers, regularizers and constraints are
# checked against Keras when the catalog is built (names it refuses are
# dropped; activations it has that are not listed are added at the end).
ACTIVATIONS = ["relu", "sigmoid", "softmax", "tanh", "linear", "elu", "selu", "gelu", "swish", "leaky_relu",
               "softplus", "softsign", "relu6", "silu", "mish", "exponential", "hard_sigmoid"]
INITIALIZERS = ["glorot_uniform", "glorot_normal", "he_normal", "he_uniform", "lecun_normal", "lecun_uniform",
                "zeros", "ones", "random_normal", "random_uniform", "truncated_normal", "orthogonal",
                "variance_scaling", "identity"]
REGULARIZERS = [None, "l1", "l2", "l1_l2", "L1L2", "orthogonal_regularizer"]
CONSTRAINTS = [None, "max_norm", "min_max_norm", "non_neg", "unit_norm"]
CHOICES = {
    "padding": ["valid", "same"],
    "data_format": [None, "channels_last", "channels_first"],
    "interpolation": ["bilinear", "nearest"],
    "fill_mode": ["reflect", "wrap", "constant", "nearest"],
    "use_cudnn": ["auto", True, False],
}
INPUT_DTYPES = ["float32", "int32", "int64", "float16", "float64", "bool", "string"]

# Parameters that are an int or a tuple of ints, whatever their default says.
INT_TUPLE = {"kernel_size", "strides", "pool_size", "dilation_rate", "size", "output_padding",
             "output_size", "cropping", "padding@ZeroPadding*", "shared_axes"}
# Parameters that are a shape (a tuple of ints); the rest of the kinds are inferred.
SHAPE = {"target_shape", "dims", "noise_shape"}
KINDS = {"layer@Bidirectional": "layer", "backward_layer@Bidirectional": "layer", "layer@TimeDistributed": "layer",
         "layer@SpectralNormalization": "layer", "output_shape@EinsumDense": "json", "axes@Dot": "int_tuple", "axis": "int_tuple", "axis@Concatenate": "int",
         "seed": "optional_int", "value_range": "json", "max_tokens": "optional_int", "value_dim": "optional_int"}

# Bounds (per element for tuples): (minimum, maximum), None = open.
BOUNDS = {
    "units": (1, None), "filters": (1, None), "kernel_size": (1, None), "strides": (1, None),
    "pool_size": (1, None), "dilation_rate": (1, None), "size": (1, None), "n": (1, None),
    "groups": (1, None), "depth_multiplier": (1, None), "num_heads": (1, None), "key_dim": (1, None),
    "input_dim": (1, None), "output_dim": (1, None), "output_size": (1, None), "num_bins": (1, None),
    "height": (1, None), "width": (1, None), "dims": (1, None), "target_shape": (-1, None),
    "cropping": (0, None), "padding@ZeroPadding*": (0, None), "output_padding": (0, None),
    "rate": (0, 1), "dropout": (0, 1), "recurrent_dropout": (0, 1), "momentum": (0, 1),
    "epsilon": (0, None), "stddev": (0, None), "noise_shape": (1, None),
}

# Parameters a beginner does not need to see (fnmatch patterns).
ADVANCED = ["*_initializer", "*_regularizer", "*_constraint", "data_format", "lora_*", "seed", "dilation_rate",
            "groups", "use_cudnn", "unroll", "stateful", "go_backwards", "return_state", "sparse", "ragged",
            "renorm*", "synchronized", "moving_*", "unit_forget_bias", "reset_after", "recurrent_activation",
            "flash_attention", "sliding_window", "use_gate", "attention_axes", "bias_axes", "mask_zero",
            "noise_shape", "encoding", "salt", "oov_*", "pad_to_max_tokens", "idf_weights", "mag_exp",
            "min_power", "ref_power", "tie_weights", "reverse_dtype", "logit_soft_cap", "gptq_*",
            "antialias", "output_padding", "depth_multiplier", "shared_axes", "backward_layer"]

# Constructor arguments the catalog never offers: layer plumbing, and values
# that are not JSON (weights arrays, quantization objects).
SKIP = {"self", "name", "dtype", "trainable", "autocast", "input_shape", "batch_input_shape", "batch_size",
        "weights", "quantization_config", "input_spec"}

# Help for parameters a docstring forgets.
GENERIC_HELP = {
    "seed": QT_TRANSLATE_NOOP("layers.catalog", "Integer seed for the random numbers, so runs can be repeated."),
    "data_format": QT_TRANSLATE_NOOP(
        "layers.catalog",
        'Where the channels are: "channels_last" (the default, (batch, ..., channels)) or "channels_first".',
    ),
    "activity_regularizer": QT_TRANSLATE_NOOP("layers.catalog", "Regularizer applied to the layer's output."),
    "padding": QT_TRANSLATE_NOOP(
        "layers.catalog", 'How the edges are handled: "valid" (no padding) or "same" (pad so the size is kept).'
    ),
    "strides": QT_TRANSLATE_NOOP("layers.catalog", "Step between two windows. Defaults to the pool size."),
    "pool_size": QT_TRANSLATE_NOOP("layers.catalog", "Size of the pooling window."),
    "activation": QT_TRANSLATE_NOOP("layers.catalog", "Activation function applied to the output."),
    "shape": QT_TRANSLATE_NOOP("layers.catalog", "Shape of one sample, without the batch size; None means any length."),
    "mask_value": QT_TRANSLATE_NOOP(
        "layers.catalog", "Time steps whose values all equal this are masked: later layers skip them."
    ),
    "output_padding": QT_TRANSLATE_NOOP(
        "layers.catalog",
        "Extra rows/columns added to one side of the output, to pick among the output sizes a "
        "stride allows. None lets Keras infer it.",
    ),
}


def _lookup(table, class_name: str, param: str):
    """A ``table`` entry for ``param@Class`` (fnmatch on the class) or plain ``param``."""
    keys = table if isinstance(table, (set, frozenset)) else table.keys()
    for key in keys:
        if "@" in key:
            name, pattern = key.split("@", 1)
            if name == param and fnmatchcase(class_name, pattern):
                return key
    return param if param in keys else None


def in_table(table, class_name: str, param: str) -> bool:
    return _lookup(table, class_name, param) is not None


def from_table(table: dict, class_name: str, param: str, default=None):
    key = _lookup(table, class_name, param)
    return default if key is None else table[key]


def is_advanced(param: str) -> bool:
    return any(fnmatchcase(param, p) for p in ADVANCED)


def class_build_value(class_name: str, param: str):
    """A "param@Class" build value: Keras calls the parameter optional but needs it."""
    for key, value in BUILD_VALUES.items():
        if "@" in key:
            name, pattern = key.split("@", 1)
            if name == param and fnmatchcase(class_name, pattern):
                return value
    return None
