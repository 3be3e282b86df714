"""A model check calls valid builds and runs (issue 14, item 4).

Regression tests for the graphs that checked valid and did not build or
run: an edge from output 2 of a one-output layer, names Keras refuses,
Discretization with both num_bins and bin_boundaries, augmentation on
inputs it cannot take; then property tests over random graphs: whatever
check_graph calls valid, Keras builds and runs on zeros.
"""

import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbuilder.core.graph import Edge, Graph, GraphError, name_problem
from kbuilder.core.validate import check_structure
from kbuilder.keras_io import check as check_mod
from kbuilder.keras_io.build import BuildError, build_model
from kbuilder.keras_io.check import check_graph, run_is_cached
from kbuilder.keras_io.codegen import ExportError, export_code
from kbuilder.keras_io.shapes import ShapeInference
from kbuilder.keras_io.summary import format_summary, summarize
from kbuilder.layers import basics
from kbuilder.layers.backend import keras
from tests.keras_io.test_hypothesis_graphs import graphs


@pytest.fixture(scope="module")
def k():
    from kbuilder.layers.catalog import get_catalog

    get_catalog()  # made once, not inside a strategy
    return keras()


def errors(issues):
    return [i for i in issues if i.severity == "error"]


def functional_mlp():
    """The functional_mlp template's model: 64 -> 32 -> 32 -> 10, 3,466 parameters."""
    g = Graph(name="functional_mlp")
    x = g.add_input((64,), name="features")
    h1 = g.add("Dense", name="hidden1", inputs=[x], units=32, activation="relu")
    h2 = g.add("Dense", name="hidden2", inputs=[h1], units=32, activation="relu")
    g.add("Dense", name="out", inputs=[h2], units=10, activation="softmax")
    return g


# ------------------------------------------------------------------ ports
def test_output_2_of_a_one_output_layer_is_an_error_everywhere(k):
    g = functional_mlp()
    assert summarize(g)["total_params"] == 3_466 and check_graph(g) == []
    h1, h2 = g.by_name("hidden1"), g.by_name("hidden2")
    old = g.in_edges(h2.id)[0]
    g.remove_edge(old.id)
    edge = g.connect(h1.id, h2.id, src_port=1)

    issues = check_graph(g)
    assert [(i.code, i.node_id, i.edge_id) for i in errors(issues)] == [("bad_port", h2.id, edge.id)]
    assert "output 2 of hidden1" in issues[0].message and "single output" in issues[0].message
    # Shape inference says so on the layer (never a silent skip) ...
    info = ShapeInference(g).refresh()[h2.id]
    assert info.error and info.edge_id == edge.id and "single output" in info.error
    # ... the summary names what it could not count ...
    summary = summarize(g)
    assert summary["total_params"] < 3_466 and summary["unknown"] == ["hidden2", "out"]
    assert "Not counted (the model has errors there): hidden2, out" in format_summary(summary)
    # ... and neither the export nor the build takes another output.
    with pytest.raises(ExportError, match="does not exist"):
        export_code(g)
    with pytest.raises(BuildError):
        build_model(g)


def test_a_state_output_that_does_not_exist_is_found_by_keras(k):
    g = Graph()
    x = g.add_input((5, 3), name="seq")
    lstm = g.add("LSTM", inputs=[x], units=4, return_state=True)  # 3 outputs: sequence end, h, c
    d = g.add("Dense", units=2)
    edge = g.connect(lstm.id, d.id, src_port=5)
    issues = errors(check_graph(g))
    assert [(i.node_id, i.edge_id) for i in issues] == [(d.id, edge.id)]
    assert "lstm has 3 outputs" in issues[0].message and "output 6" in issues[0].message


def test_outputs_of_a_multi_output_layer_build_run_and_export(k):
    g = Graph()
    x = g.add_input((5, 3), name="seq")
    lstm = g.add("LSTM", inputs=[x], units=4, return_state=True)
    a = g.add("Dense", name="from_output", inputs=[lstm], units=2)  # output 1 (port 0)
    b = g.add("Dense", name="from_state", units=2)
    g.connect(lstm.id, b.id, src_port=2)
    assert check_graph(g) == []
    code = export_code(g)
    assert "(lstm[0])" in code and "(lstm[2])" in code  # a list is never passed on whole
    space: dict = {}
    exec(compile(code, "exported.py", "exec"), space)  # noqa: S102 - our own export
    assert space["build_model"]().count_params() == build_model(g).count_params()
    assert {a.name, b.name} <= {layer.name for layer in build_model(g).layers}


