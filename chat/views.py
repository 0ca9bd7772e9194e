"""The live chat page. The page only sets the room up; the websocket consumer decides every frame.

Access is decided by `chat.policies.room_access`, the same check the consumer makes at the
handshake, so the page and the socket never disagree about who may be in the room.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from accounts.two_factor import second_factor_passed
from chat import policies as chat_policies
from groups.policies import name_in_group, pronouns_in_group
from groups.rules import RULE_KEY_LABELS, rule_text
from sessions import selectors as session_selectors

MAX_LENGTH = 2000


@require_GET
@login_required
def room(request, session_id: int):
    # Whether this login answered the second factor (the session alone: no query for the
    # members, who do not moderate).
    access = chat_policies.room_access(session_id=session_id, user=request.user,
                                       second_factor=second_factor_passed(request))
    if access.close_code == chat_policies.CLOSE_NOT_FOUND or access.session is None:
        raise Http404(gettext("No chat room here."))
    session, group = access.session, access.session.group
    chat_url = request.path
    accept_url = reverse("sessions:accept_rules", args=[session.pk])
    if access.close_code == chat_policies.CLOSE_RULES:
        return redirect(f"{accept_url}?{urlencode({'next': chat_url})}")
    if access.close_code == chat_policies.CLOSE_FORBIDDEN:
        # They may know the session exists (its group is visible) but may not take part in it.
        return render(request, "chat/not_member.html", {"session": session, "group": group},
                      status=403)
    if not access.allowed:
        return render(request, "chat/closed.html",
                      {"session": session, "group": group, "detail": access.detail},
                      status=410 if access.error_code == "room_closed" else 403)

    membership = access.membership
    # access.is_moderator already demands two-factor (chat.policies), as the socket does.
    moderates = access.is_moderator
    rules = [{"index": index, "key": rule["key"], "text": rule_text(rule),
              "label": RULE_KEY_LABELS.get(rule["key"], rule["key"])}
             for index, rule in enumerate(session_selectors.session_rules(session=session))]
    config = {
        "sessionId": session.pk,
        "wsPath": f"/ws/sessions/{session.pk}/chat/",
        "role": "facilitator" if moderates else "member",
        # Frames name people by member id (docs/realtime.md), never by account id.
        "me": {"id": membership.pk, "name": name_in_group(request.user, group, membership),
               "pronouns": pronouns_in_group(request.user, group, membership)},
        "rules": rules,
        "acceptRulesUrl": f"{accept_url}?{urlencode({'next': chat_url})}",
        "loginUrl": f"{reverse('account_login')}?{urlencode({'next': chat_url})}",
        "room": {"locked": session.chat_locked, "slow_mode_seconds": session.slow_mode_seconds,
                 "phase": access.phase},
        "maxLength": MAX_LENGTH,
        # Times in the viewer's zone, as on every other page (the middleware activated it).
        "timeZone": timezone.get_current_timezone_name(),
    }
    return render(request, "chat/room.html", {
        "session": session,
        "group": group,
        "config": config,
        "rules": rules,
        "moderates": moderates,
        # A past session's chat is read-only: the composer is disabled from the first paint.
        "read_only": access.phase == chat_policies.PHASE_ENDED,
        "needs_two_factor": chat_policies.is_room_moderator(membership) and not moderates,
        "date_format": get_format("DATE_FORMAT"),  # the page's language's way of writing a day
    })
