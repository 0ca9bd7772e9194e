from allauth.socialaccount.adapter import get_adapter
from django import template

register = template.Library()


@register.inclusion_tag("sso/sign_in_buttons.html", takes_context=True)
def sso_sign_in_buttons(context):
    """"Sign in with <company>" for every configured identity provider (none: nothing shown)."""
    request = context["request"]
    buttons = [{"name": provider.name, "url": provider.get_login_url(request, process="login")}
               for provider in get_adapter().list_providers(request)]
    return {"buttons": buttons, "redirect_field": context.get("redirect_field"),
            "request": request}