def force_edge(g, src, dst, dst_port=0, src_port=0):
    """An edge Graph.add_edge would refuse (its port limits), put in as a
    graph reached some other way could hold it: validation must not trust
    the graph's own guards."""
    e = Edge(src=src.id, dst=dst.id, dst_port=dst_port, src_port=src_port)
    g._edges[e.id] = e
    g._reindex()  # the graph's own indexes hold it too
    return e


def test_impossible_input_ports_are_errors_in_bounded_time():
    g = Graph()
    x = g.add_input((3,), name="x")
    d = g.add("Dense", name="d", units=2)
    far = g.connect(x.id, d.id, dst_port=7)
    assert [(i.code, i.edge_id) for i in check_structure(g, basics.arity())] == [("bad_port", far.id)]
    assert "input 8 of d, which does not exist (d takes one input)" in check_structure(g, basics.arity())[0].message
    g.remove_edge(far.id)
    huge = force_edge(g, x, d, dst_port=10**10)
    started = time.perf_counter()
    issues = check_structure(g, basics.arity())
    assert time.perf_counter() - started < 1.0
    assert [(i.code, i.edge_id) for i in issues] == [("bad_port", huge.id)]

    g = Graph()
    a, b = g.add_input((3,), name="a"), g.add_input((3,), name="b")
    cat = g.add("Concatenate", name="cat")
    g.connect(a.id, cat.id, dst_port=0)
    force_edge(g, b, cat, dst_port=10**10)  # a merge takes any number: a gap, found without range()
    started = time.perf_counter()
    issues = check_structure(g, basics.arity())
    assert time.perf_counter() - started < 1.0
    assert [i.code for i in issues] == ["port_gap"] and "Input 2 of cat is empty" in issues[0].message

    g = Graph()
    x = g.add_input((3,), name="x")
    d = g.add("Dense", name="d", units=2)
    neg = force_edge(g, x, d, dst_port=-1)
    assert [(i.code, i.edge_id) for i in check_structure(g, basics.arity())] == [("bad_port", neg.id)]
    with pytest.raises(ExportError):
        export_code(g)
    g._edges.clear()
    neg = force_edge(g, x, d, src_port=-1)
    assert [(i.code, i.edge_id) for i in check_structure(g, basics.arity())] == [("bad_port", neg.id)]
    assert "output 0 of x, which does not exist" in check_structure(g, basics.arity())[0].message


# ------------------------------------------------------------------ names
@pytest.mark.parametrize(
    "name, words",
    [
        ("in/x", "cannot contain '/'"),
        ("a\nb", "control characters"),
        ("a\x00b", "control characters"),
        (".", "cannot be called '.'"),
        ("x" * 300, "at most 255 characters"),
        ("   ", "needs a name"),
    ],
)
def test_the_one_naming_rule(name, words):
    assert words in name_problem(name)
    assert "model" in name_problem(name, "model").lower()
    g = Graph()
    x = g.add_input((3,), name="x")
    with pytest.raises(GraphError) as refused:
        g.rename(x.id, name)
    assert str(refused.value) in (name_problem(name), "a layer needs a name")


def test_good_names_pass_and_undo_may_put_back_a_files_name():
    for name in ("dense", "Dense 1", "été", "a.b", "a:b", "..x", "x" * 255):
        assert name_problem(name) is None, name
    g = Graph()
    x = g.add_input((3,), name="x")
    g.rename(x.id, "in/x", check=False)  # what a file had, put back exactly
    assert x.name == "in/x"


def test_names_keras_refuses_are_errors_on_the_layer_and_the_model(k):
    g = Graph(name="team/model")
    x = g.add_input((4,), name="in/x")
    g.add("Dense", inputs=[x], units=3)
    issues = errors(check_graph(g))
    assert {(i.code, i.node_id) for i in issues} == {("bad_name", x.id), ("model_name", None)}
    assert all("'/'" in i.message for i in issues)
    # The shapes still follow (a bad name is reported once, not as a Keras error downstream).
    infos = ShapeInference(g).refresh()
    assert all(i.error is None and not i.blocked for i in infos.values())
    g.rename(x.id, "in_x")
    g.name = "team_model"
    assert check_graph(g) == []


