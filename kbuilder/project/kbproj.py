"""The ``.kbproj`` file: versioned JSON, migrations, atomic save.

A project is a graph plus the settings around it (training choices, the
code style).  The file is plain JSON: reading it never executes anything.
It is read into a dict, migrated to the current format version, checked,
then built into a :class:`Project`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kbuilder.core.atomic import (
    TEMP_TAIL,
    matching,
    replace_atomically,
    temp_leftovers,
    unlink,
)
from kbuilder.core.graph import Graph, GraphError
from kbuilder.core.i18n import translate
from kbuilder.core.limits import MAX_PROJECT_BYTES, json_problem, kind_of, too_deep

FORMAT = "kbuilder-project"
# settings["search"] (the hyperparameter search space) is optional and lives
# inside "settings", which older versions keep as they found it: it needs no new
# format version.  Like all settings it passes the file's budgets here; its own
# structure, budgets and "version" are kbuilder.training.search_space's
# (read_space), as the project layer does not import the training layer.
FORMAT_VERSION = 2
SUFFIX = ".kbproj"


class ProjectError(Exception):
    """A project file that cannot be read; the message is for the user."""


@dataclass
class Project:
    graph: Graph = field(default_factory=Graph)
    # Free settings owned by the panels: {"training": {...}, "code_style": ...}
    settings: dict[str, Any] = field(default_factory=dict)
    # Where weights live beside the file, relative to it (issue: .h5 import).
    weights_file: str | None = None
    description: str = ""
    # What loading changed, for the user (a layer made a placeholder); not saved.
    notes: list[str] = field(default_factory=list, compare=False, repr=False)
    # The weights file as :func:`save` wrote it, so a reader can tell it is
    # the one saved with this project (see "Saving" below).
    weights_size: int | None = None
    weights_sha256: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "description": self.description,
            "graph": self.graph.to_dict(),
            "settings": self.settings,
        }
        if self.weights_file:
            d["weights_file"] = self.weights_file
            if self.weights_size is not None and self.weights_sha256:
                d["weights_size"] = self.weights_size
                d["weights_sha256"] = self.weights_sha256
        return d

    @classmethod
    def from_dict(cls, d: Any) -> Project:
        """A project from a parsed file: migrated, every field's type checked
        (:class:`ProjectError`, one sentence), and any layer a file may not
        build made a placeholder (:mod:`kbuilder.layers.allowed`)."""
        from kbuilder.layers.allowed import make_placeholders

        d = migrate(d)
        if not isinstance(d.get("graph"), dict):
            raise ProjectError(translate("project.kbproj", "The project file has no layer graph (its 'graph' is "
                                         "{kind}).").format(kind=kind_of(d.get("graph"))))
        try:
            graph = Graph.from_dict(d["graph"], copy=False)  # the parsed file is this project's own
        except GraphError as exc:
            raise ProjectError(translate("project.kbproj", "The project's layer graph is damaged: {reason}.").format(
                reason=str(exc).rstrip("."))) from None
        settings = _field(d, "settings", dict, {})
        return cls(
            graph=graph,
            settings=settings,
            weights_file=_weights_file(d.get("weights_file")),
            description=_field(d, "description", str, ""),
            notes=make_placeholders(graph),
            weights_size=_whole(d, "weights_size"),
            weights_sha256=_sha256(d.get("weights_sha256")),
        )


def _field(d: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    value = d.get(key)
    if value is None:
        return default
    if not isinstance(value, kind):
        if kind is dict:
            text = translate("project.kbproj", "The project file is damaged: its {key} is {kind}, not an object.")
        else:
            text = translate("project.kbproj", "The project file is damaged: its {key} is {kind}, not text.")
        raise ProjectError(text.format(key=repr(key), kind=kind_of(value)))
    return value


def _whole(d: dict[str, Any], key: str) -> int | None:
    value = d.get(key)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ProjectError(translate("project.kbproj", "The project file is damaged: its {key} is {kind}, not a size "
                                     "in bytes.").format(key=repr(key), kind=kind_of(value)))
    return value


def _sha256(value: Any) -> str | None:
    if value is not None and not (isinstance(value, str) and re.fullmatch(r"[0-9a-f]{64}", value)):
        raise ProjectError(translate("project.kbproj", "The project file is damaged: its 'weights_sha256' is not a "
                                     "SHA-256 digest."))
    return value


def _weights_file(value: Any) -> str | None:
    """The weights file's name, relative to the project's folder; a path
    that leaves the folder (absolute, ``..``) is refused, as a weights file
    elsewhere on disk would be read silently."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ProjectError(translate("project.kbproj", "The project file is damaged: its 'weights_file' is {kind}, "
                                     "not a file name.").format(kind=kind_of(value)))
    parts = value.replace("\\", "/").split("/")
    bad = (
        value.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", value) or len(value) > 1024
        or any(part in ("", ".", "..") for part in parts)
        or any(ord(ch) < 32 for ch in value)
    )
    if bad:
        raise ProjectError(translate(
            "project.kbproj", "The project names a weights file outside its own folder, which kbuilder does not "
            "read; keep the weights beside the project."))
    return value


