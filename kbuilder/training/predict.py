"""The prediction engine: a trained model on the user's own input.

A :class:`Predictor` holds a Keras model that takes *raw* inputs (pictures
in 0-255, a CSV's own columns: :mod:`kbuilder.training.preprocess` puts
the training's scaling in front of the model) and a :class:`PredictInfo`
(what each input takes, each output's class names).  It is made from a
training session (:meth:`Predictor.from_session`), from a graph and its
weights (:meth:`from_graph`: the document), or from a file
(:meth:`from_file`: ``kbuilder predict``), and :meth:`save` writes the very
model it predicts with, so ``keras.models.load_model(path).predict(raw)``
in a script gives the same numbers.

Every prediction is one list per sample of one dict per model output, in
the model's output order: ``{"name", "top": [{"class", "probability"}]}``
for classes (the five likeliest, a sigmoid unit as two classes) or
``{"name", "value": [...]}``.  The methods run Keras: call them on the
thread that trains (TensorFlow keeps state per thread).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import numpy as np

from kbuilder.core.atomic import replace_atomically
from kbuilder.core.i18n import QT_TRANSLATE_NOOP, translate
from kbuilder.keras_io.model_file import quiet_save
from kbuilder.training import inputs as readers
from kbuilder.training.predict_info import (
    SEQUENCE_STEPS,
    InputInfo,
    PredictInfo,
    describe,
    describe_value,
    fmt_shape,
    merge_meta,
    read_meta,
    session_info,
    write_meta,
)
from kbuilder.training.preprocess import finalize_preprocessing, raw_input_graph, session_steps

# English, as notes and errors keep them: translate("training.predict", NO_WEIGHTS) where a person reads one.
# ``PredictInfo.notes`` holds NOT_SCALED in English (the window compares notes with it).
NO_WEIGHTS = QT_TRANSLATE_NOOP("training.predict", "This model has no trained weights yet: train it first.")
NOT_SCALED = QT_TRANSLATE_NOOP(
    "training.predict",
    "kbuilder does not know how this model's training data was scaled, so the input goes in as it is; "
    "give the data set it was trained on (--dataset) to scale it the same way.",
)


def note_text(note: str) -> str:
    """A note of ``PredictInfo.notes`` in the user's language (NOT_SCALED is kept in English there)."""
    return translate("training.predict", NOT_SCALED) if note == NOT_SCALED else note


class PredictError(Exception):
    """Prediction cannot run; one sentence for the user."""


class InputMismatch(PredictError):
    """The input does not fit the model; the sentence says what the model expects."""


