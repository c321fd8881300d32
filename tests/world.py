"""The small world the Django tests use: two zones, sectors, organisations and one user per role.

Loaded as a plugin by conftest.py only when pytest-django is active, so the engine's tests also run
without Django (`pytest -p no:django tests/engine`).
"""

import os
import tempfile

import pytest
from django.db import connection
from django.utils import translation
from huey.contrib.djhuey import HUEY

from zonebridge.accounts.models import Membership, PersonProfile, Role, User
from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory.models import OrganisationKind, Region, Sector, Stage, Zone
from zonebridge.directory.services import create_organisation

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _test_settings(settings):
    """Test-only overrides, in one place: a fast hasher and tasks run at once."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    HUEY.immediate = True
    # A request in one test activates its language; start every test in English.
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def lingang(db):
    return Zone.objects.create(slug="lingang", name_en="Lingang Special Area", name_zh_hans="临港新片区",
                               name_zh_hant="臨港新片區", region=Region.MAINLAND, time_zone="Asia/Shanghai")


@pytest.fixture
def hk_hub(db):
    return Zone.objects.create(slug="hk-hub", name_en="Harbour Innovation Hub", name_zh_hans="海港创新中心",
                               name_zh_hant="海港創新中心", region=Region.HONG_KONG, time_zone="Asia/Hong_Kong")


@pytest.fixture
def sectors(db):
    energy = Sector.objects.create(slug="new-energy", name_en="New energy", name_zh_hans="新能源",
                                   name_zh_hant="新能源")
    battery = Sector.objects.create(slug="batteries", parent=energy, name_en="Batteries", name_zh_hans="电池",
                                    name_zh_hant="電池")
    fintech = Sector.objects.create(slug="fintech", name_en="Fintech", name_zh_hans="金融科技", name_zh_hant="金融科技")
    return {"energy": energy, "battery": battery, "fintech": fintech}


@pytest.fixture
def battery_maker(lingang, sectors):
    """A Lingang company whose Chinese profile is written in Simplified."""
    return create_organisation(
        home_zone=lingang, kind=OrganisationKind.COMPANY, slug="sinovolt", chinese_source=ChineseScript.SIMPLIFIED,
        stage=Stage.GROWTH, sectors=[sectors["battery"]],
        texts={"name_en": "Sinovolt Energy", "name_zh_hans": "芯伏能源科技有限公司",
               "summary_en": "Battery packs for electric vehicles",
               "summary_zh_hans": "为新能源汽车提供动力电池系统",
               "description_zh_hans": "我们在临港建设电池工厂，寻找香港的电池管理软件合作伙伴。"},
    )


@pytest.fixture
def fintech_startup(hk_hub, sectors):
    """A Hong Kong start-up whose Chinese profile is written in Traditional."""
    return create_organisation(
        home_zone=hk_hub, kind=OrganisationKind.STARTUP, slug="tidepay", chinese_source=ChineseScript.TRADITIONAL,
        stage=Stage.SEED, sectors=[sectors["fintech"]],
        texts={"name_en": "TidePay", "name_zh_hant": "潮付科技", "summary_en": "Cross-border payments for SMEs",
               "summary_zh_hant": "為中小企業提供跨境支付軟件",
               "description_zh_hant": "我們正尋找上海的銀行作為應用場景試點。"},
    )


@pytest.fixture
def hk_university(hk_hub):
    return create_organisation(home_zone=hk_hub, kind=OrganisationKind.UNIVERSITY, slug="harbour-u",
                               chinese_source=ChineseScript.TRADITIONAL,
                               texts={"name_en": "Harbour University", "name_zh_hant": "海港大學"})


def pdf_bytes(text: str = "CV") -> bytes:
    """A small, valid PDF."""
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%% " + text.encode() + b"\n%%EOF\n")


@pytest.fixture
def cv_upload():
    """A PDF CV as a browser would upload it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("my cv.pdf", pdf_bytes(), content_type="application/pdf")


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Private and public uploads and the search indexes of a test go to its own temporary directories (and
    index stamps are read on every search)."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RANK_INDEX_DIR = tmp_path / "rank-index"
    settings.RANK_INDEX_CHECK_SECONDS = 0


