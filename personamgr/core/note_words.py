"""The one wording of what a post says about itself, said when it is read rather than when it happened.

Why it failed (the network's answer, a revoked token, a rate limit), that it missed its time or its persona's
monthly cap, that it may have gone out: a post keeps what happened (a kind and its values: the network, the
status code, the count and the limit, the time...) and :mod:`personamgr.core.reason_words` says it through
these words in the reader's language, as it says the guard's reasons. What a network said in its own words is
a value, kept and shown as it said it. A note may carry another (a network's refusal inside "Reconnect the
account"): the inner one is said first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import PurePath
from typing import Any

from personamgr.core.i18n import QT_TRANSLATE_NOOP, day_month, number, translate
from personamgr.core.personas import NETWORK_LABELS
from personamgr.core.unreadable import why_unreadable

Values = Mapping[str, Any]


def network_label(network: str) -> str:
    """A network's name (a persona's ``network``) as the reader's language says it."""
    return translate("networks", NETWORK_LABELS.get(network, network))


def full_stop(message: str) -> str:
    """A network's message as a sentence, so the next sentence does not run into it."""
    message = message.rstrip()
    return message if not message or message[-1] in ".!?…" else message + "."


# Notes said by one sentence with its values put in. ``network`` values are said as the network's name; numbers
# as the reader's language writes them; everything else (a network's own words) as it is.
_SENTENCES: dict[str, tuple[str, str]] = {
    # X (core/networks/x/errors.py; the sandbox refuses as X does)
    "x_credentials": ("X", QT_TRANSLATE_NOOP("X", "X refused this account's credentials ({error}): access was "
                                             "revoked or the tokens are no longer valid.")),
    "x_read_only": ("X", QT_TRANSLATE_NOOP("X", 'X says the developer app may only read. In the X developer portal '
                                           'set the app\'s permissions to "Read and write", then connect the account '
                                           'again (tokens made while it was read-only stay read-only).')),
    "x_refused": ("X", QT_TRANSLATE_NOOP("X", "X refused the post: {error}")),
    "x_reply_refused": ("X", QT_TRANSLATE_NOOP("X", "X refused the reply: {error} X only allows replies where the "
                                               "author mentioned or quoted this account.")),
    "x_server_error": ("X", QT_TRANSLATE_NOOP("X", "X had a server error ({status}: {error}); the post will be tried "
                                              "again.")),
    "x_server_error_sent": ("X", QT_TRANSLATE_NOOP("X", "X had a server error ({status}: {error}) after the post was "
                                                   "sent: X may have made it all the same. It will be sent again "
                                                   "shortly, only as it is: X refuses a copy of a recent post it "
                                                   "still has, so it goes out once unless it is deleted there "
                                                   "first. Not sent within the hour, it waits for review.")),
    "x_rate_limit": ("X", QT_TRANSLATE_NOOP("X", "X's rate limit was reached; the post waits until it resets, then "
                                            "goes out by itself.")),
    "x_media_rate_limit": ("X", QT_TRANSLATE_NOOP("X", "X's limit on image uploads was reached; the post waits "
                                                  "until it resets, then goes out by itself. Posts without images go "
                                                  "out meanwhile.")),
    "x_user_day_cap": ("X", QT_TRANSLATE_NOOP("X", "X's daily limit of posts for this account was reached; the post "
                                              "waits until it resets, then goes out by itself.")),
    "x_app_day_cap": ("X", QT_TRANSLATE_NOOP("X", "X's daily limit of posts for the developer app (every account "
                                             "connected through it counts) was reached; the post waits until it "
                                             "resets, then goes out by itself.")),
    "x_user_day_cap_of": ("X", QT_TRANSLATE_NOOP("X", "X's daily limit of posts for this account was reached (X "
                                                 "allows {limit} a day); the post waits until it resets, then goes "
                                                 "out by itself.")),
    "x_app_day_cap_of": ("X", QT_TRANSLATE_NOOP("X", "X's daily limit of posts for the developer app was reached (X "
                                                "allows {limit} a day, counting every account connected through "
                                                "it); the post waits until it resets, then goes out by itself.")),
    "x_connect_timeout": ("X", QT_TRANSLATE_NOOP("X", "X did not accept the connection in time; nothing was sent. It "
                                                 "will be tried again.")),
    "x_read_timeout": ("X", QT_TRANSLATE_NOOP("X", "X did not answer in time; it will be tried again.")),
    "x_tls": ("X", QT_TRANSLATE_NOOP("X", "The secure connection to X failed ({error}); nothing was sent. It will be "
                                     "tried again.")),
    "x_unreachable": ("X", QT_TRANSLATE_NOOP("X", "X cannot be reached (no network, or the connection was refused); "
                                             "nothing was sent. The post waits and goes out by itself when the "
                                             "network is back.")),
    "x_proxy": ("X", QT_TRANSLATE_NOOP("X", "The proxy in front of X cannot be reached; nothing was sent. The post "
                                       "waits and is tried again.")),
    "x_broke": ("X", QT_TRANSLATE_NOOP("X", "The connection to X broke ({error}); it will be tried again.")),
    "x_gif_failed": ("X", QT_TRANSLATE_NOOP("X", "X could not process the GIF {name} ({error}); the post was not "
                                                 "sent.")),
    "x_gif_slow": ("X", QT_TRANSLATE_NOOP("X", "X was still processing the GIF {name}; the post will be tried "
                                               "again.")),
    # Mastodon (core/networks/mastodon/errors.py); ``server``: the account's server, as the user knows it
    "mastodon_rate_limit": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server}'s rate limit was reached; the post "
                                                          "waits until it resets, then goes out by itself.")),
    "mastodon_media_rate_limit": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server}'s limit on image uploads was "
                                                                "reached; the post waits until it resets, then goes "
                                                                "out by itself. Posts without images go out "
                                                                "meanwhile.")),
    "mastodon_token": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server} refused this account's access token "
                                                     "({server_message}): access was revoked or the token is no "
                                                     "longer valid.")),
    "mastodon_moved": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server} now sends personamgr on to {target} "
                                                     "({status}): the server has a new address, and personamgr does "
                                                     "not take the account's token there unasked. Use {target} when "
                                                     "connecting.")),
    "mastodon_scope": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server} says personamgr may not post for this "
                                                     "account ({msg}). Connect it again and allow posting.")),
    "mastodon_refused": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server} refused the post: {msg}")),
    "mastodon_unprepared": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "The post could not be prepared for {server}: "
                                                          "{error}")),
    "mastodon_unexpected": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server} answered in an unexpected way "
                                                          "({name}: {error}).")),
    "mastodon_connect_timeout": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server} did not accept the connection "
                                                               "in time; nothing was sent. It will be tried again.")),
    "mastodon_tls": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "The secure connection to {server} failed; nothing was "
                                                   "sent. It will be tried again.")),
    "mastodon_unreachable": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server} cannot be reached (no network, or "
                                                           "the connection was refused); nothing was sent. The post "
                                                           "waits and goes out by itself when the network is back.")),
    "mastodon_write_timeout": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server} did not answer in time after the "
                                                             "post was sent. It will be sent again shortly; it "
                                                             "carries a key {server} recognises, so it cannot go out "
                                                             "twice and needs no review.")),
    "mastodon_write_dropped": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server} dropped the connection after the "
                                                             "post was sent. It will be sent again shortly; it "
                                                             "carries a key {server} recognises, so it cannot go out "
                                                             "twice and needs no review.")),
    "mastodon_write_gateway": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{server} answered with a gateway error "
                                                             "({status_of}: {server_message}) after the post was "
                                                             "sent: the server may have made it all the same. It will "
                                                             "be sent again shortly; it carries a key {server} "
                                                             "recognises, so it cannot go out twice and needs no "
                                                             "review.")),
    "mastodon_broke": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "The connection to {server} broke ({name}); it will "
                                                     "be tried again.")),
    # Bluesky (core/networks/bluesky/errors.py)
    "bluesky_rate_limit": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky's rate limit was reached; the post waits "
                                                        "until it resets, then goes out by itself.")),
    "bluesky_session": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky refused this account's session ({error}): "
                                                     "the app password was revoked or the account signed out.")),
    "bluesky_session_ended": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky says the session has ended "
                                                           "({error}).")),
    "bluesky_account_unavailable": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky does not let this account post "
                                                                 "({error}): Bluesky's moderation took it down, or "
                                                                 "its owner deactivated it. Signing in again does not "
                                                                 "change that; the account must be restored first.")),
    "bluesky_refused": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky refused the post: {error}")),
    "bluesky_too_large": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky refused the post as too large: {error}")),
    "bluesky_server_error": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky had a server error ({status}: "
                                                          "{error}); the post will be tried again.")),
    "bluesky_unexpected": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky answered in an unexpected way ({name}: "
                                                        "{error}).")),
    "bluesky_connect_timeout": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky did not accept the connection in "
                                                             "time; nothing was sent. It will be tried again.")),
    "bluesky_write_timeout": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky did not answer in time after the post "
                                                           "was sent. It will be sent again shortly; Bluesky is "
                                                           "asked first whether it arrived, so it cannot go out "
                                                           "twice and needs no review.")),
    "bluesky_read_timeout": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky did not answer in time; it will be "
                                                          "tried again.")),
    "bluesky_unreachable": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky cannot be reached (no network, or the "
                                                         "connection was refused); nothing was sent. The post waits "
                                                         "and goes out by itself when the network is back.")),
    "bluesky_write_broke": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "The connection to Bluesky broke after the post "
                                                         "was sent. It will be sent again shortly; Bluesky is asked "
                                                         "first whether it arrived, so it cannot go out twice and "
                                                         "needs no review.")),
    "bluesky_broke": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "The connection to Bluesky broke ({name}); it will be "
                                                   "tried again.")),
    "mastodon_processing": ("Mastodon", QT_TRANSLATE_NOOP("Mastodon", "{label} was still processing {name} after "
                                                          "{wait_s} s; the post will be tried again.")),
    "bluesky_password": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "Bluesky refused the app password of {handle} "
                                                      "({error}): it was revoked or changed.")),
    "bluesky_part_gone": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "A part of this thread that went out earlier is no "
                                                       "longer on Bluesky (it was deleted), so the rest cannot reply "
                                                       "to it.")),
    "insecure_server": ("Network", QT_TRANSLATE_NOOP("Network", "The {network} server {server} is not a secure "
                                                     "address: personamgr sends an account's token or password only "
                                                     "over https (plain http only to this computer), so nothing was "
                                                     "sent to it. Edit the persona and change its server to "
                                                     "{secure}.")),
    "credentials_incomplete": ("Network", QT_TRANSLATE_NOOP("Network", "The stored {network} credentials are "
                                                            "incomplete (missing {list}).")),
    # Images, checked again right before sending (core/media.py): the files may have changed since
    "media_no_part": ("Media", QT_TRANSLATE_NOOP("Media", "Images are attached to a thread part that does not exist "
                                                 "(part {part}).")),
    "media_not_found": ("Media", QT_TRANSLATE_NOOP("Media", "{path} does not exist (it may have been moved or "
                                                   "deleted).")),
    "media_folder": ("Media", QT_TRANSLATE_NOOP("Media", "{path} is a folder, not an image.")),
    "media_empty": ("Media", QT_TRANSLATE_NOOP("Media", "{name} is empty.")),
    "media_alt_long": ("Media", QT_TRANSLATE_NOOP("Media", "The alt text of {name} is {length} characters; {network} "
                                                  "allows {max}.")),
    # The Poster (core/posting.py): what it makes of the network's answer, and what stops a post before it
    "reconnect": ("Posting", QT_TRANSLATE_NOOP("Posting", "{error} Reconnect the account; the post is kept.")),
    "unexpected": ("Posting", QT_TRANSLATE_NOOP("Posting", "Something unexpected happened while sending ({error}). "
                                                "Check the account before sending again.")),
    "unexpected_retried": ("Posting", QT_TRANSLATE_NOOP("Posting", "Something unexpected happened while sending "
                                                        "({error}). {network} is asked first whether it arrived, so "
                                                        "it will be tried again and cannot go out twice.")),
    "keyring_locked": ("Posting", QT_TRANSLATE_NOOP("Posting", "The keyring is locked, so personamgr could not read "
                                                    "{persona}'s credentials. Unlock it: the post waits until then.")),
    "keyring_silent": ("Posting", QT_TRANSLATE_NOOP("Posting", "The keyring did not answer while personamgr read "
                                                    "{persona}'s credentials; it may be locked. Unlock it: the post "
                                                    "waits until then.")),
    "keyring_gone": ("Posting", QT_TRANSLATE_NOOP("Posting", "No secure keyring answered while personamgr read "
                                                  "{persona}'s credentials: the keyring that keeps them (GNOME Keyring "
                                                  "or KWallet) is not running now. Start it again (logging out and "
                                                  "back in does): the post waits until then.")),
    "not_connected": ("Posting", QT_TRANSLATE_NOOP("Posting", "{persona} was not connected to an account, so the "
                                                   "post did not go out. Connect it (Persona ▸ Connect account… in "
                                                   "the window, or personamgr connect --persona {persona}), then "
                                                   "retry it.")),
    "part_unrecorded": ("Posting", QT_TRANSLATE_NOOP("Posting", "Part {n} went out, but it could not be recorded, so "
                                                     "the rest of the thread waits: {error}.")),
    "record_taken": ("Posting", QT_TRANSLATE_NOOP("Posting", "another sender took the post meanwhile")),
    "no_slots": ("Slots", QT_TRANSLATE_NOOP("Slots", "{persona} has no queue slots; add some in the persona's "
                                            "settings, or give a date and time")),
    "pacing": ("Policy", QT_TRANSLATE_NOOP("Policy", "Waiting to stay within X's pacing limits (200 posts per 15 "
                                           "minutes, 300 per 3 hours).")),
    # Marking what went out (core/post_workflows.py)
    "not_out_as_checked": ("PostWorkflows", QT_TRANSLATE_NOOP("PostWorkflows", "It did not go out, as you checked. "
                                                              "Retry sends it.")),
}


