"""ParamSpec.coerce: what a user types becomes a JSON value, or a plain-words refusal.
No Keras here."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbuilder.layers.introspect import parse_args, summary_of
from kbuilder.layers.spec import LayerSpec, ParamSpec

UNITS = ParamSpec("units", "int", 32, required=True, minimum=1)
RATE = ParamSpec("rate", "float", 0.5, required=True, minimum=0, maximum=1)
KERNEL = ParamSpec("kernel_size", "int_tuple", 3, required=True, minimum=1, tuple_len=2)
CROPPING = ParamSpec("cropping", "int_tuple", [[0, 0], [0, 0]], minimum=0)
ACTIVATION = ParamSpec("activation", "choice", None, choices=["relu", "sigmoid", "softmax"], nullable=True)
PADDING = ParamSpec("padding", "choice", "valid", choices=["valid", "same"])
INIT = ParamSpec("kernel_initializer", "choice", "glorot_uniform", choices=["glorot_uniform", "zeros"],
                 allow_other=True)
SHAPE = ParamSpec("shape", "shape", [784], required=True, minimum=1)
TARGET = ParamSpec("target_shape", "shape", [-1], required=True, minimum=-1)
BOOL = ParamSpec("use_bias", "bool", True)
SEED = ParamSpec("seed", "optional_int", None, nullable=True)
MAXV = ParamSpec("max_value", "optional_float", None, nullable=True)
ANY = ParamSpec("vocabulary", "json", None, nullable=True)
TEXT = ParamSpec("equation", "str", "ab,bc->ac", required=True)
CUDNN = ParamSpec("use_cudnn", "choice", "auto", choices=["auto", True, False])


@pytest.mark.parametrize(
    "spec,value,expected",
    [
        (UNITS, "32", 32), (UNITS, 64, 64), (UNITS, 8.0, 8), (UNITS, " 7 ", 7),
        (RATE, "0.25", 0.25), (RATE, 1, 1.0), (RATE, 0.0, 0.0),
        (KERNEL, 3, 3), (KERNEL, "3", 3), (KERNEL, "3, 5", [3, 5]), (KERNEL, "(3, 3)", [3, 3]),
        (KERNEL, (1, 7), [1, 7]), (KERNEL, "[2,2]", [2, 2]),
        (CROPPING, "((1, 2), (3, 4))", [[1, 2], [3, 4]]), (CROPPING, 0, 0),
        (ACTIVATION, "RELU", "relu"), (ACTIVATION, None, None), (ACTIVATION, "", None), (ACTIVATION, "None", None),
        (PADDING, "same", "same"),
        (CUDNN, "false", False), (CUDNN, True, True), (CUDNN, "Auto", "auto"),
        (INIT, "he_normal", "he_normal"),
        (INIT, {"class_name": "RandomNormal", "config": {"stddev": 0.1}},
         {"class_name": "RandomNormal", "config": {"stddev": 0.1}}),
        (SHAPE, "28, 28", [28, 28]), (SHAPE, "28,28,1", [28, 28, 1]), (SHAPE, 784, [784]),
        (SHAPE, "None, 64", [None, 64]), (SHAPE, (None, 3), [None, 3]), (SHAPE, "[10]", [10]),
        (TARGET, "-1", [-1]), (TARGET, "7, 7, 64", [7, 7, 64]),
        (BOOL, "yes", True), (BOOL, "False", False), (BOOL, 0, False),
        (SEED, "", None), (SEED, "42", 42), (SEED, None, None),
        (MAXV, "6", 6.0), (MAXV, None, None),
        (ANY, "[1, 2]", [1, 2]), (ANY, '{"a": 1}', {"a": 1}), (ANY, "(1, 2)", [1, 2]), (ANY, "hello", "hello"),
        (ANY, "", None), (ANY, (1, (2, 3)), [1, [2, 3]]),
        (TEXT, "abc,cd->abd", "abc,cd->abd"),
    ],
)
def test_coerce_accepts(spec, value, expected):
    got = spec.coerce(value)
    assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize(
    "spec,value,message",
    [
        (UNITS, "abc", "units must be a whole number of at least 1"),
        (UNITS, 0, "units must be a whole number of at least 1"),
        (UNITS, 2.5, "units must be a whole number of at least 1"),
        (UNITS, True, "units must be a whole number of at least 1"),
        (UNITS, None, "units needs a value"),
        (UNITS, "", "units needs a value"),
        (RATE, 1.5, "rate must be a number between 0 and 1"),
        (RATE, "half", "rate must be a number between 0 and 1"),
        (RATE, "nan", "rate must be a number between 0 and 1"),
        (KERNEL, "3, 3, 3", "kernel_size must be a whole number of at least 1, or 2 of them"),
        (KERNEL, 0, "kernel_size must be a whole number of at least 1, or 2 of them"),
        (KERNEL, "3, x", "kernel_size must be a whole number of at least 1, or 2 of them"),
        (KERNEL, [], "kernel_size must be a whole number of at least 1, or 2 of them"),
        (CROPPING, "((1, 2, 3), (4, 5, 6))", "cropping must be"),
        (ACTIVATION, "relux", "activation must be one of: relu, sigmoid, softmax"),
        (PADDING, None, "padding needs a value"),
        (PADDING, 3, "padding must be one of: valid, same"),
        (INIT, {"no": "class"}, "kernel_initializer must be one of"),
        (SHAPE, "0, 28", "shape must be whole numbers separated by commas"),
        (SHAPE, "a, b", "shape must be whole numbers"),
        (TARGET, "None, 3", "target_shape must be whole numbers"),
        (BOOL, "maybe", "use_bias must be true or false"),
        (SEED, "1.5", "seed must be a whole number"),
        (ANY, float("inf"), "vocabulary must be a plain value"),
        (ANY, {1: 2}, "vocabulary must be a plain value"),
        (TEXT, 3, "equation must be text"),
    ],
)
def test_coerce_refuses_in_plain_words(spec, value, message):
    with pytest.raises(ValueError) as err:
        spec.coerce(value)
    assert str(err.value).startswith(message)


@given(st.integers(min_value=1, max_value=10**9))
def test_whole_numbers_round_trip_as_text(n):
    assert UNITS.coerce(str(n)) == n
    assert KERNEL.coerce(f"{n}, {n}") == [n, n]


@given(st.integers(max_value=0))
def test_non_positive_units_refused(n):
    with pytest.raises(ValueError):
        UNITS.coerce(n)


@given(st.lists(st.one_of(st.none(), st.integers(1, 4096)), min_size=1, max_size=5))
def test_shapes_round_trip_through_text(dims):
    text = ", ".join("None" if d is None else str(d) for d in dims)
    assert SHAPE.coerce(text) == dims
    assert SHAPE.coerce(SHAPE.coerce(text)) == dims


def test_spec_dict_round_trip():
    spec = LayerSpec("Dense", "Core", params=[UNITS, ACTIVATION], key_params=["units"], build_values={"units": 32})
    again = LayerSpec.from_dict(spec.to_dict())
    assert again == spec and again.param("units") == UNITS and again.param("nope") is None
    params = again.build_params()
    params["units"] = 1
    assert again.build_params() == {"units": 32}  # a copy each time


def test_parse_args_section():
    doc = """One line.

    More text.

    Args:
        units: Positive integer, dimensionality
            of the output space.
        cropping: Int, or tuple.
            - If int: the same.
            - If tuple: two values.
        **kwargs: Base layer keyword arguments.

    Call arguments:
        inputs: not a constructor argument.
    """
    args = parse_args(doc)
    assert args["units"] == "Positive integer, dimensionality of the output space."
    assert args["cropping"] == "Int, or tuple.\n- If int: the same.\n- If tuple: two values."
    assert "inputs" not in args and "kwargs" in args
    assert parse_args(None) == {} and parse_args("No args here.") == {}


def test_summary_is_the_first_sentence():
    assert summary_of("Additive attention layer, a.k.a. Bahdanau-style attention.\n\nMore.") == \
        "Additive attention layer, a.k.a. Bahdanau-style attention."
    assert summary_of("Averages a list of inputs element-wise..") == "Averages a list of inputs element-wise."
    assert summary_of("Flattens the input. Does not\naffect the batch size.") == "Flattens the input."


ALL_SPECS = [CUDNN, UNITS, RATE, KERNEL, CROPPING, ACTIVATION, PADDING, INIT, SHAPE, TARGET, BOOL, SEED, MAXV, ANY, TEXT]
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12,
)


@given(st.sampled_from(ALL_SPECS), st.one_of(st.text(max_size=30), JSONISH))
def test_coerce_only_ever_raises_value_error_and_returns_json(spec, value):
    try:
        got = spec.coerce(value)
    except ValueError as e:
        assert str(e).startswith(spec.name)
        return
    json.dumps(got, allow_nan=False)
    assert spec.coerce(got) == got  # idempotent


def test_deeply_nested_text_is_refused_politely():
    deep = "[" * 100000 + "]" * 100000
    assert ANY.coerce(deep) == deep  # not JSON we can read: kept as text
    with pytest.raises(ValueError):
        KERNEL.coerce("[" * 100000 + "]" * 100000)
