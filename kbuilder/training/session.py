"""The training engine: data, compile, pre-flight, fit, evaluate, save.

Qt-free and used by both the training panel (on a worker thread) and
``kbuilder train``.  A :class:`TrainingSession` keeps the built model, so
after a failure or a stop the weights trained so far are still there to
evaluate or save.  Every failure is a :class:`~kbuilder.training.fit_setup.TrainingError`
whose message is for the user.  What the settings ask of Keras (optimizer,
callbacks, class weights) is in :mod:`~kbuilder.training.fit_setup`, the
report after a run (test metrics, confusion matrix, samples) in
:mod:`~kbuilder.training.evaluation`.
"""

from __future__ import annotations

import copy
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from kbuilder.core.i18n import translate
from kbuilder.keras_io.build import BuildError, build_model
from kbuilder.keras_io.weights import apply_weights
from kbuilder.layers.backend import keras
from kbuilder.training import datasets, recipes
from kbuilder.training.config import TrainConfig, epochs_label
from kbuilder.training.evaluation import evaluate_into
from kbuilder.training.fit_setup import (
    TrainingError,
    class_weights,
    first_line,
    keras_callbacks,
    make_optimizer,
    strategy_scope,
    translate_error,
)
from kbuilder.training.live_callback import TrainingControl, make_live_callback
from kbuilder.training.prepare import (
    Issue,
    ModelInfo,
    Prepared,
    describe_model,
    make_plan,
    map_arrays,
    preflight,
    resolved_outputs,
)
from kbuilder.training.preprocess import finalize_preprocessing

Emit = Callable[[str, dict], None]


@dataclass
class RunResult:
    history: dict[str, list[float]] = field(default_factory=dict)
    epochs_done: int = 0
    stop_reason: str = ""  # "" (finished) | stopped | nan | early_stopping
    message: str = ""
    test_metrics: dict[str, float] = field(default_factory=dict)
    confusion: Any = None  # np.ndarray (true x predicted) or None
    class_names: list[str] = field(default_factory=list)
    samples: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # Layer name -> weight arrays after the run (taken on the training thread), so
    # that the document keeps the trained weights; None after a NaN loss.
    weights: dict[str, list] | None = None


def build_model_from_graph(graph):
    """Build with kbuilder.keras_io.build (raises TrainingError in plain words)."""
    try:
        return build_model(graph)
    except BuildError as exc:
        raise TrainingError(translate("training.session", "The model cannot be built: {error}").format(error=exc), "model") from None