# Notes that a post may have gone out, said as what happened; the way out is added for what the post is (see
# :func:`way_out`): a single post is marked sent, a thread's one part in doubt is asked about. ``way``: "send" (mark
# it or send it again), "edit" (a repeat would be refused again: mark it or edit it), "edited" (an earlier version is
# out: keep it, or delete it there and send this one).
_DOUBTS: dict[str, tuple[str, str, str]] = {
    "x_write_timeout": ("X", QT_TRANSLATE_NOOP("X", "X did not answer in time after the post was sent, so it may or "
                                               "may not have gone out."), "send"),
    "x_write_broke": ("X", QT_TRANSLATE_NOOP("X", "The connection to X broke after the post was sent, so it may or "
                                             "may not have gone out."), "send"),
    "bluesky_edited_out": ("Bluesky", QT_TRANSLATE_NOOP("Bluesky", "An earlier version of this post (before it was "
                                                        "edited) already went out on Bluesky ({post_uri})."),
                           "edited"),
    "maybe_out_before": ("Posting", QT_TRANSLATE_NOOP("Posting", "{error} An earlier attempt may have gone out."),
                         "edit"),
    "retries_unanswered": ("Posting", QT_TRANSLATE_NOOP("Posting", "{network} did not answer after the post was sent, "
                                                        "and it was tried {n} times: whether it went out is not "
                                                        "known, and it is not sent again by itself."), "send"),
    "retries_errored": ("Posting", QT_TRANSLATE_NOOP("Posting", "{network} answered with a server error each time the "
                                                     "post was sent, and it was tried {n} times: it may have gone out "
                                                     "all the same, and it is not sent again by itself."), "send"),
    "account_switched": ("Posting", QT_TRANSLATE_NOOP("Posting", "This post was being sent as {was} when {persona} "
                                                      "was connected to {now} instead, so it may be on {was} and not "
                                                      "on {now}; it is not sent again by itself."), "send"),
    "x_repeat_window_passed": ("X", QT_TRANSLATE_NOOP("X", "X had a server error when this post was sent, and refuses "
                                                       "a copy of a post only while it is recent. An hour has "
                                                       "passed, so sending it again could post it twice."), "send"),
    "repeat_window_passed": ("Posting", QT_TRANSLATE_NOOP("Posting", "{network} did not answer when this post was "
                                                          "sent, and it recognises a repeat of it only for an hour. "
                                                          "That hour has passed, so sending it again could post it "
                                                          "twice."), "send"),
}


