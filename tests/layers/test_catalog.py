"""The layer catalog against the installed Keras: every entry builds with its
defaults and survives get_config/from_config; kinds, help, aliases, order."""

import json

import pytest

from kbuilder.layers import overrides as ov
from kbuilder.layers.catalog import get_catalog
from kbuilder.layers.introspect import live_params

# Collecting the parametrised tests needs the catalog, so Keras is imported
# here once for the whole module (about 6 s).
CATALOG = get_catalog()
NAMES = CATALOG.layer_names()


def _layer_class(k, spec):
    return getattr(k.layers, spec.class_name)


def _same_config(a, b):
    return json.dumps(a, sort_keys=True, default=repr) == json.dumps(b, sort_keys=True, default=repr)


@pytest.mark.parametrize("class_name", NAMES)
def test_every_entry_builds_with_defaults_and_round_trips(k, class_name):
    spec = CATALOG.specs[class_name]
    cls = _layer_class(k, spec)
    layer = cls(**live_params(k, spec.build_params()))  # a wrapper's inner layer config becomes the layer
    config = layer.get_config()
    clone = cls.from_config(dict(config))  # a wrapper's from_config pops its layer
    assert _same_config(clone.get_config(), config)
    # The defaults as the graph stores them (JSON: lists for tuples) are
    # values Keras accepts, and every default passes its own coerce().
    explicit = cls(**live_params(k, {**spec.build_params(), **spec.defaults()}))
    assert _same_config(type(explicit).from_config(explicit.get_config()).get_config(), explicit.get_config())
    for p in spec.params:
        assert p.coerce(p.default) == p.default, p.name


def _doc_choice_cases():
    """(layer, param, value) for every choice list that is not one of the big
    shared ones (activations, initializers, ...), which Dense checks below,
    and None for every parameter that says it takes None."""
    shared = ("activation", "recurrent_activation")
    for name in NAMES:
        spec = CATALOG.specs[name]
        for p in spec.params:
            if p.nullable and p.default is not None and p.kind != "choice":
                yield pytest.param(name, p.name, None, id=f"{name}.{p.name}=None")
            if p.kind != "choice" or p.allow_other or p.name in shared:
                continue
            for value in list(p.choices or []) + ([None] if p.nullable else []):
                if value != p.default:
                    yield pytest.param(name, p.name, value, id=f"{name}.{p.name}={value}")


@pytest.mark.parametrize("class_name,param,value", list(_doc_choice_cases()))
def test_every_choice_and_none_is_accepted_by_keras(k, class_name, param, value):
    spec = CATALOG.specs[class_name]
    _layer_class(k, spec)(**live_params(k, {**spec.build_params(), param: value}))


def test_shared_choice_lists_are_accepted_by_keras(k):
    dense = CATALOG.get("Dense")
    for param in ("activation", "kernel_initializer", "kernel_regularizer", "kernel_constraint"):
        p = dense.param(param)
        assert p.kind == "choice" and len(p.choices) >= 4
        for value in p.choices:
            layer = k.layers.Dense(4, **{param: value})
            k.layers.Dense.from_config(layer.get_config())


def test_count_and_exclusions(catalog, k):
    # 124 with Keras 3.15.1; a lower bound so a newer Keras may add layers.
    assert len(NAMES) >= 110
    for name in ("Dense", "Conv2D", "LSTM", "GRU", "Concatenate", "Add", "BatchNormalization", "Dropout",
                 "Flatten", "Reshape", "Embedding", "MultiHeadAttention", "Rescaling", "RandomFlip"):
        assert name in catalog.specs
    for name in ("Input", "InputLayer", "Layer", "Wrapper", "RNN", "LSTMCell", "StackedRNNCells", "Lambda",
                 "TFSMLayer"):
        assert name not in NAMES
    # Wrappers are offered: their inner layer is a "layer" parameter (issue 15).
    for name in ("Bidirectional", "TimeDistributed", "SpectralNormalization"):
        assert name in NAMES and catalog.specs[name].param("layer").kind == "layer"
    # Aliases are deduplicated by class identity.
    classes = [_layer_class(k, catalog.specs[n]) for n in NAMES]
    assert len(set(classes)) == len(classes)
    # Every public Layer class is either offered or left out with a reason.
    public = {getattr(k.layers, n) for n in dir(k.layers) if not n.startswith("_")}
    layers = {c for c in public if isinstance(c, type) and issubclass(c, k.layers.Layer)}
    assert {c.__name__ for c in layers - set(classes)} == set(catalog.skipped)
    assert all(catalog.skipped.values())


