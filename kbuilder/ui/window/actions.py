"""The main window's menus, toolbar and shortcuts.  Every action has a
tooltip; the canvas edit actions (cut, copy, paste, delete, ...) are bound
to the canvas so that typing in a text field keeps its own shortcuts."""

from __future__ import annotations

import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QStyle, QToolBar

SK = QKeySequence.StandardKey


class Actions:
    def __init__(self, window) -> None:
        self.w = window
        self.by_name: dict[str, QAction] = {}

    def make(self, name: str, text: str, slot, shortcut=None, tip: str = "", icon=None,
             canvas: bool = False) -> QAction:
        action = QAction(text, self.w)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
        if icon is not None:
            action.setIcon(self.w.style().standardIcon(icon))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        plain = re.sub(r"\(&\w\)", "", text).replace("…", "").replace("&", "").strip()  # "열기(&O)…" too
        action.setIconText(plain)  # a toolbar button shows no mnemonic, "(&O)" included
        action.setToolTip((tip or plain) + (f"  ({keys})" if keys else ""))
        action.setStatusTip(tip)
        action.triggered.connect(lambda checked=False: slot())
        if canvas:  # active while the canvas has the focus
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.w.view.addAction(action)
        else:
            self.w.addAction(action)
        self.by_name[name] = action
        return action

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def update_enabled(self) -> None:
        has_nodes = bool(self.w.scene.selected_node_ids())
        has_any = has_nodes or bool(self.w.scene.selected_edge_ids())
        for name in ("cut", "copy", "duplicate"):
            self.by_name[name].setEnabled(has_nodes)
        self.by_name["delete"].setEnabled(has_any)
        self.by_name["rename"].setEnabled(len(self.w.scene.selected_node_ids()) == 1)

    def rebuild_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.w.files.recent()
        for p in paths:
            act = menu.addAction(Path(p).name, lambda p=p: self.w.files.open_path(p))
            act.setToolTip(p)
            act.setStatusTip(p)
        if paths:
            menu.addSeparator()
            menu.addAction(QCoreApplication.translate("Actions", "Clear the list"), self.w.files.clear_recent)
        else:
            menu.addAction(QCoreApplication.translate("Actions", "No recent files")).setEnabled(False)


