"""Handing memory back to the operating system once a crowd of sockets has left.

A process that served 500 sockets at once holds ~25 MB more than before, long after they closed,
even though its live data is back where it was: the memory is free inside the allocator, not
given back. CPython's own allocator (pymalloc) returns a 1 MiB arena only when every object in
it is gone, and a few survivors (a cache entry, a pooled connection) keep most arenas of a burst.
The production image therefore runs Python on jemalloc (deploy/with-jemalloc), which works in
4 KiB pages. Once many sockets have closed and the process has gone quiet, this module runs a
full collection (which also empties CPython's free lists) and asks jemalloc to purge its free
pages at once, rather than waiting for its background decay, which an idle process may never
reach. Without jemalloc, glibc's malloc_trim() returns what glibc can (the objects over 512
bytes that pymalloc leaves to it).

    sockets_closed()   call once per socket that ended; cheap, called on the event loop
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import logging
import time
from collections.abc import Callable

from django.conf import settings

logger = logging.getLogger(__name__)

DEFAULT_RELEASE_AFTER = (100, 5.0)  # sockets closed since the last release, seconds of quiet
_JEMALLOC_ALL_ARENAS = 4096  # MALLCTL_ARENAS_ALL: "arena.4096.purge" purges every arena


def _find_release() -> tuple[str, Callable[[], None] | None]:
    """The running allocator's way to give free memory back: (name, function or None)."""
    try:
        process = ctypes.CDLL(None)
    except OSError:  # not a dynamically linked process: nothing to ask
        return "unknown", None
    mallctl = getattr(process, "mallctl", None)
    if mallctl is not None:
        purge = f"arena.{_JEMALLOC_ALL_ARENAS}.purge".encode()

        def jemalloc_release() -> None:
            # This thread's cache of freed objects first (it keeps their pages in use), then
            # every arena's free pages back to the system.
            mallctl(b"thread.tcache.flush", None, None, None, 0)
            mallctl(purge, None, None, None, 0)

        return "jemalloc", jemalloc_release
    malloc_trim = getattr(process, "malloc_trim", None)
    if malloc_trim is not None:
        return "glibc", lambda: malloc_trim(0)
    return "unknown", None


allocator, _release = _find_release()


class Releaser:
    """Releases once `after` sockets have closed since the last release and none closed for
    `quiet` seconds: a crowd leaving triggers one release, after its last socket, not 500."""

    def __init__(self, release: Callable[[], None] | None, after: int, quiet: float):
        self.release, self.after, self.quiet = release, after, quiet
        self.closed = 0
        self.timer: asyncio.TimerHandle | None = None
        self.releases = 0
        self.last_seconds = 0.0  # how long the last release held the event loop

    def socket_closed(self) -> None:
        if self.release is None:
            return
        self.closed += 1
        if self.closed < self.after:
            return
        if self.timer is not None:
            self.timer.cancel()
        self.timer = asyncio.get_running_loop().call_later(self.quiet, self._run)

    def _run(self) -> None:
        self.timer, self.closed = None, 0
        started = time.perf_counter()
        try:
            # A full collection first: besides any cycles, it empties CPython's free lists
            # (tuples, lists, dicts, frames kept for reuse): thousands of small objects after a
            # crowd, scattered over pages they would keep in use (measured: 7.8 MB of them).
            gc.collect()
            self.release()
        except Exception:  # memory not given back is never worth a failure
            logger.exception("releasing free memory (%s) failed", allocator)
            return
        self.releases += 1
        self.last_seconds = time.perf_counter() - started


_releaser: Releaser | None = None


def releaser() -> Releaser:
    global _releaser
    if _releaser is None:
        after, quiet = getattr(settings, "MEMORY_RELEASE_AFTER", DEFAULT_RELEASE_AFTER)
        _releaser = Releaser(_release, after, quiet)
    return _releaser


def sockets_closed() -> None:
    releaser().socket_closed()
