import pytest

from kbuilder.core.graph import Graph, Node
from kbuilder.keras_io.check import check_graph
from kbuilder.keras_io.shapes import ShapeInference
from kbuilder.layers.backend import keras


@pytest.fixture(scope="module")
def k():
    return keras()


def by_code(issues):
    return {i.code: i for i in issues}


def test_valid_graph_has_no_issue(k):
    g = Graph()
    x = g.add_input((28, 28), name="image")
    f = g.add("Flatten", inputs=[x])
    g.add("Dense", inputs=[f], units=10)
    assert check_graph(g) == []


def test_dense_on_rank3_is_a_warning_with_the_fix(k):
    g = Graph()
    x = g.add_input((28, 28), name="image")
    d = g.add("Dense", inputs=[x], units=10)
    issues = check_graph(g)
    assert [(i.severity, i.code, i.node_id) for i in issues] == [("warning", "dense_not_flat", d.id)]
    assert issues[0].message == (
        "Dense expects a flat vector but receives (None, 28, 28); "
        "it will only transform the last axis. Insert a Flatten before it."
    )


def test_dense_after_a_sequence_layer_is_fine(k):
    g = Graph()
    x = g.add_input((None,), name="tokens", dtype="int32")
    e = g.add("Embedding", inputs=[x], input_dim=100, output_dim=8)
    lstm = g.add("LSTM", inputs=[e], units=4, return_sequences=True)
    g.add("Dense", inputs=[lstm], units=3)
    assert check_graph(g) == []


def test_keras_errors_are_tied_to_their_node(k):
    g = Graph()
    x = g.add_input((784,), name="pixels")
    c = g.add("Conv2D", name="conv", inputs=[x], filters=4, kernel_size=3)
    after = g.add("Flatten", inputs=[c])
    d = g.add("Dense", name="bad_units", inputs=[x], units=0)
    issues = check_graph(g)
    errs = {i.node_id: i for i in issues if i.severity == "error"}
    assert set(errs) == {c.id, d.id}  # nothing about the Flatten after the broken conv
    assert errs[c.id].code == "keras" and "Insert a Reshape" in errs[c.id].message
    assert errs[d.id].message == "units must be a positive whole number (got 0)."
    assert after.id not in errs


def test_keras_is_not_asked_about_unsound_nodes(k):
    g = Graph()
    a = g.add_input((3,), name="a")
    b = g.add_input((4, 5), name="b")
    cat = g.add("Concatenate", name="cat", inputs=[a])  # one input only
    g.add("Dense", inputs=[cat], units=2)
    lone = g.add("Conv2D", name="lone", filters=2, kernel_size=1)
    g.connect(b.id, g.add("Flatten").id)
    si = ShapeInference(g)
    issues = check_graph(g, si)
    assert sorted(i.code for i in issues if i.severity == "error") == ["merge_inputs", "no_input_connected"]
    assert si.info(cat.id).blocked and si.info(lone.id).blocked
    # Once fixed, the same inference instance reports Keras's verdict on the new shape mix.
    g.connect(b.id, cat.id)
    issues = check_graph(g, si)
    msgs = [i.message for i in issues if i.code == "keras"]
    assert len(msgs) == 1 and "(None, 3) and (None, 4, 5)" in msgs[0]


def test_placeholder_and_cycle_do_not_raise(k):
    g = Graph()
    x = g.add_input((3,), name="x")
    a = g.add("Dense", name="a", inputs=[x], units=3)
    b = g.add("Dense", name="b", inputs=[a], units=3)
    c = g.add("Add", name="c", inputs=[b])
    g.connect(c.id, a.id)  # a now has two inputs: loop through a second port
    p = g.add_node(Node("Placeholder", "lam"))
    g.connect(x.id, p.id)
    codes = {i.code for i in check_graph(g)}
    assert {"cycle", "cycle_edge", "placeholder"} <= codes


def test_modules_import_neither_keras_nor_qt():
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import kbuilder.keras_io.build, kbuilder.keras_io.shapes, kbuilder.keras_io.check, kbuilder.keras_io.summary\n"
        "assert 'keras' not in sys.modules and 'tensorflow' not in sys.modules, 'imported at module level'\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
