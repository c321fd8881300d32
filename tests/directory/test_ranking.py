"""The directory's results in the cross-lingual engine's order, and a saved profile re-indexed by the worker."""

import pytest
from django.urls import reverse

from zonebridge.accounts.models import User
from zonebridge.core.models import SearchIndexState
from zonebridge.directory.models import Organisation
from zonebridge.directory.queries import apply_filters
from zonebridge.directory.ranking import ORGANISATIONS
from zonebridge.directory.services import create_organisation, update_organisation_profile


def slugs(query: str, **filters) -> list[str]:
    return [organisation.slug for organisation in apply_filters(Organisation.objects.all(), q=query, **filters)]


@pytest.fixture
def robot_profiles(lingang, hk_hub):
    """A robot maker, and a customer-service AI start-up whose profile mentions robots in passing (as the demo's
    did when "robot" listed it first)."""
    create_organisation(home_zone=hk_hub, kind="startup", slug="chatdesk", chinese_source="zh_hant", texts={
        "name_en": "ChatDesk", "summary_en": "Customer service chat robot for banks"})
    create_organisation(home_zone=lingang, kind="company", slug="lingang-robotics", chinese_source="zh_hans", texts={
        "name_en": "Lingang Robotics", "summary_en": "Industrial robot maker",
        "description_en": "We design and manufacture industrial robots and robot arms for welding, painting and "
                          "handling on car assembly lines, with our own servo motors, reducers and controllers.",
        "summary_zh_hans": "工业机器人制造商",
        "description_zh_hans": "设计制造用于汽车焊接、喷涂和搬运的工业机器人与机械臂。"})


def test_before_the_index_is_built_results_keep_the_database_order(robot_profiles):
    assert SearchIndexState.objects.filter(name="organisations").count() == 0
    assert set(slugs("robot")) == {"chatdesk", "lingang-robotics"}


def test_the_engine_puts_the_robot_maker_first(robot_profiles):
    database_order = slugs("robot")
    assert database_order == ["chatdesk", "lingang-robotics"]  # the database prefers the shorter profile
    ORGANISATIONS.rebuild()
    assert slugs("robot") == ["lingang-robotics", "chatdesk"]
    # The engine orders; it does not widen or narrow what the database matched.
    assert set(slugs("robot")) == set(database_order)
    assert slugs("机器人")[0] == "lingang-robotics"


def test_the_page_and_the_api_show_the_engine_order(client, robot_profiles):
    ORGANISATIONS.rebuild()
    page = client.get(reverse("directory:organisation_list"), {"q": "robot"})
    assert [o.slug for o in page.context["page"].object_list] == ["lingang-robotics", "chatdesk"]
    api = client.get("/api/v1/organisations", {"q": "robot"}).json()
    assert [item["slug"] for item in api["items"]] == ["lingang-robotics", "chatdesk"]


def test_filters_still_apply_to_ranked_results(robot_profiles, hk_hub):
    ORGANISATIONS.rebuild()
    assert slugs("robot", zone=hk_hub) == ["chatdesk"]


def test_a_saved_profile_is_reindexed_after_commit(robot_profiles, django_capture_on_commit_callbacks):
    ORGANISATIONS.rebuild()
    before = ORGANISATIONS.stamp()
    chatdesk = Organisation.objects.get(slug="chatdesk")
    editor = User.objects.create_superuser("editor", "editor@example.org", "x-password-x")
    with django_capture_on_commit_callbacks(execute=True):
        update_organisation_profile(chatdesk, acting_user=editor, fields={}, texts={
            "name_en": "ChatDesk", "summary_en": "Welding line robots and robot arms",
            "description_en": "We now build industrial robot arms for car welding lines."})
    assert ORGANISATIONS.stamp() == before + 1
    assert slugs("robot") == ["chatdesk", "lingang-robotics"]


def test_a_saved_profile_does_not_build_an_index_that_was_never_built(robot_profiles,
                                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        create_organisation(home_zone=Organisation.objects.first().home_zone, kind="startup", slug="late",
                            chinese_source="zh_hans", texts={"name_en": "Late robot start-up"})
    assert ORGANISATIONS.stamp() == 0
