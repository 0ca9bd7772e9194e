"""The ranges every number, id and date from outside must fall in before it reaches a query.

Out-of-range values used to reach the database (or `datetime` arithmetic) and answer 500: an
id of 2**63 overflows SQLite's and PostgreSQL's 64-bit integers, a capacity of 2**31 overflows
PostgreSQL's `integer` columns, a date in year 9999 overflows `datetime` once it is shifted to
another zone. Forms use these fields and validators; URLs use the `<id:...>` converter.
"""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.urls import register_converter
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The largest value of PostgreSQL's `integer` (the narrowest integer column we have: Django's
# IntegerField and PositiveIntegerField): every form's IntegerField stays within it
# (tests/fuzz/test_bounds.py). Bigint ids go up to ID_MAX.
INT32_MAX = 2**31 - 1
ID_MAX = 2**63 - 1
ID_DIGITS = len(str(ID_MAX))

# Dates people may type: wide enough for any real plan or report, far from datetime's edges
# (year 1 and 9999), so shifting a stored time to any viewer's zone never overflows.
EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)

DATE_RANGE_MESSAGE = _("Choose a date between %(earliest)s and %(latest)s.")


def _range_message() -> str:
    return DATE_RANGE_MESSAGE % {"earliest": EARLIEST_DATE.isoformat(),
                                 "latest": LATEST_DATE.isoformat()}


def valid_id(value: object) -> int | None:
    """`value` as a database id, or None when it cannot be one (not digits, or beyond 64 bits)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 <= value <= ID_MAX else None
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > ID_DIGITS:
        return None
    number = int(text)
    return number if number <= ID_MAX else None


class IdConverter:
    """`<id:name>`: a database id in a URL. Beyond 64 bits the pattern does not match (404)."""

    regex = f"[0-9]{{1,{ID_DIGITS}}}"

    def to_python(self, value: str) -> int:
        number = valid_id(value)
        if number is None:
            raise ValueError("not a database id")
        return number

    def to_url(self, value: int | str) -> str:
        return str(value)


register_converter(IdConverter, "id")


class BoundedDateField(forms.DateField):
    """A date between EARLIEST_DATE and LATEST_DATE."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(_DateInRange())
        self.widget.attrs.setdefault("min", EARLIEST_DATE.isoformat())
        self.widget.attrs.setdefault("max", LATEST_DATE.isoformat())


class BoundedDateTimeField(forms.DateTimeField):
    """A moment whose date, as typed (in the viewer's zone), lies between EARLIEST_DATE and
    LATEST_DATE."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(_DateInRange())
        self.widget.attrs.setdefault("min", f"{EARLIEST_DATE.isoformat()}T00:00")
        self.widget.attrs.setdefault("max", f"{LATEST_DATE.isoformat()}T23:59")


class _DateInRange:
    def __call__(self, value: dt.date | dt.datetime) -> None:
        # A datetime's own wall date: comparing aware moments would shift them to UTC, which
        # itself overflows at the edges.
        day = value.date() if isinstance(value, dt.datetime) else value
        if not EARLIEST_DATE <= day <= LATEST_DATE:
            raise ValidationError(_range_message(), code="date_range")


class IdChoiceMixin:
    """For ModelChoiceField / ModelMultipleChoiceField keyed by id: a value that cannot be an
    id (beyond 64 bits: the database would overflow) is an invalid choice, never a query."""

    def clean(self, value):
        values = value if isinstance(value, (list, tuple)) else [value]
        if getattr(self, "to_field_name", None) is None:
            for item in values:
                if (item not in self.empty_values and not isinstance(item, Model)
                        and valid_id(item) is None):
                    raise ValidationError(self.error_messages["invalid_choice"],
                                          code="invalid_choice",
                                          params={"value": str(item)[:40]})
        return super().clean(value)


class IdChoiceField(IdChoiceMixin, forms.ModelChoiceField):
    pass


class IdMultipleChoiceField(IdChoiceMixin, forms.ModelMultipleChoiceField):
    pass


def clamped_localtime(moment: dt.datetime) -> dt.datetime:
    """`timezone.localtime`, for a stored moment at the very edge of time (year 1 or 9999,
    written before the forms were bounded, or by an admin): the moment itself, in UTC, rather
    than an OverflowError for every viewer east or west of it."""
    try:
        return timezone.localtime(moment)
    except OverflowError:
        return moment.astimezone(dt.UTC)
