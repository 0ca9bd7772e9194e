"""Forms only validate input; the services apply the rules and write."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from peersupport.bounds import IdChoiceField, IdMultipleChoiceField
from recognition.lists import format_list
from support import limits
from support.attachments import text_attachment_from_upload
from support.models import Report, ReportAttachment
from support.services import HR_STATUSES


class PersonChoiceField(IdMultipleChoiceField):
    """Colleagues by email, the organisation's directory (as in recognition's picker), never by
    account id: a page must not turn an account id found elsewhere into a name."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "email")
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj) -> str:
        return pgettext("a colleague in a list", "%(name)s (%(email)s)") % {
            "name": obj.name, "email": obj.email}


class FacilitatorChoiceField(IdChoiceField):
    """Facilitators by email, never by account id (see PersonChoiceField)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "email")
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj) -> str:
        if obj.shown_pronouns:  # only when they chose to show them
            return pgettext("a name with pronouns", "%(name)s (%(pronouns)s)") % {
                "name": obj.name, "pronouns": obj.shown_pronouns}
        return obj.name


class ConversationStartForm(forms.Form):
    facilitator = FacilitatorChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("Who would you like to talk to?"),
    )
    body = forms.CharField(
        label=_("Your message"),
        max_length=limits.MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say as much or as little as you like. Only this facilitator will read it."),
    )

    def __init__(self, *args, facilitators, **kwargs):
        super().__init__(*args, **kwargs)
        from accounts.models import User

        self.fields["facilitator"].queryset = User.objects.filter(
            pk__in=[p.pk for p in facilitators]
        ).order_by("display_name", "email")


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=limits.MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReportDraftForm(forms.Form):
    """A draft may be incomplete: only sizes are checked here; completeness at submission."""

    what_happened = forms.CharField(
        label=_("What happened?"),
        required=False,
        max_length=limits.WHAT_HAPPENED_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("In your own words. Facts you remember: what was said or done, where."),
    )
    happened_when = forms.CharField(
        label=_("When did it happen?"),
        required=False,
        max_length=limits.HAPPENED_WHEN_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_('A date, a period, or how often ("every team meeting since March").'),
    )
    people_named = PersonChoiceField(
        label=_("Who was involved? Pick colleagues"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They are never told that you reported, and never notified by PeerSupport."),
    )
    people_described = forms.CharField(
        label=_("Or describe who, in words"),
        required=False,
        max_length=limits.PEOPLE_DESCRIBED_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For people outside the organisation, or whose name you do not know."),
    )
    witnesses = forms.CharField(
        label=_("Witnesses (optional)"),
        required=False,
        max_length=limits.WITNESSES_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Anyone who saw or heard it. They are not contacted by PeerSupport."),
    )
    attachment = forms.FileField(
        label=_("Attach a file (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(
            limits.ATTACHMENT_EXTENSIONS + limits.FILE_ATTACHMENT_EXTENSIONS)}),
    )
    remove_attachments = IdMultipleChoiceField(
        label=_("Remove attachments"),
        required=False,
        queryset=ReportAttachment.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, colleagues, report: Report | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people_named"].queryset = colleagues
        # Made here, not at import: in the language of the person reading the form.
        self.fields["attachment"].help_text = gettext(
            "Screenshots (PNG, JPEG) and PDF documents up to %(file_mb)s MB, text files "
            "(%(text)s) up to %(text_kb)s KB; %(count)s per report. Photos are saved without "
            "their hidden details (camera, place, date). Only you and HR can download them."
        ) % {"file_mb": limits.FILE_ATTACHMENT_MAX_BYTES // (1024 * 1024),
             "text": format_list(list(limits.ATTACHMENT_EXTENSIONS)),
             "text_kb": limits.ATTACHMENT_MAX_BYTES // 1024,
             "count": limits.ATTACHMENTS_PER_REPORT}
        if report is not None:
            self.fields["remove_attachments"].queryset = report.attachments.all()
        else:
            del self.fields["remove_attachments"]

    def clean_people_named(self):
        people = self.cleaned_data["people_named"]
        if len(people) > limits.NAMED_PEOPLE_MAX:
            raise ValidationError(
                gettext("Name at most %(count)s people; describe the others in words.")
                % {"count": limits.NAMED_PEOPLE_MAX}
            )
        return people

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        return text_attachment_from_upload(upload)


class ReportUpdateForm(forms.Form):
    new_status = forms.ChoiceField(
        label=_("Set the status"), choices=[(s.value, s.label) for s in HR_STATUSES]
    )
    body = forms.CharField(
        label=_("Reply to the person who reported (optional)"),
        required=False,
        max_length=limits.REPORT_UPDATE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("They see your reply and your name with the report's status."),
    )


class ReportInformationForm(forms.Form):
    body = forms.CharField(
        label=_("Add information or answer HR"),
        max_length=limits.REPORT_UPDATE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AvoidNamedForm(forms.Form):
    people = PersonChoiceField(
        label=_("People you named"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        from accounts.models import User

        self.fields["people"].queryset = User.objects.filter(pk__in=[p.pk for p in candidates])
