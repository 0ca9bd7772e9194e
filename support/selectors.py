"""Reads for the support pages. Every selector takes the viewer where privacy depends on it."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from support.countries import country_for_time_zone, country_name
from support.models import (
    FacilitatorMessage,
    FacilitatorRequest,
    Report,
    ReportAccessLog,
    ReportAttachment,
    ReportUpdate,
    Resource,
)

# The order the support page shows the kinds in: urgent help first.
KIND_ORDER = [
    Resource.Kind.CRISIS_LINE,
    Resource.Kind.EAP,
    Resource.Kind.HR_CONTACT,
    Resource.Kind.POLICY,
    Resource.Kind.OTHER,
]
SECTION_HEADINGS = {
    Resource.Kind.CRISIS_LINE: _("Crisis lines: someone to talk to today"),
    Resource.Kind.EAP: _("Employee assistance programme"),
    Resource.Kind.HR_CONTACT: _("HR contacts"),
    Resource.Kind.POLICY: _("Policies"),
    Resource.Kind.OTHER: _("Other resources"),
}


def support_resources() -> list[Resource]:
    """Every active resource, crisis lines first (chat sends these privately on distress)."""
    resources = list(Resource.objects.filter(is_active=True))
    return sorted(resources, key=lambda r: (KIND_ORDER.index(r.kind), r.country, r.order, r.title))


@dataclass
class CountryLines:
    code: str
    name: str
    is_viewers: bool
    resources: list[Resource] = field(default_factory=list)


@dataclass
class ResourceSection:
    kind: str
    label: str
    resources: list[Resource] = field(default_factory=list)
    countries: list[CountryLines] = field(default_factory=list)


def resource_sections(*, viewer) -> list[ResourceSection]:
    """Resources grouped by kind; crisis lines by country, the viewer's likely country first.

    The country is guessed from the viewer's time zone only (nothing else is looked at);
    lines that apply anywhere come right after it.
    """
    viewer_country = country_for_time_zone(getattr(viewer, "time_zone", ""))
    sections = {
        kind: ResourceSection(kind=kind, label=SECTION_HEADINGS[kind]) for kind in KIND_ORDER
    }
    countries: dict[str, CountryLines] = {}
    for resource in support_resources():
        section = sections[resource.kind]
        if resource.kind != Resource.Kind.CRISIS_LINE:
            section.resources.append(resource)
            continue
        code = resource.country
        if code not in countries:
            countries[code] = CountryLines(
                code=code,
                name=country_name(code) if code else gettext("Anywhere"),
                is_viewers=bool(code) and code == viewer_country,
            )
        countries[code].resources.append(resource)

    def country_rank(lines: CountryLines) -> tuple:
        return (not lines.is_viewers, lines.code != "", lines.name)

    sections[Resource.Kind.CRISIS_LINE].countries = sorted(countries.values(), key=country_rank)
    return [s for s in sections.values() if s.resources or s.countries]


# --- Conversations with a facilitator -----------------------------------------------------


def facilitators_available_to(*, user) -> list[User]:
    """Facilitators of the user's active groups, minus the user and anyone on their avoid list."""
    from groups.selectors import avoided_among, facilitators_of_groups_of

    people = [p for p in facilitators_of_groups_of(user=user) if p.pk != user.pk and p.is_active]
    avoided = avoided_among(user=user, candidate_ids=[p.pk for p in people]) if people else set()
    unique = {p.pk: p for p in people if p.pk not in avoided}
    return sorted(unique.values(), key=lambda p: p.name.lower())


def facilitators_knowing_me_by_pseudonym(*, user, facilitators: list[User]) -> set[str]:
    """Emails of those `facilitators` who run a group where the user takes part under a
    pseudonym: writing to them under one's own name can tell them who is behind it, so the
    page says so before the person writes (docs/privacy.md)."""
    from groups.models import Membership

    if not facilitators:
        return set()
    mine = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE,
                                     group__allow_pseudonyms=True).exclude(pseudonym="")
    return set(User.objects.filter(
        pk__in=[p.pk for p in facilitators],
        memberships__group_id__in=mine.values("group_id"),
        memberships__status=Membership.Status.ACTIVE,
        memberships__role=Membership.Role.FACILITATOR,
    ).values_list("email", flat=True))


