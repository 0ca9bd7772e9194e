"""What holds the chat server's memory: a report on SIGUSR1, for bench/chat.py's crowd phase.

With BENCH_MEMPROBE=1 (imported by bench/server_settings.py only then, and active only in the
uvicorn process), tracemalloc starts at settings import (BENCH_MEMPROBE_FRAMES frames, default
8; 0 = no tracemalloc) and each SIGUSR1 writes, to /tmp:

    memprobe-<pid>-<n>.snap   a tracemalloc snapshot (compare two with the command below)
    memprobe-<pid>-<n>.txt    RSS and smaps_rollup, glibc mallinfo2, pymalloc arena totals,
                              gc type counts (before and after a full collection), asyncio tasks
                              by coroutine, channel-layer and redis-pool state, threads

The report is written in the signal handler (the event loop's thread), so it sees a consistent
state; the loop pauses meanwhile (a second or two). tracemalloc costs memory and slows a
500-socket burst about 5x (handshakes time out): use FRAMES=0 for counts at full speed, and
tracemalloc with a smaller crowd (--crowd 200 --crowd-seconds 10). pymalloc's figures are
hidden while tracemalloc hooks the allocator. BENCH_MEMPROBE_TRIM=1 also runs the server's own
release (peersupport.memory: jemalloc's purge, or glibc's malloc_trim) before and after the
collection, and reports RSS each time (so later rounds start released).

    python bench/memprobe.py /tmp/memprobe-<pid>-1.snap /tmp/memprobe-<pid>-3.snap [top]
"""

from __future__ import annotations

import asyncio
import collections
import ctypes
import gc
import os
import re
import signal
import sys
import tempfile
import threading
import tracemalloc
from pathlib import Path

OUT = Path("/tmp")
_count = 0
_first: dict = {}  # the first report's modules and type counts: later reports show what grew


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def _mallinfo() -> str:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
        info = libc.mallinfo2()
    except (OSError, AttributeError):
        return "glibc mallinfo2: unavailable"
    mb = 1024 * 1024
    return (f"glibc: heap (sbrk+arenas) {info.arena / mb:.1f} MB, in use {info.uordblks / mb:.1f}"
            f" MB, free in heap {info.fordblks / mb:.1f} MB, mmapped {info.hblkhd / mb:.1f} MB "
            f"({info.hblks} blocks), trimmable top {info.keepcost / mb:.1f} MB")


def _jemalloc() -> str:
    """jemalloc's own figures, when it is the allocator (LD_PRELOAD, PYTHONMALLOC=malloc)."""
    try:
        mallctl = ctypes.CDLL(None).mallctl
    except AttributeError:
        return "jemalloc: not loaded"
    size = ctypes.c_size_t(8)
    epoch = ctypes.c_uint64(1)
    mallctl(b"epoch", None, None, ctypes.byref(epoch), ctypes.c_size_t(8))
    figures = []
    for name in ("allocated", "active", "metadata", "resident", "mapped", "retained"):
        value = ctypes.c_size_t(0)
        mallctl(f"stats.{name}".encode(), ctypes.byref(value), ctypes.byref(size), None, 0)
        figures.append(f"{name} {value.value / 2**20:.1f} MB")
    flag = ctypes.c_bool(False)
    flag_size = ctypes.c_size_t(1)
    mallctl(b"background_thread", ctypes.byref(flag), ctypes.byref(flag_size), None, 0)
    figures.append(f"background_thread {flag.value}")
    return "jemalloc: " + ", ".join(figures)


