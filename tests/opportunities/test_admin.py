"""The marketplace in Django admin: every page opens, and an edit there goes through the service."""

from zonebridge.opportunities import services
from zonebridge.opportunities.models import SavedSearch


def test_every_admin_page_opens(admin_client, battery_need, org_admin, fintech_startup):
    interest = services.express_interest(battery_need, acting_user=org_admin, organisation=fintech_startup,
                                         message="Hello")
    saved = SavedSearch.objects.create(user=org_admin, q="battery")
    for model, pk in (("opportunity", battery_need.pk), ("interestexpression", interest.pk),
                      ("savedsearch", saved.pk)):
        assert admin_client.get(f"/en/admin/opportunities/{model}/").status_code == 200
        assert admin_client.get(f"/en/admin/opportunities/{model}/{pk}/change/").status_code == 200
    assert admin_client.get("/en/admin/opportunities/opportunity/add/").status_code == 200
    assert admin_client.get("/en/admin/opportunities/interestexpression/add/").status_code == 403


def test_an_admin_edit_converts_the_other_script(admin_client, battery_need):
    data = {"organisation": battery_need.organisation_id, "direction": "need", "kind": "technology_request",
            "title_en": "", "title_zh_hans": "寻找储能电池伙伴", "title_zh_hant": battery_need.title_zh_hant,
            "description_en": "", "description_zh_hans": battery_need.description_zh_hans,
            "description_zh_hant": battery_need.description_zh_hant, "language": "zh_hans",
            "chinese_source": "zh_hans", "valid_from": "2026-01-01", "visibility": "public",
            "sectors": []}
    response = admin_client.post(f"/en/admin/opportunities/opportunity/{battery_need.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    battery_need.refresh_from_db()
    assert battery_need.title_zh_hant == "尋找儲能電池夥伴"
