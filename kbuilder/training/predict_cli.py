"""``kbuilder predict MODEL --input FILE [--json] [--dataset NAME]``.

Exit codes: 0 done; 2 the input file does not fit the model (one sentence
saying what the model expects); 1 anything else (a missing file, a model
without trained weights, a data set that cannot be loaded).

The JSON is ``{"outputs": [...]}`` for the first sample: one entry per
model output in the model's order, ``{"name", "top": [{"class",
"probability"}]}`` or ``{"name", "value": [...]}``.  When the file holds
several samples (rows of a CSV, a batch in an .npy), ``"samples"`` lists
``{"outputs": [...]}`` for every one of them, the first included.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np

from kbuilder.core.i18n import translate

SHOWN_SAMPLES = 20


def add_predict_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file",
        metavar="MODEL",
        help=translate("training.predict_cli", "a trained model (.keras, .h5) or a project saved with its weights"),
    )
    p.add_argument(
        "--input",
        "-i",
        metavar="FILE",
        required=True,
        help=translate(
            "training.predict_cli", "a picture (.png, .jpg), rows of numbers (.csv), arrays (.npy, .npz) or text (.txt)"
        ),
    )
    p.add_argument(
        "--json", action="store_true", help=translate("training.predict_cli", "print the predictions as JSON")
    )
    p.add_argument(
        "--dataset",
        metavar="NAME",
        help=translate(
            "training.predict_cli",
            "the data the model was trained on (a name from 'kbuilder datasets', or a .csv/.npz file "
            "or a folder), for its scaling and class names; a project's own settings otherwise",
        ),
    )
    p.add_argument(
        "--target",
        metavar="COLUMN",
        help=translate("training.predict_cli", "with a .csv --dataset: the column the model predicts"),
    )


def _err(message: str) -> None:
    print(f"kbuilder: {message}", file=sys.stderr)


def cmd_predict(args: argparse.Namespace) -> int:
    from kbuilder.training.predict import InputMismatch, PredictError, Predictor, note_text

    try:
        predictor = Predictor.from_file(args.file, dataset=args.dataset, target=args.target)
        results = predictor.predict_file(args.input)
    except InputMismatch as exc:
        _err(str(exc))
        return 2
    except PredictError as exc:
        _err(str(exc))
        return 1
    for note in predictor.info.notes:
        print(translate("training.predict_cli", "note: {note}").format(note=note_text(note)), file=sys.stderr)
    if args.json:
        out: dict = {"outputs": results[0]}
        if len(results) > 1:
            out["samples"] = [{"outputs": r} for r in results]
        print(json.dumps(out, ensure_ascii=False))
        return 0
    many = len(results) > 1
    for i, outputs in enumerate(results[:SHOWN_SAMPLES]):
        if many:
            print(translate("training.predict_cli", "sample {n}").format(n=i + 1))
        for line in format_outputs(outputs):
            print(("  " if many else "") + line)
    if len(results) > SHOWN_SAMPLES:
        print(
            translate("training.predict_cli", "... and {n} more samples (--json gives them all)").format(
                n=len(results) - SHOWN_SAMPLES
            )
        )
    return 0


def format_outputs(outputs: list[dict]) -> list[str]:
    """A short table: the top classes with their probabilities and a bar, or the value."""
    lines = []
    for o in outputs:
        if "top" in o:
            lines.append(f"{o['name']}:")
            width = max(len(t["class"]) for t in o["top"])
            for t in o["top"]:
                p = float(t["probability"])
                lines.append(f"  {t['class']:<{width}}  {p * 100:6.2f}%  {'█' * round(p * 20)}".rstrip())
        else:
            v = np.asarray(o["value"], dtype="float64")
            text = (
                ", ".join(f"{x:.6g}" for x in v.reshape(-1))
                if v.size <= 8
                else translate("training.predict_cli", "an array of shape {shape} (--json gives the numbers)").format(
                    shape=v.shape
                )
            )
            lines.append(f"{o['name']}: {text}")
    return lines
