"""The Flatpak manifest asks for least privilege, and its Python modules are complete and pinned.

Flathub's runtimes cannot be reached from here, so the manifest is never built in this suite: it is read.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from personamgr.core.desktop_entry import APP_ID, DESKTOP_FILE, ICON_SIZES, METAINFO_FILE, icon_files

ROOT = Path(__file__).resolve().parents[2]
FLATPAK = ROOT / "packaging" / "flatpak"
MANIFEST = FLATPAK / f"{APP_ID}.yml"
PROVIDED_BY_BASE = {"pyside6-essentials"}  # io.qt.PySide.BaseApp

# Exactly these: the network; the display (Wayland, X11 as fallback with its shared memory, GPU); the
# keyring; the tray (the watcher, and the item name Qt takes as PID 2 in the sandbox); notifications.
EXPECTED_PERMISSIONS = {
    "--share=network",
    "--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
    "--talk-name=org.freedesktop.secrets",
    "--talk-name=org.kde.StatusNotifierWatcher", "--own-name=org.kde.StatusNotifierItem-2-1",
    "--talk-name=org.freedesktop.Notifications",
}


def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def generated() -> dict:
    return yaml.safe_load((FLATPAK / "python3-modules.yml").read_text(encoding="utf-8"))


def test_the_permissions_are_exactly_the_least_ones() -> None:
    m = manifest()
    args = m["finish-args"]
    assert len(args) == len(set(args))
    assert set(args) == EXPECTED_PERMISSIONS
    assert not [a for a in args if a.startswith(("--filesystem", "--socket=session-bus", "--socket=system-bus",
                                                 "--device=all", "--talk-name=org.freedesktop.Flatpak"))]


def test_the_app_is_named_and_started_as_the_desktop_files_say() -> None:
    m = manifest()
    assert m["id"] == APP_ID and m["command"] == "personamgr"
    assert Path(DESKTOP_FILE).name == f"{APP_ID}.desktop" and Path(METAINFO_FILE).name == f"{APP_ID}.metainfo.xml"
    app = m["modules"][-1]
    assert app["name"] == "personamgr"
    assert "cp -a resources/. ${FLATPAK_DEST}/share/" in app["build-commands"]
    copied = {str(p.relative_to(ROOT / "resources")) for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert copied == {DESKTOP_FILE, METAINFO_FILE, *icon_files()}, "exactly the desktop files, laid out as share/"
    assert {f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICON_SIZES} <= copied
    assert any("--no-deps" in c and "--no-index" in c for c in app["build-commands"]), "the sandbox has no network"


def test_python_modules_are_generated_files_pinned_by_url_and_sha256() -> None:
    assert "python3-modules.yml" in manifest()["modules"]
    mods = generated()["modules"]
    assert mods
    for mod in mods:
        (command,) = mod["build-commands"]
        assert command.startswith("pip3 install --verbose --exists-action=i --no-index"), command
        assert "--prefix=${FLATPAK_DEST}" in command, command
        for src in mod["sources"]:
            assert src["type"] == "file" and src["url"].startswith("https://files.pythonhosted.org/packages/")
            assert re.fullmatch(r"[0-9a-f]{64}", src["sha256"])
        arches = [a for src in mod["sources"] for a in src.get("only-arches", ["x86_64", "aarch64"])]
        assert sorted(arches) == ["aarch64", "x86_64"], f"{mod['name']}: one file per architecture"


def _wheel_version(url: str) -> tuple[str, Version]:
    name, version = Path(url).name.split("-")[:2]
    return canonicalize_name(name), Version(version)


def test_every_runtime_dependency_has_a_module_that_satisfies_pyproject() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    shipped = dict(_wheel_version(src["url"]) for mod in generated()["modules"] for src in mod["sources"])
    for dep in map(Requirement, deps):
        name = canonicalize_name(dep.name)
        if name in PROVIDED_BY_BASE or (dep.marker and not dep.marker.evaluate({"sys_platform": "linux"})):
            continue
        assert name in shipped, f"{dep}: no module in python3-modules.yml (run generate-python-modules)"
        assert dep.specifier.contains(shipped[name], prereleases=True), f"{dep}: the module has {shipped[name]}"
    assert {"setuptools", "wheel"} <= set(shipped), "building personamgr without build isolation needs them"


# The Flatpak runtime's Python, for the environment markers of the dependencies' own requirements.
FLATPAK_PYTHON = {"python_version": "3.12", "python_full_version": "3.12.0", "sys_platform": "linux",
                  "platform_system": "Linux", "os_name": "posix", "implementation_name": "cpython",
                  "platform_python_implementation": "CPython", "extra": ""}


def _needs(requirement: Requirement) -> bool:
    """Whether the app needs ``requirement`` in the Flatpak, on either architecture; extras are never asked for."""
    return requirement.marker is None or any(
        requirement.marker.evaluate({**FLATPAK_PYTHON, "platform_machine": arch}) for arch in ("x86_64", "aarch64"))


def test_every_package_the_runtime_dependencies_pull_in_has_a_module() -> None:
    """The whole closure, not only pyproject's list: Mastodon.py brings requests and python-dateutil, atproto
    brings libipld, pydantic, httpx and cryptography; a module missing among them breaks the app in the sandbox.
    The closure is read from the installed distributions' metadata (this environment installs them all)."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    shipped = {_wheel_version(src["url"])[0] for mod in generated()["modules"] for src in mod["sources"]}
    todo = [r for r in map(Requirement, deps) if _needs(r)]
    seen: dict[str, str] = {}  # package -> what pulled it in
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        if name in seen or name in PROVIDED_BY_BASE:
            continue
        seen[name] = str(req)
        try:
            requires = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            continue  # not installed here, so its own requirements are unknown; its module is still checked
        todo += [r for r in map(Requirement, requires) if _needs(r)]
    missing = sorted(set(seen) - shipped)
    assert not missing, f"no module in python3-modules.yml for {missing} (run generate-python-modules)"
    assert {"mastodon-py", "atproto", "libipld", "cryptography", "requests", "httpx", "pydantic"} <= set(seen)