def build_actions(w) -> Actions:
    a = Actions(w)
    sp = QStyle.StandardPixmap
    files, view, ed = w.files, w.view, w.scene.editor

    a.make("new", QCoreApplication.translate("actions", "&New"), files.new_project, SK.New,
           QCoreApplication.translate("actions", "Start a new model with one Input layer"), sp.SP_FileIcon)
    a.make("open", QCoreApplication.translate("actions", "&Open…"), files.open_dialog, SK.Open,
           QCoreApplication.translate("actions", "Open a kbuilder project or a Keras model (.kbproj, .json, .h5, .keras, saved_model.pb)"),
           sp.SP_DialogOpenButton)
    a.make("open_folder", QCoreApplication.translate("actions", "Open &Folder…"), files.open_folder_dialog, None,
           QCoreApplication.translate("actions", "Open a TensorFlow SavedModel folder, as model.save(\"my_model\") writes with TensorFlow 2 "
              "and Keras 2"),
           sp.SP_DirOpenIcon)
    a.make("load_custom_code", QCoreApplication.translate("actions", "Load custom &layer code…"), w.custom_code.load_dialog, None,
           QCoreApplication.translate("actions", "Load the Python file that defines your own layer classes, so that their placeholders "
              "become real layers (this runs the code in that file: you are asked first)"))
    a.make("templates", QCoreApplication.translate("actions", "&Templates…"), lambda: _open_templates(w), "Ctrl+Shift+N",
           QCoreApplication.translate("actions", "Start from a ready-made example model"))
    a.make("save", QCoreApplication.translate("actions", "&Save"), files.save, SK.Save, QCoreApplication.translate("actions", "Save the project"),
           sp.SP_DialogSaveButton)
    a.make("save_as", QCoreApplication.translate("actions", "Save &As…"), files.save_as, SK.SaveAs,
           QCoreApplication.translate("actions", "Save the project under a new name"))
    a.make("export_code", QCoreApplication.translate("actions", "Export Python &code…"), w.exporter.export_code, "Ctrl+E",
           QCoreApplication.translate("actions", "Write the model as a Python script that builds it with Keras"))
    a.make("export_model", QCoreApplication.translate("actions", "Export Keras &model…"), w.exporter.export_model, None,
           QCoreApplication.translate("actions", "Build the model and save it as .keras or .h5"))
    a.make("export_notebook", QCoreApplication.translate("actions", "Export &notebook…"), w.exporter.export_notebook, None,
           QCoreApplication.translate("actions", "Write the training as a Jupyter notebook that runs on Colab or Kaggle, top to bottom"))
    a.make("export_diagram", QCoreApplication.translate("actions", "Export &diagram…"), w.exporter.export_diagram, None,
           QCoreApplication.translate("actions", "Save a picture of the canvas (PNG or SVG)"))
    a.make("quit", QCoreApplication.translate("actions", "&Quit"), w.close, SK.Quit, QCoreApplication.translate("actions", "Close kbuilder"))

    # Undo and Redo keep their labels ("Undo", not "Undo Set activation of
    # dense_1"), so the toolbar buttons never move; what they would undo is
    # in the tooltip and the status tip.
    undo = a.make("undo", QCoreApplication.translate("actions", "&Undo"), w.stack.undo, SK.Undo, QCoreApplication.translate("actions", "Undo the last change"),
                  sp.SP_ArrowBack)
    redo = a.make("redo", QCoreApplication.translate("actions", "&Redo"), w.stack.redo, ["Ctrl+Shift+Z", "Ctrl+Y"],
                  QCoreApplication.translate("actions", "Redo the change you undid"), sp.SP_ArrowForward)
    undo.setEnabled(w.stack.canUndo())
    redo.setEnabled(w.stack.canRedo())
    w.stack.canUndoChanged.connect(lambda on: _valid(undo) and undo.setEnabled(on))
    w.stack.canRedoChanged.connect(lambda on: _valid(redo) and redo.setEnabled(on))
    w.stack.undoTextChanged.connect(lambda t: _tip(
        undo, QCoreApplication.translate("actions", "Undo {change}").format(change=t) if t else QCoreApplication.translate("actions", "Undo"), "Ctrl+Z"))
    w.stack.redoTextChanged.connect(lambda t: _tip(
        redo, QCoreApplication.translate("actions", "Redo {change}").format(change=t) if t else QCoreApplication.translate("actions", "Redo"), "Ctrl+Shift+Z"))

    a.make("cut", QCoreApplication.translate("actions", "Cu&t"), ed.cut, SK.Cut, QCoreApplication.translate("actions", "Cut the selected layers"), canvas=True)
    a.make("copy", QCoreApplication.translate("actions", "&Copy"), ed.copy, SK.Copy, QCoreApplication.translate("actions", "Copy the selected layers"), canvas=True)
    a.make("paste", QCoreApplication.translate("actions", "&Paste"), ed.paste, SK.Paste, QCoreApplication.translate("actions", "Paste layers (with fresh names)"),
           canvas=True)
    a.make("duplicate", QCoreApplication.translate("actions", "D&uplicate"), ed.duplicate, "Ctrl+D",
           QCoreApplication.translate("actions", "Copy and paste the selected layers in one go"), canvas=True)
    a.make("delete", QCoreApplication.translate("actions", "&Delete"), ed.delete_selection, [QKeySequence(SK.Delete), "Backspace"],
           QCoreApplication.translate("actions", "Delete the selected layers and connections"), sp.SP_TrashIcon, canvas=True)
    a.make("select_all", QCoreApplication.translate("actions", "Select &all"), ed.select_all, SK.SelectAll,
           QCoreApplication.translate("actions", "Select every layer"), canvas=True)
    a.make("rename", QCoreApplication.translate("actions", "&Rename…"), ed.rename_selected, "F2", QCoreApplication.translate("actions", "Rename the selected layer"),
           canvas=True)
    a.make("find", QCoreApplication.translate("actions", "&Find layer…"), w.find_layer, SK.Find, QCoreApplication.translate("actions", "Search the layer palette"))
    _make_fix_action(a, w)

    a.make("zoom_in", QCoreApplication.translate("actions", "Zoom &in"), view.zoom_in, [SK.ZoomIn, "Ctrl+="],
           QCoreApplication.translate("actions", "Zoom in (or use the mouse wheel)"))
    a.make("zoom_out", QCoreApplication.translate("actions", "Zoom &out"), view.zoom_out, SK.ZoomOut,
           QCoreApplication.translate("actions", "Zoom out (or use the mouse wheel)"))
    a.make("zoom_reset", QCoreApplication.translate("actions", "&Actual size"), view.reset_zoom, "Ctrl+1",
           QCoreApplication.translate("actions", "Show the canvas at 100 %"))
    a.make("fit", QCoreApplication.translate("actions", "&Fit to window"), view.fit, "Ctrl+0",
           QCoreApplication.translate("actions", "Zoom so the whole model fits the window"))
    a.make("layout", QCoreApplication.translate("actions", "Auto &layout"), lambda: ed.auto_layout() and view.request_fit(), "Ctrl+L",
           QCoreApplication.translate("actions", "Arrange the layers top to bottom in the order data flows (undoable)"))

    modes = QActionGroup(w)
    modes.setExclusive(True)
    tips = {"build": QCoreApplication.translate("actions", "Draw the model: the canvas with the layers, Inspector, Issues and Summary"),
            "code": QCoreApplication.translate("actions", "The Python code that builds the model"),
            "training": QCoreApplication.translate("actions", "Train the model and read its results"),
            "experiments": QCoreApplication.translate("actions", "Search for the best values of the settings marked 'try several', "
                                         "and compare runs")}
    titles = (("build", QCoreApplication.translate("actions", "&Build")), ("code", QCoreApplication.translate("actions", "&Code")),
              ("training", QCoreApplication.translate("actions", "&Train")), ("experiments", QCoreApplication.translate("actions", "E&xperiments")))
    for i, (mode, title) in enumerate(titles):
        act = a.make(f"mode_{mode}", title, lambda m=mode: w.set_mode(m), f"Alt+{i + 1}", tips[mode])
        act.setCheckable(True)
        act.setChecked(mode == "build")
        modes.addAction(act)
    a.make("restore_layout", QCoreApplication.translate("actions", "&Restore default layout"), w.restore_default_layout, None,
           QCoreApplication.translate("actions", "Put the panels back where they were at the first start"))

    mb = w.menuBar()
    m = mb.addMenu(QCoreApplication.translate("actions", "&File"))
    m.setToolTipsVisible(True)
    for name in ("new", "open", "open_folder"):
        m.addAction(a[name])
    a.recent_menu = QMenu(QCoreApplication.translate("actions", "Open &recent"), m)
    a.recent_menu.setToolTipsVisible(True)
    m.addMenu(a.recent_menu)
    a.recent_menu.aboutToShow.connect(a.rebuild_recent)
    files.recent_changed.connect(a.rebuild_recent)
    a.rebuild_recent()
    m.addAction(a["templates"])
    m.addSeparator()
    m.addAction(a["load_custom_code"])
    inspector = w.panels.get("inspector")
    if inspector is not None:  # its button on a placeholder of the user's own class
        inspector.custom_code_requested.connect(w.custom_code.load_dialog)
    m.addSeparator()
    m.addAction(a["save"])
    m.addAction(a["save_as"])
    m.addSeparator()
    for name in ("export_code", "export_model", "export_notebook", "export_diagram"):
        m.addAction(a[name])
    m.addSeparator()
    m.addAction(a["quit"])

    m = mb.addMenu(QCoreApplication.translate("actions", "&Edit"))
    m.setToolTipsVisible(True)
    m.addAction(undo)
    m.addAction(redo)
    m.addSeparator()
    for name in ("cut", "copy", "paste", "duplicate", "delete", "rename"):
        m.addAction(a[name])
    m.addSeparator()
    m.addAction(a["select_all"])
    m.addAction(a["find"])
    m.addSeparator()
    m.addAction(a["apply_fix"])

    m = mb.addMenu(QCoreApplication.translate("actions", "&View"))
    m.setToolTipsVisible(True)
    for name in ("mode_build", "mode_code", "mode_training", "mode_experiments"):
        m.addAction(a[name])
    m.addSeparator()
    for name in ("zoom_in", "zoom_out", "zoom_reset", "fit"):
        m.addAction(a[name])
    m.addSeparator()
    m.addAction(a["layout"])
    m.addSeparator()
    for dock in w.docks.values():
        act = dock.toggleViewAction()
        act.setToolTip(QCoreApplication.translate("actions", "Show or hide the {panel} panel").format(panel=dock.windowTitle()))
        m.addAction(act)
    m.addSeparator()
    m.addAction(a["restore_layout"])
    m.addSeparator()
    from kbuilder.ui.window.language_menu import LanguageMenu

    m.addMenu(LanguageMenu(w))

    m = mb.addMenu(QCoreApplication.translate("actions", "&Help"))
    m.addAction(a.make("about", QCoreApplication.translate("actions", "&About kbuilder"), lambda: show_about(w),
                       tip=QCoreApplication.translate("actions", "The version of kbuilder and of the libraries it uses")))
    about_qt = m.addAction(QCoreApplication.translate("actions", "About &Qt"))
    about_qt.setObjectName("action_about_qt")
    about_qt.triggered.connect(QApplication.aboutQt)

    # The modes first, at the left: they never move, whatever the docks do.
    mt = QToolBar(QCoreApplication.translate("actions", "Modes"), w)
    mt.setObjectName("toolbar_modes")
    mt.setMovable(False)
    mt.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    mt.setStyleSheet("QToolButton { padding: 3px 10px; font-weight: bold; } "
                     "QToolButton:checked { background: #dbe8f7; border: 1px solid #8fb2dc; border-radius: 3px; }")
    for name in ("mode_build", "mode_code", "mode_training", "mode_experiments"):
        mt.addAction(a[name])
    w.addToolBar(mt)

    tb = QToolBar(QCoreApplication.translate("actions", "Main"), w)
    tb.setObjectName("toolbar_main")
    tb.setIconSize(QSize(18, 18))
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in ("new", "open", "save"):
        tb.addAction(a[name])
    tb.addSeparator()
    tb.addAction(undo)
    tb.addAction(redo)
    tb.addSeparator()
    for name in ("delete", "layout", "fit"):
        tb.addAction(a[name])
    tb.addSeparator()
    tb.addAction(a["templates"])  # the code is one click away in the Code mode
    w.addToolBar(tb)
    a.update_enabled()
    return a


