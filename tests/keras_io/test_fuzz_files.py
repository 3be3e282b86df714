"""Mutation fuzzing of real model files (issue 14): small ``.h5`` and
``.keras`` files saved by Keras 3 and by tf_keras get bytes flipped,
overwritten with large numbers, duplicated and cut, in the HDF5 metadata
where the parser lives and inside the zip's members (re-zipped, so that
the mutation reaches the HDF5 and JSON readers instead of failing the zip
checksum).  Every mutant must open or fail with one sentence, within a
time budget per case, with the reader child capped at 1 GiB.

A seeded loop rather than hypothesis: the cases are the same on every run,
and each costs a reader process, so the count is fixed and small.
"""

from __future__ import annotations

import io
import random
import re
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from kbuilder.keras_io import model_file

SEED = 14
CASES_PER_SOURCE = 20
SOURCES = [  # (library, model, format): the smallest real files with varied layers
    ("k3", "k3_siamese", "h5"), ("k3", "k3_siamese", "keras"), ("k3", "k3_qa", "keras"),
    ("k2", "k2_siamese", "h5"), ("k2", "k2_qa", "keras"),
]
READER_TIMEOUT = 8.0  # seconds the reader child may take for one mutant (one mutant hangs libhdf5)
CASE_SECONDS = 15.0  # the whole open of one mutant, graph included
READER_MEMORY = 1024**3
HEAD = 8192  # superblock, object headers, attributes: where most of an HDF5 file's structure is


def _one_sentence(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message, message
    assert len(message) < 400 and message.count(". ") <= 1, message


def _spot(rng: random.Random, size: int) -> int:
    """A position, most often in the structural head or tail of the file."""
    roll = rng.random()
    if roll < 0.6:
        return rng.randrange(min(HEAD, size))
    if roll < 0.75:
        return max(0, size - 1 - rng.randrange(min(2048, size)))
    return rng.randrange(size)


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """``data`` with one kind of damage, and the kind's name."""
    out = bytearray(data)
    kind = rng.choice(["flip", "overwrite", "big-number", "duplicate", "truncate", "zero"])
    if kind == "flip":
        for _ in range(rng.randint(1, 16)):
            out[_spot(rng, len(out))] ^= 1 << rng.randrange(8)
    elif kind == "overwrite":
        at = _spot(rng, len(out))
        out[at:at + rng.randint(1, 64)] = rng.randbytes(rng.randint(1, 64))
    elif kind == "big-number":
        # Sizes, counts and addresses are 4- or 8-byte integers: make some huge.
        for _ in range(rng.randint(1, 4)):
            at = _spot(rng, len(out)) & ~3
            width = rng.choice([4, 8])
            out[at:at + width] = rng.choice([b"\xff", b"\x7f", b"\x00"]) * (width - 1) + rng.choice([b"\xff", b"\x7f"])
    elif kind == "duplicate":
        start = _spot(rng, len(out))
        piece = bytes(out[start:start + rng.randint(16, 512)])
        at = _spot(rng, len(out))
        if rng.random() < 0.5:
            out[at:at] = piece
        else:
            out[at:at + len(piece)] = piece
    elif kind == "truncate":
        del out[rng.randrange(1, len(out)):]
    else:
        at = _spot(rng, len(out))
        out[at:at + rng.randint(8, 256)] = bytes(rng.randint(8, 256))
    return bytes(out), kind


def mutate_keras(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A mutated ``.keras``: its weights file, its config, or the zip itself."""
    roll = rng.random()
    if roll < 0.25:
        mutant, kind = mutate(data, rng)
        return mutant, f"zip-{kind}"
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    target = "model.weights.h5" if roll < 0.8 else "config.json"
    members[target], kind = mutate(members[target], rng)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zout:
        for n, member in members.items():
            zout.writestr(n, member)
    return buffer.getvalue(), f"{target.split('.')[0]}-{kind}"


def _template(message: str, name: str) -> str:
    """A refusal with the file name and numbers taken out, to count kinds."""
    text = message.replace(name, "F")
    text = re.sub(r"'[^']*'", "'…'", text)
    return re.sub(r"\d+(\.\d+)?", "N", text)


@pytest.mark.slow
def test_mutated_model_files_open_or_fail_in_one_sentence(files, tmp_path, monkeypatch):
    monkeypatch.setenv("KBUILDER_READER_MEMORY", str(READER_MEMORY))
    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    refusals: Counter[str] = Counter()
    problems: list[str] = []
    slowest = 0.0
    sources = [(key, fmt, Path(files(lib).path(key, fmt)).read_bytes()) for lib, key, fmt in SOURCES]
    started = time.monotonic()
    for key, fmt, data in sources:
        for i in range(CASES_PER_SOURCE):
            mutant, kind = mutate_keras(data, rng) if fmt == "keras" else mutate(data, rng)
            path = tmp_path / f"{key}_{i}.{fmt}"
            path.write_bytes(mutant)
            start = time.monotonic()
            try:
                result = model_file.open_model_file(path, timeout=READER_TIMEOUT)
                assert result.graph is not None
                outcomes["opened"] += 1
            except model_file.ModelFileError as exc:
                try:
                    _one_sentence(str(exc))
                except AssertionError as bad:
                    problems.append(f"{path.name} ({kind}): not one sentence: {bad}")
                outcomes["refused"] += 1
                refusals[_template(str(exc), path.name)] += 1
            except Exception as exc:  # noqa: BLE001 - collected, then reported together
                problems.append(f"{path.name} ({kind}): {type(exc).__name__}: {exc}")
                outcomes["crashed"] += 1
            spent = time.monotonic() - start
            slowest = max(slowest, spent)
            if spent > CASE_SECONDS:
                problems.append(f"{path.name} ({kind}) took {spent:.1f} s")
    total = sum(outcomes.values())
    print(f"\nfuzz: {total} mutants in {time.monotonic() - started:.1f} s (slowest {slowest:.1f} s): "
          f"{dict(outcomes)}")
    for text, count in refusals.most_common():
        print(f"  {count:3d}  {text}")
    assert not problems, "\n".join(problems)
    assert outcomes["refused"] > 0 and total == CASES_PER_SOURCE * len(SOURCES)
