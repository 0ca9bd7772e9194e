"""The starter library in Spanish and French.

English (`activities.library.LIBRARY`) is the source. Each language has a module here
(`es.py`, `fr.py`) whose `CONTENT` has the same shape, so a reviewer reads one activity in two
languages side by side:

    CONTENT = {slug: {"title": ..., "why": ..., "materials": ..., "tips": ..., "access": ...,
                      "steps": [(title, instructions, prompt), ...]}}

tests/activities/test_library_content.py fails when an activity, a field or a step is missing,
or a text is left empty or in English.

Library activities live in the database (admins may edit them), so a reader sees a field in
their language only while its stored English is still the library's own: an admin's edit
shows as written, never hidden behind an old translation. Facilitators' own activities are
always shown as written.
"""

from __future__ import annotations

import importlib
import unicodedata
from functools import cache
from typing import Any

from django.utils.translation import get_language

from activities.library import LIBRARY

LANGUAGES = ("es", "fr")
# Model field -> the library spec's key.
FIELDS = {"title": "title", "purpose": "why", "materials": "materials",
          "facilitator_tips": "tips", "accessibility_notes": "access"}
STEP_FIELDS = ("title", "instructions", "prompt")
SOURCE: dict[str, dict[str, Any]] = {spec["slug"]: spec for spec in LIBRARY}


def content_language(code: str | None = None) -> str | None:
    """"es", "fr" (the library has a translation), or None (English: as stored)."""
    base = (code or get_language() or "").split("-")[0].lower()
    return base if base in LANGUAGES else None


@cache
def content(language: str) -> dict[str, dict[str, Any]]:
    return importlib.import_module(f"activities.content.{language}").CONTENT


def source_text(spec: dict[str, Any], key: str) -> str:
    # load_library stores the accessibility notes stripped.
    return spec[key].strip() if key == "access" else spec[key]


def activity_texts(*, slug: str, stored: dict[str, str], language: str | None) -> dict[str, str]:
    """The translated fields (model field names) of a library activity whose stored English
    (`stored`: model field -> text) is still the library's. Fields edited since are left out."""
    if language is None or slug not in SOURCE:
        return {}
    spec, translated = SOURCE[slug], content(language).get(slug)
    if translated is None:
        return {}
    return {field: translated[key] for field, key in FIELDS.items()
            if field in stored and stored[field] == source_text(spec, key)}


@cache
def _step_index(slug: str) -> dict[tuple[str, str, str], int]:
    return {(title, text, prompt): index
            for index, (title, _minutes, text, prompt, _appreciation)
            in enumerate(SOURCE[slug]["steps"])}


def step_texts(*, slug: str, title: str, instructions: str, prompt: str,
               language: str | None) -> dict[str, str]:
    """A library step's title, instructions and prompt in `language`, when the stored step is
    still exactly the library's; else {}."""
    if language is None or slug not in SOURCE:
        return {}
    index = _step_index(slug).get((title, instructions, prompt))
    translated = content(language).get(slug)
    if index is None or translated is None:
        return {}
    return dict(zip(STEP_FIELDS, translated["steps"][index], strict=True))


def title_in(*, slug: str, title: str, language: str | None = None) -> str:
    """An activity's title as the reader says it (a calendar, an email, a message)."""
    return activity_texts(slug=slug, stored={"title": title},
                          language=content_language(language)).get("title", title)


def folded(text: str) -> str:
    """For search and sorting: no case, no accents ("Apreciación" ~ "apreciacion")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matching_slugs(query: str, language: str | None) -> set[str]:
    """Library activities whose title, purpose or step instructions in `language` contain
    `query` (ignoring case and accents)."""
    if language is None:
        return set()
    needle = folded(query.strip())
    if not needle:
        return set()
    found = set()
    for slug, translated in content(language).items():
        haystack = [translated["title"], translated["why"],
                    *(instructions for _t, instructions, _p in translated["steps"])]
        if any(needle in folded(text) for text in haystack):
            found.add(slug)
    return found


class Shown:
    """A model instance as a reader sees it: some text attributes replaced, every other
    attribute (and method) the instance's own. Read-only use: never saved."""

    def __init__(self, instance, texts: dict[str, str]) -> None:
        self.__dict__["_instance"] = instance
        self.__dict__.update(texts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["_instance"], name)

    def __str__(self) -> str:
        return str(self.__dict__.get("title", self.__dict__["_instance"]))


def shown_activity(activity, language: str | None = None):
    """The activity in the reader's language (the active one unless given)."""
    language = content_language(language)
    if language is None or activity.author_id is not None:
        return activity
    texts = activity_texts(slug=activity.slug, language=language,
                           stored={field: getattr(activity, field) for field in FIELDS})
    return Shown(activity, texts) if texts else activity


def shown_step(step, *, slug: str, language: str | None = None):
    language = content_language(language)
    texts = step_texts(slug=slug, title=step.title, instructions=step.instructions,
                       prompt=step.prompt, language=language)
    return Shown(step, texts) if texts else step


def run_texts(*, slug: str, title: str, steps: list[dict[str, Any]],
              language: str | None) -> dict[str, Any]:
    """A run's title and its steps' texts (title, instructions, prompt) in `language`."""
    lang = content_language(language)
    out_steps = []
    for step in steps:
        texts = step_texts(slug=slug, title=step["title"], instructions=step["instructions"],
                           prompt=step["prompt"], language=lang)
        out_steps.append({key: texts.get(key, step[key]) for key in STEP_FIELDS})
    return {"title": title_in(slug=slug, title=title, language=language), "steps": out_steps}
