"""The data sets kbuilder knows, and loading one into plain numpy arrays.

Three families: the sets bundled inside scikit-learn (no network), the sets
that Keras downloads once and caches (``~/.keras/datasets`` or
``$KERAS_HOME/datasets``), and the user's own files (CSV, .npy/.npz, an image
folder).  Loading returns a :class:`RawData`; preprocessing happens later
(:mod:`kbuilder.training.prepare`) because it depends on the model.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kbuilder.core.i18n import translate
from kbuilder.training import recipes
from kbuilder.training.config import DataConfig
from kbuilder.training.dataset_table import DATASETS, DatasetInfo, dataset_title


class DataError(Exception):
    """Data that cannot be loaded or does not fit; the message is for the user."""


class DatasetUnavailable(DataError):
    """A Keras data set that is not cached and cannot be downloaded."""


def keras_cache_dir() -> Path:
    """Where Keras keeps downloaded data sets (``$KERAS_HOME/datasets``)."""
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return Path(home) / "datasets"


def is_cached(info: DatasetInfo) -> bool:
    if info.source != "keras":
        return True
    base = keras_cache_dir()
    if info.name in ("cifar10", "cifar100"):
        folder = base / info.files[0].replace("_archive", "")
        return folder.is_dir() or (base / info.files[0]).is_file()
    return all((base / f).is_file() for f in info.files)


@dataclass
class RawData:
    """Arrays as loaded, before the split.  ``features`` / ``targets`` name the
    arrays that feed the model's inputs and outputs by default."""

    arrays: dict[str, np.ndarray]
    test_arrays: dict[str, np.ndarray] | None
    features: list[str]
    targets: list[str]
    kind: str = "tabular"  # image | tabular | sequence
    task: str = "classification"
    image_max: float = 0.0
    class_names: list[str] = field(default_factory=list)
    title: str = ""
    # The recipe call that loaded it, for the exported script: (function, kwargs).
    recipe: tuple[str, dict] = ("", {})
    # Tabular: the name of each column of the features (for the Try-it form);
    # a CSV's target of words: its class names, in the order of the class numbers.
    columns: list[str] = field(default_factory=list)
    target_classes: dict[str, list[str]] = field(default_factory=dict)
    name: str = ""  # the data set's name in DATASETS ("" for the user's own files)


def load(cfg: DataConfig, classes_from: str | None = None) -> RawData:
    """Load the data ``cfg`` names.  Raises :class:`DataError` (or
    :class:`DatasetUnavailable`) with a message for the user.
    ``classes_from``: for a CSV validation file, the training CSV whose
    words give the class numbers."""
    src = cfg.source
    if src in ("sklearn", "keras"):
        info = DATASETS.get(cfg.name)
        if info is None:
            raise DataError(
                translate("training.datasets", "Unknown data set {name}. Known: {known}.").format(
                    name=repr(cfg.name), known=", ".join(DATASETS)
                )
            )
        if info.source == "sklearn":
            fn, kw = "load_sklearn", {"name": info.name}
        else:
            kw = {"name": info.name}
            if info.name in ("imdb", "reuters"):
                kw["num_words"] = int(cfg.num_words) or None
            fn = "load_keras"
        arrays, test = _call(fn, kw, info)
        return RawData(arrays, test, ["x"], ["y"], info.kind, info.task, info.image_max,
                       list(info.class_names), info.title, (fn, kw), columns=dataset_columns(info),
                       name=info.name)
    path = cfg.path
    if not path:
        raise DataError(translate("training.datasets", "Choose a file or folder for your data."))
    if not os.path.exists(path):
        raise DataError(translate("training.datasets", "No such file or folder: {path}").format(path=path))
    if src == "csv":
        if not cfg.targets:
            raise DataError(translate("training.datasets", "Choose the column (or columns) the model should predict."))
        kw = {"path": path, "targets": list(cfg.targets), "features": list(cfg.features) or None}
        if classes_from:
            kw["classes_from"] = classes_from
        arrays, test = _call("load_csv", kw)
        y0 = arrays[cfg.targets[0]]
        task = "classification" if y0.dtype.kind in "iu" or _looks_integer(y0) else "regression"
        columns, classes = _csv_names(path, list(cfg.targets), list(cfg.features) or None)
        return RawData(arrays, test, ["x"], list(cfg.targets), "tabular", task, title=Path(path).name,
                       recipe=("load_csv", kw), columns=columns, target_classes=classes)
    if src == "npz":
        kw = {"path": path}
        arrays, test = _call("load_npz", kw)
        names = list(arrays)
        targets = list(cfg.targets) or [n for n in names if n.lower() in ("y", "label", "labels", "target", "targets")]
        features = list(cfg.features) or [n for n in names if n not in targets]
        missing = [n for n in targets + features if n not in arrays]
        if missing:
            raise DataError(
                translate("training.datasets", "{file} has no array named {missing} (it has: {names}).").format(
                    file=Path(path).name, missing=", ".join(missing), names=", ".join(names)
                )
            )
        if not targets:
            raise DataError(
                translate("training.datasets", "Choose which array holds the labels (the file has: {names}).").format(
                    names=", ".join(names)
                )
            )
        sizes = {n: len(arrays[n]) for n in targets + features}
        if len(set(sizes.values())) > 1:
            counts = ", ".join(
                translate("training.datasets", "{array} has {n}").format(array=k, n=v) for k, v in sizes.items()
            )
            raise DataError(
                translate("training.datasets", "The arrays do not have the same number of samples: {counts}.").format(
                    counts=counts
                )
            )
        y0 = arrays[targets[0]]
        task = "classification" if y0.dtype.kind in "iu" else "regression"
        kind = "image" if arrays[features[0]].ndim >= 3 else "tabular"
        image_max = 255.0 if kind == "image" and float(np.max(arrays[features[0]])) > 1.0 else 0.0
        return RawData(arrays, None, features, targets, kind, task, image_max, title=Path(path).name,
                       recipe=("load_npz", kw))
    if src == "images":
        kw = {"path": path, "image_size": list(cfg.image_size), "color_mode": cfg.color_mode}
        arrays, test = _call("load_image_folder", kw)
        classes = sorted(d.name for d in Path(path).iterdir() if d.is_dir())
        return RawData(arrays, None, ["x"], ["y"], "image", "classification", 255.0, classes,
                       Path(path).name, ("load_image_folder", kw))
    raise DataError(translate("training.datasets", "Unknown kind of data source {source}.").format(source=repr(src)))


