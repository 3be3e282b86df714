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

Formatting: the output is already what ``ruff format`` (and black) produce
(:mod:`~kbuilder.keras_io.pysource`): a line that fits in 88 characters stays
on one line, anything longer is exploded one item per line with a trailing
comma.  Custom layer classes get stubs from :mod:`~kbuilder.keras_io.codegen_custom`.
"""

from __future__ import annotations

import keyword
from typing import Any

from kbuilder.core.graph import Graph, Node
from kbuilder.core.i18n import translate
from kbuilder.core.validate import output_count
from kbuilder.keras_io.codegen_custom import custom_classes, stub_classes
from kbuilder.keras_io.codegen_custom import imports as custom_imports
from kbuilder.keras_io.codegen_custom import layer_call as custom_layer_call
from kbuilder.keras_io.pysource import (
    LINE,
    MODEL_ATTRS,
    RESERVED,
    Group,
    call_expr,
    class_identifier,
    comment_name,
    expr,
    flat,
    identifier,
    ordered_kwargs,
    statement,
    string_literal,
    width,
)
from kbuilder.layers import basics
from kbuilder.layers.catalog import load_catalog_fast

from .config_values import wrapped_layer_module

STYLES = ("functional", "sequential", "subclass")
#: Layers whose extra inputs are positional arguments (as build.py calls them).


class ExportError(ValueError):
    """The graph cannot be written in the requested style (plain words)."""


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
                    translate(
                        "keras_io.codegen",
                        "The connection from {source} to {target} uses an output or an input that does not "
                        "exist; delete it and connect the two layers again before exporting.",
                    ).format(source=repr(src.name), target=repr(dst.name))
                )
        # Layers that return a list (several outputs): their tensors are indexed.
        self.multi_out = {e.src for e in graph.edges if e.src_port} | {
            n.id for n in self.order if output_count(graph.owner(n)) is None and not graph.owner(n).is_placeholder
        }
        self.placeholders = [n for n in self.order if graph.owner(n).is_placeholder]
        for n in self.order:
            if not n.is_input and not self.ins[n.id]:
                raise ExportError(
                    translate(
                        "keras_io.codegen", "Layer {name} has no input: connect it or delete it before exporting."
                    ).format(name=repr(n.name))
                )
            cls = graph.owner(n).class_name
            if not (cls.isidentifier() and cls.isascii() and not keyword.iskeyword(cls)):
                raise ExportError(
                    translate("keras_io.codegen", "Layer {name} has an invalid class name {cls}.").format(
                        name=repr(n.name), cls=repr(cls)
                    )
                )
        if not graph.inputs():
            raise ExportError(translate("keras_io.codegen", "The model has no Input layer."))
        if not graph.outputs():
            raise ExportError(translate("keras_io.codegen", "The model has no output layer."))
        taken: set[str] = set()
        # A custom layer class (a placeholder of a class Keras lacks) gets a stub class; other placeholders a function.
        self.custom = custom_classes(graph, self.order, taken)
        self.placeholders = [n for n in self.placeholders if graph.owner(n).id not in self.custom]
        self.stub = {n.id: identifier(n.name + "_todo", taken) for n in self.placeholders if not n.shared_with}
        self.class_name = class_identifier(graph.name or "model")
        taken.add(self.class_name)
        self.var = {n.id: identifier(n.name, taken) for n in self.order}
        # The layer object of a shared layer (functional) / every layer (subclass).
        owners = {graph.owner(n).id for n in self.order if n.shared_with}
        self.layer_var = {oid: identifier(self.nodes[oid].name + "_layer", taken) for oid in owners}
        self.taken = taken
        self.attr = {}
        if style == "subclass":
            attr_taken: set[str] = set()
            for n in self.order:
                if not n.is_input and not n.shared_with and (not n.is_placeholder or n.id in self.custom):
                    self.attr[n.id] = identifier(n.name, attr_taken, RESERVED | MODEL_ATTRS)

    # -------------------------------------------------------------- pieces
    def write(self) -> str:
        body = {"functional": self.functional, "sequential": self.sequential, "subclass": self.subclass}[self.style]()
        name = comment_name(self.graph.name or "model")
        head = ['"""A Keras model exported by kbuilder."""', "", f"# Model {name}.", ""]
        if self.placeholders:
            head.append("# TODO: kbuilder could not export these layers; write their code in the")
            head.append("# functions marked TODO below:")
            for n in self.placeholders:
                if not n.shared_with:
                    orig = n.extra.get("original_class") if isinstance(n.extra, dict) else None
                    what = f" (was {comment_name(str(orig))})" if orig else ""
                    head.append(f"#   - layer {comment_name(n.name)}{what}")
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
            lines.append(f"    # TODO: the code of layer {comment_name(n.name)} goes here.")
            cfg = n.extra.get("config") if isinstance(n.extra, dict) else None
            call = cfg.get("call") if isinstance(cfg, dict) else None
            if isinstance(call, str):  # a raw TensorFlow call kbuilder could not translate (keras_io.tf_ops)
                lines.append(f"    # It was the TensorFlow call {comment_name(call)}.")
            statement(lines, 4, "raise ", Group("NotImplementedError(", [string_literal(message)], ")"))
            out.append(lines)
        return out

    def params(self, node: Node) -> list[tuple[str, Any]]:
        params = {k: wrapped_layer_module(k, v) for k, v in node.params.items()}
        params["name"] = node.name
        return ordered_kwargs(params)

    def input_expr(self, node: Node) -> Group:
        p = dict(node.params)
        shape = p.pop("shape", None)
        dtype = p.pop("dtype", None) or "float32"
        kwargs = [("shape", expr(shape))]
        kwargs.append(("dtype", string_literal(str(dtype))))
        kwargs += [(k, expr(p[k])) for k in sorted(p) if k != "name"]
        kwargs.append(("name", string_literal(node.name)))
        return call_expr("keras.Input", [], kwargs)

    def layer_expr(self, node: Node) -> Group:
        if node.id in self.custom:
            return custom_layer_call(node, self.custom[node.id])
        params = self.params(node)
        inner = [v for k, v in params if k == "layer" and isinstance(v, Group) and v.opening.startswith("layers.")]
        if inner:  # a wrapper takes its layer first: layers.Bidirectional(layers.LSTM(...))
            return call_expr("layers." + node.class_name, inner, [(k, v) for k, v in params if k != "layer"])
        return call_expr("layers." + node.class_name, [], params)

    def tensor(self, edge) -> str:
        name = self.var[edge.src]
        return f"{name}[{edge.src_port}]" if edge.src in self.multi_out else name

    def args(self, node: Node):
        owner = self.graph.owner(node)
        tensors = [self.tensor(e) for e in self.ins[node.id]]
        if len(tensors) > 1 and basics.input_mode(owner.class_name, load_catalog_fast()) == "args":
            return tensors
        if len(tensors) == 1 and not basics.is_merge(owner.class_name, load_catalog_fast()):
            return tensors
        return [Group("[", tensors, "]")]

    def io(self, nodes: list[Node]):
        names = [self.var[n.id] for n in nodes]
        return names[0] if len(names) == 1 else Group("[", names, "]")

    # -------------------------------------------------------------- styles
    def functional(self) -> list[str]:
        lines = ["def build_model():"]
        for n in self.order:
            owner = self.graph.owner(n)
            v = self.var[n.id]
            if n.is_input:
                statement(lines, 4, f"{v} = ", self.input_expr(n))
            elif owner.is_placeholder and owner.id not in self.custom:
                statement(lines, 4, f"{v} = ", Group(self.stub[owner.id] + "(", self.args(n), ")"))
            elif owner.id in self.layer_var:
                lv = self.layer_var[owner.id]
                if n.id == owner.id:
                    lines.append(f"    # {comment_name(owner.name)} is shared: created once, called again below.")
                    statement(lines, 4, f"{lv} = ", self.layer_expr(owner))
                statement(lines, 4, f"{v} = ", Group(lv + "(", self.args(n), ")"))
            else:
                self.chained(lines, v, n)
        model = call_expr(
            "keras.Model",
            [],
            [
                ("inputs", self.io(self.graph.inputs())),
                ("outputs", self.io(self.graph.outputs())),
                ("name", string_literal(self.graph.name or "model")),
            ],
        )
        statement(lines, 4, "return ", model)
        return _fix_chained(lines)

    def chained(self, lines: list[str], v: str, n: Node) -> None:
        """``v = layers.X(...)(args)`` on one line, or with the layer's
        arguments one per line; when even ``)(args)`` is too long, the layer
        object gets its own statement."""
        layer = self.layer_expr(n)
        call = Group("(", self.args(n), ")")
        one = f"    {v} = {flat(layer)}{flat(call)}"
        if width(one) <= LINE:
            lines.append(one)
        elif width(f"    ){flat(call)}") <= LINE:
            statement(lines, 4, f"{v} = ", layer, flat(call))
        else:
            lv = identifier(n.name + "_layer", self.taken)
            statement(lines, 4, f"{lv} = ", layer)
            statement(lines, 4, f"{v} = ", Group(lv + "(", self.args(n), ")"))

    def sequential(self) -> list[str]:
        self.check_chain()
        lines = ["def build_model():"]
        statement(
            lines, 4, "model = ", call_expr("keras.Sequential", [], [("name", string_literal(self.graph.name or "model"))])
        )
        for n in self.order:
            if n.is_input:
                added = self.input_expr(n)
            elif n.is_placeholder and n.id not in self.custom:
                added = call_expr("layers.Lambda", [self.stub[n.id]], [("name", string_literal(n.name))])
            else:
                added = self.layer_expr(n)
            statement(lines, 4, "", Group("model.add(", [added], ")"))
        lines.append("    return model")
        return lines

    def check_chain(self) -> None:
        g = self.graph
        ins = g.inputs()
        outs = g.outputs()
        # The whole sentence each time: "A Sequential model is a single chain ..., but <why>."
        why = None
        if len(ins) != 1:
            why = translate(
                "keras_io.codegen",
                "A Sequential model is a single chain of layers from one Input to one output, but it has {count} "
                "inputs. Export it in the functional or subclass style instead.",
            ).format(count=len(ins))
        elif len(outs) != 1:
            why = translate(
                "keras_io.codegen",
                "A Sequential model is a single chain of layers from one Input to one output, but it has {count} "
                "outputs. Export it in the functional or subclass style instead.",
            ).format(count=len(outs))
        else:
            for n in self.order:
                name = repr(n.name)
                if n.shared_with or g.sharers(n.id):
                    why = translate(
                        "keras_io.codegen",
                        "A Sequential model is a single chain of layers from one Input to one output, but layer "
                        "{name} shares its weights. Export it in the functional or subclass style instead.",
                    ).format(name=name)
                elif not n.is_input and len(self.ins[n.id]) != 1:
                    why = translate(
                        "keras_io.codegen",
                        "A Sequential model is a single chain of layers from one Input to one output, but layer "
                        "{name} takes {count} inputs. Export it in the functional or subclass style instead.",
                    ).format(name=name, count=len(self.ins[n.id]))
                elif len(g.out_edges(n.id)) > 1:
                    why = translate(
                        "keras_io.codegen",
                        "A Sequential model is a single chain of layers from one Input to one output, but the "
                        "output of {name} feeds several layers. Export it in the functional or subclass style "
                        "instead.",
                    ).format(name=name)
                elif n.id in self.multi_out:
                    why = translate(
                        "keras_io.codegen",
                        "A Sequential model is a single chain of layers from one Input to one output, but layer "
                        "{name} has several outputs. Export it in the functional or subclass style instead.",
                    ).format(name=name)
                elif not g.out_edges(n.id) and n.id != outs[0].id:
                    why = translate(
                        "keras_io.codegen",
                        "A Sequential model is a single chain of layers from one Input to one output, but layer "
                        "{name} is not on the way to the output. Export it in the functional or subclass style "
                        "instead.",
                    ).format(name=name)
                if why:
                    break
        if why:
            raise ExportError(why)

    def subclass(self) -> list[str]:
        g = self.graph
        lines = [f"class {self.class_name}(keras.Model):", "    def __init__(self, **kwargs):"]
        lines.append("        super().__init__(**kwargs)")
        for n in self.order:
            if n.id in self.attr:
                statement(lines, 8, f"self.{self.attr[n.id]} = ", self.layer_expr(n))
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
            statement(lines, 8, f"{self.var[n.id]} = ", Group(func + "(", self.args(n), ")"))
        statement(lines, 8, "return ", self.io(g.outputs()))
        lines += ["", "", "def build_model():"]
        for n in ins:
            statement(lines, 4, f"{self.var[n.id]} = ", self.input_expr(n))
        statement(lines, 4, "model = ", call_expr(self.class_name, [], [("name", string_literal(g.name or "model"))]))
        lines.append("    # Calling the model once on keras.Input tensors builds it, so summary() works.")
        statement(lines, 4, "model(", self.io(ins), ")")
        lines.append("    return model")
        return lines


def _fix_chained(lines: list[str]) -> list[str]:
    return lines


def _order(graph: Graph) -> list[Node]:
    """Nodes in data-flow order, each shared layer's owner before the nodes
    that call it again (the layer object is created there)."""
    order = graph.topological_order()
    if len(order) != len(graph) or not graph.owners_first():
        placed = {n.id for n in order}
        stuck = [n.name for n in graph.nodes if n.id not in placed] or [
            n.name for n in graph.nodes if n.shared_with
        ]
        raise ExportError(
            translate("keras_io.codegen", "The graph has a loop (through {names}); remove it to export.").format(
                names=", ".join(map(repr, stuck[:3]))
            )
        )
    return order
