"""Who may do what in the training. Views, templates and other apps' services ask here."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from training.models import Certification

TRAINED_FOR = dt.timedelta(days=365)
REMIND_BEFORE = dt.timedelta(days=30)


def current_certification(user, *, now: dt.datetime | None = None) -> Certification | None:
    if not (user and user.is_authenticated):
        return None
    now = now or timezone.now()
    return (Certification.objects.filter(user=user, granted_at__lte=now, expires_at__gt=now)
            .order_by("-expires_at").first())


def is_trained(user, *, now: dt.datetime | None = None) -> bool:
    """A trained facilitator now: a certification that has not expired."""
    return current_certification(user, now=now) is not None


def refresher_open(user, *, now: dt.datetime | None = None) -> bool:
    """The refresher may be taken from 30 days before the status ends, and after it ended."""
    now = now or timezone.now()
    latest = Certification.objects.filter(user=user).order_by("-expires_at").first()
    return latest is not None and latest.expires_at - REMIND_BEFORE <= now


def group_requires_training(group) -> bool:
    """A group's own choice, else the default: required in sensitive groups."""
    choice = getattr(group, "requires_trained_facilitators", None)
    return group.is_sensitive if choice is None else bool(choice)


def may_sign_off(user, *, now: dt.datetime | None = None) -> bool:
    """Only an already-trained facilitator signs off someone's observed practice round."""
    return bool(user.is_authenticated and user.is_active and is_trained(user, now=now))
