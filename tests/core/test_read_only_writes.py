"""Writes of the profile a read-only or full disk refuses while the app runs, each said of the file the user knows:
the settings file, not the one written beside it first; the media folder, not a copy's made-up name; and a post the
sandbox's own file refused, as not out. Real files on a real tmpfs (remounted read-only, or filled)."""

from __future__ import annotations

from pathlib import Path

import pytest

from personamgr.core.clock import FakeClock
from personamgr.core.faults import in_words
from personamgr.core.media import MediaCopyError, import_image
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.services import open_services
from personamgr.core.settings import Settings


def test_a_setting_on_a_read_only_disk_names_the_settings_file(small_fs) -> None:  # type: ignore[no-untyped-def]
    """It named 'settings.toml.tmp', a file the user never sees."""
    path = small_fs.root / "config" / "settings.toml"
    path.parent.mkdir()
    settings = Settings(path)
    small_fs.read_only()
    try:
        with pytest.raises(OSError) as e:
            settings.set("theme", "dark")
        said = in_words(e.value)
    finally:
        small_fs.read_only(False)
    assert said == (f"personamgr cannot write to {path}: the disk or partition holding {path.parent} is mounted "
                    "read-only. Make it writable, or use another data folder with --data-dir; nothing was "
                    "changed"), said


def test_an_image_that_cannot_be_copied_names_the_media_folder(small_fs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Its media folder not made yet on a disk mounted read-only: it named '…/media/<32 hex digits>.png or its
    folder'."""
    from image_files import png

    photo = png(tmp_path / "photo.png")
    media = AppPaths.resolve(small_fs.root / "profile").ensure().media
    small_fs.read_only()
    try:
        with pytest.raises(MediaCopyError) as e:
            import_image(media, photo, "a red square")
    finally:
        small_fs.read_only(False)
    assert str(e.value) == (f"photo.png could not be copied into the profile, so nothing was attached: personamgr "
                            f"cannot write to {media}: the disk or partition holding {media.parent} is mounted "
                            "read-only. Make it writable, or use another data folder with --data-dir; nothing was "
                            "changed."), str(e.value)


def test_a_post_the_sandboxs_file_refuses_did_not_go_out_and_says_why(
        small_fs, profile_paths: AppPaths, clock: FakeClock, fail_secrets: SecretStore) -> None:  # type: ignore[no-untyped-def]
    """The sandbox keeps its timeline in a file of its own: on a full disk its write was rolled back, and the post
    was taken for one that may be out ('needs review', an unexpected error)."""
    sandbox = small_fs.root / "sandbox-network.db"
    services = open_services(profile_paths, secrets=fail_secrets, clock=clock,
                             networks={"sandbox": SandboxNetwork(sandbox, clock)})
    try:
        persona = services.store.add_persona(Persona(name="career", handle="@career_me", network="sandbox",
                                                             topics=("careers",)))
        post = services.outbox.create(persona.uid, "Three questions to ask about the team you would join ")
        small_fs.fill()
        try:
            after = services.poster.send(post.id)
        finally:
            small_fs.free()
        assert after.state is PostState.FAILED, (after.state, after.note)
        assert after.note == (f"The sandbox did not take the post: the disk holding {small_fs.root} is full, so "
                              "personamgr could not write to it. Free some space and try again; what was saved "
                              "before is intact."), after.note
        assert services.networks["sandbox"].timeline() == []  # type: ignore[attr-defined]
    finally:
        services.close()
