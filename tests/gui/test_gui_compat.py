"""The guard against PySide6 6.12's stolen references to None/True/False on Python 3.11."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui

# Without the guard this exact script aborts at exit with "Fatal Python error: none_dealloc" (PySide6 6.12, 3.11).
SCRIPT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import personamgr.gui  # applies the guard
from PySide6.QtWidgets import QApplication, QListWidget
app = QApplication([])
lw = QListWidget()
for _ in range(5000):
    QApplication.activeModalWidget()
    lw.currentItem()
print("done")
"""


def test_none_returning_qt_calls_cannot_crash_the_app() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False)
    assert (out.returncode, out.stdout.strip()) == (0, "done"), out.stderr
