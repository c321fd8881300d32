"""Translation catalogs: every message translated in both scripts, none fuzzy, placeholders kept."""

import re
from pathlib import Path

import polib
import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "zonebridge"
CATALOGS = sorted(p for p in SOURCE.rglob("locale/zh_Han[st]/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: str(path.relative_to(SOURCE)))
def test_every_message_is_translated_with_its_placeholders(path):
    problems = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if "fuzzy" in entry.flags or not all(translations):
            problems.append(f"untranslated or fuzzy: {entry.msgid!r}")
            continue
        wanted = sorted(set(PLACEHOLDER.findall(entry.msgid)))
        for translation in translations:
            if sorted(set(PLACEHOLDER.findall(translation))) != wanted:
                problems.append(f"placeholders differ: {entry.msgid!r} → {translation!r}")
    assert problems == []


def test_both_scripts_have_catalogs():
    assert {path.parent.parent.name for path in CATALOGS} == {"zh_Hans", "zh_Hant"}
