"""Celery interfaces: fetch by id (or by due-time), call a service. Safe to run twice."""

from celery import shared_task

from sessions import services


@shared_task(name="sessions.tasks.dispatch_due_notices", acks_late=True, ignore_result=True)
def dispatch_due_notices(budget_seconds: float | None = None) -> int:
    """Sends reminders and notices that are due (each row is claimed for a lease before its email
    goes; a backlog drains batch after batch within the run's budget, NOTICE_DISPATCH_BUDGET
    unless given)."""
    return services.notices_dispatch_due(budget_seconds=budget_seconds)


@shared_task(name="sessions.tasks.close_unattended_sessions", acks_late=True, ignore_result=True)
def close_unattended_sessions() -> int:
    """Closes online sessions no facilitator joined in time (a conditional update per session)."""
    return len(services.sessions_close_unattended())
