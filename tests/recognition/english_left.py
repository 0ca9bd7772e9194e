"""What of an app's English is still on a page that should be in Spanish or French.

Reads the app's own catalogue (the .po file, as shipped) for the English texts that have a
different translation, and looks for them in what a person reads or hears in the page's
<main>: text, and the attribute texts (aria-label, placeholder, title, alt, value of buttons).
Shared by the recognition, support and dashboards tests.
"""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
READ_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt"}
# Short words that also occur inside names or user content in the tests ("From", "You"...).
MIN_WORDS = 2


def _entries(path: Path) -> list[tuple[str, str]]:
    """(msgid, msgstr) of the singular entries without a context."""
    entries, current, field = [], {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if current.get("msgid") and "msgctxt" not in current and "msgid_plural" not in current:
                entries.append((current["msgid"], current.get("msgstr", "")))
            current, field = {}, None
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[field] += ast.literal_eval(line)
        else:
            field, _, value = line.partition(" ")
            current[field] = ast.literal_eval(value)
    return entries


def translated_english(app: str, language: str) -> list[str]:
    texts = []
    for domain in ("django", "djangojs"):
        path = ROOT / app / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            texts += [msgid for msgid, msgstr in _entries(path)
                      if msgstr and msgstr != msgid and "%(" not in msgid and "<" not in msgid
                      and len(msgid.split()) >= MIN_WORDS]
    return texts


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # inside <main>
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        if self.depth:
            for name, value in attrs:
                if value and (name in READ_ATTRIBUTES or (tag == "input" and name == "value")):
                    self.parts.append(value)

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def readable_text(html: str) -> str:
    reader = _Reader()
    reader.feed(html)
    return re.sub(r"\s+", " ", " ".join(reader.parts))


def english_left(html: str, *, apps: list[str], language: str) -> list[str]:
    text = readable_text(html)
    return sorted({english for app in apps for english in translated_english(app, language)
                   if re.search(rf"(?<!\w){re.escape(english)}(?!\w)", text)})
