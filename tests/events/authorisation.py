"""Authorisation rules of events (collected by tests/test_authorisation_matrix.py).

The world: Harbour Innovation Hub (the zone_operator's zone) runs the open event "matchday" and the draft
"draftday". TidePay's org_admin (visitor, looking for batteries) and the other_org_admin of Sinovolt (host) are
approved participants; "third" (another host) is too, and "waiting" has a registration pending approval. The
org_admin asked the other_org_admin for a meeting (waiting for an answer) and has an accepted, not yet scheduled
meeting with "third".
"""

from datetime import time, timedelta

from django.utils import timezone

from tests.authorisation import (
    FORBIDDEN,
    NOT_FOUND,
    OK,
    ROLES,
    UNAUTHENTICATED,
    Rule,
    everyone,
    only,
)

EVENT = {"slug": "matchday"}
DRAFT = {"slug": "draftday"}
OPERATORS = ("zone_operator", "superuser")
PARTICIPANTS = ("org_admin", "other_org_admin")
# Who sees the participant list: approved participants and the event's operators.
PARTICIPANTS_AND_OPERATORS = (*PARTICIPANTS, *OPERATORS)


def api_only(*roles: str, others: str = FORBIDDEN, **special: str) -> dict[str, str]:
    """An API operation behind a token: OK for `roles`, `others` for the rest; `special` overrides per role."""
    return {**only(*roles, others=others, anonymous=UNAUTHENTICATED), **special}


def page(route: str, expected, **kwargs) -> Rule:
    """A rule about the test event (its slug in the path)."""
    return Rule(route, expected, params={**EVENT, **kwargs.pop("params", {})}, **kwargs)


PATH_VALUES = {
    "registration_id": "@events_third_registration",
    "request_id": "@events_request",
    "meeting_id": "@events_meeting",
    "token": "@events_feed_token",
}

MARKERS = {"pending participant": "waiting-for-approval-marker"}

P = "<lang>/events/"
PAGES = [
    Rule(P, everyone()),
    Rule(P + "new/", only("zone_operator", "other_zone_operator", "superuser")),
    Rule(P + "new/", only("zone_operator", "other_zone_operator", "superuser"), method="POST", data={}),
    Rule(P + "feed/<str:token>.ics", everyone()),
    Rule(P + "feed/<str:token>.ics", everyone(NOT_FOUND), params={"token": "no-such-token"}),
    page(P + "<slug:slug>/", everyone()),
    Rule(P + "<slug:slug>/", {**everyone(NOT_FOUND), "zone_operator": OK, "superuser": OK}, params=DRAFT),
    page(P + "<slug:slug>/edit/", only(*OPERATORS)),
    page(P + "<slug:slug>/state/", only(*OPERATORS), method="POST", data={"action": "no-such-action"}),
    page(P + "<slug:slug>/register/", only("org_member", *PARTICIPANTS)),
    page(P + "<slug:slug>/profile/", only(*PARTICIPANTS)),
    page(P + "<slug:slug>/registrations/", only(*OPERATORS)),
    page(P + "<slug:slug>/registrations/<int:registration_id>/", only(*OPERATORS), method="POST",
         data={"action": "approve"}),
    page(P + "<slug:slug>/participants/", only(*PARTICIPANTS_AND_OPERATORS),
         hidden={"pending participant": ROLES}),
    page(P + "<slug:slug>/participants/recommended/", only(*PARTICIPANTS_AND_OPERATORS),
         hidden={"pending participant": ROLES}),
    page(P + "<slug:slug>/participants/<int:registration_id>/interest/", only(*PARTICIPANTS), method="POST",
         data={"level": "would"}),
    page(P + "<slug:slug>/participants/<int:registration_id>/request/", only(*PARTICIPANTS)),
    page(P + "<slug:slug>/requests/", only(*PARTICIPANTS)),
    # Only the recipient answers; the requester may withdraw (tested in tests/events), not decline.
    page(P + "<slug:slug>/requests/<int:request_id>/", only("other_org_admin"), method="POST",
         data={"action": "decline"}),
    page(P + "<slug:slug>/schedule/", only(*OPERATORS)),
    page(P + "<slug:slug>/schedule/publish/", only(*OPERATORS), method="POST"),
    page(P + "<slug:slug>/schedule/print/", only(*OPERATORS)),
    page(P + "<slug:slug>/meetings/<int:meeting_id>/", only(*OPERATORS)),
    page(P + "<slug:slug>/meetings/<int:meeting_id>/", only(*OPERATORS), method="POST", data={"action": "cancel"}),
    page(P + "<slug:slug>/meetings/<int:meeting_id>/book/", only("org_admin"), method="POST", data={}),
    page(P + "<slug:slug>/meetings/<int:meeting_id>/report/", only("org_admin")),
    page(P + "<slug:slug>/agenda/", only(*PARTICIPANTS)),
    page(P + "<slug:slug>/agenda.ics", only(*PARTICIPANTS)),
    page(P + "<slug:slug>/calendar/renew/", only(*PARTICIPANTS), method="POST"),
]

