"""The layering of kbuilder, as pyproject.toml's import-linter contracts
state it: ui > training > project > keras_io > layers > core, each importing
only the layers below; no Qt outside ui/ (and app.py); no Keras, TensorFlow
or numpy in the core.  A new import that breaks a rule turns this red."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    command = [str(lint)] if lint.exists() else [sys.executable, "-m", "importlinter.cli"]
    out = subprocess.run([*command, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "Contracts: 3 kept, 0 broken." in out.stdout
