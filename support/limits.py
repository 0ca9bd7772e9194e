"""Sizes the report and conversation forms accept; services enforce the same numbers."""

WHAT_HAPPENED_MAX = 20_000
HAPPENED_WHEN_MAX = 1_000
PEOPLE_DESCRIBED_MAX = 2_000
WITNESSES_MAX = 2_000
NAMED_PEOPLE_MAX = 20

ATTACHMENT_MAX_BYTES = 200 * 1024
ATTACHMENTS_PER_REPORT = 5
# Text files: shown inline as escaped text, never served as a file.
ATTACHMENT_EXTENSIONS = (".txt", ".md", ".csv", ".log")
# Screenshots and documents: the type is read from the content; images are re-encoded (their
# metadata dropped); they are served only as downloads, to the reporter and to HR.
FILE_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
FILE_ATTACHMENT_EXTENSIONS = (".png", ".jpg", ".jpeg", ".pdf")
# An image larger than this (in pixels) is refused before it is decoded (a "decompression bomb"
# of a few KB can expand to gigabytes).
IMAGE_MAX_PIXELS = 40_000_000

MESSAGE_MAX = 4_000
REPORT_UPDATE_MAX = 8_000
