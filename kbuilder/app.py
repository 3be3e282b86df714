"""Start the kbuilder window: ``kbuilder.app.main(argv) -> int``.

``python main.py [FILE]`` and the ``kbuilder`` command without a
sub-command come here.  The window opens with FILE, else the autosaved work
after a crash (if the user wants it back), else the default template, else
a small built-in example, and it is on screen before TensorFlow is loaded:
the layer catalog comes from its cache and shapes fill in when the analysis
thread has imported Keras.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

_T0 = time.perf_counter()

# The libraries Qt's xcb platform plugin (libqxcb.so, libQt6XcbQpa.so) links to, by
# ctypes.util.find_library name, and the Debian/Ubuntu package that has each.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-util": "libxcb-util1",
    "xcb-image": "libxcb-image0", "xcb-keysyms": "libxcb-keysyms1", "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0", "xcb-shm": "libxcb-shm0", "xcb-sync": "libxcb-sync1",
    "xcb-xfixes": "libxcb-xfixes0", "xcb-render": "libxcb-render0", "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1", "X11-xcb": "libx11-xcb1", "xkbcommon-x11": "libxkbcommon-x11-0",
}
XCB_HINT = "kbuilder needs the system packages {packages} to open a window: sudo apt install {packages}"


def xcb_problem(environ=os.environ, platform: str = sys.platform) -> str | None:
    """The one-line hint when Qt would pick the xcb platform plugin and a
    library it needs (libxcb-cursor since Qt 6.5, libxcb-icccm, ...) is not
    installed; else None."""
    if not platform.startswith("linux"):
        return None
    wanted = environ.get("QT_QPA_PLATFORM", "").strip()
    first = wanted.split(";")[0].split(":")[0].strip().lower()
    if first and first != "xcb":
        return None
    if not first:
        if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE", "").lower() == "wayland":
            return None  # Qt picks its Wayland plugin
        if not environ.get("DISPLAY"):
            return None  # no X server at all: Qt's own message says so
    import ctypes.util

    missing = [package for lib, package in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]
    if missing:
        return XCB_HINT.format(packages=" ".join(missing))
    return None


#: What the app needs at run time: (package to install, the distributions that provide it).
DEPENDENCIES = (
    ("PySide6", ("PySide6", "PySide6-Essentials")),
    ("pyqtgraph", ("pyqtgraph",)),
    ("networkx", ("networkx",)),
    ("h5py", ("h5py",)),
    ("numpy", ("numpy",)),
    ("tensorflow", ("tensorflow", "tensorflow-cpu", "tensorflow-macos", "tf-nightly")),
    ("keras", ("keras",)),
)


def missing_dependency() -> str | None:
    """One sentence naming the first dependency that is not installed, or
    None.  Asked from the installed packages' metadata (nothing is imported),
    so a broken install says what to do instead of failing half-way through
    drawing the window."""
    from importlib import metadata

    for package, distributions in DEPENDENCIES:
        for dist in distributions:
            try:
                metadata.distribution(dist)
                break
            except metadata.PackageNotFoundError:
                continue
        else:
            return (
                f"kbuilder needs the Python package '{package}', which is not installed here: "
                f"run `pip install -e .` in the kbuilder folder (or `pip install {package}`)."
            )
    return None


def _parse(argv: list[str]) -> argparse.Namespace:
    from kbuilder.core.i18n import translate

    parser = argparse.ArgumentParser(prog="kbuilder", description=translate("app", "Build Keras models by drawing them."))
    parser.add_argument("file", nargs="?",
                        help=translate("app", "a .kbproj project or a Keras model (.json, .h5, .keras) to open"))
    parser.add_argument("--no-restore", action="store_true",
                        help=translate("app", "do not offer to restore autosaved work"))
    parser.add_argument("--version", action="version", version=_version())
    return parser.parse_args(argv)


def _version() -> str:
    from kbuilder import __version__

    return f"kbuilder {__version__}"


def example_project():
    """The default template, or a small built-in model when none is installed."""
    from kbuilder.core.graph import Graph
    from kbuilder.core.i18n import QT_TRANSLATE_NOOP
    from kbuilder.project import kbproj
    from kbuilder.project.templates import load_template

    try:
        return load_template()
    except (kbproj.ProjectError, OSError):
        pass
    g = Graph(name="example")
    x = g.add_input((28, 28), name="image", position=(0, 0))
    f = g.add("Flatten", inputs=[x], position=(0, 120))
    d = g.add("Dense", inputs=[f], units=128, activation="relu", position=(0, 240))
    r = g.add("Dropout", inputs=[d], rate=0.2, position=(0, 360))
    g.add("Dense", name="digits", inputs=[r], units=10, activation="softmax", position=(0, 480))
    return kbproj.Project(graph=g, description=QT_TRANSLATE_NOOP("templates", "A small digit classifier: 28×28 image → 10 classes."))


def open_start_project(window) -> None:
    """The model a window starts with: the default template, opened exactly
    as the gallery opens it (same title), else the built-in example."""
    from kbuilder.project.templates import DEFAULT_TEMPLATE, template_path

    path = template_path(DEFAULT_TEMPLATE)
    if path.exists() and window.files.open_template(path, ask=False):
        return
    from PySide6.QtCore import QCoreApplication

    window.files.set_project(example_project(), None, QCoreApplication.translate("FileController", "untitled"))


def create_application(argv0: str = "kbuilder"):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("kbuilder")
        QCoreApplication.setApplicationName("kbuilder")
        app = QApplication([argv0])
        app.setStyle("Fusion")
        from kbuilder.ui.wheel_guard import install

        install(app)
        from kbuilder.language import resources_dir

        icon = resources_dir() / "icons" / "kbuilder.svg"
        if icon.exists():
            from PySide6.QtGui import QIcon

            app.setWindowIcon(QIcon(str(icon)))
    from kbuilder import language

    language.install(app)
    return app


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    hint = missing_dependency()
    if hint:
        print(hint, file=sys.stderr)
        return 1
    from kbuilder import language

    language.install_cli()  # --help in the user's language
    args = _parse(argv)
    hint = xcb_problem()
    if hint:
        print(hint, file=sys.stderr)
        return 1
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    app = create_application(sys.argv[0] if sys.argv else "kbuilder")
    from PySide6.QtCore import QTimer

    font_hint = language.korean_font_problem(language.current())
    if font_hint:
        print(font_hint, file=sys.stderr)

    from kbuilder.ui.window.main_window import MainWindow

    window = MainWindow()
    opened = False
    if args.file:
        opened = window.files.open_path(args.file, ask=False)
    restore = not args.file and not args.no_restore and window.files.recovery_available() is not None
    if not opened:
        open_start_project(window)
    window.show()
    if font_hint:
        window.statusBar().showMessage(font_hint)
    if restore:
        QTimer.singleShot(0, window.files.offer_recovery)
    if os.environ.get("KBUILDER_EXIT_AFTER_PAINT"):
        _exit_after_first_paint(window, app)
    code = app.exec()
    window.shutdown()  # join the worker threads before Python tears Qt down
    return code


def _exit_after_first_paint(window, app) -> None:
    """For benchmarks/bench_startup.py: print the seconds from the start of
    this module to the first paint of the canvas, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watcher(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print(f"first-paint {time.perf_counter() - _T0:.3f}", flush=True)
                obj.removeEventFilter(self)
                window.stack.setClean()
                QTimer.singleShot(0, window.close)
                QTimer.singleShot(0, app.quit)
            return False

    watcher = Watcher(window)
    window.view.viewport().installEventFilter(watcher)
