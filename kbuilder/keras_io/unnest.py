"""Nested models unpacked, as a config -> config pass (part of the Keras 2
translation in :mod:`kbuilder.keras_io.legacy`).

A Sequential or functional model used as a layer is replaced by its layers;
a model called ``n`` times gives layers with ``n`` calls each (shared
layers).  References in both inbound-node dialects are rewritten: Keras 3's
``__keras_tensor__`` dicts and Keras 2's ``["layer", node, tensor, {}]``
lists (Keras 2 numbers a nested model's calls from 1 when it was built from
an Input).  Also here: the helpers that read a config's layer list, and
:func:`_fix_names` (Keras 3 refuses ``/`` in layer names).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from kbuilder.core.graph import unique_name
from kbuilder.core.i18n import translate
from kbuilder.core.limits import MAX_LAYERS, limit_text
from kbuilder.keras_io.config_structure import count_layers, entry_class, entry_name

MODEL_CLASSES = {"Functional", "Model", "Sequential"}
INPUT_CLASS = "InputLayer"


class LegacyError(ValueError):
    """The config cannot be read; the message is one sentence for the user."""


# ------------------------------------------------------------------- notes
class _Notes:
    """Collects translation notes, grouping the same change across layers.

    A grouped note is a template (already translated) with ``{names}`` (the
    layers, "'a', 'b' and 3 more"), ``{n}`` (how many) and the ``fields``
    given to :meth:`group`; ``many`` is the template for several layers
    when it differs from the one for one layer."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.grouped: dict[tuple[str, str], list[str]] = {}
        self.why: dict[tuple[str, str], tuple[str, str | None, dict[str, str]]] = {}

    def add(self, text: str) -> None:
        if text not in self.plain:
            self.plain.append(text)

    def group(self, key: tuple[str, str], layer: str, why: str, many: str | None = None, /, **fields: str) -> None:
        names = self.grouped.setdefault(key, [])
        if layer not in names:
            names.append(layer)
        self.why.setdefault(key, (why, many, fields))

    def render(self) -> list[str]:
        out = list(self.plain)
        for key, names in self.grouped.items():
            one, many, fields = self.why[key]
            shown = ", ".join(repr(n) for n in names[:3])
            if len(names) > 3:
                shown = translate("keras_io.unnest", "{names} and {n} more").format(names=shown, n=len(names) - 3)
            values = {**fields, "names": shown, "n": str(len(names)), "s": "" if len(names) == 1 else "s"}
            template = many if many is not None and len(names) > 1 else one
            # Not str.format: a template may carry a file's own text, braces included.
            out.append(re.sub(r"\{([A-Za-z_]\w*)\}", lambda m, v=values: v.get(m[1], m[0]), template))
        return out


def _unwrap(config: dict) -> tuple[str, Any]:
    cls = config.get("class_name")
    if isinstance(cls, str) and "config" in config:
        body = config["config"]
        if cls in ("Functional", "Model"):
            return "Functional", body
        if cls == "Sequential":
            if isinstance(body, list):  # Keras 2.0-2.2 wrote the layer list itself
                body = {"name": "sequential", "layers": body}
            return "Sequential", body
        raise LegacyError(translate(
            "keras_io.unnest", "The file holds a {cls} model, a subclass whose architecture is Python code rather "
            "than a layer list, so kbuilder cannot draw it; rebuild it as a functional or Sequential model."
        ).format(cls=repr(cls)))
    if isinstance(config.get("layers"), list):
        return ("Functional" if "input_layers" in config else "Sequential"), config
    raise LegacyError(translate("keras_io.unnest", "The file's model description has no list of layers."))


def _layers(body: Any) -> list[dict]:
    if not isinstance(body, dict) or not isinstance(body.get("layers"), list):
        return []
    return [e for e in body["layers"] if isinstance(e, dict)]


def _is_model(entry: dict) -> bool:
    """A nested model with a body to unpack: a dict, or (Sequential, Keras
    2.0-2.2) the layer list itself."""
    cls = entry_class(entry)
    body = entry.get("config")
    return cls in MODEL_CLASSES and (isinstance(body, dict) or (cls == "Sequential" and isinstance(body, list)))