def way_of(kind: str) -> str:
    """The way out of a doubt of ``kind`` (see ``_DOUBTS``); "send" for any other (a network's own words)."""
    return _DOUBTS[kind][2] if kind in _DOUBTS else "send"


def way_out(way: str, part: int | None) -> str:
    """The way out of a doubt as the window and the CLI offer it: a single post (``part`` None) is marked sent; a
    thread's one part in doubt is asked about ("Mark what went out…"), and sending again starts from it."""
    if way == "edit":
        return (translate("Posting", "Check the account, then mark it sent or edit it.") if part is None else
                translate("Posting", "Check the account for part {part}, then mark what went out or edit "
                          "it.").format(part=part))
    if way == "edited":
        return (translate("Bluesky", "Check the account, then mark it sent, or delete it there and send this version "
                          "again.") if part is None else
                translate("Bluesky", "Check the account for part {part}, then mark what went out, or delete it there "
                          "and send this version again from there.").format(part=part))
    return (translate("Network", "Check the account, then mark it sent or send it again.") if part is None else
            translate("Network", "Check the account for part {part}, then mark what went out or send it again from "
                      "there.").format(part=part))


def either(names: Sequence[str]) -> str:
    """"PNG, JPEG, GIF or WebP": the choices a network accepts, in the reader's language."""
    if len(names) == 1:
        return names[0]
    return translate("Media", "{list} or {last}").format(list=", ".join(names[:-1]), last=names[-1])


