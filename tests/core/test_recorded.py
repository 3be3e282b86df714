"""RecordedEdit: an edit made by a function through Graph.overwrite as one
exact undo step; a function that fails or changes the structure is rolled back."""

from __future__ import annotations

import pytest

from kbuilder.core.graph import PLACEHOLDER, Graph, GraphError, Node
from kbuilder.core.history import History
from kbuilder.core.recorded import RecordedEdit


def graph() -> Graph:
    g = Graph("m")
    x = g.add_input((4,), name="x")
    p = g.add_node(Node(PLACEHOLDER, "p", extra={"config": {"factor": 3.0}, "original_class": "MyScale"}))
    g.connect(x.id, p.id)
    g.add("Dense", name="d", inputs=[p], units=2)
    return g


def to_class(g: Graph) -> str:
    p = g.by_name("p")
    g.overwrite(p.id, class_name="MyScale", params={"factor": 3.0}, extra={})
    return "done"


def test_undo_and_redo_are_exact():
    g = graph()
    before = g.to_dict()
    history = History(g)
    cmd = RecordedEdit(to_class, text="use MyScale")
    history.push(cmd)
    after = g.to_dict()
    assert cmd.result == "done" and cmd.changed_ids == [g.by_name("p").id]
    assert g.by_name("p").class_name == "MyScale"
    history.undo()
    assert g.to_dict() == before
    history.undo()  # nothing more to undo: no change
    assert g.to_dict() == before
    history.redo()
    assert g.to_dict() == after


def test_a_failing_function_leaves_the_graph_as_it_was():
    g = graph()
    before = g.to_dict()

    def half_then_fail(graph: Graph) -> None:
        graph.overwrite(graph.by_name("p").id, class_name="MyScale")
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        RecordedEdit(half_then_fail).redo(g)
    assert g.to_dict() == before


def test_adding_or_removing_is_refused_and_rolled_back():
    g = graph()
    before = g.to_dict()
    with pytest.raises(GraphError, match="only change existing layers"):
        RecordedEdit(lambda graph: graph.add("Dense", name="extra", units=1)).redo(g)
    assert g.to_dict() == before
    with pytest.raises(GraphError, match="only change existing layers"):
        RecordedEdit(lambda graph: graph.remove_edge(graph.edges[0].id)).redo(g)
    assert g.to_dict() == before
