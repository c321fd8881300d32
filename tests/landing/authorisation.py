"""Authorisation rules of soft landing: the catalogue is public; a request is for its requester's side, the
operators of its zone and the person it is assigned to; the queue is for operators; a call's applications are
for its owner and the applicants. Internal notes never reach the requester."""

from datetime import timedelta

from django.utils import timezone

from tests.authorisation import (
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    ROLES,
    UNAUTHENTICATED,
    Rule,
    all_but,
    everyone,
    only,
)
from zonebridge.accounts.models import User
from zonebridge.directory.models import Organisation, Zone
from zonebridge.landing.models import CannedReply, Category, Service
from zonebridge.landing.services import replies as reply_services
from zonebridge.landing.services import requests as request_services
from zonebridge.landing.services import scenarios
from zonebridge.landing.services.catalogue import save_service

# Who sees TidePay's request for the Harbour hub's legal clinic: its requester (TidePay's admin), the hub's
# operator, superusers.
REQUEST_VIEWERS = ("org_admin", "zone_operator", "superuser")
# Who may publish calls: organisation admins (for their organisation), operators (for their zone's companies).
CALL_PUBLISHERS = ("org_admin", "other_org_admin", "zone_operator", "other_zone_operator", "superuser")
# Who decides on applications to Sinovolt's call: its admin, Lingang's operator, superusers.
CALL_OWNERS = ("other_org_admin", "other_zone_operator", "superuser")
APPLICANTS = ("org_admin", "org_member")
OPERATORS = ("zone_operator", "other_zone_operator", "superuser")
HK_LEGAL = {"slug": "hk-legal"}


def _with(expected: dict, **changes) -> dict:
    return {**expected, **changes}


PATH_VALUES = {
    "request_id": "@landing_request_id",
    "call_id": "@landing_call_id",
    "application_id": "@landing_application_id",
    "reply_id": "@landing_reply_id",
}

MARKERS = {"internal note": "matrix-internal-note-7c1", "hub canned reply": "matrix-hub-reply-4e2"}
NOTE_HIDDEN = {"internal note": all_but("zone_operator", "superuser")}
# The hub's reply templates are for the hub's operators (and superusers), not Lingang's.
REPLY_HIDDEN = {"hub canned reply": all_but("zone_operator", "superuser")}
HUB_OPERATORS = ("zone_operator", "superuser")