def conversations_started_by(*, user) -> QuerySet[FacilitatorRequest]:
    return FacilitatorRequest.objects.filter(requester=user).select_related("facilitator")


def conversations_addressed_to(*, user) -> QuerySet[FacilitatorRequest]:
    """The facilitator's queue: open conversations first, most recent message first."""
    return (
        FacilitatorRequest.objects.filter(facilitator=user)
        .select_related("requester")
        .order_by("-status", "-last_message_at")
    )


def open_conversation_between(*, requester, facilitator) -> FacilitatorRequest | None:
    return FacilitatorRequest.objects.filter(
        requester=requester, facilitator=facilitator, status=FacilitatorRequest.Status.OPEN
    ).first()


def conversation_messages(*, conversation: FacilitatorRequest) -> QuerySet[FacilitatorMessage]:
    return conversation.messages.select_related("author")


# --- Reports ------------------------------------------------------------------------------


def reports_of(*, reporter) -> QuerySet[Report]:
    return Report.objects.filter(reporter=reporter).order_by("-updated_at")


@dataclass
class ReportContent:
    """Exactly what HR sees of a report; the preview and HR's page render this one object."""

    report: Report
    reporter: User
    named: list[User]
    attachments: list[ReportAttachment]


def report_content(*, report: Report) -> ReportContent:
    return ReportContent(
        report=report,
        reporter=report.reporter,
        named=sorted(report.people_named.all(), key=lambda p: (p.name.lower(), p.pk)),
        attachments=list(report.attachments.all()),
    )


def report_missing_parts(*, report: Report, named_count: int | None = None) -> dict[str, str]:
    """What a draft still needs before it can be submitted: field name -> a plain sentence."""
    if named_count is None:
        named_count = report.people_named.count()
    missing = {}
    if not report.what_happened.strip():
        missing["what_happened"] = gettext("Describe what happened.")
    if not report.happened_when.strip():
        missing["happened_when"] = gettext(
            "Say when it happened (a date, a period, or 'several times').")
    if not named_count and not report.people_described.strip():
        missing["people_named"] = gettext(
            "Name who was involved: pick colleagues, or describe them "
            "in words if you do not know their names."
        )
    return missing


def named_hr_admins(*, report: Report) -> list[User]:
    """HR admins named in the report: they will not be able to open it."""
    return [p for p in report.people_named.all() if p.is_hr and p.is_active]


def hr_reports(*, viewer) -> QuerySet[Report]:
    """Submitted reports an HR admin may open: never drafts, never those naming the viewer."""
    return (
        Report.objects.exclude(status=Report.Status.DRAFT)
        .exclude(people_named=viewer)
        .select_related("reporter")
        .annotate(hr_views=Count("access_log", filter=Q(access_log__viewer=viewer)))
        .order_by("-submitted_at")
    )


def report_timeline(*, report: Report) -> QuerySet[ReportUpdate]:
    return report.updates.select_related("author")


def report_access_log(*, report: Report) -> QuerySet[ReportAccessLog]:
    return report.access_log.select_related("viewer")


def named_not_yet_avoided(*, report: Report, user) -> list[User]:
    """People the reporter named who are not yet on their "rather not share a room" list."""
    from groups.selectors import avoided_among

    named = [p for p in report.people_named.all() if p.pk != user.pk]
    if not named:
        return []
    avoided = avoided_among(user=user, candidate_ids=[p.pk for p in named])
    return sorted((p for p in named if p.pk not in avoided), key=lambda p: p.name.lower())


def colleagues_to_name(*, reporter) -> QuerySet[User]:
    """Everyone active the reporter may name (everyone but themselves)."""
    return (
        User.objects.filter(is_active=True)
        .exclude(pk=reporter.pk)
        .order_by("display_name", "email")
    )
