"""The window started on a profile on a disk mounted read-only (a real tmpfs, remounted): one dialog names the
profile's folder, before any of its files (the log, the database) is met, and nothing else opens. It says once
that nothing was changed, in English and in Spanish."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from shell_helpers import when_shown

from personamgr.core.paths import AppPaths
from personamgr.gui.app import ready_or_explain

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


SAID = {
    "en": ("personamgr cannot write in its profile folder {folder}: the disk or partition holding it is mounted "
           "read-only. It keeps your personas, posts and settings there, so it needs to, even to list personas. Make "
           "the folder writable, or use another data folder with --data-dir; nothing was changed.",
           "personamgr will now close."),
    "es": ("personamgr no puede escribir en la carpeta de su perfil {folder}: el disco o la partición que la contiene "
           "está montado como de solo lectura. Guarda ahí tus personas, publicaciones y ajustes, así que lo necesita, "
           "incluso para listar las personas. Haz que se pueda escribir en la carpeta o usa otra carpeta de datos con "
           "--data-dir; no se cambió nada.",
           "personamgr se cerrará ahora."),
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_window_on_a_read_only_disk_names_the_profile_folder(small_fs, qapp, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    """It said 'personamgr cannot write to …/logs/personamgr.log: the disk or partition holding …/logs is mounted
    read-only', the log being the first file it met; then it said 'nothing was changed.' and, below, 'Nothing was
    changed. personamgr will now close.' (in Spanish 'no se cambió nada.', then 'No se ha cambiado nada. …')."""
    from personamgr.gui import i18n

    paths = AppPaths.resolve(small_fs.root / "profile").ensure()
    small_fs.read_only()
    seen: list[tuple[str, str]] = []

    def read_and_close(box: QMessageBox) -> None:
        seen.append((box.text(), box.informativeText()))
        box.accept()

    try:
        if language != "en":
            assert i18n.install(qapp, language) == language
        when_shown(lambda: next((w for w in QApplication.topLevelWidgets()
                                 if isinstance(w, QMessageBox) and w.objectName() == "cannotOpen" and w.isVisible()),
                                None), read_and_close)
        assert not ready_or_explain(paths)
    finally:
        i18n.uninstall(qapp)
        small_fs.read_only(False)
    text, below = SAID[language]
    assert seen == [(text.format(folder=small_fs.root / "profile"), below)], seen
    assert not paths.log_file.exists()