PAGES = [
    Rule("<lang>/landing/", everyone()),
    Rule("<lang>/landing/services/<slug:slug>/", everyone(), params=HK_LEGAL),
    Rule("<lang>/landing/services/<slug:slug>/", everyone("404"), params={"slug": "no-such-service"}),
    Rule("<lang>/landing/services/new/", only(*OPERATORS)),
    Rule("<lang>/landing/services/new/", only(*OPERATORS), method="POST", data={"name_en": "incomplete"}),
    Rule("<lang>/landing/services/<slug:slug>/edit/", only("zone_operator", "superuser"), params=HK_LEGAL),
    Rule("<lang>/landing/services/<slug:slug>/edit/", only("zone_operator", "superuser"), method="POST",
         params=HK_LEGAL, data={"name_en": "incomplete"}),
    Rule("<lang>/landing/services/<slug:slug>/request/", only("org_admin", "org_member", "other_org_admin"),
         params=HK_LEGAL),
    Rule("<lang>/landing/services/<slug:slug>/request/", only("org_admin", "org_member", "other_org_admin"),
         method="POST", params=HK_LEGAL, data={"details": "matrix: the form is incomplete"}),
    Rule("<lang>/landing/requests/", only(*ROLES[1:])),
    Rule("<lang>/landing/requests/<int:request_id>/", only(*REQUEST_VIEWERS), hidden=NOTE_HIDDEN),
    # The request is delivered: the requester may not deliver (403); the operators may, but not again (on the form).
    Rule("<lang>/landing/requests/<int:request_id>/act/", only("zone_operator", "superuser"), method="POST",
         data={"action": "deliver"}, hidden=NOTE_HIDDEN),
    Rule("<lang>/landing/requests/<int:request_id>/act/", _with(everyone("405"), anonymous=LOGIN)),
    # Only the requester's side reopens the delivered request (TidePay's admin); everyone else is refused.
    Rule("<lang>/landing/requests/<int:request_id>/act/", only("org_admin"), method="POST",
         data={"action": "reopen", "reason": "matrix: one more clause"}, hidden=NOTE_HIDDEN),
    Rule("<lang>/landing/requests/<int:request_id>/clock/", only("zone_operator", "superuser"), method="POST"),
    Rule("<lang>/landing/requests/<int:request_id>/messages/", only(*REQUEST_VIEWERS), method="POST",
         data={"body": "matrix message"}, hidden=NOTE_HIDDEN),
    Rule("<lang>/landing/requests/<int:request_id>/rate/", only("org_admin"), method="POST", data={"rating": "5"}),
    Rule("<lang>/landing/queue/", only(*OPERATORS), hidden=NOTE_HIDDEN),
    Rule("<lang>/landing/queue/bulk/", only(*OPERATORS), method="POST", data={"action": "triage"}),
    Rule("<lang>/landing/replies/", only(*OPERATORS), hidden=REPLY_HIDDEN),
    Rule("<lang>/landing/replies/new/", only(*OPERATORS)),
    Rule("<lang>/landing/replies/new/", only(*OPERATORS), method="POST", data={"title_en": "incomplete"}),
    Rule("<lang>/landing/replies/<int:reply_id>/edit/", only(*HUB_OPERATORS)),
    Rule("<lang>/landing/replies/<int:reply_id>/edit/", only(*HUB_OPERATORS), method="POST",
         data={"title_en": ""}),
    # The hub's operator deletes the reply; after that it is gone for the roles that come later.
    Rule("<lang>/landing/replies/<int:reply_id>/delete/",
         _with(only("zone_operator"), other_zone_operator=NOT_FOUND, superuser=NOT_FOUND), method="POST"),
    Rule("<lang>/landing/scenarios/", everyone()),
    Rule("<lang>/landing/scenarios/new/", only(*CALL_PUBLISHERS)),
    Rule("<lang>/landing/scenarios/new/", only(*CALL_PUBLISHERS), method="POST", data={"title_en": "incomplete"}),
    Rule("<lang>/landing/scenarios/<int:call_id>/", everyone()),
    Rule("<lang>/landing/scenarios/<int:call_id>/apply/", only(*APPLICANTS)),
    Rule("<lang>/landing/scenarios/<int:call_id>/close/", only(*CALL_OWNERS), method="POST"),
    Rule("<lang>/landing/scenarios/applications/<int:application_id>/", only(*APPLICANTS, *CALL_OWNERS)),
    Rule("<lang>/landing/scenarios/applications/<int:application_id>/",
         _with(only(*APPLICANTS, *CALL_OWNERS), org_admin=FORBIDDEN, org_member=FORBIDDEN), method="POST",
         data={"action": "shortlist"}),
]