class TrainingSession:
    """One model and its training.  ``graph`` or ``model_factory`` gives the
    model; ``workdir`` is where relative callback paths (checkpoints, logs) go.
    ``initial_weights`` (layer name -> arrays, as an opened .h5/.keras file
    carries them) are set on the model each time it is built, so training
    continues from them and Evaluate measures them; a layer whose arrays no
    longer fit (the user changed it) starts fresh, and a note says so."""

    def __init__(self, graph=None, config: TrainConfig | None = None, *,
                 model_factory: Callable[[], Any] | None = None, workdir: str | os.PathLike | None = None,
                 initial_weights: dict[str, list] | None = None) -> None:
        self.graph = graph
        self.initial_weights = initial_weights or None
        self.build_notes: list[str] = []
        self.config = config or TrainConfig()
        self.model_factory = model_factory
        self.workdir = Path(workdir) if workdir else Path.cwd()
        self.control = TrainingControl()
        self.model = None
        self.info: ModelInfo | None = None
        self.raw: datasets.RawData | None = None
        self.val_raw: datasets.RawData | None = None  # from DataConfig.val_path
        self._raw_key: str | None = None
        self.prepared: Prepared | None = None
        self.outputs: dict = {}
        self.issues: list[Issue] = []
        self.result: RunResult | None = None
        self._fitted = False
        # What the graph was when this session copied it (Document.model_key), set by the caller.
        self.model_key: str | None = None

    # ------------------------------------------------------------ stages
    def data_config(self):
        """The data settings with the image folder's "as the model" choices
        (size 0 x 0, colour "auto") taken from the model's image input."""
        d = self.config.data
        if d.source != "images":
            return d
        d = copy.copy(d)
        shape = next((p.shape for p in self.info.inputs if len(p.shape) == 3), None) if self.info else None
        size = [int(v or 0) for v in (list(d.image_size or []) + [0, 0])[:2]]
        if not all(size):
            if shape is None or not shape[0] or not shape[1]:
                raise TrainingError(
                    translate(
                        "training.session",
                        "Give the image size in the Data settings: the model has no image "
                        "input of a fixed size (height, width, channels) to take it from.",
                    ),
                    "data",
                )
            size = [int(shape[0]), int(shape[1])]
        d.image_size = size
        if d.color_mode not in ("rgb", "grayscale", "rgba"):
            d.color_mode = {1: "grayscale", 4: "rgba"}.get(shape[2] if shape else 3, "rgb")
        return d

    def load_data(self) -> datasets.RawData:
        data = self.data_config()
        key = repr([(k, v) for k, v in sorted(vars(data).items())
                    if k not in ("scale", "labels", "maxlen", "val_fraction", "test_fraction", "seed",
                                 "input_map", "output_map")])
        if self.raw is None or self._raw_key != key:
            try:
                self.raw = datasets.load(data)
            except datasets.DatasetUnavailable as exc:
                raise TrainingError(str(exc), "download") from None
            except datasets.DataError as exc:
                raise TrainingError(str(exc), "data") from None
            self._raw_key = key
        self.val_raw = self._load_validation_file(data, self.raw)
        return self.raw

    def _load_validation_file(self, data, raw: datasets.RawData) -> datasets.RawData | None:
        """The validation file's arrays, with the same names as the training data's."""
        if data.source not in ("csv", "npz") or not data.val_path.strip():
            return None
        val_data = copy.copy(data)
        val_data.path = data.val_path.strip()
        if data.source == "npz":
            val_data.features, val_data.targets = list(raw.features), list(raw.targets)
        try:
            val = datasets.load(val_data, classes_from=data.path if data.source == "csv" else None)
        except datasets.DataError as exc:
            raise TrainingError(translate("training.session", "The validation file: {error}").format(error=exc), "data") from None
        missing = [k for k in raw.arrays if k not in val.arrays]
        if missing:
            raise TrainingError(
                translate(
                    "training.session", "The validation file {file} lacks {names}, which the training data has."
                ).format(file=Path(val_data.path).name, names=", ".join(repr(m) for m in missing)),
                "data",
            )
        return val

    def build(self):
        """Build and compile the model: fresh weights, or ``initial_weights``."""
        k = keras()
        cfg = self.config
        k.utils.set_random_seed(int(cfg.data.seed))
        scope = strategy_scope(cfg.distribution)
        with scope:
            try:
                model = self.model_factory() if self.model_factory else build_model_from_graph(self.graph)
            except TrainingError:
                raise
            except Exception as exc:  # noqa: BLE001
                raise TrainingError(
                    translate("training.session", "The model cannot be built: {error}").format(error=first_line(exc)),
                    "model",
                ) from None
            self.build_notes = self._set_initial_weights(model)
            info = describe_model(model)
            outputs = resolved_outputs(cfg, info)
            single = len(info.outputs) == 1
            name0 = info.outputs[0].name
            losses = {n: o.loss for n, o in outputs.items()}
            metrics = {n: list(o.metrics or []) for n, o in outputs.items()}
            try:
                model.compile(
                    optimizer=make_optimizer(cfg),
                    loss=losses[name0] if single else losses,
                    loss_weights=None if single else {n: o.loss_weight for n, o in outputs.items()},
                    metrics=metrics[name0] if single else metrics,
                    steps_per_execution=max(1, int(cfg.steps_per_execution)),
                )
            except (ValueError, TypeError) as exc:
                raise TrainingError(
                    translate("training.session", "The model cannot be compiled: {error}").format(
                        error=first_line(exc)
                    ),
                    "model",
                ) from None
        del k
        self.model, self.info, self.outputs = model, info, outputs
        self.control.model = model
        return model

    def _set_initial_weights(self, model) -> list[str]:
        if not self.initial_weights:
            return []
        names = {layer.name for layer in model.layers if layer.weights}
        try:
            problems = apply_weights(model, self.initial_weights)
            finalize_preprocessing(model)
        except Exception as exc:  # noqa: BLE001 - the model still trains, from fresh weights
            return [
                translate(
                    "training.session",
                    "The saved weights could not be set ({error}); the model starts from fresh weights.",
                ).format(error=first_line(exc))
            ]
        # apply_weights names each layer it could not set (as 'name') in its notes.
        used = [n for n in names & set(self.initial_weights) if not any(repr(n) in note for note in problems)]
        if not used:
            return [
                translate(
                    "training.session",
                    "None of the saved weights fits a layer of this model, so it starts from fresh weights.",
                )
            ] + problems
        return [
            translate(
                "training.session", "Started from the saved weights ({used} of {total} layers with weights)."
            ).format(used=len(used), total=len(names))
        ] + problems

    def evaluate(self, emit: Emit | None = None) -> RunResult:
        """Evaluate the model as it is (its ``initial_weights``, or what an
        earlier fit left) on the test split, without training."""
        emit = emit or (lambda kind, payload: None)
        t0 = time.monotonic()
        if self.model is None:
            emit("status", {"text": translate("training.session", "Building the model…")})
            self.build()
        if self.prepared is None:
            emit("status", {"text": translate("training.session", "Preparing the data…")})
            self.prepare()
        emit("status", {"text": translate("training.session", "Evaluating on the test split…")})
        result = evaluate_into(self, RunResult(notes=list(self.build_notes)))
        result.seconds = time.monotonic() - t0
        return result

    def log_keys(self) -> list[str]:
        """The training log names Keras will report (without ``val_``), so the
        curves can be laid out before the first batch."""
        keys = ["loss"]
        multi = len(self.outputs) > 1
        for name, out in self.outputs.items():
            if multi:
                keys.append(f"{name}_loss")
            for m in out.metrics or []:
                metric = m if isinstance(m, str) else str(m)
                keys.append(f"{name}_{metric}" if multi else metric)
        return keys

    def prepare(self) -> list[Issue]:
        """Load data, build and compile, preprocess, run the pre-flight check.
        Raises TrainingError(kind="preflight") when there is an error."""
        if self.model is None or self.info is None:
            self.build()
        raw = self.load_data()
        try:
            mapping = map_arrays(raw, self.info, self.config)
            plan, notes = make_plan(raw, self.info, mapping, self.outputs, self.config)
            d = self.config.data
            val_fraction = 0.0 if self.val_raw is not None else d.val_fraction
            splits = recipes.split_arrays(raw.arrays, raw.test_arrays, val_fraction, d.test_fraction, d.seed)
            if self.val_raw is not None:
                splits["val"] = {k: self.val_raw.arrays[k] for k in raw.arrays}
            first = {k: v[0] for k, v in splits["train"].items() if len(v)}
            stats: dict = {}
            splits = recipes.apply_plan(splits, plan, stats)
        except datasets.DataError as exc:
            raise TrainingError(str(exc), "data") from None
        except (ValueError, TypeError, IndexError) as exc:
            raise TrainingError(
                translate("training.session", "The data cannot be prepared for this model: {error}").format(
                    error=first_line(exc)
                ),
                "data",
            ) from None
        self.prepared = Prepared(splits, mapping, plan, notes, stats, first)
        self.issues = preflight(self.prepared, self.info, self.outputs, self.config, raw)
        errors = [i for i in self.issues if i.severity == "error"]
        if errors:
            problems = "\n".join("• " + i.message for i in errors)
            raise TrainingError(translate("training.session", "The data does not fit the model:") + "\n" + problems,
                                "preflight", self.issues)
        return self.issues

    def fit(self, emit: Emit | None = None) -> RunResult:
        """Train (building the model first if needed), then evaluate on the test split."""
        k = keras()
        k.config.disable_interactive_logging()
        emit = emit or (lambda kind, payload: None)
        t0 = time.monotonic()
        if self._fitted:  # a second fit on this session starts with fresh controls
            self.control = TrainingControl()
        self._fitted = True
        emit("status", {"text": translate("training.session", "Building the model…")})
        self.build()
        emit("model", {"outputs": [p.name for p in self.info.outputs], "inputs": [p.name for p in self.info.inputs],
                       "keys": self.log_keys()})
        emit("status", {"text": translate("training.session", "Preparing the data…")})
        self.prepare()
        cfg, prep, model = self.config, self.prepared, self.model
        self.control.model = model
        x, y = prep.xy("train")
        val = prep.xy("val") if prep.n("val") else None
        live = make_live_callback(emit, self.control, stop_on_nan=bool(cfg.callbacks.terminate_on_nan.get("enabled")))
        callbacks = [live] + keras_callbacks(self.config, self.workdir)
        result = RunResult(notes=self.build_notes + list(prep.notes), warnings=[i.message for i in self.issues])
        emit("status", {"text": translate("training.session", "Training…")})
        try:
            history = model.fit(
                x, y, epochs=int(cfg.epochs), batch_size=int(cfg.batch_size), shuffle=bool(cfg.shuffle),
                validation_data=val, class_weight=class_weights(self.config, y), callbacks=callbacks, verbose=0,
            )
            result.history = {key: [float(v) for v in vals] for key, vals in history.history.items()}
        except Exception as exc:  # noqa: BLE001 - translated for the user; the model stays
            raise translate_error(exc) from None
        result.epochs_done = len(result.history.get("loss", []))
        if live.nan_at is not None:
            epoch, batch = live.nan_at
            result.stop_reason = "nan"
            if batch >= 0:
                text = translate(
                    "training.session",
                    "The loss became NaN (not a number) at epoch {epoch}, batch {batch}, so "
                    "training stopped. Try a smaller learning rate, inputs scaled to 0-1, or a "
                    "different loss. The weights are those of the last step and may be damaged: "
                    "rebuild before training again.",
                )
            else:
                text = translate(
                    "training.session",
                    "The loss became NaN (not a number) at epoch {epoch}, so training stopped. Try "
                    "a smaller learning rate, inputs scaled to 0-1, or a different loss. The weights "
                    "are those of the last step and may be damaged: rebuild before training again.",
                )
            result.message = text.format(epoch=epoch + 1, batch=batch + 1)
        elif self.control.stop_requested:
            result.stop_reason = "stopped"
            result.message = translate(
                "training.session", "Stopped after {epochs}; the weights trained so far are kept."
            ).format(epochs=epochs_label(result.epochs_done))
        elif result.epochs_done < int(cfg.epochs):
            result.stop_reason = "early_stopping"
            result.message = translate("training.session", "Early stopping ended training after {epochs}.").format(
                epochs=epochs_label(result.epochs_done)
            )
        else:
            result.message = translate("training.session", "Finished {epochs}.").format(epochs=epochs_label(result.epochs_done))
        if result.stop_reason != "nan":
            emit("status", {"text": translate("training.session", "Evaluating on the test split…")})
            evaluate_into(self, result)
            result.weights = self.layer_weights()
        result.seconds = time.monotonic() - t0
        self.result = result
        return result

    def layer_weights(self) -> dict[str, list]:
        """The model's weights by layer name (numpy arrays), for the layers that have some."""
        if self.model is None:
            return {}
        return {layer.name: [np.array(w) for w in layer.get_weights()] for layer in self.model.layers if layer.weights}

    def save(self, path: str | os.PathLike) -> Path:
        """Save the trained model so that it takes raw inputs: after a run,
        the data's scaling becomes Keras preprocessing layers in front of the
        model (:mod:`kbuilder.training.predict`), so ``load_model(path).predict``
        on pictures in 0-255 or a CSV's own columns gives kbuilder's answer."""
        if self.model is None:
            raise TrainingError(translate("training.session", "There is no trained model to save yet."), "model")
        path = Path(path)
        if path.suffix.lower() not in (".keras", ".h5"):
            raise TrainingError(translate("training.session", "Save the model as .keras (recommended) or .h5."), "other")
        trained = self.result is not None or bool(self.initial_weights)
        if trained and self.prepared is not None and self.raw is not None and self.graph is not None:
            from kbuilder.training.predict import PredictError, Predictor  # predict builds on this module

            try:
                return Predictor.from_session(self).save(path)
            except PredictError as exc:
                raise TrainingError(str(exc), "other") from None
        try:
            self.model.save(path)
        except Exception as exc:  # noqa: BLE001
            raise TrainingError(
                translate("training.session", "Could not save {file}: {error}").format(
                    file=path.name, error=first_line(exc)
                ),
                "other",
            ) from None
        return path

    # Stop / pause / resume: safe from any thread.
    def stop(self) -> None:
        self.control.stop()

    def pause(self) -> None:
        self.control.pause()

    def resume(self) -> None:
        self.control.resume()

