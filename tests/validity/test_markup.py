"""The faults issue 17 found with the validators, checked fast with the Django test client (the
browser journey in test_pages.py runs the validators themselves over every page)."""

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

# HTML's valid global date and time: at most three digits of a fraction of a second.
HTML_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$")


class Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[tuple[str, str]] = []
        self.datetimes: list[str] = []
        self.log_lists: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in ("aria-describedby", "aria-labelledby"):
            for target in (attributes.get(name) or "").split():
                self.references.append((name, target))
        if tag == "time" and "datetime" in attributes:
            self.datetimes.append(attributes["datetime"])
        if tag in ("ol", "ul") and attributes.get("role") == "log":
            self.log_lists.append(tag)


def markup_of(response) -> Markup:
    assert response.status_code == 200
    parser = Markup()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def demo(settings):
    call_command("seed_demo")
    settings.MFA_EXEMPT_EMAILS = ["facilitator@example.com", "hr@example.com"]
    from accounts.models import User

    return {user.email: user for user in User.objects.filter(email__in=[
        "employee@example.com", "facilitator@example.com", "hr@example.com"])}


def test_pages_carry_no_role_log_list_no_long_fractions_and_no_dangling_references(
        client, demo):
    from chat.models import Message
    from support.models import FacilitatorRequest

    past = Message.objects.get(client_id="demo-1").session
    conversation = FacilitatorRequest.objects.get(facilitator=demo["facilitator@example.com"])
    pages = {
        "employee@example.com": [reverse("chat:room", args=[past.pk]),
                                 reverse("recognition:feed"), reverse("home"),
                                 reverse("groups:detail", args=["monday-peer-circle"])],
        "facilitator@example.com": [reverse("chat:moderation_queue",
                                            args=["monday-peer-circle"]),
                                    reverse("support:conversation", args=[conversation.pk]),
                                    reverse("sessions:create", args=["monday-peer-circle"])],
        "hr@example.com": [reverse("dashboards:index")],
    }
    checked = 0
    for email, paths in pages.items():
        client.force_login(demo[email])
        for path in paths:
            page = markup_of(client.get(path))
            assert page.log_lists == [], path  # role=log belongs on a container, not a list
            assert [d for d in page.datetimes if not HTML_DATETIME.match(d)] == [], path
            assert [r for r in page.references if r[1] not in page.ids] == [], path
            checked += len(page.datetimes) + len(page.references)
    assert checked > 20  # the pages did have times and references to check
