"""The CI check on the translations: every shipped catalogue is complete, and `makemessages`
finds no string that is not in one.

Catalogues: the project's (locale/, for what belongs to no app) and each app's (<app>/locale/),
both domains (django: templates and Python; djangojs: scripts), in Spanish and French. The list
of apps that keep their own catalogue is the Makefile's (APPS_WITH_CATALOGUES), so `make
messages` and this check never disagree about where a string belongs.
"""

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

REPO = Path(settings.BASE_DIR).resolve()
LANGUAGES = ("es", "fr")
DOMAINS = ("django", "djangojs")
# Never scanned for the project's strings (same as `make messages`).
NOT_SOURCES = (".git", ".venv", "node_modules", "tools", "tests", "bench", "staticfiles",
               "test-artifacts", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis")
MESSAGES_OPTIONS = {"locale": list(LANGUAGES), "no_location": True, "no_obsolete": True,
                    "verbosity": 0}


def apps_with_own_catalogue() -> list[str]:
    """The Makefile's APPS_WITH_CATALOGUES, plus any other directory that keeps a locale/."""
    makefile = (REPO / "Makefile").read_text()
    listed = re.search(r"^APPS_WITH_CATALOGUES\s*:?=\s*(.+)$", makefile, re.M)
    assert listed, "the Makefile must name the apps with their own catalogue"
    apps = set(listed.group(1).split())
    return sorted(apps | {str(path.parent.relative_to(REPO)) for path in catalogue_dirs()
                          if path != REPO / "locale"})


def catalogue_dirs() -> list[Path]:
    """Every locale/ directory the product ships (the project's and the apps')."""
    found = [REPO / "locale"] if (REPO / "locale").is_dir() else []
    for pattern in ("*/locale", "*/*/locale"):
        found += [path for path in REPO.glob(pattern)
                  if path.is_dir() and path.relative_to(REPO).parts[0] not in NOT_SOURCES]
    return sorted(found)


def shipped_catalogues() -> list[Path]:
    return sorted(po for directory in catalogue_dirs()
                  for po in directory.glob("*/LC_MESSAGES/*.po"))


def msgids(po: Path) -> set[tuple[str, str]]:
    """(context, msgid) of every entry but the header (obsolete "#~" entries left out)."""
    entries: set[tuple[str, str]] = set()
    context, msgid, current = "", None, None

    def unquote(text: str) -> str:
        return ast.literal_eval(text)  # PO strings use C escapes, which Python shares

    def finish() -> None:
        if msgid:
            entries.add((context, msgid))

    for line in po.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("msgctxt "):
            finish()
            context, msgid, current = unquote(line[8:]), None, "msgctxt"
        elif line.startswith("msgid "):
            if current != "msgctxt":
                finish()
                context = ""
            msgid, current = unquote(line[6:]), "msgid"
        elif line.startswith('"'):
            if current == "msgctxt":
                context += unquote(line)
            elif current == "msgid":
                msgid += unquote(line)
        elif line.startswith(("msgstr", "msgid_plural")):
            current = "msgstr"
    finish()
    return entries


def test_the_project_and_the_apps_ship_catalogues():
    assert (REPO / "locale" / "es" / "LC_MESSAGES" / "django.po").exists()
    assert (REPO / "locale" / "fr" / "LC_MESSAGES" / "django.po").exists()


@pytest.mark.parametrize("po", shipped_catalogues(), ids=lambda po: str(po.relative_to(REPO)))
def test_a_shipped_catalogue_is_complete(po):
    """No empty msgstr, no fuzzy entry (the header included), valid for msgfmt -c, and in the
    language of its directory."""
    completed = subprocess.run(["msgfmt", "--statistics", "-c", "-o", os.devnull, str(po)],
                               capture_output=True, text=True, timeout=60)
    report = completed.stderr.strip()
    assert completed.returncode == 0, report
    assert "fuzzy" not in report and "untranslated" not in report, f"{po}: {report}"
    text = po.read_text(encoding="utf-8")
    fuzzy = [line for line in text.splitlines()
             if line.startswith("#,") and "fuzzy" in line]
    assert not fuzzy, f"{po}: fuzzy entries (the header's too): {len(fuzzy)}"
    language = po.parent.parent.name
    assert f'"Language: {language}\\n"' in text, f"{po}: the header must say Language: {language}"


def test_spanish_and_french_go_together():
    for directory in catalogue_dirs():
        for domain in DOMAINS:
            present = {lang for lang in LANGUAGES
                       if (directory / lang / "LC_MESSAGES" / f"{domain}.po").exists()}
            assert present in (set(), set(LANGUAGES)), (
                f"{directory.relative_to(REPO)}: {domain}.po only in {sorted(present)}")


def fresh_msgids(source: Path, *, ignore: list[str], tmp_path: Path) -> dict[str, set]:
    """What `make messages` would put in the catalogues of `source`: makemessages run in a copy
    of it (without its .po and .mo files), with the same options. {domain: {(context, msgid)}}"""
    copy = tmp_path / (source.name or "root")
    skipped = set(NOT_SOURCES) | set(ignore)

    def leave_out(directory: str, names: list[str]) -> list[str]:
        top = Path(directory).resolve() == source
        return [name for name in names
                if name.endswith((".po", ".mo", ".pot")) or name in NOT_SOURCES
                or (top and name in skipped)]

    shutil.copytree(source, copy, ignore=leave_out, symlinks=True)
    (copy / "locale").mkdir(exist_ok=True)
    assert not str(copy).startswith(str(REPO) + os.sep)  # never beside the real catalogues
    found: dict[str, set] = {}
    here = os.getcwd()
    try:
        os.chdir(copy)
        for domain in DOMAINS:
            call_command("makemessages", domain=domain, ignore_patterns=ignore,
                         **MESSAGES_OPTIONS)
            po = copy / "locale" / "es" / "LC_MESSAGES" / f"{domain}.po"
            found[domain] = msgids(po) if po.exists() else set()
    finally:
        os.chdir(here)
    return found


def sources() -> list[tuple[str, list[str]]]:
    apps = apps_with_own_catalogue()
    project = ("", [*NOT_SOURCES, *apps])
    return [project, *[(app, []) for app in apps if (REPO / app / "locale").is_dir()]]


@pytest.mark.parametrize(("source", "ignore"), sources(),
                         ids=[source or "project" for source, _ignore in sources()])
def test_makemessages_leaves_no_string_out(source, ignore, tmp_path):
    """Every string the code marks for translation is in the shipped catalogues (run `make
    messages` and translate what is new)."""
    directory = REPO / source if source else REPO
    fresh = fresh_msgids(directory, ignore=ignore, tmp_path=tmp_path)
    problems = []
    for domain, wanted in fresh.items():
        for language in LANGUAGES:
            po = directory / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
            shipped = msgids(po) if po.exists() else set()
            missing = sorted(wanted - shipped)
            if missing:
                problems.append(f"{po.relative_to(REPO)} lacks {len(missing)}: " + "; ".join(
                    repr(f"{context}|{msgid}" if context else msgid)
                    for context, msgid in missing[:20]))
    assert not problems, "Run `make messages` and translate:\n" + "\n".join(problems)


def test_the_check_sees_a_new_string(tmp_path):
    """The check itself can fail: a template with a new string is caught."""
    app = tmp_path / "src" / "newapp"
    (app / "templates").mkdir(parents=True)
    (app / "templates" / "page.html").write_text(
        '{% load i18n %}{% translate "A brand new sentence" %}')
    fresh = fresh_msgids(app, ignore=[], tmp_path=tmp_path / "out")
    assert ("", "A brand new sentence") in fresh["django"]
    assert ("", "A brand new sentence") not in msgids(
        REPO / "locale" / "es" / "LC_MESSAGES" / "django.po")


def translations(po: Path) -> dict[tuple[str, str], str]:
    """{(context, msgid): msgstr} of the singular entries of `po` (the header left out)."""
    found = {}
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        if "msgid_plural" in block:
            continue
        fields, current = {}, None
        for line in block.splitlines():
            key = line.split(" ", 1)[0]
            if key in ("msgctxt", "msgid", "msgstr"):
                current = key
                fields[key] = ast.literal_eval(line[len(key) + 1:])
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            found[(fields.get("msgctxt", ""), fields["msgid"])] = fields.get("msgstr", "")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_english_text_has_one_translation_across_the_catalogues(language):
    """Django merges every catalogue into one (the project's first, then the apps in
    INSTALLED_APPS order), so the same msgid translated two ways in two apps shows one of them
    in both: a feminine "publicada" next to a module. Where the words truly differ by what they
    name, the code gives them a context (pgettext, `translate ... context`)."""
    seen: dict[tuple[str, str], dict[str, str]] = {}
    for po in shipped_catalogues():
        if po.parent.parent.name == language and po.name == "django.po":
            owner = str(po.parent.parent.parent.parent.relative_to(REPO)) or "project"
            for key, text in translations(po).items():
                seen.setdefault(key, {})[owner] = text
    differing = {key: owners for key, owners in seen.items() if len(set(owners.values())) > 1}
    assert differing == {}
