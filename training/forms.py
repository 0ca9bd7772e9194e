from django import forms
from django.utils.translation import gettext_lazy as _

from training.services import REPLY_MAX


class PracticeReplyForm(forms.Form):
    text = forms.CharField(label=_("Your reply"), max_length=REPLY_MAX,
                           widget=forms.Textarea(attrs={"rows": 4}))


class SignOffForm(forms.Form):
    note = forms.CharField(label=_("A note for them (optional)"), max_length=300,
                           required=False)

    def __init__(self, *args, people: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"] = forms.TypedMultipleChoiceField(
            label=_("Who listened in a round you observed"), choices=people, coerce=int,
            widget=forms.CheckboxSelectMultiple)
