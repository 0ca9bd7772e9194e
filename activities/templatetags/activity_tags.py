"""The activities planned for a session, on its page (and the facilitator's links)."""

from django import template

from activities import policies, selectors

register = template.Library()


@register.inclusion_tag("activities/_session_activities.html", takes_context=True)
def session_activities(context, session):
    """Planned activities for the session page; for members, the runs they may still rate."""
    user = context["request"].user
    planned = selectors.planned_for(session=session)
    is_member = context.get("membership") is not None
    can_plan = bool(context.get("can_manage")) and policies.can_plan(user, session)
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
