"""The line under each post in the history says where it went, when it goes, or why it did not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from personamgr.core.outbox import Post, PostState
from personamgr.gui.history import CHIP_GAP, CHIP_PAD, detail, header_texts, when

pytestmark = pytest.mark.gui
T = datetime(2030, 6, 3, 18, 0, tzinfo=UTC)


def post(state: PostState, **kw: object) -> Post:
    return Post(id=1, persona_uid="u", persona_name="career", state=state, text="hi", created_at=T, updated_at=T,
                **kw)  # type: ignore[arg-type]


def test_scheduled_says_when_it_goes_out() -> None:
    assert detail(post(PostState.SCHEDULED, scheduled_at=T)) == f"Goes out {when(T)}."


def test_a_held_post_says_why_and_when_it_is_tried_again() -> None:
    d = detail(post(PostState.SCHEDULED, scheduled_at=T, next_attempt_at=T, error="X is rate limiting."))
    assert d == f"X is rate limiting. Next try {when(T)}."


def test_a_rate_limited_post_names_its_reset_once_in_the_personas_zone() -> None:
    """The daily cap's reason carried its reset and "Next try" told it again: "...will go out after Mon 03 Jun
    2030 14:00 EDT. Next try Today 14:00 EDT." The reason says why; the time is said once (the machine is UTC
    here and the persona in New York)."""
    from personamgr.core.networks.x.errors import day_cap_reached

    error = day_cap_reached("x-user-limit-24hour", T).message
    assert "{time}" not in error and "14:00" not in error
    d = detail(post(PostState.SCHEDULED, scheduled_at=T, next_attempt_at=T, error=error), "America/New_York",
               now=T.replace(hour=12))
    assert d == ("X's daily limit of posts for this account was reached; the post waits until it resets, then goes "
                 "out by itself. Next try Today 14:00 EDT.")


def test_in_spanish_the_reset_is_named_once_too(qapp: QApplication) -> None:
    from personamgr.core.networks.x.errors import day_cap_reached
    from personamgr.gui import i18n

    try:
        assert i18n.install(qapp, "es") == "es"
        error = day_cap_reached("x-user-limit-24hour", T).message
        assert error == ("Se alcanzó el límite diario de publicaciones de X para esta cuenta; la publicación espera "
                         "a que se renueve y luego sale sola.")
        d = detail(post(PostState.SCHEDULED, scheduled_at=T, next_attempt_at=T, error=error), "America/New_York",
                   now=T.replace(hour=12))
        assert d == f"{error} Próximo intento: Hoy 14:00 EDT."
    finally:
        i18n.uninstall(qapp)


def test_in_spanish_the_daily_cap_says_x_s_number(qapp: QApplication) -> None:
    """The cap's note said a daily limit was reached and not how many posts a day X allows (the number X sent in
    x-user-limit-24hour-limit and x-app-limit-24hour-limit): said in the reader's language, with its number."""
    from personamgr.core.networks.x.errors import day_cap_reached
    from personamgr.gui import i18n

    try:
        assert i18n.install(qapp, "es") == "es"
        assert day_cap_reached("x-user-limit-24hour", T, limit=1500).message == (
            "Se alcanzó el límite diario de publicaciones de X para esta cuenta (X permite 1500 al día); la "
            "publicación espera a que se renueve y luego sale sola.")
        assert day_cap_reached("x-app-limit-24hour", T, limit=17).message == (
            "Se alcanzó el límite diario de publicaciones de X para la app de desarrollador (X permite 17 al día, "
            "contando todas las cuentas conectadas con ella); la publicación espera a que se renueve y luego sale "
            "sola.")
    finally:
        i18n.uninstall(qapp)


def test_sent_shows_the_link_and_failed_the_reason() -> None:
    assert detail(post(PostState.SENT, remote_url="sandbox://me/status/1")) == "sandbox://me/status/1"
    assert detail(post(PostState.FAILED, error="Duplicate content.")) == "Duplicate content."


