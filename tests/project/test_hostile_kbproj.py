"""Hostile .kbproj files (issue 14): every one gives a Project or one
sentence (ProjectError / OpenError, the CLI's exit 2), in bounded time and
memory; never a RecursionError, AttributeError, TypeError, IndexError or
MemoryError.  A file never makes kbuilder build a class outside the catalog."""

from __future__ import annotations

import copy
import json
import os
import re
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbuilder.core.limits import MAX_JSON_DEPTH, MAX_LAYERS, MAX_PORTS, MAX_PROJECT_BYTES
from kbuilder.core.validate import check_structure
from kbuilder.layers import basics
from kbuilder.layers.allowed import allowed
from kbuilder.project import kbproj
from kbuilder.project.kbproj import ProjectError
from kbuilder.project.loader import OpenError, open_path

CASE_SECONDS = 2.0  # wall-time budget of one hostile case
MEMORY_BYTES = 2 * 1024**3  # address-space budget of one CLI run


def base() -> dict:
    """A small valid project: Input -> Dense -> Dense (shared) -> Concatenate."""
    nodes = [
        {"id": "i", "class_name": "Input", "name": "x", "params": {"shape": [4], "dtype": "float32"},
         "position": [0.0, 0.0]},
        {"id": "d", "class_name": "Dense", "name": "d", "params": {"units": 4}, "position": [0.0, 90.0]},
        {"id": "s", "class_name": "Dense", "name": "d_shared", "params": {}, "position": [90.0, 90.0],
         "shared_with": "d"},
        {"id": "c", "class_name": "Concatenate", "name": "c", "params": {}, "position": [0.0, 180.0],
         "is_output": True},
    ]
    edges = [
        {"id": "e1", "src": "i", "src_port": 0, "dst": "d", "dst_port": 0},
        {"id": "e2", "src": "d", "src_port": 0, "dst": "s", "dst_port": 0},
        {"id": "e3", "src": "d", "src_port": 0, "dst": "c", "dst_port": 0},
        {"id": "e4", "src": "s", "src_port": 0, "dst": "c", "dst_port": 1},
    ]
    return {"format": "kbuilder-project", "version": 2, "description": "", "settings": {},
            "graph": {"name": "m", "nodes": nodes, "edges": edges}}


