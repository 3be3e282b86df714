"""The parts of a layer graph: :class:`Node`, :class:`Edge`, the change
event, the naming rule, and the checks that turn a saved node or edge
(untrusted JSON) into one.  Plain Python: no Qt, no TensorFlow.

A node is frozen: only :class:`kbuilder.core.graph.Graph` changes it (through
``_put``), so every change emits the event that names it."""

from __future__ import annotations

import copy
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from typing import Any

from .i18n import translate
from .limits import MAX_PORTS, kind_of

INPUT = "Input"
PLACEHOLDER = "Placeholder"


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Node:
    class_name: str
    name: str
    params: dict[str, Any] = field(default_factory=dict)
    position: tuple[float, float] = (0.0, 0.0)
    id: str = field(default_factory=new_id)
    shared_with: str | None = None
    is_output: bool = False
    # Free-form data that import keeps for round trips (the original config
    # of a placeholder layer, say).  Never executed.
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_input(self) -> bool:
        return self.class_name == INPUT

    @property
    def is_placeholder(self) -> bool:
        return self.class_name == PLACEHOLDER

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "class_name": self.class_name,
            "name": self.name,
            "params": copy.deepcopy(self.params),
            "position": [float(self.position[0]), float(self.position[1])],
        }
        if self.shared_with:
            d["shared_with"] = self.shared_with
        if self.is_output:
            d["is_output"] = True
        if self.extra:
            d["extra"] = copy.deepcopy(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: Any, copy: bool = True) -> Node:
        """A node from its saved form; anything a saved node never holds (a
        list for a name, a string for ``params``) raises :class:`GraphError`.
        ``copy=False`` takes ``params`` and ``extra`` as they are (a freshly
        parsed file, which nothing else holds)."""
        if not isinstance(d, dict):
            raise GraphError(translate("core.node", "it is {kind}, not an object").format(kind=kind_of(d)))
        own = _deepcopy if copy else _same
        return cls(
            id=_text(d, "id"),
            class_name=_text(d, "class_name"),
            name=_text(d, "name", empty=True),
            params=own(_object(d, "params")),
            position=_position(d.get("position")),
            shared_with=_text(d, "shared_with") if d.get("shared_with") is not None else None,
            is_output=_flag(d, "is_output"),
            extra=own(_object(d, "extra")),
        )


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    dst_port: int = 0
    src_port: int = 0
    id: str = field(default_factory=new_id, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "src": self.src,
            "src_port": self.src_port,
            "dst": self.dst,
            "dst_port": self.dst_port,
        }

    @classmethod
    def from_dict(cls, d: Any) -> Edge:
        """An edge from its saved form; ports must be whole numbers in
        ``0 <= port < MAX_PORTS``, else :class:`GraphError`."""
        if not isinstance(d, dict):
            raise GraphError(translate("core.node", "it is {kind}, not an object").format(kind=kind_of(d)))
        return cls(
            id=_text(d, "id") if "id" in d else new_id(),
            src=_text(d, "src"),
            dst=_text(d, "dst"),
            dst_port=_port(d, "dst_port"),
            src_port=_port(d, "src_port"),
        )


#: The longest layer or model name kbuilder accepts (HDF5 files keep names in headers of limited size).
MAX_NAME_LENGTH = 255


def name_problem(name: object, what: str = "layer") -> str | None:
    """Why ``name`` cannot name a layer (``what="model"``: the model), in
    plain words; None when it can.  The one naming rule: :meth:`Graph.rename`,
    the validation and the inspector ask it.  Keras refuses '/' in any name,
    a NUL stops a .keras/.h5 save and a layer called '.' breaks an HDF5 group."""
    model = what == "model"
    if not isinstance(name, str) or not name.strip():
        return translate("core.node", "The model needs a name.") if model else translate(
            "core.node", "A layer needs a name.")
    if "/" in name:
        return translate("core.node", "The model name cannot contain '/' (Keras uses it between names); use '_' "
                         "instead.") if model else translate(
            "core.node", "A layer name cannot contain '/' (Keras uses it between names); use '_' instead.")
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return translate("core.node", "The model name cannot contain control characters such as line breaks or "
                         "tabs.") if model else translate(
            "core.node", "A layer name cannot contain control characters such as line breaks or tabs.")
    if name.strip() in (".", ".."):
        return translate("core.node", "The model cannot be called '.' or '..'.") if model else translate(
            "core.node", "A layer cannot be called '.' or '..'.")
    if len(name) > MAX_NAME_LENGTH:
        text = translate("core.node", "The model name can be at most {limit} characters long (this one has "
                         "{length}).") if model else translate(
            "core.node", "A layer name can be at most {limit} characters long (this one has {length}).")
        return text.format(limit=MAX_NAME_LENGTH, length=len(name))
    return None


