"""Keeping Python's cyclic garbage collector out of the way of a large load.

Opening a debtor builds tens of thousands of small objects (a 5,000-claim debtor about 150,000 that stay, and as
many temporary ones).  CPython's collector runs a *full* collection, which walks every tracked object in the
process (the imported modules, the open workspaces and the position being built), each time the survivors of
younger collections reach a quarter of the long-lived ones; during such a load that happened three to five
times and was a third to a half of the time of opening a 5,000-claim debtor, growing faster than the debtor.

Three measures, none changing what is freed:

* :func:`hold_collections` at the start of a program (the GUI, ``caseworker report``): no collection while the
  modules are imported (about a tenth of the import time went to collections that find next to nothing);
* :func:`freeze_after_start` then moves what exists (modules, classes, functions: never garbage) out of the
  collector's sight (``gc.freeze``), so later full collections do not walk it again and again, and lets the
  collector run again;
* :func:`deferred_full_collections` holds full collections back while a position is loaded or shown; the
  young generations are still collected (a cycle made and dropped during the load is freed as before) and the
  full collection that was held back runs once afterwards, as it would have, over what is still alive.

Thread-safe and nestable: the database worker and the GUI thread may both be inside at once; the threshold comes
back when the last one leaves.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: A full collection needs this many collections of the middle generation first: in effect never.
_HELD = 1 << 30

_lock = threading.Lock()
_depth = 0
_saved: int | None = None
_frozen = False


@contextmanager
def deferred_full_collections() -> Iterator[None]:
    """No full collection inside the block; the young generations are collected as usual."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            first, second, third = gc.get_threshold()
            _saved = third
            gc.set_threshold(first, second, _HELD)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                first, second, _held = gc.get_threshold()
                gc.set_threshold(first, second, _saved)
                _saved = None


def hold_collections() -> None:
    """No collection from now until :func:`freeze_after_start` (which must follow: the GUI sets a timer for it)."""
    if not _frozen:
        gc.disable()


def freeze_after_start(*, collect: bool = True) -> None:
    """Once, after the start-up imports: what exists now is kept out of every later collection; collections resume.

    ``collect`` first frees the garbage the imports left (one collection, off the start path in the GUI); a
    short-lived command passes ``False`` and keeps that garbage (a few megabytes) until it exits.  Frozen
    objects are still freed when their last reference goes; only a reference cycle among them would stay, and
    modules, classes and functions made at start-up live as long as the process anyway.
    """
    global _frozen
    if _frozen:
        return
    _frozen = True
    if collect:
        gc.collect()
    gc.freeze()
    gc.enable()