def _make_fix_action(a: Actions, w) -> None:
    """Edit > Apply the fix (Ctrl+Shift+F): the selected issue's first fix, one undo step."""
    issues = w.panels.get("issues")

    def apply() -> None:
        if issues is not None and not issues.apply_selected_fix():
            w.show_message(QCoreApplication.translate(
                "actions", "No fix to apply: the Issues panel offers one when a problem has a mechanical repair"))

    act = a.make("apply_fix", QCoreApplication.translate("actions", "Apply the suggested fi&x"), apply, "Ctrl+Shift+F",
                 QCoreApplication.translate(
                     "actions", "Apply the first fix of the selected problem in the Issues panel (as one undo step)"))
    act.setEnabled(issues is not None and issues.can_fix())
    if issues is not None:
        issues.fixes_changed.connect(lambda on: _valid(act) and act.setEnabled(on))


def _valid(action: QAction) -> bool:
    return shiboken6.isValid(action)  # the stack may speak while the window is being torn down


def _tip(action: QAction, text: str, keys: str) -> None:
    if _valid(action):
        action.setToolTip(f"{text} ({keys})")
        action.setStatusTip(text)


def _open_templates(w) -> None:
    from kbuilder.ui.window.gallery import TemplatesDialog

    path = TemplatesDialog.choose(w)
    if path is not None:
        w.files.open_template(path)


def _version(distribution: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def show_about(w) -> QMessageBox:
    """Help > About kbuilder: what it is and the versions it runs on (read from the installed packages'
    metadata: nothing is imported, so the window never waits on TensorFlow)."""
    from kbuilder import __version__

    tf = next((v for v in (_version(d) for d in ("tensorflow", "tensorflow-cpu", "tensorflow-macos")) if v != "?"),
              "?")
    text = QCoreApplication.translate(
        "actions",
        "<b>kbuilder {version}</b><br>Build Keras models by drawing them: stack and wire layers, read their shapes, "
        "train with live curves, export the Python code and open the .h5 and .keras files you have.<br><br>"
        "Keras {keras} · TensorFlow {tensorflow} · PySide6 {pyside} · pyqtgraph {pyqtgraph}<br><br>"
        "The README in the kbuilder folder explains every mode and the command line.",
    ).format(version=__version__, keras=_version("keras"), tensorflow=tf, pyside=_version("PySide6"),
             pyqtgraph=_version("pyqtgraph"))
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("actions", "About kbuilder"), text,
                      QMessageBox.StandardButton.Ok, w)
    box.setObjectName("about_box")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
