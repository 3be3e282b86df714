"""The ``kbuilder`` command.

``kbuilder [FILE]`` opens the app; the sub-commands work headless, for
scripts and tests.  Errors are one or two plain lines on stderr, never a
traceback.  Exit codes: 0 success, 1 the model has errors (or the command
failed on it), 2 the file cannot be read or the arguments are wrong.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from kbuilder.project.loader import OPEN_SUFFIXES, OpenError, open_path
from kbuilder.training import cli as training_cli

COMMANDS = ("check", "summary", "export", "convert", "train", "evaluate", "datasets", "predict", "tune")
STYLES = ("functional", "sequential", "subclass")
CONVERT_SUFFIXES = (".kbproj", ".json", ".keras", ".h5")


class CliError(Exception):
    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _err(message: str) -> None:
    print(f"kbuilder: {message}", file=sys.stderr)


def _open(path: str):
    try:
        return open_path(path)
    except OpenError as exc:
        raise CliError(str(exc), 2) from None


def _write_text(path: Path, text: str) -> None:
    from kbuilder.project.kbproj import ProjectError, atomic_write_text

    try:
        atomic_write_text(path, text)
    except ProjectError as exc:
        raise CliError(str(exc), 1) from None


# ------------------------------------------------------------------ commands
def cmd_check(args: argparse.Namespace) -> int:
    from kbuilder.training import repair_cli

    opened = _open(args.file)
    graph = opened.graph
    try:
        if args.fix:
            return repair_cli.cmd_fix(args, opened)
        found = repair_cli.found_issues(args, opened)
    except ValueError as exc:
        raise CliError(str(exc), 2) from None
    issues = [i for i, _ in found]
    errors = [i for i in issues if i.severity == "error"]

    def node_name(issue):
        return graph.node(issue.node_id).name if issue.node_id and issue.node_id in graph else None

    if args.json:
        print(
            json.dumps(
                {
                    "valid": not errors,
                    "issues": [
                        {"severity": i.severity, "node": node_name(i), "message": i.message,
                         "fixes": [f.to_dict() for f in fixes]}
                        for i, fixes in found
                    ],
                },
                ensure_ascii=False,
            )
        )
    else:
        for note in opened.notes:
            print(f"note: {note}")
        for i, fixes in found:
            where = f"{node_name(i)}: " if node_name(i) else ""
            print(f"{i.severity}: {where}{i.message}")
            for f in fixes:
                print(f"  fix: {f.title}")
        n_err, n_warn = len(errors), len(issues) - len(errors)
        verdict = "valid" if not errors else "has errors"
        print(f"{Path(args.file).name}: {verdict} ({len(graph)} layers, {n_err} errors, {n_warn} warnings)")
    return 1 if errors else 0


def _require_valid(graph) -> None:
    from kbuilder.keras_io.check import check_graph

    errors = [i for i in check_graph(graph) if i.severity == "error"]
    if errors:
        first = errors[0]
        where = graph.node(first.node_id).name + ": " if first.node_id and first.node_id in graph else ""
        more = f" (and {len(errors) - 1} more; run 'kbuilder check')" if len(errors) > 1 else ""
        raise CliError(f"the model has errors: {where}{first.message}{more}", 1)


def cmd_summary(args: argparse.Namespace) -> int:
    from kbuilder.keras_io.summary import format_summary, summarize

    opened = _open(args.file)
    _require_valid(opened.graph)
    data = summarize(opened.graph)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(format_summary(data))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kbuilder.keras_io.codegen import ExportError, export_code

    opened = _open(args.file)
    try:
        code = export_code(opened.graph, style=args.style)
    except ExportError as exc:
        raise CliError(str(exc), 1) from None
    if args.output:
        _write_text(Path(args.output), code)
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(code)
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    if not (args.output or args.out) or (args.output and args.out):
        raise CliError("give the file to write once: 'kbuilder convert FILE OUT' or 'kbuilder convert FILE -o OUT'", 2)
    out = Path(args.output or args.out)
    suffix = out.suffix.lower()
    if suffix not in CONVERT_SUFFIXES:
        raise CliError(f"OUT must end in {', '.join(CONVERT_SUFFIXES)} (got '{out.name}')", 2)
    opened = _open(args.file)
    if suffix != ".kbproj":
        _require_valid(opened.graph)
    from kbuilder.keras_io import model_file
    from kbuilder.project import saving

    try:
        saving.save_graph(opened.graph, out, weights=opened.weights, project=opened.project)
    except model_file.ModelFileError as exc:
        raise CliError(str(exc), 1) from None
    for note in opened.notes:
        print(f"note: {note}")
    print(f"wrote {out}")
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    return training_cli.cmd_train(args)


def cmd_evaluate(args: argparse.Namespace) -> int:
    return training_cli.cmd_evaluate(args)


def cmd_datasets(args: argparse.Namespace) -> int:
    return training_cli.cmd_datasets(args)


def cmd_predict(args: argparse.Namespace) -> int:
    from kbuilder.training import predict_cli

    return predict_cli.cmd_predict(args)


def cmd_tune(args: argparse.Namespace) -> int:
    from kbuilder.training import tune_cli

    return tune_cli.cmd_tune(args)


# -------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kbuilder",
        description="Build Keras models by drawing them. Without a command, opens the app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    files = f"a project or model file ({', '.join(OPEN_SUFFIXES)}) or a SavedModel folder"

    p = sub.add_parser("check", help="check a model for errors")
    p.add_argument("file", metavar="FILE", help=files)
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    from kbuilder.training.repair_cli import add_check_arguments

    add_check_arguments(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("summary", help="print what model.summary() shows")
    p.add_argument("file", metavar="FILE", help=files)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("export", help="export the model as Python code")
    p.add_argument("file", metavar="FILE", help=files)
    p.add_argument("-o", "--output", metavar="OUT.py", help="write to this file instead of the screen")
    p.add_argument("--style", choices=STYLES, default="functional", help="code style (default: functional)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("convert", help="convert between .kbproj, .json, .keras and .h5")
    p.add_argument("file", metavar="FILE", help=files)
    p.add_argument("out", metavar="OUT", nargs="?", help="the file to write (.kbproj, .json, .keras or .h5)")
    p.add_argument("-o", "--output", metavar="OUT", help="the same, as an option")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("train", help="train a model on a data set")
    training_cli.add_train_arguments(p)
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="measure a saved model's weights on a data set, without training")
    training_cli.add_evaluate_arguments(p)
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("datasets", help="list the data sets kbuilder can train on")
    training_cli.add_datasets_arguments(p)
    p.set_defaults(func=cmd_datasets)

    from kbuilder.training import predict_cli

    p = sub.add_parser("predict", help="run a trained model on your own picture, CSV rows, arrays or text")
    predict_cli.add_predict_arguments(p)
    p.set_defaults(func=cmd_predict)

    from kbuilder.training import tune_cli

    p = sub.add_parser("tune", help="search hyperparameters (KerasTuner): try several values, keep the best")
    tune_cli.add_tune_arguments(p)
    p.set_defaults(func=cmd_tune)
    return parser


@contextlib.contextmanager
def _native_stderr_hidden():
    """TensorFlow's C++ runtime writes lines such as "failed call to cuInit"
    straight to file descriptor 2.  A command promises one plain line per
    error, so while it runs, fd 2 goes to the null device and Python's own
    ``sys.stderr`` keeps writing to the real one.  ``KBUILDER_TF_LOGS=1``
    shows everything."""
    if os.environ.get("KBUILDER_TF_LOGS") or sys.stderr is not sys.__stderr__ or sys.__stderr__ is None:
        yield
        return
    try:
        sys.stderr.flush()
        real = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        yield
        return
    old_stderr = sys.stderr
    sys.stderr = os.fdopen(real, "w", buffering=1, encoding=old_stderr.encoding, errors="backslashreplace")
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(real, 2)
        os.close(devnull)
        sys.stderr.close()
        sys.stderr = old_stderr


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        from kbuilder.app import main as app_main

        return app_main(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    try:
        with _native_stderr_hidden():
            return int(args.func(args) or 0)
    except CliError as exc:
        _err(str(exc))
        return exc.code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except Exception as exc:  # a bug or an environment problem: still no traceback
        _err(f"unexpected error: {type(exc).__name__}: {exc}")
        _err("please report this with the file that caused it.")
        return 3


if __name__ == "__main__":
    sys.exit(main())
