"""Forms shape input; the rules (who, which groups, sizes, steps) are checked by the services."""

from django import forms
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from activities import selectors
from activities.models import MAX_PEOPLE, MAX_STEP_MINUTES, Activity
from activities.services import MAX_STEPS, PLAN_SERIES, PLAN_THIS
from groups.models import Group
from groups.rules import DEFAULT_RULES, RULE_KEY_LABELS
from peersupport.bounds import IdMultipleChoiceField


def _interpolated(text, values: dict) -> str:
    return str(text) % values


# A lazy "text % values": the choices below are made once, at import, and read in each
# request's language (a plain % on a lazy text would fix it in English there and then).
interpolated_lazy = lazy(_interpolated, str)


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search",
                                                      "placeholder": _("e.g. appreciation")}))
    format = forms.ChoiceField(
        label=_("Format"), required=False,
        choices=[("", _("Remote or in person")), (Activity.Format.REMOTE, _("Remote")),
                 (Activity.Format.IN_PERSON, _("In person"))])
    minutes = forms.TypedChoiceField(
        label=_("Minutes available"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Any length"))] + [(str(m), interpolated_lazy(_("%(n)d minutes or less"),
                                                                            {"n": m}))
                                           for m in selectors.MINUTE_CHOICES])
    size = forms.ChoiceField(
        label=_("Group size"), required=False,
        choices=[("", _("Any size"))] + [(key, interpolated_lazy(_("%(range)s people"),
                                                                   {"range": key}))
                                         for key in selectors.SIZE_RANGES])
    purpose = forms.ChoiceField(label=_("Purpose"), required=False,
                                choices=[("", _("Any purpose")), *Activity.Purpose.choices])
    favourites = forms.BooleanField(label=_("My favourites only"), required=False)
    mine = forms.BooleanField(label=_("Written by me"), required=False)

    def filters(self) -> selectors.LibraryFilters:
        data = self.cleaned_data
        return selectors.LibraryFilters(
            query=data.get("q", "").replace("\x00", "").strip(), format=data.get("format", ""),
            minutes=data.get("minutes"), size=selectors.parse_size(data.get("size") or ""),
            purpose=data.get("purpose", ""), favourites=bool(data.get("favourites")),
            mine=bool(data.get("mine")))


RULE_CHOICES = [(rule["key"], RULE_KEY_LABELS[rule["key"]]) for rule in DEFAULT_RULES]


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("Name"), max_length=100)
    category = forms.ChoiceField(label=_("Purpose"), choices=Activity.Purpose.choices)
    purpose = forms.CharField(label=_("Why run it"), max_length=600,
                              widget=forms.Textarea(attrs={"rows": 3}))
    format = forms.ChoiceField(label=_("Format"), choices=Activity.Format.choices,
                               widget=forms.RadioSelect)
    min_people = forms.IntegerField(label=_("Fewest people"), min_value=2, max_value=MAX_PEOPLE)
    max_people = forms.IntegerField(label=_("Most people"), min_value=2, max_value=MAX_PEOPLE)
    materials = forms.CharField(label=_("Materials"), required=False, max_length=600,
                                help_text=_("Leave empty when nothing is needed."),
                                widget=forms.Textarea(attrs={"rows": 2}))
    facilitator_tips = forms.CharField(label=_("Tips for the facilitator"), max_length=1500,
                                       widget=forms.Textarea(attrs={"rows": 4}))
    accessibility_notes = forms.CharField(
        label=_("Accessibility and inclusion"), max_length=1500,
        help_text=_("No physical demands, a quiet option, no forced disclosure, works across "
                    "languages and cultures: say how."),
        widget=forms.Textarea(attrs={"rows": 4}))
    ground_rules = forms.MultipleChoiceField(label=_("Ground rules it leans on"),
                                             choices=RULE_CHOICES, required=False,
                                             widget=forms.CheckboxSelectMultiple)
    groups = IdMultipleChoiceField(
        label=_("Share with"), queryset=Group.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only these groups see it, until an admin publishes it to everyone."),
        error_messages={"required": _("Share it with at least one group you facilitate.")})

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"].queryset = groups


class StepForm(forms.Form):
    title = forms.CharField(label=_("Step"), max_length=100, required=False)
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=MAX_STEP_MINUTES,
                                 required=False)
    instructions = forms.CharField(label=_("Instructions"), max_length=1500, required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))
    prompt = forms.CharField(label=_("Prompt answered in the chat (optional)"),
                             max_length=300, required=False)
    appreciation = forms.BooleanField(
        label=_("Appreciation step (answers can become recognitions)"), required=False)

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not (data.get("title") or data.get("instructions") or data.get("minutes"))


StepFormSet = forms.formset_factory(StepForm, extra=3, max_num=MAX_STEPS, absolute_max=MAX_STEPS,
                                    validate_max=True)


class PlanForm(forms.Form):
    session = forms.TypedChoiceField(label=_("Session"), coerce=int)
    scope = forms.ChoiceField(
        label=_("For"), widget=forms.RadioSelect, initial=PLAN_THIS,
        choices=[(PLAN_THIS, _("This session")),
                 (PLAN_SERIES, _("This session and the rest of its series"))])

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].choices = [
            (s.pk, f"{s.title} · {s.group.name} · "
                   f"{formats.date_format(timezone.localtime(s.starts_at), 'D j M, H:i')}")
            for s in sessions]


class RateForm(forms.Form):
    answer = forms.ChoiceField(choices=[("helpful", _("Helpful")),
                                        ("not_for_me", _("Not for me"))])
