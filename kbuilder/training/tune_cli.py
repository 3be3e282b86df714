"""``kbuilder tune``: a hyperparameter search on the command line.

    kbuilder tune FILE --dataset NAME --search NODE.PARAM=V1,V2,...
                  --search learning_rate=LO..HI[:log] [--trials N] [--epochs N]
                  [--tuner random|hyperband|bayesian] [--json] [-o BEST.kbproj] [--script OUT.py]

Without ``--search`` it searches the space saved in the project (the
Inspector's "try several" marks).  The trials go to ``<FILE stem>.search/``
beside FILE (a new search each time).  ``--json`` prints one line per
finished trial, ``{"event": "trial", "trial": i, "values": {...}, "score": ...,
"state": ...}``, then ``{"event": "end", "best": {"values": {...}, "score": ...}, ...}``;
``values`` uses the ``--search`` names as given.

Exit codes: 0 a best trial was found, 1 the search failed or no trial
completed, 2 the file or the arguments are wrong (one sentence).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

from kbuilder.core.history import History
from kbuilder.core.i18n import translate
from kbuilder.training.search_check import parse_search
from kbuilder.training.search_space import TUNERS, SearchSpaceError, read_space


def _err(message: str) -> None:
    print(f"kbuilder: {message}", file=sys.stderr)


def add_tune_arguments(p: argparse.ArgumentParser) -> None:
    from kbuilder.training.cli import _add_data_arguments

    _add_data_arguments(
        p,
        translate("training.tune_cli", "a project or model file (.kbproj, .json, .h5, .keras)"),
        translate("training.tune_cli", "fraction kept for the final test (0-1)"),
    )
    p.add_argument(
        "--search",
        action="append",
        metavar="NAME=VALUES",
        help=translate(
            "training.tune_cli",
            "what to try: LAYER.PARAM=V1,V2,... (e.g. dense.units=16,32,64) or NAME=LO..HI[:log] "
            "(e.g. learning_rate=1e-4..1e-2:log); NAME may be learning_rate, optimizer or batch_size. "
            "Repeat for several. Default: the search saved in the project",
        ),
    )
    p.add_argument("--trials", type=int, metavar="N", help=translate("training.tune_cli", "at most N trials (default 10)"))
    p.add_argument(
        "--epochs",
        type=int,
        metavar="N",
        help=translate("training.tune_cli", "epochs per trial (Hyperband: the most); default: the project's epochs"),
    )
    p.add_argument(
        "--tuner", choices=TUNERS, help=translate("training.tune_cli", "how to choose the values (default: random)")
    )
    p.add_argument(
        "--validation-split",
        type=float,
        metavar="F",
        help=translate("training.tune_cli", "fraction kept for validation (0-1)"),
    )
    p.add_argument(
        "--json", action="store_true", help=translate("training.tune_cli", "print JSON lines (one per trial, then the best)")
    )
    p.add_argument(
        "-o", "--output", metavar="BEST.kbproj", help=translate("training.tune_cli", "write the model with the best values")
    )
    p.add_argument(
        "--script",
        metavar="OUT.py",
        help=translate(
            "training.tune_cli",
            "also write a stand-alone search script (runs on several machines with KerasTuner's distributed mode)",
        ),
    )


def cmd_tune(args: argparse.Namespace) -> int:
    from kbuilder.project.kbproj import ProjectError
    from kbuilder.project.loader import OpenError, open_path
    from kbuilder.training.cli import config_from_args

    if args.output and Path(args.output).suffix.lower() != ".kbproj":
        _err(translate("training.tune_cli", "BEST must end in .kbproj (got '{name}')").format(name=Path(args.output).name))
        return 2
    if args.trials is not None and args.trials < 1:
        _err(translate("training.tune_cli", "--trials must be at least 1"))
        return 2
    try:
        opened = open_path(args.file)
        settings = dict(opened.project.settings)
        cfg = config_from_args(argparse.Namespace(**{**vars(args), "epochs": None}), settings.get("training") or {})
    except (OpenError, ProjectError, ValueError) as exc:
        _err(str(exc))
        return 2
    graph = opened.graph
    try:
        space, note = read_space(settings)
        if note:
            print(translate("training.tune_cli", "note: {note}").format(note=note), file=sys.stderr)
        names: dict[str, str] = {}  # the space's key -> the name as given
        if args.search:
            space.dimensions = []
            for text in args.search:
                given, dim = parse_search(text, graph)
                space.set(dim)
                names[dim.key(graph)] = given
    except SearchSpaceError as exc:
        _err(_sentence(str(exc)))
        return 2
    if not space.active(graph):
        _err(
            translate(
                "training.tune_cli",
                "nothing to search: give --search LAYER.PARAM=V1,V2,... (or mark parameters to try in the app)",
            )
        )
        return 2
    if args.trials is not None:
        space.settings.trials = int(args.trials)
    if args.epochs is not None:
        if args.epochs < 1:
            _err(translate("training.tune_cli", "--epochs must be at least 1"))
            return 2
        space.settings.epochs = int(args.epochs)
    if args.tuner:
        space.settings.tuner = args.tuner
    return _run(args, graph, space, cfg, settings, names)


def _run(args, graph, space, cfg, settings: dict, names: dict[str, str]) -> int:
    from kbuilder.project.kbproj import Project, ProjectError, atomic_write_text, save
    from kbuilder.training.search_results import search_folder
    from kbuilder.training.tune_script import export_tune_script
    from kbuilder.training.tuning import Search, TuningError, apply_best, training_settings_with

    out = sys.stdout  # KerasTuner prints to stdout; the JSON lines must stay alone there
    as_json = bool(args.json)

    def show(values: dict) -> dict:
        return {names.get(k, k): v for k, v in values.items()}

    def emit(kind: str, payload: dict) -> None:
        if kind == "search_begin" and not as_json:
            print(_begin_line(payload), file=out, flush=True)
            for note in payload["notes"]:
                print(translate("training.tune_cli", "note: {note}").format(note=note), file=sys.stderr)
        elif kind == "trial_end":
            values, score = show(payload["values"]), payload["score"]
            if as_json:
                print(
                    json.dumps(
                        {
                            "event": "trial",
                            "trial": payload["number"],
                            "values": values,
                            "score": score,
                            "state": payload["state"],
                        }
                    ),
                    file=out,
                    flush=True,
                )
            else:
                what = f"{search.objective} {score:.4f}" if score is not None else _state(payload["state"])
                text = "  ".join(f"{k}={_short(v)}" for k, v in values.items())
                line = translate("training.tune_cli", "trial {number}  {values}  {result}  ({seconds} s)").format(
                    number=payload["number"], values=text, result=what, seconds=f"{payload['seconds']:.1f}"
                )
                print(line, file=out, flush=True)
                if payload["state"] == "failed" and payload["message"]:
                    print(f"  {payload['message'].splitlines()[0]}", file=out, flush=True)

    folder = search_folder(args.file)
    search = Search(graph, space, cfg, folder=folder, resume=False, workdir=Path.cwd())
    try:
        with contextlib.redirect_stdout(sys.stderr):
            search.prepare()
            script_text = export_tune_script(search) if args.script else None
            results = search.run(emit)
    except TuningError as exc:
        _err(str(exc))
        return 1
    best = results.best()
    if best is None:
        _err(translate("training.tune_cli", "no trial completed, so there is no best model (see the trials above)."))
        if as_json:
            print(json.dumps({"event": "end", "best": None, "objective": search.objective}), file=out, flush=True)
        return 1
    saved = script = None
    try:
        if args.output:
            best_graph = graph.copy()
            History(best_graph).push(apply_best(best_graph, best.values))
            new_settings = {
                **settings,
                "training": training_settings_with(settings.get("training"), best.values),
                "search": space.to_dict(),
            }
            save(Project(graph=best_graph, settings=new_settings), args.output)
            saved = args.output
        if script_text is not None:
            atomic_write_text(Path(args.script), script_text)
            script = args.script
    except (ProjectError, TuningError) as exc:
        _err(str(exc))
        return 1
    if as_json:
        print(
            json.dumps(
                {
                    "event": "end",
                    "best": {"values": show(best.values), "score": best.score},
                    "objective": search.objective,
                    "trial": best.number,
                    "folder": str(folder),
                    "saved": saved,
                    "script": script,
                }
            ),
            file=out,
            flush=True,
        )
    else:
        text = "  ".join(f"{k}={_short(v)}" for k, v in show(best.values).items())
        line = translate("training.tune_cli", "best: trial {number}  {values}  {objective} {score}").format(
            number=best.number, values=text, objective=search.objective, score=f"{best.score:.4f}"
        )
        print(line, file=out)
        for path in (saved, script):
            if path:
                print(translate("training.tune_cli", "wrote {path}").format(path=path), file=out)
    return 0


def _begin_line(payload: dict) -> str:
    """What ``kbuilder tune`` prints when the search begins."""
    trials, epochs = int(payload["trials"]), int(payload["epochs"])
    if trials == 1 and epochs == 1:
        text = translate("training.tune_cli", "{tuner} search, at most 1 trial of 1 epoch; objective {objective} ({direction})")
    elif trials == 1:
        text = translate(
            "training.tune_cli", "{tuner} search, at most 1 trial of {epochs} epochs; objective {objective} ({direction})"
        )
    elif epochs == 1:
        text = translate(
            "training.tune_cli", "{tuner} search, at most {trials} trials of 1 epoch; objective {objective} ({direction})"
        )
    else:
        text = translate(
            "training.tune_cli",
            "{tuner} search, at most {trials} trials of {epochs} epochs; objective {objective} ({direction})",
        )
    if payload["direction"] == "max":
        direction = translate("training.tune_cli", "max")
    elif payload["direction"] == "min":
        direction = translate("training.tune_cli", "min")
    else:
        direction = payload["direction"]
    return text.format(
        tuner=payload["tuner"], trials=trials, epochs=epochs, objective=payload["objective"], direction=direction
    )


def _state(state: str) -> str:
    """A trial's state (a code) in words."""
    if state == "completed":
        return translate("training.tune_cli", "completed")
    if state == "failed":
        return translate("training.tune_cli", "failed")
    if state == "stopped":
        return translate("training.tune_cli", "stopped")
    return state


def _short(v) -> str:
    return f"{v:.4g}" if isinstance(v, float) else str(v)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].lower() + text[1:] if text.startswith("--") else text
