"""REDIS_URL switches channel layer, cache and Celery between embedded and Redis."""

import json

import pytest

from tests.foundation.subprocess_settings import clean_env, read_settings, run_python

# What the running app actually builds from its settings, not only the settings' text.
_EFFECTIVE = """
import json, django
django.setup()
from channels.layers import get_channel_layer
from django.core.cache import caches
from peersupport.celery import app
layer = get_channel_layer()
try:
    from channels_redis.core import RedisChannelLayer
    is_channels_redis = isinstance(layer, RedisChannelLayer)
except ImportError:
    is_channels_redis = False
print(json.dumps({
    "layer": type(layer).__module__ + "." + type(layer).__name__,
    "channels_redis": is_channels_redis,
    "layer_hosts": [h.get("address") for h in getattr(layer, "hosts", [])],
    "layer_timeouts": [[h.get("socket_connect_timeout"), h.get("socket_timeout")]
                       for h in getattr(layer, "hosts", [])],
    "cache": type(caches["default"]).__module__ + "." + type(caches["default"]).__name__,
    "broker": app.conf.broker_url,
    "eager": app.conf.task_always_eager,
}))
"""


def effective(overrides: dict[str, str]) -> dict:
    result = run_python(_EFFECTIVE, clean_env(overrides))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_redis_url_everything_is_embedded():
    state = effective({})

    assert state["layer"] == "channels.layers.InMemoryChannelLayer"
    assert state["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert state["broker"] == "memory://"
    assert state["eager"] is True


def test_redis_url_selects_channels_redis_the_redis_cache_and_the_celery_broker():
    url = "redis://redis.internal:6379/3"

    state = effective({"REDIS_URL": url})

    # channels_redis, with a short blocking read so its socket timeout can be short.
    assert state["layer"] == "peersupport.channel_layer.RedisChannelLayer"
    assert state["channels_redis"] is True
    assert state["layer_hosts"] == [url]
    assert state["layer_timeouts"] == [[2.0, 4.0]]
    assert read_settings({"REDIS_URL": url}, "CACHES")["default"]["OPTIONS"] == {
        "socket_connect_timeout": 2.0, "socket_timeout": 2.0}
    assert state["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert state["broker"] == url
    assert state["eager"] is False


def test_database_url_selects_postgresql_and_defaults_to_sqlite():
    postgres = read_settings({"DATABASE_URL": "postgres://app:pw@db:5432/peersupport"},
                             "DATABASES")["default"]
    embedded = read_settings({}, "DATABASES")["default"]

    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert (postgres["HOST"], postgres["NAME"], postgres["CONN_HEALTH_CHECKS"]) == (
        "db", "peersupport", True)
    assert embedded["ENGINE"] == "django.db.backends.sqlite3"
    assert embedded["NAME"].endswith("db.sqlite3")


def test_email_defaults_to_the_console_and_takes_an_smtp_url():
    console = read_settings({}, "EMAIL_BACKEND")
    smtp = read_settings({"EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.com:587"},
                         "EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS")

    assert console == "django.core.mail.backends.console.EmailBackend"
    assert smtp == {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                    "EMAIL_HOST": "smtp.example.com", "EMAIL_PORT": 587, "EMAIL_USE_TLS": True}


def test_email_verification_is_optional_by_default_and_mandatory_when_configured():
    assert read_settings({}, "ACCOUNT_EMAIL_VERIFICATION") == "optional"
    assert read_settings({"ACCOUNT_EMAIL_VERIFICATION": "mandatory"},
                         "ACCOUNT_EMAIL_VERIFICATION") == "mandatory"


def test_trusted_proxy_count_comes_from_the_environment():
    assert read_settings({}, "ALLAUTH_TRUSTED_PROXY_COUNT") == 0
    assert read_settings({"ALLAUTH_TRUSTED_PROXY_COUNT": "1"}, "ALLAUTH_TRUSTED_PROXY_COUNT") == 1


@pytest.mark.parametrize("overrides, message", [
    ({"DEBUG": "0", "SECRET_KEY": "short"}, "SECRET_KEY must be set"),
    ({"ACCOUNT_EMAIL_VERIFICATION": "sometimes"}, "ACCOUNT_EMAIL_VERIFICATION must be"),
])
def test_bad_configuration_stops_the_app_with_a_clear_message(overrides, message):
    result = run_python("import django; django.setup()", clean_env(overrides))

    assert result.returncode != 0
    assert message in result.stderr
