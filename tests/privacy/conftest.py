"""The attacker's toolkit: a two-member pseudonymous group, and ways to compare what a page
says in two worlds that differ only in what the attacker wants to learn.

Every test in this package plays an attacker (a member, a facilitator, a colleague outside
the group) and asserts that the attack learns nothing: no account id, no real name, and no
page that differs between "the pseudonym is my colleague" and "it is someone else".
"""

import re
from dataclasses import dataclass

import pytest

from accounts.models import User
from groups import services as group_services
from groups.models import Group, Membership
from groups.rules import DEFAULT_RULES
from tests.factories import UserFactory
from training.services import certification_grant

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
# "now", "2 seconds ago": relative times move on by themselves between two reads.
RELATIVE_TIME = re.compile(r"(<time[^>]*>)[^<]*(</time>)")


def page_text(client, url: str) -> str:
    """A page as the attacker reads it, without the parts that change on every request."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    text = CSRF.sub('name="csrfmiddlewaretoken"', response.content.decode())
    return RELATIVE_TIME.sub(r"\1\2", text)


def leaks_of(text: str, person: User) -> list[str]:
    """What in `text` gives away `person`: their real name, email or account id (as a form
    value, a data attribute or a JSON id)."""
    found = [part for part in (person.name, person.email) if part in text]
    account_id = re.compile(rf'(value="{person.pk}"|"id":\s*{person.pk}\b|/{person.pk}/)')
    if account_id.search(text):
        found.append(f"account id {person.pk}")
    return found


@dataclass
class PseudonymousPair:
    """A pseudonymous group with exactly two members besides its facilitator: the attacker
    (under their own name) and "Willow", who is `colleague`, a person the attacker knows.
    A `decoy` colleague exists outside the group, to compare against."""

    group: Group
    facilitator: User
    attacker: User
    colleague: User
    decoy: User

    @property
    def willow(self) -> Membership:
        return Membership.objects.get(group=self.group, user=self.colleague)


@pytest.fixture
def pair(db, facilitator) -> PseudonymousPair:
    # A sensitive group requires trained facilitators (training.policies): she is one.
    certification_grant(user=facilitator)
    group = group_services.group_create(
        creator=facilitator, name="Quiet harbour", slug="quiet-harbour",
        purpose="A confidential circle.", category=Group.Category.PEER_CIRCLE,
        visibility=Group.Visibility.OPEN, allow_pseudonyms=True, is_sensitive=True,
        rules=[dict(rule) for rule in DEFAULT_RULES])
    attacker = UserFactory(display_name="Alex Attacker")
    colleague = UserFactory(display_name="Casey Colleague")
    decoy = UserFactory(display_name="Dana Decoy")
    for person, pseudonym in ((attacker, ""), (colleague, "Willow")):
        group_services.membership_join(group=group, user=person,
                                       accepted_version=group.rules_version,
                                       pseudonym=pseudonym)
    return PseudonymousPair(group=group, facilitator=facilitator, attacker=attacker,
                            colleague=colleague, decoy=decoy)


def avoid_only(owner: User, person: User) -> None:
    """The owner's private list holds exactly `person`."""
    from groups.models import AvoidEntry

    AvoidEntry.objects.filter(owner=owner).delete()
    group_services.avoid_list_add(owner=owner, person=person, source="manual")