def test_aliases_resolve(catalog):
    assert catalog.get("Convolution2D") is catalog.get("Conv2D")
    assert catalog.get("MaxPool2D") is catalog.get("MaxPooling2D")
    assert catalog.get("GlobalAvgPool1D").class_name == "GlobalAveragePooling1D"
    # Keras's public name, with the class __name__ that saved configs use as an alias.
    assert catalog.get("GroupedQueryAttention").class_name == "GroupQueryAttention"
    assert "Convolution2D" in catalog.get("Conv2D").aliases
    assert catalog.get("NoSuchLayer") is None
    assert "Conv2D" in catalog and "Convolution2D" in catalog and "Lambda" not in catalog


def test_kinds(catalog):
    dense = catalog.get("Dense")
    units = dense.param("units")
    assert (units.kind, units.required, units.default) == ("int", True, 32)
    act = dense.param("activation")
    assert act.kind == "choice" and act.nullable and act.default is None
    assert act.choices[:3] == ["relu", "sigmoid", "softmax"] and "gelu" in act.choices
    assert dense.param("use_bias").kind == "bool"
    assert dense.param("kernel_initializer").advanced and not units.advanced
    assert dense.key_params == ["units", "activation"]
    assert dense.build_params() == {"units": 32}
    assert dense.param("name") is None and dense.param("dtype") is None

    conv = catalog.get("Conv2D")
    ks = conv.param("kernel_size")
    assert (ks.kind, ks.tuple_len, ks.required) == ("int_tuple", 2, True)
    assert conv.param("strides").default == [1, 1]
    assert conv.param("padding").choices == ["valid", "same"]
    assert "causal" in catalog.get("Conv1D").param("padding").choices
    assert conv.key_params == ["filters", "kernel_size", "activation"]
    assert conv.build_params() == {"filters": 32, "kernel_size": 3}

    assert catalog.get("Dropout").param("rate").kind == "float"
    assert catalog.get("Reshape").param("target_shape").kind == "shape"
    assert catalog.get("LSTM").param("return_sequences").kind == "bool"
    assert catalog.get("ReLU").param("max_value").kind == "optional_float"
    assert catalog.get("Dropout").param("seed").kind == "optional_int"
    assert catalog.get("Cropping2D").param("cropping").default == [[0, 0], [0, 0]]

    inp = catalog.specs["Input"]
    assert (inp.category, inp.min_inputs, inp.max_inputs) == ("Core", 0, 0)
    shape = inp.param("shape")
    assert (shape.kind, shape.required, shape.default) == ("shape", True, [784])
    assert {"float32", "int32", "int64"} <= set(inp.param("dtype").choices)


def test_inputs_arity(catalog):
    assert (catalog.get("Dense").min_inputs, catalog.get("Dense").max_inputs) == (1, 1)
    for name in ("Concatenate", "Add", "Multiply", "Average", "Maximum", "Minimum"):
        spec = catalog.get(name)
        assert (spec.min_inputs, spec.max_inputs, spec.input_mode) == (2, None, "list"), name
    for name in ("Subtract", "Dot"):
        assert (catalog.get(name).min_inputs, catalog.get(name).max_inputs) == (2, 2)
    mha = catalog.get("MultiHeadAttention")
    assert (mha.min_inputs, mha.max_inputs, mha.input_mode) == (2, 3, "args")
    assert mha.input_names == ["query", "value", "key"]


