"""The settings dialog is the registry; each setting takes effect when saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QSpinBox

from personamgr.core.autostart import Autostart
from personamgr.core.services import Services
from personamgr.core.settings import REGISTRY
from personamgr.gui import theme
from personamgr.gui.app import Shell

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


@pytest.fixture(autouse=True)
def _light_again(qapp: QApplication) -> None:
    yield
    theme.apply(qapp, "light")  # the next test starts from the platform's own look


def test_one_editor_per_setting_with_its_help(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    dialog = shell.preferences.open_dialog()
    assert set(dialog.editors) == {s.key for s in REGISTRY}
    for s in REGISTRY:
        editor = dialog.editors[s.key]
        kind = QCheckBox if s.kind is bool else QComboBox if s.choices else QSpinBox
        assert isinstance(editor, kind), s.key
        assert editor.accessibleName() and editor.accessibleDescription() == s.help
        assert dialog.value(s.key) == s.default
    dialog.reject()


def test_dark_theme_applies_at_once_and_is_stored(demo: Services, make_shell: Callable[..., Shell],
                                                 profile_paths) -> None:
    shell = make_shell(demo)
    dialog = shell.preferences.open_dialog()
    dialog.set_value("theme", "dark")
    dialog.accept()
    QApplication.processEvents()
    app = QApplication.instance()
    assert theme.is_dark(app.palette())
    assert theme.current_mode() == "dark"
    assert "theme = \"dark\"" in profile_paths.settings.read_text(encoding="utf-8")
    # The compose box's colours come from the palette: dark text field, light text.
    editor = shell.window.compose.editor
    assert editor.palette().color(editor.backgroundRole()).lightness() < 100


def test_start_at_login_writes_the_desktop_s_autostart_entry(demo: Services, make_shell: Callable[..., Shell],
                                                             tmp_path: Path) -> None:
    shell = make_shell(demo, demo=False)  # the user's own profile (the demo never starts at login)
    autostart = Autostart(platform="linux", home=tmp_path, config_home=tmp_path / "config")
    shell.preferences.autostart = autostart
    shell.preferences.profile_args = ["--data-dir", "/srv/me"]
    dialog = shell.preferences.open_dialog()
    assert dialog.value("start_at_login") is False
    dialog.set_value("start_at_login", True)
    dialog.accept()
    QApplication.processEvents()
    entry = (tmp_path / "config" / "autostart" / "io.github.personamgr.desktop").read_text(encoding="utf-8")
    assert "--data-dir /srv/me --background" in entry
    assert autostart.is_enabled()
    # The user turns it off in their session settings: the dialog shows what the desktop will do.
    path = autostart.path
    path.write_text(entry.replace("X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false"),
                    encoding="utf-8")
    dialog = shell.preferences.open_dialog()
    assert dialog.value("start_at_login") is False
    dialog.accept()
    QApplication.processEvents()
    assert not path.exists()


def test_start_at_login_is_not_offered_in_the_demo(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)  # make_shell builds the demo window
    dialog = shell.preferences.open_dialog()
    assert not dialog.editors["start_at_login"].isEnabled()
    dialog.reject()


def test_close_to_tray_off_makes_closing_quit(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo, tray_available=True)
    assert shell.window.close_to_tray is True
    demo.settings.set("close_to_tray", False)
    QApplication.processEvents()
    assert shell.window.close_to_tray is False


def test_notifications_follow_the_setting(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo, tray_available=True)
    if not shell.tray.icon.isVisible():
        pytest.skip("no tray icon on this platform")
    assert shell.notify("Sent", "as career")
    demo.settings.set("notifications", "problems")
    assert not shell.notify("Sent", "as career")
    assert shell.notify("Failed", "career", problem=True)
    demo.settings.set("notifications", "off")
    assert not shell.notify("Failed", "career", problem=True)


def test_restore_defaults_and_cancel_change_nothing(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    demo.settings.update({"send_delay": 12, "language": "es"})
    dialog = shell.preferences.open_dialog()
    dialog.restore_defaults()
    assert dialog.value("send_delay") == 5
    dialog.reject()
    assert demo.settings.get("send_delay") == 12
    dialog = shell.preferences.open_dialog()
    dialog.restore_defaults()
    dialog.accept()
    assert demo.settings.get("send_delay") == 5 and demo.settings.get("language") == "system"


def test_export_and_import_everything_from_the_dialog(demo: Services, make_shell: Callable[..., Shell],
                                                      tmp_path: Path, idle) -> None:
    shell = make_shell(demo)
    demo.outbox.create(demo.store.persona("metal").uid, "Draft: which pedal first?")
    messages: list[str] = []
    shell.preferences.message.connect(messages.append)
    path = tmp_path / "all.toml"
    shell.preferences.export_to(path)
    idle(shell)
    assert path.exists() and "Credentials are never exported" in messages[-1]
    shell.preferences.import_from(path)
    idle(shell)
    assert "already here" in messages[-1]
    (tmp_path / "bad.toml").write_text("nope = [", encoding="utf-8")
    shell.preferences.import_from(tmp_path / "bad.toml")
    idle(shell)
    box = shell.preferences.box
    assert box is not None and "not valid TOML" in box.text() and box.informativeText() == "Nothing was imported."
    box.close()


def test_a_folder_in_place_of_the_settings_file_is_said_in_words_and_saving_writes_the_file(
        profile_paths: Path, clock, fail_secrets, make_shell: Callable[..., Shell]) -> None:
    """The notice said "[Errno 21] Is a directory: '…/settings.toml'"."""
    from personamgr.core.services import open_services

    profile_paths.settings.mkdir()
    services = open_services(profile_paths, secrets=fail_secrets, clock=clock)
    try:
        shell = make_shell(services)
        notice = shell.window.settings_notice
        assert notice.isVisible()
        assert notice.details.text() == ("• it is a folder, not a file. The defaults are used until you save the "
                                         "settings.")
        services.settings.set("send_delay", 7)
        QApplication.processEvents()
        assert not notice.isVisible()
        assert profile_paths.settings.is_file()  # the folder was moved aside, with what it held
        assert profile_paths.settings.with_suffix(".toml.broken").is_dir()
    finally:
        services.close()


@pytest.mark.parametrize(("text", "named"), [
    ('theme = "purple"\nsend_delay = 99\nlanguage = 3\n',
     ["theme is one of system, light, dark, not 'purple'; the default ('system') is used",
      "send_delay is between 0 and 30, not 99; the default (5) is used"]),
    ('theme = "purple"\n[[[\n', ["line 2 is not valid TOML (Invalid initial character",
                                 "The defaults are used until you save the settings."]),
], ids=["bad values", "not TOML"])
def test_a_damaged_settings_file_is_named_in_the_window_until_saved(
        profile_paths: Path, clock, fail_secrets, make_shell: Callable[..., Shell], *, text: str,
        named: list[str]) -> None:
    """QA #10: the README promises the window says why; the problems only reached the log."""
    from personamgr.core.services import open_services

    profile_paths.settings.write_text(text, encoding="utf-8")
    services = open_services(profile_paths, secrets=fail_secrets, clock=clock)
    try:
        shell = make_shell(services)
        notice = shell.window.settings_notice
        assert notice.isVisible()
        assert str(profile_paths.settings) in notice.text.text()
        for words in named:
            assert words in notice.details.text()
        notice.open_button.click()
        dialog = shell.preferences.dialog
        assert dialog is not None and dialog.isVisible()
        dialog.reject()
        services.settings.set("send_delay", 7)  # saving writes a good file: nothing left to say
        QApplication.processEvents()
        assert not notice.isVisible()
    finally:
        services.close()


