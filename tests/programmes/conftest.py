"""A small programme world: a Lingang → Hong Kong programme with an open round and positions at TidePay."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.world import make_member
from zonebridge.accounts.models import Role
from zonebridge.core.jobs import run_job
from zonebridge.programmes import services
from zonebridge.programmes.models import Round, RoundState


@pytest.fixture
def programme(operator_hk, lingang, hk_hub):
    return services.create_programme(acting_user=operator_hk, texts={
        "title_en": "Harbour Summer Internships", "title_zh_hant": "海港暑期實習計劃",
        "description_en": "Ten weeks at a Hong Kong start-up."},
        fields={"slug": "harbour-summer", "home_zone": lingang, "host_zone": hk_hub, "starts_on": date(2027, 6, 1),
                "ends_on": date(2027, 8, 31), "chinese_source": "zh_hant"})


@pytest.fixture
def round_(programme, operator_hk):
    now = timezone.now()
    return services.create_round(programme, acting_user=operator_hk, applications_close_at=now + timedelta(days=10),
                                 offer_deadline=now + timedelta(days=20), default_quota=2)


def post(round_, user, host, title, capacity=1, universities=None, **fields):
    """A position posted through the service."""
    from zonebridge.programmes.models import Position

    position = Position(round=round_, host=host)
    return services.save_position(position, acting_user=user, texts={"title_en": title}, fields={
        "capacity": capacity, "chinese_source": "zh_hant", **fields}, universities=universities)


@pytest.fixture
def position(round_, org_admin, fintech_startup):
    return post(round_, org_admin, fintech_startup, "Payments engineer intern", capacity=1)


@pytest.fixture
def open_round(round_, position, operator_hk):
    return services.transition_round(round_, "open", acting_user=operator_hk)


@pytest.fixture
def application(open_round, student):
    return services.apply_to_round(open_round, acting_user=student, statement="I build payment systems.")


def advance(round_, operator, *names):
    """Apply transitions in order; return the fresh round."""
    for name in names:
        services.transition_round(round_, name, acting_user=operator)
    return Round.objects.get(pk=round_.pk)


def run_match(round_, operator, django_capture_on_commit_callbacks):
    """Start the match and run its job at once (and the job telling everyone that follows); return the job."""
    with django_capture_on_commit_callbacks(execute=False):
        job = services.start_placement_run(round_, acting_user=operator)
    with django_capture_on_commit_callbacks(execute=True):
        return run_job(job.pk)


@pytest.fixture
def second_student(hk_university):
    return make_member("student2", hk_university, Role.STUDENT)


@pytest.fixture
def outside_reviewer(battery_maker):
    """A reviewer of a Lingang company: no tie to Harbour University's students."""
    return make_member("outside_reviewer", battery_maker, Role.REVIEWER)


__all__ = ["RoundState", "advance", "post", "run_match"]