def _pymalloc() -> str:
    """sys._debugmallocstats() writes to the C stderr: catch it through a temporary file."""
    with tempfile.TemporaryFile(mode="w+") as capture:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(capture.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        text = capture.read()
    wanted = ("arenas allocated current", "arenas highwater mark", "bytes in allocated blocks",
              "bytes in available blocks", "unused pools", "bytes lost to", "Total")
    lines = [line for line in text.split("arena map counts")[0].splitlines()
             if any(word in line for word in wanted)]
    if not lines:  # pymalloc hidden behind tracemalloc's hooks, or PYTHONMALLOC=malloc
        lines = ["(no figures: pymalloc is not the active allocator)"]
    return "pymalloc:\n" + "\n".join("  " + re.sub(r"\s{2,}", "  ", line) for line in lines)


def _proc() -> str:
    status = Path("/proc/self/status").read_text()
    rss = next(line for line in status.splitlines() if line.startswith("VmRSS"))
    rollup = Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]
    keep = [line for line in rollup if line.split(":")[0] in (
        "Rss", "Anonymous", "Private_Dirty", "Shared_Clean", "Private_Clean")]
    return rss + "\nsmaps_rollup: " + ", ".join(" ".join(line.split()) for line in keep)


def _mappings() -> str:
    """Resident memory by mapping (name, or 'anon' with its size): which kind of memory grew."""
    totals = collections.Counter()
    name = ""
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if "-" in fields[0] and not fields[0].endswith(":"):
            start, end = (int(part, 16) for part in fields[0].split("-"))
            name = fields[5] if len(fields) > 5 else f"anon {(end - start) // 1024} kB"
            name = name.rsplit("/", 1)[-1]
        elif fields[0] == "Rss:":
            totals[name] += int(fields[1])
    return "resident by mapping (kB):\n" + "\n".join(
        f"  {kb:8d}  {name}" for name, kb in totals.most_common(25))


def _type_counts() -> collections.Counter:
    return collections.Counter(type(obj).__qualname__ for obj in gc.get_objects())


def _name(obj) -> str:
    kind = type(obj)
    if kind.__module__ == "builtins":
        return kind.__qualname__
    return f"{kind.__module__}.{kind.__qualname__}"


def _collect_garbage() -> tuple[int, str]:
    """A full collection that keeps what it found (gc.DEBUG_SAVEALL) long enough to say what it
    was: the cycles' objects by class, and each container by what held it (class.attribute)."""
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        collected = gc.collect()
        garbage = list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    owner_of_dict = {id(getattr(obj, "__dict__", None)): obj for obj in garbage
                     if isinstance(getattr(obj, "__dict__", None), dict)}
    held_by = collections.Counter()
    for parent in garbage:
        if isinstance(parent, dict):
            owner = owner_of_dict.get(id(parent))
            where = _name(owner) if owner is not None else "dict"
            for key, value in parent.items():
                if isinstance(value, (list, dict, set)) or type(value).__name__ == "method":
                    held_by[f"{_name(value)} in {where}[{key!r}]"] += 1
        elif isinstance(parent, (list, tuple, set)):
            for value in parent:
                if isinstance(value, (list, dict, set)):
                    held_by[f"{_name(value)} in {_name(parent)}"] += 1
    kinds = collections.Counter(_name(obj) for obj in garbage)
    frames = collections.Counter(
        f"frame {obj.f_code.co_qualname} ({obj.f_code.co_filename.rsplit('/', 2)[-2]})"
        for obj in garbage if type(obj).__name__ == "frame")
    ids = {id(obj) for obj in garbage}
    for sample in [obj for obj in garbage if isinstance(obj, BaseException)][:3]:
        holders = [_name(ref) + (f" {ref.f_code.co_qualname}" if type(ref).__name__ == "frame"
                                 else "") for ref in gc.get_referrers(sample) if id(ref) in ids]
        frames[f"{_name(sample)} held by {holders}"] += 1
    text = ("garbage found by the collection, by class:\n" + "\n".join(
        f"  {count:8d}  {name}" for name, count in kinds.most_common(40))
        + "\nframes in the garbage, and what holds an exception:\n" + "\n".join(
        f"  {count:8d}  {name}" for name, count in frames.most_common(20))
        + "\ncontainers in the garbage, by holder:\n" + "\n".join(
        f"  {count:8d}  {name}" for name, count in held_by.most_common(50)))
    del garbage, owner_of_dict, parent
    gc.collect()  # the saved cycles are unreachable again once the list lets them go
    return collected, text