def _inbound(entry: dict) -> list:
    """A layer entry's calls (``inbound_nodes``); anything but a list is none."""
    calls = entry.get("inbound_nodes")
    return calls if isinstance(calls, list) else []


def _model_body(entry: dict) -> tuple[str, dict]:
    kind, body = _unwrap({"class_name": entry_class(entry), "config": entry.get("config")})
    if isinstance(body, dict) and not body.get("name"):
        body["name"] = entry_name(entry)
    entry["config"] = body
    return kind, body


def _has_nested(body: Any) -> bool:
    return any(_is_model(e) for e in _layers(body))


# -------------------------------------------------------- nested -> flat
Ref = tuple[str, int, int]


def _is_ref(v: Any) -> bool:
    return (isinstance(v, list) and len(v) in (3, 4) and isinstance(v[0], str)
            and isinstance(v[1], int) and isinstance(v[2], int) and not isinstance(v[1], bool))


def _map_refs(node: Any, fn, depth: int = 0) -> Any:
    """A copy of one inbound node with every tensor reference passed through
    ``fn`` (both dialects)."""
    if depth > 60:
        return node
    if isinstance(node, dict):
        if node.get("class_name") == "__keras_tensor__" and isinstance(node.get("config"), dict):
            hist = node["config"].get("keras_history")
            if _is_ref(hist):
                new = copy.deepcopy(node)
                new["config"]["keras_history"] = list(fn(tuple(hist[:3])))
                return new
            return node
        return {k: _map_refs(v, fn, depth + 1) for k, v in node.items()}
    if isinstance(node, list):
        if _is_ref(node):
            out = list(fn(tuple(node[:3])))
            if len(node) == 4:
                out.append(_map_refs(node[3], fn, depth + 1))
            return out
        return [_map_refs(v, fn, depth + 1) for v in node]
    return node


def _call_refs(node: Any) -> list[Ref]:
    """The tensors one call received, in order."""
    out: list[Ref] = []

    def fn(ref: Ref) -> Ref:
        out.append(ref)
        return ref

    if isinstance(node, dict) and ("args" in node or "kwargs" in node):
        _map_refs(node.get("args"), fn)
    else:
        _map_refs(node, fn)
    return out


def _refs_list(value: Any) -> list[Ref]:
    if _is_ref(value):
        return [tuple(value[:3])]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [tuple(v[:3]) for v in value if _is_ref(v)]
    return []


def _first_shape(kind: str, body: dict) -> list | None:
    entries = _layers(body)
    if not entries:
        return None
    first = entries[0]
    cfg = first.get("config") if isinstance(first.get("config"), dict) else {}
    for key in ("batch_shape", "batch_input_shape"):
        if isinstance(cfg.get(key), list):
            return cfg[key]
    if _is_model(first):
        inner_kind, inner = _model_body(first)
        if inner_kind == "Sequential":
            return _first_shape(inner_kind, inner)
        for e in _layers(inner):
            if entry_class(e) == INPUT_CLASS:
                return _first_shape("Sequential", {"layers": [e]})
    if isinstance(body.get("build_input_shape"), list):
        return body["build_input_shape"]
    return None


def _call_offset(entry: dict, major: int) -> int:
    """Keras 2 counts a nested model's own construction as its call 0 when
    it was built from an Input, so the outer config's references to its
    calls start at 1 (tf.keras ``_should_skip_first_node``)."""
    if major != 2 or not _is_model(entry):
        return 0
    kind, inner = _model_body(entry)
    layers = _layers(inner)
    return 1 if kind != "Sequential" or (layers and entry_class(layers[0]) == INPUT_CLASS) else 0


