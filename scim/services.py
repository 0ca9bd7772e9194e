"""Writes of the SCIM app: tokens, and people and departments as the directory provisions them.

The adapters (scim.adapters) turn SCIM JSON into the calls below; everything that changes a
person goes through here, and through the accounts, groups and sessions services underneath.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import logging
import secrets
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import services as accounts_services
from accounts.models import Department, User
from scim.models import Organisation, ProvisionedDepartment, ProvisionedPerson, Token

logger = logging.getLogger(__name__)

TOKEN_BYTES = 32
# `last_used_at` is written at most this often per token (not on every request of a sync run).
LAST_USED_EVERY_SECONDS = 60
SEEDED_ORGANISATION = "Development (SCIM_BEARER_TOKEN)"
SEEDED_TOKEN_NAME = "SCIM_BEARER_TOKEN"


class Conflict(Exception):
    """The directory asked for something that clashes with what exists (a SCIM 409)."""


class Invalid(Exception):
    """The directory sent a value the product cannot take (a SCIM 400)."""


# --- Tokens ---------------------------------------------------------------------------------

def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def token_create(*, organisation: Organisation, name: str) -> tuple[Token, str]:
    """A new token; returns it with the one and only copy of its secret."""
    raw = secrets.token_urlsafe(TOKEN_BYTES)
    token = Token.objects.create(organisation=organisation, name=name, prefix=raw[:8],
                                 digest=_digest(raw))
    return token, raw


def token_revoke(*, token: Token) -> bool:
    """Revokes the token at once (its next request is refused). False if it already was."""
    return bool(Token.objects.filter(pk=token.pk, revoked_at__isnull=True)
                .update(revoked_at=timezone.now()))


def _token_seed(raw: str) -> Token:
    """The development and test token named by SCIM_BEARER_TOKEN, stored like any other (so it
    can be revoked in the admin; a revoked seed stays revoked)."""
    organisation, _created = Organisation.objects.get_or_create(name=SEEDED_ORGANISATION)
    try:
        with transaction.atomic():
            return Token.objects.create(organisation=organisation, name=SEEDED_TOKEN_NAME,
                                        prefix=raw[:8], digest=_digest(raw))
    except IntegrityError:  # seeded by a concurrent request
        return Token.objects.get(digest=_digest(raw))


def token_authenticate(*, raw: str) -> Token | None:
    """The live token whose secret is `raw`, or None (unknown or revoked)."""
    if not raw:
        return None
    token = Token.objects.select_related("organisation").filter(digest=_digest(raw)).first()
    seed = getattr(settings, "SCIM_BEARER_TOKEN", "")
    if token is None and seed and hmac.compare_digest(raw.encode(), seed.encode()):
        token = _token_seed(raw)
    if token is None or token.is_revoked:
        return None
    now = timezone.now()
    last = token.last_used_at
    if last is None or (now - last).total_seconds() > LAST_USED_EVERY_SECONDS:
        Token.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


# --- People ---------------------------------------------------------------------------------

UNSET = object()


@dataclasses.dataclass
class PersonChanges:
    """What the directory says about a person; UNSET for what it did not mention."""

    user_name: object = UNSET
    email: object = UNSET
    display_name: object = UNSET
    external_id: object = UNSET
    active: object = UNSET
    department: object = UNSET  # a name, or None to clear
    manager: object = UNSET  # a SCIM id of the same organisation, or None to clear


def _department_named(name: str) -> Department:
    name = " ".join(name.split())[:120]
    department = Department.objects.filter(name__iexact=name).first()
    return department or Department.objects.create(name=name)


def _manager(organisation: Organisation, scim_id: str, person: User | None) -> User:
    identity = (ProvisionedPerson.objects.select_related("user")
                .filter(organisation=organisation, scim_id=scim_id).first())
    if identity is None:
        raise Invalid(_("The manager %(id)s is not a person this directory provisioned.")
                      % {"id": scim_id})
    if person is not None and identity.user_id == person.pk:
        raise Invalid(_("A person cannot be their own manager."))
    return identity.user


def _email_free(email: str, *, but: User | None) -> None:
    taken = User.objects.annotate(lower=Lower("email")).filter(lower=email.lower())
    if but is not None:
        taken = taken.exclude(pk=but.pk)
    if taken.exists():
        raise Conflict(_("Another account already uses the address %(email)s.")
                       % {"email": email})


def _apply_profile(identity: ProvisionedPerson, changes: PersonChanges) -> None:
    user = identity.user
    profile = {}
    if changes.display_name is not UNSET:
        profile["display_name"] = (changes.display_name or "")[:80]
    if changes.department is not UNSET:
        profile["department"] = (_department_named(changes.department)
                                 if changes.department else None)
    if changes.manager is not UNSET:
        profile["manager"] = (_manager(identity.organisation, changes.manager, user)
                              if changes.manager else None)
    # Department and manager are plain profile data: the "rather not share a room with"
    # suggestion reads the manager, the hourly dashboard rollup the department.
    profile = {name: value for name, value in profile.items() if getattr(user, name) != value}
    if profile:
        accounts_services.user_profile_update(user=user, **profile)
    if changes.email is not UNSET and changes.email.lower() != user.email.lower():
        _email_change(user=user, email=changes.email)


def _email_change(*, user: User, email: str) -> None:
    from allauth.account.models import EmailAddress

    _email_free(email, but=user)
    user.email = email.lower()
    user.save(update_fields=["email"])
    # The directory vouches for the address; the old one no longer signs in.
    EmailAddress.objects.filter(user=user).delete()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


def _check_domain(organisation: Organisation, email: str) -> None:
    if not organisation.covers(email):
        raise Invalid(_("This directory may only provision addresses at %(domains)s.")
                      % {"domains": ", ".join(organisation.domains)})


def person_provision(*, organisation: Organisation, changes: PersonChanges) -> ProvisionedPerson:
    """Creates the person (or adopts the existing account with that address, which keeps its
    groups, messages and password) and links it to the directory."""
    from allauth.account.models import EmailAddress

    email = changes.email
    _check_domain(organisation, email)
    with transaction.atomic():
        if ProvisionedPerson.objects.filter(organisation=organisation,
                                            user_name__iexact=changes.user_name).exists():
            raise Conflict(_("A person with the userName %(name)s already exists.")
                           % {"name": changes.user_name})
        user = User.objects.annotate(lower=Lower("email")).filter(lower=email.lower()).first()
        if user is not None and hasattr(user, "scim_identity"):
            raise Conflict(_("A person with the address %(email)s already exists.")
                           % {"email": email})
        if user is None:
            # No password: they sign in through the company's identity provider, or set one
            # with "forgot password".
            user = User.objects.create_user(email=email, password=None)
            EmailAddress.objects.create(user=user, email=user.email, verified=True,
                                        primary=True)
        identity = ProvisionedPerson.objects.create(
            organisation=organisation, user=user, user_name=changes.user_name,
            external_id=(changes.external_id or "") if changes.external_id is not UNSET else "")
        identity.user = user
        _apply_profile(identity, dataclasses.replace(changes, email=UNSET))
        if changes.active is False:
            person_offboard(user=user)
    return identity


def person_update(*, identity: ProvisionedPerson, changes: PersonChanges) -> ProvisionedPerson:
    with transaction.atomic():
        identity = (ProvisionedPerson.objects.select_for_update()
                    .select_related("user", "organisation").get(pk=identity.pk))
        if changes.email is not UNSET:
            _check_domain(identity.organisation, changes.email)
        fields = []
        if changes.user_name is not UNSET and changes.user_name != identity.user_name:
            if ProvisionedPerson.objects.filter(
                    organisation=identity.organisation,
                    user_name__iexact=changes.user_name).exclude(pk=identity.pk).exists():
                raise Conflict(_("A person with the userName %(name)s already exists.")
                               % {"name": changes.user_name})
            identity.user_name = changes.user_name
            fields.append("user_name")
        if changes.external_id is not UNSET:
            identity.external_id = changes.external_id or ""
            fields.append("external_id")
        identity.save(update_fields=[*fields, "updated_at"])
        _apply_profile(identity, changes)
        user = identity.user
        if changes.active is False and user.is_active:
            person_offboard(user=user)
        elif changes.active is True and not user.is_active:
            person_reactivate(user=user)
    return identity


def person_reactivate(*, user: User) -> User:
    """Lets the person sign in again. Their groups and RSVPs are not given back: they rejoin."""
    User.objects.filter(pk=user.pk).update(is_active=True)
    user.is_active = True
    return user


@dataclasses.dataclass
class Offboarding:
    groups_left: list[int]
    groups_without_facilitator: list[int]
    rsvps_cancelled: int
    sessions_unassigned: int
    logins_ended: int


def person_offboard(*, user: User) -> Offboarding:
    """Deactivates a person who left the company, and takes them off every roster.

    - Upcoming RSVPs become "not going" (their seat goes to the waitlist, reminders stop).
    - They stop facilitating upcoming sessions, and leave every group. A group whose only
      facilitator leaves keeps its members and sessions; the site's admins are told it needs a
      new facilitator (sessions nobody facilitates close as unattended, as they do today).
    - Pending join requests are withdrawn.
    - The account is deactivated: its login sessions are deleted and its open chat sockets are
      told to close (the per-user channel group, after commit), so nothing reconnects.

    Kept as it is: their messages (attributed as today: name or pseudonym), memberships as
    "left" rows (so no pseudonym changes at the moment they leave), formal reports and their
    HR cases, recognition given and received.
    """
    from groups.models import Group, JoinRequest, Membership
    from groups.services.membership import membership_leave
    from groups.services.requests import join_request_withdraw
    from sessions.models import RSVP, Session
    from sessions.services.notices import reminders_drop
    from sessions.services.rsvp import rsvp_set

    now = timezone.now()
    result = Offboarding([], [], 0, 0, 0)
    with transaction.atomic():
        upcoming = RSVP.objects.filter(
            user=user, status__in=[RSVP.Status.GOING, RSVP.Status.WAITLISTED],
            session__status=Session.Status.SCHEDULED, session__starts_at__gt=now,
        ).select_related("session")
        for rsvp in upcoming:
            try:
                rsvp_set(session=rsvp.session, user=user, status=RSVP.Status.NOT_GOING)
            except ValidationError:  # not a member any more: nothing to hand on, only stop
                RSVP.objects.filter(pk=rsvp.pk).update(status=RSVP.Status.NOT_GOING,
                                                       updated_at=now)
                reminders_drop(session=rsvp.session, user=user)
            result.rsvps_cancelled += 1
        for session in user.facilitated_sessions.filter(ends_at__gt=now).exclude(
                status=Session.Status.CANCELLED):
            session.facilitators.remove(user)
            result.sessions_unassigned += 1
        for membership in (Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
                           .select_related("group")):
            try:
                membership_leave(group=membership.group, user=user)
            except ValidationError as exc:
                if getattr(exc, "code", None) != "last_facilitator":
                    raise
                # Leaving the company is not a choice they can postpone: they leave, and the
                # admins are asked to appoint someone.
                Membership.objects.filter(pk=membership.pk, status=Membership.Status.ACTIVE
                                          ).update(status=Membership.Status.LEFT, left_at=now,
                                                   role=Membership.Role.MEMBER)
                result.groups_without_facilitator.append(membership.group_id)
            result.groups_left.append(membership.group_id)
        for group_id in (JoinRequest.objects.filter(user=user, status=JoinRequest.Status.PENDING)
                         .values_list("group_id", flat=True)):
            join_request_withdraw(group=Group(pk=group_id), user=user)
        result.logins_ended = _logins_end(user)
        # is_active off (no new login, no session authenticates) and, after commit, every open
        # chat socket of theirs is told to close (accounts' per-user group).
        accounts_services.user_deactivate(user=user)
        if result.groups_without_facilitator:
            orphaned = list(result.groups_without_facilitator)
            transaction.on_commit(lambda: _tell_admins_groups_need_facilitator(orphaned))
    return result


def _logins_end(user: User) -> int:
    """Deletes the person's login sessions (database-backed session engines), the way a logout
    deletes one. With other engines a deactivated account's session stops authenticating on its
    next request anyway (Django's backends refuse inactive accounts)."""
    engine = import_module(settings.SESSION_ENGINE)
    store = engine.SessionStore
    if not hasattr(store, "get_model_class"):
        return 0
    ended = 0
    rows = store.get_model_class().objects.filter(expire_date__gt=timezone.now())
    for row in rows.iterator():
        if row.get_decoded().get(SESSION_KEY) == str(user.pk):
            store(session_key=row.session_key).delete()
            ended += 1
    return ended


def _tell_admins_groups_need_facilitator(group_ids: list[int]) -> None:
    from groups.models import Group
    from peersupport.i18n import in_language_of
    from peersupport.mail import send_mail
    from peersupport.site import absolute_url

    groups = list(Group.objects.filter(pk__in=group_ids).order_by("name"))
    admins = User.objects.filter(is_staff=True, is_active=True)
    for admin in admins:
        with in_language_of(admin):
            subject = _("A group needs a new facilitator")
            lines = [_("The only facilitator of these groups has left the company. Their "
                       "members are still there; please make one of them, or another trained "
                       "colleague, a facilitator:"), ""]
            for group in groups:
                link = absolute_url(reverse("admin:groups_group_change", args=[group.pk]))
                lines.append(f"- {group.name}: {link}")
            lines += ["", _("Until then, sessions without a facilitator close as unattended.")]
        try:
            send_mail(subject, "\n".join(lines), None, [admin.email])
        except Exception:  # the offboarding is done; a mail outage must not undo it
            logger.exception("could not tell %s about groups without a facilitator", admin.pk)


def person_delete(*, identity: ProvisionedPerson) -> None:
    """What a SCIM DELETE does: the person is offboarded, unlinked from the directory, and their
    address released (the directory may create a new account with it later).

    The account row stays, inactive: deleting it would delete their messages and reports (and
    a group's pseudonymous history would change at the moment its author left, which could link
    the pseudonym to them). Their name stays on what they wrote, as today; pseudonyms stay."""
    from allauth.account.models import EmailAddress

    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=identity.user_id)
        if user.is_active:
            person_offboard(user=user)
        else:
            _logins_end(user)
        released = f"deleted-{identity.scim_id}@invalid"
        display_name = user.display_name or user.name
        EmailAddress.objects.filter(user=user).delete()
        User.objects.filter(pk=user.pk).update(email=released, display_name=display_name,
                                               manager=None, password="!")
        identity.delete()