def _tasks() -> str:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return "asyncio: no running loop in this thread"
    names = collections.Counter()
    for task in asyncio.all_tasks(loop):
        coro = task.get_coro()
        names[getattr(coro, "__qualname__", repr(coro))] += 1
    lines = [f"asyncio tasks: {sum(names.values())}"]
    lines += [f"  {count:6d}  {name}" for name, count in names.most_common(15)]
    owners = collections.Counter()  # what the consumers behind pending method tasks think
    for task in asyncio.all_tasks(loop):
        frame = getattr(task.get_coro(), "cr_frame", None)
        owner = frame.f_locals.get("self") if frame is not None else None
        if owner is not None and hasattr(owner, "recheck_task"):
            owners[(task.get_coro().__qualname__, f"closing={owner.closing}",
                    f"joined={owner.joined}", f"own task={owner.recheck_task is task}")] += 1
    lines += [f"  consumer state {count:6d}  {' '.join(key)}" for key, count in owners.items()]
    return "\n".join(lines)


def _channel_layer() -> str:
    from channels.layers import channel_layers

    lines = []
    for alias, layer in list(channel_layers.backends.items()):
        buffer = getattr(layer, "receive_buffer", None)
        lines.append(
            f"channel layer {alias!r} {type(layer).__name__}: receive_buffer "
            f"{len(buffer) if buffer is not None else '-'} channels "
            f"({sum(q.qsize() for q in buffer.values()) if buffer else 0} messages), "
            f"receive_count {getattr(layer, 'receive_count', '-')}, receive_cleaners "
            f"{len(getattr(layer, 'receive_cleaners', ()))}, clean locks "
            f"{len(getattr(getattr(layer, 'receive_clean_locks', None), 'locks', ()))}, "
            f"per-loop layers {len(getattr(layer, '_layers', ()))}")
        for loop_layer in getattr(layer, "_layers", {}).values():
            for client in getattr(loop_layer, "_connections", {}).values():
                pool = client.connection_pool
                lines.append(
                    f"  redis pool: available {len(getattr(pool, '_available_connections', ()))}, "
                    f"in use {len(getattr(pool, '_in_use_connections', ()))}")
    from chat import consumers
    from peersupport import memory, realtime

    releaser = memory.releaser()
    lines.append(f"peersupport.memory: allocator {memory.allocator}, releases "
                 f"{releaser.releases} (the last took {1000 * releaser.last_seconds:.0f} ms), "
                 f"sockets closed since {releaser.closed}")
    lines.append(f"chat.consumers._layer_gates {len(consumers._layer_gates)}, "
                 f"peersupport.realtime._senders {len(realtime._senders)} "
                 f"(queued {sum(len(s.queue) for s in realtime._senders.values())})")
    return "\n".join(lines)


def report_path(pid: int, number: int, suffix: str = ".txt") -> Path:
    """Where report `number` of process `pid` is written (bench/chat.py waits for it)."""
    return OUT / f"memprobe-{pid}-{number}{suffix}"


def _released(label: str) -> str:
    """BENCH_MEMPROBE_TRIM: the server's own release (peersupport.memory), and RSS after it."""
    from peersupport import memory

    memory._release()
    return _proc() + f"  ({label})\n" + _jemalloc()


