"""What a hyperparameter search tries: plain data, no Qt, no Keras.

A :class:`SearchSpace` holds one :class:`Dimension` per "try several"
mark: a layer parameter (by node id, so a mark follows a rename) or a
compile setting (``learning_rate``, ``optimizer``, ``batch_size``), each
with a list of values to try or a range ``lo..hi`` (linear or log steps).
Its :class:`SearchSettings` say how to search (tuner, trials, epochs,
objective).

Names as the user reads them are ``NODE.PARAM`` (``dense.units``) and the
compile setting's own name (``learning_rate``): :meth:`SearchSpace.keys`.

The space is saved in the project as ``settings["search"]``
(:func:`set_space` / :func:`space_of` on the Document, :func:`read_space` on
a project's settings): older kbuilders keep settings they do not know, so no
format version changes.  Reading one (:meth:`SearchSpace.from_dict`) checks
every field against the budgets below, as the project reader does for the
rest of a file; a damaged one is dropped with a note, the model still opens.
Checking a space against a model, and reading what the user typed, is
:mod:`~kbuilder.training.search_check`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from kbuilder.core.limits import kind_of, shown

FORMAT_VERSION = 1
#: The compile settings a search can vary, and the kind of value each takes.
COMPILE_KEYS: dict[str, str] = {"learning_rate": "float", "optimizer": "choice", "batch_size": "int"}
TUNERS = ("random", "hyperband", "bayesian")
#: "auto": val_accuracy for a one-output classifier with an accuracy metric,
#: else val_loss (see kbuilder.training.tuning.choose_objective).
OBJECTIVES = ("auto", "val_loss", "val_accuracy")
#: Layer parameter kinds (kbuilder.layers.spec) that can be searched, and those that take a range.
SEARCHABLE_KINDS = ("int", "float", "optional_int", "optional_float", "int_tuple", "choice", "bool")
RANGE_KINDS = ("int", "float", "optional_int", "optional_float", "int_tuple")

# Budgets for what a file may hold (a project may come from anywhere).
MAX_DIMENSIONS = 64
MAX_VALUES = 100
MAX_TRIALS = 100_000
MAX_EPOCHS = 100_000
MAX_TEXT = 200


class SearchSpaceError(ValueError):
    """A space (or a --search text) that cannot be used; one sentence for the user."""


@dataclass(frozen=True)
class Dimension:
    """One thing the search varies.  ``node_id`` None: a compile setting named
    ``param``.  Either ``values`` (a list to try) or ``lo``/``hi`` (a range;
    ``log`` for log steps, ``step`` the smallest difference, or with ``log``
    the smallest factor, between two values; ``integer`` for whole numbers)."""

    param: str
    node_id: str | None = None
    values: tuple = ()
    lo: float | None = None
    hi: float | None = None
    log: bool = False
    step: float | None = None
    integer: bool = False

    @property
    def is_range(self) -> bool:
        return self.lo is not None

    @property
    def target(self) -> tuple[str | None, str]:
        return (self.node_id, self.param)

    def key(self, graph) -> str:
        """``NODE.PARAM`` by the node's name now, or the compile setting."""
        if self.node_id is None:
            return self.param
        node = graph.node(self.node_id) if self.node_id in graph else None
        return f"{node.name if node else '?'}.{self.param}"

    def describe(self) -> str:
        """ "16, 32, 64" or "0.0001 .. 0.01 (log)" as the user typed it."""
        if not self.is_range:
            return ", ".join(value_text(v) for v in self.values)
        words = [w for w in ("log" if self.log else "", f"step {value_text(self.step)}" if self.step else "") if w]
        return f"{value_text(self.lo)} .. {value_text(self.hi)}" + (f" ({', '.join(words)})" if words else "")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"param": self.param}
        if self.node_id is not None:
            d["node"] = self.node_id
        if self.is_range:
            d["range"] = {"lo": self.lo, "hi": self.hi, "log": self.log, "step": self.step, "integer": self.integer}
        else:
            d["values"] = list(self.values)
        return d

    @classmethod
    def from_dict(cls, d: Any) -> Dimension:
        if not isinstance(d, dict):
            raise SearchSpaceError(f"a searched setting is {kind_of(d)}, not an object")
        param = _name(d.get("param"), "parameter name")
        node = d.get("node")
        if node is not None:
            node = _name(node, "layer id")
        elif param not in COMPILE_KEYS:
            raise SearchSpaceError(f"{shown(param)} is not a compile setting a search can vary")
        if "range" in d:
            r = d["range"]
            if not isinstance(r, dict):
                raise SearchSpaceError(f"the range of {param} is {kind_of(r)}, not an object")
            step = r.get("step")
            dim = cls(
                param,
                node,
                (),
                _number(r.get("lo"), param),
                _number(r.get("hi"), param),
                _flag(r.get("log")),
                None if step is None else _number(step, param),
                _flag(r.get("integer")),
            )
            check_range(dim)
            return dim
        values = d.get("values")
        if not isinstance(values, list) or not values:
            raise SearchSpaceError(f"{param} needs a list of values or a range")
        if len(values) > MAX_VALUES:
            raise SearchSpaceError(f"{param} lists {len(values)} values; a search tries at most {MAX_VALUES}")
        return cls(param, node, tuple(_value(v, param) for v in values))


