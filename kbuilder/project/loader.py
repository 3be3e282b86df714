"""Open any file kbuilder understands as a project.

``.kbproj`` is read directly; a Keras architecture (``.json``), a saved
model (``.h5``, ``.keras``) or a Keras 2 SavedModel folder (or its
``saved_model.pb``) is imported into a graph without executing anything
from it (``kbuilder.keras_io.model_file``).  Whatever the format,
a layer a file may not build (a Lambda, a class outside the catalog) comes
back as a placeholder with a note (:mod:`kbuilder.layers.allowed`), and a
file that cannot be read is one sentence (:class:`OpenError`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kbuilder.core.i18n import translate

from . import kbproj

MODEL_SUFFIXES = (".json", ".h5", ".hdf5", ".keras")
OPEN_SUFFIXES = (kbproj.SUFFIX, *MODEL_SUFFIXES)
#: What File > Open and the CLI say kbuilder opens (the suffixes, and
#: folders), in English; :func:`open_words` says it in the user's language.
OPEN_WORDS = f"{', '.join(OPEN_SUFFIXES)} files and TensorFlow SavedModel folders"


def open_words() -> str:
    """:data:`OPEN_WORDS` in the user's language."""
    return translate("project.loader", "{suffixes} files and TensorFlow SavedModel folders").format(
        suffixes=", ".join(OPEN_SUFFIXES))


def can_open(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is something :func:`open_path` reads, by its name
    and inode only: a suffix it knows, a SavedModel folder or its
    ``saved_model.pb``, an unzipped ``.keras`` folder.  For drop targets and
    file dialogs; opening still checks everything."""
    from kbuilder.keras_io.saved_model import saved_model_folder

    path = Path(path)
    return path.suffix.lower() in OPEN_SUFFIXES or saved_model_folder(path) is not None


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
        weights, notes = None, list(project.notes)
        if project.weights_file:
            weights, more = project_weights(path, project)
            notes += more
        return Opened(project=project, path=path, notes=notes, weights=weights)
    from kbuilder.keras_io.saved_model import saved_model_folder

    folder = saved_model_folder(path)
    if suffix in MODEL_SUFFIXES or folder is not None:
        if not path.exists():
            raise OpenError(translate("project.loader", "No such file: {path}").format(path=path))
        from kbuilder.keras_io import model_file

        try:
            result = model_file.open_model_file(path)
        except model_file.ModelFileError as exc:
            raise OpenError(str(exc)) from None
        graph = result.graph
        if not graph.name or graph.name == "model":
            graph.name = (folder or path).stem
        project = kbproj.Project(graph=graph, description=translate("project.loader", "Imported from {name}").format(
            name=(folder or path).name))
        return Opened(project=project, path=path, notes=list(result.notes), weights=getattr(result, "weights", None))
    if not path.exists():
        raise OpenError(translate("project.loader", "No such file or folder: {path}").format(path=path))
    raise OpenError(translate("project.loader", "kbuilder cannot open '{name}': it opens {what}.").format(
        name=path.name, what=open_words()))


def project_weights(path: Path, project: kbproj.Project) -> tuple[Any, list[str]]:
    """The weights saved with a project, and a note when there are none to
    use: the file is missing, unreadable, or not the one the project was
    saved with (its recorded size and SHA-256 differ: a save was cut short)."""
    from kbuilder.keras_io import model_file

    wpath = path.parent / project.weights_file
    if not wpath.exists():
        return None, [translate("project.loader", "The weights file {name} named by the project is missing, so the "
                                "layers start from fresh weights.").format(name=repr(project.weights_file))]
    if project.weights_sha256 is not None and not _same_file(wpath, project.weights_size, project.weights_sha256):
        return None, [translate("project.loader", "The weights file {name} is not the one this project was saved with, "
                                "so the layers start from fresh weights.").format(name=repr(project.weights_file))]
    try:
        return model_file.read_weights_file(wpath), []
    except model_file.ModelFileError as exc:
        return None, [translate("project.loader", "{reason}; the layers start from fresh weights.").format(
            reason=str(exc).rstrip("."))]


def _same_file(path: Path, size: int | None, sha256: str) -> bool:
    """Whether the regular file ``path`` has this size and SHA-256 (never
    blocks on a pipe: False for anything but a regular file)."""
    from kbuilder.keras_io.file_guard import ReadError, open_regular

    digest = hashlib.sha256()
    try:
        with open_regular(path) as fh:
            if size is not None and os.fstat(fh.fileno()).st_size != size:
                return False
            while block := fh.read(1 << 20):
                digest.update(block)
    except (ReadError, OSError):
        return False
    return digest.hexdigest() == sha256
