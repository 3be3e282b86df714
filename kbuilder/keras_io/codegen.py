"""Graph -> Python source a beginner can read and run.

``export_code(graph, style)`` writes a module with ``import keras`` /
``from keras import layers``, a ``build_model()`` that returns the model, and
an ``if __name__ == "__main__":`` block that prints its summary.  Styles:

* ``"functional"`` (default): one ``x = layers.Dense(...)(y)`` per layer.
* ``"sequential"``: ``model.add(...)`` per layer; refused (ExportError) unless
  the graph is one chain from one Input to one output, without sharing.
* ``"subclass"``: a ``keras.Model`` subclass, layers in ``__init__``, the
  forward pass in ``call``; ``build_model`` calls it on ``keras.Input`` s.

Safety: everything that comes from the user (layer and model names, string
and dict parameters, parameter keys) is written as a Python literal or a
sanitised identifier, never pasted as code; a class name that is not a plain
identifier is refused.  Names in comments are written as escaped literals.

Formatting: the output is already what ``ruff format`` (and black) produce:
a line that fits in 88 characters stays on one line, anything longer is
exploded one item per line with a trailing comma.
"""

from __future__ import annotations

import builtins
import keyword
import math
import re
import unicodedata
from typing import Any

from kbuilder.core.graph import Graph, Node
from kbuilder.core.validate import output_count
from kbuilder.keras_io.codegen_custom import custom_classes, stub_classes
from kbuilder.keras_io.codegen_custom import imports as custom_imports
from kbuilder.keras_io.codegen_custom import layer_call as custom_layer_call
from kbuilder.layers import basics
from kbuilder.layers.catalog import load_catalog_fast

STYLES = ("functional", "sequential", "subclass")
LINE = 88
#: Layers whose extra inputs are positional arguments (as build.py calls them).
POSITIONAL_INPUTS = frozenset({"MultiHeadAttention", "GroupedQueryAttention", "GroupQueryAttention"})
#: Parameters written first, in this order; the rest follow alphabetically.
_FIRST = (
    "units filters kernel_size pool_size size strides padding rate target_shape dims axis "
    "input_dim output_dim activation return_sequences"
).split()
#: Names a keras.Model already uses: a layer attribute must not replace them.
_MODEL_ATTRS = frozenset(
    """add_loss add_metric add_variable add_weight build build_from_config call compile compile_from_config
    compiled_loss compiled_metrics compute_dtype compute_loss compute_mask compute_metrics compute_output_shape
    compute_output_spec count_params distribute_reduction_method distribute_strategy dtype dtype_policy evaluate
    export fit from_config get_build_config get_compile_config get_config get_layer get_metrics_result
    get_quantization_layer_structure get_state_tree get_weights input input_dtype input_spec jit_compile layers
    load_own_variables load_weights loss losses make_predict_function make_test_function make_train_function
    metrics metrics_names metrics_variables non_trainable_variables non_trainable_weights output path predict
    predict_on_batch predict_step quantization_mode quantize quantized_build quantized_call rematerialized_call
    reset_metrics run_eagerly save save_own_variables save_weights set_state_tree set_weights stateless_call
    stateless_compute_loss summary supports_masking symbolic_call test_on_batch test_step to_json
    train_on_batch train_step trainable trainable_variables trainable_weights variable_dtype variables weights
    name built optimizer inputs outputs stop_training history autocast seed_generator steps_per_execution
    compiled trainable_weights loss_tracker""".split()
)
_RESERVED = frozenset(
    set(keyword.kwlist)
    | set(keyword.softkwlist)
    | set(dir(builtins))
    | {"keras", "layers", "build_model", "model", "inputs", "outputs", "self", "kwargs", "x"}
)


class ExportError(ValueError):
    """The graph cannot be written in the requested style (plain words)."""


# ------------------------------------------------------------------ literals
def literal(value: Any) -> str:
    """Python source for a JSON-like value, formatted as ruff would."""
    return _render(_expr(value), 0)


