"""Sending email: Django's send_mail, with a Message-ID in the site's own domain.

Django names messages after the machine's host name (`<...@build-7f3a.internal>`), which mail
filters distrust and which says nothing about who sent it; every email of the product (and
allauth's, through accounts.adapters) carries `<...@site domain>` instead.
"""

from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import make_msgid
from django.utils.crypto import salted_hmac

from peersupport.site import site_domain


def message_id(stable_key: str | None = None) -> str:
    """A new Message-ID, or, given a key, the same one every time for that key: an email sent
    again after a crash (the same reminder) is then one message to the recipient's mail client,
    which collapses copies with one Message-ID. The key is hashed with the SECRET_KEY, so the id
    reveals no row number and cannot be guessed from one."""
    if stable_key is None:
        return make_msgid(domain=site_domain())
    digest = salted_hmac("peersupport.mail.message_id", stable_key).hexdigest()[:32]
    return f"<{digest}@{site_domain()}>"


def send_mail(subject: str, message: str, from_email: str | None, recipient_list: list[str],
              fail_silently: bool = False, html_message: str | None = None, *,
              stable_key: str | None = None, connection=None) -> int:
    """django.core.mail.send_mail's signature and behaviour, plus the site's Message-ID (stable
    for `stable_key`, see message_id) and an optional open connection to reuse."""
    connection = connection or get_connection(fail_silently=fail_silently)
    mail = EmailMultiAlternatives(subject, message, from_email, recipient_list,
                                  connection=connection,
                                  headers={"Message-ID": message_id(stable_key)})
    if html_message:
        mail.attach_alternative(html_message, "text/html")
    return mail.send()
