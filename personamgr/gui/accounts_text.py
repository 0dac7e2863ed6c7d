"""A persona's network and account, as the window says them (in the user's language).

The list, the compose box, the tray and the dialogs all name a persona's account the same way:
"@metal@fosstodon.org on Mastodon". The network's name goes through the "networks" context like
every network's display name.
"""

from __future__ import annotations

from personamgr.core.i18n import translate
from personamgr.core.personas import Persona


def network_name(persona: Persona) -> str:
    return translate("networks", persona.network_label)


def on_network(persona: Persona) -> str:
    """"on Mastodon": beside the compose box's picker, which names the handle itself."""
    return translate("Accounts", "on {network}").format(network=network_name(persona))


def account_text(persona: Persona) -> str:
    """"@metal@fosstodon.org on Mastodon", or "on Bluesky" while the persona has no handle yet."""
    if not persona.handle:
        return on_network(persona)
    return translate("Accounts", "{handle} on {network}").format(handle=persona.handle, network=network_name(persona))
