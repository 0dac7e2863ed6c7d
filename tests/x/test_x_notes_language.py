"""What X's answers leave on a post reads in its reader's language: a post the English daemon or CLI sent reads
in Spanish in a Spanish window, with X's own words as X said them."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from net_helpers import HELD_ANSWER_TIMEOUT
from PySide6.QtWidgets import QApplication

from personamgr.core.outbox import Post, PostState
from personamgr.gui import i18n

pytestmark = [pytest.mark.gui, pytest.mark.e2e]


@pytest.fixture
def read_in_spanish(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.uninstall(qapp)


def in_spanish(qapp: QApplication, post: Post) -> str:
    assert i18n.install(qapp, "es") == "es"
    return post.note or ""


def test_a_revoked_token_reads_in_spanish(x_world, qapp: QApplication, read_in_spanish: None) -> None:
    x_world.fake.revoke(x_world.credentials["access_token"])
    post = x_world.post("A post that must not be lost.")  # English: the daemon, the CLI
    assert post.state is PostState.FAILED and (post.note or "").endswith("Reconnect the account; the post is kept.")
    words = post.note.split("(", 1)[1].split("):", 1)[0]  # what X said, in its own words
    assert in_spanish(qapp, post) == (
        f"X rechazó las credenciales de esta cuenta ({words}): se revocó el acceso o los tokens ya no son válidos. "
        "Vuelve a conectar la cuenta; la publicación se conserva.")


def test_a_thread_part_x_refused_reads_in_spanish(x_world, qapp: QApplication, read_in_spanish: None) -> None:
    x_world.fake.fail_next("tweets", "bad_request", skip=1, message="Text contains a banned link.")
    post = x_world.post("1/3 one", thread=("2/3 two", "3/3 three"))
    assert post.state is PostState.FAILED
    assert in_spanish(qapp, post) == (
        "Salió la parte 1 del hilo; la parte 2 falló: X rechazó la publicación: Text contains a banned link. Las "
        "partes restantes no se enviaron.")


def test_a_server_error_retried_reads_in_spanish(x_world, qapp: QApplication, read_in_spanish: None) -> None:
    x_world.fake.fail_next("tweets", "server_error")
    post = x_world.post("Five questions to ask at the end of every interview.")
    assert post.state is PostState.SCHEDULED and post.note and post.note.startswith("X had a server error (503: ")
    said = in_spanish(qapp, post)
    assert said.startswith("X tuvo un error de servidor (503: ") and said.endswith(
        ") después de enviar la publicación: puede que X la haya creado igualmente. Se volverá a enviar en breve, "
        "solo tal como está: X rechaza una copia de una publicación reciente que aún tiene, así que sale una sola "
        "vez, salvo que se elimine allí antes. Si no se envía en una hora, espera revisión."), said


def test_a_thread_part_in_doubt_reads_in_spanish_with_the_way_out_for_that_part(
        x_world, qapp: QApplication, read_in_spanish: None) -> None:
    """The way out is said when read, for what the post is: part 2 of a thread is asked about, not "marked sent"."""
    x_world.network.timeout = HELD_ANSWER_TIMEOUT
    x_world.fake.fail_next("tweets", "hold", skip=1, create=True)
    post = x_world.post("1/3 one", thread=("2/3 two", "3/3 three"))  # English: the daemon, the CLI
    x_world.fake.release()
    assert post.state is PostState.NEEDS_REVIEW
    assert in_spanish(qapp, post) == (
        "La parte 1 de 3 salió; la parte 2 puede que haya salido o no. La parte 3 no se envió. X no respondió a tiempo "
        "después de enviar la publicación, así que puede que haya salido o no. Busca la parte 2 en la cuenta y luego "
        "marca lo que salió o vuelve a enviarlo desde ahí.")


def test_a_note_kept_before_the_way_out_was_said_apart_still_says_it() -> None:
    """A single post's doubt kept with its kind alone (as written before) still ends with its way out."""
    from personamgr.core.reason_words import said

    assert said({"kind": "x_write_timeout", "values": {}, "text": ""}) == (
        "X did not answer in time after the post was sent, so it may or may not have gone out. Check the account, "
        "then mark it sent or send it again.")
