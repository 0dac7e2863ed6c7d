"""Which @handles of a Bluesky post will link no one, and why: said while the post is written, before it goes out.

A mention links an account only when the handle is verified both ways (``BlueskyClient.mention``); otherwise it
goes out as plain text. Asked over the network (the handle's DID, then that DID's document): call it off the GUI
thread. Importing this module is cheap: atproto loads on the first question.

Compose asks after every typing pause, each time about every handle in the post: each answer (found, or why not)
is kept for ANSWER_KEEP on the network (:attr:`BlueskyNetwork.mention_answers`), so typing asks about a handle once,
and a handle that changes (an account made, a domain's record fixed) is seen within minutes. Sending does not use
them: it asks again, as the mention it links must be true then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.networks.base import NetworkError
from personamgr.core.personas import Persona

if TYPE_CHECKING:
    from personamgr.core.networks.bluesky.network import BlueskyNetwork

ANSWER_KEEP = timedelta(minutes=3)  # how long compose trusts what it was told of a handle
MentionKey = tuple[str, str]  # (the server the persona asks: "" for its default, the handle in lower case)
Answer = tuple[str | None, str | None]  # BlueskyClient.mention's: (the DID, None) or (None, why it links no one)

WHY = {
    "unknown": QT_TRANSLATE_NOOP("BlueskyMentions", "@{handle} will go out as plain text, linking no one: no Bluesky "
                                                    "account has this handle."),
    "unclaimed": QT_TRANSLATE_NOOP("BlueskyMentions", "@{handle} will go out as plain text, linking no one: the "
                                                      "account it points to does not claim this handle (Bluesky shows "
                                                      "it as an invalid handle)."),
    "unverified": QT_TRANSLATE_NOOP("BlueskyMentions", "@{handle} will go out as plain text, linking no one: its "
                                                       "account's DID document could not be read, so nothing confirms "
                                                       "the handle is that account's."),
}


def may_mention(persona: Persona | None, parts: Sequence[str]) -> bool:
    """Whether the post can hold a Bluesky mention worth asking about (cheap: no network, no atproto)."""
    return persona is not None and persona.network == "bluesky" and any("@" in p for p in parts)


def unlinked_mentions(networks: Mapping[str, object], persona: Persona, parts: Sequence[str]) -> list[str]:
    """One sentence per handle the post mentions that will link no one, in the order written. A handle that cannot
    be asked about now (offline, the server failing) is not said: sending asks again."""
    from personamgr.core.networks.bluesky.network import BlueskyNetwork

    network = networks.get("bluesky")
    if not may_mention(persona, parts) or not isinstance(network, BlueskyNetwork):
        return []
    from atproto_client.utils import facet_detection

    handles = list(dict.fromkeys(m.handle for p in parts for m in facet_detection.detect_mentions(p)))
    if not handles:
        return []
    server = persona.server or ""
    answers = {h: known for h in handles if (known := network.mention_answers.get(_key(server, h))) is not None}
    answers |= _asked(network, persona.server, [h for h in handles if h not in answers])
    return [translate("BlueskyMentions", WHY[why]).format(handle=handle.lstrip("@"))
            for handle in handles if handle in answers and (why := answers[handle][1]) is not None]


def _key(server: str, handle: str) -> MentionKey:
    return server, handle.lstrip("@").lower()  # a handle is a domain name: its case says nothing


def _asked(network: BlueskyNetwork, server: str | None, handles: Sequence[str]) -> dict[str, Answer]:
    """What the network says of each of ``handles``, kept for the next pauses; a handle it cannot be asked about now
    is left out, and one whose account's document could not be read is not kept: both are asked again."""
    if not handles:
        return {}
    try:
        api = network.client(server)
    except NetworkError:
        return {}
    out: dict[str, Answer] = {}
    try:
        for handle in handles:
            try:
                out[handle] = answer = api.mention(handle)
            except NetworkError:
                continue
            if answer[1] != "unverified":  # a document that could not be read now may be read at the next pause
                network.mention_answers.put(_key(server or "", handle), answer)
    finally:
        api.close()
    return out
