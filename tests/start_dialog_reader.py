"""Starts the window as ``personamgr ARGS`` does (the real entry point, offscreen) and prints what the dialog it opens
at start-up says, as one JSON line on stdout, then presses its OK: for a test that runs the window as another user
(setpriv), out of pytest-qt's reach. Run as ``python start_dialog_reader.py ARGS``; exits with the command's code.
A start that shows no dialog within the ceiling prints what it shows instead and exits 3."""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

CEILING_S = 120  # a slow machine's start-up, many times over: only a start that never shows the dialog reaches it


def main(argv: list[str]) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication(["personamgr"])  # the one the command would make: it uses the QApplication there is
    deadline = time.monotonic() + CEILING_S

    def look() -> None:
        box = next((w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is not None:
            print(json.dumps({"name": box.objectName(), "title": box.windowTitle(), "text": box.text(),
                              "below": box.informativeText()}), flush=True)
            box.accept()
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, look)
        else:
            print(json.dumps({"no dialog after s": CEILING_S, "shown": [
                f"{type(w).__name__} {w.objectName()!r}" for w in app.topLevelWidgets() if w.isVisible()]}),
                flush=True)
            os._exit(3)

    QTimer.singleShot(0, look)
    from personamgr.cli.main import main as personamgr

    return personamgr(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
