"""Autosave and recovery for the main window's files: every minute of
unsaved work goes to a recovery file, and the next start after a crash
offers to restore it.

A mixin of :class:`kbuilder.ui.window.files.FileController`, which holds
``_recovery_files()`` (the files, in the folder ``files.recovery_dir()``
names), the document and the dialogs used here.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from kbuilder.project import kbproj


class FileRecovery:
    """The autosave and recovery methods of the FileController (see the module's doc)."""

    def autosave(self) -> bool:
        """Write the unsaved work to the recovery file (every minute while
        there are unsaved changes)."""
        if not self.is_dirty():
            return False
        state = self._edits
        if state == self._autosaved_state:
            return True  # nothing new since the last autosave
        data, meta = self._recovery_files()
        try:
            data.parent.mkdir(parents=True, exist_ok=True)
            kbproj.save(self.project(), data)
            kbproj.atomic_write_text(meta, json.dumps({"path": str(self.path) if self.path else None,
                                                       "name": self.display_name, "time": time.time()}))
        except (OSError, kbproj.ProjectError):
            return False
        self._autosaved_state = state
        return True

    def clear_recovery(self) -> None:
        self._autosaved_state = None
        for f in self._recovery_files():
            try:
                f.unlink()
            except OSError:
                pass

    def recovery_available(self) -> dict | None:
        data, meta = self._recovery_files()
        if not data.exists():
            return None
        try:
            info = json.loads(meta.read_text("utf-8"))
        except (OSError, ValueError):
            info = {}
        return info if isinstance(info, dict) else {}

    def ask_restore(self, info: dict) -> bool:
        # The time's format is translated too: "%H:%M on %d %b" reads "14:05 on 02 Dec".
        when = time.strftime(self.tr("%H:%M on %d %b"), time.localtime(info.get("time") or time.time()))
        answer = QMessageBox.question(
            self.window, self.tr("Restore unsaved work?"),
            self.tr("kbuilder did not close properly last time. Restore the unsaved changes to "
                    "{name} (autosaved at {when})?").format(name=info.get("name") or self.tr("your model"), when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def offer_recovery(self) -> bool:
        info = self.recovery_available()
        if info is None:
            return False
        if not self.ask_restore(info):
            self.clear_recovery()
            return False
        try:
            project = kbproj.load(self._recovery_files()[0])
        except kbproj.ProjectError as exc:
            self.error(self.tr("Cannot restore"), str(exc))
            self.clear_recovery()
            return False
        path = Path(info["path"]) if info.get("path") else None
        self.set_project(project, path, info.get("name"), clean=False)
        self.message.emit(self.tr("Restored the autosaved work: save it to keep it"))
        return True
