"""Matching message bodies against the admin-edited word lists (blocked, distress, nudge).

The lists are read from the database and compiled once per process for a short while
(`CHAT_FILTER_TTL_SECONDS`, default 30), so an edit in the admin takes effect within that time
without a query for every message.

Languages: every term has one (FilterTerm.language), and a message is matched against the terms
of *every* language together, whatever the language of the page or of the room. People write
in the language they think in (a Spanish speaker in an English-speaking room, a French phrase
in the middle of English): a blocked insult must be refused and, above all, distress must be
noticed whichever language it comes in. Nudges match in every language too; the writer's own
language is tried first, and the reminder they see is in their own language (gettext, in the
socket's language: chat.services.messages.message_check).

Matching ignores case and accents ("no puedo mas" is "no puedo más"), and curly apostrophes.
"""

import re
import threading
import time
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from chat.models import FilterTerm


@dataclass(frozen=True)
class CompiledLists:
    blocked: re.Pattern | None
    distress: re.Pattern | None
    nudges: list[tuple[re.Pattern, str, str, str]]  # (pattern, phrase, rule key, language)


_lock = threading.Lock()
_cache: dict[str, object] = {"lists": None, "loaded_at": 0.0}


def _phrase_pattern(phrase: str) -> str:
    words = [re.escape(word) for word in _normalise(phrase).split()]
    # Whole words only ("skills" never matches "kill"), any whitespace between the words.
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def _alternation(phrases: list[str]) -> re.Pattern | None:
    phrases = [p for p in phrases if p.strip()]
    if not phrases:
        return None
    return re.compile("|".join(_phrase_pattern(p) for p in phrases))


def _normalise(text: str) -> str:
    # Curly apostrophes are what phones type; the lists are written with straight ones.
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    # Accents dropped (é -> e, ñ -> n): people type "mas" for "más" on a hurried phone.
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _load() -> CompiledLists:
    # Every language's terms (see the module's docstring).
    terms = list(FilterTerm.objects.filter(is_active=True).values_list("kind", "phrase",
                                                                       "rule_key", "language"))
    by_kind: dict[str, list[tuple[str, str, str]]] = {}
    for kind, phrase, rule_key, language in terms:
        by_kind.setdefault(kind, []).append((phrase, rule_key, language))
    return CompiledLists(
        blocked=_alternation([p for p, _, _ in by_kind.get(FilterTerm.Kind.BLOCKED, [])]),
        distress=_alternation([p for p, _, _ in by_kind.get(FilterTerm.Kind.DISTRESS, [])]),
        nudges=[(re.compile(_phrase_pattern(p)), p, key, language)
                for p, key, language in by_kind.get(FilterTerm.Kind.NUDGE, []) if p.strip()],
    )


def word_lists() -> CompiledLists:
    ttl = getattr(settings, "CHAT_FILTER_TTL_SECONDS", 30)
    with _lock:
        lists = _cache["lists"]
        if lists is None or time.monotonic() - _cache["loaded_at"] > ttl:
            lists = _load()
            _cache["lists"], _cache["loaded_at"] = lists, time.monotonic()
        return lists  # type: ignore[return-value]


def word_lists_forget() -> None:
    """Makes the next check read the lists again (after an edit in this process, and in tests)."""
    with _lock:
        _cache["lists"] = None


def is_blocked(body: str) -> bool:
    pattern = word_lists().blocked
    return bool(pattern and pattern.search(_normalise(body)))


def looks_like_distress(body: str) -> bool:
    pattern = word_lists().distress
    return bool(pattern and pattern.search(_normalise(body)))


def nudge_for(body: str) -> tuple[str, str] | None:
    """The first nudge phrase found in the body and the rule key it points to: the terms of
    the active language (the writer's) first, then every other language's."""
    text = _normalise(body)
    own = translation.get_language()
    nudges = word_lists().nudges
    for mine in (True, False):
        for pattern, phrase, rule_key, language in nudges:
            if (language == own) == mine and pattern.search(text):
                return phrase, rule_key
    return None
