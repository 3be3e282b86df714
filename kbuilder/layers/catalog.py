"""The layer catalog: every Keras layer a beginner can draw, with its parameters.

One source of truth: parameters, defaults and help come from Keras itself
(:mod:`.introspect`); only the beginner overrides are a hand table
(:mod:`.overrides`).  :func:`get_catalog` imports Keras, builds the catalog
once and writes a JSON cache; :func:`load_catalog_fast` reads that cache
without importing Keras, so the palette can show before TensorFlow has loaded.

API (the contract in docs/ARCHITECTURE.md, plus a few extras marked +)::

    get_catalog() -> Catalog            load_catalog_fast() -> Catalog | None
    Catalog.specs: dict[str, LayerSpec] (includes the "Input" pseudo layer)
    Catalog.get(name) resolves aliases (Convolution2D -> Conv2D, and Keras's
        __name__ GroupedQueryAttention -> its public name GroupQueryAttention)
    Catalog.by_category(), to_json(), from_json(text)
    + Catalog.skipped {class: why left out}, layer_names(), canonical_name(name)
    LayerSpec: class_name (always getattr(keras.layers, class_name)), category,
        summary, doc, params, min_inputs, max_inputs, beginner, key_params,
        aliases, param(name), build_params()
        + input_mode "single" | "list" (layer([a, b])) | "args" (layer(q, v, k)),
          input_names (port labels), defaults(), module
    ParamSpec: name, kind, default, choices, help, advanced, required, nullable,
        coerce(value)
        + minimum/maximum (per element for tuples), tuple_len (2 for Conv2D),
          allow_other (choice list is a suggestion: initializers etc. also take
          a Keras {"class_name", "config"} dict)

For a required parameter, ``default`` is the beginner value that
``build_params()`` returns (Dense.units -> 32).  ``choices`` never contains
None; ``nullable`` says None is allowed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from importlib import metadata
from pathlib import Path
from typing import Any

from kbuilder.layers import overrides as ov
from kbuilder.layers.spec import KINDS, LayerSpec, ParamSpec

__all__ = ["KINDS", "Catalog", "LayerSpec", "ParamSpec", "cache_path", "get_catalog", "load_catalog_fast"]

# Bump when the JSON shape of a spec changes.
FORMAT = 1


class Catalog:
    def __init__(self, specs: list[LayerSpec], skipped: dict[str, str] | None = None, keras_version: str = "") -> None:
        self.specs: dict[str, LayerSpec] = {s.class_name: s for s in specs}
        # Keras layer classes that the palette leaves out, and why.
        self.skipped: dict[str, str] = dict(skipped or {})
        self.keras_version = keras_version
        self._aliases = {a: s.class_name for s in specs for a in s.aliases}

    def __len__(self) -> int:
        return len(self.specs)

    def __contains__(self, class_name: object) -> bool:
        return isinstance(class_name, str) and self.get(class_name) is not None

    def __iter__(self):
        return iter(list(self.specs.values()))

    def get(self, class_name: str) -> LayerSpec | None:
        """The spec of ``class_name`` or of the class it is an alias of
        (``Convolution2D`` -> ``Conv2D``); None if the palette lacks it."""
        spec = self.specs.get(class_name)
        if spec is None and class_name in self._aliases:
            spec = self.specs.get(self._aliases[class_name])
        return spec

    def canonical_name(self, class_name: str) -> str | None:
        spec = self.get(class_name)
        return spec.class_name if spec else None

    def layer_names(self) -> list[str]:
        """The Keras layer classes offered (the Input pseudo layer left out)."""
        return [n for n in self.specs if n != "Input"]

    def by_category(self) -> list[tuple[str, list[LayerSpec]]]:
        """Categories in beginner order; within each, beginner layers first
        (in the order of the beginner table), then the rest by name."""
        groups: dict[str, list[LayerSpec]] = {}
        for spec in self.specs.values():
            groups.setdefault(spec.category, []).append(spec)

        def cat_key(cat: str) -> tuple[int, str]:
            order = ov.CATEGORY_ORDER
            return (order.index(cat) if cat in order else len(order), cat)

        def spec_key(spec: LayerSpec) -> tuple[int, int, list[Any]]:
            if spec.beginner and spec.class_name in ov.BEGINNER:
                return (0, ov.BEGINNER.index(spec.class_name), [])
            return (1, 0, _natural(spec.class_name))

        return [(cat, sorted(groups[cat], key=spec_key)) for cat in sorted(groups, key=cat_key)]

    # ---------------------------------------------------------------- JSON
    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "keras_version": self.keras_version,
                "specs": [s.to_dict() for s in self.specs.values()],
                "skipped": self.skipped,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> Catalog:
        d = json.loads(text)
        if d.get("format") != FORMAT:
            raise ValueError(f"catalog format {d.get('format')!r}, expected {FORMAT}")
        return cls(
            [LayerSpec.from_dict(s) for s in d["specs"]],
            skipped=d.get("skipped") or {},
            keras_version=str(d.get("keras_version") or ""),
        )


def _natural(name: str) -> list[Any]:
    """Sort key that puts Conv2D before Conv10D and Conv1D before Conv1DTranspose."""
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", name)]


# ------------------------------------------------------------------ cache
def _keras_version() -> str | None:
    try:
        return metadata.version("keras")
    except metadata.PackageNotFoundError:
        return None


def _fingerprint() -> str:
    """Changes when the code that makes the catalog changes, so an edited
    override table never meets a stale cache."""
    h = hashlib.sha256(str(FORMAT).encode())
    here = Path(__file__).parent
    for name in ("catalog.py", "introspect.py", "overrides.py", "spec.py"):
        try:
            h.update((here / name).read_bytes())
        except OSError:
            pass
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    env = os.environ.get("KBUILDER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kbuilder"


def cache_path(keras_version: str | None = None) -> Path | None:
    """Where the catalog of the installed Keras is cached (None without Keras)."""
    version = keras_version or _keras_version()
    if not version:
        return None
    safe = re.sub(r"[^\w.+-]", "_", version)
    return cache_dir() / f"catalog-keras-{safe}-{_fingerprint()}.json"


def load_catalog_fast() -> Catalog | None:
    """The cached catalog of the installed Keras, without importing Keras;
    None if there is no (readable) cache yet."""
    if _catalog is not None:
        return _catalog
    return _read_cache()


def _read_cache() -> Catalog | None:
    path = cache_path()
    if path is None:
        return None
    try:
        return Catalog.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write_cache(catalog: Catalog) -> None:
    path = cache_path(catalog.keras_version)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(catalog.to_json(), encoding="utf-8")
        os.replace(tmp, path)
        for old in path.parent.glob("catalog-keras-*.json"):  # other Keras versions, older code
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home only costs the next start a few seconds


# -------------------------------------------------------------- singleton
_lock = threading.Lock()
_catalog: Catalog | None = None


def build_catalog() -> Catalog:
    """A fresh catalog from the installed Keras (imports it)."""
    from kbuilder.layers.backend import keras  # noqa: PLC0415
    from kbuilder.layers.introspect import build_specs  # noqa: PLC0415

    k = keras()
    specs, skipped = build_specs(k)
    return Catalog(specs, skipped=skipped, keras_version=_keras_version() or getattr(k, "__version__", ""))


def get_catalog() -> Catalog:
    """The catalog (once per process).  Imports Keras on the first call; the
    introspection itself (about 3 s) runs only when no cache matches the
    installed Keras and this code, and then writes the cache."""
    global _catalog
    if _catalog is None:
        with _lock:
            if _catalog is None:
                from kbuilder.layers.backend import keras  # noqa: PLC0415

                keras()
                catalog = _read_cache()
                if catalog is None:
                    catalog = build_catalog()
                    _write_cache(catalog)
                _catalog = catalog
    return _catalog
