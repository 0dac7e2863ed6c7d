"""The collector pause used by long imports restores the collector exactly as it found it."""

from __future__ import annotations

import gc
import threading

import pytest

from personamgr.core.gc_pause import paused_gc


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
            release.wait(5)

    t = threading.Thread(target=worker)
    t.start()
    assert inside.wait(5)
    with paused_gc():
        pass
    assert not gc.isenabled()  # the worker's block is still running
    release.set()
    t.join(5)
    assert gc.isenabled()
