"""The private "people I'd rather not share a room with" list: only its owner sees this page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from groups import selectors, services
from groups.forms import AvoidAddForm
from groups.models import AvoidEntry
from groups.views.access import add_service_errors


@login_required
@require_http_methods(["GET", "POST"])
def avoid_list(request):
    form = AvoidAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = User.objects.filter(email__iexact=form.cleaned_data["email"],
                                     is_active=True).first()
        if person is None:
            form.add_error("email", _("No colleague has that email address here."))
        else:
            try:
                services.avoid_list_add(owner=request.user, person=person,
                                        source=AvoidEntry.Source.MANUAL)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("%(name)s is on your private list. Nobody else can "
                                            "see it, and they are not told.")
                                 % {"name": person.name})
                return redirect("groups:avoid_list")
    return render(request, "groups/avoid_list.html", {
        "form": form, "entries": selectors.avoid_list(owner=request.user),
        "suggestions": selectors.avoid_suggestions(owner=request.user)},
        status=400 if form.errors else 200)


@login_required
@require_POST
def avoid_add_manager(request):
    """Adds the manager named in the viewer's own profile (the suggestion on the page)."""
    manager = request.user.manager
    if manager is not None and manager.pk != request.user.pk:
        services.avoid_list_add(owner=request.user, person=manager,
                                source=AvoidEntry.Source.MANAGER)
        messages.success(request, _("%(name)s is on your private list.")
                         % {"name": manager.name})
    return redirect("groups:avoid_list")


@login_required
@require_POST
def avoid_remove(request, entry_id: int):
    if services.avoid_list_remove(owner=request.user, entry_id=entry_id):
        messages.success(request, _("Taken off your list."))
    return redirect("groups:avoid_list")
