"""Keras model config / JSON -> layer graph.

Reads what ``model.to_json()`` or ``model.get_config()`` produce, Keras 3 or
Keras 2, Functional or Sequential, with or without the
``{"class_name": ..., "config": ...}`` wrapper.  The input is untrusted plain
JSON: nothing in it is evaluated, deserialised or imported.  Keras is only
asked for the signatures of its own layer classes (to drop arguments that
equal their defaults, and those Keras 3 no longer accepts).

Mapping
-------
* ``InputLayer`` -> an ``"Input"`` node, ``params = {"shape": [...], "dtype"}``
  (the batch dimension removed).  Model inputs come first, in the model's
  input order.
* A layer called ``n`` times (a shared layer) -> one owner node (call 0, the
  original name) plus ``n - 1`` sharing nodes (``shared_with`` = owner id,
  named ``<name>_shared``, ``<name>_shared_1``, ...).  A reference to call
  ``k`` of a layer attaches to the node of call ``k``.
* Tensors a layer receives (positional arguments, lists of them for merges,
  then tensor keyword arguments) become its input ports in that order; the
  tensor index of a multi-output layer becomes the edge's ``src_port``.
* A model used as a layer (nested Sequential/Functional) is unpacked: its layers
  join the graph (renamed ``<model>_<name>`` only on a clash), and when it is
  called again they are shared.
* Lambda, TFOpLambda, TFSMLayer, custom and unknown classes, any class
  outside the layer catalog, and a layer whose settings name such a class or
  a function (:mod:`kbuilder.layers.allowed`) become ``"Placeholder"`` nodes
  with ``extra = {"config": ..., "original_class": ...}`` and a note.
* Budgets (:mod:`kbuilder.core.limits`), checked before any work: JSON nested
  at most ``MAX_JSON_DEPTH`` deep, at most ``MAX_LAYERS`` layers once nested
  models are unpacked and their calls expanded, ``MAX_PORTS`` inputs a layer.
* Outputs: ``is_output`` is set on the output layers only when they differ
  from the graph's sinks (otherwise the sinks are the outputs anyway, and
  layers added later behave as a beginner expects).
* Positions come from :func:`kbuilder.core.layout.layered_layout`.
"""

from __future__ import annotations

import copy
import json
import math
import re
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from kbuilder.core.graph import INPUT, PLACEHOLDER, Edge, Graph, GraphError, Node, unique_name
from kbuilder.core.limits import MAX_LAYERS, MAX_MODEL_NESTING, MAX_PORTS, json_problem, limit_text, shown, too_deep
from kbuilder.layers.allowed import placeholder_note, refusal

# Classes that hold Python code (never deserialised) or are not single layers.
_CODE_CLASSES = {"Lambda", "TFOpLambda", "SlicingOpLambda", "TensorFlowOpLayer"}
_MODEL_CLASSES = {"Functional", "Model", "Sequential"}
_INPUT_CLASSES = {"InputLayer"}
# Config keys that are never constructor arguments kbuilder keeps.
_NOISE = {"name", "batch_input_shape", "batch_shape", "input_shape", "input_dim", "batch_size", "build_config"}


class ConfigError(ValueError):
    """The text is not a Keras model config kbuilder can read."""


@dataclass
class ImportResult:
    graph: Graph
    notes: list[str] = field(default_factory=list)
    # Filled by model_file for .h5/.keras files; always None here.
    weights: Any = None


def graph_from_json(text: str) -> ImportResult:
    if not isinstance(text, str):
        raise ConfigError("a Keras model description is text")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"this is not valid JSON (line {exc.lineno})") from None
    except RecursionError:  # deeper than Python's own limit, so past kbuilder's too
        raise ConfigError(too_deep()) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise ConfigError("it holds a whole number too long to read") from None
    return import_description(data)


