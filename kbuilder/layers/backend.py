"""Lazy access to Keras.  TensorFlow takes seconds to import: nothing in
kbuilder imports it at module level; code calls :func:`keras` when it needs
it (and the UI calls it on a worker thread)."""

from __future__ import annotations

import contextlib
import os
import sys
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
            with _quiet_native_stderr():
                import keras as _k  # noqa: PLC0415

            _keras = _k
    return _keras


@contextlib.contextmanager
def _quiet_native_stderr():
    """TensorFlow's C++ start-up lines ("oneDNN custom operations are on",
    "Could not find cuda drivers") ignore TF_CPP_MIN_LOG_LEVEL and would land
    on a command's stderr, which promises one plain line per error.  Hide
    the file descriptor during the import; Python errors still raise.
    ``KBUILDER_TF_LOGS=1`` shows them."""
    if os.environ.get("KBUILDER_TF_LOGS"):
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        yield
        return
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def is_loaded() -> bool:
    return _keras is not None