@dataclass
class SearchSettings:
    tuner: str = "random"  # random | hyperband | bayesian
    trials: int = 10  # at most this many trials (Hyperband: its own schedule, capped here)
    epochs: int = 0  # epochs per trial (Hyperband: the most); 0 = the training settings' epochs
    objective: str = "auto"  # auto | val_loss | val_accuracy

    def to_dict(self) -> dict[str, Any]:
        return {"tuner": self.tuner, "trials": self.trials, "epochs": self.epochs, "objective": self.objective}

    @classmethod
    def from_dict(cls, d: Any) -> SearchSettings:
        if d is None:
            return cls()
        if not isinstance(d, dict):
            raise SearchSpaceError(f"the search settings are {kind_of(d)}, not an object")
        s = cls()
        if "tuner" in d:
            s.tuner = _one_of(d["tuner"], TUNERS, "tuner")
        if "objective" in d:
            s.objective = _one_of(d["objective"], OBJECTIVES, "objective")
        if "trials" in d:
            s.trials = _whole(d["trials"], "trials", 1, MAX_TRIALS)
        if "epochs" in d:
            s.epochs = _whole(d["epochs"], "epochs", 0, MAX_EPOCHS)
        return s


@dataclass
class SearchSpace:
    dimensions: list[Dimension] = field(default_factory=list)
    settings: SearchSettings = field(default_factory=SearchSettings)

    # -------------------------------------------------------------- editing
    def get(self, node_id: str | None, param: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.target == (node_id, param)), None)

    def set(self, dim: Dimension) -> None:
        """Add ``dim``, or replace the one with the same target."""
        for i, d in enumerate(self.dimensions):
            if d.target == dim.target:
                self.dimensions[i] = dim
                return
        if len(self.dimensions) >= MAX_DIMENSIONS:
            raise SearchSpaceError(f"a search varies at most {MAX_DIMENSIONS} settings")
        self.dimensions.append(dim)

    def remove(self, node_id: str | None, param: str) -> bool:
        before = len(self.dimensions)
        self.dimensions = [d for d in self.dimensions if d.target != (node_id, param)]
        return len(self.dimensions) != before

    def for_node(self, node_id: str) -> list[Dimension]:
        """The marks on one layer (what its box shows)."""
        return [d for d in self.dimensions if d.node_id == node_id]

    def compile_dimensions(self) -> list[Dimension]:
        return [d for d in self.dimensions if d.node_id is None]

    def active(self, graph) -> list[Dimension]:
        """The dimensions whose layer is in ``graph`` (a deleted layer's marks
        stay in the space, so an undo brings them back, but are not searched)."""
        return [d for d in self.dimensions if d.node_id is None or d.node_id in graph]

    def keys(self, graph) -> dict[str, Dimension]:
        """The active dimensions by the names the user reads (``dense.units``)."""
        return {d.key(graph): d for d in self.active(graph)}

    def __bool__(self) -> bool:
        return bool(self.dimensions)

    def copy(self) -> SearchSpace:
        return SearchSpace.from_dict(self.to_dict())

    # ------------------------------------------------------------------ JSON
    def to_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "dimensions": [d.to_dict() for d in self.dimensions],
            "settings": self.settings.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: Any) -> SearchSpace:
        """A space from JSON data (a project's ``settings["search"]``);
        :class:`SearchSpaceError` (one sentence) for anything malformed."""
        if d is None:
            return cls()
        if not isinstance(d, dict):
            raise SearchSpaceError(f"the search space is {kind_of(d)}, not an object")
        version = d.get("version", FORMAT_VERSION)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise SearchSpaceError("the search space has no valid version")
        if version > FORMAT_VERSION:
            raise SearchSpaceError(f"the search space was saved by a newer kbuilder (version {version})")
        dims = d.get("dimensions", [])
        if not isinstance(dims, list):
            raise SearchSpaceError(f"the searched settings are {kind_of(dims)}, not a list")
        if len(dims) > MAX_DIMENSIONS:
            raise SearchSpaceError(f"the search varies {len(dims)} settings; the most is {MAX_DIMENSIONS}")
        space = cls(settings=SearchSettings.from_dict(d.get("settings")))
        for item in dims:
            dim = Dimension.from_dict(item)
            if space.get(*dim.target) is not None:
                raise SearchSpaceError(f"{dim.param} is searched twice on the same layer")
            space.dimensions.append(dim)
        return space


