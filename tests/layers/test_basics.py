"""One answer per fact about a layer, before and after the catalog arrives:
the tables that answer first must agree with the catalog built from Keras."""

import pytest

from kbuilder.layers import basics
from kbuilder.layers import overrides as ov


@pytest.mark.parametrize("class_name", sorted(ov.REQUIRED_BEFORE_CATALOG))
def test_fresh_layer_values_agree_with_the_catalog(catalog, class_name):
    assert basics.build_params(class_name) == basics.build_params(class_name, catalog)


@pytest.mark.parametrize("class_name", sorted({*ov.MERGE_LAYERS, *ov.ARITY, "Dense", "Conv2D", "LSTM", "Input"}))
def test_input_counts_agree_with_the_catalog(catalog, class_name):
    assert basics.input_range(class_name) == basics.input_range(class_name, catalog)


def test_the_new_input_shape_is_the_catalogs(catalog):
    assert basics.build_params("Input", catalog)["shape"] == list(ov.INPUT_SHAPE)


@pytest.mark.parametrize("class_name", sorted({*ov.REQUIRED_BEFORE_CATALOG, *ov.KEY_PARAMS}))
def test_the_box_shows_the_same_settings_before_and_after_the_catalog(catalog, class_name):
    if catalog.get(class_name) is None:
        pytest.fail(f"{class_name} is in the tables but not in the catalog")
    assert basics.key_params(class_name) == basics.key_params(class_name, catalog)