class Predictor:
    def __init__(self, model: Any, info: PredictInfo) -> None:
        self.model = model
        self.info = info
        self._word_index: dict[str, int] | None = None

    @property
    def input_kind(self) -> str:
        """The kind of input the Try-it view shows: image, tabular, text or other (several inputs: other)."""
        return self.info.input_kind

    # ------------------------------------------------------------ making one
    @classmethod
    def from_session(cls, session: Any) -> Predictor:
        """From a :class:`TrainingSession` that has trained (or was given
        weights and prepared): its model with the data's scaling in front."""
        if session.model is None or session.prepared is None or session.raw is None:
            raise PredictError(
                translate(
                    "training.predict", "Train the model first: prediction needs its weights and its data's scaling."
                )
            )
        if session.result is None and not session.initial_weights:
            raise PredictError(translate("training.predict", NO_WEIGHTS))
        steps = session_steps(session)
        model = session.model
        if steps:
            if session.graph is None:
                raise PredictError(
                    translate(
                        "training.predict",
                        "This model was not built from a graph, so kbuilder cannot put its scaling in it.",
                    )
                )
            graph, extra = raw_input_graph(session.graph, steps)
            model = _build(graph, {**session.layer_weights(), **extra})
            try:
                model.compile_from_config(session.model.get_compile_config())
            except Exception:  # noqa: BLE001 - a saved model without its compile settings still predicts
                pass
        return cls(model, session_info(session, model))

    @classmethod
    def from_graph(cls, graph: Any, weights: dict[str, list] | None, training: Any = None) -> Predictor:
        """From a graph and its weights (layer name -> arrays).  With
        ``training`` (a ``TrainConfig`` or the project's
        ``settings["training"]``) the data is loaded to learn its scaling,
        class names and columns, as training did; without it the model's
        shapes alone decide and the input goes in as it is."""
        if not weights:
            raise PredictError(translate("training.predict", NO_WEIGHTS))
        if training:
            from kbuilder.training.config import TrainConfig
            from kbuilder.training.fit_setup import TrainingError
            from kbuilder.training.session import TrainingSession

            cfg = training if isinstance(training, TrainConfig) else TrainConfig.from_dict(training)
            session = TrainingSession(graph, cfg, initial_weights=weights)
            try:
                session.prepare()
            except TrainingError as exc:
                raise PredictError(" ".join(str(exc).replace("•", "").split())) from None
            _require_fit(session.model, weights, session.build_notes)
            return cls.from_session(session)
        model = _build(graph, weights)
        info = describe(model)
        if not _scales_itself(model):
            info.notes.append(NOT_SCALED)
        return cls(model, info)

    @classmethod
    def from_file(cls, path: str | Path, dataset: str | None = None, target: str | None = None) -> Predictor:
        """From a ``.keras`` / ``.h5`` / ``.kbproj`` (with weights), opened
        without executing anything from it.  ``dataset`` (a data set name or
        a .csv/.npz/folder, as ``kbuilder train --dataset``) names the data
        it was trained on; a project's own training settings are used
        otherwise, then a ``.keras`` file's ``kbuilder.json``."""
        from kbuilder.training.cli import config_from_args, load_model_file

        try:
            graph, settings, weights = load_model_file(str(path))
        except ValueError as exc:
            raise PredictError(str(exc)) from None
        if not weights:
            raise PredictError(translate("training.predict", NO_WEIGHTS))
        if dataset:
            try:
                cfg = config_from_args(
                    argparse.Namespace(dataset=dataset, target=[target] if target else None), settings
                )
            except ValueError as exc:
                raise PredictError(_sentence(str(exc))) from None
            return cls.from_graph(graph, weights, cfg)
        if settings:
            return cls.from_graph(graph, weights, settings)
        predictor = cls.from_graph(graph, weights)
        meta = read_meta(path) if Path(path).suffix.lower() == ".keras" else None
        if meta:
            predictor.info = merge_meta(predictor.info, meta)
            predictor.info.notes = [n for n in predictor.info.notes if n != NOT_SCALED]
        return predictor

    # ------------------------------------------------------------ predicting
    def predict_image(self, image: Any) -> list[dict]:
        """One picture ((h, w) or (h, w, channels), 0-255, any size: converted
        to the input's channels and size)."""
        inp = self._single()
        if inp.image_shape is None:
            raise InputMismatch(
                translate("training.predict", "The model expects {expects}; it does not take pictures.").format(
                    expects=inp.expects()
                )
            )
        return self._run(self._pictures([image], inp))[0]

    def predict_rows(self, rows: Any) -> list[list[dict]]:
        """Rows of numbers in the data's own units (one row: ``[[...]]``)."""
        a = np.asarray(rows, dtype="float32")
        return self._run(self._fit_rows(a[None] if a.ndim == 1 else a, translate("training.predict", "the input")))

    def predict_text(self, text: str) -> list[dict]:
        """A text, numbered with the training data's vocabulary (IMDB, Reuters)."""
        from kbuilder.training import recipes
        from kbuilder.training.vocabulary import VocabularyError, encode_text, load_word_index

        inp = self._single()
        if inp.kind != "text" or not inp.vocabulary:
            raise InputMismatch(
                translate(
                    "training.predict",
                    "The model expects {expects}; it does not read text (its training data carried no vocabulary).",
                ).format(expects=inp.expects())
            )
        if self._word_index is None:
            try:
                self._word_index = load_word_index(inp.vocabulary)
            except VocabularyError as exc:
                raise PredictError(str(exc)) from None
        ids = encode_text(text, self._word_index, inp.num_words or None)
        if len(ids) < 2:
            raise InputMismatch(translate("training.predict", "The model expects text, and there are no words in it."))
        steps = [s for s in inp.steps if s[0] in SEQUENCE_STEPS]
        x = recipes.apply_plan({"train": {"x": [ids]}}, {"x": steps})["train"]["x"] if steps else np.array([ids])
        return self._run(np.asarray(x))[0]

    def predict_arrays(self, x: Any, what: str | None = None) -> list[list[dict]]:
        """Samples as arrays: one array (one sample, or a batch) for a model
        with one input, or {input name: array}."""
        if what is None:
            what = translate("training.predict", "the array")
        arrays = x if isinstance(x, dict) else {self._single().name: x}
        return self._run(self._from_arrays(arrays, what))

    def predict_file(self, path: str | Path) -> list[list[dict]]:
        """A PNG/JPG/BMP picture, a CSV of rows, an .npy/.npz, or a .txt for a text model."""
        path = Path(path)
        what, suffix = f"'{path.name}'", path.suffix.lower()
        try:
            if suffix in readers.IMAGE_SUFFIXES:
                inp = self._single()
                if inp.image_shape is None:
                    raise InputMismatch(
                        translate("training.predict", "The model expects {expects}; {what} is a picture.").format(
                            expects=inp.expects(), what=what
                        )
                    )
                return self._run(self._pictures([readers.read_image(path)], inp))
            if suffix in readers.TABLE_SUFFIXES:
                return self._run(self._fit_rows(readers.read_table(path), what))
            if suffix in readers.ARRAY_SUFFIXES:
                return self._run(self._from_arrays(readers.read_arrays(path), what))
            if suffix in readers.TEXT_SUFFIXES:
                inp = self._single()
                if inp.kind != "text":
                    raise InputMismatch(
                        translate("training.predict", "The model expects {expects}; {what} is text.").format(
                            expects=inp.expects(), what=what
                        )
                    )
                return [self.predict_text(readers.read_text(path))]
        except readers.InputError as exc:
            raise PredictError(str(exc)) from None
        raise PredictError(
            translate(
                "training.predict",
                "kbuilder reads pictures (.png, .jpg), rows of numbers (.csv), arrays (.npy, .npz) and "
                "text (.txt), not {what}.",
            ).format(what=what)
        )

    def reconstructions(self, images: Any) -> np.ndarray:
        """An image-to-image model's output for ``images`` (a list of
        pictures, or an array (n, h, w) / (n, h, w, c); 0-255): an array
        (n, height, width, channels) of the first output shaped like the
        input picture, in 0-255 when that output is a sigmoid (0-1)."""
        inp = self._single()
        index = next((i for i, o in enumerate(self.info.outputs) if o.kind == "image"), None)
        if inp.image_shape is None or index is None:
            raise PredictError(
                translate(
                    "training.predict",
                    "This model gives no pictures back: none of its outputs has the shape of its input.",
                )
            )
        if (
            isinstance(images, np.ndarray)
            and images.ndim in (2, 3)
            and not (images.ndim == 3 and images.shape[-1] in (1, 3, 4))
        ):
            images = list(images) if images.ndim == 3 else [images]
        x = self._pictures(list(images), inp)
        out = np.asarray(self._predict([x])[index], dtype="float32")
        out = out.reshape((len(x),) + inp.image_shape) if out.size == len(x) * int(np.prod(inp.image_shape)) else out
        if self.info.outputs[index].activation == "sigmoid":
            out = np.clip(out * 255.0, 0.0, 255.0)
        return out

    def save(self, path: str | Path) -> Path:
        """Write the model it predicts with (raw inputs) as .keras (with
        ``kbuilder.json``: class names, columns, vocabulary) or .h5, atomically."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".keras", ".h5", ".hdf5"):
            raise PredictError(
                translate("training.predict", "Save the model as .keras (recommended) or .h5, not {file}.").format(
                    file=path.name
                )
            )

        def write(tmp: Path) -> None:
            quiet_save(self.model, tmp)
            if suffix == ".keras":
                write_meta(self.info, tmp)

        try:
            replace_atomically(path, write, suffix=path.suffix)
        except OSError as exc:
            raise PredictError(
                translate("training.predict", "Could not save {file}: {error}.").format(
                    file=path.name, error=exc.strerror or exc
                )
            ) from None
        except Exception as exc:  # noqa: BLE001 - Keras refusing to save
            raise PredictError(
                translate("training.predict", "Could not save {file}: {error}").format(
                    file=path.name, error=_first_line(exc)
                )
            ) from None
        return path

    # ------------------------------------------------------------ pieces
    def _single(self) -> InputInfo:
        if len(self.info.inputs) != 1:
            names = ", ".join(f"{i.name} {fmt_shape(i.shape)}" for i in self.info.inputs)
            raise InputMismatch(
                translate(
                    "training.predict", "The model expects an .npz file with one array per input: {names}."
                ).format(names=names)
            )
        return self.info.inputs[0]

    def _pictures(self, images: list, inp: InputInfo) -> np.ndarray:
        try:
            batch = np.stack([readers.fit_image(im, inp.image_shape) for im in images])
        except ValueError as exc:
            raise InputMismatch(
                translate("training.predict", "The model expects {expects}; {error}.").format(
                    expects=inp.expects(), error=exc
                )
            ) from None
        return batch.reshape((len(batch),) + tuple(inp.shape))

    def _fit_rows(self, rows: np.ndarray | readers.Table, what: str) -> np.ndarray:
        """Rows as the input's samples.  A CSV whose header names the
        model's columns gives those columns, in the model's order (other
        columns, the label say, are left out)."""
        inp = self._single()
        n = inp.size
        table = rows if isinstance(rows, readers.Table) else None
        width = table.width if table else (rows.shape[1] if rows.ndim == 2 else 0)
        pick = None
        if table and table.header and inp.columns and all(c in table.header for c in inp.columns):
            pick, width = [table.header.index(c) for c in inp.columns], len(inp.columns)
        if n is None or width != n:
            raise InputMismatch(
                translate(
                    "training.predict", "The model expects {expects}; {what} has rows of {width} numbers."
                ).format(expects=inp.expects(), what=what, width=width)
            )
        if table is not None:
            rows = table.numbers(pick)
        return rows.reshape((len(rows),) + tuple(inp.shape))

    def _from_arrays(self, arrays: dict[str, Any], what: str) -> Any:
        if len(self.info.inputs) > 1:
            missing = [i.name for i in self.info.inputs if i.name not in arrays]
            if missing:
                self._single()  # raises: say what the model expects
            return {i.name: self._fit_array(np.asarray(arrays[i.name]), i, what) for i in self.info.inputs}
        inp = self._single()
        if len(arrays) == 1:
            a = next(iter(arrays.values()))
        else:
            a = next((arrays[k] for k in (inp.name, "x") if k in arrays), None)
            if a is None:
                raise InputMismatch(
                    translate(
                        "training.predict",
                        "The model expects {expects}; {what} holds several arrays ({names}): name the one "
                        "to use '{input}' or 'x'.",
                    ).format(expects=inp.expects(), what=what, names=", ".join(arrays), input=inp.name)
                )
        return self._fit_array(np.asarray(a), inp, what)

    @staticmethod
    def _fit_array(a: np.ndarray, inp: InputInfo, what: str) -> np.ndarray:
        shape, n = tuple(inp.shape), inp.size
        if n is None:
            if a.ndim == len(shape) + 1:
                return a
            if a.ndim == len(shape):
                return a[None]
        elif a.shape == shape:
            return a[None]
        elif a.shape[1:] == shape:
            return a
        elif a.ndim >= 2 and int(np.prod(a.shape[1:])) == n:
            return a.reshape((len(a),) + shape)
        elif a.size == n:
            return a.reshape((1,) + shape)
        raise InputMismatch(
            translate(
                "training.predict", "The model expects {expects}; {what} holds an array of shape {shape}."
            ).format(expects=inp.expects(), what=what, shape=a.shape)
        )

    def _predict(self, arrays: list) -> list[np.ndarray]:
        try:
            out = self.model.predict(arrays[0] if len(arrays) == 1 else arrays, verbose=0, batch_size=256)
        except Exception as exc:  # noqa: BLE001 - in plain words
            raise PredictError(
                translate("training.predict", "The model could not predict: {error}").format(error=_first_line(exc))
            ) from None
        if isinstance(out, dict):
            return [np.asarray(out[o.name]) for o in self.info.outputs]
        return [np.asarray(o) for o in out] if isinstance(out, (list, tuple)) else [np.asarray(out)]

    def _run(self, x: Any) -> list[list[dict]]:
        ins = [x[i.name] for i in self.info.inputs] if isinstance(x, dict) else [x]
        arrays = [
            np.asarray(a).astype("int32" if "int" in i.dtype else "float32")
            for a, i in zip(ins, self.info.inputs, strict=True)
        ]
        if not len(arrays[0]):
            raise InputMismatch(
                translate("training.predict", "The model expects {expects}; the input holds no samples.").format(
                    expects=self.info.inputs[0].expects()
                )
            )
        outs = self._predict(arrays)
        return [[describe_value(o, outs[j][i]) for j, o in enumerate(self.info.outputs)] for i in range(len(arrays[0]))]


def _build(graph: Any, weights: dict[str, list]) -> Any:
    from kbuilder.keras_io import model_file

    try:
        model, notes = model_file.build_with_weights(
            graph, weights, translate("training.predict", "a model to predict with")
        )
    except model_file.ModelFileError as exc:
        raise PredictError(str(exc)) from None
    finalize_preprocessing(model)
    _require_fit(model, weights, notes)
    return model


def _require_fit(model: Any, weights: dict[str, list], notes: list[str]) -> None:
    """Refuse a model whose layers did not all get trained weights (a
    weights note names, as 'name', each layer that starts from fresh ones)."""
    layers = [layer.name for layer in model.layers if layer.weights]
    bad = [n for n in layers if n not in weights or any(repr(n) in note for note in notes)]
    if not bad:
        return
    if len(bad) == len(layers):
        raise PredictError(
            translate(
                "training.predict",
                "The saved weights do not fit this model's layers (they changed since training): train it again first.",
            )
        )
    shown = ", ".join(repr(n) for n in bad[:3])
    if len(bad) > 3:
        text = translate(
            "training.predict",
            "The layers {names} and {more} more have no trained weights (they changed since "
            "training): train the model again first.",
        )
    else:
        text = translate(
            "training.predict",
            "The layers {names} have no trained weights (they changed since training): train the model again first.",
        )
    raise PredictError(text.format(names=shown, more=len(bad) - 3))


def _scales_itself(model: Any) -> bool:
    from kbuilder.training.preprocess import preprocessed_inputs

    return bool(preprocessed_inputs([layer.name for layer in model.layers], [t.name for t in model.inputs]))


def _first_line(exc: BaseException) -> str:
    text = next((ln.strip() for ln in str(exc).splitlines() if ln.strip()), type(exc).__name__)
    return text if len(text) < 300 else text[:300] + "…"


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
