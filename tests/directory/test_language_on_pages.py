"""What Chinese readers see around the texts: converted-text notes, time-zone names, labels, page language."""


def test_a_converted_profile_says_so_and_offers_its_editor_a_fix(client, battery_maker, battery_admin):
    page = client.get("/zh-hant/organisations/sinovolt/").content.decode()
    assert 'class="script-note"' in page and "/edit/" not in page.split('class="script-note"')[1].split("</p>")[0]
    client.force_login(battery_admin)
    page = client.get("/zh-hant/organisations/sinovolt/").content.decode()
    note = page.split('class="script-note"')[1].split("</p>")[0]
    assert "/zh-hant/organisations/sinovolt/edit/" in note


def test_a_profile_in_its_own_script_has_no_note(client, battery_maker):
    assert 'class="script-note"' not in client.get("/zh-hans/organisations/sinovolt/").content.decode()
    assert 'class="script-note"' not in client.get("/en/organisations/sinovolt/").content.decode()


def test_time_zones_are_named_as_readers_name_them(client, battery_maker, fintech_startup):
    assert "Asia/Shanghai" not in client.get("/zh-hans/organisations/sinovolt/").content.decode()
    home = client.get("/en/").content.decode()
    assert "Shanghai time" in home and "Hong Kong time" in home


def test_the_english_name_is_labelled_and_the_page_language_tagged(client, battery_maker):
    page = client.get("/zh-hant/organisations/sinovolt/").content.decode()
    assert '<html lang="zh-Hant-HK"' in page
    assert '<span lang="en">Sinovolt Energy</span>' in page
    assert '<html lang="zh-Hans-CN"' in client.get("/zh-hans/").content.decode()
