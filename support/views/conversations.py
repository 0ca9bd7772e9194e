"""Talk to a facilitator: private two-person conversations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from peersupport.permissions import two_factor_redirect, two_factor_satisfied
from support import policies, selectors, services
from support.forms import ConversationStartForm, MessageForm
from support.models import FacilitatorRequest


def _conversation_for(request, pk: int) -> FacilitatorRequest:
    conversation = get_object_or_404(
        FacilitatorRequest.objects.select_related("requester", "facilitator", "closed_by"), pk=pk
    )
    if not policies.can_view_conversation(request.user, conversation):
        raise Http404
    return conversation


def _needs_two_factor(request, conversation: FacilitatorRequest) -> bool:
    """The facilitator side of a conversation is a facilitator page: it asks for 2FA."""
    return policies.is_conversation_facilitator(
        request.user, conversation
    ) and not two_factor_satisfied(request)


@login_required
def conversation_start(request):
    facilitators = selectors.facilitators_available_to(user=request.user)
    initial = {"facilitator": facilitators[0]} if len(facilitators) == 1 else {}
    form = ConversationStartForm(request.POST or None, facilitators=facilitators, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            conversation = services.conversation_open(
                requester=request.user,
                facilitator=form.cleaned_data["facilitator"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, gettext("Sent. Only you and the facilitator can see this conversation.")
            )
            return redirect("support:conversation", pk=conversation.pk)
    from peersupport import home

    facilitates = home.facilitated_groups(user=request.user).exists()
    return render(
        request,
        "support/conversation_start.html",
        {
            "form": form,
            "facilitators": facilitators,
            "known_by_pseudonym": selectors.facilitators_knowing_me_by_pseudonym(
                user=request.user, facilitators=facilitators),
            "facilitates": facilitates,
            "waiting": home.unanswered_count(user=request.user) if facilitates else 0,
        },
    )


@login_required
def conversation_list(request):
    if not two_factor_satisfied(request):
        queue = None  # the facilitator queue waits for 2FA; the person's own list does not
    else:
        queue = list(selectors.conversations_addressed_to(user=request.user))
    return render(
        request,
        "support/conversation_list.html",
        {
            "started": list(selectors.conversations_started_by(user=request.user)),
            "queue": queue,
        },
    )


@login_required
def conversation_detail(request, pk: int):
    conversation = _conversation_for(request, pk)
    if _needs_two_factor(request, conversation):
        return two_factor_redirect(request)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.conversation_reply(
                conversation=conversation, author=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("support:conversation", pk=pk)
    elif request.method == "GET":
        services.conversation_mark_seen(conversation=conversation, user=request.user)
    return render(
        request,
        "support/conversation_detail.html",
        {
            "conversation": conversation,
            "conversation_messages": selectors.conversation_messages(conversation=conversation),
            "other": conversation.other_party(request.user),
            "viewer_is_facilitator": policies.is_conversation_facilitator(
                request.user, conversation
            ),
            "form": form,
        },
    )


@login_required
@require_POST
def conversation_close(request, pk: int):
    conversation = _conversation_for(request, pk)
    if _needs_two_factor(request, conversation):
        return two_factor_redirect(request)
    services.conversation_close(conversation=conversation, user=request.user)
    messages.success(
        request, gettext("The conversation is closed. It stays here for you to read."))
    return redirect("support:conversation", pk=pk)
