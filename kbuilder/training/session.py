"""The training engine: data, compile, pre-flight, fit, evaluate, predict, save.

Qt-free and used by both the training panel (on a worker thread) and
``kbuilder train``.  A :class:`TrainingSession` keeps the built model, so
after a failure or a stop the weights trained so far are still there to
evaluate or save.  Every failure is a :class:`TrainingError` whose message
is for the user.
"""

from __future__ import annotations

import copy
import importlib.util
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from kbuilder.layers.backend import keras
from kbuilder.training import datasets, recipes
from kbuilder.training.config import TrainConfig, epochs_text
from kbuilder.training.live_callback import TrainingControl, make_live_callback
from kbuilder.training.prepare import (
    CLASSIFICATION_LOSSES,
    Issue,
    ModelInfo,
    Prepared,
    describe_model,
    make_plan,
    map_arrays,
    preflight,
    resolved_outputs,
)

Emit = Callable[[str, dict], None]

OPTIMIZER_CLASSES = {"adam": "Adam", "adamw": "AdamW", "sgd": "SGD", "rmsprop": "RMSprop",
                     "adagrad": "Adagrad", "nadam": "Nadam"}


class TrainingError(Exception):
    """Training could not start or ended badly.  ``kind``: data, download,
    preflight, nan, oom, model, tensorboard, other."""

    def __init__(self, message: str, kind: str = "other", issues: list[Issue] | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.issues = issues or []


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
    from kbuilder.keras_io.build import BuildError, build_model

    try:
        return build_model(graph)
    except BuildError as exc:
        raise TrainingError(f"The model cannot be built: {exc}", "model") from None


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
                raise TrainingError("Give the image size in the Data settings: the model has no image input of "
                                    "a fixed size (height, width, channels) to take it from.", "data")
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
            raise TrainingError(f"The validation file: {exc}", "data") from None
        missing = [k for k in raw.arrays if k not in val.arrays]
        if missing:
            raise TrainingError(f"The validation file {Path(val_data.path).name} lacks "
                                f"{', '.join(repr(m) for m in missing)}, which the training data has.", "data")
        return val

    def build(self):
        """Build and compile the model: fresh weights, or ``initial_weights``."""
        k = keras()
        cfg = self.config
        k.utils.set_random_seed(int(cfg.data.seed))
        scope = _strategy_scope(cfg.distribution)
        with scope:
            try:
                model = self.model_factory() if self.model_factory else build_model_from_graph(self.graph)
            except TrainingError:
                raise
            except Exception as exc:  # noqa: BLE001
                raise TrainingError(f"The model cannot be built: {_first_line(exc)}", "model") from None
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
                raise TrainingError(f"The model cannot be compiled: {_first_line(exc)}", "model") from None
        del k
        self.model, self.info, self.outputs = model, info, outputs
        self.control.model = model
        return model

    def _set_initial_weights(self, model) -> list[str]:
        if not self.initial_weights:
            return []
        from kbuilder.keras_io.weights import apply_weights
        from kbuilder.training.preprocess import finalize_preprocessing

        names = {layer.name for layer in model.layers if layer.weights}
        try:
            problems = apply_weights(model, self.initial_weights)
            finalize_preprocessing(model)
        except Exception as exc:  # noqa: BLE001 - the model still trains, from fresh weights
            return [f"The saved weights could not be set ({_first_line(exc)}); the model starts from fresh weights."]
        # apply_weights names each layer it could not set (as 'name') in its notes.
        used = [n for n in names & set(self.initial_weights) if not any(repr(n) in note for note in problems)]
        if not used:
            return ["None of the saved weights fits a layer of this model, so it starts from fresh weights."] + problems
        return [f"Started from the saved weights ({len(used)} of {len(names)} layers with weights)."] + problems

    def evaluate(self, emit: Emit | None = None) -> RunResult:
        """Evaluate the model as it is (its ``initial_weights``, or what an
        earlier fit left) on the test split, without training."""
        emit = emit or (lambda kind, payload: None)
        t0 = time.monotonic()
        if self.model is None:
            emit("status", {"text": "Building the model…"})
            self.build()
        if self.prepared is None:
            emit("status", {"text": "Preparing the data…"})
            self.prepare()
        emit("status", {"text": "Evaluating on the test split…"})
        result = self.evaluate_into(RunResult(notes=list(self.build_notes)))
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
            raise TrainingError(f"The data cannot be prepared for this model: {_first_line(exc)}", "data") from None
        self.prepared = Prepared(splits, mapping, plan, notes, stats, first)
        self.issues = preflight(self.prepared, self.info, self.outputs, self.config, raw)
        errors = [i for i in self.issues if i.severity == "error"]
        if errors:
            raise TrainingError("The data does not fit the model:\n" + "\n".join("• " + i.message for i in errors),
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
        emit("status", {"text": "Building the model…"})
        self.build()
        emit("model", {"outputs": [p.name for p in self.info.outputs], "inputs": [p.name for p in self.info.inputs],
                       "keys": self.log_keys()})
        emit("status", {"text": "Preparing the data…"})
        self.prepare()
        cfg, prep, model = self.config, self.prepared, self.model
        self.control.model = model
        x, y = prep.xy("train")
        val = prep.xy("val") if prep.n("val") else None
        live = make_live_callback(emit, self.control, stop_on_nan=bool(cfg.callbacks.terminate_on_nan.get("enabled")))
        callbacks = [live] + self._keras_callbacks()
        result = RunResult(notes=self.build_notes + list(prep.notes), warnings=[i.message for i in self.issues])
        emit("status", {"text": "Training…"})
        try:
            history = model.fit(
                x, y, epochs=int(cfg.epochs), batch_size=int(cfg.batch_size), shuffle=bool(cfg.shuffle),
                validation_data=val, class_weight=self._class_weight(y), callbacks=callbacks, verbose=0,
            )
            result.history = {key: [float(v) for v in vals] for key, vals in history.history.items()}
        except Exception as exc:  # noqa: BLE001 - translated for the user; the model stays
            raise translate_error(exc) from None
        result.epochs_done = len(result.history.get("loss", []))
        if live.nan_at is not None:
            epoch, batch = live.nan_at
            where = f"epoch {epoch + 1}" + (f", batch {batch + 1}" if batch >= 0 else "")
            result.stop_reason = "nan"
            result.message = (f"The loss became NaN (not a number) at {where}, so training stopped. Try a smaller "
                              "learning rate, inputs scaled to 0-1, or a different loss. The weights are those "
                              "of the last step and may be damaged: rebuild before training again.")
        elif self.control.stop_requested:
            result.stop_reason = "stopped"
            result.message = f"Stopped after {epochs_text(result.epochs_done)}; the weights trained so far are kept."
        elif result.epochs_done < int(cfg.epochs):
            result.stop_reason = "early_stopping"
            result.message = f"Early stopping ended training after {epochs_text(result.epochs_done)}."
        else:
            result.message = f"Finished {epochs_text(result.epochs_done)}."
        if result.stop_reason != "nan":
            emit("status", {"text": "Evaluating on the test split…"})
            self.evaluate_into(result)
            result.weights = self.layer_weights()
        result.seconds = time.monotonic() - t0
        self.result = result
        return result

    def layer_weights(self) -> dict[str, list]:
        """The model's weights by layer name (numpy arrays), for the layers that have some."""
        if self.model is None:
            return {}
        return {layer.name: [np.array(w) for w in layer.get_weights()] for layer in self.model.layers if layer.weights}

    def evaluate_into(self, result: RunResult, n_samples: int = 8) -> RunResult:
        """Test metrics, a confusion matrix for a classifier, a few predictions."""
        prep, model = self.prepared, self.model
        part = "test" if prep.n("test") else ("val" if prep.n("val") else "train")
        x, y = prep.xy(part)
        model.stop_evaluating = False
        try:
            metrics = model.evaluate(x, y, batch_size=int(self.config.batch_size), verbose=0, return_dict=True)
            result.test_metrics = {f"{k}": float(v) for k, v in metrics.items()}
            pred = model.predict(x, batch_size=max(int(self.config.batch_size), 256), verbose=0)
        except Exception as exc:  # noqa: BLE001
            raise translate_error(exc) from None
        result.notes.append(f"Evaluated on the {part} split ({prep.n(part)} samples).")
        first = self.info.outputs[0]
        p = pred[0] if isinstance(pred, (list, tuple)) else (pred[first.name] if isinstance(pred, dict) else pred)
        t = y if not isinstance(y, dict) else y[first.name]
        loss = self.outputs[first.name].loss
        raw = self.raw
        names = list(raw.class_names) if raw else []
        classifier = loss in CLASSIFICATION_LOSSES
        if classifier:
            if p.shape[-1] == 1:
                p_cls = (p.reshape(-1) > 0.5).astype(int)
                conf = np.where(p_cls == 1, p.reshape(-1), 1 - p.reshape(-1))
                t_cls = np.asarray(t).reshape(-1).astype(int)
                n = 2
            else:
                p_cls = p.argmax(axis=-1).reshape(-1)
                conf = p.max(axis=-1).reshape(-1)
                t_arr = np.asarray(t)
                t_cls = (t_arr.argmax(axis=-1) if t_arr.ndim > 1 and t_arr.shape[-1] > 1 else t_arr.reshape(-1)).astype(int)
                n = int(p.shape[-1])
            cm = np.zeros((n, n), dtype=int)
            ok = (t_cls >= 0) & (t_cls < n)
            np.add.at(cm, (t_cls[ok], p_cls[ok]), 1)
            result.confusion = cm
            result.class_names = [names[i] if i < len(names) else str(i) for i in range(n)]
        # A few samples, with the picture for image data.
        display = raw.arrays[prep.mapping.inputs[self.info.inputs[0].name]] if raw else None
        xs = prep.splits[part][prep.mapping.inputs[self.info.inputs[0].name]]
        for i in range(min(n_samples, len(p))):
            s: dict[str, Any] = {}
            if raw is not None and raw.kind == "image" and display is not None:
                shape = display.shape[1:]
                img = np.asarray(xs[i], dtype="float32").reshape(shape) if np.size(xs[i]) == int(np.prod(shape)) else None
                s["image"] = img
            if classifier:
                s["true"] = result.class_names[t_cls[i]] if 0 <= t_cls[i] < len(result.class_names) else str(t_cls[i])
                s["pred"] = result.class_names[p_cls[i]]
                s["confidence"] = float(conf[i])
                s["correct"] = bool(t_cls[i] == p_cls[i])
            else:
                s["true"] = _num(np.asarray(t)[i])
                s["pred"] = _num(p[i])
            result.samples.append(s)
        return result

    def save(self, path: str | os.PathLike) -> Path:
        """Save the trained model so that it takes raw inputs: after a run,
        the data's scaling becomes Keras preprocessing layers in front of the
        model (:mod:`kbuilder.training.predict`), so ``load_model(path).predict``
        on pictures in 0-255 or a CSV's own columns gives kbuilder's answer."""
        if self.model is None:
            raise TrainingError("There is no trained model to save yet.", "model")
        path = Path(path)
        if path.suffix.lower() not in (".keras", ".h5"):
            raise TrainingError("Save the model as .keras (recommended) or .h5.", "other")
        trained = self.result is not None or bool(self.initial_weights)
        if trained and self.prepared is not None and self.raw is not None and self.graph is not None:
            from kbuilder.training.predict import PredictError, Predictor

            try:
                return Predictor.from_session(self).save(path)
            except PredictError as exc:
                raise TrainingError(str(exc), "other") from None
        try:
            self.model.save(path)
        except Exception as exc:  # noqa: BLE001
            raise TrainingError(f"Could not save {path.name}: {_first_line(exc)}", "other") from None
        return path

    # Stop / pause / resume: safe from any thread.
    def stop(self) -> None:
        self.control.stop()

    def pause(self) -> None:
        self.control.pause()

    def resume(self) -> None:
        self.control.resume()

    # ------------------------------------------------------------ pieces
    def _keras_callbacks(self) -> list:
        k = keras()
        out = []
        for cls_name, kwargs in callback_specs(self.config, self.workdir):
            if cls_name == "TerminateOnNaN":
                continue  # the live callback stops on NaN (and keeps Keras's fast path)
            if cls_name == "TensorBoard" and importlib.util.find_spec("tensorboard") is None:
                raise TrainingError(
                    "The TensorBoard callback needs the 'tensorboard' package, and TensorFlow 2.21 no longer "
                    "installs it. Install it (pip install tensorboard) or switch the TensorBoard callback off.",
                    "tensorboard")
            for key in ("filepath", "filename", "log_dir"):
                if key in kwargs:
                    Path(kwargs[key]).parent.mkdir(parents=True, exist_ok=True)
            out.append(getattr(k.callbacks, cls_name)(**kwargs))
        return out

    def _class_weight(self, y):
        cw = self.config.class_weight
        if cw in (None, "none", "", {}):
            return None
        if isinstance(y, dict):
            raise TrainingError("Class weights work only for a model with one output.", "data")
        labels = np.asarray(y)
        labels = labels.argmax(axis=-1) if labels.ndim > 1 and labels.shape[-1] > 1 else labels.reshape(-1)
        if cw == "balanced":
            classes, counts = np.unique(labels.astype(int), return_counts=True)
            return {int(c): float(len(labels) / (len(classes) * n)) for c, n in zip(classes, counts, strict=False)}
        if isinstance(cw, dict):
            return {int(k): float(v) for k, v in cw.items()}
        raise TrainingError(f"Class weights must be none, balanced or a table, not {cw!r}.", "data")


def make_optimizer(cfg: TrainConfig):
    k = keras()
    name = OPTIMIZER_CLASSES.get(cfg.optimizer.lower())
    if name is None:
        raise TrainingError(f"Unknown optimizer {cfg.optimizer!r}; choose one of {', '.join(OPTIMIZER_CLASSES)}.")
    try:
        return getattr(k.optimizers, name)(learning_rate=float(cfg.learning_rate), **cfg.optimizer_options)
    except (TypeError, ValueError) as exc:
        raise TrainingError(f"The optimizer's options are not valid: {_first_line(exc)}", "model") from None


def callback_specs(cfg: TrainConfig, workdir: Path | None = None) -> list[tuple[str, dict]]:
    """The Keras callbacks the config asks for, as (class name, keyword args):
    the engine instantiates them, the script writes them out."""
    cb = cfg.callbacks

    def path(p: str) -> str:
        return str((workdir / p) if workdir is not None and not os.path.isabs(p) else p)

    def on(d: dict) -> bool:
        return bool(d.get("enabled"))

    specs: list[tuple[str, dict]] = []
    if on(cb.early_stopping):
        d = cb.early_stopping
        specs.append(("EarlyStopping", {"monitor": d.get("monitor", "val_loss"), "patience": int(d.get("patience", 3)),
                                        "restore_best_weights": bool(d.get("restore_best_weights", True))}))
    if on(cb.model_checkpoint):
        d = cb.model_checkpoint
        specs.append(("ModelCheckpoint", {"filepath": path(d.get("filepath", "best.keras")),
                                          "monitor": d.get("monitor", "val_loss"),
                                          "save_best_only": bool(d.get("save_best_only", True))}))
    if on(cb.reduce_lr):
        d = cb.reduce_lr
        specs.append(("ReduceLROnPlateau", {"monitor": d.get("monitor", "val_loss"), "factor": float(d.get("factor", 0.5)),
                                            "patience": int(d.get("patience", 2)), "min_lr": float(d.get("min_lr", 1e-6))}))
    if on(cb.csv_logger):
        specs.append(("CSVLogger", {"filename": path(cb.csv_logger.get("filename", "training_log.csv"))}))
    if on(cb.tensorboard):
        specs.append(("TensorBoard", {"log_dir": path(cb.tensorboard.get("log_dir", "logs"))}))
    if on(cb.terminate_on_nan):
        specs.append(("TerminateOnNaN", {}))
    return specs


class _NullScope:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _strategy_scope(distribution: str):
    if distribution != "mirrored":
        return _NullScope()
    import tensorflow as tf

    return tf.distribute.MirroredStrategy().scope()


def translate_error(exc: BaseException) -> TrainingError:
    """A Keras/TensorFlow failure in plain words."""
    if isinstance(exc, TrainingError):
        return exc
    name = type(exc).__name__
    text = str(exc)
    low = f"{name} {text}".lower()
    if "resourceexhausted" in low or "out of memory" in low or " oom" in low or isinstance(exc, MemoryError):
        return TrainingError("The computer ran out of memory while training. Use a smaller batch size, smaller "
                             "layers, or less data. The model and its weights so far are kept.", "oom")
    if isinstance(exc, (ValueError, TypeError)) or "invalidargument" in low or "incompatible" in low:
        return TrainingError(f"The data does not fit the model: {_first_line(exc)}", "data")
    return TrainingError(f"Training failed: {name}: {_first_line(exc)}", "other")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out = lines[0] if lines else text
    return out if len(out) < 400 else out[:400] + "…"


def _num(v) -> str:
    a = np.asarray(v).reshape(-1)
    if a.size == 1:
        f = float(a[0])
        return f"{f:.4g}" if math.isfinite(f) else str(f)
    return "[" + ", ".join(f"{float(x):.3g}" for x in a[:4]) + (", …]" if a.size > 4 else "]")
