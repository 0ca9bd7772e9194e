"""An answer to an appreciation step, turned into a recognition by its author.

Only the author decides (nobody else can turn their words into anything); people are chosen
by their membership of the session's group, never by account id, and shown by their name in the
group (a pseudonym stays a pseudonym). The recognition is given through
`recognition.services.recognition_give`, so its rules hold: the weekly limit, members only,
visibility within the group (the default) or private.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from activities.live import answer_window_of
from activities.models import AnswerRecognition
from chat.models import Message
from groups.models import Group, Membership
from groups.policies import name_in_group
from recognition.models import Recognition, Value
from recognition.selectors import GivingAllowance, giving_allowance
from recognition.services import recognition_give

VISIBILITIES = (Recognition.Visibility.GROUP, Recognition.Visibility.PRIVATE)


@dataclass
class Preview:
    message: Message
    group: Group
    members: list[tuple[int, str]]  # (member id, name in the group)
    suggested: list[int]  # member ids named in the answer
    values: list[Value]
    allowance: GivingAllowance
    already: bool


def answer_of(*, message_id: int, user) -> Message | None:
    """The person's own visible answer to an appreciation step, or None (the caller answers
    404: someone else's message, even its existence, is none of their business)."""
    message = (Message.objects.select_related("session__group")
               .filter(pk=message_id, author=user, hidden_at=None).first())
    if message is None:
        return None
    if not Membership.objects.filter(group_id=message.session.group_id, user=user,
                                     status=Membership.Status.ACTIVE).exists():
        return None
    if not answer_window_of(session_id=message.session_id, sent_at=message.created_at):
        return None
    return message


def _members(group: Group, user) -> list[tuple[int, str]]:
    rows = (Membership.objects.filter(group=group, status=Membership.Status.ACTIVE)
            .exclude(user=user).select_related("user"))
    people = [(m.pk, name_in_group(m.user, group, m)) for m in rows]
    return sorted(people, key=lambda item: item[1].casefold())


def _named_in(text: str, members: list[tuple[int, str]]) -> list[int]:
    """Members the answer names: their whole in-group name (any case), or its first word as a
    capitalised name ("Will", not "will"). A suggestion only: the author sees it checked in the
    preview and decides."""
    found = []
    for member_id, name in members:
        words = name.split()
        whole = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
        first = (len(words) > 1 and len(words[0]) >= 2
                 and re.search(rf"(?<!\w){re.escape(words[0])}(?!\w)", text))
        if whole or first:
            found.append(member_id)
    return found


def answer_preview(*, message: Message, user) -> Preview:
    group = message.session.group
    members = _members(group, user)
    return Preview(
        message=message, group=group, members=members,
        suggested=_named_in(message.body, members),
        values=list(Value.objects.filter(is_active=True)),
        allowance=giving_allowance(giver=user),
        already=AnswerRecognition.objects.filter(message=message).exists())


def answer_recognise(*, message: Message, user, member_ids: list[int], values: list[Value],
                     visibility: str, text: str | None = None) -> Recognition:
    """Gives the recognition (the answer's words, or the author's edit of them) and remembers
    which answer it came from, once per answer. ValidationError says what is wrong."""
    if message.author_id != user.pk:
        raise ValidationError(_("Only the author of an answer can turn it into a recognition."))
    if visibility not in VISIBILITIES:
        raise ValidationError({"visibility": _("Choose the group, or only the people "
                                               "recognised.")})
    group = message.session.group
    memberships = list(Membership.objects.filter(
        pk__in=member_ids, group=group, status=Membership.Status.ACTIVE).select_related("user"))
    if not member_ids or len(memberships) != len(set(member_ids)):
        raise ValidationError({"recipients": _("Choose who you are recognising from the "
                                               "group's members.")})
    try:
        with transaction.atomic():
            recognition = recognition_give(
                giver=user, recipients=[m.user for m in memberships], values=values,
                message=message.body if text is None else text, visibility=visibility,
                group=group)
            AnswerRecognition.objects.create(message=message, recognition=recognition)
    except IntegrityError as exc:
        raise ValidationError(_("You already turned this answer into a recognition.")) from exc
    return recognition
