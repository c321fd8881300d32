"""A small matchmaking day: Harbour Innovation Hub's operator runs it; TidePay (HK) and Sinovolt (Lingang) people
and a few more organisations take part."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from tests.world import make_member
from zonebridge.accounts.models import Role
from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory.models import OrganisationKind
from zonebridge.directory.services import create_organisation
from zonebridge.events.models import Category, Event, EventState, Registration, RegistrationState
from zonebridge.events.services import requests, setup

TEXTS = {"title_en": "Cross-border matchmaking day", "title_zh_hant": "跨境配對日",
         "venue_en": "Harbour Hall", "description_en": "Meet partners from the other zone."}


def event_fields(**overrides) -> dict:
    """Settings of a one-day event with 6 slots of 20 minutes and a break, 2 tables."""
    day = (timezone.now() + timedelta(days=10)).date()
    return {"kind": "matchmaking", "format": "venue", "time_zone": "Asia/Hong_Kong", "starts_on": day, "ends_on": day,
            "day_starts_at": time(10, 0), "day_ends_at": time(12, 20), "meeting_minutes": 20,
            "breaks": "11:00-11:20", "tables": 2, "requires_approval": True, "meeting_cap": 4,
            "request_expiry_hours": 48, "chinese_source": ChineseScript.TRADITIONAL, **overrides}


@pytest.fixture
def make_event(hk_hub, operator_hk):
    def make(slug="matchday", open_=True, **overrides) -> Event:
        event = setup.create_event(acting_user=operator_hk, zone=hk_hub, slug=slug, texts=TEXTS,
                                   fields=event_fields(**overrides))
        if open_:
            event = setup.open_event(event, acting_user=operator_hk)
        return Event.objects.select_related("zone").get(pk=event.pk)
    return make


@pytest.fixture
def event(make_event):
    return make_event()


def organisation(zone, slug: str, name: str):
    """Another organisation of `zone`."""
    return create_organisation(home_zone=zone, kind=OrganisationKind.COMPANY, slug=slug,
                               chinese_source=ChineseScript.SIMPLIFIED, texts={"name_en": name})


def join(event, user, org, category=Category.BOTH, **texts) -> Registration:
    """Register `user` for `event` and approve them."""
    registration = Registration.objects.create(event=event, user=user, organisation=org, category=category,
                                               state=RegistrationState.APPROVED, **texts)
    return registration


@pytest.fixture
def people(event, org_admin, battery_admin, fintech_startup, battery_maker, lingang, hk_hub):
    """Approved participants: ann (TidePay, visitor), bo (Sinovolt, host), cy (Lingang 2, host), dee (HK 2,
    visitor), and eve, ann's colleague at TidePay."""
    harbour = organisation(hk_hub, "harbour-two", "Harbour Two")
    east = organisation(lingang, "east-sea", "East Sea Tech")
    eve = make_member("eve", fintech_startup, Role.ORG_MEMBER)
    cy = make_member("cy", east, Role.ORG_ADMIN)
    dee = make_member("dee", harbour, Role.ORG_ADMIN)
    return {
        "ann": join(event, org_admin, fintech_startup, Category.VISITOR, needs_en="battery supplier"),
        "bo": join(event, battery_admin, battery_maker, Category.HOST, offers_en="battery packs for vehicles"),
        "cy": join(event, cy, east, Category.HOST, offers_en="logistics"),
        "dee": join(event, dee, harbour, Category.VISITOR),
        "eve": join(event, eve, fintech_startup, Category.VISITOR),
    }


def meet(requester: Registration, recipient: Registration, **kwargs):
    """A request from `requester` to `recipient`, accepted: returns the meeting."""
    request = requests.send_request(requester.event, acting_user=requester.user, recipient=recipient, **kwargs)
    return requests.accept_request(request, acting_user=recipient.user)


__all__ = ["EventState", "date", "event_fields", "join", "meet", "organisation"]
