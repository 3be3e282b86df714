"""Saves are atomic, and a project is saved with its weights as one unit:
permissions are kept, a failed save (a full disk) leaves the previous pair
and no temporary file, a crashed save's leftovers go at the next save, and
a process killed at any moment of a save leaves the old pair or the new
pair on disk, never a mix."""

from __future__ import annotations

import errno
import json
import os
import random
import stat
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from kbuilder.core.graph import Graph
from kbuilder.keras_io import model_file
from kbuilder.project import kbproj, loader, saving
from kbuilder.project.kbproj import Project, ProjectError

ROOT = Path(__file__).resolve().parents[2]

# One save of the loop the killed child runs; the parent builds the same
# pairs.  Generation n is in the graph (its description, and units = 2 or 3
# by parity) and in every weight value, so a mix is visible.
PAIR_SOURCE = '''
import sys
from pathlib import Path

import numpy as np

from kbuilder.core.graph import Graph
from kbuilder.project.kbproj import Project


def pair(gen):
    units = 2 if gen % 2 == 0 else 3
    g = Graph(name="net")
    x = g.add_input((4,), name="x")
    g.add("Dense", name="a", inputs=[x], units=units)
    weights = {
        "a": [np.full((4, units), gen, np.float32), np.full(units, gen, np.float32)],
        "pad": [np.full(400_000 + 1000 * (gen % 7), gen, np.float32)],  # ~1.6 MB: a save takes a while
    }
    return Project(graph=g, description=f"generation {gen}"), weights


if __name__ == "__main__":
    from kbuilder.project.saving import save_graph

    path, gen = Path(sys.argv[1]), int(sys.argv[2])
    print("ready", flush=True)
    while True:
        project, weights = pair(gen)
        print(gen, flush=True)
        save_graph(project.graph, path, weights=weights, project=project)
        gen += 1
'''


def small(name: str = "net", units: int = 2) -> Graph:
    g = Graph(name=name)
    x = g.add_input((3,), name="x")
    g.add("Dense", name="a", inputs=[x], units=units)
    return g


def weights_of(value: float, units: int = 2) -> dict:
    return {"a": [np.full((3, units), value, np.float32), np.full(units, value, np.float32)]}


def save_pair(path: Path, value: float, description: str = "") -> Project:
    project = Project(graph=small(), description=description)
    saving.save_graph(project.graph, path, weights=weights_of(value), project=project)
    return project


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield lambda value: os.umask(value)
    os.umask(old)


# ------------------------------------------------------------- permissions
@pytest.mark.parametrize("kept", [0o644, 0o640, 0o600, 0o664])
def test_a_save_keeps_the_files_permissions(tmp_path, kept):
    path = tmp_path / "m.kbproj"
    kbproj.save(Project(graph=small()), path)
    os.chmod(path, kept)
    kbproj.save(Project(graph=small(units=5)), path)
    assert mode(path) == kept
    kbproj.atomic_write_text(path, "{}")
    assert mode(path) == kept


def test_a_new_file_gets_the_umasks_permissions(tmp_path, umask):
    umask(0o022)
    kbproj.save(Project(graph=small()), tmp_path / "a.kbproj")
    assert mode(tmp_path / "a.kbproj") == 0o644
    umask(0o077)
    kbproj.save(Project(graph=small()), tmp_path / "b.kbproj")
    assert mode(tmp_path / "b.kbproj") == 0o600


def test_weights_take_the_projects_permissions(tmp_path, umask):
    path = tmp_path / "net.kbproj"
    save_pair(path, 1.0)
    weights = tmp_path / json.loads(path.read_text())["weights_file"]
    assert mode(path) == mode(weights) == 0o644
    os.chmod(path, 0o600)
    save_pair(path, 2.0)
    weights = tmp_path / json.loads(path.read_text())["weights_file"]
    assert mode(path) == mode(weights) == 0o600


def test_model_files_keep_their_permissions(tmp_path):
    path = tmp_path / "w.h5"
    model_file.write_weights_file(weights_of(1.0), path)
    os.chmod(path, 0o640)
    model_file.write_weights_file(weights_of(2.0), path)
    assert mode(path) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["w.h5"]


