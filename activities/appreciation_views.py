"""Turning one's own appreciation answer into a recognition, from the live chat (JSON).

GET: the preview (who, the words, the values, who will see it, what is left of the weekly
limit). POST: give it. Someone else's message, or one that did not answer an appreciation step,
is 404 whoever asks.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from activities import appreciation
from recognition.models import Recognition, Value


def _preview_json(preview: appreciation.Preview) -> dict:
    allowance = preview.allowance
    next_at = allowance.next_available_at
    return {
        "message": {"id": preview.message.pk, "body": preview.message.body},
        "group": preview.group.name,
        "members": [{"id": pk, "name": name} for pk, name in preview.members],
        "suggested": preview.suggested,
        "values": [{"id": v.pk, "name": v.name, "description": v.description}
                   for v in preview.values],
        "visibility": {"default": Recognition.Visibility.GROUP, "choices": [
            {"value": Recognition.Visibility.GROUP,
             "label": _("Members of %(group)s") % {"group": preview.group.name}},
            {"value": Recognition.Visibility.PRIVATE,
             "label": _("Only the people recognised (and you)")}]},
        "remaining": allowance.remaining,
        "limit": allowance.limit,
        "next_available": (formats.date_format(timezone.localtime(next_at), "DATETIME_FORMAT")
                           if next_at and not allowance.remaining else None),
        "already": preview.already,
    }


def _ids(values: list[str]) -> list[int] | None:
    if any(not v.isdigit() or len(v) > 18 for v in values):
        return None
    return [int(v) for v in values]


@require_http_methods(["GET", "POST"])
@login_required
def recognise(request, message_id: int):
    message = appreciation.answer_of(message_id=message_id, user=request.user)
    if message is None:
        raise Http404(_("No such answer of yours."))
    if request.method == "GET":
        return JsonResponse(_preview_json(appreciation.answer_preview(message=message,
                                                                      user=request.user)))
    member_ids = _ids(request.POST.getlist("members"))
    value_ids = _ids(request.POST.getlist("values"))
    if member_ids is None or value_ids is None:
        return JsonResponse({"errors": [_("Choose from the listed members and values.")]},
                            status=400)
    values = list(Value.objects.filter(pk__in=value_ids, is_active=True))
    text = request.POST.get("text")
    if text is not None:
        text = text.replace("\x00", "")
    try:
        recognition = appreciation.answer_recognise(
            message=message, user=request.user, member_ids=member_ids, values=values,
            visibility=request.POST.get("visibility", ""), text=text)
    except ValidationError as exc:
        return JsonResponse({"errors": exc.messages}, status=400)
    return JsonResponse({"url": reverse("recognition:detail", args=[recognition.pk]),
                         "detail": _("Thank you. Your recognition was shared.")}, status=201)
