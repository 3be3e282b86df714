"""From loaded data and a built model to arrays that fit it.

* :func:`describe_model` reads what training needs from a keras.Model.
* :func:`suggest_output` proposes a loss and metrics from an output layer
  (softmax: sparse categorical cross-entropy, sigmoid: binary
  cross-entropy, linear: mean squared error).
* :func:`make_plan` turns the beginner's choices ("scale: auto", "labels:
  auto") into a concrete preprocessing plan for :func:`recipes.apply_plan`.
* :func:`preflight` compares data with the model and the losses before
  anything trains, in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from kbuilder.core.i18n import translate
from kbuilder.training.config import OutputConfig, TrainConfig
from kbuilder.training.datasets import DataError, RawData

SPARSE = "sparse_categorical_crossentropy"
CATEGORICAL = "categorical_crossentropy"
BINARY = "binary_crossentropy"
CLASSIFICATION_LOSSES = (SPARSE, CATEGORICAL, BINARY)


@dataclass
class Port:
    name: str
    shape: tuple  # without the batch axis; None = any
    activation: str = ""  # outputs only

    @property
    def units(self) -> int | None:
        return self.shape[-1] if self.shape else 1


@dataclass
class ModelInfo:
    inputs: list[Port]
    outputs: list[Port]
    # Inputs the model scales itself (kbuilder's preprocessing layers, saved
    # with a trained model): their data is not scaled again.
    preprocessed: set[str] = field(default_factory=set)


def describe_model(model) -> ModelInfo:
    from kbuilder.training.preprocess import preprocessed_inputs

    inputs = [Port(t.name, tuple(t.shape[1:])) for t in model.inputs]
    outputs = []
    for name, t in zip(model.output_names, model.outputs, strict=False):
        outputs.append(Port(name, tuple(t.shape[1:]), _activation(model, name)))
    done = preprocessed_inputs([layer.name for layer in model.layers], [p.name for p in inputs])
    return ModelInfo(inputs, outputs, done)


def _activation(model, name: str) -> str:
    try:
        layer = model.get_layer(name)
    except ValueError:
        return ""
    cls = type(layer).__name__
    if cls == "Softmax":
        return "softmax"
    act = getattr(layer, "activation", None)
    if act is None:
        return ""
    return getattr(act, "__name__", str(act))


def suggest_output(port: Port) -> OutputConfig:
    if port.activation == "softmax":
        return OutputConfig(SPARSE, 1.0, ["accuracy"])
    if port.activation == "sigmoid":
        return OutputConfig(BINARY, 1.0, ["accuracy"])
    return OutputConfig("mean_squared_error", 1.0, ["mae"])


def resolved_outputs(cfg: TrainConfig, info: ModelInfo) -> dict[str, OutputConfig]:
    """Each output's loss, weight and metrics: the user's choice, else the suggestion."""
    out = {}
    for port in info.outputs:
        chosen = cfg.outputs.get(port.name)
        suggested = suggest_output(port)
        if chosen is None:
            out[port.name] = suggested
        else:
            out[port.name] = OutputConfig(
                chosen.loss or suggested.loss,
                float(chosen.loss_weight),
                list(chosen.metrics) if chosen.metrics is not None else suggested.metrics,
            )
    return out


@dataclass
class Mapping:
    inputs: dict[str, str]  # model input name -> array name
    outputs: dict[str, str]  # model output name -> array name


def map_arrays(raw: RawData, info: ModelInfo, cfg: TrainConfig) -> Mapping:
    """Which array feeds which input, which labels which output: by name
    (the user's map, then equal names), else in order."""

    def pick(ports: list[Port], given: dict[str, str], pool: list[str], what: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for port in ports:
            if port.name in given:
                if given[port.name] not in raw.arrays:
                    if what == "input":
                        text = translate(
                            "training.prepare",
                            "The input {name} is mapped to {array}, but the data has no such array (it has: {arrays}).",
                        )
                    else:
                        text = translate(
                            "training.prepare",
                            "The output {name} is mapped to {array}, but the data has no such "
                            "array (it has: {arrays}).",
                        )
                    raise DataError(
                        text.format(name=repr(port.name), array=repr(given[port.name]), arrays=", ".join(raw.arrays))
                    )
                out[port.name] = given[port.name]
            elif port.name in raw.arrays:
                out[port.name] = port.name
        rest = [p for p in ports if p.name not in out]
        free = [a for a in pool if a not in out.values()]
        if len(rest) == len(free) or (len(rest) == 1 and len(free) >= 1):
            for port, arr in zip(rest, free, strict=False):
                out[port.name] = arr
        elif rest:
            if what == "input":
                text = translate(
                    "training.prepare",
                    "The model has {n} inputs ({names}) but the data has {arrays} matching arrays "
                    "({array_names}): map each input to an array by name.",
                )
            else:
                text = translate(
                    "training.prepare",
                    "The model has {n} outputs ({names}) but the data has {arrays} matching arrays "
                    "({array_names}): map each output to an array by name.",
                )
            raise DataError(
                text.format(
                    n=len(ports),
                    names=", ".join(p.name for p in ports),
                    arrays=len(pool),
                    array_names=", ".join(pool) or translate("training.prepare", "none"),
                )
            )
        return out

    return Mapping(pick(info.inputs, cfg.data.input_map, raw.features, "input"),
                   pick(info.outputs, cfg.data.output_map, raw.targets, "output"))


def make_plan(raw: RawData, info: ModelInfo, mapping: Mapping, outputs: dict[str, OutputConfig],
              cfg: TrainConfig) -> tuple[dict[str, list], list[str]]:
    """A concrete preprocessing plan and notes saying what it does and why."""
    plan: dict[str, list] = {}
    notes: list[str] = []
    d = cfg.data
    for port in info.inputs:
        key = mapping.inputs[port.name]
        if key in plan:
            continue
        arr = raw.arrays[key]
        steps: list = []
        sample = _sample_shape(arr)
        if arr.dtype == object or raw.kind == "sequence":
            units = port.shape[-1] if port.shape else None
            if len(port.shape) == 1 and units and units >= 1000 and d.maxlen == 0 and raw.kind == "sequence":
                steps.append(["multi_hot", int(units)])
                notes.append(
                    translate(
                        "training.prepare",
                        "{key}: word numbers become a multi-hot vector of {units} (the model's input size).",
                    ).format(key=key, units=units)
                )
            else:
                maxlen = int(d.maxlen) or (port.shape[0] if port.shape and port.shape[0] else 200)
                steps.append(["pad", maxlen])
                notes.append(
                    translate("training.prepare", "{key}: sequences padded or cut to {maxlen} words.").format(
                        key=key, maxlen=maxlen
                    )
                )
                sample = (maxlen,)
        elif port.name in info.preprocessed:
            # A model saved by kbuilder after training: its first layers scale raw
            # inputs (pictures in 0-255), so the data only needs those units.
            unit = pixel_unit(raw)
            if raw.kind == "image" and unit != 255.0:
                steps.append(["divide", unit / 255.0])
                notes.append(
                    translate(
                        "training.prepare",
                        "{key}: pixel values (0-{unit}) turned into 0-255, the units the "
                        "model's own preprocessing layers expect.",
                    ).format(key=key, unit=f"{unit:g}")
                )
            else:
                notes.append(
                    translate(
                        "training.prepare", "{key}: not scaled here: the model's own preprocessing layers do it."
                    ).format(key=key)
                )
        else:
            scale = d.scale
            if scale == "auto":
                scale = "0-1" if raw.kind == "image" or raw.kind == "tabular" else "none"
            if scale == "0-1":
                if raw.kind == "image" and raw.image_max:
                    steps.append(["divide", raw.image_max])
                    notes.append(
                        translate("training.prepare", "{key}: pixel values divided by {max} to lie in 0-1.").format(
                            key=key, max=f"{raw.image_max:g}"
                        )
                    )
                else:
                    steps.append(["minmax"])
                    notes.append(
                        translate(
                            "training.prepare", "{key}: each column scaled to 0-1 (training split's min and max)."
                        ).format(key=key)
                    )
            elif scale == "standardize":
                steps.append(["standardize"])
                notes.append(
                    translate(
                        "training.prepare", "{key}: each column standardized (training split's mean and std)."
                    ).format(key=key)
                )
        target = tuple(port.shape)
        if None not in target and sample != target and _size(sample) == _size(target) and sample is not None:
            steps.append(["reshape", list(target)])
            notes.append(
                translate(
                    "training.prepare", "{key}: each sample reshaped from {old} to {new} to fit input {name}."
                ).format(key=key, old=_fmt(sample), new=_fmt(target), name=repr(port.name))
            )
        if not steps or steps[0][0] not in ("pad", "multi_hot"):
            steps.append(["float32"])
        plan[key] = steps
    for port in info.outputs:
        key = mapping.outputs[port.name]
        loss = outputs[port.name].loss
        y = raw.arrays[key]
        steps = []
        mode = d.labels
        if mode == "auto":
            mode = "one-hot" if loss == CATEGORICAL else ("integer" if loss in (SPARSE, BINARY) else "none")
        is_onehot = y.ndim >= 2 and y.shape[-1] > 1 and _is_one_hot(y)
        if mode == "one-hot" and not is_onehot:
            n = port.units or _n_classes(y)
            steps.append(["one_hot", int(n)])
            notes.append(
                translate(
                    "training.prepare", "{key}: class numbers turned into one-hot vectors of {n} (loss {loss})."
                ).format(key=key, n=n, loss=loss)
            )
        elif mode == "integer":
            if is_onehot:
                steps.append(["argmax"])
                notes.append(
                    translate(
                        "training.prepare", "{key}: one-hot labels turned into class numbers (loss {loss})."
                    ).format(key=key, loss=loss)
                )
            steps.append(["int64"] if loss == SPARSE else ["float32"])
        else:
            steps.append(["float32"])
        plan[key] = steps
    return plan, notes


@dataclass
class Issue:
    severity: str  # error | warning
    message: str


@dataclass
class Prepared:
    splits: dict  # train / val / test -> {array name: array}
    mapping: Mapping
    plan: dict
    notes: list[str] = field(default_factory=list)
    # The training split's statistics of minmax / standardize steps
    # (recipes.apply_plan's ``stats_out``) and its first sample as loaded
    # (array name -> sample, before preprocessing): what a saved model and
    # the Try-it form need.
    stats: dict = field(default_factory=dict)
    first: dict = field(default_factory=dict)

    def xy(self, part: str):
        arrays = self.splits.get(part)
        if arrays is None:
            return None, None
        ins, outs = self.mapping.inputs, self.mapping.outputs
        x = arrays[next(iter(ins.values()))] if len(ins) == 1 else {k: arrays[v] for k, v in ins.items()}
        y = arrays[next(iter(outs.values()))] if len(outs) == 1 else {k: arrays[v] for k, v in outs.items()}
        return x, y

    def n(self, part: str) -> int:
        arrays = self.splits.get(part)
        return len(next(iter(arrays.values()))) if arrays else 0


def preflight(prep: Prepared, info: ModelInfo, outputs: dict[str, OutputConfig], cfg: TrainConfig,
              raw: RawData | None = None) -> list[Issue]:
    """Data against the model's inputs and outputs, labels against the loss."""
    issues: list[Issue] = []
    train = prep.splits["train"]
    n_train = prep.n("train")
    if n_train == 0:
        return [Issue("error", translate("training.prepare", "There is no training data left after the validation and test splits."))]
    for port in info.inputs:
        key = prep.mapping.inputs[port.name]
        got = _sample_shape(train[key])
        if not _shape_ok(got, port.shape):
            if got is not None and _size(got) == _size(port.shape):
                text = translate(
                    "training.prepare",
                    "The input {name} expects samples of shape {shape} but the data {key} has "
                    "samples of shape {got} (same number of values: add a Reshape or Flatten "
                    "layer).",
                )
            elif got is not None and len(got) > len(port.shape):
                text = translate(
                    "training.prepare",
                    "The input {name} expects samples of shape {shape} but the data {key} has "
                    "samples of shape {got} (add a Flatten layer after the input, or change the "
                    "input's shape).",
                )
            else:
                text = translate(
                    "training.prepare",
                    "The input {name} expects samples of shape {shape} but the data {key} has samples of shape {got}.",
                )
            issues.append(
                Issue("error", text.format(name=repr(port.name), shape=_fmt(port.shape), key=repr(key), got=_fmt(got)))
            )
    multi = len(info.outputs) > 1
    for port in info.outputs:
        key = prep.mapping.outputs[port.name]
        loss = outputs[port.name].loss
        y = train[key]
        units = port.units

        if port.activation == "softmax" and units == 1:
            issues.append(
                Issue(
                    "error",
                    _about_output(
                        multi,
                        port.name,
                        translate(
                            "training.prepare",
                            "The model's output is a softmax over 1 unit, which always gives 1: use sigmoid for two "
                            "classes, or as many units as classes.",
                        ),
                        translate(
                            "training.prepare",
                            "The output {output} is a softmax over 1 unit, which always gives 1: use sigmoid for "
                            "two classes, or as many units as classes.",
                        ),
                    ),
                )
            )
        if loss in (SPARSE, CATEGORICAL):
            if loss == SPARSE:
                if y.ndim > 1 and y.shape[-1] > 1:
                    issues.append(
                        Issue(
                            "error",
                            translate(
                                "training.prepare",
                                "Sparse categorical cross-entropy needs one class number per sample, but the labels {key} "
                                "have shape {shape}: use categorical cross-entropy, or integer labels.",
                            ).format(key=repr(key), shape=_fmt(y.shape[1:])),
                        )
                    )
                    continue
                if not _integers(y):
                    issues.append(
                        Issue(
                            "error",
                            translate(
                                "training.prepare",
                                "The labels {key} are not class numbers (they have fractions): for numbers to predict use "
                                "mean squared error and a linear output.",
                            ).format(key=repr(key)),
                        )
                    )
                    continue
                n_classes = _n_classes(y, raw)
            else:
                n_classes = int(y.shape[-1]) if y.ndim > 1 else _n_classes(y, raw)
            if units != n_classes:
                if (units or 0) < n_classes:
                    issues.append(
                        Issue(
                            "error",
                            _about_output(
                                multi,
                                port.name,
                                translate(
                                    "training.prepare",
                                    "The model's output has {units} units but the labels have {classes} classes: "
                                    "set its units to {classes} (Build's Issues panel offers this fix).",
                                ),
                                translate(
                                    "training.prepare",
                                    "The output {output} has {units} units but the labels have {classes} classes: "
                                    "set its units to {classes} (Build's Issues panel offers this fix).",
                                ),
                                units=units,
                                classes=n_classes,
                            ),
                        )
                    )
                else:
                    issues.append(
                        Issue(
                            "warning",
                            _about_output(
                                multi,
                                port.name,
                                translate(
                                    "training.prepare",
                                    "The model's output has {units} units but the labels have {classes} classes "
                                    "(the extra units are never the answer; training works, but matching them is "
                                    "cleaner).",
                                ),
                                translate(
                                    "training.prepare",
                                    "The output {output} has {units} units but the labels have {classes} classes "
                                    "(the extra units are never the answer; training works, but matching them is "
                                    "cleaner).",
                                ),
                                units=units,
                                classes=n_classes,
                            ),
                        )
                    )
            if port.activation not in ("softmax", ""):
                issues.append(
                    Issue(
                        "warning",
                        _about_output(
                            multi,
                            port.name,
                            translate(
                                "training.prepare",
                                "The model's output uses {activation} activation with {loss}: a softmax output is "
                                "expected.",
                            ),
                            translate(
                                "training.prepare",
                                "The output {output} uses {activation} activation with {loss}: a softmax output is "
                                "expected.",
                            ),
                            activation=port.activation,
                            loss=loss.replace("_", " "),
                        ),
                    )
                )
        elif loss == BINARY:
            vals = np.unique(np.asarray(y).reshape(-1)[:100000])
            if not np.all(np.isin(vals, (0, 1))):
                if _integers(y):
                    issues.append(
                        Issue(
                            "error",
                            translate(
                                "training.prepare",
                                "Binary cross-entropy needs labels 0 or 1, but the labels have {classes} classes: use a "
                                "softmax output with {classes} units and sparse categorical cross-entropy.",
                            ).format(classes=len(vals)),
                        )
                    )
                else:
                    issues.append(
                        Issue(
                            "error",
                            translate(
                                "training.prepare",
                                "Binary cross-entropy needs labels 0 or 1, but the labels are other numbers: use mean "
                                "squared error for numbers to predict.",
                            ),
                        )
                    )
            label_w = int(y.shape[-1]) if y.ndim > 1 else 1
            if units != label_w:
                issues.append(
                    Issue(
                        "error",
                        _about_output(
                            multi,
                            port.name,
                            translate(
                                "training.prepare",
                                "The model's output has {units} units but the labels have {values} value(s) per "
                                "sample: binary cross-entropy needs one sigmoid unit per label.",
                            ),
                            translate(
                                "training.prepare",
                                "The output {output} has {units} units but the labels have {values} value(s) per "
                                "sample: binary cross-entropy needs one sigmoid unit per label.",
                            ),
                            units=units,
                            values=label_w,
                        ),
                    )
                )
            if port.activation != "sigmoid":
                if port.activation:
                    issues.append(
                        Issue(
                            "warning",
                            _about_output(
                                multi,
                                port.name,
                                translate(
                                    "training.prepare",
                                    "The model's output uses {activation} activation with binary cross-entropy: a "
                                    "sigmoid output is expected.",
                                ),
                                translate(
                                    "training.prepare",
                                    "The output {output} uses {activation} activation with binary cross-entropy: "
                                    "a sigmoid output is expected.",
                                ),
                                activation=port.activation,
                            ),
                        )
                    )
                else:
                    issues.append(
                        Issue(
                            "warning",
                            _about_output(
                                multi,
                                port.name,
                                translate(
                                    "training.prepare",
                                    "The model's output uses no activation with binary cross-entropy: a sigmoid "
                                    "output is expected.",
                                ),
                                translate(
                                    "training.prepare",
                                    "The output {output} uses no activation with binary cross-entropy: a sigmoid "
                                    "output is expected.",
                                ),
                            ),
                        )
                    )
        else:
            label_shape = tuple(y.shape[1:]) or (1,)
            if not _shape_ok(label_shape, port.shape) and _size(label_shape) != _size(port.shape):
                issues.append(
                    Issue(
                        "error",
                        _about_output(
                            multi,
                            port.name,
                            translate(
                                "training.prepare",
                                "The model's output gives {shape} per sample but the labels {key} have {labels}.",
                            ),
                            translate(
                                "training.prepare",
                                "The output {output} gives {shape} per sample but the labels {key} have {labels}.",
                            ),
                            shape=_fmt(port.shape),
                            key=repr(key),
                            labels=_fmt(label_shape),
                        ),
                    )
                )
            if port.activation == "softmax":
                issues.append(
                    Issue(
                        "warning",
                        _about_output(
                            multi,
                            port.name,
                            translate(
                                "training.prepare",
                                "The model's output is a softmax (a classifier) but the loss is {loss}: use sparse "
                                "categorical cross-entropy for classes.",
                            ),
                            translate(
                                "training.prepare",
                                "The output {output} is a softmax (a classifier) but the loss is {loss}: use sparse "
                                "categorical cross-entropy for classes.",
                            ),
                            loss=loss,
                        ),
                    )
                )
    if cfg.batch_size > n_train:
        issues.append(
            Issue(
                "warning",
                translate(
                    "training.prepare",
                    "The batch size ({batch_size}) is larger than the training data ({n} samples): each epoch is one "
                    "batch.",
                ).format(batch_size=cfg.batch_size, n=n_train),
            )
        )
    return issues


# ------------------------------------------------------------------ helpers
def _about_output(multi: bool, name: str, one: str, many: str, **values) -> str:
    """The sentence about the model's only output (``one``), or, when it
    has several, about the output ``name`` (``many``, with ``{output}``)."""
    return (many if multi else one).format(output=repr(name), **values)


def pixel_unit(raw: RawData) -> float:
    """The largest pixel value of image data as loaded: the data set's
    (16 for digits, 255 for MNIST), else 1.0 (pictures already in 0-1)."""
    return float(raw.image_max) if raw.image_max else 1.0


def _sample_shape(arr) -> tuple | None:
    if isinstance(arr, np.ndarray) and arr.dtype != object:
        return tuple(arr.shape[1:])
    return None


def _size(shape) -> int | None:
    if shape is None or None in shape:
        return None
    return int(np.prod(shape)) if shape else 1


def _shape_ok(got, want) -> bool:
    if got is None:
        return True
    got, want = tuple(got), tuple(want)
    if got == () and want == (1,):
        return True
    return len(got) == len(want) and all(w is None or g == w for g, w in zip(got, want, strict=False))


def _fmt(shape) -> str:
    if shape is None:
        return translate("training.prepare", "(varies)")
    shape = tuple(shape)
    dims = [translate("training.prepare", "any") if s is None else str(s) for s in shape]
    return "(" + ", ".join(dims) + ("," if len(shape) == 1 else "") + ")"


def _integers(y) -> bool:
    a = np.asarray(y)
    return a.dtype.kind in "iub" or bool(np.all(np.mod(a, 1) == 0))


def _is_one_hot(y) -> bool:
    a = np.asarray(y)[:1000]
    return bool(np.all(np.isin(a, (0, 1))) and np.all(a.sum(axis=-1) == 1))


def _n_classes(y, raw: RawData | None = None) -> int:
    n = int(np.max(y)) + 1 if np.size(y) else 0
    if raw is not None and raw.class_names:
        n = max(n, len(raw.class_names))
    return n


def graph_outputs(graph) -> list[Port]:
    """The graph's outputs as ports (name, activation, units when known),
    read from the layer parameters alone: no Keras, for the settings form."""
    ports = []
    for node in graph.outputs():
        owner = graph.owner(node)
        params = owner.params or {}
        if owner.class_name == "Softmax":
            act = "softmax"
        else:
            act = params.get("activation") or ("linear" if owner.class_name in ("Dense", "EinsumDense") else "")
            if not isinstance(act, str):
                act = ""
        units = params.get("units")
        ports.append(Port(node.name, (units,) if isinstance(units, int) else (), act))
    return ports