def test_a_thread_not_sent_says_it_is_a_thread() -> None:
    """A scheduled thread showed its first part and "Goes out …", and nothing told the user the rest was there."""
    assert detail(post(PostState.SCHEDULED, scheduled_at=T, thread=("two",))) == \
        f"A thread of 2 posts. Goes out {when(T)}."
    assert detail(post(PostState.FAILED, error="Duplicate content.", thread=("two", "three"))) == \
        "A thread of 3 posts. Duplicate content."
    assert detail(post(PostState.DRAFT, thread=("two",))) == "A thread of 2 posts."
    assert detail(post(PostState.SENT, remote_url="sandbox://me/status/1", thread=("two",))) == \
        "sandbox://me/status/1 (a thread of 2 posts)"


def _fits(fm: QFontMetrics, label: str, time_text: str, room: int) -> bool:
    return fm.horizontalAdvance(label) + CHIP_PAD + CHIP_GAP + fm.horizontalAdvance(time_text) <= room


def test_a_long_state_gives_way_to_the_time_in_a_narrow_header(qapp: QApplication) -> None:
    """Seen in the Spanish inbox: "Retenida: casi duplicada" pushed the time under the chip ("oy 10:21 EST")."""
    fm = QFontMetrics(QFont())
    label, time_text = "Retenida: casi duplicada", "Hoy 10:21 EST"
    wide = fm.horizontalAdvance(label + time_text) + CHIP_PAD + CHIP_GAP + 40
    assert header_texts(fm, label, time_text, wide) == (label, time_text)
    narrow = fm.horizontalAdvance(time_text) + CHIP_PAD + CHIP_GAP + fm.horizontalAdvance(label) // 2
    shown_label, shown_time = header_texts(fm, label, time_text, narrow)
    assert shown_time == time_text
    assert shown_label.endswith("…") and shown_label != label
    assert _fits(fm, shown_label, shown_time, narrow)
    tiny = fm.horizontalAdvance("…") * 3 + CHIP_PAD + CHIP_GAP + fm.horizontalAdvance(time_text) // 2
    shown_label, shown_time = header_texts(fm, label, time_text, tiny)
    assert shown_time != time_text and shown_time.startswith("…")  # what is left of the time, not its end cut
    assert _fits(fm, shown_label, shown_time, tiny)


@pytest.mark.gui
@pytest.mark.parametrize("name", ["the-extraordinarily-long-persona-name-for-my-side-project",
                                  "Ünited riffs and the extraordinarily long side project of mine"])
def test_a_long_persona_name_leaves_the_state_and_time_in_sight(name: str, demo, make_shell) -> None:  # type: ignore[no-untyped-def]
    """A persona with a long name: its posts' headers in the history showed the name cut at the item's right edge,
    and no state chip and no time at all (drawn past the edge): "Sent" or "Failed" was nowhere to be read. The
    name now gives way, cut with "…", and the chip and the time stay whole."""
    from PySide6.QtCore import QPoint

    from personamgr.core.personas import Persona
    from personamgr.gui.history import POST_ROLE, chip_colours
    from personamgr.gui.scheduling_ui import attach_scheduling

    persona = demo.store.add_persona(Persona(name=name, topics=("guitars",)))
    sent = demo.outbox.create(persona.uid, "New strings day")
    demo.poster.send(sent.id)
    shell = make_shell(demo)
    attach_scheduling(shell)  # as the app runs: the schedule panel beside the history
    shell.window.resize(1024, 600)
    view = shell.window.history
    QApplication.processEvents()
    item = next(view.item(i) for i in range(view.count()) if view.item(i).data(POST_ROLE).id == sent.id)
    rect = view.visualItemRect(item)
    image = view.viewport().grab(rect).toImage()
    chip_bg = chip_colours(PostState.SENT, view.palette())[0]
    header = range(4, 4 + QFontMetrics(view.font()).height() + 8)
    chip = [x for x in range(image.width()) for y in header if image.pixelColor(QPoint(x, y)) == chip_bg]
    assert chip, "no state chip in the item's header"


def test_in_spanish_a_limit_on_image_uploads_says_the_others_go_out(qapp: QApplication) -> None:
    from personamgr.core.reason_words import Note
    from personamgr.gui import i18n

    try:
        assert i18n.install(qapp, "es") == "es"
        assert str(Note("mastodon_media_rate_limit", server="fosstodon.org")) == (
            "Se alcanzó el límite de subida de imágenes de fosstodon.org; la publicación espera a que se renueve y "
            "luego sale sola. Las publicaciones sin imágenes salen mientras tanto.")
    finally:
        i18n.uninstall(qapp)