# ------------------------------------------------------------------- fsync
def test_model_file_writes_fsync_the_file_then_rename_then_fsync_the_folder(tmp_path, monkeypatch):
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append("fsync dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src, dst):
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    model_file.write_weights_file(weights_of(1.0), tmp_path / "w.h5")
    assert events == ["fsync file", "rename", "fsync dir"]


# ------------------------------------------------------------ the pair
def test_the_project_records_the_weights_it_names(tmp_path):
    path = tmp_path / "net.kbproj"
    save_pair(path, 1.0)
    first = json.loads(path.read_text())
    assert first["weights_file"].startswith("net.weights-") and first["weights_file"].endswith(".h5")
    assert kbproj.file_digest(tmp_path / first["weights_file"]) == (first["weights_size"], first["weights_sha256"])
    save_pair(path, 2.0)
    second = json.loads(path.read_text())
    assert second["weights_file"] != first["weights_file"], "a new generation, never a file rewritten in place"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["net.kbproj", second["weights_file"]])
    opened = loader.open_path(path)
    np.testing.assert_array_equal(opened.weights["a"][1], [2.0, 2.0])


def test_a_save_without_new_weights_keeps_the_named_file_and_its_record(tmp_path):
    path = tmp_path / "net.kbproj"
    save_pair(path, 1.0)
    record = {k: v for k, v in json.loads(path.read_text()).items() if k.startswith("weights")}
    # What the window does when the weights were not loaded: the pointer only.
    kbproj.save(Project(graph=small(), weights_file=record["weights_file"], description="edited"), path)
    again = json.loads(path.read_text())
    assert again["description"] == "edited"
    assert {k: v for k, v in again.items() if k.startswith("weights")} == record
    assert (tmp_path / record["weights_file"]).exists()


def test_a_save_without_weights_drops_the_old_generations(tmp_path):
    path = tmp_path / "net.kbproj"
    save_pair(path, 1.0)
    saving.save_graph(small(), path)  # no weights now: the project names none
    assert "weights_file" not in json.loads(path.read_text())
    assert [p.name for p in tmp_path.iterdir()] == ["net.kbproj"]


# ------------------------------------------------------------- full disk
def full_disk_at(call: int):
    """An ``os.fsync`` that fails with ENOSPC at its ``call``-th call."""
    real = os.fsync
    calls = [0]

    def fsync(fd):
        calls[0] += 1
        if calls[0] == call:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    return fsync


def test_a_full_disk_leaves_the_previous_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "m.kbproj"
    kbproj.save(Project(graph=small()), path)
    before = listing(tmp_path)
    monkeypatch.setattr(os, "fsync", full_disk_at(1))
    with pytest.raises(ProjectError, match=r"^Could not save m\.kbproj: No space left on device\. The previous file "
                                           r"was left as it was\.$"):
        kbproj.save(Project(graph=small(units=7)), path)
    assert listing(tmp_path) == before


# fsync calls of a pair save: 1 the weights file, 2 its folder, 3 the project file, 4 its folder.
@pytest.mark.parametrize("call, what", [(1, "the weights of net.kbproj"), (3, "net.kbproj")])
def test_a_full_disk_during_a_pair_save_leaves_the_previous_pair(tmp_path, monkeypatch, call, what):
    path = tmp_path / "net.kbproj"
    save_pair(path, 1.0, "old")
    before = listing(tmp_path)
    monkeypatch.setattr(os, "fsync", full_disk_at(call))
    project = Project(graph=small(), description="new")
    with pytest.raises(model_file.ModelFileError, match=f"Could not save {what}: No space left on device"):
        saving.save_graph(project.graph, path, weights=weights_of(2.0), project=project)
    assert listing(tmp_path) == before
    assert project.weights_file is None, "the project does not name a file that was deleted"
    monkeypatch.undo()
    opened = loader.open_path(path)
    assert opened.project.description == "old"
    np.testing.assert_array_equal(opened.weights["a"][1], [1.0, 1.0])


