"""A fault between the network's answer and the post's record: the post is out, its record is refused."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from personamgr.core.networks.base import OutgoingPost, Published
from personamgr.core.outbox import Post
from personamgr.core.scheduling import ScheduleEngine
from personamgr.core.services import Services


def fault_as_it_goes_out(network: Any, fault: Callable[[], None]) -> None:
    """``fault()`` happens as the network confirms the post, before the app records any of it (its last part's
    id included): what a move of the profile, a disk filling up or a remount read-only at that moment does."""
    publish = network.publish

    def publish_then_fault(account: object, post: OutgoingPost) -> Published:
        record = post.on_part_out
        faulted: list[bool] = []

        def fault_then_record(ids: tuple[str, ...]) -> None:
            if not faulted:
                faulted.append(True)
                fault()
            if record is not None:
                record(ids)

        return publish(account, replace(post, on_part_out=fault_then_record))

    network.publish = publish_then_fault


def move_profile(root: Path, to: Path) -> Callable[[], None]:
    return lambda: shutil.move(root, to)


def after_a_start(services: Services, post_id: int) -> Post:
    """The post as the app's start-up leaves it: the scheduler started on ``services`` and its first pass run, as
    when the app is opened again after a quit."""
    engine = ScheduleEngine(services)
    engine.start()
    engine.run_due()
    return services.outbox.get(post_id)
