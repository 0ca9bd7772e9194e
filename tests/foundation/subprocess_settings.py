"""Loads the real settings module in a fresh interpreter with a chosen environment.

Settings are decided at import time from the environment, so the only faithful way to test
a switch is a new process (reloading the module in the test process would leak into others).
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Variables the developer's shell or CI may have set; each test states what it needs.
CLEARED = ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "CELERY_TASK_ALWAYS_EAGER", "DEBUG",
           "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "MFA_EXEMPT_EMAILS",
           "ACCOUNT_EMAIL_VERIFICATION", "ALLAUTH_TRUSTED_PROXY_COUNT", "DJANGO_SETTINGS_MODULE",
           "DJANGO_ALLOW_ASYNC_UNSAFE", "SIGNUP_EMAIL_DOMAINS", "EMAIL_URL",
           "DEBUG_TECHNICAL_PAGES", "SITE_URL")


def clean_env(overrides: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env["DJANGO_SETTINGS_MODULE"] = "peersupport.settings"
    if overrides.get("DEBUG") == "0":
        env["SECRET_KEY"] = secrets.token_urlsafe(64)
        env["ALLOWED_HOSTS"] = "peersupport.example.com"
    env.update(overrides)
    return env


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def run_manage(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


_READ = """
import json, sys, django
django.setup()
from django.conf import settings
print(json.dumps({name: getattr(settings, name) for name in sys.argv[1:]}, default=str))
"""


def read_settings(overrides: dict[str, str], *names: str):
    """The named settings as the app would see them with this environment."""
    result = subprocess.run([sys.executable, "-c", _READ, *names], cwd=ROOT,
                            env=clean_env(overrides), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    return values[names[0]] if len(names) == 1 else values