def test_no_notice_for_good_settings(demo: Services, make_shell: Callable[..., Shell]) -> None:
    assert not make_shell(demo).window.settings_notice.isVisible()


def test_settings_on_a_full_disk_say_so_and_are_saved_once_space_is_freed(
        demo: Services, make_shell: Callable[..., Shell], small_fs) -> None:  # type: ignore[no-untyped-def]
    """OK on a full disk said "Not saved: [Errno 28] No space left on device: '.../settings.toml.tmp'" but kept the
    new values in memory, so OK again once space was freed found nothing changed, wrote nothing and closed: the
    settings were gone at the next start. They are said in words, applied only once saved, and saved then."""
    shell = make_shell(demo)
    path = small_fs.root / "config" / "settings.toml"
    path.parent.mkdir()
    demo.settings.path = path
    small_fs.fill()
    dialog = shell.preferences.open_dialog()
    dialog.set_value("send_delay", 12)
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text().startswith(f"Not saved: the disk holding {path.parent} is full"), dialog.error.text()
    assert "Errno" not in dialog.error.text()
    assert demo.settings.get("send_delay") == 5
    page = dialog.tabs.currentWidget()
    cut = [label.text()[:30] for label in page.findChildren(QLabel) if label.isVisible() and label.wordWrap()
           and label.height() < label.heightForWidth(label.width())]
    assert not cut, f"the message under the tabs squeezed these help texts: {cut}"
    small_fs.free()
    dialog.accept()
    assert not dialog.isVisible()
    assert demo.settings.get("send_delay") == 12
    assert "send_delay = 12" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.toml"]


