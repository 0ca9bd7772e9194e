"""Finding groups: the directory and the group page."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from groups import selectors
from groups.forms import AcceptRulesForm, JoinForm, PseudonymForm, RequestForm
from groups.models import Group
from groups.views.access import viewable_group
from sessions.selectors import upcoming_for_group

PAGE_SIZE = 12


@login_required
@require_GET
def directory(request):
    query = request.GET.get("q", "").strip()[:100]
    category = request.GET.get("category", "")
    if category not in Group.Category.values:
        category = ""
    mine = request.GET.get("mine") == "1"
    groups = selectors.directory_groups(user=request.user, query=query, category=category,
                                        mine=mine)
    page = Paginator(groups, PAGE_SIZE).get_page(request.GET.get("page"))
    filters = request.GET.copy()
    filters.pop("page", None)
    return render(request, "groups/directory.html", {
        "page": page, "query": query, "category": category, "mine": mine,
        "categories": Group.Category.choices, "filter_query": filters.urlencode(),
    })


def detail_context(request, group: Group, membership, **forms) -> dict:
    """The group page for this viewer; `forms` replaces a form that came back with errors."""
    page = selectors.group_page(group=group, viewer=request.user, membership=membership)
    context = {"group": group, "membership": membership, "page": page,
               "sessions": list(upcoming_for_group(group=group, limit=5))}
    if membership is None:
        form_class = RequestForm if group.visibility == Group.Visibility.REQUEST else JoinForm
        context["join_form"] = forms.get("join_form") or form_class(
            group=group, initial={"rules_version": group.rules_version})
    else:
        if page.rules_changes is not None:
            context["accept_form"] = forms.get("accept_form") or AcceptRulesForm(
                initial={"rules_version": group.rules_version})
        if group.allow_pseudonyms:
            context["pseudonym_form"] = forms.get("pseudonym_form") or PseudonymForm(
                initial={"pseudonym": membership.pseudonym,
                         "pseudonym_pronouns": membership.pseudonym_pronouns})
    return context


@login_required
@require_GET
def detail(request, slug: str):
    group, membership = viewable_group(request, slug)
    return render(request, "groups/detail.html", detail_context(request, group, membership))