def megabytes(size: int, unit: int = 1_048_576) -> str:
    """A file's size in megabytes (of ``unit`` bytes), to a tenth, as the reader's language writes numbers."""
    return f"{number(size / unit, 1)} MB"


def _limit(size: int) -> str:
    """A network's limit as it states it: 5 MB (X, binary), 2 MB (Bluesky's 2,000,000 bytes)."""
    for unit in (1_048_576, 1_000_000):
        if size >= unit and size % unit == 0:
            return f"{size // unit} MB"
    return megabytes(size)


def _media_type(v: Values) -> str:
    text = (translate("Media", "{name} is a {type} image that {network} does not accept; use {types}.") if v.get("type")
            else translate("Media", "{name} is not an image type that {network} accepts; use {types}."))
    return text.format(name=v["name"], type=v.get("type"), network=network_label(str(v["network"])),
                       types=either(list(v["types"])))


def _media_too_big(v: Values) -> str:
    size, limit = int(v["size"]), int(v["limit"])
    shown = megabytes(size) if limit % 1_000_000 else megabytes(size, 1_000_000)
    text = (translate("Media", "{name} is {size}; {network} accepts animated GIFs up to {limit}. {hint}")
            if v.get("animated") else
            translate("Media", "{name} is {size}; {network} accepts images up to {limit}. {hint}"))
    return text.format(name=v["name"], size=shown, network=network_label(str(v["network"])), limit=_limit(limit),
                       hint=translate("Media", v["hint"]))


def _media_unreadable(v: Values) -> str:
    """An image that cannot be read: why, in the reader's words (a note kept before the errno was, as the OS
    said it)."""
    if v.get("errno") is None:
        return translate("Media", "{name} cannot be read: {error}.").format(name=v["name"], error=v["error"])
    return translate("Media", "{name} cannot be read: {why}, then attach it again.").format(
        name=v["name"], why=why_unreadable(int(v["errno"]), str(v.get("error") or "")))