API = [
    Rule("/api/v1/landing/services", everyone()),
    Rule("/api/v1/landing/services/{slug}", everyone(), params=HK_LEGAL),
    Rule("/api/v1/landing/services/{slug}", everyone("404"), params={"slug": "no-such-service"}),
    Rule("/api/v1/landing/requests", only(*ROLES[1:], anonymous=UNAUTHENTICATED)),
    # Sinovolt's admin may request the service, but not in TidePay's name (422).
    Rule("/api/v1/landing/requests", _with(only("org_admin", "org_member", anonymous=UNAUTHENTICATED),
                                           other_org_admin="422"), method="POST",
         data={"service": "hk-legal", "organisation": "tidepay", "details": "matrix"}),
    Rule("/api/v1/landing/requests/{request_id}", only(*REQUEST_VIEWERS, anonymous=UNAUTHENTICATED),
         hidden=NOTE_HIDDEN),
    Rule("/api/v1/landing/requests/{request_id}/transitions",
         _with(only(anonymous=UNAUTHENTICATED), zone_operator="409", superuser="409"), method="POST",
         data={"action": "deliver"}),
    Rule("/api/v1/landing/requests/{request_id}/messages", only(*REQUEST_VIEWERS, anonymous=UNAUTHENTICATED),
         method="POST", data={"body": "matrix"}, hidden=NOTE_HIDDEN),
    Rule("/api/v1/landing/requests/{request_id}/rating", only("org_admin", anonymous=UNAUTHENTICATED),
         method="POST", data={"rating": 5}),
    Rule("/api/v1/landing/requests/{request_id}/reopen", only("org_admin", anonymous=UNAUTHENTICATED),
         method="POST", data={"reason": "matrix: one more clause"}, hidden=NOTE_HIDDEN),
    Rule("/api/v1/landing/queue", only(*OPERATORS, anonymous=UNAUTHENTICATED)),
    Rule("/api/v1/landing/replies", only(*OPERATORS, anonymous=UNAUTHENTICATED), hidden=REPLY_HIDDEN),
    Rule("/api/v1/landing/scenarios", everyone()),
    Rule("/api/v1/landing/scenarios/{call_id}", everyone()),
    # TidePay applies once (its member is asked first); its admin then finds the application made.
    Rule("/api/v1/landing/scenarios/{call_id}/applications",
         _with(only("org_member", anonymous=UNAUTHENTICATED), org_admin="409"), method="POST",
         data={"applicant": "tidepay", "proposal": "matrix"}),
]


def build_world(world: dict) -> dict:
    """A legal service of the Harbour hub and TidePay's delivered request for it (with an internal note), a
    canned reply of the hub; Sinovolt's call for pilots with TidePay's application, and a second call nobody
    applied to (the path's)."""
    hk_hub = Zone.objects.get(slug="hk-hub")
    users = world["users"]
    operator = users["zone_operator"]
    service = save_service(Service(zone=hk_hub, slug="hk-legal"), acting_user=operator,
                           texts={"name_en": "Legal clinic", "name_zh_hant": "法律諮詢"},
                           fields={"category": Category.LEGAL_TAX, "sla_days": 5, "eligible_kinds": "startup,company",
                                   "chinese_source": "zh_hant"})
    tidepay = Organisation.objects.get(slug="tidepay")
    request = request_services.submit_request(service, acting_user=users["org_admin"], organisation=tidepay,
                                              details="Contract review")
    request_services.post_message(request, acting_user=operator, body=MARKERS["internal note"], internal=True)
    for action in ("triage", "assign", "start", "deliver"):
        request = request_services.change_state(request, action, acting_user=operator, assignee=operator)
    sinovolt = Organisation.objects.get(slug="sinovolt")
    owner = User.objects.get(username="battery_admin")
    deadline = timezone.localdate() + timedelta(days=30)
    call = scenarios.publish_call(sinovolt, acting_user=owner, deadline=deadline, chinese_source="zh_hans",
                                  texts={"title_en": "Battery line inspection", "title_zh_hans": "电池产线巡检"})
    application = scenarios.apply_to_call(call, acting_user=users["org_admin"], applicant=tidepay,
                                          proposal="Vision model")
    open_call = scenarios.publish_call(sinovolt, acting_user=owner, deadline=deadline, chinese_source="zh_hans",
                                       texts={"title_en": "Forklift routing"})
    reply = reply_services.save_canned_reply(CannedReply(zone=hk_hub), acting_user=operator, chinese_source="zh_hant",
                                             texts={"title_en": MARKERS["hub canned reply"], "body_en": "Hello"})
    return {"landing_request_id": request.pk, "landing_call_id": open_call.pk,
            "landing_application_id": application.pk, "landing_reply_id": reply.pk}


__all__ = ["API", "MARKERS", "PAGES", "PATH_VALUES", "build_world", "OK"]
