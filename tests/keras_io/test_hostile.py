"""Files that attack or break the reader: nothing from them runs, and every
failure is one sentence, never a crash."""

from __future__ import annotations

import json
import zipfile

import h5py
import numpy as np
import pytest

from kbuilder.keras_io import model_file
from kbuilder.keras_io.check import check_graph
from kbuilder.keras_io.codegen import export_code
from kbuilder.keras_io.summary import summarize
from kbuilder.project import saving

HOSTILE = [("k2", "h5"), ("k2", "keras"), ("k3", "h5"), ("k3", "keras")]


def _one_sentence(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message, message
    assert len(message) < 400 and message.count(". ") <= 1, message


@pytest.mark.parametrize(("lib", "fmt"), HOSTILE, ids=[f"{lib}-{fmt}" for lib, fmt in HOSTILE])
def test_lambda_never_runs(files, tmp_path, lib, fmt):
    mf = files(lib)
    assert mf.manifest["_marker_written_at_build"], "the Lambda of the test file does not write its marker"
    assert not mf.marker.exists()
    src = mf.path(f"{lib}_hostile", fmt)

    result = model_file.open_model_file(src)
    graph = result.graph
    evil = graph.by_name("evil")
    assert evil.is_placeholder and evil.extra["original_class"] == "Lambda"
    assert any("'evil'" in note and "placeholder" in note for note in result.notes)
    # The rest stays an editable graph with its weights.
    assert graph.by_name("d1").class_name == "Dense" and "d1" in result.weights
    if lib == "k2":  # tf.nn.relu(h * 2.0): built-in layers now (issue 15), never TensorFlow code
        assert graph.by_name("tf.math.multiply").class_name == "Rescaling"
        assert graph.by_name("tf.nn.relu").class_name == "Activation"
        assert sum("raw TensorFlow call" in note for note in result.notes) == 2

    check_graph(graph)
    summarize(graph)
    code = export_code(graph)
    assert "evil" in code
    with pytest.raises(model_file.ModelFileError, match="your own code") as info:
        saving.convert(src, tmp_path / "out.keras")
    _one_sentence(str(info.value))
    assert "'evil' (Lambda)" in str(info.value)
    with pytest.raises(model_file.ModelFileError):
        saving.convert(src, tmp_path / "out.h5")
    saving.convert(src, tmp_path / "out.kbproj")  # a project keeps the placeholder
    assert not (tmp_path / "out.keras").exists()
    assert not mf.marker.exists()


def test_cli_commands_never_run_the_lambda(k2_files, tmp_path, capsys):
    from kbuilder import cli

    src = str(k2_files.path("k2_hostile", "h5"))
    for argv in (["check", src], ["summary", src], ["export", src],
                 ["convert", src, "-o", str(tmp_path / "x.keras")],
                 ["convert", src, "-o", str(tmp_path / "x.kbproj")]):
        assert cli.main(argv) in (0, 1)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert not k2_files.marker.exists()


# ------------------------------------------------------------- broken files
def _error(path, **kw) -> str:
    with pytest.raises(model_file.ModelFileError) as info:
        model_file.open_model_file(path, **kw)
    message = str(info.value)
    _one_sentence(message)
    return message


def test_truncated_and_random_files(k3_files, tmp_path):
    data = k3_files.path("k3_mlp", "h5").read_bytes()
    cut = tmp_path / "cut.h5"
    cut.write_bytes(data[: len(data) // 3])
    _error(cut)

    head = tmp_path / "head.h5"
    head.write_bytes(data[:3000])
    _error(head)

    rnd = np.random.default_rng(1)
    noise = tmp_path / "noise.h5"
    noise.write_bytes(rnd.bytes(5000))
    assert "not a Keras model file" in _error(noise)

    fake = tmp_path / "fake.h5"
    fake.write_bytes(b"\x89HDF\r\n\x1a\n" + rnd.bytes(5000))
    _error(fake)

    empty = tmp_path / "empty.keras"
    empty.write_bytes(b"")
    assert "empty" in _error(empty)

    zdata = k3_files.path("k3_mlp", "keras").read_bytes()
    zcut = tmp_path / "cut.keras"
    zcut.write_bytes(zdata[: len(zdata) // 2])
    _error(zcut)

    nozip = tmp_path / "other.keras"
    with zipfile.ZipFile(nozip, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "not a Keras model" in _error(nozip)

    assert "No such file" in _error(tmp_path / "missing.h5")


def test_weights_only_files(files):
    for lib in ("k2", "k3"):
        mf = files(lib)
        path = mf.manifest[f"_{lib}_weights_only"]
        assert "only weights" in _error(path)
        weights = model_file.read_weights_file(path)
        assert sum(len(v) for v in weights.values()) == 6  # three Dense layers


def test_formats_too_new_or_too_old(k3_files, tmp_path):
    src = k3_files.path("k3_mlp", "keras")
    new = tmp_path / "future.keras"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(new, "w") as zout:
        for item in zin.namelist():
            data = zin.read(item)
            if item == "metadata.json":
                data = json.dumps({"keras_version": "4.2.0"}).encode()
            zout.writestr(item, data)
    assert "newer" in _error(new)

    old = tmp_path / "keras1.h5"
    with h5py.File(old, "w") as f:
        f.attrs["keras_version"] = "1.2.2"
        f.attrs["model_config"] = json.dumps(
            {"class_name": "Sequential", "config": [{"class_name": "Dense", "config": {"output_dim": 3, "input_dim": 4}}]}
        )
    assert "too old" in _error(old)

    sub = tmp_path / "subclass.h5"
    with h5py.File(sub, "w") as f:
        f.attrs["keras_version"] = "2.15.0"
        f.attrs["model_config"] = json.dumps({"class_name": "MyModel", "config": {"units": 3}})
    assert "subclass" in _error(sub)

    saved_model = tmp_path / "exported"
    saved_model.mkdir()
    (saved_model / "saved_model.pb").write_bytes(b"\x00")
    assert "SavedModel" in _error(saved_model)


def test_hostile_hdf5_contents(k3_files, tmp_path):
    config = h5py.File(k3_files.path("k3_mlp", "h5"), "r").attrs["model_config"]

    strings = tmp_path / "strings.h5"
    with h5py.File(strings, "w") as f:
        f.attrs["model_config"] = config
        f.attrs["keras_version"] = "3.15.1"
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = np.array([b"dense"], dtype=object)
        d = g.create_group("dense")
        d.attrs["weight_names"] = np.array([b"dense/kernel"], dtype=object)
        d.create_dataset("dense/kernel", data=np.array([b"import os; os.system('x')"], dtype=object))
    assert "not numeric" in _error(strings)

    deep = tmp_path / "deep.h5"
    with h5py.File(deep, "w") as f:
        f.attrs["model_config"] = "[" * 200000 + "]" * 200000
    _error(deep)

    deep_json = tmp_path / "deep.json"
    deep_json.write_text('{"a":' * 100000 + "1" + "}" * 100000)
    _error(deep_json)


def test_reader_crash_or_hang_costs_only_the_child(k3_files, monkeypatch):
    path = k3_files.path("k3_mlp", "h5")
    monkeypatch.setenv("KBUILDER_READER_SELFTEST", "crash")
    assert "crashed" in _error(path)
    monkeypatch.setenv("KBUILDER_READER_SELFTEST", "hang")
    assert "longer than" in _error(path, timeout=3)
    monkeypatch.delenv("KBUILDER_READER_SELFTEST")
    assert model_file.open_model_file(path).weights


def test_the_app_process_never_opens_hdf5(k3_files, monkeypatch):
    """Only the child process hands a model file to libhdf5."""

    def refuse(*args, **kwargs):
        raise AssertionError("h5py.File was called in the app's process")

    monkeypatch.setattr(h5py, "File", refuse)
    for key, fmt in (("k3_qa", "h5"), ("k3_qa", "keras")):
        assert model_file.open_model_file(k3_files.path(key, fmt)).weights


def test_weights_pointing_outside_the_file_are_refused(k3_files, tmp_path):
    secret = tmp_path / "secret.h5"
    with h5py.File(secret, "w") as f:
        f["kernel"] = np.ones((784, 300), np.float32)
    raw = tmp_path / "raw.bin"
    np.ones(784 * 300, np.float32).tofile(raw)
    src = k3_files.path("k3_mlp", "h5")
    for how in ("link", "external"):
        path = tmp_path / f"{how}.h5"
        path.write_bytes(src.read_bytes())
        with h5py.File(path, "r+") as f:
            g = f["model_weights"]
            name = [n for n in g.attrs["layer_names"] if g[n].attrs["weight_names"].size][0]
            wname = g[name].attrs["weight_names"][0]
            del g[name][wname]
            if how == "link":
                g[name][wname] = h5py.ExternalLink(str(secret), "kernel")
            else:
                g[name].create_dataset(wname, shape=(784, 300), dtype="f4", external=[(str(raw), 0, h5py.h5f.UNLIMITED)])
        assert "refuses" in _error(path)


def _mutations(value, rng, depth=0):
    """A copy of ``value`` with a few random breakages (wrong types, missing keys, odd numbers)."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            roll = rng.random()
            if roll < 0.03:
                continue
            if roll < 0.06:
                out[k] = rng.choice([None, -1, 1e308, "x", [], {}, [["nope", 9, 9, {}]], True])
                continue
            out[k] = _mutations(v, rng, depth + 1)
        return out
    if isinstance(value, list):
        items = [_mutations(v, rng, depth + 1) for v in value if rng.random() > 0.03]
        if items and rng.random() < 0.05:
            rng.shuffle(items)
        return items
    if isinstance(value, int) and not isinstance(value, bool) and rng.random() < 0.05:
        return rng.choice([0, -3, 10**12])
    return value


@pytest.mark.parametrize("lib", ["k2", "k3"])
def test_mangled_descriptions_never_crash(files, tmp_path, lib):
    import random

    mf = files(lib)
    configs = []
    for key in (f"{lib}_nested", f"{lib}_siamese", f"{lib}_transfer", f"{lib}_rnn_zoo"):
        with h5py.File(mf.path(key, "h5"), "r") as f:
            configs.append(json.loads(f.attrs["model_config"]))
    rng = random.Random(7)
    opened = failed = 0
    for i in range(60):
        path = tmp_path / f"m{i}.json"
        path.write_text(json.dumps(_mutations(configs[i % len(configs)], rng)))
        try:
            model_file.open_model_file(path)
            opened += 1
        except model_file.ModelFileError as exc:
            _one_sentence(str(exc))
            failed += 1
    assert opened + failed == 60
