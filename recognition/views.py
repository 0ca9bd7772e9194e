from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from groups.models import Group
from groups.policies import can_view_group
from peersupport.permissions import two_factor_redirect, two_factor_satisfied
from recognition import policies, selectors, services
from recognition.forms import GiveForm, GroupGiveForm, PreferenceForm, ReplyForm, ReportForm
from recognition.models import Recognition, Reply, Value


def _back(request, recognition_id: int | None = None) -> HttpResponseRedirect:
    """To a safe `next` (the feed page the person came from), or the recognition itself."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return HttpResponseRedirect(target)
    if recognition_id is not None:
        return redirect("recognition:detail", recognition_id)
    return redirect("recognition:feed")


def _visible_recognition(request, recognition_id: int) -> Recognition:
    """The recognition, or 404 for anyone who may not see it (they may not know it exists)."""
    recognition = Recognition.objects.select_related("group").filter(pk=recognition_id).first()
    if recognition is None or not policies.can_view(request.user, recognition):
        raise Http404
    return recognition


def _moderated_recognition(request, recognition_id: int) -> Recognition:
    recognition = get_object_or_404(Recognition.objects.select_related("group"),
                                    pk=recognition_id)
    if not policies.can_moderate(request.user, recognition):
        if policies.can_view(request.user, recognition):
            raise PermissionDenied
        raise Http404
    return recognition


@login_required
@require_GET
def feed(request):
    context = selectors.viewer_context(viewer=request.user)
    value = None
    if slug := request.GET.get("value"):
        value = Value.objects.filter(slug=slug).first()
    group = None
    if slug := request.GET.get("group"):
        group = Group.objects.filter(slug=slug, pk__in=context.group_ids).first()
        if group is None:
            raise Http404
    for_me = request.GET.get("for") == "me"
    page = selectors.feed_page(context=context, page_number=request.GET.get("page"),
                               value=value, for_me=for_me, group=group)
    return render(request, "recognition/feed.html", {
        "feed": page, "values": selectors.values_active(), "current_value": value,
        "for_me": for_me, "current_group": group,
        "can_moderate_anything": context.is_staff or bool(context.facilitated_group_ids),
    })


def _give_result(request, form, give, recipients_field: str = "recipients"):
    """Shared tail of both give views: call the service, map its errors onto the form."""
    try:
        recognition = give()
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                name = recipients_field if field == "recipients" else field
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return None
    messages.success(request, gettext("Thank you. Your recognition was shared."))
    return redirect(reverse("recognition:feed") + f"#recognition-{recognition.pk}")


@login_required
def give(request):
    form = GiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        response = _give_result(request, form, lambda: services.recognition_give(
            giver=request.user, recipients=data["recipients"], values=data["values"],
            message=data["message"], visibility=data["visibility"]))
        if response is not None:
            return response
    return render(request, "recognition/give.html", {
        "form": form, "allowance": selectors.giving_allowance(giver=request.user),
        "groups": selectors.groups_to_give_in(giver=request.user),
        "selected_people": _selected_people(form),
    })


def _selected_people(form) -> list[dict]:
    """What the picker shows as already chosen when the form comes back with an error."""
    users = form.cleaned_data.get("recipients") if hasattr(form, "cleaned_data") else None
    if not users:
        return []
    return [{"email": user.email, "name": user.name} for user in users]


@login_required
def give_in_group(request, slug: str):
    group = get_object_or_404(Group, slug=slug)
    if not can_view_group(request.user, group):
        raise Http404
    if not policies.can_give_in_group(request.user, group):
        raise PermissionDenied
    form = GroupGiveForm(
        request.POST or None, group=group,
        member_choices=selectors.group_members_for_giving(group=group, giver=request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        response = _give_result(request, form, lambda: services.recognition_give(
            giver=request.user, recipients=data["members"], values=data["values"],
            message=data["message"], visibility=data["visibility"], group=group),
            recipients_field="members")
        if response is not None:
            return response
    return render(request, "recognition/give_group.html", {
        "form": form, "group": group,
        "allowance": selectors.giving_allowance(giver=request.user),
    })


@login_required
@require_GET
def people(request):
    """Autocomplete for the recipient picker: at most ten active colleagues, one query."""
    results = selectors.people_search(viewer=request.user, query=request.GET.get("q", "")[:100])
    return JsonResponse({"results": results})


def _render_detail(request, card, reply_form=None, status=200):
    return render(request, "recognition/detail.html", {
        "card": card, "reply_form": reply_form or ReplyForm(),
    }, status=status)


@login_required
@require_GET
def detail(request, recognition_id: int):
    context = selectors.viewer_context(viewer=request.user)
    card = selectors.recognition_card(context=context, recognition_id=recognition_id)
    if card is None:
        raise Http404
    return _render_detail(request, card)


@login_required
@require_POST
def react(request, recognition_id: int):
    recognition = _visible_recognition(request, recognition_id)
    if not policies.can_engage(request.user, recognition):
        raise PermissionDenied
    try:
        services.reaction_toggle(recognition=recognition, user=request.user,
                                 kind=request.POST.get("kind", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _back(request, recognition.pk)


@login_required
@require_POST
def reply(request, recognition_id: int):
    recognition = _visible_recognition(request, recognition_id)
    if not policies.can_engage(request.user, recognition):
        raise PermissionDenied
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.reply_post(recognition=recognition, author=request.user,
                                body=form.cleaned_data["body"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, gettext("Your reply was posted."))
            return _back(request, recognition.pk)
    card = selectors.recognition_card(context=selectors.viewer_context(viewer=request.user),
                                      recognition_id=recognition.pk)
    return _render_detail(request, card, reply_form=form, status=400)


@login_required
@require_POST
def reply_remove(request, reply_id: int):
    """Authors delete their own reply; moderators hide someone else's."""
    reply_obj = get_object_or_404(Reply.objects.select_related("recognition__group"),
                                  pk=reply_id)
    recognition = reply_obj.recognition
    if reply_obj.author_id == request.user.pk and policies.can_view(request.user, recognition):
        services.reply_delete(reply=reply_obj)
        messages.success(request, gettext("Your reply was deleted."))
    elif policies.can_moderate(request.user, recognition):
        if not two_factor_satisfied(request):
            return _needs_two_factor(request)
        services.reply_hide(reply=reply_obj)
        messages.success(request, gettext("The reply was hidden."))
    elif policies.can_view(request.user, recognition):
        raise PermissionDenied
    else:
        raise Http404
    return _back(request, recognition.pk)


