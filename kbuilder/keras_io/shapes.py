"""Incremental symbolic shape and parameter inference.

Keras computes every shape and parameter count: each layer is built from its
node and called on ``keras.KerasTensor`` inputs of the upstream shapes, the
way a functional model is traced, and its weights are counted.  Nothing here
does shape arithmetic of its own.

:class:`ShapeInference` follows the graph's events.  An edit marks the node
it touches stale; :meth:`ShapeInference.refresh` walks the graph in data-flow
order and recomputes a node only when its cache key changed: the layer's
class and parameters (for a stale node) plus the shapes and dtypes it
receives (for every node), plus, for a node sharing weights, the version of
its owner's layer.  Changing a Conv2D's initializer therefore rebuilds that
one layer; its consumers see the same input shape and keep their results.

An instance holds no thread affinity and locks its own state: the UI gives
one to a worker thread that owns a mirror of the document's graph.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from kbuilder.core.graph import Graph, GraphEvent, Node, name_problem
from kbuilder.core.i18n import translate
from kbuilder.core.validate import Arity
from kbuilder.layers.backend import keras
from kbuilder.layers.basics import format_shape

from .build import BuildError, call_layer, catalog_arity, new_layer
from .error_words import explain_error


@dataclass(frozen=True)
class NodeInfo:
    output_shape: tuple | list[tuple] | None = None
    params: int | None = None
    trainable_params: int | None = None
    non_trainable_params: int | None = None
    error: str | None = None
    # What the node receives, in port order (None where unknown).
    input_shapes: list[tuple] | None = None
    dtype: str | list[str] | None = None
    # True when the node was not computed because of its inputs (an error
    # upstream, nothing connected, a loop) -- the cause is reported elsewhere.
    blocked: bool = False
    # The connection ``error`` is about, when it is one (an output that does not exist).
    edge_id: str | None = None


BLOCKED = NodeInfo(blocked=True)


@dataclass
class _Entry:
    key: Any
    pkey: Any
    info: NodeInfo
    outputs: list = field(default_factory=list)  # KerasTensors, one per output port
    layer: Any = None
    version: int = 0
    specs: list = field(default_factory=list)  # (shape, dtype) of each output, read once

    def __post_init__(self) -> None:
        if self.outputs and not self.specs:
            self.specs = [(tuple(t.shape), str(t.dtype)) for t in self.outputs]


def _param_key(node: Node) -> str:
    try:
        return node.class_name + json.dumps(node.params, sort_keys=True, default=repr)
    except (TypeError, ValueError):
        return node.class_name + repr(node.params)


def _count(weights) -> int:
    total = 0
    for w in weights:
        n = 1
        for d in w.shape:
            n *= int(d)
        total += n
    return total


class ShapeInference:
    """Per-node output shapes and parameter counts of ``graph``, kept up to date."""

    def __init__(self, graph: Graph, arity: Arity | None = None) -> None:
        self.graph = graph
        self.arity = arity or catalog_arity
        self._lock = threading.RLock()
        self._entries: dict[str, _Entry] = {}
        self._stale: set[str] = {n.id for n in graph.nodes}
        self._version = 0
        self._infos: dict[str, NodeInfo] = {}
        #: Node ids in the order the last refresh visited them.
        self.order: list[str] = []
        #: Total number of node recomputations (layer built and called).
        self.recomputed = 0
        #: Ids of the nodes the last refresh recomputed, in order.
        self.last_recomputed: list[str] = []
        graph.subscribe(self._on_event)

    def close(self) -> None:
        self.graph.unsubscribe(self._on_event)

    # ------------------------------------------------------------ events
    def _on_event(self, ev: GraphEvent) -> None:
        with self._lock:
            if ev.kind == "reset":
                # Keep the entries: keys decide what really changed.
                self._stale = {n.id for n in self.graph.nodes}
            elif ev.kind == "node_removed":
                self._entries.pop(ev.node_id, None)
                self._stale.discard(ev.node_id)
            elif ev.kind in ("node_added", "edge_added", "edge_removed"):
                if ev.node_id:
                    self._stale.add(ev.node_id)
            elif ev.kind == "node_changed" and ev.key in ("params", "shared_with", "class_name", "extra", None):
                self._stale.add(ev.node_id)
            # name, is_output, node_moved: shapes do not depend on them.

    def mark_stale(self, node_id: str | None = None) -> None:
        with self._lock:
            if node_id is None:
                self._stale = {n.id for n in self.graph.nodes}
            else:
                self._stale.add(node_id)

    # ------------------------------------------------------------ queries
    def info(self, node_id: str) -> NodeInfo | None:
        return self._infos.get(node_id)

    def layer(self, node_id: str):
        """The Keras layer object last built for ``node_id`` (None if none)."""
        e = self._entries.get(node_id)
        return e.layer if e else None

    # ------------------------------------------------------------ refresh
    def refresh(self, limit_to: set[str] | None = None) -> dict[str, NodeInfo]:
        """Recompute what changed; ``limit_to`` restricts Keras to those nodes
        (the others are reported blocked and stay stale)."""
        with self._lock:
            return self._refresh(limit_to)

    def _refresh(self, limit_to: set[str] | None) -> dict[str, NodeInfo]:
        k = keras()
        graph = self.graph
        nodes = {n.id: n for n in graph.nodes}
        for nid in [nid for nid in self._entries if nid not in nodes]:
            del self._entries[nid]
        order = [n.id for n in graph.topological_order()]

        infos: dict[str, NodeInfo] = {nid: BLOCKED for nid in nodes}
        sharers: dict[str, list[str]] = {}
        for n in nodes.values():
            if n.shared_with:
                sharers.setdefault(graph.owner(n).id, []).append(n.id)
        done: set[str] = set()
        evaluated: set[str] = set()  # key compared: no longer stale
        recomputed: list[str] = []
        for nid in order:
            node = nodes[nid]
            if limit_to is not None and nid not in limit_to:
                continue
            done.add(nid)
            entry = self._entries.get(nid)
            stale = nid in self._stale or entry is None
            pkey = _param_key(node) if stale else entry.pkey

            if node.is_input:
                key = (pkey,)
                if entry is not None and entry.key == key:
                    infos[nid] = entry.info
                    evaluated.add(nid)
                    continue
                entry = self._compute_input(k, node, key, pkey)
            else:
                tensors, specs_in, ok, bad = [], [], bool(graph.in_edges(nid)), None
                for e in graph.in_edges(nid):
                    src = self._entries.get(e.src)
                    now = infos[e.src]
                    if e.src not in done or src is None or now.error or now.blocked:
                        ok = False
                        break
                    if not 0 <= e.src_port < len(src.outputs):
                        bad = e
                        break
                    tensors.append(src.outputs[e.src_port])
                    specs_in.append(src.specs[e.src_port])
                if bad is not None:  # never skipped in silence: the edge is the error
                    infos[nid] = NodeInfo(error=_port_error(nodes[bad.src], node, bad, src), edge_id=bad.id)
                    continue
                if not ok:
                    infos[nid] = BLOCKED
                    continue
                specs = tuple(specs_in)
                shapes = [sp[0] for sp in specs_in]
                owner = graph.owner(node)
                if owner.id != nid and owner.id in done and (infos[owner.id].blocked or infos[owner.id].error):
                    infos[nid] = BLOCKED  # the shared layer itself could not be made
                    continue
                if owner.id != nid:
                    oe = self._entries.get(owner.id)
                    # The owner's parameters count even when it comes later in the order.
                    dep = ("shared", _param_key(owner), oe.version if oe is not None and owner.id in done else None)
                    key = (pkey, dep, specs)
                else:
                    # Sharers that came first (they feed this node) called the layer first.
                    early = [s for s in sharers.get(nid, ()) if s in done and s in self._entries]
                    key = (pkey, tuple(self._entries[s].version for s in early) or None, specs)
                if entry is not None and entry.key == key:
                    infos[nid] = entry.info
                    evaluated.add(nid)
                    continue
                entry = self._compute_layer(node, owner, key, pkey, tensors, shapes, done)
                if owner.id == nid and entry.layer is not None and not entry.info.error:
                    entry = self._check_early_sharers(node, entry, early, key, pkey, shapes)
            evaluated.add(nid)
            self._version += 1
            entry.version = self._version
            self._entries[nid] = entry
            infos[nid] = entry.info
            recomputed.append(nid)

        # A node skipped because of its inputs keeps its pending edit.
        self._stale &= set(nodes) - evaluated
        self.recomputed += len(recomputed)
        self.last_recomputed = recomputed
        self._infos = infos
        self.order = list(order)
        return dict(infos)

    # ------------------------------------------------------------ compute
    def _compute_input(self, k, node: Node, key, pkey) -> _Entry:
        shape = node.params.get("shape")
        dtype = node.params.get("dtype") or "float32"
        try:
            if shape is None:
                raise ValueError("no shape")
            dims = tuple(None if s is None else int(s) for s in shape)
            if any(d is not None and d <= 0 for d in dims):
                raise ValueError("non-positive size")
            batch = node.params.get("batch_size")
            t = k.KerasTensor((batch, *dims), dtype=dtype, name=keras_name(node))
        except Exception:
            msg = translate(
                "keras_io.shapes",
                "The Input '{name}' needs a shape of whole numbers greater than zero "
                "(or None for 'any length'), e.g. [28, 28]; it has {shape}.",
            ).format(name=node.name, shape=repr(shape))
            if not _valid_dtype(k, dtype):
                msg = translate(
                    "keras_io.shapes", "The Input '{name}' has an unknown dtype {dtype}; use float32, int32, ..."
                ).format(name=node.name, dtype=repr(dtype))
            return _Entry(key, pkey, NodeInfo(error=msg))
        info = NodeInfo(
            output_shape=tuple(t.shape), params=0, trainable_params=0, non_trainable_params=0, dtype=str(t.dtype)
        )
        return _Entry(key, pkey, info, [t])

    def _weights_fit(self, owner: Node, layer, tensors) -> bool:
        """Keras decides: a fresh copy of the owner's layer called on this
        node's inputs must get weights of the shapes the shared one has (a
        symbolic call of a built layer does not check that)."""
        try:
            probe = new_layer(owner.class_name, owner.params, owner.name)
            symbolic_call(probe, owner.class_name, tensors, self.arity)
        except Exception:
            return False
        return _weight_shapes(probe) == _weight_shapes(layer)

    def _check_early_sharers(self, node: Node, entry: _Entry, early: list[str], key, pkey, shapes) -> _Entry:
        """The owner's weights must also fit the sharers that called the layer before it."""
        mine = _weight_shapes(entry.layer)
        for sid in early:
            se = self._entries[sid]
            if se.layer is not None and not se.info.error and _weight_shapes(se.layer) != mine:
                sname = self.graph.node(sid).name if sid in self.graph else "?"
                msg = translate(
                    "keras_io.shapes",
                    "{name} shares its layer with {other}, which receives "
                    "{other_shape}, but {name} receives {shape}: "
                    "the weights do not fit. A shared layer must receive the same kind of input every time.",
                ).format(
                    name=node.name,
                    other=sname,
                    other_shape=format_shape(se.info.input_shapes or []),
                    shape=format_shape(shapes),
                )
                return _Entry(key, pkey, NodeInfo(error=msg, input_shapes=shapes))
        return entry

    def _compute_layer(self, node: Node, owner: Node, key, pkey, tensors, shapes, done) -> _Entry:
        shared = owner.id != node.id
        layer = None
        if shared:
            oe = self._entries.get(owner.id)
            if owner.id in done and oe is not None:
                layer = oe.layer
                if layer is None:
                    return _Entry(key, pkey, NodeInfo(input_shapes=shapes, blocked=True))
        try:
            if layer is None:
                layer = new_layer(owner.class_name, owner.params, keras_name(owner if shared else node), node.id)
            out = symbolic_call(layer, owner.class_name, tensors, self.arity)
        except BuildError as exc:
            return _Entry(key, pkey, NodeInfo(error=exc.message, input_shapes=shapes))
        except Exception as exc:
            msg = explain_error(exc, owner.class_name, shapes, params=owner.params)
            return _Entry(key, pkey, NodeInfo(error=msg, input_shapes=shapes), layer=None if not shared else layer)
        if shared and layer is not None and not self._weights_fit(owner, layer, tensors):
            built = self._entries[owner.id].info.input_shapes or []
            msg = translate(
                "keras_io.shapes",
                "{name} reuses the layer of {owner}, which receives {owner_shape}, "
                "but {name} receives {shape}: the weights do not fit. "
                "A shared layer must receive the same kind of input every time.",
            ).format(name=node.name, owner=owner.name, owner_shape=format_shape(built), shape=format_shape(shapes))
            return _Entry(key, pkey, NodeInfo(error=msg, input_shapes=shapes))
        outputs = list(out) if isinstance(out, (list, tuple)) else [out]
        oshape: Any = [tuple(t.shape) for t in outputs] if isinstance(out, (list, tuple)) else tuple(out.shape)
        dtype: Any = [str(t.dtype) for t in outputs] if isinstance(out, (list, tuple)) else str(out.dtype)
        if shared:
            tp = ntp = 0
        else:
            tp, ntp = _count(layer.trainable_weights), _count(layer.non_trainable_weights)
        info = NodeInfo(oshape, tp + ntp, tp, ntp, None, shapes, dtype)
        return _Entry(key, pkey, info, outputs, layer)


