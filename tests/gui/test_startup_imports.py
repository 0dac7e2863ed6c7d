"""What the window imports before its first frame: none of the heavy libraries that only later work needs.

Start-up time itself is measured by ``bench/startup``; this checks the cause that is easy to lose by
accident, an import chain (a light core module importing a package whose ``__init__`` loads numpy, say).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Loaded after the first frame or on first use: the guard's model (numpy, onnxruntime), the scheduler
# (APScheduler), the networks' SDKs, the insights' charts and the keyring's D-Bus backend.
LATER = ("numpy", "onnxruntime", "apscheduler", "tweepy", "mastodon", "atproto", "pyqtgraph", "secretstorage")
# What run_app imports up to "window shown and tray ready".
FIRST_FRAME = ("personamgr.gui.app", "personamgr.gui.app_instance", "personamgr.gui.i18n", "personamgr.gui.theme",
               "personamgr.gui.icons", "personamgr.core.logs", "personamgr.core.launch", "personamgr.core.demo")


def loaded_by(modules: tuple[str, ...]) -> list[str]:
    code = (f"import importlib, json, sys\nfor m in {list(modules)!r}: importlib.import_module(m)\n"
            f"print(json.dumps(sorted(m for m in {list(LATER)!r} if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return json.loads(out.stdout)


def test_the_first_frame_imports_no_heavy_library() -> None:
    assert loaded_by(FIRST_FRAME) == []


def test_the_check_sees_a_heavy_import() -> None:
    assert loaded_by(("personamgr.core.guard.guard",)) == ["numpy"]