# ------------------------------------------------------- in the project
SETTING = "search"  # the project setting that holds the space: Project.settings["search"]


def read_space(settings: dict[str, Any] | None) -> tuple[SearchSpace, str | None]:
    """The space saved in a project's settings, and a note when it could not be
    read (then an empty space: the model itself still opens and trains)."""
    data = (settings or {}).get(SETTING)
    try:
        return SearchSpace.from_dict(data), None
    except SearchSpaceError as exc:
        return SearchSpace(), f"The project's hyperparameter search could not be read ({exc}), so it was left out."


def space_of(document) -> SearchSpace:
    """The search space of a :class:`~kbuilder.project.document.Document` (a new object to edit)."""
    return read_space(document.settings)[0]


def set_space(document, space: SearchSpace) -> bool:
    """Keep ``space`` in the document; it emits ``DocumentEvent("settings", "search")``
    and this returns True when the space changed (the project is then unsaved)."""
    return document.set_setting(SETTING, space.to_dict())


# --------------------------------------------------------------- checks
def check_range(dim: Dimension, where: str | None = None) -> None:
    """SearchSpaceError (naming ``where``, default the parameter) unless ``dim``'s range is usable."""
    where = where or dim.param
    if not (dim.lo < dim.hi):
        raise SearchSpaceError(f"{where}: the range's low end must be below its high end")
    if dim.log and dim.lo <= 0:
        raise SearchSpaceError(f"{where}: a log range must start above 0")
    if dim.step is not None and dim.step <= 0:
        raise SearchSpaceError(f"{where}: the step must be above 0")
    if dim.step is not None and dim.log and dim.step <= 1:
        raise SearchSpaceError(f"{where}: with log steps, the step is a factor and must be above 1")


def value_text(v: Any) -> str:
    """A value as messages show it: a float in short form (``0.001``, ``1e-05``)."""
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _name(v: Any, what: str) -> str:
    if not isinstance(v, str) or not v or len(v) > MAX_TEXT:
        raise SearchSpaceError(f"a searched setting's {what} is {kind_of(v)}, not a short text")
    return v


def _finite(v: Any) -> bool:
    """A JSON number kbuilder can compute with (not NaN, not infinite, not a 400-digit integer)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return False
    return abs(v) < 2**53 if isinstance(v, int) else math.isfinite(v)


def _number(v: Any, param: str) -> float:
    if not _finite(v):
        raise SearchSpaceError(f"the range of {param} has {kind_of(v)} where a number belongs")
    return v


def _flag(v: Any) -> bool:
    if v is None:
        return False
    if not isinstance(v, bool):
        raise SearchSpaceError(f"a range's log or integer flag is {kind_of(v)}, not true/false")
    return v


def _value(v: Any, param: str) -> Any:
    if isinstance(v, bool) or _finite(v):
        return v
    if isinstance(v, str) and len(v) <= MAX_TEXT:
        return v
    raise SearchSpaceError(f"{param} lists {kind_of(v)} as a value; values are numbers, short words or true/false")


def _one_of(v: Any, allowed: tuple[str, ...], what: str) -> str:
    if v not in allowed:
        raise SearchSpaceError(f"the search's {what} is {shown(v)}, not one of {', '.join(allowed)}")
    return v


def _whole(v: Any, what: str, lo: int, hi: int) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not (lo <= v <= hi):
        raise SearchSpaceError(f"the search's {what} is {shown(v)}, not a whole number from {lo} to {hi:,}")
    return v
