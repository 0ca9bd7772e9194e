"""Fixtures of the hostile-input tests: the chat room and its websocket helpers, and a log
catcher that fails a test on any traceback the server logs."""

import logging

import pytest

from tests.chat.conftest import (  # noqa: F401 (fixtures)
    _fresh_channel_layer,
    _fresh_word_lists,
    chat_group,
    room,
)


class ErrorLog(logging.Handler):
    """Every ERROR record on any logger: django.request's 500s, uncaught consumer errors,
    asyncio's "Task exception was never retrieved"."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[str]:
        """The records so far, as text, and forgets them."""
        taken = [f"{r.name}: {r.getMessage()}" for r in self.records]
        self.records.clear()
        return taken


@pytest.fixture
def errors():
    """The ERROR records logged during the test (the fuzz tests check them per attack)."""
    catcher = ErrorLog()
    root = logging.getLogger()
    root.addHandler(catcher)
    yield catcher
    root.removeHandler(catcher)


@pytest.fixture
def no_tracebacks(errors):
    """The test fails if anything is logged at ERROR."""
    yield errors
    assert not errors.records, errors.take()