def unique_name(base: str, taken: set[str]) -> str:
    """``base`` if it is not in ``taken``, else ``base_1``, ``base_2``, ..."""
    if base not in taken:
        return base
    i = 1
    while f"{base}_{i}" in taken:
        i += 1
    return f"{base}_{i}"


@dataclass(frozen=True)
class GraphEvent:
    """What changed.  ``kind`` is one of ``node_added``, ``node_removed``,
    ``node_changed`` (``key`` names the attribute: ``params``, ``name``,
    ``shared_with``, ``is_output``, ``class_name``), ``node_moved``,
    ``edge_added``, ``edge_removed``, ``reset`` (everything changed)."""

    kind: str
    node_id: str | None = None
    edge_id: str | None = None
    key: str | None = None


class GraphError(ValueError):
    """An edit the graph refuses (unknown id, duplicate name, ...)."""


def _snake(class_name: str) -> str:
    """Keras's own naming rule: ``Conv2D`` -> ``conv2d``, ``GlobalAveragePooling2D``
    -> ``global_average_pooling2d``."""
    name = re.sub(r"\W+", "", class_name)
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


# --------------------------------------------------------- reading a file
# A saved graph is untrusted JSON: these turn each field into the type the
# graph uses, or raise GraphError with a phrase that names the field.
MAX_ID_LENGTH = 256
MAX_COORDINATE = 1e7  # positions further out are pulled back onto the canvas


def _text(d: dict, key: str, empty: bool = False) -> str:
    value = d.get(key)
    if not isinstance(value, str):
        raise GraphError(translate("core.node", "its {key} is {kind}, not text").format(key=repr(key), kind=kind_of(value)))
    if not empty and not value:
        raise GraphError(translate("core.node", "its {key} is empty").format(key=repr(key)))
    if key != "name" and len(value) > MAX_ID_LENGTH:
        raise GraphError(
            translate("core.node", "its {key} is longer than {limit} characters").format(key=repr(key), limit=MAX_ID_LENGTH)
        )
    return value


_deepcopy = copy.deepcopy


def _same(value: Any) -> Any:
    return value


def _object(d: dict, key: str) -> dict:
    value = d.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise GraphError(translate("core.node", "its {key} is {kind}, not an object").format(key=repr(key), kind=kind_of(value)))
    return value


def _flag(d: dict, key: str) -> bool:
    value = d.get(key, False)
    if not isinstance(value, bool):
        raise GraphError(translate("core.node", "its {key} is {kind}, not true/false").format(key=repr(key), kind=kind_of(value)))
    return value


def _position(value: Any) -> tuple[float, float]:
    if value is None:
        return (0.0, 0.0)
    if not (isinstance(value, (list, tuple)) and len(value) == 2 and all(_is_number(v) for v in value)):
        raise GraphError(translate("core.node", "its 'position' is not two numbers"))
    return (_coordinate(value[0]), _coordinate(value[1]))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _coordinate(value: float) -> float:
    try:
        x = float(value)
    except OverflowError:  # an int beyond any float
        x = MAX_COORDINATE if value > 0 else -MAX_COORDINATE
    if x != x:  # NaN
        return 0.0
    return max(-MAX_COORDINATE, min(MAX_COORDINATE, x))


def _port(d: dict, key: str) -> int:
    value = d.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool):
        raise GraphError(
            translate("core.node", "its {key} is {kind}, not a whole number").format(key=repr(key), kind=kind_of(value))
        )
    if not 0 <= value < MAX_PORTS:
        raise GraphError(
            translate("core.node", "its {key} is outside 0-{last}, kbuilder's limit").format(key=repr(key), last=MAX_PORTS - 1)
        )
    return value


def _put(node: Node, key: str, value: Any) -> None:
    """Change a frozen node in place; only :class:`Graph` calls it."""
    object.__setattr__(node, key, value)