def string_literal(text: str) -> str:
    """A string literal with ruff's quote preference (double quotes unless
    that needs more escapes).  ``ast.literal_eval`` gives ``text`` back."""
    quote = '"' if text.count('"') <= text.count("'") else "'"
    out = []
    for ch in text:
        if ch == quote:
            out.append("\\" + ch)
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "'\"":
            out.append(ch)
        else:
            out.append(repr(ch)[1:-1])
    return quote + "".join(out) + quote


# An expression tree small enough to format like ruff: atoms, and bracketed
# groups (calls, lists, tuples, dicts) whose items may be split one per line.
class _Group:
    def __init__(self, opening: str, items: list, closing: str, one_tuple: bool = False) -> None:
        self.opening = opening  # "layers.Dense(", "[", "{", "("
        self.items = items  # each: str | _Group | (prefix str, _Group | str)
        self.closing = closing
        self.one_tuple = one_tuple


def _expr(value: Any):
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(int(value))
    if isinstance(value, float):
        if math.isnan(value):
            return 'float("nan")'
        if math.isinf(value):
            return 'float("inf")' if value > 0 else 'float("-inf")'
        return repr(value).replace("e+", "e")  # ruff writes 1e16, not 1e+16
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, dict):
        layer = _layer_call(value)
        if layer is not None:
            return layer
        return _Group("{", [(string_literal(str(k)) + ": ", _expr(v)) for k, v in value.items()], "}")
    if isinstance(value, (list, tuple)):
        items = [_expr(v) for v in value]
        if is_tuple_like(value):
            return _Group("(", items, ")", one_tuple=len(items) == 1)
        return _Group("[", items, "]")
    return string_literal(str(value))


def _layer_call(value: dict) -> _Group | None:
    """A serialised Keras layer inside a parameter (Bidirectional's ``layer``,
    an RNN's ``cell``) as constructor code: ``layers.LSTM(units=4, ...)``."""
    cls = value.get("class_name")
    config = value.get("config")
    if value.get("module") != "keras.layers" or not isinstance(config, dict) or not isinstance(cls, str):
        return None
    if not (cls.isidentifier() and cls.isascii() and not keyword.iskeyword(cls)):
        return None
    return _call("layers." + cls, [], _ordered(config))


def _ordered(params: dict[str, Any]) -> list[tuple[str, Any]]:
    """Keyword arguments in a stable order: the usual first ones, the rest
    alphabetically, ``name`` last."""
    rest = {k: v for k, v in params.items() if k != "name"}
    rank = {k: i for i, k in enumerate(_FIRST)}
    keys = sorted(rest, key=lambda k: (rank.get(k, len(rank)), k))
    out = [(k, _expr(rest[k])) for k in keys]
    if "name" in params:
        out.append(("name", _expr(params["name"])))
    return out


def is_tuple_like(value: Any) -> bool:
    """Shapes and sizes read best as tuples: ``(3, 3)``."""
    return bool(value) and all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in value)


def _flat(e) -> str:
    if isinstance(e, str):
        return e
    if isinstance(e, tuple):
        return e[0] + _flat(e[1])
    inner = ", ".join(_flat(i) for i in e.items)
    if e.one_tuple:
        inner += ","
    return e.opening + inner + e.closing


def _render(e, indent: int, prefix: str = "", suffix: str = "") -> str:
    """``prefix + e + suffix`` at ``indent`` spaces: one line if it fits,
    else ``e``'s brackets exploded (recursively) with trailing commas."""
    flat = prefix + _flat(e) + suffix
    if isinstance(e, tuple):
        return _render(e[1], indent, prefix + e[0], suffix)
    if isinstance(e, str) or indent + _width(flat) <= LINE or not e.items:
        return flat
    pad = " " * (indent + 4)
    lines = [prefix + e.opening]
    for item in e.items:
        lines.append(pad + _render(item, indent + 4, "", ","))
    lines.append(" " * indent + e.closing + suffix)
    return ("\n").join(lines)


