import sys

from kbuilder.core.graph import Graph, Node
from kbuilder.core.validate import Issue, arity_of, unsound_nodes
from kbuilder.core.validate import check_structure as _check_structure
from kbuilder.layers import basics
from kbuilder.layers.spec import LayerSpec


def check_structure(graph, arity=None):
    """The check as the app runs it: input counts from kbuilder.layers.basics."""
    return _check_structure(graph, arity or basics.arity())


def codes(issues, severity=None):
    return sorted(i.code for i in issues if severity is None or i.severity == severity)


def mlp():
    g = Graph()
    x = g.add_input((28, 28), name="image")
    f = g.add("Flatten", inputs=[x])
    d = g.add("Dense", inputs=[f], units=10)
    return g, x, f, d


def test_sound_graph_has_no_issue():
    g, *_ = mlp()
    assert check_structure(g) == []


def test_empty_graph():
    assert codes(check_structure(Graph())) == ["empty"]


def test_no_input_and_no_output():
    g = Graph()
    g.add("Dense", units=3)
    assert "no_input" in codes(check_structure(g))
    g2 = Graph()
    g2.add_input((3,))
    assert codes(check_structure(g2), "error") == ["no_output"]


def test_cycle_names_each_node_and_the_closing_edge():
    g, x, f, d = mlp()
    d2 = g.add("Dense", inputs=[d], units=5)
    # d2 -> d would need a second port on d; use a fresh loop a -> b -> a
    a = g.add("Dense", name="a", units=3)
    b = g.add("Dense", name="b", inputs=[a], units=3)
    g.connect(x.id, a.id)
    closing = g.connect(b.id, a.id)
    issues = check_structure(g)
    cyc = [i for i in issues if i.code == "cycle"]
    assert {i.node_id for i in cyc} == {a.id, b.id}
    assert all("loop" in i.message for i in cyc)
    edge_issue = [i for i in issues if i.code == "cycle_edge"]
    assert len(edge_issue) == 1 and edge_issue[0].edge_id == closing.id
    assert "from b to a" in edge_issue[0].message
    # a has two inputs: the loop explains it, it is reported as extra too
    assert d2.id not in unsound_nodes(g, issues)
    assert {a.id, b.id} <= unsound_nodes(g, issues)


def test_layer_without_input_is_reported_not_its_consumers():
    g, x, f, d = mlp()
    lone = g.add("Dense", name="lone", units=3)
    after = g.add("Dense", name="after", inputs=[lone], units=3)
    issues = check_structure(g)
    hit = [i for i in issues if i.code == "no_input_connected"]
    assert [i.node_id for i in hit] == [lone.id]
    assert hit[0].message == "lone has no input connected. Connect a layer (or an Input) to it."
    assert {lone.id, after.id} <= unsound_nodes(g, issues)
    assert d.id not in unsound_nodes(g, issues)


def test_inputs_leading_nowhere():
    g, x, f, d = mlp()
    spare = g.add_input((3,), name="spare")
    assert [i.node_id for i in check_structure(g) if i.code == "input_unused"] == [spare.id]
    # an input whose layers are not on the way to the marked output
    g.set_output(d.id, True)
    side = g.add("Dense", name="side", inputs=[spare], units=2)
    issues = check_structure(g)
    assert [i.node_id for i in issues if i.code == "input_dead_end"] == [spare.id]
    assert [i.node_id for i in issues if i.code == "dead_end"] == [side.id]
    assert all(i.severity == "warning" for i in issues)


def test_arity_missing_and_extra_inputs():
    g = Graph()
    a = g.add_input((3,), name="a")
    b = g.add_input((3,), name="b")
    d = g.add("Dense", name="d", inputs=[a, b], units=2)
    att = g.add("Attention", name="att", inputs=[a])
    issues = check_structure(g)
    extra = [i for i in issues if i.code == "extra_input"]
    assert extra[0].node_id == d.id and "only one input" in extra[0].message and "b" in extra[0].message
    assert extra[0].edge_id == g.in_edges(d.id)[1].id
    missing = [i for i in issues if i.code == "missing_input"]
    assert missing[0].node_id == att.id and "needs 2 inputs but has 1" in missing[0].message


