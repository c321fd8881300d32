"""`zonebridge seed`: the shape of the demo world, determinism, script conversion, search, refusals and errors."""

import random
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from zonebridge.accounts.models import Membership, Role, User
from zonebridge.core.chinese import convert
from zonebridge.core.trilingual import conversion_for
from zonebridge.demo.content import profiles
from zonebridge.demo.content.accounts import DEMO_PASSWORD
from zonebridge.demo.seed import DEMO_LOGINS, SCALES, SeedRefused, allocate, reset_database, seed_demo
from zonebridge.directory.models import Organisation, Sector, Zone
from zonebridge.directory.search import search_organisations
from zonebridge.directory.services import refresh_search_document
from zonebridge.engine.text import is_traditional
from zonebridge.policy.accounts import has_active_consent
from zonebridge.policy.directory import may_edit_organisation

SMALL = SCALES["small"]


@pytest.fixture
def report(db):
    return seed_demo(seed=7, scale="small")


def _organisations(zone_slug: str):
    return Organisation.objects.filter(home_zone__slug=zone_slug)


def _fingerprint() -> list[tuple[str, str, str]]:
    return list(Organisation.objects.order_by("slug").values_list("slug", "name_en", "name_zh_hans"))


# --- Shape -------------------------------------------------------------------------------------------------------


def test_it_creates_the_two_zones(report):
    lingang, hub = Zone.objects.get(slug="lingang"), Zone.objects.get(slug="hk-hub")
    assert (lingang.region, lingang.time_zone) == ("mainland", "Asia/Shanghai")
    assert lingang.name_zh_hans == "中国（上海）自由贸易试验区临港新片区"
    assert lingang.name_zh_hant == "中國（上海）自由貿易試驗區臨港新片區"
    assert (hub.region, hub.time_zone) == ("hong_kong", "Asia/Hong_Kong")
    assert Zone.objects.count() == 2


def test_it_creates_the_sector_taxonomy(report):
    top_level = Sector.objects.filter(parent=None)
    assert 12 <= top_level.count() <= 16
    for sector in top_level:
        assert 3 <= sector.children.count() <= 5
    for sector in Sector.objects.all():
        assert sector.name_en and sector.name_zh_hans and sector.name_zh_hant


def test_hong_kong_organisations_are_mostly_start_ups_written_in_traditional(report):
    hub = _organisations("hk-hub")
    assert hub.exclude(kind="university").count() == SMALL.hk_organisations
    assert hub.filter(kind="startup").count() > SMALL.hk_organisations / 2
    for kind in ("incubator", "investor", "service_provider", "media"):
        assert hub.filter(kind=kind).exists(), kind
    assert set(hub.values_list("chinese_source", flat=True)) == {"zh_hant"}
    assert not hub.filter(description_en="").exists()


def test_lingang_organisations_are_mostly_companies_written_in_simplified(report):
    lingang = _organisations("lingang")
    assert lingang.exclude(kind="university").count() == SMALL.sh_organisations
    assert lingang.filter(kind="company").count() > lingang.filter(kind="startup").count()
    assert set(lingang.values_list("chinese_source", flat=True)) == {"zh_hans"}
    assert not lingang.filter(name_en="").exists()


def test_every_organisation_has_a_valid_profile(report):
    for organisation in Organisation.objects.prefetch_related("sectors"):
        organisation.full_clean(exclude=["search_document"])
        assert re.fullmatch(r"[a-z0-9-]+", organisation.slug)
        assert 1 <= organisation.sectors.count() <= 3
        assert organisation.website == "" or organisation.website.endswith(".example")
        if organisation.kind in ("startup", "company"):
            assert organisation.stage and organisation.size and organisation.founded_year


def test_universities_have_students_of_their_own_zone(report):
    universities = Organisation.objects.filter(kind="university")
    assert universities.count() == 2 * SMALL.universities_per_zone
    students = Membership.objects.filter(role=Role.STUDENT).exclude(user__username="student")
    assert students.count() == SMALL.students
    for membership in students.select_related("user__profile", "organisation"):
        assert membership.organisation.kind == "university"
        assert membership.user.home_zone_id == membership.organisation.home_zone_id
        profile = membership.user.profile
        assert profile.headline and profile.skills
        assert profile.phone and profile.contact_email and profile.nationality and profile.date_of_birth
    coordinators = Membership.objects.filter(role=Role.UNIVERSITY_COORDINATOR).exclude(user__username="coordinator")
    assert sorted(coordinators.values_list("organisation__slug", flat=True)) == sorted(
        universities.values_list("slug", flat=True))


