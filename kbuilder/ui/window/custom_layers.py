"""File > Load custom layer code…: the user's own layer classes, loaded
only by their explicit choice.

A model that uses a layer class Keras does not know opens with a
placeholder for it (``node.extra["original_class"]``), which keeps its
saved settings; nothing from the file runs.  If the user has the Python
file that defines the class, this command loads it:

1. the user picks the ``.py`` file;
2. a warning says that loading it runs the code in it
   (:func:`kbuilder.keras_io.custom_code.warning_for`); Cancel is the
   default button, and Cancel loads nothing;
3. only then :func:`~kbuilder.keras_io.custom_code.load_user_module` runs it
   (on a pool thread: it may import TensorFlow), and
   :func:`~kbuilder.keras_io.custom_code.use_custom_classes` turns the
   placeholders into layers of those classes, as one undo step
   (:class:`kbuilder.core.recorded.RecordedEdit`: undo puts every node
   back exactly as it was).

A file that fails to load, or defines none of the classes the model waits
for, is one sentence in a message box, and the model is untouched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kbuilder.core.i18n import sentence_start
from kbuilder.core.recorded import RecordedEdit
from kbuilder.layers.allowed import custom_layer_class
from kbuilder.ui.background import run_in_background
from kbuilder.ui.window.files import last_folder, remember_folder


class CustomCodeLoader(QObject):
    """Loads the user's layer classes for the window's model (see the module's doc)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.loading = False

    def waiting_classes(self) -> list[str]:
        """The user's own classes the model's placeholders stand for."""
        return sorted({cls for node in self.window.graph.nodes if (cls := custom_layer_class(node)) is not None})

    # ------------------------------------------------------------ dialogs
    def ask_python_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Load custom layer code"), last_folder(),
                                              self.tr("Python files (*.py)"))
        return path

    def confirm(self, path: str | Path) -> bool:
        """The warning that loading runs the file; True only for an explicit yes."""
        from kbuilder.keras_io.custom_code import warning_for

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Run your code?"), warning_for(path),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("custom_code_warning")
        load = box.addButton(self.tr("Load and run it"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is load

    def error(self, text: str) -> None:
        self.window.files.error(self.tr("Custom layer code not loaded"), text)

    # ------------------------------------------------------------ loading
    def load_dialog(self) -> None:
        """File > Load custom layer code… (and the Inspector's button on such a placeholder)."""
        if self.loading:
            return
        if not self.waiting_classes():
            self.window.files.info(self.tr("No custom layers"), self.tr(
                "This model has no layer of a class of your own (when a model file uses one, kbuilder keeps that layer "
                "as a placeholder), so there is no code to load. Use this after opening a model saved with your own "
                "layer classes."))
            return
        path = self.ask_python_file()
        if not path:
            return
        remember_folder(path)
        if not self.confirm(path):
            self.window.show_message(self.tr("Nothing was loaded."))
            return
        self.load(path)

    def load(self, path: str | Path) -> None:
        """Run the user's module (confirmed by the caller) and use its classes."""
        from kbuilder.keras_io.custom_code import load_user_module

        path = Path(path)
        self.loading = True
        self.window.show_message(self.tr("Loading {name}…").format(name=path.name))
        run_in_background(lambda: load_user_module(path), lambda classes: self._loaded(path, classes),
                          self._failed)

    def _failed(self, message: str) -> None:
        self.loading = False
        self.error(message)

    def _loaded(self, path: Path, classes: dict[str, type]) -> None:
        from kbuilder.keras_io.custom_code import use_custom_classes

        self.loading = False
        waiting = self.waiting_classes()
        if not set(waiting) & set(classes):
            self.error(self.tr("{file} defines {defined}, but this model waits for {waiting}.").format(
                file=path.name, defined=", ".join(sorted(classes)), waiting=", ".join(waiting) or self.tr("none")))
            return
        cmd = RecordedEdit(lambda graph: use_custom_classes(graph, classes),
                           text=self.tr("Use your layer classes from {file}").format(file=path.name))
        try:
            reason = self.window.push(cmd)
        except Exception as exc:  # noqa: BLE001 - the edit was rolled back; say why in one sentence
            reason = str(exc) or type(exc).__name__
        if reason:
            self.error(sentence_start(reason))
            return
        self.window.show_message(" ".join(cmd.result or []))
