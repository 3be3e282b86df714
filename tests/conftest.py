import os
import shutil
import tempfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

# get_catalog() writes a JSON cache; keep every test's out of the user's ~/.cache.
_OWN_CACHE = None
if not os.environ.get("KBUILDER_CACHE_DIR"):
    _OWN_CACHE = tempfile.mkdtemp(prefix="kbuilder-test-cache-")
    os.environ["KBUILDER_CACHE_DIR"] = _OWN_CACHE


def pytest_sessionfinish(session, exitstatus):
    if _OWN_CACHE:
        shutil.rmtree(_OWN_CACHE, ignore_errors=True)


# The language is English in every test, whatever the machine's locale or the
# user's saved View > Language (tests that check Korean ask for it); settings
# go to a folder of the test run's own.
os.environ["KBUILDER_LANG"] = "en"
_CONFIG = tempfile.mkdtemp(prefix="kbuilder-test-config-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_CONFIG, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_CONFIG, "data")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _english_again():
    """A test that switched the Qt-free side to another language leaves English behind."""
    yield
    from kbuilder.core import i18n

    i18n.set_translator(None)
