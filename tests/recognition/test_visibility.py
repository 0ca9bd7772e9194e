"""Who sees a recognition: public / group / private x giver, recipient, members and others.

Each case is checked three ways: the policy, the feed selector and the detail page.
"""

import re

import pytest

from groups.models import Membership
from recognition import policies, selectors, services
from recognition.models import Recognition
from tests.factories import UserFactory
from tests.recognition.factories import give

VIEWERS = ["giver", "recipient", "member", "group_facilitator", "former_member", "outsider",
           "hr", "staff"]

# (visibility, in a group?) -> viewers who may see it
EXPECTED = {
    ("public", False): set(VIEWERS),
    ("private", False): {"giver", "recipient"},
    ("group", True): {"giver", "recipient", "member", "group_facilitator"},
    ("private", True): {"giver", "recipient"},
}


@pytest.fixture
def people(employee, colleague, member, facilitator, outsider, hr, circle, join):
    join(circle, employee)
    join(circle, colleague)
    former = UserFactory(display_name="Fio Former")
    join(circle, former, status=Membership.Status.LEFT)
    return {
        "giver": employee, "recipient": colleague, "member": member,
        "group_facilitator": facilitator, "former_member": former, "outsider": outsider,
        "hr": hr, "staff": UserFactory(display_name="Stevie Staff", is_staff=True),
    }


def _visible_in_feed(viewer, recognition) -> bool:
    context = selectors.viewer_context(viewer=viewer)
    return selectors.recognitions_visible_to(context=context).filter(pk=recognition.pk).exists()


@pytest.mark.parametrize(("visibility", "in_group"), list(EXPECTED))
@pytest.mark.parametrize("viewer", VIEWERS)
def test_visibility_matrix(client, people, circle, visibility, in_group, viewer):
    recognition = give(people["giver"], people["recipient"], visibility=visibility,
                       group=circle if in_group else None)
    expected = viewer in EXPECTED[(visibility, in_group)]

    assert policies.can_view(people[viewer], recognition) is expected
    assert _visible_in_feed(people[viewer], recognition) is expected
    client.force_login(people[viewer])
    response = client.get(f"/recognition/{recognition.pk}/")
    assert response.status_code == (200 if expected else 404)


@pytest.mark.parametrize("visibility", ["public", "group"])
def test_recipient_who_opted_out_makes_it_private_whatever_the_giver_chose(
        people, circle, visibility):
    services.preference_update(user=people["recipient"], never_public=True, emails="each")
    recognition = give(people["giver"], people["recipient"], visibility=visibility,
                       group=circle if visibility == "group" else None)

    for name in VIEWERS:
        expected = name in {"giver", "recipient"}
        assert policies.can_view(people[name], recognition) is expected, name
        assert _visible_in_feed(people[name], recognition) is expected, name


def test_opting_out_later_also_covers_earlier_recognitions_and_opting_in_restores_them(people):
    recognition = give(people["giver"], people["recipient"])
    services.preference_update(user=people["recipient"], never_public=True, emails="each")
    assert not _visible_in_feed(people["outsider"], recognition)

    services.preference_update(user=people["recipient"], never_public=False, emails="each")
    assert _visible_in_feed(people["outsider"], recognition)


def test_one_opted_out_recipient_among_several_makes_it_private(people, member):
    services.preference_update(user=people["recipient"], never_public=True, emails="each")
    recognition = give(people["giver"], [people["recipient"], member])

    assert policies.can_view(member, recognition)
    assert not policies.can_view(people["outsider"], recognition)


def test_the_giver_sees_the_effective_visibility_on_the_card(client, people):
    services.preference_update(user=people["recipient"], never_public=True, emails="each")
    recognition = give(people["giver"], people["recipient"])
    client.force_login(people["giver"])

    response = client.get(f"/recognition/{recognition.pk}/")

    assert "prefers not to appear publicly" in response.content.decode()


def test_hidden_recognition_is_seen_by_its_giver_only(people, circle):
    recognition = give(people["giver"], people["recipient"])
    services.recognition_hide(recognition=recognition, moderator=people["staff"])

    for name in VIEWERS:
        recognition.refresh_from_db()
        assert policies.can_view(people[name], recognition) is (name == "giver"), name
        assert _visible_in_feed(people[name], recognition) is (name == "giver"), name


def test_pseudonymous_group_shows_in_group_names_in_the_feed(client, people, circle):
    circle.allow_pseudonyms = True
    circle.save(update_fields=["allow_pseudonyms"])
    Membership.objects.filter(group=circle, user=people["giver"]).update(pseudonym="Willow")
    Membership.objects.filter(group=circle, user=people["recipient"]).update(pseudonym="Heron")
    give(people["giver"], people["recipient"], visibility=Recognition.Visibility.GROUP,
         group=circle, message="You held the space so well.")

    for name in ("member", "recipient", "giver"):
        client.force_login(people[name])
        cards = "".join(re.findall(r"<article.*?</article>", client.get("/recognition/")
                                   .content.decode(), re.S))
        assert "Willow" in cards and "Heron" in cards
        assert people["giver"].display_name not in cards
        assert people["recipient"].display_name not in cards
