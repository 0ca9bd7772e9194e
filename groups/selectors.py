"""Every read in the groups app that is more than a single lookup."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.aggregates import Count
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from groups import policies
from groups.models import (
    AvoidEntry,
    GroundRuleVersion,
    Group,
    GroupResource,
    Invitation,
    JoinRequest,
    Membership,
    Removal,
)
from groups.rules import rules_changes, rules_localized
from peersupport.markdown import render_markdown

ACTIVE = Membership.Status.ACTIVE


def _active_member_count() -> Coalesce:
    counts = (Membership.objects.filter(group=OuterRef("pk"), status=ACTIVE)
              .order_by().values("group").annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def directory_groups(*, user: User, query: str = "", category: str = "", mine: bool = False
                     ) -> QuerySet[Group]:
    """Groups the user may see (private ones only to their members), with member counts."""
    own = Membership.objects.filter(group=OuterRef("pk"), user=user, status=ACTIVE)
    groups = (Group.objects.annotate(viewer_is_member=Exists(own))
              .filter(~Q(visibility=Group.Visibility.PRIVATE) | Q(viewer_is_member=True)))
    if mine:
        groups = groups.filter(viewer_is_member=True)
    if query:
        groups = groups.filter(Q(name__icontains=query) | Q(purpose__icontains=query))
    if category:
        groups = groups.filter(category=category)
    return groups.annotate(member_count=_active_member_count()).order_by("name", "pk")


def current_rules(*, group: Group) -> list[dict]:
    """The group's current rules as the viewer reads them (default rules in their language)."""
    version = GroundRuleVersion.objects.filter(group=group, number=group.rules_version).first()
    return rules_localized(version.rules) if version else []


def rules_since(*, group: Group, accepted_version: int) -> dict:
    """The current rules, each marked new or not against the version the member accepted."""
    versions = {v.number: v.rules for v in GroundRuleVersion.objects.filter(
        group=group, number__in=[accepted_version, group.rules_version])}
    changes = rules_changes(versions.get(accepted_version, []),
                            versions.get(group.rules_version, []))
    return {"rules": rules_localized(changes["rules"]),
            "removed": rules_localized(changes["removed"])}


def latest_removal(*, group: Group, user: User) -> Removal | None:
    return Removal.objects.filter(group=group, user=user).order_by("-created_at").first()


def avoided_among(*, user: User, candidate_ids: Iterable[int]) -> set[int]:
    """The ids among `candidate_ids` that are on the user's own private list (a queryset of
    ids is fine and stays one query)."""
    if not user.is_authenticated:
        return set()
    return set(AvoidEntry.objects.filter(owner=user, person_id__in=candidate_ids)
               .values_list("person_id", flat=True))


def takes_part_under_pseudonym(membership: Membership, group: Group) -> bool:
    """Whether the person is known in this group only by a pseudonym."""
    return group.allow_pseudonyms and bool(membership.pseudonym)


def avoided_visible_count(*, viewer: User, group: Group,
                          memberships: Iterable[Membership] | QuerySet[Membership]) -> int:
    """How many of `memberships` belong to people on the viewer's private list, counting only
    what the viewer could already read on the members list: never the viewer, never a
    membership that is not active, never someone who takes part under a pseudonym.

    The caller must have checked that the viewer is an active member (docs/privacy.md: the
    warning tells a member nothing the members list doesn't, and tells a non-member nothing).
    A queryset stays one query (with the list itself); a list of loaded rows adds one.
    """
    if isinstance(memberships, QuerySet):
        shown = memberships.filter(status=ACTIVE).exclude(user_id=viewer.pk)
        if group.allow_pseudonyms:
            shown = shown.filter(pseudonym="")
        return len(avoided_among(user=viewer, candidate_ids=shown.values("user_id")))
    candidates = [m.user_id for m in memberships
                  if m.is_active and m.user_id != viewer.pk
                  and not takes_part_under_pseudonym(m, group)]
    return len(avoided_among(user=viewer, candidate_ids=candidates))


def avoid_list(*, owner: User) -> list[AvoidEntry]:
    return list(AvoidEntry.objects.filter(owner=owner).select_related("person"))


def avoid_suggestions(*, owner: User) -> list[User]:
    """The manager named in the profile, when not on the list yet."""
    if owner.manager_id is None or owner.manager_id == owner.pk:
        return []
    if AvoidEntry.objects.filter(owner=owner, person_id=owner.manager_id).exists():
        return []
    return list(User.objects.filter(pk=owner.manager_id, is_active=True))


def facilitators_of_groups_of(*, user: User) -> QuerySet[User]:
    """People who facilitate a group the user is an active member of.

    A facilitator who takes part under a pseudonym in that group is left out, so naming them
    elsewhere can't undo their pseudonym.
    """
    own_groups = Membership.objects.filter(user=user, status=ACTIVE).values("group_id")
    return (User.objects.filter(is_active=True).filter(
        Q(memberships__group__allow_pseudonyms=False) | Q(memberships__pseudonym=""),
        memberships__group_id__in=own_groups, memberships__status=ACTIVE,
        memberships__role=Membership.Role.FACILITATOR,
    ).exclude(pk=user.pk).distinct().order_by("display_name", "email"))


@dataclass
class GroupPage:
    """What the group page shows one viewer; fields the viewer may not see stay empty."""

    group: Group
    membership: Membership | None
    rules: list[dict]
    facilitators: list[str]
    member_count: int
    members: list[dict] = field(default_factory=list)
    rules_changes: dict | None = None
    resources: list[dict] = field(default_factory=list)
    pending_request: JoinRequest | None = None
    block: Removal | None = None
    # Members only, and only people shown by their own name (see avoided_visible_count).
    avoided_count: int = 0
    pending_request_count: int = 0
    # Facilitators' names, each with whether to show the "trained" badge.
    facilitator_entries: list[dict] = field(default_factory=list)

    @property
    def is_full(self) -> bool:
        return self.group.capacity is not None and self.member_count >= self.group.capacity


