"""Every integer, id and date the product reads from a person is bounded before it reaches a
query or datetime arithmetic: checked over every form class and every URL pattern, so a new
one that forgets fails here (issue 14, section 3)."""

import importlib
import inspect

import pytest
from django import forms
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from peersupport.bounds import (
    ID_MAX,
    INT32_MAX,
    BoundedDateField,
    BoundedDateTimeField,
    IdChoiceMixin,
    IdConverter,
)
from peersupport.routing import websocket_urlpatterns

APPS = ["accounts", "groups", "sessions", "chat", "recognition", "dashboards", "support"]


def our_form_classes() -> list[type[forms.BaseForm]]:
    found = []
    for app in APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        found += [cls for _, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__]
    return found


def all_patterns(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from all_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


@pytest.mark.parametrize("form_class", our_form_classes(), ids=lambda cls: cls.__qualname__)
def test_every_form_bounds_its_numbers_ids_and_dates(form_class):
    for name, field in form_class.base_fields.items():
        where = f"{form_class.__qualname__}.{name}"
        if isinstance(field, forms.IntegerField):
            assert field.min_value is not None and field.max_value is not None, where
            assert -INT32_MAX - 1 <= field.min_value <= field.max_value <= INT32_MAX, where
        if isinstance(field, forms.DateTimeField):
            assert isinstance(field, BoundedDateTimeField), where
        elif isinstance(field, forms.DateField):
            assert isinstance(field, BoundedDateField), where
        if isinstance(field, forms.ModelChoiceField) and field.to_field_name is None:
            assert isinstance(field, IdChoiceMixin), where


def test_the_form_list_is_not_empty():
    assert len(our_form_classes()) > 20


def test_no_url_takes_an_unbounded_integer():
    for route, pattern in all_patterns():
        converters = pattern.pattern.converters.values()
        assert not any(isinstance(c, IntConverter) for c in converters), route
    for pattern in websocket_urlpatterns:
        converters = getattr(pattern.pattern, "converters", {}).values()
        assert not any(isinstance(c, IntConverter) for c in converters), pattern


def test_id_routes_exist():
    assert sum(any(isinstance(c, IdConverter) for c in p.pattern.converters.values())
               for _, p in all_patterns()) > 20


@pytest.mark.parametrize("value", [str(ID_MAX + 1), "9" * 30, "99999999999999999999"])
def test_every_id_route_answers_404_for_an_id_beyond_64_bits(client, employee, value):
    client.force_login(employee)
    checked = 0
    for route, pattern in all_patterns():
        if not any(isinstance(c, IdConverter) for c in pattern.pattern.converters.values()):
            continue
        path = "/" + route.replace("^", "").replace("$", "")
        for name, converter in pattern.pattern.converters.items():
            fill = value if isinstance(converter, IdConverter) else "x-slug"
            path = path.replace(f"<{type(converter).__name__}:{name}>", fill)
            path = path.replace(f"<id:{name}>", fill).replace(f"<slug:{name}>", fill)
            path = path.replace(f"<str:{name}>", fill)
        assert "<" not in path, path
        assert client.get(path).status_code == 404, path
        assert client.post(path).status_code == 404, path
        checked += 1
    assert checked > 20
