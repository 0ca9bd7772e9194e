"""Markdown that people write (group resources, support resources), rendered safely.

Raw HTML in the source is escaped before Markdown sees it, and the result goes through nh3's
allow-list: never raw HTML, whoever wrote the text.
"""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre",
                "h3", "h4", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str, *, link_rel: str = "noopener nofollow",
                    extra_url_schemes: frozenset[str] = frozenset()) -> SafeString:
    """`link_rel` and `extra_url_schemes` let trusted, admin-written texts keep followed links
    and phone numbers; member- and facilitator-written texts use the defaults."""
    html = markdown.markdown((text or "").replace("<", "&lt;"), extensions=["sane_lists"])
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes=URL_SCHEMES | extra_url_schemes, link_rel=link_rel)
    return mark_safe(clean)  # noqa: S308 (sanitised by nh3 just above)
