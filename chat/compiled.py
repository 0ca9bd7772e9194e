"""A query the chat runs for every frame, compiled to SQL once per process.

The access check reads one row joining four tables for every frame a socket sends, and Django
spends far longer turning that queryset into SQL (joins, a filtered relation, a subquery) than
PostgreSQL spends answering it. The SQL of such a query only differs by its integer arguments,
so it is compiled once with stand-in values, and later calls execute it with the real ones and
build the instances exactly as the ORM does (same converters, same select_related population).
Anything unexpected (a parameter that is not a stand-in) and the query simply runs through the
ORM every time.
"""

from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

# Stand-ins no real id can equal (ids are positive); each argument gets its own.
_STAND_IN_BASE = -7_300_000_000_000


class CompiledQuery:
    """`build(**arguments)` -> a queryset of at most one model row (select_related allowed).

    `arguments` name each argument's type, int or str: `CompiledQuery(build, user_id=int)`.
    """

    def __init__(self, build: Callable[..., QuerySet], **arguments: type):
        if not set(arguments.values()) <= {int, str}:
            raise TypeError("CompiledQuery arguments are int or str")
        self.build = build
        self.arguments = arguments
        self._compiled: dict[tuple[str, str], Any] = {}

    def _stand_ins(self, offset: int) -> dict[str, Any]:
        return {name: (_STAND_IN_BASE - offset - n if kind is int
                       else f"\u2063stand-in {offset} {name}\u2063")
                for n, (name, kind) in enumerate(self.arguments.items())}

    def _compile(self, alias: str):
        """Compiles twice with different stand-ins: the SQL must not change, and every
        parameter must be either the same both times (a constant of the query, like the 1 of
        `SELECT 1` in an EXISTS) or the same argument's stand-in both times. Anything else (a
        value derived from an argument) and the query is not compiled."""
        first, second = self._stand_ins(0), self._stand_ins(1000)
        queryset = self.build(**first).using(alias)
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
        klass_info, select = compiler.klass_info, compiler.select
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        init_list = [column[0].target.attname for column in select[start:end]]
        return (compiler, sql, slots, klass_info["model"], start, end, init_list,
                get_related_populators(klass_info, select, alias),
                dict(compiler.annotation_col_map))

    def first(self, *, using: str = "default", **values: int) -> Model | None:
        connection = connections[using]
        key = (using, connection.vendor)
        if key not in self._compiled:
            self._compiled[key] = self._compile(using)
        compiled = self._compiled[key]
        if compiled is None:
            return next(iter(self.build(**values).using(using)), None)
        (compiler, sql, slots, model, start, end, init_list, populators,
         annotations) = compiled
        with connection.cursor() as cursor:
            cursor.execute(sql, [values[slot] if is_argument else slot
                                 for is_argument, slot in slots])
            rows = cursor.fetchmany(1)
        for row in compiler.results_iter([rows]):
            obj = model.from_db(using, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations.items():
                setattr(obj, name, row[position])
            return obj
        return None