# --- Departments (SCIM Groups) --------------------------------------------------------------

def department_provision(*, organisation: Organisation, name: str, external_id: str = ""
                         ) -> ProvisionedDepartment:
    """Creates the department, or adopts the existing one of that name."""
    name = " ".join(name.split())[:120]
    with transaction.atomic():
        department = Department.objects.filter(name__iexact=name).first()
        if department is not None and hasattr(department, "scim_group"):
            raise Conflict(_("A department named %(name)s is already provisioned.")
                           % {"name": name})
        department = department or Department.objects.create(name=name)
        return ProvisionedDepartment.objects.create(organisation=organisation,
                                                    department=department,
                                                    external_id=external_id or "")


def department_update(*, group: ProvisionedDepartment, name=UNSET, external_id=UNSET
                      ) -> ProvisionedDepartment:
    with transaction.atomic():
        if name is not UNSET:
            name = " ".join((name or "").split())[:120]
            if not name:
                raise Invalid(_("A department needs a displayName."))
            if Department.objects.filter(name__iexact=name).exclude(
                    pk=group.department_id).exists():
                raise Conflict(_("A department named %(name)s already exists.")
                               % {"name": name})
            Department.objects.filter(pk=group.department_id).update(name=name)
            group.department.name = name
        if external_id is not UNSET:
            group.external_id = external_id or ""
        group.save()
    return group


