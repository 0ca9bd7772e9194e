"""Matching message bodies against the admin-edited word lists (blocked, distress, nudge).

The lists are read from the database and compiled once per process for a short while
(`CHAT_FILTER_TTL_SECONDS`, default 30), so an edit in the admin takes effect within that time
without a query for every message.
"""

import re
import threading
import time
from dataclasses import dataclass

from django.conf import settings

from chat.models import FilterTerm


@dataclass(frozen=True)
class CompiledLists:
    blocked: re.Pattern | None
    distress: re.Pattern | None
    nudges: list[tuple[re.Pattern, str, str]]  # (pattern, phrase, rule key)


_lock = threading.Lock()
_cache: dict[str, object] = {"lists": None, "loaded_at": 0.0}


def _phrase_pattern(phrase: str) -> str:
    words = [re.escape(word) for word in phrase.casefold().split()]
    # Whole words only ("skills" never matches "kill"), any whitespace between the words.
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def _alternation(phrases: list[str]) -> re.Pattern | None:
    phrases = [p for p in phrases if p.strip()]
    if not phrases:
        return None
    return re.compile("|".join(_phrase_pattern(p) for p in phrases))


def _normalise(text: str) -> str:
    # Curly apostrophes are what phones type; the lists are written with straight ones.
    return text.casefold().replace("\u2019", "'").replace("\u2018", "'")


def _load() -> CompiledLists:
    terms = list(FilterTerm.objects.filter(is_active=True).values_list("kind", "phrase",
                                                                       "rule_key"))
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for kind, phrase, rule_key in terms:
        by_kind.setdefault(kind, []).append((phrase, rule_key))
    return CompiledLists(
        blocked=_alternation([p for p, _ in by_kind.get(FilterTerm.Kind.BLOCKED, [])]),
        distress=_alternation([p for p, _ in by_kind.get(FilterTerm.Kind.DISTRESS, [])]),
        nudges=[(re.compile(_phrase_pattern(p)), p, key)
                for p, key in by_kind.get(FilterTerm.Kind.NUDGE, []) if p.strip()],
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
    """The first nudge phrase found in the body and the rule key it points to."""
    text = _normalise(body)
    for pattern, phrase, rule_key in word_lists().nudges:
        if pattern.search(text):
            return phrase, rule_key
    return None