# ------------------------------------------------------------------ settings Keras refuses
def test_discretization_with_both_settings_is_an_error(k):
    g = Graph()
    x = g.add_input((4,), name="x")
    d = g.add("Discretization", inputs=[x], bin_boundaries=[0.0, 1.0], num_bins=3)
    issues = errors(check_graph(g))
    assert [i.node_id for i in issues] == [d.id]
    assert "num_bins or bin_boundaries, not both" in issues[0].message
    with pytest.raises(BuildError):
        build_model(g)
    g.set_params(d.id, {"bin_boundaries": [0.0, 1.0]})
    assert check_graph(g) == []


# ------------------------------------------------------------------ the test run
def test_augmentation_on_a_vector_fails_the_test_run(k):
    g = Graph()
    x = g.add_input((10,), name="x")  # tensors shaped (None, 10)
    flip = g.add("RandomFlip", inputs=[x])
    g.add("Dense", inputs=[flip], units=2)
    assert errors(check_graph(g, run=False)) == []  # shapes alone say nothing
    issues = errors(check_graph(g))
    assert [(i.code, i.node_id) for i in issues] == [("run", flip.id)]
    assert issues[0].message.startswith(
        "RandomFlip works on images shaped (height, width, channels) but receives (None, 10)."
    )


def test_colour_augmentation_on_two_channels_fails_as_training_runs_it(k):
    g = Graph()
    x = g.add_input((6, 6, 2), name="x")
    sat = g.add("RandomSaturation", inputs=[x], factor=0.5)
    g.add("Flatten", inputs=[sat])
    issues = errors(check_graph(g))
    assert [i.node_id for i in issues] == [sat.id] and "channels" in issues[0].message


def test_random_choice_augmentation_needs_grey_or_colour_images(k):
    """RandAugment on 2 channels fails only when it draws a colour operation:
    the verdict must not depend on the draw."""
    g = Graph()
    x = g.add_input((8, 8, 2), name="x")
    aug = g.add("RandAugment", inputs=[x])
    g.add("Flatten", inputs=[aug])
    for _ in range(3):
        assert [(i.code, i.node_id) for i in errors(check_graph(g, run=False))] == [("channels", aug.id)]
    g.set_params(x.id, {"shape": [8, 8, 3], "dtype": "float32"})
    assert check_graph(g) == []


def test_text_and_integer_inputs_run_on_zeros_of_their_dtype(k):
    g = Graph()
    x = g.add_input((None,), name="words", dtype="string")
    look = g.add("StringLookup", inputs=[x], vocabulary=["a", "b"])
    e = g.add("Embedding", inputs=[look], input_dim=4, output_dim=2)
    g.add("GlobalAveragePooling1D", inputs=[e])
    assert check_graph(g) == []
    g.set_params(look.id, {})  # no vocabulary: Keras would need adapt()
    issues = errors(check_graph(g))
    assert [i.node_id for i in issues] == [look.id] and "adapt()" in issues[0].message


def test_any_length_is_tried_long_enough(k):
    """Two Conv1D(7) and a MaxPooling1D(5) need 30 steps or more: 8 is too
    short, a longer try passes (the age_income_gender template does this)."""
    g = Graph()
    x = g.add_input((None,), name="tokens", dtype="int32")
    e = g.add("Embedding", inputs=[x], input_dim=50, output_dim=4)
    c1 = g.add("Conv1D", inputs=[e], filters=2, kernel_size=7)
    p = g.add("MaxPooling1D", inputs=[c1], pool_size=5)
    c2 = g.add("Conv1D", inputs=[p], filters=2, kernel_size=7)
    g.add("GlobalMaxPooling1D", inputs=[c2])
    assert check_graph(g) == []


def test_runs_are_remembered_by_content(k, monkeypatch):
    g = functional_mlp()
    g.set_param(g.by_name("out").id, "units", 7)  # content no other test made
    calls = []
    real = check_mod.build_model
    monkeypatch.setattr(check_mod, "build_model", lambda *a, **kw: calls.append(1) or real(*a, **kw))
    assert not run_is_cached(g)
    assert check_graph(g) == []
    assert run_is_cached(g) and len(calls) == 1
    g.move(g.by_name("out").id, (100.0, 50.0))  # a position is not the model
    assert check_graph(g) == [] and check_graph(g.copy()) == [] and len(calls) == 1
    g.set_param(g.by_name("out").id, "units", 8)
    assert check_graph(g) == [] and len(calls) == 2


