"""The moderation queue: flagged messages of a group's sessions, for the group's facilitators.

Chat content appears here only for them: the group's facilitators moderate every room of the
group. Reporters are never shown (the flagged person, a facilitator too perhaps, must not learn
who flagged).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from chat import selectors
from chat.forms import FlagActionForm
from chat.models import Flag
from chat.policies import can_moderate_group
from chat.services import ChatRefusal, flag_act
from groups.models import Group
from groups.policies import can_view_group
from peersupport.permissions import two_factor_redirect, two_factor_satisfied

DONE = {
    "hide": _("The message is hidden for everyone; its author was told why."),
    "dismiss": _("Flag dismissed."),
    "mute": _("The author is muted in that session's room."),
    "remove": _("The author is removed from that session's room."),
}


def _check_moderator(request, group: Group) -> None:
    if not can_view_group(request.user, group):
        raise Http404(_("No such group."))
    if not can_moderate_group(request.user, group):
        raise PermissionDenied


@require_GET
@login_required
def queue(request, group_slug: str):
    group = get_object_or_404(Group, slug=group_slug)
    _check_moderator(request, group)
    if not two_factor_satisfied(request):
        return two_factor_redirect(request)
    reviews = selectors.open_flags_for_group(group=group)
    return render(request, "chat/moderation_queue.html", {
        "group": group,
        "reviews": [(review, FlagActionForm(prefix=f"flag{review.flag.pk}"))
                    for review in reviews],
        "recent_actions": selectors.recent_actions_for_group(group=group),
        "datetime_format": get_format("DATETIME_FORMAT"),  # as the page's language writes it
    })


@require_POST
@login_required
def act(request, flag_id: int):
    flag = get_object_or_404(Flag.objects.select_related("message__session__group"), pk=flag_id)
    group = flag.message.session.group
    _check_moderator(request, group)
    if not two_factor_satisfied(request):
        return two_factor_redirect(request)
    form = FlagActionForm(request.POST, prefix=f"flag{flag.pk}")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("chat:moderation_queue", group_slug=group.slug)
    action = form.cleaned_data["action"]
    try:
        flag_act(flag=flag, by=request.user, action=action,
                 reason=form.cleaned_data["reason"], minutes=form.cleaned_data["minutes"])
    except ChatRefusal as refusal:
        messages.error(request, refusal.detail)
    else:
        messages.success(request, DONE[action])
    return redirect("chat:moderation_queue", group_slug=group.slug)
