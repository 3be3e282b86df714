"""Data loading and preprocessing as plain, self-contained functions.

The training engine calls these functions, and the exported training script
contains their source text (``inspect.getsource``), so a script reproduces
exactly what the app did: same loading, same split, same seed, same scaling.
Rules for this module: every function imports what it needs inside itself
(numpy is the only module-level import), takes and returns plain values
(dicts of numpy arrays, JSON-like plans), and never imports kbuilder.
"""

from __future__ import annotations

import numpy as np


def load_sklearn(name):
    """A data set bundled with scikit-learn: no network needed.
    Returns ({"x": features, "y": targets}, None)."""
    from sklearn import datasets as skd

    if name == "digits":
        bunch = skd.load_digits()
        x = bunch.images.astype("float32")  # (n, 8, 8), values 0..16
    else:
        loader = {
            "iris": skd.load_iris,
            "wine": skd.load_wine,
            "breast_cancer": skd.load_breast_cancer,
            "diabetes": skd.load_diabetes,
        }[name]
        bunch = loader()
        x = bunch.data.astype("float32")
    y = bunch.target
    y = y.astype("float32") if name == "diabetes" else y.astype("int64")
    return {"x": x, "y": y}, None


def load_keras(name, num_words=None):
    """A data set through Keras's own loaders (downloaded once, then cached in
    ~/.keras/datasets).  Returns (train arrays, test arrays)."""
    import keras

    ds = keras.datasets
    if name in ("imdb", "reuters"):
        module = getattr(ds, name)
        (x, y), (xt, yt) = module.load_data(num_words=num_words)
    else:
        module = {
            "mnist": ds.mnist,
            "fashion_mnist": ds.fashion_mnist,
            "cifar10": ds.cifar10,
            "cifar100": ds.cifar100,
            "boston_housing": ds.boston_housing,
            "california_housing": ds.california_housing,
        }[name]
        (x, y), (xt, yt) = module.load_data()
    if name in ("cifar10", "cifar100"):
        y, yt = y.reshape(-1), yt.reshape(-1)
    return {"x": x, "y": y}, {"x": xt, "y": yt}


def load_csv(path, targets, features=None, delimiter=",", classes_from=None):
    """A CSV file with a header row.  ``targets``: the column(s) to predict;
    ``features``: the input columns (None: every other column).  Columns of
    words (like "setosa") become class numbers in sorted order; with
    ``classes_from`` (the training file, when this is the validation file)
    in the order of that file's words, so both number the classes alike.
    Returns ({"x": ..., <target>: ...}, None)."""
    import csv

    def read(name):
        with open(name, newline="", encoding="utf-8-sig") as fh:
            rows = [r for r in csv.reader(fh, delimiter=delimiter) if r and any(c.strip() for c in r)]
        if not rows:
            raise ValueError(f"{name} is empty")
        return [h.strip() for h in rows[0]], rows[1:]

    def values_of(header, body, name):
        i = header.index(name)
        return [r[i].strip() if i < len(r) else "" for r in body]

    header, body = read(path)
    missing = [t for t in list(targets) + list(features or []) if t not in header]
    if missing:
        raise ValueError(f"{path} has no column named {', '.join(missing)} (columns: {', '.join(header)})")
    if features is None:
        features = [h for h in header if h not in targets]
    reference = read(classes_from) if classes_from else None

    def column(name):
        values = values_of(header, body, name)
        try:
            return np.array([float(v) for v in values], dtype="float32")
        except ValueError:
            words = values
            if reference is not None and name in reference[0]:
                words = values_of(*reference, name)
            classes = sorted(set(words))
            unknown = sorted(set(values) - set(classes))
            if unknown:
                raise ValueError(f"column {name} has {unknown[0]!r}, which {classes_from} does not have") from None
            return np.array([classes.index(v) for v in values], dtype="int64")

    arrays = {"x": np.stack([column(f).astype("float32") for f in features], axis=1)}
    for t in targets:
        arrays[t] = column(t)
    return arrays, None


def load_npz(path, keys=None):
    """Arrays from a .npz (all of them, or ``keys``) or a single .npy
    (named after the file).  Returns (arrays, None)."""
    import os

    if str(path).endswith(".npy"):
        name = os.path.splitext(os.path.basename(path))[0]
        return {name: np.load(path, allow_pickle=False)}, None
    with np.load(path, allow_pickle=False) as data:
        names = list(keys) if keys else list(data.files)
        return {k: data[k] for k in names}, None


