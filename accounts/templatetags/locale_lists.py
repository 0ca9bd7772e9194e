"""Lists read as a sentence in the page's language: "empathy, listening and courage"."""

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def join_list(items, style: str = "") -> str:
    """The items as one phrase ("a", "a and b", "a, b and c"), with the conjunction and the
    separator of the active language. `style="lower"` lowercases each item (names used
    mid-sentence). Each item is shown as str(item), so a value with its own translation keeps
    it."""
    words = [str(item) for item in items]
    if style == "lower":
        words = [word.lower() for word in words]
    if len(words) < 2:
        return "".join(words)
    # Translators: separates the items of a list except the last two ("a, b and c").
    separator = gettext(", ")
    return gettext("%(items)s and %(last)s") % {"items": separator.join(words[:-1]),
                                                 "last": words[-1]}
