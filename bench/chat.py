"""Live chat benchmark: one command, prints figures.

    python bench/chat.py            # the full run (about 25 minutes: 10,000 messages at 10/s)
    python bench/chat.py --quick    # a few minutes: 1,000 messages, short steps, 10 s memory wait
    python bench/chat.py --only crowd               # just the 500 sockets (and memory)
    python bench/chat.py --only saturation --quick  # just chat vs bare saturation

Production stack: PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/
peersupport_bench, created and migrated here) and the Redis channel layer (REDIS_URL, default
redis://127.0.0.1:6379/9). It starts ONE uvicorn process (no reload, log level warning, DEBUG off,
settings bench.server_settings = production settings with the per-member rate limits raised),
connects N members (default 50) to one room, and measures:

1. steady load: messages at --rate per second (default 10: 500 deliveries/s with 50 members)
   for --messages messages (default 10,000): p50/p99 delivery latency (send -> received by every
   member), delivered frames/s, and by message id that every member got every message exactly
   once (lost / duplicated);
2. saturation: offered deliveries/s raised step by step until p99 passes 500 ms;
3. the same saturation against bench/bare_consumer.py (a bare Channels broadcast: no storage,
   no checks) on the same Redis layer, and the ratio chat / bare;
4. 500 authenticated sockets (--crowd) opened all at once in another room (or spread evenly
   over --crowd-spread seconds): failures, the time until the last one had its history, each
   socket's handshake time (p50/p99), the server's CPU per socket, and the server's RSS before,
   with them open, and --rss-wait seconds (default 60) after closing. --crowd-rounds repeats it:
   a leak grows RSS round after round; the allocator's high-water mark does not.
   The baseline is read once the server has served (--crowd-warmup, default 30 sockets opened
   and closed first, as the steady phase does in a full run): what a process loads on its first
   socket is its working set, not what a crowd leaves behind.

The servers run as production's do, through deploy/with-jemalloc: on jemalloc when libjemalloc2
is installed (the first line says which allocator they got); --allocator pymalloc runs them on
CPython's own allocator instead, for comparison.

Targets (issue 5, this 2-core machine): p50 <= 20 ms and p99 <= 150 ms at 50 x 10 msg/s with 0 lost
and 0 duplicated; saturation >= 2,000 deliveries/s and >= half the bare broadcast's; 500 sockets
in 5 s without failure (all at once), RSS back near its baseline. The load generator shares the
machine with the server (one asyncio process, uvloop when available), so the figures are
conservative.
`--profile` samples the server with py-spy during the steady phase and while the crowd connects,
and prints the hottest code (py-spy must be installed: pip install py-spy).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import chat_setup, memprobe  # noqa: E402
from bench.chat_load import Room, percentile, saturation  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/peersupport_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/9"
PROFILE = Path("/tmp/bench-chat-profile.txt")
PHASES = ("steady", "saturation", "crowd")
STEPS = [500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000, 10000]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--members", type=int, default=50, help="members in the room (50)")
    parser.add_argument("--rate", type=float, default=10, help="messages/s, steady phase (10)")
    parser.add_argument("--messages", type=int, default=10_000, help="steady messages (10000)")
    parser.add_argument("--step-seconds", type=float, default=10, help="saturation step (10 s)")
    parser.add_argument("--crowd", type=int, default=500, help="sockets opened at once (500)")
    parser.add_argument("--crowd-seconds", type=float, default=5,
                        help="...all open within (target, 5 s)")
    parser.add_argument("--crowd-spread", type=float, default=0,
                        help="start them evenly over this many seconds (0: all at once)")
    parser.add_argument("--rss-wait", type=float, default=60, help="memory wait after (60 s)")
    parser.add_argument("--crowd-rounds", type=int, default=1, help="repeat the crowd (1)")
    parser.add_argument("--crowd-warmup", type=int, default=30,
                        help="open and close this many sockets before the baseline (30)")
    parser.add_argument("--allocator", choices=("jemalloc", "pymalloc"), default="jemalloc",
                        help="the servers' allocator: production's jemalloc (deploy/with-jemalloc"
                             ", when libjemalloc2 is installed) or CPython's own")
    parser.add_argument("--skip-bare", action="store_true", help="no bare-consumer baseline")
    parser.add_argument("--skip-crowd", action="store_true", help="no many-sockets phase")
    parser.add_argument("--only", action="append", choices=PHASES, metavar="PHASE",
                        help="run only this phase (repeatable): steady, saturation (chat and "
                             "bare, unless --skip-bare) or crowd")
    parser.add_argument("--profile", action="store_true", help="py-spy the steady phase")
    parser.add_argument("--quick", action="store_true",
                        help="1000 steady messages, 5 s steps, 10 s memory wait")
    args = parser.parse_args()
    args.phases = set(args.only or PHASES)
    if args.skip_crowd:
        args.phases.discard("crowd")
    if args.quick:
        args.messages, args.step_seconds, args.rss_wait = min(args.messages, 1000), 5, 10
    return args


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, app: str, env: dict[str, str]):
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(ROOT / "deploy" / "with-jemalloc"),  # production's allocator (--allocator)
             sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port",
             str(self.port), "--log-level", "warning", "--no-access-log", "--lifespan", "off"],
            cwd=ROOT, env=env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{app} exited with {self.process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"{app} did not start")

    def room(self, session_id: int, cookies: list[str]) -> Room:
        """Members of a room on this server (their origin is the server's own)."""
        return Room(f"ws://127.0.0.1:{self.port}", f"http://127.0.0.1:{self.port}", session_id,
                    cookies)

    @property
    def cpu_seconds(self) -> float:
        """User + system CPU the server process has used so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    @property
    def allocator(self) -> str:
        maps = Path(f"/proc/{self.process.pid}/maps").read_text()
        return "jemalloc" if "libjemalloc" in maps else "pymalloc"

    @property
    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def profile_start(pid: int, seconds: float, out: Path) -> subprocess.Popen | None:
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    try:
        return subprocess.Popen([spy, "record", "--pid", str(pid), "--format", "raw",
                                 "--output", str(out), "--duration", str(int(seconds)),
                                 "--rate", "200", "--nonblocking"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except FileNotFoundError:
        print("  (py-spy is not installed: pip install py-spy)")
        return None


def _frame_name(frame: str) -> str:
    """`func (path/to/file.py:12)` -> `func (path/to/file.py)`, paths shortened."""
    func, _, where = frame.partition(" (")
    where = where.rsplit(":", 1)[0].replace(str(ROOT) + "/", "").split("site-packages/")[-1]
    return f"{func} ({where})"


def profile_report(out: Path, top: int = 15) -> None:
    """Where the server's busy time goes: our functions by inclusive share, and the library
    functions that burn it by self share."""
    if not out.exists():
        return
    inclusive: collections.Counter = collections.Counter()
    leaf: collections.Counter = collections.Counter()
    total = 0
    project = ("chat/", "groups/", "sessions/", "peersupport/", "accounts/")
    for line in out.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        samples = int(count)
        total += samples
        names = [_frame_name(frame) for frame in stack.split(";")]
        leaf[names[-1]] += samples
        for name in set(names):
            if "(" in name and name.split("(", 1)[1].startswith(project):
                inclusive[name] += samples
    print(f"\n  py-spy: {total} busy samples. Our code, by inclusive share of busy time:")
    for name, samples in inclusive.most_common(top):
        print(f"    {100 * samples / total:5.1f}%  {name}")
    print("  Hottest leaf functions (self time):")
    for name, samples in leaf.most_common(top):
        print(f"    {100 * samples / total:5.1f}%  {name}")
    print(f"  (raw stacks: {out})")


async def crowd_phase(args, chat: Server, data: dict) -> list[str]:
    """Many sockets at once, `--crowd-rounds` times: a leak grows RSS round after round, an
    allocator's high-water mark does not."""
    how = (f"spread over {args.crowd_spread:g} s" if args.crowd_spread else "all at once")
    print(f"\n4. {args.crowd} authenticated sockets, {how} (target: open within "
          f"{args.crowd_seconds:g} s)")
    cookies = data["cookies"][:args.crowd]
    rounds: list[str] = []
    probes = []

    async def probe(label: str) -> None:
        """BENCH_MEMPROBE=1: the server writes a memory report (bench/memprobe.py); RSS is
        read before, as the probe's own work costs memory."""
        if not os.environ.get("BENCH_MEMPROBE"):
            return
        probes.append(label)
        report = memprobe.report_path(chat.process.pid, len(probes))
        chat.process.send_signal(signal.SIGUSR1)
        while not report.exists():
            await asyncio.sleep(0.2)
        print(f"  memprobe {len(probes)} ({label}): {report}")

    if args.crowd_warmup:
        warm = chat.room(data["crowd_room"], cookies[:args.crowd_warmup])
        await warm.connect()
        await warm.close()
        print(f"  warm-up: {len(warm.sockets)} sockets opened and closed")
    await asyncio.sleep(2)
    baseline = chat.rss_mb
    await probe("before")
    for round_number in range(1, args.crowd_rounds + 1):
        crowd = chat.room(data["crowd_room"], cookies)
        crowd_profile = PROFILE.with_name("bench-chat-crowd-profile.txt")
        profiler = (profile_start(chat.process.pid, args.crowd_spread + 10, crowd_profile)
                    if args.profile and round_number == 1 else None)
        cpu_before = chat.cpu_seconds
        took = await crowd.connect(spread_seconds=args.crowd_spread)
        cpu = chat.cpu_seconds - cpu_before
        await asyncio.sleep(1)
        during = chat.rss_mb
        await probe(f"round {round_number} open")
        print(f"  round {round_number}: opened {len(crowd.sockets)}/{args.crowd} in {took:.1f} s, "
              f"{crowd.connect_failures} failures; handshake p50 "
              f"{percentile(crowd.connect_ms, 50):.0f} ms, p99 "
              f"{percentile(crowd.connect_ms, 99):.0f} ms; "
              f"server CPU {1000 * cpu / max(1, args.crowd):.1f} ms per socket")
        if profiler is not None:
            profiler.wait()
            profile_report(crowd_profile)
        await crowd.close()
        await asyncio.sleep(args.rss_wait)
        after = chat.rss_mb
        print(f"  server RSS: before {baseline:.0f} MB, with them open {during:.0f} MB, "
              f"{args.rss_wait:g} s after closing {after:.0f} MB")
        await probe(f"round {round_number} after")
        rounds.append(f"round {round_number}: {len(crowd.sockets)}/{args.crowd} open in "
                      f"{took:.1f} s (target {args.crowd_seconds:g} s), "
                      f"{crowd.connect_failures} failures; RSS {baseline:.0f} -> {during:.0f} -> "
                      f"{after:.0f} MB {args.rss_wait:g} s after closing ({chat.allocator})")
    return rounds


async def measure(args, env_chat: dict, env_bare: dict, data: dict) -> None:
    cookies = data["cookies"]
    chat = Server("peersupport.asgi:application", env_chat)
    print(f"server: uvicorn pid {chat.process.pid}, RSS {chat.rss_mb:.0f} MB at start, "
          f"allocator {chat.allocator}" + (" (libjemalloc2 is not installed: apt-get install "
                                           "libjemalloc2)" if chat.allocator != args.allocator
                                           else ""))
    steady = None
    chat_best = bare_best = float("nan")
    try:
        if args.phases & {"steady", "saturation"}:
            room = chat.room(data["room"], cookies[:args.members])
            took = await room.connect()
            print(f"connected {len(room.sockets)}/{args.members} members in {took:.1f} s "
                  f"({room.connect_failures} failures)")
            await room.phase("warm-up", args.rate, max(20, int(args.rate * 2)))
            if "steady" in args.phases:
                steady = await steady_phase(args, chat, room)
            if "saturation" in args.phases:
                print("\n2. saturation (chat server): offered deliveries/s until p99 > 500 ms")
                _, chat_best = await saturation(room, "chat", STEPS, args.step_seconds)
                print(f"  => saturation {chat_best:.0f} deliveries/s with p99 <= 500 ms")
            await room.close()

        if "saturation" in args.phases and not args.skip_bare:
            bare_best = await bare_phase(args, env_bare, cookies)

        crowd_rounds: list[str] = []
        if "crowd" in args.phases:
            crowd_rounds = await crowd_phase(args, chat, data)

        print("\nSummary")
        if steady is not None:
            print(f"  steady {args.members}x{args.rate:g}/s: p50 {steady.p50:.1f} ms "
                  f"(target <= 20), p99 {steady.p99:.1f} ms (<= 150), lost {steady.lost}, "
                  f"dup {steady.duplicated}, {steady.deliveries_per_s:.0f} deliveries/s")
        if "saturation" in args.phases:
            ratio = chat_best / bare_best if bare_best == bare_best and bare_best else 0
            print(f"  saturation: chat {chat_best:.0f}/s (target >= 2000), bare "
                  f"{bare_best:.0f}/s, ratio {ratio:.2f} (target >= 0.5)")
        for line in crowd_rounds:
            print(f"  crowd {line}")
    finally:
        chat.stop()


async def steady_phase(args, chat: Server, room: Room):
    profiler = None
    if args.profile:
        seconds = min(60, args.messages / args.rate)
        profiler = profile_start(chat.process.pid, seconds, PROFILE)
    print(f"\n1. steady: {args.members} members x {args.rate:g} msg/s, {args.messages} messages")
    steady = await room.phase("steady", args.rate, args.messages)
    print("  " + steady.line())
    if profiler is not None:
        profiler.wait()
        profile_report(PROFILE)
    return steady


async def bare_phase(args, env_bare: dict, cookies: list[str]) -> float:
    print("\n3. the same against a bare Channels broadcast consumer")
    bare = Server("bench.bare_consumer:application", env_bare)
    try:
        bare_room = bare.room(0, cookies[:args.members])
        await bare_room.connect()
        await bare_room.phase("bare warm-up", args.rate, max(20, int(args.rate * 2)))
        if "steady" in args.phases:
            bare_steady = await bare_room.phase("bare steady", args.rate,
                                                min(args.messages, int(args.rate * 60)))
            print("  " + bare_steady.line())
        _, bare_best = await saturation(bare_room, "bare", STEPS, args.step_seconds)
        print(f"  => saturation {bare_best:.0f} deliveries/s with p99 <= 500 ms")
        await bare_room.close()
    finally:
        bare.stop()
    return bare_best


def main() -> None:
    args = parse_args()
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    redis_url = os.environ.get("REDIS_URL", DEFAULT_REDIS_URL)
    prefix = f"bench-{os.getpid()}"
    env_chat = chat_setup.server_env(database_url=database_url, redis_url=redis_url,
                                     prefix=prefix)
    env_chat["PEERSUPPORT_ALLOCATOR"] = args.allocator
    env_bare = {**env_chat, "CHANNELS_PREFIX": prefix + "-bare"}
    print(f"database {database_url}\nredis    {redis_url}")
    chat_setup.ensure_database(database_url)
    chat_setup.migrate(env_chat)
    os.environ.update({k: env_chat[k] for k in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY",
                                                 "DEBUG", "DJANGO_SETTINGS_MODULE")})
    import django

    django.setup()
    crowd = args.crowd if "crowd" in args.phases else 0
    data = chat_setup.prepare(members=args.members, crowd=crowd)
    try:
        import uvloop

        uvloop.run(measure(args, env_chat, env_bare, data))
    except ImportError:
        asyncio.run(measure(args, env_chat, env_bare, data))


if __name__ == "__main__":
    main()
