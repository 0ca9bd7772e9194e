from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from support.text import render_markdown

register = template.Library()


@register.filter
def support_markdown(text: str):
    """Admin-written Markdown, rendered and sanitised."""
    return render_markdown(text)


@register.simple_tag
def person_html(person) -> SafeString:
    """A person's own name (isolated direction) with the pronouns they chose to show. Support
    shows accounts only (never a pseudonym), so the account's own choice applies."""
    return mark_safe(render_to_string(  # noqa: S308 - the include escapes its values
        "includes/person_name.html",
        {"name": person.name, "pronouns": person.shown_pronouns}).strip())