def _media_damaged(v: Values) -> str:
    """An image whose header is good and whose data is not: a download or copy cut short, or damaged."""
    text = (translate("Media", "{name} is a {type} image cut short: its data ends before the picture does (a "
                      "download or copy that did not finish). Download or save it again, check that it opens in an "
                      "image viewer, then attach it again.") if v.get("cut") else
            translate("Media", "{name} is a {type} image whose data is damaged, so it cannot be shown. Download or "
                      "save it again, check that it opens in an image viewer, then attach it again."))
    return text.format(name=v["name"], type=v["type"])


def _animated_alone(v: Values) -> str:
    """An animated GIF with other images on one post, where the network takes a GIF only alone (X)."""
    text = (translate("Media", "{network} takes an animated GIF only on a post of its own (up to 4 images, or 1 "
                      "animated GIF): {name} is on part {part} of the thread with other images. Give it a part of "
                      "its own, or remove the other images.") if v.get("part") else
            translate("Media", "{network} takes an animated GIF only on a post of its own (up to 4 images, or 1 "
                      "animated GIF): {name} is on the post with other images. Put it in a thread part of its own, "
                      "or remove the other images."))
    return text.format(network=network_label(str(v["network"])), name=v["name"], part=v.get("part"))


def _media_missing(v: Values) -> str:
    if v.get("part"):
        return translate("Media", "The image {path} attached to part {part} of the thread is missing. Attach it "
                         "again.").format(path=v["path"], part=v["part"])
    return translate("Media", "The image {path} attached to the post is missing. Attach it again.").format(
        path=v["path"])


def _put(context: str, source: str, v: Values) -> str:
    """One sentence with its values put in (see ``_SENTENCES``)."""
    put = {k: network_label(str(x)) if k == "network" else
           number(x) if isinstance(x, int | float) and not isinstance(x, bool) else x for k, x in v.items()}
    return translate(context, source).format(**put)


def _mastodon_server_error(v: Values) -> str:
    """The server's status code when it gave one (a 5xx reached through a proxy may come without)."""
    if v.get("status_of") is None:
        return translate("Mastodon", "{server} had a server error ({server_message}); the post will be tried "
                         "again.").format(server=v["server"], server_message=v["server_message"])
    return translate("Mastodon", "{server} had a server error ({status_of}: {server_message}); the post will be "
                     "tried again.").format(server=v["server"], status_of=v["status_of"],
                                            server_message=v["server_message"])


def _slots_taken(v: Values) -> str:
    years = int(v["years"])  # a plain name: pyside6-lupdate reads no other count
    return translate("Slots", "every queue slot of {persona} for the next %n years is taken", None, years).format(
        persona=v["persona"])


def _record_fault(v: Values) -> str:
    """What kept the database from recording a part (core.faults.fault_note): the fault's kind and the file, said
    in the reader's language; the database's own words only for a fault without words of ours."""
    path = str(v["path"])
    folder = str(PurePath(path).parent)
    words = {
        "full": lambda: translate("Faults", "the disk holding {folder} is full").format(folder=folder),
        "read_only": lambda: translate("Faults", "{path} cannot be written: it, its folder or its disk is "
                                       "read-only").format(path=path),
        "locked": lambda: translate("Faults", "{path} is locked by another program").format(path=path),
        "damaged": lambda: translate("Faults", "{path} is damaged and cannot be read").format(path=path),
        "io": lambda: translate("Faults", "the disk holding {folder} failed to read or write (input/output "
                                "error)").format(folder=folder),
        "memory": lambda: translate("Faults", "personamgr ran out of memory; close other programs and try again"),
    }.get(str(v["fault"]))
    if words is not None:
        return words()
    return translate("Faults", "{path} could not be written ({error})").format(path=path, error=v.get("error", ""))


def _mastodon_processing(v: Values) -> str:
    """The wait in whole seconds, or in tenths under one: a 0.2 s wait said "after 0 s"."""
    wait = float(v["wait_s"])
    shown = number(wait) if wait >= 1 else number(max(wait, 0.1), 1)
    return _put(*_SENTENCES["mastodon_processing"], {**v, "wait_s": shown})


def _sentence(kind: str) -> Callable[[Values], str]:
    context, source = _SENTENCES[kind]
    return lambda v: _put(context, source, v)


def _doubt(kind: str) -> Callable[[Values], str]:
    """A doubt said alone is a single post's: what happened, then its way out. Inside a thread's note (``bare``),
    what happened only: the thread's note adds the way out for its part in doubt."""
    context, source, way = _DOUBTS[kind]

    def say(v: Values) -> str:
        said = _put(context, source, {k: x for k, x in v.items() if k != "bare"})
        return said if v.get("bare") else f"{said} {way_out(way, None)}"
    return say


def _x_clock(v: Values) -> str:
    minutes = number(float(v["minutes"]))
    return (translate("X", "X refused the request because this computer's clock is {minutes} minutes ahead of X's: a "
                      "signed request must carry the right time. Set the date and time to be set automatically, then "
                      "try again.") if v["ahead"] else
            translate("X", "X refused the request because this computer's clock is {minutes} minutes behind X's: a "
                      "signed request must carry the right time. Set the date and time to be set automatically, then "
                      "try again.")).format(minutes=minutes)


