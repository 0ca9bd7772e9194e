"""Sizes the report and conversation forms accept; services enforce the same numbers."""

WHAT_HAPPENED_MAX = 20_000
HAPPENED_WHEN_MAX = 1_000
PEOPLE_DESCRIBED_MAX = 2_000
WITNESSES_MAX = 2_000
NAMED_PEOPLE_MAX = 20

ATTACHMENT_MAX_BYTES = 200 * 1024
ATTACHMENTS_PER_REPORT = 5
# Text only: shown inline to HR as escaped text, never served as a file.
ATTACHMENT_EXTENSIONS = (".txt", ".md", ".csv", ".log")

MESSAGE_MAX = 4_000
REPORT_UPDATE_MAX = 8_000
