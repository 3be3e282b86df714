"""Start-up: seconds from process start to the first painted window, beside
the time ``python -c "import tensorflow"`` takes in the same run.

    python benchmarks/bench_startup.py [--runs 3]

Runs ``main.py`` offscreen with ``KBUILDER_EXIT_AFTER_PAINT=1`` (the app
quits at the first paint of the canvas) and times the whole process from
``Popen`` to the marker line; prints figures, asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def time_app(env: dict) -> tuple[float, float]:
    """(wall seconds to the first paint, the app's own figure from module import)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--no-restore"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    inner = float("nan")
    for line in proc.stdout:
        if line.startswith("first-paint"):
            wall = time.perf_counter() - start
            inner = float(line.split()[1])
            break
    else:
        wall = float("nan")
    proc.wait(timeout=120)
    return wall, inner


def time_tf(env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import tensorflow"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_bare(env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="kbuilder-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               KBUILDER_EXIT_AFTER_PAINT="1", XDG_CONFIG_HOME=home, XDG_DATA_HOME=home,
               TF_CPP_MIN_LOG_LEVEL="3", PYTHONPATH=str(ROOT))
    apps, inners, tfs, bares = [], [], [], []
    for _ in range(args.runs):
        wall, inner = time_app(env)
        apps.append(wall)
        inners.append(inner)
        tfs.append(time_tf(env))
        bares.append(time_bare(env))
    print(f"python itself (python -c pass):           median {statistics.median(bares):6.3f} s")
    print(f"kbuilder: process start -> first paint:    median {statistics.median(apps):6.3f} s  "
          f"(runs: {', '.join(f'{a:.3f}' for a in apps)})")
    print(f"  of which after kbuilder.app is imported: median {statistics.median(inners):6.3f} s")
    print(f'python -c "import tensorflow":            median {statistics.median(tfs):6.3f} s  '
          f"(runs: {', '.join(f'{t:.3f}' for t in tfs)})")


if __name__ == "__main__":
    main()
