"""Which @handles of a Bluesky post will link no one, and why: said while the post is written, before it goes out.

A mention links an account only when the handle is verified both ways (``BlueskyClient.mention``); otherwise it
goes out as plain text. Asked over the network (the handle's DID, then that DID's document): call it off the GUI
thread. Importing this module is cheap: atproto loads on the first question.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.networks.base import NetworkError
from personamgr.core.personas import Persona

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
    out: list[str] = []
    try:
        api = network.client(persona.server)
    except NetworkError:
        return []
    try:
        for handle in handles:
            try:
                why = api.mention(handle)[1]
            except NetworkError:
                continue
            if why is not None:
                out.append(translate("BlueskyMentions", WHY[why]).format(handle=handle.lstrip("@")))
    finally:
        api.close()
    return out
