"""Model files for the import tests, made once per session.

``_make_models.py`` runs in its own process per library, so tf_keras
(Keras 2) and Keras 3 never share one: ``k2_files`` are made by tf_keras
(``.h5`` and its ``.keras``, plus ``tf213_*.keras`` in the layout
TensorFlow 2.13-2.15 wrote), ``k3_files`` by Keras 3.  Each model has
random weights and reference predictions made by the library that saved it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MARKER_NAME = "LAMBDA_RAN.txt"


@dataclass
class ModelFiles:
    folder: Path
    manifest: dict
    refs: dict

    @property
    def marker(self) -> Path:
        return self.folder / MARKER_NAME

    def path(self, key: str, fmt: str) -> Path:
        return Path(self.manifest[key]["files"][fmt])

    def io(self, key: str) -> tuple[list[np.ndarray], list[np.ndarray]]:
        info = self.manifest[key]
        ref = info.get("refs", key)
        xs = [self.refs[f"{ref}/in{i}"] for i in range(info["n_in"])]
        ys = [self.refs[f"{ref}/out{i}"] for i in range(info["n_out"])]
        return xs, ys


def _make(lib: str, folder: Path) -> ModelFiles:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    proc = subprocess.run(
        [sys.executable, str(HERE / "_make_models.py"), lib, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"making the {lib} model files failed:\n{proc.stderr[-3000:]}")
    manifest = json.loads((folder / f"{lib}_manifest.json").read_text())
    with np.load(folder / f"{lib}_refs.npz", allow_pickle=False) as data:
        refs = {k: data[k] for k in data.files}
    return ModelFiles(folder, manifest, refs)


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("model_files")


@pytest.fixture(scope="session")
def k2_files(model_dir) -> ModelFiles:
    # tf_keras is a test dependency (pyproject's [test] extra): without it the Keras 2 tests fail, never skip.
    if importlib.util.find_spec("tf_keras") is None:
        pytest.fail("tf_keras (Keras 2) is not installed: `pip install -e '.[test]'` installs it")
    return _make("k2", model_dir)


@pytest.fixture(scope="session")
def k3_files(model_dir) -> ModelFiles:
    return _make("k3", model_dir)


@pytest.fixture(scope="session")
def files(request):
    """``files("k2")`` / ``files("k3")``: the session's files of one library."""

    def get(lib: str) -> ModelFiles:
        return request.getfixturevalue(f"{lib}_files")

    return get


# ------------------------------------------------------------------ issue 15
@dataclass
class Issue15Files:
    """SavedModel folders, raw-TF-operation, nested-JSON and custom-layer
    models made by ``_make_issue15.py`` with tf_keras."""

    folder: Path
    manifest: dict
    refs: dict

    @property
    def marker(self) -> Path:
        return self.folder / "ISSUE15_RAN.txt"

    def path(self, key: str) -> Path:
        return Path(self.manifest[key]["path"])

    def io(self, key: str) -> tuple[list[np.ndarray], list[np.ndarray]]:
        info = self.manifest[key]
        return ([self.refs[f"{key}/in{i}"] for i in range(info["n_in"])],
                [self.refs[f"{key}/out{i}"] for i in range(info["n_out"])])


@pytest.fixture(scope="session")
def issue15_files(model_dir) -> Issue15Files:
    if importlib.util.find_spec("tf_keras") is None:
        pytest.fail("tf_keras (Keras 2) is not installed: `pip install -e '.[test]'` installs it")
    folder = model_dir / "issue15"
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    proc = subprocess.run([sys.executable, str(HERE / "_make_issue15.py"), str(folder)], capture_output=True,
                          text=True, env=env, timeout=900, check=False)
    if proc.returncode != 0:
        pytest.fail(f"making the issue 15 model files failed:\n{proc.stderr[-3000:]}")
    with np.load(folder / "refs.npz", allow_pickle=False) as data:
        refs = {k: data[k] for k in data.files}
    return Issue15Files(folder, json.loads((folder / "manifest.json").read_text()), refs)
