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


# A member's private request still waiting for the demo facilitator's answer.
CONVERSATION = ("colleague3@example.com", "facilitator@example.com",
                "Could we talk before Monday's circle? Something from last week's session is "
                "still on my mind, and I'd rather say it to you first than to the whole group.")


def seed(people) -> None:
    """Idempotent: a resource is created once by title and never overwritten (admins edit);
    the demo conversation once per requester."""
    from support.models import FacilitatorRequest
    from support.services import conversation_open

    requester, facilitator, body = CONVERSATION
    if requester in people and facilitator in people and not FacilitatorRequest.objects.filter(
            requester=people[requester]).exists():
        conversation_open(requester=people[requester], facilitator=people[facilitator],
                          body=body)
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
