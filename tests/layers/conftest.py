import os
import shutil
import tempfile

import pytest

# get_catalog() writes a JSON cache; keep it out of the user's ~/.cache.
_OWN_CACHE = None
if not os.environ.get("KBUILDER_CACHE_DIR"):
    _OWN_CACHE = tempfile.mkdtemp(prefix="kbuilder-test-cache-")
    os.environ["KBUILDER_CACHE_DIR"] = _OWN_CACHE


def pytest_sessionfinish(session, exitstatus):
    if _OWN_CACHE:
        shutil.rmtree(_OWN_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def catalog():
    from kbuilder.layers.catalog import get_catalog

    return get_catalog()


@pytest.fixture(scope="session")
def k():
    from kbuilder.layers.backend import keras

    return keras()
