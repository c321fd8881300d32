"""The demo seed shows every round state, Hong Kong hosts, Shanghai nominations and a finished match."""

import pytest

from zonebridge.demo.seed import reset_database, seed_demo
from zonebridge.programmes.models import (
    Nomination,
    Offer,
    Participant,
    PlacementRun,
    Position,
    Programme,
    Round,
    RoundState,
)


@pytest.fixture
def seeded(db):
    return seed_demo(seed=3, scale="small")


def test_every_round_state_is_shown(seeded):
    assert set(Round.objects.values_list("state", flat=True)) == set(RoundState.values)


def test_hong_kong_hosts_and_shanghai_nominations(seeded):
    summer = Programme.objects.get(slug="summer-internships-2027")
    assert set(Position.objects.filter(round__programme=summer).values_list("host__home_zone__slug", flat=True)) == {
        "hk-hub"}
    nominated_from = set(Nomination.objects.filter(round__programme=summer).values_list(
        "university__home_zone__slug", flat=True))
    assert nominated_from == {"lingang"}


def test_one_finished_match_with_offers_accepted_declined_and_waiting(seeded):
    run = PlacementRun.objects.get(round__programme__slug="summer-internships-2027")
    assert run.stable and run.notified_at is not None
    states = set(Offer.objects.filter(run=run).values_list("state", flat=True))
    assert {"accepted", "declined"} <= states
    assert Offer.objects.filter(run=run, application__student__username="student", state="open").exists()
    assert Participant.objects.filter(mentor__username="mentor").exists()


def test_the_fintech_round_waits_for_its_match_and_reset_removes_everything(seeded):
    round_ = Round.objects.get(programme__slug="fintech-fellowship-2027")
    assert round_.state == RoundState.MATCHING and not PlacementRun.objects.filter(round=round_).exists()
    reset_database()
    assert not Programme.objects.exists()