def import_description(data: Any) -> ImportResult:
    """A parsed model description, read exactly as from a file: translated
    from Keras 2 first (nested models wired by their Keras 2 call numbers,
    raw TensorFlow calls as built-in layers), see
    :func:`kbuilder.keras_io.importing.import_config`."""
    if not isinstance(data, dict):
        raise ConfigError("a Keras model config is a JSON object")
    kind, body = _unwrap(data)
    if count_layers(body, kind == "Sequential") > MAX_LAYERS:
        raise ConfigError(
            f"it unpacks into more than {limit_text(MAX_LAYERS)} layers once its nested models and shared "
            "calls are counted, kbuilder's limit"
        )
    problem = json_problem(data)
    if problem:
        raise ConfigError(problem)
    from kbuilder.keras_io.importing import import_config  # noqa: PLC0415 - importing needs this module
    from kbuilder.keras_io.unnest import LegacyError  # noqa: PLC0415

    try:
        return import_config(_json_like(data) if _has_tuple(data) else data)[0]
    except LegacyError as exc:
        raise ConfigError(str(exc).rstrip(".")) from None
    except RecursionError:
        raise ConfigError(too_deep()) from None


def graph_from_config(config: dict) -> ImportResult:
    """Build a graph from a Keras model config (see the module docstring)."""
    if not isinstance(config, dict):
        raise ConfigError("a Keras model config is a JSON object")
    kind, body = _unwrap(config)
    # Cheapest first: the layer count looks only at layer lists.
    if count_layers(body, kind == "Sequential") > MAX_LAYERS:
        raise ConfigError(
            f"it unpacks into more than {limit_text(MAX_LAYERS)} layers once its nested models and shared "
            "calls are counted, kbuilder's limit"
        )
    problem = json_problem(config)
    if problem:
        raise ConfigError(problem)
    if _has_tuple(body):
        # A live model's get_config() holds tuples where a saved file holds
        # lists; read both the same way.
        body = _json_like(body)
    notes: list[str] = []
    name = body.get("name") if isinstance(body, dict) else None
    importer = _Importer(name if isinstance(name, str) and name.strip() else "model", notes)
    if kind == "Sequential":
        importer.sequential(body)
    else:
        importer.functional(body)
    from kbuilder.core.layout import layered_layout

    layered_layout(importer.graph)
    return ImportResult(importer.graph, notes)


def count_layers(body: Any, sequential: bool, depth: int = 0) -> int:
    """How many layers (graph nodes) a model body becomes once its nested
    models are unpacked: a layer called ``n`` times is ``n`` nodes, a nested
    model called ``n`` times is ``n`` copies of its own count.  Counted
    without expanding anything, and stops once past ``MAX_LAYERS``, so nested
    models each called twice (2**depth layers) cost no more than reading."""
    layers = body.get("layers") if isinstance(body, dict) else body
    if not isinstance(layers, list):
        return 0
    total = 1 if sequential else 0  # the Input a Sequential may be given
    for entry in layers:
        if not isinstance(entry, dict):
            continue
        inbound = entry.get("inbound_nodes")
        calls = 1 if sequential else len(inbound) if isinstance(inbound, list) else 0
        inner = entry.get("config") if entry_class(entry) in _MODEL_CLASSES else None
        if isinstance(inner, (dict, list)) and depth < MAX_MODEL_NESTING:
            inner_sequential = entry_class(entry) == "Sequential" or not (
                isinstance(inner, dict) and "input_layers" in inner
            )
            total += calls * count_layers(inner, inner_sequential, depth + 1)
        else:
            total += max(1, calls)
        if total > MAX_LAYERS:
            break
    return total


