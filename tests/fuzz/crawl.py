"""Finds every page and form a person can reach, by following the links of the pages they see
(so a new page or form is fuzzed without anyone listing it here)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.test import Client
from django.urls import Resolver404, resolve

# Not ours to fuzz: allauth's own pages (its forms are tested upstream; fuzzing them would change
# the crawler's own password, email or two-factor) and Django's admin (staff only).
SKIPPED_PREFIXES = ("/accounts/", "/admin/", "/static/", "/media/")


@dataclass
class Field:
    name: str
    kind: str  # input type, "select", "textarea"
    value: str = ""
    options: list[str] = field(default_factory=list)


@dataclass
class Form:
    method: str
    action: str  # a path
    found_on: str
    fields: dict[str, Field] = field(default_factory=dict)

    @property
    def key(self) -> tuple:
        """One form per route and set of fields: the same form on every recognition's page is
        one form to fuzz."""
        return (self.method, route_name(self.action) or self.action, tuple(sorted(self.fields)))


class _PageParser(HTMLParser):
    def __init__(self, page_path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.page_path, a["href"]))
        elif tag == "form":
            action = urljoin(self.page_path, a.get("action") or self.page_path)
            self._form = Form(method=(a.get("method") or "get").lower(), action=action,
                              found_on=self.page_path)
            self.forms.append(self._form)
        elif self._form is None or not a.get("name"):
            return
        elif tag in ("input", "button"):
            kind = a.get("type", "text" if tag == "input" else "submit").lower()
            existing = self._form.fields.get(a["name"])
            if existing and kind in ("radio", "checkbox"):
                existing.options.append(a.get("value", "on"))
                if "checked" in a:
                    existing.value = a.get("value", "on")
                return
            self._form.fields[a["name"]] = Field(
                a["name"], kind, a.get("value", "") if kind not in ("radio", "checkbox")
                or "checked" in a else "", [a.get("value", "on")] if kind in (
                    "radio", "checkbox") else [])
        elif tag == "select":
            self._select = self._form.fields[a["name"]] = Field(a["name"], "select")
        elif tag == "textarea":
            self._textarea = self._form.fields[a["name"]] = Field(a["name"], "textarea")

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.value += data

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


class _OptionParser(_PageParser):
    """Options are tags inside a select: collected in a second pass to keep the first simple."""

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "option" and self._select is not None:
            a = {name: value or "" for name, value in attrs}
            self._select.options.append(a.get("value", ""))
            if "selected" in a:
                self._select.value = a.get("value", "")
            return
        super().handle_starttag(tag, attrs)


def route_name(path: str) -> str | None:
    try:
        return resolve(urlsplit(path).path).view_name
    except Resolver404:
        return None


@dataclass
class Crawl:
    pages: dict[str, int] = field(default_factory=dict)  # path -> status
    forms: dict[tuple, Form] = field(default_factory=dict)
    routes: set[str] = field(default_factory=set)


def crawl(client: Client, start: list[str], *, limit: int = 700) -> Crawl:
    """GETs `start` and every same-site link found, breadth first (at most two query variants
    of a path), and collects the forms. Asserts no page answers 5xx on the way."""
    seen = Crawl()
    variants: dict[str, int] = {}
    queue = list(dict.fromkeys(start))
    while queue and len(seen.pages) < limit:
        url = queue.pop(0)
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if parts.path.startswith(SKIPPED_PREFIXES) or url in seen.pages:
            continue
        # A few pages per route find its forms (not every recognition's page).
        route = route_name(parts.path) or parts.path
        if variants.get(route, 0) >= 3:
            continue
        variants[route] = variants.get(route, 0) + 1
        response = client.get(url)
        seen.pages[url] = response.status_code
        assert response.status_code < 500, f"GET {url} answered {response.status_code}"
        name = route_name(url)
        if name and response.status_code < 400:
            seen.routes.add(name)
        if "html" not in response.get("Content-Type", ""):
            continue
        parser = _OptionParser(parts.path + (f"?{parts.query}" if parts.query else ""))
        parser.feed(response.content.decode("utf-8", "replace"))
        for form in parser.forms:
            form.action = urlsplit(form.action).path + (
                f"?{urlsplit(form.action).query}" if urlsplit(form.action).query else "")
            if form.action.startswith(SKIPPED_PREFIXES):
                continue
            seen.forms.setdefault(form.key, form)
            if form.method == "post" and (name := route_name(form.action)):
                seen.routes.add(name)
        for link in parser.links:
            link = link.split("#", 1)[0]
            if link and link not in seen.pages:
                queue.append(link)
    return seen


def query_of(path: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(path).query))
