"""All the issues of a graph: structure first, then what Keras says, then a test run.

:func:`check_graph` runs :func:`kbuilder.core.validate.check_structure`,
then asks Keras (through :class:`~kbuilder.keras_io.shapes.ShapeInference`)
only about the nodes whose structure is sound: a layer in a loop or after a
layer with nothing plugged in has no meaningful input shape, and reporting
Keras's complaint about it would hide the real cause.  Keras errors become
errors on their node; a few shapes Keras accepts but a beginner rarely
means become warnings.

"Valid" means the model builds and runs: when nothing else is wrong,
:func:`run_issues` builds the model and runs it on zeros as fit() does
(batch size 1, training on: augmentation acts; an Input's "any length" as
8, then 64, then 512 while the run fails), and a failure becomes one error on
the layer that failed, found by running the layers one by one.  Results are
kept by the model's content, so an unchanged graph is not run again; a model
too big to run in a moment is only built, with a note saying so.
``kbuilder check`` and the app's analysis thread share all this.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager

from kbuilder.core.graph import Graph, Node
from kbuilder.core.i18n import translate
from kbuilder.core.validate import ERROR, NOTE, WARNING, Arity, Issue, check_structure, unsound_nodes
from kbuilder.layers.backend import keras
from kbuilder.layers.basics import format_shape

from .build import BuildError, build_model, call_layer, catalog_arity, model_node_ids, pick_output
from .error_words import explain_error, first_line
from .shapes import NodeInfo, ShapeInference

#: Above these sizes the model is built without drawing its weights and not
#: run (a note says so): a run would take seconds and much memory.
RUN_MAX_PARAMS = 50_000_000
RUN_MAX_VALUES = 50_000_000  # numbers in all layer outputs together, at batch size 1
#: What an Input's ``None`` ("any length") dimension becomes, tried in turn
#: while the run fails (a stack of convolutions needs a long enough input).
RUN_SIZES = (8, 64, 512)
_CACHE_SIZE = 64
#: Layers that apply a random choice of image operations, some of which take
#: only grey (1 channel) or colour (3 channels) images: a test run may draw
#: none of those, so their channels are checked here.
RANDOM_CHOICE_LAYERS = frozenset({"AugMix", "RandAugment"})

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


def check_graph(
    graph: Graph,
    inference: ShapeInference | None = None,
    arity: Arity | None = None,
    run: bool = True,
    stop: Callable[[], bool] | None = None,
) -> list[Issue]:
    """Structural issues, then Keras errors and warnings, in data-flow order;
    then, when there is no error, what a test run on zeros finds (``run``).
    ``stop()`` True skips the test run (a newer graph is waiting)."""
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
        n.id for n in graph.topological_order(sound)
    ]
    for nid in order:
        node = graph.node(nid)
        info = infos.get(nid)
        if info is None:
            continue
        if info.error:
            # The issues panel and the CLI show the layer's name beside the message.
            issues.append(Issue(ERROR, info.error, node.id, info.edge_id, "keras"))
        else:
            issues.extend(_advice(graph, node, info, preds))
    if run and not any(i.severity == ERROR for i in issues):
        issues.extend(run_issues(graph, infos, arity, stop))
    return issues


def _advice(graph: Graph, node, info: NodeInfo, preds: dict[str, list[str]]) -> list[Issue]:
    """What Keras accepts but fails (at random) or rarely means."""
    out: list[Issue] = []
    owner = graph.owner(node)
    shapes = info.input_shapes or []
    if owner.class_name in RANDOM_CHOICE_LAYERS and len(shapes) == 1 and shapes[0] and len(shapes[0]) == 4:
        if shapes[0][-1] not in (1, 3):
            msg = translate(
                "keras_io.check",
                "{cls} works on grey (1 channel) or colour (3 channels) images, but receives "
                "{shape}: some of the operations it picks at random would fail in training. "
                "Remove it, or give the Input 1 or 3 channels.",
            ).format(cls=owner.class_name, shape=format_shape(shapes[0]))
            out.append(Issue(ERROR, msg, node.id, None, "channels"))
    if owner.class_name == "Dense" and len(shapes) == 1 and shapes[0] is not None and len(shapes[0]) >= 3:
        if len(shapes[0]) >= 4 or not _after_sequence(graph, node.id, preds):
            out.append(
                Issue(
                    WARNING,
                    translate(
                        "keras_io.check",
                        "Dense expects a flat vector but receives {shape}; "
                        "it will only transform the last axis. Insert a Flatten before it.",
                    ).format(shape=format_shape(shapes[0])),
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


# ------------------------------------------------------------------ test run
_cache: OrderedDict[str, list[Issue]] = OrderedDict()
_cache_lock = threading.Lock()


def content_key(graph: Graph) -> str:
    """What the model is made of (no positions, no edge ids), as a digest."""
    nodes = [[n.id, n.class_name, n.name, n.params, n.shared_with, n.is_output] for n in graph.nodes]
    edges = sorted([e.src, e.dst, e.dst_port, e.src_port] for e in graph.edges)
    text = json.dumps([graph.name, nodes, edges], sort_keys=True, default=repr)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def run_is_cached(graph: Graph) -> bool:
    """Whether :func:`run_issues` knows the answer for this content already."""
    with _cache_lock:
        return content_key(graph) in _cache


def run_issues(
    graph: Graph,
    infos: dict[str, NodeInfo] | None = None,
    arity: Arity | None = None,
    stop: Callable[[], bool] | None = None,
) -> list[Issue]:
    """Build the model and run it on zeros: [] when it runs, else one error
    (on the layer that failed when it can tell), or a note when the model is
    too big to run.  Remembered by :func:`content_key`."""
    key = content_key(graph)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return [dataclasses.replace(i) for i in _cache[key]]
    found = _test_runner().submit(_run, graph, infos or {}, arity or catalog_arity, stop).result()
    if found is None:  # stopped: nothing learnt
        return []
    with _cache_lock:
        _cache[key] = found
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return [dataclasses.replace(i) for i in found]


_RUNNER = None
_RUNNER_LOCK = threading.Lock()


def _test_runner():
    """One long-lived thread for every test run.  TensorFlow keeps state in
    Python thread-locals; PySide gives each queued slot call on a QThread a
    fresh thread state, so eager ops run straight from the analysis worker's
    slot crashed the process (a segfault after a training run).  A plain
    Python thread keeps one thread state for its whole life."""
    global _RUNNER
    with _RUNNER_LOCK:
        if _RUNNER is None:
            _RUNNER = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="kbuilder-test-run")
        return _RUNNER


def _run(graph: Graph, infos: dict[str, NodeInfo], arity: Arity, stop) -> list[Issue] | None:
    inputs = graph.inputs()
    params = sum(i.params or 0 for i in infos.values())
    has_any_length = any(d is None for n in inputs for d in (n.params.get("shape") or []))
    sizes = [s for s in (RUN_SIZES if has_any_length else RUN_SIZES[:1]) if _values(infos, s) <= RUN_MAX_VALUES]
    why = None  # the note when the model is too big to run
    if params > RUN_MAX_PARAMS:
        why = translate(
            "keras_io.check", "The model builds, but kbuilder did not test-run it on zeros: it has {count} parameters."
        ).format(count=f"{params:,}")
    elif not sizes:
        why = translate(
            "keras_io.check",
            "The model builds, but kbuilder did not test-run it on zeros: "
            "its layers' outputs hold {count} numbers for one sample.",
        ).format(count=f"{_values(infos, RUN_SIZES[0]):,}")
    elif any(n.params.get("sparse") for n in inputs):
        why = translate(
            "keras_io.check", "The model builds, but kbuilder did not test-run it on zeros: it has a sparse Input."
        )
    layers: dict = {}
    try:
        if why:
            with _weights_not_drawn():
                build_model(graph, arity)
        else:
            model = build_model(graph, arity, layers_out=layers)
    except BuildError as exc:
        return [Issue(ERROR, _without_name(graph, exc), exc.node_id, None, "build")]
    except Exception as exc:  # noqa: BLE001 - a Keras failure is the user's answer
        msg = translate("keras_io.check", "Keras cannot build the model: {reason}").format(reason=first_line(exc))
        return [Issue(ERROR, msg, None, None, "build")]
    if why:
        return [Issue(NOTE, why, None, None, "not_run")]
    # As fit() runs it: augmentation and dropout act only in training.  An
    # "any length" that is too short for the layers is tried longer.
    for size in sizes:
        if stop is not None and stop():
            return None
        feed = [_zeros(n, size) for n in inputs]
        try:
            model(feed[0] if len(feed) == 1 else feed, training=True)
            return []
        except Exception as exc:  # noqa: BLE001
            failure = exc
    return [_locate(graph, layers, feed, failure, infos, arity)]


def _locate(graph: Graph, layers: dict, feed: list, failure: BaseException, infos, arity) -> Issue:
    """Run the layers one by one on ``feed`` to find the one that fails."""
    values = {n.id: t for n, t in zip(graph.inputs(), feed, strict=True)}
    for node in graph.topological_order(model_node_ids(graph)):
        if node.is_input:
            continue
        owner = graph.owner(node)
        tensors: list = []
        try:
            for e in graph.in_edges(node.id):
                tensors.append(pick_output(values[e.src], e.src_port, graph.node(e.src).name))
            values[node.id] = call_layer(layers[owner.id], owner.class_name, tensors, arity, training=True)
        except Exception as exc:  # noqa: BLE001
            info = infos.get(node.id)
            shapes = (info.input_shapes if info is not None else None) or [_shape(t) for t in tensors]
            dtypes = [_dtype(t) for t in tensors]
            msg = explain_error(exc, owner.class_name, shapes, params=owner.params, input_dtypes=dtypes)
            if msg == _reason(exc):  # no better words: say where it happened
                msg = translate("keras_io.check", "{cls} cannot run on an input shaped {shape}: {reason}").format(
                    cls=owner.class_name, shape=format_shape(shapes), reason=msg
                )
            msg = translate("keras_io.check", "{message} (found in a test run on zeros)").format(message=msg)
            return Issue(ERROR, msg, node.id, None, "run")
    msg = translate("keras_io.check", "The model does not run: {reason} (found in a test run on zeros)").format(
        reason=_reason(failure)
    )
    return Issue(ERROR, msg, None, None, "run")


def _reason(exc) -> str:
    """Keras's first line, without backticks and tensor dumps."""
    text = first_line(exc).replace("`", "")
    return text.split(" Received", 1)[0].rstrip(":") if "tf.Tensor" in text or "numpy=" in text else text


