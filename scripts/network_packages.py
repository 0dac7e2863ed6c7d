"""What only the Mastodon and Bluesky networks bring in: the packages in the dependency closure of Mastodon.py,
atproto and regex that the rest of personamgr does not need anyway (cryptography, for one, the keyring needs).
With ``--guard``, the same for the persona guard: the closure of onnxruntime and numpy, less what the rest
needs anyway (numpy, since the insights' charts, pyqtgraph, need it too).

Run with the Python of the environment personamgr is installed in (bench/install-size's venv, the PyInstaller
build's venv):

    python scripts/network_packages.py              # their size installed (site-packages)
    python scripts/network_packages.py BUNDLE_DIR   # their size in a PyInstaller one-folder bundle
    python scripts/network_packages.py --guard      # the guard's packages, their size installed

In a bundle, a package is its folder or extension module under ``_internal/`` plus its compiled modules in
the executable's PYZ archive (compressed, as shipped); reading the PYZ needs PyInstaller in this Python.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

NETWORKS = {"mastodon-py", "atproto", "regex"}
GUARD = {"onnxruntime", "numpy"}  # what personamgr/core/guard imports beyond the standard library


def _name(requirement: str) -> str:
    return re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-").replace(".", "-")


def _closure(roots: list[str] | set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        try:
            dist = metadata.distribution(n)
        except metadata.PackageNotFoundError:
            continue
        seen.add(n)
        todo += [_name(r) for r in dist.requires or () if "extra ==" not in r]
    return seen


def only(roots: set[str]) -> list[str]:
    """The packages ``roots`` bring in that personamgr's other dependencies do not."""
    direct = [_name(r) for r in metadata.distribution("personamgr").requires or () if "extra ==" not in r]
    return sorted(_closure(roots) - _closure([d for d in direct if d not in roots]))


def network_only() -> list[str]:
    return only(NETWORKS)


def installed_bytes(names: list[str]) -> int:
    total = 0
    for n in names:
        dist = metadata.distribution(n)
        for f in dist.files or ():
            p = Path(str(dist.locate_file(f)))
            if p.is_file():
                total += p.stat().st_size
    return total


def top_level(name: str) -> set[str]:
    """The import names a distribution installs (its top-level modules and packages)."""
    dist = metadata.distribution(name)
    tops = set()
    for f in dist.files or ():
        first = f.parts[0]
        if first.endswith((".dist-info", ".data")) or first in ("..", "__pycache__") or first.endswith(".libs"):
            continue
        tops.add(first.split(".", 1)[0] if len(f.parts) == 1 else first)
    return tops


def bundle_bytes(bundle: Path, names: list[str]) -> int:
    from PyInstaller.archive.readers import CArchiveReader

    tops = set().union(*(top_level(n) for n in names)) if names else set()
    internal = bundle / "_internal"
    total = 0
    for entry in internal.iterdir():
        if entry.name.split(".", 1)[0] in tops and not entry.name.endswith(".dist-info"):
            files = [entry] if entry.is_file() else [p for p in entry.rglob("*") if p.is_file()]
            total += sum(p.stat().st_size for p in files)
    archive = CArchiveReader(str(bundle / bundle.name))
    pyz = archive.open_embedded_archive("PYZ.pyz")
    total += sum(length for module, (_kind, _offset, length) in pyz.toc.items() if module.split(".")[0] in tops)
    return total


def main(argv: list[str]) -> int:
    if argv[:1] == ["--guard"]:
        argv, names = argv[1:], only(GUARD)
    else:
        names = network_only()
    size = bundle_bytes(Path(argv[0]), names) if argv else installed_bytes(names)
    print(f"{size / 1048576:.1f} MB ({len(names)} packages: {', '.join(names)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
