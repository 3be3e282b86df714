"""The Experiments mode's undoable edits, headless: a mark set, replaced and
removed comes back exactly on undo (its place in the list, the other marks
and the search settings untouched); Apply best is one step over the graph
and the training settings."""

from __future__ import annotations

from kbuilder.core.graph import Graph
from kbuilder.core.history import History
from kbuilder.project.document import Document
from kbuilder.training.search_space import Dimension, space_of
from kbuilder.ui.experiments.commands import apply_best_command, mark_command


def document() -> Document:
    g = Graph("m")
    x = g.add_input((64,), name="img")
    h = g.add("Dense", name="dense", inputs=[x], units=16, activation="relu")
    g.add("Dense", name="out", inputs=[h], units=10, activation="softmax")
    doc = Document(g)
    doc.settings["training"] = {"dataset": "digits", "epochs": 3, "learning_rate": 0.001}
    return doc


def test_marks_undo_exactly():
    doc = document()
    history = History(doc.graph)
    dense = doc.graph.find("dense").id
    history.push(mark_command(doc, doc.graph, dense, "units", Dimension("units", dense, (8, 16))))
    history.push(mark_command(doc, doc.graph, None, "learning_rate", Dimension("learning_rate", None, (), 1e-4, 1e-2,
                                                                                 log=True)))
    assert [d.key(doc.graph) for d in space_of(doc).dimensions] == ["dense.units", "learning_rate"]
    cmd = mark_command(doc, doc.graph, dense, "units", Dimension("units", dense, (32, 64)))
    assert cmd.text == "Try several values of dense.units"
    history.push(cmd)
    assert space_of(doc).dimensions[0].values == (32, 64)  # replaced in place

    # The search settings changed in between stay as they are after an undo.
    space = space_of(doc)
    space.settings.trials = 3
    doc.set_setting("search", space.to_dict())
    history.undo()
    assert space_of(doc).dimensions[0].values == (8, 16) and space_of(doc).settings.trials == 3

    removal = mark_command(doc, doc.graph, dense, "units", None)
    assert removal.text == "Stop trying several values of dense.units"
    history.push(removal)
    assert [d.param for d in space_of(doc).dimensions] == ["learning_rate"]
    history.undo()
    assert [d.param for d in space_of(doc).dimensions] == ["units", "learning_rate"]  # back in its place
    history.undo()
    history.undo()
    assert not space_of(doc).dimensions


def test_apply_best_is_one_step_over_graph_and_settings():
    doc = document()
    history = History(doc.graph)
    cmd = apply_best_command(doc, {"dense.units": 32, "learning_rate": 0.003, "optimizer": "sgd"}, 2)
    assert cmd.text == "Apply the values of trial 2" and len(cmd.children) == 2
    history.push(cmd)
    assert doc.graph.find("dense").params["units"] == 32
    training = doc.settings["training"]
    assert training["learning_rate"] == 0.003 and training["optimizer"] == "sgd"
    history.undo()
    assert doc.graph.find("dense").params["units"] == 16
    assert doc.settings["training"] == {"dataset": "digits", "epochs": 3, "learning_rate": 0.001}
    # Values the model already has: nothing to do.
    assert apply_best_command(doc, {"dense.units": 16}).children == []
