"""The ``.kbproj`` file: versioned JSON, migrations, atomic save.

A project is a graph plus the settings around it (training choices, the
code style).  The file is plain JSON: reading it never executes anything.
It is read into a dict, migrated to the current format version, checked,
then built into a :class:`Project`.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kbuilder.core.graph import Graph, GraphError

FORMAT = "kbuilder-project"
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
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Project:
        d = migrate(d)
        try:
            graph = Graph.from_dict(d["graph"])
        except (GraphError, KeyError, TypeError, ValueError, IndexError) as exc:
            raise ProjectError(f"The project's layer graph is damaged: {exc}") from None
        settings = d.get("settings") or {}
        if not isinstance(settings, dict):
            settings = {}
        return cls(
            graph=graph,
            settings=settings,
            weights_file=d.get("weights_file"),
            description=str(d.get("description") or ""),
        )


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
        raise ProjectError("This is not a kbuilder project file.")
    version = d.get("version")
    if not isinstance(version, int) or version < 1:
        raise ProjectError("The project file has no valid format version.")
    if version > FORMAT_VERSION:
        raise ProjectError(
            f"This project was saved by a newer kbuilder (format {version}; this one reads up to "
            f"{FORMAT_VERSION}). Update kbuilder to open it."
        )
    while version < FORMAT_VERSION:
        d = MIGRATIONS[version](d)
        version = d["version"]
    return d


# ---------------------------------------------------------------- file I/O
def loads(text: str) -> Project:
    try:
        d = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectError(f"The project file is not valid JSON (line {exc.lineno}): it may be damaged.") from None
    return Project.from_dict(d)


def dumps(project: Project) -> str:
    try:
        return json.dumps(project.to_dict(), indent=1, ensure_ascii=False, allow_nan=False) + "\n"
    except (TypeError, ValueError) as exc:
        raise ProjectError(f"The project holds a value that cannot be saved ({exc}).") from None


def load(path: str | os.PathLike[str]) -> Project:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProjectError(f"No such file: {path}") from None
    except OSError as exc:
        raise ProjectError(f"Cannot read {path.name}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProjectError(f"{path.name} is not a kbuilder project (it is not text).") from None
    return loads(text)


def save(project: Project, path: str | os.PathLike[str]) -> None:
    """Write atomically: a temporary file in the same folder, fsync, rename.
    A failure (full disk, no permission) raises :class:`ProjectError` and
    leaves the previous file untouched."""
    atomic_write_text(Path(path), dumps(project))


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
        try:  # make the rename itself durable
            dir_fd = os.open(folder, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ProjectError(f"Could not save {path.name}: {reason}. The previous file was left as it was.") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
