"""Files for the main window: New, Open (a project, a Keras model, a
SavedModel folder, a dropped file or folder), Save / Save As, recent files,
the unsaved-changes prompt; autosave to a recovery file and the offer to
restore it after a crash are in :mod:`kbuilder.ui.window.recovery`.

The window's graph object lives as long as the window: opening a file loads
the new content into it (``Graph.load_from``, one ``reset`` event) and
clears the undo stack; the stack's clean state is the "saved" marker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kbuilder.core.graph import INPUT, Graph
from kbuilder.layers import basics
from kbuilder.project import kbproj
from kbuilder.project.document import Document
from kbuilder.ui.background import run_in_background
from kbuilder.ui.window.recovery import FileRecovery

AUTOSAVE_MS = 60_000
MAX_RECENT = 10
OPEN_FILTER = QT_TRANSLATE_NOOP(  # shown as QCoreApplication.translate("FileController", OPEN_FILTER)
    "FileController", "Models (*.kbproj *.json *.h5 *.hdf5 *.keras saved_model.pb);;kbuilder projects (*.kbproj);;"
    "Keras models (*.json *.h5 *.hdf5 *.keras);;TensorFlow SavedModel (saved_model.pb);;All files (*)")
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
LAST_FOLDER_KEY = "files/last_folder"


def last_folder() -> str:
    """The folder a file dialog last used (kept in QSettings), else Documents, else home."""
    folder = QSettings().value(LAST_FOLDER_KEY)
    if isinstance(folder, str) and folder and Path(folder).is_dir():
        return folder
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and Path(docs).is_dir() else str(Path.home())


def remember_folder(path: str | Path) -> None:
    """Remember the folder of a file the user chose (for the next dialog)."""
    p = Path(path)
    folder = p if p.is_dir() else p.parent
    if str(folder):
        QSettings().setValue(LAST_FOLDER_KEY, str(folder))


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".kbuilder") / "recovery"


class FileController(FileRecovery, QObject):
    path_changed = Signal()
    recent_changed = Signal()
    message = Signal(str)
    notes = Signal(list)  # what an import translated or left out, for the notes bar

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.loading = False
        self._autosaved_state: int | None = None
        self._edits = 0  # graph events seen: a merged drag changes the graph without a new undo step
        window.graph.subscribe(self._count_edit)

    # The document holds these; the controller only reads and writes files.
    @property
    def document(self) -> Document:
        return self.window.document

    @property
    def graph(self) -> Graph:
        return self.window.graph

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def display_name(self) -> str:
        return self.document.name

    @property
    def settings(self) -> dict:
        return self.document.settings

    @property
    def weights(self):
        """The model's weights by the layers' current names (an opened file's,
        or a run's); they follow a rename and leave with a deleted layer."""
        return self.document.weights_by_name()

    @property
    def stack(self):
        return self.window.stack

    def _count_edit(self, _event) -> None:
        self._edits += 1

    def is_dirty(self) -> bool:
        return not self.stack.isClean()

    # -------------------------------------------------------------- dialogs
    def ask_save_changes(self) -> str:
        """Save / Discard / Cancel; tests replace this method."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved changes"),
                          self.tr("{name} has changes that are not saved. Save them first?").format(
                              name=self.display_name),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Don't save"))  # Qt's Korean says "무시"
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: SAVE, QMessageBox.StandardButton.Discard: DISCARD}.get(
            QMessageBox.StandardButton(answer), CANCEL)

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open a model"), self._folder(),
                                              QCoreApplication.translate("FileController", OPEN_FILTER))
        return path

    def ask_open_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self.window, self.tr("Open a TensorFlow SavedModel folder"),
                                                self._folder())

    def ask_save_path(self) -> str:
        start = str(self.path) if self.path else str(Path(self._folder()) / (self.display_name + kbproj.SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save the project"), start,
                                              self.tr("kbuilder projects (*.kbproj)"))
        if path and not path.endswith(kbproj.SUFFIX):
            path += kbproj.SUFFIX
        return path

    def error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)

    def ask_stop_training(self) -> bool:
        """Training is running: stop it to go on?  Tests replace this method."""
        answer = QMessageBox.question(
            self.window, self.tr("Training is running"),
            self.tr("{name} is still training. Stop the training (the figures so far are lost) and go on?").format(
                name=self.display_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _folder(self) -> str:
        """Where file dialogs start: the project's folder, else the last one
        used, else Documents (else home)."""
        if self.path is not None:
            return str(self.path.parent)
        return last_folder()

    def remember_folder(self, path: str | Path) -> None:
        remember_folder(path)

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current content (asking to stop a
        training run and to save unsaved changes first)."""
        if self.window.training_running() and not self.ask_stop_training():
            return False
        if not self.is_dirty():
            return True
        answer = self.ask_save_changes()
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    # ----------------------------------------------------------- new / open
    def new_project(self, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        graph = Graph(name="model")
        graph.add_input(self._input_shape(), name="input")
        self.set_project(kbproj.Project(graph=graph), None, self.tr("untitled"))
        self.window.set_mode("build")  # a new model is drawn first
        return True

    def _input_shape(self) -> tuple:
        """The palette's Input shape: one default for New and for a dragged Input."""
        catalog = self.window.palette.catalog
        return tuple(basics.build_params(INPUT, catalog)["shape"])

    def set_project(self, project: kbproj.Project, path: Path | None, name: str | None = None,
                    clean: bool = True, weights=None) -> None:
        """Replace the document with ``project``: every panel starts again from it."""
        self.window.before_replace()
        self.stack.clear()
        self.document.replace(project, path, name, weights)
        if clean:
            self.stack.setClean()
        else:
            self.stack.resetClean()
        self.window.after_load()
        self.path_changed.emit()

    def open_template(self, path: str | Path, ask: bool = True) -> bool:
        """Start from a template: its content, as a new unsaved project."""
        if ask and not self.maybe_save():
            return False
        try:
            project = kbproj.load(path)
        except kbproj.ProjectError as exc:
            self.error(self.tr("Cannot open the template"), str(exc))
            return False
        self.set_project(project, None, Path(path).stem)
        return True

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path = self.ask_open_path()
        if path:
            self.remember_folder(path)
            self.open_path(path, ask=False)

    def open_folder_dialog(self) -> None:
        """File > Open Folder…: a TensorFlow SavedModel folder (what
        ``model.save("my_model")`` wrote with TensorFlow 2 and Keras 2)."""
        path = self.ask_open_folder()  # the choice first: Cancel there leaves the model as it is
        if path and self.maybe_save():
            self.remember_folder(Path(path).parent)  # the next folder is most likely beside this one
            self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open a project now, or a Keras model (a file, a SavedModel folder
        or its saved_model.pb) on a worker thread (it may need TensorFlow).
        Returns False when nothing was (or will be) opened."""
        from kbuilder.project.loader import OpenError, can_open, open_path, open_words

        path = Path(path)
        if ask and not self.maybe_save():
            return False
        if not path.exists():
            self.remove_recent(path)
            self.error(self.tr("Cannot open"),
                       self.tr("{name} is not there any more (moved or deleted?).").format(name=path.name))
            return False
        if not can_open(path):
            self.error(self.tr("Cannot open"), self.tr("kbuilder cannot open '{name}': it opens {what}.").format(
                name=path.name, what=open_words()))
            return False
        if path.suffix.lower() == kbproj.SUFFIX and path.is_file():
            try:
                opened = open_path(path)
            except OpenError as exc:
                self.error(self.tr("Cannot open"), str(exc))
                return False
            self._opened(opened)
            return True
        self.loading = True
        self.message.emit(self.tr("Reading {name}…").format(name=path.name))
        run_in_background(lambda: open_path(path), self._opened, self._open_failed)
        return True

    def _open_failed(self, message: str) -> None:
        self.loading = False
        self.error(self.tr("Cannot open"), message)

    def _opened(self, opened) -> None:
        from kbuilder.keras_io.saved_model import saved_model_folder

        self.loading = False
        # An imported model has no project file yet (saving it makes a new .kbproj); its name is its
        # file's, or its folder's for a SavedModel (my_model/saved_model.pb is "my_model").
        name = None if opened.is_project else (saved_model_folder(opened.path) or opened.path).stem
        self.set_project(opened.project, opened.path if opened.is_project else None, name, weights=opened.weights)
        self.add_recent(opened.path)
        self.message.emit(self.tr("Opened {name}").format(name=opened.path.name))
        self.notes.emit(list(opened.notes))

    # --------------------------------------------------------------- save
    def project(self) -> kbproj.Project:
        return self.document.project()

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return self.save_to(Path(path)) if path else False

    def save_to(self, path: Path) -> bool:
        weights = self.document.current_weights_by_name()
        left_out = weights is None and self.weights is not None
        try:
            if weights:
                # The weights go beside the project in a new <name>.weights-<generation>.h5 that the
                # .kbproj names: the two are saved as one unit (kbproj.save).
                from kbuilder.keras_io import model_file
                from kbuilder.project import saving

                project = self.project()
                try:
                    saving.save_graph(self.graph, Path(path), weights=weights, project=project)
                except model_file.ModelFileError as exc:
                    raise kbproj.ProjectError(str(exc)) from None
                self.document.weights_file = project.weights_file
            else:
                project = self.project()
                if left_out:  # no pointer to weights saved for an earlier model
                    project.weights_file = None
                kbproj.save(project, path)
                if left_out:
                    self.document.weights_file = None
        except kbproj.ProjectError as exc:
            self.error(self.tr("Not saved"), str(exc))
            return False
        self.document.saved_as(path)
        self.remember_folder(self.path)
        self.stack.setClean()
        self.add_recent(self.path)
        self.clear_recovery()
        self.path_changed.emit()
        if left_out:
            self.message.emit(self.tr("Saved {name} without the trained weights: the model changed since they "
                                      "were made (train again to save new ones)").format(name=self.path.name))
        else:
            self.message.emit(self.tr("Saved {name}").format(name=self.path.name))
        return True

    # --------------------------------------------------------------- recent
    def recent(self) -> list[str]:
        value = QSettings().value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: Path) -> None:
        items = [p for p in self.recent() if p != str(path)]
        QSettings().setValue("recent_files", [str(path)] + items[: MAX_RECENT - 1])
        self.recent_changed.emit()

    def remove_recent(self, path: Path) -> None:
        items = self.recent()
        if str(path) in items:
            QSettings().setValue("recent_files", [p for p in items if p != str(path)])
            self.recent_changed.emit()

    def clear_recent(self) -> None:
        QSettings().setValue("recent_files", [])
        self.recent_changed.emit()

    # ------------------------------------------------------------- recovery
    def _recovery_files(self) -> tuple[Path, Path]:
        folder = recovery_dir()
        return folder / "autosave.kbproj", folder / "autosave.json"