def test_import_everything_on_a_full_disk_says_what_landed_and_ends_once_space_is_freed(
        tmp_path: Path, clock, fail_secrets, make_shell: Callable[..., Shell], *,  # type: ignore[no-untyped-def]
        idle, small_fs) -> None:
    """File ▸ Settings ▸ Import everything, with the profile on a disk that filled up part-way: the database's
    "(sqlite3.OperationalError) database or disk is full" reached the window as a bug, with its traceback, while
    the personas and the first posts had been imported. It says what is in and what is not, in words, and the
    same file imported again once space is freed brings the rest, adding nothing twice."""
    import os
    import shutil

    from personamgr.core.archive import EXPORTED_STATES, export_archive
    from personamgr.core.demo import seed_demo
    from personamgr.core.paths import AppPaths
    from personamgr.core.services import open_services

    source = open_services(AppPaths.resolve(tmp_path / "source"), secrets=fail_secrets, clock=clock)
    try:
        seed_demo(source)
        career = source.store.persona("career").uid
        for i in range(120):
            source.outbox.create(career, f"Draft {i}: " + os.urandom(1500).hex())
        archive = tmp_path / "all.toml"
        export_archive(source, archive)
        wanted = len(source.outbox.in_states(EXPORTED_STATES))
    finally:
        source.close()
    target = open_services(AppPaths.resolve(small_fs.root / "profile"), secrets=fail_secrets, clock=clock)
    try:
        shell = make_shell(target)
        small_fs.fill(leave=96 * 1024)
        shell.preferences.import_from(archive)
        idle(shell)
        box = shell.preferences.box
        assert box is not None, "the fault reached the window as a bug"
        text = f"{box.text()}\n{box.informativeText()}"
        assert "Traceback" not in text and "sqlite3" not in text and "OperationalError" not in text, text
        landed = len(target.outbox.in_states(EXPORTED_STATES))
        assert 0 < landed < wanted
        assert box.text().startswith(f"The disk holding {small_fs.root / 'profile' / 'data'} is full"), text
        assert box.informativeText() == (f"Imported so far: 2 personas, {landed} drafts and scheduled posts, 0 "
                                         f"settings. Import {archive.name} again once that is fixed: what is "
                                         "already here is not added twice."), text
        box.close()
        assert shutil.disk_usage(small_fs.root).free < 200 * 1024
        small_fs.free()
        shell.preferences.import_from(archive)
        idle(shell)
        assert len(target.outbox.in_states(EXPORTED_STATES)) == wanted
    finally:
        target.close()


def test_export_everything_to_a_full_disk_says_so_in_the_window_language_and_leaves_no_file(
        demo: Services, make_shell: Callable[..., Shell], qapp: QApplication, idle,  # type: ignore[no-untyped-def]
        small_fs) -> None:
    """Export everything onto a full USB stick showed "…personamgr-archive.toml could not be written (No space left
    on device)." in English in a Spanish window. It says what is wrong with that disk, in the window's language,
    and leaves no file there."""
    from personamgr.gui import i18n

    folder = small_fs.root / "usb"
    folder.mkdir()
    target = folder / "personamgr-archive.toml"
    shell = make_shell(demo)
    small_fs.fill()
    assert i18n.install(qapp, "es") == "es"
    try:
        shell.preferences.export_to(target)
        idle(shell)
    finally:
        i18n.uninstall(qapp)
        small_fs.free()
    box = shell.preferences.box
    assert box is not None and box.windowTitle() == "Exportarlo todo"
    assert box.text() == (f"No se exportó {target}: el disco que contiene {folder} está lleno. Libera espacio en él "
                          "o exporta a otro disco. No se escribió nada allí."), box.text()
    assert list(folder.iterdir()) == []
    box.close()


def test_start_at_login_on_a_full_disk_says_why_in_the_window_language(
        demo: Services, make_shell: Callable[..., Shell], qapp: QApplication,  # type: ignore[no-untyped-def]
        small_fs) -> None:
    """Start at login with ~/.config on a full disk said "No se pudo cambiar el inicio al entrar: No space left on
    device" (the OS's words, in English) and left a half-written .desktop.tmp in the autostart folder."""
    from personamgr.gui import i18n

    shell = make_shell(demo, demo=False)
    autostart = Autostart(platform="linux", home=small_fs.root, config_home=small_fs.root / "config")
    (small_fs.root / "config" / "autostart").mkdir(parents=True)
    shell.preferences.autostart = autostart
    small_fs.fill()
    assert i18n.install(qapp, "es") == "es"
    try:
        dialog = shell.preferences.open_dialog()
        dialog.set_value("start_at_login", True)
        dialog.accept()
        QApplication.processEvents()
    finally:
        i18n.uninstall(qapp)
        small_fs.free()
    box = shell.preferences.box
    folder = small_fs.root / "config" / "autostart"
    assert box is not None and box.text() == (f"No se pudo activar el inicio al entrar: el disco que contiene {folder} "
                                              "está lleno. Libera espacio en él y vuelve a intentarlo."), box.text()
    assert list(folder.iterdir()) == [] and demo.settings.get("start_at_login") is False
    box.close()
