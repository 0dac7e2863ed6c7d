"""The desktop entry, the icons and the AppStream metainfo: valid by the freedesktop tools, current, installable.

``desktop-file-validate`` (desktop-file-utils) and ``appstreamcli`` (appstream) are Debian's; scripts/test
installs them.
"""

from __future__ import annotations

import configparser
import hashlib
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from install_helpers import source_files

from personamgr import __version__
from personamgr.core import desktop_entry
from personamgr.core.autostart import Autostart
from personamgr.core.desktop_entry import APP_ID, DESKTOP_FILE, ICON_SIZES, METAINFO_FILE, SVG_ICON, share_dir

ROOT = Path(__file__).resolve().parents[2]
SHARE = ROOT / "resources"
SCREENSHOTS_URL = "https://raw.githubusercontent.com/personamgr/personamgr/main/"


def tool(name: str, missing_real_part: Callable[[str], None]) -> str:
    path = shutil.which(name)
    if path is None:
        missing_real_part(f"{name} is not installed (scripts/system-packages test installs it)")
    return str(path)


def validate_desktop(path: Path, missing_real_part: Callable[[str], None]) -> None:
    proc = subprocess.run([tool("desktop-file-validate", missing_real_part), str(path)], capture_output=True,
                          text=True, check=False)
    assert (proc.returncode, proc.stdout + proc.stderr) == (0, ""), proc.stdout + proc.stderr


def parse_desktop(path: Path) -> configparser.ConfigParser:
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str  # type: ignore[assignment,method-assign]
    cp.read_string(path.read_text(encoding="utf-8"))
    return cp


def exec_argv(value: str) -> list[str]:
    """An Exec value back into arguments, as the Desktop Entry spec reads it: string-level unescaping, then
    arguments split at spaces, double quotes in which only ``"`$\\`` are escaped, and ``%%`` for ``%``."""
    s = value.replace("\\\\", "\0").replace("\\s", " ").replace("\0", "\\")
    args: list[str] = []
    cur: list[str] = []
    quoted = started = False
    i = 0
    while i < len(s):
        c = s[i]
        if quoted and c == "\\" and i + 1 < len(s) and s[i + 1] in '"`$\\':
            cur.append(s[i + 1])
            i += 1
        elif c == '"':
            quoted, started = not quoted, True
        elif c == " " and not quoted:
            if cur or started:
                args.append("".join(cur))
            cur, started = [], False
        else:
            cur.append(c)
        i += 1
    assert not quoted, f"unterminated quote in {value!r}"
    if cur or started:
        args.append("".join(cur))
    return [a.replace("%%", "%") for a in args]


