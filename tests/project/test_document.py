"""The document (Qt-free): revisions, the model key, weights and runs."""

from __future__ import annotations

import numpy as np

from kbuilder.core.graph import Graph
from kbuilder.project.document import Document, RunRecord, model_key
from kbuilder.project.kbproj import Project


def mlp() -> Graph:
    g = Graph(name="mlp")
    x = g.add_input((4,), name="x", position=(0, 0))
    h = g.add("Dense", name="hidden", inputs=[x], units=8, position=(0, 100))
    g.add("Dense", name="out", inputs=[h], units=3, position=(0, 200))
    return g


def weights() -> dict:
    return {"hidden": [np.ones((4, 8)), np.zeros(8)], "out": [np.ones((8, 3)), np.zeros(3)]}


def test_every_graph_change_bumps_the_revision_but_only_model_changes_the_key():
    doc = Document(mlp())
    key, rev = doc.model_key(), doc.revision
    doc.graph.move(doc.graph.find("out").id, (50, 50))
    assert doc.revision == rev + 1 and doc.model_key() == key  # a move changes no model
    doc.graph.set_param(doc.graph.find("hidden").id, "units", 16)
    assert doc.model_key() != key and not doc.is_current(key)
    doc.graph.set_param(doc.graph.find("hidden").id, "units", 8)
    assert doc.is_current(key)  # back to the trained model: current again
    assert not doc.is_current(None)


def test_the_key_ignores_order_and_positions():
    a, b = mlp(), mlp()
    for node in b.nodes:
        b.move(node.id, (node.position[0] + 7, node.position[1]))
    assert model_key(a) != model_key(Graph()) and model_key(b) == model_key(b.copy())


def test_replace_forgets_everything_of_the_old_model():
    doc = Document(mlp())
    events = []
    doc.subscribe(lambda e: events.append(e.kind))
    doc.add_run(RunRecord(0, doc.model_key(), doc.revision, history={"loss": [1.0]}), weights())
    assert doc.weights.source == "training" and doc.last_run().number == 1
    generation = doc.generation
    other = Graph(name="other")
    other.add_input((2,), name="y")
    doc.replace(Project(graph=other, settings={"training": {"epochs": 3}}), None, "other")
    assert doc.generation == generation + 1 and doc.name == "other"
    assert doc.runs == [] and doc.weights is None and doc.settings == {"training": {"epochs": 3}}
    assert [n.name for n in doc.graph.nodes] == ["y"]
    assert events == ["weights", "runs", "replaced"]


def test_weights_follow_a_rename_and_leave_with_a_deleted_layer():
    doc = Document()
    doc.replace(Project(graph=mlp()), weights=weights())
    assert doc.weights.source == "file" and set(doc.weights_by_name()) == {"hidden", "out"}
    doc.graph.rename(doc.graph.find("hidden").id, "trunk")
    assert set(doc.weights_by_name()) == {"trunk", "out"}
    doc.graph.remove_node(doc.graph.find("out").id)
    assert set(doc.weights_by_name()) == {"trunk"}


def test_a_setting_counts_as_a_change_only_when_it_differs():
    doc = Document(mlp())
    assert doc.set_setting("training", {"epochs": 2})
    assert not doc.set_setting("training", {"epochs": 2})
