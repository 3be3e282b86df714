"""A Keras model description (parsed JSON) -> an editable graph, the one way.

:func:`import_config` is what every reader of a model description runs: a
``.json`` file, the ``model_config`` of an ``.h5``, the ``config.json`` of a
``.keras``, the metadata of a Keras 2 SavedModel, and ``to_json()`` text
(:func:`graph_from_json`, and :func:`import_description` for one already
parsed: both check the layer and JSON budgets first).  It translates the
description from Keras 2 (:mod:`~kbuilder.keras_io.legacy`: legacy keys,
nested models unpacked, raw TensorFlow calls as built-in layers), builds the
graph (:func:`~kbuilder.keras_io.from_config.graph_from_config`), restores
what the graph import drops (Embedding's ``input_dim``, the module of a
wrapped layer), marks the layers of nested models, and explains the
placeholders in one note per kind.  Nothing in the description runs.
"""

from __future__ import annotations

import json
from typing import Any

from kbuilder.core.i18n import translate
from kbuilder.core.limits import MAX_LAYERS, json_problem, too_deep
from kbuilder.layers.allowed import custom_layer_class, saved_settings

from .config_structure import ConfigError, count_layers, has_tuple, json_like, too_many_layers, unwrap
from .from_config import ImportResult, graph_from_config
from .legacy import Translation
from .legacy import translate as translate_keras2
from .tf_ops import resolve_with_shapes
from .unnest import LegacyError

__all__ = ["decode_tuples", "graph_from_json", "import_config", "import_description"]


def graph_from_json(text: str) -> ImportResult:
    """``model.to_json()`` text as a graph, read as :func:`import_description` reads it."""
    if not isinstance(text, str):
        raise ConfigError(translate("keras_io.importing", "a Keras model description is text"))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(translate("keras_io.importing", "this is not valid JSON (line {line})").format(
            line=exc.lineno)) from None
    except RecursionError:  # deeper than Python's own limit, so past kbuilder's too
        raise ConfigError(too_deep()) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise ConfigError(translate("keras_io.importing", "it holds a whole number too long to read")) from None
    return import_description(data)


def import_description(data: Any) -> ImportResult:
    """A parsed model description, read exactly as from a file: translated
    from Keras 2 first (nested models wired by their Keras 2 call numbers,
    raw TensorFlow calls as built-in layers), see :func:`import_config`."""
    if not isinstance(data, dict):
        raise ConfigError(translate("keras_io.importing", "a Keras model config is a JSON object"))
    kind, body = unwrap(data)
    if count_layers(body, kind == "Sequential") > MAX_LAYERS:
        raise ConfigError(too_many_layers())
    problem = json_problem(data)
    if problem:
        raise ConfigError(problem)
    try:
        return import_config(json_like(data) if has_tuple(data) else data)[0]
    except LegacyError as exc:
        raise ConfigError(str(exc).rstrip(".")) from None
    except RecursionError:
        raise ConfigError(too_deep()) from None


def import_config(config: dict, keras_version: str | None = None) -> tuple[ImportResult, Translation]:
    """The graph of a model description, with notes, and the translation
    (where each layer's weights sit).  Raises ``LegacyError`` or
    ``ConfigError`` (one sentence / phrase) for what cannot be read; the
    caller checks the JSON budget (:func:`kbuilder.core.limits.json_problem`) first."""
    tr = translate_keras2(config, keras_version)
    result = graph_from_config(tr.config)
    _restore_input_dim(result.graph, tr.config)
    _restore_nested_modules(result.graph)
    shaped = resolve_with_shapes(result.graph)  # tf.expand_dims of an .h5: needs the shapes Keras infers
    _mark_groups(result.graph, tr)
    result.notes = list(tr.notes) + shaped + _explain_placeholders(result.graph, list(result.notes), result.placeholders)
    return result, tr


def decode_tuples(value: Any) -> Any:
    """Keras 2's SavedModel metadata writes tuples as ``{"class_name":
    "__tuple__", "items": [...]}`` and shapes as ``{"class_name":
    "TensorShape", "items": [...]}``: both become lists, as ``to_json()``
    writes them.  Iterative, so any depth the JSON budget allows is fine."""
    root = [value]
    todo: list[tuple[Any, Any]] = [(root, 0)]
    while todo:
        parent, key = todo.pop()
        item = parent[key]
        if isinstance(item, dict):
            if (
                item.get("class_name") in ("__tuple__", "TensorShape")
                and isinstance(item.get("items"), list)
                and set(item) <= {"class_name", "items"}
            ):
                item = parent[key] = list(item["items"])
            else:
                todo.extend((item, k) for k in item)
                continue
        if isinstance(item, list):
            todo.extend((item, i) for i in range(len(item)))
    return root[0]


def _restore_input_dim(graph: Any, config: dict) -> None:
    """``input_dim`` is a real argument of Embedding (the vocabulary size),
    not only Keras's old input-shape shorthand; put it back where the graph
    import dropped it."""
    body = config.get("config") if isinstance(config.get("config"), dict) else config
    dims = {}
    for entry in body.get("layers") or []:
        cfg = entry.get("config") if isinstance(entry, dict) else None
        if isinstance(cfg, dict) and entry.get("class_name") == "Embedding" and isinstance(cfg.get("input_dim"), int):
            dims[entry.get("name") or cfg.get("name")] = cfg["input_dim"]
    for node in graph.nodes:
        if node.class_name == "Embedding" and "input_dim" not in node.params and node.name in dims:
            graph.set_param(node.id, "input_dim", dims[node.name])


