"""PySide6 6.12.0 aborts Python 3.11 ("bool_dealloc") after ~570 Signal.emit
calls; pyproject excludes it.  This emits 20,000 signals in a child process
so that an abort shows as a failure, not a crashed test run."""

import subprocess
import sys

CODE = r"""
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

class Emitter(QObject):
    changed = Signal(bool, int)

class Receiver(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    @Slot(bool, int)
    def on_changed(self, flag, value):
        self.count += 1

app = QCoreApplication([])
e, r = Emitter(), Receiver()
e.changed.connect(r.on_changed)
for i in range(20000):
    e.changed.emit(i % 2 == 0, i)
print(r.count)
"""


def test_twenty_thousand_signal_emits_do_not_abort():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "20000"
