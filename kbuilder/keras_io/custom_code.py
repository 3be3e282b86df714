"""The user's own layer classes, loaded only when the user asks.

Opening a file never imports anything from it: a custom layer becomes a
placeholder that keeps its saved settings.  If the user has the Python file
that defines the class, they may choose to load it -- an explicit action,
after :data:`WARNING` (``warning_for(path)``) was shown, because loading a
module runs it.  Then:

* :func:`load_user_module` imports that file and returns the
  ``keras.layers.Layer`` classes it defines, registered with Keras (so
  ``kbuilder.keras_io.build`` finds them) and trusted by the file rule
  (:func:`kbuilder.layers.allowed.trust_user_classes`) for this session;
* :func:`use_custom_classes` turns the placeholders of those classes into
  real layers with their saved settings; their weights, if the file had
  them, load by layer name as any other's.

Nothing here is called by opening, checking or converting a file; the UI
calls it from a menu command (not wired yet).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

from kbuilder.core.i18n import QT_TRANSLATE_NOOP, translate
from kbuilder.layers.allowed import custom_layer_class, saved_settings, trust_user_classes

WARNING = QT_TRANSLATE_NOOP(
    "keras_io.custom_code",
    "Loading {name} runs the Python code in it, with your permissions, as 'python {name}' would: load only a "
    "file you wrote or trust. kbuilder never does this on its own.",
)


class CustomCodeError(Exception):
    """The module could not be loaded or holds no layer class; one sentence."""


def warning_for(path: str | os.PathLike[str]) -> str:
    """The warning to show (and have confirmed) before :func:`load_user_module`."""
    return translate("keras_io.custom_code", WARNING).format(name=Path(path).name)


def load_user_module(path: str | os.PathLike[str]) -> dict[str, type]:
    """Import the Python file ``path`` -- this runs it -- and return its
    Keras layer classes by name (only those it defines itself).  Call it
    only after the user confirmed :func:`warning_for`."""
    from kbuilder.layers.backend import keras

    path = Path(path)
    if path.suffix != ".py" or not path.is_file():
        raise CustomCodeError(
            translate(
                "keras_io.custom_code", "{file} is not a Python file (.py), so it cannot define layer classes."
            ).format(file=path.name)
        )
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    module_name = f"kbuilder_user_{''.join(c if c.isalnum() else '_' for c in path.stem)}_{digest}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise CustomCodeError(
            translate("keras_io.custom_code", "{file} cannot be loaded as a Python module.").format(file=path.name)
        )
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException as exc:  # noqa: BLE001 - the user's code may raise anything, SystemExit included
        sys.modules.pop(module_name, None)
        text = translate("keras_io.custom_code", "{file} failed while loading: {error}").format(
            file=path.name, error=f"{type(exc).__name__}: {exc}"
        )
        raise CustomCodeError(text.split("\n")[0]) from None
    layer = keras().layers.Layer
    classes = {
        name: obj
        for name, obj in vars(module).items()
        if isinstance(obj, type) and issubclass(obj, layer) and obj.__module__ == module_name
    }
    if not classes:
        raise CustomCodeError(
            translate(
                "keras_io.custom_code", "{file} defines no Keras layer class (a subclass of keras.layers.Layer)."
            ).format(file=path.name)
        )
    custom = keras().saving.get_custom_objects()
    for name, cls in classes.items():
        custom[name] = cls  # found by name, as keras.saving.get_registered_object does
        ORIGINS[name] = path.resolve()
    trust_user_classes(classes)
    return classes


#: Class name -> the file it was loaded from (the exported code imports it from there).
ORIGINS: dict[str, Path] = {}


def use_custom_classes(graph: Any, classes: dict[str, type]) -> list[str]:
    """Placeholders of the classes in ``classes`` become layers of that
    class with their saved settings (layers that share one follow it).
    Returns a note per class used, and one for placeholders still waiting."""
    notes: list[str] = []
    used: dict[str, list[str]] = {}
    for node in list(graph.nodes):
        cls = custom_layer_class(node)
        if cls is None or cls not in classes or node.shared_with:
            continue
        graph.overwrite(node.id, class_name=cls, params=saved_settings(node), extra={})
        used.setdefault(cls, []).append(node.name)
        for sharer in graph.sharers(node.id):
            graph.overwrite(sharer.id, class_name=cls, params={}, extra={})
    for cls, names in used.items():
        shown = ", ".join(repr(n) for n in names[:3])
        if len(names) > 3:
            shown = translate("keras_io.custom_code", "{names} and {count} more").format(
                names=shown, count=len(names) - 3
            )
        if len(names) == 1:
            note = translate(
                "keras_io.custom_code", "{names} now uses your class {cls} with the settings the file saved."
            )
        else:
            note = translate(
                "keras_io.custom_code", "{names} now use your class {cls} with the settings the file saved."
            )
        notes.append(note.format(names=shown, cls=cls))
    waiting = sorted({c for n in graph.nodes if (c := custom_layer_class(n)) is not None})
    if waiting:
        notes.append(
            translate(
                "keras_io.custom_code", "Still placeholders (no class of that name in the loaded file): {classes}."
            ).format(classes=", ".join(waiting))
        )
    return notes
