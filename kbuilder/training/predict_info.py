"""What prediction needs to know about a model besides its weights.

For each input: what kind of thing it takes (a picture, a row of numbers,
text), the names of the columns and one real row to pre-fill a form, the
vocabulary of a text data set.  For each output: classes (with their
names) or a value, or a picture.  A trained model that kbuilder saves as
``.keras`` carries this as ``kbuilder.json`` inside the archive (plain
JSON, which Keras ignores and nothing executes); without it the model's
shapes and activations alone decide.  :func:`input_kind` answers from the
graph and the training settings, without Keras, for laying out a view;
:func:`describe_value` turns one output's numbers into the top classes or
the value that ``kbuilder predict`` prints.
"""

from __future__ import annotations

import json
import math
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from kbuilder.core.i18n import translate
from kbuilder.keras_io.file_guard import MiB, ReadError, check_archive, open_regular, read_member, read_regular
from kbuilder.training.dataset_table import DATASETS

META_NAME = "kbuilder.json"
META_FORMAT = "kbuilder-predict"
MAX_META_BYTES = 4 * MiB
KINDS = ("image", "tabular", "text", "other")
OUTPUT_KINDS = ("classes", "value", "image")
SEQUENCE_STEPS = ("pad", "multi_hot")
TOP_K = 5  # classes shown per output


@dataclass
class InputInfo:
    name: str
    kind: str = "other"  # image | tabular | text | other
    shape: tuple = ()  # one sample as the model takes it; None = any length
    dtype: str = "float32"
    columns: list[str] = field(default_factory=list)  # tabular: one name per number
    example: list[float] | None = None  # tabular: one real row of the training data, raw units
    vocabulary: str = ""  # text: the word index file in Keras's cache ("imdb_word_index.json")
    num_words: int = 0  # text: word numbers from here on count as unknown (0: no limit)
    steps: list = field(default_factory=list)  # text: recipes.apply_plan steps (pad / multi_hot)

    @property
    def size(self) -> int | None:
        if any(d is None for d in self.shape):
            return None
        return int(math.prod(self.shape)) if self.shape else 1

    @property
    def image_shape(self) -> tuple[int, int, int] | None:
        """(height, width, channels) when the input takes pictures."""
        s = self.shape
        if self.kind == "text" or self.size is None:
            return None
        if len(s) == 3 and 1 <= s[2] <= 4:
            return (int(s[0]), int(s[1]), int(s[2]))
        if len(s) == 2:
            return (int(s[0]), int(s[1]), 1)
        if len(s) == 1 and self.kind == "tabular" and not self.columns and s[0] >= 64:
            # A flat input of a square size (784) with no columns known may well be a picture.
            side = math.isqrt(int(s[0]))
            if side * side == s[0] and side >= 8:
                return (side, side, 1)
        return None

    def expects(self) -> str:
        """What the input takes, as a phrase: "pictures of 28×28 with 1 channel, or rows of 784 numbers"."""
        n = self.size
        if self.kind == "text":
            if n and not self.steps:
                return translate("training.predict_info", "text, or rows of {n} word numbers").format(n=n)
            return translate("training.predict_info", "text")
        img = self.image_shape
        if img is not None:
            h, w, c = img
            if c > 1:
                text = translate(
                    "training.predict_info",
                    "pictures of {height}×{width} with {channels} channels, or rows of {n} numbers",
                )
            else:
                text = translate(
                    "training.predict_info",
                    "pictures of {height}×{width} with {channels} channel, or rows of {n} numbers",
                )
            return text.format(height=h, width=w, channels=c, n=n)
        if n is not None and len(self.shape) == 1:
            if self.columns and len(self.columns) <= 6:
                return translate("training.predict_info", "rows of {n} numbers ({columns})").format(
                    n=n, columns=", ".join(self.columns)
                )
            return translate("training.predict_info", "rows of {n} numbers").format(n=n)
        return translate("training.predict_info", "arrays of shape {shape}").format(shape=fmt_shape(self.shape))


@dataclass
class OutputInfo:
    name: str
    kind: str = "value"  # classes | value | image
    shape: tuple = ()
    activation: str = ""
    class_names: list[str] = field(default_factory=list)  # classes: one per class (a sigmoid unit: 2)


@dataclass
class PredictInfo:
    inputs: list[InputInfo]
    outputs: list[OutputInfo]
    dataset: str = ""  # the training data's title; "" when unknown
    notes: list[str] = field(default_factory=list)

    @property
    def input_kind(self) -> str:
        return self.inputs[0].kind if len(self.inputs) == 1 else "other"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["format"], d["version"] = META_FORMAT, 1
        return json.loads(json.dumps(d))


def fmt_shape(shape) -> str:
    shape = tuple(shape)
    dims = [translate("training.predict_info", "any") if d is None else str(d) for d in shape]
    return "(" + ", ".join(dims) + ("," if len(shape) == 1 else "") + ")"


