"""The model side of kbuilder imports with no Qt at all (ryvencore/napari rule)."""

import subprocess
import sys

CODE = r"""
import sys
sys.modules["PySide6"] = None  # any 'import PySide6' now raises ImportError
import kbuilder.core.graph, kbuilder.core.commands, kbuilder.core.validate
import kbuilder.project.kbproj, kbuilder.project.templates, kbuilder.project.loader
import kbuilder.layers.catalog
import kbuilder.keras_io.build, kbuilder.keras_io.shapes, kbuilder.keras_io.check
import kbuilder.keras_io.summary, kbuilder.keras_io.codegen, kbuilder.keras_io.from_config
import kbuilder.core.layout, kbuilder.keras_io.model_file
import kbuilder.training
from kbuilder.core.graph import Graph
g = Graph(); x = g.add_input((4,)); g.add("Dense", inputs=[x], units=2)
assert not any(m.startswith("PySide6") for m in sys.modules if sys.modules[m] is not None)
assert "tensorflow" not in sys.modules, "importing kbuilder must not import TensorFlow"
print("ok")
"""


def test_model_side_imports_without_pyside6_or_tensorflow():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"
