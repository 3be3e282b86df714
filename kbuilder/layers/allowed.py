"""Which layer classes a file may name (issue 14, item 4).

The rule: a file (``.kbproj``, Keras ``.json``, ``.h5``, ``.keras``) never
makes kbuilder deserialise a function, or a class outside the layer catalog.
A layer whose class the catalog lacks (``Lambda``, ``TFSMLayer``, a custom
or unknown class), or whose settings name such a class or a function (a
``TimeDistributed`` around a ``Lambda``, an activation saved as a function),
becomes a ``"Placeholder"`` node: its config is kept in ``extra["config"]``,
shown, exported as a stub, and never built.

The safe set is the catalog of the installed Keras, read from the catalog's
JSON cache when there is one, so opening a project does not wait for
TensorFlow; without a cache (the very first run) the catalog is built once.
A static list copied from the catalog would drift with Keras: a layer the
palette offers would turn into a placeholder on the next open, and a saved
placeholder stays one.  The cache is keyed by the Keras version and by the
catalog's own code, so it *is* the catalog.

The wrappers (``Bidirectional``, ``TimeDistributed``,
``SpectralNormalization``) are catalog layers whose ``layer`` parameter is a
layer config: the layer inside them is checked by the same rule.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass
from itertools import chain
from typing import Any

from kbuilder.core.graph import INPUT, PLACEHOLDER, Graph, Node
from kbuilder.core.i18n import translate
from kbuilder.core.limits import shown

# Wrappers, allowed even before the catalog is known; their inner layer is checked like any other.
WRAPPERS = frozenset({"Bidirectional", "TimeDistributed", "SpectralNormalization"})
# Never built from a file, whatever the catalog says.
CODE_CLASSES = frozenset({
    "Lambda", "TFSMLayer", "TFOpLambda", "SlicingOpLambda", "TensorFlowOpLayer", "JaxLayer", "FlaxLayer",
    "TorchModuleWrapper", "Pipeline", "Functional", "Sequential", "Model",
})
# Serialised functions (Keras writes built-in activations as plain names).
FUNCTION_MARKERS = frozenset({"__lambda__", "function", "__function__"})


@dataclass(frozen=True)
class Allowed:
    layers: frozenset[str] | None  # None: no catalog, only CODE_CLASSES are refused
    keras_layers: frozenset[str]  # every keras.layers class the catalog looked at
    reasons: dict[str, str]  # why the catalog left a class out

    def allows(self, class_name: str) -> bool:
        if class_name in CODE_CLASSES:
            return False
        if self.layers is None:
            return class_name not in self.reasons or class_name in WRAPPERS
        return class_name in self.layers


_lock = threading.Lock()
_allowed: Allowed | None = None


def allowed(build: bool = False) -> Allowed:
    """The safe set (once per process, once the catalog is known).

    Without a catalog cache, opening a file does not import TensorFlow (the
    window must not wait for it): the set then refuses the code classes and
    every class the catalog leaves out, and is asked again next time.
    ``build=True`` (code that is about to build a model, so Keras is loaded
    anyway) builds the catalog when needed."""
    global _allowed
    if _allowed is None:
        with _lock:
            if _allowed is None:
                found = _from_catalog(build)
                if found.layers is None and not build:
                    return found  # not kept: the catalog may be known later
                _allowed = found
    return _allowed


def _from_catalog(build: bool = True) -> Allowed:
    from kbuilder.layers import overrides
    from kbuilder.layers.catalog import get_catalog, load_catalog_fast

    catalog = load_catalog_fast()
    if catalog is None and not build:
        return Allowed(None, frozenset(), dict(overrides.EXCLUDED))
    if catalog is None:
        try:
            catalog = get_catalog()
        except Exception:  # noqa: BLE001 - no usable Keras: nothing can be built either
            return Allowed(None, frozenset(), dict(overrides.EXCLUDED))
    names = set(catalog.layer_names()) | WRAPPERS
    names |= {alias for spec in catalog for alias in spec.aliases}
    keras_layers = frozenset(names | set(catalog.skipped))
    return Allowed(frozenset(names - CODE_CLASSES), keras_layers, dict(catalog.skipped))


# ------------------------------------------------------------------ checks
def refusal(class_name: str, params: Any, build: bool = False) -> str | None:
    """Why a layer of ``class_name`` with ``params`` must not be built from a
    file, as a phrase that follows "Layer 'x' (Lambda) ...", or None (in the
    user's language: a translation reads as the predicate of that sentence)."""
    if class_name == PLACEHOLDER:
        return None  # never built, whatever it holds
    safe = allowed(build)
    if class_name != INPUT and class_name not in _trusted and not safe.allows(class_name):
        reason = safe.reasons.get(class_name)
        if class_name in ("Lambda", "TFOpLambda", "SlicingOpLambda"):
            reason = translate("layers.allowed", "it holds Python code")
        elif reason:
            # The catalog's reasons are its English words (cached): kbuilder's own are translated here.
            reason = translate("layers.catalog", reason)
        if reason:
            return translate("layers.allowed", "is not a layer kbuilder builds from a file ({reason})").format(reason=reason)
        return translate("layers.allowed", "is not a Keras layer kbuilder knows")
    found = unsafe_object(params)
    if found:
        return translate("layers.allowed", "names {found} in its settings, which kbuilder never loads from a file").format(
            found=found
        )
    return None


def unsafe_object(value: Any) -> str | None:
    """The first serialised object in ``value`` (a layer's parameters) that
    Keras would turn into a function or a class outside the catalog, in
    words (``"the layer class 'Lambda'"``), or None.  No recursion."""
    safe = allowed()
    level = [value]
    while level:  # one level at a time; only containers go on to the next
        for item in level:
            if isinstance(item, dict) and "class_name" in item:
                found = _object_problem(item, safe)
                if found:
                    return found
        items = list(chain.from_iterable(x.values() if isinstance(x, dict) else x for x in level))
        level = [] if set(map(type, items)) <= _SCALARS else [x for x in items if isinstance(x, (dict, list, tuple))]
    return None


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _object_problem(d: dict, safe: Allowed) -> str | None:
    cls = d.get("class_name")
    if not isinstance(cls, str):
        return None
    module = d.get("module")
    if cls in FUNCTION_MARKERS:
        return translate("layers.allowed", "a Python function")
    if module is not None and not _is_keras(module):
        return translate("layers.allowed", "{name} from outside Keras ({module})").format(
            name=shown(cls), module=shown(module)
        )
    layerish = cls in safe.keras_layers or cls in CODE_CLASSES or (isinstance(module, str) and ".layers" in module)
    if layerish and not safe.allows(cls):
        return translate("layers.allowed", "the layer class {name}").format(name=shown(cls))
    return None


def _is_keras(module: Any) -> bool:
    return isinstance(module, str) and (module in ("keras", "builtins") or module.startswith("keras."))


# ------------------------------------------------------------ placeholders
def placeholder_note(name: str, class_name: str, why: str) -> str:
    """The note an import writes for a placeholder, in the user's language
    (importers keep ``(name, class_name, why)`` beside it: never parse it)."""
    return translate(
        "layers.allowed",
        "Layer {name} ({class_name}) {why}: it became a placeholder; replace it with built-in layers "
        "or write its code yourself in the exported Python.",
    ).format(name=repr(name), class_name=class_name, why=why)


def make_placeholders(graph: Graph) -> list[str]:
    """Turn every node of a freshly read ``graph`` that :func:`refusal`
    refuses into a placeholder (its class and parameters kept in ``extra``);
    returns one note per node changed.  No events: call it before anyone
    follows the graph."""
    notes = []
    for node in graph.nodes:
        why = refusal(node.class_name, node.params)
        if why is None:
            continue
        notes.append(placeholder_note(node.name, node.class_name, why))
        _to_placeholder(graph, node)
    for node in graph.nodes:  # a layer that calls a placeholder again is one too
        if node.shared_with and not node.is_placeholder and graph.owner(node).is_placeholder:
            _to_placeholder(graph, node)
    return notes


def _to_placeholder(graph: Graph, node: Node) -> None:
    extra = {"config": {**copy.deepcopy(node.params), "name": node.name}, "original_class": node.class_name}
    graph.overwrite(node.id, extra=extra, class_name=PLACEHOLDER, params={})


# ------------------------------------------------------------ custom layers
#: Classes of the user's own modules, loaded on their explicit request
#: (:func:`kbuilder.keras_io.custom_code.load_user_module`) in this process.
_trusted: set[str] = set()


def trust_user_classes(names: Any) -> None:
    """Let :func:`refusal` pass these class names from now on: the user
    chose to load the module that defines them (never called by a reader)."""
    _trusted.update(n for n in names if isinstance(n, str) and n not in CODE_CLASSES)


#: Config keys every Keras layer writes: not a custom layer's own settings.
BASE_LAYER_KEYS = frozenset({"name", "trainable", "dtype", "batch_input_shape", "batch_shape", "input_shape",
                             "batch_size", "autocast", "build_config", "input_dim"})


def custom_layer_class(node: Any) -> str | None:
    """The class name of a placeholder that stands for a layer class Keras
    does not know (a custom layer of the user's), or None: a Lambda, a raw
    TensorFlow call or a model are code, not a class to write."""
    extra = getattr(node, "extra", None)
    if getattr(node, "class_name", None) != PLACEHOLDER or not isinstance(extra, dict):
        return None
    cls = extra.get("original_class")
    if not isinstance(cls, str) or not cls.isidentifier() or not cls.isascii() or cls in CODE_CLASSES:
        return None
    if cls in {"TFOpLambda", "SlicingOpLambda", "TensorFlowOpLayer", "Placeholder", "Input", "InputLayer"}:
        return None
    if cls in allowed().keras_layers:  # a Keras class refused for its settings (a function), not a custom one
        return None
    return cls


def saved_settings(node: Any) -> dict[str, Any]:
    """A custom layer's own settings from its saved config (JSON values),
    without what every layer has (name, dtype, ...)."""
    cfg = node.extra.get("config") if isinstance(getattr(node, "extra", None), dict) else None
    if not isinstance(cfg, dict):
        return {}
    return {k: v for k, v in cfg.items() if isinstance(k, str) and k not in BASE_LAYER_KEYS}
