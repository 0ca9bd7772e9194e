from django import template

from support.text import render_markdown

register = template.Library()


@register.filter
def support_markdown(text: str):
    """Admin-written Markdown, rendered and sanitised."""
    return render_markdown(text)
