"""Hostile Keras JSON (issue 14): every model description gives a graph or
one sentence (ConfigError / LegacyError / ModelFileError), in bounded time;
nested models cannot multiply past the layer budget; a class outside the
catalog, or a function, is never built: it becomes a placeholder."""

from __future__ import annotations

import copy
import json
import re
import resource
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbuilder.core.limits import MAX_JSON_DEPTH, MAX_LAYERS, MAX_PORTS
from kbuilder.keras_io import model_file
from kbuilder.keras_io.config_structure import ConfigError
from kbuilder.keras_io.from_config import graph_from_config
from kbuilder.keras_io.importing import graph_from_json
from kbuilder.keras_io.legacy import LegacyError, translate
from kbuilder.layers.allowed import allowed

CASE_SECONDS = 2.0
MEMORY_BYTES = 2 * 1024**3


def tensor(name: str, call: int = 0, index: int = 0) -> dict:
    return {"class_name": "__keras_tensor__", "config": {"shape": [None, 4], "dtype": "float32",
                                                         "keras_history": [name, call, index]}}


def layer(cls: str, name: str, args: list, **config) -> dict:
    return {"module": "keras.layers", "class_name": cls, "registered_name": None, "name": name,
            "config": {"name": name, "trainable": True, "dtype": "float32", **config},
            "inbound_nodes": [{"args": a, "kwargs": {}} for a in args]}


def input_layer(name: str) -> dict:
    return {"module": "keras.layers", "class_name": "InputLayer", "registered_name": None, "name": name,
            "config": {"batch_shape": [None, 4], "dtype": "float32", "name": name}, "inbound_nodes": []}


def functional(name: str, layers: list, inputs: list, outputs: list) -> dict:
    return {"module": "keras", "class_name": "Functional", "registered_name": "Functional",
            "config": {"name": name, "trainable": True, "layers": layers, "input_layers": inputs,
                       "output_layers": outputs}}


def keras3() -> dict:
    """x -> d -> (e called twice: shared) -> concatenate, and a nested model called twice."""
    inner = functional("inner", [input_layer("ii"), layer("Dense", "id", [[tensor("ii")]], units=4)],
                       [["ii", 0, 0]], [["id", 0, 0]])
    nested = {**inner, "name": "inner", "inbound_nodes": [{"args": [tensor("d")], "kwargs": {}},
                                                          {"args": [tensor("e")], "kwargs": {}}]}
    init = {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {"seed": None},
            "registered_name": None}
    return functional("m", [
        input_layer("x"),
        layer("Dense", "d", [[tensor("x")]], units=4, activation="relu", kernel_initializer=init),
        layer("Dense", "e", [[tensor("d")], [tensor("e", 0)]], units=4),
        nested,
        layer("Concatenate", "c", [[[tensor("e", 1), tensor("inner", 0), tensor("inner", 1)]]], axis=-1),
    ], [["x", 0, 0]], [["c", 0, 0]])


def keras2() -> dict:
    """The same shape in the Keras 2 dialect (``[["d", 0, 0, {}]]`` references)."""
    def k2(cls, name, calls, **config):
        return {"class_name": cls, "name": name, "config": {"name": name, **config}, "inbound_nodes": calls}
    return {"class_name": "Model", "keras_version": "2.15.0", "config": {"name": "m", "layers": [
        k2("InputLayer", "x", [], batch_input_shape=[None, 4], dtype="float32"),
        k2("Dense", "d", [[["x", 0, 0, {}]]], units=4),
        k2("Dense", "e", [[["d", 0, 0, {}]], [["e", 0, 0, {}]]], units=4),
        k2("Concatenate", "c", [[["e", 1, 0, {}], ["d", 0, 0, {}]]], axis=-1),
    ], "input_layers": [["x", 0, 0]], "output_layers": [["c", 0, 0]]}}


