"""A refused chat action: becomes an `error` frame (or a form error on the moderation page)."""

from typing import Any

from django.core.exceptions import ValidationError


class ChatRefusal(ValidationError):
    """A rule of the room said no. `code` is the protocol's error code; `extra` goes in the frame.

    `close_code` is set when the person lost access, so the socket closes after the frame.
    """

    def __init__(self, code: str, detail: str, *, close_code: int | None = None,
                 **extra: Any) -> None:
        super().__init__(detail, code=code)
        self.detail = detail
        self.close_code = close_code
        self.extra = extra
