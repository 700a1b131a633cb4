"""The garbage collector is held back only where it should be, and always comes back (else memory would grow)."""

from __future__ import annotations

import gc
import threading

import pytest

from caseworker_app import gc_tuning


def test_full_collections_are_held_inside_and_the_threshold_comes_back() -> None:
    before = gc.get_threshold()
    with gc_tuning.deferred_full_collections():
        inside = gc.get_threshold()
        assert inside[:2] == before[:2]  # young generations are still collected
        assert inside[2] > 1_000_000
    assert gc.get_threshold() == before


def test_nested_and_failing_blocks_restore_the_threshold() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), gc_tuning.deferred_full_collections():
        with gc_tuning.deferred_full_collections():
            pass
        assert gc.get_threshold()[2] > 1_000_000  # the outer block still holds
        raise RuntimeError("a failing load")
    assert gc.get_threshold() == before


def test_two_threads_inside_at_once() -> None:
    before = gc.get_threshold()
    entered, leave = threading.Event(), threading.Event()

    def worker() -> None:
        with gc_tuning.deferred_full_collections():
            entered.set()
            leave.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    assert entered.wait(5)
    with gc_tuning.deferred_full_collections():
        pass
    assert gc.get_threshold()[2] > 1_000_000  # the worker is still inside
    leave.set()
    thread.join(5)
    assert gc.get_threshold() == before


def test_decorated_function_holds_while_it_runs() -> None:
    seen: list[int] = []

    @gc_tuning.deferred_full_collections()
    def build() -> None:
        seen.append(gc.get_threshold()[2])

    build()
    build()
    assert all(value > 1_000_000 for value in seen)
    assert gc.get_threshold()[2] < 1_000_000


def test_held_collections_resume_after_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gc_tuning, "_frozen", False)
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    try:
        gc_tuning.hold_collections()
        assert not gc.isenabled()
        gc_tuning.freeze_after_start(collect=False)
        assert gc.isenabled()
        assert frozen == [True]
        gc_tuning.hold_collections()  # once frozen, a later hold is ignored: never off for good
        assert gc.isenabled()
    finally:
        gc.enable()
