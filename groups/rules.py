"""Ground rules for respectful dialogue.

A rule set is an ordered list of `{"key": ..., "text": ...}`. `key` is one of the default rule keys
below, or "custom" for a rule a facilitator wrote. Flags and dashboards group by key, never by text.

A default rule is stored in its English source text (whatever language the facilitator saw it
in) and shown in each reader's language (`rule_text`); a reworded rule is the facilitator's
own words and is shown as written.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

DEFAULT_RULES: list[dict[str, str]] = [
    {"key": "confidentiality",
     "text": gettext_noop("What is shared here stays here. We don't repeat names or stories "
                          "outside the group.")},
    {"key": "listen_without_judgement",
     "text": gettext_noop("Listen to understand, without judgement or interruption.")},
    {"key": "no_unsolicited_advice",
     "text": gettext_noop("No unsolicited advice: offer support, not solutions, unless someone "
                          "asks.")},
    {"key": "own_experience",
     "text": gettext_noop("Speak from your own experience (\"I\" statements), not about "
                          "others.")},
    {"key": "respect",
     "text": gettext_noop("Respect everyone: no blame, insults or put-downs, and room for every "
                          "background.")},
    {"key": "right_to_pass",
     "text": gettext_noop("Everyone has the right to pass: nobody has to share.")},
]

CUSTOM = "custom"
RULE_KEYS = [rule["key"] for rule in DEFAULT_RULES] + [CUSTOM]
RULE_KEY_LABELS = {
    "confidentiality": _("Confidentiality"),
    "listen_without_judgement": _("Listening without judgement"),
    "no_unsolicited_advice": _("No unsolicited advice"),
    "own_experience": _("Own experience"),
    "respect": _("Respect"),
    "right_to_pass": _("Right to pass"),
    CUSTOM: _("Other group or session rule"),
}
# The English source text of each default rule, by key.
DEFAULT_TEXTS = {rule["key"]: rule["text"] for rule in DEFAULT_RULES}


def rule_text(rule: dict) -> str:
    """The text to show for a stored rule: a default rule in the reader's language, a rule the
    facilitator wrote (or reworded) as written."""
    text = rule.get("text") or ""
    if rule.get("key") != CUSTOM and DEFAULT_TEXTS.get(rule.get("key")) == text:
        return gettext(text)
    return text


def rules_localized(rules: list[dict]) -> list[dict]:
    """Copies of `rules` with each text as `rule_text` shows it (other keys kept)."""
    return [{**rule, "text": rule_text(rule)} for rule in rules]


def default_rules_offered() -> list[dict[str, str]]:
    """The default rules in the active language, as a new group's form offers them."""
    return rules_localized(DEFAULT_RULES)


def _canonical_text(key: str, text: str) -> str:
    """A default rule's text in any of the product's languages becomes its English source, so
    the same rule is the same text whoever saved it (and a save changes no rule by itself)."""
    source = DEFAULT_TEXTS.get(key)
    if source is None or text == source:
        return text
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            if " ".join(gettext(source).split()) == text:
                return source
    return text


def custom_rule(text: str) -> dict[str, str]:
    return {"key": CUSTOM, "text": text.strip()}


MAX_RULES = 20
MAX_RULE_LENGTH = 300


def rules_validate(rules: list[dict]) -> list[dict[str, str]]:
    """A clean copy of a rule set, or ValidationError saying what is wrong with it."""
    from django.core.exceptions import ValidationError

    cleaned: list[dict[str, str]] = []
    seen_keys: set[str] = set()
    for position, rule in enumerate(rules, start=1):
        key = str(rule.get("key") or CUSTOM)
        text = " ".join(str(rule.get("text") or "").split())
        if not text:
            continue
        if key not in RULE_KEYS:
            raise ValidationError(gettext("Rule %(position)d: unknown kind of rule.")
                                  % {"position": position}, code="rule_key")
        if len(text) > MAX_RULE_LENGTH:
            raise ValidationError(
                gettext("Rule %(position)d is %(length)d characters long; keep each rule under "
                        "%(max)d.") % {"position": position, "length": len(text),
                                       "max": MAX_RULE_LENGTH}, code="rule_length")
        if key != CUSTOM:
            if key in seen_keys:
                raise ValidationError(
                    gettext("“%(kind)s” appears twice; mark one of them as another rule.")
                    % {"kind": RULE_KEY_LABELS[key]}, code="rule_duplicate")
            seen_keys.add(key)
            text = _canonical_text(key, text)
        cleaned.append({"key": key, "text": text})
    if not cleaned:
        raise ValidationError(gettext("A group needs at least one ground rule."),
                              code="rules_empty")
    if len(cleaned) > MAX_RULES:
        raise ValidationError(gettext("Keep it to %(max)d rules or fewer.") % {"max": MAX_RULES},
                              code="rules_too_many")
    return cleaned


def rules_changes(old: list[dict], new: list[dict]) -> dict[str, list]:
    """What changed between two rule sets: each new rule marked as new or not, and removed texts."""
    old_texts = {rule["text"] for rule in old}
    new_texts = {rule["text"] for rule in new}
    return {
        "rules": [{**rule, "is_new": rule["text"] not in old_texts} for rule in new],
        "removed": [rule for rule in old if rule["text"] not in new_texts],
    }
