"""An account's own settings seen through a pseudonym (docs/privacy.md, class a: anything
that depends on the account must not show through the pseudonym)."""

import pytest
from django.urls import reverse

from groups import services as group_services
from recognition import services as recognition_services
from recognition.models import Recognition, Value
from tests.factories import UserFactory
from tests.privacy.conftest import page_text

pytestmark = pytest.mark.django_db


def test_willows_recognition_opt_out_does_not_show_through_her_pseudonym(client, pair):
    """The attacker recognises Willow in the group. If the colleague's "never show me
    publicly" setting hid it, the giver (and the group) would learn one bit about the
    account behind Willow, and the attacker can learn that bit about the colleague elsewhere."""
    other = UserFactory(display_name="Sam Member")
    group_services.membership_join(group=pair.group, user=other,
                                   accepted_version=pair.group.rules_version)
    value = Value.objects.filter(is_active=True).first() or Value.objects.create(
        key="empathy", label="Empathy")
    recognition = recognition_services.recognition_give(
        giver=pair.attacker, recipients=[pair.colleague], values=[value],
        message="Thank you for listening on Thursday.", visibility=Recognition.Visibility.GROUP,
        group=pair.group, notify=False)
    url = reverse("recognition:detail", args=[recognition.pk])
    feed = reverse("recognition:feed")

    def views() -> list[str]:
        seen = []
        for viewer in (pair.attacker, other):
            client.force_login(viewer)
            seen += [page_text(client, url) if viewer == pair.attacker else
                     str(client.get(url).status_code), page_text(client, feed)]
        return seen

    recognition_services.preference_update(user=pair.colleague, never_public=False,
                                           emails="each")
    shown = views()
    recognition_services.preference_update(user=pair.colleague, never_public=True,
                                           emails="each")

    assert views() == shown
    assert "Willow" in shown[0] and pair.colleague.name not in "".join(shown)
