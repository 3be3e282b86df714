"""What a second worker buys a hyperparameter search: wall time of one search
with KerasTuner's chief and 1 worker, then with the chief and 2 workers.

The search is the one ``kbuilder tune --script`` writes for the digits MLP
(hidden units and learning rate, random search, the bundled digits data):
the same script, the same trials (the oracle's seed is fixed), run as
separate processes on localhost, as on several machines.  The time runs from
starting the processes to the chief's exit, so it includes each process's
start (importing TensorFlow), which a second worker does not shorten.  Each
worker gets ``--threads`` TensorFlow threads (default: the cores divided
among the workers), so that 1 and 2 workers use the same machine.

Prints both times and their ratio; asserts nothing about time.

    python benchmarks/bench_tune.py [--trials 6] [--epochs 2] [--rounds 1]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kbuilder.core.graph import Graph  # noqa: E402
from kbuilder.training.search_space import Dimension, SearchSettings, SearchSpace  # noqa: E402
from kbuilder.training.tune_script import export_tune_script  # noqa: E402
from kbuilder.training.tuning import Search  # noqa: E402


def write_script(folder: Path, trials: int, epochs: int) -> Path:
    g = Graph("digits_mlp")
    x = g.add_input((64,), name="img")
    h = g.add("Dense", name="dense", inputs=[x], units=32, activation="relu")
    g.add("Dense", name="out", inputs=[h], units=10, activation="softmax")
    space = SearchSpace(settings=SearchSettings(trials=trials, epochs=epochs))
    space.set(Dimension("units", h.id, (16, 32, 64, 128)))
    space.set(Dimension("learning_rate", None, (), 1e-4, 1e-2, log=True))
    search = Search(g, space, {"dataset": "digits", "epochs": epochs}, folder=folder / "digits.search")
    search.prepare()
    path = folder / "search.py"
    path.write_text(export_tune_script(search))
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed_search(script: Path, workers: int, trials: int, threads: int, folder: Path) -> float:
    folder.mkdir()
    port = str(free_port())
    base = {k: v for k, v in os.environ.items() if not k.startswith("KERASTUNER_")}
    base.update(
        KERASTUNER_ORACLE_IP="127.0.0.1",
        KERASTUNER_ORACLE_PORT=port,
        TF_CPP_MIN_LOG_LEVEL="2",
        TF_NUM_INTRAOP_THREADS=str(threads),
        TF_NUM_INTEROP_THREADS="1",
        CUDA_VISIBLE_DEVICES="",
    )
    ids = ["chief"] + [f"tuner{i}" for i in range(workers)]
    t0 = time.perf_counter()
    procs = []
    try:
        for tid in ids:
            log = open(folder / f"{tid}.log", "w")  # closed with the process, below
            procs.append(
                (
                    subprocess.Popen(
                        [sys.executable, str(script), "--trials", str(trials)],
                        cwd=folder,
                        env={**base, "KERASTUNER_TUNER_ID": tid},
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    ),
                    log,
                )
            )
        for p, _ in procs:
            if p.wait(timeout=1800) != 0:
                raise SystemExit(f"a process failed; see {folder}")
        return time.perf_counter() - t0
    finally:
        for p, log in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
            log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=6)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="alternate 1 and 2 workers this many times")
    parser.add_argument("--threads", type=int, default=0, help="TensorFlow threads per worker (0: cores / workers)")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="bench-tune-") as tmp:
        root = Path(tmp)
        script = write_script(root, args.trials, args.epochs)
        times: dict[int, list[float]] = {1: [], 2: []}
        for r in range(args.rounds):
            for workers in (1, 2):
                threads = args.threads or max(1, cores // workers)
                seconds = timed_search(script, workers, args.trials, threads, root / f"r{r}w{workers}")
                times[workers].append(seconds)
                print(
                    f"round {r + 1}: chief + {workers} worker{'s' if workers > 1 else ''} "
                    f"({threads} thread{'s' if threads > 1 else ''} each): {seconds:.1f} s",
                    flush=True,
                )
    one, two = min(times[1]), min(times[2])
    print(f"{args.trials}-trial search, {args.epochs} epochs per trial, {cores} cores")
    print(f"1 worker:  {one:.1f} s")
    print(f"2 workers: {two:.1f} s")
    print(f"ratio (1 worker / 2 workers): {one / two:.2f}")


if __name__ == "__main__":
    main()
