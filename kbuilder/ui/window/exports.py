"""Export from the main window: the model as Python code (codegen), the
model itself (.keras / .h5, built on a worker thread: it needs TensorFlow),
and the diagram as PNG or SVG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QGraphicsScene, QMessageBox

from kbuilder.ui.background import run_in_background
from kbuilder.ui.editor.node_item import NodeItem


def diagram_rect(scene: QGraphicsScene) -> QRectF:
    rect = QRectF()
    for item in scene.items():
        if isinstance(item, NodeItem):
            rect = rect.united(item.sceneBoundingRect())
    return rect.adjusted(-30, -40, 30, 30)


def render_png(scene: QGraphicsScene, path: str | Path, scale: float = 2.0) -> Path:
    rect = diagram_rect(scene)
    size = QSize(max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    selected = _unselect(scene)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), rect, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    _reselect(selected)
    if not image.save(str(path)):
        raise OSError(QCoreApplication.translate("exports", "could not write {name}").format(name=Path(path).name))
    return Path(path)


def render_svg(scene: QGraphicsScene, path: str | Path, title: str = "model") -> Path:
    from PySide6.QtSvg import QSvgGenerator

    rect = diagram_rect(scene)
    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(QSize(int(rect.width()), int(rect.height())))
    gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    gen.setTitle(title)
    gen.setDescription("Drawn with kbuilder")
    painter = QPainter(gen)
    selected = _unselect(scene)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    _reselect(selected)
    return Path(path)


def _unselect(scene: QGraphicsScene) -> list:
    """Draw the picture as the model looks, not as the view is: nothing
    selected, ports shown even when the view is zoomed far out."""
    items = scene.selectedItems()
    for item in items:
        item.setSelected(False)
    far = getattr(scene, "far", False)
    if far:
        scene.set_far(False)
    background = scene.backgroundBrush()
    scene.setBackgroundBrush(QColor("#ffffff"))
    return [scene, far, items, background]


def _reselect(state: list) -> None:
    scene, far, items, background = state
    scene.setBackgroundBrush(background)
    if far:
        scene.set_far(True)
    for item in items:
        item.setSelected(True)


class Exporter:
    def __init__(self, window) -> None:
        self.window = window
        self._followed = None  # the training panel whose saves the status bar reports

    def _ask(self, title: str, suffix: str, filter_: str) -> str:
        files = self.window.files
        base = files.path.with_suffix(suffix) if files.path else Path(files._folder()) / (files.display_name + suffix)
        path, chosen = QFileDialog.getSaveFileName(self.window, title, str(base), filter_)
        return path

    def export_code(self, path: str | None = None, style: str | None = None) -> bool:
        from kbuilder.keras_io.codegen import ExportError, export_code

        path = path or self._ask(QCoreApplication.translate("Exporter", "Export Python code"), ".py",
                                 QCoreApplication.translate("Exporter", "Python (*.py)"))
        if not path:
            return False
        style = style or self.window.files.settings.get("code_style", "functional")
        try:
            text = export_code(self.window.graph, style)
            Path(path).write_text(text, encoding="utf-8")
        except ExportError as exc:
            QMessageBox.warning(self.window, QCoreApplication.translate("Exporter", "Cannot export the code"), str(exc))
            return False
        except OSError as exc:
            QMessageBox.warning(self.window, QCoreApplication.translate("Exporter", "Cannot export the code"),
                                QCoreApplication.translate("Exporter", "Could not write {name}: {error}").format(
                                    name=Path(path).name, error=exc.strerror))
            return False
        self.window.show_message(QCoreApplication.translate("Exporter", "Wrote {name}").format(name=Path(path).name))
        return True

    def export_model(self, path: str | None = None) -> bool:
        """Save the model as .keras / .h5.  With weights that belong to the
        model on the canvas, the training panel saves it on its thread with
        the data's scaling inside (it takes raw inputs: pictures in 0-255, a
        CSV's own columns); otherwise the graph is built with the weights it
        has, on a pool thread."""
        path = path or self._ask(QCoreApplication.translate("Exporter", "Export the Keras model"), ".keras",
                                 QCoreApplication.translate("Exporter", "Keras model (*.keras);;HDF5 (*.h5)"))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".keras"
        panel = self.window.panels.get("training")
        if panel is not None and panel.save_raw_model(path):
            self._follow(panel)
            self.window.show_message(QCoreApplication.translate("Exporter", "Saving the trained model to {name}…")
                                     .format(name=Path(path).name))
            return True
        snapshot = self.window.graph.copy()
        weights = self.window.files.weights  # the model's weights (its file's or a run's) go into the file

        def work():
            from kbuilder.keras_io import model_file

            # Atomic; placeholders (Lambda, TFOpLambda) are named in one sentence.
            return path, model_file.save_model_file(snapshot, path, weights)

        self.window.show_message(QCoreApplication.translate(
            "Exporter", "Building the model (TensorFlow may take a few seconds to load)…"))
        run_in_background(work, self._model_exported,
                          lambda m: QMessageBox.warning(
                              self.window, QCoreApplication.translate("Exporter", "Cannot export the model"), m))
        return True

    def _follow(self, panel) -> None:
        """Say in the status bar what the training panel saved (once connected)."""
        if self._followed is panel:
            return
        self._followed = panel
        panel.model_saved.connect(self._raw_model_saved)
        panel.model_save_failed.connect(self.window.show_message)

    def _raw_model_saved(self, path: str, raw: bool) -> None:
        name = Path(path).name
        if raw:
            text = QCoreApplication.translate(
                "Exporter", "Saved the trained model to {name}. It takes raw inputs (pictures with their own pixel "
                "values, a CSV's own columns): its data scaling is inside the model.")
        else:
            text = QCoreApplication.translate(
                "Exporter", "Saved the trained model to {name}. It takes its inputs as its Input layer does: choose "
                "the data set it was trained on in Train to put that scaling inside.")
        self.window.show_message(text.format(name=name))

    def _model_exported(self, done) -> None:
        """Say where the model went and, when some of its weights did not fit
        the layers on the canvas (changed since), which layers start fresh."""
        path, notes = done
        self.window.show_message(QCoreApplication.translate("Exporter", "Saved the model to {name}").format(
            name=Path(path).name))
        if notes:
            self.window.notes_bar.show_notes(Path(path).name, list(notes), saved=True)

    def export_notebook(self, path: str | None = None) -> bool:
        """File > Export notebook: the training as a Jupyter notebook (.ipynb), made on a pool
        thread (it loads the data and builds the model, as Train does)."""
        import copy

        path = path or self._ask(QCoreApplication.translate("Exporter", "Export a Jupyter notebook"), ".ipynb",
                                 QCoreApplication.translate("Exporter", "Jupyter notebook (*.ipynb)"))
        if not path:
            return False
        if not path.lower().endswith(".ipynb"):
            path += ".ipynb"
        snapshot, settings = self.window.graph.copy(), copy.deepcopy(self.window.document.settings)

        def work():
            from kbuilder.training.notebook import export_notebook, write_notebook

            return write_notebook(export_notebook(snapshot, settings), path)

        self.window.show_message(QCoreApplication.translate(
            "Exporter", "Writing the notebook (the data is loaded and the model built first)…"))
        run_in_background(work, lambda p: self.window.show_message(
                              QCoreApplication.translate("Exporter", "Wrote {name}").format(name=Path(p).name)),
                          lambda m: QMessageBox.warning(
                              self.window, QCoreApplication.translate("Exporter", "Cannot export the notebook"), m))
        return True

    def export_diagram(self, path: str | None = None) -> bool:
        path = path or self._ask(QCoreApplication.translate("Exporter", "Export the diagram"), ".png",
                                 QCoreApplication.translate("Exporter", "PNG image (*.png);;SVG drawing (*.svg)"))
        if not path:
            return False
        try:
            if path.lower().endswith(".svg"):
                render_svg(self.window.scene, path, self.window.files.display_name)
            else:
                if not path.lower().endswith(".png"):
                    path += ".png"
                render_png(self.window.scene, path)
        except OSError as exc:
            QMessageBox.warning(self.window, QCoreApplication.translate("Exporter", "Cannot export the diagram"),
                                str(exc))
            return False
        self.window.show_message(QCoreApplication.translate("Exporter", "Wrote {name}").format(name=Path(path).name))
        return True
