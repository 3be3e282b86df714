"""The template gallery: the seed models as ready ``.kbproj`` files."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kbuilder.core.i18n import translate

from . import kbproj

DEFAULT_TEMPLATE = "digits_classifier"


def resources_dir() -> Path:
    """``resources/`` beside the package (an editable or source install);
    ``$KBUILDER_RESOURCES`` overrides it."""
    env = os.environ.get("KBUILDER_RESOURCES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "resources"


def templates_dir() -> Path:
    return resources_dir() / "templates"


@dataclass(frozen=True)
class TemplateInfo:
    slug: str
    title: str
    description: str
    path: Path
    expected_params: int | None


def list_templates() -> list[TemplateInfo]:
    """Every template, the default one first, then by title."""
    out = []
    for path in sorted(templates_dir().glob("*" + kbproj.SUFFIX)):
        try:
            project = kbproj.load(path)
        except kbproj.ProjectError:
            continue
        meta = project.settings.get("template", {})
        out.append(
            TemplateInfo(
                slug=path.stem,
                # The titles and descriptions of kbuilder's own templates are marked for the
                # translators in tools/make_templates.py; any other text comes back as it is.
                title=translate("templates", str(meta.get("title") or path.stem.replace("_", " ").capitalize())),
                description=translate("templates", project.description),
                path=path,
                expected_params=meta.get("expected_params"),
            )
        )
    out.sort(key=lambda t: (t.slug != DEFAULT_TEMPLATE, t.title.lower()))
    return out


def template_path(slug: str) -> Path:
    return templates_dir() / f"{slug}{kbproj.SUFFIX}"


def load_template(slug: str = DEFAULT_TEMPLATE) -> kbproj.Project:
    return kbproj.load(template_path(slug))
