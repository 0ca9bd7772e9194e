"""The fault suite's stack: its own PostgreSQL cluster (one per run, migrated once into a template
database that each test clones), its own Redis per test, and two uvicorn server processes per
test serving one room of members, all on loopback.

The suite does not depend on DATABASE_URL or REDIS_URL (it never touches the shared services),
so it gives the same answer in both of CI's passes; it runs in the embedded pass and skips,
saying so, in the PostgreSQL + Redis pass, where it would only repeat itself (FAULTS=1 runs it
there too).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.chat.live_servers import ROOT, AsgiServer
from tests.faults.services import PostgresServer, RedisServer

GROUP_EXPIRY = 6  # seconds: a dead process's channels leave the groups this fast here


def pytest_collection_modifyitems(config, items):
    if not os.environ.get("REDIS_URL") or os.environ.get("FAULTS") == "1":
        return
    skip = pytest.mark.skip(reason="the fault suite starts its own Redis and PostgreSQL, so it "
                                   "runs once, in the embedded pass (FAULTS=1 runs it here too)")
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def postgres():
    server = PostgresServer().init()
    try:
        server.execute("CREATE DATABASE faults_template")
        env = _clean_env(DATABASE_URL=server.url("faults_template"),
                         DJANGO_SETTINGS_MODULE="peersupport.test_settings")
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env,
                       check=True, timeout=300)
        yield server
    finally:
        server.destroy()


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(extra)
    return env


@dataclass
class Stack:
    postgres: PostgresServer
    redis: RedisServer
    database: str
    session_id: int
    members: list[dict]
    servers: list[AsgiServer]
    tmp_path: Path
    prefix: str
    figures: dict = field(default_factory=dict)

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self.postgres.execute(sql, params, database=self.database)

    def stored(self) -> dict[str, int]:
        """client_id -> id of every message stored in the room."""
        return dict(self.rows("SELECT client_id, id FROM chat_message WHERE session_id = %s",
                              (self.session_id,)))

    def presence(self) -> list[str]:
        return [row[0] for row in self.rows(
            "SELECT channel_name FROM chat_presence WHERE session_id = %s", (self.session_id,))]

    def logs(self) -> str:
        return "\n".join(server.log_path.read_text(errors="replace")
                         for server in self.servers if server.log_path.exists())


@pytest.fixture
def stack(postgres, tmp_path):
    redis = RedisServer().start()
    database = f"faults_{uuid.uuid4().hex[:10]}"
    postgres.execute(f'CREATE DATABASE "{database}" TEMPLATE faults_template')
    database_url = postgres.url(database)
    seeded = subprocess.run(
        [sys.executable, "-m", "tests.faults.seed", "6"], cwd=ROOT, check=True, timeout=120,
        capture_output=True, text=True,
        env=_clean_env(DATABASE_URL=database_url,
                       DJANGO_SETTINGS_MODULE="peersupport.test_settings"))
    room = json.loads(seeded.stdout)
    prefix = f"faults-{uuid.uuid4().hex[:8]}"
    servers = []
    for name in ("first", "second"):
        server = AsgiServer(database_url=database_url, prefix=prefix,
                            log_path=tmp_path / f"{name}.log",
                            settings="tests.faults.fault_settings")
        server.env = _clean_env(**{**server.env, "REDIS_URL": redis.url,
                                   "DATABASE_URL": database_url,
                                   "CHANNELS_GROUP_EXPIRY": str(GROUP_EXPIRY)})
        servers.append(server)
    starting = [threading.Thread(target=server.start, kwargs={"timeout": 60})
                for server in servers]
    for thread in starting:
        thread.start()
    for thread in starting:
        thread.join()
    stack = Stack(postgres=postgres, redis=redis, database=database,
                  session_id=room["session_id"], members=room["members"], servers=servers,
                  tmp_path=tmp_path, prefix=prefix)
    try:
        for server in servers:
            if server.process is None or server.process.poll() is not None:
                raise RuntimeError(f"a server did not start: {server.log()}")
        yield stack
    finally:
        for server in servers:
            server.stop()
        redis.stop()
        if stack.figures:
            print(f"\nFAULT FIGURES {json.dumps(stack.figures)}")