def parts_known(out: int, total: int) -> str:
    """What is known of a thread whose part ``out + 1`` went unanswered: "Part 1 of 3 went out; part 2 may or may
    not have. Part 3 was not sent." (``out`` 0: "Part 1 of 3 may or may not have gone out. ..."). The parts go one
    after another, so only that one part is in doubt."""
    known = (translate("Network", "Part 1 of {total} may or may not have gone out.") if out == 0 else
             translate("Network", "Part 1 of {total} went out; part {next} may or may not have.") if out == 1 else
             translate("Network", "Parts 1–{out} of {total} went out; part {next} may or may not have.")).format(
        out=out, total=total, next=out + 1)
    rest = total - out - 1
    if rest <= 0:
        return known
    unsent = (translate("Network", "Part {first} was not sent.") if rest == 1 else
              translate("Network", "Parts {first}–{total} were not sent.")).format(first=out + 2, total=total)
    return f"{known} {unsent}"


def _in_doubt(v: Values) -> str:
    """A thread's part in doubt: what is known of each part, why (``why``, the network's answer), and the way out
    for that part (``way``, see :func:`way_out`; a note kept before it was said had its single post's way in
    ``why``)."""
    out = int(v["out"])
    said = f"{parts_known(out, int(v['total']))} {full_stop(str(v['why']))}"
    return f"{said} {way_out(str(v['way']), out + 1)}" if v.get("way") else said


def _part_failed(v: Values) -> str:
    sent = int(v["sent"])
    return (translate("Network", "Part 1 of the thread went out; part {failed} failed: {error} The remaining parts "
                      "are unsent.") if sent == 1 else
            translate("Network", "Parts 1–{sent} of the thread went out; part {failed} failed: {error} The remaining "
                      "parts are unsent.")).format(sent=sent, failed=v["failed"], error=full_stop(str(v["error"])))


def _other_network(v: Values) -> str:
    """A thread begun on one network, its persona now on another."""
    n = int(v["n"])
    return (translate("Posting", "Part 1 of the thread went out on {went}, but {persona} now posts to {network}, so "
                      "the rest cannot continue it. Stop the thread here; the rest is kept as a draft.") if n == 1 else
            translate("Posting", "Parts 1–{n} of the thread went out on {went}, but {persona} now posts to {network}, "
                      "so the rest cannot continue it. Stop the thread here; the rest is kept as a draft.")).format(
        n=n, went=network_label(str(v["went"])), persona=v["persona"], network=network_label(str(v["network"])))


def _thread_switched(v: Values) -> str:
    """A thread begun as one account, its persona now connected to another."""
    n, total = int(v["n"]), int(v["total"])
    return (translate("Posting", "Part 1 of {total} went out as {was}, but {persona} now posts as {now}, so the rest "
                      "cannot continue that thread. Stop the thread here; the rest is kept as a draft, to send as "
                      "{now} if you choose.") if n == 1 else
            translate("Posting", "Parts 1–{n} of {total} went out as {was}, but {persona} now posts as {now}, so the "
                      "rest cannot continue that thread. Stop the thread here; the rest is kept as a draft, to send "
                      "as {now} if you choose.")).format(n=n, total=total, was=v["was"], persona=v["persona"],
                                                          now=v["now"])


def _thread_rejoined(v: Values) -> str:
    """A thread begun as one account, its persona connected to it again."""
    n, total = int(v["n"]), int(v["total"])
    return (translate("Posting", "Part 1 of {total} went out as {now}, which {persona} posts as again: Retry continues "
                      "the thread.") if n == 1 else
            translate("Posting", "Parts 1–{n} of {total} went out as {now}, which {persona} posts as again: Retry "
                      "continues the thread.")).format(n=n, total=total, now=v["now"], persona=v["persona"])


def _demo_network(v: Values) -> str:
    return translate("Posting", "{persona} posts on {network}, which the demo does not offer: the demo posts only on "
                     "its built-in sandbox. Edit {persona} and choose the sandbox, or post on {network} from your own "
                     "profile.").format(persona=v["persona"], network=network_label(str(v["network"])))


def _unknown_network(v: Values) -> str:
    return translate("Posting", "{persona} posts to '{network}', which this version does not know.").format(
        persona=v["persona"], network=v["network"])


def _not_sent(v: Values) -> str:
    """What X's rules or the network's limits found wrong, before anything was sent."""
    return translate("Policy", "Not sent: {problems}").format(problems=" ".join(str(p) for p in v["problems"]))


def _cashtags(v: Values) -> str:
    text = (translate("Policy", "Part {part} has {count} cashtags ({cashtags}); X allows one per post. Keep one and "
                      "write the others without the $.") if v.get("part") else
            translate("Policy", "The post has {count} cashtags ({cashtags}); X allows one per post. Keep one and write "
                      "the others without the $."))
    tags = list(v["cashtags"])
    return text.format(part=v.get("part"), count=len(tags), cashtags=", ".join(tags))


