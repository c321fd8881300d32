"""Every page and every API operation, for every role, against the declared table in tests/authorisation.py.

A URL pattern or an API operation without a rule fails here, so an app is covered the day it lands.
"""

import json
import re
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from tests import authorisation as table
from tests.world import make_member
from zonebridge.accounts.models import Role
from zonebridge.accounts.services import issue_api_token
from zonebridge.directory.models import Organisation

PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def url_routes(patterns=None, prefix: str = "") -> list[str]:
    """Every route of the project's URL patterns, as `<lang>/accounts/settings/`-like strings."""
    routes = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            part = "<lang>/" if isinstance(pattern.pattern, LocalePrefixPattern) else str(pattern.pattern)
            routes += url_routes(pattern.url_patterns, prefix + part)
        else:
            routes.append(prefix + str(pattern.pattern))
    return list(dict.fromkeys(routes))


def as_openapi_path(route: str) -> str:
    """`api/v1/organisations/<slug>` → `/api/v1/organisations/{slug}`."""
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def is_admin(route: str) -> bool:
    return route.startswith(table.ADMIN_PREFIX)


def fill(route: str, world: dict, params: dict | None = None) -> str:
    """The concrete address of `route`, path parameters taken from the rule, then PATH_VALUES."""

    def value(match: re.Match) -> str:
        name = match.group(1) or match.group(2)
        if name in (params or {}) and not str(params[name]).startswith("@"):
            return str(params[name])
        assert name in (params or {}) or name in table.PATH_VALUES, (
            f"No value for the path parameter {name!r} of {route!r}: declare one in PATH_VALUES "
            "(tests/authorisation.py).")
        declared = (params or {}).get(name) or table.PATH_VALUES[name]
        if declared.startswith("@"):
            found = world[declared[1:]]
            return str(found(route) if callable(found) else found)
        return declared

    path = PARAMETER.sub(value, route).replace("^", "").replace("$", "")
    return "/" + path if not path.startswith("/") else path


def api_operations(client) -> set[tuple[str, str]]:
    """(method, path) of every operation in the published OpenAPI document."""
    document = client.get("/api/openapi.json").json()
    return {(method.upper(), path) for path, operations in document["paths"].items() for method in operations}


@pytest.fixture
def world(settings, monkeypatch, tmp_path, org_admin, other_org_admin, org_member, coordinator, student, reviewer,
          mentor, operator_hk, operator_lingang, superuser, fintech_startup):
    """The users of every role, people who must stay out of sight, and what the path parameters name."""
    settings.MEDIA_ROOT = tmp_path
    # The media URL pattern took MEDIA_ROOT when the URLconf was imported: point it at this test's files too.
    for pattern in get_resolver().url_patterns:
        if "document_root" in getattr(pattern, "default_args", {}):
            monkeypatch.setitem(pattern.default_args, "document_root", str(tmp_path))
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "matrix.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    student.profile.phone = table.MARKERS["student phone"]
    student.profile.contact_email = table.MARKERS["student e-mail"]
    student.profile.save()
    hermit = make_member("hermit", fintech_startup, Role.ORG_MEMBER)
    hermit.display_name = table.MARKERS["unlisted person"]
    hermit.save()
    hermit.profile.is_listed = False
    hermit.profile.save()
    departed = make_member("departed", fintech_startup, Role.ORG_MEMBER)
    departed.display_name = table.MARKERS["inactive person"]
    departed.is_active = False
    departed.save()
    users = {"anonymous": None, "student": student, "org_member": org_member, "org_admin": org_admin,
             "other_org_admin": other_org_admin, "coordinator": coordinator, "reviewer": reviewer,
             "mentor": mentor, "zone_operator": operator_hk, "other_zone_operator": operator_lingang,
             "superuser": superuser}
    assert tuple(users) == table.ROLES
    world = {
        "users": users,
        "org_admin_token_id": issue_api_token(org_admin, "matrix")[0].pk,
        "organisation_content_type_id": ContentType.objects.get_for_model(Organisation).pk,
        "student_id": student.pk,
        "admin_object_id": admin_object_id,
    }
    for app_table in table.APP_TABLES:
        if hasattr(app_table, "build_world"):
            world.update(app_table.build_world(world))
    return world


def admin_object_id(route: str):
    """The primary key of an object of the model an admin route is about (or 0 when it has none)."""
    app_label, model_name = route.removeprefix(table.ADMIN_PREFIX).split("/")[:2]
    if app_label == "r":  # "view on site": /admin/r/<content type>/<object>/ of an organisation
        return Organisation.objects.get(slug="tidepay").pk
    model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    obj = model.objects.order_by("pk").first()
    return obj.pk if obj else 0


class RoleClients:
    """One test client, signed in as each role in turn: its middleware (and WhiteNoise's file scan) loads once."""

    def __init__(self, world: dict):
        self.client = Client()
        self.cookies = {}
        for role, user in world["users"].items():
            self.client.cookies = SimpleCookie()
            if user is not None:
                self.client.force_login(user)
            self.cookies[role] = self.client.cookies

    def as_role(self, role: str) -> Client:
        """The client, carrying `role`'s session."""
        self.client.cookies = self.cookies[role]
        return self.client


