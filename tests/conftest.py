"""Shared fixtures: a throw-away profile on real files, the services over it, a clock that only moves when told.

Nothing here touches the user's own data or keyring: every profile lives in a
pytest tmp dir, and the default ``SecretStore`` is keyring's real fail backend,
so a test that needs a real keyring has to ask for one (see tests/secrets).
Qt settings belong to tests/gui/conftest.py, not here.
"""

from __future__ import annotations

import gc
import os
import shutil
import socket
import subprocess
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from db_locks import say_locks_soon
from hypothesis import HealthCheck, settings
from keyring.backends import fail
from keyring_doubles import MemoryKeyring
from net_helpers import secret_service_backend

from personamgr.core.clock import FakeClock
from personamgr.core.gc_pause import collect_if_due
from personamgr.core.logs import has_file_handler, setup_logging
from personamgr.core.paths import AppPaths
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services
from personamgr.core.store import Store

REQUIRE_REAL_PARTS_ENV = "PERSONAMGR_REQUIRE_REAL_PARTS"

# Two shared cores: hypothesis' per-example deadline would fail on a busy machine, not on a bug.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")


def forget_test_keyring_backends() -> bool:
    """Keep keyring's auto-detection to real backends.

    Every ``KeyringBackend`` subclass registers itself with keyring when it is defined, so a test's
    in-memory or deliberately hanging backend would otherwise be picked (or chained in) by
    ``keyring.get_keyring()`` in every later test of the run. Returns True if any were forgotten.
    """
    from keyring import backend, core

    registry: set[type] = backend.KeyringBackend._classes  # type: ignore[attr-defined]
    foreign = {c for c in registry if not c.__module__.startswith(("keyring.", "keyrings."))}
    if not foreign:
        return False
    registry.difference_update(foreign)
    vars(backend.get_all_keyring).pop("saved_result", None)  # its @once cache (``reset()`` fails when empty)
    core._keyring_backend = None  # detect again on next use
    return True


def pytest_collection_finish(session: pytest.Session) -> None:
    forget_test_keyring_backends()


@pytest.fixture(autouse=True, scope="session")
def collector_on_the_main_thread() -> Iterator[None]:
    """As in the app (gui/main_thread_gc.py): no automatic collection, which could run in a worker thread and
    destroy a Qt object there while the main thread waits on Qt's lock (the suite hung so); ``collect_now``
    collects between tests, in the main thread."""
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


@pytest.fixture(autouse=True)
def collect_now() -> Iterator[None]:
    yield
    collect_if_due()


@pytest.fixture(autouse=True)
def no_log_file_carried_over() -> Iterator[None]:
    """A test's log file ends with it. main() run in-process (the CLI tests, demo_home) points the root logger at
    its profile's log, as a process does once, and nothing took it back: a later test's main() that failed before
    opening its profile found a log open and wrote the traceback into the earlier test's file (a shuffled run:
    test_an_unexpected_error_is_one_line_and_the_traceback_goes_to_the_log read its own log empty)."""
    yield
    if has_file_handler():
        setup_logging(None)


@pytest.fixture(autouse=True)
def _real_keyring_detection() -> Iterator[None]:
    """Backends defined while a test runs are forgotten when it ends."""
    yield
    forget_test_keyring_backends()


def real_parts_required() -> bool:
    """True where a missing real part (Secret Service, tray host, ...) must fail the run instead of skipping."""
    return os.environ.get(REQUIRE_REAL_PARTS_ENV, "") not in ("", "0")


@pytest.fixture
def missing_real_part() -> Callable[[str], None]:
    """Call with a reason when a real part is unreachable: skips locally, fails under scripts/test."""

    def report(reason: str) -> None:
        if real_parts_required():
            pytest.fail(f"{reason} ({REQUIRE_REAL_PARTS_ENV}=1, so this is a failure, not a skip)")
        pytest.skip(reason)

    return report


class SmallFilesystem:
    """A tmpfs of a few MiB mounted for one test: fill it, free it, make it read-only."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._filler = root / ".filler"

    def fill(self, leave: int = 0) -> None:
        """Write until the disk is full, down to the last byte (the next write fails with ENOSPC); with ``leave``,
        until about that many bytes are left (room for a small write, none for a large one)."""
        fd = os.open(self._filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            if leave:
                os.write(fd, b"\0" * max(0, shutil.disk_usage(self.root).free - leave))
                return
            for size in (1 << 16, 1 << 10, 1):
                block = b"\0" * size
                try:
                    while os.write(fd, block):
                        pass
                except OSError:
                    pass
        finally:
            os.close(fd)

    def free(self) -> None:
        self._filler.unlink(missing_ok=True)

    def read_only(self, on: bool = True) -> None:
        subprocess.run(["mount", "-o", f"remount,{'ro' if on else 'rw'}", str(self.root)], check=True)


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[SmallFilesystem]:
    """A real small file system (tmpfs), for a full disk and a read-only mount. Mounting needs root, which CI and
    scripts/test as root have; anywhere else the test is skipped, with this reason."""
    if os.geteuid() != 0:
        pytest.skip("a full or read-only disk is simulated by mounting a small tmpfs, which needs root")
    root = tmp_path / "small-fs"
    root.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", str(root)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        message = f"could not mount a tmpfs at {root}: {done.stderr.strip()}"
        if real_parts_required():
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield SmallFilesystem(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)


# What the tests put under a short folder (a runtime folder's personamgr/instance-ID.sock, a data folder's
# demo/run/instance-ID.sock) must fit in an AF_UNIX path (core.instance.MAX_SOCKET_PATH, 100).
SHORT_PATH_MAX = 50


@pytest.fixture
def short_tmp_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new folder at a short path, for a profile or a runtime folder whose instance socket must fit AF_UNIX's ~100
    bytes (tmp_path's are longer: under them personamgr keeps its socket in TMPDIR instead, by design). It is in
    pytest's base folder, as tmp_path is, not in /tmp: there, a run killed mid-test left its folder behind
    (/tmp/pm-*, made with tempfile.mkdtemp); pytest clears its base folder itself."""
    path = tmp_path_factory.mktemp("pm")
    assert len(str(path)) <= SHORT_PATH_MAX, (
        f"{path} is too long for the instance socket a test puts under it; give pytest a shorter --basetemp")
    return path


