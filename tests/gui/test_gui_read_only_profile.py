"""The window started on a profile on a disk mounted read-only (a real tmpfs, remounted): one dialog names the
profile's folder, before any of its files (the log, the database) is met, and nothing else opens."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from shell_helpers import when_shown

from personamgr.core.paths import AppPaths
from personamgr.gui.app import ready_or_explain

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def test_the_window_on_a_read_only_disk_names_the_profile_folder(small_fs, qtbot) -> None:  # type: ignore[no-untyped-def]
    """It said 'personamgr cannot write to …/logs/personamgr.log: the disk or partition holding …/logs is mounted
    read-only', the log being the first file it met."""
    paths = AppPaths.resolve(small_fs.root / "profile").ensure()
    small_fs.read_only()
    seen: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    try:
        when_shown(lambda: next((w for w in QApplication.topLevelWidgets()
                                 if isinstance(w, QMessageBox) and w.objectName() == "cannotOpen" and w.isVisible()),
                                None), read_and_close)
        assert not ready_or_explain(paths)
    finally:
        small_fs.read_only(False)
    assert seen == [f"personamgr cannot write in its profile folder {small_fs.root / 'profile'}: the disk or "
                    "partition holding it is mounted read-only. It keeps your personas, posts and settings there, so "
                    "it needs to, even to list personas. Make the folder writable, or use another data folder with "
                    "--data-dir; nothing was changed."], seen
    assert not paths.log_file.exists()
