"""Graph -> ``keras.Model`` (functional).

Each node becomes ``cls.from_config({**node.params, "name": node.name})``, so
serialised values (initializer dicts, dtype policies) work as in a saved
model; the constructor must take the parameters too, as the exported code
passes them (:func:`written_params`), or the layer is refused.  A node that
shares weights calls its owner's layer object again.  Merge layers get a
list ordered by input port; one-input layers get a single
tensor; ``MultiHeadAttention`` gets query, value (, key) positionally and
``Attention`` a ``[query, value]`` list.

A failure is a :class:`BuildError` naming the layer to fix, its message one
sentence from :func:`~kbuilder.keras_io.error_words.explain_error`.
"""

from __future__ import annotations

from typing import Any

from kbuilder.core.graph import Graph, Node
from kbuilder.core.i18n import translate
from kbuilder.core.validate import ERROR, Arity, check_structure, is_merge
from kbuilder.layers import basics
from kbuilder.layers.allowed import refusal
from kbuilder.layers.backend import keras
from kbuilder.layers.catalog import get_catalog

from .config_values import wrapped_layer_module
from .error_words import explain_error, first_line
from .pysource import is_tuple_like

#: Arguments some classes' ``from_config`` reads without a default: a graph
#: leaves defaults out, so they are filled in (Rescaling(scale=1/255) has no offset).
FROM_CONFIG_DEFAULTS: dict[str, dict[str, Any]] = {
    "Rescaling": {"offset": 0.0},
    "TextVectorization": {"standardize": "lower_and_strip_punctuation", "split": "whitespace", "ngrams": None},
}