# --------------------------------------------------------------- migrations
def _v1_to_v2(d: dict[str, Any]) -> dict[str, Any]:
    # Version 1 kept "layers"/"links" at the top level and no settings.
    d = dict(d)
    graph = {"name": d.pop("name", "model"), "nodes": d.pop("layers", []), "edges": d.pop("links", [])}
    d["graph"] = graph
    d.setdefault("settings", {})
    d["version"] = 2
    return d


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def migrate(d: Any) -> dict[str, Any]:
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise ProjectError(translate("project.kbproj", "This is not a kbuilder project file."))
    version = d.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectError(translate("project.kbproj", "The project file has no valid format version."))
    if version > FORMAT_VERSION:
        raise ProjectError(translate(
            "project.kbproj", "This project was saved by a newer kbuilder (format {version}; this one reads up to "
            "{supported}). Update kbuilder to open it.").format(version=version, supported=FORMAT_VERSION))
    while version < FORMAT_VERSION:
        d = MIGRATIONS[version](d)
        version = d["version"]
    return d


# ---------------------------------------------------------------- file I/O
def loads(text: str) -> Project:
    """A project from the text of a ``.kbproj``; :class:`ProjectError` (one
    sentence) for anything else.  Besides the JSON itself: values nested
    past ``MAX_JSON_DEPTH``, NaN or Infinity (never written by :func:`dumps`),
    integers Python refuses to parse and text that is not valid Unicode."""
    try:
        d = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ProjectError(translate("project.kbproj", "The project file is not valid JSON (line {line}): it may be "
                                     "damaged.").format(line=exc.lineno)) from None
    except RecursionError:  # deeper than Python's own limit, so past kbuilder's too
        raise ProjectError(_cannot_open(too_deep())) from None
    except _Constant as exc:  # NaN, Infinity (the hook below)
        raise ProjectError(_damaged(str(exc))) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise ProjectError(_damaged(translate("project.kbproj", "it holds a whole number too long to read"))) from None
    problem = json_problem(d, finite=True)  # 1e999 parses as an infinity
    if problem:
        raise ProjectError(_cannot_open(problem))
    return Project.from_dict(d)


def _cannot_open(reason: str) -> str:
    return translate("project.kbproj", "The project file cannot be opened: {reason}.").format(reason=reason)


def _damaged(reason: str) -> str:
    return translate("project.kbproj", "The project file is damaged: {reason}.").format(reason=reason)


class _Constant(ValueError):
    """NaN or Infinity in a project file; the message is a phrase."""


def _refuse_constant(name: str) -> float:
    raise _Constant(translate("project.kbproj", "it holds {name}, which a project never holds").format(name=name))


def dumps(project: Project) -> str:
    try:
        return json.dumps(project.to_dict(), indent=1, ensure_ascii=False, allow_nan=False) + "\n"
    except (TypeError, ValueError) as exc:
        raise ProjectError(translate("project.kbproj", "The project holds a value that cannot be saved "
                                     "({error}).").format(error=exc)) from None