def group_page(*, group: Group, viewer: User, membership: Membership | None) -> GroupPage:
    """Everything the group page needs, in a number of queries that does not grow with members."""
    rules = current_rules(group=group)
    active = Membership.objects.filter(group=group, status=ACTIVE).select_related("user")
    if membership is not None:
        everyone = list(active.order_by("role", "joined_at"))
        trained = _trained_badges(group, [m for m in everyone
                                          if m.role == Membership.Role.FACILITATOR])
        members = [{"name": policies.name_in_group(m.user, group, m),
                    "pronouns": policies.pronouns_in_group(m.user, group, m),
                    "is_facilitator": m.role == Membership.Role.FACILITATOR,
                    "is_trained": m.pk in trained,
                    "is_you": m.user_id == viewer.pk} for m in everyone]
        page = GroupPage(group=group, membership=membership, rules=rules,
                         facilitators=[m["name"] for m in members if m["is_facilitator"]],
                         member_count=len(members), members=members,
                         facilitator_entries=[m for m in members if m["is_facilitator"]])
        if not membership.has_current_rules:
            page.rules_changes = rules_since(group=group,
                                             accepted_version=membership.accepted_rules_version)
        page.resources = resources_of(group=group)
        page.avoided_count = avoided_visible_count(viewer=viewer, group=group,
                                                   memberships=everyone)
        if policies.can_manage(membership):
            page.pending_request_count = JoinRequest.objects.filter(
                group=group, status=JoinRequest.Status.PENDING).count()
        return page
    facilitators = list(active.filter(role=Membership.Role.FACILITATOR).order_by("joined_at"))
    trained = _trained_badges(group, facilitators)
    entries = [{"name": policies.name_in_group(m.user, group, m),
                "pronouns": policies.pronouns_in_group(m.user, group, m),
                "is_trained": m.pk in trained} for m in facilitators]
    page = GroupPage(group=group, membership=None, rules=rules,
                     facilitators=[e["name"] for e in entries], member_count=active.count(),
                     facilitator_entries=entries)
    if group.visibility == Group.Visibility.REQUEST:
        page.pending_request = JoinRequest.objects.filter(
            group=group, user=viewer, status=JoinRequest.Status.PENDING).first()
    page.block = policies.rejoin_block(latest_removal(group=group, user=viewer))
    # No private-list warning before joining: it would tell a non-member who is a member.
    return page


def _trained_badges(group: Group, facilitators: list[Membership]) -> set[int]:
    """The memberships of facilitators to show as "trained" (one query, none without
    facilitators). Never next to a pseudonym: a credential seen elsewhere under a real name
    could link the two."""
    from training.selectors import trained_user_ids

    named = [m for m in facilitators if not (group.allow_pseudonyms and m.pseudonym)]
    trained = trained_user_ids(m.user_id for m in named)
    return {m.pk for m in named if m.user_id in trained}


def pending_requests(*, group: Group) -> list[dict]:
    requests = (JoinRequest.objects.filter(group=group, status=JoinRequest.Status.PENDING)
                .select_related("user", "group").order_by("created_at"))
    return [{"request": r, "name": policies.name_in_group(r.user, group, pseudonym=r.pseudonym),
             "pronouns": policies.pronouns_in_request(r)}
            for r in requests]


def members_for_facilitators(*, group: Group) -> list[dict]:
    memberships = (Membership.objects.filter(group=group, status=ACTIVE).select_related("user")
                   .order_by("role", "joined_at"))
    memberships = list(memberships)
    trained = _trained_badges(group, [m for m in memberships
                                      if m.role == Membership.Role.FACILITATOR])
    return [{"membership": m, "name": policies.name_in_group(m.user, group, m),
             "pronouns": policies.pronouns_in_group(m.user, group, m),
             "is_trained": m.pk in trained} for m in memberships]


def invitations_of(*, group: Group) -> list[Invitation]:
    return list(Invitation.objects.filter(group=group).order_by("-created_at")[:50])


def invitation_problem(invitation: Invitation) -> str:
    """Why an invitation can't be used any more ("" when it can)."""
    if invitation.revoked_at is not None:
        return _("This invitation was withdrawn. Ask the facilitator for a new one.")
    if invitation.expires_at <= timezone.now():
        return _("This invitation has expired. Ask the facilitator for a new one.")
    return ""


def invitation_from_token(*, token: str) -> Invitation:
    """The invitation a link stands for. ValidationError with code "tampered" for a link that
    was not issued here, "revoked" or "expired" for one that can't be used any more."""
    from groups.services.invitations import SALT

    try:
        pk, nonce = signing.Signer(salt=SALT).unsign_object(token)
        invitation = Invitation.objects.select_related("group").get(pk=int(pk), nonce=str(nonce))
    except (signing.BadSignature, ValueError, TypeError, Invitation.DoesNotExist) as exc:
        raise ValidationError(_("This invitation link is not valid."),
                              code="tampered") from exc
    problem = invitation_problem(invitation)
    if problem:
        code = "revoked" if invitation.revoked_at is not None else "expired"
        raise ValidationError(problem, code=code)
    return invitation


def resources_of(*, group: Group) -> list[dict]:
    return [{"resource": r, "html": render_markdown(r.body)}
            for r in GroupResource.objects.filter(group=group)]
