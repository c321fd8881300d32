"""Fixtures of the marketplace tests: postings on both sides."""

import pytest

from zonebridge.core.trilingual import ChineseScript
from zonebridge.opportunities import services
from zonebridge.opportunities.models import Kind, Visibility


def post(organisation, author, *, title, description, kind=Kind.PARTNERSHIP, **fields):
    """Post through the service, as `author`."""
    language, texts = services.texts_in(fields.pop("language", None), title, description)
    return services.create_opportunity(acting_user=author, organisation=organisation, kind=kind, texts=texts,
                                       language=language, **fields)


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    """Run what a change's commit queues (the index and recommendation task), as the worker would."""
    def run(make):
        with django_capture_on_commit_callbacks(execute=True):
            return make()
    return run


@pytest.fixture
def battery_need(battery_maker, battery_admin, published):
    """A Lingang company's need, written in Simplified Chinese (indexed)."""
    return published(lambda: post(battery_maker, battery_admin, title="寻找电池管理系统软件合作伙伴",
                description="我们在临港建设动力电池工厂，寻找香港的电池管理系统（BMS）软件团队合作。",
                kind=Kind.TECHNOLOGY_REQUEST))


@pytest.fixture
def fintech_offer(fintech_startup, org_admin, published):
    """A Hong Kong start-up's offer, written in Traditional Chinese, for signed-in users only (indexed)."""
    return published(lambda: post(fintech_startup, org_admin, title="跨境支付軟件試點", direction="offer",
                description="我們為中小企業提供跨境支付軟件，尋找上海的銀行作為應用場景試點。",
                kind=Kind.STARTUP_OPPORTUNITY, visibility=Visibility.SIGNED_IN))


__all__ = ["ChineseScript", "post"]
