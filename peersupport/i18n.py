"""The language the product speaks to one person, wherever the request is not theirs.

Pages follow the request (the person's saved language, else the footer's switcher, else the
browser: see accounts.middleware.UserLanguageMiddleware). Emails, calendar feeds and anything
else made for a person outside their own request are made inside `in_language_of(person)`.
"""

import contextlib
from collections.abc import Iterator

from django.conf import settings
from django.utils import translation


def language_of(user) -> str:
    """The person's saved language, else the site's default."""
    chosen = getattr(user, "language", "") or ""
    supported = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in supported else settings.LANGUAGE_CODE


@contextlib.contextmanager
def in_language_of(user) -> Iterator[str]:
    """Translations (and date, number and list formats) in `user`'s language inside."""
    language = language_of(user)
    with translation.override(language):
        yield language
