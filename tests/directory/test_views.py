"""Directory pages: list, filters, search, detail, editing, language prefixes."""

import pytest
from django.urls import reverse

from tests.directory.factories import OrganisationFactory
from tests.world import PASSWORD


@pytest.fixture
def many_organisations(lingang, hk_hub, sectors):
    for number in range(45):
        OrganisationFactory(home_zone=hk_hub if number % 2 else lingang, slug=f"org-{number}",
                            sectors=[sectors["battery"], sectors["fintech"]],
                            texts={"name_en": f"Org {number:02d}", "summary_zh_hans": "电池管理系统"})


def test_home_lists_the_zones(client, lingang, hk_hub, battery_maker):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Lingang Special Area" in response.content.decode()
    assert "1 organisation" in response.content.decode()


def test_an_unprefixed_address_redirects_to_a_language(client, lingang):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_the_list_shows_names_in_the_reader_language(client, battery_maker):
    assert "芯伏能源科技有限公司" in client.get("/zh-hans/organisations/").content.decode()
    assert "Sinovolt Energy" in client.get("/en/organisations/").content.decode()


def test_the_list_filters_by_zone_kind_sector_and_stage(client, battery_maker, fintech_startup):
    url = reverse("directory:organisation_list")
    assert "TidePay" not in client.get(url, {"zone": "lingang"}).content.decode()
    assert "TidePay" in client.get(url, {"zone": "hk-hub", "kind": "startup", "stage": "seed"}).content.decode()
    by_parent_sector = client.get(url, {"sector": "new-energy"}).content.decode()
    assert "Sinovolt" in by_parent_sector and "TidePay" not in by_parent_sector


def test_an_unknown_filter_value_is_reported(client, battery_maker):
    response = client.get(reverse("directory:organisation_list"), {"zone": "atlantis"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "Sinovolt" not in response.content.decode()


def test_a_traditional_query_finds_a_simplified_profile_on_the_page(client, battery_maker, fintech_startup):
    page = client.get("/zh-hant/organisations/", {"q": "動力電池"}).content.decode()
    assert "芯伏能源科技有限公司" in page
    assert "潮付科技" not in page


def test_htmx_requests_get_only_the_results(client, battery_maker):
    response = client.get(reverse("directory:organisation_list"), {"q": "battery"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Sinovolt" in body and "<html" not in body


def test_the_list_paginates(client, many_organisations):
    first = client.get(reverse("directory:organisation_list"), {"kind": "startup"}).content.decode()
    assert "Org 00" in first and "Org 20" not in first and "Page 1 of 3" in first
    third = client.get(reverse("directory:organisation_list"), {"kind": "startup", "page": 3}).content.decode()
    assert "Org 44" in third


def test_the_list_query_count_does_not_grow_with_rows(client, many_organisations, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        listing = client.get(reverse("directory:organisation_list"))
    # One more for a search: the profiles index's version stamp (read at most once a second outside tests).
    with django_assert_max_num_queries(8):
        search = client.get(reverse("directory:organisation_list"),
                            {"q": "电池", "sector": "batteries", "zone": "hk-hub"})
    # A refusal or an error page would be cheap too: the counts mean something only for a full answer.
    assert listing.status_code == 200 and search.status_code == 200
    assert listing.context["page"].object_list and search.context["page"].object_list


def test_the_home_query_count_is_pinned(client, many_organisations, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get("/en/")
    assert response.status_code == 200 and response.context["zones"]


def test_the_detail_page_shows_the_profile(client, battery_maker):
    body = client.get("/zh-hant/organisations/sinovolt/").content.decode()
    assert "為新能源汽車提供動力電池系統" in body
    assert "Edit profile" not in body


def test_an_admin_sees_the_edit_link(client, org_admin, fintech_startup):
    client.login(username="org_admin", password=PASSWORD)
    assert "Edit profile" in client.get("/en/organisations/tidepay/").content.decode()


def test_editing_needs_a_sign_in(client, fintech_startup):
    response = client.get("/en/organisations/tidepay/edit/")
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_a_member_may_not_open_the_editor(client, org_member, fintech_startup):
    client.login(username="org_member", password=PASSWORD)
    assert client.get("/en/organisations/tidepay/edit/").status_code == 403


def profile_post(**overrides):
    data = {"kind": "startup", "stage": "seed", "size": "", "website": "https://tidepay.example",
            "founded_year": "2021", "chinese_source": "zh_hant", "name_en": "TidePay", "name_zh_hans": "",
            "name_zh_hant": "潮付科技", "summary_en": "Payments", "summary_zh_hans": "",
            "summary_zh_hant": "跨境支付", "description_en": "", "description_zh_hans": "",
            "description_zh_hant": "", "sectors": []}
    data.update(overrides)
    return data


def test_an_admin_edits_the_profile_and_the_other_script_follows(client, org_admin, fintech_startup):
    client.login(username="org_admin", password=PASSWORD)
    response = client.post("/en/organisations/tidepay/edit/", profile_post(summary_zh_hant="專業跨境支付軟件"))
    assert response.status_code == 302
    fintech_startup.refresh_from_db()
    assert fintech_startup.summary_zh_hans == "专业跨境支付软件"
    assert fintech_startup.website == "https://tidepay.example"


def test_a_bad_field_is_reported_and_the_input_kept(client, org_admin, fintech_startup):
    client.login(username="org_admin", password=PASSWORD)
    response = client.post("/en/organisations/tidepay/edit/",
                           profile_post(website="not-a-url", founded_year="1066", summary_en="Kept text"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid URL." in body
    assert "Enter a year between 1800 and 2100." in body
    assert "Kept text" in body and "not-a-url" in body
    fintech_startup.refresh_from_db()
    assert fintech_startup.summary_en == "Cross-border payments for SMEs"


def test_a_missing_english_name_is_reported(client, org_admin, fintech_startup):
    client.login(username="org_admin", password=PASSWORD)
    response = client.post("/en/organisations/tidepay/edit/", profile_post(name_en=""))
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


def png_bytes() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_admin_uploads_a_logo(client, org_admin, fintech_startup, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.login(username="org_admin", password=PASSWORD)
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    response = client.post("/en/organisations/tidepay/edit/", {**profile_post(), "logo": logo})
    assert response.status_code == 302
    fintech_startup.refresh_from_db()
    assert fintech_startup.logo.name.startswith("logos/") and (tmp_path / fintech_startup.logo.name).exists()


def test_a_logo_that_is_not_an_image_is_refused(client, org_admin, fintech_startup, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.login(username="org_admin", password=PASSWORD)
    fake = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")
    response = client.post("/en/organisations/tidepay/edit/", {**profile_post(summary_en="Kept"), "logo": fake})
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode() and "Kept" in response.content.decode()
    fintech_startup.refresh_from_db()
    assert not fintech_startup.logo
