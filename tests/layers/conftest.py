import os
import tempfile

import pytest

# get_catalog() writes a JSON cache; keep it out of the user's ~/.cache.
if not os.environ.get("KBUILDER_CACHE_DIR"):
    os.environ["KBUILDER_CACHE_DIR"] = tempfile.mkdtemp(prefix="kbuilder-test-cache-")


@pytest.fixture(scope="session")
def catalog():
    from kbuilder.layers.catalog import get_catalog

    return get_catalog()


@pytest.fixture(scope="session")
def k():
    from kbuilder.keras_io.backend import keras

    return keras()