def test_about_forty_per_cent_of_students_granted_cross_border_consent(db):
    report = seed_demo(seed=3, scale="small")
    students = User.objects.filter(memberships__role=Role.STUDENT)
    consenting = [student for student in students if has_active_consent(student)]
    assert len(consenting) == report.counts["consents_active"]
    assert 0.2 <= len(consenting) / students.count() <= 0.6


def test_every_demo_login_has_its_role(report):
    users = {user.username: user for user in User.objects.filter(username__in=[name for name, _ in DEMO_LOGINS])}
    assert set(users) == {name for name, _ in DEMO_LOGINS}
    for user in users.values():
        assert user.check_password(DEMO_PASSWORD)
        assert user.display_name and user.home_zone and user.profile.headline

    def memberships(username):
        return list(Membership.objects.filter(user=users[username]).select_related("organisation__home_zone"))

    assert users["admin"].is_superuser and users["admin"].is_staff
    assert users["operator-lingang"] in Zone.objects.get(slug="lingang").operators.all()
    assert users["operator-hk"] in Zone.objects.get(slug="hk-hub").operators.all()
    [admin_of] = memberships("orgadmin")
    assert (admin_of.role, admin_of.organisation.kind, admin_of.organisation.home_zone.slug) == (
        Role.ORG_ADMIN, "startup", "hk-hub")
    [member_of] = memberships("member")
    assert (member_of.role, member_of.organisation) == (Role.ORG_MEMBER, admin_of.organisation)
    [sh_admin_of] = memberships("orgadmin-sh")
    assert (sh_admin_of.role, sh_admin_of.organisation.home_zone.slug) == (Role.ORG_ADMIN, "lingang")
    assert sh_admin_of.organisation.chinese_source == "zh_hans"
    [coordinator_of] = memberships("coordinator")
    assert (coordinator_of.role, coordinator_of.organisation.kind, coordinator_of.organisation.home_zone.slug) == (
        Role.UNIVERSITY_COORDINATOR, "university", "hk-hub")
    [student_of] = memberships("student")
    assert (student_of.role, student_of.organisation.kind, student_of.organisation.home_zone.slug) == (
        Role.STUDENT, "university", "lingang")
    assert has_active_consent(users["student"])
    assert [m.role for m in memberships("mentor")] == [Role.MENTOR]
    assert [m.role for m in memberships("reviewer")] == [Role.REVIEWER]
    assert may_edit_organisation(users["orgadmin"], admin_of.organisation)


def test_the_report_carries_counts_and_logins(report):
    assert [login.username for login in report.logins] == [name for name, _ in DEMO_LOGINS]
    assert {login.password for login in report.logins} == {DEMO_PASSWORD}
    assert report.counts["organisations"] == Organisation.objects.count()
    assert report.counts["students"] == SMALL.students
    assert report.counts["users"] == User.objects.count()
    assert "organisations" in report.summary() and report.seconds >= 0
    orgadmin = next(login for login in report.logins if login.username == "orgadmin")
    admin_of = Membership.objects.get(user__username="orgadmin").organisation
    assert admin_of.name_en in orgadmin.role


# --- Determinism ---------------------------------------------------------------------------------------------------


def test_the_same_seed_writes_the_same_organisations(db):
    seed_demo(seed=11, scale="small")
    first = _fingerprint()
    reset_database()
    seed_demo(seed=11, scale="small")
    assert _fingerprint() == first


def test_a_different_seed_writes_different_organisations(db):
    seed_demo(seed=11, scale="small")
    first = _fingerprint()
    seed_demo(seed=12, scale="small", reset=True)
    assert _fingerprint() != first


# --- Scripts and search --------------------------------------------------------------------------------------------


def test_the_other_chinese_script_is_converted_by_the_core_pipeline(report):
    for organisation in Organisation.objects.select_related("home_zone"):
        source = organisation.chinese_source
        target = "zh_hant" if source == "zh_hans" else "zh_hans"
        config = conversion_for(organisation.home_zone.region, source)
        for field in ("name", "summary", "description"):
            written = getattr(organisation, f"{field}_{source}")
            assert getattr(organisation, f"{field}_{target}") == convert(written, config)
        assert organisation.hand_written_fields == []


def test_a_shanghai_profile_is_written_in_simplified_and_converted_for_hong_kong_readers(report):
    organisation = _organisations("lingang").filter(kind="company").first()
    assert conversion_for(organisation.home_zone.region, "zh_hans") == "s2hk"
    assert organisation.description_zh_hant == convert(organisation.description_zh_hans, "s2hk")
    assert "户" not in organisation.description_zh_hant  # Hong Kong forms, not OpenCC's
    assert not is_traditional(organisation.description_zh_hans)