class BuildError(Exception):
    """The graph cannot become a model; ``node_id`` is the layer to fix."""

    def __init__(self, message: str, node_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.node_id = node_id


# ---------------------------------------------------------------- catalog
def catalog_arity(class_name: str) -> tuple[int, int | None]:
    """(min_inputs, max_inputs) of ``class_name``: the layer catalog's
    answer (:func:`kbuilder.layers.basics.input_range`)."""
    return basics.input_range(class_name, _catalog())


def _catalog():
    try:
        return get_catalog()
    except Exception:  # noqa: BLE001 - no catalog: the tables answer
        return None


# ---------------------------------------------------------------- layers
def layer_class(class_name: str):
    k = keras()
    cls = getattr(k.layers, class_name, None)
    if cls is None:
        try:
            cls = k.saving.get_registered_object(class_name)
        except Exception:
            cls = None
    if not (isinstance(cls, type) and issubclass(cls, k.layers.Layer)):
        return None
    return cls


def new_layer(class_name: str, params: dict[str, Any], name: str, node_id: str | None = None):
    """Construct one Keras layer; raise :class:`BuildError` in plain words."""
    if class_name == "Placeholder":
        raise BuildError(
            translate("keras_io.build", "kbuilder cannot build this layer; replace it with a regular layer."), node_id
        )
    if class_name == "Input":
        raise BuildError(translate("keras_io.build", "An Input is not called like a layer."), node_id)
    cls = layer_class(class_name)
    if cls is None:
        raise BuildError(
            translate("keras_io.build", "Keras has no layer called {cls}; pick one from the palette.").format(
                cls=class_name
            ),
            node_id,
        )
    try:
        # A wrapper's inner layer from the palette ({"class_name", "config"}) needs its module for Keras.
        config = {k: wrapped_layer_module(k, v) for k, v in params.items()}
        layer = cls.from_config({**FROM_CONFIG_DEFAULTS.get(class_name, {}), **config, "name": name})
        # What the exported code does; from_config forgives some settings the
        # constructor refuses (Discretization with both num_bins and bin_boundaries).
        cls(**written_params(params), name=name)
    except Exception as exc:  # Keras raises TypeError/ValueError/KeyError...
        raise BuildError(explain_error(exc, class_name, params=params), node_id) from exc
    return layer


def written_params(params: dict[str, Any]) -> dict[str, Any]:
    """The constructor arguments the exported code passes
    (:mod:`~kbuilder.keras_io.codegen`): lists of whole numbers become tuples
    and a serialised ``keras.layers`` layer (Bidirectional's ``layer``, an
    RNN's ``cell``) the layer itself."""
    def value(v: Any) -> Any:
        if isinstance(v, dict):
            cls = v.get("class_name")
            config = v.get("config")
            if v.get("module") == "keras.layers" and isinstance(cls, str) and isinstance(config, dict):
                found = layer_class(cls)
                if found is not None:
                    return found(**{str(k): value(x) for k, x in config.items()})
            return {str(k): value(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            items = [value(x) for x in v]
            return tuple(items) if is_tuple_like(v) else items
        return v

    return {str(k): value(wrapped_layer_module(k, v)) for k, v in params.items() if k != "name"}


def make_layer(graph: Graph, node: Node):
    """The Keras layer of ``node`` (a fresh object; sharing is build_model's job).
    A class or setting a file may not name (a Lambda, a function) is refused
    here too: a file read before the layer catalog was known (the first run)
    was checked against the code classes only."""
    why = refusal(node.class_name, node.params, build=True)
    if why is not None:
        # ``why`` is a phrase from kbuilder.layers.allowed.refusal ("is not a layer kbuilder builds ...").
        msg = translate("keras_io.build", "The layer '{name}' ({cls}) {why}.").format(
            name=node.name, cls=node.class_name, why=why
        )
        raise BuildError(msg, node.id)
    return new_layer(node.class_name, node.params, node.name, node.id)


def input_tensor(node: Node):
    k = keras()
    p = node.params
    shape = p.get("shape")
    if shape is None:
        raise BuildError(
            translate("keras_io.build", "The Input '{name}' has no shape; set its shape in the inspector.").format(
                name=node.name
            ),
            node.id,
        )
    try:
        return k.Input(
            shape=tuple(None if s is None else int(s) for s in shape),
            dtype=p.get("dtype") or "float32",
            batch_size=p.get("batch_size"),
            sparse=bool(p.get("sparse", False)),
            name=node.name,
        )
    except Exception as exc:
        msg = translate("keras_io.build", "The Input '{name}' has an invalid shape {shape}: {reason}").format(
            name=node.name, shape=list(shape), reason=first_line(exc)
        )
        raise BuildError(msg, node.id) from exc


def call_layer(layer, class_name: str, tensors: list, arity: Arity | None = None, **kwargs):
    """Call ``layer`` with the convention its class expects (``kwargs``:
    ``training=`` for a test run)."""
    if len(tensors) > 1 and basics.input_mode(class_name, _catalog()) == "args":
        return layer(*tensors, **kwargs)
    if len(tensors) == 1 and not is_merge(class_name, arity):
        return layer(tensors[0], **kwargs)
    return layer(list(tensors), **kwargs)


def pick_output(value, src_port: int, src_name: str):
    """Output ``src_port`` of a layer that returned ``value``."""
    if isinstance(value, (list, tuple)):
        if 0 <= src_port < len(value):
            return value[src_port]
        raise IndexError(
            translate("keras_io.build", "{name} has {count} outputs; output {number} does not exist").format(
                name=src_name, count=len(value), number=src_port + 1
            )
        )
    if src_port:
        raise IndexError(
            translate("keras_io.build", "{name} has a single output; output {number} does not exist").format(
                name=src_name, number=src_port + 1
            )
        )
    return value


# ---------------------------------------------------------------- model
def model_node_ids(graph: Graph) -> set[str]:
    """The nodes a model built from ``graph`` contains: every Input and every
    node on a path to an output."""
    ins: dict[str, list[str]] = {}
    for e in graph.edges:
        ins.setdefault(e.dst, []).append(e.src)
    keep = {n.id for n in graph.inputs()}
    todo = [n.id for n in graph.outputs()]
    while todo:
        nid = todo.pop()
        if nid in keep and not graph.node(nid).is_input:
            continue
        keep.add(nid)
        todo.extend(s for s in ins.get(nid, []) if s not in keep)
    return keep


def build_model(graph: Graph, arity: Arity | None = None, layers_out: dict[str, Any] | None = None):
    """A functional ``keras.Model`` of ``graph``; :class:`BuildError` if it cannot be built.
    ``layers_out`` receives each layer object by the id of its owner node."""
    k = keras()
    arity = arity or catalog_arity
    errors = [i for i in check_structure(graph, arity) if i.severity == ERROR]
    if errors:
        first = next((i for i in errors if i.node_id), errors[0])
        raise BuildError(first.message, first.node_id)

    keep = model_node_ids(graph)
    values: dict[str, Any] = {}
    layers: dict[str, Any] = {} if layers_out is None else layers_out
    for node in graph.topological_order(keep):
        if node.is_input:
            values[node.id] = input_tensor(node)
            continue
        owner = graph.owner(node)
        layer = layers.get(owner.id)
        if layer is None:
            try:
                layer = layers[owner.id] = make_layer(graph, owner)
            except BuildError as exc:
                raise BuildError(f"{owner.name}: {exc.message}", owner.id) from exc
        tensors: list = []
        try:
            for e in graph.in_edges(node.id):
                tensors.append(pick_output(values[e.src], e.src_port, graph.node(e.src).name))
            values[node.id] = call_layer(layer, owner.class_name, tensors, arity)
        except Exception as exc:
            shapes = [tuple(t.shape) for t in tensors]
            raise BuildError(f"{node.name}: {explain_error(exc, owner.class_name, shapes)}", node.id) from exc

    inputs = [values[n.id] for n in graph.inputs()]
    outputs: list = []
    for n in graph.outputs():
        v = values[n.id]
        outputs.extend(v if isinstance(v, (list, tuple)) else [v])
    try:
        return k.Model(
            inputs=inputs[0] if len(inputs) == 1 else inputs,
            outputs=outputs[0] if len(outputs) == 1 else outputs,
            name=graph.name or "model",
        )
    except Exception as exc:
        raise BuildError(
            translate("keras_io.build", "The model cannot be assembled: {reason}").format(reason=first_line(exc))
        ) from exc

