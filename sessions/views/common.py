"""Access helpers shared by the session views."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from peersupport.permissions import two_factor_redirect, two_factor_satisfied
from sessions import policies, selectors
from sessions.models import Session


def session_or_404(request, pk: int) -> Session:
    """The session with seats and the viewer's RSVP, or 404 when they may not know it exists."""
    session = selectors.session_for_page(pk=pk, user=request.user)
    if session is None or not policies.can_view_session(request.user, session):
        raise Http404(_("No such session."))
    return session


def require_manager(request, session: Session):
    """403 for someone who may see the session but not manage it; a redirect to two-factor
    set-up for a facilitator without it. Returns a response to send, or None to go on."""
    if not policies.can_manage_session(request.user, session):
        raise PermissionDenied(_("Only the group's facilitators can do this."))
    return require_two_factor(request)


def require_two_factor(request):
    if not two_factor_satisfied(request):
        return two_factor_redirect(request)
    return None


def safe_next(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    # A path, never a bare word: redirect() would try a bare word as a view name (500).
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return candidate
    return default


def form_error(form, exc) -> None:
    """Puts a service's ValidationError onto the form (by field where it names one)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def posted(request):
    """Form data for a POST (even an empty one, which still binds the form), else None."""
    return request.POST if request.method == "POST" else None


def missed_context(user) -> dict:
    """The sessions the person missed lately, as a list for the page's one sentence: plain
    titles and linked titles, joined the way the active language joins a list."""
    missed = list(selectors.missed_sessions(user=user))
    links = [format_html('<a href="{}" dir="auto">{}</a>',
                         reverse("sessions:detail", args=[session.pk]), session.title)
             for session in missed]
    return {
        "missed": missed,
        "missed_titles": get_text_list([session.title for session in missed], gettext("and")),
        "missed_links": _html_list(links),
    }


def _html_list(items: list) -> str:
    """Safe HTML items joined as the active language joins a list ("a, b and c")."""
    if len(items) < 2:
        return format_html_join("", "{}", [(item,) for item in items])
    return format_html("{} {} {}", format_html_join(", ", "{}", [(i,) for i in items[:-1]]),
                       gettext("and"), items[-1])
