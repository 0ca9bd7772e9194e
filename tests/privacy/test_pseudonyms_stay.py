"""A pseudonym outlives the membership: a facilitator can't unmask someone by removing them
(or waiting until they leave) and then turning pseudonyms off, which would put real names on
the chat history and recognitions they left behind."""

import pytest
from django.core.exceptions import ValidationError

from groups import services as group_services
from groups.models import Group
from groups.policies import name_in_group

pytestmark = pytest.mark.django_db


def test_removing_willow_then_turning_pseudonyms_off_is_refused(pair):
    group_services.membership_remove(group=pair.group, by=pair.facilitator,
                                     membership=pair.willow, reason="Testing the door.")

    with pytest.raises(ValidationError) as refused:
        group_services.group_update(group=pair.group, by=pair.facilitator,
                                    allow_pseudonyms=False)

    assert "allow_pseudonyms" in refused.value.message_dict
    group = Group.objects.get(pk=pair.group.pk)
    assert name_in_group(pair.colleague, group) == "Willow"


def test_a_pending_request_under_a_pseudonym_also_keeps_them_on(facilitator):
    from groups.rules import DEFAULT_RULES
    from tests.factories import UserFactory

    group = group_services.group_create(
        creator=facilitator, name="Asking circle", purpose="Ask first.", rules=DEFAULT_RULES,
        category=Group.Category.PEER_CIRCLE, visibility=Group.Visibility.REQUEST,
        allow_pseudonyms=True)
    group_services.join_request_create(group=group, user=UserFactory(), pseudonym="Heron",
                                       accepted_version=group.rules_version)

    with pytest.raises(ValidationError):
        group_services.group_update(group=group, by=facilitator, allow_pseudonyms=False)
