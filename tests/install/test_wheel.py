"""The wheel is complete: every file of the package is in it, and the installed command works from anywhere.

The issue this guards against: ``pip install .`` left the guard's tokenizer.json.gz out, and ``post``,
``guard`` and the compose meter all died with a FileNotFoundError, while every test (on the editable
install) passed.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import tomllib
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from pathlib import Path

import pytest
from install_helpers import ROOT, Installed, build_log, checked, source_files
from net_helpers import secret_service_backend
from network_smoke import post_to_each_network

from personamgr import __version__
from personamgr.core.paths import AppPaths
from personamgr.core.secrets import SERVICE
from personamgr.core.store import Store

pytestmark = pytest.mark.slow

PERSONAS = """
[[persona]]
name = "career"
handle = "@career_me"
description = "Careers, job search and the economy for professionals over 40"
topics = ["careers", "job search", "hiring", "economy"]
keywords = ["resume", "interview"]

[[persona]]
name = "metal"
handle = "@metal_me"
description = "Heavy metal, guitars, gigs and albums I love"
topics = ["music", "heavy metal", "concerts", "guitars"]
keywords = ["riff", "setlist"]
"""

ON_CAREER = "Three questions to ask a recruiter before your next job interview"
ON_METAL = "The new album has the heaviest guitar riffs of the year, and the gig tonight was loud"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def wheel_paths() -> dict[str, str]:
    """Each file git holds in a package folder, by its path in the wheel: the package's own files, and the
    folders pyproject's package-dir maps into it (resources/ is personamgr/share/)."""
    mapped = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-dir"]
    folders = {"personamgr/": "personamgr/"} | {f"{src}/": package.replace(".", "/") + "/"
                                                for package, src in mapped.items()}
    return {to + f.removeprefix(src): f for f in source_files() for src, to in folders.items() if f.startswith(src)}


def test_the_wheel_holds_every_file_of_the_package_byte_for_byte(wheel: Path) -> None:
    """By construction (package-data takes every file) and checked here against git's list."""
    package = wheel_paths()
    assert "personamgr/share/applications/io.github.personamgr.desktop" in package
    with zipfile.ZipFile(wheel) as z:
        shipped = {name: _digest(z.read(name)) for name in z.namelist() if name.startswith("personamgr/")}
    missing = [package[f] for f in package if f not in shipped]
    assert not missing, f"the wheel leaves out {missing}"
    differ = [package[f] for f in package if shipped[f] != _digest((ROOT / package[f]).read_bytes())]
    assert not differ, f"the wheel's copies differ from the checkout's: {differ}"
    assert not set(shipped) - set(package), "the wheel holds files git does not"
    assert any(f.endswith(".json.gz") for f in shipped), "the guard's tokenizer is package data"
    assert not [n for n in shipped if n.endswith((".pyc", ".pyo")) or "__pycache__" in n]


def test_building_the_wheel_prints_no_setuptools_warning(wheel: Path) -> None:
    """``pip install .`` (scripts/demo, pipx) showed a new user six screenfuls of "Package 'personamgr.i18n' is
    absent from the `packages` configuration" before the window opened: data folders left out of the list."""
    warnings = [line.strip() for line in build_log(wheel).splitlines()
                if re.search(r"site-packages/setuptools/.*Warning", line)]
    assert not warnings, "\n".join(warnings)


def test_the_installed_app_finds_its_icon_and_desktop_files_in_the_venv(installed: Installed) -> None:
    """Not the checkout's resources/ (an editable install reads those), and the window's icon is the SVG."""
    out = installed.python("\n".join([
        "from PySide6.QtWidgets import QApplication",
        "from personamgr.core.desktop_entry import share_dir",
        "from personamgr.gui.icons import app_icon, app_icon_file",
        "app = QApplication([])",
        "print(share_dir(), app_icon_file().is_file(), app_icon().availableSizes() == [], sep='\\n')",
    ])).stdout
    share, svg_found, scalable = out.splitlines()
    assert Path(share).is_relative_to(installed.venv) and Path(share).name == "share", share
    assert (svg_found, scalable) == ("True", "True"), "the drawn fallback instead of the app's SVG"


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    where = installed.python("import personamgr; print(personamgr.__file__)").stdout.strip()
    assert Path(where).is_relative_to(installed.venv), where
    assert not Path(where).is_relative_to(ROOT)


