"""The admin of programmes: every page opens; writes go through the services; records of acts are read-only."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.programmes.conftest import advance, run_match
from zonebridge.core.models import AuditEntry
from zonebridge.programmes import services
from zonebridge.programmes.models import Offer, Round

WRITABLE = {"Programme", "Round", "Position"}


def programme_models():
    return [model for model in admin.site._registry if model._meta.app_label == "programmes"]


@pytest.fixture
def everything(open_round, position, application, student, org_admin, operator_hk, mentor, coordinator,
               second_student, hk_university, django_capture_on_commit_callbacks):
    services.nominate(open_round, second_student, university=hk_university, acting_user=coordinator)
    services.add_criterion(open_round, acting_user=operator_hk, texts={"label_en": "Motivation"}, weight=2)
    services.set_student_ranking(application, [position.pk], acting_user=student)
    services.set_host_ranking(position, [application.pk], acting_user=org_admin)
    round_ = advance(open_round, operator_hk, "start_review", "start_matching")
    run_match(round_, operator_hk, django_capture_on_commit_callbacks)
    participant = services.accept_offer(Offer.objects.get(), acting_user=student)
    participant = services.assign_mentor(participant, mentor, acting_user=operator_hk)
    services.add_check_in(participant, acting_user=mentor, note="Fine")
    participant = services.complete_participation(participant, acting_user=operator_hk)
    services.submit_feedback(participant, acting_user=student, rating=5, would_recommend=True)


@pytest.mark.parametrize("model", programme_models(), ids=lambda model: model.__name__)
def test_the_admin_pages_open(client, superuser, everything, model):
    client.force_login(superuser)
    meta = model._meta
    assert client.get(reverse(f"admin:programmes_{meta.model_name}_changelist")).status_code == 200
    obj = model.objects.first()
    assert obj is not None, model
    assert client.get(reverse(f"admin:programmes_{meta.model_name}_change", args=[obj.pk])).status_code == 200
    add = client.get(reverse(f"admin:programmes_{meta.model_name}_add"))
    assert add.status_code == (200 if model.__name__ in WRITABLE else 403)


def test_a_round_moves_through_an_admin_action_of_the_workflow(client, superuser, round_, position):
    client.force_login(superuser)
    client.post(reverse("admin:programmes_round_changelist"), {"action": "transition_open",
                                                                "_selected_action": [round_.pk]})
    assert Round.objects.get(pk=round_.pk).state == "open"
    assert AuditEntry.objects.filter(action="programmes.round.open", actor_id=superuser.pk).exists()


def test_a_position_saved_in_the_admin_is_converted_by_the_service(client, superuser, round_, fintech_startup):
    client.force_login(superuser)
    client.post(reverse("admin:programmes_position_add"), {
        "round": round_.pk, "host": fintech_startup.pk, "kind": "internship", "capacity": 2, "work_mode": "hybrid",
        "chinese_source": "zh_hant", "title_en": "Admin-made", "title_zh_hant": "後台職位"})
    position = round_.positions.get(title_en="Admin-made")
    assert position.title_zh_hans == "后台职位"
    assert AuditEntry.objects.filter(action="programmes.position.create").exists()
