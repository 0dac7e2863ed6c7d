"""The bundled command posts to Mastodon and Bluesky, one post with an image each, through the fake servers.

    python smoke_networks.py APP DATA_DIR TESTS_DIR

Run by packaging/build-pyinstaller inside a dbus-run-session with an unlocked gnome-keyring, with the build
venv's Python (the fake servers in tests/ need personamgr's dependencies). The scenario is
tests/network_smoke.py, which the wheel test runs against the installed command too. Exits 1 naming what
failed: a module or data file the bundle leaves out for Mastodon.py or atproto makes a command fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path


def main() -> int:
    app, data, tests = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    sys.path.insert(0, str(tests))
    from network_smoke import post_to_each_network

    def run(args: Sequence[str], env: Mapping[str, str], stdin: str | None) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([str(app), "--data-dir", str(data), *args], input=stdin or "", capture_output=True,
                              text=True, env={**os.environ, **env}, timeout=180, check=False)
        print(f"$ personamgr {' '.join(args[:3])} ...: exit {proc.returncode}\n{proc.stdout}{proc.stderr}",
              end="", flush=True)
        return proc

    problems = post_to_each_network(run, data)
    for problem in problems:
        print(f"smoke_networks: {problem}", file=sys.stderr)
    if not problems:
        print("Mastodon and Bluesky: one post each, with its image, received by the fake servers")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
