"""Keras model config -> layer graph: the layers, their calls and wiring.

:func:`graph_from_config` reads what ``model.to_json()`` (parsed) or
``model.get_config()`` produce, Keras 3 or Keras 2, Functional or Sequential,
with or without the ``{"class_name": ..., "config": ...}`` wrapper.  The
input is untrusted plain JSON: nothing in it is evaluated, deserialised or
imported.  The config's structure is read by
:mod:`~kbuilder.keras_io.config_structure`, each layer's values are cleaned
by :mod:`~kbuilder.keras_io.config_values` (Keras is only asked for the
signatures of its own layer classes); JSON text and the Keras 2 translation
go through :mod:`~kbuilder.keras_io.importing`, which calls this module.

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
from dataclasses import dataclass, field
from typing import Any

from kbuilder.core.graph import INPUT, PLACEHOLDER, Edge, Graph, GraphError, Node, unique_name
from kbuilder.core.i18n import translate
from kbuilder.core.layout import layered_layout
from kbuilder.core.limits import MAX_LAYERS, MAX_MODEL_NESTING, MAX_PORTS, json_problem, shown
from kbuilder.layers.allowed import placeholder_note, refusal

from .config_structure import (
    INPUT_CLASSES,
    MODEL_CLASSES,
    ConfigError,
    batch_shape,
    chain_body,
    clean_shape,
    count_layers,
    dtype_name,
    entry_class,
    entry_name,
    free_name,
    has_tuple,
    is_keras_module,
    json_like,
    nested_body,
    refs_list,
    tensor_refs,
    too_many_layers,
    unwrap,
)
from .config_values import clean_params, keras_layer_class

# Classes that hold Python code (never deserialised).
_CODE_CLASSES = {"Lambda", "TFOpLambda", "SlicingOpLambda", "TensorFlowOpLayer"}


@dataclass
class ImportResult:
    """A graph read from a model description, and notes for the user on what changed."""

    graph: Graph
    notes: list[str] = field(default_factory=list)
    # Filled by model_file for .h5/.keras files; always None here.
    weights: Any = None
    # Note -> (layer name, class, reason) for each note about a layer that
    # became a placeholder (importing groups them by kind).
    placeholders: dict[str, tuple[str, str, str]] = field(default_factory=dict, repr=False)


def graph_from_config(config: dict) -> ImportResult:
    """Build a graph from a Keras model config (see the module docstring)."""
    if not isinstance(config, dict):
        raise ConfigError(translate("keras_io.from_config", "a Keras model config is a JSON object"))
    kind, body = unwrap(config)
    # Cheapest first: the layer count looks only at layer lists.
    if count_layers(body, kind == "Sequential") > MAX_LAYERS:
        raise ConfigError(too_many_layers())
    problem = json_problem(config)
    if problem:
        raise ConfigError(problem)
    if has_tuple(body):
        # A live model's get_config() holds tuples where a saved file holds
        # lists; read both the same way.
        body = json_like(body)
    notes: list[str] = []
    name = body.get("name") if isinstance(body, dict) else None
    importer = _Importer(name if isinstance(name, str) and name.strip() else "model", notes)
    if kind == "Sequential":
        importer.sequential(body)
    else:
        importer.functional(body)
    layered_layout(importer.graph)
    return ImportResult(importer.graph, notes, placeholders=importer.placeholders)


class _Importer:
    """Collects nodes and edges, then makes the graph in one checked step
    (:meth:`Graph.from_parts`): adding them one by one costs O(n**2)."""

    def __init__(self, name: str, notes: list[str]) -> None:
        self.graph = Graph(name=name)
        self.notes = notes
        self.staged: dict[str, Node] = {}
        self.names: set[str] = set()
        self.placeholders: dict[str, tuple[str, str, str]] = {}

    def stage(self, node: Node) -> Node:
        self.staged[node.id] = node
        self.names.add(node.name)
        return node

    # ---------------------------------------------------------- functional
    def functional(self, body: Any) -> None:
        if not isinstance(body, dict) or not isinstance(body.get("layers"), list):
            raise ConfigError(translate("keras_io.from_config", "the model config has no list of layers"))
        self.nodes: dict[tuple[str, str, int], Node] = {}
        self.aliases: dict[tuple[str, str, int, int], tuple[str, str, int, int]] = {}
        self.wiring: list[tuple[Node, list[tuple[str, str, int, int]]]] = []
        self.top_names = {entry_name(e) for e in body["layers"] if isinstance(e, dict)}
        output_refs = self.scope(body, "", None, None)
        edges: list[Edge] = []
        for node, refs in self.wiring:
            if len(refs) > MAX_PORTS:
                raise ConfigError(translate(
                    "keras_io.from_config", "layer {name} takes {count} inputs, more than kbuilder's limit of {limit}"
                ).format(name=shown(node.name), count=len(refs), limit=MAX_PORTS))
            for port, ref in enumerate(refs):
                found = self.resolve(ref)
                if found is None or found[1] >= MAX_PORTS:
                    self.notes.append(translate(
                        "keras_io.from_config", "Layer {name} refers to {source} (call {call}), which is not in the "
                        "file; that connection was left out.").format(name=shown(node.name), source=shown(ref[1]),
                                                                      call=ref[2]))
                    continue
                src, src_port = found
                if src is node:
                    self.notes.append(translate("keras_io.from_config", "Layer {name} takes its own output; that "
                                                "connection was left out.").format(name=shown(node.name)))
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
                self.notes.append(translate("keras_io.from_config", "The model output {name} is not among the layers; "
                                            "it was left out.").format(name=repr(ref[1])))
                continue
            node, port = found
            if port:
                self.notes.append(translate(
                    "keras_io.from_config", "The model output is output {port} of layer {name}; kbuilder marks the "
                    "whole layer as an output.").format(port=port, name=repr(node.name)))
            if node not in outputs:
                outputs.append(node)
        sinks = self.graph.outputs()
        if outputs and set(n.id for n in outputs) != set(n.id for n in sinks):
            for node in outputs:
                self.graph.set_output(node.id, True)
        if outputs and [n.id for n in outputs] != [n.id for n in self.graph.outputs()]:
            order = ", ".join(repr(n.name) for n in self.graph.outputs())
            self.notes.append(translate("keras_io.from_config", "The model's outputs will be in the order "
                                        "{order}.").format(order=order))

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
        input_names = [ref[0] for ref in refs_list(body.get("input_layers"))]
        rank = {n: i for i, n in enumerate(input_names)}
        # Model inputs first, in the model's input order (stable sort).
        layers.sort(key=lambda e: rank.get(entry_name(e), len(rank)) if entry_class(e) in INPUT_CLASSES else len(rank))
        prefix = body.get("name") if isinstance(body.get("name"), str) else "model"
        for entry in layers:
            name = entry_name(entry)
            cls = entry_class(entry)
            inbound = entry.get("inbound_nodes") or []
            if not isinstance(inbound, list):
                inbound = []
            if cls in INPUT_CLASSES:
                if feed is None:
                    self.nodes[(scope, name, 0)] = self.add_input(entry)
                elif name in rank and rank[name] < len(feed):
                    self.aliases[(scope, name, 0, 0)] = feed[rank[name]]
                else:
                    self.notes.append(translate("keras_io.from_config", "Nested model {model}: its input {name} is not "
                                                "fed; left unconnected.").format(model=repr(prefix), name=repr(name)))
                continue
            inner = nested_body(entry) if depth < MAX_MODEL_NESTING else None
            if inner is not None:
                for k in range(len(inbound)):
                    refs = [(scope, *ref) for ref in tensor_refs(inbound[k])]
                    inner_scope = f"{scope}/{name}#{k}"
                    if k == 0 and owner_scope is None:
                        inner_owner = None
                    else:
                        inner_owner = f"{owner_scope if owner_scope is not None else scope}/{name}#0"
                    outs = self.scope(inner, inner_scope, refs, inner_owner, depth + 1)
                    for t, out in enumerate(outs):
                        self.aliases[(scope, name, k, t)] = out
                if scope == "" and owner_scope is None:
                    if len(inbound) > 1:
                        note = translate("keras_io.from_config", "The nested model {name} was unpacked: its layers now "
                                         "sit in this model and are shared between its calls.")
                    else:
                        note = translate("keras_io.from_config", "The nested model {name} was unpacked: its layers now "
                                         "sit in this model.")
                    self.notes.append(note.format(name=repr(name)))
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
                    self.wiring.append((node, [(scope, *ref) for ref in tensor_refs(inbound[k])]))
        return [(scope, *ref) for ref in refs_list(body.get("output_layers"))]

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
            raise ConfigError(translate("keras_io.from_config", "the Sequential config has no list of layers"))
        layers = [entry for entry in body["layers"] if isinstance(entry, dict)]
        if not (layers and entry_class(layers[0]) in INPUT_CLASSES):
            shape = None
            first_cfg = layers[0].get("config") if layers else None
            if isinstance(first_cfg, dict):
                shape = batch_shape(first_cfg)
            if shape is None and isinstance(body.get("build_input_shape"), list):
                shape = body["build_input_shape"][1:]
            if shape is None:
                self.notes.append(translate("keras_io.from_config", "The file does not say the model's input shape; "
                                            "set it on the Input layer."))
                shape = [None]
            dtype = first_cfg.get("dtype") if isinstance(first_cfg, dict) else None
            cfg = {"batch_shape": [None, *shape], "dtype": dtype_name(dtype) or "float32"}
            layers.insert(0, {"class_name": "InputLayer", "name": free_name(layers, "input"), "config": cfg})
        self.functional(chain_body(body, layers, self.notes))

    # ---------------------------------------------------------- nodes
    def add_input(self, entry: dict) -> Node:
        cfg = entry.get("config") if isinstance(entry.get("config"), dict) else {}
        shape = batch_shape(cfg)
        if shape is None:
            self.notes.append(translate("keras_io.from_config", "Input {name} has no shape in the file; set it.").format(
                name=repr(entry_name(entry))))
            shape = [None]
        params = {"shape": clean_shape(shape), "dtype": dtype_name(cfg.get("dtype")) or "float32"}
        if cfg.get("sparse"):
            params["sparse"] = True
        return self.stage(Node(INPUT, self._name(entry), params))

    def add_layer(self, entry: dict, name: str | None = None) -> Node:
        cls = entry_class(entry)
        name = self._name(entry) if name is None else name
        cfg = entry.get("config") if isinstance(entry.get("config"), dict) else {}
        why = None
        # Each reason is a phrase that follows "Layer 'x' (Lambda) ..." (see kbuilder.layers.allowed.refusal).
        if cls in _CODE_CLASSES:
            why = translate("keras_io.from_config", "holds Python code, which kbuilder never runs from a file")
        elif cls in MODEL_CLASSES:
            why = translate("keras_io.from_config", "is a model inside the model, which kbuilder cannot draw yet")
        elif not is_keras_module(entry.get("module")):
            why = translate("keras_io.from_config", "comes from outside Keras (module {module})").format(
                module=repr(entry.get("module")))
        else:
            layer_cls = keras_layer_class(cls)
            if layer_cls is None:
                why = translate("keras_io.from_config", "is not a Keras 3 layer class")
        params = {}
        if why is None:
            params = clean_params(name, cls, layer_cls, cfg, self.notes)
            why = refusal(cls, params)
        if why is not None:
            note = placeholder_note(name, cls, why)
            self.notes.append(note)
            self.placeholders[note] = (name, cls, why)
            extra = {"config": copy.deepcopy(cfg), "original_class": cls}
            return self.stage(Node(PLACEHOLDER, name, {}, extra=extra))
        return self.stage(Node(cls, name, params))

    def _name(self, entry: dict) -> str:
        name = entry_name(entry)
        if not name.strip() or name in self.names:
            new = unique_name(entry_class(entry).lower() or "layer", self.names)
            if name.strip():
                self.notes.append(translate("keras_io.from_config", "The layer name {name} is used twice; the second "
                                            "is now {new}.").format(name=repr(name), new=repr(new)))
            return new
        return name
