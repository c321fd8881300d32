"""The bulletins API: a token personalises the list by the one targeting rule; operators write."""

from zonebridge.accounts.services import issue_api_token


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(user, 'test')[1]}"}


def test_an_operator_writes_and_publishes_a_targeted_bulletin(client, operator_hk, org_admin, battery_admin):
    response = client.post("/api/v1/bulletins", {
        "zone": "hk-hub", "topic": "call", "chinese_source": "zh_hans", "title_en": "Soft-landing grant",
        "title_zh_hans": "软着陆资助", "target_zones": ["hk-hub"], "target_kinds": ["startup"], "publish": True},
        content_type="application/json", **bearer(operator_hk))
    assert response.status_code == 201, response.json()
    assert response.json()["title_zh_hant"] == "軟着陸資助"  # Hong Kong forms (s2hk)
    assert [b["title_en"] for b in client.get("/api/v1/bulletins", **bearer(org_admin)).json()["items"]] == [
        "Soft-landing grant"]
    assert client.get("/api/v1/bulletins", **bearer(battery_admin)).json()["items"] == []
    assert client.get("/api/v1/bulletins").json()["items"] == []
    bulletin_id = response.json()["id"]
    assert client.get(f"/api/v1/bulletins/{bulletin_id}").status_code == 404
    assert client.get(f"/api/v1/bulletins/{bulletin_id}", **bearer(org_admin)).status_code == 200


def test_a_bad_token_is_refused_rather_than_read_as_anonymous(client, db):
    assert client.get("/api/v1/bulletins", HTTP_AUTHORIZATION="Bearer zb_wrong").status_code == 401


def test_an_unknown_audience_is_refused(client, operator_hk):
    response = client.post("/api/v1/bulletins", {"zone": "hk-hub", "topic": "news", "title_en": "x",
                                                 "target_roles": ["emperor"]},
                           content_type="application/json", **bearer(operator_hk))
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "target_roles"]
