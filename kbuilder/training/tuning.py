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
``trial_end``     a trial dict (see :class:`~kbuilder.training.search_results.TrialResult`)
``search_end``    {stopped, best: trial dict or None, message}
``status``        {text}

:meth:`Search.stop` (any thread) ends the running trial and the search;
finished trials stay in the search folder (beside the project:
:func:`~kbuilder.training.search_results.search_folder`), and
``Search(..., resume=True)`` continues from it, running the stopped trial
again.  :func:`~kbuilder.training.search_results.load_results` reads a
folder without Keras (for the trials table after a restart).  KerasTuner's
side of each trial (build, fit, report) is :mod:`~kbuilder.training.trials`.

The objective (what "best" means): ``val_accuracy`` for a model with one
output whose metrics include accuracy (a classifier), else ``val_loss``;
a trial's score is the best value its epochs reached.  Without validation
data the training figures are compared instead, and a note says so.
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kbuilder.core.commands import SetParams
from kbuilder.core.history import Compound
from kbuilder.core.i18n import translate
from kbuilder.layers.backend import keras
from kbuilder.project.document import model_key
from kbuilder.project.kbproj import ProjectError, atomic_write_text
from kbuilder.training.config import TrainConfig
from kbuilder.training.fit_setup import TrainingError
from kbuilder.training.live_callback import TrainingControl
from kbuilder.training.search_check import check_space
from kbuilder.training.search_results import MARKER, SearchResults, direction_of, load_results, read_json
from kbuilder.training.search_space import COMPILE_KEYS, Dimension, SearchSettings, SearchSpace, SearchSpaceError
from kbuilder.training.session import TrainingSession
from kbuilder.training.trials import config_with_values, failure, hypermodel_class, is_stop, tuner_class

Emit = Callable[[str, dict], None]


class TuningError(Exception):
    """The search cannot start or ended badly; the message is for the user."""



# ------------------------------------------------------------------ values
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
            raise TuningError(
                translate(
                    "training.tuning", "The model has no layer named {layer} any more, so {key} cannot be applied."
                ).format(layer=repr(layer), key=key)
            )
        changes.setdefault(node.id, {})[param] = value
    children = []
    for node_id, params in changes.items():
        old = copy.deepcopy(graph.node(node_id).params)
        new = {**old, **params}
        if new != old:
            children.append(SetParams(node_id, old, new, text=translate("training.tuning", "Apply best values")))
    return Compound(children, text=translate("training.tuning", "Apply the best trial's values"))


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
            translate(
                "training.tuning",
                "The objective val_accuracy needs a model with one output and the accuracy metric; choose val_loss.",
            )
        )
    name = requested if requested != "auto" else ("val_accuracy" if accuracy else "val_loss")
    notes = []
    if not session.prepared.n("val"):
        name = name[len("val_") :]
        notes.append(
            translate("training.tuning", "There is no validation data, so trials are compared on the training {name}.")
            .format(name=name)
        )
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
        self.trial_started: dict[str, float] = {}  # trial id -> time.monotonic()
        self.current_trial: str | None = None  # the running trial's id
        self.emit: Emit = lambda kind, payload: None  # the progress of the running search

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
        self.emit = emit or (lambda kind, payload: None)
        if self.session is None:
            self.emit("status", {"text": translate("training.tuning", "Preparing the data…")})
            self.prepare()
        epochs = int(self.settings.epochs or self.config.epochs)
        resumed = self._prepare_folder(epochs)
        self.tuner = self._make_tuner(epochs)
        done = load_results(self.folder)
        self.emit(
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
            if is_stop(exc):
                stopped = True
            else:
                raise TuningError(failure(exc)) from None
        stopped = stopped or self.stop_requested
        results = load_results(self.folder) or SearchResults(
            self.objective, direction_of(self.objective), list(self.dims)
        )
        best = results.best()
        n = len(results.finished())
        if stopped:
            message = (
                translate("training.tuning", "Stopped after 1 finished trial; they are kept.")
                if n == 1
                else translate("training.tuning", "Stopped after {n} finished trials; they are kept.").format(n=n)
            )
        else:
            message = (
                translate("training.tuning", "Finished 1 trial.")
                if n == 1
                else translate("training.tuning", "Finished {n} trials.").format(n=n)
            )
        if best is None and n:
            message = translate("training.tuning", "{message} No trial completed: see the trials' messages.").format(
                message=message
            )
        self.emit("search_end", {"stopped": stopped, "best": best.to_dict() if best else None, "message": message})
        return results

    # ------------------------------------------------------------ the folder
    def _fingerprint(self, epochs: int) -> dict[str, Any]:
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
        marker = self.folder / MARKER
        mine = {"format": "kbuilder-search", "version": 1, **self._fingerprint(epochs)}
        mine = json.loads(json.dumps(mine, default=str))  # as it reads back from the file
        old = read_json(marker)
        if self.folder.exists():
            if old is None and any(self.folder.iterdir()):
                raise TuningError(
                    translate(
                        "training.tuning",
                        "{folder} exists and is not a kbuilder search folder; move it away or "
                        "choose another project name.",
                    ).format(folder=self.folder)
                )
            if self.resume and old is not None:
                same = all(old.get(k) == v for k, v in mine.items())
                if not same:
                    raise TuningError(
                        translate(
                            "training.tuning",
                            "The search folder holds a search of a different model, search space or "
                            "settings, so it cannot be resumed: start a new search.",
                        )
                    )
                return True
            shutil.rmtree(self.folder, ignore_errors=True)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(marker, json.dumps(mine, indent=1, default=str))
        except (OSError, ProjectError) as exc:
            raise TuningError(
                translate("training.tuning", "Cannot write the search folder {folder}: {problem}").format(
                    folder=self.folder, problem=exc
                )
            ) from None
        return False

    # ------------------------------------------------------------- KerasTuner
    def _make_tuner(self, epochs: int):
        import keras_tuner as kt  # imports TensorFlow: only when a search runs

        common = {
            "hypermodel": hypermodel_class()(self),
            "objective": kt.Objective(self.objective, direction_of(self.objective)),
            "seed": int(self.config.data.seed),
            "directory": str(self.folder.parent),
            "project_name": self.folder.name,
            "overwrite": False,
            "max_consecutive_failed_trials": 3,
        }
        kind = self.settings.tuner
        cls = tuner_class(kind)
        try:
            if kind == "hyperband":
                tuner = cls(self, max_epochs=max(1, epochs), factor=3, hyperband_iterations=1, **common)
                tuner.oracle.max_trials = int(self.settings.trials)  # Hyperband's own schedule, capped
            else:
                tuner = cls(self, max_trials=int(self.settings.trials), **common)
        except Exception as exc:  # noqa: BLE001 - e.g. the model cannot be built with the first values
            raise TuningError(failure(exc)) from None
        return tuner


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."
