"""Forms check the shape of input; the services decide what is allowed."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import timezones
from groups.models import Group, GroupResource, Removal
from groups.rules import MAX_RULE_LENGTH, MAX_RULES, RULE_KEY_LABELS, default_rules_offered
from peersupport.bounds import INT32_MAX

# A group is people who know each other's voices; the cap only has to be above any real one.
MAX_GROUP_CAPACITY = 10_000


class TrainingRequirementSelect(forms.NullBooleanSelect):
    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", _("Default: required when the topic is sensitive")),
                        ("true", _("Required")), ("false", _("Not required"))]


class GroupForm(forms.ModelForm):
    # Declared here, not derived from the model: the model's range (and min_value set after
    # the field is built) is not checked by a form that skips model validation.
    capacity = forms.IntegerField(label=_("Capacity"), required=False, min_value=2,
                                  max_value=MAX_GROUP_CAPACITY,
                                  help_text=_("Leave empty for no limit."))
    time_zone = forms.ChoiceField(label=_("Time zone"), initial="UTC",
                                  help_text=_("Sessions are planned in this zone."),
                                  widget=timezones.picker_widget(
                                      _("Find the group's time zone")))
    requires_trained_facilitators = forms.NullBooleanField(
        label=_("Trained facilitators"), required=False, widget=TrainingRequirementSelect,
        help_text=_("When required, only people who completed the facilitator path of the "
                    "listening training can be promoted to co-facilitator or facilitate a "
                    "session here."))

    class Meta:
        model = Group
        fields = ["name", "slug", "purpose", "category", "visibility", "capacity",
                  "allow_pseudonyms", "is_sensitive", "time_zone",
                  "requires_trained_facilitators"]
        labels = {"name": _("Name"), "slug": _("Web address"), "purpose": _("Purpose"),
                  "category": _("Category"), "visibility": _("Visibility"),
                  "allow_pseudonyms": _("Members may take part under a pseudonym"),
                  "is_sensitive": _("Sensitive topic")}
        help_texts = {
            "slug": _("Letters, numbers and hyphens. Leave empty to make one from the name."),
            "purpose": _("Who it is for and what happens in it. Plain text."),
            "capacity": _("Leave empty for no limit."),
            "allow_pseudonyms": _("Other members and facilitators then see only that name."),
            "is_sensitive": _("Calendar entries stay discreet; dashboards show category totals "
                              "only."),
        }
        widgets = {"purpose": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # The profile's picker: canonical zones by region, today's offsets; a stored alias stays.
        self.fields["time_zone"].choices = timezones.grouped_choices(
            now=timezone.now(), current=self.instance.time_zone if self.instance.pk else None)
        self.fields["slug"].required = False
        if editing:
            del self.fields["slug"]

    def validate_unique(self) -> None:
        """The service reports a taken web address (with the same message, race-safe)."""

    def _post_clean(self) -> None:
        # Don't build a model instance here: the service writes, from cleaned_data.
        pass


class RuleForm(forms.Form):
    key = forms.ChoiceField(label=_("Kind of rule"), choices=list(RULE_KEY_LABELS.items()),
                            initial="custom")
    text = forms.CharField(label=_("Rule"), required=False, max_length=MAX_RULE_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 3}))


RuleFormSet = forms.formset_factory(RuleForm, extra=2, can_order=True, can_delete=True,
                                    max_num=MAX_RULES, validate_max=True, absolute_max=MAX_RULES)


def rules_formset(data=None, *, rules: list[dict] | None = None) -> forms.BaseFormSet:
    initial = rules if rules is not None else default_rules_offered()
    return RuleFormSet(data, prefix="rules", initial=[dict(r) for r in initial])


def rules_from_formset(formset) -> list[dict]:
    """The rules in the order the facilitator gave, without deleted or empty rows."""
    return [{"key": form.cleaned_data["key"], "text": form.cleaned_data["text"]}
            for form in formset.ordered_forms
            if form.cleaned_data.get("text") and not form.cleaned_data.get("DELETE")]


class AcceptRulesForm(forms.Form):
    rules_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=INT32_MAX)
    accept = forms.BooleanField(label=_("I have read these ground rules and I accept them"),
                                error_messages={"required": _("Please accept the ground rules.")})


class JoinForm(AcceptRulesForm):
    pseudonym = forms.CharField(
        label=_("Name to use in this group (optional)"), required=False, max_length=60,
        help_text=_("Other members and facilitators will see only this name. Leave empty to "
                    "use your own name."))

    def __init__(self, *args, group: Group, **kwargs):
        super().__init__(*args, **kwargs)
        if not group.allow_pseudonyms:
            del self.fields["pseudonym"]


class RequestForm(JoinForm):
    message = forms.CharField(label=_("A note for the facilitators (optional)"), required=False,
                              max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class PseudonymForm(forms.Form):
    pseudonym = forms.CharField(label=_("Name to use in this group"), required=False,
                                max_length=60, help_text=_("Leave empty to use your own name."))
    pseudonym_pronouns = forms.CharField(
        label=_("Pronouns for this name (optional)"), required=False, max_length=40,
        help_text=_("Shown next to your pseudonym only. Your profile's pronouns are never shown "
                    "here, so nobody can tell who is behind the name."))


class DeclineForm(forms.Form):
    note = forms.CharField(label=_("Note to the person (optional)"), required=False,
                           max_length=500,
                           widget=forms.Textarea(attrs={"rows": 2}))


class RemoveForm(forms.Form):
    CONSEQUENCES = [("none", _("They may rejoin at once")),
                    ("block", _("They may rejoin after a number of days")),
                    ("ban", _("They may never rejoin"))]

    reason = forms.CharField(label=_("Reason (the member receives it)"),
                             max_length=Removal._meta.get_field("reason").max_length,
                             widget=forms.Textarea(attrs={"rows": 3}))
    consequence = forms.ChoiceField(choices=CONSEQUENCES, widget=forms.RadioSelect,
                                    initial="block", label=_("Rejoining"))
    block_days = forms.IntegerField(label=_("Days before they may rejoin"), required=False,
                                    min_value=1, max_value=365, initial=30)

    def clean(self):
        data = super().clean()
        if data.get("consequence") == "block" and not data.get("block_days"):
            self.add_error("block_days", _("Say for how many days."))
        return data


class InvitationForm(forms.Form):
    days_valid = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=30,
                                    initial=7)
    note = forms.CharField(label=_("Note for facilitators (optional)"), required=False,
                           max_length=120, help_text=_("E.g. who you send it to."))


class ResourceForm(forms.ModelForm):
    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https",
                         help_text=_("Optional, e.g. "
                                     "https://intranet.example.com/listening-guide"))

    class Meta:
        model = GroupResource
        fields = ["title", "body", "url"]
        labels = {"title": _("Title"), "body": _("Text (Markdown)")}
        help_texts = {"body": _("Short text; **bold**, lists and links work. No HTML.")}
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}

    def _post_clean(self) -> None:
        pass


class AvoidAddForm(forms.Form):
    email = forms.EmailField(label=_("Their work email address"))
