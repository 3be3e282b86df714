"""The exported scripts on several processes, for real, on localhost ports:
a KerasTuner chief and two workers sharing one search, and two workers
training one epoch with MultiWorkerMirroredStrategy (TF_CONFIG).

Each child gets one TensorFlow thread (the machine has few cores and runs
several of them), its output goes to a log file that a failure shows, and
every child still running when the test ends is killed."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from training_graphs import digits_graph

from kbuilder.training.config import TrainConfig
from kbuilder.training.script import export_script
from kbuilder.training.search_space import Dimension, SearchSettings, SearchSpace
from kbuilder.training.session import TrainingSession
from kbuilder.training.tune_script import export_tune_script
from kbuilder.training.tuning import Search

TRAINING = {"dataset": "digits", "epochs": 1, "batch_size": 64}
TIMEOUT = 240  # seconds for a whole group of processes (about 30 s on an idle 2-core machine)


def free_ports(n: int) -> list[int]:
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KERASTUNER_") and k != "TF_CONFIG"}
    env.update(
        KERAS_BACKEND="tensorflow",
        TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONUNBUFFERED="1",
        TF_NUM_INTRAOP_THREADS="1",
        TF_NUM_INTEROP_THREADS="1",
        CUDA_VISIBLE_DEVICES="",
    )
    env.update(extra)
    return env


def run_together(folder: Path, commands: dict[str, tuple[list[str], dict[str, str]]]) -> dict[str, str]:
    """Start every command at once, wait for all (TIMEOUT in all), return each
    one's output; fail with every log's tail when one fails or hangs."""
    procs: dict[str, subprocess.Popen] = {}
    logs = {name: folder / f"{name}.log" for name in commands}

    def report(what: str) -> str:
        parts = [what]
        for name, path in logs.items():
            text = path.read_text(errors="replace") if path.exists() else ""
            lines = [ln for ln in text.splitlines() if not ln.startswith(("I0000", "E0000", "W0000", "WARNING: All"))]
            code = procs[name].poll() if name in procs else None
            parts.append(f"--- {name} (exit {code}):\n" + "\n".join(lines[-25:]))
        return "\n".join(parts)

    try:
        for name, (argv, env) in commands.items():
            with open(logs[name], "w") as log:
                procs[name] = subprocess.Popen(
                    argv, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
                )
        deadline = time.monotonic() + TIMEOUT
        while any(p.poll() is None for p in procs.values()):
            failed = [n for n, p in procs.items() if p.poll() not in (None, 0)]
            if failed:
                pytest.fail(report(f"{', '.join(failed)} failed; the others were stopped"))
            if time.monotonic() > deadline:
                pytest.fail(report(f"the processes did not finish in {TIMEOUT} s"))
            time.sleep(0.2)
        failed = [n for n, p in procs.items() if p.returncode != 0]
        if failed:
            pytest.fail(report(f"{', '.join(failed)} failed"))
        return {name: path.read_text(errors="replace") for name, path in logs.items()}
    finally:
        for p in procs.values():
            if p.poll() is None:
                p.kill()
                p.wait(timeout=30)


@pytest.fixture(scope="module")
def tune_script(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tune")
    g = digits_graph()
    space = SearchSpace(settings=SearchSettings(trials=4, epochs=1))
    space.set(Dimension("units", g.find("dense").id, (8, 16, 32)))
    space.set(Dimension("learning_rate", None, (), 1e-3, 1e-2, log=True))
    search = Search(g, space, TRAINING, folder=folder / "digits.search")
    search.prepare()
    path = folder / "search.py"
    path.write_text(export_tune_script(search))
    return path


@pytest.mark.slow
def test_search_script_runs_alone(tune_script, tmp_path):
    out = run_together(tmp_path, {"alone": ([sys.executable, str(tune_script), "--trials", "2"], child_env())})
    trials = [ln for ln in out["alone"].splitlines() if ln.startswith("trial ")]
    assert len(trials) == 2
    best = json.loads(out["alone"].split("best: ", 1)[1].splitlines()[0])
    assert set(best["values"]) == {"dense.units", "learning_rate"} and 0 <= best["score"] <= 1


@pytest.mark.slow
def test_a_chief_and_two_workers_share_a_four_trial_search(tune_script, tmp_path):
    (port,) = free_ports(1)
    oracle = {"KERASTUNER_ORACLE_IP": "127.0.0.1", "KERASTUNER_ORACLE_PORT": str(port)}
    argv = [sys.executable, str(tune_script), "--trials", "4"]
    out = run_together(
        tmp_path, {tid: (argv, child_env(KERASTUNER_TUNER_ID=tid, **oracle)) for tid in ("chief", "tuner0", "tuner1")}
    )
    # The chief held the search: it reports all four trials and the best.
    trials = [ln for ln in out["chief"].splitlines() if ln.startswith("trial ")]
    assert len(trials) == 4, out["chief"]
    best = json.loads(out["chief"].split("best: ", 1)[1].splitlines()[0])
    assert set(best["values"]) == {"dense.units", "learning_rate"}
    assert "ms/step" not in out["chief"]  # the chief trained nothing
    # The workers ran them: four one-epoch fits between them, each worker at least one.
    fits = {tid: out[tid].count("val_accuracy:") for tid in ("tuner0", "tuner1")}
    assert sum(fits.values()) == 4 and min(fits.values()) >= 1, fits
    assert all("no more trials" in out[tid] for tid in fits)
    states = [json.loads(p.read_text())["status"] for p in (tmp_path / "digits.search").glob("trial_*/trial.json")]
    assert states == ["COMPLETED"] * 4


@pytest.fixture(scope="module")
def training_script(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("train")
    session = TrainingSession(digits_graph(), TrainConfig.from_dict(TRAINING))
    session.prepare()
    path = folder / "train.py"
    path.write_text(export_script(session, "model.keras"))
    return path


@pytest.mark.slow
def test_two_workers_train_one_epoch_with_multiworker_mirrored_strategy(training_script, tmp_path):
    ports = free_ports(2)
    cluster = {"worker": [f"localhost:{p}" for p in ports]}
    commands = {}
    for i in range(2):
        (tmp_path / f"w{i}").mkdir()
        tf_config = json.dumps({"cluster": cluster, "task": {"type": "worker", "index": i}})
        argv = [
            sys.executable,
            str(training_script),
            "--strategy",
            "multiworker",
            "--epochs",
            "1",
            "-o",
            str(tmp_path / f"w{i}" / "model.keras"),
        ]
        commands[f"worker{i}"] = (argv, child_env(TF_CONFIG=tf_config))
    out = run_together(tmp_path, commands)

    def figures(text: str, start: str) -> str:
        return next(ln for ln in text.splitlines() if ln.startswith(start))

    # One synchronous training: the gradients of both workers at every step, the
    # figures summed over both workers' examples, so both print the same numbers.
    for start in ("Epoch 1/1", "test:"):
        a, b = figures(out["worker0"], start), figures(out["worker1"], start)
        assert a.split(" - ")[-1] == b.split(" - ")[-1], (a, b)
    assert "val_loss" in figures(out["worker0"], "Epoch 1/1")
    # The chief (worker 0) saves the model; the other has the same weights and saves nothing.
    assert (tmp_path / "w0" / "model.keras").stat().st_size > 0
    assert not (tmp_path / "w1" / "model.keras").exists()
