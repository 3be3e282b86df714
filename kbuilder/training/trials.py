"""KerasTuner's side of a search: each trial built and fitted the kbuilder way.

:func:`hypermodel_class` and :func:`tuner_class` make, on first use (importing
``keras_tuner`` imports TensorFlow), the KerasTuner subclasses a
:class:`~kbuilder.training.tuning.Search` runs: the hypermodel declares the
searched values (:func:`declare`), builds the graph with them through the
search's training session (:func:`build_trial`) and fits it with the
session's data and settings (:func:`fit_trial`); the tuner reports each trial
(:func:`trial_begin`, :func:`trial_end`) and ends the search when it is
stopped.  A trial's curves and failure message are kept beside KerasTuner's
record (:func:`write_trial`); :func:`failure` puts KerasTuner's own failures
in plain words.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

from kbuilder.core.i18n import translate
from kbuilder.layers.backend import keras
from kbuilder.project.kbproj import ProjectError, atomic_write_text
from kbuilder.training.config import TrainConfig
from kbuilder.training.fit_setup import TrainingError, callback_specs, class_weights, translate_error
from kbuilder.training.live_callback import make_live_callback
from kbuilder.training.search_results import TRIAL_FILE, last_line, read_trial
from kbuilder.training.search_space import COMPILE_KEYS, Dimension

if TYPE_CHECKING:  # the search calls this module
    from kbuilder.training.tuning import Search

# Callbacks of the training settings a trial uses too; the others write files
# (checkpoints, logs) that each trial would overwrite.
TRIAL_CALLBACKS = ("EarlyStopping", "ReduceLROnPlateau")


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


# ------------------------------------------------------------ one trial
def declare(search: Search, hp) -> dict[str, Any]:
    """Each searched value as KerasTuner's ``hp`` declares it; the trial's values by key."""
    values = {}
    for key, dim in search.dims.items():
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


def build_trial(search: Search, hp):
    """KerasTuner's build(hp): the graph with the trial's values, built and
    compiled by the training session (its seed, optimizer, losses, metrics)."""
    values = declare(search, hp)
    s = search.session
    s.graph = graph_with_values(search.graph, search.dims, values)
    s.config = config_with_values(search.config, values)
    s.model = None
    try:
        return s.build()
    except TrainingError as exc:
        raise fail_trial(search, str(exc)) from None


def fit_trial(search: Search, hp, model, callbacks=None, epochs=1, initial_epoch=0, **_ignored):
    """KerasTuner's fit: the training session's data and settings."""
    k = keras()
    s = search.session
    s.model = model  # Hyperband may have loaded an earlier trial's weights into it
    trial_id = search.current_trial or "0"
    number = int(trial_id) + 1
    try:
        s.prepare()
        x, y = s.prepared.xy("train")
        val = s.prepared.xy("val") if s.prepared.n("val") else None
        class_weight = class_weights(s.config, y)
    except TrainingError as exc:
        raise fail_trial(search, str(exc)) from None

    def emit(kind: str, payload: dict) -> None:
        search.emit(kind, {**payload, "trial": number})

    live = make_live_callback(emit, search.control, stop_on_nan=True)
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
        if search.stop_requested:
            raise _stopped() from None
        raise fail_trial(search, str(translate_error(exc))) from None
    if search.stop_requested:
        raise _stopped()
    curves = {key: [float(v) for v in vals] for key, vals in history.history.items()}
    write_trial(search, trial_id, curves, int(initial_epoch))
    if live.nan_at is not None:
        raise fail_trial(
            search,
            translate("training.trials", "The loss became NaN (not a number): try a smaller learning rate."),
            curves,
        )
    return history


def fail_trial(search: Search, message: str, curves: dict | None = None):
    """The exception that makes KerasTuner mark the running trial failed,
    its message kept for the trials table."""
    if search.current_trial is not None:
        write_trial(search, search.current_trial, curves or {}, 0, message)
    return _failed(message)


def write_trial(search: Search, trial_id: str, curves: dict, initial_epoch: int, message: str = "") -> None:
    """kbuilder's record of a trial beside KerasTuner's: its curves, time and message."""
    data = {
        "history": curves,
        "initial_epoch": initial_epoch,
        "message": message,
        "seconds": round(time.monotonic() - search.trial_started.get(trial_id, time.monotonic()), 3),
    }
    folder = search.folder / f"trial_{trial_id}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(folder / TRIAL_FILE, json.dumps(data, allow_nan=True))
    except (OSError, ProjectError):
        pass  # the curves are a convenience; the trial's result is KerasTuner's


def trial_begin(search: Search, trial) -> None:
    """KerasTuner starts ``trial``: remember it and say so."""
    search.current_trial = trial.trial_id
    search.trial_started[trial.trial_id] = time.monotonic()
    values = {k: v for k, v in trial.hyperparameters.values.items() if k in search.dims}
    search.emit("trial_begin", {"trial": int(trial.trial_id) + 1, "trial_id": trial.trial_id, "values": values})


def trial_end(search: Search, trial) -> None:
    """KerasTuner finished ``trial``: send its result."""
    result = read_trial(search.folder / f"trial_{trial.trial_id}", list(search.dims))
    if result is not None:
        search.emit("trial_end", result.to_dict())


# ---------------------------------------------------- KerasTuner subclasses
_CLASSES: dict[str, Any] = {}


def hypermodel_class():
    """The ``kt.HyperModel`` that builds and fits each trial through the functions above."""
    if "hypermodel" in _CLASSES:
        return _CLASSES["hypermodel"]
    keras()  # Keras set up before keras_tuner imports it
    import keras_tuner as kt

    class GraphHyperModel(kt.HyperModel):
        """build(hp) and fit(hp, model) through kbuilder's training session."""

        def __init__(self, search: Search) -> None:
            super().__init__(name="kbuilder")
            self.search = search

        def declare_hyperparameters(self, hp):
            declare(self.search, hp)

        def build(self, hp):
            return build_trial(self.search, hp)

        def fit(self, hp, model, *args, **kwargs):
            return fit_trial(self.search, hp, model, **kwargs)

    _CLASSES["hypermodel"] = GraphHyperModel
    return GraphHyperModel


def tuner_class(kind: str):
    """The KerasTuner tuner of ``kind`` (random, hyperband, bayesian) that reports each trial."""
    if kind in _CLASSES:
        return _CLASSES[kind]
    keras()  # Keras set up before keras_tuner imports it
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
            trial_begin(self.kbuilder_search, trial)

        def on_trial_end(self, trial):
            super().on_trial_end(trial)
            trial_end(self.kbuilder_search, trial)

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
    return _stop_class()(translate("training.trials", "The search was stopped."))


def is_stop(exc: BaseException) -> bool:
    """Whether ``exc`` is the stop the search raised through KerasTuner."""
    return "stop" in _CLASSES and isinstance(exc, _CLASSES["stop"])


def _failed(message: str):
    import keras_tuner as kt

    return kt.errors.FailedTrialError(message)


def failure(exc: BaseException) -> str:
    """A KerasTuner failure (three failed trials in a row, a model that cannot
    be built) in one or two plain lines."""
    text = str(exc).strip()
    if "consecutive failures" in text:
        last = last_line(text)
        return translate("training.trials", "Three trials in a row failed, so the search stopped. The last one: {last}").format(
            last=last
        )
    return last_line(text) or type(exc).__name__


def _int_or_none(v) -> int | None:
    return None if v is None else int(v)
