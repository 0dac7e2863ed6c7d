"""A fake PLC directory over real HTTP: where a ``did:plc`` account's DID document, and so its PDS, is found.

It answers as https://plc.directory does (github.com/did-method-plc/did-method-plc): ``GET /{did}`` is the
DID document (``application/did+ld+json``), whose ``service`` names the account's PDS (``#atproto_pds``,
type ``AtprotoPersonalDataServer``) and whose ``alsoKnownAs`` holds ``at://{handle}``; a DID it does not hold
is 404 ``DID not registered: {did}``. Every :class:`fakebluesky.FakeBluesky` given this directory registers its
accounts here, with itself as their PDS, so several fake servers form one network: an entryway (bsky.social)
and the PDSes (Bluesky's own hosts, a self-hosted one) its accounts really live on.

A handle is found the way atproto resolves one (atproto.com/specs/handle): its domain names a DID (the
``_atproto`` DNS TXT record, or ``https://{handle}/.well-known/atproto-did``), which by default is the DID whose
document claims the handle. :meth:`FakePlcDirectory.point` makes the domain name another DID, as a domain whose
record was changed, or never matched, does: resolving the handle finds that DID, whose document does not claim the
handle, so the handle is not verified (Bluesky shows it as "invalid handle"). ``resolveHandle`` on a PDS answers
from the domain's record without that check, as bsky.social does for a handle it does not host.

Failures (``fail_next("did_document", "server_error")``, holds, drops) and refused connections work as in
tests/fakex; :meth:`FakePlcDirectory.garble` makes a document's answer something that is no DID document.
"""

from __future__ import annotations

import json
from typing import Any

from fakex.server import FakeX, RequestRecord, _Handler

ENDPOINTS = {("GET", "/{did}"): "did_document"}  # the path is the DID itself (see _DirectoryHandler.route)
FAILURE_KINDS = ("server_error", "hold", "drop")


class FakePlcDirectory(FakeX):
    """``with FakePlcDirectory() as plc:``; give it to each FakeBluesky (``directory=plc``)."""

    ENDPOINTS = ENDPOINTS
    FAILURE_KINDS = FAILURE_KINDS

    def __init__(self, port: int = 0, hold_max_s: float = 30.0) -> None:
        super().__init__(port, hold_max_s)
        self.identities: dict[str, tuple[str, str]] = {}  # did -> (handle, PDS endpoint)
        self.pointers: dict[str, str] = {}  # handle -> the DID its domain names, where it is not the claiming one
        self.garbled: set[str] = set()  # DIDs whose document comes back as something else (a broken host's page)

    def register(self, did: str, handle: str, pds: str) -> None:
        with self.lock:
            self.identities[did] = (handle, pds)

    def point(self, handle: str, did: str) -> None:
        """``handle``'s domain names ``did`` (its ``_atproto`` record), whatever ``did``'s document claims."""
        with self.lock:
            self.pointers[handle.lower()] = did

    def garble(self, did: str) -> None:
        """``did``'s document is answered with 200 and a page that is no DID document."""
        with self.lock:
            self.garbled.add(did)

    def did_of(self, handle: str) -> str | None:
        """The DID ``handle``'s domain names (what resolving a handle finds, by DNS or HTTPS): the one it was
        pointed at, else the DID whose document claims it."""
        with self.lock:
            if handle.lower() in self.pointers:
                return self.pointers[handle.lower()]
            return next((d for d, (h, _) in self.identities.items() if h.lower() == handle.lower()), None)

    def document(self, did: str) -> dict[str, Any] | None:
        with self.lock:
            found = self.identities.get(did)
        if found is None:
            return None
        handle, pds = found
        return {"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
                "id": did, "alsoKnownAs": [f"at://{handle}"],
                "verificationMethod": [{"id": f"{did}#atproto", "type": "Multikey", "controller": did,
                                        "publicKeyMultibase": "zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF"}],
                "service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": pds}]}


class _DirectoryHandler(_Handler):
    def route(self, method: str, path: str) -> str | None:
        return "did_document" if method == "GET" and path.startswith("/did:plc:") else None

    def _did_document(self, record: RequestRecord, query: str, body: bytes) -> None:
        if self._apply_failure(record, "did_document"):
            return
        did = self.path.split("?", 1)[0].lstrip("/")
        if did in self.server.fake.garbled:  # type: ignore[attr-defined]
            return self._send(record, 200, b"<html><body>Service temporarily unavailable</body></html>",
                              "application/did+ld+json")
        doc = self.server.fake.document(did)  # type: ignore[attr-defined]
        if doc is None:
            return self._json(record, 404, {"message": f"DID not registered: {did}"})
        self._send(record, 200, json.dumps(doc).encode(), "application/did+ld+json; charset=utf-8")


FakePlcDirectory.handler = _DirectoryHandler
