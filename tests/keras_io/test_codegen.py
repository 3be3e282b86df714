"""Exported Python: safe literals, ruff-stable, and the same model as build_model."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbuilder.core.graph import Graph, Node
from kbuilder.keras_io.codegen import ExportError, export_code, string_literal

ROOT = Path(__file__).resolve().parents[2]
RUFF = Path(sys.executable).with_name("ruff")
EVIL = 'x"); import os; os.system("echo pwned; touch pwned") #'


# ------------------------------------------------------------------ graphs
def mlp() -> Graph:
    g = Graph("mlp")
    x = g.add_input((28, 28), name="image")
    f = g.add("Flatten", inputs=[x])
    d = g.add("Dense", inputs=[f], units=32, activation="relu")
    g.add("Dense", inputs=[d], units=10, activation="softmax", name="probabilities")
    return g


def two_input_concat() -> Graph:
    g = Graph("two inputs")
    a = g.add_input((8,), name="a")
    b = g.add_input((4,), name="b")
    c = g.add("Concatenate", inputs=[b, a])
    g.add("Dense", inputs=[c], units=1)
    return g


def multi_output() -> Graph:
    g = Graph("multi")
    x = g.add_input((16,), name="features")
    h = g.add("Dense", inputs=[x], units=8, activation="relu", name="hidden")
    g.add("Dense", inputs=[h], units=3, activation="softmax", name="kind")
    g.add("Dense", inputs=[h], units=1, name="price")
    return g


def shared_lstm() -> Graph:
    g = Graph("siamese")
    a = g.add_input((5, 2), name="left")
    b = g.add_input((5, 2), name="right")
    lstm = g.add("LSTM", inputs=[a], units=4, name="lstm")
    again = g.share(lstm, inputs=[b])
    c = g.add("Concatenate", inputs=[lstm, again])
    g.add("Dense", inputs=[c], units=1, activation="sigmoid")
    return g


def inception() -> Graph:
    g = Graph("inception")
    x = g.add_input((16, 16, 3), name="image")
    b1 = g.add("Conv2D", inputs=[x], filters=4, kernel_size=[1, 1], padding="same")
    b2 = g.add("Conv2D", inputs=[x], filters=4, kernel_size=[1, 1], padding="same")
    b2 = g.add("Conv2D", inputs=[b2], filters=6, kernel_size=[3, 3], padding="same")
    b3 = g.add("MaxPooling2D", inputs=[x], pool_size=[3, 3], strides=[1, 1], padding="same")
    b3 = g.add("Conv2D", inputs=[b3], filters=2, kernel_size=[1, 1], padding="same")
    g.add("Concatenate", inputs=[b3, b1, b2], axis=-1)
    return g


def evil() -> Graph:
    g = Graph(EVIL)
    x = g.add_input((4,), name=EVIL + "\n'''\"\"\"")
    g.add("Dense", inputs=[x], units=2, name=EVIL, activation="relu", **{EVIL: EVIL})
    g.nodes[-1].params.pop(EVIL)  # an odd key is checked elsewhere; Keras would refuse it
    g.add(
        "Dense",
        inputs=[g.nodes[-1]],
        units=1,
        name="ok",
        kernel_initializer={"class_name": "Constant", "config": {"value": 0.5}},
    )
    return g


def awkward_names() -> Graph:
    """Names that clash with Python, the generated code, or keras.Model attributes."""
    g = Graph("Model")
    prev = g.add_input((4,), name="inputs")
    for name in ("layers", "name", "summary", "call", "self", "build_model", "model", "def", "x", "dense-1"):
        prev = g.add("Dense", inputs=[prev], units=2, name=name)
    return g


GRAPHS = {
    "awkward_names": (awkward_names, ("functional", "sequential", "subclass")),
    "mlp": (mlp, ("functional", "sequential", "subclass")),
    "two_input_concat": (two_input_concat, ("functional", "subclass")),
    "multi_output": (multi_output, ("functional", "subclass")),
    "shared_lstm": (shared_lstm, ("functional", "subclass")),
    "inception": (inception, ("functional", "subclass")),
}


def load(code: str, path: Path):
    path.write_text(code)
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ruff_format(code: str, *extra: str) -> str:
    out = subprocess.run(
        [str(RUFF), "format", "--isolated", *extra, "-"], input=code, capture_output=True, text=True, check=True
    )
    return out.stdout


def connections(model) -> list[tuple[str, list[str]]]:
    """(layer class, [source layer class, ...] per call) for a functional model."""
    out = []
    for layer in model.layers:
        for node in layer._inbound_nodes:
            srcs = [t._keras_history[0].__class__.__name__ for t in node.input_tensors]
            out.append((layer.__class__.__name__, srcs))
    return sorted(out)


# ------------------------------------------------------------------ fast tests
@given(st.text())
@settings(max_examples=300, deadline=None)
def test_string_literal_round_trips(text):
    lit = string_literal(text)
    assert ast.literal_eval(lit) == text
    assert "\n" not in lit and "\r" not in lit


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_export_is_valid_and_ruff_stable(name):
    make, styles = GRAPHS[name]
    for style in styles:
        code = export_code(make(), style)
        compile(code, f"<{name}-{style}>", "exec")
        assert ruff_format(code) == code, style
        assert ruff_format(code, "--line-length", "120") == code, style
        assert "def build_model():" in code and 'if __name__ == "__main__":' in code


def test_sequential_refused_for_non_chains():
    for make in (two_input_concat, multi_output, shared_lstm, inception):
        with pytest.raises(ExportError, match="single chain"):
            export_code(make(), "sequential")


def test_unknown_style_and_bad_class_name_refused():
    with pytest.raises(ExportError):
        export_code(mlp(), "keras2")
    g = mlp()
    g.overwrite(g.nodes[1].id, class_name="Flatten(); import os #")
    with pytest.raises(ExportError, match="invalid class name"):
        export_code(g)


def test_variable_names_are_identifiers_unique_and_not_keywords():
    g = Graph()
    x = g.add_input((3,), name="class")
    a = g.add("Dense", inputs=[x], units=2, name="dense-1")
    b = g.add("Dense", inputs=[a], units=2, name="dense 1")
    c = g.add("Dense", inputs=[b], units=2, name="1st")
    g.add("Dense", inputs=[c], units=2, name="keras")
    g.add("Dense", inputs=[g.nodes[-1]], units=2, name="ünïcode")
    code = export_code(g)
    for var in ("class_ =", "dense_1 =", "dense_1_2 =", "layer_1st =", "keras_ =", "n_code ="):
        assert var in code
    compile(code, "<names>", "exec")


def test_params_are_keywords_in_stable_order_and_odd_keys_are_safe():
    g = Graph()
    x = g.add_input((3,), name="x0")
    g.add("Dense", inputs=[x], activation="relu", use_bias=False, units=2, **{"not valid": 1})
    code = export_code(g)
    keys = [
        code.index(k) for k in ("units=2", 'activation="relu"', '**{"not valid": 1}', "use_bias=False", 'name="dense"')
    ]
    assert keys == sorted(keys)
    assert '**{"not valid": 1}' in code


def test_placeholder_becomes_a_todo_stub():
    g = Graph()
    x = g.add_input((3,), name="x0")
    p = g.add_node(Node("Placeholder", "my lambda", extra={"config": {"function": "..."}, "original_class": "Lambda"}))
    g.connect(x.id, p.id)
    g.add("Dense", inputs=[p], units=1)
    for style in ("functional", "sequential", "subclass"):
        code = export_code(g, style)
        assert code.index("# TODO") < code.index("import keras")
        assert '#   - layer "my lambda" (was "Lambda")' in code
        assert "def my_lambda_todo(inputs):" in code
        assert "raise NotImplementedError(" in code
        assert ruff_format(code) == code


def test_evil_names_stay_data(tmp_path):
    code = export_code(evil())
    assert ruff_format(code) == code
    tree = ast.parse(code)
    imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert [ast.unparse(n) for n in imports] == ["import keras", "from keras import layers"]
    # Only keras/layers/build_model/print-free calls at module level.
    assert all(isinstance(n, (ast.Expr, ast.Import, ast.ImportFrom, ast.FunctionDef, ast.If)) for n in tree.body)


# ------------------------------------------------------------------ Keras tests
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_exported_model_matches_build_model(name, tmp_path):
    from kbuilder.keras_io import build
    make, styles = GRAPHS[name]
    expected = build.build_model(make())
    for style in styles:
        module = load(export_code(make(), style), tmp_path / f"exported_{name}_{style}.py")
        model = module.build_model()
        assert model.count_params() == expected.count_params(), style
        classes = sorted(type(layer).__name__ for layer in model.layers if type(layer).__name__ != "InputLayer")
        want = sorted(type(layer).__name__ for layer in expected.layers if type(layer).__name__ != "InputLayer")
        assert classes == want, style
        if style == "functional":
            assert connections(model) == connections(expected), style
        if style != "subclass":
            names = [layer.name for layer in model.layers if type(layer).__name__ != "InputLayer"]
            assert names == [layer.name for layer in expected.layers if type(layer).__name__ != "InputLayer"], style


@pytest.mark.slow
def test_main_runs_and_evil_name_does_nothing(tmp_path):
    path = tmp_path / "evil_model.py"
    path.write_text(export_code(evil()))
    proc = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Total params" in proc.stdout
    assert "pwned" not in proc.stdout.splitlines()
    assert not (tmp_path / "pwned").exists()


def test_modules_import_without_qt_or_keras():
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import kbuilder.keras_io.codegen, kbuilder.keras_io.from_config, kbuilder.core.layout\n"
        "from tests.keras_io.test_codegen import inception\n"
        "kbuilder.keras_io.codegen.export_code(inception(), 'subclass')\n"
        "assert 'keras' not in sys.modules and 'tensorflow' not in sys.modules, 'keras imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.slow
def test_imported_application_exports_ruff_stable_and_equal(tmp_path):
    from kbuilder.keras_io.importing import graph_from_json
    from kbuilder.layers.backend import keras

    original = keras().applications.MobileNetV2(weights=None, input_shape=(32, 32, 3), classes=10)
    graph = graph_from_json(original.to_json()).graph
    code = export_code(graph)
    assert ruff_format(code) == code
    model = load(code, tmp_path / "mobilenet.py").build_model()
    assert model.count_params() == original.count_params()
    assert connections(model) == connections(original)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@given(
    names=st.lists(st.text(min_size=1, max_size=40).filter(str.strip), min_size=3, max_size=3, unique_by=str.strip),
    model_name=st.text(max_size=40),
    params=st.dictionaries(st.text(min_size=1, max_size=12), _json, max_size=4),
    style=st.sampled_from(["functional", "sequential", "subclass"]),
)
@settings(max_examples=40, deadline=None)
def test_any_names_and_params_stay_data(names, model_name, params, style):
    g = Graph(model_name)
    x = g.add_input((3,), name=names[0].strip())
    d = g.add("Dense", inputs=[x], name=names[1].strip(), units=2)
    g.set_params(d.id, {**params, "units": 2})
    g.add("Dropout", inputs=[d], name=names[2].strip(), rate=0.5)
    code = export_code(g, style)
    assert ruff_format(code) == code
    tree = ast.parse(code)
    # Every call is to a name the exporter writes, never to something from the graph.
    allowed = {"keras.Input", "keras.Model", "keras.Sequential", "layers.Dense", "layers.Dropout", "model.add"}
    allowed |= {"model.summary", "build_model", "super", "super().__init__", "float", "model"}
    defined = {n.name for n in ast.walk(tree) if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    assigned = {ast.unparse(t) for n in ast.walk(tree) if isinstance(n, ast.Assign) for t in n.targets}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func.func if isinstance(node.func, ast.Call) else node.func  # layers.Dense(...)(x)
            name = ast.unparse(func)
            assert name in allowed | defined | assigned, name
    # The layer's parameters come back unchanged (tuples for int lists).
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func) == "layers.Dense")
    values = {}
    for kw in call.keywords:
        value = eval(compile(ast.Expression(kw.value), "<kw>", "eval"), {"__builtins__": {}, "float": float})
        if kw.arg is None:
            values.update(value)
        else:
            values[kw.arg] = value
    for key, value in params.items():
        if key != "name" and key != "units" and not _has_nonfinite(value):
            assert _lists(values[key]) == _lists(value), key


def _lists(value):
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


def _has_nonfinite(value):
    if isinstance(value, float):
        return value != value or value in (float("inf"), float("-inf"))
    if isinstance(value, (list, tuple)):
        return any(_has_nonfinite(v) for v in value)
    if isinstance(value, dict):
        return any(_has_nonfinite(v) for v in value.values())
    return False
