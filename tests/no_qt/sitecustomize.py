"""Make Qt unimportable in this interpreter (put this folder on PYTHONPATH), and note every attempt.

Used by tests/cli/test_cli_without_qt.py: the CLI and the daemon must run with PySide6 absent, as on a
server where only the command line is installed. Attempts are appended to $PERSONAMGR_QT_ATTEMPTS.
"""

from __future__ import annotations

import os
import sys
from importlib.abc import MetaPathFinder

BLOCKED = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


class NoQt(MetaPathFinder):
    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if fullname.split(".", maxsplit=1)[0] in BLOCKED:
            log = os.environ.get("PERSONAMGR_QT_ATTEMPTS")
            if log:
                with open(log, "a", encoding="utf-8") as f:
                    f.write(fullname + "\n")
            raise ModuleNotFoundError(f"No module named {fullname!r} (Qt is blocked for this test)", name=fullname)


sys.meta_path.insert(0, NoQt())