def one_sentence(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message, message
    assert len(message) < 400, message


def dump(d, **kw) -> str:
    """``json.dumps``; the marker ``"__DEEP_n__"`` is written as ``n`` nested lists."""
    return re.sub(r'"__DEEP_(\d+)__"', lambda m: "[" * int(m[1]) + "]" * int(m[1]), json.dumps(d, **kw))


def read_json(text: str):
    """graph_from_json within the budget: the result, or None after one sentence."""
    start = time.monotonic()
    try:
        result = graph_from_json(text)
    except ConfigError as exc:
        one_sentence(str(exc))
        result = None
    assert time.monotonic() - start < CASE_SECONDS
    return result


def read_translated(config, version: str | None):
    """The ``model_file`` path for a parsed description: translate, then import."""
    start = time.monotonic()
    try:
        result = graph_from_config(translate(config, version).config)
    except (ConfigError, LegacyError) as exc:
        one_sentence(str(exc))
        result = None
    assert time.monotonic() - start < CASE_SECONDS
    return result


@pytest.fixture(scope="module", autouse=True)
def _keras_ready():
    allowed()
    graph_from_config(keras3())  # imports Keras: not part of any case's budget


# ----------------------------------------------------------- hand-made cases
def nested_twice(depth: int) -> dict:
    """Nested models, each calling the one inside twice: 2**depth layers."""
    body = functional("m0", [input_layer("i"), layer("Dense", "d", [[tensor("i")]], units=2)],
                      [["i", 0, 0]], [["d", 0, 0]])
    for k in range(1, depth):
        inner = {**body, "name": f"m{k - 1}",
                 "inbound_nodes": [{"args": [tensor("i")], "kwargs": {}},
                                   {"args": [tensor(f"m{k - 1}", 0)], "kwargs": {}}]}
        body = functional(f"m{k}", [input_layer("i"), inner], [["i", 0, 0]], [[f"m{k - 1}", 1, 0]])
    return body


def test_small_nesting_still_unpacks():
    result = read_json(json.dumps(nested_twice(6)))
    assert result is not None and len([n for n in result.graph.nodes if n.class_name == "Dense"]) == 2**5


@pytest.mark.parametrize("depth", [14, 20, 40])
def test_nested_models_called_twice_stop_at_the_layer_budget(depth):
    text = json.dumps(nested_twice(depth))
    with pytest.raises(ConfigError, match="10,000 layers"):
        start = time.monotonic()
        try:
            graph_from_json(text)
        finally:
            assert time.monotonic() - start < CASE_SECONDS
    for version in ("3.5.0", "2.15.0"):
        with pytest.raises(LegacyError, match="10,000 layers") as info:
            translate(json.loads(text), version)
        one_sentence(str(info.value))


def test_nested_file_is_one_sentence_through_model_file(tmp_path):
    path = tmp_path / "nested.json"
    path.write_text(json.dumps(nested_twice(20)))
    with pytest.raises(model_file.ModelFileError, match="10,000 layers") as info:
        model_file.open_model_file(path)
    one_sentence(str(info.value))


def _calls(n: int) -> dict:
    d = keras3()
    d["config"]["layers"][2]["inbound_nodes"] = [{"args": [tensor("d")], "kwargs": {}}] * n
    return d


def _wide(n: int) -> dict:
    d = keras3()
    d["config"]["layers"][4]["inbound_nodes"] = [{"args": [[tensor("d")] * n], "kwargs": {}}]
    return d


def _edit(path: list, value) -> dict:
    d = keras3()
    target = d
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return d


REFUSED = [
    ("100k brackets", "[" * 100_000, "nested more than 200"),
    ("deep layer config", dump(_edit(["config", "layers", 1, "config", "units"], "__DEEP_5000__")), "nested more than"),
    ("just past the depth", dump(_edit(["config", "layers", 1, "config", "units"], f"__DEEP_{MAX_JSON_DEPTH}__")),
     "nested more than"),
    ("a layer called 20,000 times", json.dumps(_calls(MAX_LAYERS * 2)), "10,000 layers"),
    ("a merge of 5,000 inputs", json.dumps(_wide(MAX_PORTS + 1)), "limit of 4096"),
    ("5000 digits", json.dumps(keras3()).replace('"units": 4', '"units": ' + "9" * 5000), "too long"),
    ("not JSON", "{", "not valid JSON"),
    ("model body null", '{"class_name": "Functional", "config": null}', "no list of layers"),
    ("a list", "[1, 2]", "JSON object"),
]


@pytest.mark.parametrize(("text", "words"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_hand_made_hostile_json(text, words):
    with pytest.raises(ConfigError) as info:
        start = time.monotonic()
        try:
            graph_from_json(text)
        finally:
            assert time.monotonic() - start < CASE_SECONDS
    one_sentence(str(info.value))
    assert words in str(info.value)


ODD = [
    ("keras tensor with a number config", ["config", "layers", 1, "inbound_nodes", 0, "args", 0, "config"], 5),
    ("inbound node is a number", ["config", "layers", 1, "inbound_nodes", 0], 5),
    ("layer config is text", ["config", "layers", 1, "config"], "x"),
    ("layer refers to itself", ["config", "layers", 1, "inbound_nodes", 0, "args", 0], tensor("d")),
    ("Input and Dense share a name", ["config", "layers", 2, "name"], "x"),
    ("output refers to nothing", ["config", "output_layers"], [["nowhere", 0, 0]]),
    ("history out of range", ["config", "layers", 1, "inbound_nodes", 0, "args", 0], tensor("x", 10**10, 10**10)),
]


@pytest.mark.parametrize(("path", "value"), [c[1:] for c in ODD], ids=[c[0] for c in ODD])
def test_odd_but_readable_json_is_a_graph_or_one_sentence(path, value):
    text = json.dumps(_edit(path, value))
    read_json(text)
    read_translated(json.loads(text), "3.5.0")


def _k2_edit(edit) -> dict:
    d = keras2()
    edit(d["config"]["layers"])
    return d


FOUND = [  # found by the fuzz below, in the Keras 2 -> 3 translation
    ("braces in a dropped key", lambda ls: ls[1]["config"].update({"{x}": 1, "time_major": False})),
    ("calls are a number", lambda ls: ls[2].update(inbound_nodes=-1.8e290)),
    ("nested Functional with a list body", lambda ls: ls.append(
        {"class_name": "Functional", "name": "n", "config": ["abcdefghijkl"], "inbound_nodes": [[["d", 0, 0, {}]]]})),
    ("nested model called a number of times", lambda ls: ls.append(
        {"class_name": "Sequential", "name": "n", "config": {"layers": [{"class_name": "Dense", "config": {
            "units": 2}, "inbound_nodes": 7}]}, "inbound_nodes": [[["d", 0, 0, {}]]]})),
]


@pytest.mark.parametrize("edit", [c[1] for c in FOUND], ids=[c[0] for c in FOUND])
def test_translation_of_odd_keras2_configs(edit):
    d = _k2_edit(edit)
    for version in ("2.15.0", "3.5.0"):
        read_translated(copy.deepcopy(d), version)
    read_json(json.dumps(d))


CODE = [
    ("Lambda", {"function": {"module": "keras.ops", "class_name": "function", "config": "relu"}}),
    ("TFSMLayer", {"filepath": "/tmp/saved_model", "call_endpoint": "serve"}),
    ("RNN", {"cell": {"module": "keras.layers", "class_name": "Lambda", "config": {}}}),
    ("TimeDistributed", {"layer": {"module": "keras.layers", "class_name": "Lambda", "config": {"name": "l"}}}),
    ("TimeDistributed", {"layer": {"module": "keras.layers", "class_name": "TFSMLayer", "config": {"name": "t"}}}),
]


@pytest.mark.parametrize(("cls", "config"), CODE, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CODE)])
def test_code_and_classes_outside_the_catalog_become_placeholders(cls, config):
    d = keras3()
    d["config"]["layers"][1] = layer(cls, "d", [[tensor("x")]], **config)
    for result in (read_json(json.dumps(d)), read_translated(copy.deepcopy(d), "3.5.0")):
        node = result.graph.by_name("d")
        assert node.is_placeholder and node.extra["original_class"] == cls
        assert any("'d'" in note and "placeholder" in note for note in result.notes)
        assert result.graph.by_name("e").class_name == "Dense"


def test_wrappers_around_catalog_layers_stay():
    d = keras3()
    inner = {"module": "keras.layers", "class_name": "Dense", "config": {"name": "w", "units": 4},
             "registered_name": None}
    d["config"]["layers"][1] = layer("TimeDistributed", "d", [[tensor("x")]], layer=inner)
    node = read_json(json.dumps(d)).graph.by_name("d")
    assert node.class_name == "TimeDistributed" and node.params["layer"]["class_name"] == "Dense"


# -------------------------------------------------------------- hypothesis
def _values():
    scalars = (
        st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.sampled_from([10**10, -1, MAX_PORTS])
        | st.floats() | st.text(max_size=12)
        | st.sampled_from(["", "x", "d", "e", "inner", "__keras_tensor__", "Functional", "Sequential", "Lambda",
                           "InputLayer", "keras.layers", "os", "\ud800"])
    )
    return st.recursive(
        scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=10,
    )


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*prefix, i))


