"""Settings of the fault suite's Celery worker and beat: the test settings with tasks really
queued on the suite's own Redis, the suite's recording mail backend, a claim lease of 3 s
instead of 5 minutes, small dispatch batches (so draining takes several), and beat ticking every
2 s instead of 60."""

from peersupport.test_settings import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = REDIS_URL  # noqa: F405
EMAIL_BACKEND = "tests.faults.mail_backend.EmailBackend"
NOTICE_CLAIM_LEASE = 3
EMAIL_TIMEOUT = 1  # the lease must outlast a send (check peersupport.W003)
NOTICE_DISPATCH_BATCH = 10
CELERY_BEAT_SCHEDULE = {
    "sessions-dispatch-due-notices": {"task": "sessions.tasks.dispatch_due_notices",
                                      "schedule": 2.0},
}
