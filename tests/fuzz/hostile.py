"""Hostile values for forms, query strings and chat frames (Hypothesis strategies), and the
Hypothesis profiles the fuzz suite runs under.

Profiles: `ci` (default: bounded, for `make test` on both databases), `thorough` (many more
examples, for a hunt: `HYPOTHESIS_PROFILE=thorough pytest tests/fuzz`)."""

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

settings.register_profile(
    "ci", max_examples=3, deadline=None, derandomize=True, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                           HealthCheck.differing_executors])
settings.register_profile(
    "thorough", max_examples=60, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                           HealthCheck.differing_executors])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

HUGE = 2**63
EDGE_STRINGS = [
    "", " ", "\t\n", "\x00", "a\x00b", "%00", "\x7f\x1b[31m",
    str(HUGE), str(-HUGE - 1), str(2**31), str(2**31 - 1), "-1", "0", "00000000000000000001",
    "9" * 40, "1e309", "-1e309", "NaN", "inf", "1.5", "0x10", "1_000", "١٢٣",
    "0001-01-01", "9999-12-31", "0001-01-01T00:00", "9999-12-31T23:59", "9999-12-31 23:59:59",
    "10000-01-01", "2024-02-30", "2024-13-01", "1969-12-31T23:59:59Z", "24:00",
    "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "' OR 1=1 --",
    "../../etc/passwd", "javascript:alert(1)", "//evil.example/", "\u202egnp.exe", "\ufeff",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǵ̤̝ͬ", "🙂" * 200, "a" * 5_000, "b" * 20_000, "x@" * 300, "@", "a@b",
    "true", "false", "null", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]",
]

# Swept through every field of every form, every run (tests/fuzz/test_forms.py): one of each
# class of value that answered 500 somewhere, chosen by what the field's input expects.
_NUMBERS = [str(HUGE), str(2**31), "-1"]
FIELD_EDGES = {
    "date": ["0001-01-01", "9999-12-31"],
    "datetime-local": ["0001-01-01T00:00", "9999-12-31T23:59"],
    "number": _NUMBERS,
    "text": ["b" * 10_000],
    "textarea": ["b" * 10_000],
    "email": ["b" * 300 + "@example.com"],
    "url": ["https://" + "b" * 600 + ".example.com/"],
}
CHOICE_EDGES = [str(HUGE)]  # select, radio, checkbox, hidden: ids, versions, choices


def field_edges(kind: str) -> list[str]:
    return FIELD_EDGES.get(kind, CHOICE_EDGES)


# Text a browser can send: any code point but the lone surrogates UTF-8 cannot encode.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)

hostile_strings = st.one_of(
    st.sampled_from(EDGE_STRINGS),
    any_text,
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M")),
)

# JSON values for chat frame fields: every type, the edges of every number, nesting.
json_scalars = st.one_of(
    st.none(), st.booleans(), st.sampled_from(EDGE_STRINGS), any_text,
    st.integers(min_value=-(2**80), max_value=2**80),
    st.sampled_from([HUGE, -HUGE - 1, 2**31, -1, 0, 1, 1440, 1441, 3600, 3601]),
    st.floats(allow_nan=False, allow_infinity=False),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(any_text, children, max_size=4)),
    max_leaves=12,
)