def test_a_big_model_is_built_not_run_with_a_note(k, monkeypatch):
    monkeypatch.setattr(check_mod, "RUN_MAX_PARAMS", 1_000)
    g = functional_mlp()
    g.set_param(g.by_name("out").id, "units", 9)
    issues = check_graph(g)
    assert [(i.severity, i.code) for i in issues] == [("note", "not_run")]
    assert "3,433 parameters" in issues[0].message


def test_a_stopped_run_is_not_remembered(k):
    g = functional_mlp()
    g.set_param(g.by_name("out").id, "units", 11)
    assert check_graph(g, stop=lambda: True) == []
    assert not run_is_cached(g)


# ------------------------------------------------------------------ properties
PROPERTY = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def zeros_for(g, size=8):
    feed = []
    for n in g.inputs():
        shape = (1, *[size if d is None else d for d in n.params["shape"]])
        dtype = n.params.get("dtype") or "float32"
        feed.append(np.full(shape, "", dtype=object) if dtype == "string" else np.zeros(shape, dtype=dtype))
    return feed[0] if len(feed) == 1 else feed


def assert_builds_and_runs(g):
    if errors(check_graph(g)):
        return False
    try:
        model = build_model(g)
    except BuildError as exc:  # pragma: no cover - the property under test
        pytest.fail(f"check_graph found no error but build_model says: {exc.message}\n{g.to_dict()}")
    for size in check_mod.RUN_SIZES:  # the sizes the check tries for an "any length"
        try:
            model(zeros_for(g, size))  # as called plainly: each layer's own training default
            model(zeros_for(g, size), training=False)  # as predict() runs it
            break
        except Exception as exc:  # pragma: no cover - the property under test
            failure = exc
    else:  # pragma: no cover
        pytest.fail(f"check_graph found no error but the model does not run on zeros: {failure}\n{g.to_dict()}")
    return True


@pytest.mark.slow
@PROPERTY
@given(g=graphs())
def test_what_check_calls_valid_builds_and_runs(k, g):
    assert_builds_and_runs(g)


SMALL = {
    "units": 4,
    "filters": 4,
    "output_dim": 4,
    "input_dim": 50,
    "key_dim": 4,
    "head_dim": 4,
    "height": 4,
    "width": 4,
    "num_tokens": 10,
    "output_size": 2,
    "output_shape": 4,
}
INPUTS = [
    ((8,), "float32"),
    ((None, 5), "float32"),
    ((6, 6, 2), "float32"),
    ((12, 12, 3), "float32"),
    ((None,), "int32"),
    ((4, 6), "float32"),
    ((None,), "string"),
    ((10,), "int32"),
]


@st.composite
def catalog_graphs(draw):
    """Small graphs of any catalog layer with its default settings -- where
    augmentation and preprocessing meet inputs they cannot take."""
    from kbuilder.layers.catalog import get_catalog

    catalog = get_catalog()
    g = Graph()
    for i in range(draw(st.sampled_from([1, 1, 1, 2]))):
        shape, dtype = draw(st.sampled_from(INPUTS))
        g.add_input(shape, name=f"in{i}", dtype=dtype)
    for i in range(draw(st.integers(1, 4))):
        spec = catalog.get(draw(st.sampled_from(sorted(n for n in catalog.specs if n != "Input"))))
        params = {key: SMALL.get(key, value) for key, value in spec.build_params().items()}
        earlier = [n.id for n in g.nodes]
        node = g.add(spec.class_name, name=f"n{i}", **params)
        for src in draw(st.lists(st.sampled_from(earlier[-3:]), min_size=spec.min_inputs, max_size=spec.min_inputs)):
            try:
                g.connect(src, node.id)
            except GraphError:
                pass
    return g


@pytest.mark.slow
@settings(PROPERTY, max_examples=40)
@given(g=catalog_graphs())
def test_what_check_calls_valid_builds_runs_and_exports_over_the_catalog(k, g):
    if assert_builds_and_runs(g):
        space: dict = {}
        exec(compile(export_code(g), "exported.py", "exec"), space)  # noqa: S102 - our own export
        assert space["build_model"]().count_params() == build_model(g).count_params()
