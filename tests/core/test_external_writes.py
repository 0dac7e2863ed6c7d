"""Noticing what other connections (another process: the CLI, the daemon) committed, and of which kind."""

from __future__ import annotations

from personamgr.core.external_writes import ExternalWrites
from personamgr.core.personas import Persona
from personamgr.core.services import Services


def test_each_kind_of_commit_is_named_and_nothing_means_nothing(services: Services) -> None:
    assert services.store.path is not None
    watch = ExternalWrites(services.store.path)
    try:
        assert watch.poll() == []
        persona = services.store.add_persona(Persona(name="garden", topics=("compost",)))
        assert watch.poll() == ["personas"]
        post = services.outbox.create(persona.uid, "Leaf mould needs a year.")
        assert watch.poll() == ["posts"]
        services.outbox.delete(post.id)
        assert watch.poll() == ["posts"]  # a delete lowers the count
        services.store.set_setting("pause_all", True)
        assert watch.poll() == ["settings"]
        assert watch.poll() == []
    finally:
        watch.close()
