"""Persona validation: the GUI, the CLI and the importer refuse the same bad input with the same words."""

from __future__ import annotations

import re

import pytest

from personamgr.core.personas import (
    PREMIUM_LIMIT,
    STANDARD_LIMIT,
    Persona,
    PersonaError,
    QueueSlot,
    handle_problem,
    normalise_server,
    problems,
    server_problem,
    validate,
    validate_all,
)


def test_minimal_persona_is_valid() -> None:
    p = Persona(name="career", topics=("careers",))
    assert validate(p) is p


@pytest.mark.parametrize("handle", ["@a", "@career_me", "@A1_b2", "@" + "x" * 15, None])
def test_good_handles(handle: str | None) -> None:
    validate(Persona(name="n", description="d", handle=handle))


@pytest.mark.parametrize(
    "handle",
    ["career_me", "@", "@" + "x" * 16, "@career-me", "@career me", "@ca.reer", "@é", "@@career", " @career",
     "@career\n"],
)
def test_bad_handles_are_refused_naming_the_rule(handle: str) -> None:
    with pytest.raises(PersonaError, match="must be @ followed by 1 to 15 letters, digits or underscores") as e:
        validate(Persona(name="n", description="d", handle=handle))
    assert e.value.field == "handle"


@pytest.mark.parametrize(("name", "words"), [
    ("", "needs a name"), ("   ", "needs a name"), (" career", "leading or trailing"), ("career ", "leading"),
    ("ca\nreer", "line break"), ("ca\treer", "line break or tab"), ("x" * 65, "longer than 64 characters"),
    # Reported by a tester: NUL, a lone zero-width space and a right-to-left override were accepted.
    ("ca\x00reer", "control or invisible character (U+0000)"),
    ("\u200b", "control or invisible character (U+200B ZERO WIDTH SPACE)"),
    ("career\u202emetal", "a bidi control (U+202E RIGHT-TO-LEFT OVERRIDE) at position 7"),
    ("\u2066career\u2069", "bidi control"), ("a\u200bb", "ZERO WIDTH SPACE"), ("\u200d", "no visible characters"),
    ("a\x7fb", "U+007F"), ("a\u2028b", "U+2028"), ("a\ufeffb", "U+FEFF"), ("a\ue000b", "U+E000"),
])
def test_bad_names(name: str, words: str) -> None:
    with pytest.raises(PersonaError, match=re.escape(words)) as e:
        validate(Persona(name=name, description="d"))
    assert e.value.field == "name"


@pytest.mark.parametrize("name", ["career", "x" * 64, "Café Niño", "日本語のペルソナ", "👩\u200d💻 dev", "ℌ𝔢𝔩𝔩𝔬",
                                  "مرحبا", "the \"quoted\" one", "career-2 (old)"])
def test_good_names(name: str) -> None:
    validate(Persona(name=name, description="d"))


@pytest.mark.parametrize(("field", "value", "words"), [
    ("late_hours", 10**11, "late_hours (how late a missed post may go out) must be between 0 and 336"),
    ("late_hours", 337, "between 0 and 336"),
    ("late_hours", 1.5, "whole number"),
    ("monthly_post_cap", 2**63, "monthly post cap must be between 0 and 1,000,000"),
    ("monthly_budget_usd", 1e300, "monthly budget in dollars must be between 0 and 1,000,000"),
    ("topics", ("t",) * 1001, "at most 1,000"),
    ("description", "d" * 25_001, "at most 25,000"),
    ("network", "X Corp", "short lower-case name"),
    ("uid", "", "uid ''"),
])
def test_out_of_range_values_are_refused(field: str, value: object, words: str) -> None:
    with pytest.raises(PersonaError, match=re.escape(words)) as e:
        validate(Persona(**{"name": "n", "description": "d", field: value}))  # type: ignore[arg-type]
    assert e.value.field == field


def test_problems_lists_every_field_at_once() -> None:
    p = Persona(name="a\x00", handle="nope", description="d", colour="red", late_hours=-1, timezone="Mars/Base")
    assert [e.field for e in problems(p)] == ["name", "handle", "colour", "timezone", "late_hours"]


def test_focus_is_a_description_or_a_topic() -> None:
    validate(Persona(name="a", description="Heavy metal"))
    validate(Persona(name="b", topics=("guitars",)))
    for bad in (Persona(name="c"), Persona(name="c", description="  ", topics=("", " "))):
        with pytest.raises(PersonaError, match="needs a focus") as e:
            validate(bad)
        assert e.value.field == "description"


@pytest.mark.parametrize("tz", ["Nowhere/Atlantis", "", "../../etc/passwd", "utc+2"])
def test_unknown_time_zone(tz: str) -> None:
    with pytest.raises(PersonaError, match="time zone") as e:
        validate(Persona(name="n", description="d", timezone=tz))
    assert e.value.field == "timezone"


