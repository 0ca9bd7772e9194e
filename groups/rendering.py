"""Markdown written by facilitators, rendered through a sanitiser: never raw HTML."""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre",
                "h3", "h4", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text: str) -> SafeString:
    # Raw HTML in the source is escaped by Markdown's own pass and then sanitised again.
    html = markdown.markdown(text.replace("<", "&lt;"), extensions=["sane_lists"])
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener nofollow")
    return mark_safe(clean)  # noqa: S308 (sanitised by nh3 just above)