def load_image_folder(path, image_size=(64, 64), color_mode="rgb"):
    """One sub-folder per class, read with keras.utils.image_dataset_from_directory.
    Returns ({"x": images (0..255), "y": class numbers}, None)."""
    import keras

    ds = keras.utils.image_dataset_from_directory(
        path, image_size=tuple(image_size), color_mode=color_mode, batch_size=64, shuffle=False
    )
    xs, ys = [], []
    for xb, yb in ds:
        xs.append(np.asarray(xb))
        ys.append(np.asarray(yb))
    return {"x": np.concatenate(xs).astype("float32"), "y": np.concatenate(ys).astype("int64")}, None


def split_arrays(arrays, test_arrays=None, val_fraction=0.1, test_fraction=0.2, seed=42):
    """Shuffle with ``seed`` and cut into train / validation / test.  When the
    data set comes with its own test part, that part is the test split.
    Returns {"train": arrays, "val": arrays or None, "test": arrays or None}."""
    n = len(next(iter(arrays.values())))
    rng = np.random.default_rng(seed)
    order = rng.permutation(n)
    n_test = 0 if test_arrays is not None else int(round(n * test_fraction))
    n_val = int(round(n * val_fraction))
    test_idx, val_idx, train_idx = order[:n_test], order[n_test : n_test + n_val], order[n_test + n_val :]

    def take(idx):
        return {k: (v[idx] if isinstance(v, np.ndarray) else [v[i] for i in idx]) for k, v in arrays.items()}

    return {
        "train": take(train_idx),
        "val": take(val_idx) if n_val else None,
        "test": test_arrays if test_arrays is not None else (take(test_idx) if n_test else None),
    }


def apply_plan(splits, plan, stats_out=None):
    """Preprocess every split the same way.  ``plan`` maps an array name to a
    list of steps, applied in order:
    ["pad", maxlen] pad or cut integer sequences;  ["multi_hot", n] word
    numbers to a 0/1 vector of n;  ["divide", d] x / d;
    ["minmax"] per column to 0-1 and ["standardize"] per column to mean 0,
    std 1, both with statistics of the training split;  ["reshape", shape]
    per sample;  ["one_hot", n];  ["argmax"] one-hot back to class numbers;
    ["float32"] / ["int64"] cast.  ``stats_out`` (a dict), when given,
    receives those statistics: {array name: {"minmax" or "standardize":
    (shift, size)}}, where a step computes (x - shift) / size."""
    import keras

    out = {part: (dict(arrays) if arrays is not None else None) for part, arrays in splits.items()}
    for key, steps in plan.items():
        stats = {}
        for step in steps:
            op = step[0]
            if op in ("minmax", "standardize"):
                ref = np.asarray(out["train"][key], dtype="float32")
                ref = ref.reshape(len(ref), -1)
                if op == "minmax":
                    lo, hi = ref.min(axis=0), ref.max(axis=0)
                    stats[op] = (lo, np.where(hi > lo, hi - lo, 1.0))
                else:
                    mean, std = ref.mean(axis=0), ref.std(axis=0)
                    stats[op] = (mean, np.where(std > 0, std, 1.0))
                if stats_out is not None:
                    stats_out.setdefault(key, {})[op] = stats[op]
            for arrays in out.values():
                if arrays is None or key not in arrays:
                    continue
                v = arrays[key]
                if op == "pad":
                    v = keras.utils.pad_sequences(v, maxlen=int(step[1]), padding="post", truncating="post")
                elif op == "multi_hot":
                    hot = np.zeros((len(v), int(step[1])), dtype="float32")
                    for i, seq in enumerate(v):
                        hot[i, [w for w in seq if 0 <= w < int(step[1])]] = 1.0
                    v = hot
                elif op == "divide":
                    v = np.asarray(v, dtype="float32") / float(step[1])
                elif op in ("minmax", "standardize"):
                    shift, size = stats[op]
                    flat = np.asarray(v, dtype="float32").reshape(len(v), -1)
                    v = ((flat - shift) / size).reshape(np.shape(v)).astype("float32")
                elif op == "reshape":
                    v = np.asarray(v).reshape((len(v),) + tuple(step[1]))
                elif op == "one_hot":
                    v = np.eye(int(step[1]), dtype="float32")[np.asarray(v).astype("int64").reshape(-1)]
                elif op == "argmax":
                    v = np.asarray(v).argmax(axis=-1).astype("int64")
                elif op in ("float32", "int64"):
                    v = np.asarray(v).astype(op)
                else:
                    raise ValueError(f"unknown preprocessing step {op!r}")
                arrays[key] = v
    return out
