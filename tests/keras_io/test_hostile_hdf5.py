"""Hand-made hostile files for the reader (issue 14, items 2 and 3): links
out of an HDF5 file, declared sizes the file cannot hold, zip bombs, pipes
and devices.  Each is refused with one sentence, in bounded time, and the
CLI refuses it under a 3 GB address-space cap (exit 2, one line)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import h5py
import numpy as np
import pytest

from kbuilder.keras_io import model_file
from kbuilder.keras_io.file_guard import MAX_ZIP_RATIO, ReadError
from kbuilder.keras_io.h5_guard import MAX_COMPRESSION_RATIO, MAX_LINK_HOPS, H5Guard

ROOT = Path(__file__).resolve().parents[2]
OPEN_SECONDS = 10
CLI_MEMORY = 3 * 1024**3


def _one_sentence(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message, message
    assert len(message) < 400 and message.count(". ") <= 1, message


def _refused(path, reader=model_file.open_model_file) -> str:
    start = time.monotonic()
    with pytest.raises(model_file.ModelFileError) as info:
        reader(path)
    assert time.monotonic() - start < OPEN_SECONDS
    message = str(info.value)
    _one_sentence(message)
    return message


def _cli_summary(path) -> str:
    """``kbuilder summary path`` in a process capped at 3 GB of address space."""

    def cap() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (CLI_MEMORY, CLI_MEMORY))

    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "kbuilder.cli", "summary", str(path)],
        capture_output=True, text=True, env=env, timeout=120, preexec_fn=cap, check=False,
    )
    assert time.monotonic() - start < 60
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and lines[0].startswith("kbuilder: "), proc.stderr
    return lines[0]


# ---------------------------------------------------------------- files
@pytest.fixture
def outside(tmp_path) -> Path:
    """The 'other file' links point to: a named pipe.  libhdf5 opening it
    would block, so a followed link shows as a timeout, not a pass."""
    path = tmp_path / "outside" / "secret.h5"
    path.parent.mkdir()
    os.mkfifo(path)
    return path


def _copy(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst


def _first_weight(f) -> tuple[h5py.Group, str]:
    """The group of the first layer with weights and the name of its first weight."""
    g = f["model_weights"]
    name = [n for n in g.attrs["layer_names"] if g[n].attrs["weight_names"].size][0]
    wname = g[name].attrs["weight_names"][0]
    return g[name], wname.decode() if isinstance(wname, bytes) else str(wname)


def _h5_with(src: Path, dst: Path, how: str, outside: Path | None = None) -> Path:
    """A copy of the Keras ``.h5`` ``src`` whose first weight is replaced as ``how`` says."""
    _copy(src, dst)
    with h5py.File(dst, "r+") as f:
        layer, wname = _first_weight(f)
        data = layer[wname][()]
        del layer[wname]
        if how == "soft-to-external":
            f["elsewhere"] = h5py.ExternalLink(str(outside), "kernel")
            layer[wname] = h5py.SoftLink("/elsewhere")
        elif how == "soft-through-external-group":
            f["mounted"] = h5py.ExternalLink(str(outside), "/")
            layer[wname] = h5py.SoftLink("/mounted/weights/kernel")
        elif how == "soft-chain-to-external":
            f["hop3"] = h5py.ExternalLink(str(outside), "kernel")
            f["hop2"] = h5py.SoftLink("hop3")  # relative to the root group
            f["hop1"] = h5py.SoftLink("/hop2")
            layer[wname] = h5py.SoftLink("/hop1")
        elif how == "soft-cycle":
            f["loop_a"] = h5py.SoftLink("/loop_b")
            f["loop_b"] = h5py.SoftLink("loop_a")
            layer[wname] = h5py.SoftLink("/loop_a")
        elif how == "soft-internal":
            stash = f.create_group("stash")
            stash["kernel"] = data
            f["hop"] = h5py.SoftLink("/stash")
            layer[wname] = h5py.SoftLink("/hop/kernel")
        elif how == "unwritten-4gib":
            layer.create_dataset(wname, shape=(1024, 1024, 1024), dtype="f4", chunks=(64, 64, 64))
        elif how == "unwritten-contiguous-4gib":
            layer.create_dataset(wname, shape=(1024, 1024, 1024), dtype="f4")
        elif how == "one-chunk-of-4gib":
            layer.create_dataset(wname, shape=(1024, 1024, 1024), dtype="f4", chunks=(64, 64, 64))[:64, :64, :64] = 1
        elif how == "gzip-bomb":
            d = layer.create_dataset(wname, shape=(1024, 1024, 1024), dtype="f4", chunks=(64, 64, 64),
                                     compression="gzip")
            d[:64, :64, :64] = 0
        else:  # pragma: no cover - a typo in a test
            raise AssertionError(how)
    return dst


def _keras_with(src: Path, dst: Path, change) -> Path:
    """A copy of the ``.keras`` ``src`` whose ``model.weights.h5`` went through ``change(h5file)``."""
    work = dst.with_suffix(".weights.h5")
    with zipfile.ZipFile(src) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    work.write_bytes(members["model.weights.h5"])
    with h5py.File(work, "r+") as f:
        change(f)
    members["model.weights.h5"] = work.read_bytes()
    work.unlink()
    with zipfile.ZipFile(dst, "w") as zout:
        for n, data in members.items():
            zout.writestr(n, data)
    return dst


def _first_var(f) -> str:
    names: list[str] = []
    f.visit(names.append)
    return next(n for n in names if n.endswith("vars/0"))


# ------------------------------------------------------------------ links
LINKS_OUT = ["soft-to-external", "soft-through-external-group", "soft-chain-to-external"]


@pytest.mark.parametrize("how", LINKS_OUT)
def test_soft_links_that_leave_the_h5_are_refused(k3_files, tmp_path, outside, how):
    path = _h5_with(k3_files.path("k3_mlp", "h5"), tmp_path / f"{how}.h5", how, outside)
    message = _refused(path)
    assert "another file" in message and "refuses" in message


def test_a_circle_of_soft_links_is_refused(k3_files, tmp_path):
    path = _h5_with(k3_files.path("k3_mlp", "h5"), tmp_path / "cycle.h5", "soft-cycle")
    assert "circle" in _refused(path)


def test_soft_links_inside_the_file_are_followed(k3_files, tmp_path):
    src = k3_files.path("k3_mlp", "h5")
    path = _h5_with(src, tmp_path / "internal.h5", "soft-internal")
    want = model_file.open_model_file(src).weights
    got = model_file.open_model_file(path).weights
    assert want.keys() == got.keys()
    for name in want:
        assert all(np.array_equal(a, b) for a, b in zip(want[name], got[name], strict=True))


def test_the_guard_resolves_every_link_itself(tmp_path):
    """H5Guard.resolve, in this process on files with no Keras content: chains
    through groups resolve inside the file; anything that leaves it, or goes
    round, is refused before libhdf5 is asked to follow it."""
    other = tmp_path / "other.h5"
    with h5py.File(other, "w") as f:
        f.create_group("weights")["kernel"] = np.full(3, 7.0)
    path = tmp_path / "links.h5"
    with h5py.File(path, "w") as f:
        g = f.create_group("a/b")
        g["data"] = np.arange(3.0)
        f["to_b"] = h5py.SoftLink("/a/b")
        g["up"] = h5py.SoftLink("/to_b/data")  # absolute, through a soft-linked group
        g["rel"] = h5py.SoftLink("up")  # relative to a/b
        f["ext"] = h5py.ExternalLink(str(other), "/weights")
        f["via_ext"] = h5py.SoftLink("/ext/kernel")
        f["deep"] = h5py.SoftLink("/deep_0")
        for i in range(MAX_LINK_HOPS + 2):
            f[f"deep_{i}"] = h5py.SoftLink(f"/deep_{i + 1}")
        f[f"deep_{MAX_LINK_HOPS + 2}"] = np.zeros(1)
    with h5py.File(path, "r") as f:
        guard = H5Guard(f, "links.h5")
        for name in ("a/b/data", "to_b/data", "a/b/up", "/a/b/rel", "to_b/rel"):
            assert np.array_equal(guard.resolve(f, name)[()], np.arange(3.0)), name
        assert guard.resolve(f, "a/missing") is None
        assert guard.resolve(f, "a/../ext") is None  # '..' is a plain (missing) name in HDF5
        for name in ("ext", "ext/kernel", "via_ext"):
            with pytest.raises(ReadError, match="another file"):
                guard.resolve(f, name)
        with pytest.raises(ReadError, match="circle or through more than"):
            guard.resolve(f, "deep")

    hidden = tmp_path / "hidden.h5"
    with h5py.File(hidden, "w") as f:
        f["weights"] = np.ones(3)
        f["x/y/z"] = h5py.ExternalLink(str(other), "/")  # in a group nothing reads
    with h5py.File(hidden, "r") as f:
        guard = H5Guard(f, "hidden.h5")
        assert np.array_equal(guard.resolve(f, "weights")[()], np.ones(3))
        with pytest.raises(ReadError, match="another file"):
            guard.scan()


@pytest.mark.parametrize("how", ["in-vars", "soft-in-vars", "unread-group"])
def test_links_out_of_the_weights_inside_a_keras_file_are_refused(k3_files, tmp_path, outside, how):
    def change(f):
        var = _first_var(f)
        if how == "unread-group":
            f["extra"] = h5py.ExternalLink(str(outside), "/")
            return
        del f[var]
        if how == "in-vars":
            f[var] = h5py.ExternalLink(str(outside), "kernel")
        else:
            f["hop"] = h5py.ExternalLink(str(outside), "kernel")
            f[var] = h5py.SoftLink("/hop")

    path = _keras_with(k3_files.path("k3_mlp", "keras"), tmp_path / f"{how}.keras", change)
    assert "another file" in _refused(path)


def test_virtual_and_external_storage_in_a_keras_file_are_refused(k3_files, tmp_path):
    raw = tmp_path / "raw.bin"
    np.ones(100, np.float32).tofile(raw)
    source = tmp_path / "source.h5"
    with h5py.File(source, "w") as f:
        f["x"] = np.ones(100, np.float32)

    def external(f):
        var = _first_var(f)
        shape = f[var].shape
        del f[var]
        f.create_dataset(var, shape=shape, dtype="f4", external=[(str(raw), 0, h5py.h5f.UNLIMITED)])

    def virtual(f):
        var = _first_var(f)
        del f[var]
        layout = h5py.VirtualLayout(shape=(100,), dtype="f4")
        layout[:] = h5py.VirtualSource(str(source), "x", shape=(100,))
        f.create_virtual_dataset(var, layout)

    for change in (external, virtual):
        path = _keras_with(k3_files.path("k3_mlp", "keras"), tmp_path / f"{change.__name__}.keras", change)
        assert "outside itself" in _refused(path)


def test_kbuilder_weights_files_get_the_same_checks(tmp_path, outside):
    good = tmp_path / "good.weights.h5"
    model_file.write_weights_file({"dense": [np.ones((2, 3), np.float32), np.zeros(3, np.float32)]}, good)
    assert [a.shape for a in model_file.read_weights_file(good)["dense"]] == [(2, 3), (3,)]

    linked = _copy(good, tmp_path / "linked.weights.h5")
    with h5py.File(linked, "r+") as f:
        del f["layers/0/0"]
        f["stash"] = h5py.ExternalLink(str(outside), "kernel")
        f["layers/0/0"] = h5py.SoftLink("/stash")
    assert "another file" in _refused(linked, model_file.read_weights_file)

    huge = _copy(good, tmp_path / "huge.weights.h5")
    with h5py.File(huge, "r+") as f:
        del f["layers/0/0"]
        f["layers/0"].create_dataset("0", shape=(1 << 20, 1024), dtype="f4", chunks=(1024, 1024))
    assert "holds no data" in _refused(huge, model_file.read_weights_file)


# ------------------------------------------------------------------ sizes
@pytest.mark.parametrize(("how", "words"), [
    ("unwritten-4gib", "holds no data"),
    ("unwritten-contiguous-4gib", "holds no data"),
    ("one-chunk-of-4gib", "holds only 1.0 MiB"),
    ("gzip-bomb", f"{MAX_COMPRESSION_RATIO}:1"),
])
def test_declared_sizes_the_file_cannot_hold_are_refused(k3_files, tmp_path, how, words):
    path = _h5_with(k3_files.path("k3_mlp", "h5"), tmp_path / f"{how}.h5", how)
    assert path.stat().st_size < 4 * 1024**2
    message = _refused(path)
    assert "4.0 GiB" in message and words in message


def test_an_unwritten_weight_inside_a_keras_file_is_refused(k3_files, tmp_path):
    def change(f):
        var = _first_var(f)
        del f[var]
        f.create_dataset(var, shape=(1024, 1024, 1024), dtype="f4", chunks=(64, 64, 64))

    path = _keras_with(k3_files.path("k3_mlp", "keras"), tmp_path / "unwritten.keras", change)
    assert "4.0 GiB" in _refused(path)


def _patch_sizes(path: Path, member: str, file_size: int) -> None:
    """Make the zip headers of ``member`` (local and central) claim ``file_size`` bytes."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
        start = zf.start_dir
    struct.pack_into("<I", data, info.header_offset + 22, file_size)
    pos = start
    while data[pos:pos + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<HHH", data, pos + 28)
        if data[pos + 46:pos + 46 + n].decode() == member:
            struct.pack_into("<I", data, pos + 24, file_size)
        pos += 46 + n + m + k
    path.write_bytes(bytes(data))


def _keras_with_member(src: Path, dst: Path, extra: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for n in zin.namelist():
            zout.writestr(n, extra.pop(n) if n in extra else zin.read(n))
        for n, data in extra.items():
            zout.writestr(n, data)
    return dst


def test_zip_bombs_are_refused_before_extracting(k3_files, tmp_path):
    src = k3_files.path("k3_mlp", "keras")
    # A 3 GiB weights member in a file of a few MB (the headers say so).
    weights = zipfile.ZipFile(src).read("model.weights.h5") + bytes(2 * 1024**2)
    bomb = _keras_with_member(src, tmp_path / "bomb.keras", {"model.weights.h5": weights})
    _patch_sizes(bomb, "model.weights.h5", 3 * 1024**3)
    assert bomb.stat().st_size < 4 * 1024**2
    message = _refused(bomb)
    assert "3.0 GiB" in message and f"{MAX_ZIP_RATIO}:1" in message and "nothing was extracted" in message

    # An honest bomb: 128 MiB of zeros really deflated into the archive.
    honest = tmp_path / "honest.keras"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(honest, "w", zipfile.ZIP_DEFLATED) as zout:
        for n in ("config.json", "metadata.json"):
            zout.writestr(n, zin.read(n))
        with zout.open("model.weights.h5", "w") as member:
            for _ in range(128):
                member.write(bytes(1024**2))
    assert honest.stat().st_size < 1024**2
    assert "128.0 MiB" in _refused(honest)

    # Many members whose declared total is far past the limit.
    many = _keras_with_member(src, tmp_path / "many.keras", {f"junk{i}.bin": bytes(1024) for i in range(8)})
    for i in range(8):
        _patch_sizes(many, f"junk{i}.bin", 3 * 1024**3)
    assert "would expand to 24.0 GiB" in _refused(many)


def test_a_member_that_streams_more_than_it_declares_stops_at_the_declared_size(k3_files, tmp_path):
    src = k3_files.path("k3_mlp", "keras")
    liar = _keras_with_member(src, tmp_path / "liar.keras", {"model.weights.h5": bytes(64 * 1024**2)})
    _patch_sizes(liar, "model.weights.h5", 1024**2)
    assert liar.stat().st_size < 1024**2
    assert "damaged" in _refused(liar)


# ------------------------------------------------------------- not files
@pytest.mark.parametrize("suffix", [".h5", ".keras", ".json"])
def test_a_named_pipe_is_refused_without_reading(tmp_path, suffix):
    pipe = tmp_path / f"model{suffix}"
    os.mkfifo(pipe)
    assert "named pipe" in _refused(pipe)
    assert "named pipe" in _refused(pipe, model_file.read_weights_file)


@pytest.mark.parametrize("suffix", [".h5", ".keras", ".json"])
def test_a_link_to_a_device_is_refused_without_reading(tmp_path, suffix):
    link = tmp_path / f"model{suffix}"
    link.symlink_to("/dev/zero")
    message = _refused(link)
    assert "/dev/zero" in message and "device" in message
    assert "device" in _refused(link, model_file.read_weights_file)


def test_a_link_to_a_real_model_still_opens(k3_files, tmp_path):
    link = tmp_path / "model.h5"
    link.symlink_to(k3_files.path("k3_qa", "h5"))
    assert model_file.open_model_file(link).weights


# -------------------------------------------------- the CLI, memory capped
def test_the_cli_refuses_each_hostile_file_in_one_line_under_a_memory_cap(k3_files, tmp_path, outside):
    h5 = k3_files.path("k3_mlp", "h5")
    cases = {
        "soft link to an external link": _h5_with(h5, tmp_path / "soft.h5", "soft-to-external", outside),
        "unwritten 4 GiB dataset": _h5_with(h5, tmp_path / "unwritten.h5", "unwritten-4gib"),
        "external link in model.weights.h5": _keras_with(
            k3_files.path("k3_mlp", "keras"), tmp_path / "ext.keras",
            lambda f: f.__setitem__("extra", h5py.ExternalLink(str(outside), "/"))),
    }
    bomb = _keras_with_member(k3_files.path("k3_mlp", "keras"), tmp_path / "bomb.keras",
                              {"model.weights.h5": bytes(2 * 1024**2)})
    _patch_sizes(bomb, "model.weights.h5", 3 * 1024**3)
    cases["zip bomb"] = bomb
    pipe = tmp_path / "pipe.h5"
    os.mkfifo(pipe)
    cases["named pipe"] = pipe
    zero = tmp_path / "zero.keras"
    zero.symlink_to("/dev/zero")
    cases["link to /dev/zero"] = zero
    words = {"soft link to an external link": "another file", "unwritten 4 GiB dataset": "holds no data",
             "external link in model.weights.h5": "another file", "zip bomb": "nothing was extracted",
             "named pipe": "named pipe", "link to /dev/zero": "device"}
    for what, path in cases.items():
        line = _cli_summary(path)
        assert words[what] in line, (what, line)
