"""The JSON cache lets the palette show before TensorFlow loads."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kbuilder.layers import catalog as catalog_module


def _run(code: str, cache_dir: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "KBUILDER_CACHE_DIR": cache_dir}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True,
                          text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])


def test_fast_load_reads_the_cache_without_keras_or_qt(catalog):
    path = catalog_module.cache_path()
    assert path is not None and path.exists()
    result = _run(
        """
        import sys
        sys.modules["PySide6"] = None  # the layers package must not need Qt
        from kbuilder.layers.catalog import load_catalog_fast
        import kbuilder.layers.introspect, kbuilder.layers.overrides, kbuilder.layers.spec  # noqa: F401
        cat = load_catalog_fast()
        assert cat is not None
        assert "keras" not in sys.modules and "tensorflow" not in sys.modules, "imported Keras"
        assert cat.get("Convolution2D").class_name == "Conv2D"
        print(len(cat.layer_names()))
        """,
        str(path.parent),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip()) == len(catalog.layer_names())


def test_fast_load_without_cache_is_none(tmp_path, monkeypatch, catalog):
    monkeypatch.setattr(catalog_module, "_catalog", None)
    monkeypatch.setenv("KBUILDER_CACHE_DIR", str(tmp_path))
    assert catalog_module.load_catalog_fast() is None
    # A cache for this Keras and this code: read back equal.
    path = catalog_module.cache_path()
    assert path.parent == tmp_path and catalog.keras_version in path.name
    stale = tmp_path / "catalog-keras-0.0.1-000000000000.json"
    stale.write_text("{}", encoding="utf-8")
    catalog_module._write_cache(catalog)
    assert not stale.exists()  # caches of other versions are cleaned up
    again = catalog_module.load_catalog_fast()
    assert again is not None and again.to_json() == catalog.to_json()
    # A damaged cache is ignored, not an error.
    path.write_text("{not json", encoding="utf-8")
    assert catalog_module.load_catalog_fast() is None
    assert not list(tmp_path.glob("*.tmp"))


def test_cache_write_failure_is_harmless(monkeypatch, catalog, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("KBUILDER_CACHE_DIR", str(blocker / "sub"))  # cannot mkdir under a file
    catalog_module._write_cache(catalog)


def test_get_catalog_is_a_singleton(catalog):
    assert catalog_module.get_catalog() is catalog
    assert catalog_module.load_catalog_fast() is catalog


@pytest.mark.parametrize("name", ["catalog", "spec", "overrides", "introspect"])
def test_modules_do_not_import_keras_at_module_level(name):
    source = (Path(catalog_module.__file__).parent / f"{name}.py").read_text(encoding="utf-8")
    top_level = [ln for ln in source.splitlines() if ln.startswith(("import ", "from "))]
    assert not any("keras" in ln and "kbuilder" not in ln or "tensorflow" in ln or "PySide6" in ln
                   for ln in top_level)