@pytest.mark.parametrize("tz", ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"])
def test_known_time_zones(tz: str) -> None:
    validate(Persona(name="n", description="d", timezone=tz))


@pytest.mark.parametrize("colour", ["red", "#fff", "#1d9bf", "#1d9bf0ff", "1d9bf0", "#gggggg", ""])
def test_bad_colour(colour: str) -> None:
    with pytest.raises(PersonaError, match="colour") as e:
        validate(Persona(name="n", description="d", colour=colour))
    assert e.value.field == "colour"


@pytest.mark.parametrize(
    ("field", "value"),
    [("late_hours", -1), ("monthly_budget_usd", -0.01), ("monthly_post_cap", -1),
     ("monthly_budget_usd", float("nan")), ("monthly_budget_usd", float("inf"))],
)
def test_negative_or_non_finite_numbers(field: str, value: float) -> None:
    with pytest.raises(PersonaError) as e:
        validate(Persona(name="n", description="d", **{field: value}))  # type: ignore[arg-type]
    assert e.value.field == field


def test_non_text_list_items_are_refused() -> None:
    with pytest.raises(PersonaError, match="topics must be text"):
        validate(Persona(name="n", description="d", topics=("ok", 3)))  # type: ignore[arg-type]


@pytest.mark.parametrize(("weekday", "hour", "minute"), [(7, 9, 0), (-1, 9, 0), (0, 24, 0), (0, 9, 60)])
def test_bad_queue_slot(weekday: int, hour: int, minute: int) -> None:
    with pytest.raises(PersonaError, match="queue slot"):
        QueueSlot(weekday, hour, minute)


def test_names_are_unique_case_insensitively() -> None:
    with pytest.raises(PersonaError, match="two personas are named 'Career'"):
        validate_all([Persona(name="career", description="d"), Persona(name="Career", description="d")])
    # Casefold, not lower: the German sharp s folds to "ss".
    with pytest.raises(PersonaError, match="names must be unique"):
        validate_all([Persona(name="strasse", description="d"), Persona(name="STRAẞE", description="d")])


def test_handles_are_unique_case_insensitively() -> None:
    with pytest.raises(PersonaError, match="handle") as e:
        validate_all([Persona(name="a", description="d", handle="@Me"),
                      Persona(name="b", description="d", handle="@me")])
    assert e.value.field == "handle"


def test_distinct_personas_pass_together() -> None:
    ps = [Persona(name="a", description="d", handle="@a"), Persona(name="b", description="d"),
          Persona(name="c", description="d")]
    assert validate_all(ps) == ps


def test_limits_and_display_helpers() -> None:
    assert Persona(name="n", description="d").char_limit == STANDARD_LIMIT == 280
    assert Persona(name="n", description="d", premium=True).char_limit == PREMIUM_LIMIT == 25_000
    assert Persona(name="n", topics=("a", "b")).focus_summary == "a, b"
    assert Persona(name="_x", description="d").initial == "X"
    assert Persona(name="__", description="d").initial == "?"


def test_with_changes_validates() -> None:
    p = Persona(name="n", description="d")
    assert p.with_changes(handle="@ok").handle == "@ok"
    with pytest.raises(PersonaError):
        p.with_changes(handle="nope")


@pytest.mark.parametrize("handle", ["@garden_m@127.0.0.1:18766", "@admin@localhost:3000", "@me@localhost",
                                    "@me@[::1]:3000", "@metal@fosstodon.org", "@metal@social.example:8443",
                                    "@metal"])
def test_mastodon_handles_on_self_hosted_servers_and_ports_are_accepted(handle: str) -> None:
    """QA #7: a server with a port (``http://127.0.0.1:18766``, ``https://localhost:3000``) names handles so."""
    assert handle_problem("mastodon", handle) is None


@pytest.mark.parametrize("handle", ["@metal@host:port", "@metal@localhost:", "@metal@social.example:123456",
                                    "@metal@nodot", "@metal@@fosstodon.org", "metal@fosstodon.org"])
def test_mastodon_handles_that_name_no_server_are_refused(handle: str) -> None:
    assert handle_problem("mastodon", handle) == (f"handle {handle!r} must look like @name@server.social "
                                                  "(a Mastodon account)")


@pytest.mark.parametrize(("server", "secure"), [("http://fosstodon.org", "https://fosstodon.org"),
                                                 ("http://social.example:8080", "https://social.example:8080"),
                                                 ("http://bsky.example", "https://bsky.example")])
def test_a_server_on_plain_http_is_refused_with_its_https_address(server: str, secure: str) -> None:
    """A persona's server gets the account's token or password: over plain http anyone on the way reads it."""
    assert server_problem(server) == (f"server {server!r} is not a secure address: personamgr sends an account's "
                                      "token or password only over https (plain http only to this computer). "
                                      f"Use {secure}")
    with pytest.raises(PersonaError, match="is not a secure address"):
        validate(Persona(name="metal", network="mastodon", server=server))


@pytest.mark.parametrize("server", ["http://127.0.0.1:18766", "http://localhost:3000", "http://[::1]:3000",
                                    "https://fosstodon.org", "https://localhost:3000"])
def test_https_and_a_server_on_this_computer_are_accepted(server: str) -> None:
    assert server_problem(server) is None


@pytest.mark.parametrize(("typed", "account", "server"), [
    ("@me_masto@mastodon.example", "@me_masto@mastodon.example", "https://mastodon.example"),
    ("me@fosstodon.org", "@me@fosstodon.org", "https://fosstodon.org"),
    ("https://@garden@social.example:8443", "@garden@social.example", "https://social.example:8443")])
def test_an_account_typed_for_the_server_names_the_server_to_use(typed: str, account: str, server: str) -> None:
    """A new user typed their Mastodon address, @me_masto@mastodon.example, where the server goes: it said "Server
    'https://@me_masto@mastodon.example' must not contain a user name or password", an address they never typed
    and no word of what to type instead."""
    assert server_problem(normalise_server(typed)) == f"{account} is an account, not a server: use its server, {server}"