def _has_tuple(value: Any) -> bool:
    """Whether a config holds a tuple anywhere (one level at a time, C-level)."""
    level = [value] if isinstance(value, (dict, list, tuple)) else []
    while level:
        if any(isinstance(x, tuple) for x in level):
            return True
        items = list(chain.from_iterable(x.values() if isinstance(x, dict) else x for x in level))
        kinds = set(map(type, items))
        level = [x for x in items if isinstance(x, (dict, list, tuple))] if not kinds <= _SCALARS else []
    return False


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _json_like(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _json_like(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_like(v) for v in value]
    return value


def _unwrap(config: dict) -> tuple[str, Any]:
    cls = config.get("class_name")
    if isinstance(cls, str) and "config" in config:
        if cls in ("Functional", "Model"):
            return "Functional", config["config"]
        if cls == "Sequential":
            return "Sequential", config["config"]
        raise ConfigError(f"this is a {cls!r} config, not a Keras model (Functional or Sequential)")
    if isinstance(config.get("layers"), list):
        return ("Functional" if "input_layers" in config else "Sequential"), config
    raise ConfigError("no model found: expected a Keras model config with a list of layers")


class _Importer:
    """Collects nodes and edges, then makes the graph in one checked step
    (:meth:`Graph.from_parts`): adding them one by one costs O(n**2)."""

    def __init__(self, name: str, notes: list[str]) -> None:
        self.graph = Graph(name=name)
        self.notes = notes
        self.staged: dict[str, Node] = {}
        self.names: set[str] = set()

    def stage(self, node: Node) -> Node:
        self.staged[node.id] = node
        self.names.add(node.name)
        return node

    # ---------------------------------------------------------- functional
    def functional(self, body: Any) -> None:
        if not isinstance(body, dict) or not isinstance(body.get("layers"), list):
            raise ConfigError("the model config has no list of layers")
        self.nodes: dict[tuple[str, str, int], Node] = {}
        self.aliases: dict[tuple[str, str, int, int], tuple[str, str, int, int]] = {}
        self.wiring: list[tuple[Node, list[tuple[str, str, int, int]]]] = []
        self.top_names = {entry_name(e) for e in body["layers"] if isinstance(e, dict)}
        output_refs = self.scope(body, "", None, None)
        edges: list[Edge] = []
        for node, refs in self.wiring:
            if len(refs) > MAX_PORTS:
                raise ConfigError(
                    f"layer {shown(node.name)} takes {len(refs)} inputs, more than kbuilder's limit of {MAX_PORTS}"
                )
            for port, ref in enumerate(refs):
                found = self.resolve(ref)
                if found is None or found[1] >= MAX_PORTS:
                    self.notes.append(
                        f"Layer {shown(node.name)} refers to {shown(ref[1])} (call {ref[2]}), which is not in "
                        "the file; that connection was left out."
                    )
                    continue
                src, src_port = found
                if src is node:
                    self.notes.append(f"Layer {shown(node.name)} takes its own output; that connection was left out.")
                    continue
                edges.append(Edge(src=src.id, dst=node.id, dst_port=port, src_port=src_port))
        try:
            self.graph = Graph.from_parts(self.graph.name, self.staged.values(), edges)
        except GraphError as exc:
            raise ConfigError(str(exc)) from None

        outputs: list[Node] = []
        for ref in output_refs:
            found = self.resolve(ref)
            if found is None:
                self.notes.append(f"The model output {ref[1]!r} is not among the layers; it was left out.")
                continue
            node, port = found
            if port:
                self.notes.append(
                    f"The model output is output {port} of layer {node.name!r}; kbuilder marks the "
                    "whole layer as an output."
                )
            if node not in outputs:
                outputs.append(node)
        sinks = self.graph.outputs()
        if outputs and set(n.id for n in outputs) != set(n.id for n in sinks):
            for node in outputs:
                self.graph.set_output(node.id, True)
        if outputs and [n.id for n in outputs] != [n.id for n in self.graph.outputs()]:
            order = ", ".join(repr(n.name) for n in self.graph.outputs())
            self.notes.append(f"The model's outputs will be in the order {order}.")

    def scope(
        self,
        body: dict,
        scope: str,
        feed: list[tuple[str, str, int, int]] | None,
        owner_scope: str | None,
        depth: int = 0,
    ) -> list[tuple[str, str, int, int]]:
        """Add the layers of one (possibly nested) functional body.

        ``scope`` keeps layer names of nested models apart; ``feed`` is the
        outer tensors that replace a nested model's inputs (None at the top,
        where InputLayers become Input nodes); with ``owner_scope`` every
        layer shares its weights with the same layer in that scope (a nested
        model called a second time).  Returns the body's output references."""
        layers = [entry for entry in body["layers"] if isinstance(entry, dict)]
        input_names = [ref[0] for ref in _refs_list(body.get("input_layers"))]
        rank = {n: i for i, n in enumerate(input_names)}
        # Model inputs first, in the model's input order (stable sort).
        layers.sort(key=lambda e: rank.get(entry_name(e), len(rank)) if entry_class(e) in _INPUT_CLASSES else len(rank))
        prefix = body.get("name") if isinstance(body.get("name"), str) else "model"
        for entry in layers:
            name = entry_name(entry)
            cls = entry_class(entry)
            inbound = entry.get("inbound_nodes") or []
            if not isinstance(inbound, list):
                inbound = []
            if cls in _INPUT_CLASSES:
                if feed is None:
                    self.nodes[(scope, name, 0)] = self.add_input(entry)
                elif name in rank and rank[name] < len(feed):
                    self.aliases[(scope, name, 0, 0)] = feed[rank[name]]
                else:
                    self.notes.append(f"Nested model {prefix!r}: its input {name!r} is not fed; left unconnected.")
                continue
            inner = _nested_body(entry) if depth < MAX_MODEL_NESTING else None
            if inner is not None:
                for k in range(len(inbound)):
                    refs = [(scope, *ref) for ref in _tensor_refs(inbound[k])]
                    inner_scope = f"{scope}/{name}#{k}"
                    if k == 0 and owner_scope is None:
                        inner_owner = None
                    else:
                        inner_owner = f"{owner_scope if owner_scope is not None else scope}/{name}#0"
                    outs = self.scope(inner, inner_scope, refs, inner_owner, depth + 1)
                    for t, out in enumerate(outs):
                        self.aliases[(scope, name, k, t)] = out
                if scope == "" and owner_scope is None:
                    self.notes.append(
                        f"The nested model {name!r} was unpacked: its layers now sit in this model"
                        + (" and are shared between its calls." if len(inbound) > 1 else ".")
                    )
                continue
            for k in range(max(1, len(inbound))):
                owner = None
                if owner_scope is not None:
                    owner = self.nodes.get((owner_scope, name, 0))
                elif k > 0:
                    owner = self.nodes.get((scope, name, 0))
                if owner is not None and owner.shared_with is not None:
                    owner = self.staged[owner.shared_with]  # sharers always name the first call
                if owner is None or owner.is_input:
                    node = self.add_layer(entry, self.inner_name(prefix, name) if scope else None)
                else:
                    node = self.stage(Node(
                        class_name=owner.class_name, name=unique_name(owner.name + "_shared", self.names),
                        shared_with=owner.id,
                    ))
                self.nodes[(scope, name, k)] = node
                if k < len(inbound):
                    self.wiring.append((node, [(scope, *ref) for ref in _tensor_refs(inbound[k])]))
        return [(scope, *ref) for ref in _refs_list(body.get("output_layers"))]

    def inner_name(self, prefix: str, name: str) -> str:
        """A nested model's layer keeps its name unless the outer model (or an
        earlier layer) uses it: then ``<model>_<name>``."""
        if name.strip() and name not in self.names and name not in self.top_names:
            return name
        return unique_name(f"{prefix}_{name}" if name.strip() else prefix, self.names)

    def resolve(self, ref: tuple[str, str, int, int]) -> tuple[Node, int] | None:
        """The node and output port a tensor reference stands for."""
        for _ in range(1000):
            alias = self.aliases.get(ref)
            if alias is None:
                break
            ref = alias
        node = self.nodes.get(ref[:3])
        return None if node is None else (node, ref[3])

    # ---------------------------------------------------------- sequential
    def sequential(self, body: Any) -> None:
        if isinstance(body, list):  # Keras 2.0-2.2 wrote the layer list itself
            body = {"layers": body}
        if not isinstance(body, dict) or not isinstance(body.get("layers"), list):
            raise ConfigError("the Sequential config has no list of layers")
        layers = [entry for entry in body["layers"] if isinstance(entry, dict)]
        if not (layers and entry_class(layers[0]) in _INPUT_CLASSES):
            shape = None
            first_cfg = layers[0].get("config") if layers else None
            if isinstance(first_cfg, dict):
                shape = _batch_shape(first_cfg)
            if shape is None and isinstance(body.get("build_input_shape"), list):
                shape = body["build_input_shape"][1:]
            if shape is None:
                self.notes.append("The file does not say the model's input shape; set it on the Input layer.")
                shape = [None]
            dtype = first_cfg.get("dtype") if isinstance(first_cfg, dict) else None
            cfg = {"batch_shape": [None, *shape], "dtype": _dtype_name(dtype) or "float32"}
            layers.insert(0, {"class_name": "InputLayer", "name": _free_name(layers, "input"), "config": cfg})
        self.functional(_chain(body, layers, self.notes))

    # ---------------------------------------------------------- nodes
    def add_input(self, entry: dict) -> Node:
        cfg = entry.get("config") if isinstance(entry.get("config"), dict) else {}
        shape = _batch_shape(cfg)
        if shape is None:
            self.notes.append(f"Input {entry_name(entry)!r} has no shape in the file; set it.")
            shape = [None]
        params = {"shape": _shape(shape), "dtype": _dtype_name(cfg.get("dtype")) or "float32"}
        if cfg.get("sparse"):
            params["sparse"] = True
        return self.stage(Node(INPUT, self._name(entry), params))

    def add_layer(self, entry: dict, name: str | None = None) -> Node:
        cls = entry_class(entry)
        name = self._name(entry) if name is None else name
        cfg = entry.get("config") if isinstance(entry.get("config"), dict) else {}
        why = None
        if cls in _CODE_CLASSES:
            why = "holds Python code, which kbuilder never runs from a file"
        elif cls in _MODEL_CLASSES:
            why = "is a model inside the model, which kbuilder cannot draw yet"
        elif not _is_keras_module(entry.get("module")):
            why = f"comes from outside Keras (module {entry.get('module')!r})"
        else:
            layer_cls = _keras_layer_class(cls)
            if layer_cls is None:
                why = "is not a Keras 3 layer class"
        params = {}
        if why is None:
            params = self.clean_params(name, cls, layer_cls, cfg)
            why = refusal(cls, params)
        if why is not None:
            self.notes.append(placeholder_note(name, cls, why))
            extra = {"config": copy.deepcopy(cfg), "original_class": cls}
            return self.stage(Node(PLACEHOLDER, name, {}, extra=extra))
        return self.stage(Node(cls, name, params))

    def _name(self, entry: dict) -> str:
        name = entry_name(entry)
        if not name.strip() or name in self.names:
            new = unique_name(entry_class(entry).lower() or "layer", self.names)
            if name.strip():
                self.notes.append(f"The layer name {name!r} is used twice; the second is now {new!r}.")
            return new
        return name

    def clean_params(self, name: str, cls: str, layer_cls: Any, cfg: dict) -> dict:
        sig = _signature(layer_cls)
        params: dict[str, Any] = {}
        for key, value in cfg.items():
            if key in _NOISE and (key == "name" or key not in sig):  # Embedding's input_dim is real
                continue
            if key == "trainable":
                if value is False:
                    params[key] = False
                continue
            if key == "dtype":
                dtype = _dtype_name(value)
                if dtype and dtype != "float32":
                    params[key] = dtype
                continue
            if key not in sig:
                self.notes.append(f"Layer {name!r} ({cls}): Keras 3 has no argument {key!r}; it was dropped.")
                continue
            value, custom = _clean_value(value)
            if custom:
                self.notes.append(
                    f"Layer {name!r} ({cls}): {key!r} names custom code ({custom}); the Keras default is used."
                )
                continue
            value = self.clean_wrapped(name, value)
            default = sig[key]
            if default is not _NO_DEFAULT and _same(value, default):
                continue
            if key == "activation" and value == "linear" and default in (None, "linear"):
                continue
            if key == "data_format" and default is None and value == _image_data_format():
                continue
            if key.endswith("_initializer") and _same_initializer(value, default):
                continue  # "random_uniform" is Embedding's default "uniform"
            params[key] = value
        return params

    def clean_wrapped(self, name: str, value: Any) -> Any:
        """A layer inside a layer (Bidirectional's LSTM, an RNN's cell): its
        config loses its defaults too, keeps its name, and says its module."""
        if isinstance(value, list):
            return [self.clean_wrapped(name, v) for v in value]
        if not (isinstance(value, dict) and isinstance(value.get("config"), dict)):
            return value
        cls = value.get("class_name")
        if value.get("module") not in (None, "keras.layers") or not isinstance(cls, str):
            return value
        layer_cls = _keras_layer_class(cls)
        if layer_cls is None:
            return value
        inner = self.clean_params(name, cls, layer_cls, value["config"])
        if isinstance(value["config"].get("name"), str):
            inner["name"] = value["config"]["name"]
        return {"module": "keras.layers", "class_name": cls, "config": inner, "registered_name": None}


# ----------------------------------------------------------------- helpers
_NO_DEFAULT = object()
# Keras finds these objects by class name alone; their ``module`` is noise.
_PLAIN_MODULES = {"keras", "keras.initializers", "keras.regularizers", "keras.constraints"}


def _free_name(layers: list[dict], base: str) -> str:
    taken = {entry_name(e) for e in layers}
    name, i = base, 1
    while name in taken:
        name, i = f"{base}_{i}", i + 1
    return name


def _chain(body: dict, layers: list[dict], notes: list[str] | None = None) -> dict:
    """A Sequential body (first layer an InputLayer) as a functional one."""
    out = [dict(layers[0], inbound_nodes=[])]
    prev = entry_name(layers[0])
    for entry in layers[1:]:
        if entry_class(entry) in _INPUT_CLASSES:
            if notes is not None:
                notes.append(f"A second InputLayer {entry_name(entry)!r} in a Sequential model was skipped.")
            continue
        name = entry_name(entry) or _free_name(out, entry_class(entry).lower() or "layer")
        out.append(dict(entry, name=name, inbound_nodes=[[[prev, 0, 0, {}]]]))
        prev = name
    return {
        "name": body.get("name"),
        "layers": out,
        "input_layers": [[entry_name(layers[0]), 0, 0]],
        "output_layers": [[prev, 0, 0]],
    }


def _nested_body(entry: dict) -> dict | None:
    """The functional body of a model used as a layer, or None."""
    if entry_class(entry) not in _MODEL_CLASSES or not _is_keras_module(entry.get("module")):
        return None
    body = entry.get("config")
    if isinstance(body, list):
        body = {"layers": body}
    if not isinstance(body, dict) or not isinstance(body.get("layers"), list):
        return None
    layers = [e for e in body["layers"] if isinstance(e, dict)]
    if not layers:
        return None
    if entry_class(entry) == "Sequential" or "input_layers" not in body:
        if entry_class(layers[0]) not in _INPUT_CLASSES:
            layers = [{"class_name": "InputLayer", "name": _free_name(layers, "input"), "config": {}}, *layers]
        return _chain(body, layers)
    return body


def entry_class(entry: Any) -> str:
    """The ``class_name`` of a layer entry in a Keras config ("" if none)."""
    cls = entry.get("class_name") if isinstance(entry, dict) else None
    return cls if isinstance(cls, str) else ""


def entry_name(entry: Any) -> str:
    """A layer entry's name: its own ``name`` (Keras 2 functional) or its config's ("" if none)."""
    if not isinstance(entry, dict):
        return ""
    name = entry.get("name")
    if not isinstance(name, str):
        cfg = entry.get("config")
        name = cfg.get("name") if isinstance(cfg, dict) else None
    return name if isinstance(name, str) else ""


def _is_keras_module(module: Any) -> bool:
    return module is None or (isinstance(module, str) and (module == "keras" or module.startswith("keras.")))


def _batch_shape(cfg: dict) -> list | None:
    """The input shape without the batch dimension, from any dialect."""
    for key in ("batch_shape", "batch_input_shape"):
        value = cfg.get(key)
        if isinstance(value, list) and value:
            return value[1:]
    value = cfg.get("input_shape")
    if isinstance(value, list):
        return value
    if isinstance(cfg.get("input_dim"), int):
        return [cfg["input_dim"]]
    return None


def _shape(shape: list) -> list:
    return [s if isinstance(s, int) and not isinstance(s, bool) and s > 0 else None for s in shape]


def _dtype_name(value: Any) -> str | None:
    """``"float32"`` from a dtype string or a (Keras 3) DTypePolicy dict."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        cfg = value.get("config")
        if isinstance(cfg, dict) and isinstance(cfg.get("name"), str):
            return cfg["name"]
    return None


def _refs_list(value: Any) -> list[tuple[str, int, int]]:
    """``input_layers`` / ``output_layers``: ``[name, 0, 0]`` or a list of them."""
    if _is_ref(value):
        return [_as_ref(value)]
    if isinstance(value, list):
        return [_as_ref(v) for v in value if _is_ref(v)]
    if isinstance(value, dict):
        return [_as_ref(v) for v in value.values() if _is_ref(v)]
    return []


def _is_ref(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) in (3, 4)
        and isinstance(value[0], str)
        and isinstance(value[1], int)
        and isinstance(value[2], int)
        and not isinstance(value[1], bool)
    )


def _as_ref(value: list) -> tuple[str, int, int]:
    return (value[0], max(int(value[1]), 0), max(int(value[2]), 0))


def _tensor_refs(node: Any) -> list[tuple[str, int, int]]:
    """Every tensor one call of a layer received, in argument order.

    Keras 3: ``{"args": [...], "kwargs": {...}}`` with ``__keras_tensor__``
    dicts; Keras 2: ``[["dense", 0, 0, {kwargs}], ...]``."""
    out: list[tuple[str, int, int]] = []

    def walk(value: Any, depth: int = 0) -> None:
        if depth > 50:
            return
        if isinstance(value, dict):
            if value.get("class_name") == "__keras_tensor__":
                cfg = value.get("config")
                hist = cfg.get("keras_history") if isinstance(cfg, dict) else None
                if _is_ref(hist):
                    out.append(_as_ref(hist))
                return
            for v in value.values():
                walk(v, depth + 1)
        elif isinstance(value, list):
            if _is_ref(value):
                out.append(_as_ref(value))
                if len(value) == 4:
                    walk(value[3], depth + 1)  # Keras 2 kwargs may hold tensors
                return
            for v in value:
                walk(v, depth + 1)

    if isinstance(node, dict) and ("args" in node or "kwargs" in node):
        walk(node.get("args"))
        walk(node.get("kwargs"))
    else:
        walk(node)
    return out


def _keras_layer_class(cls: str) -> Any:
    from kbuilder.layers.backend import keras

    if not cls.isidentifier() or cls.startswith("_"):
        return None
    obj = getattr(keras().layers, cls, None)
    if isinstance(obj, type) and issubclass(obj, keras().layers.Layer) and cls not in _MODEL_CLASSES:
        return obj
    return None


_SIG_CACHE: dict[Any, dict[str, Any]] = {}


def _signature(layer_cls: Any) -> dict[str, Any]:
    """Argument name -> default over the class's ``__init__`` chain."""
    if layer_cls in _SIG_CACHE:
        return _SIG_CACHE[layer_cls]
    import inspect

    sig: dict[str, Any] = {}
    for klass in layer_cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        try:
            parameters = inspect.signature(init).parameters.values()
        except (TypeError, ValueError):
            continue
        for p in parameters:
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or p.name == "self" or p.name in sig:
                continue
            sig[p.name] = _NO_DEFAULT if p.default is p.empty else _jsonish(p.default)
    _SIG_CACHE[layer_cls] = sig
    return sig


def _same_initializer(a: Any, b: Any) -> bool:
    """Two initializer names for the same built-in initializer and settings."""
    if not (isinstance(a, str) and isinstance(b, str)):
        return False
    from kbuilder.layers.backend import keras

    try:
        x, y = keras().initializers.get(a), keras().initializers.get(b)
        return type(x) is type(y) and x.get_config() == y.get_config()
    except Exception:  # noqa: BLE001 - unknown names are simply different
        return False


def _image_data_format() -> str:
    from kbuilder.layers.backend import keras

    return keras().config.image_data_format()


def _jsonish(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonish(v) for v in value]
    return value


def _same(a: Any, b: Any) -> bool:
    """JSON value ``a`` equals the signature default ``b`` (``1`` == ``1.0``,
    but ``True`` != ``1``)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if type(a) is not type(b):
        return False
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - a default we cannot compare is kept
        return False


def _clean_value(value: Any) -> tuple[Any, str | None]:
    """Strip Keras 3 serialisation noise from nested objects: a built-in
    initializer/regularizer with its default config becomes its short name
    (``"glorot_uniform"``); objects from outside Keras are reported."""
    if isinstance(value, float) and not math.isfinite(value):
        return value, None
    if isinstance(value, list):
        items = []
        for v in value:
            v, custom = _clean_value(v)
            if custom:
                return value, custom
            items.append(v)
        return items, None
    if not isinstance(value, dict):
        return value, None
    if "class_name" in value and "config" in value:
        module = value.get("module")
        if not _is_keras_module(module) or value.get("registered_name") not in (None, value.get("class_name")):
            return value, f"{value.get('class_name')!r} from {module!r}"
        if value.get("class_name") in ("__lambda__", "function", "__function__", "__typespec__"):
            return value, f"a {value.get('class_name')!r}"
        inner, custom = _clean_value(value["config"])
        if custom:
            return value, custom
        short = _short_name(value["class_name"], inner)
        if short is not None:
            return short, None
        out = {"class_name": value["class_name"], "config": inner}
        if isinstance(module, str) and module not in _PLAIN_MODULES:
            # A wrapped layer (Bidirectional's LSTM) needs its module to be found.
            out = {"module": module, **out, "registered_name": None}
        return out, None
    out = {}
    for k, v in value.items():
        v, custom = _clean_value(v)
        if custom:
            return value, custom
        out[k] = v
    return out, None


_SHORT_CACHE: dict[str, str | None] = {}


def _short_name(class_name: Any, config: Any) -> str | None:
    try:
        key = json.dumps([class_name, config], sort_keys=True)
    except (TypeError, ValueError):
        return _short_name_uncached(class_name, config)
    if key not in _SHORT_CACHE:
        _SHORT_CACHE[key] = _short_name_uncached(class_name, config)
    return _SHORT_CACHE[key]


def _short_name_uncached(class_name: Any, config: Any) -> str | None:
    """``"glorot_uniform"`` for a built-in initializer with no seed and
    default settings (the form Keras accepts and beginners read)."""
    if not isinstance(class_name, str) or not isinstance(config, dict) or config.get("seed") is not None:
        return None
    from kbuilder.layers.backend import keras

    initializers = keras().initializers
    cls = getattr(initializers, class_name, None)
    if not isinstance(cls, type) or not class_name.isidentifier():
        return None
    short = re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()
    try:
        default = cls().get_config()
        if not isinstance(initializers.get(short), cls):
            return None
    except Exception:  # noqa: BLE001 - one that needs arguments keeps its dict
        return None
    for key, value in config.items():
        if key != "seed" and not (key in default and _same(value, _jsonish(default[key]))):
            return None
    return short