def kind_from_shape(shape: tuple, dtype: str) -> str:
    """An input's kind from its shape alone (no training data known)."""
    if any(d is None for d in shape) or "int" in str(dtype):
        return "other"
    if len(shape) == 1:
        return "tabular"
    if len(shape) == 2 or (len(shape) == 3 and 1 <= shape[2] <= 4):
        return "image"
    return "other"


def output_kind(shape: tuple, activation: str, loss: str, image_shapes: list) -> str:
    from kbuilder.training.prepare import CLASSIFICATION_LOSSES

    if len(shape) == 1 and shape[0] and (activation in ("softmax", "sigmoid") or loss in CLASSIFICATION_LOSSES):
        return "classes"
    if len(shape) in (2, 3) and any(_same_picture(shape, s) for s in image_shapes):
        return "image"
    return "value"


def _same_picture(shape: tuple, img: tuple) -> bool:
    return tuple(shape) == img or (len(shape) == 2 and tuple(shape) + (1,) == img)


def class_names_for(n_units: int, names: list[str]) -> list[str]:
    """One name per class (a single sigmoid unit: two classes), "0", "1"... where ``names`` has none."""
    n = 2 if n_units == 1 else n_units
    return [names[i] if i < len(names) else str(i) for i in range(n)]


def input_kind(graph: Any, training: Any = None) -> str:
    """The kind of input the Try-it view shows (image, tabular, text or
    other), from the graph's Input and the training settings (a ``TrainConfig``, the
    project's ``settings["training"]`` dict, or None); no Keras."""
    from kbuilder.training.config import TrainConfig

    inputs = graph.inputs()
    if len(inputs) != 1:
        return "other"
    p = inputs[0].params
    shape = tuple(p.get("shape") or ())
    cfg = training if isinstance(training, TrainConfig) else (TrainConfig.from_dict(training) if training else None)
    if cfg is not None:
        d = cfg.data
        if d.source in ("sklearn", "keras") and d.name in DATASETS:
            info = DATASETS[d.name]
            if info.kind == "sequence":
                return "text" if info.vocabulary else "other"
            return info.kind
        if d.source == "csv":
            return "tabular"
        if d.source == "images":
            return "image"
    return kind_from_shape(shape, p.get("dtype") or "float32")


# ---------------------------------------------------------------- results
def describe_value(out: OutputInfo, value: Any) -> dict:
    """One output's value for one sample as the JSON of ``kbuilder predict``."""
    v = np.asarray(value, dtype="float64")
    if out.kind != "classes" or v.ndim != 1:
        return {"name": out.name, "value": v.tolist() if v.ndim else [float(v)]}
    p = probabilities(v, out.activation)
    names = out.class_names if len(out.class_names) == len(p) else class_names_for(len(v), out.class_names)
    order = np.argsort(-p, kind="stable")[: min(TOP_K, len(p))]
    return {"name": out.name, "top": [{"class": names[i], "probability": float(p[i])} for i in order]}


def probabilities(v: np.ndarray, activation: str) -> np.ndarray:
    """Class probabilities from an output: a single sigmoid unit gives two
    classes; scores that are not probabilities get a softmax."""
    if activation == "sigmoid":
        return np.array([1.0 - v[0], v[0]]) if len(v) == 1 else v
    if activation == "softmax" or (np.all(v >= 0) and abs(float(v.sum()) - 1.0) < 1e-3):
        return v
    e = np.exp(v - v.max())
    return e / e.sum()


def describe(model: Any) -> PredictInfo:
    """A model's inputs and outputs from its shapes and activations alone."""
    from kbuilder.training.prepare import describe_model

    ports = describe_model(model)
    ins = [
        InputInfo(p.name, kind_from_shape(p.shape, str(t.dtype)), p.shape, str(t.dtype))
        for p, t in zip(ports.inputs, model.inputs, strict=True)
    ]
    pictures = [i.image_shape for i in ins if i.image_shape]
    outs = []
    for p in ports.outputs:
        kind = output_kind(p.shape, p.activation, "", pictures)
        names = class_names_for(int(p.shape[0]), []) if kind == "classes" else []
        outs.append(OutputInfo(p.name, kind, p.shape, p.activation, names))
    return PredictInfo(ins, outs)


