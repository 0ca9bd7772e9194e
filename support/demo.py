"""Placeholder support resources for the demo. Numbers are examples: replace them before use."""

from support.models import Resource

PLACEHOLDER = (
    "*Example entry: replace this number and text with your organisation's real "
    "service in the admin.*"
)

RESOURCES = [
    # (title, kind, country, phone, url, order, body)
    (
        "Employee assistance programme",
        Resource.Kind.EAP,
        "",
        "+44 20 7946 0000",
        "https://example.com/eap",
        0,
        "Free, confidential counselling for you and your household, 24 hours a day. "
        "Your employer is never told who called.\n\n" + PLACEHOLDER,
    ),
    (
        "Samaritans-style listening line (UK example)",
        Resource.Kind.CRISIS_LINE,
        "GB",
        "+44 20 7946 0001",
        "",
        0,
        "Someone to talk to, day or night, about whatever is on your mind.\n\n" + PLACEHOLDER,
    ),
    (
        "Crisis text and call line (US example)",
        Resource.Kind.CRISIS_LINE,
        "US",
        "+1 555 0100",
        "",
        0,
        "Call or text any time to reach a trained crisis counsellor.\n\n" + PLACEHOLDER,
    ),
    (
        "Telefonseelsorge-style helpline (Germany example)",
        Resource.Kind.CRISIS_LINE,
        "DE",
        "+49 30 555 0100",
        "",
        0,
        "Anonymous support by phone, around the clock.\n\n" + PLACEHOLDER,
    ),
    (
        "International directory of helplines",
        Resource.Kind.CRISIS_LINE,
        "",
        "",
        "https://example.com/helplines",
        10,
        "If your country is not listed, find a helpline near you.\n\n" + PLACEHOLDER,
    ),
    (
        "People & Culture team (HR)",
        Resource.Kind.HR_CONTACT,
        "",
        "+44 20 7946 0002",
        "https://example.com/people-team",
        0,
        "Questions about your rights, adjustments or a confidential conversation: "
        "email people@example.com.\n\n" + PLACEHOLDER,
    ),
    (
        "Dignity at work: anti-bullying and harassment policy",
        Resource.Kind.POLICY,
        "",
        "",
        "https://example.com/policies/dignity-at-work",
        0,
        "What bullying and harassment are, what you can expect from the organisation, and how "
        "reports are handled: confidentially, fairly and without retaliation.\n\n" + PLACEHOLDER,
    ),
]


def seed(people) -> None:
    """Idempotent: a resource is created once by title and never overwritten (admins edit)."""
    for title, kind, country, phone, url, order, body in RESOURCES:
        Resource.objects.get_or_create(
            title=title,
            defaults={
                "kind": kind,
                "country": country,
                "phone": phone,
                "url": url,
                "order": order,
                "body": body,
            },
        )
