import json
import os

import pytest

from kbuilder.core.graph import Graph
from kbuilder.project import kbproj
from kbuilder.project.kbproj import Project, ProjectError


def make_project():
    g = Graph(name="demo")
    x = g.add_input((28, 28), name="image")
    f = g.add("Flatten", inputs=[x])
    g.add("Dense", inputs=[f], units=10, activation="softmax")
    return Project(graph=g, settings={"training": {"epochs": 3}}, description="한국어 설명 too")


def test_save_load_round_trip(tmp_path):
    p = make_project()
    path = tmp_path / "m.kbproj"
    kbproj.save(p, path)
    again = kbproj.load(path)
    assert again.to_dict() == p.to_dict()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "kbuilder-project" and data["version"] == kbproj.FORMAT_VERSION
    # Saving the same project twice gives the same bytes (clean diffs, "unchanged" checks).
    first = path.read_bytes()
    kbproj.save(again, path)
    assert path.read_bytes() == first


def test_version_1_files_are_migrated(tmp_path):
    p = make_project()
    g = p.graph.to_dict()
    v1 = {"format": "kbuilder-project", "version": 1, "name": g["name"], "layers": g["nodes"], "links": g["edges"]}
    path = tmp_path / "old.kbproj"
    path.write_text(json.dumps(v1))
    loaded = kbproj.load(path)
    assert loaded.graph.to_dict() == g
    assert loaded.settings == {}


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "not valid JSON"),
        (b"{\"format\": \"kbuilder-project\", \"version\": 2, \"graph\": {\"nodes\": [{\"id\": 1}]}}", "damaged"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not text"),
        (b"[1, 2, 3]", "not a kbuilder project"),
        (b"{\"format\": \"kbuilder-project\", \"version\": 99, \"graph\": {}}", "newer kbuilder"),
        (b"{\"format\": \"kbuilder-project\", \"version\": \"x\", \"graph\": {}}", "no valid format version"),
    ],
)
def test_bad_files_give_a_plain_message(tmp_path, content, words):
    path = tmp_path / "bad.kbproj"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=words):
        kbproj.load(path)


def test_missing_file(tmp_path):
    with pytest.raises(ProjectError, match="No such file"):
        kbproj.load(tmp_path / "nope.kbproj")


def test_failed_save_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "m.kbproj"
    kbproj.save(make_project(), path)
    before = path.read_bytes()

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    changed = make_project()
    changed.description = "changed"
    with pytest.raises(ProjectError, match="No space left on device.*previous file"):
        kbproj.save(changed, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.kbproj"], "no temporary file is left behind"


def test_no_nan_in_files(tmp_path):
    p = make_project()
    p.graph.set_param(p.graph.by_name("dense").id, "units", float("nan"))
    with pytest.raises(ProjectError, match="cannot be saved"):
        kbproj.save(p, tmp_path / "x.kbproj")
    assert not (tmp_path / "x.kbproj").exists()
