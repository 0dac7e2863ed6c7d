"""The compose box, list and tray for Mastodon and Bluesky personas: their counters, their options, their labels."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from shell_helpers import wait_idle

from personamgr.core.networks.bluesky import BlueskyNetwork
from personamgr.core.networks.mastodon import MastodonNetwork
from personamgr.core.personas import ServerLimits
from personamgr.core.services import Services
from personamgr.gui.app import Shell

pytestmark = pytest.mark.gui


@pytest.fixture
def fedi(demo: Services) -> Services:
    """The demo, with metal on Mastodon (a 5,000-character server) and a Bluesky persona."""
    demo.networks["mastodon"] = MastodonNetwork()
    demo.networks["bluesky"] = BlueskyNetwork()
    metal = demo.store.persona("metal")
    demo.store.update_persona(metal.with_changes(network="mastodon", server="https://fosstodon.org",
                                                 handle="@metal@fosstodon.org", content_warning="metal talk",
                                                 visibility="unlisted"))
    demo.store.set_server_limits(metal.uid, ServerLimits(5000, 4, 23, "2026-03-09T10:00:00+00:00"))
    return demo


def switch(shell: Shell, name: str) -> None:
    shell.controller.set_active(shell.services.store.persona(name).uid)


def test_mastodon_counter_counts_links_as_23_and_the_warning(fedi: Services, make_shell: Callable[..., Shell],
                                                              qtbot) -> None:
    shell = make_shell(fedi)
    compose = shell.window.compose
    switch(shell, "metal")
    assert compose.options.isVisible()
    assert compose.options.warning.text() == "metal talk"
    assert compose.options.visibility.currentData() == "unlisted"
    compose.editor.setPlainText("New amp https://example.com/a/very/long/path/to/a/review 🎸")
    compose._refresh()
    # "New amp " 8 + 23 + " 🎸" 2, plus "metal talk" 10
    assert compose.counter.text() == "43 / 5,000"
    assert "every link counts 23" in compose.counter.toolTip()
    assert compose.network_label.text() == "on Mastodon"  # the picker names @metal@fosstodon.org


def test_a_posts_own_options_stay_with_its_draft(fedi: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(fedi)
    compose = shell.window.compose
    switch(shell, "metal")
    compose.editor.setPlainText("Spoilers for the gig")
    compose.options.warning.setText("gig spoilers")
    compose.options.visibility.setCurrentIndex(compose.options.visibility.findData("private"))
    compose.flush()
    wait_idle(shell)  # the draft and its options are written in a worker
    draft = fedi.outbox.get(compose.drafts.post_id(compose.current_uid))
    assert (draft.content_warning, draft.visibility) == ("gig spoilers", "private")
    switch(shell, "career")
    assert not compose.options.isVisible()  # X has neither
    switch(shell, "metal")
    assert compose.options.warning.text() == "gig spoilers"


def test_bluesky_counts_graphemes_to_300(fedi: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    from personamgr.core.personas import Persona

    fedi.store.add_persona(Persona(name="sky", topics=("astronomy",), network="bluesky", handle="@sky.bsky.social"))
    shell = make_shell(fedi)
    compose = shell.window.compose
    switch(shell, "sky")
    compose.editor.setPlainText("👨‍👩‍👧‍👦" * 301)
    assert compose.counter.text() == "301 / 300"
    assert not compose.post_button.isEnabled()
    assert compose.status.text().startswith("Too long for sky by 1")


def test_bluesky_counts_bytes_to_3000_too(fedi: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    """Within 300 graphemes, over 3,000 bytes: the counter says bytes, and the post cannot go out."""
    from personamgr.core.personas import Persona

    fedi.store.add_persona(Persona(name="sky", topics=("astronomy",), network="bluesky", handle="@sky.bsky.social"))
    shell = make_shell(fedi)
    compose = shell.window.compose
    switch(shell, "sky")
    compose.editor.setPlainText("👨‍👩‍👧‍👦" * 120)  # 3,000 bytes: fits
    assert compose.counter.text() == "120 / 300" and compose.post_button.isEnabled()
    compose.editor.setPlainText("👨‍👩‍👧‍👦" * 121)  # 121 graphemes, 3,025 bytes
    assert compose.counter.text() == "3,025 / 3,000 bytes"
    # room for the whole count (in Spanish its first digit was cut)
    assert compose.counter.minimumWidth() > compose.counter.fontMetrics().horizontalAdvance(compose.counter.text())
    assert compose.counter.property("tooLong") and not compose.post_button.isEnabled()
    assert compose.counter.toolTip().startswith("25 bytes over the limit")
    assert compose.status.text().startswith("Too long for sky by 25 bytes")
    compose.split_into_thread()
    parts = compose.parts()
    assert len(parts) == 2 and all(len(p.encode()) <= 3000 for p in parts), [len(p.encode()) for p in parts]
    assert not any(b.counter.property("tooLong") for b in compose.thread.boxes) and compose.post_button.isEnabled()


def test_the_list_and_the_tray_name_the_network(fedi: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(fedi)
    switch(shell, "metal")
    texts = [a.text() for a in shell.tray.persona_actions()]
    assert "metal  @metal@fosstodon.org  (Mastodon)" in texts
    assert shell.tray.icon.toolTip() == "personamgr — posting as metal @metal@fosstodon.org on Mastodon"
    item = shell.window.persona_list.item(1)
    assert "@metal@fosstodon.org on Mastodon" in item.toolTip()


def test_the_editor_shows_each_networks_fields_and_checks_the_server(fedi: Services, make_shell: Callable[..., Shell],
                                                                     idle) -> None:
    shell = make_shell(fedi)
    editor = shell.window.personas.new_persona()
    editor.name_edit.setText("synths")
    editor.topics_edit.setPlainText("modular synths")
    combo = editor.network_combo
    combo.setCurrentIndex(combo.findData("mastodon"))
    assert editor.server_edit.isVisibleTo(editor) and editor.warning_edit.isVisibleTo(editor)
    assert not editor.premium_check.isVisibleTo(editor)
    editor.handle_edit.setText("@synths@fosstodon.org")
    editor.server_edit.setText("https://fosstodon.org/some/path")
    editor.save_button.click()
    idle(shell)
    assert editor.isVisible() and "must be just the address of the server" in editor.error_text("server")
    editor.server_edit.setText("fosstodon.org")
    editor.visibility_combo.setCurrentIndex(editor.visibility_combo.findData("private"))
    editor.warning_edit.setText("synth nerdery")
    editor.save_button.click()
    idle(shell)
    assert not editor.isVisible()
    saved = fedi.store.persona("synths")
    assert (saved.network, saved.server, saved.visibility, saved.content_warning) == (
        "mastodon", "https://fosstodon.org", "private", "synth nerdery")
    combo2 = shell.window.personas.new_persona().network_combo
    combo2.setCurrentIndex(combo2.findData("bluesky"))
    assert not shell.window.personas.editor.warning_edit.isVisibleTo(shell.window.personas.editor)


def test_split_into_thread_counts_as_bluesky_does(fedi: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    from personamgr.core.personas import Persona
    from personamgr.core.text import graphemes

    fedi.store.add_persona(Persona(name="sky", topics=("astronomy",), network="bluesky", handle="@sky.bsky.social"))
    shell = make_shell(fedi)
    compose = shell.window.compose
    switch(shell, "sky")
    sentence = "Saturn's rings tilt toward us again this year 🪐. "  # 50 graphemes, 51 code points
    compose.editor.setPlainText(sentence * 8)
    compose._refresh()
    assert compose.split_button.isVisible() or compose.split_button.isVisibleTo(compose)
    compose.split_into_thread()
    parts = compose.parts()
    assert len(parts) == 2 and all(graphemes(p) <= 300 for p in parts)
    assert graphemes(parts[0]) > 280  # counted in graphemes to 300, not as X would (X counts the emoji 2)
