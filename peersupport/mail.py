"""Sending email: Django's send_mail, with a Message-ID in the site's own domain.

Django names messages after the machine's host name (`<...@build-7f3a.internal>`), which mail
filters distrust and which says nothing about who sent it; every email of the product (and
allauth's, through accounts.adapters) carries `<...@site domain>` instead.
"""

from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import make_msgid

from peersupport.site import site_domain


def message_id() -> str:
    return make_msgid(domain=site_domain())


def send_mail(subject: str, message: str, from_email: str | None, recipient_list: list[str],
              fail_silently: bool = False, html_message: str | None = None) -> int:
    """django.core.mail.send_mail's signature and behaviour, plus the site's Message-ID."""
    connection = get_connection(fail_silently=fail_silently)
    mail = EmailMultiAlternatives(subject, message, from_email, recipient_list,
                                  connection=connection, headers={"Message-ID": message_id()})
    if html_message:
        mail.attach_alternative(html_message, "text/html")
    return mail.send()
