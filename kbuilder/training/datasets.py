"""The data sets kbuilder knows, and loading one into plain numpy arrays.

Three families: the sets bundled inside scikit-learn (no network), the sets
that Keras downloads once and caches (``~/.keras/datasets`` or
``$KERAS_HOME/datasets``), and the user's own files (CSV, .npy/.npz, an image
folder).  Loading returns a :class:`RawData`; preprocessing happens later
(:mod:`kbuilder.training.prepare`) because it depends on the model.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kbuilder.training import recipes
from kbuilder.training.config import DataConfig


class DataError(Exception):
    """Data that cannot be loaded or does not fit; the message is for the user."""


class DatasetUnavailable(DataError):
    """A Keras data set that is not cached and cannot be downloaded."""


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    title: str
    source: str  # sklearn | keras
    kind: str  # image | tabular | sequence
    task: str  # classification | regression
    n_classes: int  # 0 for regression
    sample_shape: tuple[int, ...] | None
    description: str
    # Keras: files in the cache folder, and where they come from.
    files: tuple[str, ...] = ()
    origin: str = ""
    image_max: float = 0.0  # what "scale to 0-1" divides images by
    class_names: tuple[str, ...] = ()


_KB = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
_FASHION = ("train-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz")

DATASETS: dict[str, DatasetInfo] = {
    d.name: d
    for d in [
        DatasetInfo("digits", "Digits (8×8 images)", "sklearn", "image", "classification", 10, (8, 8),
                    "1,797 handwritten digits 0-9 as 8×8 grey images (values 0-16). Bundled: no download.",
                    image_max=16.0, class_names=tuple("0123456789")),
        DatasetInfo("iris", "Iris flowers", "sklearn", "tabular", "classification", 3, (4,),
                    "150 flowers, 4 measurements, 3 species. Bundled: no download.",
                    class_names=("setosa", "versicolor", "virginica")),
        DatasetInfo("wine", "Wine", "sklearn", "tabular", "classification", 3, (13,),
                    "178 wines, 13 chemical measurements, 3 cultivars. Bundled: no download."),
        DatasetInfo("breast_cancer", "Breast cancer", "sklearn", "tabular", "classification", 2, (30,),
                    "569 tumours, 30 measurements, malignant or benign. Bundled: no download.",
                    class_names=("malignant", "benign")),
        DatasetInfo("diabetes", "Diabetes progression", "sklearn", "tabular", "regression", 0, (10,),
                    "442 patients, 10 measurements, disease progression after a year (a number). Bundled."),
        DatasetInfo("mnist", "MNIST digits", "keras", "image", "classification", 10, (28, 28),
                    "70,000 handwritten digits, 28×28 grey. Downloaded once by Keras (11 MB).",
                    files=("mnist.npz",), origin=_KB + "mnist.npz", image_max=255.0, class_names=tuple("0123456789")),
        DatasetInfo("fashion_mnist", "Fashion-MNIST", "keras", "image", "classification", 10, (28, 28),
                    "70,000 clothes pictures in 10 kinds, 28×28 grey. Downloaded once by Keras (30 MB).",
                    files=tuple("fashion-mnist/" + f for f in _FASHION), origin=_KB + "fashion-mnist/",
                    image_max=255.0,
                    class_names=("T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                                 "Sneaker", "Bag", "Ankle boot")),
        DatasetInfo("cifar10", "CIFAR-10", "keras", "image", "classification", 10, (32, 32, 3),
                    "60,000 colour pictures 32×32 in 10 classes. Downloaded once by Keras (170 MB).",
                    files=("cifar-10-batches-py-target_archive",), origin="https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",
                    image_max=255.0,
                    class_names=("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")),
        DatasetInfo("cifar100", "CIFAR-100", "keras", "image", "classification", 100, (32, 32, 3),
                    "60,000 colour pictures 32×32 in 100 classes. Downloaded once by Keras (170 MB).",
                    files=("cifar-100-python-target_archive",), origin="https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz",
                    image_max=255.0),
        DatasetInfo("imdb", "IMDB reviews", "keras", "sequence", "classification", 2, None,
                    "50,000 film reviews as word numbers, positive or negative. Downloaded once by Keras (17 MB).",
                    files=("imdb.npz",), origin=_KB + "imdb.npz", class_names=("negative", "positive")),
        DatasetInfo("reuters", "Reuters newswires", "keras", "sequence", "classification", 46, None,
                    "11,228 news stories as word numbers in 46 topics. Downloaded once by Keras (2 MB).",
                    files=("reuters.npz",), origin=_KB + "reuters.npz"),
        DatasetInfo("boston_housing", "Boston housing", "keras", "tabular", "regression", 0, (13,),
                    "506 districts, 13 measurements, median house price. Downloaded once by Keras (57 kB).",
                    files=("boston_housing.npz",), origin=_KB + "boston_housing.npz"),
        DatasetInfo("california_housing", "California housing", "keras", "tabular", "regression", 0, (8,),
                    "20,640 districts, 8 measurements, median house value. Downloaded once by Keras.",
                    files=("california_housing.npz",), origin=_KB + "california_housing.npz"),
    ]
}


def list_datasets() -> list[DatasetInfo]:
    return list(DATASETS.values())


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


def load(cfg: DataConfig, classes_from: str | None = None) -> RawData:
    """Load the data ``cfg`` names.  Raises :class:`DataError` (or
    :class:`DatasetUnavailable`) with a message for the user.
    ``classes_from``: for a CSV validation file, the training CSV whose
    words give the class numbers."""
    src = cfg.source
    if src in ("sklearn", "keras"):
        info = DATASETS.get(cfg.name)
        if info is None:
            raise DataError(f"Unknown data set {cfg.name!r}. Known: {', '.join(DATASETS)}.")
        if info.source == "sklearn":
            fn, kw = "load_sklearn", {"name": info.name}
        else:
            kw = {"name": info.name}
            if info.name in ("imdb", "reuters"):
                kw["num_words"] = int(cfg.num_words) or None
            fn = "load_keras"
        arrays, test = _call(fn, kw, info)
        return RawData(arrays, test, ["x"], ["y"], info.kind, info.task, info.image_max,
                       list(info.class_names), info.title, (fn, kw))
    path = cfg.path
    if not path:
        raise DataError("Choose a file or folder for your data.")
    if not os.path.exists(path):
        raise DataError(f"No such file or folder: {path}")
    if src == "csv":
        if not cfg.targets:
            raise DataError("Choose the column (or columns) the model should predict.")
        kw = {"path": path, "targets": list(cfg.targets), "features": list(cfg.features) or None}
        if classes_from:
            kw["classes_from"] = classes_from
        arrays, test = _call("load_csv", kw)
        y0 = arrays[cfg.targets[0]]
        task = "classification" if y0.dtype.kind in "iu" or _looks_integer(y0) else "regression"
        return RawData(arrays, test, ["x"], list(cfg.targets), "tabular", task, title=Path(path).name,
                       recipe=("load_csv", kw))
    if src == "npz":
        kw = {"path": path}
        arrays, test = _call("load_npz", kw)
        names = list(arrays)
        targets = list(cfg.targets) or [n for n in names if n.lower() in ("y", "label", "labels", "target", "targets")]
        features = list(cfg.features) or [n for n in names if n not in targets]
        missing = [n for n in targets + features if n not in arrays]
        if missing:
            raise DataError(f"{Path(path).name} has no array named {', '.join(missing)} (it has: {', '.join(names)}).")
        if not targets:
            raise DataError(f"Choose which array holds the labels (the file has: {', '.join(names)}).")
        sizes = {n: len(arrays[n]) for n in targets + features}
        if len(set(sizes.values())) > 1:
            raise DataError("The arrays do not have the same number of samples: "
                            + ", ".join(f"{k} has {v}" for k, v in sizes.items()) + ".")
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
    raise DataError(f"Unknown kind of data source {src!r}.")


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
        raise DataError(f"Could not load {where}: {text or type(exc).__name__}") from exc


def _is_network_error(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return any(w in text for w in ("url fetch failure", "urlopen", "name or service", "connection", "network",
                                   "temporary failure", "timed out", "http error", "ssl"))


def download_help(info: DatasetInfo, reason: str = "") -> str:
    base = keras_cache_dir()
    lines = [f"{info.title} could not be downloaded (this computer seems to be offline"
             + (f": {reason.split(' -- ')[-1].strip()}" if reason else "") + ")."]
    if info.name == "fashion_mnist":
        lines.append(f"Download the four files from {info.origin} and put them in {base / 'fashion-mnist'}:")
        lines += [f"  {f.split('/')[-1]}" for f in info.files]
    elif info.name in ("cifar10", "cifar100"):
        lines.append(f"Download {info.origin} and save it as {base / info.files[0]} "
                     "(that exact name, not unpacked: Keras unpacks it on first use).")
    else:
        lines.append(f"Download {info.origin} and put it in {base / info.files[0]}.")
    lines.append("Or pick a data set that needs no download: digits, iris, wine, breast_cancer, diabetes.")
    return "\n".join(lines)
