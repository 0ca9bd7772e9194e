"""Queries the chat runs for every frame or every arrival, compiled to SQL once per process.

The access check reads one row joining four tables for every frame a socket sends, and Django
spends far longer turning that queryset into SQL (joins, a filtered relation, a subquery) than
PostgreSQL spends answering it; an arrival reads the history, the talking piece and the person's
other sockets the same way. The SQL of such a query only differs by its arguments (ids, a
channel name, a time), so it is compiled once with stand-in values, and later calls execute it
with the real ones and build the rows exactly as the ORM does (same converters, same
select_related population). Anything unexpected (a parameter that is not a stand-in) and the
query simply runs through the ORM every time.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators

# Stand-ins no real id can equal (ids are positive); each argument gets its own.
_STAND_IN_BASE = -7_300_000_000_000
# Times no real row holds (the app's data starts in this century).
_STAND_IN_TIME = dt.datetime(1901, 1, 1, tzinfo=dt.UTC)


class CompiledQuery:
    """`build(**arguments)` -> a queryset: of model rows (select_related allowed; read with
    `first` or `objects`), or of `values_list` rows, a union of them included (read with `rows`).

    `arguments` name each argument's type, int, str or datetime:
    `CompiledQuery(build, user_id=int)`. (On SQLite a datetime is passed as text, so a query
    with a datetime argument runs through the ORM there.)
    """

    def __init__(self, build: Callable[..., QuerySet], **arguments: type):
        if not set(arguments.values()) <= {int, str, dt.datetime}:
            raise TypeError("CompiledQuery arguments are int, str or datetime")
        self.build = build
        self.arguments = arguments
        self._compiled: dict[tuple[str, str], Any] = {}

    def _stand_ins(self, offset: int) -> dict[str, Any]:
        def stand_in(n: int, name: str, kind: type) -> Any:
            if kind is int:
                return _STAND_IN_BASE - offset - n
            if kind is str:
                return f"\u2063stand-in {offset} {name}\u2063"
            return _STAND_IN_TIME + dt.timedelta(days=offset + n)

        return {name: stand_in(n, name, kind)
                for n, (name, kind) in enumerate(self.arguments.items())}

    def _compile(self, alias: str):
        """Compiles twice with different stand-ins: the SQL must not change, and every
        parameter must be either the same both times (a constant of the query, like the 1 of
        `SELECT 1` in an EXISTS) or the same argument's stand-in both times. Anything else (a
        value derived from an argument) and the query is not compiled."""
        first, second = self._stand_ins(0), self._stand_ins(1000)
        queryset = self.build(**first).using(alias)
        if queryset._iterable_class not in (ModelIterable, ValuesListIterable):
            raise TypeError("CompiledQuery reads model rows or values_list tuples")
        if queryset._known_related_objects or queryset._prefetch_related_lookups:
            return None
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        other_sql, other_params = self.build(**second).using(alias).query.get_compiler(
            using=alias).as_sql()
        if sql != other_sql or len(params) != len(other_params):
            return None
        name_of = {value: name for name, value in first.items()}
        other_name_of = {value: name for name, value in second.items()}
        slots: list[tuple[bool, Any]] = []  # (is an argument, its name or the constant)
        for one, other in zip(params, other_params, strict=True):
            if one in name_of and other_name_of.get(other) == name_of[one]:
                slots.append((True, name_of[one]))
            elif one == other and one not in name_of:
                slots.append((False, one))
            else:
                return None
        if queryset._iterable_class is ValuesListIterable:  # read with `rows`
            return compiler, sql, slots, None
        klass_info, select = compiler.klass_info, compiler.select
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        init_list = [column[0].target.attname for column in select[start:end]]
        return (compiler, sql, slots,
                (klass_info["model"], start, end, init_list,
                 get_related_populators(klass_info, select, alias),
                 dict(compiler.annotation_col_map)))

    def _compiled_for(self, using: str):
        key = (using, connections[using].vendor)
        if key not in self._compiled:
            self._compiled[key] = self._compile(using)
        return self._compiled[key]

    def _fetch(self, compiled, using: str, values: dict[str, Any], limit: int | None) -> list:
        compiler, sql, slots, _ = compiled
        with connections[using].cursor() as cursor:
            cursor.execute(sql, [values[slot] if is_argument else slot
                                 for is_argument, slot in slots])
            fetched = cursor.fetchall() if limit is None else cursor.fetchmany(limit)
        return list(compiler.results_iter([fetched])) if fetched else []

    def objects(self, *, using: str = "default", limit: int | None = None,
                **values: Any) -> list[Model]:
        """The model rows, as `list(build(**values))` would give them."""
        compiled = self._compiled_for(using)
        if compiled is None or compiled[3] is None:
            queryset = self.build(**values).using(using)
            return list(queryset if limit is None else queryset[:limit])
        model, start, end, init_list, populators, annotations = compiled[3]
        objects = []
        for row in self._fetch(compiled, using, values, limit):
            obj = model.from_db(using, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations.items():
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects

    def first(self, *, using: str = "default", **values: Any) -> Model | None:
        """The one row the query finds (it must order or limit itself), or None."""
        found = self.objects(using=using, limit=1, **values)
        return found[0] if found else None

    def rows(self, *, using: str = "default", **values: Any) -> list[tuple]:
        """The rows of a `values_list` query, as `list(build(**values))` would give them."""
        compiled = self._compiled_for(using)
        if compiled is None:
            return [tuple(row) for row in self.build(**values).using(using)]
        if compiled[3] is not None:
            raise TypeError("rows() reads values_list queries; use objects() for models")
        return [tuple(row) for row in self._fetch(compiled, using, values, None)]
