from django import forms
from django.utils.translation import gettext_lazy as _

from chat.services.moderation import MUTE_MAX_MINUTES, REASON_MAX


class FlagActionForm(forms.Form):
    """One form per flag in the moderation queue; the pressed button names the action."""

    ACTIONS = [("hide", _("Hide message")), ("dismiss", _("Dismiss flag")),
               ("mute", _("Mute author")), ("remove", _("Remove author from the session"))]

    action = forms.ChoiceField(choices=ACTIONS)
    reason = forms.CharField(
        required=False, max_length=REASON_MAX, widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Reason (the member sees it)"),
        help_text=_("Needed to hide, mute or remove. Kind and specific: which rule, and why."))
    minutes = forms.IntegerField(min_value=1, max_value=MUTE_MAX_MINUTES, initial=10,
                                 required=False, label=_("Mute for (minutes)"))

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action in ("hide", "mute", "remove") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason; the member will see it."))
        if action == "mute" and not data.get("minutes"):
            self.add_error("minutes", _("Say for how many minutes."))
        return data