def _width(text: str) -> int:
    """Columns ``text`` takes, as ruff counts them: East Asian wide and
    full-width characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _call(func: str, args: list, kwargs: list[tuple[str, Any]]) -> _Group:
    items: list = list(args)
    for key, value in kwargs:
        if key.isidentifier() and key.isascii() and not keyword.iskeyword(key):
            items.append((key + "=", value))
        else:
            items.append(("**", _Group("{", [(string_literal(key) + ": ", value)], "}")))
    return _Group(func + "(", items, ")")


def _stmt(lines: list[str], indent: int, prefix: str, e, suffix: str = "") -> None:
    lines.append(" " * indent + _render(e, indent, prefix, suffix))


def _comment_name(name: str) -> str:
    """A name as it may appear in a comment: an escaped literal (no line breaks)."""
    return string_literal(name)


# ------------------------------------------------------------------ names
def _identifier(name: str, taken: set[str], reserved: frozenset[str] = _RESERVED) -> str:
    base = re.sub(r"[^0-9A-Za-z_]+", "_", name).strip("_") or "layer"
    base = re.sub(r"_+", "_", base)
    if base[0].isdigit():
        base = "layer_" + base
    if base in reserved:
        base += "_"
    ident = base
    i = 2
    while ident in taken or ident in reserved or keyword.iskeyword(ident):
        ident = f"{base}_{i}"
        i += 1
    taken.add(ident)
    return ident


def _class_identifier(name: str) -> str:
    parts = re.split(r"[^0-9A-Za-z]+", name)
    base = "".join(p[:1].upper() + p[1:] for p in parts if p) or "Model"
    if base[0].isdigit():
        base = "Model" + base
    if base in _RESERVED or base in ("Model", "Input", "Sequential"):
        base += "Model"
    return base


# ------------------------------------------------------------------ export
def export_code(graph: Graph, style: str = "functional") -> str:
    """The graph as a runnable Python module (see the module docstring)."""
    if style not in STYLES:
        raise ExportError(f"unknown export style {style!r}; choose one of {', '.join(STYLES)}")
    return _Writer(graph, style).write()


class _Writer:
    def __init__(self, graph: Graph, style: str) -> None:
        self.graph = graph
        self.style = style
        self.order = _order(graph)
        self.nodes = {n.id: n for n in graph.nodes}
        self.ins = {n.id: graph.in_edges(n.id) for n in self.order}
        for e in graph.edges:  # the code must never take another output than the graph says
            src, dst = self.nodes[e.src], self.nodes[e.dst]
            count = output_count(graph.owner(src))
            if e.src_port < 0 or e.dst_port < 0 or (count is not None and e.src_port >= count):
                raise ExportError(
                    f"The connection from {src.name!r} to {dst.name!r} uses an output or an input that does not "
                    f"exist; delete it and connect the two layers again before exporting."
                )
        # Layers that return a list (several outputs): their tensors are indexed.
        self.multi_out = {e.src for e in graph.edges if e.src_port} | {
            n.id for n in self.order if output_count(graph.owner(n)) is None and not graph.owner(n).is_placeholder
        }
        self.placeholders = [n for n in self.order if graph.owner(n).is_placeholder]
        for n in self.order:
            if not n.is_input and not self.ins[n.id]:
                raise ExportError(f"Layer {n.name!r} has no input: connect it or delete it before exporting.")
            cls = graph.owner(n).class_name
            if not (cls.isidentifier() and cls.isascii() and not keyword.iskeyword(cls)):
                raise ExportError(f"Layer {n.name!r} has an invalid class name {cls!r}.")
        if not graph.inputs():
            raise ExportError("The model has no Input layer.")
        if not graph.outputs():
            raise ExportError("The model has no output layer.")
        taken: set[str] = set()
        # A custom layer class (a placeholder of a class Keras lacks) gets a stub class; other placeholders a function.
        self.custom = custom_classes(graph, self.order, taken)
        self.placeholders = [n for n in self.placeholders if graph.owner(n).id not in self.custom]
        self.stub = {n.id: _identifier(n.name + "_todo", taken) for n in self.placeholders if not n.shared_with}
        self.class_name = _class_identifier(graph.name or "model")
        taken.add(self.class_name)
        self.var = {n.id: _identifier(n.name, taken) for n in self.order}
        # The layer object of a shared layer (functional) / every layer (subclass).
        owners = {graph.owner(n).id for n in self.order if n.shared_with}
        self.layer_var = {oid: _identifier(self.nodes[oid].name + "_layer", taken) for oid in owners}
        self.taken = taken
        self.attr = {}
        if style == "subclass":
            attr_taken: set[str] = set()
            for n in self.order:
                if not n.is_input and not n.shared_with and (not n.is_placeholder or n.id in self.custom):
                    self.attr[n.id] = _identifier(n.name, attr_taken, _RESERVED | _MODEL_ATTRS)

    # -------------------------------------------------------------- pieces
    def write(self) -> str:
        body = {"functional": self.functional, "sequential": self.sequential, "subclass": self.subclass}[self.style]()
        name = _comment_name(self.graph.name or "model")
        head = ['"""A Keras model exported by kbuilder."""', "", f"# Model {name}.", ""]
        if self.placeholders:
            head.append("# TODO: kbuilder could not export these layers; write their code in the")
            head.append("# functions marked TODO below:")
            for n in self.placeholders:
                if not n.shared_with:
                    orig = n.extra.get("original_class") if isinstance(n.extra, dict) else None
                    what = f" (was {_comment_name(str(orig))})" if orig else ""
                    head.append(f"#   - layer {_comment_name(n.name)}{what}")
            head.append("")
        stubbed = [i for o, i in self.custom.items() if self.nodes[o].is_placeholder]
        if stubbed:
            head.append("# TODO: custom layer classes: kbuilder kept their settings; write their code in the")
            head.append(f"# classes marked TODO below: {', '.join(dict.fromkeys(stubbed))}.")
            head.append("")
        head += ["import keras", "from keras import layers", *custom_imports(self.graph, self.custom), "", ""]
        parts = [head]
        for stub in [*stub_classes(self.graph, self.custom), *self.stubs()]:
            parts.append(stub + ["", ""])
        parts.append(body)
        parts.append(["", "", 'if __name__ == "__main__":', "    model = build_model()", "    model.summary()"])
        return "\n".join(line for part in parts for line in part) + "\n"

    def stubs(self) -> list[list[str]]:
        out = []
        for n in self.placeholders:
            if n.shared_with:
                continue
            orig = n.extra.get("original_class") if isinstance(n.extra, dict) else None
            message = (
                f"Layer {n.name!r}" + (f" ({orig})" if orig else "") + " is a placeholder kbuilder could not "
                "export: replace this function with your own code."
            )
            lines = [f"def {self.stub[n.id]}(inputs):"]
            lines.append(f"    # TODO: the code of layer {_comment_name(n.name)} goes here.")
            cfg = n.extra.get("config") if isinstance(n.extra, dict) else None
            call = cfg.get("call") if isinstance(cfg, dict) else None
            if isinstance(call, str):  # a raw TensorFlow call kbuilder could not translate (keras_io.tf_ops)
                lines.append(f"    # It was the TensorFlow call {_comment_name(call)}.")
            _stmt(lines, 4, "raise ", _Group("NotImplementedError(", [string_literal(message)], ")"))
            out.append(lines)
        return out

    def params(self, node: Node) -> list[tuple[str, Any]]:
        params = {k: wrapped_layer_module(k, v) for k, v in node.params.items()}
        params["name"] = node.name
        return _ordered(params)

    def input_expr(self, node: Node) -> _Group:
        p = dict(node.params)
        shape = p.pop("shape", None)
        dtype = p.pop("dtype", None) or "float32"
        kwargs = [("shape", _expr(shape))]
        kwargs.append(("dtype", string_literal(str(dtype))))
        kwargs += [(k, _expr(p[k])) for k in sorted(p) if k != "name"]
        kwargs.append(("name", string_literal(node.name)))
        return _call("keras.Input", [], kwargs)

    def layer_expr(self, node: Node) -> _Group:
        if node.id in self.custom:
            return custom_layer_call(node, self.custom[node.id])
        params = self.params(node)
        inner = [v for k, v in params if k == "layer" and isinstance(v, _Group) and v.opening.startswith("layers.")]
        if inner:  # a wrapper takes its layer first: layers.Bidirectional(layers.LSTM(...))
            return _call("layers." + node.class_name, inner, [(k, v) for k, v in params if k != "layer"])
        return _call("layers." + node.class_name, [], params)

    def tensor(self, edge) -> str:
        name = self.var[edge.src]
        return f"{name}[{edge.src_port}]" if edge.src in self.multi_out else name

    def args(self, node: Node):
        owner = self.graph.owner(node)
        tensors = [self.tensor(e) for e in self.ins[node.id]]
        if owner.class_name in POSITIONAL_INPUTS and len(tensors) > 1:
            return tensors
        if len(tensors) == 1 and not basics.is_merge(owner.class_name, load_catalog_fast()):
            return tensors
        return [_Group("[", tensors, "]")]

    def io(self, nodes: list[Node]):
        names = [self.var[n.id] for n in nodes]
        return names[0] if len(names) == 1 else _Group("[", names, "]")

    # -------------------------------------------------------------- styles
    def functional(self) -> list[str]:
        lines = ["def build_model():"]
        for n in self.order:
            owner = self.graph.owner(n)
            v = self.var[n.id]
            if n.is_input:
                _stmt(lines, 4, f"{v} = ", self.input_expr(n))
            elif owner.is_placeholder and owner.id not in self.custom:
                _stmt(lines, 4, f"{v} = ", _Group(self.stub[owner.id] + "(", self.args(n), ")"))
            elif owner.id in self.layer_var:
                lv = self.layer_var[owner.id]
                if n.id == owner.id:
                    lines.append(f"    # {_comment_name(owner.name)} is shared: created once, called again below.")
                    _stmt(lines, 4, f"{lv} = ", self.layer_expr(owner))
                _stmt(lines, 4, f"{v} = ", _Group(lv + "(", self.args(n), ")"))
            else:
                self.chained(lines, v, n)
        model = _call(
            "keras.Model",
            [],
            [
                ("inputs", self.io(self.graph.inputs())),
                ("outputs", self.io(self.graph.outputs())),
                ("name", string_literal(self.graph.name or "model")),
            ],
        )
        _stmt(lines, 4, "return ", model)
        return _fix_chained(lines)

    def chained(self, lines: list[str], v: str, n: Node) -> None:
        """``v = layers.X(...)(args)`` on one line, or with the layer's
        arguments one per line; when even ``)(args)`` is too long, the layer
        object gets its own statement."""
        layer = self.layer_expr(n)
        call = _Group("(", self.args(n), ")")
        one = f"    {v} = {_flat(layer)}{_flat(call)}"
        if _width(one) <= LINE:
            lines.append(one)
        elif _width(f"    ){_flat(call)}") <= LINE:
            _stmt(lines, 4, f"{v} = ", layer, _flat(call))
        else:
            lv = _identifier(n.name + "_layer", self.taken)
            _stmt(lines, 4, f"{lv} = ", layer)
            _stmt(lines, 4, f"{v} = ", _Group(lv + "(", self.args(n), ")"))

    def sequential(self) -> list[str]:
        self.check_chain()
        lines = ["def build_model():"]
        _stmt(
            lines, 4, "model = ", _call("keras.Sequential", [], [("name", string_literal(self.graph.name or "model"))])
        )
        for n in self.order:
            if n.is_input:
                expr = self.input_expr(n)
            elif n.is_placeholder and n.id not in self.custom:
                expr = _call("layers.Lambda", [self.stub[n.id]], [("name", string_literal(n.name))])
            else:
                expr = self.layer_expr(n)
            _stmt(lines, 4, "", _Group("model.add(", [expr], ")"))
        lines.append("    return model")
        return lines

    def check_chain(self) -> None:
        g = self.graph
        ins = g.inputs()
        outs = g.outputs()
        why = None
        if len(ins) != 1:
            why = f"it has {len(ins)} inputs"
        elif len(outs) != 1:
            why = f"it has {len(outs)} outputs"
        else:
            for n in self.order:
                if n.shared_with or g.sharers(n.id):
                    why = f"layer {n.name!r} shares its weights"
                elif not n.is_input and len(self.ins[n.id]) != 1:
                    why = f"layer {n.name!r} takes {len(self.ins[n.id])} inputs"
                elif len(g.out_edges(n.id)) > 1:
                    why = f"the output of {n.name!r} feeds several layers"
                elif n.id in self.multi_out:
                    why = f"layer {n.name!r} has several outputs"
                elif not g.out_edges(n.id) and n.id != outs[0].id:
                    why = f"layer {n.name!r} is not on the way to the output"
                if why:
                    break
        if why:
            raise ExportError(
                f"A Sequential model is a single chain of layers from one Input to one output, but {why}. "
                "Export it in the functional or subclass style instead."
            )

    def subclass(self) -> list[str]:
        g = self.graph
        lines = [f"class {self.class_name}(keras.Model):", "    def __init__(self, **kwargs):"]
        lines.append("        super().__init__(**kwargs)")
        for n in self.order:
            if n.id in self.attr:
                _stmt(lines, 8, f"self.{self.attr[n.id]} = ", self.layer_expr(n))
        lines += ["", "    def call(self, inputs):"]
        ins = g.inputs()
        if len(ins) == 1:
            lines.append(f"        {self.var[ins[0].id]} = inputs")
        else:
            lines.append("        # inputs is a list with one tensor per Input, in this order:")
            for i, n in enumerate(ins):
                lines.append(f"        {self.var[n.id]} = inputs[{i}]")
        for n in self.order:
            if n.is_input:
                continue
            owner = g.owner(n)
            func = self.stub[owner.id] if owner.id in self.stub else f"self.{self.attr[owner.id]}"
            _stmt(lines, 8, f"{self.var[n.id]} = ", _Group(func + "(", self.args(n), ")"))
        _stmt(lines, 8, "return ", self.io(g.outputs()))
        lines += ["", "", "def build_model():"]
        for n in ins:
            _stmt(lines, 4, f"{self.var[n.id]} = ", self.input_expr(n))
        _stmt(lines, 4, "model = ", _call(self.class_name, [], [("name", string_literal(g.name or "model"))]))
        lines.append("    # Calling the model once on keras.Input tensors builds it, so summary() works.")
        _stmt(lines, 4, "model(", self.io(ins), ")")
        lines.append("    return model")
        return lines


def _fix_chained(lines: list[str]) -> list[str]:
    return lines


def wrapped_layer_module(key: str, value: Any) -> Any:
    """``layer`` / ``backward_layer`` / ``cell`` / ``cells`` hold layers even
    when an old config left out their module."""
    if key not in ("layer", "backward_layer", "cell", "cells"):
        return value
    if isinstance(value, list):
        return [wrapped_layer_module(key, v) for v in value]
    if isinstance(value, dict) and "class_name" in value:
        out = dict(value) if value.get("module") is not None else {**value, "module": "keras.layers"}
        if isinstance(out.get("config"), dict):  # TimeDistributed(Bidirectional(LSTM(...)))
            out["config"] = {k: wrapped_layer_module(k, v) for k, v in out["config"].items()}
        return out
    return value


def _order(graph: Graph) -> list[Node]:
    """Nodes in data-flow order, each shared layer's owner before the nodes
    that call it again (the layer object is created there)."""
    order = graph.topological_order()
    if len(order) != len(graph) or not graph.owners_first():
        placed = {n.id for n in order}
        stuck = [n.name for n in graph.nodes if n.id not in placed] or [
            n.name for n in graph.nodes if n.shared_with
        ]
        raise ExportError(f"The graph has a loop (through {', '.join(map(repr, stuck[:3]))}); remove it to export.")
    return order