def _to_functional(kind: str, body: dict, notes: _Notes, major: int = 3) -> dict:
    """A Sequential body as a functional one (Keras 2 dialect)."""
    entries = _layers(body)
    name = body.get("name") or "sequential"
    layers: list[dict] = []
    if entries and entry_class(entries[0]) == INPUT_CLASS:
        inp = copy.deepcopy(entries[0])
        entries = entries[1:]
    else:
        shape = _first_shape(kind, body)
        if shape is None:
            shape = [None, None]
            notes.add(translate("keras_io.unnest", "The file does not say the input shape of {name}; set it on its "
                                "Input layer.").format(name=repr(name)))
        inp = {"class_name": INPUT_CLASS, "config": {"batch_shape": shape, "dtype": "float32"}}
    in_name = entry_name(inp) or f"{name}_input"
    inp["name"] = in_name
    inp.setdefault("config", {})["name"] = in_name
    inp["inbound_nodes"] = []
    layers.append(inp)
    prev, prev_node = in_name, 0
    for entry in entries:
        entry = dict(entry)
        entry["name"] = entry_name(entry)
        entry["inbound_nodes"] = [[[prev, prev_node, 0, {}]]]
        layers.append(entry)
        prev, prev_node = entry["name"], _call_offset(entry, major)
    return {"name": name, "layers": layers, "input_layers": [[in_name, 0, 0]], "output_layers": [[prev, prev_node, 0]]}


class _Flattener:
    def __init__(self, notes: _Notes, major: int) -> None:
        self.notes = notes
        self.major = major

    def flatten(self, body: dict, scope: tuple[str, ...]) -> tuple[dict, dict[tuple, str]]:
        """Inline every nested model of a functional ``body``.  Returns the
        new body and ``(*scope, name) -> flat name`` for renamed layers.
        Nested models called more than once multiply: the layers are counted
        first, and more than ``MAX_LAYERS`` is refused before any copying."""
        if not scope and count_layers(body, False) > MAX_LAYERS:
            raise LegacyError(translate(
                "keras_io.unnest", "The model unpacks into more than {limit} layers once its nested models and "
                "their calls are counted, which is kbuilder's limit.").format(limit=limit_text(MAX_LAYERS)))
        entries = _layers(body)
        taken = {entry_name(e) for e in entries if not _is_model(e)}
        renames: dict[tuple, str] = {}
        # Per nested model: inner flat body, its calls, and a renaming.
        nested: dict[str, dict[str, Any]] = {}
        for entry in entries:
            if not _is_model(entry):
                continue
            mname = entry_name(entry)
            kind, inner = _model_body(entry)
            offset = _call_offset(entry, self.major)
            if kind == "Sequential":
                inner = _to_functional(kind, inner, self.notes, self.major)
            inner, inner_renames = self.flatten(inner, (*scope, mname))
            inner_layers = _layers(inner)
            input_names = [r[0] for r in _refs_list(inner.get("input_layers"))]
            counts: dict[str, int] = {}
            flat: dict[str, str] = {}
            for e in inner_layers:
                n = entry_name(e)
                counts[n] = max(1, len(_inbound(e)))
                if entry_class(e) == INPUT_CLASS:
                    continue
                new = n
                if new in taken:
                    new = unique_name(f"{mname}_{n}", taken)
                taken.add(new)
                flat[n] = new
            for key, value in inner_renames.items():
                renames[key] = flat.get(value, value)
            for n, new in flat.items():
                renames[(*scope, mname, n)] = new
            calls = _inbound(entry)
            nested[mname] = {"inner": inner, "inputs": input_names, "counts": counts, "flat": flat, "offset": offset,
                             "calls": [_call_refs(c) for c in calls], "outputs": _refs_list(inner.get("output_layers"))}
            if not calls:
                self.notes.add(translate("keras_io.unnest", "The nested model {name} is never called in the outer "
                                         "model, so it was left out.").format(name=repr(mname)))
            else:
                if len(calls) > 1 and len(flat) == 1:
                    note = translate("keras_io.unnest", "The nested model {name} was unpacked into its 1 layer "
                                     "(called {calls} times, so it is shared).")
                elif len(calls) > 1:
                    note = translate("keras_io.unnest", "The nested model {name} was unpacked into its {n} layers "
                                     "(called {calls} times, so they are shared).")
                elif len(flat) == 1:
                    note = translate("keras_io.unnest", "The nested model {name} was unpacked into its 1 layer.")
                else:
                    note = translate("keras_io.unnest", "The nested model {name} was unpacked into its {n} layers.")
                self.notes.add(note.format(name=repr(mname), n=len(flat), calls=len(calls)))

        def resolve(ref: Ref, depth: int = 0) -> Ref:
            """An outer reference, with nested-model outputs replaced."""
            name, node_index, tensor_index = ref
            info = nested.get(name)
            if info is None or depth > 100:
                return ref
            node_index -= info["offset"]
            if node_index < 0 or node_index >= len(info["calls"]) or tensor_index >= len(info["outputs"]):
                return ref
            return inner_ref(info, node_index, info["outputs"][tensor_index], depth + 1)

        def inner_ref(info: dict, call: int, ref: Ref, depth: int) -> Ref:
            name, node_index, tensor_index = ref
            if name in info["inputs"]:
                args = info["calls"][call]
                k = info["inputs"].index(name)
                if k < len(args):
                    return resolve(args[k], depth)
                return ref
            n = info["counts"].get(name, 1)
            return (info["flat"].get(name, name), call * n + node_index, tensor_index)

        out_layers: list[dict] = []
        for entry in entries:
            if not _is_model(entry):
                new = dict(entry)
                new["inbound_nodes"] = [_map_refs(node, resolve) for node in _inbound(entry)]
                out_layers.append(new)
                continue
            info = nested[entry_name(entry)]
            for e in _layers(info["inner"]):
                if entry_class(e) == INPUT_CLASS:
                    continue
                new = dict(e)
                new["name"] = info["flat"][entry_name(e)]
                if isinstance(new.get("config"), dict):
                    new["config"] = dict(new["config"], name=new["name"])
                own = _inbound(e)
                new_nodes = []
                for call in range(len(info["calls"])):
                    for node in own:
                        new_nodes.append(
                            _map_refs(node, lambda r, call=call, info=info: inner_ref(info, call, r, 0))
                        )
                new["inbound_nodes"] = new_nodes
                if new_nodes:
                    out_layers.append(new)
        result = dict(body)
        result["layers"] = out_layers
        result["input_layers"] = [list(resolve(r)) for r in _refs_list(body.get("input_layers"))]
        result["output_layers"] = [list(resolve(r)) for r in _refs_list(body.get("output_layers"))]
        return result, renames