def test_version(installed: Installed) -> None:
    assert checked(installed.run("--version")).stdout.strip() == f"personamgr {__version__}"


def test_import_then_post_on_the_sandbox(installed: Installed, tmp_path: Path) -> None:
    personas = tmp_path / "personas.toml"
    personas.write_text(PERSONAS, encoding="utf-8")
    data = tmp_path / "data"
    out = checked(installed.run("--data-dir", data, "personas", "import", personas)).stdout
    assert "2 added" in out
    posted = installed.run("--data-dir", data, "post", "--persona", "career", ON_CAREER)
    assert posted.returncode == 0, posted.stderr
    assert posted.stdout.startswith("Sent as career (@career_me): "), posted.stdout
    assert "Traceback" not in posted.stderr


def test_the_guard_answers_with_real_scores(installed: Installed, tmp_path: Path) -> None:
    personas = tmp_path / "personas.toml"
    personas.write_text(PERSONAS, encoding="utf-8")
    lines = [{"id": 1, "persona": "career", "text": ON_CAREER}, {"id": 2, "persona": "career", "text": ON_METAL}]
    proc = checked(installed.run("guard", "--personas", personas, "--jsonl",
                                 stdin="".join(json.dumps(x) + "\n" for x in lines)))
    on, off = (json.loads(line) for line in proc.stdout.splitlines())
    for answer in (on, off):
        assert "error" not in answer, answer
        assert "language" not in answer["reason_kinds"], "the guard could not judge an English post"
        assert isinstance(answer["score"], float) and set(answer["scores"]) == {"career", "metal"}
    assert on["fits"] and on["scores"]["career"] > on["scores"]["metal"]
    assert not off["fits"] and off["suggest"] == "metal" and off["scores"]["metal"] > off["scores"]["career"]


@pytest.fixture
def keyring_cleaned(tmp_path: Path, missing_real_part: Callable[[str], None]) -> Iterator[Path]:
    """A data folder whose personas' credentials are removed from the real Secret Service afterwards."""
    if secret_service_backend() is None:
        missing_real_part("no Secret Service reachable: run inside dbus-run-session with gnome-keyring")
    data = tmp_path / "data"
    yield data
    paths = AppPaths.resolve(data)
    if not paths.database.exists():
        return
    store = Store.open(paths.database)
    ours = {f"persona:{p.uid}" for p in store.personas()}
    store.close()
    import secretstorage

    with closing(secretstorage.dbus_init()) as bus:
        for item in secretstorage.get_default_collection(bus).search_items({"service": SERVICE}):
            if item.get_attributes().get("username") in ours:
                item.delete()


@pytest.mark.e2e
@pytest.mark.secret_service
def test_mastodon_and_bluesky_posts_with_an_image(installed: Installed, keyring_cleaned: Path) -> None:
    """Connect and post on each network's fake server (tests/network_smoke.py), with the installed command."""
    data = keyring_cleaned

    def run(args: Sequence[str], env: Mapping[str, str], stdin: str | None) -> subprocess.CompletedProcess[str]:
        return installed.run("--data-dir", data, *args, stdin=stdin, extra_env=env)

    assert post_to_each_network(run, data.parent / "network-smoke") == []


def test_the_demo_window_comes_up(installed: Installed) -> None:
    proc = installed.run("--demo", extra_env={"PERSONAMGR_EXIT_WHEN_READY": "1"})
    assert proc.returncode == 0, proc.stderr
    assert "ready=1" in proc.stdout, proc.stdout + proc.stderr


def test_the_menu_entry_runs_this_venvs_command(installed: Installed) -> None:
    proc = checked(installed.run("--install-desktop-entry"))
    entry = Path(installed.env["XDG_DATA_HOME"]) / "applications" / "io.github.personamgr.desktop"
    assert proc.stdout.startswith(f"Added personamgr to the application menu: {entry}"), proc.stdout
    assert f"\nExec={installed.command}\n" in entry.read_text(encoding="utf-8")
    icons = Path(installed.env["XDG_DATA_HOME"]) / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "io.github.personamgr.svg").is_file()
    assert (icons / "256x256" / "apps" / "io.github.personamgr.png").is_file()
    checked(installed.run("--uninstall-desktop-entry"))
    assert not entry.exists()
