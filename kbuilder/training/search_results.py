"""A search folder and the trials in it, read without Keras.

A search keeps its trials beside the project (:func:`search_folder`): a
marker file (:data:`MARKER`) says what search the folder holds, KerasTuner
writes each trial's ``trial.json``, and kbuilder each trial's curves and
message (:data:`TRIAL_FILE`).  :func:`load_results` reads them back as
:class:`SearchResults` (for the trials table after a restart, and at the end
of a run), with bounded reads: a folder may come from anywhere.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kbuilder.core.limits import json_problem

MARKER = "kbuilder_search.json"  # in the search folder: what search it holds
TRIAL_FILE = "kbuilder_trial.json"  # in each trial's folder: its values and curves
MAX_RESULT_BYTES = 4 * 1024 * 1024  # a trial or marker file larger than this is not read


@dataclass
class TrialResult:
    """One trial: its values (by the names the user reads), how it ended
    (``completed``, ``failed``, or ``stopped``: not finished, to run again on
    resume), its score (best objective value, None if it has none), the epoch
    of that score (1-based), its curves (log name -> one value per epoch)."""

    number: int
    trial_id: str
    values: dict[str, Any]
    state: str
    score: float | None = None
    best_epoch: int | None = None
    history: dict[str, list[float]] = field(default_factory=dict)
    message: str = ""
    seconds: float = 0.0
    epochs: int | None = None  # Hyperband: the epochs this trial trained to

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResults:
    """Every trial of a search, and how to compare them (``objective``, ``direction``)."""

    objective: str
    direction: str  # "min" | "max"
    keys: list[str]
    trials: list[TrialResult] = field(default_factory=list)
    tuner: str = "random"

    def best(self) -> TrialResult | None:
        done = [t for t in self.trials if t.state == "completed" and t.score is not None]
        if not done:
            return None
        return (max if self.direction == "max" else min)(done, key=lambda t: t.score)

    def finished(self) -> list[TrialResult]:
        return [t for t in self.trials if t.state in ("completed", "failed")]


def search_folder(project_path: str | Path) -> Path:
    """Where the search of the project at ``project_path`` keeps its trials."""
    p = Path(project_path)
    return p.with_name(p.stem + ".search")


def direction_of(objective: str) -> str:
    """``"max"`` for an accuracy, ``"min"`` for a loss."""
    return "max" if "acc" in objective else "min"



def load_results(folder: str | Path) -> SearchResults | None:
    """The trials of the search in ``folder`` (None when it holds none), from
    its files alone: no Keras, bounded reads."""
    folder = Path(folder)
    marker = read_json(folder / MARKER)
    if marker is None:
        return None
    keys = [k for k in (marker.get("dimensions") or {}) if isinstance(k, str)]
    objective = str(marker.get("objective") or "val_loss")
    results = SearchResults(objective, direction_of(objective), keys, tuner=str(marker.get("tuner") or "random"))
    try:
        trial_dirs = sorted(p for p in folder.iterdir() if p.name.startswith("trial_") and p.is_dir())
    except OSError:
        return results
    for d in trial_dirs:
        t = read_trial(d, keys)
        if t is not None:
            results.trials.append(t)
    results.trials.sort(key=lambda t: t.number)
    return results


_STATES = {"COMPLETED": "completed", "FAILED": "failed", "INVALID": "failed"}


def read_trial(trial_dir: Path, keys: list[str]) -> TrialResult | None:
    """One trial from KerasTuner's ``trial.json`` and kbuilder's curves file."""
    info = read_json(trial_dir / "trial.json")
    if info is None or not isinstance(info.get("trial_id"), str):
        return None
    trial_id = info["trial_id"]
    hp = (info.get("hyperparameters") or {}).get("values") or {}
    values = {k: hp[k] for k in keys if k in hp}
    state = _STATES.get(str(info.get("status")), "stopped")
    score = info.get("score")
    score = float(score) if isinstance(score, (int, float)) and math.isfinite(score) else None
    step = info.get("best_step")
    extra = read_json(trial_dir / TRIAL_FILE) or {}
    history = {
        str(k): [float(v) if isinstance(v, (int, float)) else math.nan for v in vals]
        for k, vals in (extra.get("history") or {}).items()
        if isinstance(vals, list)
    }
    message = str(extra.get("message") or "")
    if state == "failed" and not message:
        message = last_line(str(info.get("message") or ""))
    number = int(trial_id) + 1 if trial_id.isdigit() else 0
    epochs = hp.get("tuner/epochs") if isinstance(hp.get("tuner/epochs"), int) else None
    return TrialResult(
        number,
        trial_id,
        values,
        state,
        score if state == "completed" else None,
        int(step) + 1 if isinstance(step, int) and state == "completed" else None,
        history,
        message,
        float(extra.get("seconds") or 0.0),
        epochs,
    )


def read_json(path: Path) -> dict | None:
    """A kbuilder or KerasTuner JSON file as a dict, or None (missing, too large, damaged)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_RESULT_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_RESULT_BYTES:
        return None
    try:
        d = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(d, dict) or json_problem(d):
        return None
    return d


def last_line(text: str) -> str:
    """The message of the last exception in a traceback KerasTuner kept."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    if not lines:
        return ""
    last = lines[-1]
    for prefix in ("keras_tuner.src.errors.FailedTrialError: ", "FailedTrialError: "):
        if last.startswith(prefix):
            return last[len(prefix) :]
    return last
