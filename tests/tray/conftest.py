"""A real X server (Xvfb) with a real tray host (trayer), started per test and always cleaned up.

Missing tools skip the tests locally and fail them when
PERSONAMGR_REQUIRE_REAL_PARTS=1 (the test command in CI sets it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from patient_qtbot import PROCESS_PATIENCE_S

TOOLS = ("Xvfb", "trayer", "xdotool", "xwininfo")
START_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class XWindow:
    wid: str
    name: str
    width: int
    height: int
    x: int  # absolute position on the screen
    y: int


_TREE_LINE = re.compile(
    r'^\s*(0x[0-9a-f]+) (?:"(.*)"|\(has no name\)): \(.*?\)\s+(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)'
)


@dataclass
class Display:
    name: str  # ":93"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["DISPLAY"] = self.name
        return env

    def run(self, *args: str) -> str:
        return subprocess.run(args, env=self.env(), capture_output=True, text=True, timeout=20, check=False).stdout

    def windows(self) -> list[XWindow]:
        out = []
        for line in self.run("xwininfo", "-root", "-tree").splitlines():
            m = _TREE_LINE.match(line)
            if m:
                out.append(XWindow(m[1], m[2] or "", int(m[3]), int(m[4]), int(m[5]), int(m[6])))
        return out

    def viewable(self, window: XWindow) -> bool:
        """Mapped and on screen (popup menus are kept and re-mapped, so existing is not enough)."""
        return "Map State: IsViewable" in self.run("xwininfo", "-id", window.wid)

    def wait_for(self, predicate: Callable[[], object], what: str, timeout: float = PROCESS_PATIENCE_S,
                 seen: Callable[[], object] | None = None) -> object:
        """Poll ``predicate`` until it is true; on giving up, say what was awaited and what ``seen`` shows."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out after {timeout:g} s waiting for {what}"
                             + (f"; seen: {seen()}" if seen is not None else ""))


def _free_display() -> int:
    for n in range(90, 400):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            return n
    raise RuntimeError("no free X display number between :90 and :399")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture
def xdisplay(missing_real_part: Callable[[str], None]) -> Iterator[Display]:
    """A fresh Xvfb on a free display number."""
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        missing_real_part(f"the real tray test needs {', '.join(missing)} (apt-get install xvfb trayer xdotool "
                          "x11-utils)")
    proc = None
    for _attempt in range(5):  # another engineer may grab the same number at the same moment
        n = _free_display()
        proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT_S
        display = Display(f":{n}")
        # The socket appears before the server accepts clients: wait until a client really gets an answer.
        while time.monotonic() < deadline and proc.poll() is None and "root window" not in display.run(
                "xwininfo", "-root"):
            time.sleep(0.05)
        if proc.poll() is None:
            break
        _stop(proc)
        proc = None
    if proc is None:
        missing_real_part("Xvfb did not start")
    try:
        yield display
    finally:
        _stop(proc)  # type: ignore[arg-type]


@pytest.fixture
def tray_host(xdisplay: Display) -> Iterator[Display]:
    """trayer docked at the top right of the screen, hosting XEmbed tray icons."""
    proc = subprocess.Popen(
        ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32",
         "--SetDockType", "true", "--expand", "true"],
        env=xdisplay.env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        def up() -> bool:
            assert proc.poll() is None, f"trayer exited: {proc.stderr.read().decode(errors='replace')}"  # type: ignore[union-attr]
            return any(w.name == "panel" for w in xdisplay.windows())

        xdisplay.wait_for(up, "trayer's panel")
        yield xdisplay
    finally:
        _stop(proc)
        proc.stderr.close()  # type: ignore[union-attr]
