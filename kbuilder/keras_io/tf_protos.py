"""The protobuf classes TensorFlow ships, without running TensorFlow.

Used only inside the reader child (:mod:`~kbuilder.keras_io.read_child`).
A SavedModel's ``keras_metadata.pb``, ``saved_model.pb`` and checkpoint
entries are protocol buffers whose generated classes live in the
``tensorflow`` package (``tensorflow/core/protobuf/*_pb2.py``,
``tensorflow/python/keras/protobuf/saved_metadata_pb2.py``).  Importing
them the usual way first runs ``tensorflow/__init__.py``, which loads the
whole runtime (seconds, and native code kbuilder does not need).  So the
packages on the way are stood in for by empty modules that only say where
their files are, and the generated modules, which import nothing but
``google.protobuf`` and each other, load alone.  In the child only: the
stand-ins would break a later ``import tensorflow`` in the same process.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

from .file_guard import ReadError, Text

# Packages whose __init__ would load TensorFlow (or tf_keras) if run.
_STAND_INS = (
    "tensorflow",
    "tensorflow.core",
    "tensorflow.core.framework",
    "tensorflow.core.protobuf",
    "tensorflow.python",
    "tensorflow.python.keras",
    "tensorflow.python.keras.protobuf",
)
_TF_KERAS = ("tf_keras", "tf_keras.protobuf")  # where saved_metadata_pb2 lives once TensorFlow drops its copy
_MODULES = {
    "saved_model_pb2": "tensorflow.core.protobuf.saved_model_pb2",
    "trackable_object_graph_pb2": "tensorflow.core.protobuf.trackable_object_graph_pb2",
    "tensor_bundle_pb2": "tensorflow.core.protobuf.tensor_bundle_pb2",
}
_METADATA = ("tensorflow.python.keras.protobuf.saved_metadata_pb2", "tf_keras.protobuf.saved_metadata_pb2")


def _root(top: str) -> Path | None:
    """Where package ``top`` lives, found without importing it."""
    module = sys.modules.get(top)
    if module is not None:
        paths = list(getattr(module, "__path__", []) or [])
        return Path(paths[0]) if paths else None
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _stand_in(name: str) -> None:
    top = name.split(".")[0]
    if name in sys.modules or (top in sys.modules and not getattr(sys.modules[top], "__kbuilder_stand_in__", False)):
        return  # the real package is loaded (a test process): import normally
    root = _root(top)
    if root is None:
        return
    folder = root.joinpath(*name.split(".")[1:])
    if folder.is_dir():
        module = types.ModuleType(name)
        module.__path__ = [str(folder)]
        module.__kbuilder_stand_in__ = True
        sys.modules[name] = module


_loaded: Any = None


def protos() -> Any:
    """A namespace with ``saved_model_pb2``, ``trackable_object_graph_pb2``,
    ``tensor_bundle_pb2`` and ``saved_metadata_pb2``; ReadError in one
    sentence when TensorFlow's protobuf definitions are not installed."""
    global _loaded
    if _loaded is not None:
        return _loaded
    for name in _STAND_INS:
        _stand_in(name)
    found = types.SimpleNamespace()
    try:
        for attr, module in _MODULES.items():
            setattr(found, attr, importlib.import_module(module))
        for module in _METADATA:
            if module.startswith("tf_keras"):
                for name in _TF_KERAS:
                    _stand_in(name)
            try:
                found.saved_metadata_pb2 = importlib.import_module(module)
                break
            except ImportError:
                continue
        else:
            raise ImportError("saved_metadata_pb2")
    except Exception:  # noqa: BLE001 - ImportError, or protobuf refusing a mismatched runtime
        raise ReadError(Text.translate(
            "keras_io.tf_protos", "Reading a SavedModel folder needs the protobuf definitions TensorFlow ships, "
            "which are not installed with this kbuilder.")) from None
    _loaded = found
    return found
