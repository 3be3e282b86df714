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

from kbuilder.core.i18n import QT_TRANSLATE_NOOP, translate
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

    def describe(self, *, translated: bool = True) -> str:
        """ "16, 32, 64" or "0.0001 .. 0.01 (log)" as the user typed it;
        ``translated=False``: in English whatever the user's language (for
        generated code)."""
        if not self.is_range:
            return ", ".join(value_text(v) for v in self.values)
        if self.log and self.step:
            text = QT_TRANSLATE_NOOP("training.search_space", "{lo} .. {hi} (log, step {step})")
        elif self.log:
            text = QT_TRANSLATE_NOOP("training.search_space", "{lo} .. {hi} (log)")
        elif self.step:
            text = QT_TRANSLATE_NOOP("training.search_space", "{lo} .. {hi} (step {step})")
        else:
            text = "{lo} .. {hi}"
        if translated:
            text = translate("training.search_space", text)
        return text.format(lo=value_text(self.lo), hi=value_text(self.hi), step=value_text(self.step))

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
            raise SearchSpaceError(
                translate("training.search_space", "a searched setting is {kind}, not an object").format(kind=kind_of(d))
            )
        param = _name(d.get("param"), "parameter name")
        node = d.get("node")
        if node is not None:
            node = _name(node, "layer id")
        elif param not in COMPILE_KEYS:
            raise SearchSpaceError(
                translate("training.search_space", "{name} is not a compile setting a search can vary").format(
                    name=shown(param)
                )
            )
        if "range" in d:
            r = d["range"]
            if not isinstance(r, dict):
                raise SearchSpaceError(
                    translate("training.search_space", "the range of {param} is {kind}, not an object").format(
                        param=param, kind=kind_of(r)
                    )
                )
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
            raise SearchSpaceError(
                translate("training.search_space", "{param} needs a list of values or a range").format(param=param)
            )
        if len(values) > MAX_VALUES:
            raise SearchSpaceError(
                translate("training.search_space", "{param} lists {n} values; a search tries at most {most}").format(
                    param=param, n=len(values), most=MAX_VALUES
                )
            )
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
            raise SearchSpaceError(
                translate("training.search_space", "the search settings are {kind}, not an object").format(
                    kind=kind_of(d)
                )
            )
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
            raise SearchSpaceError(
                translate("training.search_space", "a search varies at most {most} settings").format(most=MAX_DIMENSIONS)
            )
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
            raise SearchSpaceError(
                translate("training.search_space", "the search space is {kind}, not an object").format(kind=kind_of(d))
            )
        version = d.get("version", FORMAT_VERSION)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise SearchSpaceError(translate("training.search_space", "the search space has no valid version"))
        if version > FORMAT_VERSION:
            raise SearchSpaceError(
                translate("training.search_space", "the search space was saved by a newer kbuilder (version {version})")
                .format(version=version)
            )
        dims = d.get("dimensions", [])
        if not isinstance(dims, list):
            raise SearchSpaceError(
                translate("training.search_space", "the searched settings are {kind}, not a list").format(
                    kind=kind_of(dims)
                )
            )
        if len(dims) > MAX_DIMENSIONS:
            raise SearchSpaceError(
                translate("training.search_space", "the search varies {n} settings; the most is {most}").format(
                    n=len(dims), most=MAX_DIMENSIONS
                )
            )
        space = cls(settings=SearchSettings.from_dict(d.get("settings")))
        for item in dims:
            dim = Dimension.from_dict(item)
            if space.get(*dim.target) is not None:
                raise SearchSpaceError(
                    translate("training.search_space", "{param} is searched twice on the same layer").format(
                        param=dim.param
                    )
                )
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
        return SearchSpace(), translate(
            "training.search_space",
            "The project's hyperparameter search could not be read ({problem}), so it was left out.",
        ).format(problem=exc)


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
        raise SearchSpaceError(
            translate("training.search_space", "{where}: the range's low end must be below its high end").format(
                where=where
            )
        )
    if dim.log and dim.lo <= 0:
        raise SearchSpaceError(
            translate("training.search_space", "{where}: a log range must start above 0").format(where=where)
        )
    if dim.step is not None and dim.step <= 0:
        raise SearchSpaceError(translate("training.search_space", "{where}: the step must be above 0").format(where=where))
    if dim.step is not None and dim.log and dim.step <= 1:
        raise SearchSpaceError(
            translate(
                "training.search_space", "{where}: with log steps, the step is a factor and must be above 1"
            ).format(where=where)
        )


def value_text(v: Any) -> str:
    """A value as messages show it: a float in short form (``0.001``, ``1e-05``)."""
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _name(v: Any, what: str) -> str:
    """``what``: "parameter name" or "layer id"."""
    if not isinstance(v, str) or not v or len(v) > MAX_TEXT:
        if what == "layer id":
            text = translate("training.search_space", "a searched setting's layer id is {kind}, not a short text")
        else:
            text = translate("training.search_space", "a searched setting's parameter name is {kind}, not a short text")
        raise SearchSpaceError(text.format(kind=kind_of(v)))
    return v


def _finite(v: Any) -> bool:
    """A JSON number kbuilder can compute with (not NaN, not infinite, not a 400-digit integer)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return False
    return abs(v) < 2**53 if isinstance(v, int) else math.isfinite(v)


def _number(v: Any, param: str) -> float:
    if not _finite(v):
        raise SearchSpaceError(
            translate("training.search_space", "the range of {param} has {kind} where a number belongs").format(
                param=param, kind=kind_of(v)
            )
        )
    return v


def _flag(v: Any) -> bool:
    if v is None:
        return False
    if not isinstance(v, bool):
        raise SearchSpaceError(
            translate("training.search_space", "a range's log or integer flag is {kind}, not true/false").format(
                kind=kind_of(v)
            )
        )
    return v


def _value(v: Any, param: str) -> Any:
    if isinstance(v, bool) or _finite(v):
        return v
    if isinstance(v, str) and len(v) <= MAX_TEXT:
        return v
    raise SearchSpaceError(
        translate(
            "training.search_space", "{param} lists {kind} as a value; values are numbers, short words or true/false"
        ).format(param=param, kind=kind_of(v))
    )


#: The messages of _one_of and _whole, by the setting they check.
_NOT_ONE_OF = {
    "tuner": QT_TRANSLATE_NOOP("training.search_space", "the search's tuner is {value}, not one of {allowed}"),
    "objective": QT_TRANSLATE_NOOP("training.search_space", "the search's objective is {value}, not one of {allowed}"),
}
_NOT_WHOLE = {
    "trials": QT_TRANSLATE_NOOP(
        "training.search_space", "the search's trials is {value}, not a whole number from {lo} to {hi}"
    ),
    "epochs": QT_TRANSLATE_NOOP(
        "training.search_space", "the search's epochs is {value}, not a whole number from {lo} to {hi}"
    ),
}


def _one_of(v: Any, allowed: tuple[str, ...], what: str) -> str:
    """``what``: "tuner" or "objective"."""
    if v not in allowed:
        raise SearchSpaceError(
            translate("training.search_space", _NOT_ONE_OF[what]).format(value=shown(v), allowed=", ".join(allowed))
        )
    return v


def _whole(v: Any, what: str, lo: int, hi: int) -> int:
    """``what``: "trials" or "epochs"."""
    if isinstance(v, bool) or not isinstance(v, int) or not (lo <= v <= hi):
        raise SearchSpaceError(
            translate("training.search_space", _NOT_WHOLE[what]).format(value=shown(v), lo=lo, hi=f"{hi:,}")
        )
    return v
