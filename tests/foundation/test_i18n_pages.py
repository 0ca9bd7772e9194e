"""Every main page, per role (employee, facilitator, HR admin, signed out), in Spanish and in
French: no English left where a translation exists, and `<html lang>` says the language.

The pages are the ones a person reaches from the navigation, the account menu, the footer and
their home page (one step from home, as the demo organisation fills them). A page fails when its
visible text (or a label a screen reader reads: aria-label, title, alt, placeholder, a button's
value) shows the English msgid of any shipped catalogue whose translation differs.

What people wrote (names, messages, group descriptions, ...) is not ours to translate: text
inside an element with dir="auto" (how the product marks names and user text), a textarea, or
a block the apps mark as user content is left out. A page of an app that ships no catalogue yet
is checked for the site's own parts only (header, messages, footer).
"""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve

from accounts.models import User
from tests.foundation.test_i18n_catalogues import REPO, shipped_catalogues

pytestmark = pytest.mark.django_db

LANGUAGES = ("es", "fr")
ROLES = ("employee@example.com", "facilitator@example.com", "hr@example.com", None)
# Not pages to read: leaving, the admin, files, feeds, the switcher itself.
SKIPPED = ("/accounts/logout/", "/admin/", "/static/", "/media/", "/i18n/", "/jsi18n/",
           "/healthz")
# Classes the apps give to text people wrote (shown as written, in any language).
USER_CONTENT_CLASSES = {"body", "reply-body", "resource-body", "resource-title", "module-body",
                        "message-body", "user-content", "person-name", "pronouns"}
# Shown in English on purpose: the time-zone picker keeps the zones' own names.
UNTRANSLATED_FIELDS = {"time_zone"}
SPEAKABLE_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "i", "kbd", "mark", "q", "s",
          "small", "span", "strong", "sub", "sup", "time", "u", "var", "br", "wbr"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
SITE_PARTS = {"header", "footer"}  # and the messages list (role="status")


# --- The catalogues ---------------------------------------------------------------------------


def po_entries(po: Path) -> list[tuple[list[str], list[str]]]:
    """([msgid, msgid_plural?], [msgstr...]) of every entry but the header."""
    import ast

    entries, ids, strs, current = [], [], [], None
    for line in po.read_text(encoding="utf-8").splitlines() + ["msgid \"\""]:
        if line.startswith(("msgctxt ", "msgid ")) and current in ("msgstr",):
            if ids and ids[0]:
                entries.append((ids, strs))
            ids, strs, current = [], [], None
        if line.startswith("msgctxt "):
            current = "msgctxt"
        elif line.startswith("msgid "):
            ids, current = [ast.literal_eval(line[6:])], "msgid"
        elif line.startswith("msgid_plural "):
            ids.append(ast.literal_eval(line[13:]))
            current = "msgid"
        elif line.startswith("msgstr"):
            strs.append(ast.literal_eval(line.split(" ", 1)[1]))
            current = "msgstr"
        elif line.startswith('"') and current == "msgid":
            ids[-1] += ast.literal_eval(line)
        elif line.startswith('"') and current == "msgstr":
            strs[-1] += ast.literal_eval(line)
    return entries


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
TAG = re.compile(r"<[^>]+>")


def english_patterns(language: str) -> list[tuple[str, re.Pattern, bool]]:
    """(msgid, pattern, is_short) for every English text that has a different translation in
    `language`. Short ones (one or two words) only count when they are the whole of a text
    node or attribute; longer ones anywhere in the page's text."""
    patterns = {}
    for po in shipped_catalogues():
        if po.parent.parent.name != language or po.name != "django.po":
            continue
        for ids, strs in po_entries(po):
            for msgid in ids:
                plain = " ".join(TAG.sub("", msgid).split())
                if msgid in strs or not PLACEHOLDER.sub("", plain).strip(" .,:;()·-"):
                    continue  # the same in both languages, or nothing but punctuation
                words = len(re.findall(r"[A-Za-z]+", PLACEHOLDER.sub("", plain)))
                if words == 0 or (words < 2 and PLACEHOLDER.search(plain)):
                    continue  # "%(name)s (HR)": one word around a placeholder matches anything
                regex = "".join(r".{1,80}?" if PLACEHOLDER.fullmatch(part) else re.escape(part)
                                for part in re.split(r"(%\(\w+\)[sd]|%[sd])", plain) if part)
                short = words <= 2
                patterns[plain] = (msgid, re.compile(
                    rf"(?<![\w]){regex}(?![\w])" if not short else rf"{regex}"), short)
    return list(patterns.values())


# --- The pages' text ------------------------------------------------------------------------