def make_user(username: str, zone: Zone | None, *, listed: bool = True, **extra) -> User:
    """Create an active user with a profile (listed: they chose a public profile) and the test password."""
    user = User.objects.create_user(username=username, email=f"{username}@example.org", password=PASSWORD,
                                    home_zone=zone, display_name=username.replace("_", " ").title(), **extra)
    PersonProfile.objects.create(user=user, headline=f"{username} headline", bio="专注电池管理系统",
                                 contact_email=f"{username}@contact.example", phone="+852 5555 0000",
                                 nationality="HK", is_listed=listed)
    return user


@pytest.fixture
def operator_lingang(lingang):
    user = make_user("operator_lingang", lingang)
    lingang.operators.add(user)
    return user


def make_member(username: str, organisation, role: str) -> User:
    """A user of the organisation's zone with one role in it."""
    user = make_user(username, organisation.home_zone)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def org_admin(fintech_startup):
    return make_member("org_admin", fintech_startup, Role.ORG_ADMIN)


@pytest.fixture
def battery_admin(battery_maker):
    return make_member("battery_admin", battery_maker, Role.ORG_ADMIN)


@pytest.fixture
def org_member(fintech_startup):
    return make_member("org_member", fintech_startup, Role.ORG_MEMBER)


@pytest.fixture
def coordinator(hk_university):
    return make_member("coordinator", hk_university, Role.UNIVERSITY_COORDINATOR)


@pytest.fixture
def student(hk_university):
    return make_member("student", hk_university, Role.STUDENT)


@pytest.fixture
def reviewer(hk_university):
    return make_member("reviewer", hk_university, Role.REVIEWER)


@pytest.fixture
def mentor(hk_university):
    return make_member("mentor", hk_university, Role.MENTOR)


@pytest.fixture
def operator_hk(hk_hub):
    user = make_user("operator_hk", hk_hub)
    hk_hub.operators.add(user)
    return user


@pytest.fixture
def other_org_admin(battery_admin):
    """An organisation admin, but of a Lingang company rather than of TidePay."""
    return battery_admin


@pytest.fixture
def superuser(db):
    user = User.objects.create_superuser("root", "root@example.org", PASSWORD, display_name="Root")
    PersonProfile.objects.create(user=user, is_listed=False)
    return user


@pytest.fixture
def outsider(db):
    return make_user("outsider", None)


@pytest.fixture(scope="session")
def live_server_database(live_server, django_db_setup, django_db_blocker):
    """The live server, with its request threads' PostgreSQL sessions ended before the test database is dropped.

    A browser keeps connections alive, so a server thread can still hold a session when the run ends; PostgreSQL
    then refuses to drop the database.
    """
    yield live_server
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()")


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium_page(request, **device):
    """A page in Debian's chromium driven by Playwright (no browser download), with a fresh profile.

    Every page of it is watched for Chinese in the other script and Taiwan words (tests/browser/conftest.py).
    """
    from playwright.sync_api import sync_playwright

    from tests.browser.checks import watch_language

    # Playwright's sync API runs an event loop in this thread; the tests' ORM calls are still plain sync code.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, locale="en-GB", **device)
        watch_language(context, request.node)
        yield context.pages[0] if context.pages else context.new_page()
        context.close()


@pytest.fixture
def static_files_served(settings):
    """Static files under their plain names, which the live server serves from the source.

    The live server's static handler finds files as `runserver` does (the finders), so it knows no hashed name from
    collectstatic's manifest: without this, every style sheet and script of a page in a browser test is a 404 and
    the pages are tested unstyled and without htmx.
    """
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


@pytest.fixture
def browser_page(static_files_served, request):
    """A desktop-sized page in chromium."""
    yield from _chromium_page(request)


# A common phone: 390 × 844 CSS pixels, touch, mobile layout (Playwright's "iPhone 13" metrics, in chromium).
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone_page(static_files_served, request):
    """A phone-sized page in chromium: browser journeys run their steps here too, by tapping."""
    yield from _chromium_page(request, **PHONE)


@pytest.fixture
def phone_page_without_javascript(static_files_served, request):
    """A phone-sized page with JavaScript off: what must keep working without it (menus, filter panels, forms)."""
    yield from _chromium_page(request, **PHONE, java_script_enabled=False)
