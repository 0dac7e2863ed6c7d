"""``personamgr/core`` and the CLI stay Qt-free: checked in the source and in a live interpreter."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import personamgr

QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
PACKAGE = Path(personamgr.__file__).parent
CORE = PACKAGE / "core"


def qt_imports(path: Path) -> list[str]:
    """Every import of a Qt binding in ``path``, at any depth (functions included), as 'line: module'."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        mods: list[str] = []
        if isinstance(node, ast.Import):
            mods = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            mods = [node.module]
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")):
            mods = [node.args[0].value]
        found += [f"{node.lineno}: {m}" for m in mods if m.split(".")[0] in QT]
    return found


def test_the_scanner_sees_qt_imports(tmp_path: Path) -> None:
    """Guard the guard: each way of importing Qt is detected."""
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nimport PySide6.QtCore\ndef f():\n    from shiboken6 import isValid\n"
                      "import importlib\nimportlib.import_module('PySide6.QtGui')\n", encoding="utf-8")
    assert qt_imports(sample) == ["2: PySide6.QtCore", "4: shiboken6", "6: PySide6.QtGui"]


def test_no_core_module_imports_qt_in_its_source() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 10
    offenders = {str(f.relative_to(PACKAGE)): hits for f in files if (hits := qt_imports(f))}
    assert offenders == {}, f"personamgr/core must not import Qt: {offenders}"


def test_no_cli_module_imports_qt_in_its_source() -> None:
    """The daemon included: its lock and socket are core's plain OS primitives (the window is gui's business)."""
    files = sorted((PACKAGE / "cli").rglob("*.py"))
    assert len(files) > 5
    offenders = {str(f.relative_to(PACKAGE)): hits for f in files if (hits := qt_imports(f))}
    assert offenders == {}, f"personamgr/cli must not import Qt: {offenders}"


LIVE_CHECK = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys
    import personamgr.core
    from personamgr.cli import main as cli_main

    imported = []
    for info in pkgutil.walk_packages(personamgr.core.__path__, "personamgr.core."):
        importlib.import_module(info.name)
        imported.append(info.name)
    for name in cli_main.SUBCOMMANDS:
        importlib.import_module(f"personamgr.cli.{name}")
        imported.append(f"personamgr.cli.{name}")
    code = cli_main.main(["--data-dir", sys.argv[1], "personas", "list"])
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
    print(json.dumps({"imported": imported, "qt": qt, "code": code}))
    """
)


def test_importing_core_and_running_the_cli_loads_no_qt(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", LIVE_CHECK, str(tmp_path / "profile")],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    assert "personamgr.core.store" in result["imported"]
    assert "personamgr.cli.personas" in result["imported"]
    assert result["qt"] == [], f"Qt was imported by the core or the CLI: {result['qt']}"
