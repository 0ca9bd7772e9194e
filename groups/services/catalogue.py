"""Creating and changing groups: details, ground rules and resources (facilitators only)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from groups import tasks
from groups.models import GroundRuleVersion, Group, GroupResource, Membership, RuleAcceptance
from groups.rules import rules_validate

# Paths under /groups/ that are pages, not groups.
RESERVED_SLUGS = frozenset({"new", "people-i-avoid", "invitations", "mine"})

EDITABLE_FIELDS = ("name", "purpose", "category", "visibility", "capacity", "is_sensitive",
                   "allow_pseudonyms", "time_zone", "requires_trained_facilitators")


def _check_details(fields: dict) -> None:
    name = (fields.get("name") or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the group a name.")})
    if len(name) > Group._meta.get_field("name").max_length:
        raise ValidationError({"name": _("Keep the name under 120 characters.")})
    if len(fields.get("purpose") or "") > Group._meta.get_field("purpose").max_length:
        raise ValidationError({"purpose": _("Keep the purpose under 4000 characters.")})
    if not (fields.get("purpose") or "").strip():
        raise ValidationError({"purpose": _("Say what the group is for, so people can decide.")})
    if fields.get("category") not in Group.Category.values:
        raise ValidationError({"category": _("Choose a category.")})
    if fields.get("visibility") not in Group.Visibility.values:
        raise ValidationError({"visibility": _("Choose who can find and join the group.")})
    capacity = fields.get("capacity")
    if capacity is not None and capacity < 2:
        raise ValidationError({"capacity": _("A group needs room for at least two people.")})


def _free_slug(name: str) -> str:
    base = slugify(name)[:120] or "group"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Group.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def group_create(*, creator: User, name: str, purpose: str, category: str,
                 visibility: str = Group.Visibility.OPEN, rules: list[dict], slug: str = "",
                 capacity: int | None = None, is_sensitive: bool = False,
                 allow_pseudonyms: bool = False, time_zone: str = "UTC",
                 requires_trained_facilitators: bool | None = None) -> Group:
    """A new group with version 1 of its rules; the creator is its first facilitator."""
    fields = {"name": name.strip(), "purpose": purpose.strip(), "category": category,
              "visibility": visibility, "capacity": capacity, "is_sensitive": is_sensitive,
              "allow_pseudonyms": allow_pseudonyms, "time_zone": time_zone,
              "requires_trained_facilitators": requires_trained_facilitators}
    _check_details(fields)
    cleaned_rules = rules_validate(rules)
    slug = slugify(slug)
    if slug and slug in RESERVED_SLUGS:
        raise ValidationError({"slug": _("That web address is reserved; choose another.")})
    try:
        with transaction.atomic():
            if slug and Group.objects.filter(slug=slug).exists():
                raise ValidationError({"slug": _("Another group already uses this web address.")})
            group = Group.objects.create(slug=slug or _free_slug(name), created_by=creator,
                                         rules_version=1, **fields)
            GroundRuleVersion.objects.create(group=group, number=1, rules=cleaned_rules,
                                             created_by=creator)
            Membership.objects.create(group=group, user=creator,
                                      role=Membership.Role.FACILITATOR, accepted_rules_version=1,
                                      joined_at=timezone.now())
            RuleAcceptance.objects.create(group=group, user=creator, version=1)
    except IntegrityError as exc:  # the same slug taken by a concurrent request
        raise ValidationError({"slug": _("Another group already uses this web address.")}) from exc
    return group


def group_update(*, group: Group, by: User, **fields) -> Group:
    """Changes a group's details (not its web address, which people may have bookmarked)."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        group = Group.objects.select_for_update().get(pk=group.pk)
        merged = {name: getattr(group, name) for name in EDITABLE_FIELDS} | fields
        merged["name"] = (merged["name"] or "").strip()
        merged["purpose"] = (merged["purpose"] or "").strip()
        _check_details(merged)
        if (group.allow_pseudonyms and not merged["allow_pseudonyms"]
                and (group.memberships.exclude(pseudonym="").exists()
                     or group.join_requests.exclude(pseudonym="").exists())):
            # Turning pseudonyms off would show real names: on the members list, and in the
            # chat history and recognitions of anyone who ever took part under one (someone
            # who left or was removed included). Their trust comes first (docs/privacy.md).
            raise ValidationError({"allow_pseudonyms": _(
                "People take part, or took part, here under pseudonyms, so this can't be "
                "turned off; their real names would show.")})
        for name, value in merged.items():
            setattr(group, name, value)
        group.save(update_fields=list(EDITABLE_FIELDS))
    return group


def group_rules_update(*, group: Group, by: User, rules: list[dict]) -> GroundRuleVersion | None:
    """Posts a new version of the rules (None when nothing changed).

    Members must accept the new version before they take part again; they are told by email.
    The facilitator who wrote it has accepted it.
    """
    cleaned = rules_validate(rules)
    with transaction.atomic():
        group = Group.objects.select_for_update().get(pk=group.pk)
        current = group.rule_versions.filter(number=group.rules_version).first()
        if current is not None and current.rules == cleaned:
            return None
        number = group.rules_version + 1
        version = GroundRuleVersion.objects.create(group=group, number=number, rules=cleaned,
                                                   created_by=by)
        group.rules_version = number
        group.save(update_fields=["rules_version"])
        Membership.objects.filter(group=group, user=by, status=Membership.Status.ACTIVE).update(
            accepted_rules_version=number)
        RuleAcceptance.objects.get_or_create(group=group, user=by, version=number)
        transaction.on_commit(lambda: tasks.notify_rules_changed.delay(version.pk))
    return version


def resource_add(*, group: Group, by: User, title: str, body: str = "", url: str = ""
                 ) -> GroupResource:
    title, body, url = title.strip(), body.strip(), url.strip()
    if not title:
        raise ValidationError({"title": _("Give the resource a title.")})
    if not body and not url:
        raise ValidationError(_("Add a short text, a link, or both."))
    if url and not url.lower().startswith(("https://", "http://")):
        raise ValidationError({"url": _("Links must start with https:// or http://.")})
    return GroupResource.objects.create(group=group, title=title, body=body, url=url,
                                        created_by=by)


def resource_delete(*, group: Group, by: User, resource_id: int) -> bool:
    deleted, _by_model = GroupResource.objects.filter(group=group, pk=resource_id).delete()
    return bool(deleted)
