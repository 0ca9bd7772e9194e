from django.apps import AppConfig
from django.db.backends.signals import connection_created


class BitOrAggregate:
    """BIT_OR(x) for SQLite (PostgreSQL has it built in): the OR of a column's integers."""

    def __init__(self) -> None:
        self.value = 0

    def step(self, value: int | None) -> None:
        if value is not None:
            self.value |= value

    def finalize(self) -> int:
        return self.value


def add_sqlite_functions(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("BIT_OR", 1, BitOrAggregate)


class DashboardsConfig(AppConfig):
    name = "dashboards"

    def ready(self) -> None:
        connection_created.connect(add_sqlite_functions,
                                   dispatch_uid="dashboards.add_sqlite_functions")