def one_sentence(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message, message
    assert len(message) < 400, message


def outcome(text: str) -> kbproj.Project | None:
    """Load ``text`` within the budget: a Project, or None after a one-sentence ProjectError."""
    start = time.monotonic()
    try:
        project = kbproj.loads(text)
    except ProjectError as exc:
        one_sentence(str(exc))
        project = None
    assert time.monotonic() - start < CASE_SECONDS
    return project


def refused(text: str) -> str:
    """The one sentence ``text`` is refused with, within the budget."""
    start = time.monotonic()
    with pytest.raises(ProjectError) as info:
        kbproj.loads(text)
    assert time.monotonic() - start < CASE_SECONDS
    one_sentence(str(info.value))
    return str(info.value)


@pytest.fixture(scope="module", autouse=True)
def _catalog_ready():
    allowed(build=True)  # as after the first run: the catalog (and its cache) known; not part of any budget


# ----------------------------------------------------------- hand-made cases
def _set(path, value):
    def edit(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return d
    return edit


def _deep_list(depth: int) -> str:
    """A marker :func:`dump` writes as ``depth`` nested lists (json.dumps
    itself cannot write more than about 1,000)."""
    return f"__DEEP_{depth}__"


def dump(d, **kw) -> str:
    """``json.dumps``, with the markers ``"__DEEP_n__"`` written as ``n``
    nested lists and ``"__DIGITS_n__"`` as an ``n``-digit integer."""
    text = json.dumps(d, **kw)
    text = re.sub(r'"__DEEP_(\d+)__"', lambda m: "[" * int(m[1]) + "]" * int(m[1]), text)
    return re.sub(r'"__DIGITS_(\d+)__"', lambda m: "9" * int(m[1]), text)


def _cycle(d):
    d["graph"]["nodes"][1]["shared_with"] = "s"
    return d


def _many_nodes(d):
    d["graph"]["nodes"] = [{"id": str(i), "class_name": "Dense", "name": f"n{i}"} for i in range(MAX_LAYERS + 1)]
    d["graph"]["edges"] = []
    return d


REFUSED = [
    ("graph is text", _set(["graph"], "x"), "no layer graph"),
    ("node is text", _set(["graph", "nodes"], ["a"]), "layer 1: it is text"),
    ("nodes is an object", _set(["graph", "nodes"], {"a": 1}), "'nodes' is an object"),
    ("weights_file is a number", _set(["weights_file"], 5), "'weights_file' is a number"),
    ("weights_file leaves the folder", _set(["weights_file"], "../secret.h5"), "outside its own folder"),
    ("weights_file absolute", _set(["weights_file"], "/etc/passwd"), "outside its own folder"),
    ("shared_with is a list", _set(["graph", "nodes", 2, "shared_with"], ["x"]), "'shared_with' is a list"),
    ("sharing loop", _cycle, "loop"),
    ("dst_port -1", _set(["graph", "edges", 0, "dst_port"], -1), "'dst_port' is outside"),
    ("dst_port 10**10", _set(["graph", "edges", 0, "dst_port"], 10**10), "'dst_port' is outside"),
    ("dst_port at the limit", _set(["graph", "edges", 0, "dst_port"], MAX_PORTS), "'dst_port' is outside"),
    ("dst_port text", _set(["graph", "edges", 0, "dst_port"], "0"), "'dst_port' is text"),
    ("dst_port float", _set(["graph", "edges", 0, "dst_port"], 1.5), "'dst_port' is a number, not a whole"),
    ("dst_port bool", _set(["graph", "edges", 0, "dst_port"], True), "'dst_port' is true/false"),
    ("src_port out of range", _set(["graph", "edges", 0, "src_port"], 10**10), "'src_port' is outside"),
    ("name a number", _set(["graph", "nodes", 1, "name"], 5), "'name' is a number"),
    ("name null", _set(["graph", "nodes", 1, "name"], None), "'name' is null"),
    ("name empty", _set(["graph", "nodes", 1, "name"], "  "), "has no name"),
    ("class_name a list", _set(["graph", "nodes", 1, "class_name"], ["Dense"]), "'class_name' is a list"),
    ("duplicate id", _set(["graph", "nodes", 1, "id"], "i"), "two layers have the id"),
    ("duplicate name", _set(["graph", "nodes", 1, "name"], "x"), "two layers are named"),
    ("edge to unknown node", _set(["graph", "edges", 0, "dst"], "nowhere"), "not in the model"),
    ("edge to itself", _set(["graph", "edges", 0, "src"], "d"), "feeds itself"),
    ("edge into an Input", _set(["graph", "edges", 2, "dst"], "i"), "into the Input"),
    ("two edges on one port", _set(["graph", "edges", 3, "dst_port"], 0), "two connections go into input 0"),
    ("edge is a list", _set(["graph", "edges", 0], [1, 2]), "connection 1: it is a list"),
    ("params a list", _set(["graph", "nodes", 1, "params"], [1]), "'params' is a list"),
    ("extra text", _set(["graph", "nodes", 1, "extra"], "x"), "'extra' is text"),
    ("is_output text", _set(["graph", "nodes", 1, "is_output"], "yes"), "'is_output' is text"),
    ("position text", _set(["graph", "nodes", 1, "position"], "x"), "'position' is not two numbers"),
    ("settings a list", _set(["settings"], []), "'settings' is a list"),
    ("description a number", _set(["description"], 5), "'description' is a number"),
    ("version true", _set(["version"], True), "no valid format version"),
    ("parameter 5,000 deep", _set(["graph", "nodes", 1, "params", "units"], _deep_list(5000)), "nested more than"),
    ("parameter just past the limit", _set(["graph", "nodes", 1, "params", "units"], _deep_list(MAX_JSON_DEPTH)),
     "nested more than"),
    ("too many layers", _many_nodes, "more than kbuilder's limit of 10,000"),
]


@pytest.mark.parametrize(("edit", "words"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_hand_made_hostile_projects_are_one_sentence(edit, words):
    assert words in refused(dump(edit(base())))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[" * 100_000, "nested more than 200 levels deep"),
        ('{"format": "kbuilder-project", "version": 2, "graph": ' + "[" * 100_000 + "]" * 100_000 + "}",
         "nested more than 200 levels deep"),
        (json.dumps(base()).replace('"units": 4', '"units": NaN'), "NaN"),
        (json.dumps(base()).replace('"units": 4', '"units": -Infinity'), "-Infinity"),
        (json.dumps(base()).replace('"units": 4', '"units": 1e999'), "not finite"),
        (json.dumps(base()).replace('"units": 4', '"units": ' + "9" * 5000), "too long to read"),
        (json.dumps(base()).replace('"name": "d"', '"name": "\\ud800"'), "not valid Unicode"),
    ],
    ids=["100k brackets", "deep graph", "NaN", "-Infinity", "1e999", "5000 digits", "lone surrogate"],
)
def test_hostile_json_text(text, words):
    assert words in refused(text)


def test_tolerable_oddities_load():
    d = base()
    d["graph"]["nodes"][1]["position"] = [1e300, -(10**400)]  # far away: pulled back onto the canvas
    d["graph"]["nodes"][2]["shared_with"] = "gone"  # a layer that is no longer there: no sharing
    d["graph"]["nodes"][3].pop("position")
    project = outcome(json.dumps(d))
    assert project is not None and not project.notes
    assert project.graph.node("s").shared_with is None
    assert max(abs(v) for v in project.graph.node("d").position) <= 1e7
    check_structure(project.graph, basics.arity())


# -------------------------------------------------------------- the files
def test_device_pipe_folder_and_size_are_refused_quickly(tmp_path):
    cases = {}
    link = tmp_path / "zero.kbproj"
    link.symlink_to("/dev/zero")
    cases[link] = "device"
    fifo = tmp_path / "pipe.kbproj"
    os.mkfifo(fifo)
    cases[fifo] = "named pipe"
    folder = tmp_path / "folder.kbproj"
    folder.mkdir()
    cases[folder] = "folder"
    big = tmp_path / "big.kbproj"
    with open(big, "wb") as fh:
        fh.truncate(MAX_PROJECT_BYTES + 1)
    cases[big] = "kbuilder's limit"
    for path, words in cases.items():
        found: list = []
        worker = threading.Thread(target=_open_into, args=(path, found), daemon=True)
        start = time.monotonic()
        worker.start()
        worker.join(timeout=10)
        assert not worker.is_alive(), f"opening {path.name} blocks"
        assert time.monotonic() - start < CASE_SECONDS, path.name
        assert isinstance(found[0], OpenError), found
        one_sentence(str(found[0]))
        assert words in str(found[0])


def _open_into(path, found: list) -> None:
    try:
        found.append(open_path(path))
    except Exception as exc:  # noqa: BLE001 - the test looks at what it was
        found.append(exc)


def _weights_project(tmp_path, **record) -> Path:
    """A project (x -> Dense 'd' of 4 units) naming ``w.h5`` with ``record``."""
    import numpy as np

    from kbuilder.keras_io import model_file

    model_file.write_weights_file({"d": [np.ones((4, 4), np.float32), np.ones(4, np.float32)]}, tmp_path / "w.h5")
    d = base()
    d.update(weights_file="w.h5", **record)
    path = tmp_path / "p.kbproj"
    path.write_text(json.dumps(d))
    return path


def test_weights_that_are_not_the_saved_ones_are_left_out_with_a_note(tmp_path):
    from kbuilder.project.kbproj import file_digest

    path = _weights_project(tmp_path)
    assert open_path(path).weights is not None and not open_path(path).notes
    size, sha = file_digest(tmp_path / "w.h5")
    path = _weights_project(tmp_path, weights_size=size, weights_sha256=sha)
    assert open_path(path).weights is not None
    path = _weights_project(tmp_path, weights_size=size, weights_sha256="0" * 64)  # a save cut short
    opened = open_path(path)
    assert opened.weights is None and any("not the one this project was saved with" in n for n in opened.notes)
    (tmp_path / "w.h5").unlink()
    os.mkfifo(tmp_path / "w.h5")  # a pipe where the weights were: a note, never a wait
    opened = open_path(path)
    assert opened.weights is None and len(opened.notes) == 1
    (tmp_path / "w.h5").unlink()
    opened = open_path(path)
    assert opened.weights is None and "missing" in opened.notes[0]
    for bad in ({"weights_size": -1}, {"weights_size": "1"}, {"weights_sha256": "xyz"}):
        path.write_text(json.dumps({**base(), "weights_file": "w.h5", **bad}))
        with pytest.raises(OpenError, match="weights_"):
            open_path(path)


# ----------------------------------------------- classes outside the catalog
def _with_layer(class_name: str, params: dict) -> dict:
    d = base()
    d["graph"]["nodes"][1].update(class_name=class_name, params=params)
    d["graph"]["nodes"][2].update(class_name=class_name)
    return d


CODE_LAYERS = [
    ("Lambda", {"function": {"module": "keras.ops", "class_name": "function", "config": "relu",
                             "registered_name": None}, "output_shape": None}),
    ("TFSMLayer", {"filepath": "/tmp/saved_model", "call_endpoint": "serve"}),
    ("NotAKerasLayer", {"units": 4}),
    ("TimeDistributed", {"layer": {"module": "keras.layers", "class_name": "Lambda",
                                   "config": {"function": "relu"}}}),
    ("Dense", {"units": 4, "activation": {"module": "keras.ops", "class_name": "function", "config": "relu"}}),
    ("Dense", {"units": 4, "kernel_initializer": {"module": "os", "class_name": "system", "config": {}}}),
    ("Dense", {"units": 4, "kernel_initializer": {"class_name": "Sequential", "config": {"layers": []}}}),
]


@pytest.mark.parametrize(("class_name", "params"), CODE_LAYERS, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CODE_LAYERS)])
def test_classes_outside_the_catalog_become_placeholders(tmp_path, class_name, params):
    path = tmp_path / "code.kbproj"
    path.write_text(json.dumps(_with_layer(class_name, params)))
    opened = open_path(path)
    node = opened.graph.node("d")
    assert node.is_placeholder and node.params == {}
    assert node.extra["original_class"] == class_name and node.extra["config"]["name"] == "d"
    assert opened.graph.node("s").is_placeholder
    assert any("'d'" in note and "placeholder" in note for note in opened.notes)
    assert opened.graph.node("c").class_name == "Concatenate"
    # Saved and opened again, it stays a placeholder with its config.
    kbproj.save(opened.project, path)
    again = kbproj.load(path)
    assert again.graph.node("d").extra == node.extra and not again.notes


def test_catalog_layers_and_wrappers_stay():
    inner = {"module": "keras.layers", "class_name": "Dense", "config": {"units": 2}, "registered_name": None}
    d = _with_layer("TimeDistributed", {"layer": inner})
    d["graph"]["nodes"][3]["params"] = {"axis": -1}
    project = kbproj.loads(json.dumps(d))
    assert project.graph.node("d").class_name == "TimeDistributed" and not project.notes
    assert project.graph.node("c").params == {"axis": -1}


# -------------------------------------------------------------- hypothesis
def _json_values():
    scalars = (
        st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.sampled_from([10**10, -1, MAX_PORTS])
        | st.sampled_from(["__DIGITS_4000__", "__DIGITS_5000__"])
        | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20)
        | st.sampled_from(["", "Input", "Lambda", "TFSMLayer", "Placeholder", "d", "i", "\u202e", "a/b", "x\ny",
                           "\ud800", "x" * 5000])
    )
    return st.recursive(
        scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=12,
    )


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*prefix, i))