def dataset_columns(info: DatasetInfo) -> list[str]:
    """The name of each input column of a tabular data set ([] otherwise)."""
    if info.kind != "tabular":
        return []
    if info.columns or info.source != "sklearn":
        return list(info.columns)
    return list(_sklearn_columns(info.name))


@functools.lru_cache(maxsize=8)
def _sklearn_columns(name: str) -> tuple[str, ...]:
    from sklearn import datasets as skd

    loader = {"iris": skd.load_iris, "wine": skd.load_wine, "breast_cancer": skd.load_breast_cancer,
              "diabetes": skd.load_diabetes}.get(name)
    return tuple(str(c) for c in loader().feature_names) if loader else ()


def _csv_names(path: str, targets: list[str], features: list[str] | None) -> tuple[list[str], dict[str, list[str]]]:
    """A CSV's feature column names and, for each target column of words, its
    class names in the order recipes.load_csv numbers them (sorted)."""
    import csv

    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = [r for r in csv.reader(fh) if r and any(c.strip() for c in r)]
    header = [h.strip() for h in rows[0]] if rows else []
    columns = list(features) if features else [h for h in header if h not in targets]
    classes: dict[str, list[str]] = {}
    for t in targets:
        if t not in header:
            continue
        i = header.index(t)
        values = [r[i].strip() if i < len(r) else "" for r in rows[1:]]
        try:
            [float(v) for v in values]
        except ValueError:
            classes[t] = sorted(set(values))
    return columns, classes


def _looks_integer(a: np.ndarray) -> bool:
    return a.size > 0 and bool(np.all(a == np.round(a))) and len(np.unique(a)) <= max(20, a.size // 20)


def _call(fn: str, kw: dict, info: DatasetInfo | None = None):
    try:
        return getattr(recipes, fn)(**kw)
    except DataError:
        raise
    except Exception as exc:  # noqa: BLE001 - every loader failure becomes a message
        text = str(exc)
        if info is not None and info.source == "keras" and _is_network_error(exc):
            raise DatasetUnavailable(download_help(info, text)) from exc
        where = kw.get("path") or kw.get("name")
        raise DataError(
            translate("training.datasets", "Could not load {what}: {error}").format(
                what=where, error=text or type(exc).__name__
            )
        ) from exc


def _is_network_error(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return any(w in text for w in ("url fetch failure", "urlopen", "name or service", "connection", "network",
                                   "temporary failure", "timed out", "http error", "ssl"))


def download_help(info: DatasetInfo, reason: str = "") -> str:
    base = keras_cache_dir()
    title = dataset_title(info)
    if reason:
        lines = [
            translate(
                "training.datasets", "{title} could not be downloaded (this computer seems to be offline: {reason})."
            ).format(title=title, reason=reason.split(" -- ")[-1].strip())
        ]
    else:
        lines = [
            translate(
                "training.datasets", "{title} could not be downloaded (this computer seems to be offline)."
            ).format(title=title)
        ]
    if info.name == "fashion_mnist":
        lines.append(
            translate("training.datasets", "Download the four files from {url} and put them in {folder}:").format(
                url=info.origin, folder=base / "fashion-mnist"
            )
        )
        lines += [f"  {f.split('/')[-1]}" for f in info.files]
    elif info.name in ("cifar10", "cifar100"):
        lines.append(
            translate(
                "training.datasets",
                "Download {url} and save it as {path} (that exact name, not unpacked: Keras unpacks it on first use).",
            ).format(url=info.origin, path=base / info.files[0])
        )
    else:
        lines.append(
            translate("training.datasets", "Download {url} and put it in {path}.").format(
                url=info.origin, path=base / info.files[0]
            )
        )
    lines.append(
        translate(
            "training.datasets",
            "Or pick a data set that needs no download: digits, iris, wine, breast_cancer, diabetes.",
        )
    )
    return "\n".join(lines)
