"""The listening path's content in Spanish and French: the same structure as the English edition,
every text translated, and shown (only while it is still the edition's English)."""

import re

import pytest

from training import content
from training.migrations import _content_v1 as english

LANGUAGES = content.LANGUAGES


def _blocks(markdown: str) -> list[str]:
    """The shape of a module's body: one tag per paragraph, heading, list item."""
    shape = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        for line in block.splitlines():
            if line.startswith("### "):
                shape.append("h3")
            elif re.match(r"^- ", line):
                shape.append("li")
            elif re.match(r"^\d+\. ", line):
                shape.append("ol")
        if not re.match(r"^(### |- |\d+\. )", block):
            shape.append("p")
    return shape


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_translation_has_the_english_structure(language):
    translated = content.edition(language)
    assert len(translated) == len(english.MODULES)
    for en, tr in zip(english.MODULES, translated, strict=True):
        slug, _t, _s, minutes, for_facilitators, body, examples, practice, questions = en
        assert tr[0] == slug, f"{language}: module order differs at {slug}"
        assert (tr[3], tr[4]) == (minutes, for_facilitators), slug
        assert _blocks(tr[5]) == _blocks(body), f"{language} {slug}: body structure differs"
        assert len(tr[6]) == len(examples) and all(len(e) == 5 for e in tr[6]), slug
        assert len(tr[7]) == len(practice) and all(len(p) == 2 for p in tr[7]), slug
        assert len(tr[8]) == len(questions), slug
        assert [q[3] for q in tr[8]] == [q[3] for q in questions], f"{slug}: the better reply"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_translated(language):
    """A missing, empty or still-English text fails here."""
    pairs = list(zip(content.texts(english.MODULES), content.texts(content.edition(language)),
                     strict=True))
    for source, translation in pairs:
        assert translation.strip(), f"{language}: empty translation of {source[:60]!r}"
        assert translation.strip() != source.strip(), f"{language}: untranslated {source[:60]!r}"
    # One English text, one translation (the English is the key).
    table = {}
    for source, translation in pairs:
        assert table.setdefault(source.strip(), translation) == translation, source[:60]


def test_a_language_with_a_translation_gets_it_and_others_keep_the_english():
    assert content.translate("Attending and presence", "es") == "Atención y presencia"
    assert content.translate("Attending and presence", "fr-ca") == "Attention et présence"
    assert content.translate("Attending and presence", "en-gb") == "Attending and presence"
    assert content.translate("Something an organisation wrote", "es") == (
        "Something an organisation wrote")


def test_a_body_saved_back_by_the_admin_textarea_still_matches():
    body = english.MODULES[0][5].strip().replace("\n", "\r\n")
    assert content.translate(body, "fr").startswith("L'écoute commence avant le premier mot.")
