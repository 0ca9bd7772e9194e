"""Celery interfaces: fetch by id (or by due-time), call a service. Safe to run twice."""

from celery import shared_task

from sessions import services


@shared_task(name="sessions.tasks.dispatch_due_notices", acks_late=True, ignore_result=True)
def dispatch_due_notices() -> int:
    """Sends reminders and notices that are due (each row is claimed for a lease before its email
    goes; a backlog drains batch after batch within one run's budget)."""
    return services.notices_dispatch_due()


@shared_task(name="sessions.tasks.close_unattended_sessions", acks_late=True, ignore_result=True)
def close_unattended_sessions() -> int:
    """Closes online sessions no facilitator joined in time (a conditional update per session)."""
    return len(services.sessions_close_unattended())
