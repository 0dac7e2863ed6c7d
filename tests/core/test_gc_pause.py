"""The collector pause used by long imports restores the collector exactly as it found it."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from personamgr.core.gc_pause import collect_if_due, paused_gc


@pytest.fixture(autouse=True)
def automatic_collection() -> Iterator[None]:
    """These tests are about the automatic collector, which the suite otherwise keeps off (tests/conftest.py)."""
    gc.enable()
    yield
    gc.disable()


def test_nested_and_failing_blocks_turn_the_collector_back_on_only_at_the_end() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
        raise ValueError
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_two_threads_overlapping() -> None:
    """A worker's import and another's overlap: the collector is back on once both are done, not before."""
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with paused_gc():
            inside.set()
            assert release.wait(60), "the test never let the worker go"

    t = threading.Thread(target=worker)
    t.start()
    try:
        assert inside.wait(30), "the worker never began its block"
        with paused_gc():
            pass
        assert not gc.isenabled()  # the worker's block is still running
    finally:
        release.set()
        t.join(30)
    assert not t.is_alive(), "the worker's block never ended"
    assert gc.isenabled()


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_collect_if_due_collects_once_the_threshold_is_passed_and_not_while_paused() -> None:
    gc.disable()
    gc.collect()
    node = _Node()
    alive = weakref.ref(node)
    del node
    assert collect_if_due() == 0 and alive() is not None  # under the threshold: nothing to do yet
    with paused_gc():
        _ = [_Node() for _ in range(gc.get_threshold()[0] + 10)]
        del _
        assert collect_if_due() == 0 and alive() is not None  # a bulk job has it paused
    _ = [[] for _ in range(gc.get_threshold()[0] + 10)]
    assert collect_if_due() > 0
    assert alive() is None
