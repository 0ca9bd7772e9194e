"""Every form of every page, for every role, under hostile values: never a 5xx, never a logged
traceback (issue 14, section 3).

The pages and forms are found by crawling as each demo persona (tests/fuzz/crawl.py), so a new
page or form is fuzzed without being listed; a test fails if a route of ours is reached by no
persona at all. Each form then gets Hypothesis-drawn submissions: its own values, hostile
strings (NUL, integers beyond 64 bits, floats, dates at year 1 and 9999, very long or odd
unicode text), missing fields, repeated fields, unknown fields, hostile file uploads.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import hostile, world
from tests.fuzz.conftest import ErrorLog
from tests.fuzz.crawl import Field, Form, crawl, route_name

PERSONAS = ["employee@example.com", "employee2@example.com", "facilitator@example.com",
            "hr@example.com"]
OUR_NAMESPACES = ("accounts", "groups", "sessions", "chat", "recognition", "dashboards",
                  "support")


def our_route_names() -> set[str]:
    names = set()

    def walk(patterns, namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and namespace in OUR_NAMESPACES:
                names.add(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return names


@pytest.fixture
def demo(db, settings):
    settings.MFA_EXEMPT_EMAILS = PERSONAS
    # Hostile submissions come fast; the limits that would slow them are not under test here.
    settings.RECOGNITION_WEEKLY_LIMIT = 10_000
    return world.build(PERSONAS)


def _value_for(field) -> st.SearchStrategy:
    own = [v for v in [field.value, *field.options] if v is not None]
    choices = [st.sampled_from(own)] if own else []
    return st.one_of(*choices, hostile.hostile_strings)


def submissions(form: Form) -> st.SearchStrategy:
    """Data for one submission of `form`: each field kept, dropped, repeated or made hostile,
    and sometimes a field nobody asked for."""
    names = [name for name, f in form.fields.items() if f.kind != "file"]
    files = [name for name, f in form.fields.items() if f.kind == "file"]

    @st.composite
    def draw(draw_) -> dict:
        data: dict = {}
        for name in names:
            how = draw_(st.sampled_from(["own", "own", "hostile", "missing", "many"]))
            field = form.fields[name]
            if how == "missing":
                continue
            if how == "many":
                data[name] = draw_(st.lists(_value_for(field), min_size=2, max_size=4))
            elif how == "own" and (field.value or field.options):
                data[name] = draw_(st.sampled_from([field.value, *field.options]))
            else:
                data[name] = draw_(hostile.hostile_strings)
        if draw_(st.booleans()):
            data[draw_(hostile.any_text.filter(bool))] = draw_(hostile.hostile_strings)
        for name in files:
            if draw_(st.booleans()):
                data[name] = SimpleUploadedFile(
                    draw_(st.sampled_from(["notes.txt", "a\x00b.txt", "../../x.txt",
                                           "🙂.txt", "x" * 300 + ".txt", "x.exe"])),
                    draw_(st.sampled_from([b"", b"hello", b"\x00\xff\xfe", "é".encode("latin-1"),
                                           b"x" * 300_000])),
                    content_type=draw_(st.sampled_from(["text/plain", "application/x-msdos",
                                                        ""])))
        return data

    return draw()


def _assert_survived(response, errors: ErrorLog, what: str) -> None:
    logged = errors.take()
    assert response.status_code < 500 and not logged, (
        f"{what} answered {response.status_code}; logged: {logged}")


def _sweep_form(client: Client, form: Form, errors: ErrorLog, swept: set) -> None:
    """Each field in turn set to each value of hostile.field_edges(), the others as the page gave
    them: the classes of value that answered 500 before, on every field, every run (once per
    route and field: the same form on another page or for another persona is the same code)."""
    base = {name: field.value or (field.options[0] if field.options else "")
            for name, field in form.fields.items() if field.kind != "file"}
    route = route_name(form.action) or form.action
    send = client.post if form.method == "post" else client.get
    for name in base:
        if name == "csrfmiddlewaretoken" or (route, name) in swept:
            continue
        swept.add((route, name))
        for edge in hostile.field_edges(form.fields[name].kind):
            _assert_survived(send(form.action, {**base, name: edge}), errors,
                             f"{form.method.upper()} {form.action} {name}={edge!r:.80}")


def _fuzz_form(client: Client, form: Form, errors: ErrorLog) -> None:
    @given(data=submissions(form))
    def attack(data: dict) -> None:
        for upload in data.values():
            if isinstance(upload, SimpleUploadedFile):
                upload.seek(0)
        if form.method == "post":
            response = client.post(form.action, data)
        else:
            response = client.get(form.action, data)
        _assert_survived(response, errors, f"{form.method.upper()} {form.action} {data!r:.600}")

    attack()


@pytest.mark.django_db
def test_every_form_of_every_role_survives_hostile_input(demo, errors):
    people, extra_starts = demo
    reached: set[str] = set()
    start = ["/", "/groups/", "/sessions/", "/sessions/mine/", "/sessions/check-ins/",
             "/sessions/calendar/", "/sessions/new/", "/recognition/", "/recognition/give/",
             "/recognition/me/", "/recognition/settings/", "/recognition/people/",
             "/recognition/reports/", "/support/", "/support/facilitator/",
             "/support/conversations/", "/support/reports/", "/support/reports/new/",
             "/support/hr/reports/", "/profile/", "/groups/new/", "/groups/people-i-avoid/",
             "/dashboard/", "/dashboard/what-hr-can-see/"]
    # Every persona's pages first, then the attacks: one persona's hostile submissions (leaving
    # a group, withdrawing a request) must not hide another persona's forms from the crawl.
    clients, forms = {}, {}
    for email in PERSONAS:
        clients[email] = client = Client(raise_request_exception=False)
        client.force_login(people[email])
        found = crawl(client, [*start, *(s for s in extra_starts[email] if isinstance(s, str))])
        reached |= found.routes
        forms[email] = list(found.forms.values()) + [
            Form(method, path, found_on="(no page)",
                 fields={name: Field(name, "hidden", value) for name, value in fields.items()})
            for method, path, fields in (s for s in extra_starts[email] if isinstance(s, tuple))]
        reached |= {name for form in forms[email] if (name := route_name(form.action))}
    assert not errors.records, [r.getMessage() for r in errors.records]
    swept: set = set()
    for email in PERSONAS:
        for form in forms[email]:
            _sweep_form(clients[email], form, errors, swept)
            _fuzz_form(clients[email], form, errors)
            # A submission may have signed the persona out (a changed session): sign in again.
            clients[email].force_login(people[email])
    missing = our_route_names() - reached
    assert not missing, f"routes no persona reached (so not fuzzed): {sorted(missing)}"
