"""Where the app keeps its files.

One :class:`AppPaths` holds every location the app writes to. With
``--data-dir DIR`` (or ``PERSONAMGR_HOME``) all of them sit inside DIR;
otherwise they come from platformdirs. The demo profile is a separate set of
folders, so trying the demo never touches the user's own personas.
"""

from __future__ import annotations

import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "personamgr"
HOME_ENV = "PERSONAMGR_HOME"


@dataclass(frozen=True, slots=True)
class AppPaths:
    data: Path
    config: Path
    logs: Path
    cache: Path
    runtime: Path
    demo: bool = False

    @property
    def database(self) -> Path:
        return self.data / "personamgr.db"

    @property
    def sandbox_database(self) -> Path:
        return self.data / "sandbox-network.db"

    @property
    def media(self) -> Path:
        """Copies of the images attached to posts (core.media): a scheduled post keeps its picture."""
        return self.data / "media"

    @property
    def settings(self) -> Path:
        return self.config / "settings.toml"

    @property
    def log_file(self) -> Path:
        return self.logs / "personamgr.log"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def profile_id(self) -> str:
        """A short stable id for this profile, used to name per-profile locks and sockets."""
        import hashlib

        return hashlib.sha256(str(self.data.resolve()).encode()).hexdigest()[:12]

    def ensure(self) -> AppPaths:
        """Create the profile's folders, owner-only even when they already existed with wider modes: they hold
        what the user wrote, and the logs say whom they post as. Only taken away, never given: a folder its owner
        made read-only (0555, say) was made so on purpose and keeps its mode; the profile is then refused as
        unwritable (core.profile_ready), with nothing changed.

        Not the runtime folder: only what takes the instance lock needs it (core.instance makes it, and says its
        own faults in its own words); a read-only XDG_RUNTIME_DIR must not stop personas list, nor be met with the
        profile's advice (--data-dir)."""
        for p in (self.data, self.config, self.logs, self.cache):
            p.mkdir(parents=True, exist_ok=True, mode=0o700)
            mode = stat.S_IMODE(p.stat().st_mode)
            if mode & 0o077 and mode & stat.S_IWUSR:
                try:
                    p.chmod(mode & 0o700)
                except PermissionError:
                    pass  # not ours (a shared folder): leave it; the files in it are still 0600
        return self

    @property
    def folders(self) -> tuple[Path, ...]:
        """Every folder the profile writes in; first the one holding them all, for a ``--data-dir`` profile."""
        own = (self.data, self.config, self.logs, self.cache)
        common = {p.parent for p in own}
        return (*common, *own) if len(common) == 1 else own

    def unwritable(self) -> Path | None:
        """The first of :attr:`folders` that exists and this process cannot write in (read-only, another user's, on
        a disk mounted read-only), where every write of the profile would be refused; None when there is none."""
        return next((f for f in self.folders if f.is_dir() and not os.access(f, os.W_OK | os.X_OK)), None)

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None, *, demo: bool = False) -> AppPaths:
        """Paths for ``--data-dir`` / ``PERSONAMGR_HOME`` if given, else the platform's folders."""
        root = data_dir or os.environ.get(HOME_ENV) or None
        if root:
            base = Path(root).expanduser().absolute()
            if demo:
                base = base / "demo"
            return cls(
                data=base / "data",
                config=base / "config",
                logs=base / "logs",
                cache=base / "cache",
                runtime=base / "run",
                demo=demo,
            )
        sub = "demo" if demo else ""
        with warnings.catch_warnings():
            # Without XDG_RUNTIME_DIR (ssh, containers) platformdirs warns and falls back to a per-user
            # folder under /tmp, which is what we want; the user has nothing to act on.
            warnings.simplefilter("ignore")
            runtime = platformdirs.user_runtime_dir(APP_NAME, appauthor=False)
        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / sub,
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / sub,
            logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / sub,
            cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / sub,
            runtime=Path(runtime) / sub,
            demo=demo,
        )
