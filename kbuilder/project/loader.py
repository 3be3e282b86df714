"""Open any file kbuilder understands as a project.

``.kbproj`` is read directly; a Keras architecture (``.json``) or a saved
model (``.h5``, ``.keras``) is imported into a graph without executing
anything from it (``kbuilder.keras_io.model_file``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import kbproj

MODEL_SUFFIXES = (".json", ".h5", ".hdf5", ".keras")
OPEN_SUFFIXES = (kbproj.SUFFIX, *MODEL_SUFFIXES)


class OpenError(Exception):
    """A file that cannot be opened; the message is one plain sentence."""


@dataclass
class Opened:
    project: kbproj.Project
    path: Path
    # What the import translated or left as a placeholder, for the user.
    notes: list[str] = field(default_factory=list)
    # Layer name -> weight arrays, when the file carried weights.
    weights: dict[str, list[Any]] | None = None

    @property
    def graph(self):
        return self.project.graph

    @property
    def is_project(self) -> bool:
        return self.path.suffix.lower() == kbproj.SUFFIX


def open_path(path: str | os.PathLike[str]) -> Opened:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == kbproj.SUFFIX:
        try:
            project = kbproj.load(path)
        except kbproj.ProjectError as exc:
            raise OpenError(str(exc)) from None
        weights = None
        if project.weights_file:
            weights = _project_weights(path, project)
        return Opened(project=project, path=path, weights=weights)
    if suffix in MODEL_SUFFIXES:
        if not path.exists():
            raise OpenError(f"No such file: {path}")
        from kbuilder.keras_io import model_file

        try:
            result = model_file.open_model_file(path)
        except model_file.ModelFileError as exc:
            raise OpenError(str(exc)) from None
        graph = result.graph
        if not graph.name or graph.name == "model":
            graph.name = path.stem
        project = kbproj.Project(graph=graph, description=f"Imported from {path.name}")
        return Opened(project=project, path=path, notes=list(result.notes), weights=getattr(result, "weights", None))
    raise OpenError(
        f"kbuilder cannot open '{path.name}': it opens {', '.join(OPEN_SUFFIXES)} files."
    )


def _project_weights(path: Path, project: kbproj.Project):
    from kbuilder.keras_io import model_file

    wpath = path.parent / project.weights_file
    if not wpath.exists():
        return None
    reader = getattr(model_file, "read_weights_file", None)
    if reader is None:
        return None
    try:
        return reader(wpath)
    except model_file.ModelFileError:
        return None
