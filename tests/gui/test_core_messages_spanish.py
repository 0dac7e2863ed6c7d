"""What core builds reaches a Spanish window in Spanish: the guard's reasons, clock-change notes, why a post failed
or could not be queued. The reasons' kinds, which scripts act on, stay the same identifiers; with the translator
removed (the CLI never installs one) every message is English again."""

from __future__ import annotations

from datetime import datetime

import pytest

from personamgr.core.demo import seed_demo
from personamgr.core.guard import rules
from personamgr.core.guard.guard import _off_focus_values
from personamgr.core.i18n import translate
from personamgr.core.networks.sandbox import DUPLICATE_MESSAGE
from personamgr.core.outbox import PostState
from personamgr.core.persona_file import PersonaFileError, read_entries
from personamgr.core.personas import Persona
from personamgr.core.reason_words import reason_words
from personamgr.core.scheduling import resolve_local
from personamgr.core.scheduling.slots import NoFreeSlot, next_free_slot
from personamgr.gui import i18n

CAREER = Persona(name="career", handle="@career_me", description="Careers and hiring", network="x")


def messages(services) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """One message of each kind, built by core as the window would get it."""
    dup = rules.duplicate_rule(CAREER, "Ask for the range before you name a number.",
                               {"career": ["Ask for the range before you name a number."]})
    assert dup is not None and dup.kind == "duplicate" and dup.blocking
    note = resolve_local(datetime(2027, 3, 14, 2, 30), "America/New_York").note
    try:
        next_free_slot(CAREER, datetime(2027, 3, 1).astimezone(), [])
        slot = ""
    except NoFreeSlot as e:
        slot = str(e)
    career = services.store.persona("career")
    failed = [services.poster.send(services.outbox.create(career.uid, "Same words twice, on purpose.").id)
              for _ in range(2)][1]
    assert failed.state is PostState.FAILED
    try:
        read_entries('[[persona]]\nname = "chef"\ntopics = "recipes"\n', "chef.toml")
        bad_file = ""
    except PersonaFileError as e:
        bad_file = e.problem
    topic = reason_words("topic", _off_focus_values(CAREER, "metal"))  # as the guard says its topic reason
    return {"bad_file": bad_file, "duplicate": dup.message, "topic": topic, "dst": note or "",
            "slot": slot, "failed": failed.error or ""}


@pytest.mark.gui
def test_core_messages_follow_the_window_language(qapp, services) -> None:  # type: ignore[no-untyped-def]
    seed_demo(services)
    try:
        assert i18n.install(qapp, "es") == "es"
        es = messages(services)
    finally:
        i18n.uninstall(qapp)
    en = messages(services)
    assert es["duplicate"] == "Esta cuenta ya publicó casi el mismo texto; X rechaza las publicaciones duplicadas."
    assert en["duplicate"] == "This account already posted almost the same text; X refuses duplicate posts."
    assert es["topic"] == "No parece del enfoque de career (Careers and hiring). Encaja mejor en metal."
    assert en["topic"] == "It does not look like career's focus (Careers and hiring). It fits metal better."
    # The day and month names are the language's too (Qt's locale), and the times are untouched.
    assert es["dst"] == ("Las 02:30 no existen el dom 14 mar 2027 en America/New_York (se adelantan los relojes); "
                         "saldrá a las 03:30 EDT.")
    assert en["dst"].startswith("02:30 does not exist on Sun 14 Mar 2027 in America/New_York")
    assert es["slot"] == ("career no tiene huecos en la cola; añade alguno en los ajustes de la persona o indica una "
                          "fecha y hora")
    assert es["bad_file"] == "persona n.º 1 ('chef'): 'topics' debe ser una lista de cadenas"
    assert en["bad_file"] == "persona #1 ('chef'): 'topics' must be a list of strings"
    # The network's own words are quoted as it sent them, introduced in the user's language.
    assert es["failed"] == f"X rechazó la publicación: {DUPLICATE_MESSAGE}"
    assert en["failed"] == f"X refused the post: {DUPLICATE_MESSAGE}"


@pytest.mark.gui
def test_the_sandbox_is_named_in_the_windows_language_wherever_an_account_is(qapp) -> None:  # type: ignore[no-untyped-def]
    """The Spanish window called the network "Entorno de pruebas (red de demostración)" in the persona editor and
    "entorno de pruebas" in its messages, but "Sandbox" in the persona list, the compose box ("como @career_me en
    Sandbox") and the tray: the label went through translation with no translation to find."""
    from personamgr.gui.accounts_text import account_text, network_name

    career = Persona(name="career", handle="@career_me", description="Careers", network="sandbox")
    try:
        assert i18n.install(qapp, "es") == "es"
        assert network_name(career) == "Pruebas"  # short: the list shows the handle after it
        assert account_text(career) == "@career_me en Pruebas"
        assert translate("networks", "Sandbox (demo network)") == "Pruebas (red de demostración)"  # the editor's
    finally:
        i18n.uninstall(qapp)
    assert account_text(career) == "@career_me on Sandbox"


