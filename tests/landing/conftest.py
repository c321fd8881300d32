"""The soft-landing test world: a Lingang desk-space service for partner-zone start-ups, a legal service with
a provider organisation, and helpers to make requests in a given state."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.world import make_member
from zonebridge.accounts.models import Role
from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory.models import OrganisationKind
from zonebridge.directory.services import create_organisation
from zonebridge.landing.models import Category, Service
from zonebridge.landing.services import requests as request_services
from zonebridge.landing.services.catalogue import save_service

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(*args) -> datetime:
    """A moment in Shanghai time."""
    return datetime(*args, tzinfo=SHANGHAI)


@pytest.fixture
def provider_org(lingang):
    return create_organisation(home_zone=lingang, kind=OrganisationKind.SERVICE_PROVIDER, slug="lexhub",
                               chinese_source=ChineseScript.SIMPLIFIED,
                               texts={"name_en": "LexHub Law", "name_zh_hans": "律汇律师事务所"})


@pytest.fixture
def provider_member(provider_org):
    return make_member("provider_member", provider_org, Role.ORG_MEMBER)


@pytest.fixture
def desk_space(lingang, operator_lingang):
    return save_service(
        Service(zone=lingang, slug="lingang-desks"), acting_user=operator_lingang,
        texts={"name_en": "Desks at the Lingang landing pad", "name_zh_hans": "临港落地空间工位",
               "description_zh_hans": "为香港初创企业提供的开放工位。",
               "eligibility_en": "Hong Kong start-ups and companies"},
        fields={"category": Category.SPACE, "sla_days": 5, "capacity_per_month": 6, "eligible_kinds": "startup,company",
                "partner_zone_only": True, "chinese_source": ChineseScript.SIMPLIFIED})


@pytest.fixture
def legal_service(lingang, operator_lingang, provider_org):
    return save_service(
        Service(zone=lingang, slug="lingang-legal"), acting_user=operator_lingang,
        texts={"name_en": "Legal and tax clinic", "name_zh_hans": "法律与税务咨询"},
        fields={"category": Category.LEGAL_TAX, "sla_days": 3, "provider": provider_org,
                "chinese_source": ChineseScript.SIMPLIFIED})


@pytest.fixture
def submit(org_admin, fintech_startup):
    """Submit a request as TidePay's admin: `submit(service, now=..., **answers)`."""
    def _submit(service, *, user=None, now=None, details="We need help.", **answers):
        return request_services.submit_request(
            service, acting_user=user or org_admin, organisation=fintech_startup, details=details, answers=answers,
            now=now)
    return _submit


@pytest.fixture
def legal_request(submit, legal_service):
    return submit(legal_service, now=at(2026, 3, 2, 10))


def advance(request, *actions, by, assignee=None):
    """Apply workflow actions in turn, returning the updated request."""
    for action in actions:
        request = request_services.change_state(request, action, acting_user=by, assignee=assignee,
                                                reason="Out of scope")
    return request
