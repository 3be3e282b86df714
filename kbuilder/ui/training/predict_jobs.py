"""What the Try-it view asks of the training thread: make a
:class:`~kbuilder.training.predict.Predictor`, then run the user's input
through it.

Nothing here touches Qt, and everything runs on the training thread (the
Predictor's Keras model lives there, see
:class:`kbuilder.ui.training.worker.TrainingWorker`).  What goes back to
the UI thread is plain data: the :class:`PredictInfo`, the results as
``kbuilder predict`` prints them, and small numpy arrays (the picture the
model saw, the reconstructions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from kbuilder.training import inputs as readers
from kbuilder.training.predict import NOT_SCALED, PredictError, Predictor


@dataclass
class PredictorSource:
    """What a Predictor is made from: the panel's trained session, or the
    document's graph and weights (with the project's training settings, when
    it has some, to scale the input as training did)."""

    session: Any = None
    graph: Any = None
    weights: dict | None = None
    training: dict | None = None


@dataclass
class Outcome:
    """One request's answer for the UI thread."""

    outputs: list[dict] = field(default_factory=list)  # one dict per model output (the first sample's)
    seen: np.ndarray | None = None  # the picture as the model took it (h, w, c), 0-255
    reconstructions: dict[int, np.ndarray] = field(default_factory=dict)  # output index -> (h, w, c), 0-255
    samples: int = 1  # samples in the file (the first is shown)
    from_file: bool = False  # the input came from a file (the view shows the picture it read)
    saved: str = ""  # a save request: the path written
    raw: bool = False  # ... and the model there takes raw inputs (its scaling is inside)


def make_predictor(source: PredictorSource) -> tuple[Predictor, str]:
    """A Predictor, and why the training settings' data could not be used
    ("" when it was, or there was none): data that does not fit the model is
    left out, and the input then goes in as it is."""
    if source.session is not None:
        return Predictor.from_session(source.session), ""
    unfit = ""
    if source.training:
        try:
            return Predictor.from_graph(source.graph, source.weights, source.training), ""
        except PredictError as exc:
            if "weights" in str(exc):
                raise
            unfit = first_sentence(str(exc))
    return Predictor.from_graph(source.graph, source.weights), unfit


def first_sentence(text: str) -> str:
    """The first sentence of a message ("The data does not fit the model: the input ... (8, 8).")."""
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def run_request(predictor: Predictor, request: dict) -> Outcome:
    """``request``: {"kind": "image", "image": array} (a drawing, 0-255),
    {"kind": "file", "path": str} (a picture, CSV, .npy/.npz),
    {"kind": "rows", "rows": [[...]]}, {"kind": "text", "text": str}, or
    {"kind": "save", "path": str}."""
    kind = request["kind"]
    if kind == "save":
        return Outcome(saved=str(predictor.save(request["path"])), raw=NOT_SCALED not in predictor.info.notes)
    if kind == "rows":
        return Outcome(outputs=_slim(predictor, predictor.predict_rows(request["rows"])[0]))
    if kind == "text":
        return Outcome(outputs=_slim(predictor, predictor.predict_text(request["text"])))
    if kind == "file":
        path = Path(request["path"])
        if path.suffix.lower() not in readers.IMAGE_SUFFIXES:
            results = predictor.predict_file(path)
            return Outcome(outputs=_slim(predictor, results[0]), samples=len(results), from_file=True)
        try:
            image = readers.read_image(path)
        except readers.InputError as exc:
            raise PredictError(str(exc)) from None
        out = _picture(predictor, image)
        out.from_file = True
        return out
    if kind == "image":
        return _picture(predictor, request["image"])
    raise PredictError(f"Unknown kind of request {kind!r}.")


def _picture(predictor: Predictor, image: Any) -> Outcome:
    outputs = predictor.predict_image(image)
    inp = predictor.info.inputs[0]
    out = Outcome(outputs=_slim(predictor, outputs), seen=readers.fit_image(image, inp.image_shape))
    pictures = [i for i, o in enumerate(predictor.info.outputs) if o.kind == "image"]
    if pictures:
        out.reconstructions[pictures[0]] = np.asarray(predictor.reconstructions([image])[0])
    return out


def _slim(predictor: Predictor, outputs: list[dict]) -> list[dict]:
    """Results without the long value list of a picture output (its
    reconstruction is sent as an array) and with at most 64 values each."""
    slim = []
    for info, o in zip(predictor.info.outputs, outputs, strict=True):
        if "value" in o:
            o = {"name": o["name"], "value": [] if info.kind == "image" else o["value"][:64]}
        slim.append(o)
    return slim
