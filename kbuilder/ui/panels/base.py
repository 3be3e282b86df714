"""What the main window tells its panels.

Every panel (Inspector, Issues, Summary, Code, Train) is a ``QWidget`` made
as ``Panel(graph, push, parent=window)`` and implements :class:`Panel`; the
window calls these methods on each of them, whatever the panel.  Inherit
:class:`PanelHooks` (before ``QWidget``) for the methods a panel does not
need: they do nothing.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Panel(Protocol):
    def set_document(self, document: Any) -> None:
        """The window's :class:`kbuilder.project.document.Document` (once, at start)."""

    def set_catalog(self, catalog: Any) -> None:
        """The layer catalog, when it arrives (a few seconds after start)."""

    def set_results(self, result: Any) -> None:
        """The newest ``kbuilder.ui.analysis.AnalysisResult``."""

    def set_selection(self, node_ids: list[str]) -> None:
        """The ids of the layers selected on the canvas."""

    def load_settings(self, settings: dict) -> None:
        """The project's settings (a file was opened, New, a template)."""

    def detach(self) -> None:
        """The window closes: stop following the graph and the document."""


class PanelHooks:
    """Do-nothing defaults for :class:`Panel`'s methods."""

    def set_document(self, document: Any) -> None:
        pass

    def set_catalog(self, catalog: Any) -> None:
        pass

    def set_results(self, result: Any) -> None:
        pass

    def set_selection(self, node_ids: list[str]) -> None:
        pass

    def load_settings(self, settings: dict) -> None:
        pass

    def detach(self) -> None:
        pass
