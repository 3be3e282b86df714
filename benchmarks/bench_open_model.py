"""How long opening DenseNet121 as a graph takes, against keras.models.load_model.

Saves ``keras.applications.DenseNet121(weights=None)`` (random weights) as
``.keras`` and ``.h5`` with Keras 3, and with ``--keras2`` also as an
``.h5`` made by tf_keras (Keras 2, in a child process).  Then, one run
each, times

* ``model_file.open_model_file`` (child-process read of config and weights,
  Keras 2 translation, graph, layout), and
* ``keras.models.load_model`` of the same file (which deserialises and
  builds the model),

after Keras has been imported once, so neither pays for the import.  The two
alternate, each going first in every other round (whoever reads a file
first warms the file cache for the other), and each figure is the median of
``--repeat`` rounds (5).  Prints seconds and the ratio kbuilder / Keras;
asserts nothing about time.

    .venv/bin/python benchmarks/bench_open_model.py [--keras2] [--keep DIR] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

KERAS2_MAKER = """
import sys, tf_keras
tf_keras.applications.DenseNet121(weights=None).save(sys.argv[1])
"""


def _timed(fn):
    t = time.perf_counter()
    try:
        value = fn()
        return time.perf_counter() - t, value, None
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
        return time.perf_counter() - t, None, f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}"


def _rounds(path, repeat, k, model_file):
    """Times of ``repeat`` rounds of kbuilder's open and Keras's load_model,
    each going first in every other round."""
    opens, loads, errors = [], [], {}
    result = None
    for round_ in range(max(1, repeat)):
        for step in ("open", "load") if round_ % 2 == 0 else ("load", "open"):
            if step == "open":
                t, result, err = _timed(lambda: model_file.open_model_file(path, timeout=120))
                opens.append(t)
            else:
                t, model, err = _timed(lambda: k.models.load_model(path, compile=False))
                loads.append(t)
                del model
            if err:
                errors["open" if step == "open" else "load_model"] = err
    return opens, loads, errors, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keras2", action="store_true", help="also time a Keras 2 (tf_keras) .h5")
    parser.add_argument("--keep", metavar="DIR", help="make the files in DIR (and reuse them)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds per file (median shown)")
    args = parser.parse_args()

    import logging
    import warnings

    warnings.simplefilter("ignore")
    logging.getLogger("absl").setLevel(logging.ERROR)

    from kbuilder.keras_io import model_file
    from kbuilder.layers.backend import keras

    t0 = time.perf_counter()
    k = keras()
    print(f"import keras: {time.perf_counter() - t0:.2f} s (paid once, before the timings)")

    folder = args.keep or tempfile.mkdtemp(prefix="kbuilder-bench-")
    os.makedirs(folder, exist_ok=True)
    files = [os.path.join(folder, "densenet121_k3.keras"), os.path.join(folder, "densenet121_k3.h5")]
    if not all(os.path.exists(f) for f in files):
        model = k.applications.DenseNet121(weights=None)
        for f in files:
            model.save(f)
    if args.keras2:
        k2 = os.path.join(folder, "densenet121_k2.h5")
        if not os.path.exists(k2):
            env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
            proc = subprocess.run([sys.executable, "-c", KERAS2_MAKER, k2], capture_output=True, env=env, check=False)
            if proc.returncode != 0:
                print("could not make the Keras 2 file (is tf_keras installed?)")
        if os.path.exists(k2):
            files.append(k2)

    print(f"{'file':<24} {'MB':>6} {'open as graph':>14} {'load_model':>12} {'ratio':>7}  layers  weights")
    for path in files:
        size = os.path.getsize(path) / 1e6
        opens, loads, errors, result = _rounds(path, args.repeat, k, model_file)
        t_open, t_load = statistics.median(opens), statistics.median(loads)
        n_layers = len(result.graph) if result else 0
        n_weights = sum(len(v) for v in (result.weights or {}).values()) if result else 0
        ratio = f"{t_open / t_load:6.2f}x" if t_load and "load_model" not in errors else "     -"
        print(
            f"{os.path.basename(path):<24} {size:6.1f} {t_open:13.2f}s {t_load:11.2f}s {ratio}  "
            f"{n_layers:6d}  {n_weights:7d}"
        )
        for what, err in errors.items():
            print(f"    {what} failed: {err}")
    print(f"(medians of {max(1, args.repeat)} rounds, order alternating; ratio = kbuilder / load_model)")
    if not args.keep:
        for f in files:
            os.remove(f)
        os.rmdir(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
