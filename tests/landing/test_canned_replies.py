"""Canned replies: a zone's operators keep reply templates (English by them, 简↔繁 converted); in a request's
thread the team picks one and it is added to the reply box in the requester's language, without JavaScript;
the API lists them."""

import pytest

from tests.landing.test_api import bearer
from zonebridge.core.audit import entries_about
from zonebridge.core.errors import DomainError, NotAllowed
from zonebridge.landing.models import CannedReply, RequestMessage
from zonebridge.landing.services import replies as reply_services


@pytest.fixture
def welcome(lingang, operator_lingang):
    return reply_services.save_canned_reply(
        CannedReply(zone=lingang), acting_user=operator_lingang, chinese_source="zh_hans",
        texts={"title_en": "Welcome", "title_zh_hans": "欢迎", "body_en": "Thank you, we are looking at it.",
               "body_zh_hans": "谢谢，我们正在处理您的请求。"})


def test_an_operator_saves_a_reply_and_the_other_script_is_converted(welcome):
    assert welcome.title_zh_hant == "歡迎"
    assert welcome.body_zh_hant == "謝謝，我們正在處理您的請求。"
    assert entries_about(welcome).filter(action="landing.cannedreply.create").exists()


def test_an_edit_keeps_a_hand_written_traditional_text(welcome, operator_lingang):
    edited = reply_services.save_canned_reply(welcome, acting_user=operator_lingang,
                                              texts={"body_zh_hant": "多謝，我哋跟緊。"})
    assert edited.body_zh_hant == "多謝，我哋跟緊。" and "body_zh_hant" in edited.hand_written_fields
    assert entries_about(edited).filter(action="landing.cannedreply.update").exists()


def test_only_the_zones_operators_keep_its_replies(welcome, operator_hk, org_admin, lingang):
    for person in (operator_hk, org_admin):
        with pytest.raises(NotAllowed):
            reply_services.save_canned_reply(CannedReply(zone=lingang), acting_user=person,
                                             texts={"title_en": "x", "body_en": "y"})
        with pytest.raises(NotAllowed):
            reply_services.delete_canned_reply(welcome, acting_user=person)


def test_a_reply_needs_an_english_title_and_a_text(lingang, operator_lingang):
    with pytest.raises(DomainError) as refused:
        reply_services.save_canned_reply(CannedReply(zone=lingang), acting_user=operator_lingang,
                                         texts={"title_zh_hans": "标题", "body_zh_hans": "正文"})
    assert refused.value.field == "title_en"
    with pytest.raises(DomainError) as refused:
        reply_services.save_canned_reply(CannedReply(zone=lingang), acting_user=operator_lingang,
                                         texts={"title_en": "Empty"})
    assert refused.value.field == "body_en"
    with pytest.raises(DomainError) as refused:
        reply_services.save_canned_reply(CannedReply(zone=lingang), acting_user=operator_lingang,
                                         texts={"title_en": "T", "body_en": "B"}, chinese_source="klingon")
    assert refused.value.field == "chinese_source"
    assert not CannedReply.objects.exists()


def test_delete_is_audited(welcome, operator_lingang):
    reply_services.delete_canned_reply(welcome, acting_user=operator_lingang)
    assert not CannedReply.objects.exists()


def test_the_reply_is_inserted_after_what_was_typed_in_the_requesters_language(welcome, legal_request,
                                                                               operator_lingang, org_admin):
    org_admin.preferred_language = "zh-hant"
    org_admin.save()
    text = reply_services.insert_reply("Hello,", welcome, legal_request, acting_user=operator_lingang)
    assert text == "Hello,\n\n謝謝，我們正在處理您的請求。"
    with pytest.raises(NotAllowed):
        reply_services.insert_reply("", welcome, legal_request, acting_user=org_admin)


def test_another_zones_reply_is_not_for_this_request(legal_request, hk_hub, operator_hk, operator_lingang):
    hk_reply = reply_services.save_canned_reply(CannedReply(zone=hk_hub), acting_user=operator_hk,
                                                texts={"title_en": "HK", "body_en": "HK text"})
    with pytest.raises(NotAllowed):
        reply_services.insert_reply("", hk_reply, legal_request, acting_user=operator_lingang)


def test_the_thread_inserts_a_reply_without_javascript_and_sends_nothing(client, welcome, legal_request,
                                                                         operator_lingang):
    client.force_login(operator_lingang)
    url = f"/en/landing/requests/{legal_request.pk}/"
    assert 'name="insert_reply"' in client.get(url).content.decode()
    response = client.post(f"{url}messages/", {"body": "Dear TidePay,", "canned_reply": welcome.pk,
                                               "insert_reply": "1", "internal": "on"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dear TidePay,\n\nThank you, we are looking at it.</textarea>" in body
    assert not RequestMessage.objects.exists()
    response = client.post(f"{url}messages/", {"body": "typed", "canned_reply": "", "insert_reply": "1"})
    assert "Choose a canned reply to insert." in response.content.decode() and "typed</textarea>" in \
        response.content.decode()


def test_the_requester_sees_no_reply_picker_and_may_not_insert(client, welcome, legal_request, org_admin):
    client.force_login(org_admin)
    url = f"/en/landing/requests/{legal_request.pk}/"
    assert 'name="insert_reply"' not in client.get(url).content.decode()
    assert client.post(f"{url}messages/", {"canned_reply": welcome.pk, "insert_reply": "1"}).status_code == 403


def test_the_management_pages_list_create_and_delete(client, welcome, operator_lingang, lingang):
    client.force_login(operator_lingang)
    assert "Welcome" in client.get("/en/landing/replies/").content.decode()
    response = client.post("/zh-hans/landing/replies/new/", {"zone": lingang.pk, "chinese_source": "zh_hans",
                                                             "title_en": "", "body_zh_hans": "请补充材料"})
    assert response.status_code == 200 and "请补充材料" in response.content.decode()
    response = client.post("/zh-hans/landing/replies/new/", {"zone": lingang.pk, "chinese_source": "zh_hans",
                                                             "title_en": "Documents", "title_zh_hans": "补充材料",
                                                             "body_zh_hans": "请补充材料"})
    assert response.status_code == 302
    assert CannedReply.objects.get(title_en="Documents").body_zh_hant == "請補充材料"
    assert client.post(f"/en/landing/replies/{welcome.pk}/delete/").status_code == 302
    assert not CannedReply.objects.filter(pk=welcome.pk).exists()


def test_the_api_lists_the_replies_of_the_callers_zones(client, welcome, operator_lingang, operator_hk, org_admin):
    items = client.get("/api/v1/landing/replies", **bearer(operator_lingang)).json()["items"]
    assert [(item["title_en"], item["title_zh_hant"], item["zone"]) for item in items] == [
        ("Welcome", "歡迎", "lingang")]
    assert client.get("/api/v1/landing/replies", **bearer(operator_hk)).json()["items"] == []
    assert client.get("/api/v1/landing/replies", {"zone": "lingang"}, **bearer(operator_hk)).status_code == 422
    assert client.get("/api/v1/landing/replies", **bearer(org_admin)).status_code == 403
