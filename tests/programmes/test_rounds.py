"""A round's workflow: every transition, its guards and who may apply it; programmes, quotas, positions."""

from datetime import date

import pytest

from tests.programmes.conftest import advance, post
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.models import AuditEntry
from zonebridge.programmes import services
from zonebridge.programmes.models import Round, RoundState


def test_an_operator_creates_a_programme_with_converted_chinese(programme):
    assert programme.title_zh_hans == "海港暑期实习计划"
    assert AuditEntry.objects.filter(action="programmes.programme.create").exists()


def test_only_operators_of_the_host_zone_create_its_programmes(operator_lingang, org_admin, lingang, hk_hub):
    fields = {"slug": "x", "home_zone": lingang, "host_zone": hk_hub, "starts_on": date(2027, 1, 1),
              "ends_on": date(2027, 2, 1)}
    for user in (operator_lingang, org_admin):
        with pytest.raises(NotAllowed):
            services.create_programme(acting_user=user, texts={"title_en": "X"}, fields=fields)


def test_a_programme_cannot_end_before_it_starts(operator_hk, lingang, hk_hub):
    with pytest.raises(DomainError) as error:
        services.create_programme(acting_user=operator_hk, texts={"title_en": "X"}, fields={
            "slug": "x", "home_zone": lingang, "host_zone": hk_hub, "starts_on": date(2027, 2, 1),
            "ends_on": date(2027, 1, 1)})
    assert error.value.field == "ends_on"


def test_a_round_goes_through_every_state(round_, position, operator_hk):
    assert round_.state == RoundState.DRAFT
    round_ = advance(round_, operator_hk, "open", "start_review", "reopen", "start_review", "start_matching",
                     "back_to_review", "start_matching")
    assert round_.state == RoundState.MATCHING
    actions = list(AuditEntry.objects.filter(action__startswith="programmes.round.").values_list("action", flat=True))
    assert "programmes.round.start_matching" in actions and "programmes.round.back_to_review" in actions


def test_a_round_without_positions_cannot_open(round_, operator_hk):
    with pytest.raises(Conflict, match="at least one position"):
        services.transition_round(round_, "open", acting_user=operator_hk)
    assert Round.objects.get(pk=round_.pk).state == RoundState.DRAFT


def test_nobody_publishes_by_hand(open_round, operator_hk, superuser):
    round_ = advance(open_round, operator_hk, "start_review", "start_matching")
    for user in (operator_hk, superuser):
        with pytest.raises(DomainError):
            services.transition_round(round_, "publish", acting_user=user)


def test_transitions_are_for_the_programmes_operators(round_, position, operator_lingang, org_admin, student):
    for user in (operator_lingang, org_admin, student):
        with pytest.raises(NotAllowed):
            services.transition_round(round_, "open", acting_user=user)


def test_a_transition_out_of_order_says_so(open_round, operator_hk):
    with pytest.raises(Conflict, match="not possible while the state is"):
        services.transition_round(open_round, "close", acting_user=operator_hk)


def test_hosts_post_positions_only_for_their_organisation_in_the_host_zone(round_, org_admin, battery_admin,
                                                                           battery_maker, operator_hk):
    with pytest.raises(NotAllowed):
        post(round_, org_admin, battery_maker, "Not mine")
    # The operator may post for any organisation, but only in the host zone.
    with pytest.raises(DomainError, match="host zone"):
        post(round_, operator_hk, battery_maker, "Lingang is not the host zone")


def test_positions_freeze_once_matching_starts(open_round, position, operator_hk, org_admin):
    advance(open_round, operator_hk, "start_review", "start_matching")
    position.refresh_from_db()
    with pytest.raises(DomainError, match="can no longer change"):
        services.save_position(position, acting_user=org_admin, texts={}, fields={"capacity": 3})


def test_a_quota_cannot_go_below_what_was_nominated(open_round, operator_hk, coordinator, student, hk_university):
    services.nominate(open_round, student, university=hk_university, acting_user=coordinator)
    with pytest.raises(DomainError, match="already nominated 1"):
        services.set_quota(open_round, hk_university, 0, acting_user=operator_hk)
    services.set_quota(open_round, hk_university, 4, acting_user=operator_hk)
    assert services.quota_for(open_round, hk_university) == 4


def test_candidates_and_hosts_are_told_when_the_round_moves(application, open_round, operator_hk, student, org_admin):
    from zonebridge.core.models import Notification
    from zonebridge.core.notifications import render

    advance(open_round, operator_hk, "start_review", "start_matching")
    told = Notification.objects.filter(kind="programmes.round_state")
    assert set(told.values_list("recipient__username", flat=True)) == {"student", "org_admin"}
    latest = told.filter(recipient=student).order_by("-pk").first()
    assert render(latest, "zh-hant") == ("海港暑期實習計劃 第 1 輪：配對中", "排序表已鎖定，下一步為配對。")