def test_help_and_summary(catalog):
    dense = catalog.get("Dense")
    assert dense.summary == "Just your regular densely-connected NN layer."
    assert "Args:" in dense.doc
    for layer, params in {
        "Dense": ["units", "activation", "use_bias", "kernel_initializer"],
        "Conv2D": ["filters", "kernel_size", "strides", "padding", "activation"],
        "MaxPooling2D": ["pool_size", "strides", "padding"],
        "LSTM": ["units", "return_sequences", "dropout"],
        "Dropout": ["rate"],
        "Embedding": ["input_dim", "output_dim"],
        "BatchNormalization": ["momentum", "epsilon"],
    }.items():
        for name in params:
            text = catalog.get(layer).param(name).help
            assert len(text) > 10 and "`" not in text, (layer, name)
    assert catalog.get("Conv2D").param("kernel_size").help.startswith("int or tuple")
    helped = [p.help for s in catalog for p in s.params]
    assert sum(1 for h in helped if h) >= 0.97 * len(helped)
    assert all(s.summary for s in catalog)
    assert catalog.get("AdditiveAttention").summary.endswith("Bahdanau-style attention.")


def test_by_category_order_and_reachability(catalog):
    groups = catalog.by_category()
    cats = [c for c, _ in groups]
    assert cats[:3] == ["Core", "Convolution", "Pooling"]
    known = [c for c in ov.CATEGORY_ORDER if c in cats]
    assert cats[: len(known)] == known
    assert [s.class_name for s in groups[0][1]][:2] == ["Input", "Dense"]
    seen = [s.class_name for _, specs in groups for s in specs]
    assert sorted(seen) == sorted(catalog.specs) and len(seen) == len(set(seen))
    for cat, specs in groups:
        flags = [s.beginner for s in specs]
        assert flags == sorted(flags, reverse=True), cat
        assert all(s.category == cat for s in specs)
    conv = [s.class_name for s in dict(groups)["Convolution"]]
    assert conv[0] == "Conv2D" and conv.index("Conv3D") < conv.index("DepthwiseConv1D")


def test_spec_consistency(catalog):
    for spec in catalog:
        names = [p.name for p in spec.params]
        assert len(names) == len(set(names)), spec.class_name
        assert set(spec.key_params) <= set(names), spec.class_name
        assert set(spec.build_params()) == {p.name for p in spec.params if p.required}, spec.class_name
        for p in spec.params:
            assert p.kind in ("int", "float", "bool", "str", "choice", "int_tuple", "shape", "optional_int",
                              "optional_float", "json", "layer"), (spec.class_name, p.name)
            if p.kind == "choice":
                assert p.choices and None not in p.choices, (spec.class_name, p.name)
                assert p.default is None or p.default in p.choices, (spec.class_name, p.name)
        assert spec.category in ov.CATEGORY_ORDER


def test_json_round_trip(catalog):
    from kbuilder.layers.catalog import Catalog

    text = catalog.to_json()
    again = Catalog.from_json(text)
    assert again.to_json() == text
    assert again.get("Convolution2D").class_name == "Conv2D"
    assert [c for c, _ in again.by_category()] == [c for c, _ in catalog.by_category()]
    with pytest.raises(ValueError):
        Catalog.from_json(json.dumps({"format": -1, "specs": []}))


def test_defaults_survive_a_trip_through_text(catalog):
    """What a text editor shows (the default as JSON, or "3, 3") coerces back to it."""
    for spec in catalog:
        for p in spec.params:
            if p.kind in ("str", "choice", "bool") or p.default is None:
                continue
            assert p.coerce(json.dumps(p.default)) == p.default, (spec.class_name, p.name)
            if isinstance(p.default, list) and p.kind in ("int_tuple", "shape"):
                text = ", ".join(json.dumps(v) for v in p.default).replace("[", "(").replace("]", ")")
                assert p.coerce(text) == p.default, (spec.class_name, p.name, text)
