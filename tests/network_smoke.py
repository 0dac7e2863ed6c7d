"""One post with an image to each of the fake Mastodon and Bluesky servers, from an installed personamgr.

Shared by the wheel test (tests/install/test_wheel.py) and the PyInstaller bundle's smoke test
(packaging/pyinstaller/smoke_networks.py), which run it against the installed command and the bundled
executable. Each persona is connected with ``connect --tokens-stdin`` (the credentials go to the keyring the
process finds: run it with a real Secret Service) and posts text with a link and a hashtag plus an image with
alt text, over real HTTP. So Mastodon.py, atproto (its models, libipld's CIDs, the text builder's facets) and
the media path must all be in the install: a module or data file it leaves out makes a command fail.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from fakebluesky import FakeBluesky
from fakemastodon import FakeMastodon
from image_files import png

# run(args after --data-dir DATA, extra environment, stdin) -> the finished process
Command = Callable[[Sequence[str], Mapping[str, str], str | None], subprocess.CompletedProcess[str]]

PERSONAS = """
[[persona]]
name = "metal"
description = "Heavy metal, guitars, gigs and albums"
topics = ["heavy metal", "guitars", "concerts"]
network = "mastodon"
server = "https://fosstodon.example"

[[persona]]
name = "sky"
description = "Astronomy, planets and the night sky"
topics = ["astronomy", "planets", "telescopes"]
network = "bluesky"
"""
TOOT = "New riffs from the studio tonight: https://example.org/riffs #metal"
SKEET = "Jupiter and its moons through the small telescope: https://example.org/jupiter #astronomy"
ALT = "A grey square"


def post_to_each_network(run: Command, work: Path) -> list[str]:
    """What went wrong (nothing: an empty list). ``work`` holds the personas file and the image."""
    problems: list[str] = []
    work.mkdir(parents=True, exist_ok=True)
    personas = work / "network-personas.toml"
    personas.write_text(PERSONAS, encoding="utf-8")
    image = png(work / "grey.png")
    with FakeMastodon() as m, FakeBluesky() as b:
        env = {"PERSONAMGR_MASTODON_URL": m.base_url, "PERSONAMGR_BLUESKY_URL": b.base_url}

        def step(*args: str, stdin: str | None = None) -> None:
            proc = run(args, env, stdin)
            if proc.returncode != 0 or "Traceback" in proc.stderr:
                problems.append(f"personamgr {' '.join(args[:3])} ...: exit {proc.returncode}: {proc.stderr.strip()}")

        step("personas", "import", str(personas))
        toot_account = m.add_account("metal")
        step("connect", "--persona", "metal", "--tokens-stdin",
             stdin=json.dumps({"server": "fosstodon.example", "access_token": m.add_token(toot_account)}))
        sky_account, password = b.add_account("sky.bsky.social")
        step("connect", "--persona", "sky", "--tokens-stdin",
             stdin=json.dumps({"handle": "sky.bsky.social", "app_password": password}))
        step("post", "--persona", "metal", "--anyway", TOOT, "--image", str(image), "--alt", ALT)
        step("post", "--persona", "sky", "--anyway", SKEET, "--image", str(image), "--alt", ALT)

        statuses = m.timeline(toot_account)
        if [s.text for s in statuses] != [TOOT]:
            problems.append(f"Mastodon received {[s.text for s in statuses]}, not the one post")
        elif [m.uploads[i].description for i in statuses[0].media_ids] != [ALT]:
            problems.append("Mastodon's status lacks the image with its description")
        posts = b.posts(sky_account)
        if [p.text for p in posts] != [SKEET]:
            problems.append(f"Bluesky received {[p.text for p in posts]}, not the one post")
        else:
            value = posts[0].value
            features = {f["$type"] for facet in value.get("facets") or () for f in facet["features"]}
            if features != {"app.bsky.richtext.facet#link", "app.bsky.richtext.facet#tag"}:
                problems.append(f"Bluesky's post has the facets {sorted(features)}, not a link and a tag")
            if [i.get("alt") for i in (value.get("embed") or {}).get("images", ())] != [ALT]:
                problems.append("Bluesky's post lacks the image with its alt text")
            if b.sessions_created(sky_account) != 1:
                problems.append("the Bluesky post did not reuse the session kept in the keyring at connect")
    return problems