def test_the_search_document_is_what_the_directory_service_computes(report):
    for organisation in Organisation.objects.select_related("home_zone").prefetch_related("sectors"):
        seeded = organisation.search_document
        refresh_search_document(organisation)
        assert organisation.search_document == seeded, organisation.slug


def test_search_finds_a_shanghai_company_by_its_traditional_name(report):
    organisation = _organisations("lingang").filter(kind="company").first()
    found = search_organisations(Organisation.objects.all(), organisation.name_zh_hant)
    assert organisation in found


def test_search_finds_a_hong_kong_start_up_by_a_word_of_its_traditional_summary(report):
    organisation = _organisations("hk-hub").filter(kind="startup").first()
    brand = organisation.name_zh_hant[:2]  # the two-character brand, e.g. 潮浪
    found = search_organisations(Organisation.objects.all(), brand)
    assert brand in organisation.summary_zh_hant or brand in organisation.description_zh_hant
    assert organisation in found


# --- The command ---------------------------------------------------------------------------------------------------


def test_the_command_prints_a_summary_and_the_logins(db):
    out = StringIO()
    call_command("seed", scale="small", seed=2, stdout=out)
    output = out.getvalue()
    assert "Seeded the small data set (seed 2)" in output
    assert DEMO_PASSWORD in output
    for username, _role in DEMO_LOGINS:
        assert username in output


def test_the_command_refuses_a_database_that_holds_data(report):
    with pytest.raises(CommandError, match="already holds data; use --reset"):
        call_command("seed", scale="small", stdout=StringIO())
    with pytest.raises(SeedRefused):
        seed_demo(seed=1, scale="small")


def test_reset_deletes_the_data_and_seeds_again(report):
    slugs_before = set(Organisation.objects.values_list("slug", flat=True))
    call_command("seed", "--reset", "--seed", "8", "--scale", "small", stdout=StringIO())
    assert Zone.objects.count() == 2
    assert Organisation.objects.exclude(kind="university").count() == SMALL.hk_organisations + SMALL.sh_organisations
    assert set(Organisation.objects.values_list("slug", flat=True)) != slugs_before


@pytest.mark.parametrize("arguments, message", [
    (["--scale", "huge"], "invalid choice: 'huge'"),
    (["--seed", "-1"], "must be an integer ≥ 0"),
    (["--seed", "many"], "must be an integer ≥ 0"),
])
def test_the_command_rejects_bad_arguments(db, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("seed", *arguments, stdout=StringIO())
    assert not Zone.objects.exists()


def test_bad_arguments_passed_as_options_are_rejected_too(db):
    # call_command(seed=-1) bypasses argparse, so the command checks again.
    with pytest.raises(CommandError, match="seed must be an integer ≥ 0"):
        call_command("seed", seed=-1, scale="small", stdout=StringIO())
    with pytest.raises(CommandError, match="scale must be one of"):
        call_command("seed", seed=1, scale="galactic", stdout=StringIO())
    with pytest.raises(ValueError):
        seed_demo(seed=True, scale="small")


# --- The writing material (no database) ----------------------------------------------------------------------------


def test_kinds_are_allocated_by_share_with_at_least_one_of_each():
    shares = (("startup", 82), ("company", 5), ("incubator", 3), ("media", 1.5))
    kinds = allocate(40, shares)
    assert len(kinds) == 40
    assert {kind: kinds.count(kind) for kind, _ in shares}["media"] == 1
    assert kinds.count("startup") > 30


@pytest.mark.parametrize("side", [profiles.HONG_KONG, profiles.SHANGHAI], ids=["hong-kong", "shanghai"])
def test_written_profiles_fill_every_slot_fit_their_fields_and_use_the_right_script(side):
    rng = random.Random(2024)
    brands = profiles.BrandPool(rng)
    writers = [lambda: profiles.write_company(rng, side, "startup", brands),
               lambda: profiles.write_company(rng, side, "company", brands),
               lambda: profiles.write_incubator(rng, side, brands),
               lambda: profiles.write_investor(rng, side, brands),
               lambda: profiles.write_service_provider(rng, side, brands),
               lambda: profiles.write_media(rng, side, brands)]
    slugs = set()
    for _ in range(60):
        for write in writers:
            draft = write()
            assert draft.slug not in slugs
            slugs.add(draft.slug)
            chinese = draft.texts[f"description_{side.script}"]
            for text in draft.texts.values():
                assert "{" not in text and "}" not in text, text
            assert len(draft.texts[f"summary_{side.script}"]) <= 300
            assert len(draft.texts["summary_en"]) <= 300
            assert len(draft.slug) <= 80
            # Hong Kong authors write Traditional; mainland authors write Simplified.
            assert is_traditional(chinese) == (side.script == "zh_hant"), chinese
