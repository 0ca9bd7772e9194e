"""Ground rules for respectful dialogue.

A rule set is an ordered list of `{"key": ..., "text": ...}`. `key` is one of the default rule keys
below, or "custom" for a rule a facilitator wrote. Flags and dashboards group by key, never by text.
"""

DEFAULT_RULES: list[dict[str, str]] = [
    {"key": "confidentiality",
     "text": "What is shared here stays here. We don't repeat names or stories outside the group."},
    {"key": "listen_without_judgement",
     "text": "Listen to understand, without judgement or interruption."},
    {"key": "no_unsolicited_advice",
     "text": "No unsolicited advice: offer support, not solutions, unless someone asks."},
    {"key": "own_experience",
     "text": "Speak from your own experience (\"I\" statements), not about others."},
    {"key": "respect",
     "text": "Respect everyone: no blame, insults or put-downs, and room for every background."},
    {"key": "right_to_pass",
     "text": "Everyone has the right to pass: nobody has to share."},
]

CUSTOM = "custom"
RULE_KEYS = [rule["key"] for rule in DEFAULT_RULES] + [CUSTOM]
RULE_KEY_LABELS = {
    "confidentiality": "Confidentiality",
    "listen_without_judgement": "Listening without judgement",
    "no_unsolicited_advice": "No unsolicited advice",
    "own_experience": "Own experience",
    "respect": "Respect",
    "right_to_pass": "Right to pass",
    CUSTOM: "Other group or session rule",
}


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
            raise ValidationError(f"Rule {position}: unknown kind of rule.", code="rule_key")
        if len(text) > MAX_RULE_LENGTH:
            raise ValidationError(
                f"Rule {position} is {len(text)} characters long; keep each rule under "
                f"{MAX_RULE_LENGTH}.", code="rule_length")
        if key != CUSTOM:
            if key in seen_keys:
                raise ValidationError(
                    f"“{RULE_KEY_LABELS[key]}” appears twice; mark one of them as another rule.",
                    code="rule_duplicate")
            seen_keys.add(key)
        cleaned.append({"key": key, "text": text})
    if not cleaned:
        raise ValidationError("A group needs at least one ground rule.", code="rules_empty")
    if len(cleaned) > MAX_RULES:
        raise ValidationError(f"Keep it to {MAX_RULES} rules or fewer.", code="rules_too_many")
    return cleaned


def rules_changes(old: list[dict], new: list[dict]) -> dict[str, list]:
    """What changed between two rule sets: each new rule marked as new or not, and removed texts."""
    old_texts = {rule["text"] for rule in old}
    new_texts = {rule["text"] for rule in new}
    return {
        "rules": [{**rule, "is_new": rule["text"] not in old_texts} for rule in new],
        "removed": [rule for rule in old if rule["text"] not in new_texts],
    }
