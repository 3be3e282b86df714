"""The document: the one model the window shows, and everything that belongs to it.

A :class:`Document` owns the layer graph, the file it came from, the
project's settings, the weights the model has (from the opened file, or
from training here), the revision of the graph those weights belong to,
and the run history.  It imports no Qt: the window's panels subscribe to
its events and redraw from it, so no panel keeps a copy of its own.

* Every graph change bumps :attr:`Document.revision`.
* :meth:`Document.model_key` is the part of the graph that makes the Keras
  model (everything but the positions on the canvas).  Weights and runs
  remember the key they were made for: they are *current* while the key is
  the same (a move, or an undo back to the trained model, keeps them so)
  and *out of date* as soon as it differs.
* Opening a file, New and a template :meth:`replace` the document: the
  graph's content, the settings, the weights and the runs all go, and a
  ``replaced`` event tells every panel to start again from the document.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kbuilder.core.graph import Graph, GraphEvent
from kbuilder.core.i18n import translate

from .kbproj import Project


def model_key(graph: Graph, names: bool = True) -> str:
    """What makes ``graph``'s Keras model, as one string: the names, classes,
    parameters, sharing, outputs and connections, not the positions.
    ``names=False`` leaves the names out: what the weights' shapes depend on."""
    nodes = []
    for node in sorted(graph.nodes, key=lambda n: n.id):
        d = node.to_dict()
        d.pop("position", None)
        if not names:
            d.pop("name", None)
        nodes.append(d)
    edges = sorted((e.src, e.dst, e.dst_port, e.src_port) for e in graph.edges)
    return json.dumps({"name": graph.name if names else "", "nodes": nodes, "edges": edges}, sort_keys=True,
                      default=repr)


@dataclass(frozen=True)
class DocumentEvent:
    """``replaced`` (a new model: start again), ``weights`` (the model's
    weights changed), ``runs`` (a run was added to the history),
    ``settings`` (a project setting changed; ``key`` names it)."""

    kind: str
    key: str | None = None


@dataclass
class Weights:
    """The weights the model has, kept by node id so that they follow a
    rename and leave with a deleted layer."""

    by_id: dict[str, list[Any]]
    source: str  # "file" (the opened model's) or "training" (a run here)
    key: str  # the model key they were made for
    revision: int
    fits: str = ""  # model_key(graph, names=False) when they were made: a rename keeps them fitting


@dataclass
class RunRecord:
    """One training run in the history: its settings, figures and curves."""

    number: int
    key: str
    revision: int
    settings: dict[str, Any] = field(default_factory=dict)
    history: dict[str, list[float]] = field(default_factory=dict)
    test_metrics: dict[str, float] = field(default_factory=dict)
    epochs_done: int = 0
    stop_reason: str = ""
    message: str = ""


Listener = Callable[[DocumentEvent], None]


class Document:
    """The model on the canvas and what belongs to it (see the module doc)."""

    def __init__(self, graph: Graph | None = None) -> None:
        self.graph = graph if graph is not None else Graph()
        self.path: Path | None = None
        self.name = translate("project.document", "untitled")
        self.description = ""
        self.settings: dict[str, Any] = {}
        self.weights_file: str | None = None
        self.weights: Weights | None = None
        self.runs: list[RunRecord] = []
        self.generation = 0  # bumps on every replace
        self.revision = 0  # bumps on every graph change
        self._key: tuple[int, str] | None = None
        self._listeners: list[Listener] = []
        self.graph.subscribe(self._on_graph)

    # --------------------------------------------------------------- events
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: DocumentEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    def _on_graph(self, _event: GraphEvent) -> None:
        self.revision += 1

    # ---------------------------------------------------------------- state
    def model_key(self) -> str:
        """:func:`model_key` of the graph now (computed once per revision)."""
        if self._key is None or self._key[0] != self.revision:
            self._key = (self.revision, model_key(self.graph))
        return self._key[1]

    def is_current(self, key: str | None) -> bool:
        """Whether something made for ``key`` belongs to the model as it is now."""
        return key is not None and key == self.model_key()

    # -------------------------------------------------------------- replace
    def replace(self, project: Project, path: str | Path | None = None, name: str | None = None,
                weights: dict[str, list[Any]] | None = None) -> None:
        """A new model (open, New, template): everything that belonged to the
        old one goes, and ``replaced`` is emitted after the graph's ``reset``."""
        self.graph.load_from(project.graph)
        self.settings = dict(project.settings)
        self.description = project.description
        self.weights_file = project.weights_file
        self.path = Path(path) if path else None
        self.name = name or (self.path.stem if self.path else project.graph.name or translate("project.document",
                                                                                               "untitled"))
        self.runs = []
        self.generation += 1
        self.weights = None
        if weights:
            self._set_weights(weights, "file")
        self._emit(DocumentEvent("replaced"))

    def project(self) -> Project:
        return Project(graph=self.graph, settings=self.settings, weights_file=self.weights_file,
                       description=self.description)

    def saved_as(self, path: str | Path) -> None:
        self.path = Path(path)
        self.name = self.path.stem

    # ------------------------------------------------------------- settings
    def set_setting(self, key: str, value: Any) -> bool:
        """Keep a project setting; True when it changed."""
        if self.settings.get(key) == value:
            return False
        self.settings[key] = value
        self._emit(DocumentEvent("settings", key))
        return True

    # -------------------------------------------------------------- weights
    def _set_weights(self, by_name: dict[str, list[Any]], source: str, key: str | None = None) -> None:
        by_id = {node.id: by_name[node.name] for node in self.graph.nodes
                 if node.name in by_name and not node.shared_with}
        now = self.model_key()
        # Weights made for an earlier version of the model (an edit during training) never fit on save.
        fits = model_key(self.graph, names=False) if key is None or key == now else ""
        self.weights = Weights(by_id, source, key or now, self.revision, fits) if by_id else None

    def current_weights_by_name(self) -> dict[str, list[Any]] | None:
        """:meth:`weights_by_name` while the weights belong to the model as it
        is now; None once an edit made them out of date (a file saved then
        would pair the model with weights made for another one)."""
        if self.weights is None or model_key(self.graph, names=False) != self.weights.fits:
            return None
        return self.weights_by_name()

    def weights_by_name(self) -> dict[str, list[Any]] | None:
        """The model's weights by the layers' current names (None when it has none)."""
        if self.weights is None:
            return None
        out = {self.graph.node(nid).name: arrays for nid, arrays in self.weights.by_id.items() if nid in self.graph}
        return out or None

    def set_file_weights(self, by_name: dict[str, list[Any]] | None) -> None:
        self.weights = None
        if by_name:
            self._set_weights(by_name, "file")
        self._emit(DocumentEvent("weights"))

    def add_run(self, record: RunRecord, weights: dict[str, list[Any]] | None = None) -> RunRecord:
        """A run finished: keep it in the history and, when it left weights,
        make them the model's (for the graph it trained: ``record.key``)."""
        record.number = len(self.runs) + 1
        self.runs.append(record)
        if weights:
            self._set_weights(weights, "training", record.key)
            self._emit(DocumentEvent("weights"))
        self._emit(DocumentEvent("runs"))
        return record

    def last_run(self) -> RunRecord | None:
        return self.runs[-1] if self.runs else None

    def detach(self) -> None:
        """Stop following the graph (a document that is no longer used)."""
        self.graph.unsubscribe(self._on_graph)