def _images(v: Values) -> str:
    text = (translate("Policy", "{network} allows at most {max} images per post; part {part} of the thread has "
                      "{count}.") if v.get("part") else
            translate("Policy", "{network} allows at most {max} images per post; the post has {count}."))
    return text.format(network=network_label(str(v["network"])), max=v["max"], part=v.get("part"), count=v["count"])


def _monthly(v: Values) -> str:
    """The persona's monthly post cap or budget has no room for the post: told before it is sent (``held``
    false: the compose box) or once it was held for it."""
    from personamgr.core.costs import describe

    reset = day_month(date.fromisoformat(str(v["reset"])))
    if "cap" in v:
        n = int(v["parts"])
        fact = (translate("Costs", "{persona} has posted {posts} of its {cap} posts this month, and this post needs "
                          "{parts}.") if n > 1 else
                translate("Costs", "{persona} has posted {posts} of its {cap} posts this month, and this is one more."))
        fact = fact.format(persona=v["persona"], posts=v["posts"], cap=v["cap"], parts=n)
        return (translate("Costs", "{fact} It does not go out by itself: raise the monthly post cap in the persona's "
                          "settings and send it now, or reschedule it for {reset} or later.") if v.get("held") else
                translate("Costs", "{fact} Raise the monthly post cap in the persona's settings, or schedule it for "
                          "{reset} or later.")).format(fact=fact, reset=reset)
    fact = translate("Costs", "This post would cost about {price} on X, and {persona} has spent {spent} of its "
                     "{budget} monthly budget.").format(price=describe(float(v["price"])), persona=v["persona"],
                                                        spent=describe(float(v["spent"])),
                                                        budget=describe(float(v["budget"])))
    return (translate("Costs", "{fact} It does not go out by itself: raise the budget in the persona's settings and "
                      "send it now, or reschedule it for {reset} or later.") if v.get("held") else
            translate("Costs", "{fact} Raise the budget in the persona's settings, or schedule it for {reset} or "
                      "later.")).format(fact=fact, reset=reset)


def _missed(v: Values) -> str:
    """Its time passed while nothing could send it: when (in the persona's zone), by how much."""
    from personamgr.core.scheduling.local_time import describe
    from personamgr.core.scheduling.missed import lateness_text

    return translate("Missed", "Missed its time ({when}) by {late}: personamgr was closed, the computer was asleep, "
                     "or posting was paused.").format(
        when=describe(datetime.fromisoformat(str(v["due"])), str(v["zone"])),
        late=lateness_text(timedelta(minutes=int(v["late_minutes"]))))


def _missed_then(source: str) -> Callable[[Values], str]:
    """A missed time and what the persona's policy did with it."""
    def say(v: Values) -> str:
        return translate("Missed", source).format(missed=_missed(v), hours=v.get("hours"), persona=v.get("persona"))
    return say


def _no_free_slot(v: Values) -> str:
    return translate("Scheduler", "{missed} But no free slot was found ({error}); it was held.").format(
        missed=v["missed"], error=v["error"])


def _unhandled(v: Values) -> str:
    """The scheduler could not handle one post (its persona's settings, most likely): it failed, the rest go on."""
    if v.get("persona"):
        return translate(
            "Scheduler", "Not sent: the scheduler could not handle this post ({why}). {persona}'s settings may hold "
            "a value this version cannot use: check them in the persona editor (or import the persona again), then "
            "retry the post.").format(why=v["why"], persona=v["persona"])
    return translate(
        "Scheduler", "Not sent: the scheduler could not handle this post ({why}). The persona's settings may hold a "
        "value this version cannot use: check them in the persona editor (or import the persona again), then retry "
        "the post.").format(why=v["why"])


def _unreadable_settings(v: Values) -> str:
    return translate("Scheduler", "its persona's stored settings cannot be read ({error})").format(error=v["error"])


def _stopped_while(host: str | None, stopped: bool, thread: bool) -> str:
    """"The app stopped while this post was being sent.", said as the user knows it: the app (window, daemon or CLI
    alike), and the computer if it is another one."""
    if thread:
        return (translate("Outbox", "The app on {host} stopped answering while this thread was being sent.") if host
                else translate("Outbox", "The app stopped while this thread was being sent.") if stopped else
                translate("Outbox", "The app stopped answering while this thread was being sent.")).format(host=host)
    return (translate("Outbox", "The app on {host} stopped answering while this post was being sent.") if host else
            translate("Outbox", "The app stopped while this post was being sent.") if stopped else
            translate("Outbox", "The app stopped answering while this post was being sent.")).format(host=host)


