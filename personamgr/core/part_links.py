"""Whether a link the user pasted is a persona's own post: the one check behind "Mark what went out…".

The part after the one the user found replies to whatever this link names, so a link to another account, another
network or another server (whose numbers are its own) must not be recorded. It is a shape check, with no network
call; a refusal says what the link is to and why that is not the part, and names the part of the text at fault.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from personamgr.core.i18n import translate
from personamgr.core.networks.base import Account, Network
from personamgr.core.networks.links import PostLink
from personamgr.core.note_words import network_label
from personamgr.core.outbox import Post, TransitionError
from personamgr.core.personas import Persona


class LinkRefused(TransitionError):
    """A pasted link that is not the persona's own post. ``bad`` is the (start, end) of the text at fault in the
    link as pasted (the host, the account, or all of it), so the window can select it."""

    def __init__(self, message: str, bad: tuple[int, int]) -> None:
        super().__init__(message)
        self.bad = bad


def own_post(networks: Mapping[str, Network], persona: Persona, link: str, part: int | None,
             credentials: Callable[[], Mapping[str, str] | None] = lambda: None, *,
             went_as: WentAs | None = None) -> PostLink:
    """What ``link`` names, when it is a post of ``persona``'s account on its network and server; else LinkRefused.

    ``part`` is the thread's part the link is for (None: a single post). ``credentials`` is asked only for a link
    naming an account otherwise than by its handle (a Bluesky DID). ``went_as``: the post went out as another
    account than the persona's now (a switch since), and the link must be that account's: the next part replies
    to it, and the record is of what is on that account."""
    network = networks.get(persona.network)
    if went_as is not None:
        persona = replace(persona, handle=went_as.handle, server=went_as.server_on(network) or persona.server)
        credentials = went_as.credentials
    account = Account(persona.uid, persona.handle, server=persona.service_url)

    def refused(why: str, bad: tuple[int, int]) -> LinkRefused:
        example = network.post_url(account, "…") if network is not None else None
        then = (translate("PostWorkflows", "{why}: copy the link of the post from {account} (it looks like {example})")
                if part is None else
                translate("PostWorkflows", "{why}: copy the link of part {part} from the post of {account} (it looks "
                          "like {example})"))
        return LinkRefused(then.format(why=why, part=part, account=persona.account_label, example=example or "…"),
                           bad)

    read = network.read_link(link) if network is not None else None
    if read is None:
        other = next((r for n in networks.values() if n is not network and (r := n.read_link(link))), None)
        if other is None:
            raise refused(translate("PostWorkflows", "that link is not to a post on {network}").format(
                network=network_label(persona.network)), (0, len(link)))
        raise refused(translate("PostWorkflows", "that link is to a post on {other}, not on {network}").format(
            other=network_label(other.network), network=network_label(persona.network)), _span(link, other.server))
    mine = _canonical(network, account) if network is not None else None
    if mine is None:
        return read  # the app cannot say where the persona's posts are shown: nothing to compare
    if read.server.lower() != mine.server.lower():
        raise refused(translate("PostWorkflows", "that link is to a post on {server}, not on {own} (each server "
                                "numbers the posts it shows its own way)").format(server=read.server, own=mine.server),
                      _span(link, read.server))
    if _same_author(read, mine) or _same_author(read, _by_credentials(network, persona, credentials)):
        return read
    raise refused(translate("PostWorkflows", "that link is to a post of {author}, not of {handle}").format(
        author=_shown(read.author or ""), handle=persona.handle or _shown(mine.author or "")),
        _span(link, read.author or ""))


@dataclass(frozen=True, slots=True)
class WentAs:
    """The account a post went out as (its ``sent_as`` and ``sent_as_id``) when its persona posts as another now."""

    handle: str | None
    account_id: str

    def server_on(self, network: object) -> str | None:
        """The server the account is on, where its network names one in the account's id (Mastodon: a switch may
        have moved the persona to another server; the posts that went out stay on this one). None: the persona's."""
        server_of = getattr(network, "server_of", None)
        return server_of(self.account_id) if server_of is not None else None

    def credentials(self) -> Mapping[str, str] | None:
        """The account as its network's links may name it besides its handle (a Bluesky DID), as credentials
        carry it: its id after the network's name ("bluesky:did:plc:…"). The keyring holds only the credentials of
        the account the persona posts as now."""
        _network, _, rest = self.account_id.partition(":")
        return {"did": rest} if rest else None


def went_as(post: Post) -> WentAs | None:
    """The account ``post`` went out as, when its persona now posts as another (:attr:`Post.other_account`)."""
    if post.other_account is None or post.sent_as_id is None:
        return None
    return WentAs(post.sent_as, post.sent_as_id)


def canonical_link(networks: Mapping[str, Network], persona: Persona, post_id: str,
                   as_account: WentAs | None = None) -> str | None:
    """The link of the persona's post ``post_id`` as the app writes it (the one kept, whatever form was pasted);
    ``as_account``: the post went out as that account, not the persona's now."""
    network = networks.get(persona.network)
    server = (as_account.server_on(network) if as_account else None) or persona.service_url
    account = Account(persona.uid, as_account.handle if as_account else persona.handle, server=server)
    return network.post_url(account, post_id) if network is not None else None


def _canonical(network: Network, account: Account) -> PostLink | None:
    url = network.post_url(account, "0")
    return network.read_link(url) if url else None


def _by_credentials(network: Network, persona: Persona,
                    credentials: Callable[[], Mapping[str, str] | None]) -> PostLink | None:
    """The persona's post link as the network writes it from the account's credentials alone (a Bluesky DID)."""
    if not getattr(network, "needs_credentials", False):
        return None
    try:
        creds = credentials()
    except Exception:  # a locked or missing keyring: the link is then judged by the handle alone
        return None
    if not creds:
        return None
    found = _canonical(network, Account(persona.uid, None, credentials=creds, server=persona.service_url))
    return found if found is not None and found.author is not None else None


def _same_author(read: PostLink, mine: PostLink | None) -> bool:
    """Handles are case-insensitive on every network; a link naming no account (X's /i/web/status/ID) names no
    other one."""
    if mine is None or mine.author is None:
        return mine is not None
    return read.author is None or read.author.lower() == mine.author.lower()


def _shown(author: str) -> str:
    """An account as users write it: "@name", or a DID as it is (handles never hold a ":")."""
    return author if ":" in author else f"@{author}"


def _span(link: str, piece: str) -> tuple[int, int]:
    """Where ``piece`` is in ``link`` as pasted (any case), or all of ``link``."""
    at = link.lower().find(piece.lower()) if piece else -1
    return (at, at + len(piece)) if at >= 0 else (0, len(link))
