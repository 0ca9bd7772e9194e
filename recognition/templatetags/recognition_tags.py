from urllib.parse import urlencode

from django import template

register = template.Library()


@register.filter
def join_names(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


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
