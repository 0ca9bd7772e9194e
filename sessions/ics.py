"""iCalendar files (RFC 5545) for one session or a person's private feed, via `icalendar`."""

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event

from peersupport.site import absolute_url
from sessions.models import Session

# Translated when a calendar or an email is made, in its owner's or recipient's language.
NEUTRAL_TITLE = gettext_lazy("PeerSupport session")


def _link(session: Session) -> str:
    return absolute_url(reverse("sessions:detail", args=[session.pk]))


def session_event(session: Session, *, discreet: bool, activities: list[str] = ()) -> Event:
    """One VEVENT. Discreet: a neutral title and only the link, nothing a glance could read.
    `activities`: titles of the activities planned for it."""
    event = Event()
    # Stable whatever the address: a UID that changed would duplicate every subscribed event.
    event.add("uid", f"session-{session.pk}@peersupport")
    event.add("dtstamp", session.updated_at.astimezone(dt.UTC))
    event.add("dtstart", session.starts_at.astimezone(dt.UTC))
    event.add("dtend", session.ends_at.astimezone(dt.UTC))
    event.add("sequence", session.schedule_version)
    event.add("url", _link(session))
    if discreet:
        event.add("summary", str(NEUTRAL_TITLE))
        event.add("description", _link(session))
    else:
        event.add("summary", session.title)
        parts = [_("%(kind)s · %(group)s") % {"kind": session.get_kind_display(),
                                              "group": session.group.name}]
        if session.description:
            parts.append(session.description)
        if activities:
            parts.append(_("Activities: %(titles)s") % {"titles": ", ".join(activities)})
        parts.append(_link(session))
        event.add("description", "\n\n".join(parts))
        event.add("location", session.location if not session.is_online
                  else _("Online (live chat in PeerSupport)"))
    if session.status == Session.Status.SCHEDULED:
        event.add("status", "CONFIRMED")
    else:
        event.add("status", "CANCELLED")
    return event


def calendar_bytes(sessions: Iterable[Session], *, discreet_for, name: str) -> bytes:
    """A VCALENDAR of the given sessions; `discreet_for(session)` decides each entry's privacy.
    Texts are in the active language: make it inside `in_language_of(owner)`."""
    calendar = Calendar()
    calendar.add("prodid", "-//PeerSupport//Sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", str(name))
    from activities.selectors import planned_titles_by_session

    sessions = list(sessions)
    planned = planned_titles_by_session(session_ids=[s.pk for s in sessions])
    for session in sessions:
        calendar.add_component(session_event(session, discreet=discreet_for(session),
                                             activities=planned.get(session.pk, [])))
    return calendar.to_ical()
