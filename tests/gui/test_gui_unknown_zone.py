"""A persona whose time zone this computer's time zone data does not know (renamed or removed since it was chosen,
or a profile from a computer with newer data): the window still shows its posts, their times in UTC."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from sqlalchemy import update

from personamgr.core import schema as s
from personamgr.core.services import Services
from personamgr.gui.app import Shell


def test_the_window_shows_the_posts_of_a_persona_whose_zone_is_unknown(demo: Services,
                                                                      make_shell: Callable[..., Shell],
                                                                      idle) -> None:  # type: ignore[no-untyped-def]
    """The history of a persona in US/Pacific-New (removed in tzdata 2020b) raised ZoneInfoNotFoundError for each of
    its posts: the window showed the bug dialog, and none of its posts."""
    with demo.store.engine.begin() as con:
        con.execute(update(s.personas).where(s.personas.c.name == "career").values(timezone="US/Pacific-New"))
    shell = make_shell(demo)
    idle(shell)
    history = shell.window.history
    texts = [history.item(i).data(Qt.ItemDataRole.AccessibleTextRole) for i in range(history.count())]
    assert len(texts) == 2 and all(", Sent: " in t for t in texts), texts


def test_the_window_says_which_persona_shows_its_times_in_utc_and_how_to_choose_its_zone(
        demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every command warned on stderr; the window showed the persona's times in UTC and said nothing."""
    with demo.store.engine.begin() as con:
        con.execute(update(s.personas).where(s.personas.c.name == "career").values(timezone="US/Pacific-New"))
    shell = make_shell(demo)
    notice = shell.window.zone_notice
    assert notice.isVisible()
    words = notice.text.text()
    for said in ("career", "US/Pacific-New", "in UTC", "Persona ▸ Edit career…", "Schedule"):
        assert said in words, words
    assert "metal" not in words
    career = next(p for p in demo.store.personas() if p.name == "career")
    demo.store.update_persona(replace(career, timezone="America/Los_Angeles"))  # chosen again in the editor
    qtbot.waitUntil(lambda: not notice.isVisible())


def test_no_zone_notice_when_every_zone_is_known(demo: Services, make_shell: Callable[..., Shell]) -> None:
    assert not make_shell(demo).window.zone_notice.isVisible()