def _people(group: ProvisionedDepartment, scim_ids: list[str], *, strict: bool = True
            ) -> list[User]:
    identities = list(ProvisionedPerson.objects.select_related("user").filter(
        organisation=group.organisation, scim_id__in=scim_ids))
    if strict and len(identities) != len(set(scim_ids)):
        raise Invalid(_("Some members are not people this directory provisioned."))
    return [identity.user for identity in identities]


def department_members_add(*, group: ProvisionedDepartment, scim_ids: list[str]) -> None:
    """Puts the people in the department (a person is in one department: this moves them)."""
    for user in _people(group, scim_ids):
        if user.department_id != group.department_id:
            accounts_services.user_profile_update(user=user, department=group.department)


def department_members_remove(*, group: ProvisionedDepartment, scim_ids: list[str]) -> None:
    """Takes the people out of the department. Ids it does not know are skipped: a directory
    removes people it already deleted from its groups too."""
    for user in _people(group, scim_ids, strict=False):
        if user.department_id == group.department_id:
            accounts_services.user_profile_update(user=user, department=None)


def department_members_set(*, group: ProvisionedDepartment, scim_ids: list[str]) -> None:
    """PUT: exactly these provisioned people are in the department."""
    with transaction.atomic():
        _people(group, scim_ids)  # all of them known, before anything changes
        current = set(ProvisionedPerson.objects.filter(
            organisation=group.organisation, user__department=group.department_id,
        ).values_list("scim_id", flat=True))
        department_members_remove(group=group, scim_ids=sorted(current - set(scim_ids)))
        department_members_add(group=group, scim_ids=scim_ids)


def department_delete(*, group: ProvisionedDepartment) -> None:
    """The directory no longer has this department: its provisioned people leave it. The
    department itself stays, so past dashboard figures keep their label."""
    with transaction.atomic():
        members = list(ProvisionedPerson.objects.filter(
            organisation=group.organisation, user__department=group.department_id,
        ).values_list("scim_id", flat=True))
        department_members_remove(group=group, scim_ids=members)
        group.delete()
