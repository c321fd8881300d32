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


@pytest.mark.parametrize("language", ["zh_Hans", "zh_Hant"])
def test_a_message_means_one_thing_across_the_catalogs(language):
    """Django merges all catalogs into one: a message two apps translate differently shows only one of them.
    Give such a message a context (`pgettext`, `{% translate "…" context "…" %}`) where the meanings differ."""
    seen: dict[tuple, dict[str, str]] = {}
    for path in (p for p in CATALOGS if p.parent.parent.name == language):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgstr:
                continue
            seen.setdefault((entry.msgctxt, entry.msgid), {})[str(path.relative_to(SOURCE))] = entry.msgstr
    clashes = {key: found for key, found in seen.items() if len(set(found.values())) > 1}
    assert clashes == {}