def session_info(session: Any, model: Any) -> PredictInfo:
    """The inputs' kinds, columns and example row, and the outputs' class
    names, from the session's data, for ``model`` (the raw-input one)."""

    info = describe(model)
    prep, raw = session.prepared, session.raw
    for inp in info.inputs:
        key = prep.mapping.inputs.get(inp.name)
        arr = raw.arrays.get(key)
        if raw.kind == "sequence" or (isinstance(arr, np.ndarray) and arr.dtype == object):
            ds = DATASETS.get(raw.name)
            inp.vocabulary = ds.vocabulary if ds else ""
            inp.kind = "text" if inp.vocabulary else "other"
            inp.num_words = int(session.config.data.num_words or 0)
            inp.steps = [list(s) for s in prep.plan.get(key, []) if s[0] in SEQUENCE_STEPS]
        elif raw.kind == "image":
            inp.kind = "image" if inp.image_shape else "other"
        elif len(inp.shape) == 1 and inp.size:
            inp.kind = "tabular"
            if len(raw.columns) == inp.size:
                inp.columns = list(raw.columns)
            first = prep.first.get(key)
            if first is not None and np.size(first) == inp.size:
                inp.example = [float(v) for v in np.asarray(first, dtype="float64").reshape(-1)]
    pictures = [i.image_shape for i in info.inputs if i.image_shape]
    for out in info.outputs:
        key = prep.mapping.outputs.get(out.name)
        loss = session.outputs[out.name].loss if out.name in session.outputs else ""
        out.kind = output_kind(out.shape, out.activation, loss, pictures)
        names = raw.target_classes.get(key) or (list(raw.class_names) if raw.targets and key == raw.targets[0] else [])
        out.class_names = class_names_for(int(out.shape[0]), names) if out.kind == "classes" else []
    info.dataset = raw.title
    return info


# ------------------------------------------------------------ kbuilder.json
def write_meta(info: PredictInfo, path: Path) -> None:
    """Add ``kbuilder.json`` to the ``.keras`` archive at ``path``."""
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(META_NAME, json.dumps(info.to_dict(), ensure_ascii=False))


def read_meta(path: str | Path) -> dict | None:
    """The ``kbuilder.json`` of a ``.keras`` file (or folder) as a checked
    JSON object, or None when there is none or it cannot be read."""
    from kbuilder.core.limits import json_problem

    path = Path(path)
    try:
        if path.is_dir():
            data = read_regular(path / META_NAME, MAX_META_BYTES) if (path / META_NAME).is_file() else None
        else:
            with open_regular(path) as fh, zipfile.ZipFile(fh) as zf:
                check_archive(zf, path.name)
                member = next((i for i in zf.infolist() if i.filename == META_NAME), None)
                data = read_member(zf, member, path.name, MAX_META_BYTES) if member else None
        d = json.loads(data.decode("utf-8")) if data else None
    except (ReadError, OSError, zipfile.BadZipFile, ValueError, RecursionError):
        return None
    if not isinstance(d, dict) or d.get("format") != META_FORMAT or json_problem(d, 20, finite=True):
        return None
    return d


def merge_meta(info: PredictInfo, meta: dict | None) -> PredictInfo:
    """``info`` (from the model) with what ``meta`` says where it agrees with
    the model: the names and shapes must match, anything else is ignored."""
    if not meta:
        return info
    ins = {d.get("name"): d for d in meta.get("inputs") or [] if isinstance(d, dict)}
    for inp in info.inputs:
        d = ins.get(inp.name)
        if not d or _shape(d.get("shape")) != tuple(inp.shape):
            continue
        if d.get("kind") in KINDS:
            inp.kind = d["kind"]
        cols = d.get("columns")
        if isinstance(cols, list) and len(cols) == inp.size and all(isinstance(c, str) for c in cols):
            inp.columns = cols
        ex = d.get("example")
        if isinstance(ex, list) and len(ex) == inp.size and all(_num(v) for v in ex):
            inp.example = [float(v) for v in ex]
        if isinstance(d.get("vocabulary"), str) and d["vocabulary"] in _vocabularies():
            inp.vocabulary = d["vocabulary"]
        if _num(d.get("num_words")) and 0 <= int(d["num_words"]) <= 10_000_000:
            inp.num_words = int(d["num_words"])
        steps = d.get("steps")
        if isinstance(steps, list) and all(_sequence_step(s, inp.shape) for s in steps):
            inp.steps = [list(s) for s in steps]
        if inp.kind == "text" and not inp.vocabulary:
            inp.kind = "other"
    outs = {d.get("name"): d for d in meta.get("outputs") or [] if isinstance(d, dict)}
    for out in info.outputs:
        d = outs.get(out.name)
        if not d or _shape(d.get("shape")) != tuple(out.shape):
            continue
        if d.get("kind") in OUTPUT_KINDS:
            out.kind = d["kind"]
        names = d.get("class_names")
        if isinstance(names, list) and all(isinstance(c, str) for c in names) and len(names) <= 100_000:
            out.class_names = class_names_for(int(out.shape[0]) if out.shape else 1, names)
    if isinstance(meta.get("dataset"), str):
        info.dataset = meta["dataset"][:200]
    return info


def _vocabularies() -> set[str]:

    return {d.vocabulary for d in DATASETS.values() if d.vocabulary}


def _shape(v: Any) -> tuple | None:
    if not isinstance(v, list) or not all(d is None or (_num(d) and int(d) == d) for d in v):
        return None
    return tuple(None if d is None else int(d) for d in v)


def _num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _sequence_step(step: Any, shape: tuple) -> bool:
    """A pad / multi_hot step whose length is the model input's (nothing else runs)."""
    if not (isinstance(step, list) and len(step) == 2 and step[0] in SEQUENCE_STEPS and _num(step[1])):
        return False
    return len(shape) == 1 and shape[0] == int(step[1])
