"""Saving a model to any file kbuilder writes, and converting between them.

By the file's suffix: ``.kbproj`` (the project, its weights beside it in
``<name>.weights-<generation>.h5``, saved with it as one unit by
:func:`kbuilder.project.kbproj.save`), ``.json`` (the Keras architecture),
``.keras`` / ``.h5`` (a full Keras 3 model, by
:mod:`kbuilder.keras_io.model_file`).  The project layer owns this because
only it knows the ``.kbproj`` format."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from kbuilder.core.i18n import translate
from kbuilder.keras_io.model_file import (
    SAVE_SUFFIXES,
    ModelFileError,
    _atomic,
    _write_weights,
    build_with_weights,
    open_model_file,
    save_model_file,
)
from kbuilder.keras_io.weights import Weights
from kbuilder.project import kbproj
from kbuilder.project.loader import project_weights


def save_graph(graph: Any, path: str | os.PathLike[str], weights: Weights | None = None, project: Any = None) -> list[str]:
    """Write ``graph`` to ``path`` by its suffix: ``.kbproj`` (weights beside
    it in ``<name>.weights-<generation>.h5``, saved with it as one unit by
    :func:`kbuilder.project.kbproj.save`), ``.json`` (the Keras architecture),
    ``.keras`` / ``.h5`` (a full Keras 3 model).  Returns notes."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SAVE_SUFFIXES:
        raise ModelFileError(translate("project.saving", "kbuilder writes {suffixes} files, not {name}.").format(
            suffixes=", ".join(SAVE_SUFFIXES), name=path.name))
    if suffix in (".keras", ".h5", ".hdf5"):
        return save_model_file(graph, path, weights)
    if suffix == ".json":
        model, _ = build_with_weights(graph, None, translate("project.saving", "a .json architecture"))
        _atomic(path, lambda tmp: tmp.write_text(json.dumps(json.loads(model.to_json()), indent=1) + "\n", "utf-8"))
        if weights:
            return [translate("project.saving", "A .json file keeps only the architecture; the weights were not "
                              "written.")]
        return []
    if project is None:
        project = kbproj.Project(graph=graph)
    elif project.graph is not graph:
        project = kbproj.Project(graph=graph, settings=project.settings, description=project.description)
    if not weights:
        project.weights_file = None  # no stale pointer to a file that is not beside this one
    try:
        kbproj.save(project, path, write_weights=(lambda tmp: _write_weights(weights, tmp)) if weights else None)
    except kbproj.ProjectError as exc:
        raise ModelFileError(str(exc)) from None
    return []


def convert(src: str | os.PathLike[str], dst: str | os.PathLike[str], timeout: float = 30.0) -> list[str]:
    """Any supported input (``.kbproj``, ``.json``, ``.h5``, ``.keras``) to
    ``.kbproj`` / ``.json`` / ``.keras`` / ``.h5``, weights kept.  Returns the
    notes of the import and of the save."""
    src = Path(src)
    project = None
    if src.suffix.lower() == ".kbproj":
        try:
            project = kbproj.load(src)
        except kbproj.ProjectError as exc:
            raise ModelFileError(str(exc)) from None
        graph = project.graph
        notes: list[str] = list(project.notes)
        weights = None
        if project.weights_file:  # the same checks as opening it (size and SHA-256 of the saved pair)
            weights, more = project_weights(src, project)
            notes += more
    else:
        result = open_model_file(src, timeout=timeout)
        graph, notes, weights = result.graph, list(result.notes), result.weights
    return notes + save_graph(graph, dst, weights=weights, project=project)
