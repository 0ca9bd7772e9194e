"""Groups and memberships for recognition tests (the groups helper owns the real services)."""

import factory
from django.utils import timezone

from groups.models import Group, Membership
from recognition import services
from recognition.models import Recognition, Value
from tests.factories import UserFactory


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"Circle {n}")
    slug = factory.Sequence(lambda n: f"circle-{n}")
    purpose = "Listening to each other."
    category = Group.Category.PEER_CIRCLE
    visibility = Group.Visibility.OPEN


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    group = factory.SubFactory(GroupFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE
    joined_at = factory.LazyFunction(timezone.now)


def value(slug: str = "active-listening") -> Value:
    return Value.objects.get(slug=slug)


def give(giver, recipients, *, visibility: str = Recognition.Visibility.PUBLIC, group=None,
         values=("active-listening",), message: str = "Thank you for listening.",
         notify: bool = False) -> Recognition:
    """Sets state up through the service, as the product does."""
    if not isinstance(recipients, list | tuple):
        recipients = [recipients]
    return services.recognition_give(
        giver=giver, recipients=list(recipients), values=[value(s) for s in values],
        message=message, visibility=visibility, group=group, notify=notify)