@pytest.fixture
def runtime_on_small_fs(small_fs: SmallFilesystem, short_tmp_path: Path) -> Iterator[Path]:
    """A runtime folder (XDG_RUNTIME_DIR) on ``small_fs``, at a short path: under a long one the socket does not
    fit and personamgr keeps its lock in /tmp instead, and platformdirs refuses a symlink, so it is bind-mounted."""
    (small_fs.root / "run").mkdir(mode=0o700)
    run = short_tmp_path / "run"
    run.mkdir(mode=0o700)
    subprocess.run(["mount", "--bind", str(small_fs.root / "run"), str(run)], check=True)
    try:
        yield run
    finally:
        subprocess.run(["umount", "-l", str(run)], check=False)


@pytest.fixture
def quick_locks(monkeypatch: pytest.MonkeyPatch) -> None:
    """While the test holds the database's lock (db_locks), a write gives up on it after a moment, not 15 s."""
    say_locks_soon(monkeypatch)


@pytest.fixture
def not_tls() -> Iterator[str]:
    """A server that answers plain text where TLS is expected: the secure connection to it fails."""
    server = socket.create_server(("127.0.0.1", 0))

    def answer() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.sendall(b"HTTP/1.1 200 OK\r\n\r\nnot TLS\r\n")

    threading.Thread(target=answer, daemon=True).start()
    yield f"https://127.0.0.1:{server.getsockname()[1]}"
    server.close()


@pytest.fixture
def no_connect() -> Iterator[str]:
    """A server that never accepts a connection: its one-place queue is taken and nothing accepts, so the next
    connection waits unanswered, as behind a firewall that drops it, until the client's connect timeout."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    taken = socket.create_connection(server.getsockname())
    yield f"https://127.0.0.1:{server.getsockname()[1]}"
    taken.close()
    server.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def profile_paths(tmp_path: Path) -> AppPaths:
    """A profile folder laid out exactly as ``--data-dir`` lays it out."""
    return AppPaths.resolve(tmp_path / "profile").ensure()


@pytest.fixture
def fail_secrets() -> SecretStore:
    """keyring's real fail backend: what a headless machine without D-Bus gets."""
    return SecretStore(fail.Keyring(), timeout=5)


@pytest.fixture
def services(profile_paths: AppPaths, clock: FakeClock, fail_secrets: SecretStore) -> Iterator[Services]:
    """The real services on a real SQLite file, with the sandbox network and a fake clock."""
    svc = open_services(profile_paths, secrets=fail_secrets, clock=clock)
    yield svc
    svc.close()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    """A store on a real SQLite file (WAL and all), not in memory."""
    st = Store.open(tmp_path / "store.db", clock=clock)
    yield st
    st.close()


# Keyring for the network e2e tests (X, Mastodon, Bluesky): the real Secret Service (gnome-keyring) when one
# is reachable, as inside scripts/test's dbus-run-session. Otherwise an in-memory KeyringBackend subclass, which
# is acceptable for these tests only (the keyring itself is tested in tests/secrets); with
# PERSONAMGR_REQUIRE_REAL_PARTS=1 the missing Secret Service is a failure. Each test uses its own keyring
# service name and deletes what it stored.
@pytest.fixture
def network_secrets(missing_real_part: Callable[[str], None]) -> Iterator[SecretStore]:
    backend = secret_service_backend()
    if backend is None:
        if os.environ.get("PERSONAMGR_REQUIRE_REAL_PARTS", "") not in ("", "0"):
            missing_real_part("no Secret Service reachable for the network e2e tests")
        backend = MemoryKeyring()
    store = SecretStore(backend, service=f"personamgr-test-{uuid.uuid4().hex[:12]}", timeout=15)
    store.kind = "secret-service" if not isinstance(backend, MemoryKeyring) else "memory"  # type: ignore[attr-defined]
    yield store
    if not isinstance(backend, MemoryKeyring):
        import secretstorage  # the real Secret Service: remove everything this test stored

        with closing(secretstorage.dbus_init()) as bus:
            for item in secretstorage.get_default_collection(bus).search_items({"service": store.service}):
                item.delete()


@pytest.fixture
def qtbot(qapp: object, request: pytest.FixtureRequest) -> object:
    """pytest-qt's qtbot, patient on a slow machine (tests/patient_qtbot.py). Imported here, not at the top: a test
    that never asks for a qtbot does not load Qt."""
    from patient_qtbot import PatientQtBot

    return PatientQtBot(request)


@pytest.fixture
def spanish(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The app speaks Spanish for one test (Qt's translators installed), and English again after it."""
    from personamgr.gui import i18n  # Qt only for the tests that ask for it

    assert i18n.install(qapp, "es") == "es"
    try:
        yield
    finally:
        i18n.uninstall(qapp)
