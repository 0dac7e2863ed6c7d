"""A persona whose time zone this computer's time zone data does not know (renamed or removed since it was chosen,
or a profile from a computer with newer data): the window still shows its posts, their times in UTC."""

from __future__ import annotations

from collections.abc import Callable

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
