"""kbuilder's translations: Qt's own tools (pyside6-lupdate, pyside6-lrelease).

    python tools/i18n.py update            # sources -> resources/i18n/kbuilder_ko.ts (keeps translations)
    python tools/i18n.py release           # kbuilder_ko.ts -> kbuilder_ko.qm (what the app loads)
    python tools/i18n.py status            # how many strings are unfinished, and placeholder mismatches
    python tools/i18n.py todo OUT.json FILE...   # the strings of FILEs as {context: {source: ""}},
                                                 # merged into OUT.json (translations already there are kept)
    python tools/i18n.py fill IN.json...   # put the translations of IN.json files into the .ts

The .ts file is the one place translations live (open it with
``pyside6-linguist``); ``todo``/``fill`` let a translator work on a part of
the sources as plain JSON.  Translations keep every ``{name}`` of their
source: the code fills them with ``.format(name=...)``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("ko",)
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)?(?:[!:][^{}]*)?\}(?!\})")


def ts_path(lang: str = "ko") -> Path:
    return I18N / f"kbuilder_{lang}.ts"


def qm_path(lang: str = "ko") -> Path:
    return I18N / f"kbuilder_{lang}.qm"


def sources() -> list[Path]:
    """Every file with strings to translate: the package, main.py and the
    template maker (the gallery's titles and descriptions)."""
    return sorted((ROOT / "kbuilder").rglob("*.py")) + [ROOT / "main.py", ROOT / "tools" / "make_templates.py"]


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is not installed (it comes with PySide6)")
    return found


def lupdate(files: list[Path], ts: Path) -> str:
    """Run pyside6-lupdate; returns its report."""
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as lst:
        lst.write("\n".join(str(f) for f in files))
    out = subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", f"@{lst.name}", "-ts", str(ts)],
        capture_output=True, text=True, check=True,
    )
    Path(lst.name).unlink()
    return out.stdout + out.stderr


def lrelease(ts: Path, qm: Path) -> str:
    out = subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], capture_output=True, text=True, check=True)
    return out.stdout + out.stderr


def messages(ts: Path):
    """(context, source, translation or None when unfinished, element) for each message."""
    tree = ET.parse(ts)
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete") and (tr.text or "")
            yield name, msg.findtext("source") or "", (tr.text if done else None), msg


def fields(text: str) -> list[str]:
    """The ``{name}`` fields of a text, sorted (a translation must keep its source's)."""
    return sorted(m.group(0) for m in PLACEHOLDER.finditer(text))


def problems(ts: Path) -> tuple[int, list[str]]:
    """(unfinished count, placeholder mismatches)."""
    unfinished, bad = 0, []
    for ctx, src, tr, _ in messages(ts):
        if tr is None:
            unfinished += 1
        elif fields(src) != fields(tr):
            bad.append(f"{ctx}: {src!r} has {fields(src)}, its translation {fields(tr)}")
    return unfinished, bad


def fill(ts: Path, tables: list[dict]) -> int:
    tree = ET.parse(ts)
    n = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            for table in tables:
                text = table.get(name, {}).get(src)
                if text:
                    tr = msg.find("translation")
                    if tr is None:
                        tr = ET.SubElement(msg, "translation")
                    tr.text = text
                    tr.attrib.pop("type", None)
                    n += 1
                    break
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return n


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    I18N.mkdir(parents=True, exist_ok=True)
    if cmd == "update":
        for lang in LANGUAGES:
            print(lupdate(sources(), ts_path(lang)).strip())
    elif cmd == "release":
        for lang in LANGUAGES:
            print(lrelease(ts_path(lang), qm_path(lang)).strip())
    elif cmd == "status":
        for lang in LANGUAGES:
            unfinished, bad = problems(ts_path(lang))
            print(f"{lang}: {unfinished} unfinished, {len(bad)} placeholder mismatches")
            for line in bad:
                print("  " + line)
    elif cmd == "todo":
        out, files = Path(rest[0]), [Path(f) for f in rest[1:]]
        table = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
        with tempfile.TemporaryDirectory() as tmp:
            ts = Path(tmp) / "part_ko.ts"
            lupdate(files, ts)
            merged: dict = {}
            for ctx, src, _, _ in messages(ts):
                merged.setdefault(ctx, {})[src] = table.get(ctx, {}).get(src, "")
        out.write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        missing = sum(1 for c in merged.values() for t in c.values() if not t)
        bad = [f"{c}: {s!r}" for c, m in merged.items() for s, t in m.items() if t and fields(s) != fields(t)]
        print(f"{out}: {sum(len(c) for c in merged.values())} strings, {missing} without a translation, "
              f"{len(bad)} with placeholders that differ")
        for line in bad:
            print("  " + line)
    elif cmd == "fill":
        tables = [json.loads(Path(f).read_text(encoding="utf-8")) for f in rest]
        for lang in LANGUAGES:
            print(f"{fill(ts_path(lang), tables)} translations filled")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