def load(path: str | os.PathLike[str]) -> Project:
    """Read a ``.kbproj``: a regular file (a pipe or a device such as
    ``/dev/zero`` is refused before anything is read) of at most
    ``MAX_PROJECT_BYTES``, counted while reading rather than trusted from
    the file system."""
    from kbuilder.keras_io.file_guard import ReadError, check_path, human_size, open_regular

    path = Path(path)
    try:
        if check_path(path)[0] != "file":
            raise ProjectError(translate("project.kbproj", "{name} is a folder, not a kbuilder project.").format(
                name=path.name))
        with open_regular(path) as fh:
            raw = fh.read(MAX_PROJECT_BYTES + 1)
    except ReadError as exc:
        raise ProjectError(str(exc)) from None
    except OSError as exc:
        raise ProjectError(translate("project.kbproj", "Cannot read {name}: {reason}.").format(
            name=path.name, reason=exc.strerror or str(exc))) from None
    if len(raw) > MAX_PROJECT_BYTES:
        raise ProjectError(translate(
            "project.kbproj", "{name} is larger than {limit}, kbuilder's limit for a project (weights are kept "
            "beside it, not inside).").format(name=path.name, limit=human_size(MAX_PROJECT_BYTES)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProjectError(translate("project.kbproj", "{name} is not a kbuilder project (it is not text).").format(
            name=path.name)) from None
    return loads(text)


# ------------------------------------------------------------------ saving
# A project with weights is saved as one unit, a manifest with a generation:
#
#   1. the weights go to a file no earlier save used, ``<stem>.weights-<16 hex>.h5``
#      (written beside it under a temporary name, fsynced, renamed, the folder fsynced);
#   2. the ``.kbproj`` naming that file, with its size and sha256, replaces the
#      old one the same way;
#   3. only then are the older generations and what crashed saves left
#      (``.<name>.<random>.tmp`` files, unnamed generations) deleted.
#
# A kill at any moment leaves the old ``.kbproj`` naming the old weights or
# the new one naming the new: the file a ``.kbproj`` names is complete on disk
# before the ``.kbproj`` is, and is never written again.

WEIGHTS_TAG = ".weights-"
_GENERATION = r"\.weights-[0-9a-f]{16}\.h5"
_DIGEST_BLOCK = 1 << 20


def save(project: Project, path: str | os.PathLike[str],
         write_weights: Callable[[Path], None] | None = None) -> None:
    """Save ``project`` to ``path`` atomically.  With ``write_weights`` (a
    function that writes a complete weights file at the path it is given),
    the weights are saved with it as one unit: a new generation file that
    ``project.weights_file`` then names (see above).  Without it the project
    names the weights file it already names, if any.

    A failure (full disk, no permission) raises :class:`ProjectError` with
    one sentence, and leaves the previous project and weights untouched."""
    path = Path(path)
    dumps(project)  # a value that cannot be saved fails here, before any file is written
    previous = _previous_weights(path)
    kept = (project.weights_file, project.weights_size, project.weights_sha256)
    written: Path | None = None
    what = translate("project.kbproj", "the weights of {name}").format(name=path.name)
    try:
        if write_weights is not None:
            written = _new_generation(path)
            replace_atomically(written, write_weights, suffix=".h5", mode=_mode_for(path))
            project.weights_file = written.name
            project.weights_size, project.weights_sha256 = file_digest(written)
        elif project.weights_file and project.weights_file == previous[0] and not project.weights_sha256:
            project.weights_size, project.weights_sha256 = previous[1], previous[2]  # the same file: same record
        if not project.weights_file:
            project.weights_size = project.weights_sha256 = None
        what = path.name
        replace_atomically(path, lambda tmp: tmp.write_bytes(dumps(project).encode("utf-8")))
    except Exception as exc:  # (an interrupt may come after the rename: leave the files to the next save)
        project.weights_file, project.weights_size, project.weights_sha256 = kept
        if written is not None:
            unlink(written)  # complete, but no project names it
        if isinstance(exc, OSError):
            raise _save_error(what, exc) from None
        raise
    for leftover in _leftovers(path, project.weights_file, previous[0]):
        unlink(leftover)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`replace_atomically`);
    a failure raises :class:`ProjectError` and leaves the previous file as it was."""
    path = Path(path)
    try:
        replace_atomically(path, lambda tmp: tmp.write_bytes(data))
    except OSError as exc:
        raise _save_error(path.name, exc) from None


def file_digest(path: Path) -> tuple[int, str]:
    """(size in bytes, sha256 hex) of a file, read in blocks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while block := fh.read(_DIGEST_BLOCK):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def _new_generation(path: Path) -> Path:
    """A weights file name for ``path`` that no file in its folder has."""
    while True:
        candidate = path.parent / f"{path.stem}{WEIGHTS_TAG}{secrets.token_hex(8)}.h5"
        if not os.path.lexists(candidate):
            return candidate


def _mode_for(path: Path) -> int | None:
    """The weights of a project get the project file's permissions (a private
    project keeps private weights); None for a new project (the umask's)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def _previous_weights(path: Path) -> tuple[str | None, int | None, str | None]:
    """(weights_file, weights_size, weights_sha256) of the ``.kbproj`` about to
    be replaced, as far as it can be read cheaply; Nones otherwise."""
    nothing = (None, None, None)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return nothing
    try:
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return nothing
            raw = fh.read(MAX_PROJECT_BYTES + 1)
        d = json.loads(raw) if len(raw) <= MAX_PROJECT_BYTES else None
    except (OSError, ValueError, RecursionError):
        return nothing
    if not isinstance(d, dict) or not isinstance(d.get("weights_file"), str):
        return nothing
    size, sha = d.get("weights_size"), d.get("weights_sha256")
    if not (isinstance(size, int) and not isinstance(size, bool) and size >= 0
            and isinstance(sha, str) and re.fullmatch(r"[0-9a-f]{64}", sha)):
        size = sha = None
    return d["weights_file"], size, sha


def _leftovers(path: Path, keep: str | None, previous: str | None) -> list[Path]:
    """What the project at ``path`` no longer needs once saved: weights
    generations it does not name, the temporary files of crashed weight
    writes, and the single ``<stem>.weights.h5`` of older versions when the
    file just replaced named it."""
    stem = re.escape(path.stem)
    generation = re.compile(rf"{stem}{_GENERATION}")
    temp = re.compile(rf"\.{stem}\.weights(?:-[0-9a-f]{{16}})?(?:\.h5)?{TEMP_TAIL}\.h5")
    found = [p for p in matching(path.parent, generation) if p.name != keep]
    found += matching(path.parent, temp) + temp_leftovers(path)
    legacy = f"{path.stem}.weights.h5"
    if previous == legacy and keep != legacy:
        found.append(path.parent / legacy)
    return found


def _save_error(name: str, exc: OSError) -> ProjectError:
    reason = exc.strerror or str(exc)
    return ProjectError(translate("project.kbproj", "Could not save {name}: {reason}. The previous file was left as "
                                  "it was.").format(name=name, reason=reason))
