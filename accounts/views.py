from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.i18n import set_language

from accounts import services
from accounts.forms import ProfileForm


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_profile_update(user=request.user, **form.cleaned_data)
        # Said in the language just chosen (the next page speaks it).
        with translation.override(request.user.language or translation.get_language()):
            messages.success(request, _("Your profile was saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


def language_switch(request):
    """The footer's language switcher (/i18n/setlang/): Django's set_language (the language
    cookie, then back to `next`), and for a signed-in person the choice is saved to their
    profile too, so it follows them to every device and into their emails (a saved language
    wins over the cookie: accounts.middleware.UserLanguageMiddleware)."""
    language = request.POST.get("language", "") if request.method == "POST" else ""
    if request.user.is_authenticated and language in {code for code, _n in settings.LANGUAGES}:
        services.user_language_set(user=request.user, language=language)
    return set_language(request)