def _zeros(node: Node, size: int):
    k = keras()
    dims = [size if d is None else int(d) for d in node.params.get("shape") or []]
    shape = (int(node.params.get("batch_size") or 1), *dims)
    dtype = node.params.get("dtype") or "float32"
    if dtype == "string":
        import numpy as np  # noqa: PLC0415

        return k.ops.convert_to_tensor(np.full(shape, "", dtype=object))
    return k.ops.zeros(shape, dtype=dtype)


def _dtype(t) -> str:
    try:
        return keras().backend.standardize_dtype(t.dtype)
    except Exception:  # noqa: BLE001
        return ""


def _shape(t) -> tuple:
    try:
        return (None, *tuple(t.shape)[1:])
    except Exception:  # noqa: BLE001
        return ()


def _values(infos: dict[str, NodeInfo], size: int) -> int:
    """Numbers in all layer outputs for one sample, an "any length" being ``size``."""

    def count(shape) -> int:
        if not shape:
            return 0
        if isinstance(shape, list):
            return sum(count(s) for s in shape)
        total = 1
        for d in shape[1:]:
            total *= size if d is None else int(d)
        return total

    return sum(count(i.output_shape) for i in infos.values())


def _without_name(graph: Graph, exc: BuildError) -> str:
    """build_model says "name: message"; the issue is on that layer already."""
    if exc.node_id and exc.node_id in graph:
        prefix = graph.node(exc.node_id).name + ": "
        if exc.message.startswith(prefix):
            return exc.message[len(prefix) :]
    return exc.message


@contextmanager
def _weights_not_drawn():
    """Build without drawing initial weights (Keras makes the variables, shapes
    only); Keras's queue of variables waiting for values is put back."""
    k = keras()
    try:
        from keras.src.backend.common import global_state  # noqa: PLC0415
    except ImportError:  # another Keras: build normally
        yield
        return
    before = list(global_state.get_global_attribute("uninitialized_variables") or [])
    try:
        with k.StatelessScope(initialize_variables=False):
            yield
    finally:
        global_state.set_global_attribute("uninitialized_variables", before)
