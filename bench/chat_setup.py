"""Bench data: the database, a room with N members who accepted its rules, login cookies.

Bulk inserts, not services: the bench builds hundreds of people in a second, and what it measures
is the chat server, not the joining flow (which has its own tests).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent


def ensure_database(database_url: str) -> None:
    """Creates the PostgreSQL database when it does not exist yet (SQLite creates itself)."""
    url = urlparse(database_url)
    if url.scheme not in ("postgres", "postgresql", "pgsql"):
        return
    import psycopg2

    name = url.path.lstrip("/")
    conn = psycopg2.connect(dbname="postgres", user=unquote(url.username or "postgres"),
                            password=unquote(url.password or "") or None,
                            host=url.hostname or "127.0.0.1", port=url.port or 5432)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    conn.close()


def migrate(env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                   cwd=ROOT, env=env, check=True)


def prepare(*, members: int, crowd: int) -> dict:
    """Two open rooms (the measured room, and one for the many-sockets test) and the cookies of
    max(members, crowd) people who may post in both. Call after django.setup()."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session as LoginSession
    from django.utils import timezone

    from accounts.models import User
    from groups.models import GroundRuleVersion, Group, Membership, RuleAcceptance
    from groups.rules import DEFAULT_RULES
    from sessions.models import Session, SessionRulesAcceptance
    from sessions.selectors import session_rules

    now = timezone.now()
    facilitator, _ = User.objects.get_or_create(
        email="bench-facilitator@bench.invalid",
        defaults={"display_name": "Bench Facilitator", "password": make_password(None)})
    group, created = Group.objects.get_or_create(
        slug="bench-room", defaults={"name": "Bench room", "purpose": "Benchmarks.",
                                     "category": Group.Category.PEER_CIRCLE, "rules_version": 1,
                                     "created_by": facilitator})
    if created:
        GroundRuleVersion.objects.create(group=group, number=1, rules=DEFAULT_RULES)
        Membership.objects.create(group=group, user=facilitator, joined_at=now,
                                  role=Membership.Role.FACILITATOR, accepted_rules_version=1)
    people = max(members, crowd)
    emails = [f"bench-member-{n}@bench.invalid" for n in range(people)]
    known = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    unusable = make_password(None)
    User.objects.bulk_create([User(email=e, display_name=f"Bench {e.split('-')[2].split('@')[0]}",
                                   password=unusable) for e in emails if e not in known])
    users = list(User.objects.filter(email__in=emails).order_by("id"))
    joined = set(Membership.objects.filter(group=group).values_list("user_id", flat=True))
    Membership.objects.bulk_create([
        Membership(group=group, user=u, joined_at=now, accepted_rules_version=group.rules_version)
        for u in users if u.pk not in joined])
    RuleAcceptance.objects.bulk_create(
        [RuleAcceptance(group=group, user=u, version=group.rules_version) for u in users],
        ignore_conflicts=True)
    rooms = []
    for title in ("Bench chat", "Bench crowd"):
        room = Session.objects.create(
            group=group, title=title, starts_at=now + dt.timedelta(minutes=10),
            ends_at=now + dt.timedelta(hours=3), facilitator_joined_at=now, created_by=facilitator)
        room.facilitators.add(facilitator)
        rules = session_rules(session=room)
        SessionRulesAcceptance.objects.bulk_create(
            [SessionRulesAcceptance(session=room, user=u, rules=rules) for u in users])
        rooms.append(room.pk)
    store = SessionStore()
    expire = now + dt.timedelta(days=1)
    logins = []
    for user in users:
        key = store._get_new_session_key()
        data = store.encode({SESSION_KEY: str(user.pk),
                             BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                             HASH_SESSION_KEY: user.get_session_auth_hash()})
        logins.append(LoginSession(session_key=key, session_data=data, expire_date=expire))
    LoginSession.objects.bulk_create(logins)
    return {"room": rooms[0], "crowd_room": rooms[1],
            "cookies": [login.session_key for login in logins]}


def server_env(*, database_url: str, redis_url: str, prefix: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.server_settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CHANNELS_PREFIX": prefix,
        "CACHE_PREFIX": prefix,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-" + "k" * 60),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
