"""What the sandbox says of a post's images names the sandbox, not X: it imitates X's limits, but its persona is on
the sandbox (the demo's network), so "X takes…" named a network the user never chose."""

from __future__ import annotations

import pytest
from image_files import animated_gif, png
from PySide6.QtWidgets import QApplication

from personamgr.core.media import import_image
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.services import Services
from personamgr.gui import i18n

pytestmark = pytest.mark.gui


def test_a_gif_with_other_images_is_refused_by_the_sandbox_in_its_own_name(
        services: Services, qapp: QApplication, tmp_path) -> None:  # type: ignore[no-untyped-def]
    persona = services.store.add_persona(Persona(name="career", description="jobs"))
    folder = services.media_dir
    assert persona.network == "sandbox" and folder is not None
    media = [import_image(folder, animated_gif(tmp_path / "dance.gif"), "A dance"),
             import_image(folder, png(tmp_path / "chart.png"), "A chart")]
    post = services.poster.send(services.outbox.create(persona.uid, "A gif and a chart.", media=media).id)
    assert post.state is PostState.FAILED
    assert post.note == ("Sandbox takes an animated GIF only on a post of its own (up to 4 images, or 1 animated GIF): "
                         "dance.gif is on the post with other images. Put it in a thread part of its own, or remove "
                         "the other images.")
    assert i18n.install(qapp, "es") == "es"
    try:
        assert post.note.startswith("Pruebas solo acepta un GIF animado en una publicación propia")
    finally:
        i18n.uninstall(qapp)
