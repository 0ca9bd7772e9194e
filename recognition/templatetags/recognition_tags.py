from urllib.parse import urlencode

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from recognition.lists import format_list

register = template.Library()


@register.filter
def join_names(names: list[str]) -> str:
    """"A", "A and B", "A, B and C" (in the language of the page)."""
    return format_list(list(names))


@register.simple_tag
def person_html(name: str, pronouns: str = "") -> SafeString:
    """A name (isolated direction) with the pronouns the person chose to show."""
    return mark_safe(render_to_string(  # noqa: S308 - the include escapes its values
        "includes/person_name.html", {"name": name, "pronouns": pronouns}).strip())


@register.simple_tag
def people_html(people: list[dict]) -> SafeString:
    """Recipients ({"name", "pronouns"}) as one list in the language of the page."""
    return mark_safe(format_list([  # noqa: S308 - each piece is escaped HTML, the glue is text
        person_html(p["name"], p.get("pronouns", "")) for p in people]))


@register.simple_tag(takes_context=True)
def feed_query(context, **changes) -> str:
    """The current feed query string with some parameters changed (None drops one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    if "page" not in changes:
        params.pop("page", None)
    query = urlencode(sorted(params.items()))
    return f"?{query}" if query else "?"

