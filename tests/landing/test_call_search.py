"""Calls for pilots are searched through the cross-lingual engine, like the marketplace's postings."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zonebridge.core.models import SearchIndexState
from zonebridge.core.trilingual import ChineseScript
from zonebridge.landing import queries
from zonebridge.landing.ranking import CALLS
from zonebridge.landing.services import scenarios


@pytest.fixture
def deadline():
    return timezone.localdate() + timedelta(days=30)


@pytest.fixture
def calls(battery_maker, battery_admin, deadline, django_capture_on_commit_callbacks):
    """Two calls of a Lingang company, written in Simplified Chinese only, indexed by the task after commit."""
    def publish(title_en, title, problem):
        return scenarios.publish_call(battery_maker, acting_user=battery_admin, deadline=deadline,
                                      chinese_source=ChineseScript.SIMPLIFIED,
                                      texts={"title_en": title_en, "title_zh_hans": title, "problem_zh_hans": problem})
    with django_capture_on_commit_callbacks(execute=True):
        inspection = publish("Line 3 pilot", "电池生产线视觉检测试点",
                             "动力电池生产线需要自动化视觉检测，发现电芯缺陷。")
        canteen = publish("Canteen pilot", "员工食堂智能结算试点", "食堂需要自助结算与菜品识别。")
    return inspection, canteen


def test_publishing_a_call_indexes_it(calls):
    assert SearchIndexState.objects.get(name="calls").documents == 2
    assert {document.id for document in CALLS.current().documents} == {str(call.pk) for call in calls}


def test_an_english_query_finds_a_call_written_only_in_chinese_first(calls):
    inspection, canteen = calls
    found = list(queries.search_calls("battery defect inspection"))
    assert found[0] == inspection
    assert list(queries.search_calls("canteen self-checkout"))[0] == canteen
    assert list(queries.search_calls("電池缺陷檢測"))[0] == inspection


def test_closed_and_past_calls_stay_out_of_the_results(calls, battery_admin):
    inspection, _canteen = calls
    scenarios.close_call(inspection, acting_user=battery_admin)
    assert inspection not in queries.search_calls("battery defect inspection")
    assert inspection in queries.search_calls("battery defect inspection", include_closed=True)


def test_without_a_query_the_soonest_deadline_comes_first(calls):
    inspection, canteen = calls
    type(inspection).objects.filter(pk=canteen.pk).update(deadline=timezone.localdate())
    assert list(queries.search_calls("")) == [canteen, inspection]


def test_the_call_list_page_and_the_api_use_the_engine(client, calls):
    inspection, _canteen = calls
    page = client.get("/en/landing/scenarios/", {"q": "battery defect inspection"})
    assert page.context["page"].object_list[0] == inspection
    api = client.get("/api/v1/landing/scenarios", {"q": "battery defect inspection"}).json()
    assert api["items"][0]["id"] == inspection.pk
