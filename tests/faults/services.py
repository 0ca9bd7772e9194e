"""Redis and PostgreSQL instances of the fault suite's own: started, frozen, killed and restarted
by the tests, on free loopback ports, with their data in a temporary directory.

Nothing here touches the machine's shared services (the suite's servers never see REDIS_URL or
DATABASE_URL from the environment).
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.chat.live_servers import free_port


def _wait_for_port(port: int, timeout: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


class RedisServer:
    """redis-server without persistence: a kill loses everything in it, as in production
    without AOF (the channel layer keeps nothing that the database does not)."""

    def __init__(self, binary: str = "/usr/bin/redis-server"):
        if not os.path.exists(binary):
            raise RuntimeError(f"the fault suite needs {binary} (Debian package redis-server)")
        self.binary = binary
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.frozen = False

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.process = subprocess.Popen(
            [self.binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
             "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_port(self.port, 10, self.process)
        return self

    def restart(self) -> RedisServer:
        """A new, empty Redis on the same port (after `kill()`)."""
        return self.start()

    def freeze(self) -> None:
        """SIGSTOP: connections stay open and nothing answers (a hung server, a partition)."""
        self.process.send_signal(signal.SIGSTOP)
        self.frozen = True

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)
        self.frozen = False

    def kill(self) -> None:
        if self.frozen:
            self.thaw()
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.kill()


class PostgresServer:
    """A PostgreSQL cluster of the suite's own (initdb in a temporary directory). PostgreSQL
    refuses to run as root, so as root it runs as the `postgres` system user."""

    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        if not bins:
            raise RuntimeError("the fault suite needs PostgreSQL's server binaries "
                               "(/usr/lib/postgresql/*/bin; Debian package postgresql)")
        self.bin = Path(bins[-1]).parent
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="faults-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
            os.chmod(self.root, 0o700)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = list(args)
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def init(self) -> PostgresServer:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8")
        return self.start()

    def start(self) -> PostgresServer:
        if self.running():
            return self
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                  "-o", options, "-w", "-t", "30", "start")
        _wait_for_port(self.port, 30)
        return self

    def running(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def stop(self, mode: str = "fast") -> None:
        """`fast`: open connections are cut and new ones refused (a database going away)."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "30",
                  "stop", check=False)

    def execute(self, sql: str, params: tuple = (), database: str = "postgres") -> list[tuple]:
        """One statement in autocommit (CREATE DATABASE needs it); returns its rows, if any."""
        import psycopg2

        db = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=database,
                              connect_timeout=5)
        try:
            db.autocommit = True
            with db.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall() if cursor.description else []
        finally:
            db.close()

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