KEYS = ["class_name", "config", "name", "inbound_nodes", "args", "kwargs", "keras_history", "layers",
        "input_layers", "output_layers", "module", "registered_name", "batch_shape", "layer"]


@st.composite
def hostile_configs(draw):
    d = draw(st.sampled_from([keras3, keras2]))()
    paths = [p for p in _paths(d) if p]
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        try:
            parent = d
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]]  # noqa: B018 - the path still exists after earlier edits
        except (KeyError, IndexError, TypeError):
            continue
        if not isinstance(parent, (dict, list)):
            continue
        action = draw(st.sampled_from(["value", "delete", "deep", "duplicate", "key", "history"]))
        if action == "value":
            parent[path[-1]] = draw(_values())
        elif action == "delete":
            del parent[path[-1]]
        elif action == "deep":
            parent[path[-1]] = f"__DEEP_{draw(st.sampled_from([3, 40, MAX_JSON_DEPTH - 20, MAX_JSON_DEPTH + 5]))}__"
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
        elif action == "history":
            parent[path[-1]] = tensor(draw(st.sampled_from(["x", "d", "e", "c", "inner", "nowhere"])),
                                      draw(st.sampled_from([0, 1, 2, -1, 10**10])), draw(st.sampled_from([0, 1, 5])))
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]][draw(st.sampled_from(KEYS))] = draw(_values())
    return dump(d, allow_nan=True)


FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(text=hostile_configs())
def test_fuzzed_keras_json_is_a_graph_or_one_sentence(text):
    result = read_json(text)
    if result is not None:
        for node in result.graph.nodes:
            assert node.is_placeholder or node.is_input or allowed().allows(node.class_name), node
    try:
        config = json.loads(text)
    except (ValueError, RecursionError):
        return
    for version in ("3.5.0", "2.15.0"):
        if isinstance(config, dict):
            read_translated(config, version)


@FUZZ
@given(value=_values())
def test_any_json_value_is_a_graph_or_one_sentence(value):
    read_json(json.dumps(value, allow_nan=True))
    read_json(json.dumps({"class_name": "Functional", "config": {"layers": [value], "input_layers": value}}))


# ---------------------------------------------------- the CLI, in a child
def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


@pytest.mark.slow
@pytest.mark.parametrize("case", ["nested", "brackets", "wide"])
def test_cli_on_hostile_json_is_exit_2_and_one_line(tmp_path, case):
    text = {"nested": lambda: json.dumps(nested_twice(20)), "brackets": lambda: "[" * 100_000,
            "wide": lambda: json.dumps(_wide(MAX_PORTS + 1))}[case]()
    path = tmp_path / f"{case}.json"
    path.write_text(text)
    for command in ("check", "summary"):
        result = subprocess.run([sys.executable, "-m", "kbuilder.cli", command, str(path)], capture_output=True,
                                text=True, timeout=300, preexec_fn=_limit_memory)
        assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
        assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
