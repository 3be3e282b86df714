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

from kbuilder.core.i18n import translate
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
            print(translate("cli", "note: {note}").format(note=note))
        for i, fixes in found:
            print(_issue_line(i.severity, node_name(i), i.message))
            for f in fixes:
                print(translate("cli", "  fix: {fix}").format(fix=f.title))
        n_err, n_warn = len(errors), len(issues) - len(errors)
        if errors:
            verdict = translate("cli", "{file}: has errors ({layers} layers, {errors} errors, {warnings} warnings)")
        else:
            verdict = translate("cli", "{file}: valid ({layers} layers, {errors} errors, {warnings} warnings)")
        print(verdict.format(file=Path(args.file).name, layers=len(graph), errors=n_err, warnings=n_warn))
    return 1 if errors else 0


def _issue_line(severity: str, node: str | None, message: str) -> str:
    """One issue as ``kbuilder check`` prints it: "error: dense: ..." (the severity in words)."""
    if severity == "error":
        text = translate("cli", "error: {node}: {message}") if node else translate("cli", "error: {message}")
    elif severity == "warning":
        text = translate("cli", "warning: {node}: {message}") if node else translate("cli", "warning: {message}")
    elif severity == "note":
        text = translate("cli", "note: {node}: {message}") if node else translate("cli", "note: {message}")
    else:
        return f"{severity}: {node}: {message}" if node else f"{severity}: {message}"
    return text.format(node=node, message=message)


def _require_valid(graph) -> None:
    from kbuilder.keras_io.check import check_graph

    errors = [i for i in check_graph(graph) if i.severity == "error"]
    if errors:
        first = errors[0]
        node = graph.node(first.node_id).name if first.node_id and first.node_id in graph else None
        more = len(errors) - 1
        if node and more:
            text = translate("cli", "the model has errors: {node}: {message} (and {more} more; run 'kbuilder check')")
        elif node:
            text = translate("cli", "the model has errors: {node}: {message}")
        elif more:
            text = translate("cli", "the model has errors: {message} (and {more} more; run 'kbuilder check')")
        else:
            text = translate("cli", "the model has errors: {message}")
        raise CliError(text.format(node=node, message=first.message, more=more), 1)


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
        print(translate("cli", "wrote {path}").format(path=args.output))
    else:
        sys.stdout.write(code)
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    if not (args.output or args.out) or (args.output and args.out):
        raise CliError(
            translate("cli", "give the file to write once: 'kbuilder convert FILE OUT' or 'kbuilder convert FILE -o OUT'"),
            2,
        )
    out = Path(args.output or args.out)
    suffix = out.suffix.lower()
    if suffix not in CONVERT_SUFFIXES:
        raise CliError(
            translate("cli", "OUT must end in {suffixes} (got '{name}')").format(
                suffixes=", ".join(CONVERT_SUFFIXES), name=out.name
            ),
            2,
        )
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
        print(translate("cli", "note: {note}").format(note=note))
    print(translate("cli", "wrote {path}").format(path=out))
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
        description=translate("cli", "Build Keras models by drawing them. Without a command, opens the app."),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    files = translate("cli", "a project or model file ({suffixes}) or a SavedModel folder").format(
        suffixes=", ".join(OPEN_SUFFIXES)
    )

    p = sub.add_parser("check", help=translate("cli", "check a model for errors"))
    p.add_argument("file", metavar="FILE", help=files)
    p.add_argument("--json", action="store_true", help=translate("cli", "print the result as JSON"))
    from kbuilder.training.repair_cli import add_check_arguments

    add_check_arguments(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("summary", help=translate("cli", "print what model.summary() shows"))
    p.add_argument("file", metavar="FILE", help=files)
    p.add_argument("--json", action="store_true", help=translate("cli", "print the summary as JSON"))
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("export", help=translate("cli", "export the model as Python code"))
    p.add_argument("file", metavar="FILE", help=files)
    p.add_argument(
        "-o", "--output", metavar="OUT.py", help=translate("cli", "write to this file instead of the screen")
    )
    p.add_argument(
        "--style", choices=STYLES, default="functional", help=translate("cli", "code style (default: functional)")
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("convert", help=translate("cli", "convert between .kbproj, .json, .keras and .h5"))
    p.add_argument("file", metavar="FILE", help=files)
    p.add_argument(
        "out", metavar="OUT", nargs="?", help=translate("cli", "the file to write (.kbproj, .json, .keras or .h5)")
    )
    p.add_argument("-o", "--output", metavar="OUT", help=translate("cli", "the same, as an option"))
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("train", help=translate("cli", "train a model on a data set"))
    training_cli.add_train_arguments(p)
    p.set_defaults(func=cmd_train)

    p = sub.add_parser(
        "evaluate", help=translate("cli", "measure a saved model's weights on a data set, without training")
    )
    training_cli.add_evaluate_arguments(p)
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("datasets", help=translate("cli", "list the data sets kbuilder can train on"))
    training_cli.add_datasets_arguments(p)
    p.set_defaults(func=cmd_datasets)

    from kbuilder.training import predict_cli

    p = sub.add_parser(
        "predict", help=translate("cli", "run a trained model on your own picture, CSV rows, arrays or text")
    )
    predict_cli.add_predict_arguments(p)
    p.set_defaults(func=cmd_predict)

    from kbuilder.training import tune_cli

    p = sub.add_parser(
        "tune", help=translate("cli", "search hyperparameters (KerasTuner): try several values, keep the best")
    )
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
    from kbuilder import language

    language.install_cli()  # sentences (and --help) in the user's language; JSON keys and codes never change
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
        _err(translate("cli", "interrupted"))
        return 130
    except Exception as exc:  # a bug or an environment problem: still no traceback
        _err(translate("cli", "unexpected error: {kind}: {problem}").format(kind=type(exc).__name__, problem=exc))
        _err(translate("cli", "please report this with the file that caused it."))
        return 3


if __name__ == "__main__":
    sys.exit(main())
