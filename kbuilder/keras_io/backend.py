"""Lazy access to Keras.  TensorFlow takes seconds to import: nothing in
kbuilder imports it at module level; code calls :func:`keras` when it needs
it (and the UI calls it on a worker thread)."""

from __future__ import annotations

import os
import threading

_lock = threading.Lock()
_keras = None


def keras():
    """Import and return the ``keras`` module (Keras 3 on TensorFlow), quietly."""
    global _keras
    if _keras is not None:
        return _keras
    with _lock:
        if _keras is None:
            os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
            os.environ.setdefault("KERAS_BACKEND", "tensorflow")
            import keras as _k  # noqa: PLC0415

            _keras = _k
    return _keras


def is_loaded() -> bool:
    return _keras is not None
