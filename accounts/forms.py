from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import timezones
from accounts.models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "pronouns", "department", "time_zone", "manager"]
        labels = {"manager": "My manager (optional)"}
        help_texts = {
            "display_name": "How colleagues see you. Groups may let you use a pseudonym instead.",
            "department": "Only counted in aggregate figures; never shown next to your name.",
            "manager": "Private. Used only to warn you before you join a group they are in; "
            "never shown to anyone, HR included.",
        }

    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_("Every session time is shown to you in this zone. Type a city or a "
                    "region to find it."),
        widget=timezones.picker_widget(_("Find your time zone")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Canonical zones by region with today's offsets; a stored alias stays selectable.
        self.fields["time_zone"].choices = timezones.grouped_choices(
            now=timezone.now(), current=self.instance.time_zone if self.instance.pk else None)
        # The manager picker lists active colleagues, not the person themself.
        self.fields["manager"].queryset = (
            User.objects.filter(is_active=True).exclude(pk=self.instance.pk).only("email",
                                                                                   "display_name")
        )