A = "/api/v1/events"
API = [
    Rule(A, everyone()),
    Rule(A + "/{slug}", everyone(), params=EVENT),
    Rule(A + "/{slug}", everyone(NOT_FOUND), params=DRAFT),
    # org_member registers; the participants are registered already (409), Sinovolt's admin is not of TidePay.
    Rule(A + "/{slug}/registrations", api_only("org_member", org_admin="409", other_org_admin="422"),
         method="POST", params=EVENT, data={"organisation": "tidepay"}),
    Rule(A + "/{slug}/participants", api_only(*PARTICIPANTS_AND_OPERATORS), params=EVENT,
         hidden={"pending participant": ROLES}),
    Rule(A + "/{slug}/interests/{registration_id}", api_only(*PARTICIPANTS), method="PUT", params=EVENT,
         data={"level": "would"}),
    Rule(A + "/{slug}/requests", api_only(*PARTICIPANTS), params=EVENT),
    # Participants get past the check and are told the recipient is unknown (422).
    Rule(A + "/{slug}/requests", api_only(org_admin="422", other_org_admin="422"), method="POST", params=EVENT,
         data={"recipient": 0}),
    Rule(A + "/{slug}/requests/{request_id}/answer", api_only("other_org_admin"), method="POST", params=EVENT,
         data={"action": "decline"}),
    Rule(A + "/{slug}/agenda", api_only(*PARTICIPANTS), params=EVENT),
    # Seated, but the meeting has no time yet: 409.
    Rule(A + "/{slug}/meetings/{meeting_id}/report", api_only(org_admin="409"), method="POST", params=EVENT,
         data={"held": True}),
    # The second run of the same event while the first is queued is refused (409).
    Rule(A + "/{slug}/schedule-runs", api_only("zone_operator", superuser="409"), method="POST", params=EVENT,
         data={"mode": "all"}),
    Rule(A + "/{slug}/schedule", api_only(*OPERATORS), params=EVENT),
    Rule(A + "/{slug}/schedule/publish", api_only(*OPERATORS), method="POST", params=EVENT),
    # Cancelled by the first operator; the second finds it cancelled already (409).
    Rule(A + "/{slug}/meetings/{meeting_id}", api_only("zone_operator", superuser="409"), method="POST",
         params=EVENT, data={"action": "cancel"}),
]


def build_world(world: dict) -> dict:
    """The events, registrations, a waiting request and an accepted meeting the rules above are about."""
    from tests.world import make_member
    from zonebridge.accounts.models import Role
    from zonebridge.core.trilingual import ChineseScript
    from zonebridge.directory.models import Organisation, OrganisationKind, Zone
    from zonebridge.directory.services import create_organisation
    from zonebridge.events.models import Category, Registration, RegistrationState
    from zonebridge.events.services import requests, setup

    users = world["users"]
    hub = Zone.objects.get(slug="hk-hub")
    day = (timezone.now() + timedelta(days=14)).date()
    fields = {"time_zone": "Asia/Hong_Kong", "starts_on": day, "ends_on": day, "day_starts_at": time(9, 0),
              "day_ends_at": time(11, 0), "meeting_minutes": 20, "tables": 4, "meeting_cap": 10,
              "chinese_source": ChineseScript.TRADITIONAL}
    operator = users["zone_operator"]
    event = setup.create_event(acting_user=operator, zone=hub, slug="matchday", fields=fields,
                               texts={"title_en": "Matchmaking day", "title_zh_hant": "配對日"})
    event = setup.open_event(event, acting_user=operator)
    setup.create_event(acting_user=operator, zone=hub, slug="draftday", fields=fields,
                       texts={"title_en": "Draft day"})
    third_org = create_organisation(home_zone=hub, kind=OrganisationKind.COMPANY, slug="third-co",
                                    chinese_source=ChineseScript.TRADITIONAL, texts={"name_en": "Third Co"})
    third = make_member("third", third_org, Role.ORG_ADMIN)
    waiting = make_member("waiting", third_org, Role.ORG_MEMBER)
    waiting.display_name = MARKERS["pending participant"]
    waiting.save()

    def join(user, organisation, category, state=RegistrationState.APPROVED, **texts):
        return Registration.objects.create(event=event, user=user, organisation=organisation, category=category,
                                           state=state, **texts)

    mine = join(users["org_admin"], Organisation.objects.get(slug="tidepay"), Category.VISITOR,
                needs_en="battery packs")
    host = join(users["other_org_admin"], Organisation.objects.get(slug="sinovolt"), Category.HOST,
                offers_en="battery packs for electric vehicles")
    third_registration = join(third, third_org, Category.HOST, offers_en="logistics")
    join(waiting, third_org, Category.HOST, state=RegistrationState.PENDING)
    waiting_request = requests.send_request(event, acting_user=users["org_admin"], recipient=host, note="Hello")
    accepted = requests.send_request(event, acting_user=users["org_admin"], recipient=third_registration)
    meeting = requests.accept_request(accepted, acting_user=third)
    return {"events_third_registration": third_registration.pk, "events_request": waiting_request.pk,
            "events_meeting": meeting.pk, "events_feed_token": mine.calendar_token}

