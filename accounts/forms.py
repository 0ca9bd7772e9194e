from django import forms

from accounts.models import User
from peersupport.bounds import IdChoiceField


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "pronouns", "department", "time_zone", "manager"]
        labels = {"manager": "My manager (optional)"}
        # Ids beyond 64 bits are invalid choices, not database overflows.
        field_classes = {"department": IdChoiceField, "manager": IdChoiceField}
        help_texts = {
            "display_name": "How colleagues see you. Groups may let you use a pseudonym instead.",
            "department": "Only counted in aggregate figures; never shown next to your name.",
            "time_zone": "Every session time is shown to you in this zone.",
            "manager": "Private. Used only to warn you before you join a group they are in; "
            "never shown to anyone, HR included.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The manager picker lists active colleagues, not the person themself.
        self.fields["manager"].queryset = (
            User.objects.filter(is_active=True).exclude(pk=self.instance.pk).only("email",
                                                                                   "display_name")
        )