def _report(number: int) -> None:
    stem = report_path(os.getpid(), number, suffix="")
    sections = [f"memprobe {number}, pid {os.getpid()}", _proc(), _mallinfo(), _pymalloc()]
    if os.environ.get("BENCH_MEMPROBE_TRIM"):  # before anything else: the release alone
        sections.append(_released("after the allocator's release, before the collection"))
    current, peak = tracemalloc.get_traced_memory()
    sections.append(f"tracemalloc: traced now {current / 2**20:.1f} MB, peak {peak / 2**20:.1f} MB,"
                    f" its own overhead {tracemalloc.get_tracemalloc_memory() / 2**20:.1f} MB")
    before = _type_counts()
    collected, garbage = _collect_garbage()
    after = _type_counts()
    sections.append(_pymalloc().replace("pymalloc:", "pymalloc after the collection:"))
    sections.append(f"gc: {sum(before.values())} tracked objects, a full collection freed "
                    f"{collected} (unreachable cycles), {sum(after.values())} left; "
                    f"gc.get_count() {gc.get_count()}, gc.garbage {len(gc.garbage)}")
    sections.append("types (after collection: count, freed by it):\n" + "\n".join(
        f"  {count:8d} {before[name] - count:+8d}  {name}"
        for name, count in after.most_common(40)))
    if not _first:
        _first.update(modules=set(sys.modules), types=after)
    else:
        grown = (after - _first["types"]).most_common(40)
        sections.append("types grown since the first report (after collection):\n" + "\n".join(
            f"  {count:+8d}  {name}" for name, count in grown))
        new = sorted(set(sys.modules) - _first["modules"])
        sections.append(f"modules imported since the first report: {len(new)}\n  "
                        + " ".join(new))
    sections.append(garbage)
    sections.append(_proc() + "  (after gc.collect)\n" + _mallinfo() + "\n" + _jemalloc())
    if os.environ.get("BENCH_MEMPROBE_TRIM"):  # after the collection, as the server does it
        sections.append(_released("after the collection and the allocator's release"))
    sections += [_mappings(), _tasks(), _channel_layer(),
                 f"threads: {threading.active_count()}"]
    if not tracemalloc.is_tracing():
        _write(stem, sections)
        return
    snapshot = tracemalloc.take_snapshot().filter_traces((
        tracemalloc.Filter(False, tracemalloc.__file__),
        tracemalloc.Filter(False, "<frozen importlib._bootstrap*>")))
    snapshot.dump(str(stem.with_suffix(".snap")))
    sections.append("tracemalloc top files:\n" + "\n".join(
        f"  {stat.size / 1024:10.0f} KiB {stat.count:8d}  {stat.traceback[0]}"
        for stat in snapshot.statistics("filename")[:15]))
    _write(stem, sections)


def _write(stem: Path, sections: list[str]) -> None:
    partial = stem.with_suffix(".part")
    partial.write_text("\n\n".join(sections) + "\n")
    partial.rename(stem.with_suffix(".txt"))  # report_path(): chat.py waits for this name


def _on_signal(signum, frame) -> None:
    global _count
    _count += 1
    try:
        _report(_count)
    except Exception as error:  # a probe must never take the server down
        report_path(os.getpid(), _count).write_text(f"probe failed: {error!r}\n")


def install() -> None:
    if "uvicorn" not in sys.argv[0]:  # the bench itself and `migrate` load these settings too
        return
    frames = int(os.environ.get("BENCH_MEMPROBE_FRAMES", "8"))
    if frames:  # 0: counts only, at full speed (tracemalloc slows a 500-socket burst ~5x)
        tracemalloc.start(frames)
    signal.signal(signal.SIGUSR1, _on_signal)


def compare(old: str, new: str, top: int = 25) -> None:
    """Where the difference between two snapshots was allocated, grouped by traceback."""
    first, second = tracemalloc.Snapshot.load(old), tracemalloc.Snapshot.load(new)
    stats = second.compare_to(first, "traceback")
    total = sum(stat.size_diff for stat in stats)
    print(f"{old} -> {new}: {total / 2**20:+.2f} MB traced, top {top} by size difference")
    for stat in stats[:top]:
        print(f"\n{stat.size_diff / 1024:+10.0f} KiB {stat.count_diff:+8d} blocks "
              f"(now {stat.size / 1024:.0f} KiB)")
        for line in stat.traceback.format(limit=6, most_recent_first=True):
            print("    " + line.strip().replace(str(Path(__file__).resolve().parent.parent), ""))


if __name__ == "__main__":
    compare(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 25)