class VisibleText(HTMLParser):
    """The text a person sees or hears, without what people wrote: `nodes` (each text node and
    speakable attribute on its own) and `flat` (inline markup removed, blocks separated), for
    the whole page or only the site's own parts."""

    def __init__(self, *, site_parts_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.site_parts_only = site_parts_only
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, excluded, site part)
        self.nodes: list[str] = []
        self.chunks: list[str] = []
        self.lang = ""

    def _state(self) -> tuple[bool, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)

    def _counted(self) -> bool:
        excluded, site_part = self._state()
        return not excluded and (site_part or not self.site_parts_only)

    def handle_starttag(self, tag, attrs):
        a = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        excluded, site_part = self._state()
        excluded = (excluded or tag in ("script", "style", "template", "textarea", "pre")
                    or a.get("dir") == "auto"
                    or (tag == "select" and a.get("name") in UNTRANSLATED_FIELDS)
                    or bool(USER_CONTENT_CLASSES & set(a.get("class", "").split())))
        site_part = site_part or tag in SITE_PARTS or (
            tag == "div" and a.get("role") == "status")
        if not excluded and (site_part or not self.site_parts_only):
            for name in SPEAKABLE_ATTRIBUTES:
                if a.get(name):
                    self.nodes.append(" ".join(a[name].split()))
            if tag == "input" and a.get("type") in ("submit", "button") and a.get("value"):
                self.nodes.append(" ".join(a["value"].split()))
        if tag not in INLINE:
            self.chunks.append("\n")
        if tag not in VOID:
            self.stack.append((tag, excluded, site_part))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        if tag not in INLINE:
            self.chunks.append("\n")

    def handle_data(self, data):
        if not self._counted():
            self.chunks.append("\n")  # user content splits the sentence around it
            return
        text = " ".join(data.split())
        if text:
            self.nodes.append(text)
        self.chunks.append(data)

    @property
    def flat(self) -> list[str]:
        return [" ".join(block.split()) for block in "".join(self.chunks).split("\n")
                if block.strip()]


def english_left(html: str, patterns, *, site_parts_only: bool) -> tuple[str, list[str]]:
    text = VisibleText(site_parts_only=site_parts_only)
    text.feed(html)
    found = []
    for msgid, pattern, short in patterns:
        if short:
            hit = next((node for node in text.nodes if pattern.fullmatch(node)), None)
        else:
            hit = next((block for block in text.flat + text.nodes if pattern.search(block)),
                       None)
        if hit is not None:
            found.append(f"{msgid!r} (in {hit[:100]!r})")
    return text.lang, found


# --- The crawl ------------------------------------------------------------------------------


def owner_has_catalogue(path: str, language: str) -> bool:
    """Whether the app that serves `path` ships a catalogue in `language` (the project's pages:
    home, profile, sign-in, allauth's pages in the site's templates, errors)."""
    try:
        module = resolve(urlsplit(path).path).func.__module__.split(".")[0]
    except Resolver404:
        return True
    if module in ("peersupport", "accounts", "allauth", "django"):
        return True
    return (REPO / module / "locale" / language / "LC_MESSAGES" / "django.po").exists()


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.links.append(href)


def main_pages(client: Client, start: list[str]) -> list[str]:
    """The start pages and every page they link to (one step): nav, menus, home, footer."""
    pages = list(start)
    for path in start:
        response = client.get(path, follow=True)
        links = Links()
        links.feed(response.content.decode())
        base = response.request["PATH_INFO"]
        for href in links.links:
            url = urlsplit(urljoin(base, href))
            if url.scheme or url.netloc or not url.path.startswith("/"):
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if url.path.startswith(SKIPPED) or target in pages or url.path.endswith(".ics"):
                continue
            pages.append(target)
    return pages


@pytest.fixture
def demo(settings):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.MFA_EXEMPT_EMAILS = ["facilitator@example.com", "hr@example.com"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_main_page_of_every_role_speaks_the_language(demo, language):
    patterns = english_patterns(language)
    assert len(patterns) > 100  # the project's catalogue at least
    failures, checked = [], 0
    for role in ROLES:
        client = Client()
        if role is None:
            start = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
            headers = {"HTTP_ACCEPT_LANGUAGE": language}
        else:
            person = User.objects.get(email=role)
            person.language = language  # saved in the profile
            person.save(update_fields=["language"])
            client.force_login(person)
            start = ["/", "/profile/"]
            headers = {"HTTP_ACCEPT_LANGUAGE": "en"}  # the saved language wins
        client.defaults.update(headers)
        for path in main_pages(client, start):
            response = client.get(path)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            checked += 1
            lang, found = english_left(
                response.content.decode(), patterns,
                site_parts_only=not owner_has_catalogue(path, language))
            who = role or "signed out"
            if lang != language:
                failures.append(f"{who} {path}: <html lang={lang!r}>")
            failures += [f"{who} {path}: English {hit}" for hit in found]
    assert checked >= 40
    assert failures == [], "\n".join(failures)


def test_the_check_catches_english_left_on_a_page():
    """The reader can fail: an English nav label and sentence are found, a name is not."""
    patterns = english_patterns("es")
    page = ('<html lang="es"><body><header><a href="/groups/">Groups</a></header><main>'
            '<p>Nobody is waiting for an answer from you.</p>'
            '<p><span dir="auto">Support</span> <a href="/x">Tus grupos</a></p>'
            '<button aria-label="Skip to content">x</button></main></body></html>')
    lang, found = english_left(page, patterns, site_parts_only=False)
    assert lang == "es"
    assert {hit.split(" (in")[0] for hit in found} == {
        "'Groups'", "'Nobody is waiting for an answer from you.'", "'Skip to content'"}
    _lang, site_only = english_left(page, patterns, site_parts_only=True)
    assert [hit.split(" (in")[0] for hit in site_only] == ["'Groups'"]
    assert settings.LANGUAGE_CODE == "en-gb"
