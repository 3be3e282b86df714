"""The translations: complete, in step with the sources, loaded by the app
and the command line, and the language chosen as the user asks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kbuilder import language
from kbuilder.core import i18n

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import i18n as tools_i18n  # noqa: E402  (tools/i18n.py)

HANGUL = "\uac00-\ud7a3"


@pytest.fixture(scope="module")
def updated_ts(tmp_path_factory):
    """The committed Korean .ts brought up to date with the sources by
    pyside6-lupdate, in a temporary copy: what a new string would add."""
    tmp = tmp_path_factory.mktemp("ts")
    ts = tmp / "kbuilder_ko.ts"
    shutil.copy(tools_i18n.ts_path("ko"), ts)
    report = tools_i18n.lupdate(tools_i18n.sources(), ts)
    return ts, report


def test_lupdate_finds_no_new_and_no_unfinished_korean_string(updated_ts):
    ts, report = updated_ts
    assert "(0 new and" in report, report
    unfinished, mismatched = tools_i18n.problems(ts)
    untranslated = [f"{ctx}: {src!r}" for ctx, src, tr, _ in tools_i18n.messages(ts) if tr is None]
    assert unfinished == 0, "strings without a Korean translation (run tools/i18n.py update, translate, release):\n" + \
        "\n".join(untranslated[:40])
    assert mismatched == [], "\n".join(mismatched)
    total = sum(1 for _ in tools_i18n.messages(ts))
    assert total > 1000, total  # the whole app, not a sample


def test_korean_translations_are_korean(updated_ts):
    ts, _ = updated_ts
    import re

    no_hangul = [src for _, src, tr, _ in tools_i18n.messages(ts)
                 if tr is not None and re.search("[A-Za-z]{3,}", src) and not re.search(f"[{HANGUL}]", tr)
                 and not re.fullmatch(r"[\w.(){}\[\]/:,=&+* -]*", src)]  # Keras names, shapes and codes stay as they are
    assert len(no_hangul) < 40, no_hangul  # only names: Keras classes, formats, products


def test_committed_qm_is_built_from_the_committed_ts(tmp_path):
    qm = tmp_path / "kbuilder_ko.qm"
    tools_i18n.lrelease(tools_i18n.ts_path("ko"), qm)
    assert qm.read_bytes() == tools_i18n.qm_path("ko").read_bytes(), "run python tools/i18n.py release"


@pytest.mark.parametrize(("environ", "saved", "system", "expected"), [
    ({"LANG": "ko_KR.UTF-8"}, None, None, "ko"),
    ({"LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, None, None, "ko"),
    ({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, None, None, "en"),
    ({"LANG": "en_US.UTF-8", "LANGUAGE": "fr:ko"}, None, None, "ko"),
    ({"LANG": "C", "LANGUAGE": "ko"}, None, None, "en"),
    ({}, None, "ko-KR", "ko"),
    ({}, None, None, "en"),
    ({"LANG": "fr_FR.UTF-8"}, None, "ko-KR", "en"),
    ({"LANG": "ko_KR.UTF-8"}, "en", None, "en"),
    ({"LANG": "en_US.UTF-8"}, "ko", None, "ko"),
    ({"LANG": "en_US.UTF-8", "KBUILDER_LANG": "ko"}, "en", None, "ko"),
    ({"LANG": "ko_KR.UTF-8", "KBUILDER_LANG": "en"}, "ko", None, "en"),
    ({"LANG": "ko_KR.UTF-8", "KBUILDER_LANG": "xx"}, None, None, "ko"),
])
def test_language_choice_order(environ, saved, system, expected):
    assert language.choose(environ, saved, system) == expected


def test_cli_translator_speaks_korean_and_english_again():
    text = "a shape that is not known yet"
    assert language.install_cli("ko") == "ko"
    korean = i18n.translate("cards", text)
    assert korean != text and any("\uac00" <= ch <= "\ud7a3" for ch in korean)
    assert language.install_cli("en") == "en"
    assert i18n.translate("cards", text) == text


def test_korean_font_hint_names_the_package():
    assert language.korean_font_problem("ko", [], platform="linux") == language.FONT_HINT
    assert "fonts-noto-cjk" in language.FONT_HINT
    assert language.korean_font_problem("ko", ["Noto Sans CJK KR"], platform="linux") is None
    assert language.korean_font_problem("en", [], platform="linux") is None
    assert language.korean_font_problem("ko", [], platform="win32") == language.FONT_HINT_OTHER


def _cli(args, lang, cwd):
    env = dict(os.environ, KBUILDER_LANG=lang)
    return subprocess.run([sys.executable, "-m", "kbuilder.cli", *args], capture_output=True, text=True,
                          timeout=300, env=env, cwd=cwd)


@pytest.mark.slow
def test_cli_sentences_follow_the_language_and_json_does_not(tmp_path):
    from kbuilder.core.graph import Graph
    from kbuilder.project import kbproj

    g = Graph()
    x = g.add_input((4,), name="x")
    g.add("Dense", name="lonely", units=2)  # not connected to anything
    g.add("Dense", name="out", inputs=[x], units=1)
    path = tmp_path / "m.kbproj"
    kbproj.save(kbproj.Project(graph=g), path)
    en, ko = _cli(["check", str(path)], "en", tmp_path), _cli(["check", str(path)], "ko", tmp_path)
    assert en.returncode == ko.returncode
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in en.stdout + en.stderr)
    assert any("\uac00" <= ch <= "\ud7a3" for ch in ko.stdout), ko.stdout
    en_json = json.loads(_cli(["check", str(path), "--json"], "en", tmp_path).stdout)
    ko_json = json.loads(_cli(["check", str(path), "--json"], "ko", tmp_path).stdout)
    assert en_json.keys() == ko_json.keys()
    assert [sorted(i) for i in en_json["issues"]] == [sorted(i) for i in ko_json["issues"]]
    assert [i.get("code") for i in en_json["issues"]] == [i.get("code") for i in ko_json["issues"]]
    # A file that cannot be read: one Korean sentence, the same exit code.
    bad = tmp_path / "bad.kbproj"
    bad.write_bytes(b"\x00garbage")
    en_bad, ko_bad = _cli(["check", str(bad)], "en", tmp_path), _cli(["check", str(bad)], "ko", tmp_path)
    assert en_bad.returncode == ko_bad.returncode == 2
    assert any("\uac00" <= ch <= "\ud7a3" for ch in ko_bad.stderr), ko_bad.stderr