def test_a_weights_writer_failing_midway_leaves_nothing(tmp_path):
    path = tmp_path / "net.kbproj"
    save_pair(path, 1.0)
    before = listing(tmp_path)

    def half_then_full(tmp: Path) -> None:
        tmp.write_bytes(b"\x89HDF half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(ProjectError, match="Could not save the weights of net.kbproj: No space left on device"):
        kbproj.save(Project(graph=small()), path, write_weights=half_then_full)
    assert listing(tmp_path) == before


def test_an_unsaveable_value_writes_no_weights(tmp_path):
    path = tmp_path / "net.kbproj"
    project = Project(graph=small(), settings={"x": float("nan")})
    with pytest.raises(model_file.ModelFileError, match="cannot be saved"):
        saving.save_graph(project.graph, path, weights=weights_of(1.0), project=project)
    assert list(tmp_path.iterdir()) == []


# -------------------------------------------------------------- leftovers
def test_the_next_save_cleans_what_crashed_saves_left(tmp_path):
    path = tmp_path / "net.kbproj"
    save_pair(path, 1.0)
    # What saves killed at different moments leave, in today's and the old naming,
    # and a project of the old layout that names net.weights.h5.
    crashed = [
        ".net.kbproj.a1b2c3d4.tmp", ".net.kbproj.zz_9yx8w.tmp",
        ".net.weights-0123456789abcdef.h5.k3j2h1g0.tmp.h5", "net.weights-0123456789abcdef.h5",
        ".net.weights.qwertyui.tmp.h5", "net.weights.h5",
    ]
    for name in crashed:
        (tmp_path / name).write_bytes(b"partial")
    legacy = json.loads(path.read_text())
    legacy["weights_file"] = "net.weights.h5"
    del legacy["weights_size"], legacy["weights_sha256"]
    path.write_text(json.dumps(legacy))
    # Not this project's: left alone.
    others = ["other.weights-0123456789abcdef.h5", ".other.kbproj.a1b2c3d4.tmp", "net.weights-notes.txt",
              "net.weights-0123456789abcdef.h5.bak", "notes.txt", ".net.kbproj.keep"]
    for name in others:
        (tmp_path / name).write_bytes(b"mine")

    save_pair(path, 2.0)
    named = json.loads(path.read_text())["weights_file"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["net.kbproj", named, *others])


def test_model_file_saves_clean_their_own_leftovers(tmp_path):
    path = tmp_path / "w.h5"
    (tmp_path / ".w.h5.a1b2c3d4.tmp.h5").write_bytes(b"x")  # today's naming
    (tmp_path / ".w.abcdefgh.tmp.h5").write_bytes(b"x")  # the old one (mkstemp on the stem)
    (tmp_path / ".v.h5.a1b2c3d4.tmp.h5").write_bytes(b"x")  # another file's
    model_file.write_weights_file(weights_of(1.0), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".v.h5.a1b2c3d4.tmp.h5", "w.h5"]


# ------------------------------------------------------------------ kills
def _read_pair(path: Path) -> tuple[int, int]:
    """(generation of the graph, generation of the weights) of the project on disk."""
    opened = loader.open_path(path)
    gen = int(opened.project.description.split()[-1])
    units = opened.project.graph.by_name("a").params["units"]
    assert units == (2 if gen % 2 == 0 else 3), "the graph is one of the two the child saves"
    assert opened.weights is not None, "the weights the project names are there"
    kernel, bias = opened.weights["a"]
    assert kernel.shape == (4, units) and bias.shape == (units,)
    values = {float(v) for arrays in opened.weights.values() for a in arrays for v in np.unique(a)}
    assert len(values) == 1, f"weights from several saves: {sorted(values)}"
    record = json.loads(path.read_text())
    assert kbproj.file_digest(path.parent / record["weights_file"]) == (record["weights_size"],
                                                                       record["weights_sha256"])
    return gen, int(values.pop())


@pytest.mark.slow
def test_a_save_killed_at_any_moment_leaves_the_old_or_the_new_pair(tmp_path):
    rng = random.Random(14)
    folder = tmp_path / "project"
    folder.mkdir()
    path = folder / "net.kbproj"
    child = tmp_path / "child.py"
    child.write_text(PAIR_SOURCE)
    space: dict = {}
    exec(compile(PAIR_SOURCE, str(child), "exec"), space)  # noqa: S102 - our own source, to build gen 0
    project, weights = space["pair"](0)
    saving.save_graph(project.graph, path, weights=weights, project=project)
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    started_at = time.monotonic()
    kills, moved, leftovers_seen, seen, next_gen = 20, 0, 0, 0, 1
    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, str(child), str(path), str(next_gen)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(rng.uniform(0.02, 0.5))
        proc.kill()
        proc.wait()
        started = [int(line) for line in proc.stdout.read().split()]
        proc.stdout.close()
        proc.stderr.close()

        gen, weights_gen = _read_pair(path)
        assert gen == weights_gen, f"graph of save {gen} beside weights of save {weights_gen}"
        assert seen <= gen <= max(started, default=seen), "a pair that was never saved, or an older one"
        moved += gen != seen
        seen = gen
        named = json.loads(path.read_text())["weights_file"]
        leftovers_seen += len([p for p in folder.iterdir() if p.name not in ("net.kbproj", named)])
        next_gen = max(started, default=next_gen - 1) + 1

    # The next save cleans what the kills left.
    project, weights = space["pair"](next_gen)
    saving.save_graph(project.graph, path, weights=weights, project=project)
    assert _read_pair(path) == (next_gen, next_gen)
    assert sorted(p.name for p in folder.iterdir()) == sorted(["net.kbproj", json.loads(path.read_text())["weights_file"]])
    elapsed = time.monotonic() - started_at
    print(f"{kills} kills, {moved} moved the project on, {leftovers_seen} leftover files seen after kills, "
          f"{next_gen} saves started, {elapsed:.1f} s")
    assert moved > 0, "the child never finished a save: the kills test nothing"
