"""Every training choice as plain data: saved in the project
(``Project.settings["training"]``), edited by the panel, given on the command
line, and written into the exported script.  No Qt, no Keras."""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from kbuilder.core.i18n import translate
from kbuilder.training.dataset_table import dataset_source

OPTIMIZERS = ("adam", "adamw", "sgd", "rmsprop", "adagrad", "nadam")
# The options a beginner may touch, per optimizer (Keras keyword names).
OPTIMIZER_OPTIONS: dict[str, tuple[str, ...]] = {
    "adam": ("beta_1", "beta_2", "epsilon", "amsgrad"),
    "adamw": ("weight_decay", "beta_1", "beta_2"),
    "sgd": ("momentum", "nesterov"),
    "rmsprop": ("rho", "momentum"),
    "adagrad": ("initial_accumulator_value",),
    "nadam": ("beta_1", "beta_2"),
}
LOSSES = (
    "sparse_categorical_crossentropy",
    "categorical_crossentropy",
    "binary_crossentropy",
    "mean_squared_error",
    "mean_absolute_error",
    "huber",
)
METRICS = ("accuracy", "mae", "mse", "auc", "precision", "recall", "top_k_categorical_accuracy")


@dataclass
class DataConfig:
    # sklearn | keras | csv | npz | images
    source: str = "sklearn"
    name: str = "digits"
    path: str = ""
    # csv: target columns / npz: label arrays.  Empty: the data set's own.
    targets: list[str] = field(default_factory=list)
    # csv: input columns / npz: input arrays.  Empty: every other one.
    features: list[str] = field(default_factory=list)
    # image folder: [height, width] to resize to, [0, 0] = the model's input size;
    # colour rgb | grayscale | rgba | auto (from the model's input channels)
    image_size: list[int] = field(default_factory=lambda: [0, 0])
    color_mode: str = "auto"
    num_words: int = 10000  # imdb, reuters
    # auto | none | 0-1 | standardize
    scale: str = "auto"
    # auto (from the loss) | integer | one-hot
    labels: str = "auto"
    maxlen: int = 0  # pad sequences to this length (0: auto for sequence data)
    val_fraction: float = 0.1
    # csv / npz: validation data from this file (same columns or arrays)
    # instead of val_fraction of the training data
    val_path: str = ""
    test_fraction: float = 0.2
    seed: int = 42
    # model input/output name -> array name, for several inputs or outputs
    input_map: dict[str, str] = field(default_factory=dict)
    output_map: dict[str, str] = field(default_factory=dict)


@dataclass
class OutputConfig:
    loss: str = ""  # "" = suggested from the output layer
    loss_weight: float = 1.0
    metrics: list[str] | None = None  # None = suggested


@dataclass
class CallbackConfig:
    early_stopping: dict[str, Any] = field(
        default_factory=lambda: {"enabled": False, "monitor": "val_loss", "patience": 3, "restore_best_weights": True}
    )
    model_checkpoint: dict[str, Any] = field(
        default_factory=lambda: {"enabled": False, "filepath": "best.keras", "monitor": "val_loss", "save_best_only": True}
    )
    reduce_lr: dict[str, Any] = field(
        default_factory=lambda: {"enabled": False, "monitor": "val_loss", "factor": 0.5, "patience": 2, "min_lr": 1e-6}
    )
    csv_logger: dict[str, Any] = field(default_factory=lambda: {"enabled": False, "filename": "training_log.csv"})
    tensorboard: dict[str, Any] = field(default_factory=lambda: {"enabled": False, "log_dir": "logs"})
    terminate_on_nan: dict[str, Any] = field(default_factory=lambda: {"enabled": True})


@dataclass
class TrainConfig:
    data: DataConfig = field(default_factory=DataConfig)
    optimizer: str = "adam"
    learning_rate: float = 0.001
    optimizer_options: dict[str, Any] = field(default_factory=dict)
    # output layer name -> its loss, weight and metrics; missing = suggested
    outputs: dict[str, OutputConfig] = field(default_factory=dict)
    epochs: int = 5
    batch_size: int = 32
    shuffle: bool = True
    # "none" | "balanced" | {"0": 1.0, "1": 3.0}
    class_weight: Any = "none"
    steps_per_execution: int = 1
    callbacks: CallbackConfig = field(default_factory=CallbackConfig)
    # default | mirrored (tf.distribute.MirroredStrategy over all local GPUs)
    distribution: str = "default"

    def to_dict(self) -> dict[str, Any]:
        return copy.deepcopy(asdict(self))

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> TrainConfig:
        """Tolerant: unknown keys are dropped, missing ones take defaults."""
        d = dict(d or {})
        cfg = cls()
        # The short form templates use: {"dataset": "digits", "validation_split": 0.2, ...}
        short = {k: d.pop(k) for k in ("dataset", "validation_split", "test_split", "seed") if k in d}
        for f in fields(cls):
            if f.name not in d:
                continue
            value = d[f.name]
            if f.name == "data":
                value = _dc(DataConfig, value)
            elif f.name == "callbacks":
                cb = CallbackConfig()
                for k, v in (value or {}).items():
                    if hasattr(cb, k) and isinstance(v, dict):
                        getattr(cb, k).update(v)
                value = cb
            elif f.name == "outputs":
                value = {str(k): _dc(OutputConfig, v) for k, v in (value or {}).items()}
            setattr(cfg, f.name, copy.deepcopy(value))
        if "dataset" in short:
            cfg.data.name = str(short["dataset"])
            cfg.data.source = dataset_source(cfg.data.name)
        if "validation_split" in short:
            cfg.data.val_fraction = float(short["validation_split"])
        if "test_split" in short:
            cfg.data.test_fraction = float(short["test_split"])
        if "seed" in short:
            cfg.data.seed = int(short["seed"])
        return cfg

    def copy(self) -> TrainConfig:
        return TrainConfig.from_dict(self.to_dict())


def _dc(cls, d):
    if isinstance(d, cls):
        return copy.deepcopy(d)
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in (d or {}).items() if k in names})


def epochs_text(n: int) -> str:
    """"1 epoch", "10 epochs", always in English: for the exported scripts
    and notebooks.  What a person reads in kbuilder uses :func:`epochs_label`."""
    return f"{n} epoch" if n == 1 else f"{n} epochs"


def epochs_label(n: int) -> str:
    """"1 epoch", "10 epochs" in the user's language."""
    return translate("training.config", "1 epoch") if n == 1 else translate("training.config", "{n} epochs").format(n=n)
