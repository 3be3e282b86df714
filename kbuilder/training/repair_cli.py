"""``kbuilder check --fix`` and the fixes ``kbuilder check`` lists.

kbuilder/cli.py calls :func:`add_check_arguments`, :func:`found_issues` and
:func:`cmd_fix`; a wrong argument raises ``ValueError`` (exit 2 there).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

from kbuilder.core.i18n import translate
from kbuilder.training.dataset_table import DATASETS
from kbuilder.training.repair import Repair, dataset_facts, find_issues, repair
from kbuilder.training.settings_edit import SettingsBox

FIX_SUFFIXES = (".kbproj", ".json", ".keras", ".h5")


def add_check_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--dataset",
        metavar="NAME",
        help=translate(
            "training.repair_cli",
            "check the output layer against this data set's classes "
            "(see 'kbuilder datasets'); default: the project's data set",
        ),
    )
    p.add_argument(
        "--fix",
        action="store_true",
        help=translate(
            "training.repair_cli",
            "apply the first fix of every issue that has one, check "
            "again, and repeat until none is left; write the result to -o",
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT.kbproj",
        help=translate("training.repair_cli", "where --fix writes the repaired model"),
    )


def dataset_override(name: str | None) -> tuple[int | None, tuple | None]:
    """(classes, sample shape) of ``--dataset NAME``; (None, None) without one."""
    if not name:
        return None, None

    if name not in DATASETS:
        raise ValueError(
            translate("training.repair_cli", "unknown data set '{name}' (run 'kbuilder datasets' for the list)").format(
                name=name
            )
        )
    return dataset_facts({"dataset": name})


def found_issues(args: argparse.Namespace, opened) -> list:
    """(issue, fixes) pairs for FILE, with ``--dataset`` or the project's data set in mind."""
    classes, shape = dataset_override(getattr(args, "dataset", None))
    return find_issues(opened.graph, opened.project.settings.get("training"), classes, shape)


def _kept_weights(weights: dict | None, before: dict, graph) -> dict | None:
    """The weights of the layers the fixes left as they were."""
    if not weights:
        return None
    same = {n.name for n in graph.nodes if before.get(n.name) == (n.class_name, n.params)}
    return {name: arrays for name, arrays in weights.items() if name in same} or None


def cmd_fix(args: argparse.Namespace, opened) -> int:
    """Repair FILE into OUT; 0 when no error is left, 1 when some is."""
    from kbuilder.keras_io import model_file
    from kbuilder.project import saving

    if not args.output:
        raise ValueError(
            translate("training.repair_cli", "--fix needs -o OUT.kbproj, the file to write the repaired model to")
        )
    out = Path(args.output)
    if out.suffix.lower() not in FIX_SUFFIXES:
        raise ValueError(
            translate("training.repair_cli", "OUT must end in {suffixes} (got '{name}')").format(
                suffixes=", ".join(FIX_SUFFIXES), name=out.name
            )
        )
    classes, shape = dataset_override(args.dataset)
    graph, project = opened.graph, opened.project
    before = {n.name: (n.class_name, copy.deepcopy(n.params)) for n in graph.nodes}
    result: Repair = repair(graph, SettingsBox(project.settings), classes, shape)
    errors = result.errors
    saved = None
    if not errors or out.suffix.lower() == ".kbproj":  # a project may keep a model with errors
        try:
            saving.save_graph(graph, out, weights=_kept_weights(opened.weights, before, graph), project=project)
        except model_file.ModelFileError as exc:
            print(f"kbuilder: {exc}", file=sys.stderr)
            return 1
        saved = str(out)
    if args.json:
        issues = [{"severity": i.severity, "node": _name(graph, i), "message": i.message} for i in result.issues]
        print(
            json.dumps(
                {"applied": result.applied, "valid": not errors, "issues": issues, "saved": saved}, ensure_ascii=False
            )
        )
    else:
        for title in result.applied:
            print(translate("training.repair_cli", "fixed: {title}").format(title=title))
        if not result.applied:
            print(translate("training.repair_cli", "nothing to fix"))
        if saved:
            print(translate("training.repair_cli", "wrote {path}").format(path=saved))
    if errors:
        first = errors[0]
        where = f"{_name(graph, first)}: " if _name(graph, first) else ""
        if len(errors) > 1:
            text = translate(
                "training.repair_cli",
                "errors remain that kbuilder cannot fix by itself: {where}{message} (and {more} more)",
            )
        else:
            text = translate(
                "training.repair_cli", "errors remain that kbuilder cannot fix by itself: {where}{message}"
            )
        print("kbuilder: " + text.format(where=where, message=first.message, more=len(errors) - 1), file=sys.stderr)
        return 1
    return 0


def _name(graph, issue) -> str | None:
    return graph.node(issue.node_id).name if issue.node_id and issue.node_id in graph else None
