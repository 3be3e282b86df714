"""Graph -> ``keras.Model`` (functional), and Keras errors in plain words.

Each node becomes ``cls.from_config({**node.params, "name": node.name})``, so
serialised values (initializer dicts, dtype policies) work as in a saved
model; the constructor must take the parameters too, as the exported code
passes them (:func:`written_params`), or the layer is refused.  A node that
shares weights calls its owner's layer object again.  Merge layers get a
list ordered by input port; one-input layers get a single
tensor; ``MultiHeadAttention`` gets query, value (, key) positionally and
``Attention`` a ``[query, value]`` list.

:func:`explain_error` turns the Keras exceptions a beginner meets into one
sentence about the layer; :mod:`~kbuilder.keras_io.shapes` uses it too.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from kbuilder.core.graph import Graph, Node
from kbuilder.core.validate import ERROR, Arity, check_structure, is_merge
from kbuilder.layers import basics
from kbuilder.layers.backend import keras
from kbuilder.layers.basics import format_shape
from kbuilder.layers.catalog import get_catalog

#: Arguments some classes' ``from_config`` reads without a default: a graph
#: leaves defaults out, so they are filled in (Rescaling(scale=1/255) has no offset).
FROM_CONFIG_DEFAULTS: dict[str, dict[str, Any]] = {
    "Rescaling": {"offset": 0.0},
    "TextVectorization": {"standardize": "lower_and_strip_punctuation", "split": "whitespace", "ngrams": None},
}

#: Layers whose extra inputs are positional arguments, not a list.
POSITIONAL_INPUTS = frozenset({"MultiHeadAttention", "GroupedQueryAttention", "GroupQueryAttention"})


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
        raise BuildError("kbuilder cannot build this layer; replace it with a regular layer.", node_id)
    if class_name == "Input":
        raise BuildError("An Input is not called like a layer.", node_id)
    cls = layer_class(class_name)
    if cls is None:
        raise BuildError(f"Keras has no layer called {class_name}; pick one from the palette.", node_id)
    try:
        # A wrapper's inner layer from the palette ({"class_name", "config"}) needs its module for Keras.
        from .codegen import wrapped_layer_module  # noqa: PLC0415

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
    from .codegen import is_tuple_like, wrapped_layer_module  # noqa: PLC0415

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
    from kbuilder.layers.allowed import refusal

    why = refusal(node.class_name, node.params, build=True)
    if why is not None:
        raise BuildError(f"The layer '{node.name}' ({node.class_name}) {why}.", node.id)
    return new_layer(node.class_name, node.params, node.name, node.id)


def input_tensor(node: Node):
    k = keras()
    p = node.params
    shape = p.get("shape")
    if shape is None:
        raise BuildError(f"The Input '{node.name}' has no shape; set its shape in the inspector.", node.id)
    try:
        return k.Input(
            shape=tuple(None if s is None else int(s) for s in shape),
            dtype=p.get("dtype") or "float32",
            batch_size=p.get("batch_size"),
            sparse=bool(p.get("sparse", False)),
            name=node.name,
        )
    except Exception as exc:
        raise BuildError(
            f"The Input '{node.name}' has an invalid shape {list(shape)}: {first_line(exc)}", node.id
        ) from exc


_MODE_CACHE: dict[str, str | None] = {}


def _input_mode(class_name: str) -> str | None:
    """The catalog's calling convention ("single", "list", "args"), if known."""
    if class_name not in _MODE_CACHE:
        _MODE_CACHE[class_name] = _catalog_input_mode(class_name)
    return _MODE_CACHE[class_name]


def _catalog_input_mode(class_name: str) -> str | None:
    catalog = _catalog()
    spec = catalog.get(class_name) if catalog is not None else None
    return spec.input_mode if spec is not None else None


def call_layer(layer, class_name: str, tensors: list, arity: Arity | None = None, **kwargs):
    """Call ``layer`` with the convention its class expects (``kwargs``:
    ``training=`` for a test run)."""
    if len(tensors) > 1 and (class_name in POSITIONAL_INPUTS or _input_mode(class_name) == "args"):
        return layer(*tensors, **kwargs)
    if len(tensors) == 1 and not is_merge(class_name, arity):
        return layer(tensors[0], **kwargs)
    return layer(list(tensors), **kwargs)


def pick_output(value, src_port: int, src_name: str):
    """Output ``src_port`` of a layer that returned ``value``."""
    if isinstance(value, (list, tuple)):
        if 0 <= src_port < len(value):
            return value[src_port]
        raise IndexError(f"{src_name} has {len(value)} outputs; output {src_port + 1} does not exist")
    if src_port:
        raise IndexError(f"{src_name} has a single output; output {src_port + 1} does not exist")
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
        raise BuildError(f"The model cannot be assembled: {first_line(exc)}") from exc