def outcome(response) -> str:
    """The class of an answer: OK, LOGIN, or the status code of a refusal."""
    if response.status_code in (301, 302, 303, 307, 308):
        with translation.override("en"):
            sign_in_pages = (reverse("accounts:login"), reverse("admin:login"))
        return table.LOGIN if urlsplit(response["Location"]).path in sign_in_pages else table.OK
    if 200 <= response.status_code < 300:
        return table.OK
    return str(response.status_code)


def check(rule: table.Rule, url: str, world: dict, *, api: bool = False) -> list[str]:
    """Send `rule`'s request as every role; return what differs from the table."""
    tokens = {role: issue_api_token(user, "matrix")[1] for role, user in world["users"].items() if user} if api else {}
    problems = []
    clients = RoleClients(world)
    for role in table.ROLES:
        client = clients.as_role(role)
        headers = {"HTTP_AUTHORIZATION": f"Bearer {tokens[role]}"} if role in tokens else {}
        if rule.method == "GET":
            response = client.get(url, rule.data, **headers)
        elif api:
            response = client.generic(rule.method, url, json.dumps(rule.data), content_type="application/json",
                                      **headers)
        else:
            response = client.generic(rule.method, url, **headers) if rule.method != "POST" else client.post(
                url, rule.data)
        got, expected = outcome(response), rule.expected[role]
        if got != expected:
            problems.append(f"{role}: expected {expected}, got {got} ({response.status_code})")
        body = b"".join(response.streaming_content if response.streaming else [response.content]).decode(
            errors="replace")
        for marker, roles in rule.hidden.items():
            if role in roles and table.MARKERS[marker] in body:
                problems.append(f"{role}: sees the {marker} ({table.MARKERS[marker]!r})")
    return problems


def test_every_url_pattern_has_a_rule(client):
    api_paths = {path for _method, path in api_operations(client)}
    declared = {rule.route for rule in table.PAGES}
    routes = url_routes()
    undeclared = [route for route in routes
                  if route not in declared and not is_admin(route) and as_openapi_path(route) not in api_paths]
    assert not undeclared, (
        "These URL patterns have no authorisation rule. Declare the expected outcome per role for each in "
        "tests/authorisation.py (PAGES), one line per route:\n  " + "\n  ".join(undeclared))
    stale = sorted(declared - set(routes))
    assert not stale, "Rules for URL patterns that no longer exist (remove them from PAGES):\n  " + "\n  ".join(stale)


def test_every_api_operation_has_a_rule(client):
    operations = api_operations(client)
    declared = {(rule.method, rule.route) for rule in table.API}
    undeclared = sorted(operations - declared)
    assert not undeclared, (
        "These API operations have no authorisation rule. Declare the expected outcome per role for each in "
        "tests/authorisation.py (API), one line per operation:\n  " + "\n  ".join(map(" ".join, undeclared)))
    assert not declared - operations, f"Rules for API operations that no longer exist: {sorted(declared - operations)}"


@pytest.mark.parametrize("rule", table.PAGES, ids=lambda rule: rule.id)
def test_pages(rule, world):
    problems = check(rule, fill(rule.route, world, rule.params), world)
    assert not problems, f"{rule.id} breaks the authorisation matrix:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("rule", table.API, ids=lambda rule: rule.id)
def test_api_operations(rule, world):
    problems = check(rule, fill(rule.route.replace("{", "<").replace("}", ">"), world, rule.params), world, api=True)
    assert not problems, f"{rule.id} breaks the authorisation matrix:\n  " + "\n  ".join(problems)


def test_the_admin_is_for_staff_only(world):
    problems = []
    admin_routes = [route for route in url_routes() if is_admin(route)]
    assert len(admin_routes) > 20
    clients = RoleClients(world)
    for route in admin_routes:
        expected = table.ADMIN_EXCEPTIONS.get(route, table.ADMIN)
        url = fill(route, world)
        for role in table.ROLES:
            got = outcome(clients.as_role(role).get(url))
            # Under the general rule a superuser is only required to be let in: a 404 for a missing object or a
            # 403 for an action a model admin disables is the admin's own answer.
            if expected is table.ADMIN and role == "superuser" and got != table.LOGIN:
                continue
            if got != expected[role]:
                problems.append(f"{route} as {role}: expected {expected[role]}, got {got}")
    assert not problems, "The admin must be for staff only:\n  " + "\n  ".join(problems)


def test_revoking_is_for_the_token_owner(client, org_admin, org_member):
    token, _raw = issue_api_token(org_admin, "kept")
    client.force_login(org_member)
    client.post(f"/en/accounts/settings/api-tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    client.force_login(org_admin)
    client.post(f"/en/accounts/settings/api-tokens/{token.pk}/revoke/")
    assert not type(token).objects.filter(pk=token.pk).exists()