def png_info(path: Path) -> tuple[int, int, dict[str, str]]:
    """Width, height and text chunks of a PNG, read without Qt."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, texts, size = 8, {}, (0, 0)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\0")
            texts[key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
        pos += 12 + length
    return size[0], size[1], texts


# -- the shipped files -------------------------------------------------------------------------------------------

def test_resources_holds_the_one_copy_of_each_file_and_the_checkout_reads_it() -> None:
    """The top-level resources/ is the source (no copy in the package, no symlink); the editable install that
    the suite and developers use maps no folder without an __init__.py, so share_dir() finds it in place."""
    tracked = source_files()
    shipped = sorted([DESKTOP_FILE, METAINFO_FILE, *desktop_entry.icon_files()])
    assert sorted(f.removeprefix("resources/") for f in tracked if f.startswith("resources/")) == shipped
    elsewhere = [f for f in tracked if not f.startswith("resources/") and f.endswith(tuple(shipped))]
    assert not elsewhere and not [f for f in tracked if f.startswith("personamgr/share/")], elsewhere
    assert not [p for p in SHARE.rglob("*") if p.is_symlink()]
    assert share_dir() == SHARE


def test_the_desktop_entry_is_valid(missing_real_part: Callable[[str], None]) -> None:
    validate_desktop(SHARE / DESKTOP_FILE, missing_real_part)
    entry = parse_desktop(SHARE / DESKTOP_FILE)["Desktop Entry"]
    assert entry["Icon"] == APP_ID and entry["Exec"] == "personamgr"


def test_the_metainfo_is_valid(missing_real_part: Callable[[str], None]) -> None:
    proc = subprocess.run([tool("appstreamcli", missing_real_part), "validate", "--no-net", "--pedantic",
                           str(SHARE / METAINFO_FILE)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    problems = [line for line in proc.stdout.splitlines() if line.startswith(("E:", "W:"))]
    # AppStream 1.0's <developer> is unknown to Debian 12's 0.16 (an info line); <developer_name> is there for it.
    infos = [line for line in proc.stdout.splitlines() if line.startswith("I:") and "unknown-tag developer" not in line]
    assert not problems and not infos, proc.stdout


def test_the_metainfo_has_what_flathub_asks_for() -> None:
    root = ET.parse(SHARE / METAINFO_FILE).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == Path(DESKTOP_FILE).name
    assert root.findtext("provides/binary") == "personamgr"
    assert root.find("developer/name") is not None and root.find("content_rating[@type='oars-1.1']") is not None
    assert root.find("releases/release").get("version") == __version__, "the newest release is this version"
    shots = root.findall("screenshots/screenshot")
    assert len(shots) >= 1 and shots[0].get("type") == "default"
    for shot in shots:
        assert shot.findtext("caption")
        image = shot.find("image")
        url = image.text or ""
        assert url.startswith(SCREENSHOTS_URL), url
        local = ROOT / url.removeprefix(SCREENSHOTS_URL)
        assert local.is_file(), f"{url}: not in the repository (packaging/update-screenshots makes it)"
        width, height, _ = png_info(local)
        assert (image.get("width"), image.get("height")) == (str(width), str(height))


def test_the_png_icons_are_rendered_from_the_current_svg() -> None:
    digest = hashlib.sha256((SHARE / SVG_ICON).read_bytes()).hexdigest()
    for size in ICON_SIZES:
        width, height, texts = png_info(SHARE / desktop_entry.png_icon(size))
        assert (width, height) == (size, size)
        assert texts.get("Source-SHA256") == digest, f"{size}px icon is out of date: run scripts/render_icons"


# -- installing the entry for a pip or pipx install -----------------------------------------------------------------

def test_exec_quoting_survives_spaces_quotes_dollars_backslashes_and_percent(
        tmp_path: Path, missing_real_part: Callable[[str], None]) -> None:
    command = ["/opt/my apps/bin/person\"a$mgr`x\\y", "--data-dir", "/home/me/100% real"]
    desktop_entry.install(tmp_path, command)
    entry = tmp_path / DESKTOP_FILE
    validate_desktop(entry, missing_real_part)
    cp = parse_desktop(entry)
    assert exec_argv(cp["Desktop Entry"]["Exec"]) == command
    assert exec_argv(cp["Desktop Action compose"]["Exec"]) == [*command, "--compose"]
    assert cp["Desktop Entry"]["TryExec"].replace("\\\\", "\\") == command[0]


def _launch_env(home: Path, xdg_data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PERSONAMGR_HOME", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(xdg_data), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return env


@pytest.mark.gui
def test_install_writes_a_valid_entry_that_launches_this_install_and_uninstall_removes_it(
        tmp_path: Path, missing_real_part: Callable[[str], None]) -> None:
    home, xdg_data = tmp_path / "home", tmp_path / "home" / "data"
    home.mkdir()
    (xdg_data / "applications").mkdir(parents=True)
    (xdg_data / "applications" / "other.desktop").write_text("[Desktop Entry]\n", encoding="utf-8")
    env = _launch_env(home, xdg_data)
    proc = subprocess.run([sys.executable, "-m", "personamgr", "--install-desktop-entry"], env=env, cwd=home,
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    entry = xdg_data / DESKTOP_FILE
    assert proc.stdout.startswith(f"Added personamgr to the application menu: {entry}\n")
    validate_desktop(entry, missing_real_part)
    for rel in desktop_entry.icon_files():
        assert (xdg_data / rel).read_bytes() == (SHARE / rel).read_bytes()

    # The entry runs this installation's own command, by its absolute path, and the window comes up.
    argv = exec_argv(parse_desktop(entry)["Desktop Entry"]["Exec"])
    assert argv == [str(Path(sys.executable).parent / "personamgr")]
    launched = subprocess.run(argv, env={**env, "PERSONAMGR_HOME": str(tmp_path / "profile"),
                                         "PERSONAMGR_EXIT_WHEN_READY": "1"},
                              cwd=home, capture_output=True, text=True, timeout=120, check=False)
    assert launched.returncode == 0 and "ready=1" in launched.stdout, launched.stdout + launched.stderr

    proc = subprocess.run([sys.executable, "-m", "personamgr", "--uninstall-desktop-entry"], env=env, cwd=home,
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert f"({len(desktop_entry.icon_files()) + 1} files under {xdg_data})" in proc.stdout
    left = {str(p.relative_to(xdg_data)) for p in xdg_data.rglob("*") if p.is_file()}
    assert "applications/other.desktop" in left and not [p for p in left if APP_ID in p], left
    again = subprocess.run([sys.executable, "-m", "personamgr", "--uninstall-desktop-entry"], env=env, cwd=home,
                           capture_output=True, text=True, timeout=60, check=False)
    assert again.returncode == 0 and "nothing to remove" in again.stdout


def test_an_existing_icon_cache_is_refreshed(tmp_path: Path, missing_real_part: Callable[[str], None]) -> None:
    """Only a cache that exists is rebuilt: one made from nothing would hide other apps' later icons."""
    cache_tool = tool("gtk-update-icon-cache", missing_real_part)
    hicolor = tmp_path / "icons" / "hicolor"
    (hicolor / "48x48" / "apps").mkdir(parents=True)
    (hicolor / "48x48" / "apps" / "other.png").write_bytes((SHARE / desktop_entry.png_icon(48)).read_bytes())
    desktop_entry.install(tmp_path, ["/usr/bin/personamgr"])
    assert not (hicolor / "icon-theme.cache").exists()
    desktop_entry.uninstall(tmp_path)
    subprocess.run([cache_tool, "-q", "-t", "-f", str(hicolor)], check=True)
    assert APP_ID.encode() not in (hicolor / "icon-theme.cache").read_bytes()
    desktop_entry.install(tmp_path, ["/usr/bin/personamgr"])
    assert APP_ID.encode() in (hicolor / "icon-theme.cache").read_bytes()
    desktop_entry.uninstall(tmp_path)
    assert APP_ID.encode() not in (hicolor / "icon-theme.cache").read_bytes()
    assert b"other" in (hicolor / "icon-theme.cache").read_bytes()


