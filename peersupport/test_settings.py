"""Settings for the test suite: the same stack as settings.py, with tasks run in-process.

With REDIS_URL set the suite runs on the Redis channel layer and cache (CI does both).
"""

import os

os.environ.setdefault("CACHE_PREFIX", f"peersupport-test-{os.getpid()}")
os.environ.setdefault("CHANNELS_PREFIX", f"peersupport-test-{os.getpid()}")

from peersupport.settings import *  # noqa: E402,F403

CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MFA_EXEMPT_EMAILS: list[str] = []
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
