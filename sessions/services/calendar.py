"""A person's private calendar feed: its secret token and their discreet choice."""

import secrets

from sessions.models import CalendarFeed


def calendar_feed_reset(*, user) -> CalendarFeed:
    """A new secret feed URL; any previous one stops working at once."""
    feed, _ = CalendarFeed.objects.get_or_create(user=user)
    feed.token = secrets.token_urlsafe(32)
    feed.save(update_fields=["token", "updated_at"])
    return feed


def calendar_feed_revoke(*, user) -> None:
    """Turns the private feed off; the old URL answers 404 from now on."""
    CalendarFeed.objects.filter(user=user).update(token=None)


def calendar_discreet_set(*, user, discreet: bool) -> CalendarFeed:
    feed, _ = CalendarFeed.objects.get_or_create(user=user)
    if feed.discreet != discreet:
        feed.discreet = discreet
        feed.save(update_fields=["discreet", "updated_at"])
    return feed