def _fix_names(body: dict, notes: _Notes) -> dict[str, str]:
    """Keras 3 refuses ``/`` in layer names, which Keras 2's applications
    used (``conv1/conv``): rename those layers and every reference to them."""
    entries = _layers(body)
    taken = {entry_name(e) for e in entries}
    renames: dict[str, str] = {}
    for entry in entries:
        old = entry_name(entry)
        if "/" not in old:
            continue
        new = unique_name(re.sub(r"/+", "_", old).strip("_") or "layer", taken)
        taken.add(new)
        renames[old] = new
        entry["name"] = new
        if isinstance(entry.get("config"), dict):
            entry["config"]["name"] = new
    if not renames:
        return renames

    def fn(ref: Ref) -> Ref:
        return (renames.get(ref[0], ref[0]), ref[1], ref[2])

    for entry in entries:
        if _inbound(entry):
            entry["inbound_nodes"] = [_map_refs(node, fn) for node in _inbound(entry)]
    for key in ("input_layers", "output_layers"):
        if key in body:
            body[key] = _map_refs(body[key], fn)
    first = next(iter(renames.items()))
    if len(renames) > 1:
        note = translate("keras_io.unnest", "Renamed {n} layers whose names contain '/' (such as {old}, now {new}): "
                         "Keras 3 does not allow '/' in layer names.")
    else:
        note = translate("keras_io.unnest", "Renamed 1 layer whose names contain '/' (such as {old}, now {new}): "
                         "Keras 3 does not allow '/' in layer names.")
    notes.add(note.format(n=len(renames), old=repr(first[0]), new=repr(first[1])))
    return renames
