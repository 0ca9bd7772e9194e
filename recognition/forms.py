"""Forms shape input; the rules (limits, membership, oneself...) are checked by the services."""

import re

from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from groups.models import Group, Membership
from peersupport.bounds import IdMultipleChoiceField
from recognition.lists import format_list
from recognition.models import (
    MESSAGE_MAX_LENGTH,
    REPLY_MAX_LENGTH,
    Recognition,
    RecognitionPreference,
    Report,
    Value,
)

EMAIL_SPLIT = re.compile(r"[\s,;]+")


class _ValuesAndMessage(forms.Form):
    values = IdMultipleChoiceField(
        queryset=Value.objects.none(), widget=forms.CheckboxSelectMultiple,
        label=_("Values they showed"),
        error_messages={"required": _("Choose at least one value."),
                        "invalid_choice": _("Choose from the listed values."),
                        "invalid_pk_value": _("Choose from the listed values.")},
    )
    # Length and emptiness are checked by the service, with the message it gives everywhere.
    message = forms.CharField(
        required=False, strip=True, label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MESSAGE_MAX_LENGTH}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["values"].queryset = Value.objects.filter(is_active=True)
        self.fields["values"].label_from_instance = lambda value: value.label
        self.fields["message"].help_text = gettext(
            "What did they do, and why did it matter? Up to %(max)s characters."
        ) % {"max": MESSAGE_MAX_LENGTH}


class GiveForm(_ValuesAndMessage):
    """Organisation-wide recognition; recipients by email (the autocomplete fills them in)."""

    recipients = forms.CharField(
        label=_("Colleagues to recognise"), required=False,
        help_text=_("Type a name or email address and pick from the list. You can also type "
                    "email addresses separated by commas."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    visibility = forms.ChoiceField(
        label=_("Who may see it"), widget=forms.RadioSelect,
        choices=[(Recognition.Visibility.PUBLIC, Recognition.Visibility.PUBLIC.label),
                 (Recognition.Visibility.PRIVATE, Recognition.Visibility.PRIVATE.label)],
        initial=Recognition.Visibility.PUBLIC,
        error_messages={"required": _("Choose who may see this recognition."),
                        "invalid_choice": _("Choose everyone or only the people recognised. "
                                            "To recognise someone within a group, start from "
                                            "that group.")},
    )
    field_order = ["recipients", "values", "message", "visibility"]

    def clean_recipients(self) -> list[User]:
        raw = self.cleaned_data["recipients"]
        emails = list(dict.fromkeys(e.lower() for e in EMAIL_SPLIT.split(raw) if e))
        if not emails:
            raise forms.ValidationError(gettext("Choose at least one colleague to recognise."))
        if len(emails) > 20:
            raise forms.ValidationError(
                gettext("Recognise at most %(count)s colleagues at once.") % {"count": 20})
        found = {user.email.lower(): user for user in User.objects.filter(email__in=emails)}
        unknown = [email for email in emails if email not in found]
        if unknown:
            raise forms.ValidationError(
                ngettext("We couldn't find a colleague with the email address %(emails)s.",
                         "We couldn't find colleagues with the email addresses %(emails)s.",
                         len(unknown)),
                params={"emails": format_list(unknown)})
        inactive = [email for email in emails if not found[email].is_active]
        if inactive:
            raise forms.ValidationError(
                ngettext("%(emails)s no longer has an active account here.",
                         "%(emails)s no longer have an active account here.", len(inactive)),
                params={"emails": format_list(inactive)})
        return [found[email] for email in emails]


class GroupGiveForm(_ValuesAndMessage):
    """Recognition within a group: members listed by their in-group name (pseudonyms hold)."""

    members = forms.MultipleChoiceField(
        label=_("Members to recognise"), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one member to recognise."),
                        "invalid_choice": _("Choose from the group's current members.")},
    )
    visibility = forms.ChoiceField(
        label=_("Who may see it"), widget=forms.RadioSelect,
        choices=[(Recognition.Visibility.GROUP, Recognition.Visibility.GROUP.label),
                 (Recognition.Visibility.PRIVATE, Recognition.Visibility.PRIVATE.label)],
        initial=Recognition.Visibility.GROUP,
        error_messages={"required": _("Choose who may see this recognition."),
                        "invalid_choice": _("Within a group, choose the group's members or only "
                                            "the people recognised.")},
    )
    field_order = ["members", "values", "message", "visibility"]

    def __init__(self, *args, group: Group, member_choices: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        self.fields["members"].choices = [(str(pk), name) for pk, name in member_choices]

    def clean_members(self) -> list[User]:
        ids = [int(pk) for pk in self.cleaned_data["members"]]
        memberships = Membership.objects.filter(
            pk__in=ids, group=self.group, status=Membership.Status.ACTIVE).select_related("user")
        return [membership.user for membership in memberships]


class ReplyForm(forms.Form):
    body = forms.CharField(
        required=False, strip=True, label=_("Reply"),
        widget=forms.TextInput(attrs={"maxlength": REPLY_MAX_LENGTH}),
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(choices=Report.Reason.choices, widget=forms.RadioSelect,
                               label=_("What is wrong with it?"),
                               error_messages={"required": _("Choose what is wrong with it.")})
    details = forms.CharField(
        required=False, label=_("Anything a moderator should know (optional)"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("Only the moderators see your report. The giver is not told who reported "
                    "it."),
    )


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = RecognitionPreference
        fields = ["never_public", "emails"]
        widgets = {"emails": forms.RadioSelect}
