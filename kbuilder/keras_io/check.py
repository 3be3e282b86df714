"""All the issues of a graph: structure first, then what Keras says.

:func:`check_graph` runs :func:`kbuilder.core.validate.check_structure`,
then asks Keras (through :class:`~kbuilder.keras_io.shapes.ShapeInference`)
only about the nodes whose structure is sound: a layer in a loop or after a
layer with nothing plugged in has no meaningful input shape, and reporting
Keras's complaint about it would hide the real cause.  Keras errors become
errors on their node; a few shapes Keras accepts but a beginner rarely
means become warnings.
"""

from __future__ import annotations

from kbuilder.core.graph import Graph
from kbuilder.core.validate import ERROR, WARNING, Arity, Issue, check_structure, unsound_nodes

from .build import catalog_arity, fmt_shape, topological_order
from .shapes import NodeInfo, ShapeInference

#: Layers after which a rank-3 tensor is a sequence that Dense may process step by step.
SEQUENCE_LAYERS = frozenset(
    {
        "Embedding",
        "LSTM",
        "GRU",
        "SimpleRNN",
        "Bidirectional",
        "RNN",
        "ConvLSTM1D",
        "Conv1D",
        "SeparableConv1D",
        "Conv1DTranspose",
        "MultiHeadAttention",
        "Attention",
        "AdditiveAttention",
        "GroupedQueryAttention",
        "TextVectorization",
        "TimeDistributed",
        "LayerNormalization",
        "RepeatVector",
        "UpSampling1D",
        "MaxPooling1D",
        "AveragePooling1D",
    }
)


def check_graph(graph: Graph, inference: ShapeInference | None = None, arity: Arity | None = None) -> list[Issue]:
    """Structural issues, then Keras errors and warnings, in data-flow order."""
    arity = arity or catalog_arity
    issues = check_structure(graph, arity)
    unsound = unsound_nodes(graph, issues)
    sound = {n.id for n in graph.nodes} - unsound
    if not sound:
        return issues
    own = inference is None
    inf = inference or ShapeInference(graph, arity)
    try:
        infos = inf.refresh(limit_to=sound)
    finally:
        if own:
            inf.close()
    preds: dict[str, list[str]] = {}
    for e in graph.edges:
        preds.setdefault(e.dst, []).append(e.src)
    order = [nid for nid in getattr(inf, "order", []) if nid in sound] or [
        n.id for n in topological_order(graph, sound)
    ]
    for nid in order:
        node = graph.node(nid)
        info = infos.get(nid)
        if info is None:
            continue
        if info.error:
            # The issues panel and the CLI show the layer's name beside the message.
            issues.append(Issue(ERROR, info.error, node.id, None, "keras"))
        else:
            issues.extend(_warnings(graph, node, info, preds))
    return issues


def _warnings(graph: Graph, node, info: NodeInfo, preds: dict[str, list[str]]) -> list[Issue]:
    out: list[Issue] = []
    owner = graph.owner(node)
    shapes = info.input_shapes or []
    if owner.class_name == "Dense" and len(shapes) == 1 and shapes[0] is not None and len(shapes[0]) >= 3:
        if len(shapes[0]) >= 4 or not _after_sequence(graph, node.id, preds):
            out.append(
                Issue(
                    WARNING,
                    f"Dense expects a flat vector but receives {fmt_shape(shapes[0])}; "
                    f"it will only transform the last axis. Insert a Flatten before it.",
                    node.id,
                    None,
                    "dense_not_flat",
                )
            )
    return out


def _after_sequence(graph: Graph, node_id: str, preds: dict[str, list[str]]) -> bool:
    """Whether a layer that makes sequences comes anywhere before ``node_id``."""
    seen, todo = set(), [node_id]
    while todo:
        for p in preds.get(todo.pop(), []):
            if p in seen:
                continue
            seen.add(p)
            if graph.owner(graph.node(p)).class_name in SEQUENCE_LAYERS:
                return True
            todo.append(p)
    return False


def errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == ERROR]
