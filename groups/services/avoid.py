"""The private "people I'd rather not share a room with" list. Only its owner ever sees it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import User
from groups.models import AvoidEntry


def avoid_list_add(*, owner: User, person: User, source: str = AvoidEntry.Source.MANUAL
                   ) -> AvoidEntry:
    """Puts `person` on `owner`'s list (idempotent: an existing entry is returned as it is).

    Nothing is sent to anyone: the listed person is never told.
    """
    if owner.pk == person.pk:
        raise ValidationError(_("You can't add yourself to this list."), code="self")
    if source not in AvoidEntry.Source.values:
        raise ValueError(f"Unknown source {source!r}")
    existing = AvoidEntry.objects.filter(owner=owner, person=person).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return AvoidEntry.objects.create(owner=owner, person=person, source=source)
    except IntegrityError:  # added at the same moment by another request
        return AvoidEntry.objects.get(owner=owner, person=person)


def avoid_list_remove(*, owner: User, entry_id: int) -> bool:
    """Takes an entry off the owner's own list; True when something was removed."""
    deleted, _by_model = AvoidEntry.objects.filter(owner=owner, pk=entry_id).delete()
    return bool(deleted)
