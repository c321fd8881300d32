"""The events catalogs: every message translated in both Chinese scripts, none fuzzy; pages read them."""

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src" / "zonebridge" / "events" / "locale"


@pytest.mark.parametrize("language", ["zh_Hans", "zh_Hant"])
def test_every_message_is_translated_and_none_is_fuzzy(language):
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]
    assert len(entries) > 250
    assert "#, fuzzy" not in text
    untranslated = [entry for entry in entries if re.search(r'^msgstr(\[0\])? ""$', entry, re.M)
                    and not re.search(r'^msgstr(\[0\])? ""\n"', entry, re.M)]
    assert untranslated == []


def test_hong_kong_wording_on_a_traditional_page(client, event):
    page = client.get(f"/zh-hant/events/{event.slug}/").content.decode()
    # Hong Kong usage: 登入 (not 登錄), 議程; the event's own title in Traditional.
    assert "登入後報名" in page and "登錄" not in page and "跨境配對日" in page
    page = client.get(f"/zh-hans/events/{event.slug}/").content.decode()
    assert "登录后报名" in page