# ------------------------------------------------------------ error words
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def keras_message(exc: BaseException) -> str:
    """The useful part of a Keras exception text (no wrapper, no colours)."""
    text = _ANSI.sub("", str(exc))
    if "Exception encountered: " in text:  # from_config wrapper
        text = text.split("Exception encountered: ", 1)[1]
    if text.startswith("Exception encountered when calling"):
        text = text.split("\n", 1)[1] if "\n" in text else text
    text = text.split("Arguments received by", 1)[0]
    text = _TF_NOISE.sub("", text)  # TensorFlow's "{{function_node ...}}" and "[Op:Mul] name:"
    return text.strip()


_TF_NOISE = re.compile(r"\{\{function_node [^}]*\}\}\s*|\s*\[Op:\w+\](?: name:.*)?")


def first_line(exc: BaseException) -> str:
    text = keras_message(exc)
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return type(exc).__name__


def _parse_shape(text: str):
    try:
        return ast.literal_eval(text.strip().rstrip("."))
    except Exception:
        return None


_IMAGE_LAYERS = re.compile(
    r"(Conv2D|Conv2DTranspose|SeparableConv2D|DepthwiseConv2D|Pooling2D|UpSampling2D|ZeroPadding2D|Cropping2D)"
)
_SEQ_LAYERS = re.compile(r"(LSTM|GRU|SimpleRNN|Conv1D|Pooling1D|RNN|Bidirectional)")


def _ndim_sentence(cls: str, expected: int, found: int, shape: str) -> str:
    if expected == 4 and found < expected and _IMAGE_LAYERS.search(cls):
        hint = "Insert a Reshape before it, e.g. to (28, 28, 1) for 28x28 grey images."
        return f"{cls} expects images shaped (height, width, channels) but receives {shape}. {hint}"
    if expected == 4 and _IMAGE_LAYERS.search(cls):
        return (
            f"{cls} expects images shaped (height, width, channels) but receives {shape}. Insert a Reshape before it."
        )
    if expected == 3 and (_SEQ_LAYERS.search(cls) or "1D" in cls):
        if found > 3:
            return (
                f"{cls} expects a sequence shaped (steps, features) but receives {shape}. "
                f"Insert a Reshape before it, e.g. to (28, 28) for 28x28 images."
            )
        return (
            f"{cls} expects a sequence shaped (steps, features) but receives {shape}. "
            f"Insert a Reshape (e.g. to (28, 28)) or an Embedding before it."
        )
    if found > expected:
        return (
            f"{cls} expects inputs with {expected - 1} dimension(s) per sample but receives {shape}. "
            f"Insert a Flatten or a pooling layer before it."
        )
    return f"{cls} expects inputs with {expected - 1} dimension(s) per sample but receives {shape}. Insert a Reshape before it."


