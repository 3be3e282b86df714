"""Copy and paste: the clipboard's text is untrusted, checked as a file is."""

import json

import pytest

from kbuilder.core import clipboard
from kbuilder.core.graph import Graph, GraphError
from kbuilder.core.history import History
from kbuilder.core.limits import MAX_JSON_DEPTH


def small() -> Graph:
    g = Graph()
    x = g.add_input((4,), name="x")
    d = g.add("Dense", name="d", inputs=[x], units=3)
    g.add("Dense", name="out", inputs=[d], units=1)
    return g


def test_copy_then_paste_adds_fresh_layers_in_one_undo_step():
    g = small()
    before = g.to_dict()
    ids = [g.by_name("d").id, g.by_name("out").id]
    pasted = clipboard.read_fragment(clipboard.fragment_text(g, ids))
    assert [n.name for n in pasted.nodes] == ["d", "out"] and len(pasted.edges) == 1
    history = History(g)
    history.push(clipboard.paste(g, pasted.to_dict()))
    assert [n.name for n in g.nodes] == ["x", "d", "out", "d_1", "out_1"]
    assert len({n.id for n in g.nodes}) == 5 and len(g.edges) == 3
    history.undo()
    assert g.to_dict() == before


@pytest.mark.parametrize("text", ["", "hello", "[1, 2]", '{"format": "something else", "nodes": []}', "{not json"])
def test_text_that_is_not_a_fragment_is_ignored(text):
    assert clipboard.read_fragment(text) is None


def test_a_deeply_nested_fragment_is_refused_in_one_sentence():
    deep = "[" * (MAX_JSON_DEPTH * 50) + "]" * (MAX_JSON_DEPTH * 50)
    node = '{"id": "a", "class_name": "Dense", "name": "a", "params": {"x": ' + deep + "}}"
    text = '{"format": "' + clipboard.FRAGMENT_FORMAT + '", "nodes": [' + node + "]}"
    with pytest.raises(GraphError) as info:
        clipboard.read_fragment(text)
    assert "\n" not in str(info.value) and "paste" in str(info.value)


def test_a_damaged_fragment_says_where():
    text = json.dumps({"format": clipboard.FRAGMENT_FORMAT, "nodes": [{"id": "a", "class_name": 5, "name": "a"}]})
    with pytest.raises(GraphError, match="layer 1"):
        clipboard.read_fragment(text)
    text = json.dumps(
        {
            "format": clipboard.FRAGMENT_FORMAT,
            "nodes": [{"id": "a", "class_name": "Dense", "name": "a"}],
            "edges": [{"src": "a", "dst": "gone"}],
        }
    )
    with pytest.raises(GraphError, match="not in the model"):
        clipboard.read_fragment(text)
