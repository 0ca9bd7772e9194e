"""The activities planned for a session, on its page (and the facilitator's links)."""

from django import template

from accounts.two_factor import second_factor_passed
from activities import policies, selectors

register = template.Library()


@register.inclusion_tag("activities/_session_activities.html", takes_context=True)
def session_activities(context, session):
    """Planned activities for the session page; for members, the runs they may still rate."""
    user = context["request"].user
    planned = selectors.planned_for(session=session)
    is_member = context.get("membership") is not None
    can_plan = bool(context.get("can_manage")) and policies.can_plan(
        user, session, second_factor=second_factor_passed(context["request"]))
    from django.utils import timezone

    # Runs happen during a session: nothing to rate (nor to read) before it starts.
    started = session.starts_at <= timezone.now()
    return {
        "session": session, "planned": planned, "can_plan": can_plan,
        "to_rate": (selectors.runs_to_rate(session=session, user=user)
                    if is_member and started else []),
        "request": context["request"], "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("activities/_live_panel.html", takes_context=True)
def live_activity(context, session, moderates: bool):
    """The step card of the session's chat (and, for its facilitators, the start menu)."""
    planned = selectors.planned_for(session=session) if moderates else []
    return {"session": session, "moderates": moderates, "planned": planned,
            "csrf_token": context.get("csrf_token")}


@register.filter
def duration(minutes) -> str:
    """An activity's length, short, for the reader's language: "45 min", "1 h 30 min"."""
    from django.utils.translation import gettext

    minutes = int(minutes or 0)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return gettext("%(minutes)s min") % {"minutes": minutes}
    if not rest:
        return gettext("%(hours)s h") % {"hours": hours}
    return gettext("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}


@register.simple_tag
def people_range(low, high) -> str:
    """"3–20 people" (or "4 people" when both ends are the same) for the reader's language."""
    from django.utils.translation import ngettext

    low, high = int(low), int(high)
    if low == high:
        return ngettext("%(n)s person", "%(n)s people", high) % {"n": high}
    return ngettext("%(low)s–%(high)s person", "%(low)s–%(high)s people", high) % {
        "low": low, "high": high}
