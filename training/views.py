"""The learning path pages. Everything here is about the viewer's own progress."""

from __future__ import annotations

import json
import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from groups.models import Membership
from groups.policies import name_in_group
from peersupport import listening
from sessions.models import Attendance, Session
from training import policies, selectors, services
from training.forms import PracticeReplyForm, SignOffForm
from training.models import ChoiceQuestion, Module, PracticeItem
from training.templatetags.training import LABELS, code_label


def _module(slug: str) -> Module:
    return get_object_or_404(Module, slug=slug, is_published=True)


@require_GET
@login_required
@never_cache
def index(request):
    return render(request, "training/index.html", {"path": selectors.path_for(user=request.user)})


@require_GET
@login_required
@never_cache
def module_detail(request, slug: str):
    module = _module(slug)
    page = selectors.module_page(user=request.user, module=module)
    for entry in page["items"]:
        latest = entry["replies"][0] if entry["replies"] else None
        entry["latest_feedback"] = (listening.analyse(latest.text).as_json()
                                    if latest is not None else None)
    modules = list(selectors.published_modules().values_list("slug", "title"))
    slugs = [s for s, _t in modules]
    index_ = slugs.index(module.slug)
    return render(request, "training/module.html", {
        "module": module, "page": page, "form": PracticeReplyForm(),
        "previous": modules[index_ - 1] if index_ > 0 else None,
        "next": modules[index_ + 1] if index_ + 1 < len(modules) else None,
        "number": index_ + 1, "count": len(modules),
        "labels_json": json.dumps({code: code_label(code) for code in LABELS}),
    })


@require_POST
@login_required
def practice_submit(request, item_id: int):
    item = get_object_or_404(PracticeItem.objects.select_related("module"), pk=item_id,
                             module__is_published=True)
    form = PracticeReplyForm(request.POST)
    url = reverse("training:module", args=[item.module.slug]) + f"#practice-{item.pk}"
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect(url)
    try:
        reply, feedback = services.practice_reply_submit(user=request.user, item=item,
                                                         text=form.cleaned_data["text"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(url)
    if reply.passed:
        messages.success(request, _("Saved. That reply listens: well done."))
    else:
        messages.info(request, _("Saved. Have a look at the feedback, and try again if you "
                                 "like."))
    return redirect(url)


@require_POST
@login_required
def reply_delete(request, reply_id: int):
    if not services.practice_reply_delete(user=request.user, reply_id=reply_id):
        raise Http404(_("No such reply"))
    messages.success(request, _("Deleted. Nobody can read that reply any more, you included."))
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/training/") else "training:index")


@require_POST
@login_required
def replies_delete_all(request):
    count = services.practice_replies_delete_all(user=request.user)
    messages.success(request, ngettext("Deleted your practice reply (%(n)d).",
                                       "Deleted all your practice replies (%(n)d).", count)
                     % {"n": count})
    return redirect("training:index")


@require_POST
@login_required
def answer(request, question_id: int):
    question = get_object_or_404(ChoiceQuestion.objects.select_related("module"),
                                 pk=question_id, module__is_published=True)
    url = reverse("training:module", args=[question.module.slug]) + f"#question-{question.pk}"
    try:
        services.choice_answer(user=request.user, question=question,
                               chosen=request.POST.get("chosen"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(url)


@require_POST
@login_required
def feedback_api(request):
    """`{"text": "..."}` -> `{"moves": [...], "pitfalls": [...], "notes": [...]}`. Stores
    nothing: the page's live feedback while the learner types."""
    try:
        payload = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"error": _("Send JSON: {\"text\": \"...\"}.")}, status=400)
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        return JsonResponse({"error": _("Send JSON: {\"text\": \"...\"}.")}, status=400)
    if not _feedback_allowed(request.user.pk):
        return JsonResponse({"error": _("Too many requests: wait a minute, then go on.")},
                            status=429)
    text = payload["text"]
    if len(text) > services.REPLY_MAX:
        return JsonResponse({"error": _("Please keep a reply under %(n)d characters.") % {
            "n": services.REPLY_MAX}}, status=400)
    return JsonResponse(listening.analyse(text).as_json())


FEEDBACK_PER_MINUTE = 120  # typing with the page's debounce asks well under this


def _feedback_allowed(user_id: int) -> bool:
    """A fixed one-minute window per person in the shared cache (atomic increments)."""
    key = f"training:feedback:{user_id}:{int(time.time() // 60)}"
    cache.add(key, 0, 90)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, 90)
        count = 1
    return count <= FEEDBACK_PER_MINUTE


@require_GET
@login_required
@never_cache
def facilitator_path(request):
    path = selectors.path_for(user=request.user)
    sessions = []
    if policies.may_sign_off(request.user):
        sessions = list(Session.objects.filter(
            facilitators=request.user,
            kind__in=[Session.Kind.LISTENING_TRAINING, Session.Kind.LISTENING_PRACTICE])
            .select_related("group").order_by("-starts_at")[:10])
    return render(request, "training/facilitator_path.html", {
        "path": path, "refresher_open": policies.refresher_open(request.user),
        "sessions": sessions})


@login_required
@never_cache
def signoff(request, session_id: int):
    """A trained facilitator of the session signs off the people they watched listen."""
    session = get_object_or_404(Session.objects.select_related("group"), pk=session_id)
    if not session.facilitators.filter(pk=request.user.pk).exists():
        raise Http404(_("No such session"))
    if not policies.may_sign_off(request.user):
        raise PermissionDenied(_("Only a trained facilitator can sign off a practice round."))
    group = session.group
    attended = set(Attendance.objects.filter(session=session).values_list("user_id", flat=True))
    memberships = list(Membership.objects.filter(
        group=group, status=Membership.Status.ACTIVE, user_id__in=attended)
        .exclude(user=request.user).select_related("user"))
    people = [(m.pk, name_in_group(m.user, group, m)) for m in memberships]
    form = SignOffForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        chosen = {m.pk: m for m in memberships}
        done = 0
        for membership_id in form.cleaned_data["members"]:
            try:
                services.signoff_record(by=request.user, user=chosen[membership_id].user,
                                        session=session, note=form.cleaned_data["note"])
                done += 1
            except ValidationError as exc:
                messages.warning(request, " ".join(exc.messages))
        if done:
            messages.success(request, _("Signed off. Thank you for observing."))
        return redirect("training:facilitator_path")
    return render(request, "training/signoff.html", {"session": session, "form": form},
                  status=400 if form.errors else 200)
