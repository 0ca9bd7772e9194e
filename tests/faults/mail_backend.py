"""The fault suite's mail server: every email a worker process hands over is appended, one JSON
line per recipient, to the file FAULT_MAIL_LOG (what reached people, counted by recipient).

While the file FAULT_MAIL_HANG exists and names a recipient, an email to that recipient hangs
before it is handed over (a mail server that stopped answering mid-conversation); the worker
touches FAULT_MAIL_HANG + ".reached" first, so the test knows where it is before killing it.
"""

import json
import os
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        log = os.environ["FAULT_MAIL_LOG"]
        for message in email_messages:
            for address in message.recipients():
                self._maybe_hang(address)
                line = json.dumps({"to": address, "message_id": message.extra_headers.get(
                    "Message-ID"), "subject": message.subject, "pid": os.getpid(),
                    "at": time.time()})
                descriptor = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                try:
                    os.write(descriptor, (line + "\n").encode())  # one write: never interleaved
                finally:
                    os.close(descriptor)
        return len(email_messages)

    @staticmethod
    def _maybe_hang(address: str) -> None:
        flag = Path(os.environ.get("FAULT_MAIL_HANG", "/nonexistent"))
        if not flag.exists() or flag.read_text().strip() != address:
            return
        Path(f"{flag}.reached").write_text(str(os.getpid()))
        while flag.exists():
            time.sleep(0.1)