def _mark_groups(graph: Any, tr: Any) -> None:
    """Layers unpacked from a nested model keep its name in
    ``extra["group"]`` (``"encoder"``, ``"outer/inner"``), so a view can
    frame them; the graph itself stays flat and editable."""
    for place in tr.places:
        if not place.scope:
            continue
        node = graph.find(place.flat_name)
        if node is None:
            continue
        for n in [node, *graph.sharers(node.id)]:
            n.extra["group"] = "/".join(place.scope)


_NESTED_LAYER_KEYS = ("layer", "backward_layer", "cell", "cells")


def _restore_nested_modules(graph: Any) -> None:
    """A layer inside a wrapper (Bidirectional's LSTM, TimeDistributed's
    Dense, an RNN's cell) needs its ``module`` for Keras 3 to find its class."""

    def fix(value: Any) -> tuple[Any, bool]:
        if isinstance(value, list):
            items = [fix(v) for v in value]
            return [v for v, _ in items], any(c for _, c in items)
        if isinstance(value, dict) and isinstance(value.get("class_name"), str) and "config" in value:
            if value.get("module") is None:
                return {"module": "keras.layers", **value, "registered_name": None}, True
        return value, False

    for node in graph.nodes:
        for key in _NESTED_LAYER_KEYS:
            if key in node.params:
                value, changed = fix(node.params[key])
                if changed:
                    graph.set_param(node.id, key, value)


def _explain_placeholders(graph: Any, notes: list[str], placeholders: dict[str, tuple[str, str, str]]) -> list[str]:
    """One note per kind of placeholder instead of one per layer (ConvNeXt
    has 36), saying why: a TFOpLambda is a raw TensorFlow call that Keras 2
    recorded as a layer, not Python code of the user's.  ``placeholders``
    is :attr:`ImportResult.placeholders`: which notes are placeholder notes,
    for which layer, class and reason."""
    holes = {n.name: n for n in graph.nodes if n.is_placeholder}
    groups: dict[tuple[str, str], list[str]] = {}
    first: dict[tuple[str, str], str] = {}
    out: list[str | tuple[str, str]] = []
    for note in notes:
        found = placeholders.get(note)
        if found is None:
            out.append(note)
            continue
        name, saved_class, why = found
        if name not in holes:
            continue  # no longer a placeholder (a raw TensorFlow call resolved once shapes were known)
        node = holes[name]
        cls = node.extra.get("original_class") or saved_class
        key = (cls, "" if cls in ("TFOpLambda", "SlicingOpLambda") else why)
        if key not in groups:
            groups[key] = []
            first[key] = note
            out.append(key)
        groups[key].append(node.name)
    text: list[str] = []
    for item in out:
        if isinstance(item, str):
            text.append(item)
            continue
        cls, why = item
        names = groups[item]
        shown = ", ".join(repr(n) for n in names[:3])
        if len(names) > 3:
            shown = translate("keras_io.importing", "{names} and {n} more").format(names=shown, n=len(names) - 3)
        many = len(names) > 1
        if not why:
            fns = sorted({_op_call(holes[n]) for n in names})
            calls = ", ".join(fns[:4]) + (", ..." if len(fns) > 4 else "")
            if many:
                sentence = translate(
                    "keras_io.importing", "Layers {names} are raw TensorFlow calls ({calls}) that Keras 2 recorded as "
                    "{cls} layers; Keras 3 has no such layer, so they became placeholders that never run: replace "
                    "them with built-in layers or write them in the exported Python code.")
            else:
                sentence = translate(
                    "keras_io.importing", "Layer {names} is a raw TensorFlow call ({calls}) that Keras 2 recorded as "
                    "{cls} layers; Keras 3 has no such layer, so it became a placeholder that never runs: replace it "
                    "with built-in layers or write it in the exported Python code.")
            text.append(sentence.format(names=shown, calls=calls, cls=cls))
        elif not many:
            text.append(first[item] + _settings_note(holes[names[0]]))
        else:
            text.append(translate(
                "keras_io.importing", "Layers {names} ({cls}): each {why}, so they became placeholders that never "
                "run; replace them with built-in layers or write their code yourself in the exported Python."
            ).format(names=shown, cls=cls, why=why) + _settings_note(holes[names[0]]))
    return text


def _settings_note(node: Any) -> str:
    """For a custom layer class: the settings the file saved, which the
    placeholder keeps (``extra["config"]``) and the exported stub class takes."""
    if custom_layer_class(node) is None:
        return ""
    settings = saved_settings(node)
    if not settings:
        return " " + translate("keras_io.importing", "The file saved no settings for it.")
    text = ", ".join(f"{k}={json.dumps(v)}" for k, v in settings.items())
    text = text if len(text) <= 160 else text[:157] + "..."
    return " " + translate("keras_io.importing", "Its saved settings are kept: {settings}.").format(settings=text)


def _op_call(node: Any) -> str:
    """A raw TensorFlow call as the note shows it: with its arguments when
    :mod:`~kbuilder.keras_io.tf_ops` wrote them down."""
    cfg = node.extra.get("config") if isinstance(node.extra.get("config"), dict) else {}
    if isinstance(cfg.get("call"), str):
        return cfg["call"]
    return f"tf.{cfg.get('function') or node.name}"
