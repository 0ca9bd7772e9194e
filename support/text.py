"""Markdown for admin-edited resource texts: the site-wide safe renderer, with followed links
and phone numbers (crisis lines) allowed, as admins write these texts."""

from django.utils import formats
from django.utils.safestring import SafeString

from peersupport import markdown


def render_markdown(text: str) -> SafeString:
    return markdown.render_markdown(text, link_rel="noopener noreferrer",
                                    extra_url_schemes=frozenset({"tel"}))


def number(value: int) -> str:
    """A count or a size in the reader's language ("20,000", "20.000", "20 000")."""
    return formats.number_format(value, force_grouping=True)
