from allauth.account import forms as allauth_forms
from allauth.account.adapter import get_adapter
from allauth.account.app_settings import EmailVerificationMethod
from allauth.account.utils import complete_signup, filter_users_by_email
from allauth.core import ratelimit
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import timezones
from accounts.models import User
from peersupport.bounds import IdChoiceField


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "pronouns", "show_pronouns", "department", "time_zone",
                  "language", "manager"]
        labels = {
            "display_name": _("Display name"),
            "pronouns": _("Pronouns"),
            "show_pronouns": _("Show my pronouns next to my name"),
            "department": _("Department"),
            "manager": _("My manager (optional)"),
        }
        # Ids beyond 64 bits are invalid choices, not database overflows.
        field_classes = {"department": IdChoiceField, "manager": IdChoiceField}
        help_texts = {
            "display_name": _("How colleagues see you. Groups may let you use a pseudonym "
                              "instead."),
            "pronouns": _("For example she/her, he/him, they/them, xe/xem."),
            "show_pronouns": _("Shown next to your name in groups, chat and recognitions. "
                               "Never next to a pseudonym: give a pseudonym its own pronouns "
                               "on the group's page."),
            "department": _("Only counted in aggregate figures; never shown next to your name."),
            "manager": _("Private. Used only to warn you before you join a group they are in; "
                         "never shown to anyone, HR included."),
        }

    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_("Every session time is shown to you in this zone. Type a city or a "
                    "region to find it."),
        widget=timezones.picker_widget(_("Find your time zone")),
    )

    # Each language named in its own language; blank: whatever the browser asks for.
    language = forms.ChoiceField(
        label=_("Language for pages and emails"),
        choices=[("", _("Same as my browser")), *settings.LANGUAGES],
        required=False,
        help_text=_("PeerSupport speaks to you in this language on every device, and sends "
                    "your emails in it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].empty_label = _("Not set")
        self.fields["manager"].empty_label = _("Not set")
        # Canonical zones by region with today's offsets; a stored alias stays selectable.
        self.fields["time_zone"].choices = timezones.grouped_choices(
            now=timezone.now(), current=self.instance.time_zone if self.instance.pk else None)
        # The manager picker lists active colleagues, not the person themself, by email (the
        # organisation's directory), never by account id: the page must not be a table that
        # turns an account id seen elsewhere into a name.
        self.fields["manager"].queryset = (
            User.objects.filter(is_active=True).exclude(pk=self.instance.pk).only("email",
                                                                                   "display_name")
        )
        self.fields["manager"].to_field_name = "email"
        if self.instance.manager_id is not None:
            # The saved manager, as the option it is (its email), so it shows as chosen.
            self.initial["manager"] = self.instance.manager


class SignupForm(allauth_forms.SignupForm):
    """Sign-up that never tells whether an address already has an account.

    Whether the address is new or taken, the visitor ends on the same "check your inbox" page
    with the same message, and nobody is logged in: a new account gets its confirmation link
    (confirming in this browser logs the newcomer in), a taken address gets allauth's
    "you already have an account" email, to its owner only. allauth does this by itself only
    with mandatory verification; here it holds with "optional" too (which then means: an
    unconfirmed address may still log in, not that sign-up logs in at once).
    """

    def validate_unique_email(self, value: str) -> str:
        email = get_adapter().validate_unique_email(value)
        self.account_already_exists = bool(filter_users_by_email(email))
        return email

    def try_save(self, request):
        if not self.account_already_exists:
            user = self.save(request)
            return user, complete_signup(request, user, EmailVerificationMethod.MANDATORY, None)
        email = self.cleaned_data["email"]
        # The same work as a real sign-up (hashing the password), so timing tells nothing.
        make_password(self.cleaned_data.get("password1"))
        if ratelimit.consume(request, action="confirm_email", key=email.lower()):
            get_adapter().send_account_already_exists_mail(email)
        adapter = get_adapter()
        adapter.add_message(request, messages.INFO,
                            "account/messages/email_confirmation_sent.txt",
                            {"email": email, "login": False, "signup": True})
        request.session.cycle_key()
        return None, adapter.respond_email_verification_sent(request, None)