def test_install_refuses_when_a_shipped_file_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    share = tmp_path / "share"
    shutil.copytree(SHARE, share)
    (share / desktop_entry.png_icon(48)).unlink()
    monkeypatch.setattr(desktop_entry, "share_dir", lambda: share)
    with pytest.raises(desktop_entry.IncompleteInstall, match=r"48x48/apps/io\.github\.personamgr\.png is missing "
                                                              r"from this installation; reinstall personamgr"):
        desktop_entry.install(tmp_path / "data", ["/usr/bin/personamgr"])
    assert not (tmp_path / "data").exists(), "nothing is written from an incomplete install"


def test_xdg_data_home_follows_the_base_directory_spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop_entry.data_home({"XDG_DATA_HOME": "/x/data"}) == Path("/x/data")
    for unusable in ("", "relative/data"):
        assert desktop_entry.data_home({"XDG_DATA_HOME": unusable}) == tmp_path / ".local" / "share"
    assert desktop_entry.data_home({}) == tmp_path / ".local" / "share"



def test_uninstalling_the_menu_entry_also_removes_start_at_login(tmp_path: Path) -> None:
    """A user who had "Start at login" on ran ``--uninstall-desktop-entry`` then ``pipx uninstall``, as the README
    says to remove everything: the autostart entry stayed behind, and every login ran a command that was gone."""
    home, xdg_data, xdg_config = tmp_path / "home", tmp_path / "home" / "data", tmp_path / "home" / "config"
    home.mkdir()
    env = {**_launch_env(home, xdg_data), "XDG_CONFIG_HOME": str(xdg_config)}
    login = Autostart(platform="linux", home=home, config_home=xdg_config)
    assert login.path is not None

    def personamgr(*args: str) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([sys.executable, "-m", "personamgr", *args], env=env, cwd=home, capture_output=True,
                              text=True, timeout=60, check=False)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
        return proc

    personamgr("--install-desktop-entry")
    login.enable()
    out = personamgr("--uninstall-desktop-entry").stdout
    assert not login.path.exists(), out
    assert f"Removed personamgr's start at login: {login.path}" in out, out
    login.enable()  # with no menu entry left, start at login still goes
    out = personamgr("--uninstall-desktop-entry").stdout
    assert not login.path.exists() and f"Removed personamgr's start at login: {login.path}" in out, out
    assert "start at login" not in personamgr("--uninstall-desktop-entry").stdout


@pytest.mark.parametrize("earlier", [False, True], ids=["first install", "over an earlier one"])
def test_install_on_a_full_disk_writes_all_or_nothing_and_says_why(tmp_path: Path, small_fs,  # type: ignore[no-untyped-def]
                                                                     earlier: bool) -> None:
    """``--install-desktop-entry`` with room for the entry but not for the icons wrote the entry, which then pointed
    at icons that were never written, and said "cannot write the menu entry: …512x512…png.tmp: No space left on
    device". Nothing is added unless all of it fits (an earlier install stays whole), and it says so in words."""
    home, xdg_data = tmp_path / "home", small_fs.root / "data"
    home.mkdir()
    if earlier:
        desktop_entry.install(xdg_data, ["/usr/bin/personamgr-old"])
    before = {p: p.read_bytes() for p in xdg_data.rglob("*") if p.is_file()}
    small_fs.fill(leave=16 * 1024)
    try:
        proc = subprocess.run([sys.executable, "-m", "personamgr", "--install-desktop-entry"], cwd=home,
                              env=_launch_env(home, xdg_data), capture_output=True, text=True, timeout=60, check=False)
    finally:
        small_fs.free()
    assert proc.returncode == 1 and proc.stdout == "", proc.stdout
    assert proc.stderr == (f"personamgr: error: personamgr was not added to the application menu: the disk holding "
                           f"{xdg_data} is full. Free some space on it and try again. Nothing was written.\n"), \
        proc.stderr
    assert {p: p.read_bytes() for p in xdg_data.rglob("*") if p.is_file()} == before
