"""``kbuilder train`` and ``kbuilder datasets``: the training panel's engine
on the command line.  kbuilder/cli.py calls :func:`add_train_arguments`,
:func:`add_datasets_arguments`, :func:`cmd_train` and :func:`cmd_datasets`.

Exit codes: 0 trained (or listed), 1 training failed or the data does not
fit the model, 2 the file or the arguments are wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from kbuilder.core.i18n import translate
from kbuilder.training.config import OPTIMIZERS, TrainConfig
from kbuilder.training.dataset_table import DATASETS, dataset_description, dataset_source, dataset_title
from kbuilder.training.datasets import is_cached, keras_cache_dir


def _add_data_arguments(p: argparse.ArgumentParser, file_help: str, test_help: str) -> None:
    """FILE and the data options that train and evaluate share."""
    p.add_argument("file", metavar="FILE", help=file_help)
    p.add_argument(
        "--dataset",
        metavar="NAME",
        help=translate(
            "training.cli",
            "a data set name (see 'kbuilder datasets'), or a "
            ".csv, .npz/.npy file or an image folder; default: the project's choice",
        ),
    )
    p.add_argument(
        "--target",
        metavar="COL",
        action="append",
        help=translate("training.cli", "CSV: the column to predict (repeat for several)"),
    )
    p.add_argument("--batch-size", type=int, metavar="N", help=translate("training.cli", "samples per step"))
    p.add_argument("--test-split", type=float, metavar="F", help=test_help)
    p.add_argument("--seed", type=int, metavar="N", help=translate("training.cli", "seed of the shuffle and split (default 42)"))


def add_train_arguments(p: argparse.ArgumentParser) -> None:
    _add_data_arguments(
        p,
        translate("training.cli", "a project or model file (.kbproj, .json, .h5, .keras)"),
        translate("training.cli", "fraction kept for the final test (0-1)"),
    )
    p.add_argument("--epochs", type=int, metavar="N", help=translate("training.cli", "passes over the training data"))
    p.add_argument(
        "--validation-split",
        type=float,
        metavar="F",
        help=translate("training.cli", "fraction kept for validation (0-1)"),
    )
    p.add_argument(
        "--validation-data",
        metavar="FILE",
        help=translate(
            "training.cli",
            "validate on this .csv/.npz file (same "
            "columns or arrays as --dataset FILE) instead of a part of the training data",
        ),
    )
    p.add_argument("--optimizer", choices=OPTIMIZERS, help=translate("training.cli", "default: adam"))
    p.add_argument("--learning-rate", type=float, metavar="F", help=translate("training.cli", "default: 0.001"))
    p.add_argument(
        "--json",
        action="store_true",
        help=translate("training.cli", "print JSON lines (one per epoch, then a summary)"),
    )
    p.add_argument(
        "-o", "--output", metavar="OUT.keras", help=translate("training.cli", "save the trained model (.keras or .h5)")
    )
    p.add_argument(
        "--script",
        metavar="OUT.py",
        help=translate("training.cli", "also write a Python script that reproduces this run"),
    )
    p.add_argument("--fresh", action="store_true",
                   help=translate("training.cli", "start from fresh weights even when FILE carries trained ones (.h5, .keras)"))


def add_evaluate_arguments(p: argparse.ArgumentParser) -> None:
    _add_data_arguments(
        p,
        translate("training.cli", "a model file with weights (.h5, .keras) or a project saved with them"),
        translate("training.cli", "fraction of the data to evaluate on (0-1)"),
    )
    p.add_argument("--json", action="store_true", help=translate("training.cli", "print the metrics as JSON"))


def add_datasets_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help=translate("training.cli", "print the list as JSON"))


def _err(message: str) -> None:
    print(f"kbuilder: {message}", file=sys.stderr)


def config_from_args(args: argparse.Namespace, base: dict | None = None) -> TrainConfig:
    cfg = TrainConfig.from_dict(base or {})
    ds = getattr(args, "dataset", None)
    if ds:
        d = cfg.data
        if ds in DATASETS:
            d.source, d.name = dataset_source(ds), ds
        elif os.path.isdir(ds):
            d.source, d.path = "images", ds
        elif ds.lower().endswith(".csv"):
            d.source, d.path = "csv", ds
        elif ds.lower().endswith((".npz", ".npy")):
            d.source, d.path = "npz", ds
        else:
            raise ValueError(
                translate(
                    "training.cli",
                    "unknown data set '{name}' (run 'kbuilder datasets'; or give a .csv, .npz file or a folder)",
                ).format(name=ds)
            )
        if getattr(args, "target", None):
            d.targets = list(args.target)
    for attr, field in (("epochs", "epochs"), ("batch_size", "batch_size"), ("optimizer", "optimizer"),
                        ("learning_rate", "learning_rate")):
        v = getattr(args, attr, None)
        if v is not None:
            setattr(cfg, field, v)
    if getattr(args, "validation_split", None) is not None:
        cfg.data.val_fraction = float(args.validation_split)
    if getattr(args, "validation_data", None):
        if cfg.data.source not in ("csv", "npz"):
            raise ValueError(translate("training.cli", "--validation-data works with your own .csv or .npz data (--dataset FILE)"))
        cfg.data.val_path = str(args.validation_data)
    if getattr(args, "test_split", None) is not None:
        cfg.data.test_fraction = float(args.test_split)
    if getattr(args, "seed", None) is not None:
        cfg.data.seed = int(args.seed)
    if cfg.epochs < 1 or cfg.batch_size < 1:
        raise ValueError(translate("training.cli", "--epochs and --batch-size must be at least 1"))
    if not (0 <= cfg.data.val_fraction < 1 and 0 <= cfg.data.test_fraction < 1):
        raise ValueError(translate("training.cli", "--validation-split and --test-split must be between 0 and 1"))
    return cfg


def load_model_file(path: str):
    """(graph, training settings dict, weights or None) from a project or model file."""
    from kbuilder.project.loader import OpenError, open_path

    try:
        opened = open_path(path)
    except OpenError as exc:
        raise ValueError(str(exc)) from None
    return opened.graph, opened.project.settings.get("training") or {}, opened.weights or None


def _open_for_training(args: argparse.Namespace):
    """(graph, config, weights or None) from FILE and the options; None,
    with the message printed, when either is wrong."""
    from kbuilder.project.kbproj import ProjectError

    try:
        graph, settings, weights = load_model_file(args.file)
        return graph, config_from_args(args, settings), weights
    except (ValueError, ProjectError) as exc:
        _err(str(exc))
        return None


def cmd_train(args: argparse.Namespace) -> int:
    from kbuilder.project.kbproj import ProjectError

    opened = _open_for_training(args)
    if opened is None:
        return 2
    graph, cfg, weights = opened
    if args.fresh:
        weights = None
    if args.output and Path(args.output).suffix.lower() not in (".keras", ".h5"):
        _err(translate("training.cli", "OUT must end in .keras or .h5 (got '{name}')").format(name=Path(args.output).name))
        return 2

    from kbuilder.training.fit_setup import TrainingError
    from kbuilder.training.session import TrainingSession

    as_json = bool(args.json)
    state = {"t": time.monotonic()}
    seen: dict[str, list[float]] = {}  # the history so far, for the coach

    def emit(kind: str, payload: dict) -> None:
        if kind == "epoch_begin":
            state["t"] = time.monotonic()
        elif kind == "epoch":
            logs = payload["logs"]
            secs = time.monotonic() - state["t"]
            n = payload["epoch"] + 1
            for key, value in logs.items():
                seen.setdefault(key, []).append(value)
            if as_json:
                print(json.dumps({"event": "epoch", "epoch": n, "epochs": payload["epochs"], **logs,
                                  "seconds": round(secs, 3), "advice": _advice(seen, graph, cfg, session)}), flush=True)
            else:
                parts = "  ".join(f"{k} {v:.4f}" for k, v in logs.items() if k != "learning_rate")
                line = translate("training.cli", "epoch {n}/{epochs}  {metrics}  ({seconds} s)")
                print(line.format(n=n, epochs=payload["epochs"], metrics=parts, seconds=f"{secs:.1f}"), flush=True)

    session = TrainingSession(graph, cfg, workdir=Path.cwd(), initial_weights=weights)
    try:
        result = session.fit(emit)
        if not as_json:
            for note in session.build_notes:
                print(translate("training.cli", "note: {note}").format(note=note), file=sys.stderr)
        for w in result.warnings:
            print(translate("training.cli", "warning: {warning}").format(warning=w), file=sys.stderr)
        saved = str(session.save(args.output)) if args.output else None
        script = None
        if args.script:
            from kbuilder.project.kbproj import atomic_write_text
            from kbuilder.training.script import export_script

            atomic_write_text(Path(args.script), export_script(session, model_file=args.output or "trained_model.keras"))
            script = args.script
    except TrainingError as exc:
        _err(str(exc))
        return 1
    except ProjectError as exc:
        _err(str(exc))
        return 1
    if as_json:
        print(json.dumps({"event": "end", "epochs_done": result.epochs_done, "stop_reason": result.stop_reason,
                          "message": result.message, "notes": session.build_notes, "test": result.test_metrics, "saved": saved, "script": script,
                          "seconds": round(result.seconds, 3),
                          "advice": _advice(result.history or seen, graph, cfg, session)}), flush=True)
    else:
        if result.test_metrics:
            print(_test_line(result.test_metrics))
        print(result.message)
        for advice in _advice(result.history or seen, graph, cfg, session):
            tries = "; ".join(a["title"] for a in advice["actions"])
            if tries:
                line = translate("training.cli", "advice: {message} What to try: {actions}.")
            else:
                line = translate("training.cli", "advice: {message}")
            print(line.format(message=advice["message"], actions=tries))
        if saved:
            print(translate("training.cli", "wrote {path}").format(path=saved))
        if script:
            print(translate("training.cli", "wrote {path}").format(path=script))
    return 1 if result.stop_reason == "nan" else 0


def _test_line(metrics: dict[str, float]) -> str:
    """The test metrics on one line (the names are Keras's)."""
    parts = "  ".join(f"{k} {v:.4f}" for k, v in metrics.items())
    return translate("training.cli", "test  {metrics}").format(metrics=parts)


def _advice(history: dict, graph, cfg: TrainConfig, session) -> list[dict]:
    """The coach's advice on the history so far, as JSON values."""
    from kbuilder.training.coach import advise

    classes = len(session.raw.class_names) if session.raw is not None and session.raw.class_names else None
    return [a.to_dict() for a in advise(history, graph=graph, training=cfg, classes=classes)]


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Evaluate FILE's saved weights on the test split of a data set, without training."""
    opened = _open_for_training(args)
    if opened is None:
        return 2
    graph, cfg, weights = opened
    if not weights:
        _err(
            translate(
                "training.cli",
                "'{name}' carries no trained weights, so there is nothing to evaluate: train it first "
                "(kbuilder train FILE -o OUT.keras).",
            ).format(name=Path(args.file).name)
        )
        return 2

    from kbuilder.training.fit_setup import TrainingError
    from kbuilder.training.session import TrainingSession

    session = TrainingSession(graph, cfg, workdir=Path.cwd(), initial_weights=weights)
    try:
        result = session.evaluate()
    except TrainingError as exc:
        _err(str(exc))
        return 1
    if args.json:
        print(json.dumps({"event": "evaluate", "test": result.test_metrics, "notes": result.notes,
                          "seconds": round(result.seconds, 3)}), flush=True)
    else:
        for note in result.notes:
            print(translate("training.cli", "note: {note}").format(note=note), file=sys.stderr)
        print(_test_line(result.test_metrics))
    return 0


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes (a Korean or Chinese character takes two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def cmd_datasets(args: argparse.Namespace) -> int:
    rows = []
    for info in DATASETS.values():
        ready = info.source == "sklearn" or is_cached(info)
        rows.append({"name": info.name, "title": dataset_title(info), "source": info.source, "kind": info.kind,
                     "task": info.task, "classes": info.n_classes, "offline": info.source == "sklearn",
                     "ready": ready, "description": dataset_description(info)})
    if getattr(args, "json", False):
        print(json.dumps({"datasets": rows, "keras_cache": str(keras_cache_dir())}, ensure_ascii=False))
        return 0
    width = max(len(r["name"]) for r in rows)
    states = [
        translate("training.cli", "bundled")
        if r["offline"]
        else (translate("training.cli", "cached") if r["ready"] else translate("training.cli", "download"))
        for r in rows
    ]
    state_width = max(8, *(_columns(s) for s in states))
    for r, status in zip(rows, states, strict=True):
        padded = status + " " * (state_width - _columns(status))
        print(f"{r['name']:<{width}}  {padded}  {r['title']}: {r['description']}")
    print()
    print(
        translate(
            "training.cli",
            "Keras keeps downloaded sets in {folder}. Your own data: --dataset FILE.csv --target COLUMN, "
            "--dataset FILE.npz, or --dataset FOLDER (one sub-folder of images per class).",
        ).format(folder=keras_cache_dir())
    )
    return 0