@login_required
def report(request, recognition_id: int):
    recognition = _visible_recognition(request, recognition_id)
    if not policies.can_engage(request.user, recognition):
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _, created = services.report_file(recognition=recognition, reporter=request.user,
                                              **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, gettext("Thank you. A moderator will look at it.") if created
                             else gettext("You have already reported this; a moderator will "
                                          "look at it."))
            return redirect("recognition:feed")
    card = selectors.recognition_card(context=selectors.viewer_context(viewer=request.user),
                                      recognition_id=recognition.pk)
    return render(request, "recognition/report.html", {"card": card, "form": form},
                  status=400 if form.errors else 200)


def _needs_two_factor(request):
    return two_factor_redirect(request)


def _moderation_action(request, recognition_id: int, action, done: str):
    recognition = _moderated_recognition(request, recognition_id)
    if not two_factor_satisfied(request):
        return _needs_two_factor(request)
    action(recognition=recognition, moderator=request.user)
    messages.success(request, done)
    return _back(request, recognition.pk)


@login_required
@require_POST
def hide(request, recognition_id: int):
    return _moderation_action(request, recognition_id, services.recognition_hide,
                              gettext_lazy("The recognition is hidden; only its giver still "
                                           "sees it."))


@login_required
@require_POST
def restore(request, recognition_id: int):
    return _moderation_action(request, recognition_id, services.recognition_restore,
                              gettext_lazy("The recognition is visible again."))


@login_required
@require_POST
def dismiss(request, recognition_id: int):
    return _moderation_action(request, recognition_id, services.reports_dismiss,
                              gettext_lazy("The reports were dismissed; the recognition stays."))


@login_required
@require_GET
def reports(request):
    if not policies.can_moderate_anything(request.user):
        raise PermissionDenied
    if not two_factor_satisfied(request):
        return _needs_two_factor(request)
    context = selectors.viewer_context(viewer=request.user)
    return render(request, "recognition/reports.html", {
        "items": selectors.open_reports_for(context=context)})


@login_required
@require_GET
def me(request):
    """The person's own page: never about anyone else, never shown to anyone else."""
    context = selectors.viewer_context(viewer=request.user)
    return render(request, "recognition/me.html", {
        "summary": selectors.received_summary(context=context),
        "allowance": selectors.giving_allowance(giver=request.user),
    })


@login_required
def preferences(request):
    form = PreferenceForm(request.POST or None,
                          instance=selectors.preference_of(user=request.user))
    if request.method == "POST" and form.is_valid():
        services.preference_update(user=request.user, **form.cleaned_data)
        messages.success(request, gettext("Your recognition settings were saved."))
        return redirect("recognition:settings")
    return render(request, "recognition/settings.html", {"form": form})
