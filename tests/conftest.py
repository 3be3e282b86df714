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
