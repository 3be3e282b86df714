"""What a training configuration asks of Keras, in one place.

The training engine (:mod:`~kbuilder.training.session`) instantiates these
and the scripts it writes (:mod:`~kbuilder.training.script`,
:mod:`~kbuilder.training.notebook`, :mod:`~kbuilder.training.tune_script`)
write them out, so both say the same: the optimizer
(:data:`OPTIMIZER_CLASSES`, :func:`make_optimizer`), the callbacks
(:func:`callback_specs`, :func:`keras_callbacks`), the class weights
(:func:`class_weights`) and the distribution scope (:func:`strategy_scope`).
Every failure is a :class:`TrainingError` whose message is for the user;
:func:`translate_error` puts Keras's and TensorFlow's own in plain words.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import numpy as np

from kbuilder.core.i18n import translate
from kbuilder.layers.backend import keras
from kbuilder.training.config import TrainConfig
from kbuilder.training.prepare import Issue

OPTIMIZER_CLASSES = {"adam": "Adam", "adamw": "AdamW", "sgd": "SGD", "rmsprop": "RMSprop",
                     "adagrad": "Adagrad", "nadam": "Nadam"}


class TrainingError(Exception):
    """Training could not start or ended badly.  ``kind``: data, download,
    preflight, nan, oom, model, tensorboard, other."""

    def __init__(self, message: str, kind: str = "other", issues: list[Issue] | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.issues = issues or []


def make_optimizer(cfg: TrainConfig):
    """The Keras optimizer of the settings, with their learning rate and options."""
    k = keras()
    name = OPTIMIZER_CLASSES.get(cfg.optimizer.lower())
    if name is None:
        raise TrainingError(
            translate("training.fit_setup", "Unknown optimizer {name}; choose one of {known}.").format(
                name=repr(cfg.optimizer), known=", ".join(OPTIMIZER_CLASSES)
            )
        )
    try:
        return getattr(k.optimizers, name)(learning_rate=float(cfg.learning_rate), **cfg.optimizer_options)
    except (TypeError, ValueError) as exc:
        raise TrainingError(
            translate("training.fit_setup", "The optimizer's options are not valid: {error}").format(
                error=first_line(exc)
            ),
            "model",
        ) from None


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


def keras_callbacks(cfg: TrainConfig, workdir: Path | None = None) -> list:
    """The Keras callback objects the config asks for (paths under ``workdir``),
    without TerminateOnNaN: the live callback stops on NaN."""
    k = keras()
    out = []
    for cls_name, kwargs in callback_specs(cfg, workdir):
        if cls_name == "TerminateOnNaN":
            continue  # the live callback stops on NaN (and keeps Keras's fast path)
        if cls_name == "TensorBoard" and importlib.util.find_spec("tensorboard") is None:
            raise TrainingError(
                translate(
                    "training.fit_setup",
                    "The TensorBoard callback needs the 'tensorboard' package, and TensorFlow 2.21 no "
                    "longer installs it. Install it (pip install tensorboard) or switch the TensorBoard "
                    "callback off.",
                ),
                "tensorboard",
            )
        for key in ("filepath", "filename", "log_dir"):
            if key in kwargs:
                Path(kwargs[key]).parent.mkdir(parents=True, exist_ok=True)
        out.append(getattr(k.callbacks, cls_name)(**kwargs))
    return out


def class_weights(cfg: TrainConfig, y):
    """The ``class_weight`` argument of ``fit`` for labels ``y``: None, balanced, or the config's table."""
    cw = cfg.class_weight
    if cw in (None, "none", "", {}):
        return None
    if isinstance(y, dict):
        raise TrainingError(translate("training.fit_setup", "Class weights work only for a model with one output."), "data")
    labels = np.asarray(y)
    labels = labels.argmax(axis=-1) if labels.ndim > 1 and labels.shape[-1] > 1 else labels.reshape(-1)
    if cw == "balanced":
        classes, counts = np.unique(labels.astype(int), return_counts=True)
        return {int(c): float(len(labels) / (len(classes) * n)) for c, n in zip(classes, counts, strict=False)}
    if isinstance(cw, dict):
        return {int(k): float(v) for k, v in cw.items()}
    raise TrainingError(
        translate("training.fit_setup", "Class weights must be none, balanced or a table, not {value}.").format(
            value=repr(cw)
        ),
        "data",
    )


class _NullScope:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def strategy_scope(distribution: str):
    """The distribution strategy's scope to build the model in (none unless "mirrored")."""
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
        return TrainingError(
            translate(
                "training.fit_setup",
                "The computer ran out of memory while training. Use a smaller batch "
                "size, smaller layers, or less data. The model and its weights so far "
                "are kept.",
            ),
            "oom",
        )
    if isinstance(exc, (ValueError, TypeError)) or "invalidargument" in low or "incompatible" in low:
        return TrainingError(
            translate("training.fit_setup", "The data does not fit the model: {error}").format(error=first_line(exc)),
            "data",
        )
    return TrainingError(
        translate("training.fit_setup", "Training failed: {name}: {error}").format(name=name, error=first_line(exc)),
        "other",
    )


def first_line(exc: BaseException) -> str:
    """The first line of an exception's text, at most 400 characters."""
    text = str(exc).strip() or type(exc).__name__
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out = lines[0] if lines else text
    return out if len(out) < 400 else out[:400] + "…"

