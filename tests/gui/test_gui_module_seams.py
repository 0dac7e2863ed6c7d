"""A widget one screen shares with another lives in a module of its own, not inside the screen that had it first.

The connection banner (``connect_dialog``) wrapped its sentence with the guard's ``WrappedLabel`` and so imported
the guard's widgets (meter, warning, learn bar, the ask-once dialog) for one label. Read from the source: what a
module imports is what it depends on."""

from __future__ import annotations

import ast
from pathlib import Path

import personamgr.gui

GUI = Path(personamgr.gui.__file__).parent


def imported_names(path: Path) -> set[tuple[str, str]]:
    """Every ``from personamgr.gui.X import Y`` in ``path``, as (X, Y)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {(node.module.rsplit(".", 1)[-1], alias.name) for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("personamgr.gui.")
            for alias in node.names}


def test_the_connection_banner_does_not_import_the_guards_widgets() -> None:
    assert not {m for m, _ in imported_names(GUI / "connect_dialog.py")} & {"guard_widgets", "guard_panel"}


def test_the_wrapped_label_is_imported_from_its_own_module() -> None:
    from personamgr.gui.wrapped_label import WrappedLabel

    assert WrappedLabel.__module__ == "personamgr.gui.wrapped_label"
    users = sorted(p.name for p in GUI.glob("*.py") if any(name == "WrappedLabel" for _, name in imported_names(p)))
    assert users, "someone uses it"
    assert all(("wrapped_label", "WrappedLabel") in imported_names(GUI / u) for u in users)
