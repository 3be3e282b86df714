"""The report after a run: test metrics, a confusion matrix, a few samples.

:func:`evaluate_into` measures a built, prepared
:class:`~kbuilder.training.session.TrainingSession` on its test split (the
validation split, or the training data, when there is none): Keras's metrics,
for a classifier the confusion matrix with the class names, and a few samples
with what the model said (the picture too, for image data).  It runs Keras:
call it on the thread that trains.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from kbuilder.core.i18n import translate
from kbuilder.training.fit_setup import translate_error
from kbuilder.training.prepare import CLASSIFICATION_LOSSES

if TYPE_CHECKING:  # the session calls this module
    from kbuilder.training.session import RunResult, TrainingSession


def evaluate_into(session: TrainingSession, result: RunResult, n_samples: int = 8) -> RunResult:
    """Test metrics, a confusion matrix for a classifier, a few predictions."""
    prep, model = session.prepared, session.model
    part = "test" if prep.n("test") else ("val" if prep.n("val") else "train")
    x, y = prep.xy(part)
    model.stop_evaluating = False
    try:
        metrics = model.evaluate(x, y, batch_size=int(session.config.batch_size), verbose=0, return_dict=True)
        result.test_metrics = {f"{k}": float(v) for k, v in metrics.items()}
        pred = model.predict(x, batch_size=max(int(session.config.batch_size), 256), verbose=0)
    except Exception as exc:  # noqa: BLE001
        raise translate_error(exc) from None
    result.notes.append(_evaluated_note(part, prep.n(part)))
    first = session.info.outputs[0]
    p = pred[0] if isinstance(pred, (list, tuple)) else (pred[first.name] if isinstance(pred, dict) else pred)
    t = y if not isinstance(y, dict) else y[first.name]
    loss = session.outputs[first.name].loss
    raw = session.raw
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
    display = raw.arrays[prep.mapping.inputs[session.info.inputs[0].name]] if raw else None
    xs = prep.splits[part][prep.mapping.inputs[session.info.inputs[0].name]]
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


def _evaluated_note(part: str, n: int) -> str:
    if part == "test":
        text = translate("training.evaluation", "Evaluated on the test split ({n} samples).")
    elif part == "val":
        text = translate("training.evaluation", "Evaluated on the val split ({n} samples).")
    else:
        text = translate("training.evaluation", "Evaluated on the train split ({n} samples).")
    return text.format(n=n)


def _num(v) -> str:
    a = np.asarray(v).reshape(-1)
    if a.size == 1:
        f = float(a[0])
        return f"{f:.4g}" if math.isfinite(f) else str(f)
    return "[" + ", ".join(f"{float(x):.3g}" for x in a[:4]) + (", …]" if a.size > 4 else "]")
