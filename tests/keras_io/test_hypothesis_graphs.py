"""Property tests over random small graphs: checking never raises, and a
graph it calls valid is one Keras builds."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbuilder.core.graph import Graph, GraphError
from kbuilder.keras_io.build import BuildError, build_model
from kbuilder.keras_io.check import check_graph
from kbuilder.keras_io.summary import summarize
from kbuilder.layers.backend import keras

pytestmark = pytest.mark.slow

SHAPES = [(8,), (4, 6), (6, 6, 2), (None, 5)]

LAYERS = {
    "Dense": lambda d: {"units": d.draw(st.integers(-1, 4))},
    "Flatten": lambda d: {},
    "Conv2D": lambda d: {"filters": 2, "kernel_size": d.draw(st.integers(1, 7))},
    "Conv1D": lambda d: {"filters": 2, "kernel_size": d.draw(st.integers(1, 3))},
    "LSTM": lambda d: {"units": 2, "return_sequences": d.draw(st.booleans())},
    "Concatenate": lambda d: {},
    "Add": lambda d: {},
    "Reshape": lambda d: {"target_shape": d.draw(st.sampled_from([[8], [2, 4], [4, 6], [6, 6, 2], [-1, 2]]))},
    "MaxPooling2D": lambda d: {},
    "GlobalAveragePooling1D": lambda d: {},
    "Dropout": lambda d: {"rate": d.draw(st.sampled_from([0.0, 0.5, 1.5]))},
    "BatchNormalization": lambda d: {},
    "Placeholder": lambda d: {},
    "Attention": lambda d: {},
    "MultiHeadAttention": lambda d: {"num_heads": 2, "key_dim": d.draw(st.integers(1, 3))},
}


ARITY = {"Concatenate": 2, "Add": 2, "Attention": 2, "MultiHeadAttention": 2}
# Mostly the right number of inputs, sometimes one too few or too many.
MISWIRE = st.sampled_from([0, 0, 0, 0, 0, 0, -1, 1])


@st.composite
def graphs(draw):
    g = Graph()
    for i in range(draw(st.sampled_from([1, 1, 1, 2, 2, 0]))):
        g.add_input(draw(st.sampled_from(SHAPES)), name=f"in{i}")
    for i in range(draw(st.integers(1, 6))):
        cls = draw(st.sampled_from(sorted(LAYERS) + [c for c in sorted(LAYERS) if c != "Placeholder"] * 2))
        params = LAYERS[cls](draw_proxy(draw))
        earlier = [n.id for n in g.nodes]
        node = g.add(cls, name=f"n{i}", **params)
        if earlier:
            count = max(ARITY.get(cls, 1) + draw(MISWIRE), 0)
            # Prefer the latest nodes, so that chains form.
            for src in draw(st.lists(st.sampled_from(earlier[-3:]), min_size=count, max_size=count)):
                try:
                    g.connect(src, node.id)
                except GraphError:
                    pass
    nodes = [n for n in g.nodes if not n.is_input]
    if len(nodes) > 1 and draw(st.booleans()):  # sometimes a loop, a share or a marked output
        kind = draw(st.sampled_from(["loop", "share", "output", "gap"]))
        a, b = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))
        try:
            if kind == "loop":
                g.connect(b.id, a.id)
            elif kind == "share" and a.id != b.id and a.class_name == b.class_name and not a.is_placeholder:
                g.set_shared_with(b.id, a.id)
            elif kind == "output":
                g.set_output(a.id, True)
            elif kind == "gap":
                g.connect(b.id, a.id, dst_port=5)
        except GraphError:
            pass
    return g


class draw_proxy:
    """Lets the parameter lambdas call ``d.draw`` inside a composite."""

    def __init__(self, draw):
        self.draw = draw


@pytest.fixture(scope="module")
def k():
    return keras()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(g=graphs())
def test_check_never_raises_and_valid_graphs_build(k, g):
    issues = check_graph(g)
    for i in issues:
        assert i.severity in ("error", "warning") and i.message
        assert i.node_id is None or i.node_id in g
    if not any(i.severity == "error" for i in issues):
        try:
            model = build_model(g)
        except BuildError as exc:  # pragma: no cover - the property under test
            pytest.fail(f"check_graph found no error but build_model says: {exc.message}\n{g.to_dict()}")
        assert summarize(g)["total_params"] == model.count_params()


def _comparable(infos, graph):
    by_name = {}
    for nid, i in infos.items():
        by_name[graph.node(nid).name] = (i.output_shape, i.params, i.error is None, i.blocked)
    return by_name


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(g=graphs(), data=st.data())
def test_incremental_inference_equals_a_fresh_one(k, g, data):
    from kbuilder.keras_io.shapes import ShapeInference

    live = ShapeInference(g)
    live.refresh()
    for _ in range(data.draw(st.integers(1, 4))):
        nodes = [n for n in g.nodes if not n.is_input]
        if not nodes:
            break
        kind = data.draw(st.sampled_from(["param", "param", "unplug", "plug", "remove"]))
        node = data.draw(st.sampled_from(nodes))
        try:
            if kind == "param" and node.class_name in LAYERS and not node.shared_with:
                g.set_params(node.id, LAYERS[node.class_name](draw_proxy(data.draw)))
            elif kind == "unplug" and g.in_edges(node.id):
                g.remove_edge(data.draw(st.sampled_from(g.in_edges(node.id))).id)
            elif kind == "plug":
                g.connect(data.draw(st.sampled_from(g.nodes)).id, node.id)
            elif kind == "remove":
                for s in g.sharers(node.id):
                    g.set_shared_with(s.id, None)
                g.remove_node(node.id)
        except GraphError:
            pass
        live.refresh()  # refresh between edits, as the UI does
    fresh = ShapeInference(g.copy()).refresh()
    assert _comparable(live.refresh(), g) == _comparable(fresh, g)
