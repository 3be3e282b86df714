"""The hyperparameter search: KerasTuner driving kbuilder's own training path.

No Qt.  A :class:`Search` runs RandomSearch, Hyperband or
BayesianOptimization over a :class:`~kbuilder.training.search_space.SearchSpace`.
Every trial builds the graph with that trial's values through the same
path as Train (:class:`~kbuilder.training.session.TrainingSession`:
``kbuilder.keras_io.build``, the same compile, the same data recipe, split,
seed, preprocessing plan and pre-flight check) and fits it with the same
batch size, shuffling, class weights and early-stopping settings.

Progress is a stream of ``emit(kind, payload)`` calls, as the training
session sends them, so a UI worker can forward them as signals:

``search_begin``  {keys, objective, direction, tuner, trials, epochs, resumed, finished: [trial dicts], notes}
``trial_begin``   {trial, trial_id, values}
``begin`` / ``epoch_begin`` / ``batch`` / ``epoch`` / ``train_end``: the live
                  training callback's events, each with ``trial`` added
``trial_end``     a trial dict (see :class:`TrialResult`)
``search_end``    {stopped, best: trial dict or None, message}
``status``        {text}

:meth:`Search.stop` (any thread) ends the running trial and the search;
finished trials stay in the search folder (beside the project:
:func:`search_folder`), and ``Search(..., resume=True)`` continues from it,
running the stopped trial again.  :func:`load_results` reads a folder
without Keras (for the trials table after a restart).

The objective (what "best" means): ``val_accuracy`` for a model with one
output whose metrics include accuracy (a classifier), else ``val_loss``;
a trial's score is the best value its epochs reached.  Without validation
data the training figures are compared instead, and a note says so.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kbuilder.core.commands import Compound, SetParams
from kbuilder.core.limits import json_problem
from kbuilder.training.config import TrainConfig
from kbuilder.training.search_space import (
    COMPILE_KEYS,
    Dimension,
    SearchSettings,
    SearchSpace,
    SearchSpaceError,
    check_space,
)

Emit = Callable[[str, dict], None]

MARKER = "kbuilder_search.json"  # in the search folder: what search it holds
TRIAL_FILE = "kbuilder_trial.json"  # in each trial's folder: its values and curves
MAX_RESULT_BYTES = 4 * 1024 * 1024  # a trial or marker file larger than this is not read
# Callbacks of the training settings a trial uses too; the others write files
# (checkpoints, logs) that each trial would overwrite.
TRIAL_CALLBACKS = ("EarlyStopping", "ReduceLROnPlateau")


class TuningError(Exception):
    """The search cannot start or ended badly; the message is for the user."""


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
    return "max" if "acc" in objective else "min"


# ------------------------------------------------------------------ values
def graph_with_values(graph, dims: dict[str, Dimension], values: dict[str, Any]):
    """A copy of ``graph`` with the layer parameters among ``values`` set."""
    g = graph.copy()
    for key, dim in dims.items():
        if dim.node_id is not None and key in values:
            g.set_param(dim.node_id, dim.param, values[key])
    return g


def config_with_values(config: TrainConfig, values: dict[str, Any]) -> TrainConfig:
    """A copy of the training settings with the compile settings among ``values``."""
    cfg = config.copy()
    for key in COMPILE_KEYS:
        if key in values:
            setattr(cfg, key, values[key])
    if cfg.optimizer.lower() != config.optimizer.lower():
        cfg.optimizer_options = {}  # the options were the other optimizer's (Adam's beta_1 means nothing to SGD)
    return cfg


def apply_best(graph, values: dict[str, Any]) -> Compound:
    """One undoable command that writes the layer values among ``values``
    (keys ``NODE.PARAM`` by the names in ``graph``) into the graph; compile
    settings are left to :func:`training_settings_with`.  The command is not
    run: push it on the undo stack (``History.push`` or the UI's wrapper)."""
    changes: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        if key in COMPILE_KEYS:
            continue
        layer, _, param = key.rpartition(".")
        node = graph.find(layer) if layer else None
        if node is None:
            raise TuningError(f"The model has no layer named {layer!r} any more, so {key} cannot be applied.")
        changes.setdefault(node.id, {})[param] = value
    children = []
    for node_id, params in changes.items():
        old = copy.deepcopy(graph.node(node_id).params)
        new = {**old, **params}
        if new != old:
            children.append(SetParams(node_id, old, new, text="Apply best values"))
    return Compound(children, text="Apply the best trial's values")


def training_settings_with(training: dict | None, values: dict[str, Any]) -> dict:
    """The project's training settings (``settings["training"]``) with the
    compile settings among ``values`` (learning rate, optimizer, batch size)."""
    return config_with_values(TrainConfig.from_dict(training or {}), values).to_dict()


def choose_objective(session, requested: str = "auto") -> tuple[str, list[str]]:
    """(objective, notes) for a prepared session; see the module doc."""
    outputs = list(session.outputs.values())
    accuracy = len(outputs) == 1 and "accuracy" in [str(m) for m in (outputs[0].metrics or [])]
    if requested == "val_accuracy" and not accuracy:
        raise TuningError(
            "The objective val_accuracy needs a model with one output and the accuracy metric; choose val_loss."
        )
    name = requested if requested != "auto" else ("val_accuracy" if accuracy else "val_loss")
    notes = []
    if not session.prepared.n("val"):
        name = name[len("val_") :]
        notes.append(f"There is no validation data, so trials are compared on the training {name}.")
    return name, notes


# ------------------------------------------------------------------ the search
class Search:
    """One search over ``space`` for ``graph``, trained as ``training`` (a
    TrainConfig or the project's ``settings["training"]``) says.  ``folder``
    keeps the trials; ``resume=True`` continues the search found there (the
    same model, space and settings), else a search found there is replaced.
    One :meth:`run` per object: to go on after :meth:`stop`, make a new one
    with ``resume=True``."""

    def __init__(
        self,
        graph,
        space: SearchSpace,
        training: TrainConfig | dict | None = None,
        *,
        folder: str | Path,
        resume: bool = False,
        workdir: str | Path | None = None,
    ) -> None:
        from kbuilder.training.live_callback import TrainingControl

        self.graph = graph.copy()
        self.space = space.copy()
        self.settings: SearchSettings = self.space.settings
        self.config = training.copy() if isinstance(training, TrainConfig) else TrainConfig.from_dict(training)
        self.folder = Path(folder)
        self.resume = resume
        self.workdir = Path(workdir) if workdir else self.folder.parent
        self.control = TrainingControl()
        self.dims: dict[str, Dimension] = {}
        self.objective = ""
        self.notes: list[str] = []
        self.session = None
        self.tuner = None
        self._trial_t0: dict[str, float] = {}
        self._current: str | None = None  # the running trial's id
        self._emit: Emit = lambda kind, payload: None

    # -------------------------------------------------------------- control
    def stop(self) -> None:
        """End the running trial now and start no other; safe from any thread."""
        self.control.stop()

    @property
    def stop_requested(self) -> bool:
        return self.control.stop_requested

    # ------------------------------------------------------------------ run
    def prepare(self) -> None:
        """Check the space against the model, load and prepare the data, run
        the pre-flight check on the model as it is, and choose the objective:
        the problems every trial would have, found once.  Raises TuningError."""
        from kbuilder.layers.backend import keras
        from kbuilder.training.session import TrainingError, TrainingSession

        try:
            dims = check_space(self.space, self.graph)
        except SearchSpaceError as exc:
            raise TuningError(_sentence(str(exc))) from None
        self.dims = {d.key(self.graph): d for d in dims}
        keras().config.disable_interactive_logging()
        self.session = TrainingSession(self.graph, self.config.copy(), workdir=self.workdir)
        self.session.control = self.control
        try:
            self.session.prepare()
            self.objective, self.notes = choose_objective(self.session, self.settings.objective)
        except TrainingError as exc:
            raise TuningError(str(exc)) from None

    def run(self, emit: Emit | None = None) -> SearchResults:
        """Run the search to its end (or to :meth:`stop`); return every trial
        in the folder.  Raises :class:`TuningError`."""
        self._emit = emit or (lambda kind, payload: None)
        if self.session is None:
            self._emit("status", {"text": "Preparing the data…"})
            self.prepare()
        epochs = int(self.settings.epochs or self.config.epochs)
        resumed = self._prepare_folder(epochs)
        self.tuner = self._make_tuner(epochs)
        done = load_results(self.folder)
        self._emit(
            "search_begin",
            {
                "keys": list(self.dims),
                "objective": self.objective,
                "direction": direction_of(self.objective),
                "tuner": self.settings.tuner,
                "trials": int(self.settings.trials),
                "epochs": epochs,
                "resumed": resumed,
                "finished": [t.to_dict() for t in (done.finished() if done else [])],
                "notes": list(self.notes),
            },
        )
        stopped = False
        try:
            if not self.stop_requested:
                self.tuner.search(epochs=epochs, verbose=0)
        except Exception as exc:  # noqa: BLE001 - a stop, or a failure in plain words
            if _is_stop(exc):
                stopped = True
            else:
                raise TuningError(_failure(exc)) from None
        stopped = stopped or self.stop_requested
        results = load_results(self.folder) or SearchResults(
            self.objective, direction_of(self.objective), list(self.dims)
        )
        best = results.best()
        n = len(results.finished())
        message = (
            f"Stopped after {n} finished trial{'s' if n != 1 else ''}; they are kept."
            if stopped
            else f"Finished {n} trial{'s' if n != 1 else ''}."
        )
        if best is None and n:
            message += " No trial completed: see the trials' messages."
        self._emit("search_end", {"stopped": stopped, "best": best.to_dict() if best else None, "message": message})
        return results

    # ------------------------------------------------------------ the folder
    def _fingerprint(self, epochs: int) -> dict[str, Any]:
        from kbuilder.project.document import model_key

        base = self.graph.copy()  # the searched parameters' own values do not matter
        for dim in self.dims.values():
            if dim.node_id is not None:
                base.set_param(dim.node_id, dim.param, None)
        training = self.config.to_dict()
        for key in ("epochs", *[k for k in COMPILE_KEYS if k in self.dims]):
            training.pop(key, None)  # the search decides these
        return {
            "model": hashlib.sha256(model_key(base).encode("utf-8")).hexdigest(),
            "dimensions": {k: d.to_dict() for k, d in self.dims.items()},
            "training": training,
            "tuner": self.settings.tuner,
            "epochs": epochs,
            "objective": self.objective,
        }

    def _prepare_folder(self, epochs: int) -> bool:
        """Check or clear the folder; True when an earlier search is resumed."""
        from kbuilder.project.kbproj import ProjectError, atomic_write_text

        marker = self.folder / MARKER
        mine = {"format": "kbuilder-search", "version": 1, **self._fingerprint(epochs)}
        mine = json.loads(json.dumps(mine, default=str))  # as it reads back from the file
        old = _read_json(marker)
        if self.folder.exists():
            if old is None and any(self.folder.iterdir()):
                raise TuningError(
                    f"{self.folder} exists and is not a kbuilder search folder; move it away or "
                    "choose another project name."
                )
            if self.resume and old is not None:
                same = all(old.get(k) == v for k, v in mine.items())
                if not same:
                    raise TuningError(
                        "The search folder holds a search of a different model, search space or "
                        "settings, so it cannot be resumed: start a new search."
                    )
                return True
            shutil.rmtree(self.folder, ignore_errors=True)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(marker, json.dumps(mine, indent=1, default=str))
        except (OSError, ProjectError) as exc:
            raise TuningError(f"Cannot write the search folder {self.folder}: {exc}") from None
        return False

    # ------------------------------------------------------------- KerasTuner
    def _make_tuner(self, epochs: int):
        import keras_tuner as kt

        common = {
            "hypermodel": _hypermodel_class()(self),
            "objective": kt.Objective(self.objective, direction_of(self.objective)),
            "seed": int(self.config.data.seed),
            "directory": str(self.folder.parent),
            "project_name": self.folder.name,
            "overwrite": False,
            "max_consecutive_failed_trials": 3,
        }
        kind = self.settings.tuner
        cls = _tuner_class(kind)
        try:
            if kind == "hyperband":
                tuner = cls(self, max_epochs=max(1, epochs), factor=3, hyperband_iterations=1, **common)
                tuner.oracle.max_trials = int(self.settings.trials)  # Hyperband's own schedule, capped
            else:
                tuner = cls(self, max_trials=int(self.settings.trials), **common)
        except Exception as exc:  # noqa: BLE001 - e.g. the model cannot be built with the first values
            raise TuningError(_failure(exc)) from None
        return tuner

    def _declare(self, hp) -> dict[str, Any]:
        values = {}
        for key, dim in self.dims.items():
            if not dim.is_range:
                values[key] = hp.Choice(key, list(dim.values))
            elif dim.integer:
                values[key] = hp.Int(
                    key, int(dim.lo), int(dim.hi), step=_int_or_none(dim.step), sampling="log" if dim.log else "linear"
                )
            else:
                values[key] = hp.Float(
                    key, float(dim.lo), float(dim.hi), step=dim.step, sampling="log" if dim.log else "linear"
                )
        return values

    def _build(self, hp):
        """KerasTuner's build(hp): the graph with the trial's values, built and
        compiled by the training session (its seed, optimizer, losses, metrics)."""
        from kbuilder.training.session import TrainingError

        values = self._declare(hp)
        s = self.session
        s.graph = graph_with_values(self.graph, self.dims, values)
        s.config = config_with_values(self.config, values)
        s.model = None
        try:
            return s.build()
        except TrainingError as exc:
            raise self._fail(str(exc)) from None

    def _fit(self, hp, model, callbacks=None, epochs=1, initial_epoch=0, **_ignored):
        """KerasTuner's fit: the training session's data and settings."""
        from kbuilder.training.live_callback import make_live_callback
        from kbuilder.training.session import TrainingError, callback_specs, translate_error

        k = _keras()
        s = self.session
        s.model = model  # Hyperband may have loaded an earlier trial's weights into it
        trial_id = self._current or "0"
        number = int(trial_id) + 1
        try:
            s.prepare()
            x, y = s.prepared.xy("train")
            val = s.prepared.xy("val") if s.prepared.n("val") else None
            class_weight = s._class_weight(y)
        except TrainingError as exc:
            raise self._fail(str(exc)) from None

        def emit(kind: str, payload: dict) -> None:
            self._emit(kind, {**payload, "trial": number})

        live = make_live_callback(emit, self.control, stop_on_nan=True)
        extra = [getattr(k.callbacks, name)(**kw) for name, kw in callback_specs(s.config) if name in TRIAL_CALLBACKS]
        try:
            history = model.fit(
                x,
                y,
                epochs=int(epochs),
                initial_epoch=int(initial_epoch),
                batch_size=int(s.config.batch_size),
                shuffle=bool(s.config.shuffle),
                validation_data=val,
                class_weight=class_weight,
                callbacks=list(callbacks or []) + [live] + extra,
                verbose=0,
            )
        except Exception as exc:  # noqa: BLE001
            if self.stop_requested:
                raise _stopped() from None
            raise self._fail(str(translate_error(exc))) from None
        if self.stop_requested:
            raise _stopped()
        curves = {key: [float(v) for v in vals] for key, vals in history.history.items()}
        self._write_trial(trial_id, curves, int(initial_epoch))
        if live.nan_at is not None:
            raise self._fail("The loss became NaN (not a number): try a smaller learning rate.", curves)
        return history

    def _fail(self, message: str, curves: dict | None = None):
        """The exception that makes KerasTuner mark the running trial failed,
        its message kept for the trials table."""
        if self._current is not None:
            self._write_trial(self._current, curves or {}, 0, message)
        return _failed(message)

    def _write_trial(self, trial_id: str, curves: dict, initial_epoch: int, message: str = "") -> None:
        from kbuilder.project.kbproj import ProjectError, atomic_write_text

        data = {
            "history": curves,
            "initial_epoch": initial_epoch,
            "message": message,
            "seconds": round(time.monotonic() - self._trial_t0.get(trial_id, time.monotonic()), 3),
        }
        folder = self.folder / f"trial_{trial_id}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(folder / TRIAL_FILE, json.dumps(data, allow_nan=True))
        except (OSError, ProjectError):
            pass  # the curves are a convenience; the trial's result is KerasTuner's

    # KerasTuner's trial hooks (called by the tuner subclass below)
    def _trial_begin(self, trial) -> None:
        self._current = trial.trial_id
        self._trial_t0[trial.trial_id] = time.monotonic()
        values = {k: v for k, v in trial.hyperparameters.values.items() if k in self.dims}
        self._emit("trial_begin", {"trial": int(trial.trial_id) + 1, "trial_id": trial.trial_id, "values": values})

    def _trial_end(self, trial) -> None:
        result = read_trial(self.folder / f"trial_{trial.trial_id}", list(self.dims))
        if result is not None:
            self._emit("trial_end", result.to_dict())


# ------------------------------------------------------------ reading results
def load_results(folder: str | Path) -> SearchResults | None:
    """The trials of the search in ``folder`` (None when it holds none), from
    its files alone: no Keras, bounded reads."""
    folder = Path(folder)
    marker = _read_json(folder / MARKER)
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
    info = _read_json(trial_dir / "trial.json")
    if info is None or not isinstance(info.get("trial_id"), str):
        return None
    trial_id = info["trial_id"]
    hp = (info.get("hyperparameters") or {}).get("values") or {}
    values = {k: hp[k] for k in keys if k in hp}
    state = _STATES.get(str(info.get("status")), "stopped")
    score = info.get("score")
    score = float(score) if isinstance(score, (int, float)) and math.isfinite(score) else None
    step = info.get("best_step")
    extra = _read_json(trial_dir / TRIAL_FILE) or {}
    history = {
        str(k): [float(v) if isinstance(v, (int, float)) else math.nan for v in vals]
        for k, vals in (extra.get("history") or {}).items()
        if isinstance(vals, list)
    }
    message = str(extra.get("message") or "")
    if state == "failed" and not message:
        message = _last_line(str(info.get("message") or ""))
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


def _read_json(path: Path) -> dict | None:
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


# ---------------------------------------------------- KerasTuner subclasses
_CLASSES: dict[str, Any] = {}


def _keras():
    from kbuilder.layers.backend import keras

    return keras()


def _hypermodel_class():
    if "hypermodel" in _CLASSES:
        return _CLASSES["hypermodel"]
    _keras()
    import keras_tuner as kt

    class GraphHyperModel(kt.HyperModel):
        """build(hp) and fit(hp, model) through kbuilder's training session."""

        def __init__(self, search: Search) -> None:
            super().__init__(name="kbuilder")
            self.search = search

        def declare_hyperparameters(self, hp):
            self.search._declare(hp)

        def build(self, hp):
            return self.search._build(hp)

        def fit(self, hp, model, *args, **kwargs):
            return self.search._fit(hp, model, **kwargs)

    _CLASSES["hypermodel"] = GraphHyperModel
    return GraphHyperModel


def _tuner_class(kind: str):
    if kind in _CLASSES:
        return _CLASSES[kind]
    _keras()
    import keras_tuner as kt

    base = {"random": kt.RandomSearch, "hyperband": kt.Hyperband, "bayesian": kt.BayesianOptimization}[kind]

    class KbuilderTuner(base):
        def __init__(self, search: Search, **kwargs) -> None:
            self.kbuilder_search = search
            super().__init__(**kwargs)

        def pre_create_trial(self):
            if self.kbuilder_search.stop_requested:
                raise _stopped()

        def on_trial_begin(self, trial):
            super().on_trial_begin(trial)
            self.kbuilder_search._trial_begin(trial)

        def on_trial_end(self, trial):
            super().on_trial_end(trial)
            self.kbuilder_search._trial_end(trial)

    KbuilderTuner.__name__ = f"Kbuilder{base.__name__}"
    _CLASSES[kind] = KbuilderTuner
    return KbuilderTuner


def _stop_class():
    if "stop" not in _CLASSES:
        import keras_tuner as kt

        class SearchStopped(kt.errors.FatalError):
            """Raised through KerasTuner to end the search; the running trial
            stays unfinished, so a resumed search runs it again."""

        _CLASSES["stop"] = SearchStopped
    return _CLASSES["stop"]


def _stopped():
    return _stop_class()("The search was stopped.")


def _is_stop(exc: BaseException) -> bool:
    return "stop" in _CLASSES and isinstance(exc, _CLASSES["stop"])


def _failed(message: str):
    import keras_tuner as kt

    return kt.errors.FailedTrialError(message)


def _failure(exc: BaseException) -> str:
    """A KerasTuner failure (three failed trials in a row, a model that cannot
    be built) in one or two plain lines."""
    text = str(exc).strip()
    if "consecutive failures" in text:
        last = _last_line(text)
        return f"Three trials in a row failed, so the search stopped. The last one: {last}"
    return _last_line(text) or type(exc).__name__


def _last_line(text: str) -> str:
    """The message of the last exception in a traceback KerasTuner kept."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    if not lines:
        return ""
    last = lines[-1]
    for prefix in ("keras_tuner.src.errors.FailedTrialError: ", "FailedTrialError: "):
        if last.startswith(prefix):
            return last[len(prefix) :]
    return last


def _int_or_none(v) -> int | None:
    return None if v is None else int(v)


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."