def test_merge_needs_two_inputs():
    g = Graph()
    a = g.add_input((3,), name="a")
    c = g.add("Concatenate", inputs=[a])
    issues = check_structure(g)
    assert [i.message for i in issues if i.code == "merge_inputs"] == [
        "Concatenate needs at least two inputs; connect another layer to it."
    ]
    assert issues[0].node_id == c.id


def test_arity_function_and_fallback():
    table = {"Dense": (1, 1), "Foo": (2, 2)}
    ar = table.get
    assert arity_of("Foo", ar) == (2, 2)
    assert arity_of("Unknown", ar) == (1, 1)  # the function does not know it: one input
    assert arity_of("Input", ar) == (0, 0)

    def broken(name):
        raise RuntimeError("catalog not ready")

    assert arity_of("Dot", broken) == (1, 1)  # a broken function never breaks checking
    g = Graph()
    a = g.add_input((3,), name="a")
    g.add("Foo", inputs=[a])
    assert codes(check_structure(g, ar)) == ["missing_input"]
    assert codes(_check_structure(g, lambda name: None)) == []  # no answer: one input


def test_input_counts_have_one_answer_before_and_after_the_catalog():
    assert basics.input_range("Add") == (2, None)
    assert basics.input_range("Dot") == (2, 2)
    assert basics.input_range("Attention") == (2, 3)
    assert basics.input_range("Dense") == (1, 1)
    assert basics.input_range("Input") == (0, 0)
    catalog = {"Concatenate": LayerSpec("Concatenate", "Merging", min_inputs=1, max_inputs=None),
               "Foo": LayerSpec("Foo", "Core", min_inputs=2, max_inputs=2)}
    assert basics.input_range("Concatenate", catalog) == (2, None)  # merges need two whatever the catalog says
    assert basics.input_range("Foo", catalog) == (2, 2)
    assert basics.is_merge("Add") and basics.is_merge("Subtract") and not basics.is_merge("Dense")


def test_port_gap():
    g = Graph()
    a = g.add_input((3,), name="a")
    b = g.add_input((3,), name="b")
    c = g.add("Concatenate", name="c")
    g.connect(a.id, c.id, 0)
    g.connect(b.id, c.id, 2)
    issues = check_structure(g)
    gap = [i for i in issues if i.code == "port_gap"]
    assert gap and gap[0].node_id == c.id and "Input 2 of c is empty" in gap[0].message


def test_duplicate_names_defensive():
    g, x, f, d = mlp()
    object.__setattr__(d, "name", "flatten")  # bypasses every Graph method, as only a bug could
    issues = [i for i in check_structure(g) if i.code == "duplicate_name"]
    assert {i.node_id for i in issues} == {f.id, d.id}


def test_shared_with_missing_or_other_class():
    g, x, f, d = mlp()
    s = g.share(d, inputs=[f], name="again")
    assert check_structure(g) == []
    g.overwrite(s.id, class_name="Conv2D")
    assert codes(check_structure(g)) == ["shared_class"]
    g.overwrite(s.id, class_name="Dense", shared_with="gone")
    issues = check_structure(g)
    assert codes(issues) == ["shared_missing"]
    assert issues[0].node_id == s.id


def test_placeholder_is_an_error():
    g, x, f, d = mlp()
    p = g.add_node(Node("Placeholder", "lam", extra={"config": {"class_name": "Lambda"}}))
    g.connect(d.id, p.id)
    issues = check_structure(g)
    assert codes(issues) == ["placeholder"]
    assert "Lambda" in issues[0].message
    assert p.id in unsound_nodes(g, issues)


def test_issue_dataclass_defaults():
    i = Issue("error", "x")
    assert (i.node_id, i.edge_id, i.code, i.is_error) == (None, None, "", True)


def test_validate_imports_without_keras_or_qt():
    import subprocess

    code = (
        "import sys; sys.modules['PySide6'] = None; sys.modules['keras'] = None; sys.modules['tensorflow'] = None\n"
        "import kbuilder.core.validate as v; from kbuilder.core.graph import Graph\n"
        "g = Graph(); x = g.add_input((3,)); g.add('Dense', inputs=[x], units=2)\n"
        "assert v.check_structure(g, lambda name: None) == []\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
