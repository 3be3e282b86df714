"""File > Export notebook: a valid .ipynb whose code cells, run in order in a
fresh Python process, train the model (one epoch on the bundled digits)."""

from __future__ import annotations

import os
import subprocess
import sys

import nbformat
import pytest
from training_graphs import digits_graph

from kbuilder.training.fit_setup import TrainingError
from kbuilder.training.notebook import code_cells, export_notebook, write_notebook


def runnable(cells: list[str]) -> str:
    """The code cells as one program; IPython magics and shell lines (% !) left out."""
    lines = []
    for cell in cells:
        lines += [ln for ln in cell.splitlines() if not ln.lstrip().startswith(("%", "!"))]
        lines.append("")
    return "\n".join(lines)


@pytest.mark.slow
def test_the_notebook_runs_top_to_bottom_in_a_fresh_process(tmp_path):
    settings = {
        "training": {
            "dataset": "digits",
            "epochs": 1,
            "batch_size": 64,
            "callbacks": {"early_stopping": {"enabled": True, "patience": 2}},
        }
    }
    nb = export_notebook(digits_graph(), settings)
    path = write_notebook(nb, tmp_path / "digits.ipynb")
    again = nbformat.read(path, as_version=4)
    nbformat.validate(again)
    headings = [c.source.splitlines()[0] for c in again.cells if c.cell_type == "markdown"]
    assert headings[1:] == [
        "## 1. Install",
        "## 2. Data",
        "## 3. The model",
        "## 4. Train",
        "## 5. Curves",
        "## 6. Test and save",
    ]
    cells = code_cells(again)
    assert "pip" in cells[0] and "find_spec" in cells[0]  # installs only what is missing
    assert not any("kbuilder" in c for c in cells)

    program = tmp_path / "notebook.py"
    program.write_text(runnable(cells))
    out = subprocess.run(
        [sys.executable, str(program)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"},
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert out.stdout.startswith("ready")  # nothing was missing, nothing was installed
    assert "Total params" in out.stdout  # model.summary()
    assert "val_loss" in out.stdout and "test: " in out.stdout
    assert (tmp_path / "trained_model.keras").stat().st_size > 0


def test_a_notebook_needs_a_notebook_suffix(tmp_path):
    with pytest.raises(TrainingError, match=r"\.ipynb"):
        write_notebook(nbformat.v4.new_notebook(), tmp_path / "x.py")
