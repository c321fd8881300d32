"""An admin edit of an organisation is the same use case as the profile page: conversion, overrides, audit rules."""

from zonebridge.directory.models import Organisation


def admin_form(organisation: Organisation, **changes) -> dict:
    data = {
        "slug": organisation.slug, "kind": organisation.kind, "stage": organisation.stage, "size": organisation.size,
        "home_zone": organisation.home_zone_id, "sectors": [s.pk for s in organisation.sectors.all()],
        "website": organisation.website, "founded_year": organisation.founded_year or "",
        "chinese_source": organisation.chinese_source, "hand_written_fields": "[]",
        **{name: getattr(organisation, name) for name in organisation.text_field_names()},
    }
    data.update(changes)
    return data


def test_an_admin_edit_converts_the_other_script(client, superuser, battery_maker):
    client.force_login(superuser)
    response = client.post(f"/en/admin/directory/organisation/{battery_maker.pk}/change/",
                           admin_form(battery_maker, summary_zh_hans="为电动汽车提供储能电池", summary_zh_hant=""))
    assert response.status_code == 302, response.content.decode()[:2000]
    battery_maker.refresh_from_db()
    assert battery_maker.summary_zh_hant == "為電動汽車提供儲能電池"
    assert "储能" in battery_maker.search_document.split()


def test_an_admin_creates_an_organisation_through_the_service(client, superuser, lingang):
    client.force_login(superuser)
    created = client.post("/en/admin/directory/organisation/add/", {
        "slug": "new-co", "kind": "company", "stage": "", "size": "", "home_zone": lingang.pk, "website": "",
        "founded_year": "", "chinese_source": "zh_hans", "hand_written_fields": "[]", "name_en": "New Co",
        "name_zh_hans": "新公司", "name_zh_hant": "", "summary_en": "", "summary_zh_hans": "", "summary_zh_hant": "",
        "description_en": "", "description_zh_hans": "", "description_zh_hant": ""})
    assert created.status_code == 302
    organisation = Organisation.objects.get(slug="new-co")
    assert organisation.name_zh_hant == "新公司" and organisation.search_document


def test_an_operator_of_the_other_zone_cannot_edit_in_the_admin(client, operator_lingang, fintech_startup):
    operator_lingang.is_staff = True
    operator_lingang.save()
    from django.contrib.auth.models import Permission

    operator_lingang.user_permissions.add(*Permission.objects.filter(codename__in=["change_organisation",
                                                                                   "view_organisation"]))
    client.force_login(operator_lingang)
    response = client.post(f"/en/admin/directory/organisation/{fintech_startup.pk}/change/",
                           admin_form(fintech_startup, name_en="Hijacked"))
    assert response.status_code in (302, 403)
    fintech_startup.refresh_from_db()
    assert fintech_startup.name_en == "TidePay"
