"""The settings registry: one declaration, stored where the README says, validated, documented from itself."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from personamgr.core.paths import AppPaths
from personamgr.core.services import Services
from personamgr.core.settings import BY_KEY, REGISTRY, SettingError, Settings, markdown_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_declares_its_type_default_and_one_line_of_help() -> None:
    assert len(BY_KEY) == len(REGISTRY)
    for s in REGISTRY:
        assert s.check(s.default) == s.default, s.key
        assert s.help and "\n" not in s.help and s.help.endswith("."), s.key
        assert s.label, s.key


def test_the_issue_s_settings_are_all_there() -> None:
    for key in ("close_to_tray", "quit_with_queue", "start_at_login", "notifications", "default_sensitivity",
                "theme", "language", "send_delay"):
        assert key in BY_KEY
    assert BY_KEY["quit_with_queue"].values() == ("tray", "offer_daemon", "warn")
    assert BY_KEY["theme"].values() == ("system", "light", "dark")


def test_stored_in_the_config_folder_the_readme_names(services: Services, profile_paths: AppPaths) -> None:
    assert profile_paths.settings == profile_paths.config / "settings.toml"
    assert not profile_paths.settings.exists()  # nothing written until something differs from the defaults
    services.settings.update({"theme": "dark", "send_delay": 10})
    data = tomllib.loads(profile_paths.settings.read_text(encoding="utf-8"))
    assert data == {"theme": "dark", "send_delay": 10}
    again = Settings(profile_paths.settings)
    assert again.get("theme") == "dark" and again.get("send_delay") == 10 and again.get("close_to_tray") is True
    services.settings.update({"theme": "system"})  # back to the default: no longer written
    assert "theme" not in tomllib.loads(profile_paths.settings.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("key", "value", "says"), [
    ("theme", "purple", "theme is one of system, light, dark, not 'purple'"),
    ("send_delay", 31, "send_delay is between 0 and 30, not 31"),
    ("send_delay", True, "send_delay is a whole number"),
    ("close_to_tray", "yes", "close_to_tray is true or false"),
    ("colour_of_the_sky", 1, "there is no setting named 'colour_of_the_sky'"),
])
def test_a_bad_value_is_refused_by_name_and_nothing_changes(tmp_path: Path, key: str, value: object,
                                                            says: str) -> None:
    settings = Settings(tmp_path / "settings.toml")
    with pytest.raises(SettingError, match=re.escape(says)):
        settings.update({"language": "es", key: value})
    assert settings.get("language") == "system"  # all or nothing
    assert not (tmp_path / "settings.toml").exists()


def test_a_damaged_file_keeps_the_defaults_says_why_and_is_kept_aside_on_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("theme = \"dark\"\nsend_delay = [unclosed\n", encoding="utf-8")
    settings = Settings(path)
    assert settings.get("theme") == "system"
    assert settings.problems and str(path) in settings.problems[0]
    assert path.read_text(encoding="utf-8").startswith("theme")  # left alone until the user saves
    settings.set("theme", "light")
    assert (tmp_path / "settings.toml.broken").read_text(encoding="utf-8").startswith("theme = \"dark\"")
    assert Settings(path).get("theme") == "light"


def test_one_bad_value_does_not_cost_the_others(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "dark"\nsend_delay = 99\nfuture_setting = "kept"\n', encoding="utf-8")
    settings = Settings(path)
    assert settings.get("theme") == "dark"
    assert settings.get("send_delay") == 5
    assert any("send_delay" in p for p in settings.problems)
    settings.set("language", "es")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["future_setting"] == "kept"  # a newer version's setting survives this one saving


def test_listeners_hear_only_real_changes(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.toml")
    heard: list[str] = []
    settings.subscribe(heard.append)
    settings.update({"theme": "dark", "language": "system"})
    assert heard == ["theme"]


def test_the_readme_settings_table_is_the_registry() -> None:
    text = README.read_text(encoding="utf-8")
    m = re.search(r"<!-- settings-table:begin -->\n(.*?)<!-- settings-table:end -->", text, re.S)
    assert m, "README.md lost its settings table markers"
    assert m.group(1) == markdown_table(), "README's settings table is stale: python -m personamgr.core.settings"


def test_a_folder_in_place_of_the_file_is_said_in_words(tmp_path: Path) -> None:
    """It said "[Errno 21] Is a directory: '…/settings.toml'" in the window."""
    path = tmp_path / "settings.toml"
    path.mkdir()
    settings = Settings(path)
    assert settings.problems == [f"{path}: it is a folder, not a file. The defaults are used until you save the "
                                 "settings."]


def test_a_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    """It said Python's "'utf-8' codec can't decode byte 0xff in position 23: invalid start byte"."""
    path = tmp_path / "settings.toml"
    path.write_bytes(b'theme = "dark"\nlanguage = "\xff"\n')
    assert Settings(path).problems == [f"{path}: line 2 is not UTF-8 text. The defaults are used until you save "
                                       "the settings."]


def test_a_file_that_is_not_toml_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "dark"\n\nsend_delay = [unclosed\n', encoding="utf-8")
    [problem] = Settings(path).problems
    assert problem.startswith(f"{path}: line 3 is not valid TOML ("), problem
    assert problem.endswith("). The defaults are used until you save the settings."), problem
    assert "at line" not in problem, problem
