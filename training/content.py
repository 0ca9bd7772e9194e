"""The listening path's own words (modules, examples, practice, questions) in the reader's language.

The first edition's English is training/migrations/_content_v1.py: the data migration seeded it
into the database, where an organisation may edit it in the admin. Its translations sit next to
it, one file per language with the very same structure (_content_v1_es.py, _content_v1_fr.py),
so a reviewer reads them side by side and a test holds them to the English shape
(tests/training/test_content_translations.py): a missing or empty translation fails there.

Like a gettext catalogue, the English text is the key: a text is shown translated while it is
still the edition's English word for word. A module an organisation has edited shows as they
wrote it (in English) until they add their own translation; it never shows a translation of
words that are no longer there.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterator

from django.utils.translation import get_language

EDITION = "training.migrations._content_v1"
LANGUAGES = ("es", "fr")


def texts(modules: list) -> Iterator[str]:
    """Every text of an edition that people read, in a fixed order (not the slugs, minutes,
    flags or the letter of the better reply)."""
    for (_slug, title, summary, _minutes, _for_facilitators, body, examples, practice,
         questions) in modules:
        yield title
        yield summary
        yield body.strip()
        for example in examples:
            yield from example
        for message, hint in practice:
            yield message
            yield hint
        for message, reply_a, reply_b, _better, explanation in questions:
            yield message
            yield reply_a
            yield reply_b
            yield explanation


def edition(language: str | None = None) -> list:
    """The first edition's modules in English (None) or in one of LANGUAGES."""
    name = EDITION if language is None else f"{EDITION}_{language}"
    return importlib.import_module(name).MODULES


@functools.cache
def catalogue(language: str) -> dict[str, str]:
    """English text -> its translation in `language` (empty for a language without one)."""
    if language not in LANGUAGES:
        return {}
    return dict(zip(texts(edition()), texts(edition(language)), strict=True))


def content_language(language: str | None = None) -> str:
    return (language or get_language() or "en").lower().split("-")[0]


def translate(text: str, language: str | None = None) -> str:
    """`text` in the active language (or `language`) when it is the edition's English."""
    if not text:
        return text
    table = catalogue(content_language(language))
    if not table:
        return text
    key = text.replace("\r\n", "\n").strip()  # as the admin's textarea sends it back
    return table.get(key, text)