@pytest.mark.gui
def test_a_sandbox_account_is_named_as_the_spanish_window_names_the_sandbox(qapp) -> None:  # type: ignore[no-untyped-def]
    """The link refused for a thread's part said «… en Pruebas, … la publicación de @career_me en Sandbox»: the
    account's label kept the network's English name."""
    sandbox = Persona(name="career", handle="@career_me", description="Careers", network="sandbox")
    try:
        assert i18n.install(qapp, "es") == "es"
        assert sandbox.account_label == "@career_me en Pruebas"
    finally:
        i18n.uninstall(qapp)
    assert sandbox.account_label == "@career_me on Sandbox"


@pytest.mark.gui
def test_connect_first_before_sending_an_overdue_post_is_said_in_spanish(qapp) -> None:  # type: ignore[no-untyped-def]
    from personamgr.core.networks.accounts import NOT_CONNECTED, connect_first_words

    mastodon = Persona(name="career", handle="@career_me", description="Careers", network="mastodon")
    try:
        assert i18n.install(qapp, "es") == "es"
        assert connect_first_words(CAREER, NOT_CONNECTED, 7) == (
            "Para enviarla: conecta primero career a su cuenta de X (personamgr connect --persona career) y luego "
            "personamgr posts retry 7.")
        assert connect_first_words(mastodon, "reconnect_needed", 7) == (
            "Para enviarla: Mastodon rechazó las credenciales de career, así que vuelve a conectarla primero "
            "(personamgr connect --persona career) y luego personamgr posts retry 7.")
    finally:
        i18n.uninstall(qapp)
    assert connect_first_words(CAREER, "ok", 7) is None


@pytest.mark.gui
def test_what_becomes_of_an_overdue_post_not_connected_or_paused_is_said_in_spanish(qapp) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    from personamgr.core.personas import MissedPolicy
    from personamgr.core.scheduling.missed import overdue

    late = CAREER.with_changes(missed_policy=MissedPolicy.POST_LATE, timezone="UTC")
    now = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)
    try:
        assert i18n.install(qapp, "es") == "es"
        unsent = overdue(late, now - timedelta(minutes=40), now, sender_running=False, connected=False)
        paused = overdue(late.with_changes(paused=True), now - timedelta(minutes=40), now, sender_running=True)
    finally:
        i18n.uninstall(qapp)
    assert unsent is not None and paused is not None
    assert unsent.words.startswith("career envía las publicaciones perdidas con hasta 6 horas de retraso, pero no "
                                   "puede publicar hasta que su cuenta de X esté conectada: si uno de ellos arranca "
                                   "antes de ")
    assert paused.words == ("La publicación está en pausa para career: no sale nada suyo hasta que la reanudes "
                            "(personamgr queue resume --persona career); entonces decide su política para "
                            "publicaciones perdidas.")


@pytest.mark.gui
def test_a_persona_kept_for_posts_that_may_be_out_says_which_in_spanish(qapp, services) -> None:  # type: ignore[no-untyped-def]
    """The refusal to delete a persona names its posts in doubt, in the plural where there are several."""
    from personamgr.core.outbox import UNTIL_SENT, TransitionError

    seed_demo(services)
    career = services.store.persona("career")
    review = [services.outbox.create(career.uid, f"may be out {i}", state=PostState.NEEDS_REVIEW).id for i in (1, 2)]
    locked = services.outbox.create(career.uid, "sent again by itself", state=PostState.SCHEDULED).id
    assert services.outbox.update_if(locked, [PostState.SCHEDULED], repeat_safe_until=UNTIL_SENT.replace(tzinfo=None))
    try:
        assert i18n.install(qapp, "es") == "es"
        with pytest.raises(TransitionError) as refused:
            services.delete_persona(career)
    finally:
        i18n.uninstall(qapp)
    assert str(refused.value) == (
        "career no se puede eliminar todavía: la aplicación olvidaría publicaciones que puede que ya estén en "
        f"Pruebas. Las publicaciones {review[0]}, {review[1]} necesitan revisión: comprueba la cuenta y luego marca "
        f"cada una como enviada o vuelve a enviarla. La publicación {locked} se está enviando, o se vuelve a enviar "
        "sola tal como está: espera a que se envíe o necesite revisión.")
