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


class _Tracebacks(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def no_tracebacks():
    """Every ERROR record on any logger (django.request's 500s, uncaught consumer errors,
    asyncio's "Task exception was never retrieved"): the test fails if one is logged."""
    catcher = _Tracebacks()
    root = logging.getLogger()
    root.addHandler(catcher)
    yield catcher
    root.removeHandler(catcher)
    assert not catcher.records, [
        f"{r.name}: {r.getMessage()}" for r in catcher.records]