def _sender_gone(v: Values) -> str:
    """A post in flight whose sender stopped (``stopped``) or stopped answering (on ``host``, when another computer);
    for a thread (``total`` parts, ``out`` of them recorded out), which part is in doubt. ``again``: the network that
    is asked first what arrived (or, ``keyed``, that recognises a repeat for a while), so the post is sent again by
    itself; else the way out of the review."""
    host, stopped, out, total = v.get("host"), bool(v.get("stopped")), int(v.get("out", 0)), int(v.get("total", 1))
    thread = bool(out) or total > 1
    if v.get("again") and v.get("keyed"):  # a key the network recognises for a while (Mastodon)
        why, network = _stopped_while(host, stopped, thread), network_label(str(v["again"]))
        if not thread:
            return translate("Outbox", "{why} It carries a key {network} recognises, so it is sent again by itself "
                             "and cannot go out twice.").format(why=why, network=network)
        return translate("Outbox", "{why} {known} Part {part} carries a key {network} recognises, so the thread goes "
                         "on by itself from there, and no part goes out twice.").format(
            why=why, known=parts_known(out, total), network=network, part=out + 1)
    if v.get("again"):  # a key the network looks up first (Bluesky)
        why, network = _stopped_while(host, stopped, thread), network_label(str(v["again"]))
        if not thread:
            return translate("Outbox", "{why} {network} is asked first whether it arrived, so it is sent again by "
                             "itself and cannot go out twice.").format(why=why, network=network)
        return translate("Outbox", "{why} {known} {network} is asked first whether part {part} arrived, so the thread "
                         "goes on by itself from there, and no part goes out twice.").format(
            why=why, known=parts_known(out, total), network=network, part=out + 1)
    if thread:
        return f"{_stopped_while(host, stopped, True)} {parts_known(out, total)} {way_out('send', out + 1)}"
    if host:
        return translate("Outbox", "The app on {host} stopped answering while this post was being sent. It may or "
                         "may not have gone out: check the account, then mark it sent or send it again.").format(
            host=host)
    return (translate("Outbox", "The app stopped while this post was being sent. It may or may not have gone out: "
                      "check the account, then mark it sent or send it again.") if stopped else
            translate("Outbox", "The app stopped answering while this post was being sent. It may or may not have "
                      "gone out: check the account, then mark it sent or send it again."))


def _rest_unsent(v: Values) -> str:
    """Why a thread the user checked is not sent: which parts went out, which did not, and the way on."""
    out, total = int(v["out"]), int(v["total"])
    if out == 0:
        return translate("PostWorkflows", "No part of the thread went out, as you checked. Retry sends it.")
    first = out + 1
    if out == 1:
        text = (translate("PostWorkflows", "Part 1 of {total} went out and part {first} did not, as you checked. "
                          "Retry sends it, continuing the thread from part 1.") if first == total else
                translate("PostWorkflows", "Part 1 of {total} went out and parts {first}–{total} did not, as you "
                          "checked. Retry sends them, continuing the thread from part 1."))
    else:
        text = (translate("PostWorkflows", "Parts 1–{out} of {total} went out and part {first} did not, as you "
                          "checked. Retry sends it, continuing the thread from part {out}.") if first == total else
                translate("PostWorkflows", "Parts 1–{out} of {total} went out and parts {first}–{total} did not, as "
                          "you checked. Retry sends them, continuing the thread from part {out}."))
    return text.format(out=out, total=total, first=first)


NOTE_WORDS: dict[str, Callable[[Values], str]] = {
    **{kind: _sentence(kind) for kind in _SENTENCES},
    **{kind: _doubt(kind) for kind in _DOUBTS},
    "x_clock": _x_clock,
    "mastodon_server_error": _mastodon_server_error,
    "mastodon_processing": _mastodon_processing,
    "slots_taken": _slots_taken,
    "record_fault": _record_fault,
    "in_doubt": _in_doubt,
    "part_failed": _part_failed,
    "other_network": _other_network,
    "thread_switched": _thread_switched,
    "thread_rejoined": _thread_rejoined,
    "unknown_network": _unknown_network,
    "demo_network": _demo_network,
    "not_sent": _not_sent,
    "too_many_cashtags": _cashtags,
    "too_many_images": _images,
    "media_type": _media_type,
    "media_too_big": _media_too_big,
    "media_missing": _media_missing,
    "animated_alone": _animated_alone,
    "media_unreadable": _media_unreadable,
    "media_damaged": _media_damaged,
    "monthly_limit": _monthly,
    "missed_late_sent": _missed_then(QT_TRANSLATE_NOOP("Missed", "{missed} Sent late (allowed up to {hours} h).")),
    "missed_too_late": _missed_then(QT_TRANSLATE_NOOP(
        "Missed", "{missed} That is more than the {hours} h {persona} allows for late posts, so it was held: send it "
        "now, reschedule it, or keep it as a draft.")),
    "missed_skipped": _missed_then(QT_TRANSLATE_NOOP("Missed", "{missed} Moved to the next free queue slot.")),
    "missed_no_slots": _missed_then(QT_TRANSLATE_NOOP(
        "Missed", "{missed} {persona} skips missed posts to the next queue slot, but has no queue slots, so it was "
        "held: send it now, reschedule it, or keep it as a draft.")),
    "missed_held": _missed_then(QT_TRANSLATE_NOOP("Missed", "{missed} Send it now, reschedule it, or keep it as a "
                                                            "draft.")),
    "missed_no_free_slot": _no_free_slot,
    "unhandled": _unhandled,
    "unreadable_settings": _unreadable_settings,
    "sender_gone": _sender_gone,
    "rest_unsent": _rest_unsent,
}