def _object_configs():
    """Serialised Keras objects, some of which a file must never make kbuilder load."""
    return st.fixed_dictionaries(
        {"class_name": st.sampled_from(["Lambda", "TFSMLayer", "Dense", "GlorotUniform", "function", "__lambda__",
                                        "Sequential", "L2", "Evil"]),
         "config": _json_values()},
        optional={"module": st.sampled_from([None, "keras", "keras.layers", "keras.initializers", "os", "builtins", 5]),
                  "registered_name": st.sampled_from([None, "x>y"])},
    )


BASE_PATHS = [p for p in _paths(base()) if p]
KEYS = ["id", "class_name", "name", "params", "position", "shared_with", "is_output", "extra", "src", "dst",
        "src_port", "dst_port", "graph", "nodes", "edges", "settings", "weights_file", "version", "format"]


@st.composite
def hostile_projects(draw):
    d = base()
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(BASE_PATHS))
        try:
            parent = d
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]]  # noqa: B018 - the path still exists after earlier edits
        except (KeyError, IndexError, TypeError):
            continue
        if not isinstance(parent, (dict, list)):
            continue
        action = draw(st.sampled_from(["value", "delete", "deep", "duplicate", "key", "param", "param"]))
        if action == "value":
            parent[path[-1]] = draw(_json_values())
        elif action == "delete":
            del parent[path[-1]]
        elif action == "deep":
            parent[path[-1]] = _deep_list(draw(st.sampled_from([1, 50, MAX_JSON_DEPTH - 10, MAX_JSON_DEPTH + 5, 3000])))
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
        elif action == "param":
            nodes = d.get("graph", {}).get("nodes") if isinstance(d.get("graph"), dict) else None
            node = draw(st.sampled_from(nodes)) if isinstance(nodes, list) and nodes else None
            if isinstance(node, dict) and isinstance(node.get("params"), dict):
                key = draw(st.sampled_from(["units", "activation", "layer", "axis", "shape", "dtype", "rate"]))
                node["params"][key] = draw(_json_values() | _object_configs())
                node["class_name"] = draw(st.sampled_from([node.get("class_name"), "Lambda", "TimeDistributed",
                                                           "Bidirectional", "Dense", "Evil", "Input", "Placeholder"]))
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]][draw(st.sampled_from(KEYS))] = draw(_json_values())
    return dump(d, ensure_ascii=draw(st.booleans()))


