"""The real app in a real tray: Xvfb, trayer as tray host, and input through the X server (xdotool).

The app is launched exactly as a user launches it (``python -m personamgr
--demo --data-dir DIR``, xcb platform). The test finds the icon trayer
embedded, puts the window in the tray with a real click on it, opens its menu
with a real right-click, chooses the other persona with the keyboard (which
brings the window back up, titled for it), checks the database, posts with the
keyboard as that persona, and quits from the tray menu.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from patient_qtbot import PROCESS_PATIENCE_S

pytestmark = [pytest.mark.tray, pytest.mark.slow]


def query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def app(tray_host: Any, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """The real app on the demo profile in ``tmp_path``; killed if the test did not quit it."""
    env = tray_host.env()
    env["QT_QPA_PLATFORM"] = "xcb"
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no StatusNotifier host here: Qt must use XEmbed with trayer
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # never touch a real keyring
    env.pop("PERSONAMGR_EXIT_WHEN_READY", None)
    env.pop("PERSONAMGR_HOME", None)
    log = (tmp_path / "app.out").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "personamgr", "--demo", "--data-dir", str(tmp_path)],
                            env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        yield proc, tmp_path / "demo"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        log.close()


def app_log(profile: Path) -> str:
    log = profile / "logs" / "personamgr.log"
    return log.read_text() if log.exists() else "(no log)"


def wait_log(profile: Path, pattern: str, proc: subprocess.Popen[str],
             timeout: float = PROCESS_PATIENCE_S) -> re.Match[str]:
    log = profile / "logs" / "personamgr.log"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists():
            m = re.search(pattern, log.read_text())
            if m:
                return m
        assert proc.poll() is None, f"the app exited early ({proc.returncode})"
        time.sleep(0.1)
    raise AssertionError(f"the log never said {pattern!r}:\n{app_log(profile)}")


def test_tray_icon_is_embedded_and_its_menu_switches_the_window(tray_host: Any, app: Any) -> None:
    proc, profile = app
    db = profile / "data" / "personamgr.db"
    ready = wait_log(profile, r"tray available=(\w+), tray visible=(\w+), tray geometry=\S+ (\d+)x(\d+)", proc)
    assert ready.group(1, 2) == ("True", "True"), "Qt did not find trayer's system tray"
    assert int(ready[3]) > 0 and int(ready[4]) > 0

    # The icon is really inside trayer's panel, as an X window of its own.
    panel = next(w for w in tray_host.windows() if w.name == "panel")
    icon = tray_host.wait_for(
        lambda: next((w for w in tray_host.windows() if w.name == "personamgr" and w.width <= 64 and w.height <= 64
                      and panel.x <= w.x < panel.x + panel.width and w.y < panel.y + panel.height), None),
        "the tray icon inside trayer's panel")
    title = tray_host.wait_for(lambda: next((w.name for w in tray_host.windows() if "personamgr" in w.name
                                             and "(@" in w.name), None), "the main window")
    assert title.startswith("career (@career_me)")

    def menu_shown() -> bool:
        return any(w.name == "personamgr" and w.height > 60 and tray_host.viewable(w) for w in tray_host.windows())

    def tray_menu(*keys: str) -> None:
        """Right-click the tray icon for real, wait for the menu, then press ``keys``."""
        for _attempt in range(5):  # a click that lands while the previous menu is still closing is dropped
            tray_host.run("xdotool", "mousemove", str(icon.x + icon.width // 2), str(icon.y + icon.height // 2),
                          "click", "3")
            try:
                tray_host.wait_for(menu_shown, "the tray menu to open", timeout=8)
                break
            except AssertionError:
                continue
        else:
            raise AssertionError("right-clicking the tray icon never opened its menu")
        tray_host.run("xdotool", "key", "--delay", "50", *keys)

    # A click on the icon puts the window in the tray; metal chosen from the menu brings it back up, to write as
    # metal with the keyboard in the box (the switch alone changed the icon and left the window hidden). trayer is
    # no window manager: nothing but the app activates its window, and Ctrl+Return (a window shortcut) works only
    # if it did.
    def window_shown() -> bool:
        return any("(@" in w.name and tray_host.viewable(w) for w in tray_host.windows())

    tray_host.run("xdotool", "mousemove", str(icon.x + icon.width // 2), str(icon.y + icon.height // 2), "click", "1")
    tray_host.wait_for(lambda: not window_shown(), "a click on the icon to put the window in the tray")
    tray_menu("Down", "Down", "Return")  # Menu: career, metal, ─, Compose…, Show window, ─, Quit. Choose metal.
    metal_uid = query(db, "SELECT uid FROM personas WHERE name = 'metal'")[0][0]
    tray_host.wait_for(lambda: query(db, "SELECT value FROM settings WHERE key = 'active_persona'")
                       == [(json.dumps(metal_uid),)], "the active persona to be saved")
    # A keyboard grab does not move the X focus: whatever is typed before the app has closed the menu is sent to the
    # menu and read in its state. Under load 'Dro' of 'Drop C tuning tonight' was lost so ('p C tuning tonight' went
    # out). Type once the menu has gone and the window, titled for metal, has the focus.
    tray_host.wait_for(lambda: not menu_shown() and window_shown() and tray_host.run(
        "xdotool", "getwindowfocus", "getwindowname").startswith("metal (@metal_me)"),
        "the menu to close and the window to come up as metal with the keyboard focus",
        seen=lambda: (menu_shown(), window_shown(), tray_host.run("xdotool", "getwindowfocus", "getwindowname")))
    tray_host.run("xdotool", "type", "--delay", "10", "Drop C tuning tonight")
    tray_host.run("xdotool", "key", "ctrl+Return")
    posts = tray_host.wait_for(
        lambda: query(db, "SELECT p.state, pe.name FROM posts p JOIN personas pe ON pe.id = p.persona_id "
                          "WHERE p.text = 'Drop C tuning tonight' AND p.state = 'sent'"), "the post to be sent",
        seen=lambda: (query(db, "SELECT p.state, p.text FROM posts p ORDER BY p.id DESC LIMIT 3"),
                      app_log(profile)[-2000:]))
    assert posts == [("sent", "metal")]

    # Quit from the tray: the process ends cleanly.
    tray_menu("Up", "Return")
    assert proc.wait(30) == 0