def explain_error(
    exc: BaseException,
    class_name: str,
    input_shapes: list | None = None,
    params: dict | None = None,
    input_dtypes: list[str] | None = None,
) -> str:
    """One beginner sentence for a Keras exception raised by ``class_name``
    (``input_dtypes``: what a test run fed it, when known)."""
    msg = keras_message(exc)
    cls = class_name
    shapes = [s for s in (input_shapes or [])]
    both = " and ".join(format_shape(s) for s in shapes) if shapes else ""

    if shapes and shapes[0] is not None and len(shapes[0]) != 4 and _category(cls) == "Image preprocessing":
        return (
            f"{cls} works on images shaped (height, width, channels) but receives {format_shape(shapes[0])}. "
            f"Use it right after an image Input (e.g. shape [28, 28, 1]), or remove it."
        )
    if shapes and shapes[0] is not None and "channel" in msg and _category(cls) == "Image preprocessing":
        return (
            f"{cls} works on grey (1 channel) or colour (3 channels) images, and some of its effects on colour "
            f"images only, but receives {format_shape(shapes[0])}. Remove it, or give the Input 1 or 3 channels."
        )
    m = re.search(r"expected (?:min_|max_)?ndim=(\d+), found ndim=(\d+)\. Full shape received: (\(.*?\))", msg)
    if m:
        return _ndim_sentence(cls, int(m.group(1)), int(m.group(2)), m.group(3))
    m = (
        re.search(r"Value for attr 'T' of (\w+) is not in the list of allowed values", msg)
        or re.search(r"Cannot convert \S+ to EagerTensor of dtype (\w+)", msg)
        or re.search(r"was expected to be a \w+ tensor but is a \w+ tensor", msg)
        or re.search(r"must be a floating point tensor", msg)
    )
    if m:
        dtype = m.group(1) if m.lastindex else ", ".join(dict.fromkeys(input_dtypes or [])) or "kind of"
        return (
            f"{cls} cannot work on the {dtype} values it receives: it needs numbers with decimals (float32). "
            f"Set the Input's dtype to float32, or put a layer that turns them into numbers (an Embedding, a "
            f"StringLookup) before it."
        )
    m = re.search(r"Both `(\w+)` and `(\w+)` should not be set", msg)
    if m:
        return f"{cls} takes {m.group(1)} or {m.group(2)}, not both: clear one of them in the inspector."
    if "adapt(" in msg or "Table not initialized" in msg:
        return (
            f"{cls} must learn its values from data (Keras's adapt()), which kbuilder does not do: "
            f"give them in the inspector (its vocabulary, bin_boundaries, ...)."
        )
    m = re.search(r"Cast (\w+) to (\w+) is not supported", msg)
    if m:
        return (
            f"{cls} works on {m.group(2)} values but receives {m.group(1)}: "
            f"set the Input's dtype to {m.group(2)}, or change the layers before it."
        )
    m = re.search(r"Kernel shape must have the same length as input.*input of shape (\(.*?\))", msg)
    rank = re.search(r"(\d)D", cls)
    if m and rank:
        found = len(_parse_shape(m.group(1)) or ())
        return _ndim_sentence(cls, int(rank.group(1)) + 2, found, m.group(1))
    if "matching shapes except for the concatenation axis" in msg:
        return (
            f"Concatenate can only join tensors whose shapes match except along the joining axis, "
            f"but receives {both or msg.split('Received:')[-1].strip()}. Flatten or reshape them so they agree."
        )
    m = re.search(r"Inputs have incompatible shapes\. Received shapes (\(.*?\)) and (\(.*?\))", msg)
    if m or "Incompatible input shapes" in msg or "Operands could not be broadcast" in msg:
        got = both or (f"{m.group(1)} and {m.group(2)}" if m else msg)
        return f"{cls} needs inputs of the same shape but receives {got}. Make the layers before it produce matching shapes."
    m = re.search(r"invalid value for `(\w+)`, expected a positive integer\. Received: \w+=(.*)", msg)
    if m:
        return f"{m.group(1)} must be a positive whole number (got {_val(m.group(2))})."
    m = re.search(r"`(\w+)` must be a positive integer\. Received: \w+=(\S+)", msg)
    if m:
        return f"{m.group(1)} must be a positive whole number (got {_val(m.group(2))})."
    m = re.search(r"The `(\w+)` argument must be a tuple of (\d+) integers\. Received \w+=(.*)", msg)
    if m:
        return f"{m.group(1)} must be a whole number or a list of {m.group(2)} whole numbers (got {_val(m.group(3))})."
    if "index out of range" in msg and params and "axis" in params:
        return (
            f"axis={params['axis']!r} does not exist in an input shaped {both or 'like this'}; "
            f"use -1 for the last axis."
        )
    m = re.search(r"Invalid value for argument `(\w+)`\. Expected a strictly positive value\. Received \w+=(.*)", msg)
    if m:
        return f"{m.group(1)} must be greater than zero (got {_val(m.group(2))})."
    m = re.search(r"argument `(\w+)`\. Expected a float value between 0 and 1\. Received: \w+=(.*)", msg)
    if m:
        return f"{m.group(1)} must be a number between 0 and 1 (got {_val(m.group(2))})."
    m = re.search(r"missing \d+ required positional argument[s]?: (.*)", msg)
    if m:
        names = ", ".join(re.findall(r"'(\w+)'", m.group(1))) or m.group(1)
        return f"{cls} needs a value for {names}; set it in the inspector."
    m = re.search(r"Unrecognized keyword arguments passed to \w+: \{'(\w+)'", msg) or re.search(
        r"unexpected keyword argument '(\w+)'", msg
    )
    if m:
        return f"{cls} has no parameter called {m.group(1)}; remove it."
    m = re.search(r"Could not interpret (\w+)(?: function)? identifier: (.*)", msg)
    if m:
        return f"'{m.group(2).strip()}' is not a known {m.group(1)}; pick one from the list."
    if "output size would be zero or negative" in msg or "Negative dimension size" in msg:
        got = f" {both}" if both else ""
        return (
            f"{cls} would shrink its input{got} to nothing: its kernel or pool size is larger than the input. "
            f"Use a smaller size, padding='same', or fewer pooling layers before it."
        )
    m = re.search(
        r"total size of the tensor must be unchanged\. Received: input_shape=(\(.*?\)), target_shape=(\(.*?\))", msg
    )
    if m:
        src, dst = _parse_shape(m.group(1)), _parse_shape(m.group(2))
        try:
            n_in = _count(src)
            n_out = _count(dst)
            return (
                f"Reshape cannot turn {m.group(1)} ({n_in} values) into {m.group(2)} ({n_out} values); "
                f"the number of values must stay the same."
            )
        except Exception:
            pass
        return f"Reshape cannot turn {m.group(1)} into {m.group(2)}: the number of values must stay the same."
    if "should be defined" in msg or "must be fully-defined" in msg:
        return (
            f"{cls} needs to know the size of the last axis but receives {both or 'an unknown size'}. "
            f"Give the Input a fixed size, or use a global pooling layer instead of Flatten."
        )
    return first_line(exc).replace("`", "")


def _category(class_name: str) -> str | None:
    catalog = _catalog()
    spec = catalog.get(class_name) if catalog is not None else None
    return spec.category if spec is not None else None


def _val(text: str) -> str:
    return text.strip().splitlines()[0].rstrip(".") if text.strip() else text


def _count(shape) -> int:
    total = 1
    for d in shape:
        total *= int(d)
    return total
