"""Forms: input shape only. Rules that need the database live in the services."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groups.models import Group, Membership
from groups.policies import name_in_group
from groups.rules import custom_rule
from peersupport.bounds import (
    BoundedDateField,
    BoundedDateTimeField,
    IdMultipleChoiceField,
    clamped_localtime,
)
from sessions import recurrence as rec
from sessions.models import RSVP, MoodEntry, Session
from sessions.services import Scope, SessionDetails

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
MAX_EXTRA_RULES = 10


class _LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format=DATETIME_FORMAT)


class _FacilitatorChoice(IdMultipleChoiceField):
    """The group's facilitators, by membership id and in-group name: a co-facilitator who
    takes part under a pseudonym is not unmasked by the form (value or label)."""

    def label_from_instance(self, obj: Membership) -> str:
        return name_in_group(obj.user, obj.group, obj)


class SessionForm(forms.Form):
    """Create or edit. Times are read in the viewer's active zone (named in each label)."""

    title = forms.CharField(label=_("Title"), max_length=140)
    kind = forms.ChoiceField(choices=Session.Kind.choices, label=_("Kind of session"))
    description = forms.CharField(
        label=_("Description or agenda"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    starts_at = BoundedDateTimeField(label=_("Starts"), input_formats=[DATETIME_FORMAT],
                                     widget=_LocalDateTimeInput())
    ends_at = BoundedDateTimeField(label=_("Ends"), input_formats=[DATETIME_FORMAT],
                                   widget=_LocalDateTimeInput())
    format = forms.ChoiceField(label=_("Format"), choices=Session.Format.choices,
                               widget=forms.RadioSelect)
    location = forms.CharField(
        label=_("Location"), max_length=200, required=False,
        help_text=_("For in-person sessions: building and room."),
    )
    capacity = forms.IntegerField(
        label=_("Capacity"), min_value=1, max_value=500, required=False,
        help_text=_("Leave empty for no limit. When full, people can join a waitlist."),
    )
    facilitators = _FacilitatorChoice(label=_("Facilitators"), queryset=Membership.objects.none(),
                                      widget=forms.CheckboxSelectMultiple)
    extra_rules = forms.CharField(
        label=_("Session-specific ground rules (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One rule per line. They are shown with the group's ground rules, and "
                  "members accept both before they join."),
    )

    def __init__(self, *args, group: Group, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        zone = timezone.get_current_timezone_name()
        zone_name = zone.replace("_", " ")
        self.fields["starts_at"].label = _("Starts (%(zone)s time)") % {"zone": zone_name}
        self.fields["ends_at"].label = _("Ends (%(zone)s time)") % {"zone": zone_name}
        self.fields["starts_at"].help_text = _(
            "In your own time zone, %(zone)s. Everyone sees it in theirs.") % {"zone": zone}
        self.fields["facilitators"].queryset = Membership.objects.filter(
            group=group, status=Membership.Status.ACTIVE, role=Membership.Role.FACILITATOR,
        ).select_related("user", "group").order_by("joined_at", "pk")

    def clean_extra_rules(self) -> list[dict]:
        lines = [line.strip() for line in self.cleaned_data["extra_rules"].splitlines()]
        rules = [custom_rule(line) for line in lines if line]
        if len(rules) > MAX_EXTRA_RULES:
            raise forms.ValidationError(_("Up to %(max)d session rules, please.")
                                        % {"max": MAX_EXTRA_RULES})
        if any(len(rule["text"]) > 300 for rule in rules):
            raise forms.ValidationError(_("Keep each rule under 300 characters."))
        return rules

    def details(self) -> SessionDetails:
        data = self.cleaned_data
        return SessionDetails(
            title=data["title"], kind=data["kind"], description=data["description"],
            starts_at=data["starts_at"], ends_at=data["ends_at"], format=data["format"],
            location=data["location"], capacity=data["capacity"],
            extra_rules=data["extra_rules"],
            facilitators=[membership.user for membership in data["facilitators"]],
        )

    @staticmethod
    def initial_for(session: Session) -> dict:
        return {
            "title": session.title, "kind": session.kind, "description": session.description,
            "starts_at": clamped_localtime(session.starts_at),
            "ends_at": clamped_localtime(session.ends_at),
            "format": session.format, "location": session.location,
            "capacity": session.capacity,
            "facilitators": list(Membership.objects.filter(
                group=session.group_id, user__in=session.facilitators.all())),
            "extra_rules": "\n".join(rule["text"] for rule in session.extra_rules or []),
        }


class ScheduleForm(SessionForm):
    """Creating: the session fields plus an optional repeat."""

    repeat = forms.ChoiceField(choices=rec.Frequency.CHOICES, required=False,
                               label=_("Repeats"))
    repeat_until = BoundedDateField(
        label=_("Repeat until (date)"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    repeat_count = forms.IntegerField(
        label=_("…or number of sessions"), required=False, min_value=2,
        max_value=rec.MAX_OCCURRENCES,
        help_text=_("Give an end date or a number of sessions. Repeats keep the same clock time "
                  "in the group's time zone, also when the clocks change."),
    )

    def __init__(self, *args, group: Group, **kwargs):
        super().__init__(*args, group=group, **kwargs)
        self.fields["repeat_count"].help_text = _(
            "Give an end date or a number of sessions. Repeats keep the same clock time in the "
            "group's time zone (%(zone)s), also when the clocks change.") % {
                "zone": group.time_zone}

    def recurrence(self) -> rec.Recurrence | None:
        data = self.cleaned_data
        if not data.get("repeat"):
            return None
        return rec.Recurrence(frequency=data["repeat"], until=data.get("repeat_until"),
                              count=data.get("repeat_count"))

    def clean(self):
        data = super().clean()
        if not data.get("repeat") and (data.get("repeat_until") or data.get("repeat_count")):
            self.add_error("repeat", _("Choose how often it repeats, or clear the end date "
                                       "and number."))
        return data


class EditForm(SessionForm):
    scope = forms.ChoiceField(choices=Scope.CHOICES, initial=Scope.THIS,
                              widget=forms.RadioSelect, label=_("Apply the changes to"))

    def __init__(self, *args, group: Group, in_series: bool, **kwargs):
        super().__init__(*args, group=group, **kwargs)
        if not in_series:
            del self.fields["scope"]


class CancelForm(forms.Form):
    scope = forms.ChoiceField(choices=Scope.CHOICES, initial=Scope.THIS,
                              widget=forms.RadioSelect, label=_("Cancel"))
    note = forms.CharField(
        label=_("A note for those going (optional)"), required=False, max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, in_series: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not in_series:
            del self.fields["scope"]


class RSVPForm(forms.Form):
    status = forms.ChoiceField(choices=RSVP.Status.choices)


SCORE_CHOICES = [(5, _("5 · very good")), (4, "4"), (3, "3"), (2, "2"), (1, _("1 · very low"))]


class MoodForm(forms.Form):
    score = forms.TypedChoiceField(choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect,
                                   label=_("How are you feeling? (only you ever see this)"))
    moment = forms.ChoiceField(choices=MoodEntry.Moment.choices, widget=forms.HiddenInput)


SAFETY_CHOICES = [(5, _("5 · completely")), (4, "4"), (3, "3"), (2, "2"),
                  (1, _("1 · not at all"))]


class CheckoutForm(forms.Form):
    score = forms.TypedChoiceField(
        choices=SAFETY_CHOICES, coerce=int, widget=forms.RadioSelect,
        label=_("Did this session feel safe and respectful?"),
    )
    comment = forms.CharField(
        required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Anything the facilitators should know? (optional)"),
        help_text=_("Anonymous: your answer is stored without your name, and facilitators see it "
                  "only among at least three answers. Avoid details that would identify you."),
    )


class DiscreetForm(forms.Form):
    discreet = forms.BooleanField(
        required=False, label=_("Discreet entries for all my sessions"),
        help_text=_("Calendar entries and reminder emails say only \"PeerSupport session\" and a "
                  "link. Sessions of sensitive groups are always discreet."),
    )