def keras_name(node: Node) -> str:
    """The node's name, or a stand-in when Keras would refuse it: a bad name
    is reported once (core.validate), and the shapes still follow."""
    if name_problem(node.name) is None:
        return node.name
    return "layer_" + "".join(c if c.isalnum() else "_" for c in str(node.id)[:32])


def _port_error(src: Node, dst: Node, edge, entry: _Entry) -> str:
    n = len(entry.outputs)
    if n == 1:
        text = translate(
            "keras_io.shapes",
            "{source} has a single output, but the connection to {target} takes output {number}. "
            "Delete it and connect the two layers again.",
        )
    else:
        text = translate(
            "keras_io.shapes",
            "{source} has {count} outputs, but the connection to {target} takes output {number}. "
            "Delete it and connect the two layers again.",
        )
    return text.format(source=src.name, target=dst.name, count=n, number=edge.src_port + 1)


def symbolic_call(layer, class_name: str, tensors: list, arity=None):
    """Call ``layer`` on KerasTensors without initialising its weights.

    Inside ``keras.StatelessScope(initialize_variables=False)`` Keras creates
    variables with their shapes but defers drawing initial values, which is
    most of the cost of building a big layer (4x on a Dense(1000)).  Keras
    queues such variables for a later initialisation in a per-thread list;
    they are taken off it again, so nothing grows and nothing is
    initialised behind anyone's back.  The layer objects are for shapes and
    counts only.
    """
    k = keras()
    try:
        from keras.src.backend.common import global_state  # noqa: PLC0415

        before = global_state.get_global_attribute("uninitialized_variables")
        before = list(before) if before else []
        scope = k.StatelessScope(initialize_variables=False)
    except Exception:  # another Keras: build normally
        return call_layer(layer, class_name, tensors, arity)
    if k.backend.backend() != "tensorflow" or global_state.get_global_attribute("stateless_scope") is not None:
        return call_layer(layer, class_name, tensors, arity)
    try:
        with scope:
            return call_layer(layer, class_name, tensors, arity)
    except Exception as exc:
        if "stateless" in str(exc).lower() or "uninitialized" in str(exc).lower():
            return call_layer(new_layer_like(layer), class_name, tensors, arity)
        raise
    finally:
        global_state.set_global_attribute("uninitialized_variables", before)


def new_layer_like(layer):
    return layer.__class__.from_config(layer.get_config())


def _weight_shapes(layer) -> list[tuple]:
    return [tuple(w.shape) for w in layer.weights]


def _valid_dtype(k, dtype) -> bool:
    try:
        k.backend.standardize_dtype(dtype)
        return True
    except Exception:
        return False