SAFE_CLASSES = {"Input", "Dense", "Concatenate", "TimeDistributed", "Bidirectional"}  # what the fuzz names


def _code_objects(value) -> list:
    found, stack = [], [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if item.get("class_name") in ("Lambda", "TFSMLayer", "function", "__lambda__", "Sequential"):
                found.append(item)
            if item.get("class_name") == "Evil" and item.get("module") == "keras.layers":
                found.append(item)  # an unknown layer class (with no module, Keras cannot find it at all)
            if item.get("module") not in (None, "keras", "keras.layers", "keras.initializers", "builtins"):
                found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(text=hostile_projects())
def test_fuzzed_projects_load_or_refuse_in_one_sentence(text):
    project = outcome(text)
    if project is not None:
        for node in project.graph.nodes:  # the rule, checked independently of kbuilder.layers.allowed
            if not node.is_placeholder:
                assert node.class_name in SAFE_CLASSES, node
                assert not _code_objects(node.params), node
                assert not (node.shared_with and project.graph.owner(node).is_placeholder), node
        start = time.monotonic()
        kbproj.dumps(project)  # what loaded can be saved
        check_structure(project.graph, basics.arity())  # and validated, within the same budget
        assert time.monotonic() - start < CASE_SECONDS


@FUZZ
@given(data=st.data())
def test_damaged_text_loads_or_refuses_in_one_sentence(data):
    text = json.dumps(base())
    cut = data.draw(st.integers(0, len(text)))
    junk = data.draw(st.text(max_size=5) | st.sampled_from(["[" * 3000, "{", "\\u", "\x00", "NaN", "1e999"]))
    outcome(text[:cut] + junk + text[cut + data.draw(st.integers(0, 3)):])


@FUZZ
@given(value=_json_values())
def test_any_json_value_is_a_project_or_one_sentence(value):
    outcome(dump(value))
    outcome(dump({"format": "kbuilder-project", "version": 2, "graph": value}))


# ---------------------------------------------------- the CLI, in a child
def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def run_cli(*argv, timeout=300):
    return subprocess.run(
        [sys.executable, "-m", "kbuilder.cli", *argv], capture_output=True, text=True, timeout=timeout,
        preexec_fn=_limit_memory,
    )


def assert_contract(result) -> None:
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stdout + result.stderr
    if result.returncode == 2:
        assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1, result.stderr


CLI_REFUSED = ["graph is text", "node is text", "weights_file is a number", "shared_with is a list", "dst_port -1",
               "dst_port 10**10", "src_port out of range", "parameter 5,000 deep", "duplicate id"]


@pytest.mark.parametrize("case", CLI_REFUSED)
def test_cli_refuses_hostile_projects_with_exit_2_and_one_line(tmp_path, case):
    edit = next(c[1] for c in REFUSED if c[0] == case)
    path = tmp_path / "hostile.kbproj"
    path.write_text(dump(edit(base())))
    for command in ("check", "summary"):
        result = run_cli(command, str(path))
        assert_contract(result)
        assert result.returncode == 2


def test_cli_on_brackets_and_dev_zero(tmp_path):
    deep = tmp_path / "deep.kbproj"
    deep.write_text("[" * 100_000)
    zero = tmp_path / "zero.kbproj"
    zero.symlink_to("/dev/zero")
    for path in (deep, zero):
        start = time.monotonic()
        result = run_cli("check", str(path))
        assert_contract(result)
        assert result.returncode == 2 and time.monotonic() - start < 60


@pytest.mark.slow
def test_cli_never_builds_a_lambda_from_a_project(tmp_path):
    path = tmp_path / "lambda.kbproj"
    path.write_text(json.dumps(_with_layer(*CODE_LAYERS[0])))
    result = run_cli("check", str(path))
    assert_contract(result)
    assert result.returncode == 1 and "placeholder" in result.stdout
    result = run_cli("summary", str(path))
    assert_contract(result)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1


def test_before_the_catalog_is_known_code_is_refused_and_nothing_is_built(tmp_path, monkeypatch):
    """The first run, with no catalog cache: opening a project imports no
    TensorFlow (the window must not wait), code classes still become
    placeholders, and a class the catalog would refuse is refused when the
    model is built."""
    import kbuilder.layers.allowed as allowed_module
    from kbuilder.keras_io.build import BuildError, build_model
    from kbuilder.layers import catalog

    monkeypatch.setattr(allowed_module, "_allowed", None)
    monkeypatch.setattr(catalog, "load_catalog_fast", lambda: None)
    built = []
    monkeypatch.setattr(catalog, "get_catalog", lambda: built.append(1))
    path = tmp_path / "code.kbproj"
    path.write_text(json.dumps(_with_layer("Lambda", {"function": "x"})))
    project = kbproj.load(path)
    assert any(n.class_name == "Placeholder" for n in project.graph.nodes) and not built
    path.write_text(json.dumps(_with_layer("NotAKerasLayer", {})))
    project = kbproj.load(path)
    monkeypatch.undo()  # building knows the catalog
    monkeypatch.setattr(allowed_module, "_allowed", None)
    with pytest.raises(BuildError, match="NotAKerasLayer"):
        build_model(project.graph)
